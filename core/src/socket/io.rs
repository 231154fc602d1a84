//! Moving bytes on [`SocketFd`]: read/write, send/recv, sendto/recvfrom,
//! peek, readv/writev, and receiving into uninitialised memory.
//!
//! Every send path adds `MSG_NOSIGNAL`: a write to a closed peer returns
//! `EPIPE` and never raises `SIGPIPE`. That is why `write` is `send(2)` and
//! `writev` is `sendmsg(2)`: `write(2)` and `writev(2)` cannot take the flag.

use core::mem::MaybeUninit;

use crate::addr::SocketAddr;
use crate::errno::Result;
use crate::flags::MsgFlags;
use crate::iovec::{IoSlice, IoSliceMut};
use crate::socket::SocketFd;
use crate::sys;

/// Views an initialised byte buffer as possibly-uninitialised memory.
#[inline]
fn as_uninit(buf: &mut [u8]) -> &mut [MaybeUninit<u8>] {
    // SAFETY: MaybeUninit<u8> has the layout of u8, and the callers here only
    // let the kernel write initialised bytes into it.
    unsafe { &mut *(buf as *mut [u8] as *mut [MaybeUninit<u8>]) }
}

/// The first `len` bytes of `buf`, which the kernel has just written.
#[inline]
fn filled(buf: &mut [MaybeUninit<u8>], len: usize) -> &mut [u8] {
    let len = len.min(buf.len());
    let ptr = buf.as_mut_ptr().cast::<u8>();
    // SAFETY: the kernel reported writing len bytes at the start of buf (and
    // len is clamped to buf's length), so they are initialised.
    unsafe { core::slice::from_raw_parts_mut(ptr, len) }
}

impl SocketFd {
    /// `read(2)`: up to `buf.len()` bytes; 0 means end of stream (or an
    /// empty datagram, or an empty `buf`).
    ///
    /// Errors: `EAGAIN` (non-blocking, nothing to read), `EINTR`,
    /// `ECONNRESET`, `ENOTCONN`, `ETIMEDOUT`.
    ///
    /// # References
    ///
    /// [`read(2)`](https://man7.org/linux/man-pages/man2/read.2.html)
    #[doc(alias = "sc_read")]
    #[inline]
    pub fn read(&self, buf: &mut [u8]) -> Result<usize> {
        sys::read(self.as_raw_fd(), as_uninit(buf))
    }

