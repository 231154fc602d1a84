//! The typed options whose value is one C `int` (switches, counts, sizes,
//! times, hop limits and traffic bytes) share one out-of-line `setsockopt`
//! and one `getsockopt` per kind of value. Each exported function is then a
//! range check and a tail call, about 20 bytes of code, where an inlined
//! system call and its error conversion took about 100: 42 exports over,
//! that is 3-4 KiB of a library that tests/size.rs budgets. Options are never
//! on a hot path, so the extra call costs nothing measurable.
//!
//! The conversions are the C ABI's conventions: a switch is on for any
//! non-zero value and reads back as 1 or 0; a count, size or time is
//! `-EINVAL` when negative; a traffic byte (`IP_TOS`, `IPV6_TCLASS`) is
//! `-EINVAL` outside 0..=255. Values read back are what the kernel holds,
//! which is never negative for these options (a negative one would read as
//! 0, as the Rust API's unsigned types have it).

use core::ffi::c_int;

use crate::args::{self, int_return, unit_return};

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
pub(crate) unsafe fn set_switch(fd: c_int, level: c_int, name: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { set(fd, level, name, c_int::from(on != 0)) }
}

/// Sets a count, size or time: `-EINVAL` when negative.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline]
pub(crate) unsafe fn set_count(fd: c_int, level: c_int, name: c_int, value: c_int) -> c_int {
    if value < 0 {
        return -libc::EINVAL;
    }
    // SAFETY: the caller's promise about fd.
    unsafe { set(fd, level, name, value) }
}

/// Sets a traffic byte: `-EINVAL` outside 0..=255.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline]
pub(crate) unsafe fn set_byte(fd: c_int, level: c_int, name: c_int, value: c_int) -> c_int {
    if !(0..=255).contains(&value) {
        return -libc::EINVAL;
    }
    // SAFETY: the caller's promise about fd.
    unsafe { set(fd, level, name, value) }
}

/// Reads a switch: 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline(never)]
pub(crate) unsafe fn get_switch(fd: c_int, level: c_int, name: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { get(fd, level, name, |value| c_int::from(value != 0)) }
}

/// Reads a count, size or time: the value (a negative one as 0) or
/// `-errno`.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline(never)]
pub(crate) unsafe fn get_count(fd: c_int, level: c_int, name: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { get(fd, level, name, |value| value.max(0)) }
}

/// Reads a traffic byte: 0..=255 (anything else as 0) or `-errno`.
///
/// # Safety
///
/// As for [`args::socket`]: `fd` is the C caller's descriptor.
#[inline(never)]
pub(crate) unsafe fn get_byte(fd: c_int, level: c_int, name: c_int) -> c_int {
    let byte = |value| if (0..=255).contains(&value) { value } else { 0 };
    // SAFETY: the caller's promise about fd.
    unsafe { get(fd, level, name, byte) }
}
