//! `SocketFd::connect_within` on sockets the caller made and configured:
//! connected within the time-out over TCP and Unix sockets, the options
//! and the blocking mode set before kept, refused, timed out against a
//! full accept queue, a connection in progress waited for again, and a
//! negative descriptor refused before anything waits.

use std::time::{Duration, Instant};

use sockcore::{BorrowedSocket, Domain, Errno, SockFlags, Socket, SocketAddr, Type};

use crate::support::backlog::full_listener;
use crate::support::sockets::{abstract_text, new_socket, not_listening};

const FIVE_SECONDS: Option<Duration> = Some(Duration::from_secs(5));

#[test]
fn connects_a_configured_socket_and_keeps_its_mode() {
    for (listen, domain) in [
        ("127.0.0.1:0".to_string(), Domain::IPV4),
        ("[::1]:0".to_string(), Domain::IPV6),
        (abstract_text("connect-within"), Domain::UNIX),
    ] {
        let listener = Socket::listen_on(&listen, 4).expect("listen");
        let addr = listener.local_addr().expect("name");
        for flags in [SockFlags::empty(), SockFlags::NONBLOCK] {
            let s = Socket::new(domain, Type::STREAM, flags).expect("socket");
            s.set_send_buffer_size(32 << 10)
                .expect("an option set before");
            let sndbuf = s.send_buffer_size().expect("sndbuf");
            s.connect_within(&addr, FIVE_SECONDS).expect("connect");
            let nonblocking = flags.contains(SockFlags::NONBLOCK);
            assert_eq!(s.is_nonblocking(), Ok(nonblocking), "{listen} {flags:?}");
            assert_eq!(s.send_buffer_size(), Ok(sndbuf));
            let (conn, peer) = listener.accept(SockFlags::empty()).expect("accept");
            if domain != Domain::UNIX {
                assert_eq!(peer, s.local_addr().expect("name"));
            }
            s.write_all(b"ok").expect("write");
            let mut buf = [0u8; 2];
            assert_eq!(conn.read_exact(&mut buf).map_err(|e| e.errno), Ok(2));
        }
    }
}

#[test]
fn a_bound_source_address_is_kept() {
    let listener = Socket::listen_on("127.0.0.1:0", 1).expect("listen");
    let s = new_socket(Domain::IPV4, Type::STREAM);
    s.bind(&SocketAddr::parse("127.0.0.3:0").expect("parse"))
        .expect("bind");
    let bound = s.local_addr().expect("name");
    s.connect_within(&listener.local_addr().expect("name"), FIVE_SECONDS)
        .expect("connect");
    let (_conn, peer) = listener.accept(SockFlags::empty()).expect("accept");
    assert_eq!(peer, bound);
}

#[test]
fn refused_and_blocking_again() {
    for text in ["127.0.0.1:0", "[::1]:0"] {
        let (_holder, addr) = not_listening(text);
        let s = new_socket(Domain::for_addr(&addr), Type::STREAM);
        assert_eq!(
            s.connect_within(&addr, FIVE_SECONDS),
            Err(Errno::ECONNREFUSED),
            "{text}"
        );
        assert_eq!(s.is_nonblocking(), Ok(false), "restored after a failure");
    }
}

#[test]
fn times_out_then_waits_again_for_the_same_attempt() {
    let full = full_listener("127.0.0.1:0");
    let s = new_socket(Domain::IPV4, Type::STREAM);
    let timeout = Duration::from_millis(150);
    let started = Instant::now();
    assert_eq!(
        s.connect_within(&full.addr, Some(timeout)),
        Err(Errno::ETIMEDOUT)
    );
    let waited = started.elapsed();
    assert!(waited >= timeout, "gave up early: {waited:?}");
    // The first SYN retransmission is due at 1 s.
    assert!(waited < Duration::from_secs(1), "late: {waited:?}");
    assert_eq!(s.is_nonblocking(), Ok(false), "restored after a time-out");
    // The kernel is still trying: another call waits for that attempt
    // (EALREADY), and gives up again on time.
    let started = Instant::now();
    assert_eq!(
        s.connect_within(&full.addr, Some(timeout)),
        Err(Errno::ETIMEDOUT)
    );
    assert!(started.elapsed() >= timeout);
    // A full Unix listener refuses a non-blocking connect at once.
    let full = full_listener(&abstract_text("connect-within-full"));
    let s = new_socket(Domain::UNIX, Type::STREAM);
    let started = Instant::now();
    assert_eq!(
        s.connect_within(&full.addr, FIVE_SECONDS),
        Err(Errno::EAGAIN)
    );
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[test]
fn a_negative_descriptor_is_refused_before_any_wait() {
    let listener = Socket::listen_on("127.0.0.1:0", 1).expect("listen");
    // SAFETY: -1 is never a descriptor; the calls only hand it to the
    // kernel.
    let none = unsafe { BorrowedSocket::borrow_raw(-1) };
    let started = Instant::now();
    assert_eq!(
        none.connect_within(&listener.local_addr().expect("name"), None),
        Err(Errno::EBADF)
    );
    assert!(started.elapsed() < Duration::from_secs(1));
}
