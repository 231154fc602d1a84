//! Accept, read and write with a time-out, and non-blocking sockets:
//! `EAGAIN` as a value callers match, and `write_all` stopping at `EAGAIN`
//! with an exact count, then resuming after `POLLOUT` to an intact stream.

use std::time::{Duration, Instant};

use sockcore::{
    poll, Domain, Errno, MsgFlags, PollFlags, SockFlags, Socket, SocketAddr, TransferError, Type,
};

use crate::support::pattern::Fnv;
use crate::support::sockets::{accepted_pair, stream_pair, unix_pair};

/// Asserts `f` fails with `ETIMEDOUT` after about `ms` milliseconds.
fn times_out<T: std::fmt::Debug>(ms: u64, f: impl FnOnce() -> sockcore::Result<T>) {
    let started = Instant::now();
    let result = f();
    let waited = started.elapsed();
    assert_eq!(result.err(), Some(Errno::ETIMEDOUT));
    assert!(
        waited >= Duration::from_millis(ms),
        "gave up early: {waited:?}"
    );
    assert!(
        waited < Duration::from_millis(ms) + Duration::from_secs(3),
        "late: {waited:?}"
    );
}

/// Fills `socket`'s send path until `EAGAIN`; returns the bytes queued.
fn fill(socket: &Socket) -> usize {
    let chunk = [0x5Au8; 65_536];
    let mut queued = 0;
    for _ in 0..100_000 {
        match socket.send(&chunk, MsgFlags::DONTWAIT) {
            Ok(n) => queued += n,
            Err(Errno::EAGAIN) => return queued,
            Err(e) => panic!("{e}"),
        }
    }
    panic!("the send buffer never filled");
}

#[test]
fn accept_within_times_out_then_accepts() {
    for text in ["127.0.0.1:0", "[::1]:0"] {
        let listener = Socket::listen_on(text, 4).expect("listen");
        times_out(100, || {
            listener.accept_within(SockFlags::empty(), Some(Duration::from_millis(100)))
        });
        times_out(0, || {
            listener.accept_within(SockFlags::empty(), Some(Duration::ZERO))
        });
        let client = Socket::dial_addr(
            &listener.local_addr().expect("name"),
            Some(Duration::from_secs(1)),
        )
        .expect("dial");
        let (conn, peer) = listener
            .accept_within(SockFlags::NONBLOCK, Some(Duration::from_secs(5)))
            .expect("a pending connection");
        assert_eq!(peer, client.local_addr().expect("name"));
        assert_eq!(conn.is_nonblocking(), Ok(true), "flags reach accept4");
        assert_eq!(conn.is_cloexec(), Ok(true));
    }
}

#[test]
fn accept_within_on_a_non_blocking_listener() {
    let listener = Socket::listen_on("127.0.0.1:0", 4).expect("listen");
    listener.set_nonblocking(true).expect("nonblocking");
    assert_eq!(
        listener.accept(SockFlags::empty()).err(),
        Some(Errno::EAGAIN)
    );
    times_out(50, || {
        listener.accept_within(SockFlags::empty(), Some(Duration::from_millis(50)))
    });
    let addr = listener.local_addr().expect("name");
    let connector = std::thread::spawn(move || {
        Socket::dial_addr(&addr, Some(Duration::from_secs(5))).map(drop)
    });
    let accepted = listener.accept_within(SockFlags::empty(), Some(Duration::from_secs(10)));
    assert!(accepted.is_ok(), "{accepted:?}");
    assert_eq!(connector.join().expect("thread"), Ok(()));
}

#[test]
fn read_within_waits_for_data_or_gives_up() {
    let (a, b) = stream_pair();
    let mut buf = [0u8; 8];
    times_out(100, || {
        a.read_within(&mut buf, Some(Duration::from_millis(100)))
    });
    times_out(0, || a.read_within(&mut buf, Some(Duration::ZERO)));
    assert_eq!(b.write(b"data"), Ok(4));
    assert_eq!(
        a.read_within(&mut buf, Some(Duration::ZERO)),
        Ok(4),
        "ready data needs no wait"
    );
    let writer = std::thread::spawn(move || {
        // Arrives while the reader waits.
        b.write_all(b"later").map(|()| b)
    });
    assert_eq!(
        a.read_within(&mut buf, Some(Duration::from_secs(10))),
        Ok(5)
    );
    assert_eq!(&buf[..5], b"later");
    let b = writer.join().expect("thread").expect("write");
    drop(b);
    assert_eq!(
        a.read_within(&mut buf, Some(Duration::from_secs(1))),
        Ok(0),
        "end of stream"
    );
}

#[test]
fn read_within_never_blocks_past_its_deadline_on_a_blocking_socket() {
    // Readiness with nothing to read: a peer's shutdown makes the socket
    // readable (end of stream) — the read returns 0 at once, not a block.
    let (a, b) = stream_pair();
    b.shutdown(sockcore::Shutdown::Write).expect("shutdown");
    let mut buf = [0u8; 4];
    assert_eq!(a.read_within(&mut buf, Some(Duration::from_secs(1))), Ok(0));
    assert_eq!(
        a.is_nonblocking(),
        Ok(false),
        "the socket's mode is untouched"
    );
}

