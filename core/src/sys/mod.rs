//! The one place that talks to libc.
//!
//! Every system call this crate makes goes through a function here, and so
//! does the raw work around them: `msghdr`s built from borrowed buffers,
//! the control bytes a receive filled, C structs made all-zero or read from
//! bytes ([`PlainData`]). Each wrapper is `#[inline]` so that a call through
//! the public API compiles down to the libc call itself, with no extra
//! frame.
//!
//! The rest of the crate is safe Rust over these functions, except for
//! `unsafe` of four kinds, each block with its `// SAFETY:` line:
//!
//! - Owning a descriptor the kernel just returned: `Socket::from_raw_fd`
//!   after `socket`, `socketpair` and `accept4` (`socket/`), in
//!   `OwnedFd::into_socket` (`fd.rs`), the received descriptors of
//!   `ReceivedControl` (`msg/mod.rs`, `msg/cmsg/received.rs`), and
//!   `Epoll::from_raw_fd` after `epoll_create1` (`poll/epoll.rs`).
//! - The casts that define a type's layout: `BorrowedSocket` and `Socket`
//!   as `SocketFd` (`socket/mod.rs`), a descriptor as the niche-carrying
//!   `ValidFd` and back (`fd_niche.rs`), `IoSlice`/`IoSliceMut` as the bytes they describe
//!   (`iovec.rs`), `MmsgHdr` arrays as `mmsghdr` arrays and a received
//!   address as the caller's `SocketAddr` (`msg/mmsg.rs`), a `SocketAddr`'s
//!   storage as `sockaddr_in`/`sockaddr_in6`/`sockaddr_un` (`addr/mod.rs`),
//!   bytes the kernel or the builder initialised as `[u8]`
//!   (`socket/io.rs`, `msg/cmsg/builder.rs`, which also writes a
//!   `cmsghdr` unaligned, and the control bytes of a batch in
//!   `udp/batch.rs`), and std's iovec types as ours (`std_interop.rs`);
//!   plus the `Send`/`Sync` of the borrowing iovec and `mmsghdr` types.
//! - `SocketAddr::from_raw`, which copies an address from a C pointer.
//! - The public raw calls over a caller's C headers (`send_msg_raw`,
//!   `recv_msg_raw`, `send_mmsg_raw`, `recv_mmsg_raw` in `msg/`), which pass
//!   their caller's promise on to the unsafe calls here; and the batch
//!   receive of `udp/batch.rs`, which hands `recv_mmsg_raw` headers built
//!   by [`recv_header`] from its own exclusive borrows.
//!
//! EINTR policy: a wrapper makes exactly one call and returns `EINTR` to its
//! caller like libc does. Only the loops that promise completion
//! (`write_all`, `read_exact`, `send_file_all`, the time-out waits) retry
//! it.

mod epoll;
mod interface;
mod io;
mod msg;
#[cfg(all(
    target_env = "musl",
    target_pointer_width = "64",
    target_endian = "little"
))]
mod musl64;
mod plain;
mod poll;
mod process;
mod sendfile;
mod signal;
mod socket;
mod sockopt;

pub(crate) use epoll::*;
pub(crate) use interface::*;
pub(crate) use io::*;
pub(crate) use msg::*;
pub(crate) use plain::*;
pub(crate) use poll::*;
pub(crate) use process::*;
pub(crate) use sendfile::*;
pub(crate) use signal::*;
pub(crate) use socket::*;
pub(crate) use sockopt::*;

use crate::errno::Errno;

// The libraries a program needs under this crate, named here because the
// `libc` crate names them only when `std` does: a `#![no_std]` program that
// links sockcore would otherwise fail to link (`socket`, `__libc_start_main`
// undefined) unless its author passed `-C link-arg=-lc`. Programs with std
// already link both, and naming them twice changes nothing.
//
// - musl: the C library itself (libc.a for a static program, libc.so for a
//   shared library). libc links glibc's on its own.
// - 32-bit ARM with glibc: the unwinder's personality routine
//   (`__aeabi_unwind_cpp_pr0`), which the ARM exception tables of `core`'s
//   precompiled code refer to even under `panic = "abort"`; std gets it from
//   libgcc_s (libgcc_eh when linked statically), so this does the same.
#[cfg(target_env = "musl")]
#[link(name = "c")]
extern "C" {}

#[cfg(all(
    target_arch = "arm",
    target_env = "gnu",
    not(target_feature = "crt-static")
))]
#[link(name = "gcc_s")]
extern "C" {}

#[cfg(all(target_arch = "arm", target_env = "gnu", target_feature = "crt-static"))]
#[link(name = "gcc_eh", kind = "static", modifiers = "-bundle")]
extern "C" {}

/// The calling thread's `errno`.
#[inline]
pub(crate) fn last_errno() -> Errno {
    // SAFETY: __errno_location returns a valid pointer to this thread's errno.
    Errno::from_raw(unsafe { *libc::__errno_location() })
}

/// Turns libc's `-1 and errno` convention for an `int` result into a `Result`.
#[inline]
pub(crate) fn cvt(ret: libc::c_int) -> crate::errno::Result<libc::c_int> {
    if ret < 0 {
        Err(last_errno())
    } else {
        Ok(ret)
    }
}

/// Turns libc's `-1 and errno` convention for an `ssize_t` result into a
/// byte count.
#[inline]
pub(crate) fn cvt_size(ret: libc::ssize_t) -> crate::errno::Result<usize> {
    if ret < 0 {
        Err(last_errno())
    } else {
        Ok(ret as usize)
    }
}
