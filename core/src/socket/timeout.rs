//! Accept, read and write with a time-out on [`SocketFd`]: `poll` for
//! readiness, then one non-blocking attempt, until a deadline.

use core::time::Duration;

use crate::addr::SocketAddr;
use crate::errno::{Errno, Result};
use crate::flags::{MsgFlags, SockFlags};
use crate::poll::deadline::Deadline;
use crate::poll::wait::wait_until;
use crate::poll::PollFlags;
use crate::socket::{Socket, SocketFd};

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

    /// [`accept`](Self::accept), waiting at most `timeout` (`None`: for
    /// ever; see [the convention](crate::poll#time-outs)) for a connection:
    /// `poll` for `POLLIN`, then `accept4`.
    ///
    /// Use a non-blocking listener when other threads or processes accept
    /// from it too: then a connection taken by someone else between the
    /// `poll` and the `accept4` sends this call back to waiting, instead of
    /// blocking past the deadline.
    ///
    /// Errors: `ETIMEDOUT` when no connection came in time; those of
    /// [`accept`](Self::accept) and [`poll`](crate::poll::poll).
    pub fn accept_within(
        &self,
        flags: SockFlags,
        timeout: Option<Duration>,
    ) -> Result<(Socket, SocketAddr)> {
        self.until_ready(PollFlags::IN, timeout, || self.accept(flags))
    }

    /// One read of up to `buf.len()` bytes, waiting at most `timeout`
    /// (`None`: for ever) for data: `poll` for `POLLIN`, then
    /// `recv(MSG_DONTWAIT)`, which cannot block even on a blocking
    /// socket. Returns the count read; 0 at end of stream.
    ///
    /// Errors: `ETIMEDOUT` when nothing arrived in time; those of
    /// [`read`](Self::read) (`ECONNRESET`, …).
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
    /// Errors: `ETIMEDOUT` when no room came in time; those of
    /// [`write`](Self::write) (`EPIPE`, `ECONNRESET`, …).
    pub fn write_within(&self, buf: &[u8], timeout: Option<Duration>) -> Result<usize> {
        self.until_ready(PollFlags::OUT, timeout, || {
            self.send(buf, MsgFlags::DONTWAIT)
        })
    }
}
