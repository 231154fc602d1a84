//! `sc_sendmmsg` and `sc_recvmmsg`: batches of messages in one system call,
//! over the caller's own array of `struct mmsghdr` (declared by
//! `<sys/socket.h>` when `_GNU_SOURCE` is defined before any `#include`).

use core::ffi::{c_int, c_uint};

use libc::mmsghdr;
use sockcore::Errno;

use crate::args::{self, int_return};
use crate::constants::SC_IOV_MAX;

/// A batch count, at most `SC_IOV_MAX`, as the `int` return.
fn count_return(result: Result<usize, Errno>) -> c_int {
    int_return(result.map(|count| c_int::try_from(count).unwrap_or(SC_IOV_MAX)))
}

/// `sendmmsg(2)` with `flags | MSG_NOSIGNAL`: sends the first `vlen`
/// messages of `msgs` in order, in one call; each is a `struct msghdr` as
/// `sc_sendmsg` takes it, and each one sent gets its byte count in
/// `msg_len`. At most `SC_IOV_MAX` (1024) messages go per call, as the
/// kernel caps a batch.
///
/// A batch stops at the first message that fails: the return is the count
/// before it, and that message's error is lost (the next call, starting
/// there, reports it). Only an error on the first message is returned.
///
/// Every header is checked as `sc_sendmsg` checks its own before the call,
/// so one bad header fails the whole batch with nothing sent.
///
/// Returns how many messages were sent, or `-EFAULT` for a NULL `msgs`,
/// `-EINVAL` for unknown `flags` bits, and the errors of `sc_sendmsg`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `msgs` NULL or writable for
/// `vlen` headers, each of which satisfies `sc_sendmsg`'s requirement.
#[no_mangle]
pub unsafe extern "C" fn sc_sendmmsg(
    fd: c_int,
    msgs: *mut mmsghdr,
    vlen: c_uint,
    flags: c_int,
) -> c_int {
    // SAFETY: the caller's promises about fd and msgs.
    count_return(unsafe {
        args::mmsghdrs(msgs, vlen).and_then(|msgs| {
            let flags = args::msg_flags(flags)?;
            args::socket(fd).send_mmsg_raw(msgs, flags)
        })
    })
}

/// `recvmmsg(2)` with `flags | MSG_CMSG_CLOEXEC`: fills up to `vlen` (at
/// most `SC_IOV_MAX`) messages of `msgs` in one call, each as `sc_recvmsg`
/// fills one, with its byte count in `msg_len`; descriptors in control data
/// follow `sc_recvmsg`'s rules (a message with `MSG_CTRUNC` has its
/// descriptors closed already).
///
/// A blocking socket waits for the whole batch unless `flags` has
/// `SC_MSG_WAITFORONE` (return once one message arrived) or
/// `SC_MSG_DONTWAIT`. `timeout_ms` (negative: none) is the kernel's
/// `recvmmsg` time-out, which it checks only after each message arrives
/// (see `recvmmsg(2)`, BUGS): it ends a batch early but never an empty
/// wait. For a bounded wait, poll first (`sc_wait_ready`) and pass
/// `SC_MSG_WAITFORONE`.
///
/// Every header is checked as `sc_recvmsg` checks its own before the call,
/// so one bad header fails the whole batch with nothing received.
///
/// Returns how many messages were filled, or `-EFAULT` for a NULL `msgs`,
/// `-EINVAL` for unknown `flags` bits, `-EAGAIN` (nothing arrived,
/// non-blocking), and the errors of `sc_recvmsg`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `msgs` NULL or writable for
/// `vlen` headers, each of which satisfies `sc_recvmsg`'s requirement.
#[no_mangle]
pub unsafe extern "C" fn sc_recvmmsg(
    fd: c_int,
    msgs: *mut mmsghdr,
    vlen: c_uint,
    flags: c_int,
    timeout_ms: c_int,
) -> c_int {
    // SAFETY: the caller's promises about fd and msgs.
    count_return(unsafe {
        args::mmsghdrs(msgs, vlen).and_then(|msgs| {
            let flags = args::msg_flags(flags)?;
            args::socket(fd).recv_mmsg_raw(msgs, flags, args::timeout(timeout_ms))
        })
    })
}
