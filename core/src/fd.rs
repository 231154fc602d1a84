//! [`RawFd`], a descriptor as C passes it, and [`OwnedFd`]: a descriptor of
//! any kind received from another process, closed on drop.

use crate::errno::Result;
use crate::fd_niche::ValidFd;
use crate::socket::Socket;
use crate::sys;

/// A raw file descriptor, as C's `int`.
pub type RawFd = core::ffi::c_int;

/// An owned file descriptor of unknown kind (a file, a pipe, a socket, …),
/// as received in an `SCM_RIGHTS` control message. Dropping it closes it.
///
/// Descriptors received through this crate are close-on-exec
/// (`MSG_CMSG_CLOEXEC`). `Option<OwnedFd>` is the size of an `int`: a
/// descriptor is never negative, and that leaves room for `None`.
#[repr(transparent)]
pub struct OwnedFd {
    fd: ValidFd,
}

impl OwnedFd {
    /// Takes ownership of `fd`.
    ///
    /// # Safety
    ///
    /// `fd` must be an open descriptor (so not negative) that nothing else
    /// closes.
    #[inline]
    pub const unsafe fn from_raw_fd(fd: RawFd) -> OwnedFd {
        OwnedFd {
            // SAFETY: an open descriptor is not negative (the caller's
            // promise).
            fd: unsafe { ValidFd::new_unchecked(fd) },
        }
    }

    /// The raw descriptor, still owned by `self`.
    #[inline]
    pub fn as_raw_fd(&self) -> RawFd {
        self.fd.get()
    }

    /// Gives up ownership: the caller must close the descriptor.
    #[inline]
    pub fn into_raw_fd(self) -> RawFd {
        let fd = self.fd.get();
        core::mem::forget(self);
        fd
    }

    /// `close(2)`, reporting its error (dropping closes too, silently). The
    /// descriptor is released even when an error is returned.
    ///
    /// # References
    ///
    /// [`close(2)`](https://man7.org/linux/man-pages/man2/close.2.html)
    #[doc(alias = "sc_close")]
    #[inline]
    pub fn close(self) -> Result<()> {
        sys::close(self.into_raw_fd())
    }

    /// The descriptor as a [`Socket`] if it is one; otherwise `self` back,
    /// still open.
    ///
    /// Asks the kernel with one `getsockopt(SOL_SOCKET, SO_TYPE)`, which fails
    /// with `ENOTSOCK` for anything but a socket.
    pub fn into_socket(self) -> core::result::Result<Socket, OwnedFd> {
        match sys::getsockopt::<libc::c_int>(self.as_raw_fd(), libc::SOL_SOCKET, libc::SO_TYPE) {
            // SAFETY: the kernel just confirmed the descriptor is a socket,
            // and ownership moves from self (forgotten) to the Socket.
            Ok(_) => Ok(unsafe { Socket::from_raw_fd(self.into_raw_fd()) }),
            Err(_) => Err(self),
        }
    }

    /// `fcntl(F_GETFD)`: whether `FD_CLOEXEC` is set (always, for
    /// descriptors received through this crate).
    ///
    /// # References
    ///
    /// [`fcntl(2)`](https://man7.org/linux/man-pages/man2/fcntl.2.html)
    #[doc(alias("FD_CLOEXEC", "F_GETFD", "fcntl"))]
    #[inline]
    pub fn is_cloexec(&self) -> Result<bool> {
        Ok(sys::get_fd_flags(self.as_raw_fd())? & libc::FD_CLOEXEC != 0)
    }
}

impl Drop for OwnedFd {
    #[inline]
    fn drop(&mut self) {
        // Nothing useful can be done with an error here; `close` reports it.
        let _ = sys::close(self.fd.get());
    }
}

impl core::fmt::Debug for OwnedFd {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("OwnedFd")
            .field("fd", &self.as_raw_fd())
            .finish()
    }
}

/// Equal when they hold the same descriptor number (two `OwnedFd`s do only
/// after a broken promise to `from_raw_fd`, or for the same one).
impl PartialEq for OwnedFd {
    fn eq(&self, other: &Self) -> bool {
        self.as_raw_fd() == other.as_raw_fd()
    }
}

impl Eq for OwnedFd {}

impl core::hash::Hash for OwnedFd {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.as_raw_fd().hash(state);
    }
}

impl From<Socket> for OwnedFd {
    /// The socket's descriptor, still open, as an untyped owned descriptor.
    fn from(socket: Socket) -> OwnedFd {
        // SAFETY: the socket owned this open descriptor and gives it up.
        unsafe { OwnedFd::from_raw_fd(socket.into_raw_fd()) }
    }
}
