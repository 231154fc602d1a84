//! The option table: every option this crate names, with its level, its
//! name and the kind of its value, each spelled once. The typed methods
//! on [`SocketFd`](crate::SocketFd) and the C ABI's exports both take
//! their options from here.

use super::kind::{
    Bits, Byte, Bytes, Count, Cpu, GroupV4, GroupV4Addr, GroupV6, Int, InterfaceV4, Linger, Micros,
    Millis, Opt, PmtuMode, Seconds, Size, SourceGroupV4, StampFlags, Switch, TcpInfoStruct,
    TimeVal, Ucred,
};
use crate::uapi;

// SOL_SOCKET

/// `SO_REUSEADDR`: bind an address that has connections in TIME_WAIT.
pub const SO_REUSEADDR: Opt<Switch> = Opt::new(libc::SOL_SOCKET, libc::SO_REUSEADDR);
/// `SO_REUSEPORT`: several sockets of one user bind the same address and port.
pub const SO_REUSEPORT: Opt<Switch> = Opt::new(libc::SOL_SOCKET, libc::SO_REUSEPORT);
/// `SO_KEEPALIVE`: probe an idle connection (timing: `TCP_KEEP*`).
pub const SO_KEEPALIVE: Opt<Switch> = Opt::new(libc::SOL_SOCKET, libc::SO_KEEPALIVE);
/// `SO_BROADCAST`: allow datagrams to broadcast addresses.
pub const SO_BROADCAST: Opt<Switch> = Opt::new(libc::SOL_SOCKET, libc::SO_BROADCAST);
/// `SO_LINGER`: how `close` treats data still queued.
pub const SO_LINGER: Opt<Linger> = Opt::new(libc::SOL_SOCKET, libc::SO_LINGER);
/// `SO_RCVBUF`: the receive buffer size.
pub const SO_RCVBUF: Opt<Size> = Opt::new(libc::SOL_SOCKET, libc::SO_RCVBUF);
/// `SO_SNDBUF`: the send buffer size.
pub const SO_SNDBUF: Opt<Size> = Opt::new(libc::SOL_SOCKET, libc::SO_SNDBUF);
/// `SO_RCVTIMEO`: the time-out of a blocking receive or accept.
pub const SO_RCVTIMEO: Opt<TimeVal> = Opt::new(libc::SOL_SOCKET, libc::SO_RCVTIMEO);
/// `SO_SNDTIMEO`: the time-out of a blocking send or connect.
pub const SO_SNDTIMEO: Opt<TimeVal> = Opt::new(libc::SOL_SOCKET, libc::SO_SNDTIMEO);
/// `SO_BINDTODEVICE`: the one interface the socket uses, by name.
pub const SO_BINDTODEVICE: Opt<Bytes> = Opt::new(libc::SOL_SOCKET, libc::SO_BINDTODEVICE);
/// `SO_ERROR` (read only, and reading clears it): the pending error.
pub const SO_ERROR: Opt<Int> = Opt::new(libc::SOL_SOCKET, libc::SO_ERROR);
/// `SO_TYPE` (read only): `SOCK_STREAM`, `SOCK_DGRAM`, …
pub const SO_TYPE: Opt<Int> = Opt::new(libc::SOL_SOCKET, libc::SO_TYPE);
/// `SO_DOMAIN` (read only): `AF_INET`, `AF_INET6`, `AF_UNIX`, …
pub const SO_DOMAIN: Opt<Int> = Opt::new(libc::SOL_SOCKET, libc::SO_DOMAIN);
/// `SO_PROTOCOL` (read only): `IPPROTO_TCP`, `IPPROTO_UDP`, … (0 for Unix).
pub const SO_PROTOCOL: Opt<Int> = Opt::new(libc::SOL_SOCKET, libc::SO_PROTOCOL);
/// `SO_ACCEPTCONN` (read only): whether the socket listens.
pub const SO_ACCEPTCONN: Opt<Switch> = Opt::new(libc::SOL_SOCKET, libc::SO_ACCEPTCONN);
/// `SO_PASSCRED`: receive the sender's credentials with every message.
pub const SO_PASSCRED: Opt<Switch> = Opt::new(libc::SOL_SOCKET, libc::SO_PASSCRED);
/// `SO_PEERCRED` (read only): the connected peer's credentials.
pub const SO_PEERCRED: Opt<Ucred> = Opt::new(libc::SOL_SOCKET, libc::SO_PEERCRED);
/// `SO_MARK`: the firewall and routing mark of outgoing packets.
pub const SO_MARK: Opt<Bits> = Opt::new(libc::SOL_SOCKET, libc::SO_MARK);
/// `SO_PRIORITY`: the queueing priority of outgoing packets.
pub const SO_PRIORITY: Opt<Count> = Opt::new(libc::SOL_SOCKET, libc::SO_PRIORITY);
/// `SO_RCVLOWAT`: the fewest bytes a receive (and readiness) waits for.
pub const SO_RCVLOWAT: Opt<Size> = Opt::new(libc::SOL_SOCKET, libc::SO_RCVLOWAT);
/// `SO_INCOMING_CPU`: the CPU that handles the socket's incoming packets.
pub const SO_INCOMING_CPU: Opt<Cpu> = Opt::new(libc::SOL_SOCKET, libc::SO_INCOMING_CPU);
/// `SO_BUSY_POLL`: how long a blocking receive polls the device first.
pub const SO_BUSY_POLL: Opt<Micros> = Opt::new(libc::SOL_SOCKET, libc::SO_BUSY_POLL);
/// `SO_OOBINLINE`: TCP urgent data arrives in the normal stream.
pub const SO_OOBINLINE: Opt<Switch> = Opt::new(libc::SOL_SOCKET, libc::SO_OOBINLINE);
/// `SO_BINDTOIFINDEX`: the one interface the socket uses, by index.
pub const SO_BINDTOIFINDEX: Opt<Count> = Opt::new(libc::SOL_SOCKET, libc::SO_BINDTOIFINDEX);
/// `SO_RXQ_OVFL`: receive the count of datagrams dropped so far with each
/// datagram.
pub const SO_RXQ_OVFL: Opt<Switch> = Opt::new(libc::SOL_SOCKET, libc::SO_RXQ_OVFL);
/// `SO_TIMESTAMPNS_NEW` (Linux 5.1): receive times, as 64-bit
/// `SCM_TIMESTAMPNS_NEW` stamps.
pub const SO_TIMESTAMPNS_NEW: Opt<Switch> = Opt::new(libc::SOL_SOCKET, uapi::SO_TIMESTAMPNS_NEW);
/// `SO_TIMESTAMPNS_OLD`: receive times, as `SCM_TIMESTAMPNS_OLD` stamps
/// (32-bit seconds on 32-bit targets).
pub const SO_TIMESTAMPNS_OLD: Opt<Switch> = Opt::new(libc::SOL_SOCKET, uapi::SO_TIMESTAMPNS_OLD);
/// `SO_TIMESTAMPING_NEW` (Linux 5.1): receive and transmit stamps, 64-bit.
pub const SO_TIMESTAMPING_NEW: Opt<StampFlags> =
    Opt::new(libc::SOL_SOCKET, uapi::SO_TIMESTAMPING_NEW);
