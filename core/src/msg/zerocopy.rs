//! Zero-copy sends (`MSG_ZEROCOPY`): [`ZerocopyRange`], the sends the
//! kernel is done with, and [`SocketFd::recv_zerocopy_completions`], which
//! reads them from the socket's error queue.
//!
//! A send with [`MsgFlags::ZEROCOPY`] on a socket with
//! [`set_zerocopy`](SocketFd::set_zerocopy) on returns while the kernel may
//! still read the buffer. **The buffer may be changed or reused only after
//! a completion covering its send arrived.** Sends are numbered per socket
//! from 0 (only the zero-copy sends that moved a byte count); completions
//! come as ranges of those numbers, and waiting ones make `poll` report
//! `POLLERR`.

use core::mem::{align_of, offset_of, size_of};

use crate::errno::{Errno, Result};
use crate::flags::MsgFlags;
use crate::iovec::IoSliceMut;
use crate::msg::cmsg::buffer::CmsgBuffer;
use crate::msg::cmsg::extended_error::{ErrorOrigin, ExtendedError};
use crate::msg::cmsg::{cmsg_space_for_extended_error_v4, cmsg_space_for_extended_error_v6};
use crate::socket::SocketFd;
use crate::uapi::SO_EE_CODE_ZEROCOPY_COPIED;

#[cfg(test)]
mod tests;

/// Control space for one error-queue entry: room for the larger, IPv6,
/// form of its message, so a completion never arrives cut short (a cut one
/// is lost for good: the kernel has already taken it off the queue).
const ENTRY_SPACE: usize = cmsg_space_for_extended_error_v6();

const _: () = assert!(ENTRY_SPACE >= cmsg_space_for_extended_error_v4());

/// Zero-copy sends the kernel is done with: the send numbers
/// [`first`](Self::first) to [`last`](Self::last), inclusive, wrapping at
/// 2³². The buffers of those sends may be changed or reused.
///
/// Sends are numbered per socket from 0, in the order they were made; only
/// zero-copy sends ([`MsgFlags::ZEROCOPY`] with
/// [`set_zerocopy`](SocketFd::set_zerocopy) on) that moved at least one
/// byte take a number. Numbers wrap at 2³², so a range may run across the
/// wrap (`first` 4294967295, `last` 1): compare with
/// [`contains`](Self::contains), never with `<=`.
///
/// `#[repr(C)]`: three `u32`s, `first`, `last`, then `copied` (0 or 1), the
/// layout of the C ABI's `sc_zerocopy_range`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct ZerocopyRange {
    first: u32,
    last: u32,
    copied: u32,
}

// The C ABI fills the caller's `sc_zerocopy_range` array through this
// type, so its layout is promised: three `u32`s in this order.
const _: () = assert!(size_of::<ZerocopyRange>() == 12 && align_of::<ZerocopyRange>() == 4);
const _: () = assert!(offset_of!(ZerocopyRange, first) == 0);
const _: () = assert!(offset_of!(ZerocopyRange, last) == 4);
const _: () = assert!(offset_of!(ZerocopyRange, copied) == 8);

impl ZerocopyRange {
    /// The sends `first` to `last` (inclusive, wrapping at 2³²), with
    /// `copied` as the kernel reports it.
    #[inline]
    pub const fn new(first: u32, last: u32, copied: bool) -> ZerocopyRange {
        ZerocopyRange {
            first,
            last,
            copied: copied as u32,
        }
    }

    /// The completion an error-queue entry reports: origin
    /// [`ErrorOrigin::ZeroCopy`] with no error; `None` for any other entry
    /// (an ICMP error, a transmit timestamp). For a socket whose error
    /// queue also holds those (with [`set_recv_errors`](SocketFd::set_recv_errors)
    /// or timestamping on), read it with
    /// [`recv_msg`](SocketFd::recv_msg) and `MsgFlags::ERRQUEUE`, and take
    /// the completions from its entries with this.
    #[inline]
    pub fn from_extended_error(entry: &ExtendedError) -> Option<ZerocopyRange> {
        if entry.origin != ErrorOrigin::ZeroCopy || entry.errno.raw() != 0 {
            return None;
        }
        let copied = entry.code & SO_EE_CODE_ZEROCOPY_COPIED != 0;
        Some(ZerocopyRange::new(entry.info, entry.data, copied))
    }

