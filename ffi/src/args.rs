//! C arguments to Rust values, and Rust results to C returns: every check
//! of an argument that a `sc_` function makes (NULL pointers, lengths,
//! counts, flag bits, time-outs, addresses, strings, iovec arrays, message
//! headers) is
//! here, once, and so is every conversion to a C return and the writing of
//! text into a caller's `char` buffer.
//!
//! The pointer checks give `EFAULT` for NULL (unless the caller may pass
//! NULL: [`out_opt`], [`addr_out_opt`], and arrays with no elements) and
//! `EINVAL` for a length or count out of range, in the order the helpers
//! make them, which is the order the C functions document.

use core::ffi::{c_char, c_int, c_void, CStr};
#[cfg(feature = "server")]
use core::mem::ManuallyDrop;
#[cfg(feature = "messages")]
use core::mem::MaybeUninit;
#[cfg(feature = "options")]
use core::net::Ipv4Addr;
use core::time::Duration;

use libc::{iovec, size_t, sockaddr, ssize_t};
#[cfg(feature = "options")]
use sockcore::AddrKind;
use sockcore::{BorrowedSocket, Errno, MsgFlags, PollFd, SockFlags, SocketAddr};
#[cfg(feature = "server")]
use sockcore::{Epoll, EpollEvent};

use crate::addr::value::sc_addr;
use crate::constants::SC_IOV_MAX;
#[cfg(feature = "messages")]
use crate::msg::cmsg::builder::sc_cmsg_builder;
#[cfg(feature = "udp-offload")]
use crate::udp::state::{decode, sc_udp_offload};
#[cfg(feature = "udp-offload")]
use sockcore::udp::GsoStatus;

/// `Ok(n)` as `n`, `Err(errno)` as `-errno`: the C ABI's `int` return.
#[inline]
pub(crate) fn int_return(result: Result<c_int, Errno>) -> c_int {
    match result {
        Ok(value) => value,
        Err(errno) => -errno.raw(),
    }
}

/// `Ok(())` as 0, `Err(errno)` as `-errno`.
#[inline]
pub(crate) fn unit_return(result: Result<(), Errno>) -> c_int {
    int_return(result.map(|()| 0))
}

/// A byte count as `ssize_t`, `Err(errno)` as `-errno`.
///
/// Every count comes from the kernel's own `ssize_t` (or is at most a length
/// [`buf`] capped at `SSIZE_MAX`), so the saturation never happens.
#[inline]
pub(crate) fn size_return(result: Result<usize, Errno>) -> ssize_t {
    match result {
        Ok(count) => ssize_t::try_from(count).unwrap_or(ssize_t::MAX),
        Err(errno) => -(errno.raw() as ssize_t),
    }
}

/// A socket descriptor the C caller owns, for the duration of one call.
///
/// # Safety
///
/// None beyond the C caller's own promise: the descriptor is only passed to
/// system calls, so a closed or invalid one just makes the kernel answer
/// `EBADF` (or `ENOTSOCK`); no memory depends on it.
#[inline]
pub(crate) unsafe fn socket<'call>(fd: c_int) -> BorrowedSocket<'call> {
    // SAFETY: see above; the borrow ends with the C call.
    unsafe { BorrowedSocket::borrow_raw(fd) }
}

/// `*ptr`, to read: `EFAULT` for NULL.
///
/// # Safety
///
/// Unless NULL, `ptr` must point at a valid `T` for `'call`, not written
/// meanwhile.
#[inline]
pub(crate) unsafe fn in_ref<'call, T>(ptr: *const T) -> Result<&'call T, Errno> {
    // SAFETY: NULL or valid (the caller's promise).
    unsafe { ptr.as_ref() }.ok_or(Errno::EFAULT)
}

/// `*ptr`, to write (and read): `EFAULT` for NULL.
///
/// # Safety
///
/// Unless NULL, `ptr` must point at a `T` writable for `'call`, not
/// otherwise accessed meanwhile.
#[inline]
pub(crate) unsafe fn out_ref<'call, T>(ptr: *mut T) -> Result<&'call mut T, Errno> {
    // SAFETY: NULL or valid and exclusive (the caller's promise).
    unsafe { ptr.as_mut() }.ok_or(Errno::EFAULT)
}

