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
        let len = write_c_text(buf, |room| {
            message_with_number(room, err).ok_or(Errno::ENOSPC)
        })?;
        // At most SC_STRERROR_LEN - 1.
        Ok(len as c_int)
    }))
}

/// Writes `err`'s message into the start of `room`, with the number after
/// `"Unknown error"`, formatted by hand (the C library carries no
/// `core::fmt`); returns the length, or `None` when it does not fit.
fn message_with_number(room: &mut [u8], err: c_int) -> Option<usize> {
    let message = MESSAGES.text(err);
    let len = append(room, 0, message)?;
    if message != UNKNOWN_MESSAGE.as_bytes() {
        return Some(len);
    }
    // A space, then up to 10 digits written from the last.
    let mut number = [b' '; 11];
    let mut digits = 0;
    let mut rest = err.unsigned_abs();
    for slot in number.iter_mut().skip(1).rev() {
        // Below 10: the cast keeps it whole.
        *slot = b'0' + (rest % 10) as u8;
        digits += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let start = number.len().saturating_sub(digits + 1);
    append(room, len, number.get(start..)?)
}

/// Writes `bytes` into `room` at `at`; returns the length then written, or
/// `None` when they do not fit.
fn append(room: &mut [u8], at: usize, bytes: &[u8]) -> Option<usize> {
    let end = at.checked_add(bytes.len())?;
    let dest = room.get_mut(at..end)?;
    for (slot, &byte) in dest.iter_mut().zip(bytes) {
        *slot = byte;
    }
    Some(end)
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
