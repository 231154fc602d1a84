//! `sendmmsg` and `recvmmsg` on [`SocketFd`]: batches of messages over
//! caller arrays, with no allocation.
//!
//! [`MmsgHdr`] (to send) and [`MmsgHdrMut`] (to receive) each have the
//! exact layout of `struct mmsghdr`, so a caller's array of them goes to the
//! kernel as is. Each one borrows its buffers (and address, and control
//! data) for as long as it lives.
//!
//! ```
//! use sockcore::{Domain, IoSlice, IoSliceMut, MmsgHdr, MmsgHdrMut, MsgFlags, SockFlags};
//! use sockcore::{Socket, SocketAddr, Type};
//!
//! let rx = Socket::new(Domain::IPV4, Type::DGRAM, SockFlags::empty())?;
//! rx.bind(&SocketAddr::parse("127.0.0.1:0")?)?;
//! let to = rx.local_addr()?;
//! let tx = Socket::new(Domain::IPV4, Type::DGRAM, SockFlags::empty())?;
//!
//! let payloads = [IoSlice::new(b"one"), IoSlice::new(b"two")];
//! let mut batch = [
//!     MmsgHdr::new(&payloads[0..1]).with_addr(&to),
//!     MmsgHdr::new(&payloads[1..2]).with_addr(&to),
//! ];
//! assert_eq!(tx.send_mmsg(&mut batch, MsgFlags::empty())?, 2);
//!
//! let (mut a, mut b) = ([0u8; 8], [0u8; 8]);
//! let mut bufs = [IoSliceMut::new(&mut a), IoSliceMut::new(&mut b)];
//! let (first, second) = bufs.split_at_mut(1);
//! let mut received = [MmsgHdrMut::new(first), MmsgHdrMut::new(second)];
//! assert_eq!(rx.recv_mmsg(&mut received, MsgFlags::DONTWAIT, None)?, 2);
//! assert_eq!(received[1].msg_len(), 3);
//! assert_eq!(&b[..3], b"two");
//! # Ok::<(), sockcore::Errno>(())
//! ```

use core::marker::PhantomData;
use core::mem::{align_of, size_of};
use core::time::Duration;

use crate::addr::SocketAddr;
use crate::errno::Result;
use crate::flags::MsgFlags;
use crate::iovec::{IoSlice, IoSliceMut};
use crate::msg::settle_raw;
use crate::socket::SocketFd;
use crate::sys;
use crate::time::timespec_from;

/// One message of a [`send_mmsg`](SocketFd::send_mmsg) batch, with the
/// layout of `struct mmsghdr`: buffers to gather, an optional destination
/// and optional control data.
#[repr(transparent)]
pub struct MmsgHdr<'a> {
    hdr: libc::mmsghdr,
    _borrow: PhantomData<(&'a [u8], &'a SocketAddr)>,
}

/// One message of a [`recv_mmsg`](SocketFd::recv_mmsg) batch, with the
/// layout of `struct mmsghdr`: buffers to scatter into and, optionally, an
/// address to fill with the sender's.
///
/// Batches carry no control data on this safe path, so no descriptor can
/// arrive: the kernel drops any that are sent and flags the message
/// `CTRUNC`. For control data in a batch, see
/// [`recv_mmsg_raw`](SocketFd::recv_mmsg_raw).
#[repr(transparent)]
pub struct MmsgHdrMut<'a> {
    hdr: libc::mmsghdr,
    _borrow: PhantomData<(&'a mut [u8], &'a mut SocketAddr)>,
}

