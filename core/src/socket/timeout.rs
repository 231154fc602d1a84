//! Connect, accept, read and write with a time-out on [`SocketFd`]: `poll`
//! for readiness, then one non-blocking attempt, until a deadline.

use core::time::Duration;

use crate::addr::SocketAddr;
use crate::errno::{Errno, Result};
use crate::flags::{MsgFlags, SockFlags};
use crate::poll::deadline::Deadline;
use crate::poll::wait::wait_until;
use crate::poll::PollFlags;
use crate::socket::lifecycle::accept_flags;
use crate::socket::{Socket, SocketFd};
use crate::sys;

impl SocketFd {
    /// Repeats `attempt` after waiting for `events` until it stops saying
    /// `EAGAIN` or the deadline passes (`ETIMEDOUT`). Each round waits or
    /// makes progress toward the deadline, so the loop ends; `EINTR` from
    /// the attempt is retried too, since the deadline bounds it.
    ///
    /// Only the attempt is inlined into each caller; the clock and the
    /// wait are one shared copy (see [`Deadline`]).
    #[inline]
    fn until_ready<T>(
        &self,
        events: PollFlags,
        timeout: Option<Duration>,
        mut attempt: impl FnMut() -> Result<T>,
    ) -> Result<T> {
        let deadline = Deadline::after(timeout);
        loop {
            wait_until(self.as_raw_fd(), events, deadline)?;
            match attempt() {
                Err(Errno::EAGAIN | Errno::EINTR) if deadline.remaining() == 0 => {
                    return Err(Errno::ETIMEDOUT)
                }
                Err(Errno::EAGAIN | Errno::EINTR) => continue,
                other => return other,
            }
        }
    }

    /// [`connect`](Self::connect), waiting at most `timeout` (`None`: as
    /// long as the kernel tries; see [the convention](crate::poll#time-outs))
    /// for the connection, on a socket the caller made and configured
    /// (options, `bind`): a non-blocking `connect`, `poll` for the outcome
    /// (retrying `EINTR` against a deadline fixed at the call), then
    /// `SO_ERROR`. A blocking socket is made non-blocking for the call
    /// (`fcntl(F_GETFL)`, then `ioctl(FIONBIO)`) and blocking again after
    /// it, whatever the outcome; a non-blocking one stays so.
    ///
    /// A connection still in progress from an earlier call (`EALREADY`:
    /// after `EINTR` from [`connect`](Self::connect), or this call's
    /// `ETIMEDOUT`) is waited for the same way. After `ETIMEDOUT` the
    /// kernel goes on trying: close the socket, or call again to wait more.
    ///
    /// Errors: `ETIMEDOUT` when the time passes, `ECONNREFUSED`,
    /// `ENETUNREACH`, `EHOSTUNREACH`, `EAGAIN` (a Unix listener's backlog is
    /// full), `ENOENT` (no such Unix path), `EISCONN`; `EBADF` at once for a
    /// negative descriptor, before anything waits.
    ///
    /// # References
    ///
    /// [`connect(2)`](https://man7.org/linux/man-pages/man2/connect.2.html),
    /// [`poll(2)`](https://man7.org/linux/man-pages/man2/poll.2.html)
    #[doc(alias("sc_connect_timeout", "connect", "poll"))]
    // Out of line, as the time-out machinery is (see Deadline): not a hot
    // path, and the C library keeps one copy.
    #[inline(never)]
    pub fn connect_within(&self, addr: &SocketAddr, timeout: Option<Duration>) -> Result<()> {
        let deadline = Deadline::after(timeout);
        let was_blocking = !self.is_nonblocking()?;
        if was_blocking {
            self.set_nonblocking(true)?;
        }
        let connected = self.connect_until(addr, deadline);
        if was_blocking {
            let restored = self.set_nonblocking(false);
            connected?;
            return restored;
        }
        connected
    }

