//! Control data cut short: a receiver with a timestamp, packet info, TTL
//! and TOS on takes the same datagram into control buffers from the full
//! size down to none. `MSG_CTRUNC` is set exactly when the buffer is
//! smaller, every message is whole and right or `Truncated`, and no finder
//! ever returns a value read from a cut message.

use std::mem::MaybeUninit;
use std::net::{IpAddr, Ipv4Addr};

use sockcore::{
    cmsg_len, cmsg_space, cmsg_space_for_hop_limit, cmsg_space_for_packet_info_v4,
    cmsg_space_for_timestamp, ControlMessage, MsgFlags, Tos,
};

use crate::support::sockets::kernel_setting;
use crate::support::udp::{realtime_nanos, recv_datagram, udp_pair};

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user sets no MSG_CTRUNC and has no SO_TIMESTAMPNS"
)]
fn shrinking_buffers_never_misread() {
    let (sender, receiver, to) = udp_pair("127.0.0.1:0");
    receiver.set_recv_timestamps(true).expect("timestamps");
    receiver.set_recv_packet_info(true).expect("IP_PKTINFO");
    receiver.set_recv_ttl(true).expect("IP_RECVTTL");
    receiver.set_recv_tos(true).expect("IP_RECVTOS");
    // The kernel writes them in this order: SCM_TIMESTAMPNS, IP_PKTINFO,
    // IP_TTL, IP_TOS (one byte).
    let full = cmsg_space_for_timestamp()
        + cmsg_space_for_packet_info_v4()
        + cmsg_space_for_hop_limit()
        + cmsg_space(1);
    // The last message needs its header and data, not its padding.
    let needed = full - cmsg_space(1) + cmsg_len(1);
    let ttl = kernel_setting("net/ipv4/ip_default_ttl") as u8;
    let local = IpAddr::V4(Ipv4Addr::LOCALHOST);
    let mut cut_seen = 0;
    for size in (0..=full + 8).rev() {
        let before = realtime_nanos();
        sender
            .send_to(b"cut", MsgFlags::empty(), &to)
            .expect("sendto");
        let mut control = vec![MaybeUninit::<u8>::uninit(); size];
        let mut data = [0u8; 8];
        let msg = recv_datagram(&receiver, &mut data, &mut control);
        let after = realtime_nanos();
        assert_eq!(
            msg.flags.contains(MsgFlags::CTRUNC),
            size < needed,
            "buffer {size}, {needed} needed"
        );
        let messages = msg.control.messages();
        for message in messages.clone() {
            match message {
                ControlMessage::Timestamp(stamp) => {
                    assert!(
                        (before..=after).contains(&stamp.as_nanos()),
                        "buffer {size}"
                    );
                }
                ControlMessage::PacketInfo(info) => assert_eq!(info.local, local),
                ControlMessage::HopLimit(hops) => assert_eq!(hops, ttl),
                ControlMessage::Tos(tos) => assert_eq!(tos, Tos(0)),
                ControlMessage::Truncated { .. } => cut_seen += 1,
                other => panic!("buffer {size}: unexpected {other:?}"),
            }
        }
        // A finder gives the right value or nothing.
        assert!(messages
            .timestamp()
            .map_or(true, |s| (before..=after).contains(&s.as_nanos())));
        assert!(messages
            .packet_info()
            .map_or(true, |info| info.local == local));
        assert!(messages.hop_limit().map_or(true, |hops| hops == ttl));
        assert!(messages.tos().map_or(true, |tos| tos == Tos(0)));
        if size >= needed {
            assert!(messages.timestamp().is_some() && messages.tos().is_some());
        }
    }
    assert!(cut_seen > 10, "the kernel cut {cut_seen} messages");
}
