//! `SOL_SOCKET` options: each set and read back (IPv4 and IPv6 where it
//! applies), and the effect where a loopback test can show it.

use std::time::{Duration, Instant};

use sockcore::{
    Credentials, Domain, Errno, MsgFlags, PollFlags, SockFlags, Socket, SocketAddr, Type, IFNAMSIZ,
};

use crate::support::sockets::{
    accepted_pair, kernel_setting, new_socket, not_listening, stream_pair,
};

/// Every IP socket shape the options apply to.
fn ip_sockets() -> Vec<(Domain, Type)> {
    vec![
        (Domain::IPV4, Type::STREAM),
        (Domain::IPV4, Type::DGRAM),
        (Domain::IPV6, Type::STREAM),
        (Domain::IPV6, Type::DGRAM),
    ]
}

#[test]
fn reuse_address_and_port_round_trip() {
    for (domain, ty) in ip_sockets() {
        let s = new_socket(domain, ty);
        assert_eq!(s.reuse_address(), Ok(false));
        assert_eq!(s.reuse_port(), Ok(false));
        s.set_reuse_address(true).expect("SO_REUSEADDR");
        s.set_reuse_port(true).expect("SO_REUSEPORT");
        assert_eq!(s.reuse_address(), Ok(true));
        assert_eq!(s.reuse_port(), Ok(true), "{domain:?} {ty:?}");
        s.set_reuse_port(false).expect("clear");
        assert_eq!(s.reuse_port(), Ok(false));
    }
}

#[test]
fn reuse_port_lets_two_sockets_share_a_port() {
    for text in ["127.0.0.1:0", "[::1]:0"] {
        let addr = SocketAddr::parse(text).expect("parse");
        let first = new_socket(Domain::for_addr(&addr), Type::DGRAM);
        first.set_reuse_port(true).expect("first");
        first.bind(&addr).expect("bind first");
        let taken = first.local_addr().expect("name");
        let second = new_socket(Domain::for_addr(&addr), Type::DGRAM);
        assert_eq!(
            second.bind(&taken),
            Err(Errno::EADDRINUSE),
            "not without the option"
        );
        let third = new_socket(Domain::for_addr(&addr), Type::DGRAM);
        third.set_reuse_port(true).expect("third");
        assert_eq!(third.bind(&taken), Ok(()), "{text}");
    }
}

#[test]
fn keepalive_round_trip() {
    for (domain, ty) in ip_sockets()
        .into_iter()
        .filter(|(_, ty)| *ty == Type::STREAM)
    {
        let s = new_socket(domain, ty);
        assert_eq!(s.keepalive(), Ok(false));
        s.set_keepalive(true).expect("on");
        assert_eq!(s.keepalive(), Ok(true));
        s.set_keepalive(false).expect("off");
        assert_eq!(s.keepalive(), Ok(false));
    }
}

#[test]
fn linger_round_trip() {
    for domain in [Domain::IPV4, Domain::IPV6, Domain::UNIX] {
        let s = new_socket(domain, Type::STREAM);
        assert_eq!(s.linger(), Ok(None));
        s.set_linger(Some(Duration::from_secs(5))).expect("5 s");
        assert_eq!(s.linger(), Ok(Some(Duration::from_secs(5))));
        s.set_linger(Some(Duration::from_millis(1500)))
            .expect("1.5 s");
        assert_eq!(s.linger(), Ok(Some(Duration::from_secs(2))), "rounded up");
        s.set_linger(Some(Duration::ZERO)).expect("reset on close");
        assert_eq!(s.linger(), Ok(Some(Duration::ZERO)));
        s.set_linger(None).expect("off");
        assert_eq!(s.linger(), Ok(None));
    }
}

#[test]
fn linger_zero_resets_the_connection() {
    let (client, server_side) = accepted_pair("127.0.0.1:0");
    server_side
        .set_linger(Some(Duration::ZERO))
        .expect("linger 0");
    drop(server_side);
    let mut buf = [0u8; 1];
    assert_eq!(client.read(&mut buf), Err(Errno::ECONNRESET));
}

