//! "No name", one way: the kernel says a Unix socket has no name with an
//! `AF_UNIX` address of no path from `getsockname`, `getpeername` and
//! `accept`, and with no address at all from `recvfrom`/`recvmsg`. Every
//! call here reports both as the empty address, so they compare equal.

use std::mem::MaybeUninit;
use std::time::Duration;

use sockcore::{
    AddrKind, Domain, IoSliceMut, MmsgHdrMut, MsgFlags, SockFlags, Socket, SocketAddr, Type,
};

use crate::support::sockets::{abstract_text, bound_datagram, unix_pair};

/// Asserts `addr` is the empty address, as every way of saying "no name".
fn no_name(what: &str, addr: &SocketAddr) {
    assert_eq!(addr.kind(), AddrKind::Unspecified, "{what}");
    assert_eq!(addr.len(), 0, "{what}");
    assert_eq!(addr, &SocketAddr::empty(), "{what}");
}

#[test]
fn a_socketpair_end_has_no_name_by_every_call() {
    let (a, b) = unix_pair(Type::DGRAM, SockFlags::empty());
    no_name("local_addr", &a.local_addr().expect("getsockname"));
    no_name("peer_addr", &b.peer_addr().expect("getpeername"));
    a.write(b"x").expect("send");
    let mut buf = [0u8; 4];
    let (n, from) = b.recv_from(&mut buf, MsgFlags::empty()).expect("recvfrom");
    assert_eq!(n, 1);
    no_name("recv_from", &from);
    assert_eq!(from, a.local_addr().expect("getsockname"));
}

#[test]
fn a_sender_that_never_bound_has_no_name_by_every_call() {
    let text = abstract_text("unnamed-dgram");
    let (rx, at) = bound_datagram(&text);
    let tx = Socket::new(Domain::UNIX, Type::DGRAM, SockFlags::empty()).expect("socket");
    let sender = tx.local_addr().expect("getsockname");
    no_name("the sender's local_addr", &sender);
    let mut buf = [0u8; 4];

    tx.send_to(b"1", MsgFlags::empty(), &at).expect("sendto");
    let (_, from) = rx.recv_from(&mut buf, MsgFlags::empty()).expect("recvfrom");
    assert_eq!(from, sender);

    tx.send_to(b"2", MsgFlags::empty(), &at).expect("sendto");
    let mut into = SocketAddr::v4([127, 0, 0, 1], 9);
    rx.recv_from_into(&mut buf, MsgFlags::empty(), &mut into)
        .expect("recvfrom");
    assert_eq!(into, sender);

    tx.send_to(b"3", MsgFlags::empty(), &at).expect("sendto");
    let no_control: &mut [MaybeUninit<u8>] = &mut [];
    let msg = rx
        .recv_msg(
            &mut [IoSliceMut::new(&mut buf)],
            no_control,
            MsgFlags::empty(),
        )
        .expect("recvmsg");
    assert_eq!(msg.addr, sender);

    tx.send_to(b"4", MsgFlags::empty(), &at).expect("sendto");
    let mut from = SocketAddr::v4([127, 0, 0, 1], 9);
    let mut bufs = [IoSliceMut::new(&mut buf)];
    let mut batch = [MmsgHdrMut::new(&mut bufs).with_addr(&mut from)];
    assert_eq!(rx.recv_mmsg(&mut batch, MsgFlags::DONTWAIT, None), Ok(1));
    assert_eq!(batch[0].addr(), Some(&sender));
}

#[test]
fn a_client_that_never_bound_has_no_name_by_every_call() {
    let text = abstract_text("unnamed-stream");
    let listener = Socket::listen_on(&text, 1).expect("listen_on");
    let client = Socket::dial(&text, Some(Duration::from_secs(1))).expect("dial");
    let (conn, peer) = listener.accept(SockFlags::empty()).expect("accept");
    no_name("accept's peer", &peer);
    assert_eq!(conn.peer_addr(), Ok(peer));
    assert_eq!(client.local_addr(), Ok(peer));
    client.write(b"x").expect("write");
    let (_, from) = conn
        .recv_from(&mut [0u8; 1], MsgFlags::empty())
        .expect("recvfrom");
    assert_eq!(from, peer);
}

#[test]
fn binding_the_unnamed_address_autobinds_a_name() {
    let socket = Socket::new(Domain::UNIX, Type::DGRAM, SockFlags::empty()).expect("socket");
    socket.bind(&SocketAddr::unix_unnamed()).expect("autobind");
    let local = socket.local_addr().expect("getsockname");
    assert!(matches!(local.kind(), AddrKind::UnixAbstract(name) if !name.is_empty()));
}

#[test]
fn accept_into_stores_the_peer_in_place_and_keeps_it_on_error() {
    let text = abstract_text("accept-into");
    let listener = Socket::listen_on(&text, 1).expect("listen_on");
    listener.set_nonblocking(true).expect("non-blocking");
    let mut peer = SocketAddr::v4([127, 0, 0, 1], 9);
    let nothing = listener.accept_into(SockFlags::empty(), &mut peer);
    assert_eq!(nothing.err(), Some(sockcore::Errno::EAGAIN));
    assert_eq!(
        peer,
        SocketAddr::v4([127, 0, 0, 1], 9),
        "unchanged on error"
    );
    assert_eq!(peer.len(), 16);

    let client = Socket::dial(&text, Some(Duration::from_secs(1))).expect("dial");
    let conn = listener
        .accept_into(SockFlags::empty(), &mut peer)
        .expect("accept");
    no_name("accept_into's peer", &peer);
    assert_eq!(conn.peer_addr(), Ok(peer));
    assert_eq!(client.local_addr(), Ok(peer));
}
