//! TOS/ECN and TTL/hop limit per datagram, both ways: ECT(0) and CE sent
//! with `push_tos_for` arrive as sent over IPv4, IPv6 and IPv4-mapped
//! destinations (where only `IP_TOS` works); a DSCP given with the ECN bits
//! is kept, and one set on the socket alone is replaced by the per-packet
//! byte. Also the UDP kinds: `UDP_SEGMENT` sent, `UDP_GRO` received.

use std::net::Ipv4Addr;

use sockcore::{
    cmsg_space_for_all_received, cmsg_space_for_hop_limit, cmsg_space_for_tos,
    cmsg_space_for_udp_segment, CmsgBuffer, CmsgBuilder, Ecn, IoSlice, MsgFlags, Socket,
    SocketAddr, Tos,
};

use crate::support::sockets::{bound_datagram, kernel_setting, set_int};
use crate::support::udp::{recv_datagram, udp_pair};

/// Sends one datagram from `sender` to `to` with a TOS and a hop limit
/// when given.
fn send_marked(sender: &Socket, to: &SocketAddr, tos: Option<Tos>, hops: Option<u8>) {
    let mut space = CmsgBuffer::<{ cmsg_space_for_tos() + cmsg_space_for_hop_limit() }>::new();
    let mut builder = CmsgBuilder::new(&mut space);
    if let Some(tos) = tos {
        builder.push_tos_for(to, tos).expect("tos");
    }
    if let Some(hops) = hops {
        builder.push_hop_limit_for(to, hops).expect("hop limit");
    }
    let sent = sender
        .send_msg(
            &[IoSlice::new(b"ecn")],
            builder.as_bytes(),
            Some(to),
            MsgFlags::empty(),
        )
        .expect("sendmsg");
    assert_eq!(sent, 3);
}

/// What `receiver` saw of the next datagram: (TOS byte, hop limit).
fn received_marks(receiver: &Socket) -> (Option<Tos>, Option<u8>) {
    let mut data = [0u8; 16];
    let mut control = CmsgBuffer::<{ cmsg_space_for_all_received() }>::new();
    let msg = recv_datagram(receiver, &mut data, &mut control);
    assert!(!msg.flags.contains(MsgFlags::CTRUNC));
    let messages = msg.control.messages();
    (messages.tos(), messages.hop_limit())
}

/// A receiver on `text` reporting TOS and hop limit for its family (and
/// for IPv4 on a dual-stack socket).
fn marking_receiver(text: &str) -> (Socket, SocketAddr) {
    let (receiver, addr) = bound_datagram(text);
    if addr.family() == libc::AF_INET {
        receiver.set_recv_tos(true).expect("IP_RECVTOS");
        receiver.set_recv_ttl(true).expect("IP_RECVTTL");
    } else {
        receiver.set_recv_tclass_v6(true).expect("IPV6_RECVTCLASS");
        receiver
            .set_recv_hop_limit_v6(true)
            .expect("IPV6_RECVHOPLIMIT");
    }
    (receiver, addr)
}

#[test]
fn ect0_and_ce_round_trip_v4_and_v6() {
    for text in ["127.0.0.1:0", "[::1]:0"] {
        let (receiver, to) = marking_receiver(text);
        let (sender, _) = bound_datagram(text);
        for ecn in [Ecn::Ect0, Ecn::Ce, Ecn::Ect1, Ecn::NotEct] {
            send_marked(&sender, &to, Some(Tos::new(0, ecn)), None);
            let (tos, _) = received_marks(&receiver);
            assert_eq!(tos.map(Tos::ecn), Some(ecn), "{text} {ecn:?}");
        }
    }
}

#[test]
fn ecn_to_an_ipv4_mapped_destination_goes_as_ip_tos() {
    let (receiver, v4) = marking_receiver("127.0.0.1:0");
    let (sender, _) = bound_datagram("[::]:0");
    let mapped = SocketAddr::v6(
        Ipv4Addr::LOCALHOST.to_ipv6_mapped().octets(),
        v4.port().unwrap(),
        0,
        0,
    );
    for ecn in [Ecn::Ect0, Ecn::Ce] {
        send_marked(&sender, &mapped, Some(Tos::new(0, ecn)), Some(9));
        // IPV6_TCLASS and IPV6_HOPLIMIT would be ignored for this
        // destination: the values arriving show IP_TOS and IP_TTL went.
        assert_eq!(received_marks(&receiver), (Some(Tos::new(0, ecn)), Some(9)));
    }
}

