//! The bad-input table (tests/c/bad_input.c) through both libraries: every
//! NULL, bad descriptor, bad length, unknown flag, malformed address and
//! undersized buffer gets its exact documented code, and nothing crashes.

use std::process::Command;

use sockcore_e2e::{c_build, Link, Process};

fn run_table(link: Link) {
    let program = c_build(env!("CARGO_TARGET_TMPDIR")).test_program(link, "bad_input");
    let finished = Process::spawn(&mut Command::new(program)).finish();
    finished.assert_success();
    let summary = finished.stdout.lines().last().unwrap_or_default();
    let (passed, failed) = summary
        .split_once(" passed, ")
        .and_then(|(passed, rest)| {
            Some((passed.parse::<u32>().ok()?, rest.strip_suffix(" failed")?))
        })
        .unwrap_or_else(|| panic!("no summary line in {finished}"));
    assert_eq!(failed, "0", "{finished}");
    assert!(passed >= 200, "only {passed} cases ran:\n{finished}");
    println!("bad input through libsockcore ({link}): {passed} cases tried, {passed} held");
}

#[test]
fn bad_input_through_the_static_library() {
    run_table(Link::Static);
}

#[test]
fn bad_input_through_the_shared_library() {
    run_table(Link::Shared);
}
