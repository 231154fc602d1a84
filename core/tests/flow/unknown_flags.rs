//! Flag bits that no constant names, which only `from_bits_retain` can
//! make, are refused with `EINVAL` before they reach the kernel, by every
//! call that takes them, as the C ABI refuses them; nothing moves.

use std::mem::MaybeUninit;

use sockcore::{
    Domain, Errno, IoSlice, IoSliceMut, MmsgHdr, MmsgHdrMut, MsgFlags, OwnedFd, SockFlags, Socket,
    SocketAddr, Type,
};

use crate::support::sockets::unix_pair;

/// `MSG_PROBE` (0x10: probe the path, send nothing), which the kernel acts
/// on, and `0x200`, which it ignores: neither is a constant here.
const UNKNOWN: [i32; 2] = [0x10, 0x200];

/// Asserts nothing is queued on `socket`.
fn nothing_queued(socket: &Socket) {
    let mut byte = [0u8; 1];
    assert_eq!(
        socket.recv(&mut byte, MsgFlags::DONTWAIT),
        Err(Errno::EAGAIN)
    );
}

#[test]
fn message_calls_refuse_unknown_bits() {
    let (a, b) = unix_pair(Type::DGRAM, SockFlags::empty());
    let to = SocketAddr::empty();
    let mut buf = [0u8; 4];
    for bits in UNKNOWN {
        let flags = MsgFlags::from_bits_retain(bits) | MsgFlags::DONTWAIT;
        assert_eq!(a.send(b"x", flags), Err(Errno::EINVAL));
        assert_eq!(a.send_to(b"x", flags, &to), Err(Errno::EINVAL));
        let bufs = [IoSlice::new(b"x")];
        assert_eq!(a.send_msg(&bufs, &[], None, flags), Err(Errno::EINVAL));
        let mut batch = [MmsgHdr::new(&bufs)];
        assert_eq!(a.send_mmsg(&mut batch, flags), Err(Errno::EINVAL));
        nothing_queued(&b);

        a.write(b"y").expect("a datagram to leave queued");
        assert_eq!(b.recv(&mut buf, flags), Err(Errno::EINVAL));
        assert_eq!(b.recv_from(&mut buf, flags).err(), Some(Errno::EINVAL));
        let mut from = SocketAddr::empty();
        assert_eq!(
            b.recv_from_into(&mut buf, flags, &mut from),
            Err(Errno::EINVAL)
        );
        let mut uninit = [MaybeUninit::<u8>::uninit(); 4];
        assert_eq!(b.recv_uninit(&mut uninit, flags).err(), Some(Errno::EINVAL));
        let no_control: &mut [MaybeUninit<u8>] = &mut [];
        let mut bufs = [IoSliceMut::new(&mut buf)];
        let got = b.recv_msg(&mut bufs, no_control, flags);
        assert_eq!(got.err(), Some(Errno::EINVAL));
        let mut batch = [MmsgHdrMut::new(&mut bufs)];
        assert_eq!(b.recv_mmsg(&mut batch, flags, None), Err(Errno::EINVAL));
        let mut slots: [Option<OwnedFd>; 1] = [None];
        let got = b.recv_fds(&mut buf, &mut slots, flags);
        assert_eq!(got, Err(Errno::EINVAL));
        // The datagram is still there.
        assert_eq!(b.recv(&mut buf, MsgFlags::DONTWAIT), Ok(1));
        nothing_queued(&b);
    }
}

#[test]
fn socket_creation_refuses_unknown_bits() {
    // socket(2) would read bit 0 as part of the type: SOCK_DGRAM | 1 is
    // SOCK_RAW.
    let odd = SockFlags::from_bits_retain(1);
    let made = Socket::new(Domain::UNIX, Type::DGRAM, odd);
    assert_eq!(made.err(), Some(Errno::EINVAL));
    let pair = Socket::pair(Domain::UNIX, Type::DGRAM, odd);
    assert_eq!(pair.err(), Some(Errno::EINVAL));
    let cloexec = SockFlags::from_bits_retain(libc::SOCK_CLOEXEC);
    let made = Socket::new(Domain::UNIX, Type::STREAM, cloexec);
    assert_eq!(made.err(), Some(Errno::EINVAL));
}
