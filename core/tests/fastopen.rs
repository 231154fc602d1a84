//! TCP Fast Open end to end: in a network namespace each test creates,
//! with `net.ipv4.tcp_fastopen` = 3 there (client and server), a listener
//! with a Fast Open queue, and clients through `set_fastopen_connect` and
//! `send_to` with `MsgFlags::FASTOPEN`. The first connection fetches a
//! cookie; the later ones carry their data in the SYN, which the
//! namespace's counters (`TCPFastOpenActive`, `TCPFastOpenPassive`) and
//! both ends' `TCP_INFO` (`SYN_DATA`) show.
//!
//! Its own test binary: it moves threads into new network namespaces and
//! sets sysctls there (root only); the host's settings stay as they were.

mod support;

use std::time::Duration;

use sockcore::poll::wait_ready;
use sockcore::{
    Domain, Errno, FastOpenClientFail, MsgFlags, PollFlags, SockFlags, Socket, SocketAddr,
    TcpInfoOptions, Type,
};

use support::netns::{in_new_netns, tcp_ext_counter};

const BOTH: &[(&str, &str)] = &[("net/ipv4/tcp_fastopen", "3")];

/// How a client asks for Fast Open.
#[derive(Clone, Copy, Debug)]
enum Client {
    /// `TCP_FASTOPEN_CONNECT`, then `connect` and `write`.
    ConnectOption,
    /// `sendto` with `MSG_FASTOPEN` on an unconnected socket.
    SendTo,
}

/// A listener on `addr` (127.0.0.N:0) with a Fast Open queue.
fn fastopen_listener(addr: &str) -> (Socket, SocketAddr) {
    let listener = Socket::new(Domain::IPV4, Type::STREAM, SockFlags::empty()).unwrap();
    listener.set_fastopen(16).expect("TCP_FASTOPEN");
    listener.bind(&SocketAddr::parse(addr).unwrap()).unwrap();
    listener.listen(16).unwrap();
    let bound = listener.local_addr().unwrap();
    (listener, bound)
}

/// One connection: the client sends "hello" as `how` says, the server
/// reads it and echoes it, the client reads the echo. Returns both ends.
fn hello(listener: &Socket, addr: &SocketAddr, how: Client) -> (Socket, Socket) {
    let client = Socket::new(Domain::IPV4, Type::STREAM, SockFlags::empty()).unwrap();
    match how {
        Client::ConnectOption => {
            client
                .set_fastopen_connect(true)
                .expect("TCP_FASTOPEN_CONNECT");
            assert_eq!(client.fastopen_connect(), Ok(true));
            client.connect(addr).expect("connect");
            client.write_all(b"hello").expect("write");
        }
        Client::SendTo => {
            assert_eq!(client.send_to(b"hello", MsgFlags::FASTOPEN, addr), Ok(5));
        }
    }
    let (server, _) = listener.accept(SockFlags::empty()).unwrap();
    let mut buf = [0u8; 5];
    assert_eq!(server.read_exact(&mut buf), Ok(5));
    assert_eq!(&buf, b"hello", "{how:?}");
    server.write_all(&buf).unwrap();
    assert_eq!(client.read_exact(&mut buf), Ok(5));
    (client, server)
}

/// The Fast Open counters that matter here: (cookies requested, active
/// opens with data, passive opens with data).
fn counters() -> (u64, u64, u64) {
    (
        tcp_ext_counter("TCPFastOpenCookieReqd"),
        tcp_ext_counter("TCPFastOpenActive"),
        tcp_ext_counter("TCPFastOpenPassive"),
    )
}

