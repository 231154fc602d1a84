//! The sizes an offloaded send must respect, and the split rule that
//! follows from them.

/// The most payload one IPv4 UDP datagram carries: 65,535 − 20 (IP header)
/// − 8 (UDP header). Also the most one offloaded send carries, on IPv6 too
/// (whose limit is 65,527), so that one rule holds for every destination,
/// IPv4-mapped ones included; and the largest segment size the offload
/// calls take.
pub const UDP_MAX_PAYLOAD: usize = 65_507;

/// The most segments one offloaded send carries: the kernel's
/// `UDP_MAX_SEGMENTS` on every kernel since 4.18 (kernels from 2024 on
/// take 128, but 64 is what all of them take).
pub const UDP_MAX_SEGMENTS: usize = 64;

/// A receive buffer that holds any coalesced run: the kernel coalesces at
/// most 64 KiB. A smaller buffer cuts runs ([`EMSGSIZE`](crate::Errno::EMSGSIZE)
/// from the receive calls).
pub const UDP_GRO_BUFFER: usize = 65_536;

/// How many datagrams of `segment` bytes one offloaded send carries:
/// `min(64, 65,507 / segment)`, so that neither the segment limit nor the
/// payload limit is passed; 0 for a segment of 0 or over
/// [`UDP_MAX_PAYLOAD`].
///
/// ```
/// use sockcore::udp::segments_per_send;
///
/// assert_eq!(segments_per_send(1200), 54); // 64,800 bytes per system call
/// assert_eq!(segments_per_send(100), 64);
/// assert_eq!(segments_per_send(32_768), 1);
/// assert_eq!(segments_per_send(0), 0);
/// ```
pub const fn segments_per_send(segment: usize) -> usize {
    if segment == 0 || segment > UDP_MAX_PAYLOAD {
        return 0;
    }
    // The largest count up to 64 whose bytes fit, found by halving rather
    // than by dividing: 32-bit ARM has no division instruction, and the
    // library call that stands in for one brings the compiler's runtime
    // into the C library. One segment always fits; six steps.
    let (mut fits, mut too_many) = (1, UDP_MAX_SEGMENTS + 1);
    while too_many - fits > 1 {
        let middle = (fits + too_many) / 2;
        if middle * segment <= UDP_MAX_PAYLOAD {
            fits = middle;
        } else {
            too_many = middle;
        }
    }
    fits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_rule() {
        let table = [
            (1, 64),
            (100, 64),
            (1_000, 64),
            (1_023, 64),
            (1_024, 63),
            (1_200, 54),
            (1_350, 48),
            (1_472, 44),
            (32_768, 1),
            (65_507, 1),
            (0, 0),
            (65_508, 0),
            (usize::MAX, 0),
        ];
        for (segment, per_send) in table {
            assert_eq!(segments_per_send(segment), per_send, "segment {segment}");
            assert!(segment * per_send <= UDP_MAX_PAYLOAD || per_send == 0);
        }
    }
}