/// `SO_TIMESTAMPING_OLD`: receive and transmit stamps, in the old form.
pub const SO_TIMESTAMPING_OLD: Opt<StampFlags> =
    Opt::new(libc::SOL_SOCKET, uapi::SO_TIMESTAMPING_OLD);
/// `SO_ZEROCOPY` (TCP: Linux 4.14; UDP: 5.0): let sends with
/// `MSG_ZEROCOPY` use the caller's pages.
pub const SO_ZEROCOPY: Opt<Switch> = Opt::new(libc::SOL_SOCKET, libc::SO_ZEROCOPY);

// IPPROTO_TCP

/// `TCP_NODELAY`: send small writes at once (Nagle's algorithm off).
pub const TCP_NODELAY: Opt<Switch> = Opt::new(libc::IPPROTO_TCP, libc::TCP_NODELAY);
/// `TCP_KEEPIDLE`: idle time before the first keep-alive probe.
pub const TCP_KEEPIDLE: Opt<Seconds> = Opt::new(libc::IPPROTO_TCP, libc::TCP_KEEPIDLE);
/// `TCP_KEEPINTVL`: time between keep-alive probes.
pub const TCP_KEEPINTVL: Opt<Seconds> = Opt::new(libc::IPPROTO_TCP, libc::TCP_KEEPINTVL);
/// `TCP_KEEPCNT`: unanswered probes that end the connection.
pub const TCP_KEEPCNT: Opt<Count> = Opt::new(libc::IPPROTO_TCP, libc::TCP_KEEPCNT);
/// `TCP_USER_TIMEOUT`: how long sent data may stay unacknowledged.
pub const TCP_USER_TIMEOUT: Opt<Millis> = Opt::new(libc::IPPROTO_TCP, libc::TCP_USER_TIMEOUT);
/// `TCP_CORK`: hold partial segments until uncorked (or 200 ms pass).
pub const TCP_CORK: Opt<Switch> = Opt::new(libc::IPPROTO_TCP, libc::TCP_CORK);
/// `TCP_QUICKACK`: acknowledge at once rather than delay (not sticky).
pub const TCP_QUICKACK: Opt<Switch> = Opt::new(libc::IPPROTO_TCP, libc::TCP_QUICKACK);
/// `TCP_NOTSENT_LOWAT`: unsent bytes below which the socket is writable.
pub const TCP_NOTSENT_LOWAT: Opt<Size> = Opt::new(libc::IPPROTO_TCP, libc::TCP_NOTSENT_LOWAT);
/// `TCP_CONGESTION`: the congestion control algorithm, by name.
pub const TCP_CONGESTION: Opt<Bytes> = Opt::new(libc::IPPROTO_TCP, libc::TCP_CONGESTION);
/// `TCP_MAXSEG`: the largest segment the connection sends.
pub const TCP_MAXSEG: Opt<Count> = Opt::new(libc::IPPROTO_TCP, libc::TCP_MAXSEG);
/// `TCP_INFO` (read only): a snapshot of the connection's state and
/// counters.
pub const TCP_INFO: Opt<TcpInfoStruct> = Opt::new(libc::IPPROTO_TCP, libc::TCP_INFO);
/// `TCP_FASTOPEN`: a listener's queue of Fast Open connections (data in
/// the SYN) not yet accepted; 0 turns Fast Open off for it.
pub const TCP_FASTOPEN: Opt<Count> = Opt::new(libc::IPPROTO_TCP, libc::TCP_FASTOPEN);
/// `TCP_FASTOPEN_CONNECT`: `connect` defers the SYN to the first write,
/// which it carries when a Fast Open cookie for the address is cached.
pub const TCP_FASTOPEN_CONNECT: Opt<Switch> =
    Opt::new(libc::IPPROTO_TCP, libc::TCP_FASTOPEN_CONNECT);

