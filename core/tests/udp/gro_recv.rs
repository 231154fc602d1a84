//! Receiving coalesced runs: the segment size of a run and of a lone
//! datagram, buffers too small for a run, control data too small for its
//! segment size, batches with a segment size per message, and the one
//! thing the kernel hides (runs queued before `UDP_GRO` was turned off).

use std::mem::MaybeUninit;

use sockcore::udp::{received_segment, GroBatch, RunSize, UdpOffload, UDP_GRO_BUFFER};
use sockcore::{
    cmsg_len, CmsgKind, ControlMessage, Errno, IoSliceMut, MmsgHdrMut, MsgFlags, Socket, SocketAddr,
};

use crate::support::pattern::pattern_bytes;
use crate::support::udp::{loopback, ready_within, receiver, sender};

/// Sends `count` datagrams of `segment` bytes to `rx` in one offloaded call.
fn send_run(rx: &Socket, count: usize, segment: usize) -> Vec<u8> {
    let to = rx.local_addr().unwrap();
    let payload = pattern_bytes((count * segment) as u64, count * segment);
    let sent = sender(&to).send_segments(&payload, segment, MsgFlags::empty(), Some(&to));
    assert_eq!(sent, Ok(payload.len()));
    payload
}

#[test]
fn run_reports_segment() {
    for v6 in [false, true] {
        let (rx, _) = receiver(loopback(v6), true, 1 << 20);
        let payload = send_run(&rx, 54, 1200);
        assert!(ready_within(&rx, 1000));
        let mut buf = vec![0u8; UDP_GRO_BUFFER];
        let run = UdpOffload::new(&rx)
            .unwrap()
            .recv(&mut buf, MsgFlags::empty())
            .unwrap();
        assert_eq!((run.len, run.segment), (64_800, 1200));
        assert_eq!(run.data, &payload[..]);
        assert_eq!(run.segments().len(), 54);
    }
}

#[test]
fn run_into_the_callers_buffer_and_address() {
    for v6 in [false, true] {
        let (rx, to) = receiver(loopback(v6), true, 1 << 20);
        let offload = UdpOffload::new(&rx).unwrap();
        let mut buf = vec![0u8; UDP_GRO_BUFFER];
        let tx = sender(&to);
        let payload = pattern_bytes(7, 54 * 1200);
        let sent = tx.send_segments(&payload, 1200, MsgFlags::empty(), Some(&to));
        assert_eq!(sent, Ok(payload.len()));
        assert!(ready_within(&rx, 1000));
        let mut from = SocketAddr::empty();
        let size = offload.recv_from_into(&mut buf, MsgFlags::empty(), Some(&mut from));
        let expected = RunSize {
            len: 64_800,
            segment: 1200,
        };
        assert_eq!(size, Ok(expected));
        assert_eq!(&buf[..64_800], &payload[..]);
        // The sender, bound to the wildcard, sent from the loopback address.
        assert_eq!(from.port(), tx.local_addr().unwrap().port());
        assert_eq!(from.ip(), to.ip());

        // Without an address: the kernel is not asked for one.
        let sent = tx.send_segments(&payload[..3000], 1000, MsgFlags::empty(), Some(&to));
        assert_eq!(sent, Ok(3000));
        assert!(ready_within(&rx, 1000));
        let size = offload.recv_from_into(&mut buf, MsgFlags::empty(), None);
        let expected = RunSize {
            len: 3000,
            segment: 1000,
        };
        assert_eq!(size, Ok(expected));
        assert_eq!(&buf[..3000], &payload[..3000]);

        // Nothing queued: the error, and the address left as it was.
        let before = from;
        let size = offload.recv_from_into(&mut buf, MsgFlags::DONTWAIT, Some(&mut from));
        assert_eq!(size, Err(Errno::EAGAIN));
        assert_eq!(from, before);
        assert_eq!(
            offload.recv_from_into(&mut [], MsgFlags::empty(), None),
            Err(Errno::EINVAL)
        );
    }
}