    /// `read(2)` into uninitialised memory; returns the part now filled.
    /// Errors as [`read`](Self::read).
    ///
    /// # References
    ///
    /// [`read(2)`](https://man7.org/linux/man-pages/man2/read.2.html)
    #[doc(alias = "read")]
    #[inline]
    pub fn read_uninit<'b>(&self, buf: &'b mut [MaybeUninit<u8>]) -> Result<&'b mut [u8]> {
        let len = sys::read(self.as_raw_fd(), buf)?;
        Ok(filled(buf, len))
    }

    /// `send(2)` with `MSG_NOSIGNAL`: the write of this crate; one call, may
    /// send fewer bytes than given.
    ///
    /// Errors: `EPIPE` or `ECONNRESET` (the peer is gone; no `SIGPIPE`),
    /// `EAGAIN`, `EINTR`, `EMSGSIZE`, `ENOTCONN`, `EDESTADDRREQ`, `ENOTSOCK`.
    ///
    /// # References
    ///
    /// [`send(2)`](https://man7.org/linux/man-pages/man2/send.2.html)
    #[doc(alias("MSG_NOSIGNAL", "sc_write", "send"))]
    #[inline]
    pub fn write(&self, buf: &[u8]) -> Result<usize> {
        sys::send(self.as_raw_fd(), buf, MsgFlags::NOSIGNAL)
    }

    /// `send(2)` with `flags | MSG_NOSIGNAL`. Errors as [`write`](Self::write).
    ///
    /// # References
    ///
    /// [`send(2)`](https://man7.org/linux/man-pages/man2/send.2.html)
    #[doc(alias = "sc_send")]
    #[inline]
    pub fn send(&self, buf: &[u8], flags: MsgFlags) -> Result<usize> {
        sys::send(self.as_raw_fd(), buf, flags | MsgFlags::NOSIGNAL)
    }

    /// `recv(2)` with `flags`: returns the count received.
    ///
    /// With `MsgFlags::TRUNC` on a datagram socket the count is the
    /// datagram's full length, which may be more than `buf.len()`: only
    /// `buf.len()` bytes were written, and the rest of the datagram is gone
    /// (without `TRUNC` the count is at most `buf.len()`). Slice with
    /// `&buf[..n.min(buf.len())]`.
    ///
    /// Errors as [`read`](Self::read).
    ///
    /// # References
    ///
    /// [`recv(2)`](https://man7.org/linux/man-pages/man2/recv.2.html)
    #[doc(alias = "sc_recv")]
    #[inline]
    pub fn recv(&self, buf: &mut [u8], flags: MsgFlags) -> Result<usize> {
        sys::recv(self.as_raw_fd(), as_uninit(buf), flags)
    }

    /// `recv(2)` into uninitialised memory; returns the part now filled.
    /// With `MSG_TRUNC` on a datagram socket the kernel reports the full
    /// datagram length; the returned slice is still clamped to `buf`.
    ///
    /// # References
    ///
    /// [`recv(2)`](https://man7.org/linux/man-pages/man2/recv.2.html)
    #[doc(alias = "recv")]
    #[inline]
    pub fn recv_uninit<'b>(
        &self,
        buf: &'b mut [MaybeUninit<u8>],
        flags: MsgFlags,
    ) -> Result<&'b mut [u8]> {
        let len = sys::recv(self.as_raw_fd(), buf, flags)?;
        Ok(filled(buf, len))
    }

    /// `recv(2)` with `MSG_PEEK`: the next bytes, left in the queue.
    ///
    /// # References
    ///
    /// [`recv(2)`](https://man7.org/linux/man-pages/man2/recv.2.html)
    #[doc(alias("sc_peek", "recv"))]
    #[inline]
    pub fn peek(&self, buf: &mut [u8]) -> Result<usize> {
        self.recv(buf, MsgFlags::PEEK)
    }

    /// `sendto(2)` with `flags | MSG_NOSIGNAL`: a datagram to `to`.
    ///
    /// Errors: those of [`write`](Self::write), plus `EAFNOSUPPORT` /
    /// `EINVAL` (an address of the wrong family), `EISCONN`, `EACCES`
    /// (broadcast without `SO_BROADCAST`), `ENETUNREACH`.
    ///
    /// # References
    ///
    /// [`sendto(2)`](https://man7.org/linux/man-pages/man2/send.2.html)
    #[doc(alias("sc_sendto", "sendto"))]
    #[inline]
    pub fn send_to(&self, buf: &[u8], flags: MsgFlags, to: &SocketAddr) -> Result<usize> {
        sys::sendto(self.as_raw_fd(), buf, flags | MsgFlags::NOSIGNAL, to)
    }

    /// `recvfrom(2)`: a datagram and its sender (the empty address when
    /// the sender has no name: a connected stream, a Unix socket that never
    /// bound). With `MsgFlags::TRUNC` the count may exceed `buf.len()`, as
    /// for [`recv`](Self::recv). Errors as [`read`](Self::read).
    ///
    /// # References
    ///
    /// [`recvfrom(2)`](https://man7.org/linux/man-pages/man2/recv.2.html)
    #[doc(alias = "recvfrom")]
    #[inline]
    pub fn recv_from(&self, buf: &mut [u8], flags: MsgFlags) -> Result<(usize, SocketAddr)> {
        let mut from = SocketAddr::empty();
        let len = sys::recvfrom(self.as_raw_fd(), as_uninit(buf), flags, &mut from)?;
        Ok((len, from))
    }

    /// `recvfrom(2)` storing the sender straight into `from`, for callers
    /// that keep an address in place (the C ABI's `sc_recvfrom`): no copy of
    /// the address. On error `from` is left as it was.
    ///
    /// # References
    ///
    /// [`recvfrom(2)`](https://man7.org/linux/man-pages/man2/recv.2.html)
    #[doc(alias("sc_recvfrom", "recvfrom"))]
    #[inline]
    pub fn recv_from_into(
        &self,
        buf: &mut [u8],
        flags: MsgFlags,
        from: &mut SocketAddr,
    ) -> Result<usize> {
        let saved_len = from.len();
        let received = sys::recvfrom(self.as_raw_fd(), as_uninit(buf), flags, from);
        if received.is_err() {
            // The kernel writes the address only on success; the length was
            // widened for the call and is put back.
            from.set_len(saved_len);
        }
        received
    }

    /// `recvfrom(2)` into uninitialised memory.
    ///
    /// # References
    ///
    /// [`recvfrom(2)`](https://man7.org/linux/man-pages/man2/recv.2.html)
    #[doc(alias = "recvfrom")]
    #[inline]
    pub fn recv_from_uninit<'b>(
        &self,
        buf: &'b mut [MaybeUninit<u8>],
        flags: MsgFlags,
    ) -> Result<(&'b mut [u8], SocketAddr)> {
        let mut from = SocketAddr::empty();
        let len = sys::recvfrom(self.as_raw_fd(), buf, flags, &mut from)?;
        Ok((filled(buf, len), from))
    }

    /// `readv(2)`: scatters what arrives over `bufs` in order.
    ///
    /// Errors: as [`read`](Self::read), plus `EINVAL` for more than
    /// `IOV_MAX` (1024) buffers or a total over `SSIZE_MAX`.
    ///
    /// # References
    ///
    /// [`readv(2)`](https://man7.org/linux/man-pages/man2/readv.2.html)
    #[doc(alias("sc_readv", "readv"))]
    #[inline]
    pub fn read_vectored(&self, bufs: &mut [IoSliceMut<'_>]) -> Result<usize> {
        sys::readv(self.as_raw_fd(), bufs)
    }

    /// The vectored write: `sendmsg(2)` with `MSG_NOSIGNAL` over `bufs`
    /// (`writev(2)` cannot suppress `SIGPIPE`).
    ///
    /// Errors: as [`write`](Self::write), plus `EMSGSIZE` for more than
    /// `IOV_MAX` (1024) buffers.
    ///
    /// # References
    ///
    /// [`sendmsg(2)`](https://man7.org/linux/man-pages/man2/sendmsg.2.html)
    #[doc(alias("MSG_NOSIGNAL", "sc_writev", "writev", "sendmsg"))]
    #[inline]
    pub fn write_vectored(&self, bufs: &[IoSlice<'_>]) -> Result<usize> {
        sys::send_msg(self.as_raw_fd(), bufs, &[], None, MsgFlags::NOSIGNAL.bits())
    }
}
