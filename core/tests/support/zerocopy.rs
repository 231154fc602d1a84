//! Zero-copy completions, read and checked: every send number of a run
//! covered exactly once, and the queue left empty with `POLLERR` gone.

use std::time::Duration;

use sockcore::poll::wait_ready;
use sockcore::{Errno, MsgFlags, PollFlags, Socket, ZerocopyRange};

use super::udp::wait_for;

/// Reads completions from `socket` until they cover `count` sends, waiting
/// for `POLLERR` before each read (bounded: each wait fails the test after
/// `WAIT`, and each read covers at least one send). Checks that `POLLERR`
/// comes with no pending error. Returns every range read.
pub fn completions_for(socket: &Socket, count: u32) -> Vec<ZerocopyRange> {
    let mut ranges = Vec::new();
    let mut covered = 0u64;
    while covered < u64::from(count) {
        let ready = wait_for(socket, PollFlags::empty());
        assert!(ready.contains(PollFlags::ERR), "no POLLERR: {ready:?}");
        assert_eq!(socket.take_error(), Ok(None), "POLLERR, yet SO_ERROR 0");
        let mut batch = [ZerocopyRange::default(); 8];
        let stored = socket
            .recv_zerocopy_completions(&mut batch)
            .expect("completions");
        assert!(stored > 0, "POLLERR with no completion");
        covered += batch[..stored].iter().map(ZerocopyRange::len).sum::<u64>();
        ranges.extend_from_slice(&batch[..stored]);
    }
    ranges
}

/// Asserts that `ranges` cover each of the `count` send numbers from
/// `first` exactly once, and nothing else.
pub fn assert_each_once(ranges: &[ZerocopyRange], first: u32, count: u32) {
    let mut seen = vec![0u32; count as usize];
    for range in ranges {
        assert!(range.len() <= u64::from(count), "{range:?}");
        for step in 0..range.len() as u32 {
            let send = range.first().wrapping_add(step);
            let at = send.wrapping_sub(first);
            assert!(
                at < count,
                "{range:?} covers send {send}, not one of {count} from {first}"
            );
            seen[at as usize] += 1;
        }
    }
    let wrong: Vec<(u32, u32)> = (first..)
        .zip(seen)
        .filter(|&(_, times)| times != 1)
        .collect();
    assert!(wrong.is_empty(), "(send, times covered): {wrong:?}");
}

/// Asserts that no completion is left and `POLLERR` has cleared.
pub fn assert_queue_empty(socket: &Socket) {
    let mut batch = [ZerocopyRange::default(); 1];
    assert_eq!(socket.recv_zerocopy_completions(&mut batch), Ok(0));
    // Nothing, or only what else is true of the socket (a hang-up).
    match wait_ready(socket.as_raw_fd(), PollFlags::empty(), Some(Duration::ZERO)) {
        Err(Errno::ETIMEDOUT) => {}
        Ok(ready) => assert!(
            !ready.contains(PollFlags::ERR),
            "POLLERR clears once the queue is read empty: {ready:?}"
        ),
        Err(errno) => panic!("poll: {errno}"),
    }
}

/// How far [`send_until_refused`] got.
pub struct Refused {
    /// Zero-copy sends that moved bytes.
    pub sends: u32,
    /// Bytes sent, by those and by `after_each`.
    pub sent: usize,
    /// The error that ended the run, or `None` after the loop's bound
    /// (100,000 sends).
    pub errno: Option<Errno>,
}

/// Zero-copy sends of `data` on a non-blocking `socket` whose peer does
/// not read, until one is refused; `after_each` runs after each send that
/// went and returns the bytes it sent itself.
pub fn send_until_refused(
    socket: &Socket,
    data: &[u8],
    mut after_each: impl FnMut(&Socket) -> usize,
) -> Refused {
    let mut run = Refused {
        sends: 0,
        sent: 0,
        errno: None,
    };
    for _ in 0..100_000 {
        match socket.send(data, MsgFlags::ZEROCOPY) {
            Ok(n) => {
                run.sends += 1;
                run.sent += n;
            }
            Err(errno) => {
                run.errno = Some(errno);
                break;
            }
        }
        run.sent += after_each(socket);
    }
    run
}
