//! The functions that parse, format and convert `sc_addr`, the
//! caller-allocated socket address (defined in `value.rs`).

#[cfg(feature = "options")]
pub mod interface;
pub mod value;

use core::ffi::{c_char, c_int};

use libc::{size_t, sockaddr, socklen_t};
use sockcore::{Errno, SocketAddr};

use crate::args::{self, int_return, write_c_text};
use value::sc_addr;

/// Parses `text` into `*out`: `"127.0.0.1:80"`, `"[::1]:80"`,
/// `"[fe80::1%2]:80"`, `"unix:/path"`, `"unix:@abstract"`, or `"unix:"` (the
/// unnamed Unix address). In Unix names `\xNN` stands for any byte.
///
/// Returns 0, or `-EINVAL` for malformed or non-UTF-8 text, `-ENAMETOOLONG`
/// for a Unix name longer than `sun_path` (108 bytes; 107 for an abstract
/// name), `-EFAULT` for a NULL pointer. `*out` is unchanged on error.
///
/// # Safety
///
/// `out` must be NULL or writable; `text` NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn sc_addr_parse(out: *mut sc_addr, text: *const c_char) -> c_int {
    // SAFETY: the caller's promises about out and text.
    unsafe { args::fill_addr(out, || args::parse_addr(text)) }
}

/// Formats `*addr` into `buf` as NUL-terminated text in the grammar
/// `sc_addr_parse` reads (so it parses back to the same address);
/// `SC_ADDR_STRLEN` bytes always suffice.
///
/// Returns the length written, without the NUL; or `-ENOSPC` when `len` is
/// too small, leaving `buf` holding `""` if `len > 0`; `-EFAULT` for a NULL
/// pointer, `-EINVAL` for `len` over `SSIZE_MAX` or an `sc_addr` whose
/// length exceeds its storage.
///
/// # Safety
///
/// `addr` must be NULL or an initialised `sc_addr`; `buf` NULL or writable
/// for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_addr_format(
    addr: *const sc_addr,
    buf: *mut c_char,
    len: size_t,
) -> c_int {
    // SAFETY: the caller's promise about addr.
    let addr = unsafe { args::addr(addr) };
    // SAFETY: the caller's promise about buf.
    let buf = unsafe { args::buf_mut(buf.cast(), len) };
    int_return(addr.and_then(|addr| {
        let len = write_c_text(buf?, |room| addr.format_into(room))?;
        // At most SC_ADDR_STRLEN - 1, far below INT_MAX.
        Ok(len as c_int)
    }))
}

/// Copies a C socket address, `len` bytes at `sa`, into `*out`: the bridge
/// from code that already has a `struct sockaddr`.
///
/// Returns 0, or `-EFAULT` for a NULL pointer, `-EINVAL` for a length larger
/// than `struct sockaddr_storage` or too short for the address's family.
///
/// # Safety
///
/// `out` must be NULL or writable; `sa` NULL or readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_addr_from_sockaddr(
    out: *mut sc_addr,
    sa: *const sockaddr,
    len: socklen_t,
) -> c_int {
    // SAFETY: the caller's promises about out and sa.
    unsafe { args::fill_addr(out, || SocketAddr::from_raw(sa, len)) }
}

/// The address as a `struct sockaddr *` for C calls such as `sendto(2)`,
/// valid while `*addr` is; its length is `sc_addr_len(addr)`.
///
/// Returns NULL when `addr` is NULL (the one function here that returns a
/// pointer rather than `-errno`).
///
/// # Safety
///
/// `addr` must be NULL or point at an `sc_addr`.
#[no_mangle]
pub unsafe extern "C" fn sc_addr_sockaddr(addr: *const sc_addr) -> *const sockaddr {
    // SAFETY: the caller's promise about addr.
    unsafe { args::sockaddr_of(addr) }
}

/// The meaningful length of `*addr` in bytes, as `connect(2)` and friends
/// take it alongside `sc_addr_sockaddr(addr)`.
///
/// Returns the length (0 for no address), or `-EFAULT` for NULL, `-EINVAL`
/// when the length exceeds the storage.
///
/// # Safety
///
/// `addr` must be NULL or an initialised `sc_addr`.
#[no_mangle]
pub unsafe extern "C" fn sc_addr_len(addr: *const sc_addr) -> c_int {
    // SAFETY: the caller's promise about addr.
    let addr = unsafe { args::addr(addr) };
    // At most sizeof(struct sockaddr_storage).
    int_return(addr.map(|addr| addr.len() as c_int))
}

/// The family of `*addr`: `AF_INET`, `AF_INET6`, `AF_UNIX`, or `AF_UNSPEC`
/// for no address (length 0).
///
/// Returns the family, or `-EFAULT` for NULL, `-EINVAL` when the length
/// exceeds the storage.
///
/// # Safety
///
/// `addr` must be NULL or an initialised `sc_addr`.
#[no_mangle]
pub unsafe extern "C" fn sc_addr_family(addr: *const sc_addr) -> c_int {
    // SAFETY: the caller's promise about addr.
    let addr = unsafe { args::addr(addr) };
    int_return(addr.map(SocketAddr::family))
}

/// The port of an IPv4 or IPv6 address, in host byte order (0 to 65535).
///
/// Returns the port, or `-EAFNOSUPPORT` for an address of another family,
/// `-EFAULT` for NULL, `-EINVAL` when the length exceeds the storage.
///
/// # Safety
///
/// `addr` must be NULL or an initialised `sc_addr`.
#[no_mangle]
pub unsafe extern "C" fn sc_addr_port(addr: *const sc_addr) -> c_int {
    // SAFETY: the caller's promise about addr.
    let addr = unsafe { args::addr(addr) };
    int_return(addr.and_then(|addr| addr.port().map(c_int::from).ok_or(Errno::EAFNOSUPPORT)))
}
