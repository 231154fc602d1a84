//! `sc_strerror`, `sc_strerror_r` and `sc_errname`: the text of a `-errno`
//! return.

use core::ffi::{c_char, c_int};

use libc::size_t;
use sockcore::Errno;

use crate::args::{self, int_return, write_c_text};

mod text;

use text::{longest, Text, MESSAGES, NAMES, UNKNOWN_MESSAGE};

use crate::constants::SC_STRERROR_LEN;

// SC_STRERROR_LEN holds every message and its NUL, and every unknown
// number's ("Unknown error" and ten digits).
const _: () = assert!(longest(Text::Message) < SC_STRERROR_LEN);
const _: () = assert!("Unknown error 2147483648".len() < SC_STRERROR_LEN);

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
        let message = MESSAGES.text(err);
        // " 4242" after "Unknown error": up to 10 digits, written from the
        // last, by hand (the C library carries no core::fmt).
        let mut number = [b' '; 11];
        let mut start = number.len();
        if message == UNKNOWN_MESSAGE.as_bytes() {
            let mut rest = err.unsigned_abs();
            while let Some(slot) = start.checked_sub(1).and_then(|at| number.get_mut(at)) {
                // Below 10: the cast keeps it whole.
                *slot = b'0' + (rest % 10) as u8;
                start -= 1;
                rest /= 10;
                if rest == 0 {
                    break;
                }
            }
            // The space before the digits.
            start = start.saturating_sub(1);
        }
        let number = number.get(start..).unwrap_or_default();
        let total = message.len() + number.len();
        let len = write_c_text(buf, |room| {
            let dest = room.get_mut(..total).ok_or(Errno::ENOSPC)?;
            for (slot, &byte) in dest.iter_mut().zip(message.iter().chain(number)) {
                *slot = byte;
            }
            Ok(dest.len())
        })?;
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
