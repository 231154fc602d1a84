//! Close-on-exec on every descriptor the library creates, accepts or
//! receives (epoll instances included): with all of them open, a child runs `ls -l /proc/self/fd`, and
//! none of them may appear in its list. Descriptors are compared by what
//! they point to (the `socket:[N]` or path link target), not by number,
//! since the child may reuse a number for a file of its own.
//!
//! A control socket with close-on-exec cleared (`set_cloexec(false)`) must
//! show up in the child, proving the check can see an inherited descriptor.
//!
//! Its own test binary: it execs a child while a descriptor without
//! close-on-exec is open, which any other test's child would inherit too.

mod support;

use std::collections::BTreeSet;
use std::os::fd::AsRawFd;
use std::process::Command;
use std::time::Duration;

use sockcore::{Domain, Epoll, Errno, MsgFlags, OwnedFd, SockFlags, Socket, Type};

use support::sockets::{abstract_text, stream_pair};
use support::temp_dir::TempDir;

/// The link target of one of our descriptors: `socket:[N]` or a path.
fn target(fd: i32) -> String {
    std::fs::read_link(format!("/proc/self/fd/{fd}"))
        .expect("readlink")
        .to_string_lossy()
        .into_owned()
}

/// Whether `fd` has `FD_CLOEXEC`, for a descriptor that is not a socket.
fn is_cloexec(fd: i32) -> Result<bool, Errno> {
    // SAFETY: F_GETFD takes no pointer.
    match unsafe { libc::fcntl(fd, libc::F_GETFD) } {
        -1 => Err(Errno::EBADF),
        flags => Ok(flags & libc::FD_CLOEXEC != 0),
    }
}

/// The link targets of the descriptors a child started now inherits.
fn inherited_by_a_child() -> BTreeSet<String> {
    let output = Command::new("ls")
        .args(["-l", "/proc/self/fd"])
        .output()
        .expect("run ls");
    assert!(output.status.success(), "ls: {:?}", output.status);
    String::from_utf8(output.stdout)
        .expect("ls output")
        .lines()
        .filter_map(|line| line.split_once(" -> ").map(|(_, to)| to.to_string()))
        .collect()
}

#[test]
fn no_descriptor_the_library_makes_reaches_a_child() {
    let dir = TempDir::new("fault-cloexec");
    let mut sockets: Vec<(String, Socket)> = Vec::new();
    let mut add = |name: &str, socket: Socket| sockets.push((name.to_string(), socket));

    for (domain, types) in [
        (Domain::IPV4, &[Type::STREAM, Type::DGRAM][..]),
        (Domain::IPV6, &[Type::STREAM, Type::DGRAM][..]),
        (
            Domain::UNIX,
            &[Type::STREAM, Type::DGRAM, Type::SEQPACKET][..],
        ),
    ] {
        for &ty in types {
            for flags in [SockFlags::empty(), SockFlags::NONBLOCK] {
                let socket = Socket::new(domain, ty, flags).unwrap();
                add(&format!("new {domain:?} {ty:?} {flags:?}"), socket);
            }
        }
    }
    add(
        "with_protocol IPPROTO_UDP",
        Socket::with_protocol(
            Domain::IPV4,
            Type::DGRAM,
            libc::IPPROTO_UDP,
            SockFlags::empty(),
        )
        .unwrap(),
    );
    for ty in [Type::STREAM, Type::DGRAM, Type::SEQPACKET] {
        let (a, b) = Socket::pair(Domain::UNIX, ty, SockFlags::empty()).unwrap();
        add(&format!("pair {ty:?} a"), a);
        add(&format!("pair {ty:?} b"), b);
    }
    let path = dir.unix_text("listener");
    for listen in [
        "127.0.0.1:0".to_string(),
        "[::1]:0".to_string(),
        path,
        abstract_text("fault-cloexec-listener"),
    ] {
        let listener = Socket::listen_on(&listen, 4).unwrap();
        let addr = listener.local_addr().unwrap();
        let client = Socket::dial_addr(&addr, Some(Duration::from_secs(1))).unwrap();
        let (accepted, _) = listener.accept(SockFlags::empty()).unwrap();
        let second = Socket::dial_addr(&addr, Some(Duration::from_secs(1))).unwrap();
        let accepted_only = listener.accept_only(SockFlags::NONBLOCK).unwrap();
        add(&format!("listen_on {listen}"), listener);
        add(&format!("dial {listen}"), client);
        add(&format!("dial {listen} (second)"), second);
        add(&format!("accept {listen}"), accepted);
        add(&format!("accept_only NONBLOCK {listen}"), accepted_only);
    }

    // Received descriptors: a socket and a file, sent over a socketpair and
    // closed on the sending side, so only the received copies remain.
    // FD_CLOEXEC is never sent: only MSG_CMSG_CLOEXEC on receipt sets it.
    let (sender, receiver) = stream_pair();
    let passed_socket = Socket::new(Domain::UNIX, Type::DGRAM, SockFlags::empty()).unwrap();
    let passed_file = std::fs::File::create(dir.path().join("passed")).unwrap();
    assert_eq!(
        sender.send_fds(b"x", &[passed_socket.as_raw_fd(), passed_file.as_raw_fd()]),
        Ok(1)
    );
    drop((passed_socket, passed_file));
    let mut fds: [Option<OwnedFd>; 2] = [None, None];
    let got = receiver
        .recv_fds(&mut [0u8; 1], &mut fds, MsgFlags::empty())
        .unwrap();
    assert_eq!((got.len, got.fds), (1, 2));
    let received: Vec<(&str, OwnedFd)> = ["received socket", "received file"]
        .into_iter()
        .zip(fds.into_iter().map(Option::unwrap))
        .collect();
    add("socketpair for passing, sender", sender);
    add("socketpair for passing, receiver", receiver);
    let epoll = Epoll::new().unwrap();

    let control = Socket::new(Domain::UNIX, Type::STREAM, SockFlags::empty()).unwrap();
    control.set_cloexec(false).unwrap();

    let inherited = inherited_by_a_child();
    assert!(
        inherited.contains(&target(control.as_raw_fd())),
        "the control socket without close-on-exec did not reach the child: {inherited:?}"
    );
    let made = sockets
        .iter()
        .map(|(name, socket)| (name.as_str(), socket.as_raw_fd(), socket.is_cloexec()))
        .chain(
            received
                .iter()
                .map(|(name, fd)| (*name, fd.as_raw_fd(), fd.is_cloexec())),
        )
        .chain(std::iter::once((
            "Epoll::new",
            epoll.as_raw_fd(),
            is_cloexec(epoll.as_raw_fd()),
        )));
    let mut held = 0;
    for (name, fd, cloexec) in made {
        assert_eq!(cloexec, Ok(true), "{name}: FD_CLOEXEC");
        let link = target(fd);
        assert!(
            !inherited.contains(&link),
            "{name}: fd {fd} ({link}) reached the child"
        );
        held += 1;
    }
    dir.remove();
    println!(
        "cloexec: {} descriptors (socket, socketpair, listen_on, dial, accept, accept_only, \
         received over SCM_RIGHTS, epoll), {held} held: none in the child's /proc/self/fd; \
         the control without FD_CLOEXEC was",
        sockets.len() + received.len() + 1
    );
}
