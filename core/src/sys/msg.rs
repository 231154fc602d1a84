//! Message calls: sendmsg, recvmsg, sendmmsg, recvmmsg, and the `msghdr`
//! work behind them: building a header from borrowed Rust buffers, and
//! finding the control bytes the kernel filled.
//!
//! [`send_msg`] and [`recv_msg`] build their header from borrows that
//! outlive the call, so they are safe. The raw calls take a header as it is
//! (from C, or a batch of [`MmsgHdr`](crate::MmsgHdr)s) and are `unsafe`:
//! what it points at is their caller's promise.

use core::mem::{size_of, MaybeUninit};

use super::{cvt, cvt_size, zeroed};
use crate::addr::SocketAddr;
use crate::errno::Result;
use crate::fd::RawFd;
use crate::iovec::{IoSlice, IoSliceMut};

/// `msg_iovlen` for `count` buffers, in the field's own type.
///
/// The field is a `size_t` on glibc, where this is the count as it is. On
/// musl it is an `int`, followed on 64-bit targets by 32 bits of padding
/// where the kernel's `msghdr` has a 64-bit length: musl's `sendmsg` and
/// `recvmsg` copy the header, zero the padding and hand the copy to the
/// kernel, which then reads the `int` as an unsigned 32-bit count. A count
/// past `INT_MAX` cut down to an `int` could wrap to a small one the kernel
/// accepts, and fewer buffers would go than were given; saturated at
/// `INT_MAX`, it stays over `UIO_MAXIOV` (1024), and the kernel answers
/// `EMSGSIZE` as it does for any count that large.
#[inline]
fn iov_len<T: TryFrom<usize> + Default>(count: usize) -> T {
    T::try_from(count)
        .or_else(|_| T::try_from(i32::MAX as usize))
        // Unreachable: INT_MAX fits both field types.
        .unwrap_or_default()
}

/// A control length that fits `msg_controllen` on every libc (`socklen_t`
/// on musl, `size_t` on glibc).
#[inline]
fn control_len(len: usize) -> libc::socklen_t {
    libc::socklen_t::try_from(len).unwrap_or(libc::socklen_t::MAX)
}

/// The control bytes the kernel reported filling (`msg_controllen`).
// The field is size_t on glibc (the cast is a no-op there) and socklen_t on
// musl.
#[allow(clippy::unnecessary_cast)]
#[inline]
pub(crate) fn filled_control_len(msg: &libc::msghdr) -> usize {
    msg.msg_controllen as usize
}

/// Points `msg` at `to`, the address to send to.
#[inline]
pub(crate) fn set_send_name(msg: &mut libc::msghdr, to: &SocketAddr) {
    // The kernel only reads the address.
    msg.msg_name = to.as_ptr() as *mut libc::c_void;
    msg.msg_namelen = to.len();
}

/// Points `msg` at `from`'s storage, for the kernel to fill with the
/// sender's address (and `msg_namelen` with its length).
#[inline]
pub(crate) fn set_recv_name(msg: &mut libc::msghdr, from: &mut SocketAddr) {
    let (name, _) = from.as_mut_parts();
    msg.msg_name = name.cast();
    msg.msg_namelen = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
}

/// Attaches `control` to `msg`; empty, it detaches any (NULL, length 0).
#[inline]
pub(crate) fn set_send_control(msg: &mut libc::msghdr, control: &[u8]) {
    let (ptr, len) = if control.is_empty() {
        (core::ptr::null_mut(), 0)
    } else {
        // The kernel only reads the control data.
        (
            control.as_ptr() as *mut libc::c_void,
            control_len(control.len()),
        )
    };
    msg.msg_control = ptr;
    msg.msg_controllen = len as _;
}

