//! Timestamps: receive times (`SO_TIMESTAMPNS`, 64-bit) and
//! `SO_TIMESTAMPING` software stamps, receive and transmit (on the error
//! queue), each within the test's own `CLOCK_REALTIME` readings and never
//! going back; both stamp formats read the same; a stamp cut short is
//! reported, never read. qemu-user emulates none of these options.

use std::mem::MaybeUninit;

use sockcore::{
    cmsg_space, cmsg_space_for_all_received, cmsg_space_for_tx_timestamp, CmsgBuffer, CmsgBuilder,
    CmsgKind, ControlMessage, Errno, ErrorOrigin, IoSlice, MsgFlags, PollFlags, Socket, SocketAddr,
    Timestamp, TimestampingFlags,
};

use crate::support::sockets::set_int;
use crate::support::udp::{realtime_nanos, recv_datagram, recv_error, udp_pair, wait_for};

/// `SO_TIMESTAMPING_OLD` (include/uapi/asm-generic/socket.h), to switch a
/// socket's stamps to the old format the way other code might.
const SO_TIMESTAMPING_OLD: i32 = 37;

/// Asserts `stamp` lies within `[before, after]` (nanoseconds of
/// `CLOCK_REALTIME`) and not before `previous`.
fn check_stamp(stamp: Timestamp, before: i128, after: i128, previous: &mut i128) {
    let at = stamp.as_nanos();
    assert!(
        before <= at && at <= after,
        "stamp {at} outside the clock readings {before}..={after}"
    );
    assert!(at >= *previous, "stamp {at} went back from {previous}");
    *previous = at;
}

