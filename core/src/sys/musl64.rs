//! `sendmmsg` on 64-bit little-endian musl, one system call per batch.
//!
//! musl's `msghdr` keeps `msg_iovlen` and `msg_controllen` in 32-bit fields,
//! each followed by 32 bits of padding, where the kernel's `msghdr` has
//! 64-bit lengths (and its `cmsghdr` likewise for `cmsg_len`). So musl never
//! hands a caller's headers to the kernel as they are: its `sendmmsg` is a
//! loop of `sendmsg`, each copying the header (and the control data) first,
//! one system call per message.
//!
//! On a little-endian target a 32-bit length followed by zeroed padding is
//! the kernel's 64-bit length, so when no message in a batch carries control
//! data, sockcore zeroes each header's two padding fields and makes the one
//! system call itself. Batches with control data still go through musl: the
//! padding inside a caller's read-only control bytes cannot be zeroed. Unlike
//! musl's loop, the direct call is not a thread-cancellation point.

use core::mem::offset_of;

use super::cvt_size;
use crate::errno::Result;
use crate::fd::RawFd;

/// `sendmmsg(2)` straight to the kernel when no message has control data;
/// `None` (nothing sent) otherwise, for musl's own loop to do.
///
/// # Safety
///
/// As for [`super::sendmmsg`].
#[inline]
pub(super) unsafe fn sendmmsg_direct(
    fd: RawFd,
    msgs: &mut [libc::mmsghdr],
    flags: i32,
) -> Option<Result<usize>> {
    if msgs.iter().any(|m| m.msg_hdr.msg_controllen != 0) {
        return None;
    }
    for msg in msgs.iter_mut() {
        let iovlen = u64::from(msg.msg_hdr.msg_iovlen as u32);
        let hdr: *mut libc::msghdr = &mut msg.msg_hdr;
        // SAFETY: hdr is a live, exclusively borrowed msghdr. On 64-bit
        // little-endian musl the 4-byte msg_iovlen and msg_controllen are
        // each the low half of an 8-aligned 8-byte slot whose high half is
        // padding (libc's and musl's layouts); writing the whole slot keeps
        // the length and zeroes the padding. msg_controllen is 0 (checked).
        unsafe {
            let base = hdr.cast::<u8>();
            base.add(offset_of!(libc::msghdr, msg_iovlen))
                .cast::<u64>()
                .write(iovlen);
            base.add(offset_of!(libc::msghdr, msg_controllen))
                .cast::<u64>()
                .write(0);
        }
    }
    let count = libc::c_uint::try_from(msgs.len()).unwrap_or(libc::c_uint::MAX);
    // SAFETY: msgs is a writable array of count headers now in the kernel's
    // layout (the kernel writes msg_len), and the caller guarantees what
    // each header points at.
    let sent = unsafe {
        libc::syscall(
            libc::SYS_sendmmsg,
            fd,
            msgs.as_mut_ptr(),
            count,
            flags as libc::c_uint,
        )
    };
    Some(cvt_size(sent as isize))
}

// The layout the writes above rely on.
const _: () = assert!(offset_of!(libc::msghdr, msg_iovlen) % 8 == 0);
const _: () = assert!(offset_of!(libc::msghdr, msg_controllen) % 8 == 0);
const _: () =
    assert!(offset_of!(libc::msghdr, msg_control) == offset_of!(libc::msghdr, msg_iovlen) + 8);
const _: () =
    assert!(offset_of!(libc::msghdr, msg_flags) == offset_of!(libc::msghdr, msg_controllen) + 8);
