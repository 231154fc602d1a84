//! [`ExtendedError`]: one entry of a socket's error queue, as the kernel
//! reports it in `IP_RECVERR` / `IPV6_RECVERR` (`struct sock_extended_err`
//! and the offender's address after it).
//!
//! Every kind of error-queue entry arrives in this form: ICMP errors
//! (a port unreachable, a path MTU), local errors, transmit timestamps
//! (with an `SCM_TIMESTAMPING` message beside it) and zero-copy completions
//! (`MSG_ZEROCOPY`). [`ExtendedError::from_bytes`] decodes the message
//! data; [`ControlMessage::ExtendedError`](crate::ControlMessage::ExtendedError)
//! and [`Cmsgs::extended_error`](crate::Cmsgs::extended_error) give it from
//! received control data.

use core::mem::offset_of;

use crate::addr::SocketAddr;
use crate::bytes::array;
use crate::errno::Errno;
use crate::uapi::{EXTENDED_ERR_SIZE, SO_EE_ORIGIN_TXTIME, SO_EE_ORIGIN_ZEROCOPY};

/// Where an error-queue entry came from (`ee_origin`, `SO_EE_ORIGIN_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorOrigin {
    /// `SO_EE_ORIGIN_NONE`.
    None,
    /// `SO_EE_ORIGIN_LOCAL`: this host refused the send (such as a
    /// datagram over the path MTU learned, `EMSGSIZE`).
    Local,
    /// `SO_EE_ORIGIN_ICMP`: an ICMP message about a datagram sent.
    Icmp,
    /// `SO_EE_ORIGIN_ICMP6`: an ICMPv6 message about a datagram sent.
    Icmp6,
    /// `SO_EE_ORIGIN_TIMESTAMPING`: a transmit timestamp (`errno` is
    /// `ENOMSG`; the stamp is in the `SCM_TIMESTAMPING` message beside it).
    Timestamping,
    /// `SO_EE_ORIGIN_ZEROCOPY`: zero-copy sends completed.
    ZeroCopy,
    /// `SO_EE_ORIGIN_TXTIME`: a packet dropped for missing its `SO_TXTIME`.
    TxTime,
    /// Another origin, by number.
    Other(u8),
}

impl ErrorOrigin {
    /// The origin for `ee_origin`.
    #[inline]
    pub const fn from_raw(origin: u8) -> ErrorOrigin {
        match origin {
            libc::SO_EE_ORIGIN_NONE => ErrorOrigin::None,
            libc::SO_EE_ORIGIN_LOCAL => ErrorOrigin::Local,
            libc::SO_EE_ORIGIN_ICMP => ErrorOrigin::Icmp,
            libc::SO_EE_ORIGIN_ICMP6 => ErrorOrigin::Icmp6,
            libc::SO_EE_ORIGIN_TIMESTAMPING => ErrorOrigin::Timestamping,
            SO_EE_ORIGIN_ZEROCOPY => ErrorOrigin::ZeroCopy,
            SO_EE_ORIGIN_TXTIME => ErrorOrigin::TxTime,
            other => ErrorOrigin::Other(other),
        }
    }

    /// The kernel's number for it.
    #[inline]
    pub const fn raw(self) -> u8 {
        match self {
            ErrorOrigin::None => libc::SO_EE_ORIGIN_NONE,
            ErrorOrigin::Local => libc::SO_EE_ORIGIN_LOCAL,
            ErrorOrigin::Icmp => libc::SO_EE_ORIGIN_ICMP,
            ErrorOrigin::Icmp6 => libc::SO_EE_ORIGIN_ICMP6,
            ErrorOrigin::Timestamping => libc::SO_EE_ORIGIN_TIMESTAMPING,
            ErrorOrigin::ZeroCopy => SO_EE_ORIGIN_ZEROCOPY,
            ErrorOrigin::TxTime => SO_EE_ORIGIN_TXTIME,
            ErrorOrigin::Other(other) => other,
        }
    }
}

