//! Whole transfers on [`SocketFd`]: `write_all`, `write_all_vectored` and
//! `read_exact`, which loop over partial transfers and retry `EINTR`.

use core::fmt;

use crate::errno::Errno;
use crate::iovec::{IoSlice, IoSliceMut, IOV_MAX};
use crate::socket::SocketFd;

/// A whole transfer that stopped early: the error, and how many bytes were
/// moved before it, so the caller can resume or report exactly.
///
/// ```
/// use sockcore::{Domain, Errno, SockFlags, Socket, Type};
///
/// let (a, _b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::NONBLOCK)?;
/// // Far more than the socket buffers hold, on a non-blocking socket.
/// let big = vec![0u8; 16 << 20];
/// let err = a.write_all(&big).unwrap_err();
/// assert_eq!(err.errno, Errno::EAGAIN);
/// // What fitted is gone; wait for POLLOUT, then send big[err.done..].
/// assert!(err.done > 0 && err.done < big.len());
/// # Ok::<(), Errno>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TransferError {
    /// Why the transfer stopped.
    pub errno: Errno,
    /// Bytes completed before the error.
    pub done: usize,
}

impl fmt::Display for TransferError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} after {} bytes", self.errno, self.done)
    }
}

/// `core::error::Error` (std's `Error`): its `Display` already names the
/// errno, so it reports no `source`.
impl core::error::Error for TransferError {}

impl SocketFd {
    /// Sends all of `buf` with as many `send(2)` calls as it takes, retrying
    /// `EINTR`.
    ///
    /// On a non-blocking socket a full send buffer stops the loop with
    /// `EAGAIN` and the count sent so far: wait for `POLLOUT` and call again
    /// with the rest. Errors: those of [`write`](Self::write) except `EINTR`.
    ///
    /// # References
    ///
    /// [`send(2)`](https://man7.org/linux/man-pages/man2/send.2.html)
    #[doc(alias("sc_write_all", "send"))]
    #[inline]
    pub fn write_all(&self, buf: &[u8]) -> Result<(), TransferError> {
        // One send that takes everything is the common case: it stays
        // inline, and only a short send or an error enters the loop.
        if buf.is_empty() {
            return Ok(());
        }
        match self.write(buf) {
            Ok(sent) if sent == buf.len() => Ok(()),
            first => self.write_all_rest(buf, first),
        }
    }

    /// The loop behind [`write_all`](Self::write_all), from the outcome of
    /// its first send.
    #[inline(never)]
    fn write_all_rest(
        &self,
        buf: &[u8],
        first: crate::errno::Result<usize>,
    ) -> Result<(), TransferError> {
        let mut done = 0;
        let mut outcome = first;
        loop {
            match outcome {
                Ok(0) => {
                    return Err(TransferError {
                        errno: Errno::EPIPE,
                        done,
                    })
                }
                Ok(sent) => done += sent,
                Err(Errno::EINTR) => {}
                Err(errno) => return Err(TransferError { errno, done }),
            }
            match buf.get(done..).filter(|rest| !rest.is_empty()) {
                Some(rest) => outcome = self.write(rest),
                None => return Ok(()),
            }
        }
    }

