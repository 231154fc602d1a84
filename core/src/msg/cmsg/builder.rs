//! [`CmsgBuilder`]: writes control messages for sending into caller memory.

use core::mem::MaybeUninit;

use super::{cmsg_len, cmsg_space, DATA_OFFSET, HEADER_SIZE};
use crate::errno::{Errno, Result};
use crate::fd::RawFd;
use crate::msg::credentials::Credentials;
use crate::sys;

/// Writes control messages one after another into a caller's buffer, in the
/// kernel's layout (header, data, zeroed padding), ready for
/// [`send_msg`](crate::SocketFd::send_msg).
///
/// Nothing is checked against the kernel's own limits (such as
/// [`SCM_MAX_FD`](crate::SCM_MAX_FD) descriptors): the kernel answers those
/// with its own error when the message is sent.
pub struct CmsgBuilder<'b> {
    buf: &'b mut [MaybeUninit<u8>],
    /// Bytes written so far, all initialised: whole messages only.
    len: usize,
}

impl<'b> CmsgBuilder<'b> {
    /// A builder writing from the start of `buf`.
    #[inline]
    pub fn new(buf: &'b mut [MaybeUninit<u8>]) -> CmsgBuilder<'b> {
        CmsgBuilder { buf, len: 0 }
    }

    /// Appends an `SCM_RIGHTS` message carrying `fds` (which stay open and
    /// owned by the caller; the receiver gets duplicates).
    ///
    /// Errors: `ENOSPC` when the buffer has less than
    /// [`cmsg_space_for_fds(fds.len())`](crate::cmsg_space_for_fds) bytes left.
    pub fn push_fds(&mut self, fds: &[RawFd]) -> Result<()> {
        let data_len = fds
            .len()
            .checked_mul(core::mem::size_of::<RawFd>())
            .ok_or(Errno::ENOSPC)?;
        let data = self.reserve(libc::SOL_SOCKET, libc::SCM_RIGHTS, data_len)?;
        let bytes = fds.iter().flat_map(|fd| fd.to_ne_bytes());
        for (slot, byte) in data.iter_mut().zip(bytes) {
            *slot = byte;
        }
        Ok(())
    }

    /// Appends an `SCM_CREDENTIALS` message. The kernel accepts only the
    /// sender's own ids unless it has `CAP_SYS_ADMIN` (pid) or
    /// `CAP_SETUID`/`CAP_SETGID` (uid, gid): `EPERM` at send time otherwise.
    ///
    /// Errors: `ENOSPC` when the buffer has less than
    /// [`cmsg_space_for_creds()`](crate::cmsg_space_for_creds) bytes left.
    pub fn push_credentials(&mut self, creds: &Credentials) -> Result<()> {
        let bytes = creds.to_ne_bytes();
        let data = self.reserve(libc::SOL_SOCKET, libc::SCM_CREDENTIALS, bytes.len())?;
        copy(data, &bytes);
        Ok(())
    }

    /// Appends any control message: `level` (such as `IPPROTO_IP`), `ty`
    /// (such as `IP_PKTINFO`) and its data, copied as is.
    ///
    /// Errors: `ENOSPC` when the buffer has less than
    /// [`cmsg_space(data.len())`](crate::cmsg_space) bytes left.
    pub fn push(&mut self, level: i32, ty: i32, data: &[u8]) -> Result<()> {
        copy(self.reserve(level, ty, data.len())?, data);
        Ok(())
    }

    /// The messages written so far, padding included: the control data to
    /// send.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        let written = self.buf.get(..self.len).unwrap_or_default();
        // SAFETY: the first `len` bytes were all written by `reserve`, and
        // MaybeUninit<u8> has the layout of u8.
        unsafe { &*(written as *const [MaybeUninit<u8>] as *const [u8]) }
    }

    /// Ends building, keeping the borrow of the buffer for as long as the
    /// bytes are needed.
    #[inline]
    pub fn finish(self) -> &'b [u8] {
        let written = self.buf.get(..self.len).unwrap_or_default();
        // SAFETY: as in `as_bytes`.
        unsafe { &*(written as *const [MaybeUninit<u8>] as *const [u8]) }
    }

    /// Bytes written so far.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing has been written.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Writes a header for `data_len` bytes of data, zeroes the data and the
    /// padding, counts the message as written, and returns its data to fill.
    fn reserve(&mut self, level: i32, ty: i32, data_len: usize) -> Result<&mut [u8]> {
        let space = cmsg_space(data_len);
        let end = self.len.checked_add(space).ok_or(Errno::ENOSPC)?;
        let message = self.buf.get_mut(self.len..end).ok_or(Errno::ENOSPC)?;
        if space < DATA_OFFSET.saturating_add(data_len) {
            // Only a saturated size gets here: no buffer holds it.
            return Err(Errno::ENOSPC);
        }
        // musl's explicit padding field stays zero.
        let mut header: libc::cmsghdr = sys::zeroed();
        header.cmsg_len = header_len(data_len)?;
        header.cmsg_level = level;
        header.cmsg_type = ty;
        for byte in message.iter_mut() {
            byte.write(0);
        }
        let head = message.get_mut(..HEADER_SIZE).ok_or(Errno::ENOSPC)?;
        // SAFETY: head is HEADER_SIZE writable bytes; write_unaligned needs no
        // alignment. cmsghdr has no implicit padding on Linux targets, so
        // every byte written is initialised.
        unsafe {
            head.as_mut_ptr()
                .cast::<libc::cmsghdr>()
                .write_unaligned(header)
        };
        let data = message
            .get_mut(DATA_OFFSET..)
            .and_then(|rest| rest.get_mut(..data_len))
            .ok_or(Errno::ENOSPC)?;
        self.len = end;
        // SAFETY: every byte of `message` was initialised above (zeroes, then
        // the header), and MaybeUninit<u8> has the layout of u8.
        Ok(unsafe { &mut *(data as *mut [MaybeUninit<u8>] as *mut [u8]) })
    }
}

/// `cmsg_len` for `data_len` bytes of data, in the field's own type: size_t
/// on glibc (where the conversion cannot fail) and socklen_t on musl.
#[allow(clippy::useless_conversion)]
fn header_len<T: TryFrom<usize>>(data_len: usize) -> Result<T> {
    T::try_from(cmsg_len(data_len)).map_err(|_| Errno::EINVAL)
}

/// Copies `src` into the start of `dst` (equal lengths here), with no
/// length check that could panic.
fn copy(dst: &mut [u8], src: &[u8]) {
    for (d, s) in dst.iter_mut().zip(src) {
        *d = *s;
    }
}

impl core::fmt::Debug for CmsgBuilder<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("CmsgBuilder")
            .field("len", &self.len)
            .field("capacity", &self.buf.len())
            .finish()
    }
}
