//! Whole transfers: `sc_write_all` and `sc_read_exact`, which loop over
//! partial transfers and retry `EINTR`.

use core::ffi::{c_int, c_void};

use libc::{size_t, ssize_t};

use crate::args::{self, size_return};

/// Sends all `len` bytes of `buf` on `fd`, with as many `send(2)` calls
/// (with `MSG_NOSIGNAL`) as it takes, retrying `EINTR`.
///
/// Returns `len`, or `-errno` if any call fails; how much was sent before
/// the failure is not reported, so on a non-blocking socket (where
/// `-EAGAIN` can stop it half-way) use `sc_write` and `poll(2)` instead.
/// Errors: `-EFAULT` for a NULL `buf`, `-EINVAL` for `len` over
/// `SSIZE_MAX`, `-EPIPE` (also when the kernel accepts no bytes), and the
/// errors of `sc_write` but `-EINTR`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `buf` NULL or readable for
/// `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_write_all(fd: c_int, buf: *const c_void, len: size_t) -> ssize_t {
    // SAFETY: the caller's promises about fd and buf.
    let sent = unsafe {
        args::buf(buf, len).and_then(|buf| {
            args::socket(fd)
                .write_all(buf)
                .map_err(|stopped| stopped.errno)?;
            Ok(buf.len())
        })
    };
    size_return(sent)
}

/// Reads from `fd` until `len` bytes have filled `buf` or the stream ends,
/// with as many `read(2)` calls as it takes, retrying `EINTR`.
///
/// Returns `len`, or fewer at end of stream (0 if it had already ended); or
/// `-errno` if any call fails, dropping the count read before it (the bytes
/// are in `buf`). Errors: `-EFAULT` for a NULL `buf`, `-EINVAL` for `len`
/// over `SSIZE_MAX`, and the errors of `sc_read` but `-EINTR`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `buf` NULL or writable for
/// `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_read_exact(fd: c_int, buf: *mut c_void, len: size_t) -> ssize_t {
    // SAFETY: the caller's promises about fd and buf.
    let read = unsafe {
        args::buf_mut(buf, len).and_then(|buf| {
            args::socket(fd)
                .read_exact(buf)
                .map_err(|stopped| stopped.errno)
        })
    };
    size_return(read)
}
