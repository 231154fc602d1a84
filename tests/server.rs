//! tests/c/server.c through both libraries: epoll, TCP_INFO, TCP Fast Open
//! (in a network namespace the program creates; root) and sendfile through
//! the C ABI, with SIGPIPE at its default action; each case an exact code
//! (tests/c/case_harness.h).

use sockcore_e2e::{c_build, Link};

#[test]
fn server_calls_through_the_c_abi() {
    for link in Link::BOTH {
        c_build(env!("CARGO_TARGET_TMPDIR")).run_case_table(link, "server", 100);
    }
}
