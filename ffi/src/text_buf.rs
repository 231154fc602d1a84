//! Text for a caller's `char` buffer: always NUL-terminated, and never a
//! truncated prefix that could pass for a whole answer.

use sockcore::{Errno, Result};

/// Writes text with `write` into `buf` followed by a NUL, and returns the
/// text's length (without the NUL).
///
/// `write` gets all of `buf` but the last byte, which is kept for the NUL,
/// and returns the length it wrote there. When it fails (or `buf` has no
/// room even for the NUL: `ENOSPC`), `buf` is left holding `""` if it has a
/// byte at all.
pub(crate) fn write_c_text(
    buf: &mut [u8],
    write: impl FnOnce(&mut [u8]) -> Result<usize>,
) -> Result<usize> {
    let result = match buf.split_last_mut() {
        None => Err(Errno::ENOSPC),
        Some((_, room)) => write(room),
    };
    // After the text, or at the start when there is none.
    if let Some(nul) = buf.get_mut(result.unwrap_or(0)) {
        *nul = 0;
    }
    result
}
