//! tests/c/msg_options.c through both libraries: every typed option set
//! and read back, the read-only ones, raw options and multicast on lo; each
//! case an exact code (tests/c/case_harness.h).

use sockcore_e2e::{c_build, Link};

#[test]
fn option_round_trips() {
    for link in Link::BOTH {
        c_build(env!("CARGO_TARGET_TMPDIR")).run_case_table(link, "msg_options", 390);
    }
}
