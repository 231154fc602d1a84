//! `sendfile(2)`.

use super::cvt_size;
use crate::errno::{Errno, Result};
use crate::fd::RawFd;

/// `sendfile64(2)`: up to `count` bytes of `file` from `*offset` to `out`.
/// `sendfile64` has a 64-bit offset on every target, where `sendfile`'s
/// `off_t` is 32 bits on 32-bit glibc. `*offset` moves only on success.
///
/// Errors: `EINVAL` for an offset past `i64::MAX`, checked here (the
/// kernel's offset is signed), and the kernel's.
#[inline]
pub(crate) fn sendfile(out: RawFd, file: RawFd, offset: &mut u64, count: usize) -> Result<usize> {
    let mut at = libc::off64_t::try_from(*offset).map_err(|_| Errno::EINVAL)?;
    // SAFETY: at is a live off64_t the kernel reads and writes.
    let sent = cvt_size(unsafe { libc::sendfile64(out, file, &mut at, count) })?;
    // Never negative: the kernel only moves it forward from where it was.
    *offset = u64::try_from(at).unwrap_or(*offset);
    Ok(sent)
}
