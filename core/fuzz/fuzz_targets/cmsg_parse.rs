//! Control-message parsing of arbitrary control buffers.
//!
//! - Any bytes walked with `Cmsgs` give messages whose data lies inside the
//!   buffer, in a bounded number of steps, without panicking; a
//!   `ReceivedControl` over the same bytes hands out exactly the
//!   descriptors `Cmsgs` lists, in order, and then holds none.
//! - The input read as a list of messages to build: what `CmsgBuilder`
//!   writes parses back to exactly those messages.
//! - The segment size of a received run (`received_segment`) over the same
//!   bytes: the first `UDP_GRO` message's value when it is a whole `int`
//!   above 0, `ENOBUFS` when it is cut or odd or when there is none while
//!   `MSG_CTRUNC` is set, `EMSGSIZE` with `MSG_TRUNC`, else the length.
#![no_main]

use core::fmt::{self, Write};
use core::mem::MaybeUninit;

use libfuzzer_sys::fuzz_target;
use sockcore::udp::received_segment;
use sockcore::{
    cmsg_len, CmsgBuffer, CmsgBuilder, Cmsgs, ControlMessage, Credentials, Errno, MsgFlags, RawFd,
    ReceivedControl,
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
    Other { level: i32, ty: i32, data: Vec<u8> },
}

/// Every message `Cmsgs` finds in `bytes`.
fn parse(bytes: &[u8]) -> Vec<Message> {
    Cmsgs::new(bytes)
        .map(|message| match message {
            ControlMessage::Rights(fds) => Message::Rights(fds.collect()),
            ControlMessage::Credentials(creds) => Message::Credentials(creds),
            ControlMessage::Other { level, ty, data } => Message::Other {
                level,
                ty,
                data: data.to_vec(),
            },
        })
        .collect()
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
            ControlMessage::Credentials(_) => {}
            ControlMessage::Other { data: bytes, .. } => {
                assert!(within(bytes, data), "message data outside the buffer");
            }
        }
    }

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
/// worked out from the parsed messages.
fn segment_of_arbitrary(data: &[u8]) {
    let gro = parse(data).into_iter().find_map(|message| match message {
        Message::Other {
            level: libc::SOL_UDP,
            ty: libc::UDP_GRO,
            data,
        } => Some(data),
        _ => None,
    });
    let len = data.len().wrapping_mul(257);
    for flags in [MsgFlags::empty(), MsgFlags::CTRUNC, MsgFlags::TRUNC] {
        let expected = match &gro {
            _ if flags.contains(MsgFlags::TRUNC) => Err(Errno::EMSGSIZE),
            Some(bytes) => match <[u8; 4]>::try_from(&bytes[..]).map(i32::from_ne_bytes) {
                Ok(segment) if segment > 0 => Ok(segment as usize),
                _ => Err(Errno::ENOBUFS),
            },
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
        let (result, message) = match kind % 3 {
            0 => {
                let mut fds = Vec::new();
                for _ in 0..len % 16 {
                    // Descriptors are never negative; -1 marks a taken slot.
                    let Some(fd) = steps.int() else { break };
                    fds.push(fd & i32::MAX);
                }
                (builder.push_fds(&fds), Message::Rights(fds))
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
                    Message::Credentials(creds),
                )
            }
            _ => {
                let (Some(level), Some(ty), Some(bytes)) =
                    (steps.int(), steps.int(), steps.take(usize::from(len)))
                else {
                    break;
                };
                if level == libc::SOL_SOCKET
                    && matches!(ty, libc::SCM_RIGHTS | libc::SCM_CREDENTIALS)
                {
                    continue;
                }
                let message = Message::Other {
                    level,
                    ty,
                    data: bytes.to_vec(),
                };
                (builder.push(level, ty, bytes), message)
            }
        };
        match result {
            Ok(()) => expected.push(message),
            Err(errno) => {
                assert_eq!(errno, Errno::ENOSPC);
                assert_eq!(builder.len(), before, "a refused message left bytes behind");
                break;
            }
        }
    }
    assert_eq!(parse(builder.finish()), expected);
}
fuzz_target!(|data: &[u8]| {
    walk_arbitrary(data);
    segment_of_arbitrary(data);
    build_and_parse(data);
});
