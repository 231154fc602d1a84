//! Message calls: sendmsg, recvmsg, sendmmsg, recvmmsg.
//!
//! Each takes the C header as is; the callers build it from borrowed Rust
//! buffers (or take it from C) and keep those buffers alive for the call.

use super::{cvt, cvt_size};
use crate::errno::Result;
use crate::fd::RawFd;

/// `sendmsg(2)`.
///
/// # Safety
///
/// Every pointer in `msg` (name, iovecs and what they describe, control)
/// must be readable for the length beside it, or NULL with length 0.
#[inline]
pub(crate) unsafe fn sendmsg(fd: RawFd, msg: &libc::msghdr, flags: i32) -> Result<usize> {
    // SAFETY: the caller guarantees msg describes readable memory.
    cvt_size(unsafe { libc::sendmsg(fd, msg, flags) })
}

/// `recvmsg(2)`.
///
/// # Safety
///
/// Every pointer in `msg` must be writable for the length beside it (the
/// iovecs' targets too), or NULL with length 0.
#[inline]
pub(crate) unsafe fn recvmsg(fd: RawFd, msg: &mut libc::msghdr, flags: i32) -> Result<usize> {
    // SAFETY: the caller guarantees msg describes writable memory; the kernel
    // writes at most the lengths given and updates them in msg.
    cvt_size(unsafe { libc::recvmsg(fd, msg, flags) })
}

/// `sendmmsg(2)`: how many headers were sent; each sent one gets `msg_len`.
///
/// # Safety
///
/// Every header in `msgs` must satisfy [`sendmsg`]'s requirement.
#[inline]
pub(crate) unsafe fn sendmmsg(fd: RawFd, msgs: &mut [libc::mmsghdr], flags: i32) -> Result<usize> {
    // 64-bit musl's sendmmsg is a loop of sendmsg calls (musl64.rs).
    #[cfg(all(
        target_env = "musl",
        target_pointer_width = "64",
        target_endian = "little"
    ))]
    // SAFETY: the caller's guarantee, passed on.
    if let Some(result) = unsafe { super::musl64::sendmmsg_direct(fd, msgs, flags) } {
        return result;
    }
    // The kernel caps a batch at UIO_MAXIOV (1024) anyway, so a longer slice
    // loses nothing by saturating.
    let count = libc::c_uint::try_from(msgs.len()).unwrap_or(libc::c_uint::MAX);
    // SAFETY: msgs is a writable array of count headers (the kernel writes
    // msg_len), and the caller guarantees what each header points at.
    let sent = cvt(unsafe { libc::sendmmsg(fd, msgs.as_mut_ptr(), count, flags as _) })?;
    Ok(sent as usize)
}

/// `recvmmsg(2)`: how many headers were filled; `timeout` NULL waits as the
/// socket's mode says.
///
/// # Safety
///
/// Every header in `msgs` must satisfy [`recvmsg`]'s requirement.
#[inline]
pub(crate) unsafe fn recvmmsg(
    fd: RawFd,
    msgs: &mut [libc::mmsghdr],
    flags: i32,
    timeout: Option<&mut libc::timespec>,
) -> Result<usize> {
    let count = libc::c_uint::try_from(msgs.len()).unwrap_or(libc::c_uint::MAX);
    let timeout = timeout.map_or(core::ptr::null_mut(), |t| t as *mut libc::timespec);
    // SAFETY: msgs is a writable array of count headers, the caller
    // guarantees what each points at, and timeout is NULL or a live timespec.
    let received = unsafe { libc::recvmmsg(fd, msgs.as_mut_ptr(), count, flags as _, timeout) };
    Ok(cvt(received)? as usize)
}