/// `*ptr`, to write, where the caller may pass NULL for an output it does
/// not want: `None` then.
///
/// # Safety
///
/// As for [`out_ref`].
#[inline]
pub(crate) unsafe fn out_opt<'call, T>(ptr: *mut T) -> Option<&'call mut T> {
    // SAFETY: NULL or valid and exclusive (the caller's promise).
    unsafe { ptr.as_mut() }
}

/// `len` elements at `ptr`, to read: `EFAULT` for NULL, then `EINVAL` for
/// more than `max`, checked before the elements are touched.
///
/// # Safety
///
/// Unless NULL, `ptr` must be readable for `len` elements for `'call` (or
/// `len` must be over `max`).
#[inline]
pub(crate) unsafe fn slice<'call, T>(
    ptr: *const T,
    len: usize,
    max: usize,
) -> Result<&'call [T], Errno> {
    if ptr.is_null() {
        return Err(Errno::EFAULT);
    }
    if len > max {
        return Err(Errno::EINVAL);
    }
    // SAFETY: non-NULL and readable for len elements (the caller's promise),
    // so len elements fit isize as from_raw_parts requires.
    Ok(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// `len` elements at `ptr`, to write: checks as [`slice`].
///
/// # Safety
///
/// Unless NULL, `ptr` must be writable for `len` elements for `'call`, not
/// otherwise accessed meanwhile (or `len` must be over `max`).
#[inline]
pub(crate) unsafe fn slice_mut<'call, T>(
    ptr: *mut T,
    len: usize,
    max: usize,
) -> Result<&'call mut [T], Errno> {
    if ptr.is_null() {
        return Err(Errno::EFAULT);
    }
    if len > max {
        return Err(Errno::EINVAL);
    }
    // SAFETY: non-NULL, writable and exclusive for len elements (the
    // caller's promise), so len elements fit isize.
    Ok(unsafe { core::slice::from_raw_parts_mut(ptr, len) })
}

/// [`slice`] where NULL is fine for no elements: an array the caller may
/// leave out by passing a count of 0.
///
/// # Safety
///
/// As for [`slice`].
#[cfg(any(feature = "messages", feature = "udp-offload"))]
#[inline]
pub(crate) unsafe fn array<'call, T>(
    ptr: *const T,
    len: usize,
    max: usize,
) -> Result<&'call [T], Errno> {
    if len == 0 {
        return Ok(&[]);
    }
    // SAFETY: the caller's promise.
    unsafe { slice(ptr, len, max) }
}

/// [`slice_mut`] where NULL is fine for no elements.
///
/// # Safety
///
/// As for [`slice_mut`].
#[inline]
pub(crate) unsafe fn array_mut<'call, T>(
    ptr: *mut T,
    len: usize,
    max: usize,
) -> Result<&'call mut [T], Errno> {
    if len == 0 {
        return Ok(&mut []);
    }
    // SAFETY: the caller's promise.
    unsafe { slice_mut(ptr, len, max) }
}

/// A C time-out in milliseconds as the Rust API takes it: negative waits
/// for ever (`None`), 0 does not wait. Out of line: one copy for every
/// call with a time-out.
#[inline(never)]
pub(crate) fn timeout(timeout_ms: c_int) -> Option<Duration> {
    u64::try_from(timeout_ms).ok().map(Duration::from_millis)
}

/// The most bytes one call takes: a count returned must fit `ssize_t`.
const SSIZE_MAX: usize = ssize_t::MAX as usize;

/// A length or count the caller passes as `size_t`: `EINVAL` over
/// `SSIZE_MAX`, because the count returned must fit `ssize_t`.
#[cfg(any(feature = "messages", feature = "server", feature = "udp-offload"))]
#[inline]
pub(crate) fn len(len: size_t) -> Result<usize, Errno> {
    if len > SSIZE_MAX {
        return Err(Errno::EINVAL);
    }
    Ok(len)
}

/// `len` bytes at `ptr`, to read. `EFAULT` for NULL, `EINVAL` for a length
/// over `SSIZE_MAX`.
///
/// # Safety
///
/// Unless NULL, `ptr` must be readable for `len` bytes for `'call`.
#[inline]
pub(crate) unsafe fn buf<'call>(ptr: *const c_void, len: size_t) -> Result<&'call [u8], Errno> {
    // SAFETY: the caller's promise.
    unsafe { slice(ptr.cast(), len, SSIZE_MAX) }
}

