//! The path MTU through a router: sender, router and receiver in three
//! network namespaces this test creates, the router's link to the receiver
//! 1280 bytes. A 1400-byte datagram with DF comes back as an ICMP
//! "fragmentation needed" (IPv4) or "packet too big" (IPv6) entry on the
//! error queue, with the MTU and the router as offender; the socket's
//! `IP_MTU`/`IPV6_MTU` then reads 1280, the next large send fails at once
//! with a local entry, and turning DF off for one datagram sends it
//! fragmented.
//!
//! Its own test binary: it creates network namespaces and links with `ip`
//! (as root, as the tests run) and enters them with `setns` on threads of
//! its own, which no other test should share a process with.

mod support;

use std::fs;
use std::mem::MaybeUninit;
use std::net::IpAddr;
use std::os::fd::AsRawFd;
use std::process::Command;

use sockcore::{
    cmsg_space_for_all_received, cmsg_space_for_dontfrag, CmsgBuffer, CmsgBuilder, Domain, Errno,
    ErrorOrigin, ExtendedError, IoSlice, MsgFlags, PmtuDiscover, SockFlags, Socket, SocketAddr,
    Type,
};
use support::udp::{ready_within, recv_datagram, recv_error};

/// Runs `ip` with `args`; fails the test if it fails.
fn ip(args: &[&str]) {
    let status = Command::new("ip")
        .args(args)
        .status()
        .expect("ip (iproute2)");
    assert!(status.success(), "ip {}: {status}", args.join(" "));
}

/// The three namespaces, deleted when dropped.
struct Network {
    sender: String,
    router: String,
    receiver: String,
}

impl Drop for Network {
    fn drop(&mut self) {
        for name in [&self.sender, &self.router, &self.receiver] {
            let _ = Command::new("ip").args(["netns", "del", name]).status();
        }
    }
}

/// Runs `f` on a thread of its own inside namespace `name`.
fn inside<T: Send>(name: &str, f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                let netns = fs::File::open(format!("/run/netns/{name}")).expect("the namespace");
                // SAFETY: setns takes a descriptor and a flag; it changes
                // only this thread's network namespace, and this thread
                // ends with the closure.
                let entered = unsafe { libc::setns(netns.as_raw_fd(), libc::CLONE_NEWNET) };
                assert_eq!(entered, 0, "setns: {}", std::io::Error::last_os_error());
                f()
            })
            .join()
            .expect("the thread in the namespace")
    })
}

/// Writes a network setting of the namespace `name`.
fn setting(name: &str, path: &str, value: &str) {
    inside(name, || {
        fs::write(format!("/proc/sys/net/{path}"), value).unwrap_or_else(|e| panic!("{path}: {e}"))
    });
}

/// sender s0 (10.1.0.1, fd01::1, MTU 1500) -- r0 router r1 (MTU 1280) --
/// d0 receiver (10.2.0.2, fd02::2, MTU 1280).
fn network() -> Network {
    let tag = std::process::id();
    let network = Network {
        sender: format!("sockcore-pmtu-s-{tag}"),
        router: format!("sockcore-pmtu-r-{tag}"),
        receiver: format!("sockcore-pmtu-d-{tag}"),
    };
    let (s, r, d) = (
        network.sender.as_str(),
        network.router.as_str(),
        network.receiver.as_str(),
    );
    for ns in [s, r, d] {
        ip(&["netns", "add", ns]);
        // No duplicate address detection: addresses are usable at once.
        setting(ns, "ipv6/conf/all/accept_dad", "0");
        setting(ns, "ipv6/conf/default/accept_dad", "0");
        ip(&["-n", ns, "link", "set", "lo", "up"]);
    }
    ip(&[
        "link", "add", "s0", "netns", s, "type", "veth", "peer", "name", "r0", "netns", r,
    ]);
    ip(&[
        "link", "add", "r1", "netns", r, "type", "veth", "peer", "name", "d0", "netns", d,
    ]);
    for (ns, dev, v4, v6) in [
        (s, "s0", "10.1.0.1/24", "fd01::1/64"),
        (r, "r0", "10.1.0.2/24", "fd01::2/64"),
        (r, "r1", "10.2.0.1/24", "fd02::1/64"),
        (d, "d0", "10.2.0.2/24", "fd02::2/64"),
    ] {
        ip(&["-n", ns, "addr", "add", v4, "dev", dev]);
        ip(&["-n", ns, "addr", "add", v6, "dev", dev, "nodad"]);
    }
    ip(&["-n", r, "link", "set", "r1", "mtu", "1280"]);
    ip(&["-n", d, "link", "set", "d0", "mtu", "1280"]);
    for (ns, dev) in [(s, "s0"), (r, "r0"), (r, "r1"), (d, "d0")] {
        ip(&["-n", ns, "link", "set", dev, "up"]);
    }
    ip(&["-n", s, "route", "add", "default", "via", "10.1.0.2"]);
    ip(&["-n", s, "-6", "route", "add", "default", "via", "fd01::2"]);
    ip(&["-n", d, "route", "add", "default", "via", "10.2.0.1"]);
    ip(&["-n", d, "-6", "route", "add", "default", "via", "fd02::1"]);
    setting(r, "ipv4/ip_forward", "1");
    setting(r, "ipv6/conf/all/forwarding", "1");
    network
}

/// A UDP socket of `domain` made inside namespace `name`, bound to `bind`.
fn socket_in(name: &str, bind: &str) -> Socket {
    let addr = SocketAddr::parse(bind).expect("address");
    inside(name, || {
        let socket =
            Socket::new(Domain::for_addr(&addr), Type::DGRAM, SockFlags::empty()).expect("socket");
        socket.bind(&addr).expect("bind");
        socket
    })
}

