//! Bad input to the offload calls: each refused with its own error before
//! any system call, and nothing sent (the receiver, polled, gets nothing).

use std::mem::MaybeUninit;

use sockcore::udp::{GroBatch, UdpOffload, UDP_GRO_BUFFER, UDP_OFFLOAD_CONTROL_MAX};
use sockcore::{
    CmsgBuffer, CmsgBuilder, Domain, Errno, MsgFlags, SockFlags, Socket, SocketAddr, Type,
};

use crate::support::sockets::{accepted_pair, unix_pair};
use crate::support::udp::{loopback, ready_within, receiver, sender};

/// One bad send: what it is, its arguments, and the error it must get.
struct SendCase<'a> {
    what: &'a str,
    buf: &'a [u8],
    segment: usize,
    control: &'a [u8],
    flags: MsgFlags,
    to: Option<&'a SocketAddr>,
    errno: Errno,
}

#[test]
fn send_arguments() {
    let (rx, to) = receiver(loopback(false), false, 1 << 20);
    let tx = sender(&to);
    let mut offload = UdpOffload::new(&tx).unwrap();
    let buf = [0u8; 4000];
    let unix = SocketAddr::parse("unix:/tmp/x").unwrap();
    let mut space = CmsgBuffer::<{ UDP_OFFLOAD_CONTROL_MAX + 64 }>::new();
    let mut builder = CmsgBuilder::new(&mut space);
    builder
        .push(libc::SOL_UDP, libc::UDP_SEGMENT, &100u16.to_ne_bytes())
        .unwrap();
    let with_segment = builder.finish();
    let too_long = [0u8; UDP_OFFLOAD_CONTROL_MAX + 1];
    let none = MsgFlags::empty();
    let case = |what, buf, segment, control, flags, to, errno| SendCase {
        what,
        buf,
        segment,
        control,
        flags,
        to,
        errno,
    };
    let cases = [
        case(
            "empty buffer",
            &[],
            1200,
            &[],
            none,
            Some(&to),
            Errno::EINVAL,
        ),
        case("segment 0", &buf, 0, &[], none, Some(&to), Errno::EINVAL),
        case(
            "segment 65,508",
            &buf,
            65_508,
            &[],
            none,
            Some(&to),
            Errno::EINVAL,
        ),
        case(
            "MSG_MORE",
            &buf,
            1200,
            &[],
            MsgFlags::MORE,
            Some(&to),
            Errno::EINVAL,
        ),
        case(
            "MSG_OOB",
            &buf,
            1200,
            &[],
            MsgFlags::OOB,
            Some(&to),
            Errno::EINVAL,
        ),
        case(
            "a Unix address",
            &buf,
            1200,
            &[],
            none,
            Some(&unix),
            Errno::EAFNOSUPPORT,
        ),
        case(
            "UDP_SEGMENT in control",
            &buf,
            1200,
            with_segment,
            none,
            Some(&to),
            Errno::EINVAL,
        ),
        case(
            "control too long",
            &buf,
            1200,
            &too_long,
            none,
            Some(&to),
            Errno::EINVAL,
        ),
    ];
    for c in cases {
        let sent = offload.send_with_control(c.buf, c.segment, c.control, c.flags, c.to);
        assert_eq!(sent, Err(c.errno), "{}", c.what);
        if c.control.is_empty() {
            let sent = tx.send_segments(c.buf, c.segment, c.flags, c.to);
            assert_eq!(sent, Err(c.errno), "{}", c.what);
        }
    }
    assert!(!ready_within(&rx, 100), "nothing was sent");
}

