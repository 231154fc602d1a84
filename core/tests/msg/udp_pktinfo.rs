//! `IP_PKTINFO`/`IPV6_PKTINFO` both ways: a server bound to the wildcard
//! address learns where each request was sent and replies from that
//! address, so each client sees the reply come from the address it asked.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use sockcore::{
    cmsg_space_for_all_received, cmsg_space_for_packet_info_v6, interface_index, CmsgBuffer,
    CmsgBuilder, Errno, IoSlice, MsgFlags, Socket, SocketAddr,
};

use crate::support::sockets::bound_datagram;
use crate::support::udp::{ready_within, recv_datagram};

/// The server's side of one request: receives it, checks where it was sent,
/// and replies from that address. Returns the packet info it saw.
fn answer_from_reached_address(server: &Socket) -> sockcore::PacketInfo {
    let mut request = [0u8; 16];
    let mut control = CmsgBuffer::<{ cmsg_space_for_all_received() }>::new();
    let msg = recv_datagram(server, &mut request, &mut control);
    assert!(!msg.flags.contains(MsgFlags::CTRUNC));
    let info = msg
        .control
        .messages()
        .packet_info()
        .expect("packet info with the request");
    let mut space = CmsgBuffer::<{ cmsg_space_for_packet_info_v6() }>::new();
    let mut reply = CmsgBuilder::new(&mut space);
    reply.push_source(info.local, 0).expect("source");
    let sent = server
        .send_msg(
            &[IoSlice::new(b"reply")],
            reply.as_bytes(),
            Some(&msg.addr),
            MsgFlags::empty(),
        )
        .expect("sendmsg with a source address");
    assert_eq!(sent, 5);
    info
}

/// A client bound to `client` asks `server_ip` at `port`; returns who the
/// reply came from.
fn ask(client: &str, server: &Socket, to: SocketAddr) -> (SocketAddr, sockcore::PacketInfo) {
    let (socket, _) = bound_datagram(client);
    socket
        .send_to(b"ask", MsgFlags::empty(), &to)
        .expect("sendto");
    let info = answer_from_reached_address(server);
    let mut reply = [0u8; 16];
    let mut control = CmsgBuffer::<0>::new();
    let msg = recv_datagram(&socket, &mut reply, &mut control);
    assert_eq!(&reply[..msg.len], b"reply");
    (msg.addr, info)
}

#[test]
fn reply_from_reached_address_v4() {
    let (server, bound) = bound_datagram("0.0.0.0:0");
    server.set_recv_packet_info(true).expect("IP_PKTINFO");
    let port = bound.port().unwrap();
    let lo = interface_index(b"lo").expect("lo");
    for (client, server_ip) in [
        ("127.0.0.1:0", [127, 0, 0, 2]),
        ("127.0.0.2:0", [127, 0, 0, 1]),
        ("127.0.0.1:0", [127, 0, 0, 1]),
        ("127.0.0.2:0", [127, 0, 0, 2]),
    ] {
        let to = SocketAddr::v4(server_ip, port);
        let (from, info) = ask(client, &server, to);
        assert_eq!(from, to, "{client} asked {to}: the reply came from {from}");
        let reached = IpAddr::V4(Ipv4Addr::from(server_ip));
        assert_eq!(info.destination, reached);
        assert_eq!(info.local, reached);
        assert_eq!(info.ifindex, lo);
    }
}

#[test]
fn reply_from_reached_address_v6() {
    let (server, bound) = bound_datagram("[::]:0");
    server
        .set_recv_packet_info_v6(true)
        .expect("IPV6_RECVPKTINFO");
    let to = SocketAddr::v6(Ipv6Addr::LOCALHOST.octets(), bound.port().unwrap(), 0, 0);
    let (from, info) = ask("[::1]:0", &server, to);
    assert_eq!(from, to);
    assert_eq!(info.destination, IpAddr::V6(Ipv6Addr::LOCALHOST));
    assert_eq!(info.local, IpAddr::V6(Ipv6Addr::LOCALHOST));
    assert_eq!(info.ifindex, interface_index(b"lo").unwrap());
}

#[test]
fn dual_stack_server_answers_an_ipv4_client() {
    let (server, bound) = bound_datagram("[::]:0");
    assert_eq!(server.only_v6(), Ok(false), "Linux's default: dual-stack");
    server
        .set_recv_packet_info_v6(true)
        .expect("IPV6_RECVPKTINFO");
    let port = bound.port().unwrap();
    for server_ip in [[127, 0, 0, 2], [127, 0, 0, 1]] {
        let (from, info) = ask("127.0.0.1:0", &server, SocketAddr::v4(server_ip, port));
        assert_eq!(from, SocketAddr::v4(server_ip, port));
        // IPV6_PKTINFO reports an IPv4 datagram v4-mapped, and the reply
        // sent from that mapped address leaves from the IPv4 one.
        let mapped = IpAddr::V6(Ipv4Addr::from(server_ip).to_ipv6_mapped());
        assert_eq!(info.local, mapped);
    }
}

#[test]
fn bad_source_is_refused_at_send_time() {
    let (server, _) = bound_datagram("127.0.0.1:0");
    let (receiver, to) = bound_datagram("127.0.0.1:0");
    let send_from = |ip: Ipv4Addr, ifindex: u32| {
        let mut space = CmsgBuffer::<64>::new();
        let mut builder = CmsgBuilder::new(&mut space);
        builder.push_source(IpAddr::V4(ip), ifindex).unwrap();
        let bufs = [IoSlice::new(b"x")];
        server.send_msg(&bufs, builder.as_bytes(), Some(&to), MsgFlags::empty())
    };
    // TEST-NET-1 (RFC 5737): an address no host here has.
    assert_eq!(
        send_from(Ipv4Addr::new(192, 0, 2, 1), 0),
        Err(Errno::ENETUNREACH)
    );
    assert_eq!(
        send_from(Ipv4Addr::LOCALHOST, 999_999),
        Err(Errno::from_raw(libc::ENODEV))
    );
    assert!(!ready_within(&receiver, 100), "nothing was sent");
    // A socket bound to 127.0.0.1 may still send from 127.0.0.2.
    assert_eq!(send_from(Ipv4Addr::new(127, 0, 0, 2), 0), Ok(1));
    let mut byte = [0u8; 1];
    let (_, from) = receiver.recv_from(&mut byte, MsgFlags::empty()).unwrap();
    assert_eq!(
        from.kind(),
        SocketAddr::v4([127, 0, 0, 2], from.port().unwrap()).kind()
    );
}
