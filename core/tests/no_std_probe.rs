//! The no_std claim: builds core/tests/no_std_probe/probe.rs as a
//! `#![no_std]`, `#![no_main]` program with no global allocator that links
//! sockcore, and runs it. If sockcore pulled in std (a second panic handler
//! and lang items) or alloc (no allocator to link), the build fails here.
//!
//! The probe is a package of its own, written by this test into its
//! temporary directory: a Cargo.toml inside the crate would make its folder
//! a separate package that `cargo package` leaves out, and the packaged
//! crate could no longer run this test. It is built with no `RUSTFLAGS`, so
//! it also proves that a `no_std` program links with no extra flags.
//!
//! With `SOCKCORE_PROBE_TARGET=<triple>`, the probe is built for that target
//! and run through `CARGO_TARGET_<TRIPLE>_RUNNER` (.ci/cross uses this for
//! its qemu targets, with the target's linker in
//! `CARGO_TARGET_<TRIPLE>_LINKER`).
//!
//! Its own test binary: it is no socket test, but a build of another
//! program with cargo.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The probe's manifest: sockcore from this crate's folder, panics abort
/// (there is no unwinder to run), no workspace around it.
fn manifest(crate_dir: &Path, source: &Path) -> String {
    format!(
        r#"[package]
name = "sockcore-no-std-probe"
version = "0.0.0"
edition = "2021"
publish = false

[[bin]]
name = "sockcore-no-std-probe"
path = {source:?}

[dependencies]
sockcore = {{ path = {crate_dir:?} }}
libc = {{ version = "0.2.155", default-features = false }}

[workspace]

[profile.dev]
panic = "abort"

[profile.release]
panic = "abort"
lto = true
"#
    )
}

/// Writes the probe's package under `dir`; returns its manifest.
fn write_package(dir: &Path) -> PathBuf {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let source = crate_dir.join("tests/no_std_probe/probe.rs");
    fs::create_dir_all(dir).expect("the test's tmp dir is writable");
    let manifest_path = dir.join("Cargo.toml");
    fs::write(&manifest_path, manifest(crate_dir, &source)).expect("write the manifest");
    // The versions this crate was tested with: the workspace's lockfile, or
    // the packaged crate's own.
    let lockfile = [
        crate_dir.join("Cargo.lock"),
        crate_dir.join("../Cargo.lock"),
    ]
    .into_iter()
    .find(|lock| lock.is_file());
    if let Some(lockfile) = lockfile {
        fs::copy(lockfile, dir.join("Cargo.lock")).expect("copy the lockfile");
    }
    manifest_path
}

#[test]
fn a_no_std_program_without_an_allocator_links_and_runs() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no_std_probe");
    let manifest_path = write_package(&dir);
    let target = env::var("SOCKCORE_PROBE_TARGET").ok();

    let mut build = Command::new(env!("CARGO"));
    build
        .args(["build", "--release", "--manifest-path"])
        .arg(&manifest_path)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        // No flags: a no_std program must link without help.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS");
    if let Some(triple) = &target {
        build.args(["--target", triple]);
    }
    let built = build.output().expect("run cargo");
    assert!(
        built.status.success(),
        "the no_std probe does not build:\n{}",
        String::from_utf8_lossy(&built.stderr)
    );

    let release = match &target {
        Some(triple) => dir.join("target").join(triple).join("release"),
        None => dir.join("target/release"),
    };
    let program = release.join("sockcore-no-std-probe");
    let runner = target.as_ref().and_then(|triple| {
        let var = format!(
            "CARGO_TARGET_{}_RUNNER",
            triple.replace('-', "_").to_uppercase()
        );
        env::var(var).ok()
    });
    let mut run = match runner.as_deref().map(str::split_whitespace) {
        Some(mut words) => {
            let mut command = Command::new(words.next().expect("a runner command"));
            command.args(words).arg(&program);
            command
        }
        None => Command::new(&program),
    };
    let ran = run.output().expect("run the no_std probe");
    let said = String::from_utf8_lossy(&ran.stderr);
    assert!(ran.status.success(), "the no_std probe failed: {said}");
    assert_eq!(said, "no_std probe: ok\n");
    println!(
        "no_std probe ({}): {said}",
        target.as_deref().unwrap_or("host")
    );
}
