//! [`GroBatch`]: several coalesced runs in one `recvmmsg`, each message with
//! control space of its own, and so its own segment size.

use core::mem::MaybeUninit;

use super::offload::UdpOffload;
use super::recv::{received_segment, RecvSegments};
use crate::addr::SocketAddr;
use crate::errno::{Errno, Result};
use crate::flags::MsgFlags;
use crate::iovec::IoSliceMut;
use crate::msg::cmsg::buffer::CmsgBuffer;
use crate::msg::cmsg::cmsg_space_for_all_received;
use crate::msg::cmsg::parse::Cmsgs;
use crate::sys;

/// The flags a batch receive takes; anything else is `EINVAL`.
const BATCH_FLAGS: MsgFlags = MsgFlags::DONTWAIT.union(MsgFlags::WAITFORONE);

/// Up to `N` runs for one [`UdpOffload::recv_batch`]: the caller's buffers
/// ([`UDP_GRO_BUFFER`](super::UDP_GRO_BUFFER) bytes each), and for each
/// run, held in this value (no allocation), its sender and
/// [`cmsg_space_for_all_received()`](crate::cmsg_space_for_all_received) bytes of
/// control space. Every message has control space of its own: a batch
/// without it loses every run's segment size.
///
/// After a receive, [`run`](Self::run) gives each run with its segment
/// size, and [`control`](Self::control) its other control messages. The
/// value can be reused for the next receive.
pub struct GroBatch<'b, const N: usize> {
    bufs: [&'b mut [u8]; N],
    control: [CmsgBuffer<{ cmsg_space_for_all_received() }>; N],
    senders: [SocketAddr; N],
    lens: [usize; N],
    flags: [MsgFlags; N],
    control_lens: [usize; N],
    /// How many messages the last receive filled.
    filled: usize,
}

impl<'b, const N: usize> GroBatch<'b, N> {
    /// A batch receiving into `bufs`, one run each.
    pub fn new(bufs: [&'b mut [u8]; N]) -> GroBatch<'b, N> {
        GroBatch {
            bufs,
            control: core::array::from_fn(|_| CmsgBuffer::new()),
            senders: [SocketAddr::empty(); N],
            lens: [0; N],
            flags: [MsgFlags::empty(); N],
            control_lens: [0; N],
            filled: 0,
        }
    }

    /// How many runs the last receive filled (0 before the first).
    #[inline]
    pub fn filled(&self) -> usize {
        self.filled
    }

    /// Run `index` of the last receive, with its segment size and sender;
    /// `None` past [`filled`](Self::filled).
    ///
    /// Errors: `EMSGSIZE` when the run was longer than its buffer (the
    /// buffer holds its first bytes; the rest is gone), `ENOBUFS` when its
    /// segment size was cut off the control data (not with this value's
    /// control space).
    pub fn run(&self, index: usize) -> Option<Result<RecvSegments<'_>>> {
        if index >= self.filled {
            return None;
        }
        let buf: &[u8] = self.bufs.get(index)?;
        let len = *self.lens.get(index)?;
        let flags = *self.flags.get(index)?;
        let addr = *self.senders.get(index)?;
        let segment = received_segment(len, flags, self.control_bytes(index)?);
        Some(segment.map(|segment| RecvSegments {
            data: buf.get(..len).unwrap_or(buf),
            len,
            segment,
            addr,
        }))
    }

    /// The control messages of run `index` (traffic class, packet
    /// information, timestamps, `UDP_GRO` itself); `None` past
    /// [`filled`](Self::filled).
    #[inline]
    pub fn control(&self, index: usize) -> Option<Cmsgs<'_>> {
        self.control_bytes(index).map(Cmsgs::new)
    }

    /// The `msg_flags` of run `index`: `TRUNC` when it did not fit its
    /// buffer; `None` past [`filled`](Self::filled).
    #[inline]
    pub fn flags(&self, index: usize) -> Option<MsgFlags> {
        self.flags.get(..self.filled)?.get(index).copied()
    }

    /// The control bytes the kernel wrote for run `index`.
    fn control_bytes(&self, index: usize) -> Option<&[u8]> {
        if index >= self.filled {
            return None;
        }
        let space = self.control.get(index)?;
        let written = space.get(..*self.control_lens.get(index)?)?;
        // SAFETY: the last receive filled message `index`, and the kernel
        // wrote (so initialised) the msg_controllen bytes it reported, no
        // more than the space; MaybeUninit<u8> has the layout of u8.
        Some(unsafe { &*(written as *const [MaybeUninit<u8>] as *const [u8]) })
    }
}

impl<const N: usize> core::fmt::Debug for GroBatch<'_, N> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("GroBatch")
            .field("runs", &N)
            .field("filled", &self.filled)
            .finish()
    }
}

impl UdpOffload<'_> {
    /// One `recvmmsg(2)`: up to `N` runs (or datagrams) into `batch`, each
    /// with its own segment size, control messages and sender; returns how
    /// many arrived (read them with [`GroBatch::run`]).
    ///
    /// A blocking socket waits for all `N` unless `flags` has `WAITFORONE`
    /// (return once one arrived) or `DONTWAIT`. `flags`: `DONTWAIT`,
    /// `WAITFORONE`.
    ///
    /// Errors: `EINVAL` for no buffers, an empty one or other flags (before
    /// any system call); those of [`recv`](Self::recv). A run that did not
    /// fit its buffer is reported by [`GroBatch::run`], not here.
    pub fn recv_batch<const N: usize>(
        &self,
        batch: &mut GroBatch<'_, N>,
        flags: MsgFlags,
    ) -> Result<usize> {
        if N == 0 || batch.bufs.iter().any(|buf| buf.is_empty()) || !BATCH_FLAGS.contains(flags) {
            return Err(Errno::EINVAL);
        }
        batch.filled = 0;
        let mut iovs = batch.bufs.each_mut().map(|buf| IoSliceMut::new(buf));
        let mut headers: [libc::mmsghdr; N] = core::array::from_fn(|_| sys::zeroed());
        let parts = iovs
            .iter_mut()
            .zip(batch.control.iter_mut())
            .zip(batch.senders.iter_mut());
        for (header, ((iov, control), sender)) in headers.iter_mut().zip(parts) {
            header.msg_hdr = sys::recv_header(core::slice::from_mut(iov), control, Some(sender));
        }
        // SAFETY: each header was built by recv_header from exclusive
        // borrows of this call's iovecs (over the batch's buffers) and of
        // the batch's control space and sender, with their lengths; nothing
        // else touches them until the call returns.
        let filled = unsafe { self.socket.recv_mmsg_raw(&mut headers, flags, None) }?;
        let results = batch
            .lens
            .iter_mut()
            .zip(batch.flags.iter_mut())
            .zip(batch.control_lens.iter_mut())
            .zip(batch.senders.iter_mut());
        for (header, (((len, flags), control_len), sender)) in
            headers.iter().zip(results).take(filled)
        {
            *len = header.msg_len as usize;
            *flags = MsgFlags::from_bits_retain(header.msg_hdr.msg_flags);
            *control_len =
                sys::filled_control_len(&header.msg_hdr).min(cmsg_space_for_all_received());
            sender.set_len(header.msg_hdr.msg_namelen);
        }
        batch.filled = filled;
        Ok(filled)
    }
}
