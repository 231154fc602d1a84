//! [`ValidFd`]: a descriptor number that is never negative, held as the
//! very `int` it is, so that `Option` of an owning type ([`Socket`],
//! [`OwnedFd`]) is one `int` too.
//!
//! Stable Rust gives a niche to `NonZero*`, references and enums only, and
//! 0 is a descriptor (standard input), so neither `NonZero` nor std's
//! unstable `rustc_layout_scalar_valid_range` fits. An encoding such as
//! `!fd` in a `NonZeroU32` would cost an instruction at every use and
//! change what is in memory. Instead, the byte that holds an `int`'s sign
//! is an enum whose values are 0 to 0x7f: every non-negative number reads
//! and writes unchanged, and the 128 values a negative number has in that
//! byte are the niche. Reading the descriptor is a plain load, and a
//! `&ValidFd` may be read as a `&RawFd`.
//!
//! [`Socket`]: crate::Socket
//! [`OwnedFd`]: crate::OwnedFd

use core::mem::{align_of, size_of, transmute};

use crate::fd::RawFd;

/// The byte of an `int` that holds its sign, for a number that is not
/// negative: 0 to 0x7f. Never named; values arrive by `transmute` from an
/// `int` that is not negative.
#[allow(dead_code)]
#[derive(Clone, Copy)]
#[repr(u8)]
#[rustfmt::skip]
enum HighByte {
    B00 = 0x00, B01, B02, B03, B04, B05, B06, B07, B08, B09, B0A, B0B, B0C, B0D, B0E, B0F,
    B10, B11, B12, B13, B14, B15, B16, B17, B18, B19, B1A, B1B, B1C, B1D, B1E, B1F,
    B20, B21, B22, B23, B24, B25, B26, B27, B28, B29, B2A, B2B, B2C, B2D, B2E, B2F,
    B30, B31, B32, B33, B34, B35, B36, B37, B38, B39, B3A, B3B, B3C, B3D, B3E, B3F,
    B40, B41, B42, B43, B44, B45, B46, B47, B48, B49, B4A, B4B, B4C, B4D, B4E, B4F,
    B50, B51, B52, B53, B54, B55, B56, B57, B58, B59, B5A, B5B, B5C, B5D, B5E, B5F,
    B60, B61, B62, B63, B64, B65, B66, B67, B68, B69, B6A, B6B, B6C, B6D, B6E, B6F,
    B70, B71, B72, B73, B74, B75, B76, B77, B78, B79, B7A, B7B, B7C, B7D, B7E, B7F,
}

/// A descriptor that is not negative, with the layout of `int`: its sign
/// byte (the last on a little-endian target, the first on a big-endian
/// one) is a [`HighByte`].
#[derive(Clone, Copy)]
#[repr(C, align(4))]
pub(crate) struct ValidFd {
    #[cfg(target_endian = "big")]
    high: HighByte,
    low: [u8; 3],
    #[cfg(target_endian = "little")]
    high: HighByte,
}

const _: () = assert!(size_of::<ValidFd>() == size_of::<RawFd>());
const _: () = assert!(align_of::<ValidFd>() == align_of::<RawFd>());
const _: () = assert!(size_of::<Option<ValidFd>>() == size_of::<RawFd>());

impl ValidFd {
    /// `fd`, which must not be negative.
    ///
    /// # Safety
    ///
    /// `fd >= 0`: a negative number's sign byte is no [`HighByte`].
    #[inline]
    pub(crate) const unsafe fn new_unchecked(fd: RawFd) -> ValidFd {
        // SAFETY: same size; fd is not negative (the caller's promise), so
        // its sign byte is 0 to 0x7f, a valid HighByte, and the other three
        // bytes may hold anything.
        unsafe { transmute::<RawFd, ValidFd>(fd) }
    }

    /// The descriptor number.
    #[inline]
    pub(crate) const fn get(self) -> RawFd {
        // SAFETY: same size, and every ValidFd is a valid int.
        unsafe { transmute::<ValidFd, RawFd>(self) }
    }

    /// The descriptor number in place, for a cast to a type that wraps a
    /// `RawFd`.
    #[inline]
    pub(crate) const fn as_raw(&self) -> &RawFd {
        // SAFETY: ValidFd has RawFd's size and alignment (asserted above),
        // and every ValidFd is a valid int; the borrow is shared.
        unsafe { &*(self as *const ValidFd).cast::<RawFd>() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sign_byte_reads_back() {
        for high in 0..=0x7f_i32 {
            for fd in [
                high << 24,
                (high << 24) | 0x00ab_cdef,
                (high << 24) | 0xff_ffff,
            ] {
                // SAFETY: not negative.
                let valid = unsafe { ValidFd::new_unchecked(fd) };
                assert_eq!(valid.get(), fd);
                assert_eq!(*valid.as_raw(), fd);
                assert!(Some(valid).is_some_and(|v| v.get() == fd));
            }
        }
        // SAFETY: not negative.
        let most = unsafe { ValidFd::new_unchecked(i32::MAX) };
        assert_eq!(most.get(), i32::MAX);
        assert!(None::<ValidFd>.is_none());
    }
}