#[test]
fn single_datagram_segment_is_len() {
    let (rx, to) = receiver(loopback(false), true, 1 << 20);
    let tx = sender(&to);
    let offload = UdpOffload::new(&rx).unwrap();
    let mut buf = vec![0u8; UDP_GRO_BUFFER];
    // A plain datagram carries no UDP_GRO message.
    tx.send_to(&[1; 1200], MsgFlags::empty(), &to).unwrap();
    let run = offload.recv(&mut buf, MsgFlags::empty()).unwrap();
    assert_eq!(
        (run.len, run.segment, run.segments().len()),
        (1200, 1200, 1)
    );
    // Nor does an offloaded send of less than one segment.
    send_run(&rx, 1, 1000);
    let run = offload.recv(&mut buf, MsgFlags::empty()).unwrap();
    assert_eq!(
        (run.len, run.segment, run.segments().len()),
        (1000, 1000, 1)
    );
    // An empty datagram: nothing to walk.
    tx.send_to(&[], MsgFlags::empty(), &to).unwrap();
    let run = offload.recv(&mut buf, MsgFlags::empty()).unwrap();
    assert_eq!((run.len, run.segment, run.segments().len()), (0, 0, 0));
}

#[test]
fn small_buffer_is_emsgsize() {
    let (rx, _) = receiver(loopback(false), true, 1 << 20);
    let offload = UdpOffload::new(&rx).unwrap();
    let first = send_run(&rx, 54, 1200);
    let second = send_run(&rx, 54, 1200);
    let third = send_run(&rx, 54, 1200);
    let mut small = vec![0u8; 16 * 1024];
    assert_eq!(
        offload.recv(&mut small, MsgFlags::empty()).map(|r| r.len),
        Err(Errno::EMSGSIZE)
    );
    assert_eq!(small, first[..16 * 1024], "the start of the cut run");
    // The rest of that run is gone: the next receive gets the next one.
    let mut buf = vec![0u8; UDP_GRO_BUFFER];
    let run = offload.recv(&mut buf, MsgFlags::empty()).unwrap();
    assert_eq!(run.data, &second[..]);
    // With TRUNC the cut is the caller's choice: the whole length, reported.
    let run = offload.recv(&mut small, MsgFlags::TRUNC).unwrap();
    assert_eq!(
        (run.len, run.segment, run.data.len()),
        (64_800, 1200, 16 * 1024)
    );
    assert_eq!(run.data, &third[..16 * 1024]);
    assert!(!ready_within(&rx, 50));
}

#[test]
fn raw_recv_without_control_flags_ctrunc() {
    let (rx, _) = receiver(loopback(false), true, 1 << 20);
    send_run(&rx, 54, 1200);
    let mut buf = vec![0u8; UDP_GRO_BUFFER];
    let msg = rx
        .recv_msg(&mut [IoSliceMut::new(&mut buf)], &mut [], MsgFlags::empty())
        .unwrap();
    assert_eq!(msg.len, 64_800);
    assert!(msg.flags.contains(MsgFlags::CTRUNC), "{:?}", msg.flags);
    // Read as one 64,800-byte datagram it would be wrong: it is refused.
    assert_eq!(
        received_segment(msg.len, msg.flags, msg.control.as_bytes()),
        Err(Errno::ENOBUFS)
    );
}

#[test]
fn cut_gro_message_never_misread() {
    let (rx, _) = receiver(loopback(false), true, 1 << 20);
    let offload = UdpOffload::new(&rx).unwrap();
    let mut buf = vec![0u8; UDP_GRO_BUFFER];
    // Room for a header and two bytes: the kernel writes UDP_GRO cut short.
    send_run(&rx, 54, 1200);
    let mut tiny = [MaybeUninit::uninit(); cmsg_len(2)];
    let msg = rx
        .recv_msg(
            &mut [IoSliceMut::new(&mut buf)],
            &mut tiny,
            MsgFlags::empty(),
        )
        .unwrap();
    let messages: Vec<_> = msg.control.messages().collect();
    assert!(
        matches!(
            messages[..],
            [ControlMessage::Truncated { kind: CmsgKind::GroSegment, level: libc::SOL_UDP, ty: libc::UDP_GRO, data }] if data.len() == 2
        ),
        "{messages:?}"
    );
    // qemu-user cuts it without saying so; the kernel sets MSG_CTRUNC.
    #[cfg(not(sockcore_qemu))]
    assert!(msg.flags.contains(MsgFlags::CTRUNC));
    assert_eq!(
        received_segment(msg.len, msg.flags, msg.control.as_bytes()),
        Err(Errno::ENOBUFS)
    );
    drop(msg);
    // The same through the offload call with the caller's control space.
    send_run(&rx, 54, 1200);
    let result = offload.recv_with_control(&mut buf, &mut tiny, MsgFlags::empty());
    assert_eq!(result.map(|(run, _)| run.len).err(), Some(Errno::ENOBUFS));
}

/// Four runs of 40 datagrams each, of four segment sizes.
const RUNS: [usize; 4] = [1200, 1000, 500, 1350];

