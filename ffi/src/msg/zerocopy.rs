//! `sc_zerocopy_completions`: which zero-copy sends (`SC_MSG_ZEROCOPY`) the
//! kernel is done with, read from the socket's error queue into the
//! caller's array of `sc_zerocopy_range`.

use core::ffi::c_int;
use core::mem::{align_of, offset_of, size_of};

use libc::size_t;
use sockcore::ZerocopyRange;

use crate::args::{self, int_return};

/// Zero-copy sends the kernel is done with: the send numbers `first` to
/// `last`, inclusive. Their buffers may now be changed or reused.
///
/// Sends are numbered per socket from 0, in the order they were made; only
/// zero-copy sends (`SC_MSG_ZEROCOPY`, after `sc_set_zerocopy(fd, 1)`)
/// that moved at least one byte take a number. Numbers wrap at 2^32, so
/// test whether send `n` is in a range with unsigned subtraction,
/// `(uint32_t)(n - first) <= (uint32_t)(last - first)`, never with `<=`
/// alone; the range covers `(uint32_t)(last - first) + 1` sends.
#[allow(non_camel_case_types)] // C's spelling: this is the header's name.
#[repr(C)]
pub struct sc_zerocopy_range {
    /// The first send of the range.
    pub first: u32,
    /// The last send of the range, inclusive.
    pub last: u32,
    /// 1 when the kernel copied the data after all
    /// (`SO_EE_CODE_ZEROCOPY_COPIED`): always over loopback, and on a
    /// device that cannot send from the caller's pages; a plain send is
    /// then cheaper. 0 otherwise. When completions merge into one range,
    /// it is the first one's.
    pub copied: u32,
}

// The export hands the caller's array to the core as ZerocopyRanges, which
// are three u32s in this order (asserted in the core, with the offsets).
const _: () = assert!(size_of::<sc_zerocopy_range>() == size_of::<ZerocopyRange>());
const _: () = assert!(align_of::<sc_zerocopy_range>() == align_of::<ZerocopyRange>());
const _: () = assert!(offset_of!(sc_zerocopy_range, first) == 0);
const _: () = assert!(offset_of!(sc_zerocopy_range, last) == 4);
const _: () = assert!(offset_of!(sc_zerocopy_range, copied) == 8);

/// Reads zero-copy completions from `fd`'s error queue into `out`, up to
/// `count` of them, one `recvmsg(MSG_ERRQUEUE | MSG_DONTWAIT)` each, until
/// `out` is full or the queue is empty. Never blocks, so never `-EINTR`.
///
/// The rule: a buffer sent with `SC_MSG_ZEROCOPY` may be changed or reused
/// only after a range returned here covers its send.
///
/// Waiting completions make `poll` report `POLLERR` (epoll: `EPOLLERR`,
/// asked or not) while `sc_take_error` returns 0: on a zero-copy socket
/// `POLLERR` means "call this", not a failed connection. Consecutive
/// completions merge while they wait, so one range often covers many sends;
/// across calls every send is covered exactly once.
///
/// An entry that is not a completion (on a socket with `sc_set_recverr` or
/// `SO_TIMESTAMPING` on too: an ICMP error, a transmit timestamp) ends the
/// call, and the kernel has taken it off the queue: read first, its error
/// is returned (`-ECONNREFUSED`, ...; `-ENOMSG` when it has none, as
/// timestamps); read after completions, those are returned and the entry
/// is lost. Such a socket should read its error queue with `sc_recvmsg`
/// and `SC_MSG_ERRQUEUE`, and `sc_cmsg_get_extended_err`
/// (`SC_EE_ORIGIN_ZEROCOPY`, `SC_EE_CODE_ZEROCOPY_COPIED`).
///
/// Only IPv4 and IPv6 sockets have an error queue: on a Unix socket this
/// returns `-EOPNOTSUPP` when data was waiting (a datagram is consumed, its
/// descriptors closed) and 0 when none was.
///
/// Returns how many ranges were stored (0: none waiting; `count` 0 returns
/// 0 with no system call, `out` may then be NULL), or `-EFAULT` (NULL
/// `out`), `-EINVAL` (`count` over `INT_MAX`), `-EBADF`, `-ENOTSOCK`,
/// `-EOPNOTSUPP`, or a foreign entry's error as above.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `out` NULL or writable for
/// `count` ranges.
#[no_mangle]
pub unsafe extern "C" fn sc_zerocopy_completions(
    fd: c_int,
    out: *mut sc_zerocopy_range,
    count: size_t,
) -> c_int {
    // SAFETY: sc_zerocopy_range has ZerocopyRange's layout (asserted
    // above), any bits are a valid value of either, and the caller's
    // promise about out. The ranges may be uninitialised C memory: the core
    // only writes them.
    let ranges =
        unsafe { args::array_mut(out.cast::<ZerocopyRange>(), count, c_int::MAX as usize) };
    let stored = ranges.and_then(|ranges| {
        // SAFETY: the caller's promise about fd.
        unsafe { args::socket(fd) }.recv_zerocopy_completions(ranges)
    });
    // At most count, which is at most INT_MAX.
    int_return(stored.map(|stored| c_int::try_from(stored).unwrap_or(c_int::MAX)))
}