/// `len` bytes at `ptr`, for the kernel to write into. Checks as [`buf`].
///
/// The bytes may be uninitialised C memory: only the kernel writes them and
/// nothing in Rust reads them, so the slice is a way to pass pointer and
/// length, not a promise about the contents.
///
/// # Safety
///
/// Unless NULL, `ptr` must be writable for `len` bytes for `'call`, and not
/// otherwise accessed meanwhile.
#[inline]
pub(crate) unsafe fn buf_mut<'call>(
    ptr: *mut c_void,
    len: size_t,
) -> Result<&'call mut [u8], Errno> {
    // SAFETY: the caller's promise.
    unsafe { slice_mut(ptr.cast(), len, SSIZE_MAX) }
}

/// The bytes of a NUL-terminated C string, without the NUL: `EFAULT` for
/// NULL.
///
/// # Safety
///
/// Unless NULL, `text` must point at a NUL-terminated string that lives
/// for `'call`.
#[inline]
pub(crate) unsafe fn c_str<'call>(text: *const c_char) -> Result<&'call [u8], Errno> {
    if text.is_null() {
        return Err(Errno::EFAULT);
    }
    // SAFETY: non-NULL and NUL-terminated (the caller's promise).
    Ok(unsafe { CStr::from_ptr(text) }.to_bytes())
}

/// A C string parsed as an address ([`SocketAddr::parse_bytes`]): `EFAULT`
/// for NULL, `EINVAL` for text that is malformed or not UTF-8,
/// `ENAMETOOLONG` for a Unix name too long.
///
/// # Safety
///
/// As for [`c_str`].
#[inline]
pub(crate) unsafe fn parse_addr(text: *const c_char) -> Result<SocketAddr, Errno> {
    // SAFETY: the caller's promise.
    SocketAddr::parse_bytes(unsafe { c_str(text) }?)
}

/// A caller's address: `EFAULT` for NULL, `EINVAL` when its length is larger
/// than its storage (a struct filled by hand, or never filled).
///
/// # Safety
///
/// Unless NULL, `addr` must point at an initialised `sc_addr`.
#[inline]
pub(crate) unsafe fn addr<'call>(addr: *const sc_addr) -> Result<&'call SocketAddr, Errno> {
    // SAFETY: the caller's promise.
    let raw = unsafe { in_ref(addr) }?;
    if raw.len as usize > core::mem::size_of::<libc::sockaddr_storage>() {
        return Err(Errno::EINVAL);
    }
    // SAFETY: sc_addr has SocketAddr's layout (asserted in addr/value.rs),
    // every bit pattern of it is a valid SocketAddr, and its length is in
    // range.
    Ok(unsafe { &*(raw as *const sc_addr).cast::<SocketAddr>() })
}

/// A caller's address where NULL means none (a connected socket's
/// destination): `None` for NULL, else as [`addr`].
///
/// # Safety
///
/// As for [`addr`].
#[cfg(feature = "udp-offload")]
#[inline]
pub(crate) unsafe fn addr_opt<'call>(
    addr_ptr: *const sc_addr,
) -> Result<Option<&'call SocketAddr>, Errno> {
    if addr_ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: the caller's promise.
    unsafe { addr(addr_ptr) }.map(Some)
}

/// A caller's address, to change in place: checks as [`addr`].
///
/// # Safety
///
/// Unless NULL, `addr` must point at an initialised, writable `sc_addr`.
#[inline]
pub(crate) unsafe fn addr_mut<'call>(addr: *mut sc_addr) -> Result<&'call mut SocketAddr, Errno> {
    // SAFETY: the caller's promise.
    let raw = unsafe { out_ref(addr) }?;
    if raw.len as usize > core::mem::size_of::<libc::sockaddr_storage>() {
        return Err(Errno::EINVAL);
    }
    // SAFETY: as in addr: the same layout, every bit pattern valid, the
    // length in range; the borrow is exclusive.
    Ok(unsafe { &mut *(raw as *mut sc_addr).cast::<SocketAddr>() })
}

