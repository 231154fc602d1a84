//! Time-outs: an `Option<Duration>` as `poll(2)`'s millisecond argument,
//! and as a [`Deadline`] on the monotonic clock for the calls that wait in
//! several rounds.
//!
//! The convention every call with a time-out follows: `None` waits for
//! ever, `Some(Duration::ZERO)` does not wait, a fraction of a millisecond
//! rounds up (so a non-zero time-out never becomes a check without
//! waiting), and a time-out longer than one `poll` can wait (`INT_MAX`
//! milliseconds, about 24.8 days) is waited in several rounds against its
//! deadline, never cut short.
//!
//! Everything here counts whole milliseconds in integers: `Duration`'s own
//! arithmetic has panic paths, and 64-bit division is a library call on
//! 32-bit ARM.

use core::time::Duration;

use crate::sys;
use crate::time::millis_ceil;

/// A time-out as `poll`'s argument: `-1` for `None`, else whole
/// milliseconds rounded up, and `INT_MAX` for anything longer (the caller
/// waits again for the rest). Out of line (see [`Deadline`]).
#[inline(never)]
pub(crate) fn poll_millis(timeout: Option<Duration>) -> libc::c_int {
    timeout.map_or(-1, |d| saturated(millis_ceil(d)))
}

/// Milliseconds as `poll`'s argument, `INT_MAX` at most.
#[inline]
fn saturated(millis: u64) -> libc::c_int {
    libc::c_int::try_from(millis).unwrap_or(libc::c_int::MAX)
}

/// A point on the monotonic clock, in milliseconds, that a wait must not
/// pass, or none (wait for ever). Signals and retries do not move it, so
/// they cannot stretch a time-out.
#[derive(Clone, Copy)]
pub(crate) struct Deadline(Option<u64>);

impl Deadline {
    /// `timeout` from now; none for `None`, and for a time-out so long
    /// that the clock could not reach it (hundreds of millions of years).
    /// Out of line, as is everything about the clock here: the time-out
    /// calls are not on a hot path, and inlined copies of the clock
    /// arithmetic cost about a hundred bytes each.
    #[inline(never)]
    pub(crate) fn after(timeout: Option<Duration>) -> Deadline {
        Deadline(timeout.and_then(|d| {
            // The clock reads whole milliseconds, rounded down, here and
            // in `remaining`: now + the time-out could pass up to 1 ms
            // early, so a non-zero time-out gets one more (a zero one still
            // checks at once).
            let millis = millis_ceil(d);
            sys::monotonic_ms()
                .checked_add(millis)?
                .checked_add(u64::from(millis > 0))
        }))
    }

    /// What is left, as a `poll` time-out: `-1` for none, 0 once passed,
    /// `INT_MAX` at most.
    #[inline(never)]
    pub(crate) fn remaining(self) -> libc::c_int {
        self.0
            .map_or(-1, |at| saturated(at.saturating_sub(sys::monotonic_ms())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poll_millis_rounds_up_and_saturates() {
        assert_eq!(poll_millis(None), -1);
        assert_eq!(poll_millis(Some(Duration::ZERO)), 0);
        assert_eq!(poll_millis(Some(Duration::from_nanos(1))), 1);
        assert_eq!(poll_millis(Some(Duration::from_micros(1_500))), 2);
        assert_eq!(poll_millis(Some(Duration::from_millis(250))), 250);
        let most = Duration::from_millis(libc::c_int::MAX as u64);
        assert_eq!(poll_millis(Some(most)), libc::c_int::MAX);
        let past = most + Duration::from_nanos(1);
        assert_eq!(poll_millis(Some(past)), libc::c_int::MAX);
        assert_eq!(poll_millis(Some(Duration::MAX)), libc::c_int::MAX);
    }

    #[test]
    fn deadlines() {
        assert_eq!(Deadline::after(None).remaining(), -1);
        assert_eq!(Deadline::after(Some(Duration::ZERO)).remaining(), 0);
        // Past what one poll takes: the first round waits INT_MAX, and the
        // deadline stays set (not "for ever").
        let long = Deadline::after(Some(Duration::from_secs(40 * 24 * 3600)));
        assert!(long.0.is_some());
        assert_eq!(long.remaining(), libc::c_int::MAX);
        // Beyond the clock's reach: for ever.
        assert_eq!(Deadline::after(Some(Duration::MAX)).remaining(), -1);
        let soon = Deadline::after(Some(Duration::from_millis(500)));
        assert!((1..=501).contains(&soon.remaining()));
        // A fraction of a millisecond still waits.
        assert!(Deadline::after(Some(Duration::from_nanos(1))).remaining() >= 1);
    }
}
