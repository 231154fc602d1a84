//! Writing to a peer that has gone, or after shutting down writing:
//! `EPIPE` or `ECONNRESET`, and the process lives on; a half-closed
//! connection still carries the other direction. `sendfile`, which cannot
//! take `MSG_NOSIGNAL`, leaves no `SIGPIPE` behind and the thread's signal
//! mask as it was, and a `SIGPIPE` the caller left pending stays pending. Rust starts programs with
//! `SIGPIPE` ignored, which would hide a send without `MSG_NOSIGNAL`, so
//! every test here first restores the default action (death), as a C
//! program has it.
//!
//! Its own test binary: the `SIGPIPE` setting is process-wide.

mod support;

use std::time::Duration;

use sockcore::poll::wait_ready;
use sockcore::{Errno, IoSlice, MsgFlags, PollFlags, Shutdown, SockFlags, Socket};

use support::sigpipe::default_sigpipe;
use support::sockets::{abstract_text, accepted_pair, stream_pair};

fn is_peer_gone(errno: Errno) -> bool {
    errno == Errno::EPIPE || errno == Errno::ECONNRESET
}

/// Every send path of the crate on a stream whose peer has closed.
fn assert_every_send_fails(socket: &Socket) {
    let errno = socket.write(b"x").expect_err("write to a closed peer");
    assert!(is_peer_gone(errno), "write: {errno:?}");

    let parts = [IoSlice::new(b"ab"), IoSlice::new(b"cd")];
    let errno = socket.write_vectored(&parts).expect_err("write_vectored");
    assert!(is_peer_gone(errno), "write_vectored: {errno:?}");

    let errno = socket.send(b"x", MsgFlags::DONTWAIT).expect_err("send");
    assert!(is_peer_gone(errno), "send: {errno:?}");

    let failed = socket.write_all(&[7u8; 100_000]).expect_err("write_all");
    assert!(is_peer_gone(failed.errno), "write_all: {failed}");
    assert_eq!(failed.done, 0);

    let mut parts = [IoSlice::new(b"ab"), IoSlice::new(b"cd")];
    let mut bufs = &mut parts[..];
    let failed = socket
        .write_all_vectored(&mut bufs)
        .expect_err("write_all_vectored");
    assert!(is_peer_gone(failed.errno), "write_all_vectored: {failed}");
    assert_eq!((failed.done, bufs.len()), (0, 2), "nothing consumed");
}

#[test]
fn default_sigpipe_really_kills_a_plain_write() {
    // The control experiment: without MSG_NOSIGNAL, this test binary's
    // SIGPIPE setting is fatal. A forked child does the plain write(2).
    default_sigpipe();
    let (a, b) = stream_pair();
    drop(b);
    // SAFETY: the child calls only write(2) and _exit(2), which are
    // async-signal-safe, so forking a multi-threaded process is sound.
    let child = unsafe { libc::fork() };
    assert!(child >= 0, "fork");
    if child == 0 {
        // SAFETY: writes one byte from a live buffer, then leaves at once.
        unsafe {
            libc::write(a.as_raw_fd(), b"x".as_ptr().cast(), 1);
            libc::_exit(0)
        }
    }
    let mut status = 0;
    // SAFETY: waits for our own child; status is a valid out-parameter.
    let waited = unsafe { libc::waitpid(child, &mut status, 0) };
    assert_eq!(waited, child);
    assert!(
        libc::WIFSIGNALED(status),
        "the child was not killed: {status:#x}"
    );
    assert_eq!(libc::WTERMSIG(status), libc::SIGPIPE);
}

#[test]
fn socketpair_peer_closed() {
    default_sigpipe();
    let (a, b) = stream_pair();
    b.close().expect("close the peer");
    assert_every_send_fails(&a);
}

#[test]
fn tcp_peer_closed() {
    default_sigpipe();
    for text in ["127.0.0.1:0", "[::1]:0"] {
        let listener = Socket::listen_on(text, 1).expect("listen_on");
        let addr = listener.local_addr().expect("getsockname");
        let client = Socket::dial_addr(&addr, Some(Duration::from_secs(2))).expect("dial");
        let (conn, _) = listener.accept(SockFlags::empty()).expect("accept");
        conn.close().expect("close the peer");

        // The first write reaches a closed socket, which answers with a
        // reset; wait for it (error or hang-up) instead of guessing.
        assert_eq!(client.write(b"first"), Ok(5), "{text}");
        let events = wait_ready(
            client.as_raw_fd(),
            PollFlags::empty(),
            Some(Duration::from_secs(5)),
        )
        .expect("poll");
        assert!(
            events.intersects(PollFlags::ERR | PollFlags::HUP),
            "{text}: {events:?}"
        );

        let errno = client
            .send_to(b"x", MsgFlags::empty(), &addr)
            .expect_err("send_to a closed peer");
        assert!(is_peer_gone(errno), "{text} send_to: {errno:?}");
        assert_every_send_fails(&client);
    }
}

#[test]
fn shut_down_writer_gets_epipe() {
    default_sigpipe();
    let (a, _b) = stream_pair();
    a.shutdown(Shutdown::Write).expect("shutdown(SHUT_WR)");
    assert_eq!(a.write(b"x"), Err(Errno::EPIPE));
    assert_eq!(a.write_vectored(&[IoSlice::new(b"x")]), Err(Errno::EPIPE));
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
        abstract_text("sigpipe-half"),
    ] {
        let (client, server) = accepted_pair(&listen);
        half_close(&client, &server);
        held += 1;
    }
    let (a, b) = stream_pair();
    half_close(&a, &b);
    held += 1;
    println!("half-close: 4 cases (TCP IPv4, IPv6, Unix listener, socketpair), {held} held");
}

