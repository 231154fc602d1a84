//! The server/client flow over real sockets: TCP on IPv4 and IPv6, Unix
//! sockets on a path and in the abstract namespace, and a socketpair.
//! Listen, accept (with the peer's address), connect or dial, whole writes
//! and reads both ways, then shutdown and end of stream.

use std::time::Duration;

use sockcore::{AddrKind, Domain, Errno, Shutdown, SockFlags, Socket, SocketAddr, SocketFd, Type};

use crate::support::sockets::{abstract_text, stream_pair};
use crate::support::temp_dir::TempDir;

fn assert_cloexec(socket: &SocketFd, what: &str) {
    assert_eq!(socket.is_cloexec(), Ok(true), "{what} is not close-on-exec");
}

/// Sends a request one way and its echo the other, then closes the client's
/// writing half and checks that the server sees end of stream, and back.
fn exchange(client: &SocketFd, server: &SocketFd) {
    let request = b"request from the client";
    client.write_all(request).expect("client write_all");
    let mut got = [0u8; 23];
    assert_eq!(server.read_exact(&mut got), Ok(request.len()));
    assert_eq!(&got, request);

    server.write_all(&got).expect("server write_all (echo)");
    let mut echo = [0u8; 23];
    assert_eq!(client.read_exact(&mut echo), Ok(request.len()));
    assert_eq!(&echo, request);

    // read_exact at end of stream returns the shorter count it read.
    client.write_all(b"end").expect("client write_all");
    client
        .shutdown(Shutdown::Write)
        .expect("client shutdown(SHUT_WR)");
    let mut tail = [0u8; 8];
    assert_eq!(server.read_exact(&mut tail), Ok(3));
    assert_eq!(&tail[..3], b"end");
    assert_eq!(server.read(&mut tail), Ok(0), "end of stream again");

    server
        .shutdown(Shutdown::Write)
        .expect("server shutdown(SHUT_WR)");
    assert_eq!(client.read(&mut tail), Ok(0), "client sees end of stream");
}

/// `listen_on(text)`, then `dial` to the address the kernel reports, then
/// accept; checks every address both sides see and runs [`exchange`].
fn flow_over(text: &str) -> SocketAddr {
    let listener = Socket::listen_on(text, 8).expect("listen_on");
    assert_cloexec(&listener, "the listener");
    assert_eq!(listener.is_listening(), Ok(true));
    let local = listener.local_addr().expect("listener local_addr");

    let client = Socket::dial(&local.to_string(), Some(Duration::from_secs(2))).expect("dial");
    assert_cloexec(&client, "the dialled socket");
    assert_eq!(client.is_nonblocking(), Ok(false), "dial returns blocking");
    assert_eq!(client.peer_addr(), Ok(local));

    let (conn, peer) = listener.accept(SockFlags::empty()).expect("accept");
    assert_cloexec(&conn, "the accepted socket");
    assert_eq!(conn.is_nonblocking(), Ok(false));
    assert_eq!(Ok(peer), client.local_addr(), "accept reports the client");
    assert_eq!(conn.peer_addr(), Ok(peer));
    assert_eq!(conn.local_addr(), Ok(local));

    exchange(&client, &conn);
    local
}

#[test]
fn tcp_ipv4_with_an_ephemeral_port() {
    let local = flow_over("127.0.0.1:0");
    let AddrKind::V4(v4) = local.kind() else {
        panic!("{local} is not IPv4");
    };
    assert_eq!(v4.ip().octets(), [127, 0, 0, 1]);
    assert_ne!(v4.port(), 0, "the kernel chose a port");
}

#[test]
fn tcp_ipv6_with_an_ephemeral_port() {
    let local = flow_over("[::1]:0");
    let AddrKind::V6(v6) = local.kind() else {
        panic!("{local} is not IPv6");
    };
    assert!(v6.ip().is_loopback());
    assert_ne!(v6.port(), 0, "the kernel chose a port");
}

