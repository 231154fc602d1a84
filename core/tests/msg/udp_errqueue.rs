//! The error queue (`IP_RECVERR`/`IPV6_RECVERR`): a datagram to a closed
//! port comes back as an `ECONNREFUSED` entry with the ICMP type and code
//! and the offender's address; an unread entry makes the next ordinary
//! receive fail (the documented trap); an entry cut short is reported,
//! never read.

use std::mem::MaybeUninit;

use sockcore::{
    cmsg_space, cmsg_space_for_all_received, CmsgBuffer, CmsgKind, ControlMessage, Errno,
    ErrorOrigin, MsgFlags, PollFlags, Socket, SocketAddr,
};

use crate::support::sockets::bound_datagram;
use crate::support::udp::{recv_error, wait_for};

/// An address on `text`'s host where nothing listens: a port just bound
/// and closed again.
fn closed_port(text: &str) -> SocketAddr {
    let (socket, addr) = bound_datagram(text);
    drop(socket);
    addr
}

/// A sender on `text` with the error queue on.
fn sender_with_errors(text: &str) -> Socket {
    let (sender, addr) = bound_datagram(text);
    if addr.family() == libc::AF_INET {
        sender.set_recv_errors(true).expect("IP_RECVERR");
        assert_eq!(sender.recv_errors(), Ok(true));
    } else {
        sender.set_recv_errors_v6(true).expect("IPV6_RECVERR");
        assert_eq!(sender.recv_errors_v6(), Ok(true));
    }
    sender
}

#[test]
fn closed_port_is_refused_with_the_offender() {
    for (text, origin, ty, code, offender) in [
        (
            "127.0.0.1:0",
            ErrorOrigin::Icmp,
            3,
            3,
            SocketAddr::v4([127, 0, 0, 1], 0),
        ),
        (
            "[::1]:0",
            ErrorOrigin::Icmp6,
            1,
            4,
            SocketAddr::v6(std::net::Ipv6Addr::LOCALHOST.octets(), 0, 0, 0),
        ),
    ] {
        let sender = sender_with_errors(text);
        let closed = closed_port(text);
        sender
            .send_to(b"probe", MsgFlags::empty(), &closed)
            .expect("sendto");
        let mut data = [0u8; 64];
        let mut control = CmsgBuffer::<{ cmsg_space_for_all_received() }>::new();
        let msg = recv_error(&sender, &mut data, &mut control);
        assert_eq!(
            &data[..msg.len],
            b"probe",
            "{text}: the datagram comes back"
        );
        assert_eq!(msg.addr, closed, "{text}: where it was sent");
        assert!(!msg.flags.contains(MsgFlags::CTRUNC));
        let entry = msg.control.messages().extended_error().expect("an entry");
        assert_eq!(entry.errno, Errno::ECONNREFUSED, "{text}");
        assert_eq!(
            (entry.origin, entry.ty, entry.code),
            (origin, ty, code),
            "{text}"
        );
        assert_eq!((entry.info, entry.data), (0, 0));
        assert_eq!(entry.mtu(), None);
        if !cfg!(sockcore_qemu) {
            // qemu-user zeroes SO_EE_OFFENDER.
            assert_eq!(entry.offender, Some(offender), "{text}");
        }
        // The queue is empty again, and so is the receive queue.
        let mut byte = [0u8; 1];
        assert_eq!(
            sender.recv(&mut byte, MsgFlags::DONTWAIT),
            Err(Errno::EAGAIN)
        );
    }
}

#[test]
fn an_unread_entry_fails_the_next_receive() {
    let sender = sender_with_errors("127.0.0.1:0");
    let local = sender.local_addr().unwrap();
    sender
        .send_to(b"probe", MsgFlags::empty(), &closed_port("127.0.0.1:0"))
        .expect("sendto");
    let ready = wait_for(&sender, PollFlags::empty());
    assert!(ready.contains(PollFlags::ERR));
    // A datagram waits too; the error still comes first.
    let (other, _) = bound_datagram("127.0.0.1:0");
    other
        .send_to(b"data", MsgFlags::empty(), &local)
        .expect("sendto");
    wait_for(&sender, PollFlags::IN);
    let mut buf = [0u8; 16];
    assert_eq!(
        sender.recv(&mut buf, MsgFlags::DONTWAIT),
        Err(Errno::ECONNREFUSED)
    );
    assert_eq!(sender.recv(&mut buf, MsgFlags::DONTWAIT), Ok(4));
    assert_eq!(&buf[..4], b"data");
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user sets no MSG_CTRUNC")]
fn an_entry_cut_short_is_reported_never_read() {
    let sender = sender_with_errors("127.0.0.1:0");
    sender
        .send_to(b"probe", MsgFlags::empty(), &closed_port("127.0.0.1:0"))
        .expect("sendto");
    // Room for the sock_extended_err but not the offender after it.
    let mut control = vec![MaybeUninit::<u8>::uninit(); cmsg_space(16)];
    let mut data = [0u8; 64];
    let msg = recv_error(&sender, &mut data, &mut control);
    assert!(msg.flags.contains(MsgFlags::CTRUNC));
    let messages = msg.control.messages();
    assert!(matches!(
        messages.first(CmsgKind::ExtendedError),
        Some(ControlMessage::Truncated { level: libc::IPPROTO_IP, ty: libc::IP_RECVERR, data, .. })
            if data.len() == 16
    ));
    assert_eq!(messages.extended_error(), None);
}
