//! EINTR storms on every blocking call.
//!
//! A 1 ms per-thread timer raises SIGALRM on the thread in the call, whose
//! handler is installed without `SA_RESTART`, so a blocked system call
//! really returns `EINTR` (support/storm.rs, `TimerStorm`). Single calls
//! must report it and lose nothing; the loops that promise completion must
//! retry it; and a transfer both ways under the storm must arrive intact.
//!
//! Its own test binary: it installs a process-wide signal handler.

mod support;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use sockcore::poll::{poll, wait_ready};
use std::os::fd::AsRawFd;
use std::sync::Once;

use sockcore::{
    Domain, Epoll, EpollEvent, EpollFlags, Errno, IoSlice, IoSliceMut, MsgFlags, PollFd, PollFlags,
    SockFlags, Socket, Type,
};

use support::backlog::full_listener;
use support::blocked::{thread_id, wait_until_blocked_in};
use support::pattern::{pattern_bytes, PatternStream};
use support::sockets::{abstract_text, accepted_pair, bound_datagram, set_buffer, stream_pair};
use support::storm::TimerStorm;
use support::temp_dir::TempDir;

/// Signals a blocked loop must absorb before its peer lets it finish.
const HITS_BEFORE_RELEASE: u64 = 20;

/// Signals a 200 ms wait must absorb: one proves the retry; ten leave room
/// for a loaded machine that delivers far fewer than the 200 ticks.
const HITS_IN_A_TIMEOUT: u64 = 10;

/// Longest wait for a storm to land that many signals.
const HIT_WAIT: Duration = Duration::from_secs(10);

/// Runs `call` on this thread under a storm; returns its result and the
/// signals handled meanwhile.
fn interrupted<T>(call: impl FnOnce() -> sockcore::Result<T>) -> (sockcore::Result<T>, u64) {
    let storm = TimerStorm::arm();
    let result = call();
    let hits = storm.hits();
    drop(storm);
    (result, hits)
}

/// Waits until `hits` reaches `at_least`: the watched thread, blocked in a
/// call, has been interrupted that many times.
fn wait_for_hits(hits: &AtomicU64, at_least: u64) {
    let start = Instant::now();
    while hits.load(Ordering::Relaxed) < at_least {
        assert!(start.elapsed() < HIT_WAIT, "the storm never landed");
        thread::sleep(Duration::from_millis(1));
    }
}

/// Bytes waiting in `socket`'s receive queue (`FIONREAD`).
fn queued(socket: &Socket) -> libc::c_int {
    let mut bytes: libc::c_int = 0;
    // SAFETY: FIONREAD writes one int through the pointer, which is valid.
    let ret = unsafe { libc::ioctl(socket.as_raw_fd(), libc::FIONREAD, &mut bytes) };
    assert_eq!(ret, 0, "FIONREAD");
    bytes
}

/// Writes without blocking until `writer`'s send buffer is full and stays
/// full; returns the bytes written. The writer is left blocking.
///
/// A Unix sender's buffer frees only when the peer reads, so the first
/// `EAGAIN` is final. A TCP sender's frees when the peer acknowledges data
/// it accepted, so it is full for good once the peer's receive queue stops
/// growing: no write succeeds and nothing more arrives there for 20 ms.
fn fill_send_buffer(writer: &Socket, reader: &Socket) -> usize {
    let chunk = [0x5a_u8; 16 << 10];
    let tcp = writer.domain().unwrap() != Domain::UNIX;
    let mut total = 0;
    writer.set_nonblocking(true).unwrap();
    for _ in 0..1000 {
        loop {
            match writer.write(&chunk) {
                Ok(n) => total += n,
                Err(Errno::EAGAIN) => break,
                Err(e) => panic!("filling the send buffer: {e}"),
            }
        }
        let arrived = queued(reader);
        let mut entry = [PollFd::new(writer.as_raw_fd(), PollFlags::OUT)];
        if !tcp
            || (poll(&mut entry, Some(Duration::from_millis(20))).unwrap() == 0
                && queued(reader) == arrived)
        {
            writer.set_nonblocking(false).unwrap();
            return total;
        }
    }
    panic!("the send buffer never stayed full");
}

