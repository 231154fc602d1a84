//! `sendmsg` and `recvmsg` on [`SocketFd`]: scatter/gather, an optional
//! address and control data, all in caller memory.
//!
//! ```
//! use sockcore::{cmsg_space_for_fds, CmsgBuffer, CmsgBuilder, Domain, IoSlice, IoSliceMut};
//! use sockcore::{MsgFlags, SockFlags, Socket, Type};
//!
//! let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty())?;
//!
//! // Send one byte with a descriptor (a's own) attached.
//! let mut space = CmsgBuffer::<{ cmsg_space_for_fds(1) }>::new();
//! let mut builder = CmsgBuilder::new(&mut space);
//! builder.push_fds(&[a.as_raw_fd()])?;
//! a.send_msg(&[IoSlice::new(b"x")], builder.as_bytes(), None, MsgFlags::empty())?;
//!
//! // Receive it: the descriptor arrives owned, close-on-exec.
//! let mut byte = [0u8; 1];
//! let mut space = CmsgBuffer::<{ cmsg_space_for_fds(1) }>::new();
//! let mut msg = b.recv_msg(&mut [IoSliceMut::new(&mut byte)], &mut space, MsgFlags::empty())?;
//! let fd = msg.control.take_fds().next().expect("one descriptor");
//! assert!(fd.is_cloexec()?);
//! # Ok::<(), sockcore::Errno>(())
//! ```

pub(crate) mod cmsg;
pub(crate) mod credentials;
pub(crate) mod fd_passing;
pub(crate) mod mmsg;
pub(crate) mod zerocopy;

use core::mem::MaybeUninit;

use crate::addr::SocketAddr;
use crate::errno::Result;
use crate::flags::MsgFlags;
use crate::iovec::{IoSlice, IoSliceMut};
use crate::msg::cmsg::received::{close_if_truncated, ReceivedControl};
use crate::socket::SocketFd;
use crate::sys;

/// What [`SocketFd::recv_msg`] received.
#[derive(Debug)]
pub struct RecvMsg<'c> {
    /// Bytes written into the buffers; 0 at end of stream. With
    /// `MsgFlags::TRUNC` passed in, a datagram socket reports the
    /// datagram's full length even when it was longer than the buffers.
    pub len: usize,
    /// `msg_flags`: `TRUNC` (the datagram was cut to fit), `CTRUNC` (the
    /// control data was cut; its descriptors are already closed), `EOR`,
    /// `OOB`, `ERRQUEUE`. The `CMSG_CLOEXEC` this crate adds is not echoed.
    pub flags: MsgFlags,
    /// The sender's address on an unconnected socket; the empty address
    /// when the kernel gave none (connected streams).
    pub addr: SocketAddr,
    /// The control data, owning any descriptors in it.
    pub control: ReceivedControl<'c>,
}

