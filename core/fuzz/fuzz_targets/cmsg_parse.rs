//! Control-message parsing of arbitrary control buffers.
//!
//! - Any bytes walked with `Cmsgs` give messages whose data lies inside the
//!   buffer, in a bounded number of steps, without panicking; a
//!   `ReceivedControl` over the same bytes hands out exactly the
//!   descriptors `Cmsgs` lists, in order, and then holds none. Every typed
//!   value is in its range, a cut message is shorter than its kind, and
//!   each typed finder returns what the first message of its kind holds:
//!   nothing when that one was cut. An error-queue entry is a zero-copy
//!   completion exactly when its origin is zero-copy and it has no error,
//!   and the range it gives holds its first and last send.
//! - The input read as a list of messages to build, raw and typed: what
//!   `CmsgBuilder` writes parses back to exactly those messages.
//! - The segment size of a received run (`received_segment`) over the same
//!   bytes: the first `UDP_GRO` message's value when it is whole,
//!   `ENOBUFS` when it is cut or when there is none while `MSG_CTRUNC` is
//!   set, `EMSGSIZE` with `MSG_TRUNC`, else the length.
#![no_main]

use core::fmt::{self, Write};
use core::mem::MaybeUninit;

use libfuzzer_sys::fuzz_target;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use sockcore::udp::received_segment;
use sockcore::{
    cmsg_len, CmsgBuffer, CmsgBuilder, CmsgKind, Cmsgs, ControlMessage, Credentials, Errno,
    ErrorOrigin, ExtendedError, MsgFlags, PacketInfo, RawFd, ReceivedControl, SocketAddr,
    Timestamp, Timestamping, TimestampingFlags, Tos, ZerocopyRange,
};

/// A `core::fmt::Write` that keeps nothing: `Debug` must merely not panic.
struct Discard;

impl Write for Discard {
    fn write_str(&mut self, _: &str) -> fmt::Result {
        Ok(())
    }
}

/// Whether `part` lies inside `whole`.
fn within(part: &[u8], whole: &[u8]) -> bool {
    let (start, end) = (
        whole.as_ptr() as usize,
        whole.as_ptr() as usize + whole.len(),
    );
    let part_start = part.as_ptr() as usize;
    part.is_empty() || (part_start >= start && part_start + part.len() <= end)
}

/// A message as plain data, to compare.
#[derive(Debug, PartialEq)]
enum Message {
    Rights(Vec<RawFd>),
    Credentials(Credentials),
    GroSegment(u16),
    PacketInfo(PacketInfo),
    Tos(Tos),
    HopLimit(u8),
    Timestamp(Timestamp),
    Timestamping(Timestamping),
    ExtendedError(ExtendedError),
    OriginalDestination(SocketAddr),
    DropCount(u32),
    Truncated {
        kind: CmsgKind,
        level: i32,
        ty: i32,
        data: Vec<u8>,
    },
    Other {
        level: i32,
        ty: i32,
        data: Vec<u8>,
    },
}

impl From<ControlMessage<'_>> for Message {
    fn from(message: ControlMessage<'_>) -> Message {
        match message {
            ControlMessage::Rights(fds) => Message::Rights(fds.collect()),
            ControlMessage::Credentials(creds) => Message::Credentials(creds),
            ControlMessage::GroSegment(segment) => Message::GroSegment(segment),
            ControlMessage::PacketInfo(info) => Message::PacketInfo(info),
            ControlMessage::Tos(tos) => Message::Tos(tos),
            ControlMessage::HopLimit(hops) => Message::HopLimit(hops),
            ControlMessage::Timestamp(stamp) => Message::Timestamp(stamp),
            ControlMessage::Timestamping(stamps) => Message::Timestamping(stamps),
            ControlMessage::ExtendedError(error) => Message::ExtendedError(error),
            ControlMessage::OriginalDestination(addr) => Message::OriginalDestination(addr),
            ControlMessage::DropCount(drops) => Message::DropCount(drops),
            ControlMessage::Truncated {
                kind,
                level,
                ty,
                data,
            } => Message::Truncated {
                kind,
                level,
                ty,
                data: data.to_vec(),
            },
            ControlMessage::Other { level, ty, data } => Message::Other {
                level,
                ty,
                data: data.to_vec(),
            },
            other => panic!("a variant this target does not know: {other:?}"),
        }
    }
}

