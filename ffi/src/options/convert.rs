//! C option values to Rust and back: the `int` conventions every typed
//! option export shares, and the shared calls of the options whose value is
//! one `int`.
//!
//! The C conventions: a switch is on for any non-zero value and reads back
//! as 1 or 0; a count, size or time is `-EINVAL` when negative; a traffic
//! byte (`IP_TOS`, `IPV6_TCLASS`) is `-EINVAL` outside 0..=255. Values read
//! back are what the kernel holds, which is never negative for these
//! options (a negative one would read as 0, as the Rust API's unsigned
//! types have it).
//!
//! The options whose value is one `int` (switches, counts, sizes, times,
//! hop limits and traffic bytes) share one out-of-line `setsockopt` and one
//! `getsockopt` per kind of value, taking the option's level and name from
//! the core's table. Each export is then a range check and a tail call,
//! about 20 bytes of code, where an inlined system call and its error
//! conversion took about 100: over 42 exports, that is 3-4 KiB of a library
//! that tests/size.rs budgets. Options are never on a hot path, so the
//! extra call costs nothing measurable.

use core::ffi::{c_char, c_int};
use core::time::Duration;

use libc::size_t;
use sockcore::options::{
    Bits, Byte, Count, Cpu, Micros, Millis, Opt, PmtuMode, Seconds, Size, StampFlags, Switch,
};
use sockcore::{Errno, SocketFd, IFNAMSIZ, TCP_CA_NAME_MAX};

use crate::args::{self, int_return, unit_return, write_c_text};

/// Bytes of a name option's buffer, NUL included: interface names
/// (`IFNAMSIZ`) and congestion control algorithms (`TCP_CA_NAME_MAX`) have
/// the same, so one reader serves both.
const NAME_MAX: usize = IFNAMSIZ;

const _: () = assert!(TCP_CA_NAME_MAX == NAME_MAX);

/// The kinds whose C value is a count, size, time, mode or flags: a
/// non-negative `int`.
pub(crate) trait NonNegative {}

impl NonNegative for Count {}
impl NonNegative for PmtuMode {}
impl NonNegative for StampFlags {}
impl NonNegative for Size {}
impl NonNegative for Seconds {}
impl NonNegative for Millis {}
impl NonNegative for Micros {}
impl NonNegative for Cpu {}

/// `setsockopt(fd, level, name, &value, sizeof(int))`, as a C return.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline(never)]
unsafe fn set(fd: c_int, level: c_int, name: c_int, value: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unit_return(unsafe { args::socket(fd) }.set_int_option(level, name, value))
}

/// `getsockopt` of an `int`, mapped by `read`, as a C return.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline]
unsafe fn get(fd: c_int, level: c_int, name: c_int, read: fn(c_int) -> c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    int_return(
        unsafe { args::socket(fd) }
            .int_option(level, name)
            .map(read),
    )
}

/// Sets a switch: on (1) for any non-zero `on`.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline]
pub(crate) unsafe fn set_switch(fd: c_int, opt: Opt<Switch>, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { set(fd, opt.level(), opt.name(), c_int::from(switch(on))) }
}

/// Sets a count, size or time: `-EINVAL` when negative.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline]
pub(crate) unsafe fn set_count<K: NonNegative>(fd: c_int, opt: Opt<K>, value: c_int) -> c_int {
    if value < 0 {
        return -libc::EINVAL;
    }
    // SAFETY: the caller's promise about fd.
    unsafe { set(fd, opt.level(), opt.name(), value) }
}

/// Sets a traffic byte: `-EINVAL` outside 0..=255.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline]
pub(crate) unsafe fn set_byte(fd: c_int, opt: Opt<Byte>, value: c_int) -> c_int {
    if !(0..=255).contains(&value) {
        return -libc::EINVAL;
    }
    // SAFETY: the caller's promise about fd.
    unsafe { set(fd, opt.level(), opt.name(), value) }
}

