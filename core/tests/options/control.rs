//! The switches that turn on received control messages, each set and read
//! back on its family's socket (and refused on the other family's), and
//! the timestamping flags.

use sockcore::{Domain, Errno, Result, SocketFd, TimestampingFlags, Type};

use crate::support::sockets::new_socket;

type Setter = fn(&SocketFd, bool) -> Result<()>;
type Getter = fn(&SocketFd) -> Result<bool>;

/// Each switch: its name, family, setter and getter.
const SWITCHES: [(&str, Domain, Setter, Getter); 11] = [
    (
        "IP_PKTINFO",
        Domain::IPV4,
        SocketFd::set_recv_packet_info,
        SocketFd::recv_packet_info,
    ),
    (
        "IPV6_RECVPKTINFO",
        Domain::IPV6,
        SocketFd::set_recv_packet_info_v6,
        SocketFd::recv_packet_info_v6,
    ),
    (
        "IP_RECVTOS",
        Domain::IPV4,
        SocketFd::set_recv_tos,
        SocketFd::recv_tos,
    ),
    (
        "IPV6_RECVTCLASS",
        Domain::IPV6,
        SocketFd::set_recv_tclass_v6,
        SocketFd::recv_tclass_v6,
    ),
    (
        "IP_RECVTTL",
        Domain::IPV4,
        SocketFd::set_recv_ttl,
        SocketFd::recv_ttl,
    ),
    (
        "IPV6_RECVHOPLIMIT",
        Domain::IPV6,
        SocketFd::set_recv_hop_limit_v6,
        SocketFd::recv_hop_limit_v6,
    ),
    (
        "IP_RECVERR",
        Domain::IPV4,
        SocketFd::set_recv_errors,
        SocketFd::recv_errors,
    ),
    (
        "IPV6_RECVERR",
        Domain::IPV6,
        SocketFd::set_recv_errors_v6,
        SocketFd::recv_errors_v6,
    ),
    (
        "IP_RECVORIGDSTADDR",
        Domain::IPV4,
        SocketFd::set_recv_original_destination,
        SocketFd::recv_original_destination,
    ),
    (
        "IPV6_RECVORIGDSTADDR",
        Domain::IPV6,
        SocketFd::set_recv_original_destination_v6,
        SocketFd::recv_original_destination_v6,
    ),
    (
        "SO_RXQ_OVFL",
        Domain::IPV4,
        SocketFd::set_recv_drop_count,
        SocketFd::recv_drop_count,
    ),
];

/// Whether qemu-user emulates setting and reading the option `name`: it
/// does not emulate `IP_RECVORIGDSTADDR` and `SO_RXQ_OVFL` at all, nor
/// `getsockopt(IP_RECVTTL)` (setting it works).
fn emulated(name: &str) -> bool {
    !(cfg!(sockcore_qemu) && matches!(name, "IP_RECVORIGDSTADDR" | "SO_RXQ_OVFL" | "IP_RECVTTL"))
}

#[test]
fn receive_switches_round_trip() {
    let mut checked = 0;
    for (name, domain, set, get) in SWITCHES {
        if !emulated(name) {
            continue;
        }
        let socket = new_socket(domain, Type::DGRAM);
        assert_eq!(get(&socket), Ok(false), "{name} starts off");
        set(&socket, true).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(get(&socket), Ok(true), "{name} on");
        set(&socket, false).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(get(&socket), Ok(false), "{name} off");
        checked += 1;
    }
    assert!(checked >= 8);
}

#[test]
fn ipv6_switches_refused_on_ipv4_sockets() {
    let v4 = new_socket(Domain::IPV4, Type::DGRAM);
    for (name, domain, set, _) in SWITCHES {
        if domain == Domain::IPV6 {
            assert_eq!(set(&v4, true), Err(Errno::ENOPROTOOPT), "{name}");
        }
    }
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user does not emulate SO_TIMESTAMPNS or SO_TIMESTAMPING"
)]
fn timestamp_options_round_trip() {
    let socket = new_socket(Domain::IPV6, Type::DGRAM);
    assert_eq!(socket.recv_timestamps(), Ok(false));
    socket
        .set_recv_timestamps(true)
        .expect("SO_TIMESTAMPNS_NEW");
    assert_eq!(socket.recv_timestamps(), Ok(true));
    socket.set_recv_timestamps(false).expect("off");
    assert_eq!(socket.recv_timestamps(), Ok(false));

    assert_eq!(socket.timestamping(), Ok(TimestampingFlags::empty()));
    for flags in [
        TimestampingFlags::RX_SOFTWARE | TimestampingFlags::SOFTWARE,
        TimestampingFlags::TX_SOFTWARE
            | TimestampingFlags::SOFTWARE
            | TimestampingFlags::OPT_ID
            | TimestampingFlags::OPT_TSONLY,
        TimestampingFlags::empty(),
    ] {
        socket.set_timestamping(flags).expect("SO_TIMESTAMPING_NEW");
        assert_eq!(socket.timestamping(), Ok(flags));
    }
    // The kernel checks the combination: OPT_TX_SWHW with no stamps to
    // report is fine, but OPT_ID on a stream needs it set before data.
    socket
        .set_timestamping(TimestampingFlags::OPT_TX_SWHW)
        .expect("accepted");
}
