//! Moving bytes, one system call each: read/write, send/recv with flags,
//! sendto/recvfrom, peek, and the vectored readv/writev.
//!
//! Every send adds `MSG_NOSIGNAL`: writing to a peer that has gone returns
//! `-EPIPE` and never raises `SIGPIPE`.

use core::ffi::{c_int, c_void};

use libc::{iovec, size_t, ssize_t};
use sockcore::{IoSlice, IoSliceMut};

use crate::addr::value::sc_addr;
use crate::args::{self, size_return};

/// `read(2)`: up to `len` bytes from `fd` into `buf`.
///
/// Returns the count read (0 at end of stream, for an empty datagram or for
/// `len` 0), or `-EFAULT` for a NULL `buf`, `-EINVAL` for `len` over
/// `SSIZE_MAX`, `-EAGAIN` (non-blocking, nothing to read), `-EINTR`,
/// `-ECONNRESET`, `-ENOTCONN`, `-ETIMEDOUT`, `-EBADF`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `buf` NULL or writable for
/// `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_read(fd: c_int, buf: *mut c_void, len: size_t) -> ssize_t {
    // SAFETY: the caller's promises about fd and buf.
    size_return(unsafe { args::buf_mut(buf, len).and_then(|buf| args::socket(fd).read(buf)) })
}

/// The write of sockcore: `send(2)` with `MSG_NOSIGNAL`, one call, which may
/// send fewer than `len` bytes (see `sc_write_all`).
///
/// Returns the count sent, or `-EFAULT` for a NULL `buf`, `-EINVAL` for
/// `len` over `SSIZE_MAX`, `-EPIPE` or `-ECONNRESET` (the peer has gone),
/// `-EAGAIN`, `-EINTR`, `-EMSGSIZE`, `-ENOTCONN`, `-EDESTADDRREQ`, `-EBADF`,
/// `-ENOTSOCK` (the descriptor is not a socket: use `write(2)` for others).
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `buf` NULL or readable for
/// `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_write(fd: c_int, buf: *const c_void, len: size_t) -> ssize_t {
    // SAFETY: the caller's promises about fd and buf.
    size_return(unsafe { args::buf(buf, len).and_then(|buf| args::socket(fd).write(buf)) })
}

/// `send(2)` with `flags | MSG_NOSIGNAL`; `flags` is a combination of
/// `SC_MSG_*` constants.
///
/// Returns the count sent, or `-EINVAL` for unknown `flags` bits, and the
/// errors of `sc_write`.
///
/// # Safety
///
/// As `sc_write`.
#[no_mangle]
pub unsafe extern "C" fn sc_send(
    fd: c_int,
    buf: *const c_void,
    len: size_t,
    flags: c_int,
) -> ssize_t {
    // SAFETY: the caller's promises about fd and buf.
    size_return(unsafe {
        args::buf(buf, len).and_then(|buf| args::socket(fd).send(buf, args::msg_flags(flags)?))
    })
}

/// `recv(2)` with `flags`, a combination of `SC_MSG_*` constants. With
/// `SC_MSG_TRUNC` on a datagram socket the return is the datagram's full
/// length, even when `len` was shorter.
///
/// Returns the count received, or `-EINVAL` for unknown `flags` bits, and
/// the errors of `sc_read`.
///
/// # Safety
///
/// As `sc_read`.
#[no_mangle]
pub unsafe extern "C" fn sc_recv(
    fd: c_int,
    buf: *mut c_void,
    len: size_t,
    flags: c_int,
) -> ssize_t {
    // SAFETY: the caller's promises about fd and buf.
    size_return(unsafe {
        args::buf_mut(buf, len).and_then(|buf| args::socket(fd).recv(buf, args::msg_flags(flags)?))
    })
}

/// `recv(2)` with `MSG_PEEK`: the next bytes, left in the queue for the
/// next read.
///
/// Returns the count copied, or the errors of `sc_read`.
///
/// # Safety
///
/// As `sc_read`.
#[no_mangle]
pub unsafe extern "C" fn sc_peek(fd: c_int, buf: *mut c_void, len: size_t) -> ssize_t {
    // SAFETY: the caller's promises about fd and buf.
    size_return(unsafe { args::buf_mut(buf, len).and_then(|buf| args::socket(fd).peek(buf)) })
}