#[test]
fn buffer_sizes_are_doubled_and_capped() {
    let rmem_max = kernel_setting("net/core/rmem_max");
    let wmem_max = kernel_setting("net/core/wmem_max");
    for (domain, ty) in ip_sockets()
        .into_iter()
        .chain([(Domain::UNIX, Type::STREAM)])
    {
        let s = new_socket(domain, ty);
        s.set_recv_buffer_size(65_536).expect("SO_RCVBUF");
        s.set_send_buffer_size(50_000).expect("SO_SNDBUF");
        assert_eq!(s.recv_buffer_size(), Ok(131_072), "{domain:?} {ty:?}");
        assert_eq!(s.send_buffer_size(), Ok(100_000));
        // Past the system maximum: capped there (then doubled).
        s.set_recv_buffer_size(usize::MAX).expect("huge");
        s.set_send_buffer_size(usize::MAX).expect("huge");
        assert_eq!(s.recv_buffer_size(), Ok(2 * rmem_max));
        assert_eq!(s.send_buffer_size(), Ok(2 * wmem_max));
        // Tiny: raised to the kernel's minimum, which is more than asked.
        s.set_recv_buffer_size(1).expect("tiny");
        let floor = s.recv_buffer_size().expect("read");
        assert!(floor > 2 && floor < 65_536, "{floor}");
    }
}

#[test]
fn timeouts_round_trip() {
    for (domain, ty) in ip_sockets()
        .into_iter()
        .chain([(Domain::UNIX, Type::DGRAM)])
    {
        let s = new_socket(domain, ty);
        assert_eq!(s.read_timeout(), Ok(None));
        assert_eq!(s.write_timeout(), Ok(None));
        // Multiples of 20 ms survive the kernel's clock ticks at any HZ.
        s.set_read_timeout(Some(Duration::from_millis(2_500)))
            .expect("rcvtimeo");
        s.set_write_timeout(Some(Duration::from_millis(1_040)))
            .expect("sndtimeo");
        assert_eq!(s.read_timeout(), Ok(Some(Duration::from_millis(2_500))));
        assert_eq!(s.write_timeout(), Ok(Some(Duration::from_millis(1_040))));
        // Longer than the kernel's clock can count: accepted, and the kernel
        // stores "for ever", which reads back as no time-out. A 32-bit
        // time_t saturates first, at 2^31 - 1 seconds, which a 64-bit
        // kernel (running 32-bit code) can still count.
        s.set_read_timeout(Some(Duration::from_secs(u64::MAX)))
            .expect("huge");
        let huge = s.read_timeout().expect("read");
        assert!(
            huge.map_or(true, |d| d >= Duration::from_secs(i32::MAX as u64)),
            "{huge:?}"
        );
        assert_eq!(s.set_read_timeout(Some(Duration::ZERO)), Err(Errno::EINVAL));
        assert_eq!(
            s.set_write_timeout(Some(Duration::ZERO)),
            Err(Errno::EINVAL)
        );
        s.set_read_timeout(None).expect("clear");
        s.set_write_timeout(None).expect("clear");
        assert_eq!(s.read_timeout(), Ok(None));
        assert_eq!(s.write_timeout(), Ok(None));
    }
}

#[test]
fn read_timeout_ends_a_blocking_read_with_eagain() {
    let (a, _b) = stream_pair();
    a.set_read_timeout(Some(Duration::from_millis(100)))
        .expect("rcvtimeo");
    let started = Instant::now();
    let mut buf = [0u8; 1];
    assert_eq!(a.read(&mut buf), Err(Errno::EAGAIN));
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(90), "{waited:?}");
    assert!(waited < Duration::from_secs(5), "{waited:?}");
}

