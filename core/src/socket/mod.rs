//! [`Socket`] (owned), [`BorrowedSocket`] (borrowed) and [`SocketFd`], the
//! type both dereference to, where every operation lives.

mod flow;
mod io;
pub(crate) mod lifecycle;
mod sendfile;
mod timeout;
pub(crate) mod transfer;

use core::marker::PhantomData;
use core::ops::Deref;

use crate::errno::Result;
use crate::fd::RawFd;
use crate::fd_niche::ValidFd;
use crate::flags::{Domain, SockFlags, Type};
use crate::sys;

/// A socket descriptor. Every operation of this crate is a method here;
/// [`Socket`] and [`BorrowedSocket`] dereference to it.
///
/// A `&SocketFd` never outlives the descriptor it names, and a `SocketFd` is
/// never made by value outside this crate, so holding one proves the
/// descriptor is open.
///
/// A function that takes `&SocketFd` serves owned and borrowed sockets
/// alike. Here, datagrams over loopback:
///
/// ```
/// use sockcore::{Domain, MsgFlags, SockFlags, Socket, SocketAddr, SocketFd, Type};
///
/// fn greet(socket: &SocketFd, to: &SocketAddr) -> sockcore::Result<usize> {
///     socket.send_to(b"hello", MsgFlags::empty(), to)
/// }
///
/// let rx = Socket::new(Domain::IPV4, Type::DGRAM, SockFlags::empty())?;
/// rx.bind(&SocketAddr::v4([127, 0, 0, 1], 0))?;
/// let to = rx.local_addr()?;
///
/// let tx = Socket::new(Domain::IPV4, Type::DGRAM, SockFlags::empty())?;
/// tx.bind(&SocketAddr::v4([127, 0, 0, 1], 0))?;
/// greet(&tx, &to)?; // an owned socket...
/// greet(&tx.borrow(), &to)?; // ...or a borrowed one
///
/// let mut buf = [0u8; 16];
/// for _ in 0..2 {
///     let (n, from) = rx.recv_from(&mut buf, MsgFlags::empty())?;
///     assert_eq!(&buf[..n], b"hello");
///     assert_eq!(from, tx.local_addr()?);
/// }
/// # Ok::<(), sockcore::Errno>(())
/// ```
#[repr(transparent)]
pub struct SocketFd {
    fd: RawFd,
}

/// An owned socket: closes its descriptor when dropped.
///
/// Created close-on-exec, always. Operations come from [`SocketFd`] through
/// `Deref`.
///
/// ```
/// use sockcore::{Domain, SockFlags, Socket, SocketAddr, Type};
///
/// let socket = Socket::new(Domain::IPV4, Type::STREAM, SockFlags::NONBLOCK)?;
/// socket.bind(&SocketAddr::v4([127, 0, 0, 1], 0))?;
/// socket.listen(8)?;
/// assert!(socket.is_cloexec()?);
/// assert!(socket.is_nonblocking()?);
/// assert_ne!(socket.local_addr()?.port(), Some(0));
///
/// // Dropping closes silently; close() reports close(2)'s error.
/// socket.close()?;
/// # Ok::<(), sockcore::Errno>(())
/// ```
///
/// `Option<Socket>` is the size of an `int`: a descriptor is never
/// negative, and that leaves room for `None`.
#[repr(transparent)]
pub struct Socket {
    fd: ValidFd,
}

/// A socket descriptor the caller owns, borrowed for `'fd`: the same
/// operations as [`Socket`], but dropping it closes nothing.
///
/// ```
/// use sockcore::{BorrowedSocket, Domain, SockFlags, Socket, Type};
///
/// let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty())?;
/// // A descriptor that arrives as a plain int, say from C.
/// let raw = a.as_raw_fd();
/// // SAFETY: `a` owns the descriptor and outlives `borrowed`.
/// let borrowed = unsafe { BorrowedSocket::borrow_raw(raw) };
/// borrowed.write(b"hi")?;
/// drop(borrowed); // closes nothing: `a` still works
/// a.write(b"!")?;
///
/// let mut buf = [0u8; 3];
/// assert_eq!(b.read_exact(&mut buf)?, 3);
/// assert_eq!(&buf, b"hi!");
/// # Ok::<(), sockcore::Errno>(())
/// ```
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct BorrowedSocket<'fd> {
    fd: RawFd,
    _borrow: PhantomData<&'fd SocketFd>,
}

impl SocketFd {
    /// The raw descriptor, still owned by whoever owns it.
    #[inline]
    pub fn as_raw_fd(&self) -> RawFd {
        self.fd
    }

    /// Borrows `self` as a copyable handle.
    #[inline]
    pub fn borrow(&self) -> BorrowedSocket<'_> {
        BorrowedSocket {
            fd: self.fd,
            _borrow: PhantomData,
        }
    }
}

impl Socket {
    /// `socket(2)` with `SOCK_CLOEXEC` and protocol 0.
    ///
    /// Errors: `EAFNOSUPPORT`, `EINVAL` (an unknown type or flag),
    /// `EPROTONOSUPPORT`, `EMFILE`, `ENFILE`, `ENOBUFS`, `ENOMEM`, `EACCES`.
    ///
    /// # References
    ///
    /// [`socket(2)`](https://man7.org/linux/man-pages/man2/socket.2.html)
    #[doc(alias("sc_socket", "socket"))]
    #[inline]
    pub fn new(domain: Domain, ty: Type, flags: SockFlags) -> Result<Socket> {
        Socket::with_protocol(domain, ty, 0, flags)
    }