/// An error-queue entry: `struct sock_extended_err` and the address of
/// whoever reported it.
///
/// Read the queue with [`recv_msg`](crate::SocketFd::recv_msg) and
/// `MsgFlags::ERRQUEUE` once `poll` reports `POLLERR` (the entry's payload
/// is the datagram, or the start of it, that caused it), after turning
/// the queue on with [`set_recv_errors`](crate::SocketFd::set_recv_errors)
/// (or `_v6`) or with timestamping. What the fields mean depends on
/// [`origin`](Self::origin):
///
/// | origin | `errno` | `ty`, `code` | `info` | `data` | `offender` |
/// |---|---|---|---|---|---|
/// | `Icmp`, `Icmp6` | `ECONNREFUSED`, `EMSGSIZE`, `EHOSTUNREACH`, … | the ICMP type and code | the path MTU for `EMSGSIZE` | 0 | the host that sent the ICMP message (port 0) |
/// | `Local` | `EMSGSIZE`, … | 0 | the path MTU for `EMSGSIZE` | 0 | none |
/// | `Timestamping` | `ENOMSG` | 0 | `SCM_TSTAMP_SND`, `_SCHED` or `_ACK` | the send's number (`OPT_ID`) | none |
/// | `ZeroCopy` | 0 | `code` 1 (`SO_EE_CODE_ZEROCOPY_COPIED`) when the kernel copied after all | the first send's number | the last send's number | none |
///
/// A zero-copy send's completion is this entry with origin `ZeroCopy`:
/// the sends numbered `info` to `data` (counting from 0, wrapping at
/// 2³²) have completed, and their buffers may be reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExtendedError {
    /// `ee_errno`: the error (zero for zero-copy completions).
    pub errno: Errno,
    /// `ee_origin`: where the entry came from.
    pub origin: ErrorOrigin,
    /// `ee_type`: the ICMP type for ICMP origins.
    pub ty: u8,
    /// `ee_code`: the ICMP code for ICMP origins; flags for zero-copy.
    pub code: u8,
    /// `ee_info`: the path MTU for `EMSGSIZE`; the stamp's point for
    /// timestamps; the first send for zero-copy.
    pub info: u32,
    /// `ee_data`: the send's number for timestamps with `OPT_ID`; the last
    /// send for zero-copy.
    pub data: u32,
    /// `SO_EE_OFFENDER`: the address that reported the error (an ICMP
    /// message's sender, port 0); `None` when the entry has none.
    pub offender: Option<SocketAddr>,
}

impl ExtendedError {
    /// Decodes the data of an `IP_RECVERR` or `IPV6_RECVERR` message: a
    /// `struct sock_extended_err` (16 bytes, at any alignment), then the
    /// offender's `sockaddr_in` or `sockaddr_in6` when `data` holds one
    /// with family `AF_INET` or `AF_INET6` (the kernel always writes one,
    /// family 0 when there is no offender). `None` when `data` is shorter
    /// than a `sock_extended_err`.
    pub fn from_bytes(data: &[u8]) -> Option<ExtendedError> {
        type Ee = libc::sock_extended_err;
        let [origin] = array(data, offset_of!(Ee, ee_origin))?;
        let [ty] = array(data, offset_of!(Ee, ee_type))?;
        let [code] = array(data, offset_of!(Ee, ee_code))?;
        let errno = u32::from_ne_bytes(array(data, offset_of!(Ee, ee_errno))?);
        let info = u32::from_ne_bytes(array(data, offset_of!(Ee, ee_info))?);
        let last = u32::from_ne_bytes(array(data, offset_of!(Ee, ee_data))?);
        let offender = data
            .get(EXTENDED_ERR_SIZE..)
            .and_then(SocketAddr::from_inet_bytes);
        Some(ExtendedError {
            errno: Errno::from_raw(i32::try_from(errno).unwrap_or(i32::MAX)),
            origin: ErrorOrigin::from_raw(origin),
            ty,
            code,
            info,
            data: last,
            offender,
        })
    }

    /// The path MTU an `EMSGSIZE` entry reports (`info`), else `None`.
    #[inline]
    pub fn mtu(&self) -> Option<u32> {
        (self.errno == Errno::EMSGSIZE && self.info != 0).then_some(self.info)
    }
}