/// Reads exactly `expected` bytes and then finds nothing more queued.
fn drain_exactly(socket: &Socket, expected: usize) {
    let mut buf = vec![0u8; 64 << 10];
    let mut total = 0;
    while total < expected {
        let n = socket.read(&mut buf).expect("drain");
        assert_ne!(n, 0, "end of stream after {total} of {expected} bytes");
        total += n;
    }
    assert_eq!(total, expected);
    assert_eq!(
        socket.recv(&mut buf, MsgFlags::DONTWAIT),
        Err(Errno::EAGAIN)
    );
}

/// A tiny send buffer on `writer` and receive buffer on `reader`, so a full
/// pipe holds little.
fn small_buffers(writer: &Socket, reader: &Socket) {
    set_buffer(writer, libc::SO_SNDBUF, 16 << 10);
    set_buffer(reader, libc::SO_RCVBUF, 16 << 10);
}

/// Asserts one interrupted call reported exactly `EINTR`.
fn assert_eintr<T: std::fmt::Debug>(case: &str, (result, hits): (sockcore::Result<T>, u64)) {
    assert_eq!(result.unwrap_err(), Errno::EINTR, "{case}");
    assert!(hits >= 1, "{case}: no signal landed");
}

fn accept_case() {
    let listener = Socket::listen_on("127.0.0.1:0", 4).unwrap();
    assert_eintr(
        "accept",
        interrupted(|| listener.accept(SockFlags::empty())),
    );
    // The listener still serves the next client.
    let client = Socket::dial_addr(
        &listener.local_addr().unwrap(),
        Some(Duration::from_secs(1)),
    )
    .unwrap();
    let (_conn, peer) = listener.accept(SockFlags::empty()).unwrap();
    assert_eq!(peer, client.local_addr().unwrap());
}

fn accept_only_case() {
    let listener = Socket::listen_on(&abstract_text("eintr-accept-only"), 4).unwrap();
    assert_eintr(
        "accept_only",
        interrupted(|| listener.accept_only(SockFlags::empty())),
    );
    let _client = Socket::dial_addr(
        &listener.local_addr().unwrap(),
        Some(Duration::from_secs(1)),
    )
    .unwrap();
    listener.accept_only(SockFlags::empty()).unwrap();
}

fn connect_case(listen: &str, domain: Domain) {
    let full = full_listener(listen);
    let socket = Socket::new(domain, Type::STREAM, SockFlags::empty()).unwrap();
    assert_eintr("connect", interrupted(|| socket.connect(&full.addr)));
}

fn read_case() {
    let (a, b) = accepted_pair("127.0.0.1:0");
    let mut buf = [0u8; 16];
    assert_eintr("read", interrupted(|| a.read(&mut buf)));
    b.write_all(b"after").unwrap();
    assert_eq!(a.read(&mut buf), Ok(5));
    assert_eq!(&buf[..5], b"after");
}

fn recv_case() {
    let (a, b) = stream_pair();
    let mut buf = [0u8; 16];
    assert_eintr("recv", interrupted(|| a.recv(&mut buf, MsgFlags::empty())));
    b.write_all(b"after").unwrap();
    assert_eq!(a.recv(&mut buf, MsgFlags::empty()), Ok(5));
    assert_eq!(&buf[..5], b"after");
}

fn peek_case() {
    let (a, b) = stream_pair();
    let mut buf = [0u8; 16];
    assert_eintr("peek", interrupted(|| a.peek(&mut buf)));
    b.write_all(b"after").unwrap();
    assert_eq!(a.peek(&mut buf), Ok(5));
    assert_eq!(a.read(&mut buf), Ok(5));
    assert_eq!(&buf[..5], b"after");
}

