//! `IPPROTO_TCP` options: each set and read back on IPv4 and IPv6, with the
//! kernel's range errors.

use std::time::Duration;

use sockcore::{Domain, Errno, Socket, Type, TCP_CA_NAME_MAX};

use crate::support::sockets::{accepted_pair, new_socket};

fn tcp_sockets() -> [Socket; 2] {
    [Domain::IPV4, Domain::IPV6].map(|domain| new_socket(domain, Type::STREAM))
}

#[test]
fn nodelay_round_trip() {
    for s in tcp_sockets() {
        assert_eq!(s.nodelay(), Ok(false));
        s.set_nodelay(true).expect("on");
        assert_eq!(s.nodelay(), Ok(true));
        s.set_nodelay(false).expect("off");
        assert_eq!(s.nodelay(), Ok(false));
    }
}

#[test]
fn nodelay_on_a_connected_socket() {
    let (client, server_side) = accepted_pair("[::1]:0");
    for s in [&client, &server_side] {
        s.set_nodelay(true).expect("on");
        assert_eq!(s.nodelay(), Ok(true));
    }
}

#[test]
fn keepalive_timing_round_trip() {
    for s in tcp_sockets() {
        s.set_keepalive(true).expect("SO_KEEPALIVE");
        s.set_keepalive_idle(Duration::from_secs(30)).expect("idle");
        s.set_keepalive_interval(Duration::from_secs(5))
            .expect("interval");
        s.set_keepalive_count(4).expect("count");
        assert_eq!(s.keepalive_idle(), Ok(Duration::from_secs(30)));
        assert_eq!(s.keepalive_interval(), Ok(Duration::from_secs(5)));
        assert_eq!(s.keepalive_count(), Ok(4));
        // Sub-second parts round up, never down to the invalid 0.
        s.set_keepalive_idle(Duration::from_millis(1))
            .expect("1 ms");
        assert_eq!(s.keepalive_idle(), Ok(Duration::from_secs(1)));
        s.set_keepalive_interval(Duration::from_millis(2_500))
            .expect("2.5 s");
        assert_eq!(s.keepalive_interval(), Ok(Duration::from_secs(3)));
    }
}

#[test]
fn keepalive_timing_ranges() {
    for s in tcp_sockets() {
        assert_eq!(s.set_keepalive_idle(Duration::ZERO), Err(Errno::EINVAL));
        assert_eq!(
            s.set_keepalive_idle(Duration::from_secs(32_768)),
            Err(Errno::EINVAL)
        );
        assert_eq!(s.set_keepalive_interval(Duration::ZERO), Err(Errno::EINVAL));
        assert_eq!(s.set_keepalive_count(0), Err(Errno::EINVAL));
        assert_eq!(s.set_keepalive_count(128), Err(Errno::EINVAL));
        assert_eq!(s.set_keepalive_count(u32::MAX), Err(Errno::EINVAL));
        s.set_keepalive_idle(Duration::from_secs(32_767))
            .expect("the maximum");
        s.set_keepalive_count(127).expect("the maximum");
        assert_eq!(s.keepalive_count(), Ok(127));
    }
}

#[test]
fn user_timeout_round_trip() {
    for s in tcp_sockets() {
        assert_eq!(s.user_timeout(), Ok(None));
        s.set_user_timeout(Some(Duration::from_millis(2_500)))
            .expect("2.5 s");
        assert_eq!(s.user_timeout(), Ok(Some(Duration::from_millis(2_500))));
        s.set_user_timeout(Some(Duration::from_nanos(1)))
            .expect("rounds up");
        assert_eq!(s.user_timeout(), Ok(Some(Duration::from_millis(1))));
        s.set_user_timeout(None).expect("default");
        assert_eq!(s.user_timeout(), Ok(None));
        assert_eq!(s.set_user_timeout(Some(Duration::MAX)), Err(Errno::EINVAL));
    }
}

#[test]
fn tcp_options_on_other_sockets() {
    // The kernel's setter says ENOPROTOOPT, its getter EOPNOTSUPP.
    let udp = new_socket(Domain::IPV4, Type::DGRAM);
    assert_eq!(udp.set_nodelay(true), Err(Errno::ENOPROTOOPT));
    assert_eq!(udp.nodelay(), Err(Errno::EOPNOTSUPP));
    let unix = new_socket(Domain::UNIX, Type::STREAM);
    assert_eq!(unix.set_keepalive_count(3), Err(Errno::EOPNOTSUPP));
}

#[test]
fn cork_and_quickack_round_trip() {
    for s in tcp_sockets() {
        assert_eq!(s.cork(), Ok(false));
        s.set_cork(true).expect("TCP_CORK");
        assert_eq!(s.cork(), Ok(true));
        s.set_cork(false).expect("off");
        assert_eq!(s.cork(), Ok(false));
        assert_eq!(s.quickack(), Ok(true), "no delayed acknowledgements yet");
        s.set_quickack(false).expect("TCP_QUICKACK");
        assert_eq!(s.quickack(), Ok(false));
        s.set_quickack(true).expect("on");
        assert_eq!(s.quickack(), Ok(true));
    }
}