// SOL_UDP

/// `UDP_SEGMENT`: the segment size every send without a `UDP_SEGMENT`
/// control message is cut into (0: none). An `int` 0 to 65,535, though
/// the control message of the same name is a `u16`.
pub const UDP_SEGMENT: Opt<Count> = Opt::new(libc::SOL_UDP, libc::UDP_SEGMENT);
/// `UDP_GRO`: receive runs of datagrams coalesced, each with its segment
/// size in a `UDP_GRO` control message.
pub const UDP_GRO: Opt<Switch> = Opt::new(libc::SOL_UDP, libc::UDP_GRO);

// IPPROTO_IP

/// `IP_TTL`: the time-to-live of outgoing unicast packets.
pub const IP_TTL: Opt<Count> = Opt::new(libc::IPPROTO_IP, libc::IP_TTL);
/// `IP_TOS`: the type-of-service byte of outgoing packets.
pub const IP_TOS: Opt<Byte> = Opt::new(libc::IPPROTO_IP, libc::IP_TOS);
/// `IP_ADD_MEMBERSHIP` (set only): join a multicast group.
pub const IP_ADD_MEMBERSHIP: Opt<GroupV4> = Opt::new(libc::IPPROTO_IP, libc::IP_ADD_MEMBERSHIP);
/// `IP_DROP_MEMBERSHIP` (set only): leave a multicast group.
pub const IP_DROP_MEMBERSHIP: Opt<GroupV4> = Opt::new(libc::IPPROTO_IP, libc::IP_DROP_MEMBERSHIP);
/// `IP_MULTICAST_LOOP`: this host's members receive what the socket sends.
pub const IP_MULTICAST_LOOP: Opt<Switch> = Opt::new(libc::IPPROTO_IP, libc::IP_MULTICAST_LOOP);
/// `IP_MULTICAST_TTL`: the time-to-live of outgoing multicast packets.
pub const IP_MULTICAST_TTL: Opt<Count> = Opt::new(libc::IPPROTO_IP, libc::IP_MULTICAST_TTL);
/// `IP_MULTICAST_IF` (set only, by index): the interface multicast leaves by.
pub const IP_MULTICAST_IF: Opt<InterfaceV4> = Opt::new(libc::IPPROTO_IP, libc::IP_MULTICAST_IF);
/// `IP_MULTICAST_ALL`: receive the groups other sockets joined on the port.
pub const IP_MULTICAST_ALL: Opt<Switch> = Opt::new(libc::IPPROTO_IP, libc::IP_MULTICAST_ALL);
/// `IP_ADD_MEMBERSHIP` with a `struct ip_mreq` (set only): join a group on
/// the interface that has an address.
pub const IP_ADD_MEMBERSHIP_ADDR: Opt<GroupV4Addr> =
    Opt::new(libc::IPPROTO_IP, libc::IP_ADD_MEMBERSHIP);
