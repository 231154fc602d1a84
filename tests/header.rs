//! include/sockcore.h: the committed header is what cbindgen generates from
//! ffi/ now, it compiles cleanly as C99 and as C++, and every function and
//! `SC_` constant in it carries a comment.

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
        .arg(format!("{ROOT}/tests/c/header.c"))
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

/// The name of the `sc_` function a header line starts to declare.
fn declared_function(line: &str) -> Option<&str> {
    if line.starts_with([' ', '/', '#', '*']) {
        return None;
    }
    let name = line[..line.find('(')?].rsplit([' ', '*']).next()?;
    name.starts_with("sc_").then_some(name)
}

/// The name of the `SC_` constant a header line defines.
fn defined_constant(line: &str) -> Option<&str> {
    let name = line.strip_prefix("#define ")?.split([' ', '(']).next()?;
    name.starts_with("SC_").then_some(name)
}

#[test]
fn every_function_and_constant_in_the_header_is_documented() {
    let header = fs::read_to_string(Path::new(ROOT).join("include/sockcore.h"))
        .expect("include/sockcore.h exists");
    let lines: Vec<&str> = header.lines().collect();
    let mut functions = 0;
    for (at, line) in lines.iter().enumerate() {
        let function = declared_function(line);
        let Some(name) = function.or_else(|| defined_constant(line)) else {
            continue;
        };
        functions += usize::from(function.is_some());
        // The doc comment ends on the line above and has text in it.
        let comment: Vec<&str> = lines[..at]
            .iter()
            .rev()
            .take_while(|above| above.starts_with(" *") || above.starts_with("/**"))
            .copied()
            .collect();
        assert!(
            comment.first() == Some(&" */") && comment.last() == Some(&"/**"),
            "{name} (line {}) has no doc comment directly above it",
            at + 1
        );
        assert!(
            comment
                .iter()
                .any(|text| text.trim_start_matches([' ', '*']).len() > 10),
            "{name} (line {}) has an empty doc comment",
            at + 1
        );
    }
    // The server/client flow alone has 17 functions; a parser that finds
    // none would check nothing.
    assert!(functions >= 17, "only {functions} functions found");
}
