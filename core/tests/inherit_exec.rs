//! Handing a socket to a program started with `exec`: a clone with
//! close-on-exec cleared (`try_clone`, `set_cloexec(false)`) reaches the
//! child, which writes through it under the same number; the original,
//! still close-on-exec, does not reach it, and neither does the clone once
//! the flag is set again.
//!
//! Its own test binary: it execs children while a descriptor without
//! close-on-exec is open, which any other test's child would inherit too.

mod support;

use std::process::Command;
use std::time::Duration;

use support::sockets::stream_pair;

/// Runs `sh -c 'printf <text> >&<fd>'`: whether the child could write to
/// descriptor `fd`.
fn child_writes(fd: i32, text: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("printf {text} >&{fd}"))
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run sh")
        .success()
}

#[test]
fn a_socket_handed_on_through_exec() {
    let (ours, theirs) = stream_pair();
    let handed = theirs.try_clone().expect("F_DUPFD_CLOEXEC");
    handed.set_cloexec(false).expect("inheritable");
    assert!(child_writes(handed.as_raw_fd(), "from-the-child"));
    let mut buf = [0u8; 32];
    let n = ours
        .read_within(&mut buf, Some(Duration::from_secs(5)))
        .expect("what the child wrote");
    assert_eq!(&buf[..n], b"from-the-child");

    // The original kept close-on-exec: the child has no such descriptor.
    assert_eq!(theirs.is_cloexec(), Ok(true));
    assert!(!child_writes(theirs.as_raw_fd(), "lost"));
    // Nor has the next child, once the clone is close-on-exec again.
    handed.set_cloexec(true).expect("close-on-exec again");
    assert!(!child_writes(handed.as_raw_fd(), "lost"));
    assert_eq!(
        ours.read_within(&mut buf, Some(Duration::from_millis(200))),
        Err(sockcore::Errno::ETIMEDOUT),
        "nothing else arrived"
    );
}
