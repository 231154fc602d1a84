//! Receiving a coalesced run with its segment size.

use core::mem::MaybeUninit;

use super::control::{gro_segment, lone_gro_segment};
use super::offload::{check_udp, GsoStatus, UdpOffload};
use super::segments::Segments;
use crate::addr::SocketAddr;
use crate::errno::{Errno, Result};
use crate::flags::MsgFlags;
use crate::iovec::IoSliceMut;
use crate::msg::cmsg::buffer::CmsgBuffer;
use crate::msg::cmsg::cmsg_space_for_all_received;
use crate::msg::cmsg::received::ReceivedControl;
use crate::socket::SocketFd;

/// The flags a receive takes; anything else is `EINVAL`.
const RECV_FLAGS: MsgFlags = MsgFlags::DONTWAIT
    .union(MsgFlags::PEEK)
    .union(MsgFlags::TRUNC);

/// What one receive delivered: a coalesced run of datagrams, or one
/// datagram.
#[derive(Debug)]
pub struct RecvSegments<'b> {
    /// The bytes received, in the caller's buffer.
    pub data: &'b [u8],
    /// The run's length: `data.len()`, or more when the receive asked for
    /// `MsgFlags::TRUNC` and the run was longer than the buffer.
    pub len: usize,
    /// The segment size: every datagram of the run has this length but the
    /// last, which may be shorter. For a datagram that was not coalesced,
    /// its length (0 for an empty one).
    pub segment: usize,
    /// The sender.
    pub addr: SocketAddr,
}

impl<'b> RecvSegments<'b> {
    /// The datagrams of the run, in order.
    #[inline]
    pub fn segments(&self) -> Segments<'b> {
        Segments::new(self.data, self.segment)
    }
}

/// What [`UdpOffload::recv_from_into`] received: the sizes of a run whose
/// bytes are in the caller's buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunSize {
    /// The run's length, as [`RecvSegments::len`].
    pub len: usize,
    /// The segment size, as [`RecvSegments::segment`].
    pub segment: usize,
}

impl UdpOffload<'_> {
    /// One `recvmsg(2)`: a coalesced run (with `UDP_GRO` on the socket, see
    /// [`set_udp_gro`](SocketFd::set_udp_gro)) or one datagram, into `buf`,
    /// with its segment size and sender. Walk its datagrams with
    /// [`RecvSegments::segments`].
    ///
    /// Give [`UDP_GRO_BUFFER`](super::UDP_GRO_BUFFER) bytes: a run longer
    /// than `buf` is `EMSGSIZE` (the buffer holds its first bytes; the rest
    /// is gone), never a silent loss, unless `flags` has `TRUNC`, which
    /// returns it with its full length in `len`. `flags`: `DONTWAIT`,
    /// `PEEK`, `TRUNC`.
    ///
    /// Errors: `EINVAL` for an empty `buf` or other flags (before any system
    /// call), `EMSGSIZE`, `ENOBUFS` (the segment size was cut off the
    /// control data: cannot happen here, whose control space holds every
    /// message a UDP receive carries), and those of
    /// [`recv_from`](SocketFd::recv_from) (`EAGAIN`, `EINTR`, `ECONNREFUSED`,
    /// …).
    #[inline]
    pub fn recv<'b>(&self, buf: &'b mut [u8], flags: MsgFlags) -> Result<RecvSegments<'b>> {
        let mut control = CmsgBuffer::<{ cmsg_space_for_all_received() }>::new();
        let mut addr = SocketAddr::empty();
        let (size, _) = self.recv_sized(buf, &mut control, flags, Some(&mut addr), false, false)?;
        Ok(RecvSegments::new(buf, size, addr))
    }

    /// As [`recv`](Self::recv), the run left in `buf` and its sender
    /// written into `from`, or not asked of the kernel when `from` is
    /// `None` (a connected socket knows its peer): no address is built or
    /// copied. The run's bytes are `&buf[..size.len.min(buf.len())]`.
    ///
    /// `from` is written once a datagram was taken, so also when the call
    /// then fails with `EMSGSIZE` or `ENOBUFS`; on the other errors it is
    /// unchanged.
    ///
    /// Errors: those of [`recv`](Self::recv).
    #[inline]
    pub fn recv_from_into(
        &self,
        buf: &mut [u8],
        flags: MsgFlags,
        from: Option<&mut SocketAddr>,
    ) -> Result<RunSize> {
        let mut control = CmsgBuffer::<{ cmsg_space_for_all_received() }>::new();
        self.recv_sized(buf, &mut control, flags, from, false, false)
            .map(|(size, _)| size)
    }

    /// As [`recv`](Self::recv), also filling `control` with the socket's
    /// other control messages (a traffic class, packet information,
    /// timestamps), returned with the run. `control` must have room for
    /// those that come before `UDP_GRO` (timestamps, the drop count) and for
    /// `UDP_GRO`; [`cmsg_space_for_all_received()`](crate::cmsg_space_for_all_received)
    /// bytes hold everything.
    ///
    /// Errors: those of [`recv`](Self::recv); `ENOBUFS` when `control` was
    /// too small and the kernel cut the segment size off (`MSG_CTRUNC`
    /// without a whole `UDP_GRO` message): the run is gone, not misread.
    #[inline]
    pub fn recv_with_control<'b, 'c>(
        &self,
        buf: &'b mut [u8],
        control: &'c mut [MaybeUninit<u8>],
        flags: MsgFlags,
    ) -> Result<(RecvSegments<'b>, ReceivedControl<'c>)> {
        let mut addr = SocketAddr::empty();
        let (size, control) = self.recv_sized(buf, control, flags, Some(&mut addr), false, true)?;
        Ok((RecvSegments::new(buf, size, addr), control))
    }

    /// The receive behind the others, after the argument checks and, with
    /// `check_socket`, the socket's (for the calls that keep no state): the
    /// run's sizes, its sender into `from`, and the control data. Without
    /// `keep_control`, for a caller that only drops the control data, the
    /// lone `UDP_GRO` message of the usual run is released rather than
    /// walked for descriptors to close (it holds none).
    #[inline]
    fn recv_sized<'c>(
        &self,
        buf: &mut [u8],
        control: &'c mut [MaybeUninit<u8>],
        flags: MsgFlags,
        from: Option<&mut SocketAddr>,
        check_socket: bool,
        keep_control: bool,
    ) -> Result<(RunSize, ReceivedControl<'c>)> {
        if buf.is_empty() || !RECV_FLAGS.contains(flags) {
            return Err(Errno::EINVAL);
        }
        if check_socket {
            check_udp(self.socket)?;
        }
        let (len, received_flags, control) = {
            let mut bufs = [IoSliceMut::new(buf)];
            self.socket.recv_settled(&mut bufs, control, from, flags)?
        };
        // Asked for, TRUNC reports the whole length: nothing was lost.
        let reported = if flags.contains(MsgFlags::TRUNC) {
            received_flags - MsgFlags::TRUNC
        } else {
            received_flags
        };
        let lone = lone_gro_segment(control.as_bytes());
        let segment = match lone {
            Some(segment) if !reported.contains(MsgFlags::TRUNC) => segment,
            _ => received_segment(len, reported, control.as_bytes())?,
        };
        let control = if lone.is_some() && !keep_control {
            // The lone UDP_GRO message holds no descriptor: given up, it
            // needs no walk when dropped.
            control.release();
            // SAFETY: an empty buffer holds no descriptor.
            unsafe { ReceivedControl::from_received(&mut []) }
        } else {
            control
        };
        Ok((RunSize { len, segment }, control))
    }
}

