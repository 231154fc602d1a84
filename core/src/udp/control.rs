//! The two control messages of UDP segmentation offload, through the typed
//! kinds of [`msg::cmsg`](crate::CmsgBuilder): `UDP_SEGMENT` on a send
//! ([`CmsgBuilder::push_udp_segment`], a `u16`) and `UDP_GRO` on a receive
//! ([`ControlMessage::GroSegment`], an `int`).

use core::mem::MaybeUninit;

use crate::errno::{Errno, Result};
use crate::msg::cmsg::builder::CmsgBuilder;
use crate::msg::cmsg::decode::{CmsgKind, ControlMessage};
use crate::msg::cmsg::parse::Cmsgs;
use crate::msg::cmsg::{cmsg_len, cmsg_space};

/// One `SOL_UDP`/`UDP_SEGMENT` message carrying `segment`, written at the
/// start of `space`; returns the message's bytes, ready to send. Errors:
/// `EINVAL` for 0, `ENOSPC` for a `space` under
/// [`cmsg_space_for_udp_segment()`](crate::cmsg_space_for_udp_segment)
/// bytes.
#[inline]
pub(crate) fn udp_segment_message(space: &mut [MaybeUninit<u8>], segment: u16) -> Result<&[u8]> {
    let mut builder = CmsgBuilder::new(space);
    builder.push_udp_segment(segment)?;
    Ok(builder.finish())
}

/// The segment size in the first `UDP_GRO` message of `control`, the
/// control bytes a receive filled: `Ok(None)` when there is none, and
/// `ENOBUFS` when the kernel cut it short to fit the buffer, which a reader
/// of an `int` would misread (qemu-user cuts it without setting
/// `MSG_CTRUNC`, so the cut itself is the sign).
#[inline]
pub(crate) fn gro_segment(control: &[u8]) -> Result<Option<usize>> {
    match Cmsgs::new(control).first(CmsgKind::GroSegment) {
        None => Ok(None),
        Some(ControlMessage::GroSegment(segment)) => Ok(Some(usize::from(segment))),
        Some(_) => Err(Errno::ENOBUFS),
    }
}

