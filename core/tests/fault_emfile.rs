//! `EMFILE` at accept: with `RLIMIT_NOFILE` lowered until no descriptor is
//! free, accept fails with `EMFILE`, the pending connection stays queued
//! (with the bytes its client already sent), and once a descriptor is freed
//! accept succeeds and the connection is served.
//!
//! Its own test binary, with one test: the limit is process-wide.

mod support;

use std::time::Duration;

use sockcore::poll::poll;
use sockcore::{Domain, Epoll, Errno, PollFd, PollFlags, SockFlags, Socket, Type};

use support::fds::open_fds;
use support::sockets::abstract_text;

/// Accepts tried while no descriptor is free.
const REFUSED_ACCEPTS: usize = 1000;

/// `RLIMIT_NOFILE` lowered for as long as it lives, then restored.
struct LoweredLimit {
    saved: libc::rlimit,
}

impl LoweredLimit {
    /// Lowers the soft limit to `soft` descriptors.
    fn to(soft: libc::rlim_t) -> LoweredLimit {
        let mut saved = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: saved is a valid, writable rlimit.
        assert_eq!(
            unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut saved) },
            0
        );
        let lowered = libc::rlimit {
            rlim_cur: soft,
            rlim_max: saved.rlim_max,
        };
        // SAFETY: lowered is a valid rlimit.
        assert_eq!(unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &lowered) }, 0);
        LoweredLimit { saved }
    }
}

impl Drop for LoweredLimit {
    fn drop(&mut self) {
        // SAFETY: saved is the valid rlimit read before lowering.
        unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &self.saved) };
    }
}

/// Whether `listener` has a connection waiting.
fn pending(listener: &Socket) -> bool {
    let mut entry = [PollFd::new(listener.as_raw_fd(), PollFlags::IN)];
    poll(&mut entry, Some(Duration::ZERO)).unwrap() == 1 && entry[0].revents() == PollFlags::IN
}

/// Takes descriptors until none is left under the limit; returns them.
fn exhaust() -> Vec<Socket> {
    let mut fillers = Vec::new();
    loop {
        match Socket::new(Domain::UNIX, Type::DGRAM, SockFlags::empty()) {
            Ok(socket) => fillers.push(socket),
            Err(Errno::EMFILE) => return fillers,
            Err(e) => panic!("filling the descriptor table: {e}"),
        }
        assert!(fillers.len() < 1000, "the lowered limit never bit");
    }
}

/// One listener and a client that connected and sent its request before
/// the descriptors ran out.
struct Case {
    name: &'static str,
    listener: Socket,
    client: Socket,
    accept: Accept,
}

/// How a case accepts: with or without the peer's address.
type Accept = fn(&Socket) -> sockcore::Result<Socket>;

fn with_peer(listener: &Socket) -> sockcore::Result<Socket> {
    listener
        .accept(SockFlags::empty())
        .map(|(conn, _peer)| conn)
}

fn without_peer(listener: &Socket) -> sockcore::Result<Socket> {
    listener.accept_only(SockFlags::empty())
}

fn case(name: &'static str, listen: &str, accept: Accept) -> Case {
    let listener = Socket::listen_on(listen, 4).unwrap();
    let client = Socket::dial_addr(
        &listener.local_addr().unwrap(),
        Some(Duration::from_secs(1)),
    )
    .unwrap();
    client.write_all(b"request").unwrap();
    Case {
        name,
        listener,
        client,
        accept,
    }
}

/// Serves the queued connection: reads its request, answers, and checks
/// the client got the answer.
fn serve(case: &Case, conn: &Socket) {
    let mut buf = [0u8; 7];
    assert_eq!(conn.read_exact(&mut buf), Ok(7), "{}", case.name);
    assert_eq!(&buf, b"request", "{}", case.name);
    conn.write_all(b"answer").unwrap();
    let mut answer = [0u8; 6];
    assert_eq!(case.client.read_exact(&mut answer), Ok(6), "{}", case.name);
    assert_eq!(&answer, b"answer", "{}", case.name);
}

#[test]
fn accept_reports_emfile_keeps_the_connection_and_serves_it_later() {
    let cases = [
        case("accept, TCP IPv4", "127.0.0.1:0", with_peer),
        case("accept, TCP IPv6", "[::1]:0", with_peer),
        case(
            "accept_only, Unix",
            &abstract_text("fault-emfile"),
            without_peer,
        ),
    ];
    for case in &cases {
        // The connection is queued, as far as a readiness check can tell.
        sockcore::poll::wait_ready(
            case.listener.as_raw_fd(),
            PollFlags::IN,
            Some(Duration::from_secs(1)),
        )
        .unwrap();
    }
    let before = open_fds();
    let highest = *before.iter().max().unwrap();
    // One number above the highest in use, so at least one filler exists
    // to free later.
    let limit = LoweredLimit::to(highest as libc::rlim_t + 2);
    let mut fillers = exhaust();
    assert!(!fillers.is_empty());

    // Every way to get a descriptor fails, and nothing is lost.
    assert_eq!(
        Socket::dial_addr(
            &cases[0].listener.local_addr().unwrap(),
            Some(Duration::from_secs(1))
        )
        .unwrap_err(),
        Errno::EMFILE
    );
    assert_eq!(
        Socket::listen_on("127.0.0.1:0", 1).unwrap_err(),
        Errno::EMFILE
    );
    assert_eq!(
        Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).unwrap_err(),
        Errno::EMFILE
    );
    assert_eq!(Epoll::new().unwrap_err(), Errno::EMFILE);
    let mut refused = 0;
    for case in &cases {
        for _ in 0..REFUSED_ACCEPTS {
            let result = (case.accept)(&case.listener).map(drop);
            assert_eq!(result, Err(Errno::EMFILE), "{}", case.name);
            refused += 1;
        }
        assert!(
            pending(&case.listener),
            "{}: the connection left the queue",
            case.name
        );
    }

    // One descriptor freed: each listener serves its queued connection.
    let mut served = 0;
    for case in &cases {
        drop(fillers.pop().expect("a filler to free"));
        let conn = (case.accept)(&case.listener).unwrap();
        serve(case, &conn);
        assert!(!pending(&case.listener), "{}", case.name);
        served += 1;
        // Its descriptor goes back to the filler pool's count: the next
        // listener starts from an exhausted table again.
        fillers.push(conn);
    }
    // The failures took no descriptor with them: with the fillers and the
    // served connections closed, the table is as it was.
    drop(fillers);
    drop(limit);
    assert_eq!(open_fds().len(), before.len(), "descriptors leaked");
    println!(
        "emfile: {} listeners x {REFUSED_ACCEPTS} accepts: {refused} EMFILE, connections kept; \
         {served} served once a descriptor was free; dial, listen_on, pair, Epoll::new: EMFILE",
        cases.len()
    );
}