/// `IP_DROP_MEMBERSHIP` with a `struct ip_mreq` (set only): leave it.
pub const IP_DROP_MEMBERSHIP_ADDR: Opt<GroupV4Addr> =
    Opt::new(libc::IPPROTO_IP, libc::IP_DROP_MEMBERSHIP);
/// `IP_ADD_SOURCE_MEMBERSHIP` (set only): join a group from one source.
pub const IP_ADD_SOURCE_MEMBERSHIP: Opt<SourceGroupV4> =
    Opt::new(libc::IPPROTO_IP, libc::IP_ADD_SOURCE_MEMBERSHIP);
/// `IP_DROP_SOURCE_MEMBERSHIP` (set only): leave a group joined from a source.
pub const IP_DROP_SOURCE_MEMBERSHIP: Opt<SourceGroupV4> =
    Opt::new(libc::IPPROTO_IP, libc::IP_DROP_SOURCE_MEMBERSHIP);
/// `IP_FREEBIND`: bind an address the host does not have (yet).
pub const IP_FREEBIND: Opt<Switch> = Opt::new(libc::IPPROTO_IP, libc::IP_FREEBIND);
/// `IP_TRANSPARENT`: bind and receive for any address (transparent proxy).
pub const IP_TRANSPARENT: Opt<Switch> = Opt::new(libc::IPPROTO_IP, libc::IP_TRANSPARENT);
/// `IP_BIND_ADDRESS_NO_PORT`: `bind` to an address leaves the port to `connect`.
pub const IP_BIND_ADDRESS_NO_PORT: Opt<Switch> =
    Opt::new(libc::IPPROTO_IP, libc::IP_BIND_ADDRESS_NO_PORT);
/// `IP_PKTINFO`: receive each datagram's destination and interface.
pub const IP_PKTINFO: Opt<Switch> = Opt::new(libc::IPPROTO_IP, libc::IP_PKTINFO);
/// `IP_RECVTOS`: receive each datagram's TOS byte.
pub const IP_RECVTOS: Opt<Switch> = Opt::new(libc::IPPROTO_IP, libc::IP_RECVTOS);
/// `IP_RECVTTL`: receive each datagram's TTL.
pub const IP_RECVTTL: Opt<Switch> = Opt::new(libc::IPPROTO_IP, libc::IP_RECVTTL);
/// `IP_RECVERR`: queue ICMP and local errors on the error queue.
pub const IP_RECVERR: Opt<Switch> = Opt::new(libc::IPPROTO_IP, libc::IP_RECVERR);
/// `IP_RECVORIGDSTADDR`: receive each datagram's destination address and port.
pub const IP_RECVORIGDSTADDR: Opt<Switch> = Opt::new(libc::IPPROTO_IP, libc::IP_RECVORIGDSTADDR);
/// `IP_MTU_DISCOVER`: the path MTU discovery mode.
pub const IP_MTU_DISCOVER: Opt<PmtuMode> = Opt::new(libc::IPPROTO_IP, libc::IP_MTU_DISCOVER);
/// `IP_MTU` (read only, connected sockets): the path MTU known.
pub const IP_MTU: Opt<Count> = Opt::new(libc::IPPROTO_IP, libc::IP_MTU);

