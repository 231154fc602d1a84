//! Ancillary data (control messages) in caller memory: how much space they
//! need, a buffer aligned for them, a builder for sending, a parser for
//! what arrives, and [`ReceivedControl`](received::ReceivedControl), which
//! owns received descriptors.
//!
//! The layout is the kernel's: each message is a `struct cmsghdr`, then its
//! data, then padding up to the alignment of `size_t`. The sizes come from
//! the `libc` crate's `cmsghdr` for the target, so they are right on glibc
//! and musl, 32- and 64-bit alike.
//!
//! ```
//! use sockcore::{cmsg_space_for_fds, CmsgBuffer, CmsgBuilder};
//!
//! // Room for two descriptors, computed at compile time.
//! let mut space = CmsgBuffer::<{ cmsg_space_for_fds(2) }>::new();
//! let mut builder = CmsgBuilder::new(&mut space);
//! builder.push_fds(&[0, 1])?;
//! assert_eq!(builder.as_bytes().len(), cmsg_space_for_fds(2));
//! # Ok::<(), sockcore::Errno>(())
//! ```

pub(crate) mod buffer;
pub(crate) mod builder;
pub(crate) mod parse;
pub(crate) mod received;

use core::mem::size_of;

use crate::fd::RawFd;

/// The most descriptors the kernel accepts in one `SCM_RIGHTS` message
/// (`SCM_MAX_FD`); one more is `EINVAL`.
pub const SCM_MAX_FD: usize = 253;

/// Control messages start and end on this boundary: the size of `size_t`
/// (the kernel's `CMSG_ALIGN` uses `long`, the same width on Linux).
const CMSG_ALIGNMENT: usize = size_of::<usize>();

/// Bytes of a `struct cmsghdr` for this target.
const HEADER_SIZE: usize = size_of::<libc::cmsghdr>();

/// Where the data of a message starts, from the start of its header
/// (`CMSG_DATA(cmsg) - cmsg`).
const DATA_OFFSET: usize = cmsg_align(HEADER_SIZE);

/// `CMSG_ALIGN`: `len` rounded up to the control-message alignment,
/// saturating instead of overflowing.
const fn cmsg_align(len: usize) -> usize {
    len.saturating_add(CMSG_ALIGNMENT - 1) & !(CMSG_ALIGNMENT - 1)
}

/// `CMSG_SPACE(data_len)`: the bytes one control message with `data_len`
/// bytes of data takes in a buffer, padding included. Sum these to size a
/// buffer for several messages.
#[inline]
pub const fn cmsg_space(data_len: usize) -> usize {
    cmsg_align(data_len).saturating_add(DATA_OFFSET)
}

/// `CMSG_LEN(data_len)`: the value of `cmsg_len` for a message with
/// `data_len` bytes of data (the header plus the data, without the trailing
/// padding).
#[inline]
pub const fn cmsg_len(data_len: usize) -> usize {
    DATA_OFFSET.saturating_add(data_len)
}

/// The space for one `SCM_RIGHTS` message carrying `count` descriptors.
#[inline]
pub const fn cmsg_space_for_fds(count: usize) -> usize {
    cmsg_space(count.saturating_mul(size_of::<RawFd>()))
}

/// The space for one `SCM_CREDENTIALS` message (a `struct ucred`).
#[inline]
pub const fn cmsg_space_for_creds() -> usize {
    cmsg_space(size_of::<libc::ucred>())
}
