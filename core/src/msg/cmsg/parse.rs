//! [`Cmsgs`]: walks control messages in a byte buffer, yielding
//! [`ControlMessage`]s; robust against any bytes at all.

use core::ops::Range;

use super::decode::{decode, ControlMessage};
use super::{cmsg_align, DATA_OFFSET};
use crate::fd::RawFd;
use crate::sys;

/// The descriptors of an `SCM_RIGHTS` message, in order, as raw numbers.
///
/// Entries already taken from (or closed by) a
/// [`ReceivedControl`](crate::ReceivedControl) read as -1 in the buffer and
/// are skipped, as are trailing bytes that do not make up a whole `int`.
#[derive(Clone)]
pub struct Fds<'a> {
    slots: core::slice::ChunksExact<'a, u8>,
}

impl<'a> Fds<'a> {
    pub(super) fn new(data: &'a [u8]) -> Fds<'a> {
        Fds {
            slots: data.chunks_exact(core::mem::size_of::<RawFd>()),
        }
    }
}

impl Iterator for Fds<'_> {
    type Item = RawFd;

    fn next(&mut self) -> Option<RawFd> {
        self.slots.by_ref().map(read_fd).find(|&fd| fd >= 0)
    }
}

impl core::fmt::Debug for Fds<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// The `int` in a 4-byte slot (0 for a slot of another length, which
/// `chunks_exact` never yields).
pub(super) fn read_fd(slot: &[u8]) -> RawFd {
    RawFd::from_ne_bytes(slot.try_into().unwrap_or_default())
}

/// An iterator over the control messages in a byte buffer, as the kernel
/// lays them out (see [`cmsg_space`](crate::cmsg_space)).
///
/// Any bytes at all are safe to walk: the buffer needs no alignment, a
/// header whose `cmsg_len` is shorter than a header ends the walk (as
/// glibc's `CMSG_NXTHDR` does), and a message claiming more bytes than
/// remain yields the bytes that are there and ends the walk. Nothing is read
/// outside the buffer and nothing panics.
#[derive(Clone, Debug)]
pub struct Cmsgs<'a> {
    buf: &'a [u8],
    offset: usize,
}

impl<'a> Cmsgs<'a> {
    /// Walks the control messages in `buf`: the bytes a receive call
    /// reported (`msg_controllen`), or any others.
    #[inline]
    pub fn new(buf: &'a [u8]) -> Cmsgs<'a> {
        Cmsgs { buf, offset: 0 }
    }

    /// The messages from here on, not decoded: each one's level, type and
    /// data, for a search that decodes only what it looks for.
    pub(super) fn undecoded(&self) -> impl Iterator<Item = (i32, i32, &'a [u8])> + 'a {
        let buf = self.buf;
        let mut offset = self.offset;
        core::iter::from_fn(move || {
            let found = locate(buf, offset)?;
            offset = found.next;
            Some((
                found.level,
                found.ty,
                buf.get(found.data).unwrap_or_default(),
            ))
        })
    }
}

impl<'a> Iterator for Cmsgs<'a> {
    type Item = ControlMessage<'a>;

    fn next(&mut self) -> Option<ControlMessage<'a>> {
        let found = locate(self.buf, self.offset)?;
        self.offset = found.next;
        let data = self.buf.get(found.data).unwrap_or_default();
        Some(decode(found.level, found.ty, data))
    }
}

impl core::iter::FusedIterator for Cmsgs<'_> {}

/// A header's `cmsg_len`: size_t on glibc (the cast is a no-op there) and
/// socklen_t on musl, both of which fit usize.
#[allow(clippy::unnecessary_cast)]
fn claimed_len(header: &libc::cmsghdr) -> usize {
    header.cmsg_len as usize
}

/// Where one message sits in a buffer.
pub(super) struct Located {
    pub(super) level: i32,
    pub(super) ty: i32,
    /// The data's byte range in the buffer, clamped to the buffer.
    pub(super) data: Range<usize>,
    /// Where the next header would start (past the end when there is none).
    pub(super) next: usize,
}

/// The message whose header starts at `offset` in `buf`, if a whole header
/// with a plausible length is there.
pub(super) fn locate(buf: &[u8], offset: usize) -> Option<Located> {
    let rest = buf.get(offset..)?;
    let header: libc::cmsghdr = sys::read_unaligned(rest)?;
    let claimed = claimed_len(&header);
    if claimed < DATA_OFFSET {
        return None;
    }
    let start = offset.saturating_add(DATA_OFFSET);
    let end = offset.saturating_add(claimed.min(rest.len())).max(start);
    Some(Located {
        level: header.cmsg_level,
        ty: header.cmsg_type,
        data: start..end,
        next: offset.saturating_add(cmsg_align(claimed)).max(start),
    })
}
