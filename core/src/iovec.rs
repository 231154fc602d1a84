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

/// The most buffers one vectored call takes: Linux's `IOV_MAX`
/// (`UIO_MAXIOV`, 1024).
pub(crate) const IOV_MAX: usize = libc::UIO_MAXIOV as usize;

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

    /// Drops the first `n` bytes (all of them when `n` is past the length;
    /// std's `IoSlice::advance` panics there instead).
    #[inline]
    pub fn advance(&mut self, n: usize) {
        let rest = self.as_slice().get(n..).unwrap_or(&[]);
        *self = IoSlice::new(rest);
    }

    /// Drops the first `n` bytes from a list of buffers: whole buffers are
    /// removed from the front of `bufs`, and the first remaining one is
    /// shortened, as std's `IoSlice::advance_slices` does. `n` past the
    /// total empties the list.
    pub fn advance_slices(bufs: &mut &mut [IoSlice<'a>], n: usize) {
        let rest = skip_whole(bufs, n, |buf| buf.len());
        if let Some(first) = bufs.first_mut() {
            first.advance(rest);
        }
    }
}

/// Removes from the front of `bufs` the whole buffers that `n` bytes
/// cover (their lengths read by `len`); returns what is left of `n` for the
/// first remaining buffer.
fn skip_whole<T>(bufs: &mut &mut [T], mut n: usize, len: impl Fn(&T) -> usize) -> usize {
    let mut skip = 0;
    for buf in bufs.iter() {
        if len(buf) > n {
            break;
        }
        n -= len(buf);
        skip += 1;
    }
    let taken = core::mem::take(bufs);
    *bufs = taken.get_mut(skip..).unwrap_or_default();
    n
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

    /// The bytes described, writable for the whole borrow.
    #[inline]
    pub fn into_slice(self) -> &'a mut [u8] {
        // SAFETY: iov describes a live exclusive borrow for 'a made in
        // `new`, which moves from self to the result.
        unsafe { core::slice::from_raw_parts_mut(self.iov.iov_base.cast(), self.iov.iov_len) }
    }

    /// Drops the first `n` bytes (all of them when `n` is past the length;
    /// std's `IoSliceMut::advance` panics there instead).
    #[inline]
    pub fn advance(&mut self, n: usize) {
        let n = n.min(self.iov.iov_len);
        // SAFETY: n is at most the length, so the new start is inside the
        // borrowed buffer or one past its end, and what remains is still
        // exclusively borrowed for 'a.
        self.iov.iov_base = unsafe { self.iov.iov_base.cast::<u8>().add(n) }.cast();
        self.iov.iov_len -= n;
    }

    /// Drops the first `n` bytes from a list of buffers, as
    /// [`IoSlice::advance_slices`] does: for a read that scatters over
    /// several calls.
    pub fn advance_slices(bufs: &mut &mut [IoSliceMut<'a>], n: usize) {
        let rest = skip_whole(bufs, n, |buf| buf.len());
        if let Some(first) = bufs.first_mut() {
            first.advance(rest);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advance_drops_bytes_and_stops_at_the_end() {
        let mut buf = *b"abcdef";
        let mut slice = IoSliceMut::new(&mut buf);
        slice.advance(2);
        assert_eq!(slice.as_slice(), b"cdef");
        slice.as_mut_slice()[0] = b'C';
        slice.advance(100);
        assert!(slice.is_empty());
        assert_eq!(&buf, b"abCdef");

        let mut shared = IoSlice::new(b"xyz");
        shared.advance(1);
        assert_eq!(shared.as_slice(), b"yz");
        shared.advance(3);
        assert!(shared.is_empty());
    }

    #[test]
    fn advance_slices_removes_whole_buffers_then_shortens_one() {
        let (mut a, mut b, mut c) = (*b"12", *b"345", *b"6");
        let mut all = [
            IoSliceMut::new(&mut a),
            IoSliceMut::new(&mut []),
            IoSliceMut::new(&mut b),
            IoSliceMut::new(&mut c),
        ];
        let mut bufs = &mut all[..];
        IoSliceMut::advance_slices(&mut bufs, 3);
        assert_eq!(bufs.len(), 2);
        assert_eq!(bufs[0].as_slice(), b"45");
        IoSliceMut::advance_slices(&mut bufs, 0);
        assert_eq!(bufs.len(), 2);
        IoSliceMut::advance_slices(&mut bufs, 3);
        assert!(bufs.is_empty());
        IoSliceMut::advance_slices(&mut bufs, 1);
        assert!(bufs.is_empty());

        let mut shared = [IoSlice::new(b"ab"), IoSlice::new(b"cd")];
        let mut bufs = &mut shared[..];
        IoSlice::advance_slices(&mut bufs, 2);
        assert_eq!(bufs.len(), 1);
        assert_eq!(bufs[0].as_slice(), b"cd");
        IoSlice::advance_slices(&mut bufs, 9);
        assert!(bufs.is_empty());
    }
}
