//! Partial writes: a tiny `SO_SNDBUF` on the writer and a tiny `SO_RCVBUF`
//! on the reader, over TCP and Unix stream sockets. Single writes return
//! short counts, the whole-transfer calls still complete (blocking) or stop
//! with an exact count to resume from (non-blocking), and the bytes that
//! arrive checksum to the bytes sent.

use std::thread;
use std::time::Duration;
use std::time::Instant;

use sockcore::poll::wait_ready;
use sockcore::{Errno, IoSlice, PollFlags, Socket, TransferError};

use crate::support::pattern::PatternStream;
use crate::support::sockets::{accepted_pair, set_buffer, stream_pair};

const TOTAL: usize = 4 << 20;
/// What one write call offers: far more than the tiny buffers hold.
const PIECE: usize = 256 << 10;
/// What one read call asks for.
const READ: usize = 64 << 10;
/// Asked of the kernel for the send buffer; it rounds up to its minimum
/// (4608 bytes on x86-64).
const TINY_SNDBUF: libc::c_int = 1;
/// Asked for the receive buffer (the kernel doubles it). Smaller stalls TCP
/// over loopback: with a 64 KiB MSS, a window this much smaller than a
/// segment leaves the sender on persist-timer probes (a 4 MiB transfer did
/// not finish in 20 s at 8 KiB; it takes 0.3 s at 16 KiB).
const TINY_RCVBUF: libc::c_int = 16 << 10;
/// A stalled transfer fails after this long instead of hanging.
const STALL_LIMIT: libc::timeval = libc::timeval {
    tv_sec: 10,
    tv_usec: 0,
};

/// How the writer pushes the stream.
#[derive(Clone, Copy, Debug)]
enum Writer {
    /// Non-blocking `write` calls; a short count or `EAGAIN` waits for room.
    SingleWrites,
    /// Non-blocking `write_all`, resumed after `EAGAIN` from its count.
    WriteAll,
    /// Non-blocking `write_all_vectored`, resumed from the advanced slices.
    WriteAllVectored,
    /// Blocking `write_all`: it must complete by itself.
    BlockingWriteAll,
}

/// What the writer saw: calls made and how many came back short (a count
/// below what was offered, or `EAGAIN` with part of the data sent).
#[derive(Default)]
struct WriteFigures {
    calls: u64,
    short: u64,
}

fn wait_writable(socket: &Socket) {
    wait_ready(
        socket.as_raw_fd(),
        PollFlags::OUT,
        Some(Duration::from_secs(5)),
    )
    .expect("wait for POLLOUT");
}

/// Resumes a non-blocking whole transfer until it completes.
fn resume(
    socket: &Socket,
    figures: &mut WriteFigures,
    mut step: impl FnMut() -> Result<(), TransferError>,
) {
    loop {
        figures.calls += 1;
        match step() {
            Ok(()) => return,
            Err(TransferError {
                errno: Errno::EAGAIN,
                done,
            }) => {
                if done > 0 {
                    figures.short += 1;
                }
                wait_writable(socket);
            }
            Err(e) => panic!("whole write: {e}"),
        }
    }
}

fn write_piece(socket: &Socket, how: Writer, piece: &[u8], figures: &mut WriteFigures) {
    match how {
        Writer::SingleWrites => {
            let mut sent = 0;
            while sent < piece.len() {
                figures.calls += 1;
                match socket.write(&piece[sent..]) {
                    Ok(n) => {
                        if n < piece.len() - sent {
                            figures.short += 1;
                        }
                        sent += n;
                    }
                    Err(Errno::EAGAIN) => wait_writable(socket),
                    Err(e) => panic!("write: {e}"),
                }
            }
        }
        Writer::WriteAll => {
            let mut sent = 0;
            resume(socket, figures, || {
                socket
                    .write_all(&piece[sent..])
                    .inspect_err(|e| sent += e.done)
            });
        }
        Writer::WriteAllVectored => {
            let (first, rest) = piece.split_at(piece.len() / 4);
            let (second, third) = rest.split_at(rest.len() / 2);
            let mut slices = [
                IoSlice::new(first),
                IoSlice::new(second),
                IoSlice::new(third),
            ];
            let mut bufs = &mut slices[..];
            resume(socket, figures, || socket.write_all_vectored(&mut bufs));
            assert!(bufs.is_empty());
        }
        Writer::BlockingWriteAll => {
            figures.calls += 1;
            socket.write_all(piece).expect("write_all");
        }
    }
}