    /// `socket(2)` with `SOCK_CLOEXEC` and an explicit protocol (such as
    /// `IPPROTO_UDP`). Errors as [`Socket::new`].
    ///
    /// # References
    ///
    /// [`socket(2)`](https://man7.org/linux/man-pages/man2/socket.2.html)
    #[doc(alias = "socket")]
    #[inline]
    pub fn with_protocol(
        domain: Domain,
        ty: Type,
        protocol: i32,
        flags: SockFlags,
    ) -> Result<Socket> {
        let fd = sys::socket(
            domain.0,
            ty.0 | libc::SOCK_CLOEXEC | flags.syscall_bits()?,
            protocol,
        )?;
        // SAFETY: socket just returned this descriptor, so no one else owns it.
        Ok(unsafe { Socket::from_raw_fd(fd) })
    }

    /// `socketpair(2)` with `SOCK_CLOEXEC`: two connected sockets.
    ///
    /// Errors: `EAFNOSUPPORT` (Linux supports only `AF_UNIX`), `EOPNOTSUPP`,
    /// `EMFILE`, `ENFILE`.
    ///
    /// # References
    ///
    /// [`socketpair(2)`](https://man7.org/linux/man-pages/man2/socketpair.2.html)
    #[doc(alias("sc_socketpair", "socketpair"))]
    #[inline]
    pub fn pair(domain: Domain, ty: Type, flags: SockFlags) -> Result<(Socket, Socket)> {
        let [a, b] = sys::socketpair(
            domain.0,
            ty.0 | libc::SOCK_CLOEXEC | flags.syscall_bits()?,
            0,
        )?;
        // SAFETY: socketpair just returned both descriptors; we own them.
        Ok(unsafe { (Socket::from_raw_fd(a), Socket::from_raw_fd(b)) })
    }

    /// Takes ownership of `fd`.
    ///
    /// # Safety
    ///
    /// `fd` must be an open socket descriptor (so not negative) that
    /// nothing else closes.
    #[inline]
    pub const unsafe fn from_raw_fd(fd: RawFd) -> Socket {
        Socket {
            // SAFETY: an open descriptor is not negative (the caller's
            // promise).
            fd: unsafe { ValidFd::new_unchecked(fd) },
        }
    }

    /// Gives up ownership: the caller must close the descriptor.
    #[inline]
    pub fn into_raw_fd(self) -> RawFd {
        let fd = self.fd.get();
        core::mem::forget(self);
        fd
    }

    /// `close(2)`, reporting its error (dropping closes too, silently).
    /// The descriptor is released even when an error is returned.
    ///
    /// # References
    ///
    /// [`close(2)`](https://man7.org/linux/man-pages/man2/close.2.html)
    #[doc(alias = "sc_close")]
    #[inline]
    pub fn close(self) -> Result<()> {
        sys::close(self.into_raw_fd())
    }
}

impl Drop for Socket {
    #[inline]
    fn drop(&mut self) {
        // Nothing useful can be done with an error here; `close` reports it.
        let _ = sys::close(self.fd.get());
    }
}

impl Deref for Socket {
    type Target = SocketFd;

    #[inline]
    fn deref(&self) -> &SocketFd {
        // SAFETY: SocketFd is repr(transparent) over RawFd, which a ValidFd
        // is in memory (fd_niche.rs), and the reference lives no longer
        // than self, which keeps the descriptor open.
        unsafe { &*(self.fd.as_raw() as *const RawFd).cast::<SocketFd>() }
    }
}

impl BorrowedSocket<'_> {
    /// Borrows a descriptor the caller owns.
    ///
    /// # Safety
    ///
    /// `fd` must stay open for the lifetime chosen for the result. (A number
    /// that is never a descriptor, such as a negative one, is no memory
    /// hazard: it is only handed to system calls, which fail with `EBADF`.
    /// A closed descriptor is worse: its number may meanwhile name another
    /// open file.)
    #[inline]
    pub const unsafe fn borrow_raw(fd: RawFd) -> Self {
        BorrowedSocket {
            fd,
            _borrow: PhantomData,
        }
    }
}

impl Deref for BorrowedSocket<'_> {
    type Target = SocketFd;

    #[inline]
    fn deref(&self) -> &SocketFd {
        let fd: &RawFd = &self.fd;
        // SAFETY: SocketFd is repr(transparent) over RawFd, and the borrowed
        // reference lives no longer than self, which guarantees the
        // descriptor is open.
        unsafe { &*(fd as *const RawFd).cast::<SocketFd>() }
    }
}

impl core::fmt::Debug for SocketFd {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("SocketFd").field("fd", &self.fd).finish()
    }
}

impl core::fmt::Debug for Socket {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Socket")
            .field("fd", &self.fd.get())
            .finish()
    }
}

impl core::fmt::Debug for BorrowedSocket<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("BorrowedSocket")
            .field("fd", &self.fd)
            .finish()
    }
}
