//! Connections that cannot be made: `Socket::dial`, `connect` and
//! `Socket::listen_on` against an address that refuses, a full accept
//! queue (a time-out, or `EAGAIN` at once for Unix), text that does not
//! parse, and a missing Unix path.

use std::time::{Duration, Instant};

use sockcore::{Domain, Errno, SockFlags, Socket, Type};

use crate::support::backlog::full_listener;
use crate::support::sockets::{abstract_text, not_listening};
use crate::support::temp_dir::TempDir;

#[test]
fn refused_on_ipv4_and_ipv6() {
    for text in ["127.0.0.1:0", "[::1]:0"] {
        let (_holder, addr) = not_listening(text);
        assert_eq!(
            Socket::dial(&addr.to_string(), Some(Duration::from_secs(2))).err(),
            Some(Errno::ECONNREFUSED),
            "{addr}"
        );
        assert_eq!(
            Socket::dial_addr(&addr, None).err(),
            Some(Errno::ECONNREFUSED),
            "{addr}, no time-out"
        );
    }
}

#[test]
fn times_out_when_the_accept_queue_is_full() {
    // With backlog 0 the kernel queues one connection, then drops SYNs
    // while nobody accepts: the next connect waits for a SYN-ACK that does
    // not come before the time-out.
    let listener = Socket::listen_on("127.0.0.1:0", 0).expect("listen_on");
    let addr = listener.local_addr().expect("getsockname");
    let mut queued = Vec::new();
    let mut timed_out = None;
    for _ in 0..8 {
        let started = Instant::now();
        match Socket::dial_addr(&addr, Some(Duration::from_millis(150))) {
            Ok(socket) => {
                assert_eq!(socket.is_nonblocking(), Ok(false), "dial returns blocking");
                assert_eq!(socket.is_cloexec(), Ok(true));
                queued.push(socket);
            }
            Err(errno) => {
                timed_out = Some((errno, started.elapsed()));
                break;
            }
        }
    }
    let (errno, waited) = timed_out.expect("a dial to a full queue times out");
    assert_eq!(errno, Errno::ETIMEDOUT);
    assert!(
        waited >= Duration::from_millis(150),
        "gave up early: {waited:?}"
    );
    assert!(
        waited < Duration::from_secs(3),
        "waited too long: {waited:?}"
    );
    assert!(!queued.is_empty(), "the first connection fits the queue");
}

#[test]
fn malformed_text_is_einval() {
    for text in ["", "1.2.3:80", "[::1", "localhost:80", " 127.0.0.1:80"] {
        assert_eq!(
            Socket::dial(text, Some(Duration::from_millis(100))).err(),
            Some(Errno::EINVAL),
            "dial {text:?}"
        );
        assert_eq!(
            Socket::listen_on(text, 1).err(),
            Some(Errno::EINVAL),
            "listen {text:?}"
        );
    }
    let too_long = format!("unix:/{}", "x".repeat(200));
    assert_eq!(
        Socket::dial(&too_long, Some(Duration::from_millis(100))).err(),
        Some(Errno::ENAMETOOLONG)
    );
}

#[test]
fn missing_unix_names() {
    let pid = std::process::id();
    let missing = std::env::temp_dir().join(format!("sockcore-dial-absent-{pid}/none.sock"));
    let text = format!("unix:{}", missing.display());
    assert_eq!(
        Socket::dial(&text, Some(Duration::from_secs(1))).err(),
        Some(Errno::ENOENT)
    );
    let unbound = abstract_text("dial-unbound");
    assert_eq!(
        Socket::dial(&unbound, Some(Duration::from_secs(1))).err(),
        Some(Errno::ECONNREFUSED)
    );
}

const DIAL: Duration = Duration::from_millis(200);

#[test]
fn dial_times_out_against_a_full_backlog() {
    let mut held = 0;
    for listen in ["127.0.0.1:0", "[::1]:0"] {
        let full = full_listener(listen);
        let start = Instant::now();
        assert_eq!(
            Socket::dial_addr(&full.addr, Some(DIAL)).unwrap_err(),
            Errno::ETIMEDOUT,
            "{listen}"
        );
        let elapsed = start.elapsed();
        assert!(elapsed >= DIAL, "{listen}: {elapsed:?}");
        // The first SYN retransmission is due at 1 s: a dial still waiting
        // then would have ignored its time-out.
        assert!(elapsed < Duration::from_secs(1), "{listen}: {elapsed:?}");
        held += 1;
        println!("connect time-out: {listen}: ETIMEDOUT after {elapsed:?}");
    }
    // A full Unix listener refuses a non-blocking connect at once.
    let full = full_listener(&abstract_text("dial-full"));
    let start = Instant::now();
    assert_eq!(
        Socket::dial_addr(&full.addr, Some(DIAL)).unwrap_err(),
        Errno::EAGAIN
    );
    assert!(start.elapsed() < DIAL);
    held += 1;
    println!("connect time-out: Unix: EAGAIN at once");
    println!("connect time-outs: 3 cases, {held} held");
}

#[test]
fn connect_to_a_socket_that_does_not_listen_is_refused() {
    let dir = TempDir::new("dial-refused");
    let mut held = 0;
    for bind in [
        "127.0.0.1:0".to_string(),
        "[::1]:0".to_string(),
        dir.unix_text("bound"),
        abstract_text("dial-refused"),
    ] {
        // Bound but not listening: the address exists and nobody accepts.
        let (_bound, addr) = not_listening(&bind);
        let domain = Domain::for_addr(&addr);
        assert_eq!(
            Socket::dial_addr(&addr, Some(Duration::from_secs(1))).unwrap_err(),
            Errno::ECONNREFUSED,
            "dial {addr}"
        );
        let blocking = Socket::new(domain, Type::STREAM, SockFlags::empty()).unwrap();
        assert_eq!(
            blocking.connect(&addr),
            Err(Errno::ECONNREFUSED),
            "connect {addr}"
        );
        held += 2;
    }
    // A path with no socket at all is ENOENT, not ECONNREFUSED.
    assert_eq!(
        Socket::dial(&dir.unix_text("missing"), Some(Duration::from_secs(1))).unwrap_err(),
        Errno::ENOENT
    );
    held += 1;
    println!("connect refused: 9 cases (dial and connect on IPv4, IPv6, Unix path, abstract; a missing path), {held} held");
}