/// A `msghdr` for sending `bufs` to `to` with `control`, pointing at them:
/// it is valid for as long as they are borrowed.
#[inline]
pub(crate) fn send_header(
    bufs: &[IoSlice<'_>],
    control: &[u8],
    to: Option<&SocketAddr>,
) -> libc::msghdr {
    // No name, no buffers, no control; musl's padding fields zero.
    let mut msg: libc::msghdr = zeroed();
    if let Some(to) = to {
        set_send_name(&mut msg, to);
    }
    // IoSlice is layout-compatible with iovec; the kernel only reads them.
    msg.msg_iov = bufs.as_ptr() as *mut libc::iovec;
    msg.msg_iovlen = iov_len(bufs.len());
    set_send_control(&mut msg, control);
    msg
}

/// A `msghdr` for receiving into `bufs`, `control` and (unless `None`)
/// `from`'s storage, pointing at them: it is valid for as long as they are
/// borrowed.
#[inline]
pub(crate) fn recv_header(
    bufs: &mut [IoSliceMut<'_>],
    control: &mut [MaybeUninit<u8>],
    from: Option<&mut SocketAddr>,
) -> libc::msghdr {
    let mut msg: libc::msghdr = zeroed();
    if let Some(from) = from {
        set_recv_name(&mut msg, from);
    }
    // IoSliceMut is layout-compatible with iovec.
    msg.msg_iov = bufs.as_mut_ptr().cast();
    msg.msg_iovlen = iov_len(bufs.len());
    if !control.is_empty() {
        msg.msg_control = control.as_mut_ptr().cast();
        msg.msg_controllen = control_len(control.len()) as _;
    }
    msg
}

/// `sendmsg(2)` of `bufs` to `to` with `control`.
#[inline]
pub(crate) fn send_msg(
    fd: RawFd,
    bufs: &[IoSlice<'_>],
    control: &[u8],
    to: Option<&SocketAddr>,
    flags: i32,
) -> Result<usize> {
    let msg = send_header(bufs, control, to);
    // SAFETY: msg points only at the borrowed arguments, which outlive the
    // call and are readable for the lengths recorded.
    unsafe { sendmsg(fd, &msg, flags) }
}

/// What [`recv_msg`] received.
pub(crate) struct Received<'c> {
    /// The byte count `recvmsg` returned.
    pub(crate) len: usize,
    /// `msg_flags` as the kernel set them.
    pub(crate) flags: i32,
    /// The control bytes the kernel filled, at the start of the buffer.
    pub(crate) control: &'c mut [u8],
}

/// `recvmsg(2)` into `bufs` and `control`, with the sender's address into
/// `from` (`None`: no `msg_name`, the address is not asked for).
#[inline]
pub(crate) fn recv_msg<'c>(
    fd: RawFd,
    bufs: &mut [IoSliceMut<'_>],
    control: &'c mut [MaybeUninit<u8>],
    mut from: Option<&mut SocketAddr>,
    flags: i32,
) -> Result<Received<'c>> {
    let mut msg = recv_header(bufs, control, from.as_deref_mut());
    // SAFETY: msg points at from's storage (if any), the buffers and the
    // control space, all exclusively borrowed for the call, with their
    // lengths.
    let len = unsafe { recvmsg(fd, &mut msg, flags) }?;
    if let Some(from) = from {
        from.set_len(msg.msg_namelen);
    }
    let filled = filled_control_len(&msg).min(control.len());
    let filled = control.get_mut(..filled).unwrap_or_default();
    // SAFETY: the kernel wrote the first msg_controllen bytes, so they are
    // initialised; MaybeUninit<u8> has the layout of u8.
    let control = unsafe { &mut *(filled as *mut [MaybeUninit<u8>] as *mut [u8]) };
    Ok(Received {
        len,
        flags: msg.msg_flags,
        control,
    })
}

/// The control bytes a receive call just filled through `msg`
/// (`msg_controllen` of them at `msg_control`); empty without a control
/// buffer.
///
/// # Safety
///
/// `msg` must be a header `recvmsg` or `recvmmsg` has just filled, whose
/// `msg_control` was NULL or writable for the length given, and stays so,
/// not otherwise accessed, for `'a`.
#[inline]
pub(crate) unsafe fn filled_control<'a>(msg: &libc::msghdr) -> &'a mut [u8] {
    if msg.msg_control.is_null() {
        return &mut [];
    }
    // SAFETY: the caller's promise; the kernel wrote (and initialised) the
    // msg_controllen bytes it reports, no more than the length given.
    unsafe { core::slice::from_raw_parts_mut(msg.msg_control.cast(), filled_control_len(msg)) }
}

/// `sendmsg(2)`.
///
/// # Safety
///
/// Every pointer in `msg` (name, iovecs and what they describe, control)
/// must be readable for the length beside it, or NULL with length 0.
#[inline]
pub(crate) unsafe fn sendmsg(fd: RawFd, msg: &libc::msghdr, flags: i32) -> Result<usize> {
    // SAFETY: the caller guarantees msg describes readable memory.
    cvt_size(unsafe { libc::sendmsg(fd, msg, flags) })
}

/// `recvmsg(2)`.
///
/// # Safety
///
/// Every pointer in `msg` must be writable for the length beside it (the
/// iovecs' targets too), or NULL with length 0.
#[inline]
pub(crate) unsafe fn recvmsg(fd: RawFd, msg: &mut libc::msghdr, flags: i32) -> Result<usize> {
    // SAFETY: the caller guarantees msg describes writable memory; the kernel
    // writes at most the lengths given and updates them in msg.
    cvt_size(unsafe { libc::recvmsg(fd, msg, flags) })
}

/// `sendmmsg(2)`: how many headers were sent; each sent one gets `msg_len`.
///
/// # Safety
///
/// Every header in `msgs` must satisfy [`sendmsg`]'s requirement.
#[inline]
pub(crate) unsafe fn sendmmsg(fd: RawFd, msgs: &mut [libc::mmsghdr], flags: i32) -> Result<usize> {
    // 64-bit musl's sendmmsg is a loop of sendmsg calls (musl64.rs).
    #[cfg(all(
        target_env = "musl",
        target_pointer_width = "64",
        target_endian = "little"
    ))]
    // SAFETY: the caller's guarantee, passed on.
    if let Some(result) = unsafe { super::musl64::sendmmsg_direct(fd, msgs, flags) } {
        return result;
    }
    // The kernel caps a batch at UIO_MAXIOV (1024) anyway, so a longer slice
    // loses nothing by saturating.
    let count = libc::c_uint::try_from(msgs.len()).unwrap_or(libc::c_uint::MAX);
    // SAFETY: msgs is a writable array of count headers (the kernel writes
    // msg_len), and the caller guarantees what each header points at.
    let sent = cvt(unsafe { libc::sendmmsg(fd, msgs.as_mut_ptr(), count, flags as _) })?;
    Ok(sent as usize)
}

/// `recvmmsg(2)`: how many headers were filled; `timeout` NULL waits as the
/// socket's mode says.
///
/// # Safety
///
/// Every header in `msgs` must satisfy [`recvmsg`]'s requirement.
#[inline]
pub(crate) unsafe fn recvmmsg(
    fd: RawFd,
    msgs: &mut [libc::mmsghdr],
    flags: i32,
    timeout: Option<&mut libc::timespec>,
) -> Result<usize> {
    let count = libc::c_uint::try_from(msgs.len()).unwrap_or(libc::c_uint::MAX);
    let timeout = timeout.map_or(core::ptr::null_mut(), |t| t as *mut libc::timespec);
    // SAFETY: msgs is a writable array of count headers, the caller
    // guarantees what each points at, and timeout is NULL or a live timespec.
    let received = unsafe { libc::recvmmsg(fd, msgs.as_mut_ptr(), count, flags as _, timeout) };
    Ok(cvt(received)? as usize)
}
