//! [`TextWriter`]: address text appended to a caller's byte buffer.
//!
//! It stands in for `core::fmt` on the formatting path, so that a C library
//! built from this crate formats addresses with neither the formatting
//! machinery nor its panic paths: every write is bounds-checked and reports
//! `ENOSPC` instead.
//!
//! The writing methods are kept out of line: formatting an address is never
//! hot, and inlined into every caller they tripled the C library's
//! formatting code (`sc_addr_format` went from 4.5 KiB to 1.5 KiB).

use crate::errno::{Errno, Result};

/// Appends text to a fixed buffer, failing with `ENOSPC` when it is full.
pub(crate) struct TextWriter<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl<'a> TextWriter<'a> {
    /// Writes from the start of `buf`.
    pub(crate) fn new(buf: &'a mut [u8]) -> TextWriter<'a> {
        TextWriter { buf, len: 0 }
    }

    /// The number of bytes written so far.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Appends `bytes`, or writes nothing and fails with `ENOSPC`.
    #[inline(never)]
    pub(crate) fn bytes(&mut self, bytes: &[u8]) -> Result<()> {
        let end = self.len.checked_add(bytes.len()).ok_or(Errno::ENOSPC)?;
        let dest = self.buf.get_mut(self.len..end).ok_or(Errno::ENOSPC)?;
        // A zip rather than copy_from_slice: the lengths are equal, and this
        // way no length-mismatch panic is even compiled in.
        for (slot, &byte) in dest.iter_mut().zip(bytes) {
            *slot = byte;
        }
        self.len = end;
        Ok(())
    }

    /// Appends one byte.
    pub(crate) fn byte(&mut self, byte: u8) -> Result<()> {
        self.bytes(&[byte])
    }

    /// Appends `value` in decimal.
    #[inline(never)]
    pub(crate) fn decimal(&mut self, value: u32) -> Result<()> {
        // u32::MAX has 10 digits.
        let mut digits = [0u8; 10];
        let mut rest = value;
        let mut count = 0;
        for slot in digits.iter_mut().rev() {
            // The remainder is below 10: the cast keeps it whole.
            *slot = b'0' + (rest % 10) as u8;
            rest /= 10;
            count += 1;
            if rest == 0 {
                break;
            }
        }
        let start = digits.len().saturating_sub(count);
        self.bytes(digits.get(start..).unwrap_or(&digits))
    }

    /// Appends `value` in decimal, with a `-` when negative.
    pub(crate) fn signed_decimal(&mut self, value: i32) -> Result<()> {
        if value < 0 {
            self.byte(b'-')?;
        }
        self.decimal(value.unsigned_abs())
    }

    /// Appends `value` in lowercase hexadecimal without leading zeros (one
    /// `0` for zero), as RFC 5952 writes an IPv6 group.
    #[inline(never)]
    pub(crate) fn hex(&mut self, value: u16) -> Result<()> {
        let [high, low] = value.to_be_bytes();
        let digits = [high >> 4, high & 0xf, low >> 4, low & 0xf];
        // Zeros before the last digit are dropped.
        let leading = digits.iter().take(3).take_while(|&&d| d == 0).count();
        for &digit in digits.iter().skip(leading) {
            self.byte(hex_digit(digit))?;
        }
        Ok(())
    }

    /// Appends `\xNN` for `byte`, in lowercase hexadecimal.
    #[inline(never)]
    pub(crate) fn escaped(&mut self, byte: u8) -> Result<()> {
        self.bytes(&[b'\\', b'x', hex_digit(byte >> 4), hex_digit(byte & 0xf)])
    }
}

/// The lowercase hexadecimal digit for `nibble` (0 to 15).
fn hex_digit(nibble: u8) -> u8 {
    if nibble < 10 {
        b'0' + nibble
    } else {
        b'a' + (nibble - 10)
    }
}
