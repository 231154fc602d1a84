//! Generates the C header, include/sockcore.h, from the ffi crate with
//! cbindgen.
//!
//! The header is committed, so a normal build only writes the fresh text to
//! `$OUT_DIR/sockcore.h`, where tests/header.rs compares it with the
//! committed file and fails when they differ. Set `SOCKCORE_UPDATE_HEADER=1`
//! to write include/sockcore.h itself (it is also written when missing).
//! Writing it on every build would hide a stale committed header from that
//! test.

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

    let config =
        cbindgen::Config::from_file(ffi.join("cbindgen.toml")).expect("ffi/cbindgen.toml is valid");
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
