//! Interop with the standard library, behind the `std` feature.
//!
//! Only trait implementations and conversions live here, never new
//! behaviour: every method below forwards to the one call of [`SocketFd`]
//! that does the same thing, so `io::Write::write` is the crate's `write`
//! (`send(2)` with `MSG_NOSIGNAL`), and `EINTR` reaches std as
//! `ErrorKind::Interrupted`, which std's own loops (`read_exact`,
//! `write_all`, `io::copy`) retry.

use core::mem::{align_of, size_of};
use std::ffi::OsStr;
use std::io;
use std::net::{TcpListener, TcpStream, UdpSocket};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, IntoRawFd, OwnedFd};
use std::os::linux::net::SocketAddrExt;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::net::{SocketAddr as UnixSocketAddr, UnixDatagram, UnixListener, UnixStream};
use std::path::Path;

use crate::addr::{AddrKind, SocketAddr, UNIX_PATH_MAX};
use crate::errno::Errno;
use crate::fd::RawFd;
use crate::iovec::{IoSlice, IoSliceMut, IOV_MAX};
use crate::poll::epoll::Epoll;
use crate::socket::transfer::TransferError;
use crate::socket::{BorrowedSocket, Socket, SocketFd};

// std promises that its IoSlice and IoSliceMut are ABI-compatible with
// `struct iovec` on Unix, as ours are; these pin the sizes the casts rely on.
const _: () = assert!(size_of::<io::IoSlice<'_>>() == size_of::<IoSlice<'_>>());
const _: () = assert!(align_of::<io::IoSlice<'_>>() == align_of::<IoSlice<'_>>());
const _: () = assert!(size_of::<io::IoSliceMut<'_>>() == size_of::<IoSliceMut<'_>>());
const _: () = assert!(align_of::<io::IoSliceMut<'_>>() == align_of::<IoSliceMut<'_>>());

/// std's buffers seen as this crate's, for the vectored calls.
fn as_iovecs<'a, 'b>(bufs: &'b [io::IoSlice<'a>]) -> &'b [IoSlice<'a>] {
    // SAFETY: both types are ABI-compatible with struct iovec (std documents
    // it for Unix; ours is repr(transparent) over libc::iovec) and borrow the
    // same bytes for the same 'a; the slice keeps its length and borrow 'b.
    unsafe { core::slice::from_raw_parts(bufs.as_ptr().cast(), bufs.len()) }
}

/// std's writable buffers seen as this crate's, for `read_vectored`.
fn as_iovecs_mut<'a, 'b>(bufs: &'b mut [io::IoSliceMut<'a>]) -> &'b mut [IoSliceMut<'a>] {
    // SAFETY: as in as_iovecs; both wrap exclusive borrows of bytes for 'a,
    // and the exclusive borrow of the slice moves over to the result.
    unsafe { core::slice::from_raw_parts_mut(bufs.as_mut_ptr().cast(), bufs.len()) }
}

/// std's buffer, borrowing the same bytes.
impl<'a> From<io::IoSlice<'a>> for IoSlice<'a> {
    #[inline]
    fn from(buf: io::IoSlice<'a>) -> IoSlice<'a> {
        // SAFETY: both are ABI-compatible with struct iovec (asserted above)
        // and borrow the same bytes for 'a.
        unsafe { core::mem::transmute::<io::IoSlice<'a>, IoSlice<'a>>(buf) }
    }
}

/// This crate's buffer as std's, borrowing the same bytes.
impl<'a> From<IoSlice<'a>> for io::IoSlice<'a> {
    #[inline]
    fn from(buf: IoSlice<'a>) -> io::IoSlice<'a> {
        io::IoSlice::new(buf.as_slice())
    }
}

/// std's writable buffer, borrowing the same bytes.
impl<'a> From<io::IoSliceMut<'a>> for IoSliceMut<'a> {
    #[inline]
    fn from(buf: io::IoSliceMut<'a>) -> IoSliceMut<'a> {
        // SAFETY: both are ABI-compatible with struct iovec (asserted above)
        // and hold the same exclusive borrow for 'a, which moves over.
        unsafe { core::mem::transmute::<io::IoSliceMut<'a>, IoSliceMut<'a>>(buf) }
    }
}

/// This crate's writable buffer as std's, borrowing the same bytes.
impl<'a> From<IoSliceMut<'a>> for io::IoSliceMut<'a> {
    #[inline]
    fn from(buf: IoSliceMut<'a>) -> io::IoSliceMut<'a> {
        io::IoSliceMut::new(buf.into_slice())
    }
}

