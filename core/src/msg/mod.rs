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

use core::mem::{size_of, MaybeUninit};

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
    pub fn send_msg(
        &self,
        bufs: &[IoSlice<'_>],
        control: &[u8],
        to: Option<&SocketAddr>,
        flags: MsgFlags,
    ) -> Result<usize> {
        let msg = send_header(bufs, control, to);
        // SAFETY: msg points only at the borrowed arguments, which outlive
        // the call and are readable for the lengths recorded.
        unsafe { self.send_msg_raw(&msg, flags) }
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
    pub fn recv_msg<'c>(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        control: &'c mut [MaybeUninit<u8>],
        flags: MsgFlags,
    ) -> Result<RecvMsg<'c>> {
        let mut addr = SocketAddr::empty();
        let (name, namelen) = addr.as_mut_parts();
        let mut msg = recv_header(bufs, control, name.cast());
        // SAFETY: msg points at addr's storage (namelen bytes), the buffers
        // and the control space, all exclusively borrowed for the call.
        let len = unsafe { self.recv_msg_raw(&mut msg, flags) }?;
        // SAFETY: namelen points at addr's length, which is still live and
        // not otherwise borrowed; the kernel reported the real length.
        unsafe { *namelen = msg.msg_namelen };
        let filled = filled_control_len(&msg).min(control.len());
        let filled = control.get_mut(..filled).unwrap_or_default();
        // SAFETY: the kernel wrote the first msg_controllen bytes, so they
        // are initialised; MaybeUninit<u8> has the layout of u8.
        let bytes = unsafe { &mut *(filled as *mut [MaybeUninit<u8>] as *mut [u8]) };
        Ok(RecvMsg {
            len,
            flags: MsgFlags::from_bits_retain(msg.msg_flags),
            addr,
            // SAFETY: recvmsg just installed the descriptors in these bytes
            // for this process, and nothing else has seen them.
            control: unsafe { ReceivedControl::from_received(bytes) },
        })
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
    #[inline]
    pub unsafe fn send_msg_raw(&self, msg: &libc::msghdr, flags: MsgFlags) -> Result<usize> {
        // SAFETY: the caller guarantees what msg points at.
        unsafe { sys::sendmsg(self.as_raw_fd(), msg, (flags | MsgFlags::NOSIGNAL).bits()) }
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
    pub unsafe fn recv_msg_raw(&self, msg: &mut libc::msghdr, flags: MsgFlags) -> Result<usize> {
        let flags = (flags | MsgFlags::CMSG_CLOEXEC).bits();
        // SAFETY: the caller guarantees what msg points at.
        let len = unsafe { sys::recvmsg(self.as_raw_fd(), msg, flags) }?;
        msg.msg_flags &= !libc::MSG_CMSG_CLOEXEC;
        if msg.msg_flags & libc::MSG_CTRUNC != 0 && !msg.msg_control.is_null() {
            // SAFETY: the caller guarantees msg_control is writable for the
            // length it gave, and the kernel wrote (and initialised) the
            // msg_controllen bytes it reports, no more than that length.
            let bytes = unsafe {
                core::slice::from_raw_parts_mut(
                    msg.msg_control.cast::<u8>(),
                    filled_control_len(msg),
                )
            };
            close_if_truncated(bytes, true);
        }
        Ok(len)
    }
}

/// The most buffers a header can name without the kernel's own `EMSGSIZE`
/// being lost to a narrower field (`msg_iovlen` is an `int` on musl).
fn iov_count(len: usize) -> usize {
    len.min(i32::MAX as usize)
}

/// A control length that fits `msg_controllen` on every libc (`socklen_t`
/// on musl, `size_t` on glibc).
fn control_len(len: usize) -> libc::socklen_t {
    libc::socklen_t::try_from(len).unwrap_or(libc::socklen_t::MAX)
}

/// The control bytes the kernel reported filling (`msg_controllen`).
// The field is size_t on glibc (the cast is a no-op there) and socklen_t on
// musl.
#[allow(clippy::unnecessary_cast)]
pub(crate) fn filled_control_len(msg: &libc::msghdr) -> usize {
    msg.msg_controllen as usize
}

/// A `msghdr` for sending `bufs` to `to` with `control`.
pub(crate) fn send_header(
    bufs: &[IoSlice<'_>],
    control: &[u8],
    to: Option<&SocketAddr>,
) -> libc::msghdr {
    // No name, no buffers, no control; musl's padding fields must be zero
    // anyway.
    let mut msg: libc::msghdr = sys::zeroed();
    if let Some(to) = to {
        msg.msg_name = to.as_ptr() as *mut libc::c_void;
        msg.msg_namelen = to.len();
    }
    // IoSlice is layout-compatible with iovec; the kernel only reads them.
    msg.msg_iov = bufs.as_ptr() as *mut libc::iovec;
    msg.msg_iovlen = iov_count(bufs.len()) as _;
    if !control.is_empty() {
        msg.msg_control = control.as_ptr() as *mut libc::c_void;
        msg.msg_controllen = control_len(control.len()) as _;
    }
    msg
}

/// A `msghdr` for receiving into `bufs`, the address storage at `name` (a
/// `sockaddr_storage`, or NULL) and `control`.
pub(crate) fn recv_header(
    bufs: &mut [IoSliceMut<'_>],
    control: &mut [MaybeUninit<u8>],
    name: *mut libc::c_void,
) -> libc::msghdr {
    let mut msg: libc::msghdr = sys::zeroed();
    if !name.is_null() {
        msg.msg_name = name;
        msg.msg_namelen = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    }
    msg.msg_iov = bufs.as_mut_ptr().cast();
    msg.msg_iovlen = iov_count(bufs.len()) as _;
    if !control.is_empty() {
        msg.msg_control = control.as_mut_ptr().cast();
        msg.msg_controllen = control_len(control.len()) as _;
    }
    msg
}