fn recv_from_case(bind: &str) {
    let (receiver, _) = bound_datagram(bind);
    let (sender, _) = bound_datagram(bind);
    let mut buf = [0u8; 16];
    assert_eintr(
        "recv_from",
        interrupted(|| receiver.recv_from(&mut buf, MsgFlags::empty())),
    );
    let to = receiver.local_addr().unwrap();
    assert_eq!(sender.send_to(b"dgram", MsgFlags::empty(), &to), Ok(5));
    let (n, from) = receiver.recv_from(&mut buf, MsgFlags::empty()).unwrap();
    assert_eq!((n, &buf[..5]), (5, &b"dgram"[..]));
    assert_eq!(from, sender.local_addr().unwrap());
}

fn read_vectored_case() {
    let (a, b) = accepted_pair("[::1]:0");
    let (mut head, mut tail) = ([0u8; 2], [0u8; 8]);
    assert_eintr(
        "read_vectored",
        interrupted(|| {
            a.read_vectored(&mut [IoSliceMut::new(&mut head), IoSliceMut::new(&mut tail)])
        }),
    );
    b.write_all(b"after").unwrap();
    let n = a
        .read_vectored(&mut [IoSliceMut::new(&mut head), IoSliceMut::new(&mut tail)])
        .unwrap();
    assert_eq!((n, &head[..], &tail[..3]), (5, &b"af"[..], &b"ter"[..]));
}

/// A write into a full buffer: `EINTR`, and the peer then finds exactly the
/// bytes written before it.
fn write_case(
    name: &str,
    (writer, reader): (Socket, Socket),
    write: impl FnOnce(&Socket) -> sockcore::Result<usize>,
) {
    small_buffers(&writer, &reader);
    let filled = fill_send_buffer(&writer, &reader);
    assert_eintr(name, interrupted(|| write(&writer)));
    drain_exactly(&reader, filled);
}

fn poll_case() {
    let (a, _b) = stream_pair();
    let mut entry = [PollFd::new(a.as_raw_fd(), PollFlags::IN)];
    assert_eintr("poll", interrupted(|| poll(&mut entry, None)));
    assert_eq!(entry[0].revents(), PollFlags::empty());
}

fn epoll_wait_case() {
    let (a, b) = stream_pair();
    let epoll = Epoll::new().unwrap();
    epoll.add(a.as_raw_fd(), EpollFlags::IN, 9).unwrap();
    let mut events = [EpollEvent::default(); 4];
    assert_eintr("epoll wait", interrupted(|| epoll.wait(&mut events, None)));
    // Longer than one epoll_wait waits: the rounds report it too.
    let forty_days = Some(Duration::from_secs(40 * 24 * 3600));
    assert_eintr(
        "epoll wait, 40 days",
        interrupted(|| epoll.wait(&mut events, forty_days)),
    );
    // The entry still reports.
    b.write_all(b"x").unwrap();
    assert_eq!(epoll.wait(&mut events, None), Ok(1));
    assert_eq!(events[0].data(), 9);
}

/// `send_file` into a full buffer: `EINTR`, the offset where it was, and
/// the peer finds exactly the bytes written before it.
fn send_file_case() {
    let dir = TempDir::new("eintr-sendfile");
    let file = dir.file_holding("data", &CHUNK);
    let (writer, reader) = accepted_pair("127.0.0.1:0");
    small_buffers(&writer, &reader);
    let filled = fill_send_buffer(&writer, &reader);
    let mut offset = 100;
    assert_eintr(
        "send_file",
        interrupted(|| writer.send_file(file.as_raw_fd(), &mut offset, CHUNK.len())),
    );
    assert_eq!(offset, 100, "moved by an interrupted call");
    drain_exactly(&reader, filled);
}

/// What a single write offers to a full buffer.
static CHUNK: [u8; 64 << 10] = [0xa5; 64 << 10];

