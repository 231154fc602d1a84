//! The fallback to `sendmmsg`: turned on by the caller, and forced by the
//! kernel's own refusals (`EINVAL` from a socket with UDP checksums off,
//! `EIO` from a seccomp filter standing in for a device that cannot
//! offload). Either way the datagrams on the wire are those of an
//! offloaded send, and the refusal is remembered; an error that is not
//! about offload is not, and `EMSGSIZE` is returned as it is.

use std::thread;

use sockcore::udp::{GsoStatus, UdpOffload};
use sockcore::{CmsgBuffer, CmsgBuilder, Ecn, Errno, IoSliceMut, MsgFlags, Socket, Tos};

use crate::support::pattern::pattern_bytes;
use crate::support::sockets::set_int;
use crate::support::udp::{drain, loopback, ready_within, receiver, sender};

/// `UDP_NO_CHECK6_TX` and `UDP_NO_CHECK6_RX` (include/uapi/linux/udp.h):
/// IPv6 UDP without checksums, which the libc crate does not name.
const UDP_NO_CHECK6_TX: i32 = 101;
const UDP_NO_CHECK6_RX: i32 = 102;

/// 200 datagrams of 1,200 bytes and one of 17: four offloaded system calls.
const LEN: usize = 240_017;

/// The datagrams `send` puts on the wire to a fresh receiver (without
/// GRO), and that receiver; `prepare` readies it first.
fn on_the_wire(
    v6: bool,
    prepare: impl FnOnce(&Socket),
    send: impl FnOnce(&sockcore::SocketAddr),
) -> Vec<Vec<u8>> {
    let (rx, to) = receiver(loopback(v6), false, 8 << 20);
    prepare(&rx);
    send(&to);
    drain(&rx, 200, 1000)
}

/// The datagrams of the payload, offloaded without trouble.
fn offloaded_datagrams(v6: bool, payload: &[u8]) -> Vec<Vec<u8>> {
    on_the_wire(
        v6,
        |_| {},
        |to| {
            let tx = sender(to);
            let mut offload = UdpOffload::new(&tx).unwrap();
            assert_eq!(
                offload.send(payload, 1200, MsgFlags::empty(), Some(to)),
                Ok(LEN)
            );
            assert_eq!(offload.gso(), GsoStatus::Offloaded);
        },
    )
}

fn without_gso_identical(v6: bool) {
    let payload = pattern_bytes(7, LEN);
    let expected = offloaded_datagrams(v6, &payload);
    assert_eq!(expected.len(), 201);
    let got = on_the_wire(
        v6,
        |_| {},
        |to| {
            let tx = sender(to);
            let mut offload = UdpOffload::without_gso(&tx).unwrap();
            assert_eq!(offload.gso(), GsoStatus::Refused);
            assert_eq!(
                offload.send(&payload, 1200, MsgFlags::empty(), Some(to)),
                Ok(LEN)
            );
            assert_eq!(offload.gso(), GsoStatus::Refused);
        },
    );
    assert!(got == expected, "the same datagrams");
}

#[test]
fn without_gso_identical_v4() {
    without_gso_identical(false);
}

#[test]
fn without_gso_identical_v6() {
    without_gso_identical(true);
}

/// A sender the kernel refuses offload to (`no_checksums` set on it), whose
/// first send falls back and whose later sends stay on `sendmmsg`.
fn refused_identical(v6: bool, no_checksums: impl Fn(&Socket)) {
    let payload = pattern_bytes(8, LEN);
    let expected = offloaded_datagrams(v6, &payload);
    let prepare = |rx: &Socket| {
        if v6 {
            set_int(rx, libc::SOL_UDP, UDP_NO_CHECK6_RX, 1);
        }
    };
    let got = on_the_wire(v6, prepare, |to| {
        let tx = sender(to);
        no_checksums(&tx);
        let mut offload = UdpOffload::new(&tx).unwrap();
        assert_eq!(offload.gso(), GsoStatus::Untried);
        assert_eq!(
            offload.send(&payload, 1200, MsgFlags::empty(), Some(to)),
            Ok(LEN)
        );
        assert_eq!(offload.gso(), GsoStatus::Refused);
        // The stateless call tries offload each time, and falls back too.
        assert_eq!(
            tx.send_segments(&payload, 1200, MsgFlags::empty(), Some(to)),
            Ok(LEN)
        );
    });
    assert_eq!(got.len(), 2 * expected.len());
    assert!(
        got[..201] == expected && got[201..] == expected,
        "the same datagrams"
    );
}

#[test]
fn refusal_einval_v4() {
    refused_identical(false, |tx| {
        set_int(tx, libc::SOL_SOCKET, libc::SO_NO_CHECK, 1)
    });
}

#[test]
fn refusal_einval_v6() {
    refused_identical(true, |tx| set_int(tx, libc::SOL_UDP, UDP_NO_CHECK6_TX, 1));
}