#[test]
fn broadcast_round_trip_and_effect_on_loopback() {
    for domain in [Domain::IPV4, Domain::IPV6] {
        let s = new_socket(domain, Type::DGRAM);
        assert_eq!(s.broadcast(), Ok(false));
        s.set_broadcast(true).expect("on");
        assert_eq!(s.broadcast(), Ok(true));
        s.set_broadcast(false).expect("off");
        assert_eq!(s.broadcast(), Ok(false));
    }
    // 127.255.255.255 is the broadcast address of lo's 127/8, so the
    // datagram never leaves the host.
    let receiver = new_socket(Domain::IPV4, Type::DGRAM);
    receiver
        .bind(&SocketAddr::parse("127.255.255.255:0").expect("parse"))
        .expect("bind to the loopback broadcast address");
    let to = receiver.local_addr().expect("name");
    let sender = new_socket(Domain::IPV4, Type::DGRAM);
    assert_eq!(
        sender.send_to(b"all", MsgFlags::empty(), &to),
        Err(Errno::EACCES)
    );
    sender.set_broadcast(true).expect("on");
    assert_eq!(sender.send_to(b"all", MsgFlags::empty(), &to), Ok(3));
    sockcore::poll::wait_ready(
        receiver.as_raw_fd(),
        PollFlags::IN,
        Some(Duration::from_secs(5)),
    )
    .expect("arrives");
    let mut buf = [0u8; 8];
    assert_eq!(receiver.recv(&mut buf, MsgFlags::DONTWAIT), Ok(3));
    assert_eq!(&buf[..3], b"all");
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user reads SO_BINDTODEVICE as an int option: a 4-byte buffer, which the kernel \
              refuses (EINVAL) once a device is bound"
)]
fn bind_device_round_trip() {
    for (domain, ty) in ip_sockets() {
        let s = new_socket(domain, ty);
        let mut name = [0xAAu8; IFNAMSIZ];
        assert_eq!(s.bind_device(&mut name), Ok(0), "unbound");
        s.set_bind_device(Some(b"lo"))
            .expect("SO_BINDTODEVICE needs CAP_NET_RAW");
        assert_eq!(s.bind_device(&mut name), Ok(2));
        assert_eq!(&name[..3], b"lo\0");
        s.set_bind_device(None).expect("unbind");
        assert_eq!(s.bind_device(&mut name), Ok(0));
        assert_eq!(
            s.set_bind_device(Some(b"no-such-dev0")),
            Err(Errno::from_raw(libc::ENODEV))
        );
        assert_eq!(
            s.set_bind_device(Some(&[b'x'; IFNAMSIZ])),
            Err(Errno::EINVAL)
        );
        assert_eq!(s.set_bind_device(Some(b"l\0o")), Err(Errno::EINVAL));
    }
}

#[test]
fn a_socket_bound_to_lo_still_talks_over_loopback() {
    let receiver = new_socket(Domain::IPV4, Type::DGRAM);
    receiver.set_bind_device(Some(b"lo")).expect("bind device");
    receiver
        .bind(&SocketAddr::parse("127.0.0.1:0").expect("parse"))
        .expect("bind");
    let sender = new_socket(Domain::IPV4, Type::DGRAM);
    sender.set_bind_device(Some(b"lo")).expect("bind device");
    let to = receiver.local_addr().expect("name");
    assert_eq!(sender.send_to(b"lo only", MsgFlags::empty(), &to), Ok(7));
    let mut buf = [0u8; 16];
    assert_eq!(receiver.recv(&mut buf, MsgFlags::empty()), Ok(7));
}

#[test]
fn peer_credentials_outside_unix_sockets() {
    let listener = Socket::listen_on("127.0.0.1:0", 4).expect("listen");
    let client = Socket::dial_addr(
        &listener.local_addr().expect("name"),
        Some(Duration::from_secs(1)),
    )
    .expect("dial");
    let nobody = Credentials {
        pid: 0,
        uid: u32::MAX,
        gid: u32::MAX,
    };
    assert_eq!(
        client.peer_credentials(),
        Ok(nobody),
        "TCP has no peer process"
    );
    let unconnected = new_socket(Domain::UNIX, Type::STREAM);
    assert_eq!(unconnected.peer_credentials(), Ok(nobody));
}

#[test]
fn identity_options() {
    for (domain, ty) in ip_sockets()
        .into_iter()
        .chain([(Domain::UNIX, Type::SEQPACKET)])
    {
        let s = new_socket(domain, ty);
        assert_eq!(s.domain(), Ok(domain));
        assert_eq!(s.socket_type(), Ok(ty));
        assert_eq!(s.is_listening(), Ok(false));
    }
    let listener = Socket::listen_on("[::1]:0", 1).expect("listen");
    assert_eq!(listener.is_listening(), Ok(true));
}

#[test]
fn pending_error_is_taken_once() {
    let (_holder, closed) = not_listening("127.0.0.1:0");
    let s = Socket::new(Domain::IPV4, Type::STREAM, SockFlags::NONBLOCK).expect("socket");
    assert_eq!(s.take_error(), Ok(None));
    match s.connect(&closed) {
        Err(Errno::EINPROGRESS) => {
            sockcore::poll::wait_ready(s.as_raw_fd(), PollFlags::OUT, Some(Duration::from_secs(5)))
                .expect("done");
            assert_eq!(s.take_error(), Ok(Some(Errno::ECONNREFUSED)));
        }
        other => assert_eq!(other, Err(Errno::ECONNREFUSED)),
    }
    assert_eq!(s.take_error(), Ok(None), "SO_ERROR clears on read");
}

