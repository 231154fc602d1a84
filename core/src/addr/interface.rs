//! [`interface_index`]: a network interface's index from its name.

use crate::errno::Result;
use crate::sys;

/// `if_nametoindex(3)`: the index of the interface called `name` (bytes
/// without a NUL, such as `b"lo"`), for the multicast options and IPv6 scope
/// ids.
///
/// Errors: `ENODEV` when no interface has that name, `EINVAL` for a name
/// that is empty, contains a NUL or has `IFNAMSIZ` (16) bytes or more.
#[inline]
pub fn interface_index(name: &[u8]) -> Result<u32> {
    sys::if_nametoindex(name)
}
