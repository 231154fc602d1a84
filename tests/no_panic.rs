//! The release C library has no panic path: neither `libsockcore.so` nor
//! `libsockcore.a` defines or needs any of Rust's panic machinery, in the
//! full (default) build or in the base build (`--no-default-features`).
//!
//! A panic path always ends in a call to one of core's panic entry points
//! (`core::panicking::*`, the `*_fail`/`*_failed` helpers that indexing,
//! slicing and `unwrap` call), which are never inlined, and from there in
//! the crate's panic handler, which calls `abort`. So a library with none of
//! those symbols, and no need for `abort`, has no reachable panic. The
//! formatting machinery (`core::fmt`) is checked too: the C library formats
//! addresses without it, and it mostly comes with panic messages.
//!
//! `NM` and `OBJDUMP` name the tools (default `nm` and `objdump`), so the
//! check also runs on a cross build with the target's binutils.

use std::env;
use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

use sockcore_e2e::{base_lib_dir, c_build, run_to_success, CBuild};

fn build() -> &'static CBuild {
    c_build(env!("CARGO_TARGET_TMPDIR"))
}

fn base_dir() -> &'static Path {
    base_lib_dir(env!("CARGO_TARGET_TMPDIR"))
}

/// Parts of demangled symbol names that only panic machinery has.
const PANIC_MARKS: &[&str] = &[
    // core::panicking::{panic, panic_fmt, panic_bounds_check, ...}, and
    // panic_const_*, panic_nounwind, the panic handler's own frame.
    "panic",
    // core::slice::index::slice_index_fail, len_mismatch_fail,
    // str_index_overflow_fail, core::option::unwrap_failed,
    // core::option::expect_failed, core::result::unwrap_failed, ...
    "_fail",
    // The panic handler, and the unwinder's personality routine.
    "rust_begin_unwind",
    "rust_eh_personality",
    // The formatting machinery that panic messages are built with.
    "core::fmt::",
];

/// A binutils tool: `$<var>` if set, else `default`.
fn tool(var: &str, default: &str) -> OsString {
    env::var_os(var).unwrap_or_else(|| OsString::from(default))
}

fn stdout_of(command: &mut Command) -> String {
    let what = format!("{command:?}");
    String::from_utf8_lossy(&run_to_success(command, &what).stdout).into_owned()
}

/// The name of every symbol `file` defines or needs, demangled (`nm -C`,
/// with `-D` for the dynamic table).
fn symbols(file: &Path, dynamic: bool) -> Vec<String> {
    let mut nm = Command::new(tool("NM", "nm"));
    nm.arg("-C");
    if dynamic {
        nm.arg("-D");
    }
    let listing = stdout_of(nm.arg(file));
    listing
        .lines()
        .filter_map(symbol_name)
        .map(str::to_owned)
        .collect()
}

/// The name in an `nm` line, `[value] type name`; `None` for the lines
/// that name an archive member, and blank ones. Names may hold spaces.
fn symbol_name(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    // Undefined symbols have no value; a one-letter token is the type.
    if let Some((value, after)) = rest.split_once(' ') {
        if value.len() > 1 && value.bytes().all(|b| b.is_ascii_hexdigit()) {
            rest = after;
        }
    }
    let (kind, name) = rest.split_once(' ')?;
    (kind.len() == 1).then_some(name)
}

fn is_panic_symbol(name: &str) -> bool {
    PANIC_MARKS.iter().any(|mark| name.contains(mark))
}

/// For a failure message: which functions of `file` call each of `names`.
fn callers(file: &Path, names: &[&str]) -> String {
    let mut objdump = Command::new(tool("OBJDUMP", "objdump"));
    let listing = stdout_of(objdump.args(["-d", "-C", "--no-show-raw-insn"]).arg(file));
    let mut report = String::new();
    let mut function = "";
    for line in listing.lines() {
        if line.ends_with(">:") {
            function = line;
        } else if names.iter().any(|name| line.contains(&format!("<{name}>"))) {
            report.push_str(&format!("  {function}  {}\n", line.trim()));
        }
    }
    report
}

