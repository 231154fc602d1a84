//! [`SigpipeBlocked`]: no `SIGPIPE` from a call that cannot take
//! `MSG_NOSIGNAL` (`sendfile(2)`), without touching process-wide state.
//!
//! What it relies on: the kernel sends the `SIGPIPE` of a failed send to the
//! calling thread (`send_sig(SIGPIPE, current, 0)` in `sk_stream_error`,
//! with `EPIPE`), so with the signal blocked in this thread it waits, pending
//! on this thread alone, where `sigtimedwait` can take it before the mask is
//! restored. No handler runs, no other thread sees it, and a process that
//! ignores `SIGPIPE` (every Rust program) has the kernel drop it at once.
//!
//! The mask is changed with `sigprocmask`, which on Linux is the calling
//! thread's `rt_sigprocmask` in glibc and musl alike, exactly what
//! `pthread_sigmask` does; glibc's `pthread_sigmask` symbol, though, needs
//! glibc 2.32, where every other call here runs on glibc 2.17.

use core::ptr;

use super::plain::zeroed;

/// `SIGPIPE` blocked in the calling thread until dropped.
///
/// Costs two system calls (`rt_sigprocmask` to block and to unblock), and a
/// third (`rt_sigpending`) when the caller had blocked `SIGPIPE` already;
/// the call it guards returning `EPIPE` adds a `rt_sigtimedwait`.
pub(crate) struct SigpipeBlocked {
    /// The set holding `SIGPIPE` alone, made once for the three calls.
    set: libc::sigset_t,
    /// The thread had `SIGPIPE` blocked before: leave it blocked.
    was_blocked: bool,
    /// A `SIGPIPE` was pending on the thread before: it is the caller's,
    /// and stays.
    was_pending: bool,
}

/// The set holding `SIGPIPE` alone.
fn sigpipe() -> libc::sigset_t {
    let mut set: libc::sigset_t = zeroed();
    // SAFETY: set is a valid sigset_t, and SIGPIPE a valid signal, so
    // neither call can fail.
    unsafe {
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGPIPE);
    }
    set
}

/// Whether a `SIGPIPE` is pending on this thread or the process.
fn sigpipe_pending() -> bool {
    let mut pending: libc::sigset_t = zeroed();
    // SAFETY: pending is a valid sigset_t for sigpending to fill; it cannot
    // fail with a valid pointer.
    unsafe { libc::sigpending(&mut pending) };
    // SAFETY: pending is a valid sigset_t.
    let member = unsafe { libc::sigismember(&pending, libc::SIGPIPE) };
    member == 1
}

impl SigpipeBlocked {
    /// Blocks `SIGPIPE` in this thread (`sigprocmask`), noting whether
    /// it was blocked already and, if so, whether one is pending.
    ///
    /// Only a blocked `SIGPIPE` can be pending when a call starts: an
    /// unblocked one is delivered (or dropped, when ignored) before the
    /// thread runs on, so `sigpending` is asked only when it was blocked.
    pub(crate) fn new() -> SigpipeBlocked {
        let set = sigpipe();
        let mut old: libc::sigset_t = zeroed();
        // SAFETY: set and old are valid sigset_ts. sigprocmask fails only
        // for an invalid `how`, and SIG_BLOCK is valid.
        unsafe { libc::sigprocmask(libc::SIG_BLOCK, &set, &mut old) };
        // SAFETY: old is a valid sigset_t the call above filled.
        let was_blocked = unsafe { libc::sigismember(&old, libc::SIGPIPE) } == 1;
        let was_pending = was_blocked && sigpipe_pending();
        SigpipeBlocked {
            set,
            was_blocked,
            was_pending,
        }
    }

    /// After the guarded call failed with `EPIPE`: takes the `SIGPIPE` the
    /// kernel raised for this thread (`sigtimedwait` with a zero time-out,
    /// which returns at once when there is none), unless one was pending
    /// before the call: standard signals do not queue, so the kernel's
    /// merged with that one, which stays for the caller.
    pub(crate) fn discard_raised(&self) {
        if self.was_pending {
            return;
        }
        let now: libc::timespec = zeroed();
        // SAFETY: set and now are valid; a NULL siginfo is allowed. EAGAIN
        // (nothing pending: SIGPIPE is ignored) needs no handling.
        unsafe { libc::sigtimedwait(&self.set, ptr::null_mut(), &now) };
    }
}

impl Drop for SigpipeBlocked {
    /// Unblocks `SIGPIPE` again, unless the caller had blocked it; the rest
    /// of the mask is untouched.
    fn drop(&mut self) {
        if self.was_blocked {
            return;
        }
        // SAFETY: set is a valid sigset_t, SIG_UNBLOCK a valid `how`, and a
        // NULL old set is allowed.
        unsafe { libc::sigprocmask(libc::SIG_UNBLOCK, &self.set, ptr::null_mut()) };
    }
}
