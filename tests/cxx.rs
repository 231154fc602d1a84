//! sockcore from C++: tests/c/cxx.cpp, built with
//! `-std=c++11 -Wall -Wextra -Werror -pedantic` against each library, sends
//! a message each way over loopback.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::PathBuf;
use std::process::Command;

use sockcore_e2e::{c_build, Link, Process};

/// cxx.cpp compiled and linked against `link`.
fn compile(link: Link) -> PathBuf {
    let build = c_build(env!("CARGO_TARGET_TMPDIR"));
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("cxx")
        .join(link.to_string())
        .join("cxx");
    fs::create_dir_all(out.parent().expect("a parent")).expect("the tmp dir is writable");
    let mut cxx = Command::new(env::var_os("CXX").unwrap_or_else(|| OsString::from("c++")));
    cxx.args([
        "-std=c++11",
        "-Wall",
        "-Wextra",
        "-Werror",
        "-pedantic",
        "-O2",
    ])
    .arg(format!("-I{}", build.root().join("include").display()))
    .arg("-o")
    .arg(&out)
    .arg(build.root().join("tests/c/cxx.cpp"));
    build.link_with(&mut cxx, link);
    let output = cxx.output().expect("a C++ compiler runs");
    assert!(
        output.status.success(),
        "compiling cxx.cpp ({link}) failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    out
}

#[test]
fn cxx_program_exchanges_messages_over_loopback() {
    for link in Link::BOTH {
        let program = compile(link);
        for address in ["127.0.0.1:0", "[::1]:0"] {
            let host = address.rsplit_once(':').expect("a port").0;
            Process::spawn(Command::new(&program).arg(address))
                .finish()
                .assert_success()
                .assert_stdout_has(&format!("bytes over {host}:"));
        }
    }
}
