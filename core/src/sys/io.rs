//! Calls that move bytes: read, send, recv, sendto, recvfrom and readv. The
//! vectored write is `sendmsg` (in `msg.rs`), because writev cannot take
//! `MSG_NOSIGNAL`.

use core::mem::MaybeUninit;

use super::cvt_size;
use crate::addr::SocketAddr;
use crate::errno::Result;
use crate::fd::RawFd;
use crate::flags::MsgFlags;
use crate::iovec::IoSliceMut;

/// `read(2)` into possibly uninitialised memory.
#[inline]
pub(crate) fn read(fd: RawFd, buf: &mut [MaybeUninit<u8>]) -> Result<usize> {
    // SAFETY: buf is writable for buf.len() bytes; the kernel writes at most that.
    cvt_size(unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) })
}

/// `send(2)`.
#[inline]
pub(crate) fn send(fd: RawFd, buf: &[u8], flags: MsgFlags) -> Result<usize> {
    let flags = flags.syscall_bits()?;
    // SAFETY: buf is readable for buf.len() bytes.
    cvt_size(unsafe { libc::send(fd, buf.as_ptr().cast(), buf.len(), flags) })
}

/// `recv(2)` into possibly uninitialised memory.
#[inline]
pub(crate) fn recv(fd: RawFd, buf: &mut [MaybeUninit<u8>], flags: MsgFlags) -> Result<usize> {
    let flags = flags.syscall_bits()?;
    // SAFETY: buf is writable for buf.len() bytes; the kernel writes at most that.
    cvt_size(unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), flags) })
}

/// `sendto(2)`.
#[inline]
pub(crate) fn sendto(fd: RawFd, buf: &[u8], flags: MsgFlags, to: &SocketAddr) -> Result<usize> {
    let flags = flags.syscall_bits()?;
    // SAFETY: buf is readable for its length; to points at its storage,
    // valid for to.len() bytes.
    cvt_size(unsafe {
        libc::sendto(
            fd,
            buf.as_ptr().cast(),
            buf.len(),
            flags,
            to.as_ptr(),
            to.len(),
        )
    })
}

/// `recvfrom(2)` into possibly uninitialised memory, filling `from`.
#[inline]
pub(crate) fn recvfrom(
    fd: RawFd,
    buf: &mut [MaybeUninit<u8>],
    flags: MsgFlags,
    from: &mut SocketAddr,
) -> Result<usize> {
    let flags = flags.syscall_bits()?;
    let (ptr, len) = from.as_mut_parts();
    // SAFETY: buf is writable for its length; ptr/len describe from's storage
    // and the kernel writes at most *len bytes there.
    cvt_size(unsafe { libc::recvfrom(fd, buf.as_mut_ptr().cast(), buf.len(), flags, ptr, len) })
}

/// `readv(2)`.
#[inline]
pub(crate) fn readv(fd: RawFd, bufs: &mut [IoSliceMut<'_>]) -> Result<usize> {
    // IOV_MAX is 1024; a longer array is the kernel's EINVAL, not a truncation.
    let count = i32::try_from(bufs.len()).unwrap_or(i32::MAX);
    // SAFETY: IoSliceMut is layout-compatible with iovec and each one
    // describes writable memory borrowed for the call.
    cvt_size(unsafe { libc::readv(fd, bufs.as_ptr().cast(), count) })
}