    /// The first send of the range (`ee_info`).
    #[inline]
    pub const fn first(&self) -> u32 {
        self.first
    }

    /// The last send of the range (`ee_data`), inclusive.
    #[inline]
    pub const fn last(&self) -> u32 {
        self.last
    }

    /// How many sends the range covers: 1 to 2³².
    #[allow(clippy::len_without_is_empty)] // A range is never empty.
    #[inline]
    pub const fn len(&self) -> u64 {
        self.last.wrapping_sub(self.first) as u64 + 1
    }

    /// Whether send number `send` is in the range, across the wrap at 2³².
    #[inline]
    pub const fn contains(&self, send: u32) -> bool {
        send.wrapping_sub(self.first) <= self.last.wrapping_sub(self.first)
    }

    /// Whether the kernel copied the data after all
    /// (`SO_EE_CODE_ZEROCOPY_COPIED`): always over loopback, and on a real
    /// device when it cannot send from the caller's pages. A plain send is
    /// then cheaper (the kernel's documentation suggests dropping the flag
    /// for the socket). When completions merge into one range, this is the
    /// first one's.
    #[inline]
    pub const fn copied(&self) -> bool {
        self.copied != 0
    }
}

impl SocketFd {
    /// Reads zero-copy completions from the socket's error queue into
    /// `out`, until `out` is full or the queue is empty; returns how many
    /// ranges it stored (0: none waiting). An empty `out` makes no system
    /// call.
    ///
    /// One `recvmsg(2)` with `MSG_ERRQUEUE | MSG_DONTWAIT` per entry, with
    /// control space for the largest form of the entry, so none is ever
    /// cut short; it never blocks (and so never fails with `EINTR`).
    /// Consecutive completions merge while they wait in the queue, so one
    /// range often covers many sends; across calls, every send is covered
    /// exactly once.
    ///
    /// Waiting completions make `poll` report `POLLERR` (epoll: `EPOLLERR`,
    /// asked or not) while [`take_error`](Self::take_error) stays `None`:
    /// on a zero-copy socket `POLLERR` means "read the completions", not a
    /// failed connection. It clears once the queue is read empty.
    ///
    /// **An entry that is not a completion** (on a socket with
    /// [`set_recv_errors`](Self::set_recv_errors) or timestamping on too: an
    /// ICMP error, a transmit timestamp) ends the call. The kernel takes
    /// each entry off the queue as it is read (`MSG_PEEK` does not keep it
    /// there), so such an entry is gone: read first, it is the call's error
    /// (its `errno`, such as `ECONNREFUSED`; `ENOMSG` when it has none,
    /// as timestamps); read after completions, the call returns those and
    /// the entry is lost. The completions after it stay queued for the
    /// next call. A socket whose error queue carries both should read it
    /// with [`recv_msg`](Self::recv_msg) and `MsgFlags::ERRQUEUE` instead,
    /// and take completions with [`ZerocopyRange::from_extended_error`].
    ///
    /// Only IPv4 and IPv6 sockets have an error queue. On a Unix socket
    /// `recvmsg(MSG_ERRQUEUE)` reads ordinary data: the call returns
    /// `EOPNOTSUPP` when something was waiting (a datagram is then
    /// consumed, and any descriptors in it closed) and 0 when nothing was.
    ///
    /// Errors: `EBADF`, `ENOTSOCK`, `EOPNOTSUPP`, and a foreign entry's
    /// error as above.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// use sockcore::poll::wait_ready;
    /// use sockcore::{MsgFlags, PollFlags, SockFlags, Socket, ZerocopyRange};
    ///
    /// let listener = Socket::listen_on("127.0.0.1:0", 1)?;
    /// let client = Socket::dial_addr(&listener.local_addr()?, Some(Duration::from_secs(1)))?;
    /// let (server, _) = listener.accept(SockFlags::empty())?;
    ///
    /// // Where the kernel has no SO_ZEROCOPY (before 4.14), plain sends do.
    /// let zerocopy = client.set_zerocopy(true).is_ok();
    /// let flags = if zerocopy { MsgFlags::ZEROCOPY } else { MsgFlags::empty() };
    /// let buf = vec![7u8; 64 * 1024];
    /// let sent = client.send(&buf, flags)?;
    /// let mut got = vec![0u8; sent];
    /// server.read_exact(&mut got)?;
    ///
    /// if zerocopy {
    ///     // Send number 0 completes: `buf` may be reused once a range holds it.
    ///     let mut ranges = [ZerocopyRange::default(); 4];
    ///     let timeout = Some(Duration::from_secs(5));
    ///     let ready = wait_ready(client.as_raw_fd(), PollFlags::empty(), timeout)?;
    ///     assert!(ready.contains(PollFlags::ERR), "completions raise POLLERR");
    ///     assert_eq!(client.recv_zerocopy_completions(&mut ranges)?, 1);
    ///     assert!(ranges[0].contains(0));
    ///     assert!(ranges[0].copied(), "over loopback the kernel copies after all");
    ///     assert_eq!(client.take_error()?, None, "POLLERR, yet no error");
    /// }
    /// # Ok::<(), sockcore::Errno>(())
    /// ```
    ///
    /// # References
    ///
    /// [`recvmsg(2)`](https://man7.org/linux/man-pages/man2/recvmsg.2.html),
    /// [MSG_ZEROCOPY](https://docs.kernel.org/networking/msg_zerocopy.html)
    #[doc(alias("sc_zerocopy_completions", "MSG_ERRQUEUE", "SO_EE_ORIGIN_ZEROCOPY"))]
    pub fn recv_zerocopy_completions(&self, out: &mut [ZerocopyRange]) -> Result<usize> {
        let mut stored = 0;
        for slot in out.iter_mut() {
            match self.next_zerocopy_completion() {
                Ok(Some(range)) => *slot = range,
                Ok(None) => break,
                Err(errno) if stored == 0 => return Err(errno),
                // A foreign entry after completions: they are returned.
                Err(_) => break,
            }
            stored += 1;
        }
        Ok(stored)
    }

