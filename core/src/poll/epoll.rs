//! [`Epoll`], [`EpollEvent`] and [`EpollFlags`]: readiness for many
//! descriptors through `epoll(7)`.

use core::fmt;
use core::mem::{align_of, size_of};
use core::time::Duration;

use bitflags::bitflags;

use crate::errno::{Errno, Result};
use crate::fd::{OwnedFd, RawFd};
use crate::poll::deadline::{poll_millis, Deadline};
use crate::sys;

bitflags! {
    /// Events to watch for and events that happened (`EPOLL*`), and the
    /// modes of a registration (`EPOLLET`, `EPOLLONESHOT`,
    /// `EPOLLEXCLUSIVE`, `EPOLLWAKEUP`). The values are the system's.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub struct EpollFlags: u32 {
        /// `EPOLLIN`: data to read, or a connection to accept.
        const IN = libc::EPOLLIN as u32;
        /// `EPOLLPRI`: urgent data.
        const PRI = libc::EPOLLPRI as u32;
        /// `EPOLLOUT`: writing will not block, or a connect finished.
        const OUT = libc::EPOLLOUT as u32;
        /// `EPOLLRDNORM`: normal data to read (`poll(2)`'s `POLLRDNORM`).
        const RDNORM = libc::EPOLLRDNORM as u32;
        /// `EPOLLRDBAND`: priority-band data to read.
        const RDBAND = libc::EPOLLRDBAND as u32;
        /// `EPOLLWRNORM`: normal data may be written.
        const WRNORM = libc::EPOLLWRNORM as u32;
        /// `EPOLLWRBAND`: priority-band data may be written.
        const WRBAND = libc::EPOLLWRBAND as u32;
        /// `EPOLLMSG`: unused by Linux; accepted, never reported.
        const MSG = libc::EPOLLMSG as u32;
        /// `EPOLLERR` (always reported, asked or not): an error is pending.
        const ERR = libc::EPOLLERR as u32;
        /// `EPOLLHUP` (always reported, asked or not): hung up.
        const HUP = libc::EPOLLHUP as u32;
        /// `EPOLLRDHUP`: the peer shut down its writing half.
        const RDHUP = libc::EPOLLRDHUP as u32;
        /// `EPOLLEXCLUSIVE` (Linux 4.5; [`add`](Epoll::add) only): when
        /// several epoll instances watch one descriptor with it, an event
        /// wakes one of their waiters rather than all. It goes only with
        /// `IN`, `OUT`, `ERR`, `HUP`, `ET` and `WAKEUP`, and the entry can
        /// then not be modified, only deleted.
        const EXCLUSIVE = libc::EPOLLEXCLUSIVE as u32;
        /// `EPOLLWAKEUP`: keep the system from suspending while the event
        /// is pending (needs `CAP_BLOCK_SUSPEND`; ignored without it).
        const WAKEUP = libc::EPOLLWAKEUP as u32;
        /// `EPOLLONESHOT`: report once, then stay disarmed until
        /// [`modify`](Epoll::modify) arms the entry again.
        const ONESHOT = libc::EPOLLONESHOT as u32;
        /// `EPOLLET`: edge-triggered: report each change once (new data
        /// arrived), not for as long as data stays unread.
        const ET = libc::EPOLLET as u32;
    }
}

/// One entry of an [`Epoll::wait`] array, with the exact layout of
/// `struct epoll_event` on the target (12 bytes, packed, on x86_64; 16 on
/// 32-bit ARM and aarch64), so the caller's array goes to the kernel as it
/// is.
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct EpollEvent(libc::epoll_event);

const _: () = assert!(size_of::<EpollEvent>() == size_of::<libc::epoll_event>());
const _: () = assert!(align_of::<EpollEvent>() == align_of::<libc::epoll_event>());

impl EpollEvent {
    /// An entry reporting `events` for the registration whose data is
    /// `data`.
    #[inline]
    pub const fn new(events: EpollFlags, data: u64) -> EpollEvent {
        EpollEvent(libc::epoll_event {
            events: events.bits(),
            u64: data,
        })
    }

    /// The events that happened.
    #[inline]
    pub const fn events(&self) -> EpollFlags {
        EpollFlags::from_bits_retain(self.0.events)
    }

    /// The data given to [`Epoll::add`] or [`Epoll::modify`].
    #[inline]
    pub const fn data(&self) -> u64 {
        // By value: the struct is packed on x86_64, where a reference to
        // the field would be unaligned.
        self.0.u64
    }
}

impl Default for EpollEvent {
    /// No events, data 0: for `[EpollEvent::default(); N]`.
    #[inline]
    fn default() -> EpollEvent {
        EpollEvent::new(EpollFlags::empty(), 0)
    }
}

impl fmt::Debug for EpollEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EpollEvent")
            .field("events", &self.events())
            .field("data", &self.data())
            .finish()
    }
}

