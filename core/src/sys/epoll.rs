//! `epoll_create1(2)`, `epoll_ctl(2)` and `epoll_wait(2)`.

use super::cvt;
use crate::errno::Result;
use crate::fd::RawFd;
use crate::poll::epoll::{Epoll, EpollEvent};

/// `epoll_create1(EPOLL_CLOEXEC)`.
#[inline]
pub(crate) fn epoll_create() -> Result<RawFd> {
    // SAFETY: epoll_create1 takes only an integer.
    cvt(unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) })
}

/// `epoll_ctl(2)`: `event` is NULL for `EPOLL_CTL_DEL` (allowed since
/// Linux 2.6.9).
#[inline]
pub(crate) fn epoll_ctl(
    epfd: RawFd,
    op: libc::c_int,
    fd: RawFd,
    event: Option<&libc::epoll_event>,
) -> Result<()> {
    // The kernel only reads the event (it copies it in); the C prototype
    // lacks the const.
    let event = event.map_or(core::ptr::null_mut(), |event| {
        (event as *const libc::epoll_event).cast_mut()
    });
    // SAFETY: event is NULL or points at a live epoll_event the kernel
    // reads and never writes.
    cvt(unsafe { libc::epoll_ctl(epfd, op, fd, event) }).map(drop)
}

/// `epoll_wait(2)` into the caller's array; returns how many entries it
/// filled. An empty array goes to the kernel, which answers `EINVAL`; one
/// longer than [`Epoll::MAX_EVENTS`] is offered only that many entries.
#[inline]
pub(crate) fn epoll_wait(
    epfd: RawFd,
    events: &mut [EpollEvent],
    timeout_ms: libc::c_int,
) -> Result<usize> {
    // At most MAX_EVENTS, which is below INT_MAX.
    let max = events.len().min(Epoll::MAX_EVENTS) as libc::c_int;
    // SAFETY: EpollEvent is layout-compatible with epoll_event (asserted
    // beside it) and the array is writable for at least max entries.
    let ready =
        cvt(unsafe { libc::epoll_wait(epfd, events.as_mut_ptr().cast(), max, timeout_ms) })?;
    Ok(ready as usize)
}