#[test]
fn write_within_waits_for_room() {
    let (a, b) = stream_pair();
    let queued = fill(&a);
    assert!(queued > 0);
    times_out(100, || {
        a.write_within(b"more", Some(Duration::from_millis(100)))
    });
    // Drain the peer; room appears and the write goes.
    let mut sink = vec![0u8; queued];
    assert_eq!(b.read_exact(&mut sink).map_err(|e| e.errno), Ok(queued));
    assert_eq!(a.write_within(b"more", Some(Duration::from_secs(5))), Ok(4));
    let mut tail = [0u8; 4];
    assert_eq!(
        b.read_within(&mut tail, Some(Duration::from_secs(5))),
        Ok(4)
    );
    assert_eq!(&tail, b"more");
    drop(b);
    assert_eq!(
        a.write_within(b"x", Some(Duration::from_secs(1))),
        Err(Errno::EPIPE),
        "no SIGPIPE either"
    );
}

#[test]
fn eagain_is_a_value_to_match() {
    let (a, b) = unix_pair(Type::STREAM, SockFlags::NONBLOCK);
    let mut buf = [0u8; 4];
    assert_eq!(a.read(&mut buf), Err(Errno::EAGAIN));
    assert_eq!(a.recv(&mut buf, MsgFlags::empty()), Err(Errno::EAGAIN));
    assert_eq!(Errno::EAGAIN.name(), "EAGAIN");
    assert_eq!(Errno::from_raw(libc::EWOULDBLOCK), Errno::EAGAIN);
    // Non-blocking per call on a blocking socket, too.
    let (c, _d) = stream_pair();
    assert_eq!(c.recv(&mut buf, MsgFlags::DONTWAIT), Err(Errno::EAGAIN));
    // A non-blocking listener and UDP socket say the same.
    let listener = Socket::listen_on("127.0.0.1:0", 1).expect("listen");
    listener.set_nonblocking(true).expect("nonblocking");
    assert_eq!(
        listener.accept(SockFlags::empty()).err(),
        Some(Errno::EAGAIN)
    );
    let udp = Socket::new(Domain::IPV4, Type::DGRAM, SockFlags::NONBLOCK).expect("udp");
    udp.bind(&SocketAddr::parse("127.0.0.1:0").expect("parse"))
        .expect("bind");
    assert_eq!(
        udp.recv_from(&mut buf, MsgFlags::empty()).err(),
        Some(Errno::EAGAIN)
    );
    drop(b);
}

#[test]
fn write_all_on_a_non_blocking_socket_stops_at_eagain_and_resumes() {
    const TOTAL: usize = 8 << 20;
    let data: Vec<u8> = (0..TOTAL).map(|i| (i * 7 + i / 4093) as u8).collect();
    let (sender, receiver) = accepted_pair("127.0.0.1:0");
    sender.set_send_buffer_size(64 << 10).expect("sndbuf");
    receiver.set_recv_buffer_size(64 << 10).expect("rcvbuf");
    sender.set_nonblocking(true).expect("nonblocking");

    // Nobody reads yet: the transfer stops at EAGAIN with what fitted.
    let TransferError { errno, done } = sender.write_all(&data).expect_err("cannot all fit");
    assert_eq!(errno, Errno::EAGAIN);
    assert!(done > 0 && done < TOTAL, "{done}");

    // `done` is exact: the receiver gets exactly those bytes and no more
    // (the sender is paused, so nothing else can arrive).
    receiver
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("rcvtimeo");
    let mut first = vec![0u8; done];
    assert_eq!(
        receiver.read_exact(&mut first).map_err(|e| e.errno),
        Ok(done)
    );
    assert!(
        first == data[..done],
        "the first {done} bytes are the data's"
    );
    let mut probe = [0u8; 1];
    assert_eq!(
        receiver.read_within(&mut probe, Some(Duration::from_millis(200))),
        Err(Errno::ETIMEDOUT),
        "not one byte more than reported"
    );

    // Resume from `done` after each POLLOUT while a reader drains the rest.
    let reader = std::thread::spawn(move || {
        let mut hash = Fnv::new();
        let mut count = 0usize;
        let mut buf = vec![0u8; 1 << 16];
        loop {
            match receiver.read(&mut buf) {
                Ok(0) => return (count, hash),
                Ok(n) => {
                    count += n;
                    hash = hash.feed(&buf[..n]);
                }
                Err(e) => panic!("reader: {e}"),
            }
        }
    });
    let mut sent = done;
    let mut stops = 1;
    while sent < TOTAL {
        assert!(stops < 1_000_000, "bounded");
        let ready = poll::wait_ready(
            sender.as_raw_fd(),
            PollFlags::OUT,
            Some(Duration::from_secs(10)),
        )
        .expect("POLLOUT");
        assert!(ready.contains(PollFlags::OUT), "{ready:?}");
        match sender.write_all(&data[sent..]) {
            Ok(()) => sent = TOTAL,
            Err(TransferError { errno, done }) => {
                assert_eq!(errno, Errno::EAGAIN);
                sent += done;
                stops += 1;
            }
        }
    }
    sender
        .shutdown(sockcore::Shutdown::Write)
        .expect("shutdown");
    let (count, hash) = reader.join().expect("reader");
    assert_eq!(count, TOTAL - done, "every byte once");
    assert_eq!(hash, Fnv::new().feed(&data[done..]), "checksum intact");
    assert!(stops >= 2, "the transfer stopped more than once: {stops}");
}