/// Every message `Cmsgs` finds in `bytes`.
fn parse(bytes: &[u8]) -> Vec<Message> {
    Cmsgs::new(bytes).map(Message::from).collect()
}

/// The largest data of a typed kind, on any target: 48 bytes
/// (`scm_timestamping64`); a cut message has less.
const LARGEST_KIND: usize = 48;

/// Whether a stamp is a real time: nanoseconds below a second.
fn valid(stamp: &Timestamp) -> bool {
    stamp.nsec < 1_000_000_000
}

/// Asserts what an error-queue entry says as a zero-copy completion: a
/// range from `info` to `data`, 1 to 2^32 sends long, holding both ends
/// and not the send after it (unless it holds them all), for an entry of
/// origin zero-copy with no error; nothing for any other.
fn check_completion(entry: &ExtendedError) {
    let Some(range) = ZerocopyRange::from_extended_error(entry) else {
        assert!(entry.origin != ErrorOrigin::ZeroCopy || entry.errno.raw() != 0);
        return;
    };
    assert_eq!(
        (entry.origin, entry.errno.raw()),
        (ErrorOrigin::ZeroCopy, 0)
    );
    assert_eq!((range.first(), range.last()), (entry.info, entry.data));
    assert_eq!(range.copied(), entry.code & 1 != 0);
    assert!((1..=1 << 32).contains(&range.len()));
    assert!(range.contains(range.first()) && range.contains(range.last()));
    assert_eq!(
        range.contains(range.last().wrapping_add(1)),
        range.len() == 1 << 32
    );
}

/// Asserts what a typed message may hold.
fn check_typed(message: &ControlMessage<'_>, whole: &[u8]) {
    match message {
        ControlMessage::GroSegment(segment) => assert!(*segment >= 1),
        ControlMessage::Timestamp(stamp) => assert!(valid(stamp)),
        ControlMessage::Timestamping(stamps) => {
            assert!(stamps.software.iter().chain(&stamps.hardware).all(valid));
        }
        ControlMessage::OriginalDestination(addr) => {
            assert!(matches!(addr.family(), libc::AF_INET | libc::AF_INET6));
        }
        ControlMessage::ExtendedError(entry) => check_completion(entry),
        ControlMessage::Truncated { data, .. } => {
            assert!(within(data, whole), "cut data outside the buffer");
            assert!(
                data.len() < LARGEST_KIND,
                "a cut message as long as a whole one"
            );
        }
        _ => {}
    }
}

/// Each finder returns what the first message of its kind holds, and
/// nothing when that message was cut.
fn check_finders(data: &[u8]) {
    let messages = Cmsgs::new(data);
    let first = |kind| {
        messages
            .clone()
            .find(|m| m.kind() == Some(kind))
            .map(Message::from)
    };
    let pick = |kind, got: Option<Message>| {
        // The search that decodes only its kind's messages finds what a
        // walk decoding all of them finds.
        assert_eq!(
            messages.first(kind).map(Message::from),
            first(kind),
            "{kind:?}"
        );
        let expected = match first(kind) {
            Some(Message::Truncated { .. }) | None => None,
            whole => whole,
        };
        assert_eq!(got, expected, "{kind:?}");
    };
    pick(
        CmsgKind::GroSegment,
        messages.gro_segment().map(Message::GroSegment),
    );
    pick(
        CmsgKind::PacketInfo,
        messages.packet_info().map(Message::PacketInfo),
    );
    pick(CmsgKind::Tos, messages.tos().map(Message::Tos));
    pick(
        CmsgKind::HopLimit,
        messages.hop_limit().map(Message::HopLimit),
    );
    pick(
        CmsgKind::Timestamp,
        messages.timestamp().map(Message::Timestamp),
    );
    pick(
        CmsgKind::Timestamping,
        messages.timestamping().map(Message::Timestamping),
    );
    pick(
        CmsgKind::ExtendedError,
        messages.extended_error().map(Message::ExtendedError),
    );
    pick(
        CmsgKind::OriginalDestination,
        messages
            .original_destination()
            .map(Message::OriginalDestination),
    );
    pick(
        CmsgKind::DropCount,
        messages.drop_count().map(Message::DropCount),
    );
    let cut = messages
        .clone()
        .any(|m| matches!(m, ControlMessage::Truncated { .. }));
    assert_eq!(messages.has_truncated(), cut);
}

