//! Fixed-size pieces of byte buffers, read without a panic path: the
//! kernel's structs inside control messages lie at any alignment, and a
//! message may be shorter than its type.

/// The `N` bytes of `bytes` at `at`, or `None` when fewer are there.
#[inline]
pub(crate) fn array<const N: usize>(bytes: &[u8], at: usize) -> Option<[u8; N]> {
    bytes.get(at..)?.get(..N)?.try_into().ok()
}
