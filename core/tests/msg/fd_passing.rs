//! Passing descriptors over Unix sockets with `SCM_RIGHTS`: one, none, the
//! kernel's maximum and one past it, sockets and pipes, several messages,
//! and what the receiver owns.

use std::mem::MaybeUninit;

use sockcore::{
    cmsg_space_for_fds, CmsgBuffer, CmsgBuilder, ControlMessage, Errno, IoSlice, MsgFlags, OwnedFd,
    RawFd, SockFlags, Socket, Type, SCM_MAX_FD,
};

use crate::support::msg::recv_one;
use crate::support::sockets::{stream_pair, unix_pair};

/// A close-on-exec pipe: (read end, write end).
fn pipe() -> (OwnedFd, OwnedFd) {
    let mut fds = [-1; 2];
    // SAFETY: fds is a writable array of two ints.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: pipe2 just created both descriptors; nothing else owns them.
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

fn write_fd(fd: RawFd, bytes: &[u8]) {
    // SAFETY: bytes is readable for its length.
    let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
    assert_eq!(n, bytes.len() as isize);
}

fn read_fd(fd: RawFd, buf: &mut [u8]) -> usize {
    // SAFETY: buf is writable for its length.
    let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
    assert!(n >= 0, "read failed");
    n as usize
}

/// Sends `data` with `fds` through the builder and `send_msg`.
fn send_with_fds(socket: &Socket, data: &[u8], fds: &[RawFd]) -> sockcore::Result<usize> {
    let mut space = CmsgBuffer::<{ cmsg_space_for_fds(SCM_MAX_FD + 1) }>::new();
    let mut builder = CmsgBuilder::new(&mut space);
    builder.push_fds(fds)?;
    socket.send_msg(
        &[IoSlice::new(data)],
        builder.as_bytes(),
        None,
        MsgFlags::empty(),
    )
}

#[test]
fn one_pipe_end_arrives_owned_and_close_on_exec() {
    let (a, b) = stream_pair();
    let (read_end, write_end) = pipe();
    assert_eq!(send_with_fds(&a, b"p", &[read_end.as_raw_fd()]), Ok(1));
    drop(read_end); // the receiver's copy keeps the pipe open

    let mut byte = [0u8; 1];
    let mut space = CmsgBuffer::<{ cmsg_space_for_fds(1) }>::new();
    let mut msg = recv_one(&b, &mut byte, &mut space, MsgFlags::empty());
    assert_eq!((msg.len, byte), (1, *b"p"));
    assert_eq!(msg.flags, MsgFlags::empty());
    assert!(msg.addr.is_empty(), "a connected stream gives no address");
    assert_eq!(msg.control.fd_count(), 1);
    let received = msg.control.take_fds().next().expect("one descriptor");
    assert_eq!(msg.control.fd_count(), 0);
    assert!(msg.control.take_fds().next().is_none());
    assert_eq!(received.is_cloexec(), Ok(true));
    // SAFETY: F_GETFD takes no pointer.
    let flags = unsafe { libc::fcntl(received.as_raw_fd(), libc::F_GETFD) };
    assert_eq!(flags & libc::FD_CLOEXEC, libc::FD_CLOEXEC);

    write_fd(write_end.as_raw_fd(), b"through the pipe");
    let mut buf = [0u8; 32];
    let n = read_fd(received.as_raw_fd(), &mut buf);
    assert_eq!(&buf[..n], b"through the pipe");
    // A pipe is not a socket: into_socket hands it back, still open.
    let back = received.into_socket().expect_err("a pipe is not a socket");
    assert_eq!(back.is_cloexec(), Ok(true));
}

#[test]
fn a_connected_socket_passes_and_keeps_talking() {
    let (a, b) = stream_pair();
    let (near, far) = stream_pair();
    assert_eq!(a.send_fds(b"s", &[far.as_raw_fd()]), Ok(1));
    drop(far);

    let mut data = [0u8; 4];
    let mut slots: [Option<OwnedFd>; 2] = [None, None];
    let got = b
        .recv_fds(&mut data, &mut slots, MsgFlags::empty())
        .expect("recv_fds");
    assert_eq!((got.len, got.fds, got.flags), (1, 1, MsgFlags::empty()));
    assert!(slots[1].is_none());
    let socket = slots[0]
        .take()
        .expect("stored")
        .into_socket()
        .expect("a socket");
    assert_eq!(socket.socket_type(), Ok(Type::STREAM));
    socket
        .write_all(b"hello from the child side")
        .expect("write");
    let mut buf = [0u8; 25];
    assert_eq!(near.read_exact(&mut buf), Ok(25));
    assert_eq!(&buf, b"hello from the child side");
}

#[test]
fn zero_descriptors() {
    let (a, b) = stream_pair();
    // An SCM_RIGHTS message with no descriptors is accepted and vanishes.
    assert_eq!(send_with_fds(&a, b"0", &[]), Ok(1));
    let mut byte = [0u8; 1];
    let mut space = CmsgBuffer::<{ cmsg_space_for_fds(4) }>::new();
    let msg = recv_one(&b, &mut byte, &mut space, MsgFlags::empty());
    assert_eq!(msg.len, 1);
    assert!(msg.control.is_empty(), "{:?}", msg.control);
    assert_eq!(msg.control.fd_count(), 0);
    drop(msg);

    // send_fds with none is a plain send; recv_fds stores none.
    assert_eq!(a.send_fds(b"1", &[]), Ok(1));
    let mut slots: [Option<OwnedFd>; 1] = [None];
    let got = b
        .recv_fds(&mut byte, &mut slots, MsgFlags::empty())
        .expect("recv_fds");
    assert_eq!((got.len, got.fds, got.flags), (1, 0, MsgFlags::empty()));
    assert!(slots[0].is_none());
}

#[test]
fn the_kernel_maximum_of_253_and_one_more() {
    let (a, b) = unix_pair(Type::SEQPACKET, SockFlags::empty());
    let (read_end, write_end) = pipe();
    let many = [read_end.as_raw_fd(); SCM_MAX_FD];
    assert_eq!(send_with_fds(&a, b"max", &many), Ok(3));

    let mut data = [0u8; 8];
    let mut space = CmsgBuffer::<{ cmsg_space_for_fds(SCM_MAX_FD) }>::new();
    let mut msg = recv_one(&b, &mut data, &mut space, MsgFlags::empty());
    assert_eq!(msg.flags, MsgFlags::empty(), "not truncated");
    assert_eq!(msg.control.fd_count(), SCM_MAX_FD);
    let received: Vec<OwnedFd> = msg.control.take_fds().collect();
    assert_eq!(received.len(), SCM_MAX_FD);
    let mut numbers: Vec<RawFd> = received.iter().map(OwnedFd::as_raw_fd).collect();
    numbers.sort_unstable();
    numbers.dedup();
    assert_eq!(numbers.len(), SCM_MAX_FD, "each a new descriptor");
    assert!(received.iter().all(|fd| fd.is_cloexec() == Ok(true)));
    // Every copy reads the same pipe.
    write_fd(write_end.as_raw_fd(), b"x");
    let mut byte = [0u8; 1];
    assert_eq!(read_fd(received[SCM_MAX_FD - 1].as_raw_fd(), &mut byte), 1);

    // SCM_MAX_FD + 1 is the kernel's EINVAL, through either call.
    let too_many = [read_end.as_raw_fd(); SCM_MAX_FD + 1];
    assert_eq!(send_with_fds(&a, b"x", &too_many), Err(Errno::EINVAL));
    assert_eq!(a.send_fds(b"x", &too_many), Err(Errno::EINVAL));
    assert_eq!(a.send_fds(b"y", &many), Ok(1), "the maximum still passes");
}

#[test]
fn several_rights_messages_arrive_merged_in_order() {
    let (a, b) = stream_pair();
    let (p1, _w1) = pipe();
    let (p2, _w2) = pipe();
    let (p3, _w3) = pipe();
    let mut space = CmsgBuffer::<{ cmsg_space_for_fds(1) + cmsg_space_for_fds(2) }>::new();
    let mut builder = CmsgBuilder::new(&mut space);
    builder.push_fds(&[p1.as_raw_fd()]).expect("first");
    builder
        .push_fds(&[p2.as_raw_fd(), p3.as_raw_fd()])
        .expect("second");
    let sent = a.send_msg(
        &[IoSlice::new(b"m")],
        builder.finish(),
        None,
        MsgFlags::empty(),
    );
    assert_eq!(sent, Ok(1));

    let mut byte = [0u8; 1];
    let mut space = CmsgBuffer::<{ cmsg_space_for_fds(8) }>::new();
    let mut msg = recv_one(&b, &mut byte, &mut space, MsgFlags::empty());
    let kinds: Vec<usize> = msg
        .control
        .messages()
        .map(|m| match m {
            ControlMessage::Rights(fds) => fds.count(),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(kinds, [3], "the kernel delivers one SCM_RIGHTS");

    // Take the first only; the others stay listed and owned.
    let first = msg.control.take_fds().next().expect("first");
    assert_eq!(msg.control.fd_count(), 2);
    let rest: Vec<RawFd> = match msg.control.messages().next() {
        Some(ControlMessage::Rights(fds)) => fds.collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(rest.len(), 2);
    assert!(!rest.contains(&first.as_raw_fd()));
    // The taken slot reads -1 in the raw bytes.
    let data_start = sockcore::cmsg_len(0);
    assert_eq!(
        &msg.control.as_bytes()[data_start..data_start + 4],
        &(-1i32).to_ne_bytes()
    );
    assert_eq!(first.is_cloexec(), Ok(true));
}

#[test]
fn release_hands_the_descriptors_over() {
    let (a, b) = stream_pair();
    let (read_end, write_end) = pipe();
    assert_eq!(a.send_fds(b"r", &[read_end.as_raw_fd()]), Ok(1));
    let mut byte = [0u8; 1];
    let mut space = [MaybeUninit::<u8>::uninit(); 64];
    let msg = recv_one(&b, &mut byte, &mut space, MsgFlags::empty());
    let bytes = msg.control.release();
    // Parse the released bytes as C would, and adopt the descriptor.
    let raw = match sockcore::Cmsgs::new(bytes).next() {
        Some(ControlMessage::Rights(mut fds)) => fds.next().expect("one"),
        other => panic!("{other:?}"),
    };
    // SAFETY: release gave up ownership, so this is the only owner.
    let adopted = unsafe { OwnedFd::from_raw_fd(raw) };
    write_fd(write_end.as_raw_fd(), b"still open");
    let mut buf = [0u8; 16];
    let n = read_fd(adopted.as_raw_fd(), &mut buf);
    assert_eq!(&buf[..n], b"still open");
    assert_eq!(adopted.close(), Ok(()));
}

#[test]
fn recv_fds_with_too_few_slots_closes_all_and_says_ctrunc() {
    let (a, b) = stream_pair();
    let (read_end, _write_end) = pipe();
    assert_eq!(a.send_fds(b"3", &[read_end.as_raw_fd(); 3]), Ok(1));
    let mut byte = [0u8; 1];
    let mut slots: [Option<OwnedFd>; 2] = [None, None];
    let got = b
        .recv_fds(&mut byte, &mut slots, MsgFlags::empty())
        .expect("recv_fds");
    assert_eq!(got.len, 1);
    assert_eq!(got.fds, 0);
    assert!(got.flags.contains(MsgFlags::CTRUNC));
    assert!(slots.iter().all(Option::is_none));
}

#[test]
fn recv_raw_fds_hands_over_plain_numbers() {
    let (a, b) = stream_pair();
    let (read_end, write_end) = pipe();
    assert_eq!(a.send_fds(b"r", &[read_end.as_raw_fd(); 2]), Ok(1));
    drop(read_end);

    // An unused slot keeps what it held.
    let mut byte = [0u8; 1];
    let mut slots: [RawFd; 3] = [-7; 3];
    let got = b
        .recv_raw_fds(&mut byte, &mut slots, MsgFlags::empty())
        .expect("recv_raw_fds");
    assert_eq!((got.len, got.fds, got.flags), (1, 2, MsgFlags::empty()));
    assert_eq!(slots[2], -7);
    write_fd(write_end.as_raw_fd(), b"ab");
    for fd in &slots[..2] {
        // SAFETY: recv_raw_fds made each stored descriptor ours to close.
        let owned = unsafe { OwnedFd::from_raw_fd(*fd) };
        assert_eq!(owned.is_cloexec(), Ok(true));
        let mut buf = [0u8; 1];
        assert_eq!(read_fd(owned.as_raw_fd(), &mut buf), 1);
        assert_eq!(owned.close(), Ok(()));
    }

    // Too few slots: none kept, none touched.
    let (read_end, _write_end) = pipe();
    assert_eq!(a.send_fds(b"3", &[read_end.as_raw_fd(); 3]), Ok(1));
    let mut slots: [RawFd; 2] = [-7; 2];
    let got = b
        .recv_raw_fds(&mut byte, &mut slots, MsgFlags::empty())
        .expect("recv_raw_fds");
    assert_eq!(got.fds, 0);
    assert!(got.flags.contains(MsgFlags::CTRUNC));
    assert_eq!(slots, [-7; 2]);
}

#[test]
fn recv_fds_takes_dontwait_and_peek_only() {
    let (a, b) = stream_pair();
    let (read_end, write_end) = pipe();
    let mut byte = [0u8; 1];
    let mut slots: [Option<OwnedFd>; 1] = [None];

    // Nothing queued: DONTWAIT returns at once, even on a blocking socket.
    let nothing = b.recv_fds(&mut byte, &mut slots, MsgFlags::DONTWAIT);
    assert_eq!(nothing, Err(Errno::EAGAIN));
    for flags in [MsgFlags::WAITALL, MsgFlags::CMSG_CLOEXEC, MsgFlags::TRUNC] {
        let refused = b.recv_fds(&mut byte, &mut slots, flags | MsgFlags::DONTWAIT);
        assert_eq!(refused, Err(Errno::EINVAL), "{flags:?}");
    }

    // A peek leaves the message queued, yet hands over a copy of its own.
    assert_eq!(a.send_fds(b"p", &[read_end.as_raw_fd()]), Ok(1));
    let peek = MsgFlags::PEEK | MsgFlags::DONTWAIT;
    let got = b.recv_fds(&mut byte, &mut slots, peek).expect("peek");
    assert_eq!((got.len, got.fds), (1, 1));
    let peeked = slots[0].take().expect("a descriptor");
    let got = b
        .recv_fds(&mut byte, &mut slots, MsgFlags::empty())
        .expect("recv");
    assert_eq!((got.len, got.fds, &byte), (1, 1, b"p"));
    let received = slots[0].take().expect("a descriptor");
    assert_ne!(peeked.as_raw_fd(), received.as_raw_fd());
    write_fd(write_end.as_raw_fd(), b"xy");
    let mut buf = [0u8; 1];
    assert_eq!(read_fd(peeked.as_raw_fd(), &mut buf), 1);
    assert_eq!(read_fd(received.as_raw_fd(), &mut buf), 1);
    assert_eq!(
        b.recv_fds(&mut byte, &mut slots, MsgFlags::DONTWAIT),
        Err(Errno::EAGAIN)
    );
}
