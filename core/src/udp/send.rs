//! Sending a buffer as equal datagrams: offloaded, one `sendmsg` with
//! `UDP_SEGMENT` per [`segments_per_send`] datagrams, or, where the kernel
//! refuses, `sendmmsg` batches of the same datagrams.

use core::num::NonZeroUsize;

use super::control::udp_segment_message;
use super::limits::{segments_per_send, UDP_MAX_PAYLOAD, UDP_MAX_SEGMENTS};
use super::offload::{check_udp, GsoStatus, UdpOffload};
use crate::addr::SocketAddr;
use crate::errno::{Errno, Result};
use crate::flags::MsgFlags;
use crate::iovec::IoSlice;
use crate::msg::cmsg::buffer::CmsgBuffer;
use crate::msg::cmsg::cmsg_space_for_udp_segment;
use crate::msg::cmsg::decode::ControlMessage;
use crate::msg::cmsg::parse::Cmsgs;
use crate::msg::mmsg::MmsgHdr;
use crate::socket::SocketFd;

/// The most control data [`UdpOffload::send_with_control`] attaches (a
/// source address, a traffic class, a hop limit and a timestamp request
/// take about 140 bytes).
pub const UDP_OFFLOAD_CONTROL_MAX: usize = 256;

/// The control data of one offloaded send, at most.
const JOINED_MAX: usize = UDP_SEGMENT_SPACE + UDP_OFFLOAD_CONTROL_MAX;

/// Bytes of control space for the `UDP_SEGMENT` message.
const UDP_SEGMENT_SPACE: usize = cmsg_space_for_udp_segment();

/// The flags a send takes; anything else is `EINVAL` (`MSG_MORE` would
/// cork every piece into one oversized datagram).
const SEND_FLAGS: MsgFlags = MsgFlags::DONTWAIT
    .union(MsgFlags::CONFIRM)
    .union(MsgFlags::DONTROUTE)
    .union(MsgFlags::NOSIGNAL);

impl UdpOffload<'_> {
    /// Sends `buf` as datagrams of `segment` bytes (the last one may be
    /// shorter) to `to` (`None` on a connected socket), `flags |
    /// MSG_NOSIGNAL`.
    ///
    /// Offloaded, it makes one `sendmsg` with a `UDP_SEGMENT` message per
    /// [`segments_per_send(segment)`](super::segments_per_send) datagrams (at
    /// most 64 datagrams and 65,507 bytes), so a longer buffer takes several
    /// system calls. When the kernel refuses offload (`EIO`, `EINVAL`) the
    /// same datagrams go as `sendmmsg` batches of up to 64, from the first
    /// one not yet sent, and every later send of this value does the same
    /// ([`GsoStatus::Refused`]); when the batches fail with the very error
    /// the offloaded call did and nothing went, the error was not about
    /// offload, and the status is left as it was. `EMSGSIZE` (a segment over
    /// the path MTU) is returned, never fallen back from: datagrams sent
    /// instead would be fragmented.
    ///
    /// Returns the bytes sent: all of `buf`, or fewer (always whole
    /// datagrams) when a system call after the first failed or a
    /// non-blocking socket filled; send the rest from `&buf[n..]`. Signals
    /// are not retried: `EINTR` before anything went, a short count after.
    /// The socket option `UDP_SEGMENT` is never set.
    ///
    /// Errors, before any system call: `EINVAL` for an empty `buf`, a
    /// `segment` of 0 or over [`UDP_MAX_PAYLOAD`](super::UDP_MAX_PAYLOAD),
    /// or flags other than `DONTWAIT`, `CONFIRM`, `DONTROUTE`, `NOSIGNAL`;
    /// `EAFNOSUPPORT` for a `to` that is not IPv4 or IPv6. Then those of
    /// [`send_to`](SocketFd::send_to) (`EMSGSIZE`, `EAGAIN`,
    /// `EDESTADDRREQ`, `ECONNREFUSED`, …).
    #[inline]
    pub fn send(
        &mut self,
        buf: &[u8],
        segment: usize,
        flags: MsgFlags,
        to: Option<&SocketAddr>,
    ) -> Result<usize> {
        self.send_with_control(buf, segment, &[], flags, to)
    }

    /// As [`send`](Self::send), with `control` (control messages built with
    /// [`CmsgBuilder`](crate::CmsgBuilder): a source address, a traffic
    /// class, a hop limit, …) attached to every system call, and so to every
    /// datagram: offloaded, the kernel copies it into each segment; in a
    /// `sendmmsg` batch, each message carries it.
    ///
    /// Errors: those of [`send`](Self::send), and `EINVAL` for `control`
    /// over [`UDP_OFFLOAD_CONTROL_MAX`] bytes or holding a `UDP_SEGMENT`
    /// message of its own.
    #[inline]
    pub fn send_with_control(
        &mut self,
        buf: &[u8],
        segment: usize,
        control: &[u8],
        flags: MsgFlags,
        to: Option<&SocketAddr>,
    ) -> Result<usize> {
        self.send_checking(buf, segment, control, flags, to, false)
    }

    /// The send, after the argument checks and, with `check_socket`, the
    /// socket's (for the calls that keep no state).
    fn send_checking(
        &mut self,
        buf: &[u8],
        segment: usize,
        control: &[u8],
        flags: MsgFlags,
        to: Option<&SocketAddr>,
        check_socket: bool,
    ) -> Result<usize> {
        let segment = check_send(buf, segment, control, flags, to)?;
        if check_socket {
            check_udp(self.socket)?;
        }
        let flags = flags | MsgFlags::NOSIGNAL;
        let mut sent = 0;
        // The status before a refusal in this call, and the refusal.
        let mut refusal = None;
        if self.gso != GsoStatus::Refused {
            let offloaded = send_offloaded(self.socket, buf, segment, control, flags, to);
            sent = offloaded.sent;
            if sent > 0 {
                self.gso = GsoStatus::Offloaded;
            }
            match offloaded.error {
                None => return Ok(sent),
                Some(error @ (Errno::EIO | Errno::EINVAL)) => {
                    refusal = Some((self.gso, error));
                    self.gso = GsoStatus::Refused;
                }
                Some(error) => return partial(sent, error),
            }
        }
        let rest = buf.get(sent..).unwrap_or_default();
        let batches = send_batches(self.socket, rest, segment, control, flags, to);
        sent += batches.sent;
        match batches.error {
            None => Ok(sent),
            Some(error) => {
                if let Some((before, refused)) = refusal {
                    if batches.sent == 0 && refused == error {
                        self.gso = before;
                    }
                }
                partial(sent, error)
            }
        }
    }
}

