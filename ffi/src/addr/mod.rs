//! The functions that parse, format and convert `sc_addr`, the
//! caller-allocated socket address (defined in `value.rs`).

#[cfg(feature = "options")]
pub mod interface;
pub mod value;

use core::ffi::{c_char, c_int, c_void};

use libc::{size_t, sockaddr, socklen_t};
use sockcore::{Errno, SocketAddr};

use crate::args::{self, int_return, unit_return, write_c_text};
use value::sc_addr;

/// Parses `text` into `*out`. Numbers only: no host name is resolved
/// (`"localhost:80"` is `-EINVAL`), so parsing never touches DNS, files or
/// the network.
///
/// - `"127.0.0.1:80"`: IPv4, four decimal numbers 0 to 255 without leading
///   zeros (`"01"` is refused: `inet_aton(3)` reads it as octal).
/// - `"[::1]:80"`, `"[2001:db8::ff00:42:8329]:443"`,
///   `"[::ffff:192.0.2.1]:80"`: IPv6 as RFC 4291 writes it, in brackets.
/// - `"[fe80::1%2]:80"`: IPv6 with a numeric scope id (0 to 4294967295).
/// - `"[fe80::1%eth0]:80"`, `"[::1%lo]:80"`: IPv6 with an interface name
///   as the scope, as `getaddrinfo(3)` reads it: looked up as
///   `if_nametoindex(3)` does; 1 to 15 printable ASCII bytes other than
///   `/ : % [ ]`. A scope of digits only is a number.
/// - `"unix:/run/x.sock"`, `"unix:relative/x.sock"`: a Unix path, 1 to 108
///   bytes (108 fill `sun_path` with no NUL).
/// - `"unix:@name"`: a Unix abstract name, 0 to 107 bytes.
/// - `"unix:"`: the unnamed Unix address (binding it autobinds a name).
///
/// Ports are decimal, 0 to 65535, leading zeros allowed. In Unix names
/// `\xNN` (two hex digits) stands for any byte. Nothing may precede or
/// follow the address, spaces included. `sc_addr_format` writes the same
/// grammar back, a scope as its number.
///
/// Returns 0, or `-EINVAL` for malformed or non-UTF-8 text, `-ENODEV` for
/// a well-formed interface name no interface has, `-ENAMETOOLONG` for a
/// Unix name longer than `sun_path` (108 bytes; 107 for an abstract name),
/// `-EFAULT` for a NULL pointer. `*out` is unchanged on error.
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

/// An IPv4 address from numbers into `*out`: `ip` is the 4 bytes of the
/// address in network order, as written (`{127, 0, 0, 1}`), `port` a
/// number in host order. No text is involved.
///
/// Returns 0, or `-EFAULT` for a NULL pointer. `*out` is unchanged on
/// error.
///
/// # Safety
///
/// `out` must be NULL or writable; `ip` NULL or readable for 4 bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_addr_ipv4(out: *mut sc_addr, ip: *const u8, port: u16) -> c_int {
    // SAFETY: the caller's promises about out and ip.
    unsafe { args::fill_addr(out, || Ok(SocketAddr::v4(*args::in_ref(ip.cast())?, port))) }
}

/// An IPv6 address from numbers into `*out`: `ip` is the 16 bytes of the
/// address in network order, `port` a number in host order, `scope_id` the
/// interface index of a link-local address (0 for none; see
/// `sc_interface_index`). The flow label is 0.
///
/// Returns 0, or `-EFAULT` for a NULL pointer. `*out` is unchanged on
/// error.
///
/// # Safety
///
/// `out` must be NULL or writable; `ip` NULL or readable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_addr_ipv6(
    out: *mut sc_addr,
    ip: *const u8,
    port: u16,
    scope_id: u32,
) -> c_int {
    // SAFETY: the caller's promises about out and ip.
    unsafe {
        args::fill_addr(out, || {
            Ok(SocketAddr::v6(*args::in_ref(ip.cast())?, port, 0, scope_id))
        })
    }
}

