//! Writes through `io::Write` keep the crate's no-`SIGPIPE` promise even when
//! the process has `SIGPIPE` at its default action (killing), as C programs
//! do. Rust's runtime ignores `SIGPIPE` before `main`, so this test restores
//! the default first.
//!
//! Its own test binary: the `SIGPIPE` setting is process-wide.

mod support;

use std::io::{self, ErrorKind, Write};

use support::sigpipe::default_sigpipe;
use support::sockets::stream_pair;

#[test]
fn writes_to_a_closed_peer_return_broken_pipe_with_sigpipe_at_default() {
    default_sigpipe();

    let (mut a, b) = stream_pair();
    drop(b);

    // Had any of these raised SIGPIPE, the process would be dead by now.
    assert_eq!(a.write(b"x").unwrap_err().kind(), ErrorKind::BrokenPipe);
    let vectored = a.write_vectored(&[io::IoSlice::new(b"y")]).unwrap_err();
    assert_eq!(vectored.kind(), ErrorKind::BrokenPipe);
    let copied = io::copy(&mut &b"z"[..], &mut a.borrow()).unwrap_err();
    assert_eq!(copied.kind(), ErrorKind::BrokenPipe);
}