/// The descriptors listed in `messages`, in order.
fn fds_of(messages: &[Message]) -> Vec<RawFd> {
    messages
        .iter()
        .flat_map(|message| match message {
            Message::Rights(fds) => fds.clone(),
            _ => Vec::new(),
        })
        .collect()
}

fn walk_arbitrary(data: &[u8]) {
    let header = cmsg_len(0);
    let mut messages = 0;
    for message in Cmsgs::new(data) {
        messages += 1;
        // Each message takes at least a header, so the walk is bounded.
        assert!(
            messages <= data.len() / header,
            "more messages than headers fit"
        );
        write!(Discard, "{message:?}").unwrap();
        match message {
            ControlMessage::Rights(fds) => {
                assert!(
                    fds.clone().all(|fd| fd >= 0),
                    "a negative descriptor listed"
                );
                assert!(fds.count() <= data.len() / 4);
            }
            ControlMessage::Other { data: bytes, .. } => {
                assert!(within(bytes, data), "message data outside the buffer");
            }
            typed => check_typed(&typed, data),
        }
    }
    check_finders(data);

    let messages = parse(data);
    let listed = fds_of(&messages);
    let mut bytes = data.to_vec();
    // SAFETY: from_received wants the descriptors in `bytes` to be owned by
    // the caller; these are arbitrary numbers, and that is sound here only
    // because nothing closes or uses them: every one taken is turned back
    // into a number with into_raw_fd (which closes nothing), and release()
    // gives up whatever is left instead of closing it on drop.
    let mut control = unsafe { ReceivedControl::from_received(&mut bytes) };
    assert_eq!(control.fd_count(), listed.len());
    write!(Discard, "{control:?}").unwrap();
    let taken: Vec<RawFd> = control.take_fds().map(|fd| fd.into_raw_fd()).collect();
    assert_eq!(taken, listed, "take_fds and Cmsgs disagree");
    assert_eq!(
        control.fd_count(),
        0,
        "descriptors still held after taking all"
    );
    // Taking marked the descriptor slots and changed nothing else: the
    // same messages, with their descriptor lists now empty.
    let emptied: Vec<Message> = messages
        .into_iter()
        .map(|message| match message {
            Message::Rights(_) => Message::Rights(Vec::new()),
            other => other,
        })
        .collect();
    assert_eq!(parse(control.release()), emptied);
}

/// `received_segment` over arbitrary control bytes, against the rule
/// worked out from the parsed messages: the first message of the GRO kind
/// decides (one of another length or out of range is not of that kind).
fn segment_of_arbitrary(data: &[u8]) {
    let gro = Cmsgs::new(data)
        .find(|message| message.kind() == Some(CmsgKind::GroSegment))
        .map(Message::from);
    let len = data.len().wrapping_mul(257);
    for flags in [MsgFlags::empty(), MsgFlags::CTRUNC, MsgFlags::TRUNC] {
        let expected = match &gro {
            _ if flags.contains(MsgFlags::TRUNC) => Err(Errno::EMSGSIZE),
            Some(Message::GroSegment(segment)) => Ok(usize::from(*segment)),
            Some(Message::Truncated { .. }) => Err(Errno::ENOBUFS),
            Some(other) => panic!("a GRO kind that is neither whole nor cut: {other:?}"),
            None if flags.contains(MsgFlags::CTRUNC) => Err(Errno::ENOBUFS),
            None => Ok(len),
        };
        assert_eq!(received_segment(len, flags, data), expected, "{flags:?}");
    }
}

