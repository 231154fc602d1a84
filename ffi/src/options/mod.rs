//! Socket options: raw `sc_getsockopt`/`sc_setsockopt` for any option; the
//! typed calls live in one file per level or topic (`socket.rs`, `tcp.rs`,
//! `ip.rs`, `multicast.rs`, `udp.rs`, `control.rs` for the switches that
//! turn on received control messages, `path_mtu.rs`), each taking its
//! option from the core's table (`sockcore::options`), and the server's TCP
//! options in `fastopen.rs` and `tcp_info.rs` (`server` feature).
//!
//! Typed setters return 0 or `-errno`; typed getters return the value
//! (`>= 0`: 1 or 0 for a switch) or `-errno`. A switch is on for any
//! non-zero `on`. Every one of them may also return `-EBADF`, `-ENOTSOCK`,
//! and `-ENOPROTOOPT` for an option the socket's protocol lacks (such as a
//! TCP option on a UDP socket); those are not repeated below.

// The credentials calls (messages) use only its switches, the server
// calls its counts and switches, the UDP offload options (udp-offload) its
// switch and count calls.
#[cfg(any(
    feature = "messages",
    feature = "options",
    feature = "server",
    feature = "udp-offload"
))]
#[cfg_attr(not(feature = "options"), allow(dead_code))]
pub(crate) mod convert;

// The header lists the groups in this order, after the raw calls below.
#[cfg(feature = "options")]
pub mod socket;

#[cfg(feature = "options")]
pub mod tcp;

#[cfg(feature = "server")]
pub mod fastopen;

#[cfg(feature = "server")]
pub mod tcp_info;

#[cfg(feature = "options")]
pub mod ip;

#[cfg(feature = "options")]
pub mod multicast;

#[cfg(feature = "options")]
pub mod control;

#[cfg(feature = "options")]
pub mod path_mtu;

#[cfg(feature = "udp-offload")]
pub mod udp;

use core::ffi::{c_int, c_void};

use libc::{size_t, socklen_t};

use crate::args::{self, unit_return};

/// `getsockopt(2)`: copies the value of option `name` at `level`
/// (`SOL_SOCKET`, `IPPROTO_TCP`, …) into `value`, which holds `*len` bytes;
/// on return `*len` is the length the kernel wrote.
///
/// Returns 0, or `-EFAULT` for a NULL `value` or `len`, `-ENOPROTOOPT` (no
/// such option at that level), `-EINVAL` (a length the option rejects),
/// `-EBADF`, `-ENOTSOCK`. `*len` is unchanged on error.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `len` NULL or a valid
/// `socklen_t`; `value` NULL or writable for `*len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_getsockopt(
    fd: c_int,
    level: c_int,
    name: c_int,
    value: *mut c_void,
    len: *mut socklen_t,
) -> c_int {
    // SAFETY: the caller's promise about len.
    let len = unsafe { args::out_ref(len) };
    unit_return(len.and_then(|len| {
        // SAFETY: the caller's promises about value and *len, and fd.
        let written = unsafe {
            let value = args::buf_mut(value, *len as size_t)?;
            args::socket(fd).option_raw(level, name, value)?
        };
        // At most the *len the caller gave, so it fits.
        *len = written as socklen_t;
        Ok(())
    }))
}

/// `setsockopt(2)`: sets option `name` at `level` from the `len` bytes at
/// `value`.
///
/// Returns 0, or `-EFAULT` for a NULL `value`, `-ENOPROTOOPT` (no such
/// option at that level), `-EINVAL` (a value or length the option rejects),
/// `-EPERM` (a privileged option), `-EBADF`, `-ENOTSOCK`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `value` NULL or readable for
/// `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_setsockopt(
    fd: c_int,
    level: c_int,
    name: c_int,
    value: *const c_void,
    len: socklen_t,
) -> c_int {
    // SAFETY: the caller's promises about fd and value.
    unit_return(unsafe {
        args::buf(value, len as size_t)
            .and_then(|value| args::socket(fd).set_option_raw(level, name, value))
    })
}
