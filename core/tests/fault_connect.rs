//! Connections that cannot be made or are half closed: a time-out against a
//! full accept queue, `ECONNREFUSED`, and half-close (the peer reads end of
//! stream and can still answer).
//!
//! The half-close test writes after `shutdown(Write)`, which raises
//! `SIGPIPE` without `MSG_NOSIGNAL`; this binary restores `SIG_DFL` for it
//! first so that a missing flag would kill it.

#[path = "fault_support/backlog.rs"]
mod backlog;
#[path = "fault_support/temp_dir.rs"]
mod temp_dir;
use temp_dir::TempDir;

#[path = "fault_support/sigpipe.rs"]
mod sigpipe;

use std::time::{Duration, Instant};

use backlog::full_listener;
use sigpipe::default_sigpipe;
use sockcore::{Domain, Errno, Shutdown, SockFlags, Socket, SocketAddr, Type};

fn unique_abstract(tag: &str) -> String {
    format!("unix:@sockcore-fault-connect-{}-{tag}", std::process::id())
}

const DIAL_MS: i32 = 200;

#[test]
fn dial_times_out_against_a_full_backlog() {
    let mut held = 0;
    for listen in ["127.0.0.1:0", "[::1]:0"] {
        let full = full_listener(listen);
        let start = Instant::now();
        assert_eq!(
            Socket::dial_addr(&full.addr, DIAL_MS).unwrap_err(),
            Errno::ETIMEDOUT,
            "{listen}"
        );
        let elapsed = start.elapsed();
        assert!(
            elapsed >= Duration::from_millis(DIAL_MS as u64 - 1),
            "{listen}: {elapsed:?}"
        );
        // The first SYN retransmission is due at 1 s: a dial still waiting
        // then would have ignored its time-out.
        assert!(elapsed < Duration::from_secs(1), "{listen}: {elapsed:?}");
        held += 1;
        println!("connect time-out: {listen}: ETIMEDOUT after {elapsed:?}");
    }
    // A full Unix listener refuses a non-blocking connect at once.
    let full = full_listener(&unique_abstract("full"));
    let start = Instant::now();
    assert_eq!(
        Socket::dial_addr(&full.addr, DIAL_MS).unwrap_err(),
        Errno::EAGAIN
    );
    assert!(start.elapsed() < Duration::from_millis(DIAL_MS as u64));
    held += 1;
    println!("connect time-out: Unix: EAGAIN at once");
    println!("connect time-outs: 3 cases, {held} held");
}

#[test]
fn connect_to_a_socket_that_does_not_listen_is_refused() {
    let dir = TempDir::new("fault-connect-refused");
    let mut held = 0;
    for bind in [
        "127.0.0.1:0".to_string(),
        "[::1]:0".to_string(),
        dir.unix_text("bound"),
        unique_abstract("refused"),
    ] {
        // Bound but not listening: the address exists and nobody accepts.
        let addr = SocketAddr::parse(&bind).unwrap();
        let domain = Domain::for_addr(&addr);
        let bound = Socket::new(domain, Type::STREAM, SockFlags::empty()).unwrap();
        bound.bind(&addr).unwrap();
        let addr = bound.local_addr().unwrap();
        assert_eq!(
            Socket::dial_addr(&addr, 1000).unwrap_err(),
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
        Socket::dial(&dir.unix_text("missing"), 1000).unwrap_err(),
        Errno::ENOENT
    );
    held += 1;
    println!("connect refused: 9 cases (dial and connect on IPv4, IPv6, Unix path, abstract; a missing path), {held} held");
}

/// `a` shuts down writing: `b` reads every byte and then end of stream,
/// and can still send back; `a` cannot write any more.
fn half_close(a: &Socket, b: &Socket) {
    a.write_all(b"request").unwrap();
    a.shutdown(Shutdown::Write).unwrap();
    let mut buf = [0u8; 16];
    assert_eq!(b.read_exact(&mut buf), Ok(7), "the shorter count at end");
    assert_eq!(&buf[..7], b"request");
    assert_eq!(b.read(&mut buf), Ok(0), "end of stream stays");
    b.write_all(b"answer").unwrap();
    b.shutdown(Shutdown::Write).unwrap();
    assert_eq!(a.read_exact(&mut buf), Ok(6));
    assert_eq!(&buf[..6], b"answer");
    assert_eq!(a.write(b"late"), Err(Errno::EPIPE));
}

#[test]
fn half_close_leaves_the_other_direction_open() {
    default_sigpipe();
    let mut held = 0;
    for listen in [
        "127.0.0.1:0".to_string(),
        "[::1]:0".to_string(),
        unique_abstract("half"),
    ] {
        let listener = Socket::listen_on(&listen, 1).unwrap();
        let client = Socket::dial_addr(&listener.local_addr().unwrap(), 1000).unwrap();
        let (server, _) = listener.accept(SockFlags::empty()).unwrap();
        half_close(&client, &server);
        held += 1;
    }
    let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).unwrap();
    half_close(&a, &b);
    held += 1;
    println!("half-close: 4 cases (TCP IPv4, IPv6, Unix listener, socketpair), {held} held");
}