impl<'a> IoSlice<'a> {
    /// A list of std's buffers seen as this crate's, in place (the types
    /// have the same layout): for [`SocketFd::write_vectored`] and friends.
    /// Only with the `std` feature.
    #[inline]
    pub fn from_std_slices<'b>(bufs: &'b [io::IoSlice<'a>]) -> &'b [IoSlice<'a>] {
        as_iovecs(bufs)
    }
}

impl<'a> IoSliceMut<'a> {
    /// A list of std's writable buffers seen as this crate's, in place: for
    /// [`SocketFd::read_vectored`] and friends. Only with the `std`
    /// feature.
    #[inline]
    pub fn from_std_slices<'b>(bufs: &'b mut [io::IoSliceMut<'a>]) -> &'b mut [IoSliceMut<'a>] {
        as_iovecs_mut(bufs)
    }
}

/// `io::Read` and `io::Write` for a type that dereferences to [`SocketFd`].
/// The calls name `SocketFd` because `self.read` would find the trait
/// method again.
macro_rules! std_io_for {
    ($($ty:ty),* $(,)?) => {$(
        /// `read` is `read(2)`, `read_vectored` is `readv(2)`.
        impl io::Read for $ty {
            #[inline]
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                Ok(SocketFd::read(self, buf)?)
            }

            /// As std's sockets do, one `readv(2)` fills at most the first
            /// `IOV_MAX` (1024) buffers, where the crate's own call refuses
            /// more with `EINVAL`.
            #[inline]
            fn read_vectored(&mut self, bufs: &mut [io::IoSliceMut<'_>]) -> io::Result<usize> {
                let count = bufs.len().min(IOV_MAX);
                let bufs = bufs.get_mut(..count).unwrap_or_default();
                Ok(SocketFd::read_vectored(self, as_iovecs_mut(bufs))?)
            }
        }

        /// `write` is `send(2)` with `MSG_NOSIGNAL`, `write_vectored` is
        /// `sendmsg(2)` with `MSG_NOSIGNAL`; `flush` does nothing, because a
        /// socket has no user-space buffer.
        impl io::Write for $ty {
            #[inline]
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                Ok(SocketFd::write(self, buf)?)
            }

            /// As std's sockets do, one `sendmsg(2)` sends at most the
            /// first `IOV_MAX` (1024) buffers (std's `write_all_vectored`
            /// loops for the rest), where the crate's own call refuses more
            /// with `EMSGSIZE`.
            #[inline]
            fn write_vectored(&mut self, bufs: &[io::IoSlice<'_>]) -> io::Result<usize> {
                let bufs = bufs.get(..IOV_MAX).unwrap_or(bufs);
                Ok(SocketFd::write_vectored(self, as_iovecs(bufs))?)
            }

            #[inline]
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
    )*};
}

std_io_for!(Socket, &Socket, &SocketFd, BorrowedSocket<'_>);

impl AsRawFd for SocketFd {
    #[inline]
    fn as_raw_fd(&self) -> RawFd {
        SocketFd::as_raw_fd(self)
    }
}

impl AsRawFd for Socket {
    #[inline]
    fn as_raw_fd(&self) -> RawFd {
        SocketFd::as_raw_fd(self)
    }
}

impl AsRawFd for BorrowedSocket<'_> {
    #[inline]
    fn as_raw_fd(&self) -> RawFd {
        SocketFd::as_raw_fd(self)
    }
}

impl AsFd for SocketFd {
    #[inline]
    fn as_fd(&self) -> BorrowedFd<'_> {
        // SAFETY: holding a &SocketFd proves the descriptor is open for the
        // borrow's lifetime, which the result cannot outlive.
        unsafe { BorrowedFd::borrow_raw(SocketFd::as_raw_fd(self)) }
    }
}

impl AsFd for Socket {
    #[inline]
    fn as_fd(&self) -> BorrowedFd<'_> {
        SocketFd::as_fd(self)
    }
}

impl AsFd for BorrowedSocket<'_> {
    #[inline]
    fn as_fd(&self) -> BorrowedFd<'_> {
        SocketFd::as_fd(self)
    }
}

impl<'fd> From<BorrowedSocket<'fd>> for BorrowedFd<'fd> {
    #[inline]
    fn from(socket: BorrowedSocket<'fd>) -> BorrowedFd<'fd> {
        // SAFETY: a BorrowedSocket<'fd> guarantees the descriptor stays open
        // for 'fd, which is what BorrowedFd<'fd> requires.
        unsafe { BorrowedFd::borrow_raw(socket.as_raw_fd()) }
    }
}

