//! C option values to Rust and back: the `int` conventions every typed
//! option function shares (switches, counts, seconds, milliseconds).

use core::ffi::c_int;
use core::time::Duration;

use sockcore::Errno;

use crate::args::int_return;

/// A C switch: any non-zero value is on, as `setsockopt(2)` reads it.
#[inline]
pub(crate) fn switch(on: c_int) -> bool {
    on != 0
}

/// A switch read back: 1 for on, 0 for off.
#[inline]
pub(crate) fn switch_return(result: Result<bool, Errno>) -> c_int {
    int_return(result.map(c_int::from))
}

/// A count the caller passes as an `int`: `EINVAL` when negative.
#[inline]
pub(crate) fn count(value: c_int) -> Result<u32, Errno> {
    u32::try_from(value).map_err(|_| Errno::EINVAL)
}

/// A count read back as an `int`, saturating at `INT_MAX` (the kernel
/// keeps these in `int`s, so it never does).
#[inline]
pub(crate) fn count_return(result: Result<u32, Errno>) -> c_int {
    int_return(result.map(|value| c_int::try_from(value).unwrap_or(c_int::MAX)))
}

/// Whole seconds the caller passes as an `int`: `EINVAL` when negative.
#[inline]
pub(crate) fn seconds(value: c_int) -> Result<Duration, Errno> {
    count(value).map(|secs| Duration::from_secs(u64::from(secs)))
}

/// A time-out in milliseconds where 0 means none: `EINVAL` when negative.
#[inline]
pub(crate) fn optional_millis(value: c_int) -> Result<Option<Duration>, Errno> {
    let ms = count(value)?;
    Ok((ms != 0).then(|| Duration::from_millis(u64::from(ms))))
}

/// A time-out read back in milliseconds, 0 for none: a fraction of a
/// millisecond rounds up (so a time-out never reads as none), and the
/// result saturates at `INT_MAX`.
pub(crate) fn optional_millis_return(result: Result<Option<Duration>, Errno>) -> c_int {
    int_return(result.map(|timeout| {
        let Some(d) = timeout else { return 0 };
        let partial = d.subsec_nanos() % 1_000_000 != 0;
        let ms = d.as_millis().saturating_add(u128::from(partial));
        c_int::try_from(ms).unwrap_or(c_int::MAX)
    }))
}