    /// Sends every buffer in `bufs`, in order, with as many vectored sends as
    /// it takes, retrying `EINTR`. `bufs` is advanced in place past what was
    /// sent, so after an error it describes exactly what is left.
    ///
    /// Errors: those of [`write_vectored`](Self::write_vectored) except
    /// `EINTR`; `EAGAIN` on a non-blocking socket as in
    /// [`write_all`](Self::write_all).
    ///
    /// # References
    ///
    /// [`sendmsg(2)`](https://man7.org/linux/man-pages/man2/sendmsg.2.html)
    #[doc(alias("sendmsg", "writev"))]
    pub fn write_all_vectored(&self, bufs: &mut &mut [IoSlice<'_>]) -> Result<(), TransferError> {
        // Leading empty buffers would make an empty send look like progress.
        IoSlice::advance_slices(bufs, 0);
        let mut done = 0;
        while !bufs.is_empty() {
            // The kernel refuses more than IOV_MAX buffers per call with
            // EMSGSIZE; a longer list goes out over several calls.
            let batch = bufs.get(..IOV_MAX).unwrap_or(bufs);
            match self.write_vectored(batch) {
                Ok(0) => {
                    return Err(TransferError {
                        errno: Errno::EPIPE,
                        done,
                    })
                }
                Ok(n) => {
                    done += n;
                    IoSlice::advance_slices(bufs, n);
                }
                Err(Errno::EINTR) => {}
                Err(errno) => return Err(TransferError { errno, done }),
            }
        }
        Ok(())
    }

    /// Reads until every buffer in `bufs` is full or the stream ends, with
    /// as many vectored reads as it takes, retrying `EINTR`: the scatter
    /// form of [`read_exact`](Self::read_exact). `bufs` is advanced in
    /// place past what was read, so afterwards it describes exactly the
    /// room left. Returns the count read: the total length, or less at end
    /// of stream.
    ///
    /// ```
    /// use sockcore::{Domain, IoSliceMut, SockFlags, Socket, Type};
    ///
    /// let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty())?;
    /// a.write_all(b"head:body")?;
    /// let (mut head, mut body) = ([0u8; 5], [0u8; 4]);
    /// let mut bufs = [IoSliceMut::new(&mut head), IoSliceMut::new(&mut body)];
    /// assert_eq!(b.read_exact_vectored(&mut &mut bufs[..])?, 9);
    /// assert_eq!((&head, &body), (b"head:", b"body"));
    /// # Ok::<(), sockcore::Errno>(())
    /// ```
    ///
    /// Errors: those of [`read_vectored`](Self::read_vectored) except
    /// `EINTR`, with the count so far; `EAGAIN` on a non-blocking socket.
    pub fn read_exact_vectored(
        &self,
        bufs: &mut &mut [IoSliceMut<'_>],
    ) -> Result<usize, TransferError> {
        // Leading empty buffers would make a read of 0 look like the end.
        IoSliceMut::advance_slices(bufs, 0);
        let mut done = 0;
        while !bufs.is_empty() {
            // readv refuses more than IOV_MAX buffers with EINVAL.
            let batch = match bufs.get_mut(..IOV_MAX) {
                Some(batch) => batch,
                None => &mut bufs[..],
            };
            match self.read_vectored(batch) {
                Ok(0) => break,
                Ok(n) => {
                    done += n;
                    IoSliceMut::advance_slices(bufs, n);
                }
                Err(Errno::EINTR) => {}
                Err(errno) => return Err(TransferError { errno, done }),
            }
        }
        Ok(done)
    }

    /// Reads until `buf` is full or the stream ends, retrying `EINTR`.
    /// Returns the count read: `buf.len()`, or less at end of stream.
    ///
    /// Errors: those of [`read`](Self::read) except `EINTR`; `EAGAIN` on a
    /// non-blocking socket with the count so far.
    ///
    /// # References
    ///
    /// [`read(2)`](https://man7.org/linux/man-pages/man2/read.2.html)
    #[doc(alias("sc_read_exact", "read"))]
    #[inline]
    pub fn read_exact(&self, buf: &mut [u8]) -> Result<usize, TransferError> {
        // As in write_all: one read that fills the buffer stays inline.
        if buf.is_empty() {
            return Ok(0);
        }
        match self.read(buf) {
            Ok(read) if read == buf.len() => Ok(read),
            first => self.read_exact_rest(buf, first),
        }
    }

    /// The loop behind [`read_exact`](Self::read_exact), from the outcome of
    /// its first read.
    #[inline(never)]
    fn read_exact_rest(
        &self,
        buf: &mut [u8],
        first: crate::errno::Result<usize>,
    ) -> Result<usize, TransferError> {
        let mut done = 0;
        let mut outcome = first;
        loop {
            match outcome {
                Ok(0) => return Ok(done),
                Ok(read) => done += read,
                Err(Errno::EINTR) => {}
                Err(errno) => return Err(TransferError { errno, done }),
            }
            match buf.get_mut(done..).filter(|rest| !rest.is_empty()) {
                Some(rest) => outcome = self.read(rest),
                None => return Ok(done),
            }
        }
    }
}

impl From<TransferError> for Errno {
    /// The error alone, for callers that do not resume partial transfers.
    fn from(e: TransferError) -> Errno {
        e.errno
    }
}
