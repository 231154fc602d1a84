//! Datagrams over loopback: `send_to`/`recv_from` on IPv4 and IPv6 (and a
//! Unix datagram socket in the abstract namespace), with the sender's
//! address checked on each side.

use std::mem::MaybeUninit;

use sockcore::{MsgFlags, SocketAddr};

use crate::support::sockets::{abstract_text, bound_datagram};

/// A datagram each way between two sockets bound to `a` and `b`.
fn ping_pong(a: &str, b: &str) {
    let (first, first_addr) = bound_datagram(a);
    let (second, second_addr) = bound_datagram(b);
    assert_ne!(first_addr, second_addr);

    let sent = first
        .send_to(b"ping", MsgFlags::empty(), &second_addr)
        .expect("send_to");
    assert_eq!(sent, 4);
    let mut buf = [0u8; 16];
    let (n, from) = second
        .recv_from(&mut buf, MsgFlags::empty())
        .expect("recv_from");
    assert_eq!(&buf[..n], b"ping");
    assert_eq!(from, first_addr, "recv_from names the sender");

    second
        .send_to(b"pong!", MsgFlags::empty(), &from)
        .expect("send_to the reply");
    let mut uninit = [MaybeUninit::<u8>::uninit(); 16];
    let (got, from) = first
        .recv_from_uninit(&mut uninit, MsgFlags::empty())
        .expect("recv_from_uninit");
    assert_eq!(got, b"pong!");
    assert_eq!(from, second_addr);

    // A datagram larger than the buffer is cut; MSG_TRUNC reports its size.
    first
        .send_to(b"0123456789", MsgFlags::empty(), &second_addr)
        .expect("send_to");
    let mut small = [0u8; 4];
    let (n, from) = second
        .recv_from(&mut small, MsgFlags::TRUNC)
        .expect("recv_from(MSG_TRUNC)");
    assert_eq!((n, &small), (10, b"0123"));
    assert_eq!(from, first_addr);
}

#[test]
fn udp_ipv4() {
    ping_pong("127.0.0.1:0", "127.0.0.1:0");
}

#[test]
fn udp_ipv6() {
    ping_pong("[::1]:0", "[::1]:0");
}

#[test]
fn unix_datagrams_in_the_abstract_namespace() {
    ping_pong(&abstract_text("udp-a"), &abstract_text("udp-b"));
}

#[test]
fn connected_udp_peek_then_read() {
    let (server, server_addr) = bound_datagram("127.0.0.1:0");
    let (client, client_addr) = bound_datagram("127.0.0.1:0");
    client.connect(&server_addr).expect("connect");
    assert_eq!(client.peer_addr(), Ok(server_addr));
    assert_eq!(client.write(b"hello"), Ok(5));
    let mut buf = [0u8; 8];
    let (n, from) = server
        .recv_from(&mut buf, MsgFlags::PEEK)
        .expect("peek with recv_from");
    assert_eq!((&buf[..n], from), (&b"hello"[..], client_addr));
    let mut again = [0u8; 8];
    assert_eq!(
        server.read(&mut again),
        Ok(5),
        "the peeked datagram is still there"
    );
    assert_eq!(&again[..5], b"hello");
}

#[test]
fn recv_from_into_fills_in_place_and_keeps_the_address_on_error() {
    let (receiver, _) = bound_datagram("127.0.0.1:0");
    let (sender, sender_addr) = bound_datagram("127.0.0.1:0");
    let mut from = SocketAddr::parse("[::1]:9").unwrap();
    let mut buf = [0u8; 8];

    // Nothing queued: EAGAIN, and the address is untouched.
    let err = receiver
        .recv_from_into(&mut buf, MsgFlags::DONTWAIT, &mut from)
        .unwrap_err();
    assert_eq!(err, sockcore::Errno::EAGAIN);
    assert_eq!(from, SocketAddr::parse("[::1]:9").unwrap());

    let to = receiver.local_addr().unwrap();
    assert_eq!(
        sender.send_to(b"in place", MsgFlags::empty(), &to).unwrap(),
        8
    );
    let n = receiver
        .recv_from_into(&mut buf, MsgFlags::empty(), &mut from)
        .unwrap();
    assert_eq!(&buf[..n], b"in place");
    assert_eq!(from, sender_addr);
}