#[test]
fn dscp_given_with_the_ecn_bits_is_kept() {
    for text in ["127.0.0.1:0", "[::1]:0"] {
        let (receiver, to) = marking_receiver(text);
        let (sender, _) = bound_datagram(text);
        send_marked(&sender, &to, Some(Tos::new(46, Ecn::Ect0)), None);
        assert_eq!(received_marks(&receiver).0, Some(Tos(0xba)), "{text}");
    }
}

#[test]
fn per_packet_tos_replaces_the_sockets_dscp() {
    let (receiver, to) = marking_receiver("127.0.0.1:0");
    let (sender, _) = bound_datagram("127.0.0.1:0");
    sender.set_tos(0xb8).expect("IP_TOS EF");
    send_marked(&sender, &to, None, None);
    assert_eq!(received_marks(&receiver).0, Some(Tos(0xb8)), "the socket's");
    // The whole byte is replaced: EF is gone unless the caller gives it.
    send_marked(&sender, &to, Some(Tos::new(0, Ecn::Ect0)), None);
    assert_eq!(received_marks(&receiver).0, Some(Tos(0x02)));
    send_marked(&sender, &to, Some(Tos(0xb8).with_ecn(Ecn::Ect0)), None);
    assert_eq!(received_marks(&receiver).0, Some(Tos(0xba)));
}

#[test]
fn ttl_and_hop_limit_default_and_per_packet() {
    let default_ttl = kernel_setting("net/ipv4/ip_default_ttl") as u8;
    for (text, default) in [("127.0.0.1:0", default_ttl), ("[::1]:0", 64)] {
        let (receiver, to) = marking_receiver(text);
        let (sender, _) = bound_datagram(text);
        send_marked(&sender, &to, None, None);
        assert_eq!(
            received_marks(&receiver),
            (Some(Tos(0)), Some(default)),
            "{text}"
        );
        send_marked(&sender, &to, None, Some(7));
        assert_eq!(received_marks(&receiver).1, Some(7), "{text}");
    }
}

#[test]
fn udp_segment_sent_and_gro_segment_received() {
    let (sender, receiver, to) = udp_pair("127.0.0.1:0");
    receiver.set_recv_tos(true).expect("IP_RECVTOS");
    let payload: Vec<u8> = (0..3 * 1200 + 7).map(|i| i as u8).collect();
    let send_run = |tos: Tos| {
        let mut space =
            CmsgBuffer::<{ cmsg_space_for_udp_segment() + cmsg_space_for_tos() }>::new();
        let mut builder = CmsgBuilder::new(&mut space);
        builder.push_udp_segment(1200).expect("UDP_SEGMENT");
        builder.push_tos_for(&to, tos).expect("tos");
        let bufs = [IoSlice::new(&payload)];
        let sent = sender
            .send_msg(&bufs, builder.as_bytes(), Some(&to), MsgFlags::empty())
            .expect("sendmsg with UDP_SEGMENT");
        assert_eq!(sent, payload.len());
    };
    // Without GRO the kernel delivers the segments, each with the TOS.
    send_run(Tos::new(0, Ecn::Ce));
    for (i, expected) in [1200, 1200, 1200, 7].into_iter().enumerate() {
        let mut data = [0u8; 2048];
        let mut control = CmsgBuffer::<{ cmsg_space_for_all_received() }>::new();
        let msg = recv_datagram(&receiver, &mut data, &mut control);
        assert_eq!(msg.len, expected, "segment {i}");
        assert_eq!(&data[..expected], &payload[i * 1200..i * 1200 + expected]);
        assert_eq!(msg.control.messages().tos(), Some(Tos::new(0, Ecn::Ce)));
        assert_eq!(msg.control.messages().gro_segment(), None);
    }
    // With GRO (SOL_UDP/UDP_GRO, an int option) the run arrives whole, with
    // its segment size in a 4-byte UDP_GRO message.
    set_int(&receiver, libc::SOL_UDP, libc::UDP_GRO, 1);
    send_run(Tos::new(0, Ecn::Ect0));
    let mut data = vec![0u8; 65_536];
    let mut control = CmsgBuffer::<{ cmsg_space_for_all_received() }>::new();
    let msg = recv_datagram(&receiver, &mut data, &mut control);
    assert_eq!(msg.len, payload.len());
    assert_eq!(&data[..msg.len], &payload[..]);
    assert_eq!(msg.control.messages().gro_segment(), Some(1200));
    assert_eq!(msg.control.messages().tos(), Some(Tos::new(0, Ecn::Ect0)));
}
