//! tests/c/cmsg_typed.c through both libraries: every typed builder and
//! reader over real sockets, each case an exact value
//! (tests/c/case_harness.h); and the header's SC_CMSG_SPACE_* macros, as
//! the C program printed them, against the core's `cmsg_space_for_*`.

use sockcore::{
    cmsg_space, cmsg_space_for_all_received, cmsg_space_for_dontfrag, cmsg_space_for_drop_count,
    cmsg_space_for_extended_error_v4, cmsg_space_for_extended_error_v6, cmsg_space_for_gro_segment,
    cmsg_space_for_hop_limit, cmsg_space_for_original_destination_v4,
    cmsg_space_for_original_destination_v6, cmsg_space_for_packet_info_v4,
    cmsg_space_for_packet_info_v6, cmsg_space_for_timestamp, cmsg_space_for_timestamping,
    cmsg_space_for_tos, cmsg_space_for_tx_timestamp, cmsg_space_for_udp_segment,
};
use sockcore_e2e::{c_build, Link};

/// A size the core computes.
type Space = fn() -> usize;

/// Each macro and the Rust function it must equal.
const SPACES: [(&str, Space); 16] = [
    ("SC_CMSG_SPACE_UDP_SEGMENT", cmsg_space_for_udp_segment),
    ("SC_CMSG_SPACE_UDP_GRO", cmsg_space_for_gro_segment),
    ("SC_CMSG_SPACE_PKTINFO_V4", cmsg_space_for_packet_info_v4),
    ("SC_CMSG_SPACE_PKTINFO_V6", cmsg_space_for_packet_info_v6),
    ("SC_CMSG_SPACE_TOS", cmsg_space_for_tos),
    ("SC_CMSG_SPACE_TTL", cmsg_space_for_hop_limit),
    ("SC_CMSG_SPACE_DONTFRAG", cmsg_space_for_dontfrag),
    ("SC_CMSG_SPACE_TX_TIMESTAMP", cmsg_space_for_tx_timestamp),
    ("SC_CMSG_SPACE_TIMESTAMP", cmsg_space_for_timestamp),
    ("SC_CMSG_SPACE_TIMESTAMPING", cmsg_space_for_timestamping),
    (
        "SC_CMSG_SPACE_EXTENDED_ERR_V4",
        cmsg_space_for_extended_error_v4,
    ),
    (
        "SC_CMSG_SPACE_EXTENDED_ERR_V6",
        cmsg_space_for_extended_error_v6,
    ),
    (
        "SC_CMSG_SPACE_ORIGDSTADDR_V4",
        cmsg_space_for_original_destination_v4,
    ),
    (
        "SC_CMSG_SPACE_ORIGDSTADDR_V6",
        cmsg_space_for_original_destination_v6,
    ),
    ("SC_CMSG_SPACE_DROP_COUNT", cmsg_space_for_drop_count),
    ("SC_CMSG_SPACE_RECV_ALL", cmsg_space_for_all_received),
];

#[test]
fn typed_control_messages_through_both_libraries() {
    for link in Link::BOTH {
        let (finished, _) =
            c_build(env!("CARGO_TARGET_TMPDIR")).run_case_table(link, "cmsg_typed", 250);
        for (name, rust) in SPACES {
            // The case line: "ok    NAME<padding> = VALUE".
            let line = finished
                .stdout
                .lines()
                .find(|line| line.starts_with("ok") && line.split_whitespace().nth(1) == Some(name))
                .unwrap_or_else(|| panic!("no case for {name}"));
            let value: usize = line
                .rsplit(" = ")
                .next()
                .unwrap()
                .parse()
                .expect("a number");
            assert_eq!(value, rust(), "{name}");
        }
    }
    // And the one kind without a function: IP_TOS as received, one byte.
    assert_eq!(cmsg_space(1), cmsg_space_for_tos());
}