/// The signals blocked in the calling thread.
fn blocked_signals() -> Vec<libc::c_int> {
    // SAFETY: an all-zero sigset_t is a valid out-parameter, and a NULL new
    // set only reads the mask.
    let mut mask: libc::sigset_t = unsafe { std::mem::zeroed() };
    let ret = unsafe { libc::pthread_sigmask(libc::SIG_BLOCK, std::ptr::null(), &mut mask) };
    assert_eq!(ret, 0);
    // SAFETY: mask is a valid sigset_t and each number a valid signal.
    (1..=libc::SIGRTMAX())
        .filter(|&signal| unsafe { libc::sigismember(&mask, signal) } == 1)
        .collect()
}

/// Whether a `SIGPIPE` is pending on this thread (or the process).
fn sigpipe_pending() -> bool {
    // SAFETY: as in blocked_signals.
    let mut pending: libc::sigset_t = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::sigpending(&mut pending) }, 0);
    // SAFETY: pending is a valid sigset_t.
    unsafe { libc::sigismember(&pending, libc::SIGPIPE) == 1 }
}

/// Blocks (`how` = `SIG_BLOCK`) or unblocks `SIGPIPE` in this thread.
fn mask_sigpipe(how: libc::c_int) {
    // SAFETY: set is a valid sigset_t, SIGPIPE a valid signal.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGPIPE);
        assert_eq!(libc::pthread_sigmask(how, &set, std::ptr::null_mut()), 0);
    }
}

/// Both sendfile calls on a stream whose peer has gone: the error, no
/// `SIGPIPE` delivered or left pending, and this thread's mask as before.
fn assert_send_file_fails(socket: &Socket, file: &std::fs::File) {
    use std::os::fd::AsRawFd;
    let mask = blocked_signals();
    let mut offset = 0;
    let errno = socket
        .send_file(file.as_raw_fd(), &mut offset, 4)
        .expect_err("send_file to a closed peer");
    assert!(is_peer_gone(errno), "send_file: {errno:?}");
    let failed = socket
        .send_file_all(file.as_raw_fd(), &mut offset, 4)
        .expect_err("send_file_all to a closed peer");
    assert!(is_peer_gone(failed.errno), "send_file_all: {failed}");
    assert_eq!((failed.done, offset), (0, 0));
    assert_eq!(blocked_signals(), mask, "the signal mask changed");
    assert!(!sigpipe_pending(), "a SIGPIPE was left pending");
}

#[test]
fn send_file_raises_no_sigpipe() {
    default_sigpipe();
    let dir = support::temp_dir::TempDir::new("sigpipe-sendfile");
    let file = dir.file_holding("data", b"four");
    let (a, b) = stream_pair();
    drop(b);
    assert_send_file_fails(&a, &file);

    let (client, server) = accepted_pair("127.0.0.1:0");
    server.close().expect("close the peer");
    // The first write meets the closed socket, which answers with a reset.
    assert_eq!(client.write(b"first"), Ok(5));
    let events = wait_ready(
        client.as_raw_fd(),
        PollFlags::empty(),
        Some(Duration::from_secs(5)),
    )
    .expect("poll");
    assert!(events.intersects(PollFlags::ERR | PollFlags::HUP));
    assert_send_file_fails(&client, &file);

    // The same with SIGPIPE blocked by the caller: it stays blocked, and the
    // kernel's SIGPIPE is taken, not left pending.
    mask_sigpipe(libc::SIG_BLOCK);
    let (a, b) = stream_pair();
    drop(b);
    assert_send_file_fails(&a, &file);
    assert!(blocked_signals().contains(&libc::SIGPIPE));
    mask_sigpipe(libc::SIG_UNBLOCK);
}

#[test]
fn a_sigpipe_pending_before_send_file_stays_pending() {
    default_sigpipe();
    let dir = support::temp_dir::TempDir::new("sigpipe-pending");
    let file = dir.file_holding("data", b"four");
    let (a, b) = stream_pair();
    drop(b);
    mask_sigpipe(libc::SIG_BLOCK);
    // SAFETY: tgkill takes integers; the target is this thread.
    let raised = unsafe {
        libc::syscall(
            libc::SYS_tgkill,
            libc::getpid(),
            libc::gettid(),
            libc::SIGPIPE,
        )
    };
    assert_eq!(raised, 0);
    assert!(sigpipe_pending());

    use std::os::fd::AsRawFd;
    assert_eq!(a.send_file(file.as_raw_fd(), &mut 0, 4), Err(Errno::EPIPE));
    assert!(sigpipe_pending(), "the caller's SIGPIPE was taken");
    assert!(blocked_signals().contains(&libc::SIGPIPE));

    // Take it before unblocking: SIGPIPE is fatal here.
    // SAFETY: set and the zero time-out are valid; SIGPIPE is blocked.
    let taken = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGPIPE);
        let now = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        libc::sigtimedwait(&set, std::ptr::null_mut(), &now)
    };
    assert_eq!(taken, libc::SIGPIPE);
    mask_sigpipe(libc::SIG_UNBLOCK);
}
