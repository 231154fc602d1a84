//! Conversions between `Duration` and the C time units the kernel takes:
//! seconds and milliseconds as `int` (socket options, `poll`), `timeval`
//! (socket options) and `timespec` (`recvmmsg`).

use core::time::Duration;

use crate::errno::{Errno, Result};
use crate::sys;

/// Whole seconds as a C `int`, rounded up (so a non-zero duration never
/// becomes 0) and saturating at `INT_MAX`.
pub(crate) fn secs_rounded_up(d: Duration) -> libc::c_int {
    let secs = d.as_secs().saturating_add(u64::from(d.subsec_nanos() > 0));
    libc::c_int::try_from(secs).unwrap_or(libc::c_int::MAX)
}

/// Whole milliseconds as a C `int`, rounded up. Errors: `EINVAL` past
/// `INT_MAX` milliseconds (about 24.8 days), as the kernel would answer.
pub(crate) fn millis_rounded_up(d: Duration) -> Result<libc::c_int> {
    units_rounded_up::<1_000_000>(d)
}

/// Whole milliseconds, rounded up, saturating at `u64::MAX`.
#[inline]
pub(crate) fn millis_ceil(d: Duration) -> u64 {
    units_ceil::<1_000_000>(d)
}

/// Whole microseconds as a C `int`, rounded up. Errors: `EINVAL` past
/// `INT_MAX` microseconds (about 35 minutes).
pub(crate) fn micros_rounded_up(d: Duration) -> Result<libc::c_int> {
    units_rounded_up::<1_000>(d)
}

/// Whole units of `NANOS` nanoseconds as a C `int`, rounded up (so a
/// non-zero duration never becomes 0). Errors: `EINVAL` past `INT_MAX`
/// units.
fn units_rounded_up<const NANOS: u32>(d: Duration) -> Result<libc::c_int> {
    libc::c_int::try_from(units_ceil::<NANOS>(d)).map_err(|_| Errno::EINVAL)
}

/// Whole units of `NANOS` nanoseconds, rounded up, saturating at
/// `u64::MAX`. Only the sub-second part is divided, as a `u32` by a
/// constant: no panic path, and no 64-bit division, which 32-bit ARM does
/// with a library call.
fn units_ceil<const NANOS: u32>(d: Duration) -> u64 {
    let per_sec = u64::from(1_000_000_000 / NANOS);
    d.as_secs()
        .saturating_mul(per_sec)
        .saturating_add(u64::from(d.subsec_nanos().div_ceil(NANOS)))
}

/// A time-out as a `timeval`: `None` is all-zero (no time-out). Errors:
/// `EINVAL` for `Some(Duration::ZERO)`, which the kernel would read as "no
/// time-out". Less than a microsecond rounds up to one; seconds past
/// `time_t` saturate (32-bit targets).
pub(crate) fn timeval_from(timeout: Option<Duration>) -> Result<libc::timeval> {
    let mut tv: libc::timeval = sys::zeroed();
    let Some(d) = timeout else { return Ok(tv) };
    if d.is_zero() {
        return Err(Errno::EINVAL);
    }
    tv.tv_sec = match d.as_secs().try_into() {
        Ok(secs) => secs,
        Err(_) => signed_max().ok_or(Errno::EINVAL)?,
    };
    let micros = d.subsec_micros().max(u32::from(d.as_secs() == 0));
    // Under a million: fits suseconds_t at any width (named per target).
    tv.tv_usec = micros as _;
    Ok(tv)
}

/// A `timespec` for a `Duration`: nanoseconds exact, seconds saturating at
/// `time_t` (32-bit targets).
pub(crate) fn timespec_from(d: Duration) -> libc::timespec {
    // All-zero: some targets add padding fields.
    let mut ts: libc::timespec = sys::zeroed();
    ts.tv_sec = d
        .as_secs()
        .try_into()
        .ok()
        .or_else(signed_max)
        .unwrap_or_default();
    // Under a billion: fits c_long at any width.
    ts.tv_nsec = d.subsec_nanos() as _;
    ts
}

/// The largest value of a signed C type that is 32 or 64 bits wide
/// depending on the target (`time_t`), without naming the type: musl's
/// `libc` deprecates the name while its width changes.
fn signed_max<T: TryFrom<i64>>() -> Option<T> {
    T::try_from(i64::MAX)
        .ok()
        .or_else(|| T::try_from(i64::from(i32::MAX)).ok())
}

/// The time-out a `timeval` holds: `None` for all-zero.
pub(crate) fn duration_from_timeval(tv: libc::timeval) -> Option<Duration> {
    let secs = u64::try_from(tv.tv_sec).unwrap_or(0);
    let micros = u32::try_from(tv.tv_usec).unwrap_or(0);
    let d = Duration::from_secs(secs).saturating_add(Duration::from_micros(u64::from(micros)));
    (!d.is_zero()).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding() {
        assert_eq!(secs_rounded_up(Duration::from_millis(1)), 1);
        assert_eq!(secs_rounded_up(Duration::from_secs(7)), 7);
        assert_eq!(secs_rounded_up(Duration::MAX), libc::c_int::MAX);
        assert_eq!(millis_rounded_up(Duration::from_nanos(1)), Ok(1));
        assert_eq!(millis_rounded_up(Duration::from_secs(3)), Ok(3000));
        assert_eq!(millis_rounded_up(Duration::MAX), Err(Errno::EINVAL));
        assert_eq!(millis_rounded_up(Duration::from_micros(2_001)), Ok(3));
        let most = Duration::from_millis(libc::c_int::MAX as u64);
        assert_eq!(millis_rounded_up(most), Ok(libc::c_int::MAX));
        assert_eq!(
            millis_rounded_up(most + Duration::from_nanos(1)),
            Err(Errno::EINVAL)
        );
        assert_eq!(micros_rounded_up(Duration::from_nanos(1)), Ok(1));
        assert_eq!(micros_rounded_up(Duration::from_millis(50)), Ok(50_000));
        assert_eq!(micros_rounded_up(Duration::from_nanos(1_500)), Ok(2));
        assert_eq!(
            micros_rounded_up(Duration::from_secs(3600)),
            Err(Errno::EINVAL)
        );
    }

    #[test]
    fn timespecs() {
        let ts = timespec_from(Duration::from_millis(2_500));
        assert_eq!((ts.tv_sec, ts.tv_nsec), (2, 500_000_000));
        let ts = timespec_from(Duration::from_nanos(1));
        assert_eq!((ts.tv_sec, ts.tv_nsec), (0, 1));
        assert!(timespec_from(Duration::MAX).tv_sec >= signed_max::<i32>().unwrap().into());
    }

    #[test]
    fn timevals() {
        assert_eq!(
            timeval_from(Some(Duration::ZERO)).err(),
            Some(Errno::EINVAL)
        );
        let tv = timeval_from(None).expect("none");
        assert_eq!((tv.tv_sec, tv.tv_usec), (0, 0));
        let tv = timeval_from(Some(Duration::from_nanos(1))).expect("tiny");
        assert_eq!((tv.tv_sec, tv.tv_usec), (0, 1));
        let tv = timeval_from(Some(Duration::from_millis(2_500))).expect("2.5 s");
        assert_eq!((tv.tv_sec, tv.tv_usec), (2, 500_000));
        assert_eq!(
            duration_from_timeval(tv),
            Some(Duration::from_millis(2_500))
        );
        assert_eq!(
            duration_from_timeval(timeval_from(None).expect("none")),
            None
        );
    }
}