/// Sets 32 bits the kernel keeps unsigned (a mark): all of them, through
/// an `int` with the same bits.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline]
pub(crate) unsafe fn set_bits(fd: c_int, opt: Opt<Bits>, value: u32) -> c_int {
    let value = c_int::from_ne_bytes(value.to_ne_bytes());
    // SAFETY: the caller's promise about fd.
    unsafe { set(fd, opt.level(), opt.name(), value) }
}

/// Reads 32 bits the kernel keeps unsigned into `*out`: 0, `-EFAULT` for
/// a NULL `out` (before any system call), or `-errno`.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor; `out` NULL
/// or writable.
#[inline]
pub(crate) unsafe fn get_bits(fd: c_int, opt: Opt<Bits>, out: *mut u32) -> c_int {
    // SAFETY: the caller's promises; u32 and c_int have one size and
    // alignment, and every bit pattern is valid in both.
    unsafe { get_into(fd, opt.level(), opt.name(), out.cast()) }
}

/// Reads a CPU number into `*out`, -1 for none yet: 0, `-EFAULT` for a
/// NULL `out` (before any system call), or `-errno`.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor; `out` NULL
/// or writable.
#[inline]
pub(crate) unsafe fn get_cpu(fd: c_int, opt: Opt<Cpu>, out: *mut c_int) -> c_int {
    // SAFETY: the caller's promises.
    unsafe { get_into(fd, opt.level(), opt.name(), out) }
}

/// `getsockopt` of an `int` into `*out` as the kernel has it: the one copy
/// the calls with an out-parameter share.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor; `out` NULL
/// or writable.
#[inline(never)]
unsafe fn get_into(fd: c_int, level: c_int, name: c_int, out: *mut c_int) -> c_int {
    // SAFETY: the caller's promise about out.
    let out = unsafe { args::out_ref(out) };
    unit_return(out.and_then(|out| {
        // SAFETY: the caller's promise about fd.
        *out = unsafe { args::socket(fd) }.int_option(level, name)?;
        Ok(())
    }))
}

/// Sets a name option with `write` (`SocketFd::set_bind_device`,
/// `SocketFd::set_congestion`) from the caller's NUL-terminated `name`: 0,
/// `-EFAULT` for a NULL `name`, or the errors of `write`.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor; `name` NULL
/// or NUL-terminated.
#[inline(never)]
pub(crate) unsafe fn set_name(
    fd: c_int,
    name: *const c_char,
    write: fn(&SocketFd, &[u8]) -> Result<(), Errno>,
) -> c_int {
    // SAFETY: the caller's promise about name.
    let name = unsafe { args::c_str(name) };
    // SAFETY: the caller's promise about fd.
    let socket = unsafe { args::socket(fd) };
    unit_return(name.and_then(|name| write(&socket, name)))
}

/// Reads a name option with `read` (`SocketFd::bind_device`,
/// `SocketFd::congestion`) into the caller's `buf` of `len` bytes,
/// NUL-terminated: its length without the NUL, or `-EFAULT` for a NULL
/// `buf`, `-EINVAL` for `len` over `SSIZE_MAX`, `-ENOSPC` when the name and
/// its NUL do not fit, or `-errno`.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor; `buf` NULL
/// or writable for `len` bytes.
#[inline(never)]
pub(crate) unsafe fn get_name(
    fd: c_int,
    buf: *mut c_char,
    len: size_t,
    read: fn(&SocketFd, &mut [u8; NAME_MAX]) -> Result<usize, Errno>,
) -> c_int {
    // SAFETY: the caller's promise about buf.
    let buf = unsafe { args::buf_mut(buf.cast(), len) };
    let written = buf.and_then(|buf| {
        let mut name = [0u8; NAME_MAX];
        // SAFETY: the caller's promise about fd.
        let socket = unsafe { args::socket(fd) };
        let name_len = read(&socket, &mut name)?;
        let name = name.get(..name_len).unwrap_or_default();
        write_c_text(buf, |room| {
            let room = room.get_mut(..name.len()).ok_or(Errno::ENOSPC)?;
            room.copy_from_slice(name);
            Ok(name.len())
        })
    });
    // Below NAME_MAX, so it fits an int.
    int_return(written.map(|len| len as c_int))
}

