//! tests/c/msg_readiness.c through both libraries: sc_poll, sc_wait_ready
//! and the time-out calls, in time and never blocking past their deadline;
//! each case an exact code (tests/c/case_harness.h).

use sockcore_e2e::{c_build, Link};

#[test]
fn poll_and_time_outs() {
    for link in Link::BOTH {
        c_build(env!("CARGO_TARGET_TMPDIR")).run_case_table(link, "msg_readiness", 65);
    }
}
