//! `sc_send_file` and `sc_send_file_all`: a file onto a socket with
//! `sendfile(2)`, one call or the whole transfer.

use core::ffi::c_int;

use libc::{size_t, ssize_t};

use crate::args::{self, size_return};

/// `sendfile(2)`: up to `count` bytes of `file`, from `*offset`, onto the
/// socket `fd`, with no copy through user space. `*offset` advances by the
/// count sent; the file's own position is neither used nor moved. One call
/// (`sendfile64`, so 64-bit offsets on 32-bit systems too): a signal ends
/// it with `-EINTR`. At most 0x7ffff000 bytes go per call.
///
/// `sendfile` takes no `MSG_NOSIGNAL`: this call blocks `SIGPIPE` in the
/// calling thread while it runs, discards the one a closed peer raises, and
/// leaves the thread's signal mask as it was (a `SIGPIPE` the caller had
/// blocked and left pending stays pending).
///
/// Returns the count sent (less than `count` when the send buffer had less
/// room or the file ended; 0 at its end), or `-EFAULT` for a NULL `offset`,
/// `-EINVAL` for `*offset` over `INT64_MAX`, `count` over `SSIZE_MAX`, or a
/// `file` that cannot be read at an offset (a directory), `-ESPIPE` when
/// `file` is a pipe or a socket, `-EAGAIN` (a non-blocking socket with its
/// buffer full), `-EPIPE`, `-ECONNRESET`, `-EBADF` (also for a `file`
/// opened write-only), `-EINTR`, `-EIO`. `*offset` is unchanged on error.
///
/// # Safety
///
/// `fd` and `file` must be descriptors the caller owns; `offset` NULL or a
/// valid `uint64_t`.
#[no_mangle]
pub unsafe extern "C" fn sc_send_file(
    fd: c_int,
    file: c_int,
    offset: *mut u64,
    count: size_t,
) -> ssize_t {
    // SAFETY: the caller's promises.
    unsafe { send_file(fd, file, offset, count, false) }
}

/// `sc_send_file` until `count` bytes are sent or the file ends, retrying
/// `EINTR` and short counts, as `sc_write_all` does.
///
/// Returns the count sent: `count`, or fewer when the file ended first; or
/// `-errno` (those of `sc_send_file` but `-EINTR`). `*offset` always says
/// how far it got, so after `-EAGAIN` on a non-blocking socket wait for
/// `POLLOUT` and call again with the same `offset` and the rest of the
/// count.
///
/// # Safety
///
/// As `sc_send_file`.
#[no_mangle]
pub unsafe extern "C" fn sc_send_file_all(
    fd: c_int,
    file: c_int,
    offset: *mut u64,
    count: size_t,
) -> ssize_t {
    // SAFETY: the caller's promises.
    unsafe { send_file(fd, file, offset, count, true) }
}

/// The checks and the call both exports share, out of line: one call, or
/// the whole transfer.
///
/// # Safety
///
/// As `sc_send_file`.
#[inline(never)]
unsafe fn send_file(
    fd: c_int,
    file: c_int,
    offset: *mut u64,
    count: size_t,
    whole: bool,
) -> ssize_t {
    // SAFETY: the caller's promises about offset and fd.
    let sent = unsafe { args::out_ref(offset) }.and_then(|offset| {
        let count = args::len(count)?;
        // SAFETY: the caller's promise about fd.
        let socket = unsafe { args::socket(fd) };
        if whole {
            socket
                .send_file_all(file, offset, count)
                .map_err(|stopped| stopped.errno)
        } else {
            socket.send_file(file, offset, count)
        }
    });
    size_return(sent)
}