impl<'b> RecvSegments<'b> {
    /// The run in `buf` that a receive of `size` from `addr` filled.
    #[inline]
    fn new(buf: &'b [u8], size: RunSize, addr: SocketAddr) -> RecvSegments<'b> {
        RecvSegments {
            data: buf.get(..size.len).unwrap_or(buf),
            len: size.len,
            segment: size.segment,
            addr,
        }
    }
}

impl SocketFd {
    /// Receives a coalesced run with its segment size:
    /// [`UdpOffload::recv`] on a new [`UdpOffload`]. It checks that the
    /// socket is UDP on every call (one `getsockopt` more); for a loop,
    /// keep an [`UdpOffload`].
    ///
    /// Errors: `ENOPROTOOPT` for a socket that is not UDP (nothing is
    /// received), and those of [`UdpOffload::recv`].
    #[inline]
    pub fn recv_segments<'b>(
        &self,
        buf: &'b mut [u8],
        flags: MsgFlags,
    ) -> Result<RecvSegments<'b>> {
        let mut control = CmsgBuffer::<{ cmsg_space_for_all_received() }>::new();
        let mut addr = SocketAddr::empty();
        let (size, _) = UdpOffload::from_state(self, GsoStatus::Untried).recv_sized(
            buf,
            &mut control,
            flags,
            Some(&mut addr),
            true,
            false,
        )?;
        Ok(RecvSegments::new(buf, size, addr))
    }
}

/// The segment size of a message a receive call filled, from its length
/// (`len`), its `msg_flags` (`flags`) and its control bytes (`control`):
/// the `UDP_GRO` value of a coalesced run, or `len` for a datagram that was
/// not coalesced. For receives made with [`recv_msg`](SocketFd::recv_msg)
/// or a batch of [`recv_mmsg_raw`](SocketFd::recv_mmsg_raw), each message
/// with control space of its own (without it, the kernel drops the segment
/// size and flags the message `CTRUNC`).
///
/// Errors: `EMSGSIZE` when `flags` has `TRUNC` (the run was longer than
/// the buffer, and its end is gone), `ENOBUFS` when `control` holds a
/// `UDP_GRO` message cut short, or none while `flags` has `CTRUNC` (the
/// segment size was, or may have been, cut off).
///
/// ```
/// use sockcore::udp::received_segment;
/// use sockcore::{Errno, MsgFlags};
///
/// assert_eq!(received_segment(1200, MsgFlags::empty(), &[]), Ok(1200));
/// assert_eq!(received_segment(64_800, MsgFlags::CTRUNC, &[]), Err(Errno::ENOBUFS));
/// ```
pub fn received_segment(len: usize, flags: MsgFlags, control: &[u8]) -> Result<usize> {
    if flags.contains(MsgFlags::TRUNC) {
        return Err(Errno::EMSGSIZE);
    }
    match gro_segment(control)? {
        Some(segment) => Ok(segment),
        None if flags.contains(MsgFlags::CTRUNC) => Err(Errno::ENOBUFS),
        None => Ok(len),
    }
}
