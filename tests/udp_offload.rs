//! tests/c/udp_offload.c through both libraries: 64 MiB checksummed
//! through GSO and GRO over IPv4 and IPv6, the stateless calls, a short
//! last segment, 200 datagrams in one call, the sendmmsg fallback with
//! identical datagrams, runs into small buffers, a recvmmsg batch with a
//! segment size per message, and the UDP options; each case an exact
//! result (tests/c/case_harness.h).

use sockcore_e2e::{c_build, Link};

#[test]
fn offload_through_both_libraries() {
    for link in Link::BOTH {
        c_build(env!("CARGO_TARGET_TMPDIR"))
            .run_case_table(link, "udp_offload", 100)
            .0
            .assert_stdout_has("64 MiB over 127.0.0.1:")
            .assert_stdout_has("64 MiB over [::1]:")
            .assert_stdout_has("8 MiB over 127.0.0.1:");
    }
}
