//! EINTR storms on every blocking call.
//!
//! A 1 ms timer raises SIGALRM, whose handler is installed without
//! `SA_RESTART`, so a blocked system call really returns `EINTR`. Single
//! calls must report it and lose nothing; the loops that promise completion
//! must retry it; and a transfer both ways under the storm must arrive
//! intact.
//!
//! The timers are POSIX per-thread timers (`timer_create` with
//! `SIGEV_THREAD_ID`) rather than `setitimer(ITIMER_REAL)`: the latter sends a
//! process-wide signal that the kernel gives to any thread not blocking it,
//! most often the test harness's main thread, so the call under test would
//! rarely see it. A per-thread timer hits exactly the thread in the call.
//! This file is its own test binary because it installs a process-wide
//! signal handler.

#[path = "fault_support/backlog.rs"]
mod backlog;
#[path = "fault_support/pattern.rs"]
mod pattern;

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Once};
use std::thread;
use std::time::{Duration, Instant};

use backlog::full_listener;
use pattern::PatternStream;
use sockcore::poll::{poll, wait_ready};
use sockcore::{
    Domain, Errno, IoSlice, IoSliceMut, MsgFlags, PollFd, PollFlags, SockFlags, Socket, SocketAddr,
    Type,
};

/// The storm's period.
const TICK_NS: libc::c_long = 1_000_000;

/// Signals a blocked loop must absorb before its peer lets it finish.
const HITS_BEFORE_RELEASE: u64 = 20;

/// Signals a 200 ms wait must absorb: one proves the retry; ten leave room
/// for a loaded machine that delivers far fewer than the 200 ticks.
const HITS_IN_A_TIMEOUT: u64 = 10;

/// Longest wait for a storm to land that many signals.
const HIT_WAIT: Duration = Duration::from_secs(10);

thread_local! {
    /// The counter of the storm armed on this thread, or null.
    static STORM_HITS: Cell<*const AtomicU64> = const { Cell::new(std::ptr::null()) };
}

extern "C" fn on_alarm(_: libc::c_int) {
    let hits = STORM_HITS.with(Cell::get);
    if !hits.is_null() {
        // SAFETY: a Storm points this thread's slot at the counter it holds
        // and clears the slot (with SIGALRM blocked) before letting it go.
        unsafe { &*hits }.fetch_add(1, Ordering::Relaxed);
    }
}

/// Installs the SIGALRM handler, without `SA_RESTART`, once per process.
fn install_handler() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // SAFETY: an all-zero sigaction is valid; the fields are set below.
        let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
        action.sa_sigaction = on_alarm as extern "C" fn(libc::c_int) as libc::sighandler_t;
        action.sa_flags = 0;
        // SAFETY: sa_mask is a valid sigset_t; the handler is
        // async-signal-safe (a thread-local read and an atomic add) and
        // lives as long as the process.
        let ret = unsafe {
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(libc::SIGALRM, &action, std::ptr::null_mut())
        };
        assert_eq!(ret, 0, "sigaction(SIGALRM)");
    });
}

/// A 1 ms timer raising SIGALRM on the thread that armed it, until dropped.
struct Storm {
    timer: libc::timer_t,
    hits: Arc<AtomicU64>,
}

impl Storm {
    fn arm() -> Storm {
        install_handler();
        let hits = Arc::new(AtomicU64::new(0));
        STORM_HITS.with(|slot| slot.set(Arc::as_ptr(&hits)));
        // SAFETY: an all-zero sigevent is valid; the fields are set below.
        let mut event: libc::sigevent = unsafe { std::mem::zeroed() };
        event.sigev_notify = libc::SIGEV_THREAD_ID;
        event.sigev_signo = libc::SIGALRM;
        // SAFETY: gettid has no preconditions.
        event.sigev_notify_thread_id = unsafe { libc::gettid() };
        let mut timer: libc::timer_t = std::ptr::null_mut();
        // SAFETY: event and timer are valid for the call.
        let ret = unsafe { libc::timer_create(libc::CLOCK_MONOTONIC, &mut event, &mut timer) };
        assert_eq!(ret, 0, "timer_create");
        let tick = libc::timespec {
            tv_sec: 0,
            tv_nsec: TICK_NS,
        };
        let period = libc::itimerspec {
            it_interval: tick,
            it_value: tick,
        };
        // SAFETY: timer was just created; period is a valid itimerspec.
        let ret = unsafe { libc::timer_settime(timer, 0, &period, std::ptr::null_mut()) };
        assert_eq!(ret, 0, "timer_settime");
        Storm { timer, hits }
    }

    /// The counter of signals handled, for another thread to watch.
    fn counter(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.hits)
    }

    fn hits(&self) -> u64 {
        self.hits.load(Ordering::Relaxed)
    }
}

