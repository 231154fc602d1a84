//! `send_file` and `send_file_all`: a file larger than the socket buffers
//! in one whole transfer, the offset moving call by call on a non-blocking
//! socket, the end of the file, Unix sockets, and the errors.

use std::io::Seek;
use std::os::fd::AsRawFd;
use std::thread;
use std::time::Duration;

use sockcore::poll::wait_ready;
use sockcore::{Errno, PollFlags, Socket};

use crate::support::pattern::pattern_bytes;
use crate::support::sockets::{accepted_pair, stream_pair};
use crate::support::temp_dir::TempDir;

/// More than the send and receive buffers of a loopback connection hold
/// together, and not a multiple of a page.
const LARGE: usize = 8 * 1024 * 1024 + 12_345;

/// Reads `socket` to the end of the stream.
fn read_to_end(socket: &Socket) -> Vec<u8> {
    let mut all = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match socket.read(&mut buf).expect("read") {
            0 => return all,
            n => all.extend_from_slice(&buf[..n]),
        }
    }
}

#[test]
fn a_file_larger_than_the_socket_buffers() {
    let dir = TempDir::new("sendfile-large");
    let data = pattern_bytes(1, LARGE);
    let mut file = dir.file_holding("data", &data);
    let (client, server) = accepted_pair("127.0.0.1:0");
    let received = thread::scope(|scope| {
        let reader = scope.spawn(|| read_to_end(&server));
        let mut offset = 0;
        assert_eq!(
            client.send_file_all(file.as_raw_fd(), &mut offset, LARGE),
            Ok(LARGE)
        );
        assert_eq!(offset, LARGE as u64);
        client.shutdown(sockcore::Shutdown::Write).unwrap();
        reader.join().unwrap()
    });
    assert!(received == data, "the bytes differ");
    // The file's own position never moved.
    assert_eq!(file.stream_position().unwrap(), 0);
}

#[test]
fn the_offset_moves_call_by_call() {
    const START: u64 = 4097;
    let dir = TempDir::new("sendfile-offset");
    let data = pattern_bytes(2, LARGE);
    let file = dir.file_holding("data", &data);
    let (client, server) = accepted_pair("127.0.0.1:0");
    client.set_nonblocking(true).unwrap();

    // Nobody reads yet: the first call fills the buffers and stops short.
    let mut offset = START;
    let first = client
        .send_file(file.as_raw_fd(), &mut offset, LARGE)
        .expect("sendfile");
    assert!(first > 0 && first < LARGE - START as usize, "sent {first}");
    assert_eq!(offset, START + first as u64);
    assert_eq!(
        client.send_file(file.as_raw_fd(), &mut offset, LARGE),
        Err(Errno::EAGAIN)
    );
    assert_eq!(offset, START + first as u64, "moved on EAGAIN");

    let received = thread::scope(|scope| {
        let reader = scope.spawn(|| read_to_end(&server));
        // Each turn sends at least a byte, or waits for room: bounded by the
        // file's length.
        while offset < LARGE as u64 {
            wait_ready(
                client.as_raw_fd(),
                PollFlags::OUT,
                Some(Duration::from_secs(5)),
            )
            .expect("POLLOUT");
            match client.send_file(file.as_raw_fd(), &mut offset, LARGE) {
                Ok(sent) => assert!(sent > 0, "sent nothing before the end"),
                Err(Errno::EAGAIN) => {}
                Err(e) => panic!("sendfile: {e}"),
            }
        }
        client.shutdown(sockcore::Shutdown::Write).unwrap();
        reader.join().unwrap()
    });
    assert_eq!(offset, LARGE as u64);
    assert!(received == data[START as usize..], "the bytes differ");
}

#[test]
fn the_end_of_the_file() {
    let dir = TempDir::new("sendfile-end");
    let file = dir.file_holding("data", b"0123456789");
    let (a, b) = stream_pair();
    // More than remains: what remains.
    let mut offset = 6;
    assert_eq!(a.send_file_all(file.as_raw_fd(), &mut offset, 100), Ok(4));
    assert_eq!(offset, 10);
    // At and past the end: nothing.
    assert_eq!(a.send_file_all(file.as_raw_fd(), &mut offset, 100), Ok(0));
    assert_eq!(a.send_file(file.as_raw_fd(), &mut offset, 100), Ok(0));
    let mut past = 1000;
    assert_eq!(a.send_file(file.as_raw_fd(), &mut past, 100), Ok(0));
    assert_eq!(past, 1000);
    // Nothing asked: nothing sent, no call needed.
    let mut start = 0;
    assert_eq!(a.send_file_all(file.as_raw_fd(), &mut start, 0), Ok(0));
    let mut buf = [0u8; 8];
    assert_eq!(b.read(&mut buf), Ok(4));
    assert_eq!(&buf[..4], b"6789");
}

#[test]
fn errors() {
    let dir = TempDir::new("sendfile-errors");
    let file = dir.file_holding("data", b"some bytes");
    let (a, b) = stream_pair();
    b.set_nonblocking(true).unwrap();

    // Past what the kernel's signed offset holds: refused before any call.
    for bad in [i64::MAX as u64 + 1, u64::MAX] {
        let mut offset = bad;
        assert_eq!(
            a.send_file(file.as_raw_fd(), &mut offset, 1),
            Err(Errno::EINVAL)
        );
        let stopped = a.send_file_all(file.as_raw_fd(), &mut offset, 1);
        assert_eq!(
            stopped.map_err(|e| (e.errno, e.done)),
            Err((Errno::EINVAL, 0))
        );
        assert_eq!(offset, bad);
    }

    let mut offset = 0;
    let mut pipe = [0; 2];
    // SAFETY: pipe fills the two-int array.
    assert_eq!(unsafe { libc::pipe(pipe.as_mut_ptr()) }, 0);
    assert_eq!(
        a.send_file(pipe[0], &mut offset, 1),
        Err(Errno::ESPIPE),
        "a pipe has no offset"
    );
    // SAFETY: both ends are ours and closed once.
    unsafe {
        libc::close(pipe[0]);
        libc::close(pipe[1]);
    }
    let (c, _d) = stream_pair();
    assert_eq!(
        a.send_file(c.as_raw_fd(), &mut offset, 1),
        Err(Errno::ESPIPE),
        "a socket has no offset"
    );

    let write_only = std::fs::File::options()
        .write(true)
        .open(dir.path().join("data"))
        .unwrap();
    assert_eq!(
        a.send_file(write_only.as_raw_fd(), &mut offset, 1),
        Err(Errno::EBADF)
    );
    let directory = std::fs::File::open(dir.path()).unwrap();
    assert_eq!(
        a.send_file(directory.as_raw_fd(), &mut offset, 1),
        Err(Errno::EINVAL)
    );
    assert_eq!(a.send_file(-1, &mut offset, 1), Err(Errno::EBADF));
    assert_eq!(offset, 0, "moved by a failed call");
    let mut buf = [0u8; 4];
    assert_eq!(b.read(&mut buf), Err(Errno::EAGAIN), "a failed call sent");
}
