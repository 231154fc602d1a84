//! `getsockopt(2)` and `setsockopt(2)` over plain-old-data values.

use core::mem::{size_of, MaybeUninit};

use super::cvt;
use crate::errno::{Errno, Result};
use crate::fd::RawFd;

/// `setsockopt(2)` with a value of type `T` (an int, a struct linger, …).
///
/// `T` must be a plain C type the kernel expects at (level, name).
#[inline]
pub(crate) fn setsockopt<T: Copy>(fd: RawFd, level: i32, name: i32, value: &T) -> Result<()> {
    setsockopt_bytes(fd, level, name, as_bytes(value))
}

/// `setsockopt(2)` with raw bytes.
#[inline]
pub(crate) fn setsockopt_bytes(fd: RawFd, level: i32, name: i32, value: &[u8]) -> Result<()> {
    let len = libc::socklen_t::try_from(value.len()).map_err(|_| Errno::EINVAL)?;
    // SAFETY: value is readable for len bytes.
    cvt(unsafe { libc::setsockopt(fd, level, name, value.as_ptr().cast(), len) }).map(drop)
}

/// `getsockopt(2)` into a value of type `T`, zero-filled first so that a
/// shorter answer from the kernel leaves the rest zero.
#[inline]
pub(crate) fn getsockopt<T: Copy>(fd: RawFd, level: i32, name: i32) -> Result<T> {
    let mut value = MaybeUninit::<T>::zeroed();
    let mut len = size_of::<T>() as libc::socklen_t;
    // SAFETY: value is writable for len bytes, and the kernel writes at most len.
    cvt(unsafe { libc::getsockopt(fd, level, name, value.as_mut_ptr().cast(), &mut len) })?;
    // SAFETY: T is plain data and fully initialised: zeroed first, then the
    // kernel wrote into it; getsockopt never leaves bytes in an invalid state
    // for the plain integer and C-struct types used here.
    Ok(unsafe { value.assume_init() })
}

/// `getsockopt(2)` into raw bytes; returns the length the kernel wrote.
#[inline]
pub(crate) fn getsockopt_bytes(fd: RawFd, level: i32, name: i32, out: &mut [u8]) -> Result<usize> {
    let mut len = libc::socklen_t::try_from(out.len()).unwrap_or(libc::socklen_t::MAX);
    // SAFETY: out is writable for len bytes, and the kernel writes at most len.
    cvt(unsafe { libc::getsockopt(fd, level, name, out.as_mut_ptr().cast(), &mut len) })?;
    Ok(len as usize)
}

fn as_bytes<T: Copy>(value: &T) -> &[u8] {
    // SAFETY: value is a live T, readable for size_of::<T>() bytes; the
    // types passed here (ints, C structs without padding) have no padding
    // bytes that would be uninitialised.
    unsafe { core::slice::from_raw_parts((value as *const T).cast(), size_of::<T>()) }
}
