//! The kernel's numbers and layouts that the `libc` crate lacks on some or
//! all targets, each defined once here, with the kernel header it comes
//! from. Everything else comes from `libc`.
//!
//! The `libc` crate has no `SO_TIMESTAMP*_NEW` on musl, no `_OLD` names
//! anywhere, and on 32-bit ARM glibc its `SO_TIMESTAMPNS` is the old option
//! whose stamps hold a 32-bit `time_t`. This crate asks for the 64-bit
//! (`_NEW`) stamps by number, and reads both forms as the kernel writes
//! them: never through `libc::timespec`, whose width follows the C library
//! (musl 1.2 made it 64-bit on 32-bit targets, the kernel's old form did
//! not change).

use core::mem::size_of;

// include/uapi/asm-generic/socket.h, which x86, arm, aarch64, riscv,
// powerpc, mips and alpha share for these numbers; sparc has its own
// (arch/sparc/include/uapi/asm/socket.h). parisc differs too and has no
// Rust target.

/// `SO_TIMESTAMP_OLD`: receive stamps as the native `struct timeval`.
#[cfg(not(any(target_arch = "sparc", target_arch = "sparc64")))]
pub(crate) const SO_TIMESTAMP_OLD: libc::c_int = 29;
/// `SO_TIMESTAMPNS_OLD`: receive stamps as the native `struct timespec`.
#[cfg(not(any(target_arch = "sparc", target_arch = "sparc64")))]
pub(crate) const SO_TIMESTAMPNS_OLD: libc::c_int = 35;
/// `SO_TIMESTAMPING_OLD`: receive and transmit stamps, three native
/// `struct timespec`s.
#[cfg(not(any(target_arch = "sparc", target_arch = "sparc64")))]
pub(crate) const SO_TIMESTAMPING_OLD: libc::c_int = 37;
/// `SO_TIMESTAMP_NEW` (Linux 5.1): `struct __kernel_sock_timeval`, 64-bit.
#[cfg(not(any(target_arch = "sparc", target_arch = "sparc64")))]
pub(crate) const SO_TIMESTAMP_NEW: libc::c_int = 63;
/// `SO_TIMESTAMPNS_NEW` (Linux 5.1): `struct __kernel_timespec`, 64-bit.
#[cfg(not(any(target_arch = "sparc", target_arch = "sparc64")))]
pub(crate) const SO_TIMESTAMPNS_NEW: libc::c_int = 64;
/// `SO_TIMESTAMPING_NEW` (Linux 5.1): `struct scm_timestamping64`.
#[cfg(not(any(target_arch = "sparc", target_arch = "sparc64")))]
pub(crate) const SO_TIMESTAMPING_NEW: libc::c_int = 65;

#[cfg(any(target_arch = "sparc", target_arch = "sparc64"))]
pub(crate) const SO_TIMESTAMP_OLD: libc::c_int = 0x1d;
#[cfg(any(target_arch = "sparc", target_arch = "sparc64"))]
pub(crate) const SO_TIMESTAMPNS_OLD: libc::c_int = 0x21;
#[cfg(any(target_arch = "sparc", target_arch = "sparc64"))]
pub(crate) const SO_TIMESTAMPING_OLD: libc::c_int = 0x23;
#[cfg(any(target_arch = "sparc", target_arch = "sparc64"))]
pub(crate) const SO_TIMESTAMP_NEW: libc::c_int = 0x46;
#[cfg(any(target_arch = "sparc", target_arch = "sparc64"))]
pub(crate) const SO_TIMESTAMPNS_NEW: libc::c_int = 0x42;
#[cfg(any(target_arch = "sparc", target_arch = "sparc64"))]
pub(crate) const SO_TIMESTAMPING_NEW: libc::c_int = 0x43;

/// `__kernel_long_t` (include/uapi/asm-generic/posix_types.h): the
/// kernel's `long`, which the old stamps are made of; 64-bit on x32, where
/// C's `long` is not.
#[cfg(not(all(target_arch = "x86_64", target_pointer_width = "32")))]
pub(crate) type KernelLong = libc::c_long;
#[cfg(all(target_arch = "x86_64", target_pointer_width = "32"))]
pub(crate) type KernelLong = i64;

/// Bytes of `struct __kernel_old_timespec` and `__kernel_old_timeval`
/// (include/uapi/linux/time_types.h): two kernel `long`s, the
/// `SCM_TIMESTAMPNS_OLD`/`SCM_TIMESTAMP_OLD` payload (8 bytes on 32-bit
/// targets, 16 on 64-bit).
pub(crate) const OLD_TIMESPEC_SIZE: usize = 2 * size_of::<KernelLong>();

/// Bytes of `struct __kernel_timespec` and `__kernel_sock_timeval`
/// (include/uapi/linux/time_types.h): two `__s64`, on every target. On
/// 32-bit ARM a control message's data starts 4 bytes past an 8-byte
/// boundary, so one is never read in place.
pub(crate) const TIMESPEC64_SIZE: usize = 16;

/// `struct scm_timestamping` holds three timespecs (include/uapi/linux/
/// errqueue.h: `ts[0]` software, `ts[1]` unused, `ts[2]` raw hardware); so
/// does `scm_timestamping64`.
pub(crate) const TIMESTAMPING_STAMPS: usize = 3;

/// Bytes of `struct sock_extended_err` (include/uapi/linux/errqueue.h),
/// which the libc crate defines; the offender address follows it.
pub(crate) const EXTENDED_ERR_SIZE: usize = size_of::<libc::sock_extended_err>();

// include/uapi/linux/errqueue.h

/// `SO_EE_ORIGIN_ZEROCOPY`: a zero-copy send completed (`MSG_ZEROCOPY`).
pub(crate) const SO_EE_ORIGIN_ZEROCOPY: u8 = 5;
/// `SO_EE_CODE_ZEROCOPY_COPIED`: in a zero-copy completion's `ee_code`, the
/// kernel copied the data after all.
pub(crate) const SO_EE_CODE_ZEROCOPY_COPIED: u8 = 1;
/// `SO_EE_ORIGIN_TXTIME`: a packet dropped for missing its `SO_TXTIME`.
pub(crate) const SO_EE_ORIGIN_TXTIME: u8 = 6;
/// `SCM_TSTAMP_SND`: a transmit stamp taken as the packet left the stack.
pub const SCM_TSTAMP_SND: u32 = 0;
/// `SCM_TSTAMP_SCHED`: a transmit stamp taken when the packet was queued
/// for the device (`SOF_TIMESTAMPING_TX_SCHED`).
pub const SCM_TSTAMP_SCHED: u32 = 1;
/// `SCM_TSTAMP_ACK`: a transmit stamp taken when TCP data was acknowledged.
pub const SCM_TSTAMP_ACK: u32 = 2;

const _: () = assert!(EXTENDED_ERR_SIZE == 16);