#[test]
fn sockets_that_are_not_udp() {
    // TCP would take UDP_SEGMENT and stream the bytes: refused, nothing sent.
    let (client, server) = accepted_pair("127.0.0.1:0");
    assert_eq!(UdpOffload::new(&client).err(), Some(Errno::ENOPROTOOPT));
    assert_eq!(
        UdpOffload::without_gso(&client).err(),
        Some(Errno::ENOPROTOOPT)
    );
    assert_eq!(
        client.send_segments(&[1; 3000], 1000, MsgFlags::empty(), None),
        Err(Errno::ENOPROTOOPT)
    );
    let mut buf = vec![0u8; UDP_GRO_BUFFER];
    assert_eq!(
        client.recv_segments(&mut buf, MsgFlags::empty()).err(),
        Some(Errno::ENOPROTOOPT)
    );
    assert_eq!(
        server.recv(&mut buf, MsgFlags::DONTWAIT),
        Err(Errno::EAGAIN)
    );
    // A Unix datagram socket would send one unsegmented datagram.
    let (a, b) = unix_pair(Type::DGRAM, SockFlags::empty());
    assert_eq!(
        a.send_segments(&[1; 3000], 1000, MsgFlags::empty(), None),
        Err(Errno::ENOPROTOOPT)
    );
    assert_eq!(b.recv(&mut buf, MsgFlags::DONTWAIT), Err(Errno::EAGAIN));
    // UDP-Lite is another protocol, with its own rules.
    if let Ok(lite) = Socket::with_protocol(Domain::IPV4, Type::DGRAM, 136, SockFlags::empty()) {
        assert_eq!(UdpOffload::new(&lite).err(), Some(Errno::ENOPROTOOPT));
    }
    // Closed: the kernel's own answer.
    let closed = Socket::new(Domain::IPV4, Type::DGRAM, SockFlags::empty()).unwrap();
    let fd = closed.into_raw_fd();
    // SAFETY: fd is open and ours; after close it is only asked about.
    unsafe { libc::close(fd) };
    // SAFETY: the number is closed; the kernel answers EBADF.
    let gone = unsafe { sockcore::BorrowedSocket::borrow_raw(fd) };
    assert_eq!(UdpOffload::new(&gone).err(), Some(Errno::EBADF));
}

#[test]
fn recv_arguments() {
    let (rx, to) = receiver(loopback(false), true, 1 << 20);
    let offload = UdpOffload::new(&rx).unwrap();
    let mut buf = vec![0u8; UDP_GRO_BUFFER];
    // Something queued, to show the bad calls take nothing.
    sender(&to)
        .send_to(&[1; 100], MsgFlags::empty(), &to)
        .unwrap();
    assert!(ready_within(&rx, 1000));
    assert_eq!(
        offload.recv(&mut [], MsgFlags::empty()).err(),
        Some(Errno::EINVAL)
    );
    assert_eq!(
        rx.recv_segments(&mut [], MsgFlags::empty()).err(),
        Some(Errno::EINVAL)
    );
    for flags in [MsgFlags::WAITALL, MsgFlags::ERRQUEUE, MsgFlags::OOB] {
        assert_eq!(
            offload.recv(&mut buf, flags).err(),
            Some(Errno::EINVAL),
            "{flags:?}"
        );
        assert_eq!(
            rx.recv_segments(&mut buf, flags).err(),
            Some(Errno::EINVAL),
            "{flags:?}"
        );
    }
    let mut control = [MaybeUninit::uninit(); 64];
    let with_control = offload.recv_with_control(&mut [], &mut control, MsgFlags::empty());
    assert_eq!(with_control.err(), Some(Errno::EINVAL));
    // The batch: no buffers, an empty one, other flags.
    let mut empty: GroBatch<'_, 0> = GroBatch::new([]);
    assert_eq!(
        offload.recv_batch(&mut empty, MsgFlags::DONTWAIT),
        Err(Errno::EINVAL)
    );
    let mut one_empty = GroBatch::new([&mut buf[..], &mut []]);
    assert_eq!(
        offload.recv_batch(&mut one_empty, MsgFlags::DONTWAIT),
        Err(Errno::EINVAL)
    );
    let mut batch = GroBatch::new([&mut buf[..]]);
    assert_eq!(
        offload.recv_batch(&mut batch, MsgFlags::PEEK),
        Err(Errno::EINVAL)
    );
    // The datagram is still there.
    assert_eq!(offload.recv_batch(&mut batch, MsgFlags::DONTWAIT), Ok(1));
    assert_eq!(batch.run(0).unwrap().map(|r| r.len), Ok(100));
}
