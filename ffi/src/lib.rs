//! The C ABI of sockcore: `libsockcore.a`, `libsockcore.so`, and the header
//! `include/sockcore.h` that the root build script generates from this crate
//! with cbindgen (every doc comment here becomes a comment in the header).
//!
//! Conventions every `sc_` function follows:
//!
//! - A return `>= 0` is success (a descriptor, a byte count, or 0); `< 0` is
//!   `-errno`, so C callers write `if ((ret = sc_f(...)) < 0) return ret;`.
//!   `sc_strerror` and `sc_errname` turn it into text.
//! - Bad input is an error code, never a crash: `-EFAULT` for a NULL pointer
//!   (unless the function says it may be NULL), `-EINVAL` for a length over
//!   `SSIZE_MAX`, for unknown flag bits and for a malformed address,
//!   `-ENAMETOOLONG` for a Unix socket name that does not fit `sun_path`.
//! - No global state, no allocation, nothing to initialise: every function
//!   may be called from any thread at any time. Descriptors are plain `int`s,
//!   created close-on-exec; sends never raise `SIGPIPE`.
//! - Domains, types and `SHUT_*` values are the system's own constants.
//!
//! Three parts are optional, as cargo features on by default: `messages`
//! (`sc_sendmsg`/`sc_recvmsg`, batches, descriptor passing, credentials),
//! `options` (the typed option calls), `server` (epoll, `TCP_INFO`, TCP
//! Fast Open, sendfile) and `udp-offload` (UDP segmentation offload:
//! `sc_send_segments`, `sc_recv_segments`, `sc_udp_offload_*`,
//! `sc_set_udp_gro`, ...). `--no-default-features` builds the base library
//! for small systems: the server/client flow, byte moving, addresses,
//! errors, poll, the time-out calls and the raw
//! `sc_getsockopt`/`sc_setsockopt`. The header declares everything, the
//! optional parts inside `#if defined(SOCKCORE_HAVE_MESSAGES)`,
//! `SOCKCORE_HAVE_OPTIONS`, `SOCKCORE_HAVE_SERVER` and
//! `SOCKCORE_HAVE_UDP_OFFLOAD` blocks (cbindgen.toml's `[defines]` turns the
//! `cfg` attributes below into those).
//!
//! Only the C artifacts contain this crate, so the panic handler below never
//! meets the standard library's. It aborts: no panic may unwind into C, and
//! none is expected, since the code avoids panicking operations.
#![no_std]
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]

// As in the core: the C library exists for Linux only.
#[cfg(not(target_os = "linux"))]
compile_error!("sockcore is for Linux only: it wraps Linux system calls and socket options");

// Where things live: each folder holds the exports of one family of the
// core (sockcore) and has the core's folder name; the header lists the
// groups in this order (one declaration per blank-line-separated group, so
// that rustfmt keeps it). args.rs holds every check of a C argument and
// every conversion of a result to a C return.
mod args;

pub mod constants;

pub mod addr;

pub mod socket;

#[cfg(feature = "messages")]
pub mod msg;

#[cfg(feature = "udp-offload")]
pub mod udp;

pub mod poll;

pub mod options;

pub mod errno;

pub mod version;

#[cfg(not(test))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    // SAFETY: abort takes no arguments and never returns.
    unsafe { libc::abort() }
}

/// The unwinding personality routine that the precompiled `core` refers to
/// from its unwind tables when it is linked without LTO, as in debug builds;
/// without it the debug libraries would not link into a C program. It is
/// never called: a panic aborts, so nothing unwinds. Release builds (LTO)
/// drop those references, and this with them.
#[cfg(all(not(test), debug_assertions))]
#[no_mangle]
extern "C" fn rust_eh_personality() {}
