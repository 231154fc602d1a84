//! The calling process's identity: getpid, getuid, getgid.

/// `getpid(2)`, `getuid(2)` and `getgid(2)`; none of them can fail.
#[inline]
pub(crate) fn process_ids() -> (libc::pid_t, libc::uid_t, libc::gid_t) {
    // SAFETY: these calls take no arguments and always succeed.
    unsafe { (libc::getpid(), libc::getuid(), libc::getgid()) }
}