#[test]
fn data_in_the_syn_counts() {
    in_new_netns(BOTH, || {
        let (listener, addr) = fastopen_listener("127.0.0.1:0");
        assert_eq!(listener.fastopen(), Ok(16));
        assert_eq!(counters(), (0, 0, 0));
        // No cookie yet: an ordinary handshake that fetches one.
        hello(&listener, &addr, Client::ConnectOption);
        assert_eq!(counters(), (1, 0, 0), "the first connection");
        // With the cookie, the data rides in the SYN, both ways of asking.
        hello(&listener, &addr, Client::ConnectOption);
        assert_eq!(counters(), (1, 1, 1), "TCP_FASTOPEN_CONNECT");
        hello(&listener, &addr, Client::SendTo);
        assert_eq!(counters(), (1, 2, 2), "MSG_FASTOPEN");
    });
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user answers TCP_INFO with 4 bytes")]
fn data_in_the_syn_shows_in_tcp_info() {
    in_new_netns(BOTH, || {
        let (listener, addr) = fastopen_listener("127.0.0.1:0");
        let (client, server) = hello(&listener, &addr, Client::SendTo);
        let (client, server) = (client.tcp_info().unwrap(), server.tcp_info().unwrap());
        assert!(!client.options().contains(TcpInfoOptions::SYN_DATA));
        assert!(!server.options().contains(TcpInfoOptions::SYN_DATA));
        assert_eq!(
            client.fastopen_client_fail(),
            FastOpenClientFail::COOKIE_UNAVAILABLE
        );
        for how in [Client::ConnectOption, Client::SendTo] {
            let (client, server) = hello(&listener, &addr, how);
            let (client, server) = (client.tcp_info().unwrap(), server.tcp_info().unwrap());
            assert!(
                client.options().contains(TcpInfoOptions::SYN_DATA),
                "{how:?}: {client:?}"
            );
            assert!(
                server.options().contains(TcpInfoOptions::SYN_DATA),
                "{how:?}: {server:?}"
            );
            assert_eq!(
                client.fastopen_client_fail(),
                FastOpenClientFail::UNSPECIFIED
            );
        }
    });
}

#[test]
fn non_blocking_without_a_cookie_is_einprogress_and_sends_nothing() {
    in_new_netns(BOTH, || {
        let (listener, addr) = fastopen_listener("127.0.0.2:0");
        let client = Socket::new(Domain::IPV4, Type::STREAM, SockFlags::NONBLOCK).unwrap();
        assert_eq!(
            client.send_to(b"hello", MsgFlags::FASTOPEN, &addr),
            Err(Errno::EINPROGRESS)
        );
        wait_ready(
            client.as_raw_fd(),
            PollFlags::OUT,
            Some(Duration::from_secs(5)),
        )
        .expect("connected");
        assert_eq!(client.take_error(), Ok(None));
        assert_eq!(client.write(b"hello"), Ok(5));
        client.shutdown(sockcore::Shutdown::Write).unwrap();
        let (server, _) = listener.accept(SockFlags::empty()).unwrap();
        server
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let mut buf = [0u8; 16];
        // The data once: not lost, not doubled.
        assert_eq!(server.read_exact(&mut buf), Ok(5));
        assert_eq!(&buf[..5], b"hello");
    });
}

#[test]
fn without_the_client_bit_fast_open_is_eopnotsupp() {
    in_new_netns(&[("net/ipv4/tcp_fastopen", "2")], || {
        let (_listener, addr) = fastopen_listener("127.0.0.1:0");
        let client = Socket::new(Domain::IPV4, Type::STREAM, SockFlags::empty()).unwrap();
        assert_eq!(
            client.send_to(b"hello", MsgFlags::FASTOPEN, &addr),
            Err(Errno::EOPNOTSUPP)
        );
        assert_eq!(client.set_fastopen_connect(true), Err(Errno::EOPNOTSUPP));
    });
}

#[test]
fn fast_open_connect_on_a_unix_socket_is_eopnotsupp() {
    let unix = Socket::new(Domain::UNIX, Type::STREAM, SockFlags::empty()).unwrap();
    assert_eq!(unix.set_fastopen_connect(true), Err(Errno::EOPNOTSUPP));
}