#[test]
fn unix_path_in_a_temporary_directory() {
    let dir = TempDir::new("flow-path");
    let text = dir.unix_text("server.sock");
    let local = flow_over(&text);
    assert_eq!(local.to_string(), text);
    assert!(
        dir.path().join("server.sock").exists(),
        "bind made the socket file"
    );
    // A Unix path stays taken until removed: listen_on refuses to steal it.
    assert_eq!(Socket::listen_on(&text, 1).err(), Some(Errno::EADDRINUSE));
}

#[test]
fn unix_abstract_name() {
    let text = abstract_text("flow");
    let local = flow_over(&text);
    assert_eq!(local.to_string(), text);
    assert!(matches!(local.kind(), AddrKind::UnixAbstract(_)));
}

#[test]
fn socketpair() {
    let (a, b) = stream_pair();
    assert_cloexec(&a, "socketpair end a");
    assert_cloexec(&b, "socketpair end b");
    // No name is the empty address, from every call that reports one.
    assert_eq!(a.local_addr(), Ok(SocketAddr::empty()));
    assert_eq!(b.peer_addr(), Ok(SocketAddr::empty()));
    exchange(&a, &b);
}

#[test]
fn step_by_step_with_bind_port_zero_and_connect() {
    let listener = Socket::new(Domain::IPV4, Type::STREAM, SockFlags::empty()).expect("socket");
    assert_cloexec(&listener, "the new socket");
    listener
        .bind(&SocketAddr::v4([127, 0, 0, 1], 0))
        .expect("bind port 0");
    let local = listener.local_addr().expect("getsockname");
    let port = local.port().expect("an IPv4 port");
    assert_ne!(port, 0, "the kernel chose a port");
    assert_eq!(local, SocketAddr::v4([127, 0, 0, 1], port));
    listener.listen(4).expect("listen");

    let client = Socket::new(Domain::IPV4, Type::STREAM, SockFlags::empty()).expect("socket");
    client.connect(&local).expect("connect");
    let client_addr = client.local_addr().expect("client getsockname");
    assert_ne!(
        client_addr.port(),
        Some(0),
        "connect bound an ephemeral port"
    );

    let conn = listener.accept_only(SockFlags::empty()).expect("accept");
    assert_cloexec(&conn, "the accepted socket");
    assert_eq!(conn.peer_addr(), Ok(client_addr));
    exchange(&client, &conn);
}

#[test]
fn nonblocking_accept() {
    let listener = Socket::new(Domain::IPV6, Type::STREAM, SockFlags::NONBLOCK).expect("socket");
    assert_eq!(listener.is_nonblocking(), Ok(true));
    listener
        .bind(&SocketAddr::parse("[::1]:0").expect("parse"))
        .expect("bind");
    listener.listen(4).expect("listen");
    assert_eq!(
        listener.accept(SockFlags::empty()).err(),
        Some(Errno::EAGAIN),
        "nothing pending"
    );

    let local = listener.local_addr().expect("getsockname");
    let client = Socket::dial_addr(&local, Some(Duration::from_secs(2))).expect("dial");
    sockcore::poll::wait_ready(
        listener.as_raw_fd(),
        sockcore::PollFlags::IN,
        Some(Duration::from_secs(2)),
    )
    .expect("a connection to accept");
    let (conn, peer) = listener.accept(SockFlags::NONBLOCK).expect("accept");
    assert_cloexec(&conn, "the accepted socket");
    assert_eq!(conn.is_nonblocking(), Ok(true), "SOCK_NONBLOCK on accept4");
    assert_eq!(client.local_addr(), Ok(peer));
    let mut buf = [0u8; 4];
    assert_eq!(conn.read(&mut buf), Err(Errno::EAGAIN), "nothing sent yet");
    conn.set_nonblocking(false).expect("FIONBIO off");
    assert_eq!(conn.is_nonblocking(), Ok(false));
    exchange(&client, &conn);
}