/// `sendto(2)` with `flags | MSG_NOSIGNAL`: a datagram to `*to`.
///
/// With `SC_MSG_FASTOPEN` on an unconnected TCP socket it connects to `*to`
/// and sends the data in the SYN when a Fast Open cookie for the address is
/// cached (TCP Fast Open, Linux 3.7); without one, an ordinary handshake
/// that asks for a cookie, the data following it. On a non-blocking socket
/// without a cookie it returns `-EINPROGRESS` having sent nothing: wait for
/// `POLLOUT`, then send the data again. It needs the client bit (1) of
/// `net.ipv4.tcp_fastopen` (`-EOPNOTSUPP` without).
///
/// Returns the count sent, or `-EFAULT` for a NULL `to`, `-EINVAL` for
/// unknown `flags` bits or an address of the wrong family, `-EISCONN`,
/// `-EAFNOSUPPORT`, `-EACCES` (broadcast without `SO_BROADCAST`),
/// `-ENETUNREACH`, `-EINPROGRESS`, and the errors of `sc_write`.
///
/// # Safety
///
/// As `sc_write`; `to` must be NULL or an initialised `sc_addr`.
#[no_mangle]
pub unsafe extern "C" fn sc_sendto(
    fd: c_int,
    buf: *const c_void,
    len: size_t,
    flags: c_int,
    to: *const sc_addr,
) -> ssize_t {
    // SAFETY: the caller's promises about fd, buf and to.
    size_return(unsafe {
        args::buf(buf, len).and_then(|buf| {
            let to = args::addr(to)?;
            args::socket(fd).send_to(buf, args::msg_flags(flags)?, to)
        })
    })
}

/// `recvfrom(2)` with `flags`: a datagram, and its sender's address into
/// `*from` unless `from` is NULL. A sender with no name (a connected
/// stream, a Unix socket that never bound) gives the empty address (family
/// `AF_UNSPEC`, length 0), as `sc_accept`, `sc_local_addr` and
/// `sc_peer_addr` report one.
///
/// Returns the count received, or the errors of `sc_recv`. `*from` is
/// unchanged on error.
///
/// # Safety
///
/// As `sc_read`; `from` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sc_recvfrom(
    fd: c_int,
    buf: *mut c_void,
    len: size_t,
    flags: c_int,
    from: *mut sc_addr,
) -> ssize_t {
    // SAFETY: the caller's promises about fd and buf.
    let received = unsafe { args::buf_mut(buf, len) }.and_then(|buf| {
        let flags = args::msg_flags(flags)?;
        // SAFETY: the caller's promise about fd.
        let socket = unsafe { args::socket(fd) };
        // SAFETY: the caller's promise about from; the kernel fills the
        // caller's sc_addr in place.
        match unsafe { args::addr_out_opt(from) } {
            None => socket.recv(buf, flags),
            Some(sender) => socket.recv_from_into(buf, flags, sender),
        }
    });
    size_return(received)
}

/// `readv(2)`: scatters what arrives on `fd` over the `iovcnt` buffers of
/// `iov`, in order.
///
/// Returns the count read (0 at end of stream), or `-EFAULT` for a NULL
/// `iov` (or a NULL buffer in it), `-EINVAL` for `iovcnt` negative or over
/// `SC_IOV_MAX` or a total over `SSIZE_MAX`, and the errors of `sc_read`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `iov` NULL or readable for
/// `iovcnt` entries, each describing writable memory.
#[no_mangle]
pub unsafe extern "C" fn sc_readv(fd: c_int, iov: *const iovec, iovcnt: c_int) -> ssize_t {
    // SAFETY: the caller's promise about iov.
    let read = unsafe { args::iovecs(iov, iovcnt) }.and_then(|array| {
        // SAFETY: IoSliceMut has iovec's layout (asserted in the core); each
        // entry describes writable memory (the caller's promise, and no NULL
        // buffer was found); readv never writes the array itself.
        let bufs = unsafe {
            core::slice::from_raw_parts_mut(
                array.as_ptr().cast_mut().cast::<IoSliceMut<'_>>(),
                array.len(),
            )
        };
        // SAFETY: the caller's promise about fd.
        unsafe { args::socket(fd) }.read_vectored(bufs)
    });
    size_return(read)
}

/// The vectored write: `sendmsg(2)` with `MSG_NOSIGNAL` over the `iovcnt`
/// buffers of `iov` (`writev(2)` cannot suppress `SIGPIPE`). One call; it
/// may send fewer bytes than the buffers hold.
///
/// Returns the count sent, or `-EFAULT` for a NULL `iov` (or a NULL buffer
/// in it), `-EINVAL` for `iovcnt` negative or over `SC_IOV_MAX` or a total
/// over `SSIZE_MAX`, and the errors of `sc_write`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `iov` NULL or readable for
/// `iovcnt` entries, each describing readable memory.
#[no_mangle]
pub unsafe extern "C" fn sc_writev(fd: c_int, iov: *const iovec, iovcnt: c_int) -> ssize_t {
    // SAFETY: the caller's promise about iov.
    let written = unsafe { args::iovecs(iov, iovcnt) }.and_then(|array| {
        // SAFETY: IoSlice has iovec's layout (asserted in the core), and each
        // entry describes readable memory (the caller's promise, and no NULL
        // buffer was found).
        let bufs = unsafe {
            core::slice::from_raw_parts(array.as_ptr().cast::<IoSlice<'_>>(), array.len())
        };
        // SAFETY: the caller's promise about fd.
        unsafe { args::socket(fd) }.write_vectored(bufs)
    });
    size_return(written)
}
