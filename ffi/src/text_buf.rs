//! [`TextBuf`]: `core::fmt` output into a caller's `char` buffer, always
//! NUL-terminated, failing rather than truncating.

use core::fmt;

/// Writes text into a fixed buffer, keeping one byte for the NUL.
pub(crate) struct TextBuf<'a> {
    buf: &'a mut [u8],
    used: usize,
}

impl<'a> TextBuf<'a> {
    /// Writes into `buf`, which must hold at least the NUL.
    pub(crate) fn new(buf: &'a mut [u8]) -> Option<TextBuf<'a>> {
        let (nul, _) = buf.split_first_mut()?;
        *nul = 0;
        Some(TextBuf { buf, used: 0 })
    }

    /// The length written, without the NUL that follows it.
    pub(crate) fn len(&self) -> usize {
        self.used
    }

    /// Empties the text, so that a failed write leaves `""` rather than a
    /// prefix that could pass for a whole answer.
    pub(crate) fn clear(&mut self) {
        self.used = 0;
        if let Some(first) = self.buf.first_mut() {
            *first = 0;
        }
    }
}

impl fmt::Write for TextBuf<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.used.checked_add(s.len()).ok_or(fmt::Error)?;
        // The room must reach buf[end], where the NUL goes.
        let room = self.buf.get_mut(self.used..=end).ok_or(fmt::Error)?;
        let (dest, nul) = room.split_at_mut_checked(s.len()).ok_or(fmt::Error)?;
        dest.copy_from_slice(s.as_bytes());
        if let Some(nul) = nul.first_mut() {
            *nul = 0;
        }
        self.used = end;
        Ok(())
    }
}
