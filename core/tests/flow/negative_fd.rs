//! A negative descriptor, such as an error code stored where a descriptor
//! should be, is refused at once with `EBADF` by every call that polls it:
//! `poll(2)` skips negative entries, so without the check these calls would
//! wait out their whole time-out (or, with none, never return). `poll`
//! itself keeps the system call's contract and ignores such an entry.

use std::time::{Duration, Instant};

use sockcore::poll::{poll, wait_ready};
use sockcore::{BorrowedSocket, Errno, PollFd, PollFlags, SockFlags, Socket};

/// Long enough that a wait would show: the calls must return far sooner.
const TIMEOUT: Option<Duration> = Some(Duration::from_secs(10));

/// Asserts that `call` fails with `EBADF` well before [`TIMEOUT`].
fn refused_at_once<T: std::fmt::Debug>(what: &str, call: impl FnOnce() -> sockcore::Result<T>) {
    let started = Instant::now();
    assert_eq!(call().err(), Some(Errno::EBADF), "{what}");
    let waited = started.elapsed();
    assert!(waited < Duration::from_secs(1), "{what} waited {waited:?}");
}

#[test]
fn timed_calls_refuse_a_negative_descriptor_at_once() {
    let mut buf = [0u8; 4];
    for fd in [-1, -libc::EMFILE, i32::MIN] {
        refused_at_once("wait_ready", || wait_ready(fd, PollFlags::IN, TIMEOUT));
        refused_at_once("wait_ready, at once", || {
            wait_ready(fd, PollFlags::OUT, Some(Duration::ZERO))
        });
        // SAFETY: the number is only handed to system calls, which refuse it;
        // no memory depends on it.
        let socket = unsafe { BorrowedSocket::borrow_raw(fd) };
        refused_at_once("read_within", || socket.read_within(&mut buf, TIMEOUT));
        refused_at_once("write_within", || socket.write_within(b"x", TIMEOUT));
        refused_at_once("accept_within", || {
            socket.accept_within(SockFlags::empty(), TIMEOUT)
        });
        // The calls that make one system call get the kernel's own answer.
        assert_eq!(socket.read(&mut buf), Err(Errno::EBADF));
    }
}

#[test]
fn poll_ignores_a_negative_entry_as_poll_2_does() {
    let (a, b) = Socket::pair(
        sockcore::Domain::UNIX,
        sockcore::Type::STREAM,
        SockFlags::empty(),
    )
    .expect("socketpair");
    a.write(b"x").expect("write");
    let mut fds = [
        PollFd::new(-1, PollFlags::IN),
        PollFd::new(b.as_raw_fd(), PollFlags::IN),
    ];
    assert_eq!(poll(&mut fds, Some(Duration::ZERO)), Ok(1));
    assert!(fds[0].revents().is_empty());
    assert!(fds[1].revents().contains(PollFlags::IN));
}
