//! `sc_strerror` and `sc_errname`: the text of a `-errno` return.

use core::ffi::{c_char, c_int};

mod text;

use text::{MESSAGES, NAMES};

/// The message for an error number, in glibc's wording (`"Connection
/// refused"`), like `strerror(3)` but thread-safe and locale-free. `err` may
/// be a `-errno` return or a positive `errno`.
///
/// Returns a static NUL-terminated string, never NULL: `"Unknown error"` for
/// 0 and for a number Linux does not define.
#[no_mangle]
pub extern "C" fn sc_strerror(err: c_int) -> *const c_char {
    MESSAGES.get(err)
}

/// The symbolic name of an error number (`"ECONNREFUSED"`), as
/// `strerrorname_np(3)` gives it. `err` may be a `-errno` return or a
/// positive `errno`; aliases give the canonical name (`EAGAIN` for
/// `EWOULDBLOCK`).
///
/// Returns a static NUL-terminated string, never NULL: `"EUNKNOWN"` for 0
/// and for a number Linux does not define.
#[no_mangle]
pub extern "C" fn sc_errname(err: c_int) -> *const c_char {
    NAMES.get(err)
}
