//! Zero-copy sends (`MSG_ZEROCOPY`) and their completions over loopback:
//! TCP (IPv4, IPv6) and UDP sends whose completions cover every send
//! number exactly once, merged into ranges and marked copied (loopback
//! always copies); `POLLERR` while `SO_ERROR` stays 0; failed and empty
//! sends taking no number; entries that are not completions (an ICMP
//! error, transmit timestamps) ending a read as documented; and Unix
//! sockets, which have neither `SO_ZEROCOPY` nor an error queue.

use std::thread;

use sockcore::{
    Errno, IoSlice, MsgFlags, PollFlags, Shutdown, SockFlags, TimestampingFlags, Type,
    ZerocopyRange,
};

use crate::support::sockets::{accepted_pair, bound_datagram, unix_pair};
use crate::support::udp::{udp_pair, wait_for};
use crate::support::zerocopy::{
    assert_each_once, assert_queue_empty, completions_for, send_until_refused, Refused,
};

/// Bytes of each TCP send: large, as zero-copy sends are meant to be.
const CHUNK: usize = 64 * 1024;

/// TCP sends in the coverage tests (4 MiB in all).
const TCP_SENDS: usize = 64;

/// UDP datagrams in the coverage tests, and their size.
const DATAGRAMS: u32 = 16;
const DATAGRAM: usize = 1000;

/// The bytes every send takes its data from: byte `i` of a stream made of
/// whole chunks is `chunk()[i % CHUNK]`.
fn chunk() -> Vec<u8> {
    (0..CHUNK).map(|i| (i % 251) as u8).collect()
}