/// An epoll instance (`epoll(7)`): owns its descriptor, created
/// close-on-exec, and closes it on drop.
///
/// Descriptors are watched with [`add`](Epoll::add), each with a `u64` that
/// the events it reports carry back (an index, a key, the descriptor
/// itself), and [`wait`](Epoll::wait) fills the caller's array of
/// [`EpollEvent`]s, laid out as `struct epoll_event`.
///
/// ```
/// use std::time::Duration;
///
/// use sockcore::{Domain, Epoll, EpollEvent, EpollFlags, SockFlags, Socket, Type};
///
/// let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::NONBLOCK)?;
/// let epoll = Epoll::new()?;
/// epoll.add(b.as_raw_fd(), EpollFlags::IN, 7)?;
///
/// let mut events = [EpollEvent::default(); 16];
/// assert_eq!(epoll.wait(&mut events, Some(Duration::ZERO))?, 0); // nothing yet
///
/// a.write(b"x")?;
/// let ready = epoll.wait(&mut events, Some(Duration::from_secs(1)))?;
/// assert_eq!(ready, 1);
/// assert!(events[0].events().contains(EpollFlags::IN));
/// assert_eq!(events[0].data(), 7);
/// # Ok::<(), sockcore::Errno>(())
/// ```
///
/// `Option<Epoll>` is the size of an `int`, as `Option<Socket>` is.
#[repr(transparent)]
pub struct Epoll {
    fd: OwnedFd,
}

impl Epoll {
    /// The most entries one [`wait`](Self::wait) fills: the kernel's
    /// `EP_MAX_EVENTS`, `INT_MAX / sizeof(struct epoll_event)`
    /// (fs/eventpoll.c), past which `epoll_wait` answers `EINVAL`.
    pub const MAX_EVENTS: usize = libc::c_int::MAX as usize / size_of::<EpollEvent>();

    /// `epoll_create1(EPOLL_CLOEXEC)`: a new instance, watching nothing.
    ///
    /// Errors: `EMFILE`, `ENFILE`, `ENOMEM`.
    ///
    /// # References
    ///
    /// [`epoll_create1(2)`](https://man7.org/linux/man-pages/man2/epoll_create1.2.html),
    /// [`epoll(7)`](https://man7.org/linux/man-pages/man7/epoll.7.html)
    #[doc(alias("epoll_create1", "sc_epoll_create"))]
    #[inline]
    pub fn new() -> Result<Epoll> {
        let fd = sys::epoll_create()?;
        // SAFETY: epoll_create1 just returned this descriptor; we own it.
        Ok(unsafe { Epoll::from_raw_fd(fd) })
    }

    /// `epoll_ctl(EPOLL_CTL_ADD)`: watches `fd` for `events` (with `ET`,
    /// `ONESHOT` or `EXCLUSIVE` for the mode; `ERR` and `HUP` are reported
    /// always); each event reported for it carries `data`.
    ///
    /// Closing `fd` stops its events only once every duplicate of it
    /// (`dup`, `fork`, a descriptor sent with `SCM_RIGHTS`) is closed too:
    /// until then events keep coming with this `data`, and
    /// [`delete`](Self::delete) by the closed number fails with `EBADF`.
    /// Delete before closing a descriptor that may have been duplicated.
    ///
    /// Errors: `EINVAL` for bits outside `EpollFlags::all()` (checked here:
    /// the kernel would ignore them), for `fd` equal to this instance, and
    /// for `EXCLUSIVE` with another epoll instance or with bits it does not
    /// go with; `EEXIST` (already watched), `EBADF`, `EPERM` (`fd` cannot be
    /// polled: a regular file), `ELOOP`, `ENOMEM`, `ENOSPC`
    /// (`fs.epoll.max_user_watches`).
    ///
    /// # References
    ///
    /// [`epoll_ctl(2)`](https://man7.org/linux/man-pages/man2/epoll_ctl.2.html)
    #[doc(alias("EPOLL_CTL_ADD", "sc_epoll_add", "epoll_ctl"))]
    #[inline]
    pub fn add(&self, fd: RawFd, events: EpollFlags, data: u64) -> Result<()> {
        self.ctl(libc::EPOLL_CTL_ADD, fd, events, data)
    }

    /// `epoll_ctl(EPOLL_CTL_MOD)`: new events and data for a watched `fd`;
    /// arms a `ONESHOT` entry again.
    ///
    /// Errors: those of [`add`](Self::add) but `EEXIST`; `ENOENT` for a
    /// descriptor not watched, and `EINVAL` for an entry added with
    /// `EXCLUSIVE` (delete it and add it again instead).
    ///
    /// # References
    ///
    /// [`epoll_ctl(2)`](https://man7.org/linux/man-pages/man2/epoll_ctl.2.html)
    #[doc(alias("EPOLL_CTL_MOD", "sc_epoll_modify", "epoll_ctl"))]
    #[inline]
    pub fn modify(&self, fd: RawFd, events: EpollFlags, data: u64) -> Result<()> {
        self.ctl(libc::EPOLL_CTL_MOD, fd, events, data)
    }

