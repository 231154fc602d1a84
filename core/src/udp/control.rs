//! The two control messages of UDP segmentation offload, written and read
//! over the raw [`CmsgBuilder`] and [`Cmsgs`]: `UDP_SEGMENT` on a send (a
//! `u16`) and `UDP_GRO` on a receive (an `int`).
//!
//! Their sizes differ, and getting either wrong is a classic bug: the
//! kernel refuses a 4-byte `UDP_SEGMENT` message (`EINVAL`), though the
//! socket option of the same name is an `int`; and it writes `UDP_GRO` as
//! a 4-byte `int`, which a reader of 2 bytes gets right only on
//! little-endian machines.

use core::mem::{size_of, MaybeUninit};

use crate::errno::{Errno, Result};
use crate::msg::cmsg::builder::CmsgBuilder;
use crate::msg::cmsg::cmsg_space;
use crate::msg::cmsg::parse::{Cmsgs, ControlMessage};

/// Bytes of control space for one `UDP_SEGMENT` message.
pub(crate) const UDP_SEGMENT_SPACE: usize = cmsg_space(size_of::<u16>());

/// Control space for one receive: room for every message the kernel
/// writes on a UDP receive with every receive option on (296 bytes on
/// 64-bit Linux: timestamps, drop count, `UDP_GRO`, packet info, TOS, TTL,
/// original destination), so that the segment size, which comes after the
/// socket-level messages, is never cut off.
pub const UDP_RECV_CONTROL_SPACE: usize = 512;

/// One `SOL_UDP`/`UDP_SEGMENT` message carrying `segment`, written at the
/// start of `space`: two bytes of data, native order, and the padding;
/// returns the message's bytes, ready to send. Errors: `ENOSPC` for a
/// `space` under [`UDP_SEGMENT_SPACE`] bytes.
#[inline]
pub(crate) fn udp_segment_message(space: &mut [MaybeUninit<u8>], segment: u16) -> Result<&[u8]> {
    let mut builder = CmsgBuilder::new(space);
    builder.push(libc::SOL_UDP, libc::UDP_SEGMENT, &segment.to_ne_bytes())?;
    Ok(builder.finish())
}

/// The segment size in the first `SOL_UDP`/`UDP_GRO` message of `control`,
/// the control bytes a receive filled: `Ok(None)` when there is none, and
/// `ENOBUFS` when the kernel cut it short to fit the buffer, which a
/// reader of an `int` would misread (qemu-user cuts it without setting
/// `MSG_CTRUNC`, so the cut itself is the sign).
pub(crate) fn gro_segment(control: &[u8]) -> Result<Option<usize>> {
    let found = Cmsgs::new(control).find_map(|message| match message {
        ControlMessage::Other {
            level: libc::SOL_UDP,
            ty: libc::UDP_GRO,
            data,
        } => Some(data),
        _ => None,
    });
    match found {
        None => Ok(None),
        Some(data) => decode_gro(data).map(Some).ok_or(Errno::ENOBUFS),
    }
}

/// An `int` of exactly four bytes, from 1 up: anything else is not a
/// segment size the kernel wrote.
fn decode_gro(data: &[u8]) -> Option<usize> {
    let value = libc::c_int::from_ne_bytes(data.try_into().ok()?);
    usize::try_from(value).ok().filter(|&segment| segment > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg::cmsg::buffer::CmsgBuffer;
    use crate::msg::cmsg::cmsg_len;

    #[test]
    fn udp_segment_is_two_bytes() {
        let mut space = CmsgBuffer::<UDP_SEGMENT_SPACE>::new();
        let bytes = udp_segment_message(&mut space, 1200).unwrap();
        assert_eq!(bytes.len(), UDP_SEGMENT_SPACE);
        let header: libc::cmsghdr = crate::sys::read_unaligned(bytes).unwrap();
        #[allow(clippy::unnecessary_cast)]
        let len = header.cmsg_len as usize;
        assert_eq!(len, cmsg_len(2));
        assert_eq!((header.cmsg_level, header.cmsg_type), (17, 103));
        assert_eq!(&bytes[cmsg_len(0)..cmsg_len(2)], 1200u16.to_ne_bytes());
        assert!(
            bytes[cmsg_len(2)..].iter().all(|&b| b == 0),
            "zeroed padding"
        );
        let messages: std::vec::Vec<_> = Cmsgs::new(bytes).collect();
        assert_eq!(messages.len(), 1);
        let mut short = CmsgBuffer::<{ UDP_SEGMENT_SPACE - 1 }>::new();
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
        for bad in [0i32, -1] {
            let odd = message(libc::SOL_UDP, libc::UDP_GRO, &bad.to_ne_bytes());
            assert_eq!(gro_segment(&odd), Err(Errno::ENOBUFS), "value {bad}");
        }
        let other = message(libc::IPPROTO_IP, libc::UDP_GRO, &1200i32.to_ne_bytes());
        assert_eq!(gro_segment(&other), Ok(None));
        assert_eq!(gro_segment(&[]), Ok(None));
    }

    #[test]
    fn gro_segment_after_other_messages() {
        let mut bytes = message(libc::SOL_SOCKET, libc::SO_RXQ_OVFL, &7u32.to_ne_bytes());
        bytes.extend(message(libc::SOL_UDP, libc::UDP_GRO, &500i32.to_ne_bytes()));
        bytes.extend(message(libc::SOL_UDP, libc::UDP_GRO, &900i32.to_ne_bytes()));
        assert_eq!(gro_segment(&bytes), Ok(Some(500)), "the first one counts");
    }
}