#[test]
fn single_calls_report_eintr_and_lose_nothing() {
    let cases: [(&str, fn()); 16] = [
        ("accept, TCP", accept_case),
        ("accept_only, Unix", accept_only_case),
        ("connect, TCP, full backlog", || {
            connect_case("127.0.0.1:0", Domain::IPV4)
        }),
        ("connect, Unix, full backlog", || {
            connect_case(&abstract_text("eintr-connect"), Domain::UNIX)
        }),
        ("read, TCP", read_case),
        ("recv, Unix", recv_case),
        ("peek, Unix", peek_case),
        ("recv_from, UDP IPv4", || recv_from_case("127.0.0.1:0")),
        ("recv_from, UDP IPv6", || recv_from_case("[::1]:0")),
        ("read_vectored, TCP IPv6", read_vectored_case),
        ("write, TCP, full buffer", || {
            write_case("write", accepted_pair("127.0.0.1:0"), |s| s.write(&CHUNK))
        }),
        ("send, Unix, full buffer", || {
            write_case("send", stream_pair(), |s| s.send(&CHUNK, MsgFlags::empty()))
        }),
        ("write_vectored, Unix, full buffer", || {
            write_case("write_vectored", stream_pair(), |s| {
                s.write_vectored(&[IoSlice::new(&CHUNK), IoSlice::new(&CHUNK)])
            })
        }),
        ("poll, no timeout", poll_case),
        ("epoll wait, no timeout", epoll_wait_case),
        ("send_file, TCP, full buffer", send_file_case),
    ];
    let tried = cases.len();
    let mut held = 0;
    for (name, case) in cases {
        case();
        held += 1;
        println!("eintr single call: {name}: EINTR, nothing lost");
    }
    println!("eintr single calls: {tried} cases, {held} held");
    assert_eq!(held, tried);
}

/// Runs `call` on a new thread under a storm; once the storm has landed
/// `HITS_BEFORE_RELEASE` signals there, runs `release` here; returns what
/// `call` returned and the signals it absorbed.
fn retried<T: Send + 'static>(
    call: impl FnOnce() -> T + Send + 'static,
    release: impl FnOnce(),
) -> (T, u64) {
    let (counter_tx, counter_rx) = mpsc::channel();
    let worker = thread::spawn(move || {
        let storm = TimerStorm::arm();
        counter_tx.send(storm.counter()).unwrap();
        let result = call();
        (result, storm.hits())
    });
    let hits = counter_rx.recv().unwrap();
    wait_for_hits(&hits, HITS_BEFORE_RELEASE);
    release();
    let (result, hits) = worker.join().unwrap();
    assert!(hits >= HITS_BEFORE_RELEASE, "only {hits} signals landed");
    (result, hits)
}

const LOOP_BYTES: usize = 4 << 20;

/// What the reader already holds when the storm starts: it is then blocked
/// in the middle of its transfer, not before it.
const HEAD: usize = 1000;

fn read_exact_case() -> u64 {
    let (a, b) = accepted_pair("127.0.0.1:0");
    let data = pattern_bytes(1, LOOP_BYTES);
    b.write_all(&data[..HEAD]).unwrap();
    let ((result, got), hits) = retried(
        move || {
            let mut got = vec![0u8; LOOP_BYTES];
            (a.read_exact(&mut got), got)
        },
        || b.write_all(&data[HEAD..]).unwrap(),
    );
    assert_eq!(result, Ok(LOOP_BYTES));
    assert_eq!(PatternStream::new(1).check(&got), Ok(()));
    hits
}

fn write_all_case() -> u64 {
    let (a, b) = stream_pair();
    small_buffers(&a, &b);
    let data = pattern_bytes(2, LOOP_BYTES);
    let mut got = vec![0u8; LOOP_BYTES];
    let (result, hits) = retried(
        move || a.write_all(&data),
        || assert_eq!(b.read_exact(&mut got), Ok(LOOP_BYTES)),
    );
    assert_eq!(result, Ok(()));
    assert_eq!(PatternStream::new(2).check(&got), Ok(()));
    hits
}