impl Drop for Storm {
    /// Stops the timer and discards a signal still pending, so the thread's
    /// next call is not interrupted by a storm that has ended.
    fn drop(&mut self) {
        // SAFETY: the timer is ours and deleted once; the signal set is a
        // local; sigtimedwait with a zero timeout only takes a pending
        // SIGALRM of this thread (blocked here, so it cannot run the handler).
        unsafe {
            libc::timer_delete(self.timer);
            let mut alarm: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut alarm);
            libc::sigaddset(&mut alarm, libc::SIGALRM);
            libc::pthread_sigmask(libc::SIG_BLOCK, &alarm, std::ptr::null_mut());
            let zero = libc::timespec {
                tv_sec: 0,
                tv_nsec: 0,
            };
            while libc::sigtimedwait(&alarm, std::ptr::null_mut(), &zero) == libc::SIGALRM {}
            STORM_HITS.with(|slot| slot.set(std::ptr::null()));
            libc::pthread_sigmask(libc::SIG_UNBLOCK, &alarm, std::ptr::null_mut());
        }
    }
}

/// Runs `call` on this thread under a storm; returns its result and the
/// signals handled meanwhile.
fn interrupted<T>(call: impl FnOnce() -> sockcore::Result<T>) -> (sockcore::Result<T>, u64) {
    let storm = Storm::arm();
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

fn unique_abstract(tag: &str) -> String {
    format!("unix:@sockcore-fault-eintr-{}-{tag}", std::process::id())
}

/// A connected TCP pair over loopback (`127.0.0.1:0` or `[::1]:0`).
fn tcp_pair(listen: &str) -> (Socket, Socket) {
    let listener = Socket::listen_on(listen, 1).expect("listen_on");
    let client = Socket::dial_addr(&listener.local_addr().unwrap(), 1000).expect("dial");
    let (server, _) = listener.accept(SockFlags::empty()).expect("accept");
    (client, server)
}

fn unix_pair() -> (Socket, Socket) {
    Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).expect("socketpair")
}