/// Sends one datagram and receives it; returns (the clock before the send,
/// the stamps' messages' finder results, the clock after the receive).
fn round_trip(
    sender: &Socket,
    receiver: &Socket,
    to: &SocketAddr,
) -> (
    i128,
    Option<Timestamp>,
    Option<sockcore::Timestamping>,
    i128,
) {
    let before = realtime_nanos();
    sender
        .send_to(b"stamp me", MsgFlags::empty(), to)
        .expect("sendto");
    let mut data = [0u8; 16];
    let mut control = CmsgBuffer::<{ cmsg_space_for_all_received() }>::new();
    let msg = recv_datagram(receiver, &mut data, &mut control);
    let after = realtime_nanos();
    assert!(!msg.flags.contains(MsgFlags::CTRUNC));
    let messages = msg.control.messages();
    (before, messages.timestamp(), messages.timestamping(), after)
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_TIMESTAMPNS")]
fn receive_times_within_the_clock_and_monotonic() {
    for text in ["127.0.0.1:0", "[::1]:0"] {
        let (sender, receiver, to) = udp_pair(text);
        assert_eq!(receiver.recv_timestamps(), Ok(false));
        receiver
            .set_recv_timestamps(true)
            .expect("SO_TIMESTAMPNS_NEW");
        assert_eq!(receiver.recv_timestamps(), Ok(true));
        let mut previous = 0;
        for _ in 0..100 {
            let (before, stamp, _, after) = round_trip(&sender, &receiver, &to);
            check_stamp(stamp.expect("a receive time"), before, after, &mut previous);
        }
        receiver.set_recv_timestamps(false).expect("off");
        assert_eq!(receiver.recv_timestamps(), Ok(false));
        let (_, stamp, _, _) = round_trip(&sender, &receiver, &to);
        assert_eq!(stamp, None, "{text}: no stamp once off");
    }
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_TIMESTAMPING")]
fn software_receive_stamps_after_the_warm_up() {
    let (sender, receiver, to) = udp_pair("127.0.0.1:0");
    let flags = TimestampingFlags::RX_SOFTWARE | TimestampingFlags::SOFTWARE;
    receiver
        .set_timestamping(flags)
        .expect("SO_TIMESTAMPING_NEW");
    assert_eq!(receiver.timestamping(), Ok(flags));
    // The kernel turns receive stamping on for the whole system through a
    // work item it schedules when the first socket asks (and off when the
    // last one closes): datagrams before that work ran come unstamped, and
    // nothing signals when it has. So: try again, pausing 1 ms between
    // tries, for at most 2,000 tries.
    let warmed = (0..2000).any(|_| {
        let stamped = round_trip(&sender, &receiver, &to).2.is_some();
        if !stamped {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        stamped
    });
    assert!(warmed, "no stamped datagram in 2,000 tries");
    let mut previous = 0;
    for _ in 0..20 {
        let (before, _, stamps, after) = round_trip(&sender, &receiver, &to);
        let stamps = stamps.expect("stamped once warm");
        assert_eq!(stamps.hardware, None, "no hardware stamps on lo");
        check_stamp(
            stamps.software.expect("software"),
            before,
            after,
            &mut previous,
        );
    }
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_TIMESTAMPNS")]
fn both_stamp_formats_read_the_same() {
    let (sender, receiver, to) = udp_pair("127.0.0.1:0");
    receiver
        .set_recv_timestamps(true)
        .expect("SO_TIMESTAMPNS_NEW");
    // Setting an old-format option last turns every stamp on the socket
    // old: SCM_TIMESTAMPNS_OLD and SCM_TIMESTAMPING_OLD arrive.
    let flags = TimestampingFlags::RX_SOFTWARE | TimestampingFlags::SOFTWARE;
    set_int(
        &receiver,
        libc::SOL_SOCKET,
        SO_TIMESTAMPING_OLD,
        flags.bits() as i32,
    );
    assert_eq!(
        receiver.recv_timestamps(),
        Ok(true),
        "read through the old option"
    );
    let mut previous = 0;
    let mut both = 0;
    for _ in 0..100 {
        let (before, stamp, stamps, after) = round_trip(&sender, &receiver, &to);
        check_stamp(
            stamp.expect("old SCM_TIMESTAMPNS"),
            before,
            after,
            &mut previous,
        );
        if let Some(stamps) = stamps {
            let software = stamps.software.expect("software");
            assert_eq!(software, stamp.unwrap(), "one stamp, two messages");
            both += 1;
        }
    }
    assert!(both > 0, "SCM_TIMESTAMPING never arrived in 100 datagrams");
}

/// Reads the transmit-stamp entries of `count` sends from `sender`'s error
/// queue; returns their send numbers.
fn transmit_stamps(sender: &Socket, count: usize, before: i128) -> Vec<u32> {
    let mut numbers = Vec::new();
    let mut previous = 0;
    for _ in 0..count {
        let mut data = [0u8; 256];
        let mut control = CmsgBuffer::<{ cmsg_space_for_all_received() }>::new();
        let msg = recv_error(sender, &mut data, &mut control);
        assert_eq!(msg.len, 0, "OPT_TSONLY: no packet with the stamp");
        assert!(msg.flags.contains(MsgFlags::ERRQUEUE));
        let messages = msg.control.messages();
        let entry = messages.extended_error().expect("the entry");
        assert_eq!(entry.errno, Errno::ENOMSG);
        assert_eq!(entry.origin, ErrorOrigin::Timestamping);
        assert_eq!(entry.info, sockcore::SCM_TSTAMP_SND);
        assert_eq!(entry.offender, None);
        let stamp = messages.timestamping().expect("the stamp").software;
        check_stamp(
            stamp.expect("software"),
            before,
            realtime_nanos(),
            &mut previous,
        );
        numbers.push(entry.data);
    }
    numbers
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_TIMESTAMPING")]
fn transmit_stamps_arrive_on_the_error_queue() {
    for text in ["127.0.0.1:0", "[::1]:0"] {
        let (sender, receiver, to) = udp_pair(text);
        let flags = TimestampingFlags::TX_SOFTWARE
            | TimestampingFlags::SOFTWARE
            | TimestampingFlags::OPT_ID
            | TimestampingFlags::OPT_TSONLY;
        sender.set_timestamping(flags).expect("SO_TIMESTAMPING_NEW");
        let before = realtime_nanos();
        for _ in 0..3 {
            sender
                .send_to(b"stamped", MsgFlags::empty(), &to)
                .expect("sendto");
        }
        assert_eq!(transmit_stamps(&sender, 3, before), [0, 1, 2], "{text}");
        let mut byte = [0u8; 16];
        for _ in 0..3 {
            wait_for(&receiver, PollFlags::IN);
            receiver
                .recv(&mut byte, MsgFlags::empty())
                .expect("the datagrams arrived");
        }
    }
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_TIMESTAMPING")]
fn transmit_stamp_asked_for_one_datagram() {
    let (sender, _receiver, to) = udp_pair("127.0.0.1:0");
    // Reporting flags on the socket; recording asked per message.
    let flags =
        TimestampingFlags::SOFTWARE | TimestampingFlags::OPT_ID | TimestampingFlags::OPT_TSONLY;
    sender.set_timestamping(flags).expect("SO_TIMESTAMPING_NEW");
    let mut space = CmsgBuffer::<{ cmsg_space_for_tx_timestamp() }>::new();
    let mut builder = CmsgBuilder::new(&mut space);
    builder
        .push_tx_timestamp(TimestampingFlags::TX_SOFTWARE)
        .expect("request");
    let before = realtime_nanos();
    let bufs = [IoSlice::new(b"unstamped")];
    sender
        .send_msg(&bufs, &[], Some(&to), MsgFlags::empty())
        .expect("plain");
    sender
        .send_msg(&bufs, builder.as_bytes(), Some(&to), MsgFlags::empty())
        .expect("stamped");
    // Only the second send asked for a stamp, and OPT_ID numbers only the
    // sends that do.
    assert_eq!(transmit_stamps(&sender, 1, before), [0]);
    sender
        .send_msg(&bufs, builder.as_bytes(), Some(&to), MsgFlags::empty())
        .expect("stamped");
    assert_eq!(transmit_stamps(&sender, 1, before), [1]);
    let more = sockcore::poll::wait_ready(
        sender.as_raw_fd(),
        PollFlags::empty(),
        Some(std::time::Duration::from_millis(100)),
    );
    assert_eq!(more, Err(Errno::ETIMEDOUT), "exactly one entry");
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_TIMESTAMPING")]
fn a_stamp_cut_short_is_reported_never_read() {
    let (sender, _receiver, to) = udp_pair("127.0.0.1:0");
    let flags = TimestampingFlags::TX_SOFTWARE
        | TimestampingFlags::SOFTWARE
        | TimestampingFlags::OPT_TSONLY;
    sender.set_timestamping(flags).expect("SO_TIMESTAMPING_NEW");
    sender
        .send_to(b"x", MsgFlags::empty(), &to)
        .expect("sendto");
    // Room for all but the last 8 bytes of the stamp: the kernel writes
    // what fits, drops the IP_RECVERR after it, and sets MSG_CTRUNC.
    let mut control = vec![MaybeUninit::<u8>::uninit(); cmsg_space(48) - 8];
    let mut data = [0u8; 16];
    let msg = recv_error(&sender, &mut data, &mut control);
    assert!(msg.flags.contains(MsgFlags::CTRUNC));
    let messages = msg.control.messages();
    assert!(matches!(
        messages.first(CmsgKind::Timestamping),
        Some(ControlMessage::Truncated { data, .. }) if data.len() < 48
    ));
    assert_eq!(messages.timestamping(), None);
    assert_eq!(messages.extended_error(), None);
}
