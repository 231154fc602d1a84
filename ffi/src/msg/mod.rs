//! `sc_sendmsg` and `sc_recvmsg`: scatter/gather with an address and
//! ancillary data, over the caller's own `struct msghdr`.
//!
//! Control buffers are sized with `CMSG_SPACE`, or with the header's
//! `SC_CMSG_SPACE_FDS(n)` and `SC_CMSG_SPACE_CREDS`, and walked with
//! `CMSG_FIRSTHDR`/`CMSG_NXTHDR` as usual.

// The header lists the groups in this order, after the calls below.
pub mod fd_passing;

pub mod cmsg;

pub mod credentials;

pub mod mmsg;

pub mod zerocopy;

use core::ffi::c_int;

use libc::{msghdr, ssize_t};

use crate::args::{self, size_return};

/// The most descriptors one `SCM_RIGHTS` message may carry (the kernel's
/// `SCM_MAX_FD`); one more is `-EINVAL`.
pub const SC_SCM_MAX_FD: usize = 253;

const _: () = assert!(SC_SCM_MAX_FD == sockcore::SCM_MAX_FD);

/// `sendmsg(2)` with `flags | MSG_NOSIGNAL`: gathers the buffers of
/// `msg->msg_iov`, sends them to `msg->msg_name` (NULL on a connected
/// socket) with the control messages in `msg->msg_control` (such as
/// `SCM_RIGHTS` descriptors, which stay open here). `msg->msg_flags` is
/// ignored; `flags` is a combination of `SC_MSG_*` constants.
///
/// The header is checked as `sc_writev` checks its arguments, before any
/// system call: `-EFAULT` for a NULL `msg`, a NULL `msg_iov` with
/// `msg_iovlen` above 0, a NULL buffer of non-zero length in it, or a NULL
/// `msg_control` with a length; `-EINVAL` for `msg_iovlen` over
/// `SC_IOV_MAX`, buffers that add up to more than `SSIZE_MAX`, or
/// `msg_controllen` over `INT_MAX`.
///
/// Returns the count of bytes sent, or those codes, `-EINVAL` for unknown
/// `flags` bits, control data the kernel rejects or more than
/// `SC_SCM_MAX_FD` descriptors, `-ENOBUFS` (control data larger than the
/// kernel's `net.core.optmem_max`), `-EMSGSIZE` (a datagram too long),
/// `-EFAULT` (another bad pointer in the header, found by the kernel),
/// `-EBADF` (a descriptor in `SCM_RIGHTS` that is not open), `-EPERM`
/// (credentials not the sender's own), `-ETOOMANYREFS`, and the errors of
/// `sc_sendto`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `msg` NULL or a valid
/// `struct msghdr` whose pointers are each NULL with length 0 or readable
/// for the length beside it.
#[no_mangle]
pub unsafe extern "C" fn sc_sendmsg(fd: c_int, msg: *const msghdr, flags: c_int) -> ssize_t {
    // SAFETY: the caller's promise about msg.
    let msg = unsafe { args::send_msghdr(msg) };
    let sent = msg.and_then(|msg| {
        let flags = args::msg_flags(flags)?;
        // SAFETY: the caller's promises about fd and what msg points at.
        unsafe { args::socket(fd).send_msg_raw(msg, flags) }
    });
    size_return(sent)
}

/// `recvmsg(2)` with `flags | MSG_CMSG_CLOEXEC`: scatters what arrives over
/// the buffers of `msg->msg_iov`, the sender's address into
/// `msg->msg_name` (unless NULL) and control messages into
/// `msg->msg_control`. On return `msg_namelen`, `msg_controllen` and
/// `msg_flags` are the kernel's: `MSG_TRUNC` (the datagram was cut),
/// `MSG_CTRUNC` (the control data was cut), `MSG_EOR`, `MSG_OOB`.
///
/// Received descriptors are close-on-exec and the caller's to close, except
/// when the control data was truncated (`MSG_CTRUNC`): a partial set is a
/// leak waiting to happen, so every descriptor that did arrive has been
/// closed already and its slot in the control data reads -1.
///
/// The header is checked as `sc_readv` checks its arguments, before any
/// system call: `-EFAULT` for a NULL `msg`, a NULL `msg_iov` with
/// `msg_iovlen` above 0, a NULL buffer of non-zero length in it, or a NULL
/// `msg_control` with a length; `-EINVAL` for `msg_iovlen` over
/// `SC_IOV_MAX`, buffers that add up to more than `SSIZE_MAX`, or
/// `msg_controllen` over `INT_MAX`.
///
/// Returns the count of bytes received (0 at end of stream), or those
/// codes, `-EINVAL` for unknown `flags` bits, `-EFAULT` (another bad
/// pointer in the header, found by the kernel), and the errors of
/// `sc_recv`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `msg` NULL or a valid
/// `struct msghdr` whose pointers are each NULL with length 0 or writable
/// for the length beside it (the buffers the iovecs describe too).
#[no_mangle]
pub unsafe extern "C" fn sc_recvmsg(fd: c_int, msg: *mut msghdr, flags: c_int) -> ssize_t {
    // SAFETY: the caller's promise about msg.
    let msg = unsafe { args::recv_msghdr(msg) };
    let received = msg.and_then(|msg| {
        let flags = args::msg_flags(flags)?;
        // SAFETY: the caller's promises about fd and what msg points at.
        unsafe { args::socket(fd).recv_msg_raw(msg, flags) }
    });
    size_return(received)
}