impl SocketFd {
    /// Sends `buf` as datagrams of `segment` bytes (the last may be shorter)
    /// with segmentation offload: [`UdpOffload::send`] on a new
    /// [`UdpOffload`], falling back to `sendmmsg` where the kernel refuses.
    ///
    /// It checks that the socket is UDP on every call (one `getsockopt`
    /// more), and a refusal is not remembered: on a socket whose kernel
    /// refuses, every call first tries offload again. For a loop, keep an
    /// [`UdpOffload`].
    ///
    /// Errors: `ENOPROTOOPT` for a socket that is not UDP (nothing is
    /// sent), and those of [`UdpOffload::send`].
    #[inline]
    pub fn send_segments(
        &self,
        buf: &[u8],
        segment: usize,
        flags: MsgFlags,
        to: Option<&SocketAddr>,
    ) -> Result<usize> {
        UdpOffload::from_state(self, GsoStatus::Untried).send_checking(
            buf,
            segment,
            &[],
            flags,
            to,
            true,
        )
    }
}

/// The checks made before any system call; the segment size as a divisor.
fn check_send(
    buf: &[u8],
    segment: usize,
    control: &[u8],
    flags: MsgFlags,
    to: Option<&SocketAddr>,
) -> Result<NonZeroUsize> {
    // The kernel would send an empty datagram, or one unsegmented.
    if buf.is_empty() || segment > UDP_MAX_PAYLOAD || !SEND_FLAGS.contains(flags) {
        return Err(Errno::EINVAL);
    }
    let segment = NonZeroUsize::new(segment).ok_or(Errno::EINVAL)?;
    if let Some(to) = to {
        if !matches!(to.family(), libc::AF_INET | libc::AF_INET6) {
            return Err(Errno::EAFNOSUPPORT);
        }
    }
    if control.len() > UDP_OFFLOAD_CONTROL_MAX || (!control.is_empty() && has_udp_segment(control))
    {
        return Err(Errno::EINVAL);
    }
    Ok(segment)
}

/// Whether `control` holds a `UDP_SEGMENT` message, which would fight the
/// one the send adds.
fn has_udp_segment(control: &[u8]) -> bool {
    Cmsgs::new(control).any(|message| {
        matches!(
            message,
            ControlMessage::Other {
                level: libc::SOL_UDP,
                ty: libc::UDP_SEGMENT,
                ..
            }
        )
    })
}

/// How far one way of sending got.
struct Progress {
    /// Bytes sent, whole datagrams.
    sent: usize,
    /// Why it stopped, when a system call failed; `None` when it sent
    /// everything, or stopped at a batch the kernel took only part of.
    error: Option<Errno>,
}

