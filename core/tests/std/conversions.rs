//! Moving descriptors and addresses between sockcore and std: every std
//! socket type both ways, `OwnedFd`/`BorrowedFd`, the raw-fd traits, and
//! both kinds of socket address. Each converted socket then carries real
//! traffic over loopback or a Unix socket.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream, UdpSocket};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, IntoRawFd, OwnedFd};
use std::os::linux::net::SocketAddrExt;
use std::os::unix::net::{SocketAddr as UnixSocketAddr, UnixDatagram, UnixListener, UnixStream};
use std::time::Duration;

use sockcore::{
    AddrKind, BorrowedSocket, Domain, Epoll, EpollEvent, EpollFlags, Errno, MsgFlags, SockFlags,
    Socket, SocketAddr, SocketFd, Type, UNIX_PATH_MAX,
};

use crate::support::sockets::abstract_text;
use crate::support::temp_dir::TempDir;

const TIMEOUT: Option<Duration> = Some(Duration::from_secs(10));

#[test]
fn tcp_listener_and_stream_both_ways() {
    // A std listener becomes a sockcore socket that accepts...
    let std_listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let fd = std_listener.as_raw_fd();
    let listener = Socket::from(std_listener);
    assert_eq!(listener.as_raw_fd(), fd);
    assert!(listener.is_listening().unwrap());
    let addr = listener.local_addr().unwrap();

    // ...a sockcore client, turned into a std stream, connects to it...
    let client = TcpStream::from(Socket::dial_addr(&addr, TIMEOUT).unwrap());
    let (conn, peer) = listener.accept(SockFlags::empty()).unwrap();
    assert_eq!(peer, SocketAddr::from(client.local_addr().unwrap()));

    // ...and the accepted std stream, made from a sockcore socket, answers.
    let mut server_side = TcpStream::from(conn);
    let mut client = client;
    client.write_all(b"syn").unwrap();
    let mut got = [0u8; 3];
    server_side.read_exact(&mut got).unwrap();
    assert_eq!(&got, b"syn");

    // And back again: the std listener from a sockcore listener accepts.
    let std_listener = TcpListener::from(listener);
    let second = Socket::dial_addr(&addr, TIMEOUT).unwrap();
    let (accepted, accepted_peer) = std_listener.accept().unwrap();
    assert_eq!(
        SocketAddr::from(accepted_peer),
        second.local_addr().unwrap()
    );
    let back = Socket::from(accepted);
    // With std::io::Write in scope, method syntax on a Socket would find
    // the trait (as on TcpStream); the crate's own calls are named in full.
    SocketFd::write_all(&second, b"ack").unwrap();
    let mut got = [0u8; 3];
    assert_eq!(SocketFd::read_exact(&back, &mut got).unwrap(), 3);
    assert_eq!(&got, b"ack");
}

#[test]
fn udp_socket_both_ways() {
    let ours = Socket::new(Domain::IPV4, Type::DGRAM, SockFlags::empty()).unwrap();
    ours.bind(&SocketAddr::v4([127, 0, 0, 1], 0)).unwrap();
    let ours_addr = ours.local_addr().unwrap();
    let theirs = UdpSocket::bind("127.0.0.1:0").unwrap();

    // sockcore -> std: the std socket receives what std sends.
    let as_std = UdpSocket::from(ours);
    let std_target = std::net::SocketAddr::try_from(ours_addr).unwrap();
    theirs.send_to(b"datagram", std_target).unwrap();
    as_std
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut buf = [0u8; 16];
    let (n, from) = as_std.recv_from(&mut buf).unwrap();
    assert_eq!(&buf[..n], b"datagram");
    assert_eq!(from, theirs.local_addr().unwrap());

    // std -> sockcore: the same descriptor answers with sockcore's send_to.
    let back = Socket::from(as_std);
    let to = SocketAddr::from(theirs.local_addr().unwrap());
    assert_eq!(back.send_to(b"reply", MsgFlags::empty(), &to).unwrap(), 5);
    theirs
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let (n, from) = theirs.recv_from(&mut buf).unwrap();
    assert_eq!(&buf[..n], b"reply");
    assert_eq!(SocketAddr::from(from), ours_addr);
}

#[test]
fn unix_listener_and_stream_both_ways() {
    let text = abstract_text("std-conv-stream");
    let listener = UnixListener::from(Socket::listen_on(&text, 8).unwrap());
    let std_addr = UnixSocketAddr::try_from(&SocketAddr::parse(&text).unwrap()).unwrap();
    assert_eq!(
        listener.local_addr().unwrap().as_abstract_name(),
        std_addr.as_abstract_name()
    );

    let mut client = UnixStream::connect_addr(&std_addr).unwrap();
    let (accepted, _) = listener.accept().unwrap();
    let server_side = Socket::from(accepted);
    client.write_all(b"over unix").unwrap();
    let mut got = [0u8; 9];
    assert_eq!(SocketFd::read_exact(&server_side, &mut got).unwrap(), 9);
    assert_eq!(&got, b"over unix");

    // std listener -> sockcore socket, and a sockcore client -> std stream.
    let listener = Socket::from(listener);
    let dialled = UnixStream::from(Socket::dial(&text, TIMEOUT).unwrap());
    let accepted = listener.accept_only(SockFlags::empty()).unwrap();
    SocketFd::write_all(&accepted, b"back").unwrap();
    let mut dialled = dialled;
    let mut got = [0u8; 4];
    dialled.read_exact(&mut got).unwrap();
    assert_eq!(&got, b"back");
}

