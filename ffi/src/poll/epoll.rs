//! epoll: `sc_epoll_create`, `sc_epoll_add`, `sc_epoll_modify`,
//! `sc_epoll_delete` and `sc_epoll_wait` over the caller's
//! `struct epoll_event` array, and the `SC_EPOLL*` event and mode bits
//! (the system's own values).

use core::ffi::c_int;

use libc::{
    epoll_event, EPOLLERR, EPOLLET, EPOLLEXCLUSIVE, EPOLLHUP, EPOLLIN, EPOLLMSG, EPOLLONESHOT,
    EPOLLOUT, EPOLLPRI, EPOLLRDBAND, EPOLLRDHUP, EPOLLRDNORM, EPOLLWAKEUP, EPOLLWRBAND,
    EPOLLWRNORM,
};
use sockcore::{Epoll, EpollFlags};

use crate::args::{self, int_return, unit_return};

/// `EPOLLIN`: data to read, or a connection to accept.
pub const SC_EPOLLIN: u32 = EPOLLIN as u32;
/// `EPOLLPRI`: urgent data.
pub const SC_EPOLLPRI: u32 = EPOLLPRI as u32;
/// `EPOLLOUT`: writing will not block, or a connect finished.
pub const SC_EPOLLOUT: u32 = EPOLLOUT as u32;
/// `EPOLLRDNORM`: normal data to read.
pub const SC_EPOLLRDNORM: u32 = EPOLLRDNORM as u32;
/// `EPOLLRDBAND`: priority-band data to read.
pub const SC_EPOLLRDBAND: u32 = EPOLLRDBAND as u32;
/// `EPOLLWRNORM`: normal data may be written.
pub const SC_EPOLLWRNORM: u32 = EPOLLWRNORM as u32;
/// `EPOLLWRBAND`: priority-band data may be written.
pub const SC_EPOLLWRBAND: u32 = EPOLLWRBAND as u32;
/// `EPOLLMSG`: unused by Linux; accepted, never reported.
pub const SC_EPOLLMSG: u32 = EPOLLMSG as u32;
/// `EPOLLERR` (always reported): an error is pending.
pub const SC_EPOLLERR: u32 = EPOLLERR as u32;
/// `EPOLLHUP` (always reported): hung up.
pub const SC_EPOLLHUP: u32 = EPOLLHUP as u32;
/// `EPOLLRDHUP`: the peer shut down its writing half.
pub const SC_EPOLLRDHUP: u32 = EPOLLRDHUP as u32;
/// `EPOLLEXCLUSIVE` (Linux 4.5; `sc_epoll_add` only): of several epoll
/// instances watching one descriptor with it, an event wakes one waiter,
/// not all.
pub const SC_EPOLLEXCLUSIVE: u32 = EPOLLEXCLUSIVE as u32;
/// `EPOLLWAKEUP`: keep the system from suspending while the event is
/// pending (needs `CAP_BLOCK_SUSPEND`; ignored without it).
pub const SC_EPOLLWAKEUP: u32 = EPOLLWAKEUP as u32;
/// `EPOLLONESHOT`: report once, then stay disarmed until `sc_epoll_modify`.
pub const SC_EPOLLONESHOT: u32 = EPOLLONESHOT as u32;
/// `EPOLLET`: edge-triggered: report each change once, not for as long as
/// data stays unread.
pub const SC_EPOLLET: u32 = EPOLLET as u32;

const _: () = assert!(
    EpollFlags::all().bits()
        == SC_EPOLLIN
            | SC_EPOLLPRI
            | SC_EPOLLOUT
            | SC_EPOLLRDNORM
            | SC_EPOLLRDBAND
            | SC_EPOLLWRNORM
            | SC_EPOLLWRBAND
            | SC_EPOLLMSG
            | SC_EPOLLERR
            | SC_EPOLLHUP
            | SC_EPOLLRDHUP
            | SC_EPOLLEXCLUSIVE
            | SC_EPOLLWAKEUP
            | SC_EPOLLONESHOT
            | SC_EPOLLET
);

/// `epoll_create1(2)` with `EPOLL_CLOEXEC`: a new epoll instance,
/// close-on-exec always. Close it with `sc_close`.
///
/// Returns the descriptor, or `-EMFILE`, `-ENFILE`, `-ENOMEM`.
#[no_mangle]
pub extern "C" fn sc_epoll_create() -> c_int {
    int_return(Epoll::new().map(Epoll::into_raw_fd))
}