/// What the reader saw: calls made, how many returned less than asked, and
/// the checksum of what arrived.
struct ReadFigures {
    calls: u64,
    short: u64,
    checksum: u64,
}

fn read_stream(socket: Socket, seed: u64) -> ReadFigures {
    let mut stream = PatternStream::new(seed);
    let mut buf = vec![0u8; READ];
    let (mut calls, mut short) = (0, 0);
    while stream.position() < TOTAL as u64 {
        calls += 1;
        let n = socket.read(&mut buf).expect("read");
        assert_ne!(n, 0, "end of stream at {}", stream.position());
        if n < READ {
            short += 1;
        }
        stream.check(&buf[..n]).expect("wrong byte at offset");
    }
    // Nothing beyond the stream: the writer closed after its last byte.
    assert_eq!(socket.read(&mut buf), Ok(0));
    ReadFigures {
        calls,
        short,
        checksum: stream.checksum(),
    }
}

/// Sends `TOTAL` bytes from `writer` to `reader` with `how`; returns the
/// line to print.
fn transfer(name: &str, (writer, reader): (Socket, Socket), how: Writer, seed: u64) -> String {
    let sndbuf = set_buffer(&writer, libc::SO_SNDBUF, TINY_SNDBUF);
    let rcvbuf = set_buffer(&reader, libc::SO_RCVBUF, TINY_RCVBUF);
    let limit = [
        STALL_LIMIT.tv_sec.to_ne_bytes(),
        STALL_LIMIT.tv_usec.to_ne_bytes(),
    ]
    .concat();
    reader
        .set_option_raw(libc::SOL_SOCKET, libc::SO_RCVTIMEO, &limit)
        .expect("SO_RCVTIMEO");
    let blocking = matches!(how, Writer::BlockingWriteAll);
    writer.set_nonblocking(!blocking).unwrap();
    let reading = thread::spawn(move || read_stream(reader, seed));
    let mut stream = PatternStream::new(seed);
    let mut figures = WriteFigures::default();
    let mut piece = vec![0u8; PIECE];
    while stream.position() < TOTAL as u64 {
        stream.fill(&mut piece);
        write_piece(&writer, how, &piece, &mut figures);
    }
    drop(writer);
    let read = reading.join().unwrap();
    assert_eq!(read.checksum, stream.checksum(), "{name}: checksum");
    if !blocking {
        assert!(figures.short > 0, "{name}: no write came back short");
    }
    assert!(read.short > 0, "{name}: no read came back short");
    format!(
        "{name}, {how:?}: SO_SNDBUF {sndbuf}, SO_RCVBUF {rcvbuf}; {} write calls, {} short; \
         {} reads, {} short; checksum {:016x} intact",
        figures.calls, figures.short, read.calls, read.short, read.checksum
    )
}

#[test]
fn tiny_buffers_give_short_counts_and_whole_transfers() {
    type Connect = fn() -> (Socket, Socket);
    let tcp: Connect = || accepted_pair("127.0.0.1:0");
    let cases: [(&str, Connect, Writer); 8] = [
        ("TCP", tcp, Writer::SingleWrites),
        ("TCP", tcp, Writer::WriteAll),
        ("TCP", tcp, Writer::WriteAllVectored),
        ("TCP", tcp, Writer::BlockingWriteAll),
        ("Unix", stream_pair, Writer::SingleWrites),
        ("Unix", stream_pair, Writer::WriteAll),
        ("Unix", stream_pair, Writer::WriteAllVectored),
        ("Unix", stream_pair, Writer::BlockingWriteAll),
    ];
    let mut held = 0;
    for (seed, (name, pair, how)) in (1..).zip(cases) {
        let start = Instant::now();
        let line = transfer(name, pair(), how, seed);
        held += 1;
        println!("partial: {line}, {:?}", start.elapsed());
    }
    println!(
        "partial writes: {} cases of {} MiB, {held} held",
        cases.len(),
        TOTAL >> 20
    );
}
