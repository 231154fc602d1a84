//! [`Segments`]: the datagrams of a coalesced run, one after another.

use core::num::NonZeroUsize;

/// The datagrams of a run: `segment` bytes each, the last one possibly
/// shorter, in the order they were sent.
///
/// Empty data yields nothing. A segment of 0 (what a receive reports for an
/// empty datagram) yields non-empty data once, whole.
///
/// ```
/// use sockcore::udp::Segments;
///
/// let run = [7u8; 2500];
/// let lens: Vec<usize> = Segments::new(&run, 1200).map(<[u8]>::len).collect();
/// assert_eq!(lens, [1200, 1200, 100]);
/// ```
#[derive(Clone, Debug)]
pub struct Segments<'b> {
    rest: &'b [u8],
    segment: usize,
}

impl<'b> Segments<'b> {
    /// The datagrams of `data`, a run with segment size `segment`.
    #[inline]
    pub fn new(data: &'b [u8], segment: usize) -> Segments<'b> {
        Segments {
            rest: data,
            segment,
        }
    }

    /// The bytes not yet yielded.
    #[inline]
    pub fn remainder(&self) -> &'b [u8] {
        self.rest
    }

    /// The length of the next datagram.
    fn next_len(&self) -> usize {
        match self.segment {
            0 => self.rest.len(),
            segment => segment.min(self.rest.len()),
        }
    }
}

impl<'b> Iterator for Segments<'b> {
    type Item = &'b [u8];

    #[inline]
    fn next(&mut self) -> Option<&'b [u8]> {
        if self.rest.is_empty() {
            return None;
        }
        let len = self.next_len();
        let datagram = self.rest.get(..len)?;
        self.rest = self.rest.get(len..).unwrap_or_default();
        Some(datagram)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let count = match NonZeroUsize::new(self.segment) {
            _ if self.rest.is_empty() => 0,
            None => 1,
            Some(segment) => datagram_count(self.rest.len(), segment),
        };
        (count, Some(count))
    }
}

impl ExactSizeIterator for Segments<'_> {}

impl core::iter::FusedIterator for Segments<'_> {}

/// How many datagrams of `segment` bytes `len` bytes make: ⌈len / segment⌉.
#[inline]
fn datagram_count(len: usize, segment: NonZeroUsize) -> usize {
    len.saturating_add(segment.get() - 1) / segment
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lens(data: &[u8], segment: usize) -> std::vec::Vec<usize> {
        let segments = Segments::new(data, segment);
        let count = segments.len();
        let lens: std::vec::Vec<usize> = segments.map(<[u8]>::len).collect();
        assert_eq!(lens.len(), count, "exact size");
        lens
    }

    #[test]
    fn splits_in_order_with_a_short_last() {
        let data: std::vec::Vec<u8> = (0..=250).collect();
        assert_eq!(lens(&data, 100), [100, 100, 51]);
        assert_eq!(lens(&data, 251), [251]);
        assert_eq!(lens(&data, 1000), [251]);
        assert_eq!(lens(&data, 1), std::vec![1; 251]);
        let joined: std::vec::Vec<u8> = Segments::new(&data, 7).flatten().copied().collect();
        assert_eq!(joined, data);
    }

    #[test]
    fn empty_and_zero() {
        assert!(lens(&[], 1200).is_empty());
        assert!(lens(&[], 0).is_empty());
        assert_eq!(lens(&[1, 2, 3], 0), [3]);
        let mut fused = Segments::new(&[1], 1);
        assert_eq!(fused.next(), Some(&[1u8][..]));
        assert_eq!((fused.next(), fused.next()), (None, None));
    }
}
