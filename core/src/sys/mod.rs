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
mod poll;
mod process;
mod socket;
mod sockopt;

pub(crate) use interface::*;
pub(crate) use io::*;
pub(crate) use msg::*;
pub(crate) use poll::*;
pub(crate) use process::*;
pub(crate) use socket::*;
pub(crate) use sockopt::*;

use crate::Errno;

// The libraries a program needs under this crate, named here because the
// `libc` crate names them only when `std` does: a `#![no_std]` program that
// links sockcore would otherwise fail to link (`socket`, `__libc_start_main`
// undefined) unless its author passed `-C link-arg=-lc`. Programs with std
// already link both, and naming them twice changes nothing.
//
// - musl: the C library itself (libc.a for a static program, libc.so for a
//   shared library). libc links glibc's on its own.
// - 32-bit ARM with glibc: the unwinder's personality routine
//   (`__aeabi_unwind_cpp_pr0`), which the ARM exception tables of `core`'s
//   precompiled code refer to even under `panic = "abort"`; std gets it from
//   libgcc_s (libgcc_eh when linked statically), so this does the same.
#[cfg(target_env = "musl")]
#[link(name = "c")]
extern "C" {}

#[cfg(all(
    target_arch = "arm",
    target_env = "gnu",
    not(target_feature = "crt-static")
))]
#[link(name = "gcc_s")]
extern "C" {}

#[cfg(all(target_arch = "arm", target_env = "gnu", target_feature = "crt-static"))]
#[link(name = "gcc_eh", kind = "static", modifiers = "-bundle")]
extern "C" {}

/// The calling thread's `errno`.
#[inline]
pub(crate) fn last_errno() -> Errno {
    // SAFETY: __errno_location returns a valid pointer to this thread's errno.
    Errno::from_raw(unsafe { *libc::__errno_location() })
}

/// Turns libc's `-1 and errno` convention for an `int` result into a `Result`.
#[inline]
pub(crate) fn cvt(ret: libc::c_int) -> crate::Result<libc::c_int> {
    if ret < 0 {
        Err(last_errno())
    } else {
        Ok(ret)
    }
}

/// Turns libc's `-1 and errno` convention for an `ssize_t` result into a
/// byte count.
#[inline]
pub(crate) fn cvt_size(ret: libc::ssize_t) -> crate::Result<usize> {
    if ret < 0 {
        Err(last_errno())
    } else {
        Ok(ret as usize)
    }
}
