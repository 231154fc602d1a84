//! `ZerocopyRange` arithmetic across the wrap at 2³², and which
//! error-queue entries are completions.

use super::ZerocopyRange;
use crate::errno::Errno;
use crate::msg::cmsg::extended_error::{ErrorOrigin, ExtendedError};

/// A zero-copy entry as the kernel writes it: no error, origin 5, the
/// range in `info`..=`data`, `code` 1 when copied.
fn completion(info: u32, data: u32, code: u8) -> ExtendedError {
    ExtendedError {
        errno: Errno::from_raw(0),
        origin: ErrorOrigin::ZeroCopy,
        ty: 0,
        code,
        info,
        data,
        offender: None,
    }
}

#[test]
fn len_and_contains_without_the_wrap() {
    let one = ZerocopyRange::new(7, 7, false);
    assert_eq!(one.len(), 1);
    assert!(one.contains(7));
    assert!(!one.contains(6) && !one.contains(8));

    let run = ZerocopyRange::new(0, 63, true);
    assert_eq!((run.first(), run.last(), run.len()), (0, 63, 64));
    assert!(run.contains(0) && run.contains(63));
    assert!(!run.contains(64) && !run.contains(u32::MAX));
}

#[test]
fn len_and_contains_across_the_wrap() {
    let wrapped = ZerocopyRange::new(u32::MAX - 1, 2, false);
    assert_eq!(wrapped.len(), 5);
    for send in [u32::MAX - 1, u32::MAX, 0, 1, 2] {
        assert!(wrapped.contains(send), "{send}");
    }
    for send in [u32::MAX - 2, 3, 1 << 31] {
        assert!(!wrapped.contains(send), "{send}");
    }
    // The range that ends at the last number, and the one starting at it.
    assert_eq!(ZerocopyRange::new(u32::MAX, u32::MAX, false).len(), 1);
    assert_eq!(ZerocopyRange::new(u32::MAX, 0, false).len(), 2);
}

#[test]
fn the_largest_range_covers_every_number() {
    // last == first - 1: all 2^32 numbers.
    let all = ZerocopyRange::new(5, 4, false);
    assert_eq!(all.len(), 1 << 32);
    for send in [0, 4, 5, 6, u32::MAX] {
        assert!(all.contains(send), "{send}");
    }
}

#[test]
fn copied_is_the_kernels_code_bit() {
    assert!(ZerocopyRange::new(0, 0, true).copied());
    assert!(!ZerocopyRange::new(0, 0, false).copied());
    assert_eq!(ZerocopyRange::default(), ZerocopyRange::new(0, 0, false));
}

#[test]
fn only_zero_copy_entries_without_an_error_are_completions() {
    assert_eq!(
        ZerocopyRange::from_extended_error(&completion(3, 9, 1)),
        Some(ZerocopyRange::new(3, 9, true))
    );
    assert_eq!(
        ZerocopyRange::from_extended_error(&completion(u32::MAX, 0, 0)),
        Some(ZerocopyRange::new(u32::MAX, 0, false))
    );
    // Other bits of the code are not the copied flag.
    assert_eq!(
        ZerocopyRange::from_extended_error(&completion(0, 0, 2)).map(|r| r.copied()),
        Some(false)
    );
    let mut icmp = completion(0, 0, 3);
    icmp.origin = ErrorOrigin::Icmp;
    icmp.errno = Errno::ECONNREFUSED;
    assert_eq!(ZerocopyRange::from_extended_error(&icmp), None);
    let mut stamp = completion(0, 1, 0);
    stamp.origin = ErrorOrigin::Timestamping;
    stamp.errno = Errno::ENOMSG;
    assert_eq!(ZerocopyRange::from_extended_error(&stamp), None);
    let mut failed = completion(0, 1, 0);
    failed.errno = Errno::ENOBUFS;
    assert_eq!(ZerocopyRange::from_extended_error(&failed), None);
}
