//! Sending through segmentation offload and receiving coalesced runs: 64
//! MiB each way on IPv4 and IPv6, a short last segment, more than 64
//! segments in one call, the payload limit, and the `UDP_SEGMENT` and
//! `UDP_GRO` options.

use std::thread;

use sockcore::udp::{GsoStatus, UdpOffload, UDP_GRO_BUFFER, UDP_MAX_PAYLOAD};
use sockcore::{Errno, MsgFlags};

use crate::support::pattern::{pattern_bytes, Fnv};
use crate::support::udp::{drain, loopback, ready_within, receiver, sender};

const MIB: usize = 1 << 20;

/// 64 MiB of a seeded stream, sent in 1 MiB calls of 1,200-byte segments
/// and received as coalesced runs: every byte in order, every datagram of
/// 1,200 bytes but the last of each call, offloaded throughout.
fn bulk_64mib(v6: bool) {
    const TOTAL: usize = 64 * MIB;
    const SEGMENT: usize = 1200;
    let stream = pattern_bytes(if v6 { 6 } else { 4 }, TOTAL);
    // Room for every run at once (about 65,632 bytes of kernel memory per
    // run of 64,800), so a slow receiver loses nothing.
    let (rx, to) = receiver(loopback(v6), true, 96 * MIB as i32);
    let tx = sender(&to);
    let (sent_sum, status) = thread::scope(|scope| {
        let sending = scope.spawn(|| {
            let mut offload = UdpOffload::new(&tx).expect("UDP socket");
            for call in stream.chunks(MIB) {
                let sent = offload.send(call, SEGMENT, MsgFlags::empty(), Some(&to));
                assert_eq!(sent, Ok(call.len()));
            }
            (Fnv::new().feed(&stream), offload.gso())
        });
        let offload = UdpOffload::new(&rx).expect("UDP socket");
        let mut buf = vec![0u8; UDP_GRO_BUFFER];
        let (mut received, mut datagrams, mut runs, mut sum) = (0, 0, 0, Fnv::new());
        let mut sender_port = None;
        while received < TOTAL {
            assert!(
                ready_within(&rx, 2000),
                "stalled at {received} of {TOTAL} bytes"
            );
            let run = offload.recv(&mut buf, MsgFlags::DONTWAIT).expect("recv");
            // The sender's port, bound by its first send.
            assert_eq!(*sender_port.get_or_insert(run.addr.port()), run.addr.port());
            assert_eq!(run.segment, SEGMENT, "run {runs}");
            for datagram in run.segments() {
                let end = received + datagram.len();
                assert!(
                    datagram == &stream[received..end],
                    "bytes {received}..{end}"
                );
                // Only the last datagram of a 1 MiB call may be shorter.
                assert!(
                    datagram.len() == SEGMENT || end % MIB == 0,
                    "{} at {end}",
                    datagram.len()
                );
                received = end;
                datagrams += 1;
            }
            sum = sum.feed(run.data);
            runs += 1;
        }
        assert_eq!(received, TOTAL);
        assert_eq!(datagrams, 64 * MIB.div_ceil(SEGMENT));
        assert!(
            runs < datagrams / 10,
            "{runs} receives for {datagrams} datagrams"
        );
        let (sent_sum, status) = sending.join().unwrap();
        assert_eq!(sum, sent_sum, "checksums");
        (sent_sum, status)
    });
    assert_eq!(status, GsoStatus::Offloaded);
    eprintln!(
        "64 MiB over {}: checksum {:016x}",
        loopback(v6),
        sent_sum.value()
    );
}

#[test]
fn bulk_64mib_v4() {
    bulk_64mib(false);
}

#[test]
fn bulk_64mib_v6() {
    bulk_64mib(true);
}

#[test]
fn short_last_segment() {
    for v6 in [false, true] {
        let payload = pattern_bytes(1, 12_001);
        // Without GRO: 11 datagrams, the last one byte.
        let (rx, to) = receiver(loopback(v6), false, 1 << 20);
        let tx = sender(&to);
        assert_eq!(
            tx.send_segments(&payload, 1200, MsgFlags::empty(), Some(&to)),
            Ok(12_001)
        );
        let datagrams = drain(&rx, 100, 100);
        let lens: Vec<usize> = datagrams.iter().map(Vec::len).collect();
        assert_eq!(lens, [vec![1200; 10], vec![1]].concat());
        assert_eq!(datagrams.concat(), payload);
        // With GRO: one run of segment 1200, split back the same way.
        let (rx, to) = receiver(loopback(v6), true, 1 << 20);
        assert_eq!(
            tx.send_segments(&payload, 1200, MsgFlags::empty(), Some(&to)),
            Ok(12_001)
        );
        assert!(ready_within(&rx, 1000));
        let mut buf = vec![0u8; UDP_GRO_BUFFER];
        let run = rx.recv_segments(&mut buf, MsgFlags::empty()).expect("recv");
        assert_eq!((run.len, run.segment), (12_001, 1200));
        let split: Vec<&[u8]> = run.segments().collect();
        assert_eq!(split.len(), 11);
        assert_eq!(split.concat(), payload);
        assert_eq!(split[10], &payload[12_000..]);
    }
}

