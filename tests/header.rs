//! include/sockcore.h: the committed header is what cbindgen generates from
//! ffi/ now, and it compiles cleanly as C99 and as C++.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn committed_header_matches_the_generated_one() {
    // build.rs writes the freshly generated header here on every build.
    let generated = fs::read_to_string(Path::new(env!("OUT_DIR")).join("sockcore.h"))
        .expect("build.rs wrote it");
    let committed = fs::read_to_string(Path::new(ROOT).join("include/sockcore.h"))
        .expect("include/sockcore.h exists");
    if generated != committed {
        let line = generated
            .lines()
            .zip(committed.lines())
            .position(|(g, c)| g != c)
            .unwrap_or_else(|| generated.lines().count().min(committed.lines().count()))
            + 1;
        panic!(
            "include/sockcore.h is stale (first difference at line {line}); \
             regenerate it with `SOCKCORE_UPDATE_HEADER=1 cargo build` and commit it"
        );
    }
    assert!(committed.contains("#ifndef SOCKCORE_H"), "no include guard");
    assert!(
        committed.contains("extern \"C\""),
        "no extern \"C\" block for C++"
    );
}

fn compile_check(compiler: OsString, language: &[&str]) {
    let output = Command::new(&compiler)
        .args(language)
        .args(["-Wall", "-Wextra", "-Werror", "-pedantic", "-fsyntax-only"])
        .arg(format!("-I{ROOT}/include"))
        .arg(format!("{ROOT}/tests/c/header_check.c"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run {compiler:?}: {e}"));
    assert!(
        output.status.success(),
        "{compiler:?} {language:?} rejects sockcore.h:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn header_compiles_as_c99() {
    compile_check(
        env::var_os("CC").unwrap_or_else(|| "cc".into()),
        &["-x", "c", "-std=c99"],
    );
}

#[test]
fn header_compiles_as_cxx() {
    compile_check(
        env::var_os("CXX").unwrap_or_else(|| "c++".into()),
        &["-x", "c++", "-std=c++11"],
    );
}