fn write_all_vectored_case() -> u64 {
    let (a, b) = accepted_pair("127.0.0.1:0");
    small_buffers(&a, &b);
    let data = pattern_bytes(3, LOOP_BYTES);
    let mut got = vec![0u8; LOOP_BYTES];
    let (result, hits) = retried(
        move || {
            let (first, rest) = data.split_at(LOOP_BYTES / 3);
            let (second, third) = rest.split_at(LOOP_BYTES / 3);
            let mut slices = [
                IoSlice::new(first),
                IoSlice::new(second),
                IoSlice::new(third),
            ];
            let mut bufs = &mut slices[..];
            a.write_all_vectored(&mut bufs).map(|()| bufs.len())
        },
        || assert_eq!(b.read_exact(&mut got), Ok(LOOP_BYTES)),
    );
    assert_eq!(result, Ok(0), "slices left");
    assert_eq!(PatternStream::new(3).check(&got), Ok(()));
    hits
}

fn send_file_all_case() -> u64 {
    let dir = TempDir::new("eintr-sendfile-all");
    let data = pattern_bytes(4, LOOP_BYTES);
    let file = dir.file_holding("data", &data);
    let (a, b) = accepted_pair("127.0.0.1:0");
    small_buffers(&a, &b);
    let fd = file.as_raw_fd();
    let mut got = vec![0u8; LOOP_BYTES];
    let ((result, offset), hits) = retried(
        move || {
            let mut offset = 0;
            (a.send_file_all(fd, &mut offset, LOOP_BYTES), offset)
        },
        || assert_eq!(b.read_exact(&mut got), Ok(LOOP_BYTES)),
    );
    drop(file);
    assert_eq!(result, Ok(LOOP_BYTES));
    assert_eq!(offset, LOOP_BYTES as u64);
    assert_eq!(PatternStream::new(4).check(&got), Ok(()));
    hits
}

fn wait_ready_case() -> u64 {
    let (a, b) = stream_pair();
    let fd = a.as_raw_fd();
    let (result, hits) = retried(
        move || wait_ready(fd, PollFlags::IN, Some(Duration::from_secs(10))),
        || b.write_all(b"x").unwrap(),
    );
    assert_eq!(result, Ok(PollFlags::IN));
    hits
}

/// Runs a call that should wait out `timeout` under a storm: it must end
/// with `ETIMEDOUT` on time, not early with `EINTR`.
fn times_out_case<T: std::fmt::Debug>(
    timeout: Duration,
    call: impl FnOnce(Option<Duration>) -> sockcore::Result<T>,
) -> u64 {
    let start = Instant::now();
    let (result, hits) = interrupted(|| call(Some(timeout)));
    let elapsed = start.elapsed();
    assert_eq!(result.unwrap_err(), Errno::ETIMEDOUT);
    assert!(elapsed >= timeout, "{elapsed:?}: early");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}: late");
    assert!(hits >= HITS_IN_A_TIMEOUT, "only {hits} signals landed");
    hits
}

fn wait_ready_timeout_case() -> u64 {
    let (a, _b) = stream_pair();
    times_out_case(Duration::from_millis(200), |timeout| {
        wait_ready(a.as_raw_fd(), PollFlags::IN, timeout)
    })
}

fn dial_timeout_case(listen: &str) -> u64 {
    let full = full_listener(listen);
    times_out_case(Duration::from_millis(200), |timeout| {
        Socket::dial_addr(&full.addr, timeout)
    })
}

