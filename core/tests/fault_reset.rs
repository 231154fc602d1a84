//! A peer that resets (TCP `SO_LINGER` {on, 0} then close) or vanishes
//! (Unix) mid-stream: readers get `ECONNRESET`, writers `ECONNRESET` then
//! `EPIPE`, and no `SIGPIPE` is ever raised.
//!
//! Rust programs start with `SIGPIPE` ignored, which would hide a send
//! without `MSG_NOSIGNAL`; every test here first restores `SIG_DFL`, so
//! such a send would kill this test binary.
//!
//! Its own test binary: the `SIGPIPE` setting is process-wide.

mod support;

use std::thread;
use std::time::Duration;

use sockcore::poll::wait_ready;
use sockcore::{Errno, IoSlice, MsgFlags, PollFlags, SockFlags, Socket, TransferError, Type};

use support::pattern::{pattern_bytes, PatternStream};
use support::sigpipe::default_sigpipe;
use support::sockets::{accepted_pair, unix_pair};

/// Closes `socket` with `SO_LINGER` {on, 0}: the kernel sends RST, not FIN.
fn reset(socket: Socket) {
    let linger = [1_i32.to_ne_bytes(), 0_i32.to_ne_bytes()].concat();
    socket
        .set_option_raw(libc::SOL_SOCKET, libc::SO_LINGER, &linger)
        .expect("SO_LINGER");
    socket.close().expect("close");
}

/// Waits until the reset has arrived: the socket reports an error or hang-up.
fn wait_for_reset(socket: &Socket) {
    let events = wait_ready(
        socket.as_raw_fd(),
        PollFlags::IN,
        Some(Duration::from_secs(5)),
    )
    .expect("wait_ready");
    assert!(
        events.intersects(PollFlags::ERR | PollFlags::HUP),
        "{events:?}: no reset seen"
    );
}

const SMALL: usize = 64 << 10;

#[test]
fn reader_gets_econnreset_after_every_byte_sent_before() {
    default_sigpipe();
    let mut held = 0;
    for listen in ["127.0.0.1:0", "[::1]:0"] {
        let (a, b) = accepted_pair(listen);
        let data = pattern_bytes(1, SMALL);
        b.write_all(&data).unwrap();
        let mut got = vec![0u8; SMALL];
        assert_eq!(a.read_exact(&mut got), Ok(SMALL));
        assert_eq!(got, data);
        reset(b);
        wait_for_reset(&a);
        // The error is reported once; after it the stream reads as ended,
        // and a write finds the pipe broken.
        assert_eq!(a.read(&mut got), Err(Errno::ECONNRESET), "{listen}");
        assert_eq!(a.read(&mut got), Ok(0), "{listen}");
        assert_eq!(a.write(b"late"), Err(Errno::EPIPE), "{listen}");
        held += 1;
    }
    println!("reset, reader: 2 cases (IPv4, IPv6), {held} held: all data, then ECONNRESET, then end of stream");
}

#[test]
fn writer_gets_econnreset_then_epipe_on_every_send_path() {
    default_sigpipe();
    type Send = fn(&Socket) -> Result<usize, Errno>;
    let paths: [(&str, Send); 5] = [
        ("write", |s| s.write(b"late")),
        ("send", |s| s.send(b"late", MsgFlags::empty())),
        ("write_vectored", |s| {
            s.write_vectored(&[IoSlice::new(b"la"), IoSlice::new(b"te")])
        }),
        ("write_all", |s| {
            s.write_all(b"late").map(|()| 4).map_err(|e| {
                assert_eq!(e.done, 0);
                e.errno
            })
        }),
        ("write_all_vectored", |s| {
            let mut slices = [IoSlice::new(b"la"), IoSlice::new(b"te")];
            s.write_all_vectored(&mut &mut slices[..])
                .map(|()| 4)
                .map_err(|e| {
                    assert_eq!(e.done, 0);
                    e.errno
                })
        }),
    ];
    let mut held = 0;
    for (name, send) in paths {
        let (a, b) = accepted_pair("127.0.0.1:0");
        reset(b);
        wait_for_reset(&a);
        assert_eq!(send(&a), Err(Errno::ECONNRESET), "{name}: first send");
        assert_eq!(send(&a), Err(Errno::EPIPE), "{name}: second send");
        held += 1;
    }
    println!(
        "reset, writer: {} send paths, {held} held: ECONNRESET, then EPIPE, no SIGPIPE",
        paths.len()
    );
}