/// The IPv4 address in a caller's `sc_addr` (its port ignored), as
/// [`addr`] checks it, and `EAFNOSUPPORT` for another family. Out of line:
/// one copy for every IPv4 argument of the multicast calls.
///
/// # Safety
///
/// As for [`addr`].
#[cfg(feature = "options")]
#[inline(never)]
pub(crate) unsafe fn ipv4(addr: *const sc_addr) -> Result<Ipv4Addr, Errno> {
    // SAFETY: the caller's promise.
    match unsafe { self::addr(addr) }?.kind() {
        AddrKind::V4(v4) => Ok(*v4.ip()),
        _ => Err(Errno::EAFNOSUPPORT),
    }
}

/// A caller's `sc_addr` to store an address in: `EFAULT` for NULL.
///
/// # Safety
///
/// As for [`out_ref`].
#[inline]
pub(crate) unsafe fn addr_out<'call>(out: *mut sc_addr) -> Result<&'call mut SocketAddr, Errno> {
    // SAFETY: the caller's promise; sc_addr has SocketAddr's layout
    // (asserted in addr/value.rs) with every bit pattern valid.
    unsafe { out_ref(out.cast::<SocketAddr>()) }
}

/// A caller's `sc_addr` to store an address in, or `None` for NULL where
/// the caller may leave the address out.
///
/// # Safety
///
/// As for [`out_ref`].
#[inline]
pub(crate) unsafe fn addr_out_opt<'call>(out: *mut sc_addr) -> Option<&'call mut SocketAddr> {
    // SAFETY: as in addr_out.
    unsafe { out_opt(out.cast::<SocketAddr>()) }
}

/// The C return of a call that fills the caller's `*out`: `-EFAULT` for a
/// NULL `out` (checked before `get` runs, so no system call is wasted), the
/// `-errno` of `get`, or 0 once the address is stored.
///
/// # Safety
///
/// As for [`out_ref`].
#[inline]
pub(crate) unsafe fn fill_addr(
    out: *mut sc_addr,
    get: impl FnOnce() -> Result<SocketAddr, Errno>,
) -> c_int {
    // SAFETY: the caller's promise.
    let out = match unsafe { addr_out(out) } {
        Ok(out) => out,
        Err(errno) => return -errno.raw(),
    };
    unit_return(get().map(|addr| *out = addr))
}

/// Where the `struct sockaddr` of a caller's `sc_addr` is, without reading
/// it (the `sc_addr` need not be initialised yet); NULL for NULL.
///
/// # Safety
///
/// Unless NULL, `addr` must point at an `sc_addr`.
#[inline]
pub(crate) unsafe fn sockaddr_of(addr: *const sc_addr) -> *const sockaddr {
    if addr.is_null() {
        return core::ptr::null();
    }
    // SAFETY: addr points at an sc_addr (the caller's promise); taking a
    // field's address reads nothing.
    unsafe { core::ptr::addr_of!((*addr).storage) }.cast()
}

/// The C `iovec` array at `iov`, checked as every other buffer is: `EFAULT`
/// for a NULL array or a NULL buffer of non-zero length in it, `EINVAL` for
/// a count outside `0..=SC_IOV_MAX` or a total over `SSIZE_MAX` (the kernel
/// would block in `readv` before it found a NULL buffer).
///
/// # Safety
///
/// Unless NULL, `iov` must be readable for `iovcnt` entries for `'call`.
#[inline]
pub(crate) unsafe fn iovecs<'call>(
    iov: *const iovec,
    iovcnt: c_int,
) -> Result<&'call [iovec], Errno> {
    // A negative count is as out of range as one over the limit.
    let count = usize::try_from(iovcnt).unwrap_or(usize::MAX);
    // SAFETY: the caller's promise.
    let array = unsafe { slice(iov, count, SC_IOV_MAX as usize) }?;
    let mut total: size_t = 0;
    for entry in array {
        if entry.iov_base.is_null() && entry.iov_len != 0 {
            return Err(Errno::EFAULT);
        }
        total = total.checked_add(entry.iov_len).ok_or(Errno::EINVAL)?;
    }
    if total > SSIZE_MAX {
        return Err(Errno::EINVAL);
    }
    Ok(array)
}

