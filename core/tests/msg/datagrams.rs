//! `send_msg`/`recv_msg` on UDP over loopback: scatter/gather, addresses,
//! `MSG_TRUNC`, `MSG_CTRUNC`, and received control messages
//! (`IP_PKTINFO`, `IPV6_PKTINFO`, `SCM_TIMESTAMP`, `IP_TTL`) decoded as
//! libc reads them, in the kernel's order, none dropped.

use std::mem::size_of;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sockcore::{
    cmsg_len, cmsg_space, interface_index, CmsgBuffer, CmsgBuilder, CmsgKind, ControlMessage,
    Domain, IoSlice, IoSliceMut, MsgFlags, Type,
};

use crate::support::msg::recv_one;
use crate::support::sockets::{bound_datagram, new_socket, set_int};

/// Reads a `T` from the start of `bytes`, which need not be aligned.
fn read<T: Copy>(bytes: &[u8]) -> T {
    assert!(
        bytes.len() >= size_of::<T>(),
        "{} < {}",
        bytes.len(),
        size_of::<T>()
    );
    // SAFETY: bytes holds at least size_of::<T>() bytes (checked), and the
    // plain C types read here are valid for any bit pattern.
    unsafe { bytes.as_ptr().cast::<T>().read_unaligned() }
}

#[test]
fn gather_send_with_address_and_scatter_receive() {
    for text in ["127.0.0.1:0", "[::1]:0"] {
        let (rx, to) = bound_datagram(text);
        let (tx, from) = bound_datagram(text);
        let parts = [
            IoSlice::new(b"scatter "),
            IoSlice::new(b""),
            IoSlice::new(b"gather"),
        ];
        assert_eq!(
            tx.send_msg(&parts, &[], Some(&to), MsgFlags::empty()),
            Ok(14)
        );

        let (mut head, mut tail) = ([0u8; 4], [0u8; 32]);
        let mut bufs = [IoSliceMut::new(&mut head), IoSliceMut::new(&mut tail)];
        let msg = rx
            .recv_msg(&mut bufs, &mut [], MsgFlags::empty())
            .expect("recvmsg");
        assert_eq!(msg.len, 14);
        assert_eq!(msg.flags, MsgFlags::empty());
        assert_eq!(msg.addr, from, "{text}");
        assert!(msg.control.is_empty());
        drop(msg);
        assert_eq!(&head, b"scat");
        assert_eq!(&tail[..10], b"ter gather");
    }
}

#[test]
fn truncated_datagram_is_flagged() {
    for text in ["127.0.0.1:0", "[::1]:0"] {
        let (rx, to) = bound_datagram(text);
        let (tx, _) = bound_datagram(text);
        let big = [7u8; 100];
        for _ in 0..2 {
            assert_eq!(tx.send_to(&big, MsgFlags::empty(), &to), Ok(100));
        }
        let mut small = [0u8; 10];
        let msg = recv_one(&rx, &mut small, &mut [], MsgFlags::empty());
        assert_eq!(msg.len, 10, "what fitted");
        assert_eq!(msg.flags, MsgFlags::TRUNC);
        drop(msg);
        // With MSG_TRUNC passed in, the kernel reports the real length.
        let msg = recv_one(&rx, &mut small, &mut [], MsgFlags::TRUNC);
        assert_eq!(msg.len, 100, "the datagram's full length");
        assert!(msg.flags.contains(MsgFlags::TRUNC));
        drop(msg);
        assert_eq!(small, [7u8; 10]);
    }
}

#[test]
fn ip_pktinfo_arrives_decoded() {
    let (rx, to) = bound_datagram("127.0.0.1:0");
    let (tx, _) = bound_datagram("127.0.0.1:0");
    set_int(&rx, libc::IPPROTO_IP, libc::IP_PKTINFO, 1);
    assert_eq!(tx.send_to(b"where", MsgFlags::empty(), &to), Ok(5));

    let mut data = [0u8; 8];
    let mut space = CmsgBuffer::<{ cmsg_space(size_of::<libc::in_pktinfo>()) }>::new();
    let msg = recv_one(&rx, &mut data, &mut space, MsgFlags::empty());
    // The same bytes, read as libc's struct and through the decoder.
    let raw: libc::in_pktinfo = read(&msg.control.as_bytes()[cmsg_len(0)..]);
    let all: Vec<ControlMessage<'_>> = msg.control.messages().collect();
    assert_eq!(all.len(), 1, "{all:?}");
    let ControlMessage::PacketInfo(info) = all[0] else {
        panic!("{all:?}");
    };
    assert_eq!(info.ifindex, interface_index(b"lo").expect("lo"));
    assert_eq!(info.ifindex, raw.ipi_ifindex as u32);
    let localhost = std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);
    assert_eq!((info.destination, info.local), (localhost, localhost));
    assert_eq!(
        u32::from_be(raw.ipi_addr.s_addr),
        u32::from(std::net::Ipv4Addr::LOCALHOST)
    );
}

#[test]
fn ipv6_pktinfo_arrives_decoded() {
    let (rx, to) = bound_datagram("[::1]:0");
    let (tx, _) = bound_datagram("[::1]:0");
    set_int(&rx, libc::IPPROTO_IPV6, libc::IPV6_RECVPKTINFO, 1);
    assert_eq!(tx.send_to(b"where6", MsgFlags::empty(), &to), Ok(6));

    let mut data = [0u8; 8];
    let mut space = CmsgBuffer::<{ cmsg_space(size_of::<libc::in6_pktinfo>()) }>::new();
    let msg = recv_one(&rx, &mut data, &mut space, MsgFlags::empty());
    let raw: libc::in6_pktinfo = read(&msg.control.as_bytes()[cmsg_len(0)..]);
    let mut messages = msg.control.messages();
    let Some(ControlMessage::PacketInfo(info)) = messages.next() else {
        panic!("{:?}", msg.control);
    };
    assert!(messages.next().is_none());
    assert_eq!(info.ifindex, interface_index(b"lo").expect("lo"));
    assert_eq!(info.ifindex, raw.ipi6_ifindex);
    assert_eq!(
        info.destination,
        std::net::IpAddr::V6(std::net::Ipv6Addr::LOCALHOST)
    );
    assert_eq!(
        raw.ipi6_addr.s6_addr,
        std::net::Ipv6Addr::LOCALHOST.octets()
    );
}

