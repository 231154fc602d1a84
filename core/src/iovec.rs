//! [`IoSlice`] and [`IoSliceMut`]: borrowed buffers laid out as `struct iovec`.

use core::marker::PhantomData;
use core::mem::{align_of, size_of};

/// A borrowed, read-only buffer with the exact layout of `struct iovec`, so
/// an array of them goes to `writev`/`sendmsg` as is.
///
/// ```
/// use sockcore::{Domain, IoSlice, IoSliceMut, SockFlags, Socket, Type};
///
/// let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty())?;
/// // One sendmsg(2) gathers a header and a body...
/// let sent = a.write_vectored(&[IoSlice::new(b"len:5 "), IoSlice::new(b"hello")])?;
/// assert_eq!(sent, 11);
///
/// // ...and one readv(2) scatters them again.
/// let (mut head, mut body) = ([0u8; 6], [0u8; 5]);
/// let got = b.read_vectored(&mut [IoSliceMut::new(&mut head), IoSliceMut::new(&mut body)])?;
/// assert_eq!(got, 11);
/// assert_eq!((&head, &body), (b"len:5 ", b"hello"));
/// # Ok::<(), sockcore::Errno>(())
/// ```
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct IoSlice<'a> {
    iov: libc::iovec,
    _borrow: PhantomData<&'a [u8]>,
}

/// A borrowed, writable buffer with the exact layout of `struct iovec`.
#[repr(transparent)]
pub struct IoSliceMut<'a> {
    iov: libc::iovec,
    _borrow: PhantomData<&'a mut [u8]>,
}

const _: () = assert!(size_of::<IoSlice<'_>>() == size_of::<libc::iovec>());
const _: () = assert!(align_of::<IoSlice<'_>>() == align_of::<libc::iovec>());
const _: () = assert!(size_of::<IoSliceMut<'_>>() == size_of::<libc::iovec>());
const _: () = assert!(align_of::<IoSliceMut<'_>>() == align_of::<libc::iovec>());

// SAFETY: an IoSlice is a shared borrow of bytes, which is Send and Sync.
unsafe impl Send for IoSlice<'_> {}
// SAFETY: as above.
unsafe impl Sync for IoSlice<'_> {}
// SAFETY: an IoSliceMut is an exclusive borrow of bytes, which is Send and Sync.
unsafe impl Send for IoSliceMut<'_> {}
// SAFETY: as above.
unsafe impl Sync for IoSliceMut<'_> {}

impl<'a> IoSlice<'a> {
    /// Borrows `buf`.
    #[inline]
    pub fn new(buf: &'a [u8]) -> IoSlice<'a> {
        IoSlice {
            iov: libc::iovec {
                iov_base: buf.as_ptr() as *mut libc::c_void,
                iov_len: buf.len(),
            },
            _borrow: PhantomData,
        }
    }

    /// The bytes still described.
    #[inline]
    pub fn as_slice(&self) -> &'a [u8] {
        // SAFETY: iov describes a live shared borrow of lifetime 'a, built
        // from a slice in `new` and only ever shortened by `advance`.
        unsafe { core::slice::from_raw_parts(self.iov.iov_base.cast(), self.iov.iov_len) }
    }

    /// Drops the first `n` bytes (at most the length).
    #[inline]
    pub fn advance(&mut self, n: usize) {
        let rest = self.as_slice().get(n..).unwrap_or(&[]);
        *self = IoSlice::new(rest);
    }

    /// Drops the first `n` bytes from a list of buffers: whole buffers are
    /// removed from the front of `bufs`, and the first remaining one is
    /// shortened. `n` past the total empties the list.
    pub fn advance_slices(bufs: &mut &mut [IoSlice<'a>], mut n: usize) {
        let mut skip = 0;
        for buf in bufs.iter() {
            if buf.as_slice().len() > n {
                break;
            }
            n -= buf.as_slice().len();
            skip += 1;
        }
        let taken = core::mem::take(bufs);
        *bufs = taken.get_mut(skip..).unwrap_or_default();
        if let Some(first) = bufs.first_mut() {
            first.advance(n);
        }
    }
}

impl<'a> IoSliceMut<'a> {
    /// Borrows `buf` for writing.
    #[inline]
    pub fn new(buf: &'a mut [u8]) -> IoSliceMut<'a> {
        IoSliceMut {
            iov: libc::iovec {
                iov_base: buf.as_mut_ptr().cast(),
                iov_len: buf.len(),
            },
            _borrow: PhantomData,
        }
    }

    /// The bytes described.
    #[inline]
    pub fn as_slice(&self) -> &[u8] {
        // SAFETY: iov describes a live exclusive borrow made in `new`.
        unsafe { core::slice::from_raw_parts(self.iov.iov_base.cast(), self.iov.iov_len) }
    }

    /// The bytes described, writable.
    #[inline]
    pub fn as_mut_slice(&mut self) -> &mut [u8] {
        // SAFETY: iov describes a live exclusive borrow made in `new`, and
        // &mut self keeps it exclusive.
        unsafe { core::slice::from_raw_parts_mut(self.iov.iov_base.cast(), self.iov.iov_len) }
    }
}

impl core::ops::Deref for IoSlice<'_> {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl core::ops::Deref for IoSliceMut<'_> {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl core::ops::DerefMut for IoSliceMut<'_> {
    fn deref_mut(&mut self) -> &mut [u8] {
        self.as_mut_slice()
    }
}

impl core::fmt::Debug for IoSlice<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("IoSlice")
            .field("len", &self.iov.iov_len)
            .finish()
    }
}

impl core::fmt::Debug for IoSliceMut<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("IoSliceMut")
            .field("len", &self.iov.iov_len)
            .finish()
    }
}