/// The peer reads 1 MiB of a 16 MiB `write_all`, then resets: the writer
/// stops with the error and the count it got through.
#[test]
fn write_all_mid_stream_stops_with_the_count() {
    default_sigpipe();
    const TOTAL: usize = 16 << 20;
    const READ: usize = 1 << 20;
    let (a, b) = accepted_pair("127.0.0.1:0");
    let data = pattern_bytes(2, TOTAL);
    let writer = thread::spawn(move || a.write_all(&data));
    let mut got = vec![0u8; READ];
    assert_eq!(b.read_exact(&mut got), Ok(READ));
    assert_eq!(PatternStream::new(2).check(&got), Ok(()));
    reset(b);
    let TransferError { errno, done } = writer.join().unwrap().unwrap_err();
    assert!(
        errno == Errno::ECONNRESET || errno == Errno::EPIPE,
        "write_all: {errno}"
    );
    assert!(
        (READ..TOTAL).contains(&done),
        "write_all: {done} bytes done"
    );
    println!(
        "reset, write_all mid-stream: 1 case, 1 held: {} after {done} of {TOTAL} bytes",
        errno.name()
    );
}

/// The peer sends 16 MiB but resets after its first 1 MiB went out: the
/// reader gets an intact prefix, then `ECONNRESET`.
#[test]
fn read_mid_stream_gets_an_intact_prefix_then_econnreset() {
    default_sigpipe();
    const SENT: usize = 1 << 20;
    let (a, b) = accepted_pair("127.0.0.1:0");
    let data = pattern_bytes(3, SENT);
    let resetter = thread::spawn(move || {
        b.write_all(&data).unwrap();
        reset(b);
    });
    let mut stream = PatternStream::new(3);
    let mut buf = vec![0u8; 64 << 10];
    let errno = loop {
        match a.read(&mut buf) {
            Ok(0) => panic!("end of stream instead of a reset"),
            Ok(n) => stream.check(&buf[..n]).expect("wrong byte at offset"),
            Err(e) => break e,
        }
    };
    resetter.join().unwrap();
    assert_eq!(errno, Errno::ECONNRESET);
    assert!(stream.position() <= SENT as u64);
    println!(
        "reset, read mid-stream: 1 case, 1 held: {} intact bytes (FNV-1a {:016x}), then ECONNRESET",
        stream.position(),
        stream.checksum()
    );
}

/// Unix stream sockets have no RST, but closing with unread data is their
/// reset: the survivor reads `ECONNRESET` and writes `EPIPE`.
#[test]
fn unix_peer_closed_with_unread_data() {
    default_sigpipe();
    let mut held = 0;
    for ty in [Type::STREAM, Type::SEQPACKET] {
        let (a, b) = unix_pair(ty, SockFlags::empty());
        a.write_all(b"never read").unwrap();
        drop(b);
        let mut buf = [0u8; 16];
        assert_eq!(a.read(&mut buf), Err(Errno::ECONNRESET), "{ty:?}");
        assert_eq!(a.write(b"late"), Err(Errno::EPIPE), "{ty:?}");
        assert_eq!(
            a.send(b"late", MsgFlags::empty()),
            Err(Errno::EPIPE),
            "{ty:?}"
        );
        assert_eq!(
            a.write_vectored(&[IoSlice::new(b"late")]),
            Err(Errno::EPIPE),
            "{ty:?}"
        );
        held += 1;
    }
    println!("reset, Unix peer gone: 2 cases (stream, seqpacket), {held} held: ECONNRESET, EPIPE, no SIGPIPE");
}