/// The longest path `sc_addr_unix` takes: one byte less than `sun_path`,
/// so that a NUL always follows it there.
const UNIX_PATH_C_MAX: usize = sockcore::UNIX_PATH_MAX - 1;

/// A Unix address bound to the filesystem path `path` into `*out`.
///
/// The path is 1 to 107 bytes, so that `sun_path` always holds its NUL and
/// C code may read it as a string; `sc_addr_parse("unix:...")` also takes
/// a path of the full 108 bytes, which fills `sun_path` with no NUL.
///
/// Returns 0, or `-ENAMETOOLONG` for a path past 107 bytes, `-EINVAL` for
/// an empty one, `-EFAULT` for a NULL pointer. `*out` is unchanged on
/// error.
///
/// # Safety
///
/// `out` must be NULL or writable; `path` NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn sc_addr_unix(out: *mut sc_addr, path: *const c_char) -> c_int {
    // SAFETY: the caller's promises about out and path.
    unsafe {
        args::fill_addr(out, || {
            let path = args::c_str(path)?;
            if path.len() > UNIX_PATH_C_MAX {
                return Err(Errno::ENAMETOOLONG);
            }
            SocketAddr::unix_path(path)
        })
    }
}

/// A Unix address in the abstract namespace into `*out`: the `len` bytes
/// at `name`, which may hold any byte, NULs included (`"unix:@name"` in
/// text). Nothing appears in the filesystem; the name goes when its last
/// socket closes.
///
/// Returns 0, or `-ENAMETOOLONG` for `len` past 107 (`sun_path` less its
/// leading NUL), `-EFAULT` for a NULL pointer (even with `len` 0),
/// `-EINVAL` for `len` over `SSIZE_MAX`. `*out` is unchanged on error.
///
/// # Safety
///
/// `out` must be NULL or writable; `name` NULL or readable for `len`
/// bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_addr_unix_abstract(
    out: *mut sc_addr,
    name: *const c_void,
    len: size_t,
) -> c_int {
    // SAFETY: the caller's promises about out and name.
    unsafe { args::fill_addr(out, || SocketAddr::unix_abstract(args::buf(name, len)?)) }
}

/// Sets the port of the IPv4 or IPv6 address `*addr` (a number in host
/// order), leaving the rest as it is: to reuse an address with another
/// port, or one from `sc_local_addr`.
///
/// Returns 0, or `-EAFNOSUPPORT` for an address of another family (a Unix
/// address, or none), `-EFAULT` for NULL, `-EINVAL` when its length
/// exceeds its storage. `*addr` is unchanged on error.
///
/// # Safety
///
/// `addr` must be NULL or an initialised, writable `sc_addr`.
#[no_mangle]
pub unsafe extern "C" fn sc_addr_set_port(addr: *mut sc_addr, port: u16) -> c_int {
    // SAFETY: the caller's promise about addr.
    let addr = unsafe { args::addr_mut(addr) };
    unit_return(addr.and_then(|addr| addr.set_port(port)))
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

/// Whether `a` and `b` are the same address: the same family and the
/// bytes that mean something in it (IPv4: address and port; IPv6: address,
/// port, flow info and scope id; Unix: the path, the abstract name, or
/// both unnamed), never the storage's padding or bytes past the length.
/// `memcmp` of two `sc_addr`s is not that: it reads those too.
///
/// Returns 1 (the same), 0 (not), or `-EFAULT` for a NULL argument,
/// `-EINVAL` when a length exceeds the storage.
///
/// # Safety
///
/// `a` and `b` must each be NULL or an initialised `sc_addr`.
#[no_mangle]
pub unsafe extern "C" fn sc_addr_equal(a: *const sc_addr, b: *const sc_addr) -> c_int {
    // SAFETY: the caller's promises about a and b.
    let both = unsafe { args::addr(a).and_then(|a| Ok((a, args::addr(b)?))) };
    int_return(both.map(|(a, b)| c_int::from(a == b)))
}