/// Sends one-byte datagrams until one reaches `receiver` (a new path,
/// IPv6 above all, drops the first ones while neighbours are found): at
/// most 50, each waited for 100 ms.
fn wait_for_path(sender: &Socket, receiver: &Socket) {
    let ready = (0..50).any(|_| {
        sender.send(b"?", MsgFlags::empty()).expect("send");
        let mut byte = [0u8; 1];
        ready_within(receiver, 100) && receiver.recv(&mut byte, MsgFlags::DONTWAIT) == Ok(1)
    });
    assert!(ready, "the path never carried a datagram");
}

/// The next datagram at `receiver` that is not one of the one-byte probes
/// of [`wait_for_path`] (some arrive late): its length.
fn recv_past_probes(receiver: &Socket, data: &mut [u8]) -> usize {
    for _ in 0..=50 {
        let mut control: [MaybeUninit<u8>; 0] = [];
        let len = recv_datagram(receiver, data, &mut control).len;
        if data[..len] != *b"?" {
            return len;
        }
    }
    panic!("only probes arrived");
}

/// The next error-queue entry of `sender`.
fn next_entry(sender: &Socket) -> ExtendedError {
    let mut data = [0u8; 2048];
    let mut control = CmsgBuffer::<{ cmsg_space_for_all_received() }>::new();
    let msg = recv_error(sender, &mut data, &mut control);
    assert!(!msg.flags.contains(MsgFlags::CTRUNC));
    let entry = msg.control.messages().extended_error();
    entry.expect("an extended error")
}

/// What the path does to 1400-byte datagrams for one family: `v4` picks
/// the addresses, options and ICMP numbers.
fn path_mtu(network: &Network, v4: bool) {
    let (receiver_at, sender_at, router) = if v4 {
        ("10.2.0.2:0", "10.1.0.1:0", "10.1.0.2")
    } else {
        ("[fd02::2]:0", "[fd01::1]:0", "fd01::2")
    };
    let receiver = socket_in(&network.receiver, receiver_at);
    let sender = socket_in(&network.sender, sender_at);
    let mtu = |socket: &Socket| if v4 { socket.mtu() } else { socket.mtu_v6() };
    if v4 {
        sender.set_recv_errors(true).expect("IP_RECVERR");
        sender
            .set_mtu_discover(PmtuDiscover::DO)
            .expect("IP_PMTUDISC_DO");
    } else {
        sender.set_recv_errors_v6(true).expect("IPV6_RECVERR");
        sender.set_dontfrag_v6(true).expect("IPV6_DONTFRAG");
    }
    assert_eq!(mtu(&sender), Err(Errno::ENOTCONN));
    sender
        .connect(&receiver.local_addr().unwrap())
        .expect("connect");
    assert_eq!(mtu(&sender), Ok(1500), "the first link's");
    wait_for_path(&sender, &receiver);

    // Too big for the far link: the router answers with ICMP.
    let big = [0x5au8; 1400];
    assert_eq!(sender.send(&big, MsgFlags::empty()), Ok(1400));
    let entry = next_entry(&sender);
    let (origin, ty, code) = if v4 {
        (ErrorOrigin::Icmp, 3, 4)
    } else {
        (ErrorOrigin::Icmp6, 2, 0)
    };
    assert_eq!(entry.errno, Errno::EMSGSIZE);
    assert_eq!((entry.origin, entry.ty, entry.code), (origin, ty, code));
    assert_eq!(entry.mtu(), Some(1280));
    let router: IpAddr = router.parse().unwrap();
    assert_eq!(
        entry.offender,
        Some(SocketAddr::from(std::net::SocketAddr::new(router, 0)))
    );
    assert_eq!(mtu(&sender), Ok(1280), "learned");

    // Now this host refuses it at once, with a local entry.
    assert_eq!(sender.send(&big, MsgFlags::empty()), Err(Errno::EMSGSIZE));
    let local = next_entry(&sender);
    assert_eq!(
        (local.errno, local.origin),
        (Errno::EMSGSIZE, ErrorOrigin::Local)
    );
    assert_eq!((local.mtu(), local.offender), (Some(1280), None));

    // What fits goes through.
    assert_eq!(sender.send(&big[..1200], MsgFlags::empty()), Ok(1200));
    let mut data = [0u8; 2048];
    assert_eq!(recv_past_probes(&receiver, &mut data), 1200);

    // DF off (for one datagram on IPv6, for the socket on IPv4): the
    // sender fragments, and the receiver gets the whole datagram.
    if v4 {
        sender
            .set_mtu_discover(PmtuDiscover::DONT)
            .expect("IP_PMTUDISC_DONT");
        assert_eq!(sender.send(&big, MsgFlags::empty()), Ok(1400));
    } else {
        let mut space = CmsgBuffer::<{ cmsg_space_for_dontfrag() }>::new();
        let mut builder = CmsgBuilder::new(&mut space);
        builder.push_dontfrag(false).expect("IPV6_DONTFRAG");
        let bufs = [IoSlice::new(&big)];
        assert_eq!(
            sender.send_msg(&bufs, builder.as_bytes(), None, MsgFlags::empty()),
            Ok(1400)
        );
    }
    let len = recv_past_probes(&receiver, &mut data);
    assert_eq!(&data[..len], &big[..], "reassembled");
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user does not emulate IP_MTU or IPV6_DONTFRAG, and zeroes SO_EE_OFFENDER"
)]
fn a_smaller_link_reports_its_mtu() {
    let network = network();
    path_mtu(&network, true);
    path_mtu(&network, false);
}
