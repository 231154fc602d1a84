//! Credentials: `SO_PASSCRED` and `SCM_CREDENTIALS` (sent by the kernel or
//! by the sender), and `SO_PEERCRED`.

use std::time::Duration;

use sockcore::{
    cmsg_space_for_creds, cmsg_space_for_fds, CmsgBuffer, CmsgBuilder, ControlMessage, Credentials,
    Errno, IoSlice, MsgFlags, OwnedFd, SockFlags, Socket, Type,
};

use crate::support::msg::recv_one;
use crate::support::sockets::unix_pair;
use crate::support::temp_dir::TempDir;

/// Receives one message of up to 16 bytes with room for credentials and
/// two descriptors; returns the data and the credentials that came.
fn receive(socket: &Socket) -> (Vec<u8>, Option<Credentials>, usize) {
    let mut data = [0u8; 16];
    let mut space = CmsgBuffer::<{ cmsg_space_for_creds() + cmsg_space_for_fds(2) }>::new();
    let msg = recv_one(socket, &mut data, &mut space, MsgFlags::empty());
    assert_eq!(msg.flags, MsgFlags::empty());
    let fds = msg.control.fd_count();
    (data[..msg.len].to_vec(), msg.control.credentials(), fds)
}

#[test]
fn pass_credentials_round_trip() {
    for ty in [Type::STREAM, Type::DGRAM, Type::SEQPACKET] {
        let (a, _b) = unix_pair(ty, SockFlags::empty());
        assert_eq!(a.pass_credentials(), Ok(false), "off by default");
        a.set_pass_credentials(true).expect("set");
        assert_eq!(a.pass_credentials(), Ok(true));
        a.set_pass_credentials(false).expect("clear");
        assert_eq!(a.pass_credentials(), Ok(false));
    }
}

#[test]
fn the_kernel_attaches_the_senders_credentials() {
    for ty in [Type::STREAM, Type::DGRAM, Type::SEQPACKET] {
        let (a, b) = unix_pair(ty, SockFlags::empty());
        b.set_pass_credentials(true).expect("SO_PASSCRED");
        assert_eq!(a.write(b"who"), Ok(3));
        let (data, creds, fds) = receive(&b);
        assert_eq!(data, b"who");
        assert_eq!(creds, Some(Credentials::current()), "{ty:?}");
        assert_eq!(fds, 0);
    }
}

#[test]
fn explicit_credentials_with_descriptors() {
    let (a, b) = unix_pair(Type::SEQPACKET, SockFlags::empty());
    b.set_pass_credentials(true).expect("SO_PASSCRED");
    let mut space = CmsgBuffer::<{ cmsg_space_for_creds() + cmsg_space_for_fds(1) }>::new();
    let mut builder = CmsgBuilder::new(&mut space);
    builder
        .push_credentials(&Credentials::current())
        .expect("creds");
    builder.push_fds(&[a.as_raw_fd()]).expect("fd");
    let bufs = [IoSlice::new(b"both")];
    assert_eq!(
        a.send_msg(&bufs, builder.finish(), None, MsgFlags::empty()),
        Ok(4)
    );

    let (data, creds, fds) = receive(&b);
    assert_eq!(data, b"both");
    assert_eq!(creds, Some(Credentials::current()));
    assert_eq!(fds, 1);

    // recv_fds leaves room for the credentials that SO_PASSCRED adds, so
    // the descriptor is not lost to truncation.
    assert_eq!(a.send_fds(b"fd", &[a.as_raw_fd()]), Ok(2));
    let mut data = [0u8; 4];
    let mut slots: [Option<OwnedFd>; 1] = [None];
    let got = b
        .recv_fds(&mut data, &mut slots, MsgFlags::empty())
        .expect("recv_fds");
    assert_eq!((got.len, got.fds, got.flags), (2, 1, MsgFlags::empty()));
}

#[test]
fn credentials_of_another_user_need_privilege() {
    let (a, b) = unix_pair(Type::DGRAM, SockFlags::empty());
    b.set_pass_credentials(true).expect("SO_PASSCRED");
    let me = Credentials::current();
    let other = Credentials {
        uid: me.uid.wrapping_add(4242),
        gid: me.gid.wrapping_add(4242),
        ..me
    };
    let mut space = CmsgBuffer::<{ cmsg_space_for_creds() }>::new();
    let mut builder = CmsgBuilder::new(&mut space);
    builder.push_credentials(&other).expect("creds");
    let sent = a.send_msg(
        &[IoSlice::new(b"x")],
        builder.finish(),
        None,
        MsgFlags::empty(),
    );
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        // Root (CAP_SETUID, CAP_SETGID) may speak for any user.
        assert_eq!(sent, Ok(1));
        let (_, creds, _) = receive(&b);
        assert_eq!(creds, Some(other));
    } else {
        assert_eq!(sent, Err(Errno::EPERM));
    }
}

#[test]
fn without_pass_credentials_none_arrive() {
    let (a, b) = unix_pair(Type::STREAM, SockFlags::empty());
    assert_eq!(a.write(b"anon"), Ok(4));
    let mut data = [0u8; 8];
    let mut space = CmsgBuffer::<{ cmsg_space_for_creds() }>::new();
    let msg = recv_one(&b, &mut data, &mut space, MsgFlags::empty());
    assert_eq!(msg.len, 4);
    assert!(msg.control.is_empty());
    assert_eq!(msg.control.credentials(), None);
}

#[test]
fn credentials_message_decodes_as_such() {
    let (a, b) = unix_pair(Type::STREAM, SockFlags::empty());
    b.set_pass_credentials(true).expect("SO_PASSCRED");
    assert_eq!(a.write(b"z"), Ok(1));
    let mut data = [0u8; 1];
    let mut space = CmsgBuffer::<{ cmsg_space_for_creds() }>::new();
    let msg = recv_one(&b, &mut data, &mut space, MsgFlags::empty());
    let all: Vec<ControlMessage<'_>> = msg.control.messages().collect();
    assert_eq!(all.len(), 1);
    assert!(
        matches!(all[0], ControlMessage::Credentials(c) if c == Credentials::current()),
        "{all:?}"
    );
    assert_eq!(msg.control.len(), cmsg_space_for_creds());
}

#[test]
fn peer_credentials_of_unix_peers() {
    let (a, b) = unix_pair(Type::STREAM, SockFlags::empty());
    assert_eq!(a.peer_credentials(), Ok(Credentials::current()));
    assert_eq!(b.peer_credentials(), Ok(Credentials::current()));

    // Over a listener: both ends see this process.
    let dir = TempDir::new("peercred");
    let text = dir.unix_text("s");
    let listener = Socket::listen_on(&text, 4).expect("listen");
    let client = Socket::dial(&text, Some(Duration::from_secs(1))).expect("dial");
    let (server_side, _) = listener.accept(SockFlags::empty()).expect("accept");
    assert_eq!(server_side.peer_credentials(), Ok(Credentials::current()));
    assert_eq!(client.peer_credentials(), Ok(Credentials::current()));
    dir.remove();
}
