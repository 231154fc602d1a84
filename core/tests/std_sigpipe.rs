//! Writes through `io::Write` keep the crate's no-`SIGPIPE` promise even when
//! the process has `SIGPIPE` at its default action (killing), as C programs
//! do. Rust's runtime ignores `SIGPIPE` before `main`, so this test restores
//! the default first; it is alone in its binary because that setting is
//! process-wide.

use std::io::{self, ErrorKind, Write};

use sockcore::{Domain, SockFlags, Socket, Type};

#[test]
fn writes_to_a_closed_peer_return_broken_pipe_with_sigpipe_at_default() {
    // SAFETY: signal only changes this process's disposition of SIGPIPE;
    // no handler runs, and no other test shares this binary.
    let previous = unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
    assert_ne!(previous, libc::SIG_ERR);

    let (mut a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).unwrap();
    drop(b);

    // Had any of these raised SIGPIPE, the process would be dead by now.
    assert_eq!(a.write(b"x").unwrap_err().kind(), ErrorKind::BrokenPipe);
    let vectored = a.write_vectored(&[io::IoSlice::new(b"y")]).unwrap_err();
    assert_eq!(vectored.kind(), ErrorKind::BrokenPipe);
    let copied = io::copy(&mut &b"z"[..], &mut a.borrow()).unwrap_err();
    assert_eq!(copied.kind(), ErrorKind::BrokenPipe);
}