/// The time-out convention every waiting call shares: `None` waits for
/// ever, zero checks once, a fraction of a millisecond rounds up to a real
/// wait, and time-outs past what one `poll` takes (`INT_MAX` ms) still wait
/// for readiness rather than failing or being cut to a check.
mod convention {
    use super::*;
    use sockcore::PollFd;

    /// Past `INT_MAX` milliseconds (about 24.8 days), and the longest there is.
    const LONG: [Duration; 2] = [Duration::from_secs(40 * 24 * 3600), Duration::MAX];

    /// Writes one byte to `b` after `after`, from a thread; the handle
    /// returns `b`, to keep the pair open until the caller is done. The
    /// delay only makes the reader wait in `poll` first; the results do not
    /// depend on it.
    fn write_later(b: Socket, after: Duration) -> std::thread::JoinHandle<Socket> {
        std::thread::spawn(move || {
            std::thread::sleep(after);
            b.write_all(b"x").expect("write");
            b
        })
    }

    #[test]
    fn zero_checks_once_without_waiting() {
        let (a, _b) = stream_pair();
        let mut fds = [PollFd::new(a.as_raw_fd(), PollFlags::IN)];
        let started = Instant::now();
        assert_eq!(poll::poll(&mut fds, Some(Duration::ZERO)), Ok(0));
        assert_eq!(
            poll::wait_ready(a.as_raw_fd(), PollFlags::IN, Some(Duration::ZERO)),
            Err(Errno::ETIMEDOUT)
        );
        assert!(started.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn a_fraction_of_a_millisecond_rounds_up_to_a_wait() {
        let (a, _b) = stream_pair();
        for tiny in [Duration::from_nanos(1), Duration::from_micros(300)] {
            let mut fds = [PollFd::new(a.as_raw_fd(), PollFlags::IN)];
            let started = Instant::now();
            assert_eq!(poll::poll(&mut fds, Some(tiny)), Ok(0));
            let waited = started.elapsed();
            // Rounded down to 0 it would return at once; up, it waits 1 ms.
            assert!(waited >= Duration::from_millis(1), "{tiny:?}: {waited:?}");
            times_out(0, || a.read_within(&mut [0u8; 1], Some(tiny)).map(drop));
        }
        // A deadline keeps the fraction: 1.5 ms is not 1 ms.
        let started = Instant::now();
        let result = a.read_within(&mut [0u8; 1], Some(Duration::from_micros(1_500)));
        assert_eq!(result, Err(Errno::ETIMEDOUT));
        assert!(started.elapsed() >= Duration::from_micros(1_500));
    }

    #[test]
    fn none_waits_until_ready() {
        let (a, b) = stream_pair();
        let writer = write_later(b, Duration::from_millis(50));
        let mut fds = [PollFd::new(a.as_raw_fd(), PollFlags::IN)];
        assert_eq!(poll::poll(&mut fds, None), Ok(1));
        assert_eq!(
            poll::wait_ready(a.as_raw_fd(), PollFlags::IN, None),
            Ok(PollFlags::IN)
        );
        let mut buf = [0u8; 1];
        assert_eq!(a.read_within(&mut buf, None), Ok(1));
        drop(writer.join().expect("writer"));
    }

    #[test]
    fn time_outs_past_one_poll_wait_for_readiness() {
        for long in LONG {
            let (a, b) = stream_pair();
            let writer = write_later(b, Duration::from_millis(50));
            let mut fds = [PollFd::new(a.as_raw_fd(), PollFlags::IN)];
            assert_eq!(poll::poll(&mut fds, Some(long)), Ok(1), "{long:?}");
            assert_eq!(
                poll::wait_ready(a.as_raw_fd(), PollFlags::IN, Some(long)),
                Ok(PollFlags::IN)
            );
            let mut buf = [0u8; 1];
            assert_eq!(a.read_within(&mut buf, Some(long)), Ok(1));
            assert_eq!(a.write_within(b"y", Some(long)), Ok(1));
            let b = writer.join().expect("writer");
            assert_eq!(b.read_within(&mut buf, Some(long)), Ok(1));

            let listener = Socket::listen_on("127.0.0.1:0", 1).expect("listen");
            let client =
                Socket::dial_addr(&listener.local_addr().expect("name"), Some(long)).expect("dial");
            let (_conn, peer) = listener
                .accept_within(SockFlags::empty(), Some(long))
                .expect("accept");
            assert_eq!(peer, client.local_addr().expect("name"));
        }
    }
}
