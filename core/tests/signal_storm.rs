//! `write_all`, `write_all_vectored` and `read_exact` of 32 MiB while both
//! ends are hit by a signal every millisecond, with a handler installed
//! without `SA_RESTART` so blocked calls really return `EINTR`; some runs
//! with a tiny `SO_SNDBUF` so the writer blocks (and is interrupted) often.
//! What arrives must checksum to what was sent. The storm is a thread
//! sending `SIGUSR1` (support/storm.rs, `KillStorm`).
//!
//! Its own test binary: it installs a process-wide signal handler.

mod support;

use std::os::unix::thread::{JoinHandleExt, RawPthread};
use std::thread;

use sockcore::{Domain, Errno, IoSlice, SockFlags, Socket, TransferError, Type};

use support::pattern::{pattern_bytes, Fnv};
use support::sockets::{set_buffer, stream_pair};
use support::storm::{signals_handled, KillStorm};

const TOTAL: usize = 32 << 20;

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
        let (sender, receiver) = stream_pair();
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
    let got = set_buffer(socket, libc::SO_SNDBUF, bytes);
    // The kernel doubles the request and enforces a small minimum.
    assert!(got <= 4 * bytes.max(4608), "SO_SNDBUF is {got}");
}

/// The reader takes 1 MiB per `read_exact` and checksums it before the
/// next: slower than the writer, so the writer also blocks on a full buffer
/// with nothing sent, where a signal turns into `EINTR`.
const CHUNK: usize = 1 << 20;

/// Reads the whole transfer; returns the count and checksum.
fn receive_all(receiver: &Socket) -> Result<(usize, Fnv), TransferError> {
    let mut chunk = vec![0u8; CHUNK];
    let mut total = 0;
    let mut hash = Fnv::new();
    for _ in 0..TOTAL / CHUNK {
        let n = receiver.read_exact(&mut chunk)?;
        hash = hash.feed(chunk.get(..n).expect("read_exact counts within the buffer"));
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
    let before = signals_handled();

    // SAFETY: pthread_self has no preconditions.
    let me = unsafe { libc::pthread_self() } as RawPthread;
    // Proof that the storm makes blocked calls fail with EINTR here: a
    // single read with nothing to read is interrupted by the next signal.
    let probe = KillStorm::start(vec![me]);
    let mut byte = [0u8; 1];
    assert_eq!(receiver.read(&mut byte), Err(Errno::EINTR));
    probe.stop();

    let writer = thread::spawn(move || {
        let data = pattern_bytes(1, TOTAL);
        let sum = Fnv::new().feed(&data);
        let result = send(&sender, &data, how);
        // Dropping the sender closes it: the receiver then sees end of stream.
        drop(sender);
        (result, sum)
    });
    let storm = KillStorm::start(vec![me, writer.as_pthread_t()]);
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
    let handled = signals_handled() - before;
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
