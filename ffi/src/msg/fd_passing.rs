//! Descriptor passing in one call: `sc_send_fds` and `sc_recv_fds`, over
//! `sendmsg`/`recvmsg` with `SCM_RIGHTS`, with no control buffer to size.

use core::ffi::{c_int, c_void};

use libc::{size_t, ssize_t};
use sockcore::{Errno, SCM_MAX_FD};

use crate::args::{self, size_return};

/// The caller's array of `count` descriptors to send: NULL is fine when
/// `count` is 0; `EFAULT` for NULL otherwise, `EINVAL` for more than
/// `SC_SCM_MAX_FD`.
///
/// # Safety
///
/// Unless NULL, `fds` must be readable for `count` ints.
unsafe fn fds_to_send<'call>(fds: *const c_int, count: size_t) -> Result<&'call [c_int], Errno> {
    if count == 0 {
        return Ok(&[]);
    }
    if fds.is_null() {
        return Err(Errno::EFAULT);
    }
    if count > SCM_MAX_FD {
        return Err(Errno::EINVAL);
    }
    // SAFETY: non-NULL and readable for count ints (the caller's promise);
    // count is at most SCM_MAX_FD.
    Ok(unsafe { core::slice::from_raw_parts(fds, count) })
}

/// Sends `len` bytes of `data` with the `nfds` descriptors of `fds`
/// attached, in one `sendmsg(2)` with `MSG_NOSIGNAL` and one `SCM_RIGHTS`
/// message. The descriptors stay open here; the receiver gets its own.
/// With `nfds` 0 (and `fds` then may be NULL) it is a plain send.
///
/// On a stream socket `len` must be at least 1, or nothing (descriptors
/// included) is sent.
///
/// Returns the count of bytes sent, or `-EFAULT` for a NULL `data` (or a
/// NULL `fds` with `nfds` above 0), `-EINVAL` for `len` over `SSIZE_MAX` or
/// more than `SC_SCM_MAX_FD` descriptors, `-EBADF` (a descriptor that is not
/// open), `-ETOOMANYREFS`, and the errors of `sc_write`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `data` NULL or readable for
/// `len` bytes; `fds` NULL or readable for `nfds` ints.
#[no_mangle]
pub unsafe extern "C" fn sc_send_fds(
    fd: c_int,
    data: *const c_void,
    len: size_t,
    fds: *const c_int,
    nfds: size_t,
) -> ssize_t {
    // SAFETY: the caller's promises about fd, data and fds.
    size_return(unsafe {
        args::buf(data, len).and_then(|data| {
            let fds = fds_to_send(fds, nfds)?;
            args::socket(fd).send_fds(data, fds)
        })
    })
}

/// Receives up to `len` bytes into `data` and up to `*nfds` descriptors
/// into `fds`, in one `recvmsg(2)` with `MSG_CMSG_CLOEXEC`. On input
/// `*nfds` is the capacity of `fds` (0 to take none; `fds` then may be
/// NULL); on success it is the count stored at the start of `fds`, each
/// close-on-exec and the caller's to close. `*msg_flags` (unless
/// `msg_flags` is NULL) gets the message's flags: `MSG_TRUNC` (the data
/// was cut), `MSG_CTRUNC` (more descriptors came than `fds` holds).
///
/// When more descriptors arrive than `fds` holds, none is kept: all are
/// closed, `*nfds` is 0 and `*msg_flags` has `MSG_CTRUNC`, so no partial
/// set leaks. Other control messages (such as credentials) are discarded:
/// use `sc_recvmsg` to see them.
///
/// Returns the count of bytes received (0 at end of stream), or `-EFAULT`
/// for a NULL `data` or `nfds` (or a NULL `fds` with `*nfds` above 0),
/// `-EINVAL` for `len` or `*nfds` over `SSIZE_MAX`, and the errors of
/// `sc_read`. `*nfds`, `fds` and `*msg_flags` are unchanged on error.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `data` NULL or writable for
/// `len` bytes; `nfds` NULL or a valid `size_t`; `fds` NULL or writable for
/// `*nfds` ints; `msg_flags` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sc_recv_fds(
    fd: c_int,
    data: *mut c_void,
    len: size_t,
    fds: *mut c_int,
    nfds: *mut size_t,
    msg_flags: *mut c_int,
) -> ssize_t {
    // SAFETY: NULL or a valid size_t (the caller's promise).
    let Some(nfds) = (unsafe { nfds.as_mut() }) else {
        return -(libc::EFAULT as ssize_t);
    };
    let received = (|| {
        if *nfds > ssize_t::MAX as size_t {
            return Err(Errno::EINVAL);
        }
        // No message carries more than SCM_MAX_FD, so no more room is used.
        let room = (*nfds).min(SCM_MAX_FD);
        let out: &mut [c_int] = if room == 0 {
            &mut []
        } else if fds.is_null() {
            return Err(Errno::EFAULT);
        } else {
            // SAFETY: non-NULL and writable for *nfds >= room ints (the
            // caller's promise), exclusively for the call.
            unsafe { core::slice::from_raw_parts_mut(fds, room) }
        };
        // SAFETY: the caller's promise about data.
        let data = unsafe { args::buf_mut(data, len) }?;
        // SAFETY: the caller's promise about fd.
        let got = unsafe { args::socket(fd) }.recv_raw_fds(data, out)?;
        *nfds = got.fds;
        if !msg_flags.is_null() {
            // SAFETY: non-NULL and writable (the caller's promise).
            unsafe { msg_flags.write(got.flags.bits()) };
        }
        Ok(got.len)
    })();
    size_return(received)
}
