//! `write_all`, `write_all_vectored` and `read_exact` of 32 MiB while both
//! ends are hit by a signal every millisecond, with a handler installed
//! without `SA_RESTART` so blocked calls really return `EINTR`; some runs
//! with a tiny `SO_SNDBUF` so the writer blocks (and is interrupted) often.
//! What arrives must checksum to what was sent.
//!
//! This file is its own test binary because it installs a process-wide
//! signal handler.

use std::os::unix::thread::{JoinHandleExt, RawPthread};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Once};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use sockcore::{Domain, Errno, IoSlice, SockFlags, Socket, TransferError, Type};

const TOTAL: usize = 32 << 20;
/// Upper bound on the storm's ticks (about 1 ms each): far beyond what a
/// transfer needs, so a hung transfer still ends the storm.
const MAX_TICKS: u32 = 30_000;

static HANDLED: AtomicUsize = AtomicUsize::new(0);

extern "C" fn count_signal(_: libc::c_int) {
    HANDLED.fetch_add(1, Ordering::Relaxed);
}

/// Installs the SIGUSR1 handler, without `SA_RESTART`, once per process.
fn install_handler() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // SAFETY: an all-zero sigaction is valid; the fields are set below.
        let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
        action.sa_sigaction = count_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
        action.sa_flags = 0;
        // SAFETY: sa_mask is a valid sigset_t to clear; the action and its
        // handler (async-signal-safe: one atomic add) outlive the process.
        let ret = unsafe {
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(libc::SIGUSR1, &action, std::ptr::null_mut())
        };
        assert_eq!(ret, 0, "sigaction(SIGUSR1)");
    });
}

/// A thread that sends SIGUSR1 to each target thread every millisecond
/// until stopped.
struct Storm {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<u32>>,
}

impl Storm {
    /// Every target must stay joinable (not yet joined) until `stop`.
    /// Targets are std's `RawPthread`, an integer on every Linux target and
    /// so `Send`; libc's `pthread_t` is a pointer on musl.
    fn start(targets: Vec<RawPthread>) -> Storm {
        install_handler();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = thread::spawn(move || {
            let mut ticks = 0;
            while ticks < MAX_TICKS && !flag.load(Ordering::Relaxed) {
                for &target in &targets {
                    // SAFETY: the target threads are not joined before the
                    // storm stops, so their pthread_t stay valid.
                    unsafe { libc::pthread_kill(target as libc::pthread_t, libc::SIGUSR1) };
                }
                // Pacing, not synchronisation: the storm's period.
                thread::sleep(Duration::from_millis(1));
                ticks += 1;
            }
            ticks
        });
        Storm {
            stop,
            thread: Some(thread),
        }
    }

    /// Stops the storm; returns how many ticks it ran.
    fn stop(mut self) -> u32 {
        self.stop.store(true, Ordering::Relaxed);
        let thread = self.thread.take().expect("joined once");
        thread.join().expect("the storm thread")
    }
}

impl Drop for Storm {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// 64-bit FNV-1a of `bytes`, continuing from `hash`.
fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `len` pseudo-random bytes (xorshift64), so reordering or loss shows.
fn pattern(len: usize) -> Vec<u8> {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut data = Vec::with_capacity(len + 8);
    while data.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        data.extend_from_slice(&state.to_le_bytes());
    }
    data.truncate(len);
    data
}

/// How the sender hands the data to the socket.
#[derive(Clone, Copy)]
enum Send {
    WriteAll,
    /// `write_all_vectored` over slices of 1 to `max` bytes.
    Vectored {
        max: usize,
    },
}

fn send(socket: &Socket, data: &[u8], how: Send) -> Result<(), TransferError> {
    match how {
        Send::WriteAll => socket.write_all(data),
        Send::Vectored { max } => {
            let mut slices = Vec::new();
            let mut rest = data;
            let mut size = 1;
            while !rest.is_empty() {
                let (head, tail) = rest.split_at(size.min(rest.len()));
                slices.push(IoSlice::new(head));
                rest = tail;
                size = size % max + 1;
            }
            let mut bufs = slices.as_mut_slice();
            let result = socket.write_all_vectored(&mut bufs);
            assert!(
                result.is_err() || bufs.is_empty(),
                "success consumes every slice"
            );
            result
        }
    }
}

/// A connected stream pair, sender first: over TCP loopback, or a Unix
/// socketpair; the sender gets a send buffer of about `sndbuf` bytes.
fn connected(domain: Domain, sndbuf: Option<libc::c_int>) -> (Socket, Socket) {
    if domain == Domain::UNIX {
        let (sender, receiver) =
            Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).expect("pair");
        if let Some(bytes) = sndbuf {
            set_sndbuf(&sender, bytes);
        }
        return (sender, receiver);
    }
    let text = if domain == Domain::IPV4 {
        "127.0.0.1:0"
    } else {
        "[::1]:0"
    };
    let listener = Socket::listen_on(text, 1).expect("listen_on");
    let addr = listener.local_addr().expect("getsockname");
    let sender = Socket::new(domain, Type::STREAM, SockFlags::empty()).expect("socket");
    if let Some(bytes) = sndbuf {
        set_sndbuf(&sender, bytes);
        // Loopback's 64 KiB segments do not fit a tiny send buffer, and TCP
        // then trickles at about 2 MB/s; small segments keep 32 MiB quick
        // while the writer still blocks on nearly every call.
        sender
            .set_option_raw(libc::IPPROTO_TCP, libc::TCP_MAXSEG, &1200i32.to_ne_bytes())
            .expect("setsockopt(TCP_MAXSEG)");
    }
    sender.connect(&addr).expect("connect");
    let (receiver, _) = listener.accept(SockFlags::empty()).expect("accept");
    (sender, receiver)
}