/// The caller's `struct pollfd` array: `EINVAL` for a count over `INT_MAX`
/// (the count returned must fit an `int`), then NULL is fine for none and
/// `EFAULT` otherwise.
///
/// # Safety
///
/// Unless NULL, `fds` must be writable for `nfds` entries for `'call`, and
/// not otherwise accessed meanwhile.
#[inline]
pub(crate) unsafe fn poll_fds<'call>(
    fds: *mut libc::pollfd,
    nfds: libc::nfds_t,
) -> Result<&'call mut [PollFd], Errno> {
    let count = usize::try_from(nfds)
        .ok()
        .filter(|&count| count <= c_int::MAX as usize)
        .ok_or(Errno::EINVAL)?;
    // SAFETY: PollFd has pollfd's layout (asserted in the core), and the
    // caller's promise.
    unsafe { array_mut(fds.cast::<PollFd>(), count, usize::MAX) }
}

/// An epoll descriptor the C caller owns, for the duration of one call:
/// never closed here. `EBADF` for a negative number, which is no
/// descriptor (and which an [`Epoll`] cannot hold).
///
/// # Safety
///
/// None beyond the C caller's own promise, as for [`socket`]: the
/// descriptor is only passed to system calls, which answer `EBADF` or
/// `EINVAL` for one that is closed or not an epoll instance.
#[cfg(feature = "server")]
#[inline]
pub(crate) unsafe fn epoll(epfd: c_int) -> Result<ManuallyDrop<Epoll>, Errno> {
    if epfd < 0 {
        return Err(Errno::EBADF);
    }
    // SAFETY: not negative, and see above; ManuallyDrop keeps the borrow
    // from closing it.
    Ok(ManuallyDrop::new(unsafe { Epoll::from_raw_fd(epfd) }))
}

/// The caller's `struct epoll_event` array for `sc_epoll_wait`: `EINVAL`
/// for `maxevents` below 1, then `EFAULT` for NULL and `EINVAL` above
/// [`Epoll::MAX_EVENTS`], which the kernel refuses (it checks the count
/// first, too).
///
/// # Safety
///
/// Unless NULL, `events` must be writable for `maxevents` entries for
/// `'call`, and not otherwise accessed meanwhile.
#[cfg(feature = "server")]
#[inline]
pub(crate) unsafe fn epoll_events<'call>(
    events: *mut libc::epoll_event,
    maxevents: c_int,
) -> Result<&'call mut [EpollEvent], Errno> {
    let count = usize::try_from(maxevents)
        .ok()
        .filter(|&count| count >= 1)
        .ok_or(Errno::EINVAL)?;
    // SAFETY: EpollEvent has epoll_event's layout (asserted in the core),
    // and the caller's promise.
    unsafe { slice_mut(events.cast::<EpollEvent>(), count, Epoll::MAX_EVENTS) }
}

/// The most control bytes one message may have: the kernel's `sendmsg`
/// refuses more than `INT_MAX` (with `ENOBUFS`).
#[cfg(feature = "messages")]
const CONTROL_MAX: usize = c_int::MAX as usize;

/// What a caller's `struct msghdr` points at, checked as `sc_readv` and
/// `sc_writev` check their arguments, before any system call: `msg_iov`
/// as [`iovecs`] (`EFAULT` for a NULL array with a length or a NULL buffer
/// of non-zero length, `EINVAL` for `msg_iovlen` over `SC_IOV_MAX` or a
/// total over `SSIZE_MAX`; no buffers need no array, as in a receive of
/// control data alone, such as an error-queue entry), then the control
/// buffer (`EFAULT` for NULL with a length,
/// which 64-bit musl's `sendmsg` would also crash on, copying it before the
/// system call; `EINVAL` for a length over [`CONTROL_MAX`]). The name is
/// the kernel's to check.
///
/// # Safety
///
/// `msg_iov` must be NULL or readable for `msg_iovlen` entries.
#[cfg(feature = "messages")]
// msg_iovlen and msg_controllen are a size_t on glibc (the conversion and
// the cast are no-ops there), an int and a socklen_t on musl.
#[allow(clippy::useless_conversion, clippy::unnecessary_cast)]
#[inline(never)]
unsafe fn msghdr_parts(msg: &libc::msghdr) -> Result<(), Errno> {
    // A count past INT_MAX is as far over SC_IOV_MAX as INT_MAX is.
    let count = c_int::try_from(msg.msg_iovlen).unwrap_or(c_int::MAX);
    if count != 0 {
        // SAFETY: the caller's promise.
        unsafe { iovecs(msg.msg_iov, count) }?;
    }
    let control_len = msg.msg_controllen as usize;
    if msg.msg_control.is_null() && control_len != 0 {
        return Err(Errno::EFAULT);
    }
    if control_len > CONTROL_MAX {
        return Err(Errno::EINVAL);
    }
    Ok(())
}

