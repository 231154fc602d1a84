//! Writing to a peer that has gone: `EPIPE` or `ECONNRESET`, and the process
//! lives on. Rust starts programs with `SIGPIPE` ignored, which would hide a
//! send without `MSG_NOSIGNAL`, so every test here first restores the
//! default action (death), as a C program has it.
//!
//! This file is its own test binary because it changes a process-wide
//! signal disposition.

#[path = "fault_support/sigpipe.rs"]
mod sigpipe;

use sigpipe::default_sigpipe;
use sockcore::poll::wait_ready;
use sockcore::{Domain, Errno, IoSlice, MsgFlags, PollFlags, SockFlags, Socket, Type};

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
    let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).expect("pair");
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
    let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).expect("pair");
    b.close().expect("close the peer");
    assert_every_send_fails(&a);
}

#[test]
fn tcp_peer_closed() {
    default_sigpipe();
    for text in ["127.0.0.1:0", "[::1]:0"] {
        let listener = Socket::listen_on(text, 1).expect("listen_on");
        let addr = listener.local_addr().expect("getsockname");
        let client = Socket::dial_addr(&addr, 2000).expect("dial");
        let (conn, _) = listener.accept(SockFlags::empty()).expect("accept");
        conn.close().expect("close the peer");

        // The first write reaches a closed socket, which answers with a
        // reset; wait for it (error or hang-up) instead of guessing.
        assert_eq!(client.write(b"first"), Ok(5), "{text}");
        let events = wait_ready(client.as_raw_fd(), PollFlags::empty(), 5000).expect("poll");
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
    let (a, _b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).expect("pair");
    a.shutdown(sockcore::Shutdown::Write)
        .expect("shutdown(SHUT_WR)");
    assert_eq!(a.write(b"x"), Err(Errno::EPIPE));
    assert_eq!(a.write_vectored(&[IoSlice::new(b"x")]), Err(Errno::EPIPE));
}
