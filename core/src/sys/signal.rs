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

/// `SIGPIPE`'s bit in the first word of a `sigset_t`. glibc's and musl's
/// `sigset_t` are arrays of `unsigned long` that start with the kernel's
/// signal set, where signal `n` is bit `n - 1` (include/linux/signal.h,
/// `sigaddset`): bit 12 of word 0 on every target. Done here rather than
/// with `sigemptyset`, `sigaddset` and `sigismember`, three imports (about
/// 200 bytes of the C library's dynamic linking tables) for a bit test.
const SIGPIPE_BIT: libc::c_ulong = 1 << (libc::SIGPIPE - 1);

/// The set holding `SIGPIPE` alone.
fn sigpipe() -> libc::sigset_t {
    let mut set: libc::sigset_t = zeroed();
    // SAFETY: a sigset_t starts with an aligned unsigned long (glibc's
    // __val, musl's __bits), which set owns.
    unsafe {
        ptr::from_mut(&mut set)
            .cast::<libc::c_ulong>()
            .write(SIGPIPE_BIT)
    };
    set
}

/// Whether `set` holds `SIGPIPE`.
fn has_sigpipe(set: &libc::sigset_t) -> bool {
    // SAFETY: a sigset_t starts with an aligned unsigned long, which set
    // holds initialised.
    let first = unsafe { ptr::from_ref(set).cast::<libc::c_ulong>().read() };
    first & SIGPIPE_BIT != 0
}

/// Whether a `SIGPIPE` is pending on this thread or the process.
fn sigpipe_pending() -> bool {
    let mut pending: libc::sigset_t = zeroed();
    // SAFETY: pending is a valid sigset_t for sigpending to fill; it cannot
    // fail with a valid pointer.
    unsafe { libc::sigpending(&mut pending) };
    has_sigpipe(&pending)
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
        let was_blocked = has_sigpipe(&old);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sigpipe_bit_is_libcs() {
        let set = sigpipe();
        // SAFETY: set is a valid sigset_t.
        assert_eq!(unsafe { libc::sigismember(&set, libc::SIGPIPE) }, 1);
        for signal in 1..=64 {
            let mut one: libc::sigset_t = zeroed();
            // SAFETY: one is a valid sigset_t; an invalid signal number is
            // EINVAL, which leaves it empty.
            unsafe {
                libc::sigemptyset(&mut one);
                libc::sigaddset(&mut one, signal);
            }
            assert_eq!(
                has_sigpipe(&one),
                signal == libc::SIGPIPE,
                "signal {signal}"
            );
            // SAFETY: as above.
            let member = unsafe { libc::sigismember(&set, signal) };
            assert_eq!(member == 1, signal == libc::SIGPIPE, "signal {signal}");
        }
    }
}
