//! sockcore from C++: tests/c/cxx_exchange.cpp, built with
//! `-std=c++11 -Wall -Wextra -Werror -pedantic` against each library, sends
//! a message each way over loopback.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::PathBuf;
use std::process::Command;

use sockcore_e2e::{c_build, Link, Process};

/// cxx_exchange.cpp compiled and linked against `link`.
fn compile(link: Link) -> PathBuf {
    let build = c_build(env!("CARGO_TARGET_TMPDIR"));
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("cxx")
        .join(link.to_string())
        .join("cxx_exchange");
    fs::create_dir_all(out.parent().expect("a parent")).expect("the tmp dir is writable");
    let lib_dir = build.lib_dir();
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
    .arg(build.root().join("tests/c/cxx_exchange.cpp"));
    match link {
        Link::Static => cxx.arg(lib_dir.join("libsockcore.a")),
        Link::Shared => cxx
            .arg(format!("-L{}", lib_dir.display()))
            .arg("-lsockcore")
            .arg(format!("-Wl,-rpath,{}", lib_dir.display())),
    };
    let output = cxx.output().expect("a C++ compiler runs");
    assert!(
        output.status.success(),
        "compiling cxx_exchange.cpp ({link}) failed:\n{}",
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
