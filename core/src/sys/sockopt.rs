//! `getsockopt(2)` and `setsockopt(2)`, over [`PlainData`] values or raw
//! bytes.

use core::mem::size_of;

use super::cvt;
use super::plain::{zeroed, PlainData};
use crate::errno::{Errno, Result};
use crate::fd::RawFd;

/// `setsockopt(2)` with a value of type `T` (an `int`, a `struct linger`, …),
/// which must be what the kernel expects at (level, name): given a smaller
/// one, it answers `EINVAL`.
#[inline]
pub(crate) fn setsockopt<T: PlainData>(fd: RawFd, level: i32, name: i32, value: &T) -> Result<()> {
    // The kernel copies the value's bytes, padding included; no Rust code
    // reads them as bytes, so padding needs no initialising.
    let ptr = (value as *const T).cast::<libc::c_void>();
    // SAFETY: value is a live T, readable for size_of::<T>() bytes.
    unsafe { setsockopt_ptr(fd, level, name, ptr, size_of::<T>()) }
}

/// `setsockopt(2)` with raw bytes.
#[inline]
pub(crate) fn setsockopt_bytes(fd: RawFd, level: i32, name: i32, value: &[u8]) -> Result<()> {
    // SAFETY: value is readable for its length.
    unsafe { setsockopt_ptr(fd, level, name, value.as_ptr().cast(), value.len()) }
}

/// `setsockopt(2)` of `len` bytes at `value`: `EINVAL` for more than
/// `socklen_t` holds.
///
/// # Safety
///
/// `value` must be readable for `len` bytes.
#[inline]
unsafe fn setsockopt_ptr(
    fd: RawFd,
    level: i32,
    name: i32,
    value: *const libc::c_void,
    len: usize,
) -> Result<()> {
    let len = libc::socklen_t::try_from(len).map_err(|_| Errno::EINVAL)?;
    // SAFETY: value is readable for len bytes (the caller's promise).
    cvt(unsafe { libc::setsockopt(fd, level, name, value, len) })?;
    Ok(())
}

/// `getsockopt(2)` into a value of type `T`, zero-filled first so that a
/// shorter answer from the kernel leaves the rest zero.
#[inline]
pub(crate) fn getsockopt<T: PlainData>(fd: RawFd, level: i32, name: i32) -> Result<T> {
    getsockopt_filled(fd, level, name).map(|(value, _)| value)
}

/// [`getsockopt`], with the length the kernel wrote: for a struct that
/// grows with the kernel (`struct tcp_info`), how much of it an older one
/// filled.
#[inline]
pub(crate) fn getsockopt_filled<T: PlainData>(
    fd: RawFd,
    level: i32,
    name: i32,
) -> Result<(T, usize)> {
    let mut value: T = zeroed();
    let mut len = size_of::<T>() as libc::socklen_t;
    let ptr = (&mut value as *mut T).cast::<libc::c_void>();
    // SAFETY: value is writable for len bytes, and the kernel writes at most
    // len; whatever it writes is a valid T (PlainData: any bits are).
    cvt(unsafe { libc::getsockopt(fd, level, name, ptr, &mut len) })?;
    // The kernel never reports more than it was given; the bound keeps that
    // a fact the callers need not take on trust.
    Ok((value, (len as usize).min(size_of::<T>())))
}

/// `getsockopt(2)` into raw bytes; returns the length the kernel wrote.
#[inline]
pub(crate) fn getsockopt_bytes(fd: RawFd, level: i32, name: i32, out: &mut [u8]) -> Result<usize> {
    let mut len = libc::socklen_t::try_from(out.len()).unwrap_or(libc::socklen_t::MAX);
    // SAFETY: out is writable for len bytes, and the kernel writes at most len.
    cvt(unsafe { libc::getsockopt(fd, level, name, out.as_mut_ptr().cast(), &mut len) })?;
    Ok(len as usize)
}
