//! tests/c/bad_input.c through both libraries: every NULL, bad descriptor,
//! bad length, unknown flag, malformed address and undersized buffer gets
//! its exact documented code, and nothing crashes (tests/c/case_harness.h).

use sockcore_e2e::{c_build, Link};

fn run_table(link: Link) {
    c_build(env!("CARGO_TARGET_TMPDIR")).run_case_table(link, "bad_input", 240);
}

#[test]
fn bad_input_through_the_static_library() {
    run_table(Link::Static);
}

#[test]
fn bad_input_through_the_shared_library() {
    run_table(Link::Shared);
}
