//! Socket lifecycle calls: socket, socketpair, bind, listen, accept4, connect,
//! shutdown, close, getsockname, getpeername, fcntl.

use super::cvt;
use crate::addr::SocketAddr;
use crate::errno::Result;
use crate::fd::RawFd;

/// `socket(2)`; `ty` already carries `SOCK_CLOEXEC` and any `SOCK_NONBLOCK`.
#[inline]
pub(crate) fn socket(domain: i32, ty: i32, protocol: i32) -> Result<RawFd> {
    // SAFETY: socket takes only integers.
    cvt(unsafe { libc::socket(domain, ty, protocol) })
}

/// `socketpair(2)`.
#[inline]
pub(crate) fn socketpair(domain: i32, ty: i32, protocol: i32) -> Result<[RawFd; 2]> {
    let mut fds = [-1; 2];
    // SAFETY: fds is a writable array of two ints, as socketpair requires.
    cvt(unsafe { libc::socketpair(domain, ty, protocol, fds.as_mut_ptr()) })?;
    Ok(fds)
}

/// `bind(2)`.
#[inline]
pub(crate) fn bind(fd: RawFd, addr: &SocketAddr) -> Result<()> {
    // SAFETY: addr points at its storage, valid for addr.len() bytes.
    cvt(unsafe { libc::bind(fd, addr.as_ptr(), addr.len()) }).map(drop)
}

/// `connect(2)`.
#[inline]
pub(crate) fn connect(fd: RawFd, addr: &SocketAddr) -> Result<()> {
    // SAFETY: addr points at its storage, valid for addr.len() bytes.
    cvt(unsafe { libc::connect(fd, addr.as_ptr(), addr.len()) }).map(drop)
}

/// `listen(2)`.
#[inline]
pub(crate) fn listen(fd: RawFd, backlog: i32) -> Result<()> {
    // SAFETY: listen takes only integers.
    cvt(unsafe { libc::listen(fd, backlog) }).map(drop)
}

/// `accept4(2)`, filling `peer` when it is given.
#[inline]
pub(crate) fn accept4(fd: RawFd, peer: Option<&mut SocketAddr>, flags: i32) -> Result<RawFd> {
    match peer {
        Some(peer) => {
            let (ptr, len) = peer.as_mut_parts();
            // SAFETY: ptr/len describe the address's own storage, and accept4
            // writes at most *len bytes there and updates *len.
            let accepted = cvt(unsafe { libc::accept4(fd, ptr, len, flags) });
            peer.settle_reported();
            accepted
        }
        None => {
            let (addr, len) = (core::ptr::null_mut(), core::ptr::null_mut());
            // SAFETY: accept4 allows a NULL address and length.
            cvt(unsafe { libc::accept4(fd, addr, len, flags) })
        }
    }
}

/// `shutdown(2)`.
#[inline]
pub(crate) fn shutdown(fd: RawFd, how: i32) -> Result<()> {
    // SAFETY: shutdown takes only integers.
    cvt(unsafe { libc::shutdown(fd, how) }).map(drop)
}

/// `close(2)`. On Linux the descriptor is released even when close reports
/// an error (EINTR included), so it is never retried.
#[inline]
pub(crate) fn close(fd: RawFd) -> Result<()> {
    // SAFETY: close takes only an integer; the caller gives up ownership.
    cvt(unsafe { libc::close(fd) }).map(drop)
}

/// `getsockname(2)`.
#[inline]
pub(crate) fn getsockname(fd: RawFd) -> Result<SocketAddr> {
    let mut addr = SocketAddr::empty();
    let (ptr, len) = addr.as_mut_parts();
    // SAFETY: ptr/len describe addr's storage; the kernel writes at most *len.
    cvt(unsafe { libc::getsockname(fd, ptr, len) })?;
    addr.settle_reported();
    Ok(addr)
}

/// `getpeername(2)`.
#[inline]
pub(crate) fn getpeername(fd: RawFd) -> Result<SocketAddr> {
    let mut addr = SocketAddr::empty();
    let (ptr, len) = addr.as_mut_parts();
    // SAFETY: ptr/len describe addr's storage; the kernel writes at most *len.
    cvt(unsafe { libc::getpeername(fd, ptr, len) })?;
    addr.settle_reported();
    Ok(addr)
}

/// `fcntl(F_GETFL)`.
#[inline]
pub(crate) fn get_status_flags(fd: RawFd) -> Result<i32> {
    // SAFETY: F_GETFL takes no pointer argument.
    cvt(unsafe { libc::fcntl(fd, libc::F_GETFL) })
}

/// `fcntl(F_SETFL)`.
#[inline]
pub(crate) fn set_status_flags(fd: RawFd, flags: i32) -> Result<()> {
    // SAFETY: F_SETFL takes an integer argument.
    cvt(unsafe { libc::fcntl(fd, libc::F_SETFL, flags) }).map(drop)
}

/// `fcntl(F_GETFD)`: the descriptor flags (`FD_CLOEXEC`).
#[inline]
pub(crate) fn get_fd_flags(fd: RawFd) -> Result<i32> {
    // SAFETY: F_GETFD takes no pointer argument.
    cvt(unsafe { libc::fcntl(fd, libc::F_GETFD) })
}

/// `fcntl(F_SETFD)`: sets the descriptor flags (`FD_CLOEXEC` is the only
/// one), with no `F_GETFD` first.
#[inline]
pub(crate) fn set_fd_flags(fd: RawFd, flags: i32) -> Result<()> {
    // SAFETY: F_SETFD takes an integer argument.
    cvt(unsafe { libc::fcntl(fd, libc::F_SETFD, flags) }).map(drop)
}

/// `fcntl(F_DUPFD_CLOEXEC, 0)`: a new descriptor, the lowest free one, for
/// the same open socket, close-on-exec.
#[inline]
pub(crate) fn dup_cloexec(fd: RawFd) -> Result<RawFd> {
    // SAFETY: F_DUPFD_CLOEXEC takes an integer argument.
    cvt(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })
}

/// `ioctl(FIONBIO)`: sets or clears non-blocking mode in one call.
#[inline]
pub(crate) fn set_nonblocking(fd: RawFd, nonblocking: bool) -> Result<()> {
    let mut on = libc::c_int::from(nonblocking);
    // SAFETY: FIONBIO reads one int through the pointer, which is valid.
    cvt(unsafe { libc::ioctl(fd, libc::FIONBIO, &mut on) }).map(drop)
}