/// Reads builder steps from the input.
struct Steps<'a> {
    rest: &'a [u8],
}

impl<'a> Steps<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.rest.split_at_checked(n)?;
        self.rest = rest;
        Some(head)
    }

    fn int(&mut self) -> Option<i32> {
        Some(i32::from_ne_bytes(self.take(4)?.try_into().ok()?))
    }
}

/// An IP address from the input: IPv4, IPv6 or IPv4-mapped, by `pick`.
fn ip_of(steps: &mut Steps<'_>, pick: u8) -> Option<IpAddr> {
    let bytes: [u8; 16] = steps.take(16)?.try_into().ok()?;
    let v4 = Ipv4Addr::new(bytes[0], bytes[1], bytes[2], bytes[3]);
    Some(match pick % 3 {
        0 => IpAddr::V4(v4),
        1 => IpAddr::V6(Ipv6Addr::from(bytes)),
        _ => IpAddr::V6(v4.to_ipv6_mapped()),
    })
}

/// Whether a datagram to `ip` travels as IPv4.
fn reaches_ipv4(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(_) => true,
        IpAddr::V6(v6) => v6.to_ipv4_mapped().is_some(),
    }
}

/// What one typed builder step writes, as it parses back (`None`: the
/// builder refuses the value).
fn typed_step(
    builder: &mut CmsgBuilder<'_>,
    kind: u8,
    len: u8,
    steps: &mut Steps<'_>,
) -> Option<(sockcore::Result<()>, Option<Message>)> {
    let int = |value: i32| value.to_ne_bytes().to_vec();
    Some(match kind {
        3 => {
            let segment = u16::from_ne_bytes(steps.take(2)?.try_into().ok()?);
            let expected = (segment != 0).then(|| Message::Other {
                level: libc::SOL_UDP,
                ty: libc::UDP_SEGMENT,
                data: segment.to_ne_bytes().to_vec(),
            });
            (builder.push_udp_segment(segment), expected)
        }
        4 => {
            let local = ip_of(steps, len)?;
            let ifindex = u32::from(len) * 977;
            // ipi_addr is not written for sending: it reads back 0.0.0.0.
            let destination = match local {
                IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
                v6 => v6,
            };
            let info = PacketInfo {
                destination,
                local,
                ifindex,
            };
            (
                builder.push_source(local, ifindex),
                Some(Message::PacketInfo(info)),
            )
        }
        5 => {
            let ip = ip_of(steps, len)?;
            let to = SocketAddr::from(std::net::SocketAddr::new(ip, 443));
            let tos = Tos(len);
            // Received IP_TOS is one byte: the int sent passes through.
            let expected = if reaches_ipv4(ip) {
                Message::Other {
                    level: libc::IPPROTO_IP,
                    ty: libc::IP_TOS,
                    data: int(i32::from(len)),
                }
            } else {
                Message::Tos(tos)
            };
            (builder.push_tos_for(&to, tos), Some(expected))
        }
        6 => {
            let ip = ip_of(steps, len)?;
            let to = SocketAddr::from(std::net::SocketAddr::new(ip, 443));
            // A TTL of 0 is no TTL the kernel reports: it passes through.
            let expected = if reaches_ipv4(ip) && len == 0 {
                Message::Other {
                    level: libc::IPPROTO_IP,
                    ty: libc::IP_TTL,
                    data: int(0),
                }
            } else {
                Message::HopLimit(len)
            };
            (builder.push_hop_limit_for(&to, len), Some(expected))
        }
        7 => {
            let on = len % 2 == 1;
            let expected = Message::Other {
                level: libc::IPPROTO_IPV6,
                ty: libc::IPV6_DONTFRAG,
                data: int(i32::from(on)),
            };
            (builder.push_dontfrag(on), Some(expected))
        }
        _ => {
            // The low four bits of len to bits 0-3, the high four to 8-11:
            // every TX recording flag, and others the builder must refuse.
            let bits = u32::from(len & 0x0f) | u32::from(len >> 4) << 8;
            let flags = TimestampingFlags::from_bits_retain(bits);
            let allowed = TimestampingFlags::TX_RECORD.contains(flags);
            // The request shares SO_TIMESTAMPING's number with the receive
            // stamps, whose data is longer: it reads as one cut short.
            let expected = allowed.then(|| Message::Truncated {
                kind: CmsgKind::Timestamping,
                level: libc::SOL_SOCKET,
                ty: 37,
                data: flags.bits().to_ne_bytes().to_vec(),
            });
            (builder.push_tx_timestamp(flags), expected)
        }
    })
}