    /// The connect behind [`connect_within`](Self::connect_within) and
    /// [`Socket::dial_addr`], on a socket already non-blocking: `connect`,
    /// then, while it is in progress, `poll` for `POLLOUT` until `deadline`
    /// and `SO_ERROR` for the outcome (writable, error and hang-up all mean
    /// it finished).
    pub(crate) fn connect_until(&self, addr: &SocketAddr, deadline: Deadline) -> Result<()> {
        match self.connect(addr) {
            Err(Errno::EINPROGRESS | Errno::EALREADY) => {
                wait_until(self.as_raw_fd(), PollFlags::OUT, deadline)?;
                self.take_error()?.map_or(Ok(()), Err)
            }
            other => other,
        }
    }

    /// [`accept`](Self::accept), waiting at most `timeout` (`None`: for
    /// ever; see [the convention](crate::poll#time-outs)) for a connection:
    /// `poll` for `POLLIN`, then `accept4`.
    ///
    /// Use a non-blocking listener when other threads or processes accept
    /// from it too: then a connection taken by someone else between the
    /// `poll` and the `accept4` sends this call back to waiting, instead of
    /// blocking past the deadline.
    ///
    /// Errors: `ETIMEDOUT` when no connection came in time; `EBADF` at once
    /// for a negative descriptor (see [`wait_ready`](crate::poll::wait_ready));
    /// those of [`accept`](Self::accept) and [`poll`](crate::poll::poll).
    ///
    /// # References
    ///
    /// [`accept4(2)`](https://man7.org/linux/man-pages/man2/accept.2.html),
    /// [`poll(2)`](https://man7.org/linux/man-pages/man2/poll.2.html)
    #[doc(alias("sc_accept_timeout", "accept4", "poll"))]
    pub fn accept_within(
        &self,
        flags: SockFlags,
        timeout: Option<Duration>,
    ) -> Result<(Socket, SocketAddr)> {
        // The loop handles plain numbers; the Socket is made once, at the
        // end (a Result of a Socket costs a test of its niche each time).
        let mut peer = SocketAddr::empty();
        let fd = self.until_ready(PollFlags::IN, timeout, || {
            sys::accept4(self.as_raw_fd(), Some(&mut peer), accept_flags(flags)?)
        })?;
        // SAFETY: accept4 just returned this descriptor; we own it.
        Ok((unsafe { Socket::from_raw_fd(fd) }, peer))
    }

    /// One read of up to `buf.len()` bytes, waiting at most `timeout`
    /// (`None`: for ever) for data: `poll` for `POLLIN`, then
    /// `recv(MSG_DONTWAIT)`, which cannot block even on a blocking
    /// socket. Returns the count read; 0 at end of stream.
    ///
    /// Errors: `ETIMEDOUT` when nothing arrived in time; `EBADF` at once for
    /// a negative descriptor; those of [`read`](Self::read) (`ECONNRESET`,
    /// …).
    ///
    /// # References
    ///
    /// [`recv(2)`](https://man7.org/linux/man-pages/man2/recv.2.html),
    /// [`poll(2)`](https://man7.org/linux/man-pages/man2/poll.2.html)
    #[doc(alias("sc_read_timeout", "recv", "poll"))]
    pub fn read_within(&self, buf: &mut [u8], timeout: Option<Duration>) -> Result<usize> {
        self.until_ready(PollFlags::IN, timeout, || {
            self.recv(buf, MsgFlags::DONTWAIT)
        })
    }

    /// One write of up to `buf.len()` bytes, waiting at most `timeout`
    /// (`None`: for ever) for room: `poll` for `POLLOUT`,
    /// then `send(MSG_DONTWAIT | MSG_NOSIGNAL)`. Returns the count sent,
    /// which may be less than `buf.len()` when the send buffer had less
    /// room.
    ///
    /// Errors: `ETIMEDOUT` when no room came in time; `EBADF` at once for a
    /// negative descriptor; those of [`write`](Self::write) (`EPIPE`,
    /// `ECONNRESET`, …).
    ///
    /// # References
    ///
    /// [`send(2)`](https://man7.org/linux/man-pages/man2/send.2.html),
    /// [`poll(2)`](https://man7.org/linux/man-pages/man2/poll.2.html)
    #[doc(alias("sc_write_timeout", "send", "poll"))]
    pub fn write_within(&self, buf: &[u8], timeout: Option<Duration>) -> Result<usize> {
        self.until_ready(PollFlags::OUT, timeout, || {
            self.send(buf, MsgFlags::DONTWAIT)
        })
    }
}
