//! Bit flags and small enums: socket creation flags, message flags,
//! timestamping flags, shutdown direction, the domain and type of a socket,
//! and path MTU discovery modes.

use bitflags::bitflags;

use crate::errno::{Errno, Result};

bitflags! {
    /// Flags for creating or accepting a socket. Close-on-exec is not here
    /// because it is always on.
    ///
    /// Bits no constant names (only `from_bits_retain` makes them) are
    /// refused with `EINVAL`, as the C ABI refuses them: `socket(2)` would
    /// read them as part of the socket type.
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
    ///
    /// Bits no constant names (only `from_bits_retain` makes them) are
    /// refused with `EINVAL` by every call, as the C ABI refuses them,
    /// before they reach the kernel (which would ignore some and act on
    /// others). Flags known where a call is written cost no check.
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
        /// `MSG_ZEROCOPY` (TCP: Linux 4.14; UDP: 5.0): send from the
        /// buffer's own pages instead of copying them, once
        /// [`set_zerocopy`](crate::SocketFd::set_zerocopy) is on (the
        /// kernel ignores the flag otherwise). Any send taking `MsgFlags`
        /// takes it: `send`, `send_to`, `send_msg`.
        ///
        /// **The rule: change or reuse a buffer only after a completion
        /// covering its send arrived**
        /// ([`recv_zerocopy_completions`](crate::SocketFd::recv_zerocopy_completions)).
        /// The call returns while the kernel may still read the pages;
        /// bytes changed before then may be what is sent. (Memory stays
        /// safe either way: the kernel holds its own references to the
        /// pages, so even a freed buffer is not reused under it.)
        ///
        /// Each zero-copy send that moves at least one byte takes the
        /// socket's next number, from 0, wrapping at 2³²; a send that fails
        /// (`EAGAIN`, `ENOBUFS`) or moves nothing takes none, nor do sends
        /// without the flag. A completion reports a range of those numbers
        /// ([`ZerocopyRange`](crate::ZerocopyRange)).
        ///
        /// Worth it for large sends (the kernel's documentation suggests
        /// from about 10 KiB) to a real device: over loopback, and
        /// wherever the kernel has to copy after all, the completions say
        /// so ([`ZerocopyRange::copied`](crate::ZerocopyRange::copied)),
        /// and a plain send is cheaper. `ENOBUFS` means too many
        /// completions are waiting unread (they are charged to
        /// `net.core.optmem_max`): read them, then send again.
        const ZEROCOPY = libc::MSG_ZEROCOPY;
    }
}

impl SockFlags {
    /// The bits for a system call, or `EINVAL` for bits no constant names.
    #[inline]
    pub(crate) fn syscall_bits(self) -> Result<i32> {
        known_bits(self.bits(), Self::all().bits())
    }
}

impl MsgFlags {
    /// The bits for a system call, or `EINVAL` for bits no constant names.
    /// Inlined, so the compiler drops the test for flags it knows.
    #[inline]
    pub(crate) fn syscall_bits(self) -> Result<i32> {
        known_bits(self.bits(), Self::all().bits())
    }
}

/// `bits`, or `EINVAL` when it has a bit outside `all`.
#[inline]
fn known_bits(bits: i32, all: i32) -> Result<i32> {
    if bits & !all == 0 {
        Ok(bits)
    } else {
        Err(Errno::EINVAL)
    }
}

