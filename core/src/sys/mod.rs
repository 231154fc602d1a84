//! The one place that talks to libc.
//!
//! Every system call this crate makes goes through a function here. The rest
//! of the crate is safe Rust over these functions. Each wrapper is
//! `#[inline]` so that a call through the public API compiles down to the libc
//! call itself, with no extra frame.
//!
//! EINTR policy: a wrapper makes exactly one call and returns `EINTR` to its
//! caller like libc does. Only the loops that promise completion
//! (`write_all`, `read_exact`, the time-out waits) retry it.

mod interface;
mod io;
mod msg;
#[cfg(all(
    target_env = "musl",
    target_pointer_width = "64",
    target_endian = "little"
))]
mod musl64;
mod plain;
mod poll;
mod process;
mod socket;
mod sockopt;

pub(crate) use interface::*;
pub(crate) use io::*;
pub(crate) use msg::*;
pub(crate) use plain::*;
pub(crate) use poll::*;
pub(crate) use process::*;
pub(crate) use socket::*;
pub(crate) use sockopt::*;

use crate::errno::Errno;

/// The calling thread's `errno`.
#[inline]
pub(crate) fn last_errno() -> Errno {
    // SAFETY: __errno_location returns a valid pointer to this thread's errno.
    Errno::from_raw(unsafe { *libc::__errno_location() })
}

/// Turns libc's `-1 and errno` convention for an `int` result into a `Result`.
#[inline]
pub(crate) fn cvt(ret: libc::c_int) -> crate::errno::Result<libc::c_int> {
    if ret < 0 {
        Err(last_errno())
    } else {
        Ok(ret)
    }
}

/// Turns libc's `-1 and errno` convention for an `ssize_t` result into a
/// byte count.
#[inline]
pub(crate) fn cvt_size(ret: libc::ssize_t) -> crate::errno::Result<usize> {
    if ret < 0 {
        Err(last_errno())
    } else {
        Ok(ret as usize)
    }
}
