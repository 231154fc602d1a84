//! The socket lifecycle on [`SocketFd`]: bind, listen, accept, connect,
//! shutdown, addresses, blocking mode, close-on-exec and a second
//! descriptor.

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
    ///
    /// # References
    ///
    /// [`bind(2)`](https://man7.org/linux/man-pages/man2/bind.2.html)
    #[doc(alias = "sc_bind")]
    #[inline]
    pub fn bind(&self, addr: &SocketAddr) -> Result<()> {
        sys::bind(self.as_raw_fd(), addr)
    }

    /// `listen(2)`: marks a bound stream socket as accepting; `backlog` is
    /// capped by the kernel at `net.core.somaxconn`.
    ///
    /// Errors: `EADDRINUSE`, `EOPNOTSUPP` (not a stream socket).
    ///
    /// # References
    ///
    /// [`listen(2)`](https://man7.org/linux/man-pages/man2/listen.2.html)
    #[doc(alias = "sc_listen")]
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
    ///
    /// # References
    ///
    /// [`accept4(2)`](https://man7.org/linux/man-pages/man2/accept.2.html)
    #[doc(alias("sc_accept", "accept4"))]
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
    ///
    /// # References
    ///
    /// [`accept4(2)`](https://man7.org/linux/man-pages/man2/accept.2.html)
    #[doc(alias("sc_accept", "accept4"))]
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
    ///
    /// # References
    ///
    /// [`connect(2)`](https://man7.org/linux/man-pages/man2/connect.2.html)
    #[doc(alias = "sc_connect")]
    #[inline]
    pub fn connect(&self, addr: &SocketAddr) -> Result<()> {
        sys::connect(self.as_raw_fd(), addr)
    }

    /// `shutdown(2)`: closes one or both directions; the descriptor stays open.
    ///
    /// Errors: `ENOTCONN`, `EINVAL`.
    ///
    /// # References
    ///
    /// [`shutdown(2)`](https://man7.org/linux/man-pages/man2/shutdown.2.html)
    #[doc(alias = "sc_shutdown")]
    #[inline]
    pub fn shutdown(&self, how: Shutdown) -> Result<()> {
        sys::shutdown(self.as_raw_fd(), how as i32)
    }

    /// `getsockname(2)`: the local address (with the real port after binding
    /// port 0).
    ///
    /// # References
    ///
    /// [`getsockname(2)`](https://man7.org/linux/man-pages/man2/getsockname.2.html)
    #[doc(alias("sc_local_addr", "getsockname"))]
    #[inline]
    pub fn local_addr(&self) -> Result<SocketAddr> {
        sys::getsockname(self.as_raw_fd())
    }

    /// `getpeername(2)`: the connected peer's address.
    ///
    /// Errors: `ENOTCONN`.
    ///
    /// # References
    ///
    /// [`getpeername(2)`](https://man7.org/linux/man-pages/man2/getpeername.2.html)
    #[doc(alias("sc_peer_addr", "getpeername"))]
    #[inline]
    pub fn peer_addr(&self) -> Result<SocketAddr> {
        sys::getpeername(self.as_raw_fd())
    }

    /// `ioctl(FIONBIO)`: switches non-blocking mode in one call.
    ///
    /// # References
    ///
    /// [`ioctl(2)`](https://man7.org/linux/man-pages/man2/ioctl.2.html)
    #[doc(alias("O_NONBLOCK", "FIONBIO", "sc_set_nonblocking", "ioctl"))]
    #[inline]
    pub fn set_nonblocking(&self, nonblocking: bool) -> Result<()> {
        sys::set_nonblocking(self.as_raw_fd(), nonblocking)
    }

    /// `fcntl(F_GETFL)`: whether `O_NONBLOCK` is set.
    ///
    /// # References
    ///
    /// [`fcntl(2)`](https://man7.org/linux/man-pages/man2/fcntl.2.html)
    #[doc(alias("O_NONBLOCK", "F_GETFL", "fcntl"))]
    #[inline]
    pub fn is_nonblocking(&self) -> Result<bool> {
        Ok(sys::get_status_flags(self.as_raw_fd())? & libc::O_NONBLOCK != 0)
    }

    /// `fcntl(F_GETFD)`: whether `FD_CLOEXEC` is set (always, for sockets
    /// this crate made, until [`set_cloexec`](Self::set_cloexec) clears it).
    ///
    /// # References
    ///
    /// [`fcntl(2)`](https://man7.org/linux/man-pages/man2/fcntl.2.html)
    #[doc(alias("FD_CLOEXEC", "F_GETFD", "fcntl"))]
    #[inline]
    pub fn is_cloexec(&self) -> Result<bool> {
        Ok(sys::get_fd_flags(self.as_raw_fd())? & libc::FD_CLOEXEC != 0)
    }

    /// `fcntl(F_SETFD)`: sets (`true`) or clears (`false`) `FD_CLOEXEC`, in
    /// one call. Clear it on purpose to hand the socket to a program this
    /// process starts with `exec`, which then finds it open under the same
    /// number; every socket this crate makes starts close-on-exec.
    ///
    /// The flag belongs to this descriptor: set it again once the child has
    /// started, or clear it on a [`try_clone`](Self::try_clone) made for
    /// the child, so that other children do not inherit the socket too.
    ///
    /// Errors: `EBADF`.
    ///
    /// # References
    ///
    /// [`fcntl(2)`](https://man7.org/linux/man-pages/man2/fcntl.2.html)
    #[doc(alias("FD_CLOEXEC", "F_SETFD", "sc_set_cloexec", "fcntl"))]
    #[inline]
    pub fn set_cloexec(&self, cloexec: bool) -> Result<()> {
        let flags = if cloexec { libc::FD_CLOEXEC } else { 0 };
        sys::set_fd_flags(self.as_raw_fd(), flags)
    }

    /// `fcntl(F_DUPFD_CLOEXEC)`: a second descriptor for the same socket,
    /// close-on-exec, owning and closed on drop. Both share the socket's
    /// state (options, status flags such as non-blocking mode, data):
    /// closing one leaves the socket open through the other.
    ///
    /// Errors: `EBADF`, `EMFILE` (the process's descriptor limit).
    ///
    /// # References
    ///
    /// [`fcntl(2)`](https://man7.org/linux/man-pages/man2/fcntl.2.html),
    /// [`dup(2)`](https://man7.org/linux/man-pages/man2/dup.2.html)
    #[doc(alias("F_DUPFD_CLOEXEC", "sc_dup", "dup", "fcntl"))]
    #[inline]
    pub fn try_clone(&self) -> Result<Socket> {
        let fd = sys::dup_cloexec(self.as_raw_fd())?;
        // SAFETY: fcntl just returned this new descriptor, owned by nothing
        // else.
        Ok(unsafe { Socket::from_raw_fd(fd) })
    }
}

/// The flags for `accept4(2)`: `flags` and `SOCK_CLOEXEC`, or `EINVAL`
/// for bits no constant names.
#[inline]
pub(crate) fn accept_flags(flags: SockFlags) -> Result<i32> {
    Ok(libc::SOCK_CLOEXEC | flags.syscall_bits()?)
}