#[test]
fn cork_holds_a_partial_segment_until_uncorked() {
    let (client, server_side) = accepted_pair("127.0.0.1:0");
    client.set_cork(true).expect("cork");
    client.write_all(b"head").expect("write");
    let mut buf = [0u8; 8];
    assert_eq!(
        server_side.read_within(&mut buf, Some(Duration::from_millis(50))),
        Err(Errno::ETIMEDOUT),
        "a corked partial segment waits (the kernel's ceiling is 200 ms)"
    );
    client.set_cork(false).expect("uncork sends it");
    assert_eq!(
        server_side.read_within(&mut buf, Some(Duration::from_secs(5))),
        Ok(4)
    );
}

#[test]
fn notsent_lowat_round_trip() {
    for s in tcp_sockets() {
        assert_eq!(s.notsent_lowat(), Ok(0), "the system's setting");
        s.set_notsent_lowat(16_384).expect("TCP_NOTSENT_LOWAT");
        assert_eq!(s.notsent_lowat(), Ok(16_384));
        s.set_notsent_lowat(0).expect("back to the system's");
        assert_eq!(s.notsent_lowat(), Ok(0));
    }
}

/// The congestion control algorithms of the two named ones this kernel has.
fn available_congestion_control() -> Vec<&'static [u8]> {
    let path = "/proc/sys/net/ipv4/tcp_available_congestion_control";
    let list = std::fs::read_to_string(path).expect(path);
    let have: Vec<&str> = list.split_whitespace().collect();
    let named: [&'static [u8]; 2] = [b"reno", b"cubic"];
    named
        .into_iter()
        .filter(|name| have.contains(&std::str::from_utf8(name).unwrap()))
        .collect()
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user converts TCP_CONGESTION as an int: 4 bytes of the name each way"
)]
fn congestion_control_round_trip() {
    let algorithms = available_congestion_control();
    assert!(!algorithms.is_empty(), "reno is always built in");
    for s in tcp_sockets() {
        let mut name = [0xAAu8; TCP_CA_NAME_MAX];
        let len = s.congestion(&mut name).expect("TCP_CONGESTION");
        assert!(len > 0 && name[len] == 0, "the default, NUL-terminated");
        for algorithm in &algorithms {
            s.set_congestion(algorithm).expect("an available algorithm");
            assert_eq!(s.congestion(&mut name), Ok(algorithm.len()));
            assert_eq!(&name[..=algorithm.len()], [algorithm, &b"\0"[..]].concat());
        }
        assert_eq!(
            s.set_congestion(b"no-such-cc"),
            Err(Errno::ENOENT),
            "not in the kernel"
        );
        assert_eq!(
            s.set_congestion(&[b'x'; TCP_CA_NAME_MAX]),
            Err(Errno::EINVAL)
        );
        assert_eq!(s.set_congestion(b"re\0no"), Err(Errno::EINVAL));
    }
    // On a connection too.
    let (client, _server_side) = accepted_pair("[::1]:0");
    let last = algorithms.last().expect("one");
    client.set_congestion(last).expect("connected");
    let mut name = [0u8; TCP_CA_NAME_MAX];
    assert_eq!(client.congestion(&mut name), Ok(last.len()));
}

#[test]
fn max_segment_is_announced_and_used() {
    for s in tcp_sockets() {
        assert_eq!(s.max_segment(), Ok(536), "the default before connect");
        s.set_max_segment(1000).expect("TCP_MAXSEG");
        assert_eq!(s.max_segment(), Ok(1000));
        assert_eq!(s.set_max_segment(10), Err(Errno::EINVAL), "under 88");
        assert_eq!(s.set_max_segment(40_000), Err(Errno::EINVAL));
    }
    let listener = Socket::listen_on("127.0.0.1:0", 1).expect("listen");
    let client = new_socket(Domain::IPV4, Type::STREAM);
    client.set_max_segment(1000).expect("TCP_MAXSEG");
    client
        .connect_within(
            &listener.local_addr().expect("name"),
            Some(Duration::from_secs(5)),
        )
        .expect("connect");
    // Loopback's MTU is 64 KiB: the limit set is what caps the segments
    // (less the timestamp option's 12 bytes).
    let mss = client.max_segment().expect("connected");
    assert!((500..=1000).contains(&mss), "{mss}");
}

#[test]
fn fastopen_queue_round_trip() {
    // The listener's option needs no sysctl; the kernel caps it at
    // net.core.somaxconn.
    for s in tcp_sockets() {
        assert_eq!(s.fastopen(), Ok(0));
        s.set_fastopen(16).expect("TCP_FASTOPEN");
        assert_eq!(s.fastopen(), Ok(16));
        s.listen(4).expect("listen");
        s.set_fastopen(u32::MAX).expect("TCP_FASTOPEN, saturated");
        let cap = crate::support::sockets::kernel_setting("net/core/somaxconn");
        assert_eq!(s.fastopen(), Ok(cap as u32));
        s.set_fastopen(0).expect("off");
        assert_eq!(s.fastopen(), Ok(0));
    }
}

#[test]
fn fastopen_on_udp_is_enoprotoopt() {
    let udp = new_socket(Domain::IPV4, Type::DGRAM);
    assert_eq!(udp.set_fastopen(1), Err(Errno::ENOPROTOOPT));
}

#[test]
fn fastopen_connect_on_a_connected_socket_is_einval() {
    let (client, _server) = accepted_pair("127.0.0.1:0");
    assert_eq!(client.set_fastopen_connect(true), Err(Errno::EINVAL));
}
