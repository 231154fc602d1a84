//! Multicast options on the loopback interface only: membership (by index,
//! by address, from one source), loopback, hop limits, the outgoing
//! interface and the other sockets' groups, for IPv4 and IPv6; and
//! datagrams through IPv4 groups on `lo`.
//!
//! Every join names `lo` by index: with index 0 the kernel would pick the
//! default route's interface and announce the membership on the network.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::time::Duration;

use sockcore::{interface_index, Domain, Errno, MsgFlags, PollFlags, Socket, SocketAddr, Type};

use crate::support::sockets::new_socket;

/// Link-local groups nobody else uses, one per test so parallel tests do
/// not share memberships.
const GROUP_JOIN_V4: Ipv4Addr = Ipv4Addr::new(224, 0, 0, 201);
const GROUP_TRAFFIC_V4: Ipv4Addr = Ipv4Addr::new(224, 0, 0, 202);
const GROUP_JOIN_V6: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 0x5c01);
const GROUP_TRAFFIC_V6: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 0x5c02);
const GROUP_BY_ADDR_V4: Ipv4Addr = Ipv4Addr::new(224, 0, 0, 204);
const GROUP_SOURCE_V4: Ipv4Addr = Ipv4Addr::new(232, 0, 0, 205);
const GROUP_ALL_V4: Ipv4Addr = Ipv4Addr::new(224, 0, 0, 206);

fn lo() -> u32 {
    interface_index(b"lo").expect("lo exists")
}

fn udp(domain: Domain) -> Socket {
    new_socket(domain, Type::DGRAM)
}

#[test]
fn interface_index_of_names() {
    assert!(lo() >= 1);
    assert_eq!(
        interface_index(b"no-such-if0"),
        Err(Errno::from_raw(libc::ENODEV))
    );
    assert_eq!(interface_index(b""), Err(Errno::EINVAL));
    assert_eq!(interface_index(b"l\0"), Err(Errno::EINVAL));
    assert_eq!(interface_index(&[b'x'; 16]), Err(Errno::EINVAL));
    // SAFETY: the name is NUL-terminated.
    let from_libc = unsafe { libc::if_nametoindex(c"lo".as_ptr()) };
    assert_eq!(lo(), from_libc);
}

#[test]
fn ipv4_loop_and_ttl_round_trip() {
    let s = udp(Domain::IPV4);
    assert_eq!(s.multicast_loop_v4(), Ok(true));
    s.set_multicast_loop_v4(false).expect("off");
    assert_eq!(s.multicast_loop_v4(), Ok(false));
    s.set_multicast_loop_v4(true).expect("on");
    assert_eq!(s.multicast_loop_v4(), Ok(true));
    assert_eq!(s.multicast_ttl_v4(), Ok(1));
    s.set_multicast_ttl_v4(5).expect("ttl");
    assert_eq!(s.multicast_ttl_v4(), Ok(5));
    s.set_multicast_ttl_v4(0).expect("0: this host only");
    assert_eq!(s.multicast_ttl_v4(), Ok(0));
    assert_eq!(s.set_multicast_ttl_v4(256), Err(Errno::EINVAL));
}

