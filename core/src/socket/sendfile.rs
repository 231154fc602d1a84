//! `sendfile(2)` on [`SocketFd`]: a file's bytes onto the socket in the
//! kernel, one call ([`send_file`](SocketFd::send_file)) or the whole
//! transfer ([`send_file_all`](SocketFd::send_file_all)).

use crate::errno::{Errno, Result};
use crate::fd::RawFd;
use crate::socket::transfer::TransferError;
use crate::socket::SocketFd;
use crate::sys::{self, SigpipeBlocked};

impl SocketFd {
    /// `sendfile(2)`: up to `count` bytes of `file`, from `*offset`, onto
    /// this socket, with no copy through user space. Advances `*offset` by
    /// the count sent; the file's own position is neither used nor moved.
    /// Returns the count: less than `count` when the send buffer had less
    /// room or the file ends (0 at or past its end); at most 0x7ffff000
    /// (2 GiB - 4 KiB) per call.
    ///
    /// `sendfile` takes no `MSG_NOSIGNAL`, so this call blocks `SIGPIPE` in
    /// the calling thread while it runs, takes the one a closed peer makes
    /// the kernel raise (with `EPIPE`), and unblocks it again: two more
    /// system calls (`rt_sigprocmask`), no `SIGPIPE`, and the thread's
    /// signal mask as it was. A `SIGPIPE` already pending on the thread
    /// when the call starts (one the caller blocked) stays pending.
    ///
    /// One `sendfile` call: `EINTR` is reported (nothing was sent). `file`
    /// must be something `sendfile` reads at an offset: a regular file, a
    /// block device, a memfd.
    ///
    /// ```
    /// use std::os::fd::AsRawFd;
    ///
    /// use sockcore::{Domain, SockFlags, Socket, Type};
    ///
    /// let file = file_holding(b"hello, sendfile");
    /// let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty())?;
    /// let mut offset = 7;
    /// assert_eq!(a.send_file(file.as_raw_fd(), &mut offset, 100)?, 8); // to the end
    /// assert_eq!(offset, 15);
    ///
    /// let mut buf = [0u8; 8];
    /// b.read_exact(&mut buf)?;
    /// assert_eq!(&buf, b"sendfile");
    /// # fn file_holding(bytes: &[u8]) -> std::fs::File {
    /// #     let path = std::env::temp_dir().join(format!("sockcore-doc-{}", std::process::id()));
    /// #     std::fs::write(&path, bytes).unwrap();
    /// #     let file = std::fs::File::open(&path).unwrap();
    /// #     std::fs::remove_file(&path).unwrap();
    /// #     file
    /// # }
    /// # Ok::<(), sockcore::Errno>(())
    /// ```
    ///
    /// Errors: `EINVAL` for `*offset` past `i64::MAX` (checked here: no
    /// call is made), for a `file` that cannot be read this way (a
    /// directory) and for `count` past `isize::MAX`; `ESPIPE` when `file`
    /// is a pipe or a socket; `EAGAIN` on a non-blocking socket with a full
    /// send buffer; `EPIPE`, `ECONNRESET`; `EBADF` (also for a `file`
    /// opened write-only); `EINTR`; `EIO`, `ENOMEM`. `*offset` is
    /// unchanged on error.
    ///
    /// # References
    ///
    /// [`sendfile(2)`](https://man7.org/linux/man-pages/man2/sendfile.2.html),
    /// [`sigprocmask(2)`](https://man7.org/linux/man-pages/man2/sigprocmask.2.html),
    /// [`sigtimedwait(2)`](https://man7.org/linux/man-pages/man2/sigtimedwait.2.html)
    #[doc(alias("sendfile", "sendfile64", "sc_send_file"))]
    #[inline]
    pub fn send_file(&self, file: RawFd, offset: &mut u64, count: usize) -> Result<usize> {
        self.send_file_calls(file, offset, count, false)
            .map_err(|stopped| stopped.errno)
    }

    /// [`send_file`](Self::send_file) until `count` bytes are sent or the
    /// file ends, retrying `EINTR` and short counts, as
    /// [`write_all`](Self::write_all) does. Returns the count sent:
    /// `count`, or less when the file ended first. `*offset` always says
    /// how far it got, errors included. `SIGPIPE` is blocked once for the
    /// whole loop.
    ///
    /// Errors: those of [`send_file`](Self::send_file) but `EINTR`, with the
    /// count sent before them; on a non-blocking socket `EAGAIN` once the
    /// send buffer is full: wait for `POLLOUT` and call again with the same
    /// `offset` and the rest of the count.
    ///
    /// # References
    ///
    /// [`sendfile(2)`](https://man7.org/linux/man-pages/man2/sendfile.2.html)
    #[doc(alias("sendfile", "sc_send_file_all"))]
    pub fn send_file_all(
        &self,
        file: RawFd,
        offset: &mut u64,
        count: usize,
    ) -> core::result::Result<usize, TransferError> {
        self.send_file_calls(file, offset, count, true)
    }

    /// The calls both share, under one `SIGPIPE` guard: one `sendfile`, or
    /// (`whole`) as many as it takes. Each turn of the loop ends it, sends
    /// a byte, or was interrupted by a signal. Out of line: the C library's
    /// two exports are this one function.
    #[inline(never)]
    fn send_file_calls(
        &self,
        file: RawFd,
        offset: &mut u64,
        count: usize,
        whole: bool,
    ) -> core::result::Result<usize, TransferError> {
        if whole && count == 0 {
            return Ok(0);
        }
        let guard = SigpipeBlocked::new();
        let mut done = 0;
        loop {
            match sys::sendfile(self.as_raw_fd(), file, offset, count - done) {
                Ok(sent) => {
                    done += sent;
                    if !whole || sent == 0 || done >= count {
                        return Ok(done);
                    }
                }
                Err(Errno::EINTR) if whole => {}
                Err(errno) => {
                    if errno == Errno::EPIPE {
                        guard.discard_raised();
                    }
                    return Err(TransferError { errno, done });
                }
            }
        }
    }
}