#[test]
fn raw_options_round_trip() {
    let s = new_socket(Domain::IPV4, Type::STREAM);
    s.set_option_raw(libc::SOL_SOCKET, libc::SO_KEEPALIVE, &1i32.to_ne_bytes())
        .expect("raw set");
    let mut out = [0u8; 4];
    assert_eq!(
        s.option_raw(libc::SOL_SOCKET, libc::SO_KEEPALIVE, &mut out),
        Ok(4)
    );
    assert_eq!(i32::from_ne_bytes(out), 1);
    assert_eq!(s.keepalive(), Ok(true), "the typed getter agrees");
    assert_eq!(
        s.set_option_raw(libc::SOL_SOCKET, 0x7fff, &1i32.to_ne_bytes()),
        Err(Errno::ENOPROTOOPT)
    );
    assert_eq!(
        s.set_option_raw(libc::SOL_SOCKET, libc::SO_KEEPALIVE, &[1]),
        Err(Errno::EINVAL),
        "too short for an int"
    );
}

#[test]
fn int_options_set_and_read_back_any_int_option() {
    for (domain, ty) in ip_sockets() {
        let s = new_socket(domain, ty);
        assert_eq!(s.int_option(libc::SOL_SOCKET, libc::SO_BROADCAST), Ok(0));
        s.set_int_option(libc::SOL_SOCKET, libc::SO_BROADCAST, 1)
            .expect("SO_BROADCAST");
        assert_eq!(s.int_option(libc::SOL_SOCKET, libc::SO_BROADCAST), Ok(1));
        assert_eq!(s.broadcast(), Ok(true), "the typed call sees it");
        assert_eq!(
            s.int_option(libc::SOL_SOCKET, libc::SO_TYPE),
            Ok(ty.0),
            "{domain:?} {ty:?}"
        );
        assert_eq!(
            s.int_option(libc::SOL_SOCKET, 0x7fff),
            Err(Errno::ENOPROTOOPT)
        );
        assert_eq!(
            s.set_int_option(libc::SOL_SOCKET, 0x7fff, 1),
            Err(Errno::ENOPROTOOPT)
        );
    }
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user does not pass SO_MARK to the kernel (ENOPROTOOPT)"
)]
fn mark_round_trip_with_all_32_bits() {
    for (domain, ty) in ip_sockets() {
        let s = new_socket(domain, ty);
        assert_eq!(s.mark(), Ok(0));
        // Past INT_MAX: the kernel keeps a u32, and so does the API.
        s.set_mark(0xdead_beef)
            .expect("SO_MARK needs CAP_NET_ADMIN");
        assert_eq!(s.mark(), Ok(0xdead_beef), "{domain:?} {ty:?}");
        s.set_mark(7).expect("7");
        assert_eq!(s.mark(), Ok(7));
    }
}

#[test]
fn priority_round_trip() {
    for (domain, ty) in ip_sockets()
        .into_iter()
        .chain([(Domain::UNIX, Type::DGRAM)])
    {
        let s = new_socket(domain, ty);
        assert_eq!(s.priority(), Ok(0));
        s.set_priority(6).expect("0 to 6 for anyone");
        assert_eq!(s.priority(), Ok(6), "{domain:?} {ty:?}");
        s.set_priority(7).expect("above 6 with CAP_NET_ADMIN");
        assert_eq!(s.priority(), Ok(7));
    }
}

