//! `sc_interface_index`: a network interface's index from its name, for the
//! multicast calls and IPv6 scope ids.

use core::ffi::{c_char, c_int};

use crate::args;
use crate::options::convert::count_return;

/// `if_nametoindex(3)`: the index of the network interface called `name`
/// (such as `"lo"`), for the multicast calls and IPv6 scope ids.
///
/// Returns the index (1 or more), or `-EFAULT` for a NULL `name`,
/// `-ENODEV` (no such interface), `-EINVAL` (an empty name, or one of
/// `SC_IFNAMSIZ` bytes or more).
///
/// # Safety
///
/// `name` must be NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn sc_interface_index(name: *const c_char) -> c_int {
    // SAFETY: the caller's promise about name.
    let name = unsafe { args::c_str(name) };
    count_return(name.and_then(sockcore::interface_index))
}
