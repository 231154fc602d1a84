//! The no_std claim: builds core/tests/no_std_probe, a `#![no_std]`,
//! `#![no_main]` program with no global allocator that links sockcore, and
//! runs it. If sockcore pulled in std (a second panic handler and lang
//! items) or alloc (no allocator to link), the build fails here.
//!
//! Its own test binary: it is no socket test, but a build of another
//! program with cargo.

use std::path::Path;
use std::process::Command;

#[test]
fn a_no_std_program_without_an_allocator_links_and_runs() {
    let probe = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/no_std_probe/Cargo.toml");
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no_std_probe");
    let build = Command::new(env!("CARGO"))
        .args(["build", "--release", "--manifest-path"])
        .arg(&probe)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("run cargo");
    assert!(
        build.status.success(),
        "the no_std probe does not build:\n{}",
        String::from_utf8_lossy(&build.stderr)
    );

    let run = Command::new(target.join("release/sockcore-no-std-probe"))
        .output()
        .expect("run the no_std probe");
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "the no_std probe failed: {said}");
    assert_eq!(said, "no_std probe: ok\n");
}
