//! `sc_segments`: walking the datagrams of a run.

use core::ffi::{c_int, c_void};

use libc::size_t;
use sockcore::udp::Segments;
use sockcore::Errno;

use crate::args::{self, int_return, unit_return};

/// The datagrams of a run, one after another: set up with
/// `sc_segments_init`, read with `sc_segments_next`. The fields are the
/// library's.
#[allow(non_camel_case_types)] // C's spelling: this is the header's name.
#[repr(C)]
pub struct sc_segments {
    /// The next datagram's first byte.
    pub next: *const u8,
    /// Bytes not yet walked.
    pub left: size_t,
    /// The segment size.
    pub segment: size_t,
}

/// Sets `*it` up to walk the datagrams of the run of `len` bytes at `buf`
/// whose segment size is `segment` (from `sc_recv_segments`): each has
/// `segment` bytes, the last one possibly fewer.
///
/// Returns 0, or `-EFAULT` for a NULL `it` or a NULL `buf` with `len` > 0,
/// `-EINVAL` for `segment` 0 with `len` > 0 or `len` over `SSIZE_MAX`.
///
/// # Safety
///
/// `it` must be NULL or writable; `buf` NULL or readable for `len` bytes,
/// and stay so while `*it` is walked.
#[no_mangle]
pub unsafe extern "C" fn sc_segments_init(
    it: *mut sc_segments,
    buf: *const c_void,
    len: size_t,
    segment: size_t,
) -> c_int {
    // SAFETY: the caller's promise about it.
    let it = unsafe { args::out_ref(it) };
    unit_return(it.and_then(|it| {
        // SAFETY: the caller's promise about buf.
        let run = unsafe { args::array(buf.cast::<u8>(), args::len(len)?, usize::MAX) }?;
        if segment == 0 && !run.is_empty() {
            return Err(Errno::EINVAL);
        }
        *it = sc_segments {
            next: run.as_ptr(),
            left: run.len(),
            segment,
        };
        Ok(())
    }))
}

/// The next datagram of the run: `*data` points at it (in the run's
/// buffer) and `*len` is its length.
///
/// Returns 1, or 0 when none is left (an empty run has none; `*data` and
/// `*len` are then unchanged), or `-EFAULT` for a NULL argument.
///
/// # Safety
///
/// `it` must be NULL or point at an `sc_segments` set up by
/// `sc_segments_init` whose buffer is still readable; `data` and `len` NULL
/// or writable.
#[no_mangle]
pub unsafe extern "C" fn sc_segments_next(
    it: *mut sc_segments,
    data: *mut *const c_void,
    len: *mut size_t,
) -> c_int {
    // SAFETY: the caller's promises.
    let outputs = unsafe { (args::out_ref(it), args::out_ref(data), args::out_ref(len)) };
    let (it, data, len) = match outputs {
        (Ok(it), Ok(data), Ok(len)) => (it, data, len),
        _ => return -libc::EFAULT,
    };
    // SAFETY: set up by sc_segments_init over a buffer readable for `left`
    // bytes (the caller's promise), which each step only shortens.
    let rest = unsafe { args::array(it.next, it.left, usize::MAX) };
    int_return(rest.map(|rest| {
        let mut segments = Segments::new(rest, it.segment);
        let Some(datagram) = segments.next() else {
            return 0;
        };
        *data = datagram.as_ptr().cast();
        *len = datagram.len();
        let rest = segments.remainder();
        it.next = rest.as_ptr();
        it.left = rest.len();
        1
    }))
}
