//! No descriptor leaked by any failure path: each kind of failure runs
//! 1,000 times, asserting its exact error every time, and the number of
//! entries in `/proc/self/fd` must be the same before and after.
//!
//! Its own test binary, with one test: parallel tests would open
//! descriptors of their own while the count is taken.

mod support;

use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use sockcore::{
    Domain, Epoll, EpollEvent, EpollFlags, Errno, MsgFlags, SockFlags, Socket, SocketAddr, Type,
    ZerocopyRange,
};

use support::backlog::full_listener;
use support::fds::open_fd_count;
use support::sockets::{abstract_text, new_socket, not_listening, stream_pair};
use support::temp_dir::TempDir;

const RUNS: usize = 1000;

/// One kind of failure: what it is, the error it must give, and one run.
struct Kind<'a> {
    name: &'a str,
    expect: Errno,
    fail: &'a dyn Fn() -> Errno,
}

#[test]
fn failures_leak_no_descriptor() {
    let dir = TempDir::new("fault-leaks");
    let (_refused4, refused4) = not_listening("127.0.0.1:0");
    let (_refused6, refused6) = not_listening("[::1]:0");
    let (_refused_unix, refused_unix) = not_listening(&dir.unix_text("bound"));
    let missing_unix = SocketAddr::parse(&dir.unix_text("missing")).unwrap();
    let full_tcp = full_listener("127.0.0.1:0");
    let full_unix = full_listener(&abstract_text("fault-leaks"));
    let in_use_tcp = Socket::listen_on("127.0.0.1:0", 1).unwrap();
    let in_use_tcp = in_use_tcp.local_addr().unwrap().to_string();
    let in_use_unix = dir.unix_text("in-use");
    let _in_use_unix = Socket::listen_on(&in_use_unix, 1).unwrap();
    let missing_dir = dir.unix_text("no-such-dir/socket");
    let v4 = SocketAddr::parse("127.0.0.1:9").unwrap();
    let unix = SocketAddr::parse(&dir.unix_text("any")).unwrap();
    let (lonely, gone) = stream_pair();
    drop(gone);
    let epoll = Epoll::new().unwrap();
    let plain_file = dir.file_holding("plain", b"some bytes");
    let (watched, _peer) = stream_pair();
    let mut pipe = [0; 2];
    // SAFETY: pipe fills the two-int array; both ends are closed below.
    assert_eq!(unsafe { libc::pipe(pipe.as_mut_ptr()) }, 0);
    let (carrier, no_error_queue) =
        Socket::pair(Domain::UNIX, Type::DGRAM, SockFlags::empty()).unwrap();

    let kinds = [
        Kind {
            name: "dial refused, TCP IPv4",
            expect: Errno::ECONNREFUSED,
            fail: &|| Socket::dial_addr(&refused4, Some(Duration::from_secs(1))).unwrap_err(),
        },
        Kind {
            name: "dial refused, TCP IPv6",
            expect: Errno::ECONNREFUSED,
            fail: &|| Socket::dial_addr(&refused6, Some(Duration::from_secs(1))).unwrap_err(),
        },
        Kind {
            name: "dial refused, Unix path",
            expect: Errno::ECONNREFUSED,
            fail: &|| Socket::dial_addr(&refused_unix, Some(Duration::from_secs(1))).unwrap_err(),
        },
        Kind {
            name: "dial, missing Unix path",
            expect: Errno::ENOENT,
            fail: &|| Socket::dial_addr(&missing_unix, Some(Duration::from_secs(1))).unwrap_err(),
        },
        // 1 ms rather than the 200 ms of the time-out test, so 1,000 runs
        // take about a second: the failure path is the same.
        Kind {
            name: "dial time-out (1 ms), TCP full backlog",
            expect: Errno::ETIMEDOUT,
            fail: &|| {
                Socket::dial_addr(&full_tcp.addr, Some(Duration::from_millis(1))).unwrap_err()
            },
        },
        Kind {
            name: "dial, Unix full backlog",
            expect: Errno::EAGAIN,
            fail: &|| Socket::dial_addr(&full_unix.addr, Some(Duration::from_secs(1))).unwrap_err(),
        },
        Kind {
            name: "dial, malformed text",
            expect: Errno::EINVAL,
            fail: &|| Socket::dial("localhost:80", Some(Duration::from_secs(1))).unwrap_err(),
        },
        Kind {
            name: "listen_on, TCP address in use",
            expect: Errno::EADDRINUSE,
            fail: &|| Socket::listen_on(&in_use_tcp, 1).unwrap_err(),
        },
        Kind {
            name: "listen_on, Unix path in use",
            expect: Errno::EADDRINUSE,
            fail: &|| Socket::listen_on(&in_use_unix, 1).unwrap_err(),
        },
        Kind {
            name: "listen_on, Unix path in a missing directory",
            expect: Errno::ENOENT,
            fail: &|| Socket::listen_on(&missing_dir, 1).unwrap_err(),
        },
        Kind {
            name: "listen_on, malformed text",
            expect: Errno::EINVAL,
            fail: &|| Socket::listen_on("127.0.0.1", 1).unwrap_err(),
        },
        Kind {
            name: "bind, IPv4 socket to a Unix address",
            expect: Errno::EAFNOSUPPORT,
            fail: &|| {
                new_socket(Domain::IPV4, Type::STREAM)
                    .bind(&unix)
                    .unwrap_err()
            },
        },
        Kind {
            name: "connect, IPv4 socket to a Unix address",
            expect: Errno::EAFNOSUPPORT,
            fail: &|| {
                new_socket(Domain::IPV4, Type::STREAM)
                    .connect(&unix)
                    .unwrap_err()
            },
        },
        Kind {
            name: "connect, IPv6 socket to an IPv4 address",
            expect: Errno::EINVAL,
            fail: &|| {
                new_socket(Domain::IPV6, Type::STREAM)
                    .connect(&v4)
                    .unwrap_err()
            },
        },
        Kind {
            name: "connect, Unix socket to an IPv4 address",
            expect: Errno::EINVAL,
            fail: &|| {
                new_socket(Domain::UNIX, Type::STREAM)
                    .connect(&v4)
                    .unwrap_err()
            },
        },
        Kind {
            name: "accept on a socket that does not listen",
            expect: Errno::EINVAL,
            fail: &|| {
                new_socket(Domain::IPV4, Type::STREAM)
                    .accept(SockFlags::empty())
                    .unwrap_err()
            },
        },
        Kind {
            name: "socket, unknown domain",
            expect: Errno::EAFNOSUPPORT,
            fail: &|| Socket::new(Domain(4242), Type::STREAM, SockFlags::empty()).unwrap_err(),
        },
        Kind {
            name: "socketpair, IPv4",
            expect: Errno::EOPNOTSUPP,
            fail: &|| Socket::pair(Domain::IPV4, Type::STREAM, SockFlags::empty()).unwrap_err(),
        },
        Kind {
            name: "send to a closed peer",
            expect: Errno::EPIPE,
            fail: &|| lonely.send(b"late", MsgFlags::empty()).unwrap_err(),
        },
        Kind {
            name: "a new epoll instance watching a closed descriptor, dropped",
            expect: Errno::EBADF,
            fail: &|| {
                Epoll::new()
                    .unwrap()
                    .add(-1, EpollFlags::IN, 0)
                    .unwrap_err()
            },
        },
        Kind {
            name: "epoll add of a regular file",
            expect: Errno::EPERM,
            fail: &|| {
                epoll
                    .add(plain_file.as_raw_fd(), EpollFlags::IN, 0)
                    .unwrap_err()
            },
        },
        Kind {
            name: "epoll add twice",
            expect: Errno::EEXIST,
            fail: &|| {
                let _ = epoll.add(watched.as_raw_fd(), EpollFlags::IN, 0);
                epoll
                    .add(watched.as_raw_fd(), EpollFlags::IN, 0)
                    .unwrap_err()
            },
        },
        Kind {
            name: "epoll wait into an empty array",
            expect: Errno::EINVAL,
            fail: &|| {
                let none: &mut [EpollEvent] = &mut [];
                epoll.wait(none, Some(Duration::ZERO)).unwrap_err()
            },
        },
        Kind {
            name: "send_file from a pipe",
            expect: Errno::ESPIPE,
            fail: &|| lonely.send_file(pipe[0], &mut 0, 1).unwrap_err(),
        },
        Kind {
            name: "send_file_all to a closed peer",
            expect: Errno::EPIPE,
            fail: &|| {
                lonely
                    .send_file_all(plain_file.as_raw_fd(), &mut 0, 4)
                    .unwrap_err()
                    .errno
            },
        },
        Kind {
            name: "tcp_info of a Unix socket",
            expect: Errno::EOPNOTSUPP,
            fail: &|| lonely.tcp_info().unwrap_err(),
        },
        // A Unix socket has no error queue: the read takes the datagram,
        // and the descriptor that came with it is closed.
        Kind {
            name: "zero-copy completions of a Unix datagram with a descriptor",
            expect: Errno::EOPNOTSUPP,
            fail: &|| {
                carrier.send_fds(b"x", &[carrier.as_raw_fd()]).unwrap();
                let mut ranges = [ZerocopyRange::default(); 2];
                no_error_queue
                    .recv_zerocopy_completions(&mut ranges)
                    .unwrap_err()
            },
        },
    ];

    let mut held = 0;
    for kind in &kinds {
        let start = Instant::now();
        let before = open_fd_count();
        for run in 0..RUNS {
            assert_eq!((kind.fail)(), kind.expect, "{}: run {run}", kind.name);
        }
        let after = open_fd_count();
        assert_eq!(after, before, "{}: descriptors leaked", kind.name);
        held += 1;
        println!(
            "leaks: {}: {RUNS} x {}, descriptors {before} before and {after} after, {:?}",
            kind.name,
            kind.expect.name(),
            start.elapsed()
        );
    }
    // SAFETY: both ends are ours, closed once.
    unsafe {
        libc::close(pipe[0]);
        libc::close(pipe[1]);
    }
    println!(
        "leaks: {} kinds x {RUNS} failures, {held} held",
        kinds.len()
    );
}