#[test]
#[cfg_attr(
    all(sockcore_qemu, target_pointer_width = "64"),
    ignore = "qemu-user on 64-bit targets expects a 16-byte ip_mreqn, so it drops the interface \
              index of the real 12-byte one and the join fails with ENODEV"
)]
fn ipv4_join_and_leave_on_lo() {
    let s = udp(Domain::IPV4);
    s.join_multicast_v4(GROUP_JOIN_V4, lo())
        .expect("join on lo");
    assert_eq!(
        s.join_multicast_v4(GROUP_JOIN_V4, lo()),
        Err(Errno::EADDRINUSE),
        "twice"
    );
    // Another socket may join the same group: memberships are per socket.
    let other = udp(Domain::IPV4);
    other
        .join_multicast_v4(GROUP_JOIN_V4, lo())
        .expect("second socket");
    s.leave_multicast_v4(GROUP_JOIN_V4, lo()).expect("leave");
    assert_eq!(
        s.leave_multicast_v4(GROUP_JOIN_V4, lo()),
        Err(Errno::EADDRNOTAVAIL),
        "not a member"
    );
    assert_eq!(
        s.join_multicast_v4(Ipv4Addr::LOCALHOST, lo()),
        Err(Errno::EINVAL),
        "not multicast"
    );
    assert_eq!(
        s.join_multicast_v4(GROUP_JOIN_V4, 999_999),
        Err(Errno::from_raw(libc::ENODEV))
    );
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user has no IP_MULTICAST_IF (ENOPROTOOPT); on 64-bit targets its ip_mreqn \
              size also breaks the join"
)]
fn ipv4_datagram_through_a_group_on_lo() {
    let receiver = udp(Domain::IPV4);
    receiver
        .bind(&SocketAddr::from(std::net::SocketAddrV4::new(
            GROUP_TRAFFIC_V4,
            0,
        )))
        .expect("bind to the group");
    receiver
        .join_multicast_v4(GROUP_TRAFFIC_V4, lo())
        .expect("join on lo");
    let to = receiver.local_addr().expect("name");

    // Bound to 127.0.0.1 so the source address is loopback's too.
    let sender = udp(Domain::IPV4);
    sender
        .bind(&SocketAddr::parse("127.0.0.1:0").expect("parse"))
        .expect("bind");
    sender.set_multicast_if_v4(lo()).expect("send through lo");
    assert_eq!(
        sender.send_to(b"to the group", MsgFlags::empty(), &to),
        Ok(12)
    );
    sockcore::poll::wait_ready(
        receiver.as_raw_fd(),
        PollFlags::IN,
        Some(Duration::from_secs(5)),
    )
    .expect("arrives");
    let mut buf = [0u8; 32];
    let (n, from) = receiver
        .recv_from(&mut buf, MsgFlags::DONTWAIT)
        .expect("recv");
    assert_eq!(&buf[..n], b"to the group");
    assert_eq!(from, sender.local_addr().expect("name"));

    // After leaving, the group's datagrams no longer reach the socket: of
    // one sent after leaving and one sent after joining again, only the
    // second arrives.
    receiver
        .leave_multicast_v4(GROUP_TRAFFIC_V4, lo())
        .expect("leave");
    assert_eq!(sender.send_to(b"unheard", MsgFlags::empty(), &to), Ok(7));
    receiver
        .join_multicast_v4(GROUP_TRAFFIC_V4, lo())
        .expect("join again");
    assert_eq!(sender.send_to(b"heard", MsgFlags::empty(), &to), Ok(5));
    sockcore::poll::wait_ready(
        receiver.as_raw_fd(),
        PollFlags::IN,
        Some(Duration::from_secs(5)),
    )
    .expect("arrives");
    let n = receiver.recv(&mut buf, MsgFlags::DONTWAIT).expect("recv");
    assert_eq!(&buf[..n], b"heard");
    assert_eq!(
        sockcore::poll::wait_ready(
            receiver.as_raw_fd(),
            PollFlags::IN,
            Some(Duration::from_millis(200))
        ),
        Err(Errno::ETIMEDOUT),
        "nothing else is queued"
    );
    assert_eq!(
        sender.set_multicast_if_v4(999_999),
        Err(Errno::EADDRNOTAVAIL)
    );
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user has no IPV6_MULTICAST_IF (ENOPROTOOPT)"
)]
fn ipv6_loop_hops_and_interface_round_trip() {
    let s = udp(Domain::IPV6);
    assert_eq!(s.multicast_loop_v6(), Ok(true));
    s.set_multicast_loop_v6(false).expect("off");
    assert_eq!(s.multicast_loop_v6(), Ok(false));
    s.set_multicast_loop_v6(true).expect("on");
    assert_eq!(s.multicast_loop_v6(), Ok(true));
    assert_eq!(s.multicast_hops_v6(), Ok(1));
    s.set_multicast_hops_v6(8).expect("hops");
    assert_eq!(s.multicast_hops_v6(), Ok(8));
    assert_eq!(s.set_multicast_hops_v6(256), Err(Errno::EINVAL));
    assert_eq!(s.multicast_if_v6(), Ok(0));
    s.set_multicast_if_v6(lo()).expect("lo");
    assert_eq!(s.multicast_if_v6(), Ok(lo()));
    s.set_multicast_if_v6(0).expect("by routing");
    assert_eq!(s.multicast_if_v6(), Ok(0));
    assert_eq!(
        s.set_multicast_if_v6(999_999),
        Err(Errno::from_raw(libc::ENODEV))
    );
}