#[test]
fn unix_datagram_both_ways() {
    let ours = Socket::new(Domain::UNIX, Type::DGRAM, SockFlags::empty()).unwrap();
    let ours_text = abstract_text("std-conv-dgram-ours");
    ours.bind(&SocketAddr::parse(&ours_text).unwrap()).unwrap();
    let theirs_name = format!("sockcore-std-conv-{}-dgram-theirs", std::process::id());
    let theirs = UnixDatagram::bind_addr(
        &UnixSocketAddr::from_abstract_name(theirs_name.as_bytes()).unwrap(),
    )
    .unwrap();

    // sockcore -> std, then std's send_to addresses the sockcore-named peer.
    let as_std = UnixDatagram::from(ours);
    let ours_std_addr = as_std.local_addr().unwrap();
    assert_eq!(
        SocketAddr::try_from(&ours_std_addr).unwrap(),
        SocketAddr::parse(&ours_text).unwrap()
    );
    theirs.send_to_addr(b"ping", &ours_std_addr).unwrap();

    // std -> sockcore, receiving with sockcore's recv_from.
    let back = Socket::from(as_std);
    let mut buf = [0u8; 8];
    let (n, from) = back.recv_from(&mut buf, MsgFlags::empty()).unwrap();
    assert_eq!(&buf[..n], b"ping");
    assert_eq!(from.kind(), AddrKind::UnixAbstract(theirs_name.as_bytes()));
}

#[test]
fn owned_fd_and_raw_fd_round_trips_keep_the_descriptor() {
    let socket = Socket::listen_on("127.0.0.1:0", 1).unwrap();
    let fd = socket.as_raw_fd();
    let addr = socket.local_addr().unwrap();

    let owned: OwnedFd = socket.into();
    assert_eq!(owned.as_raw_fd(), fd);
    let socket = Socket::from(owned);
    assert_eq!(socket.local_addr().unwrap(), addr);

    let raw = IntoRawFd::into_raw_fd(socket);
    assert_eq!(raw, fd);
    // SAFETY: raw was just released by into_raw_fd; nothing else owns it.
    let socket = unsafe { <Socket as FromRawFd>::from_raw_fd(raw) };
    assert_eq!(socket.local_addr().unwrap(), addr);
    assert!(socket.is_listening().unwrap());
}

/// A new descriptor for the same socket, through any `AsFd`.
#[test]
fn an_epoll_instance_through_owned_fd_and_raw_fd() {
    let epoll = Epoll::new().unwrap();
    let fd = epoll.as_raw_fd();
    assert_eq!(AsFd::as_fd(&epoll).as_raw_fd(), fd);
    let owned = OwnedFd::from(epoll);
    assert_eq!(owned.as_raw_fd(), fd);
    let epoll = Epoll::from(owned);
    let raw = IntoRawFd::into_raw_fd(epoll);
    assert_eq!(raw, fd);
    // SAFETY: raw is the epoll descriptor just given up, owned by no one.
    let epoll: Epoll = unsafe { FromRawFd::from_raw_fd(raw) };
    // Still an epoll instance, watching and reporting.
    let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).unwrap();
    epoll.add(b.as_raw_fd(), EpollFlags::IN, 3).unwrap();
    SocketFd::write(&a, b"x").unwrap();
    let mut events = [EpollEvent::default(); 2];
    assert_eq!(epoll.wait(&mut events, Some(Duration::ZERO)), Ok(1));
    assert_eq!(events[0].data(), 3);
}

fn duplicate(fd: impl AsFd) -> Socket {
    Socket::from(fd.as_fd().try_clone_to_owned().unwrap())
}

#[test]
fn as_fd_works_for_every_handle_type() {
    let socket = Socket::listen_on("127.0.0.1:0", 1).unwrap();
    let addr = socket.local_addr().unwrap();
    let fd_ref: &SocketFd = &socket;
    let borrowed: BorrowedSocket<'_> = socket.borrow();

    for dup in [duplicate(&socket), duplicate(fd_ref), duplicate(borrowed)] {
        assert_ne!(dup.as_raw_fd(), socket.as_raw_fd());
        assert_eq!(dup.local_addr().unwrap(), addr);
        assert!(dup.is_cloexec().unwrap());
    }
    assert_eq!(AsRawFd::as_raw_fd(&socket), socket.as_raw_fd());
    assert_eq!(AsRawFd::as_raw_fd(fd_ref), socket.as_raw_fd());
    assert_eq!(AsRawFd::as_raw_fd(&borrowed), socket.as_raw_fd());
    assert_eq!(socket.as_fd().as_raw_fd(), socket.as_raw_fd());

    // BorrowedFd and BorrowedSocket convert into each other with the lifetime.
    let std_borrowed: BorrowedFd<'_> = borrowed.into();
    let again: BorrowedSocket<'_> = std_borrowed.into();
    assert_eq!(again.local_addr().unwrap(), addr);
}

