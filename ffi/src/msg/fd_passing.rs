//! Descriptor passing in one call: `sc_send_fds` and `sc_recv_fds`, over
//! `sendmsg`/`recvmsg` with `SCM_RIGHTS`, with no control buffer to size.

use core::ffi::{c_int, c_void};

use libc::{size_t, ssize_t};
use sockcore::SCM_MAX_FD;

use crate::args::{self, size_return};

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
            // NULL is fine for none; at most SCM_MAX_FD, as the kernel takes.
            let fds = args::array(fds, nfds, SCM_MAX_FD)?;
            args::socket(fd).send_fds(data, fds)
        })
    })
}

/// Receives up to `len` bytes into `data` and up to `*nfds` descriptors
/// into `fds`, in one `recvmsg(2)` with `flags | MSG_CMSG_CLOEXEC`. On
/// input `*nfds` is the capacity of `fds` (0 to take none; `fds` then may
/// be NULL); on success it is the count stored at the start of `fds`, each
/// close-on-exec and the caller's to close. `*msg_flags` (unless
/// `msg_flags` is NULL) gets the message's flags: `MSG_TRUNC` (the data
/// was cut), `MSG_CTRUNC` (more descriptors came than `fds` holds).
///
/// `flags` is 0, or `SC_MSG_DONTWAIT` (this call alone is non-blocking)
/// and `SC_MSG_PEEK` (the data stays queued; the kernel still installs the
/// descriptors, so each peek hands over copies of its own, to close as
/// any others).
///
/// When more descriptors arrive than `fds` holds, none is kept: all are
/// closed, `*nfds` is 0 and `*msg_flags` has `MSG_CTRUNC`, so no partial
/// set leaks. Other control messages (such as credentials) are discarded:
/// use `sc_recvmsg` to see them.
///
/// Returns the count of bytes received (0 at end of stream), or `-EFAULT`
/// for a NULL `data` or `nfds` (or a NULL `fds` with `*nfds` above 0),
/// `-EINVAL` for `len` or `*nfds` over `SSIZE_MAX` or `flags` other than
/// those two, `-EAGAIN` (with `SC_MSG_DONTWAIT`, nothing queued), and the
/// errors of `sc_read`. `*nfds`, `fds` and `*msg_flags` are unchanged on
/// error.
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
    flags: c_int,
    fds: *mut c_int,
    nfds: *mut size_t,
    msg_flags: *mut c_int,
) -> ssize_t {
    // SAFETY: the caller's promise about nfds.
    let nfds = unsafe { args::out_ref(nfds) };
    let received = nfds.and_then(|nfds| {
        // No message carries more than SCM_MAX_FD, so no more room is used.
        let room = args::len(*nfds)?.min(SCM_MAX_FD);
        let flags = args::msg_flags(flags)?;
        // SAFETY: the caller's promises about fds (writable for *nfds >=
        // room ints; NULL is fine for none), data and fd.
        let got = unsafe {
            let out = args::array_mut(fds, room, SCM_MAX_FD)?;
            let data = args::buf_mut(data, len)?;
            args::socket(fd).recv_raw_fds(data, out, flags)?
        };
        *nfds = got.fds;
        // SAFETY: the caller's promise about msg_flags (NULL: not wanted).
        if let Some(msg_flags) = unsafe { args::out_opt(msg_flags) } {
            *msg_flags = got.flags.bits();
        }
        Ok(got.len)
    });
    size_return(received)
}