/// Asks for a send buffer of `bytes` and checks the kernel took a small one.
fn set_sndbuf(socket: &Socket, bytes: libc::c_int) {
    socket
        .set_option_raw(libc::SOL_SOCKET, libc::SO_SNDBUF, &bytes.to_ne_bytes())
        .expect("setsockopt(SO_SNDBUF)");
    let mut out = [0u8; 4];
    socket
        .option_raw(libc::SOL_SOCKET, libc::SO_SNDBUF, &mut out)
        .expect("getsockopt(SO_SNDBUF)");
    // The kernel doubles the request and enforces a small minimum.
    let got = libc::c_int::from_ne_bytes(out);
    assert!(got <= 4 * bytes.max(4608), "SO_SNDBUF is {got}");
}

/// The reader takes 1 MiB per `read_exact` and checksums it before the
/// next: slower than the writer, so the writer also blocks on a full buffer
/// with nothing sent, where a signal turns into `EINTR`.
const CHUNK: usize = 1 << 20;

/// Reads the whole transfer; returns the count and checksum.
fn receive_all(receiver: &Socket) -> Result<(usize, u64), TransferError> {
    let mut chunk = vec![0u8; CHUNK];
    let mut total = 0;
    let mut hash = FNV_OFFSET;
    for _ in 0..TOTAL / CHUNK {
        let n = receiver.read_exact(&mut chunk)?;
        hash = fnv1a(
            hash,
            chunk.get(..n).expect("read_exact counts within the buffer"),
        );
        total += n;
        if n < CHUNK {
            break;
        }
    }
    Ok((total, hash))
}

/// Sends 32 MiB from one end to the other under the storm and checks the
/// count, the checksum, the end of stream, and that signals interrupted
/// blocked calls.
fn storm_transfer(domain: Domain, sndbuf: Option<libc::c_int>, how: Send) {
    let (sender, receiver) = connected(domain, sndbuf);
    let before = HANDLED.load(Ordering::Relaxed);

    // SAFETY: pthread_self has no preconditions.
    let me = unsafe { libc::pthread_self() } as RawPthread;
    // Proof that the storm makes blocked calls fail with EINTR here: a
    // single read with nothing to read is interrupted by the next signal.
    let probe = Storm::start(vec![me]);
    let mut byte = [0u8; 1];
    assert_eq!(receiver.read(&mut byte), Err(Errno::EINTR));
    probe.stop();

    let writer = thread::spawn(move || {
        let data = pattern(TOTAL);
        let sum = fnv1a(FNV_OFFSET, &data);
        let result = send(&sender, &data, how);
        // Dropping the sender closes it: the receiver then sees end of stream.
        drop(sender);
        (result, sum)
    });
    let storm = Storm::start(vec![me, writer.as_pthread_t()]);
    let received = receive_all(&receiver);
    let after_end = received.is_ok().then(|| receiver.read_exact(&mut byte));
    // A writer still blocked after a failed read gets EPIPE, not a hang.
    drop(receiver);
    let ticks = storm.stop();
    let (sent, sum) = writer.join().expect("the writer thread");

    assert_eq!(
        received,
        Ok((TOTAL, sum)),
        "read_exact under the storm: count, checksum"
    );
    sent.expect("write_all under the storm");
    assert_eq!(after_end, Some(Ok(0)), "end of stream after the transfer");
    let handled = HANDLED.load(Ordering::Relaxed) - before;
    assert!(
        ticks >= 10 && handled >= 10,
        "signals were handled during the transfer: {handled} over {ticks} ticks"
    );
}

#[test]
fn tcp_write_all_read_exact() {
    storm_transfer(Domain::IPV4, None, Send::WriteAll);
}

#[test]
fn tcp_ipv6_write_all_with_a_tiny_send_buffer() {
    storm_transfer(Domain::IPV6, Some(1024), Send::WriteAll);
}

#[test]
fn socketpair_write_all_with_a_tiny_send_buffer() {
    storm_transfer(Domain::UNIX, Some(1024), Send::WriteAll);
}

#[test]
fn tcp_write_all_vectored_many_small_slices() {
    storm_transfer(Domain::IPV4, Some(1024), Send::Vectored { max: 700 });
}

#[test]
fn socketpair_write_all_vectored_many_small_slices() {
    storm_transfer(Domain::UNIX, None, Send::Vectored { max: 300 });
}
