//! C arguments to Rust values, and Rust results to C returns: the checks
//! every `sc_` function shares (NULL, lengths, flag bits), in one place,
//! and text written into a caller's `char` buffer.

use core::ffi::{c_char, c_int, c_void, CStr};

use libc::{size_t, ssize_t};
use sockcore::{BorrowedSocket, Errno, MsgFlags, SockFlags, SocketAddr};

use crate::addr::value::sc_addr;

/// `Ok(n)` as `n`, `Err(errno)` as `-errno`: the C ABI's `int` return.
#[inline]
pub(crate) fn int_return(result: Result<c_int, Errno>) -> c_int {
    match result {
        Ok(value) => value,
        Err(errno) => -errno.raw(),
    }
}

/// `Ok(())` as 0, `Err(errno)` as `-errno`.
#[inline]
pub(crate) fn unit_return(result: Result<(), Errno>) -> c_int {
    int_return(result.map(|()| 0))
}

/// A byte count as `ssize_t`, `Err(errno)` as `-errno`.
///
/// Every count comes from the kernel's own `ssize_t` (or is at most a length
/// [`buf`] capped at `SSIZE_MAX`), so the saturation never happens.
#[inline]
pub(crate) fn size_return(result: Result<usize, Errno>) -> ssize_t {
    match result {
        Ok(count) => ssize_t::try_from(count).unwrap_or(ssize_t::MAX),
        Err(errno) => -(errno.raw() as ssize_t),
    }
}

/// A socket descriptor the C caller owns, for the duration of one call.
///
/// # Safety
///
/// None beyond the C caller's own promise: the descriptor is only passed to
/// system calls, so a closed or invalid one just makes the kernel answer
/// `EBADF` (or `ENOTSOCK`); no memory depends on it.
#[inline]
pub(crate) unsafe fn socket<'call>(fd: c_int) -> BorrowedSocket<'call> {
    // SAFETY: see above; the borrow ends with the C call.
    unsafe { BorrowedSocket::borrow_raw(fd) }
}

/// The C length check: `EINVAL` over `SSIZE_MAX`, because the count
/// returned must fit `ssize_t`.
#[inline]
fn check_len(len: size_t) -> Result<usize, Errno> {
    if len > ssize_t::MAX as size_t {
        return Err(Errno::EINVAL);
    }
    Ok(len)
}

/// `len` bytes at `ptr`, to read. `EFAULT` for NULL, `EINVAL` for a length
/// over `SSIZE_MAX`.
///
/// # Safety
///
/// Unless NULL, `ptr` must be readable for `len` bytes for `'call`.
#[inline]
pub(crate) unsafe fn buf<'call>(ptr: *const c_void, len: size_t) -> Result<&'call [u8], Errno> {
    if ptr.is_null() {
        return Err(Errno::EFAULT);
    }
    let len = check_len(len)?;
    // SAFETY: non-NULL, readable for len bytes (the caller's promise), and
    // len fits isize as from_raw_parts requires.
    Ok(unsafe { core::slice::from_raw_parts(ptr.cast(), len) })
}

/// `len` bytes at `ptr`, for the kernel to write into. Checks as [`buf`].
///
/// The bytes may be uninitialised C memory: only the kernel writes them and
/// nothing in Rust reads them, so the slice is a way to pass pointer and
/// length, not a promise about the contents.
///
/// # Safety
///
/// Unless NULL, `ptr` must be writable for `len` bytes for `'call`, and not
/// otherwise accessed meanwhile.
#[inline]
pub(crate) unsafe fn buf_mut<'call>(
    ptr: *mut c_void,
    len: size_t,
) -> Result<&'call mut [u8], Errno> {
    if ptr.is_null() {
        return Err(Errno::EFAULT);
    }
    let len = check_len(len)?;
    // SAFETY: non-NULL, writable for len bytes and exclusive for the call
    // (the caller's promise); len fits isize.
    Ok(unsafe { core::slice::from_raw_parts_mut(ptr.cast(), len) })
}

