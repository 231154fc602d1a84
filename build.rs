//! Generates the C header, include/sockcore.h, from the ffi crate with
//! cbindgen.
//!
//! The header is committed, so a normal build only writes the fresh text to
//! `$OUT_DIR/sockcore.h`, where tests/header.rs compares it with the
//! committed file and fails when they differ. Set `SOCKCORE_UPDATE_HEADER=1`
//! to write include/sockcore.h itself (it is also written when missing).
//! Writing it on every build would hide a stale committed header from that
//! test.
//!
//! The header's `SOCKCORE_VERSION*` macros come from the workspace version
//! (this package shares it with sockcore-ffi): cbindgen cannot evaluate
//! `env!()` in the ffi sources, and text made here from Cargo.toml keeps the
//! header a function of the sources alone.

use std::env;
use std::fs;
use std::path::PathBuf;

fn main() {
    let root =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let ffi = root.join("ffi");
    let committed = root.join("include").join("sockcore.h");
    println!("cargo:rerun-if-changed=ffi/src");
    println!("cargo:rerun-if-changed=ffi/cbindgen.toml");
    println!("cargo:rerun-if-changed=include/sockcore.h");
    println!("cargo:rerun-if-env-changed=SOCKCORE_UPDATE_HEADER");

    let mut config =
        cbindgen::Config::from_file(ffi.join("cbindgen.toml")).expect("ffi/cbindgen.toml is valid");
    // The version macros first, then the text of cbindgen.toml's own
    // after_includes.
    let own = config.after_includes.take().unwrap_or_default();
    config.after_includes = Some(version_macros() + &own);
    let bindings = cbindgen::Builder::new()
        .with_config(config)
        .with_src(ffi.join("src").join("lib.rs"))
        .generate()
        .expect("cbindgen reads ffi/src");
    let mut header = Vec::new();
    bindings.write(&mut header);

    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("sockcore.h");
    fs::write(&out, &header).expect("OUT_DIR is writable");

    let update = env::var_os("SOCKCORE_UPDATE_HEADER").is_some_and(|v| !v.is_empty());
    let current = fs::read(&committed).ok();
    if current.as_deref() == Some(header.as_slice()) {
        return;
    }
    if update || current.is_none() {
        fs::create_dir_all(committed.parent().expect("include/ has a parent"))
            .expect("include/ can be created");
        fs::write(&committed, &header).expect("include/sockcore.h is writable");
    } else {
        println!(
            "cargo:warning=include/sockcore.h is stale: regenerate it with SOCKCORE_UPDATE_HEADER=1 cargo build"
        );
    }
}

/// The version macros, placed after the header's includes.
fn version_macros() -> String {
    let var = |name: &str| env::var(name).unwrap_or_else(|_| panic!("cargo sets {name}"));
    format!(
        "
/**
 * The version of sockcore this header belongs to, from Cargo.toml; integers,
 * for #if. sc_version() gives the version of the library a program loaded.
 */
#define SOCKCORE_VERSION_MAJOR {}
#define SOCKCORE_VERSION_MINOR {}
#define SOCKCORE_VERSION_PATCH {}
#define SOCKCORE_VERSION \"{}\"",
        var("CARGO_PKG_VERSION_MAJOR"),
        var("CARGO_PKG_VERSION_MINOR"),
        var("CARGO_PKG_VERSION_PATCH"),
        var("CARGO_PKG_VERSION"),
    )
}