#[test]
fn several_messages_arrive_decoded_in_order_and_none_is_dropped() {
    let (rx, to) = bound_datagram("127.0.0.1:0");
    let (tx, _) = bound_datagram("127.0.0.1:0");
    set_int(&rx, libc::SOL_SOCKET, libc::SO_TIMESTAMP, 1);
    set_int(&rx, libc::IPPROTO_IP, libc::IP_PKTINFO, 1);
    set_int(&rx, libc::IPPROTO_IP, libc::IP_RECVTTL, 1);
    tx.set_ttl(33).expect("ttl");
    let before = SystemTime::now().duration_since(UNIX_EPOCH).expect("clock");
    assert_eq!(tx.send_to(b"stamp", MsgFlags::empty(), &to), Ok(5));

    let mut data = [0u8; 8];
    let mut space = CmsgBuffer::<256>::new();
    let msg = recv_one(&rx, &mut data, &mut space, MsgFlags::empty());
    assert_eq!(msg.flags, MsgFlags::empty());
    let mut kinds = Vec::new();
    for message in msg.control.messages() {
        kinds.push(message.kind());
        match message {
            // SCM_TIMESTAMP: microseconds, made nanoseconds.
            ControlMessage::Timestamp(stamp) => {
                assert_eq!(stamp.nsec % 1000, 0);
                let stamp = stamp.since_epoch().expect("after the epoch");
                let after = SystemTime::now().duration_since(UNIX_EPOCH).expect("clock");
                let slack = Duration::from_millis(5);
                assert!(
                    stamp + slack >= before && stamp <= after + slack,
                    "{stamp:?}"
                );
            }
            ControlMessage::HopLimit(ttl) => assert_eq!(ttl, 33),
            ControlMessage::PacketInfo(_) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    // The kernel's order: socket-level messages, then IP-level ones.
    let expected = [
        CmsgKind::Timestamp,
        CmsgKind::PacketInfo,
        CmsgKind::HopLimit,
    ];
    assert_eq!(kinds, expected.map(Some));
}

#[test]
#[cfg_attr(
    all(sockcore_qemu, target_pointer_width = "64"),
    ignore = "qemu-user receives into a control buffer twice the size given and drops the \
              MSG_CTRUNC it sets itself; only on 32-bit targets is that buffer still too small, \
              so the kernel's own MSG_CTRUNC comes through"
)]
fn control_truncation_without_descriptors_is_reported() {
    let (rx, to) = bound_datagram("127.0.0.1:0");
    let (tx, _) = bound_datagram("127.0.0.1:0");
    set_int(&rx, libc::IPPROTO_IP, libc::IP_PKTINFO, 1);
    set_int(&rx, libc::IPPROTO_IP, libc::IP_RECVTTL, 1);
    assert_eq!(tx.send_to(b"two", MsgFlags::empty(), &to), Ok(3));
    let mut data = [0u8; 4];
    // Room for exactly one of the two messages.
    let mut space = CmsgBuffer::<{ cmsg_space(size_of::<libc::in_pktinfo>()) }>::new();
    let msg = recv_one(&rx, &mut data, &mut space, MsgFlags::empty());
    assert_eq!(msg.len, 3);
    assert!(msg.flags.contains(MsgFlags::CTRUNC), "{:?}", msg.flags);
    assert_eq!(msg.control.messages().count(), 1, "what fitted is intact");
}

#[test]
fn sending_a_raw_control_message() {
    // IP_PKTINFO on send picks the source address.
    let (rx, to) = bound_datagram("127.0.0.1:0");
    let tx = new_socket(Domain::IPV4, Type::DGRAM);
    // SAFETY: an all-zero in_pktinfo is valid.
    let mut info: libc::in_pktinfo = unsafe { std::mem::zeroed() };
    info.ipi_spec_dst.s_addr = u32::from(std::net::Ipv4Addr::new(127, 0, 0, 9)).to_be();
    // SAFETY: in_pktinfo is plain integers without padding, readable for
    // its size.
    let bytes = unsafe {
        std::slice::from_raw_parts(
            (&info as *const libc::in_pktinfo).cast::<u8>(),
            size_of::<libc::in_pktinfo>(),
        )
    };
    let mut space = CmsgBuffer::<{ cmsg_space(size_of::<libc::in_pktinfo>()) }>::new();
    let mut builder = CmsgBuilder::new(&mut space);
    builder
        .push(libc::IPPROTO_IP, libc::IP_PKTINFO, bytes)
        .expect("push");
    let sent = tx.send_msg(
        &[IoSlice::new(b"src")],
        builder.finish(),
        Some(&to),
        MsgFlags::empty(),
    );
    assert_eq!(sent, Ok(3));
    let mut buf = [0u8; 4];
    let (n, from) = rx.recv_from(&mut buf, MsgFlags::empty()).expect("recv");
    assert_eq!(n, 3);
    assert_eq!(
        from.to_string(),
        format!("127.0.0.9:{}", from.port().expect("port"))
    );
}
