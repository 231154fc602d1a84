//! Descriptor passing in one call: [`SocketFd::send_fds`] and
//! [`SocketFd::recv_fds`], over `sendmsg`/`recvmsg` with `SCM_RIGHTS`.

use crate::errno::{Errno, Result};
use crate::fd::{OwnedFd, RawFd};
use crate::flags::MsgFlags;
use crate::iovec::{IoSlice, IoSliceMut};
use crate::msg::cmsg::buffer::CmsgBuffer;
use crate::msg::cmsg::builder::CmsgBuilder;
use crate::msg::cmsg::{cmsg_space_for_creds, cmsg_space_for_fds, SCM_MAX_FD};
use crate::socket::SocketFd;

/// Stack space for the largest `SCM_RIGHTS` message plus credentials, which
/// arrive first when the receiver has `SO_PASSCRED` on.
const RECV_SPACE: usize = cmsg_space_for_fds(SCM_MAX_FD) + cmsg_space_for_creds();

/// The flags [`SocketFd::recv_fds`] takes.
const RECV_FDS_FLAGS: MsgFlags = MsgFlags::DONTWAIT.union(MsgFlags::PEEK);

/// What [`SocketFd::recv_fds`] received.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecvFds {
    /// Bytes of data received; 0 at end of stream.
    pub len: usize,
    /// Descriptors stored at the start of the caller's array.
    pub fds: usize,
    /// `msg_flags`: `TRUNC` (the data was cut), `CTRUNC` (more descriptors
    /// came than the array holds: all of them were closed).
    pub flags: MsgFlags,
}

impl SocketFd {
    /// Sends `data` with the descriptors `fds` attached, in one `sendmsg(2)`
    /// with `MSG_NOSIGNAL`. The descriptors stay open here; the receiver
    /// gets its own. With no descriptors, a plain send.
    ///
    /// On a stream socket `data` must hold at least one byte, or nothing
    /// (descriptors included) is sent.
    ///
    /// Errors: `EINVAL` for more than [`SCM_MAX_FD`] descriptors (as the
    /// kernel answers), and those of [`send_msg`](Self::send_msg).
    ///
    /// # References
    ///
    /// [`sendmsg(2)`](https://man7.org/linux/man-pages/man2/sendmsg.2.html),
    /// [`unix(7)`](https://man7.org/linux/man-pages/man7/unix.7.html)
    #[doc(alias("SCM_RIGHTS", "sc_send_fds", "sendmsg"))]
    pub fn send_fds(&self, data: &[u8], fds: &[RawFd]) -> Result<usize> {
        if fds.len() > SCM_MAX_FD {
            return Err(Errno::EINVAL);
        }
        let mut space = CmsgBuffer::<{ cmsg_space_for_fds(SCM_MAX_FD) }>::new();
        let mut builder = CmsgBuilder::new(&mut space);
        if !fds.is_empty() {
            builder.push_fds(fds)?;
        }
        let bufs = [IoSlice::new(data)];
        self.send_msg(&bufs, builder.as_bytes(), None, MsgFlags::empty())
    }

    /// Receives into `data` and up to `fds.len()` descriptors (at most
    /// [`SCM_MAX_FD`]), in one `recvmsg(2)` with `flags |
    /// MSG_CMSG_CLOEXEC`. The first [`RecvFds::fds`] entries of `fds` are
    /// set; the rest are left as they were. Other control messages (such as
    /// credentials) are discarded: use [`recv_msg`](Self::recv_msg) to see
    /// them.
    ///
    /// `flags` may hold `DONTWAIT` (this call alone is non-blocking) and
    /// `PEEK` (the data stays queued; the kernel still installs the
    /// descriptors, so each peek hands over copies of its own, which are
    /// the caller's as any others).
    ///
    /// When more descriptors arrive than `fds` holds, none is kept: all are
    /// closed and the result's `flags` has `CTRUNC`, as when the kernel
    /// truncates.
    ///
    /// Errors: `EINVAL` for `flags` other than `DONTWAIT` and `PEEK`; those
    /// of [`recv_msg`](Self::recv_msg) (`EAGAIN` with `DONTWAIT` when
    /// nothing is queued).
    ///
    /// # References
    ///
    /// [`recvmsg(2)`](https://man7.org/linux/man-pages/man2/recvmsg.2.html),
    /// [`unix(7)`](https://man7.org/linux/man-pages/man7/unix.7.html)
    #[doc(alias("SCM_RIGHTS", "sc_recv_fds", "recvmsg"))]
    pub fn recv_fds(
        &self,
        data: &mut [u8],
        fds: &mut [Option<OwnedFd>],
        flags: MsgFlags,
    ) -> Result<RecvFds> {
        self.recv_fds_into(data, fds, flags, Some)
    }

    /// [`recv_fds`](Self::recv_fds) into plain descriptor numbers: each
    /// of the first [`RecvFds::fds`] entries of `fds` is then the caller's
    /// to close. For code that hands descriptors on as integers, such as
    /// the C ABI, which would otherwise hold them in a second array.
    ///
    /// Errors: those of [`recv_fds`](Self::recv_fds).
    ///
    /// # References
    ///
    /// [`recvmsg(2)`](https://man7.org/linux/man-pages/man2/recvmsg.2.html),
    /// [`unix(7)`](https://man7.org/linux/man-pages/man7/unix.7.html)
    #[doc(alias("SCM_RIGHTS", "sc_recv_fds", "recvmsg"))]
    pub fn recv_raw_fds(
        &self,
        data: &mut [u8],
        fds: &mut [RawFd],
        flags: MsgFlags,
    ) -> Result<RecvFds> {
        self.recv_fds_into(data, fds, flags, OwnedFd::into_raw_fd)
    }

    /// The receive both of the above make, storing each descriptor kept as
    /// `store` turns it into an entry of `fds`.
    fn recv_fds_into<T>(
        &self,
        data: &mut [u8],
        fds: &mut [T],
        flags: MsgFlags,
        store: impl Fn(OwnedFd) -> T,
    ) -> Result<RecvFds> {
        if !RECV_FDS_FLAGS.contains(flags) {
            return Err(Errno::EINVAL);
        }
        let wanted = fds.len().min(SCM_MAX_FD);
        let mut space = CmsgBuffer::<RECV_SPACE>::new();
        let room = cmsg_space_for_fds(wanted).saturating_add(cmsg_space_for_creds());
        let control = space.get_mut(..room).unwrap_or_default();
        let mut bufs = [IoSliceMut::new(data)];
        let mut msg = self.recv_msg(&mut bufs, control, flags)?;
        let mut flags = msg.flags;
        let mut stored = 0;
        if msg.control.fd_count() > fds.len() {
            msg.control.close_fds();
            flags |= MsgFlags::CTRUNC;
        } else {
            for (slot, fd) in fds.iter_mut().zip(msg.control.take_fds()) {
                *slot = store(fd);
                stored += 1;
            }
        }
        Ok(RecvFds {
            len: msg.len,
            fds: stored,
            flags,
        })
    }
}
