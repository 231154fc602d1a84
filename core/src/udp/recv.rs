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
        self.recv_checking(buf, &mut control, flags, false, false)
            .map(|(run, _)| run)
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
        self.recv_checking(buf, control, flags, false, true)
    }

    /// The receive, after the argument checks and, with `check_socket`,
    /// the socket's (for the calls that keep no state); without
    /// `keep_control`, for a caller that only drops the control data, the
    /// lone `UDP_GRO` message of the usual run is released rather than
    /// walked for descriptors to close (it holds none). Inline, so that the
    /// run and its sender's address are built in the caller's place rather
    /// than copied out.
    #[inline]
    fn recv_checking<'b, 'c>(
        &self,
        buf: &'b mut [u8],
        control: &'c mut [MaybeUninit<u8>],
        flags: MsgFlags,
        check_socket: bool,
        keep_control: bool,
    ) -> Result<(RecvSegments<'b>, ReceivedControl<'c>)> {
        if buf.is_empty() || !RECV_FLAGS.contains(flags) {
            return Err(Errno::EINVAL);
        }
        if check_socket {
            check_udp(self.socket)?;
        }
        let msg = {
            let mut bufs = [IoSliceMut::new(buf)];
            self.socket.recv_msg(&mut bufs, control, flags)?
        };
        // Asked for, TRUNC reports the whole length: nothing was lost.
        let reported = if flags.contains(MsgFlags::TRUNC) {
            msg.flags - MsgFlags::TRUNC
        } else {
            msg.flags
        };
        let lone = lone_gro_segment(msg.control.as_bytes());
        let segment = match lone {
            Some(segment) if !reported.contains(MsgFlags::TRUNC) => segment,
            _ => received_segment(msg.len, reported, msg.control.as_bytes())?,
        };
        let control = if lone.is_some() && !keep_control {
            // The lone UDP_GRO message holds no descriptor: given up, it
            // needs no walk when dropped.
            msg.control.release();
            // SAFETY: an empty buffer holds no descriptor.
            unsafe { ReceivedControl::from_received(&mut []) }
        } else {
            msg.control
        };
        let buf: &'b [u8] = buf;
        let data = buf.get(..msg.len).unwrap_or(buf);
        let run = RecvSegments {
            data,
            len: msg.len,
            segment,
            addr: msg.addr,
        };
        Ok((run, control))
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
        UdpOffload::from_state(self, GsoStatus::Untried)
            .recv_checking(buf, &mut control, flags, true, false)
            .map(|(run, _)| run)
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
