//! The layering the README's "How the code is layered" describes, held by
//! the source itself, so that a change which breaks it fails here rather
//! than in review:
//!
//! - only `core/src/sys/` calls C library functions (the C library's one
//!   other call is the panic handler's `abort`);
//! - the C ABI names no option constant: each option's level and name is
//!   one line of `core/src/options/table.rs`, which both crates use;
//! - `ffi/src` has a folder for each family the core has (`sys/` aside),
//!   and no other;
//! - the top of `core/src` keeps at most ten files, the rest living in
//!   their family's folder.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The repository root.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `.rs` files under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).expect("a readable directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            found.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// The names of the folders directly under `dir`.
fn folders(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .expect("a readable directory")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_dir())
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

/// The code of a line: what comes before a `//` comment.
fn code(line: &str) -> &str {
    line.split("//").next().unwrap_or("")
}

/// Each name `text` takes from the libc crate outside comments: (line
/// number, name, whether it is called).
fn libc_names(text: &str) -> Vec<(usize, String, bool)> {
    let mut names = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let mut rest = code(line);
        while let Some(at) = rest.find("libc::") {
            rest = &rest[at + "libc::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let called = rest[name.len()..].trim_start().starts_with('(');
            names.push((index + 1, name, called));
        }
    }
    names
}

/// Each C library function `text` calls (`libc::name(`): (line number,
/// name). Types and constants (`libc::sockaddr`, `libc::SO_ERROR`) are not
/// calls.
fn libc_calls(text: &str) -> Vec<(usize, String)> {
    libc_names(text)
        .into_iter()
        .filter(|(_, name, called)| *called && name.starts_with(|c: char| c.is_ascii_lowercase()))
        .map(|(line, name, _)| (line, name))
        .collect()
}

/// The option constants (`libc::SO_*`, `TCP_*`, `IP_*`, `IPV6_*`, `UDP_*`
/// and their levels) that `text` names: (line number, name).
fn option_constants(text: &str) -> Vec<(usize, String)> {
    const PREFIXES: [&str; 7] = ["SO_", "TCP_", "IP_", "IPV6_", "UDP_", "SOL_", "IPPROTO_"];
    libc_names(text)
        .into_iter()
        .filter(|(_, name, _)| PREFIXES.iter().any(|prefix| name.starts_with(prefix)))
        .map(|(line, name, _)| (line, name))
        .collect()
}

/// `path` from the repository root, for messages.
fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn only_the_sys_layer_calls_the_c_library() {
    let sys = root().join("core/src/sys");
    let mut outside = Vec::new();
    for file in rust_files(&root().join("core/src")) {
        if file.starts_with(&sys) {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap();
        for (line, name) in libc_calls(&text) {
            outside.push(format!("{}:{line}: libc::{name}", relative(&file)));
        }
    }
    let panic_handler = root().join("ffi/src/lib.rs");
    for file in rust_files(&root().join("ffi/src")) {
        let text = fs::read_to_string(&file).unwrap();
        for (line, name) in libc_calls(&text) {
            if !(file == panic_handler && name == "abort") {
                outside.push(format!("{}:{line}: libc::{name}", relative(&file)));
            }
        }
    }
    assert!(
        outside.is_empty(),
        "C library calls outside core/src/sys/ (add a function there):\n{}",
        outside.join("\n")
    );
    // The check itself finds calls: the sys layer makes dozens.
    let sys_calls: usize = rust_files(&sys)
        .iter()
        .map(|file| libc_calls(&fs::read_to_string(file).unwrap()).len())
        .sum();
    assert!(
        sys_calls > 20,
        "only {sys_calls} calls found in core/src/sys/"
    );
}

#[test]
fn the_c_abi_takes_every_option_from_the_table() {
    let mut named = Vec::new();
    for file in rust_files(&root().join("ffi/src")) {
        let text = fs::read_to_string(&file).unwrap();
        for (line, name) in option_constants(&text) {
            named.push(format!("{}:{line}: libc::{name}", relative(&file)));
        }
    }
    assert!(
        named.is_empty(),
        "option constants named in ffi/src (use core/src/options/table.rs):\n{}",
        named.join("\n")
    );
    let table = fs::read_to_string(root().join("core/src/options/table.rs")).unwrap();
    assert!(option_constants(&table).len() > 50, "the table's own names");
}

#[test]
fn the_c_abi_mirrors_the_core_families() {
    let mut core = folders(&root().join("core/src"));
    assert!(core.remove("sys"), "core/src/sys/ exists");
    let ffi = folders(&root().join("ffi/src"));
    assert_eq!(
        ffi, core,
        "ffi/src's folders against core/src's (sys/ aside)"
    );
}

#[test]
fn the_top_of_the_core_stays_small() {
    let top: Vec<String> = fs::read_dir(root().join("core/src"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        (1..=10).contains(&top.len()),
        "{} files at the top of core/src: {top:?}",
        top.len()
    );
}