fn set_buffer(socket: &Socket, option: libc::c_int, bytes: libc::c_int) {
    socket
        .set_option_raw(libc::SOL_SOCKET, option, &bytes.to_ne_bytes())
        .expect("setsockopt");
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
        if !tcp || (poll(&mut entry, 20).unwrap() == 0 && queued(reader) == arrived) {
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
    let client = Socket::dial_addr(&listener.local_addr().unwrap(), 1000).unwrap();
    let (_conn, peer) = listener.accept(SockFlags::empty()).unwrap();
    assert_eq!(peer, client.local_addr().unwrap());
}

fn accept_only_case() {
    let listener = Socket::listen_on(&unique_abstract("accept-only"), 4).unwrap();
    assert_eintr(
        "accept_only",
        interrupted(|| listener.accept_only(SockFlags::empty())),
    );
    let _client = Socket::dial_addr(&listener.local_addr().unwrap(), 1000).unwrap();
    listener.accept_only(SockFlags::empty()).unwrap();
}

fn connect_case(listen: &str, domain: Domain) {
    let full = full_listener(listen);
    let socket = Socket::new(domain, Type::STREAM, SockFlags::empty()).unwrap();
    assert_eintr("connect", interrupted(|| socket.connect(&full.addr)));
}

fn read_case() {
    let (a, b) = tcp_pair("127.0.0.1:0");
    let mut buf = [0u8; 16];
    assert_eintr("read", interrupted(|| a.read(&mut buf)));
    b.write_all(b"after").unwrap();
    assert_eq!(a.read(&mut buf), Ok(5));
    assert_eq!(&buf[..5], b"after");
}

fn recv_case() {
    let (a, b) = unix_pair();
    let mut buf = [0u8; 16];
    assert_eintr("recv", interrupted(|| a.recv(&mut buf, MsgFlags::empty())));
    b.write_all(b"after").unwrap();
    assert_eq!(a.recv(&mut buf, MsgFlags::empty()), Ok(5));
    assert_eq!(&buf[..5], b"after");
}

fn peek_case() {
    let (a, b) = unix_pair();
    let mut buf = [0u8; 16];
    assert_eintr("peek", interrupted(|| a.peek(&mut buf)));
    b.write_all(b"after").unwrap();
    assert_eq!(a.peek(&mut buf), Ok(5));
    assert_eq!(a.read(&mut buf), Ok(5));
    assert_eq!(&buf[..5], b"after");
}

fn recv_from_case(bind: &str) {
    let addr = SocketAddr::parse(bind).unwrap();
    let receiver = Socket::new(Domain::for_addr(&addr), Type::DGRAM, SockFlags::empty()).unwrap();
    receiver.bind(&addr).unwrap();
    let sender = Socket::new(Domain::for_addr(&addr), Type::DGRAM, SockFlags::empty()).unwrap();
    sender.bind(&addr).unwrap();
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
    let (a, b) = tcp_pair("[::1]:0");
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
    let (a, _b) = unix_pair();
    let mut entry = [PollFd::new(a.as_raw_fd(), PollFlags::IN)];
    assert_eintr("poll", interrupted(|| poll(&mut entry, -1)));
    assert_eq!(entry[0].revents(), PollFlags::empty());
}

/// What a single write offers to a full buffer.
static CHUNK: [u8; 64 << 10] = [0xa5; 64 << 10];

#[test]
fn single_calls_report_eintr_and_lose_nothing() {
    let cases: [(&str, fn()); 14] = [
        ("accept, TCP", accept_case),
        ("accept_only, Unix", accept_only_case),
        ("connect, TCP, full backlog", || {
            connect_case("127.0.0.1:0", Domain::IPV4)
        }),
        ("connect, Unix, full backlog", || {
            connect_case(&unique_abstract("connect"), Domain::UNIX)
        }),
        ("read, TCP", read_case),
        ("recv, Unix", recv_case),
        ("peek, Unix", peek_case),
        ("recv_from, UDP IPv4", || recv_from_case("127.0.0.1:0")),
        ("recv_from, UDP IPv6", || recv_from_case("[::1]:0")),
        ("read_vectored, TCP IPv6", read_vectored_case),
        ("write, TCP, full buffer", || {
            write_case("write", tcp_pair("127.0.0.1:0"), |s| s.write(&CHUNK))
        }),
        ("send, Unix, full buffer", || {
            write_case("send", unix_pair(), |s| s.send(&CHUNK, MsgFlags::empty()))
        }),
        ("write_vectored, Unix, full buffer", || {
            write_case("write_vectored", unix_pair(), |s| {
                s.write_vectored(&[IoSlice::new(&CHUNK), IoSlice::new(&CHUNK)])
            })
        }),
        ("poll, no timeout", poll_case),
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
        let storm = Storm::arm();
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

fn pattern_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut data = vec![0u8; len];
    PatternStream::new(seed).fill(&mut data);
    data
}

/// What the reader already holds when the storm starts: it is then blocked
/// in the middle of its transfer, not before it.
const HEAD: usize = 1000;

fn read_exact_case() -> u64 {
    let (a, b) = tcp_pair("127.0.0.1:0");
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
    let (a, b) = unix_pair();
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
    let (a, b) = tcp_pair("127.0.0.1:0");
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

fn wait_ready_case() -> u64 {
    let (a, b) = unix_pair();
    let fd = a.as_raw_fd();
    let (result, hits) = retried(
        move || wait_ready(fd, PollFlags::IN, 10_000),
        || b.write_all(b"x").unwrap(),
    );
    assert_eq!(result, Ok(PollFlags::IN));
    hits
}

/// Runs a call that should wait out `timeout_ms` under a storm: it must end
/// with `ETIMEDOUT` on time, not early with `EINTR`.
fn times_out_case<T: std::fmt::Debug>(
    timeout_ms: u64,
    call: impl FnOnce() -> sockcore::Result<T>,
) -> u64 {
    let start = Instant::now();
    let (result, hits) = interrupted(call);
    let elapsed = start.elapsed();
    assert_eq!(result.unwrap_err(), Errno::ETIMEDOUT);
    // Deadlines are kept in whole milliseconds, so allow one less.
    assert!(
        elapsed >= Duration::from_millis(timeout_ms - 1),
        "{elapsed:?}: early"
    );
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}: late");
    assert!(hits >= HITS_IN_A_TIMEOUT, "only {hits} signals landed");
    hits
}

fn wait_ready_timeout_case() -> u64 {
    let (a, _b) = unix_pair();
    times_out_case(200, || wait_ready(a.as_raw_fd(), PollFlags::IN, 200))
}

fn dial_timeout_case(listen: &str) -> u64 {
    let full = full_listener(listen);
    times_out_case(200, || Socket::dial_addr(&full.addr, 200))
}

#[test]
fn loops_retry_eintr() {
    let cases: [(&str, &dyn Fn() -> u64); 7] = [
        ("read_exact, TCP", &read_exact_case),
        ("write_all, Unix", &write_all_case),
        ("write_all_vectored, TCP", &write_all_vectored_case),
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
    let storm = Storm::arm();
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
    let storm = Storm::arm();
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
    let storm = Storm::arm();
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
    let storm = Storm::arm();
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
    let (a, b) = tcp_pair("127.0.0.1:0");
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
