//! The version in Cargo.toml is the one C sees: the header's
//! `SOCKCORE_VERSION_MAJOR/MINOR/PATCH` and `SOCKCORE_VERSION` at compile
//! time, `sc_version()` at run time, with either library.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::PathBuf;
use std::process::Command;

use sockcore_e2e::{c_build, workspace_version, Link, Process};

/// tests/c/version.c compiled against `link`, told the version
/// Cargo.toml names; it fails to compile when the macros differ.
fn compile(link: Link) -> PathBuf {
    let build = c_build(env!("CARGO_TARGET_TMPDIR"));
    let version = workspace_version(build.root());
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("version")
        .join(link.to_string())
        .join("version");
    fs::create_dir_all(out.parent().expect("a parent")).expect("the tmp dir is writable");
    let mut cc = Command::new(env::var_os("CC").unwrap_or_else(|| OsString::from("cc")));
    cc.args(["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic"])
        .arg(format!("-DEXPECT_MAJOR={}", version.major))
        .arg(format!("-DEXPECT_MINOR={}", version.minor))
        .arg(format!("-DEXPECT_PATCH={}", version.patch))
        .arg(format!("-DEXPECT_VERSION=\"{}\"", version.text))
        .arg(format!("-I{}", build.root().join("include").display()))
        .arg("-o")
        .arg(&out)
        .arg(build.root().join("tests/c/version.c"));
    build.link_with(&mut cc, link);
    let output = cc.output().expect("a C compiler runs");
    assert!(
        output.status.success(),
        "version.c ({link}) does not compile with the version from Cargo.toml:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    out
}

#[test]
fn header_macros_and_sc_version_match_cargo_toml() {
    let version = workspace_version(c_build(env!("CARGO_TARGET_TMPDIR")).root());
    for link in Link::BOTH {
        Process::spawn(&mut Command::new(compile(link)))
            .finish()
            .assert_success()
            .assert_stdout_has(&format!("header {0}, library {0}", version.text));
    }
}