/// The caller's `struct msghdr` for `sc_sendmsg`: `EFAULT` for NULL, then
/// the checks of [`msghdr_parts`].
///
/// # Safety
///
/// As for [`in_ref`], and `msg_iov` as for [`msghdr_parts`].
#[cfg(feature = "messages")]
#[inline]
pub(crate) unsafe fn send_msghdr<'call>(
    msg: *const libc::msghdr,
) -> Result<&'call libc::msghdr, Errno> {
    // SAFETY: the caller's promise.
    let msg = unsafe { in_ref(msg) }?;
    // SAFETY: the caller's promise.
    unsafe { msghdr_parts(msg) }?;
    Ok(msg)
}

/// The caller's `struct msghdr` for `sc_recvmsg`: `EFAULT` for NULL, then
/// the checks of [`msghdr_parts`].
///
/// # Safety
///
/// As for [`out_ref`], and `msg_iov` as for [`msghdr_parts`].
#[cfg(feature = "messages")]
#[inline]
pub(crate) unsafe fn recv_msghdr<'call>(
    msg: *mut libc::msghdr,
) -> Result<&'call mut libc::msghdr, Errno> {
    // SAFETY: the caller's promise.
    let msg = unsafe { out_ref(msg) }?;
    // SAFETY: the caller's promise.
    unsafe { msghdr_parts(msg) }?;
    Ok(msg)
}

/// The control data a receive filled in the caller's `struct msghdr`
/// (`msg_controllen` bytes at `msg_control`), and its `msg_flags`:
/// `EFAULT` for a NULL `msg`, or a NULL `msg_control` with a length.
///
/// # Safety
///
/// Unless NULL, `msg` must point at a valid `struct msghdr` whose
/// `msg_control` is NULL or readable for `msg_controllen` bytes, for
/// `'call`.
#[cfg(feature = "messages")]
#[inline]
pub(crate) unsafe fn received_control<'call>(
    msg: *const libc::msghdr,
) -> Result<(&'call [u8], c_int), Errno> {
    // SAFETY: the caller's promise.
    let msg = unsafe { in_ref(msg) }?;
    // size_t on glibc (the cast is a no-op there), socklen_t on musl.
    #[allow(clippy::unnecessary_cast)]
    let len = msg.msg_controllen as usize;
    // SAFETY: the caller's promise about msg_control.
    let bytes = unsafe { array(msg.msg_control.cast_const().cast::<u8>(), len, SSIZE_MAX) }?;
    Ok((bytes, msg.msg_flags))
}

/// A caller's `sc_cmsg_builder`, and the room left in its buffer:
/// `EFAULT` for a NULL builder, or a NULL buffer with a capacity; `EINVAL`
/// for a capacity over `SSIZE_MAX` or a length past the capacity (a builder
/// never set up with `sc_cmsg_builder_init`).
///
/// # Safety
///
/// Unless NULL, `builder` must point at an `sc_cmsg_builder` whose `buf`
/// is NULL or writable for `capacity` bytes, none of them otherwise
/// accessed during the call.
#[cfg(feature = "messages")]
#[inline]
pub(crate) unsafe fn cmsg_builder<'call>(
    builder: *mut sc_cmsg_builder,
) -> Result<(&'call mut sc_cmsg_builder, &'call mut [MaybeUninit<u8>]), Errno> {
    // SAFETY: the caller's promise.
    let builder = unsafe { out_ref(builder) }?;
    // SAFETY: the caller's promise about buf; the bytes are only written.
    let whole = unsafe {
        array_mut(
            builder.buf.cast::<MaybeUninit<u8>>(),
            builder.capacity,
            SSIZE_MAX,
        )
    }?;
    let room = whole.get_mut(builder.len..).ok_or(Errno::EINVAL)?;
    Ok((builder, room))
}