#[test]
fn ipv6_join_and_leave_on_lo() {
    let s = udp(Domain::IPV6);
    s.join_multicast_v6(GROUP_JOIN_V6, lo())
        .expect("join on lo");
    assert_eq!(
        s.join_multicast_v6(GROUP_JOIN_V6, lo()),
        Err(Errno::EADDRINUSE),
        "twice"
    );
    s.leave_multicast_v6(GROUP_JOIN_V6, lo()).expect("leave");
    assert_eq!(
        s.leave_multicast_v6(GROUP_JOIN_V6, lo()),
        Err(Errno::EADDRNOTAVAIL)
    );
    assert_eq!(
        s.join_multicast_v6(Ipv6Addr::LOCALHOST, lo()),
        Err(Errno::EINVAL),
        "not multicast"
    );
    assert_eq!(
        s.join_multicast_v6(GROUP_JOIN_V6, 999_999),
        Err(Errno::from_raw(libc::ENODEV))
    );
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user has no IPV6_MULTICAST_IF (ENOPROTOOPT)"
)]
fn ipv6_multicast_has_no_route_through_lo() {
    // Linux gives lo no IFF_MULTICAST and no ff00::/8 route, so unlike IPv4
    // an IPv6 group datagram cannot be sent through it: the exact error is
    // ENETUNREACH. (Joining works, above.)
    let receiver = udp(Domain::IPV6);
    let group = SocketAddr::v6(GROUP_TRAFFIC_V6.octets(), 0, 0, lo());
    receiver.bind(&group).expect("bind to the group on lo");
    receiver
        .join_multicast_v6(GROUP_TRAFFIC_V6, lo())
        .expect("join on lo");
    let to = receiver.local_addr().expect("name");
    let sender = udp(Domain::IPV6);
    sender.set_multicast_if_v6(lo()).expect("send through lo");
    assert_eq!(
        sender.send_to(b"x", MsgFlags::empty(), &to),
        Err(Errno::ENETUNREACH)
    );
}

/// A datagram socket bound to `ip` on an ephemeral port, sending multicast
/// through `lo`.
fn sender_from(ip: &str) -> Socket {
    let sender = udp(Domain::IPV4);
    sender
        .bind(&SocketAddr::parse(&format!("{ip}:0")).expect("parse"))
        .expect("bind");
    sender.set_multicast_if_v4(lo()).expect("send through lo");
    sender
}