const _: () = assert!(size_of::<MmsgHdr<'_>>() == size_of::<libc::mmsghdr>());
const _: () = assert!(align_of::<MmsgHdr<'_>>() == align_of::<libc::mmsghdr>());
const _: () = assert!(size_of::<MmsgHdrMut<'_>>() == size_of::<libc::mmsghdr>());
const _: () = assert!(align_of::<MmsgHdrMut<'_>>() == align_of::<libc::mmsghdr>());

// SAFETY: an MmsgHdr is shared borrows of plain bytes and an address, which
// are Send and Sync; the raw pointers inside are only those borrows.
unsafe impl Send for MmsgHdr<'_> {}
// SAFETY: as above.
unsafe impl Sync for MmsgHdr<'_> {}
// SAFETY: an MmsgHdrMut is exclusive borrows of plain bytes and an address,
// which are Send and Sync; the raw pointers inside are only those borrows.
unsafe impl Send for MmsgHdrMut<'_> {}
// SAFETY: as above.
unsafe impl Sync for MmsgHdrMut<'_> {}

impl<'a> MmsgHdr<'a> {
    /// A message gathering `bufs`, for a connected socket (no address) and
    /// with no control data.
    #[inline]
    pub fn new(bufs: &'a [IoSlice<'_>]) -> MmsgHdr<'a> {
        MmsgHdr {
            hdr: libc::mmsghdr {
                msg_hdr: sys::send_header(bufs, &[], None),
                msg_len: 0,
            },
            _borrow: PhantomData,
        }
    }

    /// Sends this message to `to`.
    #[inline]
    pub fn with_addr(mut self, to: &'a SocketAddr) -> MmsgHdr<'a> {
        sys::set_send_name(&mut self.hdr.msg_hdr, to);
        self
    }

    /// Attaches control data (built with
    /// [`CmsgBuilder`](crate::CmsgBuilder)) to this message.
    #[inline]
    pub fn with_control(mut self, control: &'a [u8]) -> MmsgHdr<'a> {
        sys::set_send_control(&mut self.hdr.msg_hdr, control);
        self
    }

    /// Bytes sent of this message by the last
    /// [`send_mmsg`](SocketFd::send_mmsg) that reached it (0 before).
    #[inline]
    pub fn msg_len(&self) -> usize {
        self.hdr.msg_len as usize
    }
}

impl<'a> MmsgHdrMut<'a> {
    /// A message scattering into `bufs`, not asking for the sender's address.
    #[inline]
    pub fn new(bufs: &'a mut [IoSliceMut<'_>]) -> MmsgHdrMut<'a> {
        MmsgHdrMut {
            hdr: libc::mmsghdr {
                msg_hdr: sys::recv_header(bufs, &mut [], None),
                msg_len: 0,
            },
            _borrow: PhantomData,
        }
    }

    /// Fills `addr` with the sender's address when this message arrives.
    #[inline]
    pub fn with_addr(mut self, addr: &'a mut SocketAddr) -> MmsgHdrMut<'a> {
        sys::set_recv_name(&mut self.hdr.msg_hdr, addr);
        self
    }

    /// Bytes received into this message by the last
    /// [`recv_mmsg`](SocketFd::recv_mmsg) (0 when the batch ended before
    /// it). With `MsgFlags::TRUNC` passed in, a datagram's full length.
    #[inline]
    pub fn msg_len(&self) -> usize {
        self.hdr.msg_len as usize
    }

    /// This message's `msg_flags` from the last
    /// [`recv_mmsg`](SocketFd::recv_mmsg): `TRUNC` when the datagram was
    /// cut to fit the buffers, `CTRUNC` when control data was dropped.
    #[inline]
    pub fn flags(&self) -> MsgFlags {
        MsgFlags::from_bits_retain(self.hdr.msg_hdr.msg_flags)
    }

    /// The sender's address filled in by the last
    /// [`recv_mmsg`](SocketFd::recv_mmsg) (the empty address when the batch
    /// ended before this message); `None` without
    /// [`with_addr`](Self::with_addr).
    #[inline]
    pub fn addr(&self) -> Option<&SocketAddr> {
        let addr = self.hdr.msg_hdr.msg_name.cast::<SocketAddr>();
        // SAFETY: msg_name is NULL or was set by with_addr from a SocketAddr
        // exclusively borrowed for 'a; SocketAddr is repr(C) with its storage
        // first, so the storage pointer is the SocketAddr's own.
        unsafe { addr.as_ref() }
    }

    /// Makes the header ready for a call: the kernel overwrote the address
    /// length and result fields last time.
    fn prepare(&mut self) {
        if !self.hdr.msg_hdr.msg_name.is_null() {
            self.hdr.msg_hdr.msg_namelen = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        }
        self.hdr.msg_hdr.msg_flags = 0;
        self.hdr.msg_len = 0;
    }

    /// Copies the address length the kernel reported (0 when `filled` is
    /// false) into the caller's [`SocketAddr`].
    fn settle_addr(&mut self, filled: bool) {
        let addr = self.hdr.msg_hdr.msg_name.cast::<SocketAddr>();
        let len = if filled {
            self.hdr.msg_hdr.msg_namelen
        } else {
            0
        };
        // SAFETY: as in `addr`, and &mut self makes this the only access.
        if let Some(addr) = unsafe { addr.as_mut() } {
            addr.set_len(len);
        }
    }
}

impl core::fmt::Debug for MmsgHdr<'_> {
    /// The counts and lengths the header holds, not the bytes.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let hdr = &self.hdr.msg_hdr;
        f.debug_struct("MmsgHdr")
            .field("buffers", &hdr.msg_iovlen)
            .field("addr_len", &hdr.msg_namelen)
            .field("control_len", &sys::filled_control_len(hdr))
            .field("msg_len", &self.msg_len())
            .finish()
    }
}

impl core::fmt::Debug for MmsgHdrMut<'_> {
    /// The counts, lengths and flags the header holds, not the bytes.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("MmsgHdrMut")
            .field("buffers", &self.hdr.msg_hdr.msg_iovlen)
            .field("addr", &self.addr())
            .field("msg_len", &self.msg_len())
            .field("flags", &self.flags())
            .finish()
    }
}