/// The segment size when `control` is exactly one whole `UDP_GRO`
/// message, as a receive with only `UDP_GRO` on fills it: read from the one
/// header, without walking the messages, and a sign that no descriptor
/// came either. `None` for anything else, which [`gro_segment`] reads.
#[inline]
pub(crate) fn lone_gro_segment(control: &[u8]) -> Option<usize> {
    const INT: usize = core::mem::size_of::<libc::c_int>();
    if control.len() != cmsg_space(INT) {
        return None;
    }
    let header: libc::cmsghdr = crate::sys::read_unaligned(control)?;
    // `cmsg_len` is a `size_t` on glibc and a `socklen_t` on musl.
    #[allow(clippy::unnecessary_cast)]
    let whole = header.cmsg_len as usize == cmsg_len(INT);
    if !whole || header.cmsg_level != libc::SOL_UDP || header.cmsg_type != libc::UDP_GRO {
        return None;
    }
    let value: libc::c_int = crate::sys::read_unaligned(control.get(cmsg_len(0)..)?)?;
    u16::try_from(value)
        .ok()
        .filter(|&segment| segment > 0)
        .map(usize::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg::cmsg::buffer::CmsgBuffer;
    use crate::msg::cmsg::{cmsg_len, cmsg_space_for_udp_segment};

    #[test]
    fn udp_segment_is_two_bytes() {
        let mut space = CmsgBuffer::<{ cmsg_space_for_udp_segment() }>::new();
        let bytes = udp_segment_message(&mut space, 1200).unwrap();
        assert_eq!(bytes.len(), cmsg_space_for_udp_segment());
        let header: libc::cmsghdr = crate::sys::read_unaligned(bytes).unwrap();
        #[allow(clippy::unnecessary_cast)]
        let len = header.cmsg_len as usize;
        assert_eq!(len, cmsg_len(2));
        assert_eq!((header.cmsg_level, header.cmsg_type), (17, 103));
        assert_eq!(&bytes[cmsg_len(0)..cmsg_len(2)], 1200u16.to_ne_bytes());
        let mut short = CmsgBuffer::<{ cmsg_space_for_udp_segment() - 1 }>::new();
        assert_eq!(udp_segment_message(&mut short, 1200), Err(Errno::ENOSPC));
    }

    /// Control bytes with one message of `data` at `level`/`ty`.
    fn message(level: i32, ty: i32, data: &[u8]) -> std::vec::Vec<u8> {
        let mut space = CmsgBuffer::<64>::new();
        let mut builder = CmsgBuilder::new(&mut space);
        builder.push(level, ty, data).unwrap();
        builder.as_bytes().to_vec()
    }

    #[test]
    fn gro_segment_reads_a_whole_int_only() {
        let run = message(libc::SOL_UDP, libc::UDP_GRO, &1200i32.to_ne_bytes());
        assert_eq!(gro_segment(&run), Ok(Some(1200)));
        // Cut by the kernel to fit: the message says 2 bytes of data.
        let cut = message(libc::SOL_UDP, libc::UDP_GRO, &1200u16.to_ne_bytes());
        assert_eq!(gro_segment(&cut), Err(Errno::ENOBUFS));
        // Cut by the buffer's end: the header claims 4 bytes, 2 are there.
        assert_eq!(gro_segment(&run[..cmsg_len(0) + 2]), Err(Errno::ENOBUFS));
        let other = message(libc::IPPROTO_IP, libc::UDP_GRO, &1200i32.to_ne_bytes());
        assert_eq!(gro_segment(&other), Ok(None));
        assert_eq!(gro_segment(&[]), Ok(None));
    }

    #[test]
    fn lone_gro_segment_reads_one_whole_message_only() {
        let run = message(libc::SOL_UDP, libc::UDP_GRO, &1200i32.to_ne_bytes());
        assert_eq!(lone_gro_segment(&run), Some(1200));
        // Anything else goes to the walk, which decides.
        let cut = message(libc::SOL_UDP, libc::UDP_GRO, &1200u16.to_ne_bytes());
        assert_eq!(lone_gro_segment(&cut), None);
        assert_eq!(lone_gro_segment(&run[..cmsg_len(0) + 2]), None);
        let other = message(libc::IPPROTO_IP, libc::UDP_GRO, &1200i32.to_ne_bytes());
        assert_eq!(lone_gro_segment(&other), None);
        let segment = message(libc::SOL_UDP, libc::UDP_SEGMENT, &1200i32.to_ne_bytes());
        assert_eq!(lone_gro_segment(&segment), None);
        for value in [0, -1, 65_536] {
            let odd = message(libc::SOL_UDP, libc::UDP_GRO, &i32::to_ne_bytes(value));
            assert_eq!(lone_gro_segment(&odd), None, "{value}");
        }
        let mut two = run.clone();
        two.extend_from_slice(&run);
        assert_eq!(lone_gro_segment(&two), None);
        assert_eq!(lone_gro_segment(&[]), None);
        // Where it answers, the walk answers the same, for every value.
        for value in 1..=u16::MAX {
            let one = message(
                libc::SOL_UDP,
                libc::UDP_GRO,
                &i32::from(value).to_ne_bytes(),
            );
            let lone = lone_gro_segment(&one);
            assert_eq!(lone, Some(usize::from(value)));
            assert_eq!(gro_segment(&one), Ok(lone));
        }
    }

    #[test]
    fn gro_segment_after_other_messages() {
        let mut bytes = message(libc::SOL_SOCKET, libc::SO_RXQ_OVFL, &7u32.to_ne_bytes());
        bytes.extend(message(libc::SOL_UDP, libc::UDP_GRO, &500i32.to_ne_bytes()));
        bytes.extend(message(libc::SOL_UDP, libc::UDP_GRO, &900i32.to_ne_bytes()));
        assert_eq!(gro_segment(&bytes), Ok(Some(500)), "the first one counts");
    }
}