/// A descriptor that is not a socket is accepted; socket calls on it fail
/// with `ENOTSOCK`.
impl<'fd> From<BorrowedFd<'fd>> for BorrowedSocket<'fd> {
    #[inline]
    fn from(fd: BorrowedFd<'fd>) -> BorrowedSocket<'fd> {
        // SAFETY: a BorrowedFd<'fd> guarantees the descriptor stays open for
        // 'fd, which is what BorrowedSocket<'fd> requires.
        unsafe { BorrowedSocket::borrow_raw(fd.as_raw_fd()) }
    }
}

impl FromRawFd for Socket {
    /// # Safety
    ///
    /// As [`Socket::from_raw_fd`]: `fd` must be open and owned by no one else.
    #[inline]
    unsafe fn from_raw_fd(fd: RawFd) -> Socket {
        // SAFETY: the caller upholds the same contract as the trait's.
        unsafe { Socket::from_raw_fd(fd) }
    }
}

impl IntoRawFd for Socket {
    #[inline]
    fn into_raw_fd(self) -> RawFd {
        Socket::into_raw_fd(self)
    }
}

/// A descriptor that is not a socket is accepted; socket calls on it fail
/// with `ENOTSOCK`.
impl From<OwnedFd> for Socket {
    #[inline]
    fn from(fd: OwnedFd) -> Socket {
        // SAFETY: OwnedFd owned this open descriptor and gives it up here.
        unsafe { Socket::from_raw_fd(fd.into_raw_fd()) }
    }
}

impl From<Socket> for OwnedFd {
    #[inline]
    fn from(socket: Socket) -> OwnedFd {
        // SAFETY: Socket owned this open descriptor and gives it up here.
        unsafe { OwnedFd::from_raw_fd(socket.into_raw_fd()) }
    }
}

/// Moves a descriptor between [`Socket`] and each std socket type, both
/// ways, through `OwnedFd`. Neither side checks the socket's type or domain,
/// as std's own `From<OwnedFd>` does not.
macro_rules! std_socket_conversions {
    ($($std:ty),* $(,)?) => {$(
        impl From<Socket> for $std {
            #[inline]
            fn from(socket: Socket) -> $std {
                <$std>::from(OwnedFd::from(socket))
            }
        }

        impl From<$std> for Socket {
            #[inline]
            fn from(socket: $std) -> Socket {
                Socket::from(OwnedFd::from(socket))
            }
        }
    )*};
}

std_socket_conversions!(
    TcpStream,
    TcpListener,
    UdpSocket,
    UnixStream,
    UnixListener,
    UnixDatagram
);

/// `io::Error::from_raw_os_error`: the kind follows the errno
/// (`ECONNREFUSED` is `ConnectionRefused`, `EAGAIN` is `WouldBlock`) and
/// `raw_os_error` gives the number back.
impl From<Errno> for io::Error {
    #[inline]
    fn from(errno: Errno) -> io::Error {
        io::Error::from_raw_os_error(errno.raw())
    }
}

/// An `io::Error` of the errno's kind that carries the [`TransferError`]
/// itself, so the count of bytes moved is not lost: get it back with
/// `get_ref()` and `downcast_ref::<TransferError>()`. (`raw_os_error` is
/// `None` on this error; the errno is in the `TransferError`.)
impl From<TransferError> for io::Error {
    fn from(err: TransferError) -> io::Error {
        io::Error::new(io::Error::from(err.errno).kind(), err)
    }
}

/// Copies a std Unix socket address: a path, an abstract name, or unnamed,
/// which becomes the empty address, as this crate reports a socket with no
/// name (std's unnamed addresses come from the same calls).
///
/// Errors: `ENAMETOOLONG` for a path that does not fit `sun_path`, which
/// the kernel never hands back.
impl TryFrom<&UnixSocketAddr> for SocketAddr {
    type Error = Errno;

    fn try_from(addr: &UnixSocketAddr) -> Result<SocketAddr, Errno> {
        if let Some(path) = addr.as_pathname() {
            SocketAddr::unix_path(path.as_os_str().as_bytes())
        } else if let Some(name) = addr.as_abstract_name() {
            SocketAddr::unix_abstract(name)
        } else {
            Ok(SocketAddr::empty())
        }
    }
}