/// Reads a switch: 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline]
pub(crate) unsafe fn get_switch(fd: c_int, opt: Opt<Switch>) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { get_switch_at(fd, opt.level(), opt.name()) }
}

/// [`get_switch`] by level and name: the one copy every switch shares.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline(never)]
unsafe fn get_switch_at(fd: c_int, level: c_int, name: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { get(fd, level, name, |value| c_int::from(value != 0)) }
}

/// Reads a count, size or time: the value (a negative one as 0) or
/// `-errno`.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline]
pub(crate) unsafe fn get_count<K: NonNegative>(fd: c_int, opt: Opt<K>) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { get_count_at(fd, opt.level(), opt.name()) }
}

/// [`get_count`] by level and name: the one copy every count shares.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline(never)]
unsafe fn get_count_at(fd: c_int, level: c_int, name: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { get(fd, level, name, |value| value.max(0)) }
}

/// Reads a traffic byte: 0..=255 (anything else as 0) or `-errno`.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline]
pub(crate) unsafe fn get_byte(fd: c_int, opt: Opt<Byte>) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { get_byte_at(fd, opt.level(), opt.name()) }
}

/// [`get_byte`] by level and name: the one copy every traffic byte shares.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline(never)]
unsafe fn get_byte_at(fd: c_int, level: c_int, name: c_int) -> c_int {
    let byte = |value| if (0..=255).contains(&value) { value } else { 0 };
    // SAFETY: the caller's promise about fd.
    unsafe { get(fd, level, name, byte) }
}

/// A C switch: any non-zero value is on, as `setsockopt(2)` reads it.
#[inline]
pub(crate) fn switch(on: c_int) -> bool {
    on != 0
}

/// A switch read back: 1 for on, 0 for off.
#[inline]
pub(crate) fn switch_return(result: Result<bool, Errno>) -> c_int {
    int_return(result.map(c_int::from))
}

/// A count the caller passes as an `int`: `EINVAL` when negative.
#[inline]
pub(crate) fn count(value: c_int) -> Result<u32, Errno> {
    u32::try_from(value).map_err(|_| Errno::EINVAL)
}

/// A count read back as an `int`, saturating at `INT_MAX` (the kernel
/// keeps these in `int`s, so it never does).
#[inline]
pub(crate) fn count_return(result: Result<u32, Errno>) -> c_int {
    int_return(result.map(|value| c_int::try_from(value).unwrap_or(c_int::MAX)))
}

/// Whole seconds the caller passes as an `int`: `EINVAL` when negative.
#[inline]
pub(crate) fn seconds(value: c_int) -> Result<Duration, Errno> {
    count(value).map(|secs| Duration::from_secs(u64::from(secs)))
}

/// A time-out in milliseconds where 0 means none: `EINVAL` when negative.
#[inline]
pub(crate) fn optional_millis(value: c_int) -> Result<Option<Duration>, Errno> {
    let ms = count(value)?;
    Ok((ms != 0).then(|| Duration::from_millis(u64::from(ms))))
}

/// A time-out read back in milliseconds, 0 for none: a fraction of a
/// millisecond rounds up (so a time-out never reads as none), and the
/// result saturates at `INT_MAX`.
pub(crate) fn optional_millis_return(result: Result<Option<Duration>, Errno>) -> c_int {
    int_return(result.map(|timeout| {
        let Some(d) = timeout else { return 0 };
        let partial = d.subsec_nanos() % 1_000_000 != 0;
        let ms = d.as_millis().saturating_add(u128::from(partial));
        c_int::try_from(ms).unwrap_or(c_int::MAX)
    }))
}
