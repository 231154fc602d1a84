//! [`PollFd`] and [`PollFlags`]: readiness through `poll(2)`.
//!
//! A [`PollFd`] array is the caller's memory, laid out as `struct pollfd`;
//! [`poll`] makes one call and reports `EINTR`, while [`wait_ready`] waits
//! for one descriptor and retries `EINTR` against a fixed deadline.
//!
//! ```
//! use sockcore::poll::{poll, wait_ready};
//! use sockcore::{Domain, PollFd, PollFlags, SockFlags, Socket, Type};
//!
//! let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::NONBLOCK)?;
//! let mut fds = [PollFd::new(b.as_raw_fd(), PollFlags::IN)];
//! assert_eq!(poll(&mut fds, 0)?, 0); // nothing to read yet
//!
//! a.write(b"x")?;
//! assert_eq!(poll(&mut fds, 1000)?, 1);
//! assert!(fds[0].revents().contains(PollFlags::IN));
//!
//! // One descriptor, with a time-out that signals cannot stretch.
//! let events = wait_ready(a.as_raw_fd(), PollFlags::OUT, 1000)?;
//! assert!(events.contains(PollFlags::OUT));
//! # Ok::<(), sockcore::Errno>(())
//! ```

pub(crate) mod epoll;
pub(crate) mod wait;

use bitflags::bitflags;
use core::mem::{align_of, size_of};

use crate::errno::Result;
use crate::fd::RawFd;
use crate::sys;

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
    /// Watch `fd` for `events`. A negative `fd` is skipped by the kernel.
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

/// `poll(2)`: waits until an entry is ready or `timeout_ms` passes (`-1`
/// waits for ever, `0` checks without waiting). Returns how many entries have
/// events; 0 on time-out.
///
/// Errors: `EINTR` if a signal arrived first (not retried: see
/// [`wait_ready`] for a loop that keeps its deadline), `EINVAL` for more
/// entries than `RLIMIT_NOFILE`, `ENOMEM`.
#[inline]
pub fn poll(fds: &mut [PollFd], timeout_ms: i32) -> Result<usize> {
    sys::poll(fds, timeout_ms)
}