/// Builds a std Unix socket address from a path or an abstract name.
///
/// Errors: `EINVAL` for an address with no name (the empty address, or the
/// unnamed one), which std cannot build; `EAFNOSUPPORT` for another family;
/// `ENAMETOOLONG` for a path of the full 108 bytes, which std refuses
/// because it wants room for a NUL.
impl TryFrom<&SocketAddr> for UnixSocketAddr {
    type Error = Errno;

    fn try_from(addr: &SocketAddr) -> Result<UnixSocketAddr, Errno> {
        let built = match addr.kind() {
            AddrKind::UnixPath(path) if path.len() >= UNIX_PATH_MAX => {
                return Err(Errno::ENAMETOOLONG)
            }
            AddrKind::UnixPath(path) => {
                UnixSocketAddr::from_pathname(Path::new(OsStr::from_bytes(path)))
            }
            AddrKind::UnixAbstract(name) => UnixSocketAddr::from_abstract_name(name),
            AddrKind::UnixUnnamed | AddrKind::Unspecified => return Err(Errno::EINVAL),
            _ => return Err(Errno::EAFNOSUPPORT),
        };
        // std refuses only NULs in a path and over-long names, which the
        // checks above and SocketAddr's own invariants already exclude.
        built.map_err(|_| Errno::EINVAL)
    }
}

impl AsRawFd for crate::fd::OwnedFd {
    #[inline]
    fn as_raw_fd(&self) -> RawFd {
        crate::fd::OwnedFd::as_raw_fd(self)
    }
}

impl AsFd for crate::fd::OwnedFd {
    #[inline]
    fn as_fd(&self) -> BorrowedFd<'_> {
        // SAFETY: the descriptor is open while self lives, and the borrow
        // cannot outlive self.
        unsafe { BorrowedFd::borrow_raw(crate::fd::OwnedFd::as_raw_fd(self)) }
    }
}

impl From<crate::fd::OwnedFd> for OwnedFd {
    /// A received descriptor (a file, a pipe, a socket) as std's `OwnedFd`,
    /// to build a `File` or a `UnixStream` from.
    #[inline]
    fn from(fd: crate::fd::OwnedFd) -> OwnedFd {
        // SAFETY: our OwnedFd owned this open descriptor and gives it up here.
        unsafe { OwnedFd::from_raw_fd(fd.into_raw_fd()) }
    }
}

impl From<OwnedFd> for crate::fd::OwnedFd {
    #[inline]
    fn from(fd: OwnedFd) -> crate::fd::OwnedFd {
        // SAFETY: std's OwnedFd owned this open descriptor and gives it up here.
        unsafe { crate::fd::OwnedFd::from_raw_fd(fd.into_raw_fd()) }
    }
}

impl AsRawFd for Epoll {
    #[inline]
    fn as_raw_fd(&self) -> RawFd {
        Epoll::as_raw_fd(self)
    }
}

impl AsFd for Epoll {
    #[inline]
    fn as_fd(&self) -> BorrowedFd<'_> {
        // SAFETY: the descriptor is open while self lives, and the borrow
        // cannot outlive self.
        unsafe { BorrowedFd::borrow_raw(Epoll::as_raw_fd(self)) }
    }
}

impl FromRawFd for Epoll {
    /// # Safety
    ///
    /// As [`Epoll::from_raw_fd`]: `fd` must be an open epoll descriptor
    /// owned by no one else.
    #[inline]
    unsafe fn from_raw_fd(fd: RawFd) -> Epoll {
        // SAFETY: the caller upholds the same contract as the trait's.
        unsafe { Epoll::from_raw_fd(fd) }
    }
}

impl IntoRawFd for Epoll {
    #[inline]
    fn into_raw_fd(self) -> RawFd {
        Epoll::into_raw_fd(self)
    }
}

impl From<Epoll> for OwnedFd {
    #[inline]
    fn from(epoll: Epoll) -> OwnedFd {
        // SAFETY: Epoll owned this open descriptor and gives it up here.
        unsafe { OwnedFd::from_raw_fd(epoll.into_raw_fd()) }
    }
}

/// A descriptor that is not an epoll instance is accepted; epoll calls on
/// it fail with `EINVAL`.
impl From<OwnedFd> for Epoll {
    #[inline]
    fn from(fd: OwnedFd) -> Epoll {
        // SAFETY: OwnedFd owned this open descriptor and gives it up here.
        unsafe { Epoll::from_raw_fd(fd.into_raw_fd()) }
    }
}
