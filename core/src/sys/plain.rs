//! [`PlainData`]: the C types the kernel fills in or reads as bytes, and
//! the safe operations that rely on it.

use core::mem::{size_of, MaybeUninit};

/// A C type made only of integers (and arrays, structs and raw pointers of
/// such), for which every bit pattern of its size is a valid value.
///
/// That is what lets [`zeroed`] make one, `getsockopt` take one back from
/// the kernel, and [`read_unaligned`] read one out of any bytes. Sealed:
/// only the `libc` types listed below, which the crate hands to the kernel,
/// implement it.
///
/// Nominally `pub` because the option kinds' sealed conversions name it;
/// `sys` is private, so nothing outside the crate can reach it.
///
/// # Safety
///
/// Every bit pattern of `size_of::<Self>()` bytes, all-zero included, must
/// be a valid `Self`.
pub unsafe trait PlainData: Copy {}

// SAFETY (for each impl below): a C integer type, or a `libc` struct whose
// fields are C integers, arrays of them, or raw pointers (explicit padding
// fields included); any bits are a valid value of each field.
macro_rules! plain_data {
    ($($ty:ty),* $(,)?) => {$(
        // SAFETY: as above.
        unsafe impl PlainData for $ty {}
    )*};
}

plain_data!(
    u8,
    u32,
    u64,
    libc::c_int,
    libc::linger,
    libc::timeval,
    libc::timespec,
    libc::ip_mreqn,
    libc::ip_mreq,
    libc::ip_mreq_source,
    libc::ipv6_mreq,
    libc::ucred,
    libc::sockaddr_storage,
    libc::cmsghdr,
    libc::msghdr,
    libc::mmsghdr,
    libc::ifreq,
    libc::sigset_t,
    libc::tcp_info,
);

// SAFETY: bytes; any bits are a valid byte.
unsafe impl<const N: usize> PlainData for [u8; N] {}

/// An all-zero `T`: no address, no length, no flags.
#[inline]
pub(crate) const fn zeroed<T: PlainData>() -> T {
    // SAFETY: all-zero is a valid T (PlainData's contract).
    unsafe { MaybeUninit::zeroed().assume_init() }
}

/// A `T` read from the start of `bytes`, which need not be aligned; `None`
/// when `bytes` is shorter than a `T`.
#[inline]
pub(crate) fn read_unaligned<T: PlainData>(bytes: &[u8]) -> Option<T> {
    let bytes = bytes.get(..size_of::<T>())?;
    // SAFETY: bytes is size_of::<T>() readable bytes, read_unaligned needs no
    // alignment, and any bits are a valid T (PlainData's contract).
    Some(unsafe { bytes.as_ptr().cast::<T>().read_unaligned() })
}