bitflags! {
    /// What `SO_TIMESTAMPING` records and reports (`SOF_TIMESTAMPING_*`):
    /// [`SocketFd::set_timestamping`](crate::SocketFd::set_timestamping)
    /// sets them on a socket, and
    /// [`CmsgBuilder::push_tx_timestamp`](crate::CmsgBuilder::push_tx_timestamp)
    /// asks for transmit stamps of one message.
    ///
    /// Recording flags say which stamps are taken (`RX_SOFTWARE`,
    /// `TX_SOFTWARE`, …); reporting flags say which are handed to the
    /// program (`SOFTWARE`, `RAW_HARDWARE`) and how (`OPT_*`). Software
    /// receive stamps need `RX_SOFTWARE | SOFTWARE`; software transmit
    /// stamps, which arrive on the error queue, `TX_SOFTWARE | SOFTWARE`.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub struct TimestampingFlags: u32 {
        /// `SOF_TIMESTAMPING_TX_HARDWARE`: record transmit stamps in the
        /// network card.
        const TX_HARDWARE = libc::SOF_TIMESTAMPING_TX_HARDWARE;
        /// `SOF_TIMESTAMPING_TX_SOFTWARE`: record transmit stamps as the
        /// packet leaves the stack for the device.
        const TX_SOFTWARE = libc::SOF_TIMESTAMPING_TX_SOFTWARE;
        /// `SOF_TIMESTAMPING_RX_HARDWARE`: record receive stamps in the
        /// network card.
        const RX_HARDWARE = libc::SOF_TIMESTAMPING_RX_HARDWARE;
        /// `SOF_TIMESTAMPING_RX_SOFTWARE`: record receive stamps as the
        /// packet enters the stack.
        const RX_SOFTWARE = libc::SOF_TIMESTAMPING_RX_SOFTWARE;
        /// `SOF_TIMESTAMPING_SOFTWARE`: report software stamps.
        const SOFTWARE = libc::SOF_TIMESTAMPING_SOFTWARE;
        /// `SOF_TIMESTAMPING_RAW_HARDWARE`: report hardware stamps.
        const RAW_HARDWARE = libc::SOF_TIMESTAMPING_RAW_HARDWARE;
        /// `SOF_TIMESTAMPING_OPT_ID`: number the sends that take a transmit
        /// stamp, from 0; each stamp carries its send's number in
        /// [`ExtendedError::data`](crate::ExtendedError::data).
        const OPT_ID = libc::SOF_TIMESTAMPING_OPT_ID;
        /// `SOF_TIMESTAMPING_TX_SCHED`: record a transmit stamp when the
        /// packet is queued for the device.
        const TX_SCHED = libc::SOF_TIMESTAMPING_TX_SCHED;
        /// `SOF_TIMESTAMPING_TX_ACK`: record a transmit stamp when TCP data
        /// is acknowledged.
        const TX_ACK = libc::SOF_TIMESTAMPING_TX_ACK;
        /// `SOF_TIMESTAMPING_OPT_CMSG`: also report the packet's
        /// `IP_PKTINFO` with transmit stamps.
        const OPT_CMSG = libc::SOF_TIMESTAMPING_OPT_CMSG;
        /// `SOF_TIMESTAMPING_OPT_TSONLY`: transmit stamps come without the
        /// packet's bytes.
        const OPT_TSONLY = libc::SOF_TIMESTAMPING_OPT_TSONLY;
        /// `SOF_TIMESTAMPING_OPT_STATS`: TCP statistics with transmit stamps.
        const OPT_STATS = libc::SOF_TIMESTAMPING_OPT_STATS;
        /// `SOF_TIMESTAMPING_OPT_PKTINFO`: the receiving interface with
        /// hardware receive stamps.
        const OPT_PKTINFO = libc::SOF_TIMESTAMPING_OPT_PKTINFO;
        /// `SOF_TIMESTAMPING_OPT_TX_SWHW`: both software and hardware
        /// transmit stamps when both are recorded.
        const OPT_TX_SWHW = libc::SOF_TIMESTAMPING_OPT_TX_SWHW;
    }
}

impl TimestampingFlags {
    /// The flags one message may ask for with
    /// [`CmsgBuilder::push_tx_timestamp`](crate::CmsgBuilder::push_tx_timestamp)
    /// (the kernel's `SOF_TIMESTAMPING_TX_RECORD_MASK`); the reporting
    /// flags must be on the socket.
    pub const TX_RECORD: TimestampingFlags = TimestampingFlags::TX_HARDWARE
        .union(TimestampingFlags::TX_SOFTWARE)
        .union(TimestampingFlags::TX_SCHED)
        .union(TimestampingFlags::TX_ACK);
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

/// A path MTU discovery mode (`IP_MTU_DISCOVER`, `IPV6_MTU_DISCOVER`),
/// using the system's `IP_PMTUDISC_*` numbers, which IPv6 shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct PmtuDiscover(pub i32);

impl PmtuDiscover {
    /// `IP_PMTUDISC_DONT`: never set DF; the path MTU is not learned, and
    /// large datagrams are fragmented.
    pub const DONT: PmtuDiscover = PmtuDiscover(libc::IP_PMTUDISC_DONT);
    /// `IP_PMTUDISC_WANT` (the default): set DF and learn the path MTU,
    /// but fragment a datagram larger than the MTU learned.
    pub const WANT: PmtuDiscover = PmtuDiscover(libc::IP_PMTUDISC_WANT);
    /// `IP_PMTUDISC_DO`: always set DF; a datagram larger than the path MTU
    /// learned fails with `EMSGSIZE`.
    pub const DO: PmtuDiscover = PmtuDiscover(libc::IP_PMTUDISC_DO);
    /// `IP_PMTUDISC_PROBE`: set DF and ignore the path MTU learned (for
    /// probing it, as DPLPMTUD does).
    pub const PROBE: PmtuDiscover = PmtuDiscover(libc::IP_PMTUDISC_PROBE);
    /// `IP_PMTUDISC_INTERFACE` (Linux 3.13): use the interface's MTU and
    /// ignore the path's, and the ICMP messages that report it (which may
    /// be spoofed).
    pub const INTERFACE: PmtuDiscover = PmtuDiscover(libc::IP_PMTUDISC_INTERFACE);
    /// `IP_PMTUDISC_OMIT` (Linux 3.15): as `INTERFACE`, but datagrams
    /// larger than the interface's MTU are fragmented.
    pub const OMIT: PmtuDiscover = PmtuDiscover(libc::IP_PMTUDISC_OMIT);
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
