//! No received descriptor leaks: truncated control data, untaken
//! descriptors, peeks, batches and the raw path, counted in
//! `/proc/self/fd`.
//!
//! Its own test binary, with one test function: tests in one binary run
//! on parallel threads, and any other test opening a descriptor would skew
//! the counts.

mod support;

use std::mem::{size_of, MaybeUninit};

use sockcore::{
    cmsg_space_for_fds, CmsgBuffer, ControlMessage, Domain, IoSliceMut, MmsgHdrMut, MsgFlags,
    OwnedFd, SockFlags, Socket, Type,
};
use support::fds::open_fd_count;
use support::msg::recv_one;

/// Rounds per scenario: a leak of one descriptor per round shows as this many.
const ROUNDS: usize = 50;

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user receives into a control buffer twice the size given, so the kernel never \
              truncates; it then drops MSG_CTRUNC and leaves the descriptors that did not fit open"
)]
fn no_received_descriptor_leaks() {
    let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).expect("pair");
    let (d1, d2) = Socket::pair(Domain::UNIX, Type::DGRAM, SockFlags::empty()).expect("pair");
    let passed = a.as_raw_fd();
    let baseline = open_fd_count();

    // 1. Control space for 2 of 5 descriptors: the kernel installs 2 and
    //    sets MSG_CTRUNC; recv_msg closes those 2 before returning.
    for _ in 0..ROUNDS {
        assert_eq!(a.send_fds(b"t", &[passed; 5]), Ok(1));
        let mut byte = [0u8; 1];
        let mut space = CmsgBuffer::<{ cmsg_space_for_fds(2) }>::new();
        let msg = recv_one(&b, &mut byte, &mut space, MsgFlags::empty());
        assert!(msg.flags.contains(MsgFlags::CTRUNC), "{:?}", msg.flags);
        assert_eq!(
            open_fd_count(),
            baseline,
            "closed while the result is alive"
        );
        assert_eq!(msg.control.fd_count(), 0);
        let rights: Vec<usize> = msg
            .control
            .messages()
            .map(|m| match m {
                ControlMessage::Rights(fds) => fds.count(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(rights, [0], "the message is still listed, emptied");
    }
    assert_eq!(open_fd_count(), baseline, "truncated to 2 of 5");

    // 2. Space smaller than one header, and no space at all.
    for space_len in [0usize, 8] {
        for _ in 0..ROUNDS {
            assert_eq!(a.send_fds(b"u", &[passed; 3]), Ok(1));
            let mut byte = [0u8; 1];
            let mut space = [MaybeUninit::<u8>::uninit(); 8];
            let msg = recv_one(&b, &mut byte, &mut space[..space_len], MsgFlags::empty());
            assert!(msg.flags.contains(MsgFlags::CTRUNC));
            assert!(msg.control.is_empty());
        }
        assert_eq!(
            open_fd_count(),
            baseline,
            "control space of {space_len} bytes"
        );
    }

    // 3. Descriptors not taken are closed on drop; taken ones stay open
    //    with their new owner.
    let mut kept: Vec<OwnedFd> = Vec::new();
    for _ in 0..ROUNDS {
        assert_eq!(a.send_fds(b"v", &[passed; 10]), Ok(1));
        let mut byte = [0u8; 1];
        let mut space = CmsgBuffer::<{ cmsg_space_for_fds(10) }>::new();
        let mut msg = recv_one(&b, &mut byte, &mut space, MsgFlags::empty());
        assert_eq!(msg.flags, MsgFlags::empty());
        assert_eq!(open_fd_count(), baseline + kept.len() + 10);
        kept.extend(msg.control.take_fds().take(3));
        drop(msg);
        assert_eq!(open_fd_count(), baseline + kept.len());
    }
    assert_eq!(kept.len(), 3 * ROUNDS);
    drop(kept);
    assert_eq!(
        open_fd_count(),
        baseline,
        "untaken descriptors closed on drop"
    );

    // 4. close_fds closes at once, and dropping afterwards closes nothing
    //    twice (a double close would hit the next descriptor opened).
    for _ in 0..ROUNDS {
        assert_eq!(a.send_fds(b"w", &[passed; 4]), Ok(1));
        let mut byte = [0u8; 1];
        let mut space = CmsgBuffer::<{ cmsg_space_for_fds(4) }>::new();
        let mut msg = recv_one(&b, &mut byte, &mut space, MsgFlags::empty());
        msg.control.close_fds();
        assert_eq!(open_fd_count(), baseline);
        let (sentinel, _other) =
            Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).expect("pair");
        drop(msg);
        assert_eq!(sentinel.socket_type(), Ok(Type::STREAM), "still open");
    }
    assert_eq!(open_fd_count(), baseline, "close_fds");

    // 5. A peek installs duplicates too; they are owned and closed like any
    //    others, and the real receive then gets its own.
    for _ in 0..ROUNDS {
        assert_eq!(a.send_fds(b"x", &[passed; 2]), Ok(1));
        let mut byte = [0u8; 1];
        let mut space = CmsgBuffer::<{ cmsg_space_for_fds(2) }>::new();
        let peeked = recv_one(&b, &mut byte, &mut space, MsgFlags::PEEK);
        assert_eq!(peeked.control.fd_count(), 2);
        drop(peeked);
        let mut slots: [Option<OwnedFd>; 2] = [None, None];
        let got = b
            .recv_fds(&mut byte, &mut slots, MsgFlags::empty())
            .expect("recv_fds");
        assert_eq!(got.fds, 2);
    }
    assert_eq!(open_fd_count(), baseline, "peek");

    // 6. recv_fds with fewer slots than descriptors closes them all.
    for _ in 0..ROUNDS {
        assert_eq!(a.send_fds(b"y", &[passed; 6]), Ok(1));
        let mut byte = [0u8; 1];
        let mut slots: [Option<OwnedFd>; 5] = Default::default();
        let got = b
            .recv_fds(&mut byte, &mut slots, MsgFlags::empty())
            .expect("recv_fds");
        assert_eq!(got.fds, 0);
        assert!(got.flags.contains(MsgFlags::CTRUNC));
    }
    assert_eq!(open_fd_count(), baseline, "recv_fds overflow");

    // 7. The raw path closes the descriptors of a truncated message and
    //    marks their slots -1; C callers get the same guarantee.
    for _ in 0..ROUNDS {
        assert_eq!(a.send_fds(b"z", &[passed; 3]), Ok(1));
        let mut byte = [0u8; 1];
        let mut iov = [IoSliceMut::new(&mut byte)];
        let mut control = [0u64; 3]; // room for 2 descriptors (24 bytes on 64-bit)
                                     // SAFETY: an all-zero msghdr is valid.
        let mut hdr: libc::msghdr = unsafe { std::mem::zeroed() };
        hdr.msg_iov = iov.as_mut_ptr().cast();
        hdr.msg_iovlen = 1;
        hdr.msg_control = control.as_mut_ptr().cast();
        hdr.msg_controllen = cmsg_space_for_fds(2) as _;
        assert!(cmsg_space_for_fds(2) <= size_of::<[u64; 3]>());
        // SAFETY: hdr points at live, writable buffers of the lengths given.
        let n = unsafe { b.recv_msg_raw(&mut hdr, MsgFlags::empty()) };
        assert_eq!(n, Ok(1));
        assert_ne!(hdr.msg_flags & libc::MSG_CTRUNC, 0);
        assert_eq!(hdr.msg_flags & libc::MSG_CMSG_CLOEXEC, 0, "not echoed");
        let len = hdr.msg_controllen as usize;
        // SAFETY: the kernel filled `len` bytes of `control`.
        let bytes = unsafe { std::slice::from_raw_parts(control.as_ptr().cast::<u8>(), len) };
        match sockcore::Cmsgs::new(bytes).next() {
            Some(ControlMessage::Rights(fds)) => assert_eq!(fds.count(), 0, "all marked -1"),
            other => panic!("{other:?}"),
        }
        assert_eq!(open_fd_count(), baseline);
    }

    // 8. Batches: descriptors sent to a datagram socket read with
    //    recv_mmsg (no control space) are dropped by the kernel, flagged.
    for _ in 0..ROUNDS {
        for tag in [b"1", b"2"] {
            assert_eq!(d1.send_fds(tag, &[passed; 3]), Ok(1));
        }
        let (mut x, mut y) = ([0u8; 4], [0u8; 4]);
        let mut bufs = [IoSliceMut::new(&mut x), IoSliceMut::new(&mut y)];
        let (first, second) = bufs.split_at_mut(1);
        let mut msgs = [MmsgHdrMut::new(first), MmsgHdrMut::new(second)];
        assert_eq!(d2.recv_mmsg(&mut msgs, MsgFlags::DONTWAIT, None), Ok(2));
        assert!(msgs.iter().all(|m| m.flags().contains(MsgFlags::CTRUNC)));
        assert_eq!(open_fd_count(), baseline);
    }

    // 9. A batch on the raw path with control space: the truncated
    //    message's descriptors are closed, the whole one's are the caller's.
    for _ in 0..ROUNDS {
        assert_eq!(d1.send_fds(b"a", &[passed; 1]), Ok(1));
        assert_eq!(d1.send_fds(b"b", &[passed; 4]), Ok(1));
        let (mut x, mut y) = ([0u8; 4], [0u8; 4]);
        let mut iov_x = [IoSliceMut::new(&mut x)];
        let mut iov_y = [IoSliceMut::new(&mut y)];
        let mut space_x = CmsgBuffer::<{ cmsg_space_for_fds(2) }>::new();
        let mut space_y = CmsgBuffer::<{ cmsg_space_for_fds(2) }>::new();
        // SAFETY: all-zero mmsghdrs are valid.
        let mut hdrs: [libc::mmsghdr; 2] = unsafe { std::mem::zeroed() };
        for (hdr, (iov, space)) in hdrs.iter_mut().zip([
            (iov_x.as_mut_ptr(), space_x.as_mut_ptr()),
            (iov_y.as_mut_ptr(), space_y.as_mut_ptr()),
        ]) {
            hdr.msg_hdr.msg_iov = iov.cast();
            hdr.msg_hdr.msg_iovlen = 1;
            hdr.msg_hdr.msg_control = space.cast();
            hdr.msg_hdr.msg_controllen = cmsg_space_for_fds(2) as _;
        }
        // SAFETY: every header points at live buffers of the lengths given.
        let n = unsafe { d2.recv_mmsg_raw(&mut hdrs, MsgFlags::DONTWAIT, None) };
        assert_eq!(n, Ok(2));
        assert_eq!(hdrs[0].msg_hdr.msg_flags, 0);
        assert_ne!(hdrs[1].msg_hdr.msg_flags & libc::MSG_CTRUNC, 0);
        assert_eq!(
            open_fd_count(),
            baseline + 1,
            "only the whole message's one"
        );
        let len = hdrs[0].msg_hdr.msg_controllen as usize;
        // SAFETY: the kernel filled `len` bytes of space_x.
        let bytes = unsafe { std::slice::from_raw_parts(space_x.as_ptr().cast::<u8>(), len) };
        let fd = match sockcore::Cmsgs::new(bytes).next() {
            Some(ControlMessage::Rights(mut fds)) => fds.next().expect("one"),
            other => panic!("{other:?}"),
        };
        // SAFETY: recv_mmsg_raw handed this descriptor to us.
        drop(unsafe { OwnedFd::from_raw_fd(fd) });
        assert_eq!(open_fd_count(), baseline);
    }
    assert_eq!(open_fd_count(), baseline, "batches");
}
