//! `read_exact_vectored`: the scatter form of `read_exact`, over more
//! buffers than one `readv` takes, to the end of a stream, and stopped by
//! `EAGAIN` on a non-blocking socket with the count so far.

use sockcore::{Errno, IoSliceMut, SockFlags, TransferError, Type};

use crate::support::sockets::{stream_pair, unix_pair};

#[test]
fn read_exact_vectored_fills_more_buffers_than_readv_takes() {
    const MANY: usize = 2500;
    let (a, b) = stream_pair();
    let sent: Vec<u8> = (0..MANY).map(|i| (i * 7) as u8).collect();
    a.write_all(&sent).expect("write_all");
    let mut received = vec![0u8; MANY];
    let mut bufs: Vec<IoSliceMut<'_>> = received.chunks_mut(1).map(IoSliceMut::new).collect();
    let mut rest = &mut bufs[..];
    assert_eq!(b.read_exact_vectored(&mut rest), Ok(MANY));
    assert!(rest.is_empty(), "advanced past everything read");
    drop(bufs);
    assert_eq!(received, sent);
}

#[test]
fn read_exact_vectored_stops_at_the_end_of_the_stream() {
    let (a, b) = stream_pair();
    a.write_all(b"short").expect("write_all");
    drop(a);
    let (mut head, mut tail) = ([0u8; 3], [0u8; 8]);
    let mut bufs = [IoSliceMut::new(&mut head), IoSliceMut::new(&mut tail)];
    let mut rest = &mut bufs[..];
    assert_eq!(b.read_exact_vectored(&mut rest), Ok(5));
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0].len(), 6, "the room left");
    assert_eq!((&head, &tail[..2]), (b"sho", &b"rt"[..]));
}

#[test]
fn read_exact_vectored_reports_eagain_with_the_count_so_far() {
    let (a, b) = unix_pair(Type::STREAM, SockFlags::NONBLOCK);
    a.write_all(b"abc").expect("write_all");
    let mut buf = [0u8; 8];
    let mut bufs = [IoSliceMut::new(&mut buf)];
    let mut rest = &mut bufs[..];
    let stopped = b.read_exact_vectored(&mut rest);
    assert_eq!(
        stopped,
        Err(TransferError {
            errno: Errno::EAGAIN,
            done: 3
        })
    );
    assert_eq!(rest[0].len(), 5);
}