    /// `epoll_ctl(EPOLL_CTL_DEL)`: stops watching `fd`.
    ///
    /// Errors: `ENOENT` for a descriptor not watched, `EBADF` (also for a
    /// number already closed).
    ///
    /// # References
    ///
    /// [`epoll_ctl(2)`](https://man7.org/linux/man-pages/man2/epoll_ctl.2.html)
    #[doc(alias("EPOLL_CTL_DEL", "sc_epoll_delete", "epoll_ctl"))]
    #[inline]
    pub fn delete(&self, fd: RawFd) -> Result<()> {
        self.ctl(libc::EPOLL_CTL_DEL, fd, EpollFlags::empty(), 0)
    }

    /// The check and the call that `add`, `modify` and `delete` share, out
    /// of line. (`EPOLL_CTL_DEL` ignores the event, which every kernel
    /// takes; only those before 2.6.9 needed it.)
    #[inline(never)]
    fn ctl(&self, op: libc::c_int, fd: RawFd, events: EpollFlags, data: u64) -> Result<()> {
        // A value made with from_bits_retain can carry bits the kernel
        // would accept silently and never report.
        if !EpollFlags::all().contains(events) {
            return Err(Errno::EINVAL);
        }
        sys::epoll_ctl(
            self.fd.as_raw_fd(),
            op,
            fd,
            Some(&EpollEvent::new(events, data).0),
        )
    }

    /// `epoll_wait(2)`: waits until a watched descriptor is ready or
    /// `timeout` passes (`None`: for ever; `Some(Duration::ZERO)`: check
    /// without waiting; see [the convention](crate::poll#time-outs)), and
    /// fills the start of `events`. Returns how many entries it filled: 0
    /// on time-out.
    ///
    /// One system call, unless the time-out is longer than `INT_MAX`
    /// milliseconds (24.8 days): then as many as it takes to wait that
    /// long. A signal ends it with `EINTR`, even under `SA_RESTART`
    /// (`epoll_wait` is never restarted). A fraction of a millisecond
    /// rounds up, so a short time-out still waits. At most
    /// [`MAX_EVENTS`](Self::MAX_EVENTS) entries are filled per call.
    ///
    /// Errors: `EINVAL` for an empty `events`; `EINTR`.
    ///
    /// # References
    ///
    /// [`epoll_wait(2)`](https://man7.org/linux/man-pages/man2/epoll_wait.2.html)
    #[doc(alias("epoll_wait", "sc_epoll_wait"))]
    #[inline]
    pub fn wait(&self, events: &mut [EpollEvent], timeout: Option<Duration>) -> Result<usize> {
        match poll_millis(timeout) {
            libc::c_int::MAX => self.wait_until(events, Deadline::after(timeout)),
            millis => sys::epoll_wait(self.fd.as_raw_fd(), events, millis),
        }
    }

    /// `epoll_wait` in rounds until an event or the deadline (then 0), for
    /// a time-out past what one call waits. Each round either ends the
    /// loop or waits toward the deadline, so the loop ends.
    #[inline(never)]
    fn wait_until(&self, events: &mut [EpollEvent], deadline: Deadline) -> Result<usize> {
        loop {
            let millis = deadline.remaining();
            match sys::epoll_wait(self.fd.as_raw_fd(), events, millis)? {
                0 if millis != 0 => continue,
                ready => return Ok(ready),
            }
        }
    }

    /// Takes ownership of `fd`.
    ///
    /// # Safety
    ///
    /// `fd` must be an open epoll descriptor (so not negative) that
    /// nothing else closes.
    #[inline]
    pub const unsafe fn from_raw_fd(fd: RawFd) -> Epoll {
        Epoll {
            // SAFETY: an open descriptor that nothing else closes (the
            // caller's promise).
            fd: unsafe { OwnedFd::from_raw_fd(fd) },
        }
    }

    /// The raw descriptor, still owned by `self`.
    #[inline]
    pub fn as_raw_fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }

    /// Gives up ownership: the caller must close the descriptor.
    #[inline]
    pub fn into_raw_fd(self) -> RawFd {
        self.fd.into_raw_fd()
    }

    /// `close(2)`, reporting its error (dropping closes too, silently).
    /// The descriptor is released even when an error is returned.
    #[inline]
    pub fn close(self) -> Result<()> {
        self.fd.close()
    }
}

const _: () = assert!(size_of::<Option<Epoll>>() == size_of::<RawFd>());

impl fmt::Debug for Epoll {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Epoll")
            .field("fd", &self.fd.as_raw_fd())
            .finish()
    }
}