/// A NUL-terminated C string parsed as an address
/// ([`SocketAddr::parse_bytes`]): `EFAULT` for NULL, `EINVAL` for text
/// that is malformed or not UTF-8, `ENAMETOOLONG` for a Unix name too long.
///
/// # Safety
///
/// Unless NULL, `text` must point at a NUL-terminated string.
#[inline]
pub(crate) unsafe fn parse_addr(text: *const c_char) -> Result<SocketAddr, Errno> {
    if text.is_null() {
        return Err(Errno::EFAULT);
    }
    // SAFETY: non-NULL and NUL-terminated (the caller's promise).
    let text = unsafe { CStr::from_ptr(text) };
    SocketAddr::parse_bytes(text.to_bytes())
}

/// A caller's address: `EFAULT` for NULL, `EINVAL` when its length is larger
/// than its storage (a struct filled by hand, or never filled).
///
/// # Safety
///
/// Unless NULL, `addr` must point at an initialised `sc_addr`.
#[inline]
pub(crate) unsafe fn addr<'call>(addr: *const sc_addr) -> Result<&'call SocketAddr, Errno> {
    // SAFETY: NULL or valid (the caller's promise).
    let raw = unsafe { addr.as_ref() }.ok_or(Errno::EFAULT)?;
    if raw.len as usize > core::mem::size_of::<libc::sockaddr_storage>() {
        return Err(Errno::EINVAL);
    }
    // SAFETY: sc_addr has SocketAddr's layout (asserted in addr/value.rs), every
    // bit pattern of it is a valid SocketAddr, and its length is in range.
    Ok(unsafe { &*(raw as *const sc_addr).cast::<SocketAddr>() })
}

/// Stores `value` in the caller's `sc_addr`.
///
/// # Safety
///
/// `out` must be non-NULL and writable for one `sc_addr`.
#[inline]
pub(crate) unsafe fn store_addr(out: *mut sc_addr, value: SocketAddr) {
    // SAFETY: sc_addr has SocketAddr's layout (asserted in addr/value.rs), and out
    // is writable (the caller's promise).
    unsafe { out.cast::<SocketAddr>().write(value) }
}

/// The C return of a call that fills the caller's `*out`: `-EFAULT` for a
/// NULL `out` (checked before `get` runs, so no system call is wasted), the
/// `-errno` of `get`, or 0 once the address is stored.
///
/// # Safety
///
/// `out` must be NULL or writable for one `sc_addr`.
#[inline]
pub(crate) unsafe fn fill_addr(
    out: *mut sc_addr,
    get: impl FnOnce() -> Result<SocketAddr, Errno>,
) -> c_int {
    if out.is_null() {
        return -libc::EFAULT;
    }
    unit_return(get().map(|addr| {
        // SAFETY: out is non-NULL and writable (the caller's promise).
        unsafe { store_addr(out, addr) }
    }))
}

/// Socket creation flags: `EINVAL` for bits other than `SC_NONBLOCK`.
#[inline]
pub(crate) fn sock_flags(flags: c_int) -> Result<SockFlags, Errno> {
    SockFlags::from_bits(flags).ok_or(Errno::EINVAL)
}

/// Message flags: `EINVAL` for bits that are not an `SC_MSG_*` constant.
#[inline]
pub(crate) fn msg_flags(flags: c_int) -> Result<MsgFlags, Errno> {
    MsgFlags::from_bits(flags).ok_or(Errno::EINVAL)
}

/// Writes text with `write` into `buf` followed by a NUL, and returns the
/// text's length (without the NUL).
///
/// `write` gets all of `buf` but the last byte, which is kept for the NUL,
/// and returns the length it wrote there. When it fails (or `buf` has no
/// room even for the NUL: `ENOSPC`), `buf` is left holding `""` if it has a
/// byte at all.
pub(crate) fn write_c_text(
    buf: &mut [u8],
    write: impl FnOnce(&mut [u8]) -> Result<usize, Errno>,
) -> Result<usize, Errno> {
    let result = match buf.split_last_mut() {
        None => Err(Errno::ENOSPC),
        Some((_, room)) => write(room),
    };
    // After the text, or at the start when there is none.
    if let Some(nul) = buf.get_mut(result.unwrap_or(0)) {
        *nul = 0;
    }
    result
}
