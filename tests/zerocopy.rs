//! tests/c/zerocopy.c through both libraries: SO_ZEROCOPY, zero-copy sends
//! over TCP (IPv4, IPv6) and UDP whose completions cover every send once,
//! POLLERR with no pending error, a completion read as an error-queue
//! entry, an ICMP error read first, a Unix socket, and no descriptor left
//! open; each case an exact value (tests/c/case_harness.h).

use sockcore_e2e::{c_build, Link};

#[test]
fn zero_copy_sends_through_both_libraries() {
    for link in Link::BOTH {
        c_build(env!("CARGO_TARGET_TMPDIR")).run_case_table(link, "zerocopy", 110);
    }
}
