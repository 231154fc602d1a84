//! [`CmsgBuffer`]: control-message space on the stack or in a struct.

use core::mem::{align_of, size_of, MaybeUninit};
use core::ops::{Deref, DerefMut};

/// `N` bytes for control messages, aligned as a `struct cmsghdr` (and as
/// `size_t`), so C code's `CMSG_FIRSTHDR`/`CMSG_NXTHDR` may walk it too.
///
/// Size it with [`cmsg_space_for_fds`](crate::cmsg_space_for_fds),
/// [`cmsg_space_for_creds`](crate::cmsg_space_for_creds) or
/// [`cmsg_space`](crate::cmsg_space), summed for several messages. It
/// dereferences to `[MaybeUninit<u8>]`, which every call taking control
/// space accepts; no byte needs initialising first.
///
/// This crate's own parser does not depend on the alignment (it reads
/// headers unaligned), so any `&mut [MaybeUninit<u8>]` works as well.
#[repr(C)]
pub struct CmsgBuffer<const N: usize> {
    _align_header: [libc::cmsghdr; 0],
    _align_size_t: [usize; 0],
    bytes: [MaybeUninit<u8>; N],
}

const _: () = assert!(align_of::<CmsgBuffer<1>>() >= align_of::<libc::cmsghdr>());
const _: () = assert!(align_of::<CmsgBuffer<1>>() >= align_of::<usize>());
const _: () = assert!(size_of::<CmsgBuffer<24>>() == 24);

impl<const N: usize> CmsgBuffer<N> {
    /// An uninitialised buffer of `N` bytes (free to create).
    #[inline]
    pub const fn new() -> Self {
        CmsgBuffer {
            _align_header: [],
            _align_size_t: [],
            bytes: [MaybeUninit::uninit(); N],
        }
    }
}

impl<const N: usize> Default for CmsgBuffer<N> {
    #[inline]
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> Deref for CmsgBuffer<N> {
    type Target = [MaybeUninit<u8>];

    #[inline]
    fn deref(&self) -> &[MaybeUninit<u8>] {
        &self.bytes
    }
}

impl<const N: usize> DerefMut for CmsgBuffer<N> {
    #[inline]
    fn deref_mut(&mut self) -> &mut [MaybeUninit<u8>] {
        &mut self.bytes
    }
}

impl<const N: usize> core::fmt::Debug for CmsgBuffer<N> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("CmsgBuffer").field("len", &N).finish()
    }
}
