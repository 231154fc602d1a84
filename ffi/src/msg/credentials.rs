//! Credentials: `sc_ucred`, the identity `SO_PEERCRED` and
//! `SCM_CREDENTIALS` report, `sc_peer_credentials`, and the `SO_PASSCRED`
//! switch that makes `sc_recvmsg` receive them. Each may also return the
//! errors listed for `sc_getsockopt`.

use core::ffi::c_int;
use core::mem::{align_of, offset_of, size_of};

use libc::{gid_t, pid_t, uid_t};
use sockcore::Credentials;

use sockcore::options::SO_PASSCRED;

use crate::args::{self, unit_return};
use crate::options::convert;

/// A process's identity as the kernel reports it through `SO_PEERCRED` and
/// `SCM_CREDENTIALS`, with the layout of `struct ucred` (which glibc
/// declares only under `_GNU_SOURCE`).
#[allow(non_camel_case_types)] // C's spelling: this is the header's name.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sc_ucred {
    /// The process id.
    pub pid: pid_t,
    /// The user id.
    pub uid: uid_t,
    /// The group id.
    pub gid: gid_t,
}

const _: () = assert!(size_of::<sc_ucred>() == size_of::<libc::ucred>());
const _: () = assert!(align_of::<sc_ucred>() == align_of::<libc::ucred>());
const _: () = assert!(offset_of!(sc_ucred, uid) == offset_of!(libc::ucred, uid));
const _: () = assert!(offset_of!(sc_ucred, gid) == offset_of!(libc::ucred, gid));

/// `setsockopt(SOL_SOCKET, SO_PASSCRED)`: on a Unix socket, receive the
/// sender's credentials (an `SCM_CREDENTIALS` control message holding an
/// `sc_ucred`) with every message through `sc_recvmsg`.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_passcred(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, SO_PASSCRED, on) }
}

/// `getsockopt(SOL_SOCKET, SO_PASSCRED)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_passcred(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, SO_PASSCRED) }
}

/// `getsockopt(SOL_SOCKET, SO_PEERCRED)`: the credentials of the process at
/// the other end of connected Unix socket `fd`, as they were when it
/// connected (or called `socketpair`), into `*out`. Read-only: the kernel
/// has no setter.
///
/// Returns 0, or `-EFAULT` for a NULL `out`, or `-errno`. On a socket that
/// is not a connected Unix socket the kernel answers pid 0 with uid and gid
/// -1 rather than an error. `*out` is unchanged on error.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sc_peer_credentials(fd: c_int, out: *mut sc_ucred) -> c_int {
    // SAFETY: the caller's promise about out.
    let out = unsafe { args::out_ref(out) };
    unit_return(out.and_then(|out| {
        // SAFETY: the caller's promise about fd.
        let Credentials { pid, uid, gid } = unsafe { args::socket(fd) }.peer_credentials()?;
        *out = sc_ucred { pid, uid, gid };
        Ok(())
    }))
}