/// `TCP_SENDS` zero-copy sends of a chunk over a connection on `listen`,
/// read by a thread that checks every byte; then completions for each.
fn tcp_completions(listen: &str) {
    let (client, server) = accepted_pair(listen);
    assert_eq!(client.zerocopy(), Ok(false));
    client.set_zerocopy(true).expect("SO_ZEROCOPY");
    assert_eq!(client.zerocopy(), Ok(true));
    let reader = thread::spawn(move || {
        let expected = chunk();
        let mut buf = vec![0u8; CHUNK];
        let mut total = 0usize;
        loop {
            let n = server.read(&mut buf).expect("read");
            if n == 0 {
                return total;
            }
            for (i, &byte) in buf[..n].iter().enumerate() {
                assert_eq!(byte, expected[(total + i) % CHUNK], "byte {}", total + i);
            }
            total += n;
        }
    });
    // The buffer stays untouched until its sends completed (the rule).
    let data = chunk();
    let mut sends = 0u32;
    for _ in 0..TCP_SENDS {
        let mut at = 0;
        while at < CHUNK {
            // A short send takes a number of its own, as any send that
            // moved a byte.
            let n = client.send(&data[at..], MsgFlags::ZEROCOPY).expect("send");
            assert!(n > 0);
            at += n;
            sends += 1;
        }
    }
    client.shutdown(Shutdown::Write).expect("shutdown");
    assert_eq!(reader.join().expect("reader"), TCP_SENDS * CHUNK);

    let ranges = completions_for(&client, sends);
    assert_each_once(&ranges, 0, sends);
    assert!(
        ranges.len() < sends as usize,
        "{listen}: completions waiting together merge: {} ranges for {sends} sends",
        ranges.len()
    );
    assert!(
        ranges.iter().all(|range| range.copied()),
        "{listen}: loopback copies: {ranges:?}"
    );
    assert_queue_empty(&client);
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_ZEROCOPY")]
fn tcp_v4_completions_cover_every_send_once() {
    tcp_completions("127.0.0.1:0");
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_ZEROCOPY")]
fn tcp_v6_completions_cover_every_send_once() {
    tcp_completions("[::1]:0");
}

/// `DATAGRAMS` zero-copy datagrams on `text`'s family, each received
/// before the next is sent; then their completions.
fn udp_completions(text: &str) {
    let (sender, receiver, to) = udp_pair(text);
    sender
        .set_zerocopy(true)
        .expect("SO_ZEROCOPY on UDP (Linux 5.0)");
    let data = chunk();
    let data = &data[..DATAGRAM];
    for _ in 0..DATAGRAMS {
        assert_eq!(sender.send_to(data, MsgFlags::ZEROCOPY, &to), Ok(DATAGRAM));
        wait_for(&receiver, PollFlags::IN);
        let mut got = [0u8; DATAGRAM + 1];
        assert_eq!(receiver.recv(&mut got, MsgFlags::DONTWAIT), Ok(DATAGRAM));
        assert_eq!(&got[..DATAGRAM], data);
    }
    // Each datagram completed before it arrived, in order, and nothing
    // read the queue meanwhile: the kernel merged them all into one range.
    let ranges = completions_for(&sender, DATAGRAMS);
    assert_eq!(
        ranges,
        [ZerocopyRange::new(0, DATAGRAMS - 1, true)],
        "{text}"
    );
    assert_queue_empty(&sender);
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_ZEROCOPY")]
fn udp_v4_completions_merge_into_one_range() {
    udp_completions("127.0.0.1:0");
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_ZEROCOPY")]
fn udp_v6_completions_merge_into_one_range() {
    udp_completions("[::1]:0");
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_ZEROCOPY")]
fn send_msg_takes_the_flag_too() {
    let (sender, receiver, to) = udp_pair("127.0.0.1:0");
    sender.set_zerocopy(true).expect("SO_ZEROCOPY");
    let bufs = [IoSlice::new(b"zero"), IoSlice::new(b"copy")];
    assert_eq!(
        sender.send_msg(&bufs, &[], Some(&to), MsgFlags::ZEROCOPY),
        Ok(8)
    );
    let mut got = [0u8; 16];
    wait_for(&receiver, PollFlags::IN);
    assert_eq!(receiver.recv(&mut got, MsgFlags::DONTWAIT), Ok(8));
    assert_eq!(&got[..8], b"zerocopy");
    assert_eq!(
        completions_for(&sender, 1),
        [ZerocopyRange::new(0, 0, true)]
    );
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_ZEROCOPY")]
fn failed_and_empty_sends_take_no_number() {
    let (client, server) = accepted_pair("127.0.0.1:0");
    client.set_nonblocking(true).expect("non-blocking");
    client.set_zerocopy(true).expect("SO_ZEROCOPY");
    let data = chunk();
    // Send while the peer does not read, until the socket refuses more.
    let Refused {
        mut sends,
        sent,
        errno: refused,
    } = send_until_refused(&client, &data, |_| 0);
    // EAGAIN when the send buffer fills; ENOBUFS first where option memory
    // for the completions (net.core.optmem_max) runs out sooner.
    let refused = refused.expect("the send buffer fills");
    assert!(
        matches!(refused, Errno::EAGAIN | Errno::ENOBUFS),
        "{refused}"
    );
    assert_eq!(client.send(&[], MsgFlags::ZEROCOPY), Ok(0), "an empty send");
    let mut sink = vec![0u8; sent];
    server.read_exact(&mut sink).expect("read what was sent");

    // One more send: it takes the number after the last that moved bytes.
    wait_for(&client, PollFlags::OUT);
    assert_eq!(client.send(&data[..1000], MsgFlags::ZEROCOPY), Ok(1000));
    sends += 1;
    server.read_exact(&mut sink[..1000]).expect("read");

    let ranges = completions_for(&client, sends);
    assert_each_once(&ranges, 0, sends);
    assert_queue_empty(&client);
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_ZEROCOPY")]
fn without_the_option_the_flag_is_ignored() {
    let (sender, receiver, to) = udp_pair("127.0.0.1:0");
    assert_eq!(sender.send_to(b"plain", MsgFlags::ZEROCOPY, &to), Ok(5));
    wait_for(&receiver, PollFlags::IN);
    // No completion comes: the send was an ordinary one. Turned on
    // later, numbering starts at 0.
    let mut batch = [ZerocopyRange::default(); 2];
    assert_eq!(sender.recv_zerocopy_completions(&mut batch), Ok(0));
    sender.set_zerocopy(true).expect("SO_ZEROCOPY");
    assert_eq!(sender.send_to(b"zero", MsgFlags::ZEROCOPY, &to), Ok(4));
    assert_eq!(
        completions_for(&sender, 1),
        [ZerocopyRange::new(0, 0, true)]
    );
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_ZEROCOPY")]
fn an_icmp_error_read_first_is_the_calls_error() {
    let (sender, receiver, to) = udp_pair("127.0.0.1:0");
    sender.set_recv_errors(true).expect("IP_RECVERR");
    sender.set_zerocopy(true).expect("SO_ZEROCOPY");
    let (closed, closed_addr) = bound_datagram("127.0.0.1:0");
    drop(closed);
    // A plain datagram to a closed port: its ICMP error is queued first.
    sender
        .send_to(b"probe", MsgFlags::empty(), &closed_addr)
        .expect("sendto");
    assert!(wait_for(&sender, PollFlags::empty()).contains(PollFlags::ERR));
    // Unlike a completion's, this POLLERR comes with a pending error, which
    // the next send would report: take it.
    assert_eq!(sender.take_error(), Ok(Some(Errno::ECONNREFUSED)));
    // Then a zero-copy send, whose completion queues behind it.
    assert_eq!(sender.send_to(b"data", MsgFlags::ZEROCOPY, &to), Ok(4));
    wait_for(&receiver, PollFlags::IN);

    let mut batch = [ZerocopyRange::default(); 4];
    assert_eq!(
        sender.recv_zerocopy_completions(&mut batch),
        Err(Errno::ECONNREFUSED),
        "the entry read first is the call's error"
    );
    assert_eq!(sender.recv_zerocopy_completions(&mut batch), Ok(1));
    assert_eq!(batch[0], ZerocopyRange::new(0, 0, true));
    assert_queue_empty(&sender);
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_ZEROCOPY")]
fn a_foreign_entry_after_completions_ends_the_read_and_is_lost() {
    // Software transmit stamps: each datagram's stamp is queued as it
    // leaves (loopback's transmit), its completion as it arrives.
    let (sender, receiver, to) = udp_pair("127.0.0.1:0");
    let stamps = TimestampingFlags::TX_SOFTWARE
        | TimestampingFlags::SOFTWARE
        | TimestampingFlags::OPT_TSONLY;
    sender.set_timestamping(stamps).expect("SO_TIMESTAMPING");
    sender.set_zerocopy(true).expect("SO_ZEROCOPY");
    let mut got = [0u8; 8];
    for _ in 0..2 {
        assert_eq!(sender.send_to(b"data", MsgFlags::ZEROCOPY, &to), Ok(4));
        wait_for(&receiver, PollFlags::IN);
        assert_eq!(receiver.recv(&mut got, MsgFlags::DONTWAIT), Ok(4));
    }
    // The queue: stamp 0, completion 0, stamp 1, completion 1.
    let mut batch = [ZerocopyRange::default(); 8];
    assert_eq!(
        sender.recv_zerocopy_completions(&mut batch),
        Err(Errno::ENOMSG),
        "a stamp read first: ENOMSG"
    );
    assert_eq!(
        sender.recv_zerocopy_completions(&mut batch),
        Ok(1),
        "completion 0, then stamp 1 ends the read"
    );
    assert_eq!(batch[0], ZerocopyRange::new(0, 0, true));
    assert_eq!(sender.recv_zerocopy_completions(&mut batch), Ok(1));
    assert_eq!(batch[0], ZerocopyRange::new(1, 1, true));
    assert_queue_empty(&sender);
}

#[test]
fn no_room_makes_no_call() {
    let (sender, _receiver, _to) = udp_pair("127.0.0.1:0");
    assert_eq!(sender.recv_zerocopy_completions(&mut []), Ok(0));
    let (socket, _) = bound_datagram("127.0.0.1:0");
    let mut batch = [ZerocopyRange::default(); 2];
    assert_eq!(socket.recv_zerocopy_completions(&mut batch), Ok(0));
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user does not emulate SO_ZEROCOPY (ENOPROTOOPT for every socket)"
)]
fn unix_sockets_refuse_the_option() {
    for ty in [Type::STREAM, Type::DGRAM] {
        let (a, _b) = unix_pair(ty, SockFlags::empty());
        assert_eq!(a.set_zerocopy(true), Err(Errno::EOPNOTSUPP), "{ty:?}");
        assert_eq!(a.zerocopy(), Ok(false), "{ty:?}");
    }
}

#[test]
fn a_unix_socket_has_no_error_queue() {
    let mut batch = [ZerocopyRange::default(); 2];
    let mut got = [0u8; 8];

    // A stream: nothing waiting reads as no completion; data waiting is
    // refused, and stays.
    let (a, b) = unix_pair(Type::STREAM, SockFlags::empty());
    assert_eq!(b.recv_zerocopy_completions(&mut batch), Ok(0));
    a.write_all(b"data").expect("write");
    wait_for(&b, PollFlags::IN);
    assert_eq!(
        b.recv_zerocopy_completions(&mut batch),
        Err(Errno::EOPNOTSUPP)
    );
    assert_eq!(b.recv(&mut got, MsgFlags::DONTWAIT), Ok(4));

    // A datagram: refused too, and consumed (as the documentation warns).
    let (a, b) = unix_pair(Type::DGRAM, SockFlags::empty());
    assert_eq!(b.recv_zerocopy_completions(&mut batch), Ok(0));
    assert_eq!(a.send(b"data", MsgFlags::empty()), Ok(4));
    wait_for(&b, PollFlags::IN);
    assert_eq!(
        b.recv_zerocopy_completions(&mut batch),
        Err(Errno::EOPNOTSUPP)
    );
    assert_eq!(b.recv(&mut got, MsgFlags::DONTWAIT), Err(Errno::EAGAIN));
}