// IPPROTO_IPV6

/// `IPV6_UNICAST_HOPS`: the hop limit of outgoing unicast packets.
pub const IPV6_UNICAST_HOPS: Opt<Count> = Opt::new(libc::IPPROTO_IPV6, libc::IPV6_UNICAST_HOPS);
/// `IPV6_TCLASS`: the traffic class byte of outgoing packets.
pub const IPV6_TCLASS: Opt<Byte> = Opt::new(libc::IPPROTO_IPV6, libc::IPV6_TCLASS);
/// `IPV6_V6ONLY`: a socket bound to `::` takes IPv6 traffic only.
pub const IPV6_V6ONLY: Opt<Switch> = Opt::new(libc::IPPROTO_IPV6, libc::IPV6_V6ONLY);
/// `IPV6_ADD_MEMBERSHIP` (`IPV6_JOIN_GROUP`; set only): join a multicast group.
pub const IPV6_ADD_MEMBERSHIP: Opt<GroupV6> =
    Opt::new(libc::IPPROTO_IPV6, libc::IPV6_ADD_MEMBERSHIP);
/// `IPV6_DROP_MEMBERSHIP` (`IPV6_LEAVE_GROUP`; set only): leave a multicast group.
pub const IPV6_DROP_MEMBERSHIP: Opt<GroupV6> =
    Opt::new(libc::IPPROTO_IPV6, libc::IPV6_DROP_MEMBERSHIP);
/// `IPV6_MULTICAST_LOOP`: this host's members receive what the socket sends.
pub const IPV6_MULTICAST_LOOP: Opt<Switch> =
    Opt::new(libc::IPPROTO_IPV6, libc::IPV6_MULTICAST_LOOP);
/// `IPV6_MULTICAST_HOPS`: the hop limit of outgoing multicast packets.
pub const IPV6_MULTICAST_HOPS: Opt<Count> = Opt::new(libc::IPPROTO_IPV6, libc::IPV6_MULTICAST_HOPS);
/// `IPV6_MULTICAST_IF`: the interface multicast leaves by, as an index.
pub const IPV6_MULTICAST_IF: Opt<Count> = Opt::new(libc::IPPROTO_IPV6, libc::IPV6_MULTICAST_IF);
/// `IPV6_RECVPKTINFO`: receive each datagram's destination and interface.
pub const IPV6_RECVPKTINFO: Opt<Switch> = Opt::new(libc::IPPROTO_IPV6, libc::IPV6_RECVPKTINFO);
/// `IPV6_RECVTCLASS`: receive each datagram's traffic class.
pub const IPV6_RECVTCLASS: Opt<Switch> = Opt::new(libc::IPPROTO_IPV6, libc::IPV6_RECVTCLASS);
/// `IPV6_RECVHOPLIMIT`: receive each datagram's hop limit.
pub const IPV6_RECVHOPLIMIT: Opt<Switch> = Opt::new(libc::IPPROTO_IPV6, libc::IPV6_RECVHOPLIMIT);
/// `IPV6_RECVERR`: queue ICMPv6 and local errors on the error queue.
pub const IPV6_RECVERR: Opt<Switch> = Opt::new(libc::IPPROTO_IPV6, libc::IPV6_RECVERR);
/// `IPV6_RECVORIGDSTADDR`: receive each datagram's destination address and
/// port.
pub const IPV6_RECVORIGDSTADDR: Opt<Switch> =
    Opt::new(libc::IPPROTO_IPV6, libc::IPV6_RECVORIGDSTADDR);
/// `IPV6_MTU_DISCOVER`: the path MTU discovery mode.
pub const IPV6_MTU_DISCOVER: Opt<PmtuMode> = Opt::new(libc::IPPROTO_IPV6, libc::IPV6_MTU_DISCOVER);
/// `IPV6_DONTFRAG`: never fragment what the socket sends (`EMSGSIZE`
/// instead).
pub const IPV6_DONTFRAG: Opt<Switch> = Opt::new(libc::IPPROTO_IPV6, libc::IPV6_DONTFRAG);
/// `IPV6_MTU` (read: the path MTU known, connected sockets; set: a cap of
/// the socket's own).
pub const IPV6_MTU: Opt<Count> = Opt::new(libc::IPPROTO_IPV6, libc::IPV6_MTU);
