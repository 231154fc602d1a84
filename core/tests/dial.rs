//! `Socket::dial` and `Socket::listen_on` when things go wrong: a refused
//! connection, a time-out, text that does not parse, a missing Unix path.

use std::time::{Duration, Instant};

use sockcore::{Domain, Errno, SockFlags, Socket, SocketAddr, Type};

/// A TCP socket bound to an ephemeral loopback port but not listening, so
/// connecting to its port is refused while nobody else can take the port.
fn closed_port(text: &str) -> (Socket, SocketAddr) {
    let addr = SocketAddr::parse(text).expect("parse");
    let socket =
        Socket::new(Domain::for_addr(&addr), Type::STREAM, SockFlags::empty()).expect("socket");
    socket.bind(&addr).expect("bind");
    let local = socket.local_addr().expect("getsockname");
    (socket, local)
}

#[test]
fn refused_on_ipv4_and_ipv6() {
    for text in ["127.0.0.1:0", "[::1]:0"] {
        let (_holder, addr) = closed_port(text);
        assert_eq!(
            Socket::dial(&addr.to_string(), 2000).err(),
            Some(Errno::ECONNREFUSED),
            "{addr}"
        );
        assert_eq!(
            Socket::dial_addr(&addr, -1).err(),
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
        match Socket::dial_addr(&addr, 150) {
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
            Socket::dial(text, 100).err(),
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
        Socket::dial(&too_long, 100).err(),
        Some(Errno::ENAMETOOLONG)
    );
}

#[test]
fn missing_unix_names() {
    let pid = std::process::id();
    let missing = std::env::temp_dir().join(format!("sockcore-dial-absent-{pid}/none.sock"));
    let text = format!("unix:{}", missing.display());
    assert_eq!(Socket::dial(&text, 1000).err(), Some(Errno::ENOENT));
    let unbound = format!("unix:@sockcore-dial-unbound-{pid}");
    assert_eq!(
        Socket::dial(&unbound, 1000).err(),
        Some(Errno::ECONNREFUSED)
    );
}