/// A short count when something went, else the error: as `write` does.
fn partial(sent: usize, error: Errno) -> Result<usize> {
    if sent > 0 {
        Ok(sent)
    } else {
        Err(error)
    }
}

/// The offloaded sends: `buf` in pieces of [`segments_per_send`] datagrams,
/// one `sendmsg` each with `UDP_SEGMENT` (and the caller's `extra` control)
/// attached, until all went or one failed.
fn send_offloaded(
    socket: &SocketFd,
    buf: &[u8],
    segment: NonZeroUsize,
    extra: &[u8],
    flags: MsgFlags,
    to: Option<&SocketAddr>,
) -> Progress {
    let mut space = CmsgBuffer::<UDP_SEGMENT_SPACE>::new();
    // At most 65,507, checked.
    let message = match udp_segment_message(&mut space, segment.get() as u16) {
        Ok(message) => message,
        Err(error) => {
            return Progress {
                sent: 0,
                error: Some(error),
            }
        }
    };
    let joined: [u8; JOINED_MAX];
    let control: &[u8] = if extra.is_empty() {
        message
    } else {
        joined = join(message, extra);
        joined
            .get(..UDP_SEGMENT_SPACE + extra.len())
            .unwrap_or_default()
    };
    let piece = segments_per_send(segment.get()).saturating_mul(segment.get());
    let mut sent = 0;
    while let Some(rest) = buf.get(sent..).filter(|rest| !rest.is_empty()) {
        let datagrams = rest.get(..piece).unwrap_or(rest);
        match socket.send_msg(&[IoSlice::new(datagrams)], control, to, flags) {
            // A UDP send takes a piece whole; a count of 0 cannot follow.
            Ok(0) => break,
            Ok(n) => sent += n,
            Err(error) => {
                return Progress {
                    sent,
                    error: Some(error),
                }
            }
        }
    }
    Progress { sent, error: None }
}

/// `UDP_SEGMENT` first, then the caller's messages: each message starts at
/// an aligned offset whatever padding the caller's last one has.
fn join(message: &[u8], extra: &[u8]) -> [u8; JOINED_MAX] {
    let mut joined = [0u8; JOINED_MAX];
    for (out, byte) in joined.iter_mut().zip(message.iter().chain(extra)) {
        *out = *byte;
    }
    joined
}

/// The fallback: `buf` as datagrams of `segment` bytes in `sendmmsg`
/// batches of up to 64, each datagram with the caller's `control`, until
/// all went, a call failed, or the kernel took part of a batch.
fn send_batches(
    socket: &SocketFd,
    buf: &[u8],
    segment: NonZeroUsize,
    control: &[u8],
    flags: MsgFlags,
    to: Option<&SocketAddr>,
) -> Progress {
    let mut sent = 0;
    while let Some(rest) = buf.get(sent..).filter(|rest| !rest.is_empty()) {
        let count = batch_len(rest.len(), segment);
        let datagrams: [IoSlice<'_>; UDP_MAX_SEGMENTS] =
            core::array::from_fn(|i| IoSlice::new(datagram(rest, segment, i)));
        let mut batch: [MmsgHdr<'_>; UDP_MAX_SEGMENTS] = core::array::from_fn(|i| {
            let iov = datagrams.get(i..=i).unwrap_or_default();
            let message = MmsgHdr::new(iov).with_control(control);
            match to {
                Some(to) => message.with_addr(to),
                None => message,
            }
        });
        let batch = batch.get_mut(..count).unwrap_or_default();
        match socket.send_mmsg(batch, flags) {
            Ok(done) => {
                let done_messages = batch.get(..done).unwrap_or_default();
                sent += done_messages.iter().map(MmsgHdr::msg_len).sum::<usize>();
                if done < count || done == 0 {
                    break;
                }
            }
            Err(error) => {
                return Progress {
                    sent,
                    error: Some(error),
                }
            }
        }
    }
    Progress { sent, error: None }
}

/// How many datagrams of `segment` bytes `len` bytes make, up to a batch
/// of [`UDP_MAX_SEGMENTS`]: counted up rather than divided (see
/// [`segments_per_send`]).
fn batch_len(len: usize, segment: NonZeroUsize) -> usize {
    let (mut count, mut bytes) = (0, 0);
    while count < UDP_MAX_SEGMENTS && bytes < len {
        count += 1;
        bytes += segment.get();
    }
    count
}

/// The `index`-th datagram of `segment` bytes in `buf` (the last may be
/// shorter; empty past the end).
fn datagram(buf: &[u8], segment: NonZeroUsize, index: usize) -> &[u8] {
    let start = index.saturating_mul(segment.get());
    let rest = buf.get(start..).unwrap_or_default();
    rest.get(..segment.get()).unwrap_or(rest)
}