    /// One entry of the error queue as a completion: `None` when the queue
    /// is empty, the errors of
    /// [`recv_zerocopy_completions`](Self::recv_zerocopy_completions) for
    /// anything else.
    fn next_zerocopy_completion(&self) -> Result<Option<ZerocopyRange>> {
        let mut space = CmsgBuffer::<ENTRY_SPACE>::new();
        // A completion carries no data. One empty buffer rather than none:
        // the kernel treats both alike, and qemu-user answers a recvmsg
        // with no buffers at all with 0 without making the call.
        let mut no_data = [IoSliceMut::new(&mut [])];
        let flags = MsgFlags::ERRQUEUE | MsgFlags::DONTWAIT;
        let received = self.recv_settled(&mut no_data, &mut space, None, flags);
        let (_, flags, control) = match received {
            Err(Errno::EAGAIN) => return Ok(None),
            received => received?,
        };
        // The kernel marks every read from an error queue; without the
        // mark the family has none and this was ordinary data. Dropping
        // `control` closes any descriptors that came with it.
        if !flags.contains(MsgFlags::ERRQUEUE) {
            return Err(Errno::EOPNOTSUPP);
        }
        let entry = control.messages().extended_error().ok_or(Errno::ENOMSG)?;
        match ZerocopyRange::from_extended_error(&entry) {
            Some(range) => Ok(Some(range)),
            None if entry.errno.raw() == 0 => Err(Errno::ENOMSG),
            None => Err(entry.errno),
        }
    }
}
