//! tests/c/addr_table.c through both libraries: addresses built from
//! numbers and names, changed and read back, interface names as IPv6
//! scopes, a datagram sent with no address text at all, and a socket with
//! no name reported one way by every call (tests/c/case_harness.h).

use sockcore_e2e::{c_build, Link};

#[test]
fn addresses_through_both_libraries() {
    for link in Link::BOTH {
        c_build(env!("CARGO_TARGET_TMPDIR")).run_case_table(link, "addr_table", 100);
    }
}