/// Fails, naming each panic symbol and its callers, if `file` has any.
fn assert_no_panic_symbols(file: &Path, dynamic: bool) {
    assert!(file.exists(), "{} was not built", file.display());
    let names = symbols(file, dynamic);
    assert!(
        names.iter().any(|name| name.starts_with("sc_")),
        "no sc_ symbol seen in {}: is the nm output read right?",
        file.display()
    );
    let found: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|name| is_panic_symbol(name))
        .collect();
    assert!(
        found.is_empty(),
        "{} has panic machinery: {found:?}\ncalled from:\n{}",
        file.display(),
        callers(file, &found)
    );
}

/// The only caller of `abort` would be the panic handler.
fn assert_no_abort(file: &Path) {
    let names = symbols(file, file.extension().is_some_and(|ext| ext == "so"));
    let aborts: Vec<&String> = names
        .iter()
        .filter(|name| *name == "abort" || name.starts_with("abort@"))
        .collect();
    assert!(
        aborts.is_empty(),
        "{} needs abort, which only the panic handler calls: {aborts:?}",
        file.display()
    );
}

#[test]
fn panic_marks_catch_the_panic_entry_points() {
    // The marks must see the names the machinery really has.
    for name in [
        "core::panicking::panic_fmt",
        "core::panicking::panic_bounds_check",
        "core::slice::index::slice_index_fail",
        "core::slice::index::slice_end_index_len_fail",
        "core::slice::<impl [T]>::copy_from_slice::len_mismatch_fail",
        "core::option::unwrap_failed",
        "core::option::expect_failed",
        "core::result::unwrap_failed",
        "__rustc::rust_begin_unwind",
        "<core::fmt::Formatter>::pad",
        "core::fmt::write",
    ] {
        assert!(is_panic_symbol(name), "{name} is not caught");
    }
    for name in [
        "sc_addr_format",
        "sc_strerror",
        "memcpy",
        "__errno_location",
    ] {
        assert!(!is_panic_symbol(name), "{name} is caught");
    }
    let lines = [
        (
            "                 U core::panicking::panic_fmt",
            Some("core::panicking::panic_fmt"),
        ),
        ("         U abort", Some("abort")),
        ("0000000000004c90 T sc_accept", Some("sc_accept")),
        (
            "00004c90 t <&T as core::fmt::Display>::fmt",
            Some("<&T as core::fmt::Display>::fmt"),
        ),
        ("0000000000000000 b completed.0", Some("completed.0")),
        ("sockcore.sockcore-cgu.0.rcgu.o:", None),
        ("", None),
    ];
    for (line, name) in lines {
        assert_eq!(symbol_name(line), name, "{line:?}");
    }
}

fn assert_shared_library_has_no_panic_path(so: &Path) {
    // The full symbol table (the release library is not stripped) holds the
    // local functions; the dynamic table what it needs from libc.
    assert_no_panic_symbols(so, false);
    assert_no_panic_symbols(so, true);
    assert_no_abort(so);
}

fn assert_static_library_has_no_panic_path(archive: &Path) {
    // Every member: the crate's object and the compiler builtins beside it.
    assert_no_panic_symbols(archive, false);
    assert_no_abort(archive);
}

#[test]
fn shared_library_has_no_panic_path() {
    assert_shared_library_has_no_panic_path(&build().lib_dir().join("libsockcore.so"));
}

#[test]
fn static_library_has_no_panic_path() {
    assert_static_library_has_no_panic_path(&build().lib_dir().join("libsockcore.a"));
}

#[test]
fn base_shared_library_has_no_panic_path() {
    assert_shared_library_has_no_panic_path(&base_dir().join("libsockcore.so"));
}

#[test]
fn base_static_library_has_no_panic_path() {
    assert_static_library_has_no_panic_path(&base_dir().join("libsockcore.a"));
}