#[test]
fn loops_retry_eintr() {
    let cases: [(&str, &dyn Fn() -> u64); 8] = [
        ("read_exact, TCP", &read_exact_case),
        ("write_all, Unix", &write_all_case),
        ("write_all_vectored, TCP", &write_all_vectored_case),
        ("send_file_all, TCP", &send_file_all_case),
        ("wait_ready, data arrives", &wait_ready_case),
        ("wait_ready, 200 ms time-out", &wait_ready_timeout_case),
        ("dial, TCP IPv4, full backlog, 200 ms", &|| {
            dial_timeout_case("127.0.0.1:0")
        }),
        ("dial, TCP IPv6, full backlog, 200 ms", &|| {
            dial_timeout_case("[::1]:0")
        }),
    ];
    let mut held = 0;
    for (name, case) in cases {
        let hits = case();
        held += 1;
        println!("eintr loop: {name}: completed through {hits} signals");
    }
    println!("eintr loops: {} cases, {held} held", cases.len());
    assert_eq!(held, cases.len());
}

const TRANSFER_BYTES: usize = 16 << 20;

/// Chunk sizes that wander between 1 byte and 96 KiB.
fn chunk_size(i: usize) -> usize {
    1 + (i.wrapping_mul(7919) ^ (i >> 3)) % (96 << 10)
}

/// Sends the stream `seed` with `write_all` in 1 MiB pieces.
fn send_write_all(socket: &Socket, seed: u64) -> (u64, u64) {
    let storm = TimerStorm::arm();
    let mut stream = PatternStream::new(seed);
    let mut piece = vec![0u8; 1 << 20];
    while stream.position() < TRANSFER_BYTES as u64 {
        stream.fill(&mut piece);
        socket.write_all(&piece).expect("write_all");
    }
    (stream.checksum(), storm.hits())
}

/// Sends the stream `seed` with `write_all_vectored`, three slices a piece.
fn send_vectored(socket: &Socket, seed: u64) -> (u64, u64) {
    let storm = TimerStorm::arm();
    let mut stream = PatternStream::new(seed);
    let mut piece = vec![0u8; 1 << 20];
    let mut i = 0;
    while stream.position() < TRANSFER_BYTES as u64 {
        stream.fill(&mut piece);
        let (first, rest) = piece.split_at(chunk_size(i));
        let (second, third) = rest.split_at(chunk_size(i + 1));
        let mut slices = [
            IoSlice::new(first),
            IoSlice::new(second),
            IoSlice::new(third),
        ];
        socket
            .write_all_vectored(&mut &mut slices[..])
            .expect("write_all_vectored");
        i += 2;
    }
    (stream.checksum(), storm.hits())
}

/// Receives the stream `seed` with `read_exact` in wandering sizes.
fn receive_read_exact(socket: &Socket, seed: u64) -> (u64, u64) {
    let storm = TimerStorm::arm();
    let mut stream = PatternStream::new(seed);
    let mut buf = vec![0u8; 96 << 10];
    let mut i = 0;
    while stream.position() < TRANSFER_BYTES as u64 {
        let want = chunk_size(i).min(TRANSFER_BYTES - stream.position() as usize);
        let got = socket.read_exact(&mut buf[..want]).expect("read_exact");
        assert_eq!(got, want, "end of stream");
        stream
            .check(&buf[..got])
            .expect("read_exact: wrong byte at offset");
        i += 1;
    }
    (stream.checksum(), storm.hits())
}

/// Receives the stream `seed` one `read_vectored` at a time, retrying the
/// `EINTR`s it sees itself; returns them as the third figure.
fn receive_read_vectored(socket: &Socket, seed: u64) -> (u64, u64, u64) {
    let storm = TimerStorm::arm();
    let mut stream = PatternStream::new(seed);
    let (mut head, mut tail) = (vec![0u8; 4 << 10], vec![0u8; 60 << 10]);
    let mut eintr = 0;
    while stream.position() < TRANSFER_BYTES as u64 {
        match socket.read_vectored(&mut [IoSliceMut::new(&mut head), IoSliceMut::new(&mut tail)]) {
            Ok(0) => panic!("end of stream at {}", stream.position()),
            Ok(n) => {
                let in_head = n.min(head.len());
                stream
                    .check(&head[..in_head])
                    .expect("read_vectored: wrong byte at offset");
                stream
                    .check(&tail[..n - in_head])
                    .expect("read_vectored: wrong byte at offset");
            }
            Err(Errno::EINTR) => eintr += 1,
            Err(e) => panic!("read_vectored: {e}"),
        }
    }
    (stream.checksum(), storm.hits(), eintr)
}