/// Makes every `sendmsg` of the calling thread fail with `EIO`, as a device
/// that cannot offload does, and lets `sendmmsg` through.
fn sendmsg_fails_with_eio_in_this_thread() {
    let instruction = |code: u32, jt: u8, jf: u8, k: u32| libc::sock_filter {
        code: code as u16,
        jt,
        jf,
        k,
    };
    let program = [
        // The system call's number (struct seccomp_data's first field).
        instruction(libc::BPF_LD | libc::BPF_W | libc::BPF_ABS, 0, 0, 0),
        instruction(
            libc::BPF_JMP | libc::BPF_JEQ | libc::BPF_K,
            0,
            1,
            libc::SYS_sendmsg as u32,
        ),
        instruction(
            libc::BPF_RET | libc::BPF_K,
            0,
            0,
            libc::SECCOMP_RET_ERRNO | libc::EIO as u32,
        ),
        instruction(libc::BPF_RET | libc::BPF_K, 0, 0, libc::SECCOMP_RET_ALLOW),
    ];
    let fprog = libc::sock_fprog {
        len: program.len() as u16,
        filter: program.as_ptr() as *mut libc::sock_filter,
    };
    // SAFETY: plain prctl and seccomp calls; the filter program outlives the
    // call, which copies it, and without SECCOMP_FILTER_FLAG_TSYNC binds
    // this thread alone.
    unsafe {
        assert_eq!(libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), 0);
        let installed = libc::syscall(
            libc::SYS_seccomp,
            libc::SECCOMP_SET_MODE_FILTER,
            0,
            &fprog as *const libc::sock_fprog,
        );
        assert_eq!(installed, 0, "seccomp: {}", std::io::Error::last_os_error());
    }
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user refuses seccomp filters")]
fn refusal_eio_seccomp() {
    for v6 in [false, true] {
        let payload = pattern_bytes(9, LEN);
        let expected = offloaded_datagrams(v6, &payload);
        let got = on_the_wire(
            v6,
            |_| {},
            |to| {
                thread::scope(|scope| {
                    scope.spawn(|| {
                        sendmsg_fails_with_eio_in_this_thread();
                        let tx = sender(to);
                        let mut offload = UdpOffload::new(&tx).unwrap();
                        let sent = offload.send(&payload, 1200, MsgFlags::empty(), Some(to));
                        assert_eq!(sent, Ok(LEN));
                        assert_eq!(offload.gso(), GsoStatus::Refused);
                    });
                });
            },
        );
        assert!(got == expected, "the same datagrams");
    }
}

#[test]
fn caller_einval_not_remembered() {
    let (rx, to) = receiver(loopback(false), false, 1 << 20);
    let tx = sender(&to);
    let mut offload = UdpOffload::new(&tx).unwrap();
    // A TTL of 0: the kernel refuses it offloaded and in a batch alike.
    let mut space = CmsgBuffer::<64>::new();
    let mut builder = CmsgBuilder::new(&mut space);
    builder
        .push(libc::IPPROTO_IP, libc::IP_TTL, &0i32.to_ne_bytes())
        .unwrap();
    let control = builder.finish();
    let sent = offload.send_with_control(&[5; 3000], 1000, control, MsgFlags::empty(), Some(&to));
    assert_eq!(sent, Err(Errno::EINVAL));
    assert_eq!(
        offload.gso(),
        GsoStatus::Untried,
        "not a refusal of offload"
    );
    assert!(!ready_within(&rx, 100), "nothing was sent");
    assert_eq!(
        offload.send(&[5; 3000], 1000, MsgFlags::empty(), Some(&to)),
        Ok(3000)
    );
    assert_eq!(offload.gso(), GsoStatus::Offloaded);
    assert_eq!(drain(&rx, 100, 10).len(), 3);
}

#[test]
fn emsgsize_is_returned() {
    // On ::1 a segment of 65,507 bytes and its 48 bytes of headers pass the
    // loopback MTU of 65,536: the kernel says EMSGSIZE, and no fallback
    // would help.
    let (rx, to) = receiver(loopback(true), false, 1 << 20);
    let tx = sender(&to);
    let mut offload = UdpOffload::new(&tx).unwrap();
    let big = vec![1u8; 65_507];
    assert_eq!(
        offload.send(&big, 65_507, MsgFlags::empty(), Some(&to)),
        Err(Errno::EMSGSIZE)
    );
    assert_eq!(offload.gso(), GsoStatus::Untried);
    assert!(!ready_within(&rx, 100));
}

/// The TOS byte of every datagram queued on `rx` (with `IP_RECVTOS` on).
fn received_tos(rx: &Socket, count: usize) -> Vec<u8> {
    let mut tos = Vec::new();
    let mut buf = [0u8; 2048];
    for _ in 0..count {
        assert!(ready_within(rx, 1000));
        let mut control = CmsgBuffer::<64>::new();
        let msg = rx
            .recv_msg(
                &mut [IoSliceMut::new(&mut buf)],
                &mut control,
                MsgFlags::empty(),
            )
            .unwrap();
        let byte = msg.control.messages().tos().map(|tos| tos.0);
        tos.push(byte.expect("an IP_TOS message"));
    }
    tos
}

#[test]
fn control_goes_with_every_datagram() {
    for gso in [true, false] {
        let (rx, to) = receiver(loopback(false), false, 1 << 20);
        set_int(&rx, libc::IPPROTO_IP, libc::IP_RECVTOS, 1);
        let tx = sender(&to);
        let mut offload = if gso {
            UdpOffload::new(&tx).unwrap()
        } else {
            UdpOffload::without_gso(&tx).unwrap()
        };
        let mut space = CmsgBuffer::<64>::new();
        let mut builder = CmsgBuilder::new(&mut space);
        builder.push_tos_for(&to, Tos::new(0, Ecn::Ce)).unwrap();
        let control = builder.finish();
        let sent = offload.send_with_control(&[0; 130], 10, control, MsgFlags::empty(), Some(&to));
        assert_eq!(sent, Ok(130));
        assert_eq!(received_tos(&rx, 13), [3; 13], "offloaded: {gso}");
        assert!(!ready_within(&rx, 50));
    }
}
