//! `SO_RXQ_OVFL`: a receiver with a tiny buffer drops most of a burst, and
//! the next datagram it takes says how many, counted by the kernel.

use sockcore::{cmsg_space_for_all_received, CmsgBuffer, MsgFlags};

use crate::support::sockets::set_buffer;
use crate::support::udp::{recv_datagram, udp_pair};

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_RXQ_OVFL")]
fn a_forced_overflow_is_counted() {
    const BURST: u32 = 100;
    let (sender, receiver, to) = udp_pair("127.0.0.1:0");
    receiver.set_recv_drop_count(true).expect("SO_RXQ_OVFL");
    assert_eq!(receiver.recv_drop_count(), Ok(true));
    // The kernel raises 1 to its minimum, a couple of KiB: room for about
    // one 1000-byte datagram.
    set_buffer(&receiver, libc::SO_RCVBUF, 1);
    let datagram = [7u8; 1000];
    for _ in 0..BURST {
        sender
            .send_to(&datagram, MsgFlags::empty(), &to)
            .expect("sendto");
    }
    // Take what the buffer held of the burst (the count 0 on those is no
    // message at all), then send one more, which finds room and carries
    // the count. Bounded: at most the burst, then at most the burst again
    // should late ones arrive before the last.
    let mut received = 0;
    let take = |wait: bool| {
        let mut data = [0u8; 1000];
        let mut control = CmsgBuffer::<{ cmsg_space_for_all_received() }>::new();
        let msg = if wait {
            recv_datagram(&receiver, &mut data, &mut control)
        } else {
            match receiver.recv_msg(
                &mut [sockcore::IoSliceMut::new(&mut data)],
                &mut control,
                MsgFlags::DONTWAIT,
            ) {
                Ok(msg) => msg,
                Err(sockcore::Errno::EAGAIN) => return None,
                Err(e) => panic!("recvmsg: {e}"),
            }
        };
        let last = &data[..msg.len] == b"last";
        Some((last, msg.control.messages().drop_count()))
    };
    let (_, first_count) = take(true).expect("the first of the burst");
    assert_eq!(first_count, None, "no message while nothing was dropped");
    received += 1;
    while received < BURST && take(false).is_some() {
        received += 1;
    }
    sender
        .send_to(b"last", MsgFlags::empty(), &to)
        .expect("sendto");
    let mut drops = None;
    for _ in 0..BURST {
        let (last, count) = take(true).expect("waited for");
        if last {
            drops = count;
            break;
        }
        received += 1;
    }
    assert!(received < BURST, "the tiny buffer dropped nothing");
    assert_eq!(drops, Some(BURST - received), "received {received}");
}