/// `epoll_ctl(EPOLL_CTL_ADD)`: watches `fd` for `events` (`SC_EPOLLIN`,
/// `SC_EPOLLOUT`, …, with `SC_EPOLLET`, `SC_EPOLLONESHOT` or
/// `SC_EPOLLEXCLUSIVE` for the mode; `SC_EPOLLERR` and `SC_EPOLLHUP` are
/// reported always); each event reported for it carries `data` (a pointer
/// cast to `uint64_t`, an index, the descriptor).
///
/// Closing `fd` stops its events only once every duplicate of it (`dup`,
/// `fork`, a descriptor sent with `SCM_RIGHTS`) is closed too; call
/// `sc_epoll_delete` first when it may have been duplicated.
///
/// Returns 0, or `-EINVAL` for bits other than the `SC_EPOLL*` constants
/// (the kernel would ignore them), for `fd` equal to `epfd`, for an `epfd`
/// that is not an epoll instance, and for `SC_EPOLLEXCLUSIVE` with an epoll
/// `fd` or with bits other than `SC_EPOLLIN`, `SC_EPOLLOUT`, `SC_EPOLLERR`,
/// `SC_EPOLLHUP`, `SC_EPOLLET` and `SC_EPOLLWAKEUP`; `-EEXIST` when `fd` is
/// already watched, `-EBADF` (a negative or closed `epfd` or `fd`),
/// `-EPERM` (`fd` cannot be polled: a regular file), `-ELOOP`, `-ENOMEM`,
/// `-ENOSPC`.
///
/// # Safety
///
/// `epfd` and `fd` must be descriptors the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_epoll_add(epfd: c_int, fd: c_int, events: u32, data: u64) -> c_int {
    // SAFETY: the caller's promise about epfd.
    unsafe { ctl(epfd, libc::EPOLL_CTL_ADD, fd, events, data) }
}

/// `epoll_ctl(EPOLL_CTL_MOD)`: new `events` and `data` for a watched `fd`;
/// arms an `SC_EPOLLONESHOT` entry again.
///
/// Returns 0, or the errors of `sc_epoll_add` but `-EEXIST`; `-ENOENT` when
/// `fd` is not watched, and `-EINVAL` for an entry added with
/// `SC_EPOLLEXCLUSIVE` (delete it and add it again instead).
///
/// # Safety
///
/// `epfd` and `fd` must be descriptors the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_epoll_modify(epfd: c_int, fd: c_int, events: u32, data: u64) -> c_int {
    // SAFETY: the caller's promise about epfd.
    unsafe { ctl(epfd, libc::EPOLL_CTL_MOD, fd, events, data) }
}

/// `epoll_ctl(EPOLL_CTL_DEL)`: stops watching `fd`.
///
/// Returns 0, or `-ENOENT` when `fd` is not watched, `-EBADF` (also for a
/// number already closed), `-EINVAL` (an `epfd` that is not an epoll
/// instance).
///
/// # Safety
///
/// `epfd` and `fd` must be descriptors the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_epoll_delete(epfd: c_int, fd: c_int) -> c_int {
    // SAFETY: the caller's promise about epfd.
    unsafe { ctl(epfd, libc::EPOLL_CTL_DEL, fd, 0, 0) }
}

/// The three `epoll_ctl` exports, out of line: `-EBADF` for a negative
/// `epfd`, then the core's call for `op`.
///
/// # Safety
///
/// As `sc_epoll_add`.
#[inline(never)]
unsafe fn ctl(epfd: c_int, op: c_int, fd: c_int, events: u32, data: u64) -> c_int {
    let events = EpollFlags::from_bits_retain(events);
    // SAFETY: the caller's promise about epfd.
    let epoll = unsafe { args::epoll(epfd) };
    unit_return(epoll.and_then(|epoll| match op {
        libc::EPOLL_CTL_ADD => epoll.add(fd, events, data),
        libc::EPOLL_CTL_MOD => epoll.modify(fd, events, data),
        _ => epoll.delete(fd),
    }))
}

/// `epoll_wait(2)`: waits until a watched descriptor is ready or
/// `timeout_ms` passes (negative: for ever; 0: check without waiting), and
/// fills up to `maxevents` entries of `events`. One system call: a signal
/// ends it with `-EINTR`, even with `SA_RESTART`.
///
/// Returns how many entries it filled (0 on time-out), or `-EINVAL` for
/// `maxevents` below 1 or above `SC_EPOLL_MAX_EVENTS` and for an `epfd`
/// that is not an epoll instance, `-EFAULT` for a NULL `events`, `-EBADF`,
/// `-EINTR`.
///
/// # Safety
///
/// `epfd` must be a descriptor the caller owns; `events` NULL or writable
/// for `maxevents` entries.
#[no_mangle]
pub unsafe extern "C" fn sc_epoll_wait(
    epfd: c_int,
    events: *mut epoll_event,
    maxevents: c_int,
    timeout_ms: c_int,
) -> c_int {
    // SAFETY: the caller's promises about events and epfd.
    let ready = unsafe {
        args::epoll_events(events, maxevents)
            .and_then(|events| args::epoll(epfd)?.wait(events, args::timeout(timeout_ms)))
    };
    // At most maxevents, an int.
    int_return(ready.map(|ready| ready as c_int))
}
