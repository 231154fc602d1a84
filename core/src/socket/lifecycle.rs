//! The socket lifecycle on [`SocketFd`]: bind, listen, accept, connect,
//! shutdown, addresses and blocking mode.

use crate::addr::SocketAddr;
use crate::errno::Result;
use crate::flags::{Shutdown, SockFlags};
use crate::socket::{Socket, SocketFd};
use crate::sys;

impl SocketFd {
    /// `bind(2)`: gives the socket its local address.
    ///
    /// Errors: `EADDRINUSE`, `EADDRNOTAVAIL`, `EACCES` (a privileged port or
    /// a Unix path in a directory without permission), `EINVAL` (already
    /// bound, or an address of the wrong family or length), `EAFNOSUPPORT`,
    /// `ENOENT`/`ENOTDIR`/`EROFS` for Unix paths.
    #[inline]
    pub fn bind(&self, addr: &SocketAddr) -> Result<()> {
        sys::bind(self.as_raw_fd(), addr)
    }

    /// `listen(2)`: marks a bound stream socket as accepting; `backlog` is
    /// capped by the kernel at `net.core.somaxconn`.
    ///
    /// Errors: `EADDRINUSE`, `EOPNOTSUPP` (not a stream socket).
    #[inline]
    pub fn listen(&self, backlog: i32) -> Result<()> {
        sys::listen(self.as_raw_fd(), backlog)
    }

    /// `accept4(2)` with `SOCK_CLOEXEC`: the next connection and its peer's
    /// address.
    ///
    /// Errors: `EAGAIN` (non-blocking, none pending), `EINTR`,
    /// `ECONNABORTED`, `EMFILE`, `ENFILE`, `ENOBUFS`, `EINVAL` (not
    /// listening), `EOPNOTSUPP`.
    #[inline]
    pub fn accept(&self, flags: SockFlags) -> Result<(Socket, SocketAddr)> {
        let mut peer = SocketAddr::empty();
        let fd = sys::accept4(self.as_raw_fd(), Some(&mut peer), accept_flags(flags)?)?;
        // SAFETY: accept4 just returned this descriptor; we own it.
        Ok((unsafe { Socket::from_raw_fd(fd) }, peer))
    }

    /// [`accept`](Self::accept) storing the peer's address straight into
    /// `peer`, for callers that keep an address in place (the C ABI's
    /// `sc_accept`): no copy of the address. On error `peer` is left as it
    /// was. Errors as [`accept`](Self::accept).
    #[inline]
    pub fn accept_into(&self, flags: SockFlags, peer: &mut SocketAddr) -> Result<Socket> {
        let saved_len = peer.len();
        let accepted = accept_flags(flags)
            .and_then(|flags| sys::accept4(self.as_raw_fd(), Some(&mut *peer), flags));
        match accepted {
            // SAFETY: accept4 just returned this descriptor; we own it.
            Ok(fd) => Ok(unsafe { Socket::from_raw_fd(fd) }),
            Err(errno) => {
                // The kernel writes the address only on success; the
                // length was widened for the call and is put back.
                peer.set_len(saved_len);
                Err(errno)
            }
        }
    }

    /// `accept4(2)` with `SOCK_CLOEXEC`, not asking for the peer's address.
    /// Errors as [`accept`](Self::accept).
    #[inline]
    pub fn accept_only(&self, flags: SockFlags) -> Result<Socket> {
        let fd = sys::accept4(self.as_raw_fd(), None, accept_flags(flags)?)?;
        // SAFETY: accept4 just returned this descriptor; we own it.
        Ok(unsafe { Socket::from_raw_fd(fd) })
    }

    /// `connect(2)`.
    ///
    /// Errors: `ECONNREFUSED`, `ETIMEDOUT`, `ENETUNREACH`, `EHOSTUNREACH`,
    /// `EINPROGRESS` (non-blocking: wait for writability, then read
    /// [`take_error`](Self::take_error)), `EAGAIN` (a Unix listener's backlog
    /// is full), `EISCONN`, `EALREADY`, `EINTR`, `EAFNOSUPPORT`, `ENOENT`.
    #[inline]
    pub fn connect(&self, addr: &SocketAddr) -> Result<()> {
        sys::connect(self.as_raw_fd(), addr)
    }

    /// `shutdown(2)`: closes one or both directions; the descriptor stays open.
    ///
    /// Errors: `ENOTCONN`, `EINVAL`.
    #[inline]
    pub fn shutdown(&self, how: Shutdown) -> Result<()> {
        sys::shutdown(self.as_raw_fd(), how as i32)
    }

    /// `getsockname(2)`: the local address (with the real port after binding
    /// port 0).
    #[inline]
    pub fn local_addr(&self) -> Result<SocketAddr> {
        sys::getsockname(self.as_raw_fd())
    }

    /// `getpeername(2)`: the connected peer's address.
    ///
    /// Errors: `ENOTCONN`.
    #[inline]
    pub fn peer_addr(&self) -> Result<SocketAddr> {
        sys::getpeername(self.as_raw_fd())
    }

    /// `ioctl(FIONBIO)`: switches non-blocking mode in one call.
    #[inline]
    pub fn set_nonblocking(&self, nonblocking: bool) -> Result<()> {
        sys::set_nonblocking(self.as_raw_fd(), nonblocking)
    }

    /// `fcntl(F_GETFL)`: whether `O_NONBLOCK` is set.
    #[inline]
    pub fn is_nonblocking(&self) -> Result<bool> {
        Ok(sys::get_status_flags(self.as_raw_fd())? & libc::O_NONBLOCK != 0)
    }

    /// `fcntl(F_GETFD)`: whether `FD_CLOEXEC` is set (always, for sockets
    /// this crate made).
    #[inline]
    pub fn is_cloexec(&self) -> Result<bool> {
        Ok(sys::get_fd_flags(self.as_raw_fd())? & libc::FD_CLOEXEC != 0)
    }
}

/// The flags for `accept4(2)`: `flags` and `SOCK_CLOEXEC`, or `EINVAL`
/// for bits no constant names.
#[inline]
pub(crate) fn accept_flags(flags: SockFlags) -> Result<i32> {
    Ok(libc::SOCK_CLOEXEC | flags.syscall_bits()?)
}
