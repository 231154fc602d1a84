//! `sc_version`: which sockcore a program has loaded.

use core::ffi::c_char;

/// The workspace version this crate was compiled with, NUL-terminated.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// The version of the library a program runs with, as text such as
/// `"0.1.0"`: the version in Cargo.toml, the same text as the header's
/// `SOCKCORE_VERSION` for the headers of that release. A program compiled
/// against one release's header and loading another release's shared
/// library sees the two differ.
///
/// Returns a static NUL-terminated string, never NULL.
#[no_mangle]
pub extern "C" fn sc_version() -> *const c_char {
    VERSION.as_ptr().cast()
}
