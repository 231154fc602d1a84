//! tests/c/msg_batch.c through both libraries: sc_sendmmsg and
//! sc_recvmmsg in whole batches and batches that stop part-way, with exact
//! counts; each case an exact code (tests/c/case_harness.h).

use sockcore_e2e::{c_build, Link};

#[test]
fn batch_edges() {
    for link in Link::BOTH {
        c_build(env!("CARGO_TARGET_TMPDIR"))
            .run_case_table(link, "msg_batch", 50)
            .0
            .assert_stdout_has("batch of 8 over 127.0.0.1:0")
            .assert_stdout_has("batch of 8 over [::1]:0");
    }
}