#[test]
fn transfer_both_ways_under_storm() {
    let (a, b) = accepted_pair("127.0.0.1:0");
    let start = Instant::now();
    let (forward, backward) = thread::scope(|s| {
        let send_ab = s.spawn(|| send_write_all(&a, 10));
        let recv_ab = s.spawn(|| receive_read_exact(&b, 10));
        let send_ba = s.spawn(|| send_vectored(&b, 20));
        let recv_ba = s.spawn(|| receive_read_vectored(&a, 20));
        (
            (send_ab.join().unwrap(), recv_ab.join().unwrap()),
            (send_ba.join().unwrap(), recv_ba.join().unwrap()),
        )
    });
    let elapsed = start.elapsed();
    let ((sent_ab, send_hits_ab), (got_ab, recv_hits_ab)) = forward;
    let ((sent_ba, send_hits_ba), (got_ba, recv_hits_ba, eintr_seen)) = backward;
    assert_eq!(sent_ab, got_ab, "A to B checksum");
    assert_eq!(sent_ba, got_ba, "B to A checksum");
    for hits in [send_hits_ab, recv_hits_ab, send_hits_ba, recv_hits_ba] {
        assert!(hits >= 1, "a thread of the transfer saw no signal");
    }
    println!(
        "eintr transfer: 2 x {} MiB over TCP in {elapsed:?}; checksums {sent_ab:016x} and \
         {sent_ba:016x} intact; signals handled: write_all {send_hits_ab}, read_exact \
         {recv_hits_ab}, write_all_vectored {send_hits_ba}, read_vectored {recv_hits_ba} \
         ({eintr_seen} EINTR returns retried by the test)",
        TRANSFER_BYTES >> 20
    );
}

extern "C" fn ignore_signal(_: libc::c_int) {}

/// `epoll_wait` is never restarted: a signal whose handler has
/// `SA_RESTART` still ends it with `EINTR` (signal(7)), and `Epoll::wait`
/// reports that as it is.
#[test]
fn epoll_wait_reports_eintr_even_with_sa_restart() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // SAFETY: an all-zero sigaction is valid; the fields are set below.
        let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
        action.sa_sigaction = ignore_signal as *const () as libc::sighandler_t;
        action.sa_flags = libc::SA_RESTART;
        // SAFETY: sa_mask is a valid sigset_t; the handler does nothing and
        // lives as long as the process.
        let ret = unsafe {
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(libc::SIGUSR2, &action, std::ptr::null_mut())
        };
        assert_eq!(ret, 0, "sigaction(SIGUSR2)");
    });
    let (a, _b) = stream_pair();
    let epoll = Epoll::new().unwrap();
    epoll.add(a.as_raw_fd(), EpollFlags::IN, 0).unwrap();
    let (tid_tx, tid_rx) = mpsc::channel();
    let result = thread::scope(|scope| {
        let epoll = &epoll;
        let waiter = scope.spawn(move || {
            tid_tx.send(thread_id()).unwrap();
            let mut events = [EpollEvent::default(); 4];
            epoll.wait(&mut events, None)
        });
        let tid = tid_rx.recv().unwrap();
        wait_until_blocked_in(tid, "do_epoll_wait");
        // SAFETY: tgkill takes integers; the thread is ours and not joined.
        let sent = unsafe { libc::syscall(libc::SYS_tgkill, libc::getpid(), tid, libc::SIGUSR2) };
        assert_eq!(sent, 0);
        waiter.join().unwrap()
    });
    assert_eq!(result, Err(Errno::EINTR));
}
