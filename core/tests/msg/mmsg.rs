//! `send_mmsg`/`recv_mmsg` over UDP loopback and Unix datagram pairs:
//! batches of 32 with per-message lengths, addresses and flags, partial
//! batches counted exactly, header reuse, and control data per message.

use std::time::Duration;

use sockcore::{
    cmsg_space_for_fds, CmsgBuffer, CmsgBuilder, Errno, IoSlice, IoSliceMut, MmsgHdr, MmsgHdrMut,
    MsgFlags, OwnedFd, PollFlags, SockFlags, Socket, SocketAddr, Type,
};

use crate::support::sockets::{bound_datagram, unix_pair};

const BATCH: usize = 32;

/// Datagram `i` of a batch: its index, then `i` bytes of a pattern, so
/// lengths differ and a mix-up shows.
fn payload(i: usize) -> Vec<u8> {
    let mut bytes = vec![i as u8];
    bytes.extend((0..i).map(|j| (i * 31 + j) as u8));
    bytes
}

/// Receives until `hdrs` are all filled, waiting for readiness before each
/// call; returns how many calls it took.
fn receive_all(socket: &Socket, hdrs: &mut [MmsgHdrMut<'_>]) -> usize {
    let mut filled = 0;
    let mut calls = 0;
    while filled < hdrs.len() {
        assert!(calls < hdrs.len(), "every call receives at least one");
        sockcore::poll::wait_ready(
            socket.as_raw_fd(),
            PollFlags::IN,
            Some(Duration::from_secs(5)),
        )
        .expect("ready");
        let n = socket
            .recv_mmsg(&mut hdrs[filled..], MsgFlags::DONTWAIT, None)
            .expect("recvmmsg");
        assert!(n >= 1);
        filled += n;
        calls += 1;
    }
    calls
}

#[test]
fn batches_of_32_datagrams_both_ways_on_ipv4_and_ipv6() {
    for text in ["127.0.0.1:0", "[::1]:0"] {
        let (rx, to) = bound_datagram(text);
        let (tx, from) = bound_datagram(text);
        let payloads: Vec<Vec<u8>> = (0..BATCH).map(payload).collect();
        let slices: Vec<IoSlice<'_>> = payloads.iter().map(|p| IoSlice::new(p)).collect();
        let mut batch: Vec<MmsgHdr<'_>> = slices
            .chunks(1)
            .map(|one| MmsgHdr::new(one).with_addr(&to))
            .collect();
        assert_eq!(
            batch.iter().map(MmsgHdr::msg_len).max(),
            Some(0),
            "nothing sent yet"
        );
        assert_eq!(
            tx.send_mmsg(&mut batch, MsgFlags::empty()),
            Ok(BATCH),
            "{text}"
        );
        for (i, msg) in batch.iter().enumerate() {
            assert_eq!(msg.msg_len(), i + 1, "bytes sent of message {i}");
        }

        let mut storage = vec![[0u8; 64]; BATCH];
        let mut addrs = vec![SocketAddr::empty(); BATCH];
        let mut bufs: Vec<IoSliceMut<'_>> =
            storage.iter_mut().map(|b| IoSliceMut::new(b)).collect();
        let mut hdrs: Vec<MmsgHdrMut<'_>> = bufs
            .chunks_mut(1)
            .zip(addrs.iter_mut())
            .map(|(buf, addr)| MmsgHdrMut::new(buf).with_addr(addr))
            .collect();
        receive_all(&rx, &mut hdrs);
        for (i, hdr) in hdrs.iter().enumerate() {
            assert_eq!(hdr.msg_len(), i + 1, "length of datagram {i}");
            assert_eq!(hdr.flags(), MsgFlags::empty());
            assert_eq!(hdr.addr(), Some(&from));
        }
        drop(hdrs);
        drop(bufs);
        for (i, (buf, addr)) in storage.iter().zip(&addrs).enumerate() {
            assert_eq!(&buf[..i + 1], &payloads[i][..], "contents of datagram {i}");
            assert_eq!(addr, &from, "the caller's own address is filled in");
        }
    }
}

#[test]
fn a_bad_address_mid_batch_stops_it_exactly_there() {
    let (rx, to) = bound_datagram("127.0.0.1:0");
    let (tx, _) = bound_datagram("127.0.0.1:0");
    let port_zero = SocketAddr::parse("127.0.0.1:0").expect("parse");
    let wrong_family = SocketAddr::parse("[::1]:9").expect("parse");
    for (bad, bad_errno) in [
        (port_zero, Errno::EINVAL),
        (wrong_family, Errno::EAFNOSUPPORT),
    ] {
        let payloads: Vec<Vec<u8>> = (0..10).map(payload).collect();
        let slices: Vec<IoSlice<'_>> = payloads.iter().map(|p| IoSlice::new(p)).collect();
        let mut batch: Vec<MmsgHdr<'_>> = slices
            .chunks(1)
            .enumerate()
            .map(|(i, one)| MmsgHdr::new(one).with_addr(if i == 5 { &bad } else { &to }))
            .collect();
        // The kernel returns the count before the failing message.
        assert_eq!(tx.send_mmsg(&mut batch, MsgFlags::empty()), Ok(5), "{bad}");
        let lens: Vec<usize> = batch.iter().map(MmsgHdr::msg_len).collect();
        assert_eq!(lens, [1, 2, 3, 4, 5, 0, 0, 0, 0, 0]);
        // Resuming at the failing message reports its error; past it, the
        // rest goes.
        assert_eq!(
            tx.send_mmsg(&mut batch[5..], MsgFlags::empty()),
            Err(bad_errno)
        );
        assert_eq!(tx.send_mmsg(&mut batch[6..], MsgFlags::empty()), Ok(4));

        let mut storage = [[0u8; 16]; 9];
        let mut bufs: Vec<IoSliceMut<'_>> =
            storage.iter_mut().map(|b| IoSliceMut::new(b)).collect();
        let mut hdrs: Vec<MmsgHdrMut<'_>> = bufs.chunks_mut(1).map(MmsgHdrMut::new).collect();
        receive_all(&rx, &mut hdrs);
        let firsts: Vec<usize> = hdrs.iter().map(MmsgHdrMut::msg_len).collect();
        assert_eq!(
            firsts,
            [1, 2, 3, 4, 5, 7, 8, 9, 10],
            "datagram 5 never went"
        );
        assert_eq!(
            rx.recv(&mut [0u8; 1], MsgFlags::DONTWAIT),
            Err(Errno::EAGAIN),
            "and nothing else did"
        );
    }
}

#[test]
fn per_message_truncation_flags() {
    let (rx, to) = bound_datagram("[::1]:0");
    let (tx, _) = bound_datagram("[::1]:0");
    for len in [4usize, 40, 4] {
        assert_eq!(tx.send_to(&vec![1u8; len], MsgFlags::empty(), &to), Ok(len));
    }
    let mut storage = [[0u8; 8]; 3];
    let mut bufs: Vec<IoSliceMut<'_>> = storage.iter_mut().map(|b| IoSliceMut::new(b)).collect();
    let mut hdrs: Vec<MmsgHdrMut<'_>> = bufs.chunks_mut(1).map(MmsgHdrMut::new).collect();
    receive_all(&rx, &mut hdrs);
    let flags: Vec<MsgFlags> = hdrs.iter().map(MmsgHdrMut::flags).collect();
    assert_eq!(
        flags,
        [MsgFlags::empty(), MsgFlags::TRUNC, MsgFlags::empty()]
    );
    let lens: Vec<usize> = hdrs.iter().map(MmsgHdrMut::msg_len).collect();
    assert_eq!(lens, [4, 8, 4]);
    assert!(
        hdrs.iter().all(|h| h.addr().is_none()),
        "no address asked for"
    );
}

#[test]
fn headers_are_reusable_and_unfilled_entries_are_reset() {
    let (rx, to) = bound_datagram("127.0.0.1:0");
    let (tx_a, from_a) = bound_datagram("127.0.0.1:0");
    let (tx_b, from_b) = bound_datagram("127.0.0.1:0");
    let mut storage = [[0u8; 8]; 4];
    let mut addrs = [SocketAddr::empty(); 4];
    let mut bufs: Vec<IoSliceMut<'_>> = storage.iter_mut().map(|b| IoSliceMut::new(b)).collect();
    let mut hdrs: Vec<MmsgHdrMut<'_>> = bufs
        .chunks_mut(1)
        .zip(addrs.iter_mut())
        .map(|(buf, addr)| MmsgHdrMut::new(buf).with_addr(addr))
        .collect();

    for (round, (tx, from)) in [(&tx_a, from_a), (&tx_b, from_b)].into_iter().enumerate() {
        let count = 3 - round; // 3 datagrams, then 2
        for _ in 0..count {
            assert_eq!(tx.send_to(b"r", MsgFlags::empty(), &to), Ok(1));
        }
        sockcore::poll::wait_ready(rx.as_raw_fd(), PollFlags::IN, Some(Duration::from_secs(5)))
            .expect("ready");
        // WAITFORONE: wait for the first, then take what is queued.
        let got = rx
            .recv_mmsg(
                &mut hdrs,
                MsgFlags::WAITFORONE,
                Some(Duration::from_secs(1)),
            )
            .expect("recvmmsg");
        assert!(got >= 1 && got <= count);
        let mut total = got;
        while total < count {
            sockcore::poll::wait_ready(rx.as_raw_fd(), PollFlags::IN, Some(Duration::from_secs(5)))
                .expect("ready");
            total += rx
                .recv_mmsg(&mut hdrs[total..count], MsgFlags::DONTWAIT, None)
                .expect("recvmmsg");
        }
        for hdr in &hdrs[..count] {
            assert_eq!(hdr.addr(), Some(&from), "round {round}");
            assert_eq!(hdr.msg_len(), 1);
        }
        if round == 1 {
            let last = &hdrs[3];
            assert_eq!(last.msg_len(), 0, "not filled this time");
            assert!(last.addr().expect("asked for").is_empty());
        }
    }
}

#[test]
fn empty_and_would_block() {
    let (rx, to) = bound_datagram("127.0.0.1:0");
    let (tx, _) = bound_datagram("127.0.0.1:0");
    assert_eq!(tx.send_mmsg(&mut [], MsgFlags::empty()), Ok(0));
    let mut buf = [0u8; 4];
    let mut bufs = [IoSliceMut::new(&mut buf)];
    let mut hdrs = [MmsgHdrMut::new(&mut bufs)];
    assert_eq!(
        rx.recv_mmsg(&mut hdrs, MsgFlags::DONTWAIT, None),
        Err(Errno::EAGAIN)
    );
    rx.set_nonblocking(true).expect("nonblocking");
    assert_eq!(
        rx.recv_mmsg(
            &mut hdrs,
            MsgFlags::empty(),
            Some(Duration::from_millis(100))
        ),
        Err(Errno::EAGAIN)
    );
    // A first message that fails is the call's error, with nothing sent.
    let bad = SocketAddr::parse("127.0.0.1:0").expect("parse");
    let one = [IoSlice::new(b"x")];
    let mut batch = [
        MmsgHdr::new(&one).with_addr(&bad),
        MmsgHdr::new(&one).with_addr(&to),
    ];
    assert_eq!(
        tx.send_mmsg(&mut batch, MsgFlags::empty()),
        Err(Errno::EINVAL)
    );
    assert_eq!(
        rx.recv_mmsg(&mut hdrs, MsgFlags::empty(), None),
        Err(Errno::EAGAIN)
    );
}

#[test]
fn connected_batches_with_gathered_messages() {
    let (rx, to) = bound_datagram("127.0.0.1:0");
    let (tx, _) = bound_datagram("127.0.0.1:0");
    tx.connect(&to).expect("connect");
    let first = [IoSlice::new(b"ga"), IoSlice::new(b"ther")];
    let second = [IoSlice::new(b"ed")];
    let mut batch = [MmsgHdr::new(&first), MmsgHdr::new(&second)];
    assert_eq!(tx.send_mmsg(&mut batch, MsgFlags::empty()), Ok(2));
    assert_eq!((batch[0].msg_len(), batch[1].msg_len()), (6, 2));

    // One message scattered over two buffers.
    let (mut a, mut b) = ([0u8; 3], [0u8; 8]);
    let mut c = [0u8; 8];
    let mut scatter = [IoSliceMut::new(&mut a), IoSliceMut::new(&mut b)];
    let mut single = [IoSliceMut::new(&mut c)];
    let mut hdrs = [MmsgHdrMut::new(&mut scatter), MmsgHdrMut::new(&mut single)];
    sockcore::poll::wait_ready(rx.as_raw_fd(), PollFlags::IN, Some(Duration::from_secs(5)))
        .expect("ready");
    let mut got = rx
        .recv_mmsg(&mut hdrs, MsgFlags::DONTWAIT, None)
        .expect("recvmmsg");
    if got == 1 {
        sockcore::poll::wait_ready(rx.as_raw_fd(), PollFlags::IN, Some(Duration::from_secs(5)))
            .expect("ready");
        got += rx
            .recv_mmsg(&mut hdrs[1..], MsgFlags::DONTWAIT, None)
            .expect("recvmmsg");
    }
    assert_eq!(got, 2);
    assert_eq!((hdrs[0].msg_len(), hdrs[1].msg_len()), (6, 2));
    assert_eq!((&a, &b[..3], &c[..2]), (b"gat", &b"her"[..], &b"ed"[..]));
}

#[test]
fn descriptors_per_message_in_a_send_batch() {
    let (a, b) = unix_pair(Type::DGRAM, SockFlags::empty());
    let mut space_one = CmsgBuffer::<{ cmsg_space_for_fds(1) }>::new();
    let mut space_two = CmsgBuffer::<{ cmsg_space_for_fds(2) }>::new();
    let mut one = CmsgBuilder::new(&mut space_one);
    one.push_fds(&[a.as_raw_fd()]).expect("one");
    let mut two = CmsgBuilder::new(&mut space_two);
    two.push_fds(&[a.as_raw_fd(), b.as_raw_fd()]).expect("two");
    let (data_one, data_none, data_two) = (
        [IoSlice::new(b"1")],
        [IoSlice::new(b"0")],
        [IoSlice::new(b"2")],
    );
    let mut batch = [
        MmsgHdr::new(&data_one).with_control(one.finish()),
        MmsgHdr::new(&data_none),
        MmsgHdr::new(&data_two).with_control(two.finish()),
    ];
    assert_eq!(a.send_mmsg(&mut batch, MsgFlags::empty()), Ok(3));

    for (tag, expected) in [(b'1', 1), (b'0', 0), (b'2', 2)] {
        let mut byte = [0u8; 1];
        let mut slots: [Option<OwnedFd>; 2] = [None, None];
        let got = b
            .recv_fds(&mut byte, &mut slots, MsgFlags::empty())
            .expect("recv_fds");
        assert_eq!((byte[0], got.fds), (tag, expected));
        assert!(slots.iter().flatten().all(|fd| fd.is_cloexec() == Ok(true)));
    }
}
