//! Bit flags and small enums: socket creation flags, message flags,
//! shutdown direction, and the domain and type of a socket.

use bitflags::bitflags;

bitflags! {
    /// Flags for creating or accepting a socket. Close-on-exec is not here
    /// because it is always on.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub struct SockFlags: i32 {
        /// `SOCK_NONBLOCK`: the new socket starts non-blocking.
        const NONBLOCK = libc::SOCK_NONBLOCK;
    }
}

bitflags! {
    /// Flags for `send`/`recv` and their relatives (`MSG_*`).
    ///
    /// Send calls in this crate always add `MSG_NOSIGNAL`, so callers never
    /// need to name it.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub struct MsgFlags: i32 {
        /// `MSG_OOB`: out-of-band data.
        const OOB = libc::MSG_OOB;
        /// `MSG_PEEK`: return data without removing it from the queue.
        const PEEK = libc::MSG_PEEK;
        /// `MSG_DONTROUTE`: send only to directly connected hosts.
        const DONTROUTE = libc::MSG_DONTROUTE;
        /// `MSG_CTRUNC` (reported): control data was truncated.
        const CTRUNC = libc::MSG_CTRUNC;
        /// `MSG_TRUNC`: on receive, report (or, reported, the datagram was)
        /// longer than the buffer.
        const TRUNC = libc::MSG_TRUNC;
        /// `MSG_DONTWAIT`: this call only is non-blocking.
        const DONTWAIT = libc::MSG_DONTWAIT;
        /// `MSG_EOR`: end of record (SOCK_SEQPACKET).
        const EOR = libc::MSG_EOR;
        /// `MSG_WAITALL`: block until the full request is satisfied.
        const WAITALL = libc::MSG_WAITALL;
        /// `MSG_CONFIRM`: tell the link layer the peer answered.
        const CONFIRM = libc::MSG_CONFIRM;
        /// `MSG_ERRQUEUE`: receive from the error queue.
        const ERRQUEUE = libc::MSG_ERRQUEUE;
        /// `MSG_NOSIGNAL`: no `SIGPIPE`; added to every send by this crate.
        const NOSIGNAL = libc::MSG_NOSIGNAL;
        /// `MSG_MORE`: more data follows (cork).
        const MORE = libc::MSG_MORE;
        /// `MSG_WAITFORONE`: `recvmmsg` returns once one message arrived.
        const WAITFORONE = libc::MSG_WAITFORONE;
        /// `MSG_CMSG_CLOEXEC`: received descriptors are close-on-exec;
        /// always added by this crate's receive calls that take control data.
        const CMSG_CLOEXEC = libc::MSG_CMSG_CLOEXEC;
        /// `MSG_FASTOPEN` (Linux 3.7), for
        /// [`send_to`](crate::SocketFd::send_to) on an unconnected TCP
        /// socket: connects to the address and sends the data in the SYN
        /// when a Fast Open cookie for it is cached; without one, an
        /// ordinary handshake that asks for a cookie, the data following
        /// it. On a non-blocking socket without a cookie the call fails
        /// with `EINPROGRESS` having sent nothing: wait for `POLLOUT`, then
        /// send the data again. `EOPNOTSUPP` with the client bit of
        /// `net.ipv4.tcp_fastopen` off, `EISCONN` on a connected socket;
        /// ignored on UDP.
        const FASTOPEN = libc::MSG_FASTOPEN;
    }
}

/// Which directions [`shutdown`](crate::SocketFd::shutdown) closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(i32)]
pub enum Shutdown {
    /// `SHUT_RD`: no more receiving.
    Read = libc::SHUT_RD,
    /// `SHUT_WR`: no more sending; the peer reads end of stream.
    Write = libc::SHUT_WR,
    /// `SHUT_RDWR`: both.
    Both = libc::SHUT_RDWR,
}

impl Shutdown {
    /// The value for `SHUT_RD`, `SHUT_WR` or `SHUT_RDWR`; `None` otherwise.
    pub const fn from_raw(how: i32) -> Option<Shutdown> {
        match how {
            libc::SHUT_RD => Some(Shutdown::Read),
            libc::SHUT_WR => Some(Shutdown::Write),
            libc::SHUT_RDWR => Some(Shutdown::Both),
            _ => None,
        }
    }
}

/// A socket domain (address family), using the system's `AF_*` numbers.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Domain(pub i32);

impl Domain {
    /// `AF_INET`.
    pub const IPV4: Domain = Domain(libc::AF_INET);
    /// `AF_INET6`.
    pub const IPV6: Domain = Domain(libc::AF_INET6);
    /// `AF_UNIX`.
    pub const UNIX: Domain = Domain(libc::AF_UNIX);

    /// The domain an address belongs to.
    pub fn for_addr(addr: &crate::addr::SocketAddr) -> Domain {
        Domain(addr.family())
    }
}

/// A socket type, using the system's `SOCK_*` numbers.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Type(pub i32);

impl Type {
    /// `SOCK_STREAM`.
    pub const STREAM: Type = Type(libc::SOCK_STREAM);
    /// `SOCK_DGRAM`.
    pub const DGRAM: Type = Type(libc::SOCK_DGRAM);
    /// `SOCK_SEQPACKET`.
    pub const SEQPACKET: Type = Type(libc::SOCK_SEQPACKET);
    /// `SOCK_RAW`.
    pub const RAW: Type = Type(libc::SOCK_RAW);
}

impl core::fmt::Debug for Domain {
    /// `AF_INET`, `AF_INET6`, `AF_UNIX`, or `AF_?(N)`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.0 {
            libc::AF_INET => f.write_str("AF_INET"),
            libc::AF_INET6 => f.write_str("AF_INET6"),
            libc::AF_UNIX => f.write_str("AF_UNIX"),
            libc::AF_UNSPEC => f.write_str("AF_UNSPEC"),
            other => write!(f, "AF_?({other})"),
        }
    }
}

impl core::fmt::Debug for Type {
    /// `SOCK_STREAM`, `SOCK_DGRAM`, `SOCK_SEQPACKET`, `SOCK_RAW`, or `SOCK_?(N)`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.0 {
            libc::SOCK_STREAM => f.write_str("SOCK_STREAM"),
            libc::SOCK_DGRAM => f.write_str("SOCK_DGRAM"),
            libc::SOCK_SEQPACKET => f.write_str("SOCK_SEQPACKET"),
            libc::SOCK_RAW => f.write_str("SOCK_RAW"),
            other => write!(f, "SOCK_?({other})"),
        }
    }
}