#[test]
fn batch_each_message_its_segment() {
    let (rx, _) = receiver(loopback(false), true, 4 << 20);
    let payloads: Vec<Vec<u8>> = RUNS
        .iter()
        .map(|&segment| send_run(&rx, 40, segment))
        .collect();
    let mut bufs = [(); 4].map(|()| vec![0u8; UDP_GRO_BUFFER]);
    let [a, b, c, d] = &mut bufs;
    let mut batch = GroBatch::new([&mut a[..], &mut b[..], &mut c[..], &mut d[..]]);
    let offload = UdpOffload::new(&rx).unwrap();
    assert_eq!(offload.recv_batch(&mut batch, MsgFlags::DONTWAIT), Ok(4));
    assert_eq!(batch.filled(), 4);
    for (index, (segment, payload)) in RUNS.iter().zip(&payloads).enumerate() {
        let run = batch.run(index).expect("filled").expect("whole");
        assert_eq!(
            (run.len, run.segment),
            (40 * segment, *segment),
            "run {index}"
        );
        assert_eq!(run.data, &payload[..]);
        assert_eq!(run.segments().len(), 40);
        assert_eq!(run.addr.port(), Some(run.addr.port().unwrap()));
        let gro = batch.control(index).unwrap().count();
        assert_eq!(gro, 1, "one UDP_GRO message each");
        assert_eq!(batch.flags(index), Some(MsgFlags::empty()));
    }
    assert!(batch.run(4).is_none() && batch.control(4).is_none());
    // Reused: nothing queued now.
    assert_eq!(
        offload.recv_batch(&mut batch, MsgFlags::DONTWAIT),
        Err(Errno::EAGAIN)
    );
    assert!(batch.run(0).is_none());
}

#[test]
fn batch_small_buffer_is_reported_per_run() {
    let (rx, _) = receiver(loopback(false), true, 1 << 20);
    send_run(&rx, 54, 1200);
    send_run(&rx, 10, 1200);
    let (mut small, mut big) = (vec![0u8; 16 * 1024], vec![0u8; UDP_GRO_BUFFER]);
    let mut batch = GroBatch::new([&mut small[..], &mut big[..]]);
    let offload = UdpOffload::new(&rx).unwrap();
    assert_eq!(offload.recv_batch(&mut batch, MsgFlags::DONTWAIT), Ok(2));
    assert_eq!(batch.run(0).unwrap().map(|r| r.len), Err(Errno::EMSGSIZE));
    assert!(batch.flags(0).unwrap().contains(MsgFlags::TRUNC));
    assert_eq!(
        batch.run(1).unwrap().map(|r| (r.len, r.segment)),
        Ok((12_000, 1200))
    );
}

#[test]
fn batch_without_control_loses_every_segment_size() {
    // The plain batch of the core has no control space: every message is
    // flagged CTRUNC, and the segment size is refused, not guessed.
    let (rx, _) = receiver(loopback(false), true, 4 << 20);
    for segment in RUNS {
        send_run(&rx, 40, segment);
    }
    let mut bufs = [(); 4].map(|()| vec![0u8; UDP_GRO_BUFFER]);
    let mut iovs: Vec<[IoSliceMut<'_>; 1]> =
        bufs.iter_mut().map(|buf| [IoSliceMut::new(buf)]).collect();
    let mut msgs: Vec<MmsgHdrMut<'_>> = iovs.iter_mut().map(|iov| MmsgHdrMut::new(iov)).collect();
    assert_eq!(rx.recv_mmsg(&mut msgs, MsgFlags::DONTWAIT, None), Ok(4));
    for (msg, segment) in msgs.iter().zip(RUNS) {
        assert_eq!(msg.msg_len(), 40 * segment);
        assert!(msg.flags().contains(MsgFlags::CTRUNC));
        assert_eq!(
            received_segment(msg.msg_len(), msg.flags(), &[]),
            Err(Errno::ENOBUFS)
        );
    }
}

#[test]
fn gro_off_queued_runs_look_like_datagrams() {
    // What the kernel hides: a run queued while UDP_GRO was on, read after
    // it went off, arrives whole with no segment size and no flag.
    let (rx, _) = receiver(loopback(false), true, 1 << 20);
    send_run(&rx, 10, 1200);
    rx.set_udp_gro(false).unwrap();
    let mut buf = vec![0u8; UDP_GRO_BUFFER];
    let run = UdpOffload::new(&rx)
        .unwrap()
        .recv(&mut buf, MsgFlags::empty())
        .unwrap();
    assert_eq!((run.len, run.segment), (12_000, 12_000));
}
