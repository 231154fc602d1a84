//! `IP_RECVORIGDSTADDR`/`IPV6_RECVORIGDSTADDR`: a server bound to the
//! wildcard address learns the address and port each datagram was sent to.

use std::net::Ipv6Addr;

use sockcore::{cmsg_space_for_all_received, CmsgBuffer, MsgFlags, Socket, SocketAddr};

use crate::support::sockets::bound_datagram;
use crate::support::udp::recv_datagram;

/// Sends from `client` to `to` and returns the original destination the
/// server saw.
fn seen_destination(server: &Socket, client: &str, to: &SocketAddr) -> Option<SocketAddr> {
    let (client, _) = bound_datagram(client);
    client
        .send_to(b"where", MsgFlags::empty(), to)
        .expect("sendto");
    let mut data = [0u8; 16];
    let mut control = CmsgBuffer::<{ cmsg_space_for_all_received() }>::new();
    let msg = recv_datagram(server, &mut data, &mut control);
    assert!(!msg.flags.contains(MsgFlags::CTRUNC));
    msg.control.messages().original_destination()
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user does not emulate IP_RECVORIGDSTADDR"
)]
fn original_destination_v4() {
    let (server, bound) = bound_datagram("0.0.0.0:0");
    server
        .set_recv_original_destination(true)
        .expect("IP_RECVORIGDSTADDR");
    assert_eq!(server.recv_original_destination(), Ok(true));
    let port = bound.port().unwrap();
    for ip in [[127, 0, 0, 2], [127, 0, 0, 1]] {
        let to = SocketAddr::v4(ip, port);
        assert_eq!(seen_destination(&server, "127.0.0.1:0", &to), Some(to));
    }
}

#[test]
fn original_destination_v6() {
    let (server, bound) = bound_datagram("[::]:0");
    server
        .set_recv_original_destination_v6(true)
        .expect("IPV6_RECVORIGDSTADDR");
    assert_eq!(server.recv_original_destination_v6(), Ok(true));
    let to = SocketAddr::v6(Ipv6Addr::LOCALHOST.octets(), bound.port().unwrap(), 0, 0);
    assert_eq!(seen_destination(&server, "[::1]:0", &to), Some(to));
}
