//! `IPPROTO_TCP` options: each set and read back on IPv4 and IPv6, with the
//! kernel's range errors.

use std::time::Duration;

use sockcore::{Domain, Errno, Socket, Type};

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