/// Reads the input as builder steps, each starting with a byte that picks
/// the kind; stops where the input or the buffer runs out.
fn build_and_parse(data: &[u8]) {
    let mut space = CmsgBuffer::<512>::new();
    let space: &mut [MaybeUninit<u8>] = &mut space;
    let mut builder = CmsgBuilder::new(space);
    let mut expected = Vec::new();
    let mut steps = Steps { rest: data };
    while let Some(&[kind, len]) = steps.take(2) {
        let before = builder.len();
        let (result, message) = match kind % 9 {
            0 => {
                let mut fds = Vec::new();
                for _ in 0..len % 16 {
                    // Descriptors are never negative; -1 marks a taken slot.
                    let Some(fd) = steps.int() else { break };
                    fds.push(fd & i32::MAX);
                }
                (builder.push_fds(&fds), Some(Message::Rights(fds)))
            }
            1 => {
                let (Some(pid), Some(uid), Some(gid)) = (steps.int(), steps.int(), steps.int())
                else {
                    break;
                };
                let creds = Credentials {
                    pid,
                    uid: uid as libc::uid_t,
                    gid: gid as libc::gid_t,
                };
                (
                    builder.push_credentials(&creds),
                    Some(Message::Credentials(creds)),
                )
            }
            2 => {
                let (Some(level), Some(ty), Some(bytes)) =
                    (steps.int(), steps.int(), steps.take(usize::from(len)))
                else {
                    break;
                };
                let message = Message::Other {
                    level,
                    ty,
                    data: bytes.to_vec(),
                };
                // Raw steps of a kind the parser knows would parse as that
                // kind: those are the typed steps' business.
                if parse(&one_message(level, ty, bytes)) != std::slice::from_ref(&message) {
                    continue;
                }
                (builder.push(level, ty, bytes), Some(message))
            }
            typed => {
                let Some(step) = typed_step(&mut builder, typed, len, &mut steps) else {
                    break;
                };
                step
            }
        };
        match (result, message) {
            (Ok(()), Some(message)) => expected.push(message),
            (Err(Errno::EINVAL) | Err(Errno::EAFNOSUPPORT), None) => {
                assert_eq!(builder.len(), before, "a refused value left bytes behind");
            }
            (Err(errno), _) => {
                assert_eq!(errno, Errno::ENOSPC);
                assert_eq!(builder.len(), before, "a refused message left bytes behind");
                break;
            }
            (Ok(()), None) => panic!("the builder took a value it must refuse"),
        }
    }
    assert_eq!(parse(builder.finish()), expected);
}

/// One raw message, alone in a buffer.
fn one_message(level: i32, ty: i32, data: &[u8]) -> Vec<u8> {
    let mut space = CmsgBuffer::<{ sockcore::cmsg_space(256) }>::new();
    let mut builder = CmsgBuilder::new(&mut space);
    builder.push(level, ty, data).expect("fits");
    builder.finish().to_vec()
}

fuzz_target!(|data: &[u8]| {
    walk_arbitrary(data);
    segment_of_arbitrary(data);
    build_and_parse(data);
});
