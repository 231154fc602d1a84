//! The base C library: libsockcore built without its optional parts
//! (`cargo build --release -p sockcore-ffi --no-default-features`), as a
//! small system builds it, in a target directory of its own so that it
//! never replaces the full library the other tests use. Built once per
//! test binary; test binaries that run at the same time share the
//! directory, and cargo's lock on it lets one build while the other waits.
//!
//! The header declares the optional parts inside `#if
//! defined(SOCKCORE_HAVE_<PART>)`; [`BASE_BUILD_DEFINES`] turns them off for
//! C programs built against this library.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::command::run_to_success;

/// The C compiler flags for a program built against the base library: the
/// header then hides the functions that library lacks.
pub const BASE_BUILD_DEFINES: [&str; 4] = [
    "-DSOCKCORE_NO_MESSAGES",
    "-DSOCKCORE_NO_OPTIONS",
    "-DSOCKCORE_NO_SERVER",
    "-DSOCKCORE_NO_UDP_OFFLOAD",
];

static BASE: OnceLock<PathBuf> = OnceLock::new();

/// The directory holding the base `libsockcore.a` and `libsockcore.so`,
/// built on first use under `tmp` (the test binary's
/// `CARGO_TARGET_TMPDIR`).
pub fn base_lib_dir(tmp: &str) -> &'static Path {
    BASE.get_or_init(|| build(Path::new(tmp)))
}

fn build(tmp: &Path) -> PathBuf {
    let target_dir = tmp.join("sockcore-ffi-base-target");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cargo = env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    let mut command = Command::new(cargo);
    command
        .args(["build", "--release", "-p", "sockcore-ffi"])
        .arg("--no-default-features")
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target_dir);
    run_to_success(&mut command, "building the base libsockcore");
    target_dir.join("release")
}