/// What arrives on `receiver`, in order: each datagram's bytes, waiting up
/// to `first` for the first and 200 ms for each further one.
fn received(receiver: &Socket, first: Duration) -> Vec<Vec<u8>> {
    let mut all = Vec::new();
    let mut buf = [0u8; 64];
    let mut wait = first;
    for _ in 0..16 {
        match receiver.read_within(&mut buf, Some(wait)) {
            Ok(n) => all.push(buf[..n].to_vec()),
            Err(Errno::ETIMEDOUT) => break,
            Err(e) => panic!("receive: {e}"),
        }
        wait = Duration::from_millis(200);
    }
    all
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user has no IP_MULTICAST_IF (ENOPROTOOPT)"
)]
fn ipv4_join_by_interface_address_on_lo() {
    let receiver = udp(Domain::IPV4);
    receiver
        .bind(&SocketAddr::from(std::net::SocketAddrV4::new(
            GROUP_BY_ADDR_V4,
            0,
        )))
        .expect("bind to the group");
    receiver
        .join_multicast_v4_by_addr(GROUP_BY_ADDR_V4, Ipv4Addr::LOCALHOST)
        .expect("join on lo, by its address");
    assert_eq!(
        receiver.join_multicast_v4_by_addr(GROUP_BY_ADDR_V4, Ipv4Addr::LOCALHOST),
        Err(Errno::EADDRINUSE),
        "twice"
    );
    // The same membership as by index: joining again that way is a repeat.
    assert_eq!(
        receiver.join_multicast_v4(GROUP_BY_ADDR_V4, lo()),
        Err(Errno::EADDRINUSE)
    );
    let to = receiver.local_addr().expect("name");
    let sender = sender_from("127.0.0.1");
    assert_eq!(
        sender.send_to(b"by address", MsgFlags::empty(), &to),
        Ok(10)
    );
    assert_eq!(
        received(&receiver, Duration::from_secs(5)),
        [b"by address".to_vec()]
    );
    receiver
        .leave_multicast_v4_by_addr(GROUP_BY_ADDR_V4, Ipv4Addr::LOCALHOST)
        .expect("leave");
    assert_eq!(
        receiver.leave_multicast_v4_by_addr(GROUP_BY_ADDR_V4, Ipv4Addr::LOCALHOST),
        Err(Errno::EADDRNOTAVAIL)
    );
    assert_eq!(
        receiver.join_multicast_v4_by_addr(GROUP_BY_ADDR_V4, Ipv4Addr::new(192, 0, 2, 1)),
        Err(Errno::from_raw(libc::ENODEV)),
        "no interface has that address"
    );
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user has no IP_MULTICAST_IF (ENOPROTOOPT)"
)]
fn ipv4_source_specific_membership_filters_by_source() {
    let receiver = udp(Domain::IPV4);
    receiver
        .bind(&SocketAddr::from(std::net::SocketAddrV4::new(
            GROUP_SOURCE_V4,
            0,
        )))
        .expect("bind to the group");
    receiver
        .join_source_multicast_v4(GROUP_SOURCE_V4, Ipv4Addr::LOCALHOST, Ipv4Addr::LOCALHOST)
        .expect("join from 127.0.0.1 on lo");
    assert_eq!(
        receiver.join_source_multicast_v4(
            GROUP_SOURCE_V4,
            Ipv4Addr::LOCALHOST,
            Ipv4Addr::LOCALHOST
        ),
        Err(Errno::EADDRNOTAVAIL),
        "that source twice"
    );
    let to = receiver.local_addr().expect("name");
    let wanted = sender_from("127.0.0.1");
    let other = sender_from("127.0.0.2");
    // The unwanted source sends first: were it let through, it would be
    // the first datagram received.
    assert_eq!(other.send_to(b"from .2", MsgFlags::empty(), &to), Ok(7));
    assert_eq!(wanted.send_to(b"from .1", MsgFlags::empty(), &to), Ok(7));
    assert_eq!(
        received(&receiver, Duration::from_secs(5)),
        [b"from .1".to_vec()],
        "only the joined source"
    );

    // A second source, then leaving the first: now only .2 gets through.
    receiver
        .join_source_multicast_v4(
            GROUP_SOURCE_V4,
            Ipv4Addr::new(127, 0, 0, 2),
            Ipv4Addr::LOCALHOST,
        )
        .expect("add 127.0.0.2");
    receiver
        .leave_source_multicast_v4(GROUP_SOURCE_V4, Ipv4Addr::LOCALHOST, Ipv4Addr::LOCALHOST)
        .expect("drop 127.0.0.1");
    assert_eq!(wanted.send_to(b"from .1", MsgFlags::empty(), &to), Ok(7));
    assert_eq!(other.send_to(b"from .2", MsgFlags::empty(), &to), Ok(7));
    assert_eq!(
        received(&receiver, Duration::from_secs(5)),
        [b"from .2".to_vec()]
    );
    assert_eq!(
        receiver.leave_source_multicast_v4(
            GROUP_SOURCE_V4,
            Ipv4Addr::LOCALHOST,
            Ipv4Addr::LOCALHOST
        ),
        Err(Errno::EADDRNOTAVAIL),
        "not joined from that source"
    );
    assert_eq!(
        receiver.join_source_multicast_v4(
            Ipv4Addr::LOCALHOST,
            Ipv4Addr::LOCALHOST,
            Ipv4Addr::LOCALHOST
        ),
        Err(Errno::EINVAL),
        "not a group"
    );
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user has no IP_MULTICAST_IF (ENOPROTOOPT); on 64-bit targets its ip_mreqn \
              size also breaks the join"
)]
fn multicast_all_decides_whether_other_sockets_groups_arrive() {
    // A socket on the wildcard address that joins nothing itself, and one
    // that joins the group on lo.
    let wildcard = udp(Domain::IPV4);
    wildcard
        .bind(&SocketAddr::parse("0.0.0.0:0").expect("parse"))
        .expect("bind");
    let port = wildcard.local_addr().expect("name").port().expect("a port");
    let member = udp(Domain::IPV4);
    member.join_multicast_v4(GROUP_ALL_V4, lo()).expect("join");
    let to = SocketAddr::from(std::net::SocketAddrV4::new(GROUP_ALL_V4, port));
    let sender = sender_from("127.0.0.1");

    assert_eq!(wildcard.multicast_all_v4(), Ok(true), "the default");
    assert_eq!(sender.send_to(b"all", MsgFlags::empty(), &to), Ok(3));
    assert_eq!(
        received(&wildcard, Duration::from_secs(5)),
        [b"all".to_vec()],
        "another socket's group arrives"
    );
    wildcard.set_multicast_all_v4(false).expect("off");
    assert_eq!(wildcard.multicast_all_v4(), Ok(false));
    assert_eq!(sender.send_to(b"own only", MsgFlags::empty(), &to), Ok(8));
    assert!(
        received(&wildcard, Duration::from_millis(300)).is_empty(),
        "only its own groups now"
    );
}