#[test]
fn std_net_socket_addrs_convert_both_ways() {
    let v4: std::net::SocketAddr = "127.0.0.1:8080".parse().unwrap();
    assert_eq!(
        SocketAddr::from(v4),
        SocketAddr::parse("127.0.0.1:8080").unwrap()
    );
    assert_eq!(std::net::SocketAddr::try_from(SocketAddr::from(v4)), Ok(v4));

    let v6 = std::net::SocketAddr::V6(std::net::SocketAddrV6::new(
        std::net::Ipv6Addr::LOCALHOST,
        443,
        7,
        3,
    ));
    let ours = SocketAddr::from(v6);
    assert_eq!(ours.to_string(), "[::1%3]:443");
    assert_eq!(std::net::SocketAddr::try_from(ours), Ok(v6));

    let unix = SocketAddr::parse(&abstract_text("std-conv-not-ip")).unwrap();
    assert_eq!(
        std::net::SocketAddr::try_from(unix),
        Err(Errno::EAFNOSUPPORT)
    );
}

#[test]
fn std_unix_socket_addrs_convert_both_ways() {
    let dir = TempDir::new("std-conv-addr");
    let path = dir.path().join("s.sock");
    let bound = UnixListener::bind(&path).unwrap();
    let std_path_addr = bound.local_addr().unwrap();
    let ours = SocketAddr::try_from(&std_path_addr).unwrap();
    assert_eq!(
        ours.kind(),
        AddrKind::UnixPath(path.as_os_str().as_encoded_bytes())
    );
    let back = UnixSocketAddr::try_from(&ours).unwrap();
    assert_eq!(back.as_pathname(), Some(path.as_path()));

    // Abstract names may hold NULs.
    let name = format!("sockcore-std-conv-{}-\0nul", std::process::id());
    let std_abstract = UnixSocketAddr::from_abstract_name(name.as_bytes()).unwrap();
    let ours = SocketAddr::try_from(&std_abstract).unwrap();
    assert_eq!(ours.kind(), AddrKind::UnixAbstract(name.as_bytes()));
    let back = UnixSocketAddr::try_from(&ours).unwrap();
    assert_eq!(back.as_abstract_name(), Some(name.as_bytes()));

    // An unnamed std address is ours with no name, the empty address, as
    // our own local_addr reports it; std has no way to build one back.
    let (a, _b) = UnixStream::pair().unwrap();
    let unnamed = a.local_addr().unwrap();
    assert!(unnamed.is_unnamed());
    let ours = SocketAddr::try_from(&unnamed).unwrap();
    assert_eq!(ours.kind(), AddrKind::Unspecified);
    assert_eq!(Ok(ours), Socket::from(a).local_addr());
    assert_eq!(UnixSocketAddr::try_from(&ours).unwrap_err(), Errno::EINVAL);
    let built = SocketAddr::unix_unnamed();
    assert_eq!(UnixSocketAddr::try_from(&built).unwrap_err(), Errno::EINVAL);

    // A path filling all of sun_path is valid here but has no room for std's NUL.
    let full = SocketAddr::unix_path(&[b'p'; UNIX_PATH_MAX]).unwrap();
    assert_eq!(
        UnixSocketAddr::try_from(&full).unwrap_err(),
        Errno::ENAMETOOLONG
    );

    let ip = SocketAddr::v4([127, 0, 0, 1], 1);
    assert_eq!(
        UnixSocketAddr::try_from(&ip).unwrap_err(),
        Errno::EAFNOSUPPORT
    );
}

#[test]
fn a_received_descriptor_becomes_a_std_file() {
    use std::io::Seek;

    // std -> sockcore -> std keeps the same open file.
    let ours = sockcore::OwnedFd::from(OwnedFd::from(unnamed_temp_file()));
    let mut file = std::fs::File::from(OwnedFd::from(ours));
    file.write_all(b"passed along").unwrap();
    file.rewind().unwrap();
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    assert_eq!(text, "passed along");

    let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).unwrap();
    a.send_fds(b"x", &[file.as_raw_fd()]).unwrap();
    let mut byte = [0u8; 1];
    let mut slots = [None];
    let got = b
        .recv_fds(&mut byte, &mut slots, MsgFlags::empty())
        .unwrap();
    assert_eq!(got.fds, 1);
    let received = slots[0].take().expect("one descriptor arrived");
    assert_ne!(received.as_fd().as_raw_fd(), file.as_raw_fd());
    let mut again = std::fs::File::from(OwnedFd::from(received));
    again.rewind().unwrap();
    text.clear();
    again.read_to_string(&mut text).unwrap();
    assert_eq!(text, "passed along");
}

/// An unnamed temporary file (O_TMPFILE) in the system's temp directory.
fn unnamed_temp_file() -> std::fs::File {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_TMPFILE)
        .open(std::env::temp_dir())
        .unwrap()
}