impl SocketFd {
    /// `sendmmsg(2)` with `flags | MSG_NOSIGNAL`: sends the messages in
    /// order, in one call. Returns how many were sent (each one's
    /// [`msg_len`](MmsgHdr::msg_len) is set).
    ///
    /// A batch stops at the first message that fails: the kernel returns
    /// the count before it, and that message's error is lost (the next call,
    /// starting there, reports it). An error on the first message is
    /// returned. Errors: those of [`send_msg`](Self::send_msg).
    ///
    /// # References
    ///
    /// [`sendmmsg(2)`](https://man7.org/linux/man-pages/man2/sendmmsg.2.html)
    #[doc(alias("sc_sendmmsg", "sendmmsg"))]
    pub fn send_mmsg(&self, msgs: &mut [MmsgHdr<'_>], flags: MsgFlags) -> Result<usize> {
        // SAFETY: MmsgHdr is repr(transparent) over mmsghdr (asserted above).
        let raw = unsafe { &mut *(msgs as *mut [MmsgHdr<'_>] as *mut [libc::mmsghdr]) };
        // SAFETY: every header was built from borrows that outlive `msgs`.
        unsafe { self.send_mmsg_raw(raw, flags) }
    }

    /// `recvmmsg(2)` with `flags | MSG_CMSG_CLOEXEC`: fills up to
    /// `msgs.len()` messages in one call and returns how many. Each filled
    /// message has its [`msg_len`](MmsgHdrMut::msg_len),
    /// [`flags`](MmsgHdrMut::flags) and address set; the headers can be
    /// reused for the next call.
    ///
    /// Blocking sockets wait for the whole batch unless `flags` has
    /// `WAITFORONE` (return once one arrived) or `DONTWAIT`. `timeout`
    /// (`None`: none) bounds the wait, but the kernel checks it only after
    /// each datagram arrives (see `recvmmsg(2)`, BUGS): for a wait that
    /// cannot stall, poll first or use `WAITFORONE`. It goes to the kernel
    /// as a `timespec`, to the nanosecond.
    ///
    /// Errors: those of [`recv_msg`](Self::recv_msg); `EAGAIN` when nothing
    /// arrived (non-blocking, or the time-out).
    ///
    /// # References
    ///
    /// [`recvmmsg(2)`](https://man7.org/linux/man-pages/man2/recvmmsg.2.html)
    #[doc(alias("sc_recvmmsg", "recvmmsg"))]
    pub fn recv_mmsg(
        &self,
        msgs: &mut [MmsgHdrMut<'_>],
        flags: MsgFlags,
        timeout: Option<Duration>,
    ) -> Result<usize> {
        msgs.iter_mut().for_each(MmsgHdrMut::prepare);
        // SAFETY: MmsgHdrMut is repr(transparent) over mmsghdr (asserted
        // above).
        let raw = unsafe { &mut *(msgs as *mut [MmsgHdrMut<'_>] as *mut [libc::mmsghdr]) };
        // SAFETY: every header was built from exclusive borrows that outlive
        // `msgs`, with the lengths they describe.
        let result = unsafe { self.recv_mmsg_raw(raw, flags, timeout) };
        let filled = *result.as_ref().unwrap_or(&0);
        for (index, msg) in msgs.iter_mut().enumerate() {
            msg.settle_addr(index < filled);
        }
        result
    }

    /// `sendmmsg(2)` over C `struct mmsghdr`s, with `flags | MSG_NOSIGNAL`:
    /// the call behind [`send_mmsg`](Self::send_mmsg), for callers (such as
    /// a C ABI) that already hold headers. Errors and partial batches as
    /// there.
    ///
    /// # Safety
    ///
    /// Every header must satisfy [`send_msg_raw`](Self::send_msg_raw)'s
    /// requirement.
    ///
    /// # References
    ///
    /// [`sendmmsg(2)`](https://man7.org/linux/man-pages/man2/sendmmsg.2.html)
    #[doc(alias("sc_sendmmsg", "sendmmsg"))]
    #[inline]
    pub unsafe fn send_mmsg_raw(
        &self,
        msgs: &mut [libc::mmsghdr],
        flags: MsgFlags,
    ) -> Result<usize> {
        let flags = (flags | MsgFlags::NOSIGNAL).syscall_bits()?;
        // SAFETY: the caller guarantees every header.
        unsafe { sys::sendmmsg(self.as_raw_fd(), msgs, flags) }
    }

    /// `recvmmsg(2)` over C `struct mmsghdr`s, with `flags |
    /// MSG_CMSG_CLOEXEC`: the call behind [`recv_mmsg`](Self::recv_mmsg),
    /// for callers that hold headers or want control data in a batch.
    ///
    /// Descriptors in the filled messages' control data become the
    /// caller's, except in a message whose control data was truncated
    /// (`MSG_CTRUNC`): those are closed here and read -1. Each filled
    /// message's `msg_flags` is without `MSG_CMSG_CLOEXEC`. Errors and the
    /// time-out as [`recv_mmsg`](Self::recv_mmsg).
    ///
    /// # Safety
    ///
    /// Every header must satisfy [`recv_msg_raw`](Self::recv_msg_raw)'s
    /// requirement.
    ///
    /// # References
    ///
    /// [`recvmmsg(2)`](https://man7.org/linux/man-pages/man2/recvmmsg.2.html)
    #[doc(alias("sc_recvmmsg", "recvmmsg"))]
    pub unsafe fn recv_mmsg_raw(
        &self,
        msgs: &mut [libc::mmsghdr],
        flags: MsgFlags,
        timeout: Option<Duration>,
    ) -> Result<usize> {
        let flags = (flags | MsgFlags::CMSG_CLOEXEC).syscall_bits()?;
        let mut timeout = timeout.map(timespec_from);
        // SAFETY: the caller guarantees every header.
        let filled = unsafe { sys::recvmmsg(self.as_raw_fd(), msgs, flags, timeout.as_mut()) }?;
        for msg in msgs.iter_mut().take(filled) {
            // SAFETY: recvmmsg just filled the header, whose control buffer
            // the caller guarantees.
            unsafe { settle_raw(&mut msg.msg_hdr) };
        }
        Ok(filled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_storage_pointer_is_the_address_itself() {
        // MmsgHdrMut finds the caller's SocketAddr from msg_name; that holds
        // only while the storage is the struct's first field.
        let mut addr = SocketAddr::empty();
        let whole = &mut addr as *mut SocketAddr as usize;
        let (storage, _) = addr.as_mut_parts();
        assert_eq!(storage as usize, whole);
    }
}