#[test]
fn more_than_64_segments() {
    // 200 datagrams of 100 bytes: four system calls (64, 64, 64, 8).
    let payload = pattern_bytes(2, 20_000);
    let (rx, to) = receiver(loopback(false), false, 4 << 20);
    let tx = sender(&to);
    let mut offload = UdpOffload::new(&tx).unwrap();
    assert_eq!(
        offload.send(&payload, 100, MsgFlags::empty(), Some(&to)),
        Ok(20_000)
    );
    assert_eq!(offload.gso(), GsoStatus::Offloaded);
    let datagrams = drain(&rx, 100, 1000);
    assert_eq!(datagrams.len(), 200);
    assert!(datagrams.iter().all(|d| d.len() == 100));
    assert_eq!(datagrams.concat(), payload);

    // With GRO, one run per system call.
    let (rx, to) = receiver(loopback(false), true, 4 << 20);
    assert_eq!(
        offload.send(&payload, 100, MsgFlags::empty(), Some(&to)),
        Ok(20_000)
    );
    let receiving = UdpOffload::new(&rx).unwrap();
    let mut buf = vec![0u8; UDP_GRO_BUFFER];
    let mut runs = Vec::new();
    while runs.iter().sum::<usize>() < 20_000 {
        assert!(ready_within(&rx, 1000), "after runs {runs:?}");
        let run = receiving.recv(&mut buf, MsgFlags::empty()).unwrap();
        assert_eq!(run.segment, 100);
        runs.push(run.len);
    }
    assert_eq!(runs, [6400, 6400, 6400, 800]);
}

#[test]
fn payload_limit() {
    let (rx, to) = receiver(loopback(false), false, 4 << 20);
    let tx = sender(&to);
    let mut offload = UdpOffload::new(&tx).unwrap();
    // The most one system call carries, and one segment of it.
    let whole = pattern_bytes(3, UDP_MAX_PAYLOAD);
    assert_eq!(
        offload.send(&whole, 1200, MsgFlags::empty(), Some(&to)),
        Ok(65_507)
    );
    assert_eq!(
        offload.send(&whole, 65_507, MsgFlags::empty(), Some(&to)),
        Ok(65_507)
    );
    let datagrams = drain(&rx, 100, 100);
    assert_eq!(datagrams.len(), 55 + 1);
    assert_eq!(datagrams[54].len(), 707);
    assert_eq!(datagrams[55], whole);
    // A segment one byte larger is refused before any system call.
    let more = vec![0u8; 65_508];
    assert_eq!(
        offload.send(&more, 65_508, MsgFlags::empty(), Some(&to)),
        Err(Errno::EINVAL)
    );
    assert!(drain(&rx, 100, 1).is_empty());
}

#[test]
fn no_option_left_set() {
    let (_rx, to) = receiver(loopback(false), false, 1 << 20);
    let tx = sender(&to);
    let mut offload = UdpOffload::new(&tx).unwrap();
    assert_eq!(
        offload.send(&[1; 5000], 1000, MsgFlags::empty(), Some(&to)),
        Ok(5000)
    );
    assert_eq!(tx.udp_segment(), Ok(0));
}

#[test]
fn udp_segment_option_roundtrip() {
    let (rx, to) = receiver(loopback(false), false, 1 << 20);
    let tx = sender(&to);
    assert_eq!(tx.udp_segment(), Ok(0));
    tx.set_udp_segment(1200).unwrap();
    assert_eq!(tx.udp_segment(), Ok(1200));
    // Every plain send is now segmented by the kernel.
    assert_eq!(tx.send_to(&[9; 12_000], MsgFlags::empty(), &to), Ok(12_000));
    let lens: Vec<usize> = drain(&rx, 100, 100).iter().map(Vec::len).collect();
    assert_eq!(lens, [1200; 10]);
    tx.set_udp_segment(u16::MAX).unwrap();
    assert_eq!(tx.udp_segment(), Ok(u16::MAX));
    tx.set_udp_segment(0).unwrap();
    assert_eq!(tx.udp_segment(), Ok(0));
}

#[test]
fn udp_gro_option_roundtrip() {
    for v6 in [false, true] {
        let (rx, _) = receiver(loopback(v6), false, 1 << 20);
        assert_eq!(rx.udp_gro(), Ok(false));
        rx.set_udp_gro(true).unwrap();
        assert_eq!(rx.udp_gro(), Ok(true));
        rx.set_udp_gro(false).unwrap();
        assert_eq!(rx.udp_gro(), Ok(false));
    }
}