/// The caller's batch of `struct mmsghdr`: `EFAULT` for NULL; at most
/// `SC_IOV_MAX` headers, as the kernel caps a batch; then every header's
/// [`msghdr_parts`], so a bad one fails the call before anything is sent
/// or received.
///
/// # Safety
///
/// Unless NULL, `msgs` must be writable for `vlen` headers, and not
/// otherwise accessed during the call; each `msg_iov` as for
/// [`msghdr_parts`].
#[cfg(feature = "messages")]
#[inline]
pub(crate) unsafe fn mmsghdrs<'call>(
    msgs: *mut libc::mmsghdr,
    vlen: core::ffi::c_uint,
) -> Result<&'call mut [libc::mmsghdr], Errno> {
    let count = (vlen as usize).min(SC_IOV_MAX as usize);
    // SAFETY: writable for vlen >= count headers (the caller's promise).
    let msgs = unsafe { slice_mut(msgs, count, usize::MAX) }?;
    for msg in msgs.iter() {
        // SAFETY: the caller's promise.
        unsafe { msghdr_parts(&msg.msg_hdr) }?;
    }
    Ok(msgs)
}

/// A caller's `sc_udp_offload`, to use and update: `EFAULT` for NULL,
/// `EINVAL` for one `sc_udp_offload_init` never set up (its state out of
/// range, or a negative descriptor); with the offload status it holds.
///
/// # Safety
///
/// As for [`out_ref`].
#[cfg(feature = "udp-offload")]
#[inline]
pub(crate) unsafe fn udp_offload<'call>(
    u: *mut sc_udp_offload,
) -> Result<(&'call mut sc_udp_offload, GsoStatus), Errno> {
    // SAFETY: the caller's promise.
    let u = unsafe { out_ref(u) }?;
    let status = set_up(u)?;
    Ok((u, status))
}

/// The offload status a caller's `sc_udp_offload` holds: checks as
/// [`udp_offload`], reading only.
///
/// # Safety
///
/// As for [`in_ref`].
#[cfg(feature = "udp-offload")]
#[inline]
pub(crate) unsafe fn udp_offload_status(u: *const sc_udp_offload) -> Result<GsoStatus, Errno> {
    // SAFETY: the caller's promise.
    set_up(unsafe { in_ref(u) }?)
}

/// `sc_udp_offload_init`'s flags as the status it starts with: 0 tries
/// offload, `SC_UDP_OFFLOAD_NO_GSO` never does (as
/// `UdpOffload::without_gso`); `EINVAL` for anything else.
#[cfg(feature = "udp-offload")]
#[inline]
pub(crate) fn udp_offload_flags(flags: c_int) -> Result<GsoStatus, Errno> {
    match flags {
        0 => Ok(GsoStatus::Untried),
        crate::udp::SC_UDP_OFFLOAD_NO_GSO => Ok(GsoStatus::Refused),
        _ => Err(Errno::EINVAL),
    }
}

/// The status of an `sc_udp_offload` that was set up: `EINVAL` otherwise.
#[cfg(feature = "udp-offload")]
#[inline]
fn set_up(u: &sc_udp_offload) -> Result<GsoStatus, Errno> {
    if u.fd < 0 {
        return Err(Errno::EINVAL);
    }
    decode(u.state)
}

/// Socket creation flags: `EINVAL` for bits other than `SC_NONBLOCK`.
#[inline]
pub(crate) fn sock_flags(flags: c_int) -> Result<SockFlags, Errno> {
    SockFlags::from_bits(flags).ok_or(Errno::EINVAL)
}

/// Message flags: `EINVAL` for bits that are not an `SC_MSG_*` constant.
#[inline]
pub(crate) fn msg_flags(flags: c_int) -> Result<MsgFlags, Errno> {
    MsgFlags::from_bits(flags).ok_or(Errno::EINVAL)
}

/// Writes text with `write` into `buf` followed by a NUL, and returns the
/// text's length (without the NUL).
///
/// `write` gets all of `buf` but the last byte, which is kept for the NUL,
/// and returns the length it wrote there. When it fails (or `buf` has no
/// room even for the NUL: `ENOSPC`), `buf` is left holding `""` if it has a
/// byte at all.
pub(crate) fn write_c_text(
    buf: &mut [u8],
    write: impl FnOnce(&mut [u8]) -> Result<usize, Errno>,
) -> Result<usize, Errno> {
    let result = match buf.split_last_mut() {
        None => Err(Errno::ENOSPC),
        Some((_, room)) => write(room),
    };
    // After the text, or at the start when there is none.
    if let Some(nul) = buf.get_mut(result.unwrap_or(0)) {
        *nul = 0;
    }
    result
}
