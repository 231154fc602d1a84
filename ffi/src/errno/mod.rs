//! `sc_strerror`, `sc_strerror_r` and `sc_errname`: the text of a `-errno`
//! return.

use core::ffi::{c_char, c_int};

use libc::size_t;
use sockcore::Errno;

use crate::args::{self, int_return, write_c_text};

mod text;

use text::{MESSAGES, NAMES};

/// The message for an error number, in glibc's wording (`"Connection
/// refused"`), like `strerror(3)` but thread-safe and locale-free. `err` may
/// be a `-errno` return or a positive `errno`.
///
/// Returns a static NUL-terminated string, never NULL: `"Success"` for 0,
/// `"Unknown error"` for a number Linux does not define (`sc_strerror_r`
/// adds the number).
#[no_mangle]
pub extern "C" fn sc_strerror(err: c_int) -> *const c_char {
    MESSAGES.get(err)
}

/// Writes the message for an error number into `buf` as a NUL-terminated
/// string: `sc_strerror`'s text, or for a number Linux does not define
/// `"Unknown error 4242"` (the number without its sign), so that a code
/// from elsewhere is never printed without its number. `err` may be a
/// `-errno` return or a positive `errno`; `SC_STRERROR_LEN` bytes always
/// suffice.
///
/// Returns the length written, without the NUL; or `-ENOSPC` when `len` is
/// too small, leaving `buf` holding `""` if `len > 0` (a message is never
/// cut short); `-EFAULT` for a NULL `buf`, `-EINVAL` for `len` over
/// `SSIZE_MAX`.
///
/// # Safety
///
/// `buf` must be NULL or writable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_strerror_r(err: c_int, buf: *mut c_char, len: size_t) -> c_int {
    // SAFETY: the caller's promise about buf.
    let buf = unsafe { args::buf_mut(buf.cast(), len) };
    int_return(buf.and_then(|buf| {
        let len = write_c_text(buf, |room| Errno::from_raw(err).message_into(room))?;
        // At most SC_STRERROR_LEN - 1.
        Ok(len as c_int)
    }))
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
