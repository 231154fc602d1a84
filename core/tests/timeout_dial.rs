//! The descriptor `Socket::dial` leaves behind on every outcome: closed on
//! each failure (refused, timed out, no such Unix path, bad text), and on
//! success a blocking, close-on-exec socket — counted in `/proc/self/fd`.
//!
//! Its own test binary, with one test function: parallel tests opening
//! descriptors would skew the counts.

mod support;

use std::time::Duration;

use sockcore::{Errno, Socket};

use support::backlog::full_listener;
use support::fds::open_fd_count;
use support::sockets::not_listening;

const ROUNDS: usize = 50;

#[test]
fn dial_closes_its_descriptor_on_every_failure() {
    // A bound, non-listening port: connecting is refused.
    let (_holder, refused) = not_listening("127.0.0.1:0");
    // A listener with a full accept queue: connecting times out.
    let full = full_listener("[::1]:0");
    let full_addr = full.addr;
    let missing = format!("unix:/nonexistent-{}/socket", std::process::id());

    let baseline = open_fd_count();
    for _ in 0..ROUNDS {
        assert_eq!(
            Socket::dial_addr(&refused, Some(Duration::from_secs(1))).err(),
            Some(Errno::ECONNREFUSED)
        );
        assert_eq!(
            Socket::dial_addr(&refused, None).err(),
            Some(Errno::ECONNREFUSED)
        );
        assert_eq!(
            Socket::dial(&missing, Some(Duration::from_secs(1))).err(),
            Some(Errno::ENOENT)
        );
        assert_eq!(
            Socket::dial("not an address", Some(Duration::from_secs(1))).err(),
            Some(Errno::EINVAL)
        );
    }
    assert_eq!(open_fd_count(), baseline, "refused, missing path, bad text");
    for _ in 0..5 {
        assert_eq!(
            Socket::dial_addr(&full_addr, Some(Duration::from_millis(20))).err(),
            Some(Errno::ETIMEDOUT)
        );
    }
    assert_eq!(open_fd_count(), baseline, "timed out");

    // Success: one new descriptor, blocking and close-on-exec, released on
    // drop.
    let listener = Socket::listen_on("127.0.0.1:0", 4).expect("listen");
    let baseline = open_fd_count();
    let client = Socket::dial_addr(
        &listener.local_addr().expect("name"),
        Some(Duration::from_secs(1)),
    )
    .expect("dial");
    assert_eq!(open_fd_count(), baseline + 1);
    assert_eq!(client.is_nonblocking(), Ok(false));
    assert_eq!(client.is_cloexec(), Ok(true));
    drop(client);
    assert_eq!(open_fd_count(), baseline);
}