impl SocketFd {
    /// `sendmsg(2)` with `flags | MSG_NOSIGNAL`: gathers `bufs`, sends them
    /// to `to` (`None` on a connected socket) with `control` attached (empty
    /// for none; build it with [`CmsgBuilder`](crate::CmsgBuilder)).
    ///
    /// Errors: those of [`send_to`](Self::send_to), plus `EINVAL` (control
    /// data the kernel rejects, or more than
    /// [`SCM_MAX_FD`](crate::SCM_MAX_FD) descriptors), `EBADF` (a descriptor
    /// in `SCM_RIGHTS` that is not open), `EPERM` (credentials not the
    /// sender's own), `ETOOMANYREFS` (descriptors nested too deep in flight),
    /// `EMSGSIZE` (more than `IOV_MAX` buffers).
    ///
    /// # References
    ///
    /// [`sendmsg(2)`](https://man7.org/linux/man-pages/man2/sendmsg.2.html)
    #[doc(alias("sc_sendmsg", "sendmsg"))]
    pub fn send_msg(
        &self,
        bufs: &[IoSlice<'_>],
        control: &[u8],
        to: Option<&SocketAddr>,
        flags: MsgFlags,
    ) -> Result<usize> {
        let flags = (flags | MsgFlags::NOSIGNAL).syscall_bits()?;
        sys::send_msg(self.as_raw_fd(), bufs, control, to, flags)
    }

    /// `recvmsg(2)` with `flags | MSG_CMSG_CLOEXEC`: scatters what arrives
    /// over `bufs`, with the sender's address and control data in `control`
    /// (empty for none; size it with [`cmsg_space`](crate::cmsg_space) and
    /// friends).
    ///
    /// Received descriptors are close-on-exec and owned by the returned
    /// [`ReceivedControl`]; when the control data was truncated
    /// (`MSG_CTRUNC`), every descriptor that arrived has been closed already.
    ///
    /// A descriptor that finds the process out of descriptors (`EMFILE`) is
    /// dropped by the kernel, which sets `MSG_CTRUNC`: the call itself
    /// succeeds, and the rule above closes the rest.
    ///
    /// Errors: those of [`read`](Self::read), plus `EMSGSIZE` (more than
    /// `IOV_MAX` buffers).
    ///
    /// # References
    ///
    /// [`recvmsg(2)`](https://man7.org/linux/man-pages/man2/recvmsg.2.html)
    #[doc(alias("MSG_CMSG_CLOEXEC", "sc_recvmsg", "recvmsg"))]
    pub fn recv_msg<'c>(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        control: &'c mut [MaybeUninit<u8>],
        flags: MsgFlags,
    ) -> Result<RecvMsg<'c>> {
        let mut addr = SocketAddr::empty();
        let (len, flags, control) = self.recv_settled(bufs, control, Some(&mut addr), flags)?;
        Ok(RecvMsg {
            len,
            flags,
            addr,
            control,
        })
    }

    /// `recvmsg(2)` with `flags | MSG_CMSG_CLOEXEC` and the receive rules of
    /// [`recv_msg`](Self::recv_msg), the sender's address into `from`
    /// unless `None` (then the kernel is not asked for it): the byte count,
    /// the flags as reported, and the control data owning its descriptors.
    #[inline]
    pub(crate) fn recv_settled<'c>(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        control: &'c mut [MaybeUninit<u8>],
        from: Option<&mut SocketAddr>,
        flags: MsgFlags,
    ) -> Result<(usize, MsgFlags, ReceivedControl<'c>)> {
        let flags = (flags | MsgFlags::CMSG_CLOEXEC).syscall_bits()?;
        let received = sys::recv_msg(self.as_raw_fd(), bufs, control, from, flags)?;
        let flags = MsgFlags::from_bits_retain(reported(received.flags));
        close_if_truncated(received.control, flags.contains(MsgFlags::CTRUNC));
        // SAFETY: recvmsg just installed the descriptors in these bytes for
        // this process, and nothing else has seen them.
        let control = unsafe { ReceivedControl::from_received(received.control) };
        Ok((received.len, flags, control))
    }

    /// `sendmsg(2)` over a C `struct msghdr`, with `flags | MSG_NOSIGNAL`:
    /// the call behind [`send_msg`](Self::send_msg), for callers (such as a
    /// C ABI) that already hold a header. `msg_flags` is ignored.
    ///
    /// Errors as [`send_msg`](Self::send_msg).
    ///
    /// # Safety
    ///
    /// Every pointer in `msg` (name, iovec array and each buffer, control)
    /// must be readable for the length beside it, or NULL with length 0.
    ///
    /// # References
    ///
    /// [`sendmsg(2)`](https://man7.org/linux/man-pages/man2/sendmsg.2.html)
    #[doc(alias("sc_sendmsg", "sendmsg"))]
    #[inline]
    pub unsafe fn send_msg_raw(&self, msg: &libc::msghdr, flags: MsgFlags) -> Result<usize> {
        let flags = (flags | MsgFlags::NOSIGNAL).syscall_bits()?;
        // SAFETY: the caller guarantees what msg points at.
        unsafe { sys::sendmsg(self.as_raw_fd(), msg, flags) }
    }

    /// `recvmsg(2)` over a C `struct msghdr`, with `flags |
    /// MSG_CMSG_CLOEXEC`: the call behind [`recv_msg`](Self::recv_msg). On
    /// return the kernel has updated `msg_namelen`, `msg_controllen` and
    /// `msg_flags` (without `MSG_CMSG_CLOEXEC`).
    ///
    /// The descriptors received become the caller's, except when the control
    /// data was truncated (`MSG_CTRUNC`): then they are closed here and read
    /// -1 in the control data.
    ///
    /// Errors as [`recv_msg`](Self::recv_msg).
    ///
    /// # Safety
    ///
    /// Every pointer in `msg` must be writable for the length beside it (the
    /// buffers the iovecs describe too), or NULL with length 0.
    ///
    /// # References
    ///
    /// [`recvmsg(2)`](https://man7.org/linux/man-pages/man2/recvmsg.2.html)
    #[doc(alias("MSG_CMSG_CLOEXEC", "sc_recvmsg", "recvmsg"))]
    pub unsafe fn recv_msg_raw(&self, msg: &mut libc::msghdr, flags: MsgFlags) -> Result<usize> {
        let flags = (flags | MsgFlags::CMSG_CLOEXEC).syscall_bits()?;
        // SAFETY: the caller guarantees what msg points at.
        let len = unsafe { sys::recvmsg(self.as_raw_fd(), msg, flags) }?;
        // SAFETY: recvmsg just filled msg, whose control buffer the caller
        // guarantees.
        unsafe { settle_raw(msg) };
        Ok(len)
    }
}

/// `msg_flags` as callers see them: without the `MSG_CMSG_CLOEXEC` this
/// crate adds to every receive that takes control data.
#[inline]
fn reported(flags: libc::c_int) -> libc::c_int {
    flags & !libc::MSG_CMSG_CLOEXEC
}

/// The receive rules, applied to a C header a receive call has just
/// filled: `msg_flags` as [`reported`], and when the control data was
/// truncated (`MSG_CTRUNC`), every descriptor in it closed.
///
/// # Safety
///
/// As for [`sys::filled_control`]: `msg_control` NULL or writable for the
/// length given.
#[inline]
pub(crate) unsafe fn settle_raw(msg: &mut libc::msghdr) {
    msg.msg_flags = reported(msg.msg_flags);
    if msg.msg_flags & libc::MSG_CTRUNC != 0 {
        // SAFETY: the caller's promise.
        close_if_truncated(unsafe { sys::filled_control(msg) }, true);
    }
}