#[test]
fn recv_lowat_holds_readiness_until_enough_arrived() {
    let (client, server_side) = accepted_pair("127.0.0.1:0");
    assert_eq!(server_side.recv_lowat(), Ok(1));
    server_side.set_recv_lowat(10).expect("SO_RCVLOWAT");
    assert_eq!(server_side.recv_lowat(), Ok(10));
    client.write_all(b"12345").expect("5 bytes");
    assert_eq!(
        sockcore::poll::wait_ready(
            server_side.as_raw_fd(),
            PollFlags::IN,
            Some(Duration::from_millis(200))
        ),
        Err(Errno::ETIMEDOUT),
        "5 bytes queued are under the low-water mark"
    );
    client.write_all(b"67890").expect("5 more");
    let ready = sockcore::poll::wait_ready(
        server_side.as_raw_fd(),
        PollFlags::IN,
        Some(Duration::from_secs(5)),
    );
    assert_eq!(ready, Ok(PollFlags::IN), "10 bytes reach it");
    let mut buf = [0u8; 16];
    assert_eq!(server_side.read(&mut buf), Ok(10));
    assert_eq!(&buf[..10], b"1234567890");
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user does not pass SO_INCOMING_CPU to the kernel (ENOPROTOOPT)"
)]
fn incoming_cpu_is_none_until_set_or_a_packet_arrives() {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get()) as u32;
    let s = new_socket(Domain::IPV4, Type::DGRAM);
    assert_eq!(s.incoming_cpu(), Ok(None));
    s.set_incoming_cpu(0).expect("SO_INCOMING_CPU");
    assert_eq!(s.incoming_cpu(), Ok(Some(0)));
    // A connection that received data knows the CPU that handled it.
    let (client, server_side) = accepted_pair("127.0.0.1:0");
    client.write_all(b"x").expect("write");
    let mut buf = [0u8; 1];
    assert_eq!(server_side.read(&mut buf), Ok(1));
    let cpu = server_side.incoming_cpu().expect("SO_INCOMING_CPU");
    assert!(cpu.is_some_and(|cpu| cpu < cpus), "{cpu:?} of {cpus}");
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user does not pass SO_BUSY_POLL to the kernel (ENOPROTOOPT)"
)]
fn busy_poll_round_trip() {
    for (domain, ty) in ip_sockets() {
        let s = new_socket(domain, ty);
        s.set_busy_poll(Duration::from_micros(50))
            .expect("SO_BUSY_POLL needs CAP_NET_ADMIN to raise");
        assert_eq!(s.busy_poll(), Ok(Duration::from_micros(50)));
        s.set_busy_poll(Duration::from_nanos(1_500))
            .expect("1.5 us");
        assert_eq!(s.busy_poll(), Ok(Duration::from_micros(2)), "rounded up");
        s.set_busy_poll(Duration::ZERO).expect("off");
        assert_eq!(s.busy_poll(), Ok(Duration::ZERO));
        assert_eq!(
            s.set_busy_poll(Duration::from_secs(3600)),
            Err(Errno::EINVAL),
            "past INT_MAX microseconds"
        );
    }
}

#[test]
fn out_of_band_inline_puts_urgent_data_in_the_stream() {
    for inline in [false, true] {
        let (client, server_side) = accepted_pair("127.0.0.1:0");
        assert_eq!(server_side.out_of_band_inline(), Ok(false));
        server_side
            .set_out_of_band_inline(inline)
            .expect("SO_OOBINLINE");
        assert_eq!(server_side.out_of_band_inline(), Ok(inline));
        assert_eq!(client.send(b"ab", MsgFlags::empty()), Ok(2));
        assert_eq!(client.send(b"!", MsgFlags::OOB), Ok(1));
        client
            .shutdown(sockcore::Shutdown::Write)
            .expect("shutdown");
        let mut stream = Vec::new();
        let mut buf = [0u8; 8];
        for _ in 0..8 {
            match server_side.read(&mut buf).expect("read") {
                0 => break,
                n => stream.extend_from_slice(&buf[..n]),
            }
        }
        // Inline, the urgent byte is part of the stream; aside, the stream
        // skips it.
        let expected: &[u8] = if inline { b"ab!" } else { b"ab" };
        assert_eq!(stream, expected, "SO_OOBINLINE {inline}");
    }
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user does not emulate SO_BINDTOIFINDEX (ENOPROTOOPT)"
)]
fn bind_device_index_round_trip() {
    let lo = sockcore::interface_index(b"lo").expect("lo");
    for (domain, ty) in ip_sockets() {
        let s = new_socket(domain, ty);
        assert_eq!(s.bind_device_index(), Ok(0), "unbound");
        s.set_bind_device_index(lo)
            .expect("SO_BINDTOIFINDEX needs CAP_NET_RAW");
        assert_eq!(s.bind_device_index(), Ok(lo));
        // The same binding as by name.
        let mut name = [0u8; IFNAMSIZ];
        assert_eq!(s.bind_device(&mut name), Ok(2));
        assert_eq!(&name[..2], b"lo");
        s.set_bind_device_index(0).expect("unbind");
        assert_eq!(s.bind_device_index(), Ok(0));
        // Unlike a name, an index is not looked up: it is kept as given.
        s.set_bind_device_index(999_999).expect("no such interface");
        assert_eq!(s.bind_device_index(), Ok(999_999));
    }
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_ZEROCOPY")]
fn zerocopy_round_trip_on_tcp_and_udp() {
    for (domain, ty) in ip_sockets() {
        let s = new_socket(domain, ty);
        assert_eq!(s.zerocopy(), Ok(false));
        s.set_zerocopy(true).expect("SO_ZEROCOPY");
        assert_eq!(s.zerocopy(), Ok(true), "{domain:?} {ty:?}");
        s.set_zerocopy(false).expect("SO_ZEROCOPY off");
        assert_eq!(s.zerocopy(), Ok(false), "{domain:?} {ty:?}");
    }
}
