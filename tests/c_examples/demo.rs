//! c-examples/demo.sh through `make demo`: the server/client flow in C,
//! then the same flow in Rust.

use sockcore_e2e::Process;

use crate::build;

#[test]
fn make_demo_runs_the_c_flow_then_the_rust_flow() {
    let demo = Process::spawn(&mut build().make_goal("demo")).finish();
    demo.assert_success()
        .assert_stdout_has("server: listening on 127.0.0.1:")
        .assert_stdout_has("client: sc_read_exact(fd ")
        .assert_stdout_has("server: served 1 clients")
        .assert_stdout_has("== the C flow is done; now the same flow in Rust")
        .assert_stdout_has("flow: done");
}
