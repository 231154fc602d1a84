//! Network interface names: if_nametoindex.

use crate::errno::{Errno, Result};

/// `if_nametoindex(3)` for a name given as bytes without a NUL.
///
/// Errors: `ENODEV` when no interface has that name, `EINVAL` for a name
/// that is empty, contains a NUL or does not fit `IFNAMSIZ`.
#[inline]
pub(crate) fn if_nametoindex(name: &[u8]) -> Result<u32> {
    let mut c_name = [0u8; libc::IFNAMSIZ];
    // The last byte stays NUL, so the longest name is IFNAMSIZ - 1 bytes.
    let slot = c_name
        .get_mut(..name.len())
        .filter(|slot| slot.len() < libc::IFNAMSIZ && !slot.is_empty())
        .ok_or(Errno::EINVAL)?;
    if name.contains(&0) {
        return Err(Errno::EINVAL);
    }
    for (byte, &from) in slot.iter_mut().zip(name) {
        *byte = from;
    }
    // SAFETY: c_name is NUL-terminated (its last byte is never written).
    let index = unsafe { libc::if_nametoindex(c_name.as_ptr().cast()) };
    if index == 0 {
        Err(super::last_errno())
    } else {
        Ok(index)
    }
}
