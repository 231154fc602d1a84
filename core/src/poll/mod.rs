//! [`PollFd`] and [`PollFlags`]: readiness through `poll(2)`.
//!
//! A [`PollFd`] array is the caller's memory, laid out as `struct pollfd`;
//! [`poll`] makes one call and reports `EINTR`, while [`wait_ready`] waits
//! for one descriptor and retries `EINTR` against a fixed deadline.
//!
//! # Time-outs
//!
//! Every call in this crate that waits takes its time-out as an
//! `Option<Duration>`, as std's and socket2's calls do:
//!
//! - `None` waits for ever;
//! - `Some(Duration::ZERO)` does not wait: it checks once and returns;
//! - a fraction of a millisecond rounds up, so a non-zero time-out always
//!   waits at least a millisecond and never becomes a check;
//! - a time-out longer than one `poll(2)` can wait (`INT_MAX` milliseconds,
//!   about 24.8 days) is waited in several rounds against its deadline,
//!   never cut short; one so long that the clock's 64-bit milliseconds
//!   cannot reach it (`Duration::MAX`) waits for ever.
//!
//! The C ABI keeps `int timeout_ms`, negative for ever.
//!
//! ```
//! use std::time::Duration;
//!
//! use sockcore::poll::{poll, wait_ready};
//! use sockcore::{Domain, PollFd, PollFlags, SockFlags, Socket, Type};
//!
//! let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::NONBLOCK)?;
//! let mut fds = [PollFd::new(b.as_raw_fd(), PollFlags::IN)];
//! assert_eq!(poll(&mut fds, Some(Duration::ZERO))?, 0); // nothing to read yet
//!
//! a.write(b"x")?;
//! assert_eq!(poll(&mut fds, Some(Duration::from_secs(1)))?, 1);
//! assert!(fds[0].revents().contains(PollFlags::IN));
//!
//! // One descriptor, with a time-out that signals cannot stretch.
//! let events = wait_ready(a.as_raw_fd(), PollFlags::OUT, Some(Duration::from_secs(1)))?;
//! assert!(events.contains(PollFlags::OUT));
//! # Ok::<(), sockcore::Errno>(())
//! ```

pub(crate) mod deadline;
pub(crate) mod epoll;
pub(crate) mod wait;

use bitflags::bitflags;
use core::mem::{align_of, size_of};
use core::time::Duration;

use crate::errno::Result;
use crate::fd::RawFd;
use crate::sys;
use deadline::{poll_millis, Deadline};
use wait::poll_until;

pub use wait::wait_ready;

bitflags! {
    /// Events to wait for and events that happened (`POLL*`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub struct PollFlags: i16 {
        /// `POLLIN`: data to read (or a connection to accept).
        const IN = libc::POLLIN;
        /// `POLLPRI`: urgent data.
        const PRI = libc::POLLPRI;
        /// `POLLOUT`: writing will not block (or a connect finished).
        const OUT = libc::POLLOUT;
        /// `POLLRDHUP`: the peer shut down its writing half.
        const RDHUP = libc::POLLRDHUP;
        /// `POLLERR` (reported only): an error is pending.
        const ERR = libc::POLLERR;
        /// `POLLHUP` (reported only): hung up.
        const HUP = libc::POLLHUP;
        /// `POLLNVAL` (reported only): the descriptor is not open.
        const NVAL = libc::POLLNVAL;
    }
}

/// One entry of a `poll` array, with the exact layout of `struct pollfd`.
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct PollFd(libc::pollfd);

impl core::fmt::Debug for PollFd {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("PollFd")
            .field("fd", &self.0.fd)
            .field("events", &PollFlags::from_bits_retain(self.0.events))
            .field("revents", &self.revents())
            .finish()
    }
}

const _: () = assert!(size_of::<PollFd>() == size_of::<libc::pollfd>());
const _: () = assert!(align_of::<PollFd>() == align_of::<libc::pollfd>());

impl PollFd {
    /// Watch `fd` for `events`. A negative `fd` is skipped by the kernel
    /// (its `revents` stays empty): the way to leave a slot unused.
    #[inline]
    pub const fn new(fd: RawFd, events: PollFlags) -> PollFd {
        PollFd(libc::pollfd {
            fd,
            events: events.bits(),
            revents: 0,
        })
    }

    /// The descriptor watched.
    #[inline]
    pub const fn fd(&self) -> RawFd {
        self.0.fd
    }

    /// The events that happened, after [`poll`].
    #[inline]
    pub const fn revents(&self) -> PollFlags {
        PollFlags::from_bits_retain(self.0.revents)
    }
}

/// `poll(2)`: waits until an entry is ready or `timeout` passes (`None`
/// waits for ever, `Some(Duration::ZERO)` checks without waiting; see
/// [the convention](self#time-outs)). Returns how many entries have events;
/// 0 on time-out.
///
/// One system call, unless the time-out is longer than `INT_MAX`
/// milliseconds: then as many as it takes to wait that long.
///
/// Entries with a negative descriptor are ignored, as `poll(2)` ignores
/// them: that is the system call's contract, and the way to leave a slot
/// unused. To wait for one descriptor, [`wait_ready`] refuses a negative
/// one with `EBADF` instead.
///
/// Errors: `EINTR` if a signal arrived first (not retried: see
/// [`wait_ready`] for a loop that keeps its deadline), `EINVAL` for more
/// entries than `RLIMIT_NOFILE`, `ENOMEM`.
///
/// # References
///
/// [`poll(2)`](https://man7.org/linux/man-pages/man2/poll.2.html)
#[doc(alias = "sc_poll")]
#[inline]
pub fn poll(fds: &mut [PollFd], timeout: Option<Duration>) -> Result<usize> {
    match poll_millis(timeout) {
        libc::c_int::MAX => poll_until(fds, Deadline::after(timeout)),
        millis => sys::poll(fds, millis),
    }
}
