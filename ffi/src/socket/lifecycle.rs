//! The socket lifecycle: socket, socketpair, bind, listen, accept, connect,
//! shutdown, close, the local and peer addresses, and blocking mode.

use core::ffi::c_int;

use sockcore::{Domain, Errno, Shutdown, Socket, Type};

use crate::addr::value::sc_addr;
use crate::args::{self, int_return, unit_return};

/// `socket(2)` with `SOCK_CLOEXEC` and protocol 0: a new socket of `domain`
/// (`AF_INET`, `AF_INET6`, `AF_UNIX`) and `type` (`SOCK_STREAM`,
/// `SOCK_DGRAM`, `SOCK_SEQPACKET`). `flags` is 0 or `SC_NONBLOCK`.
///
/// Returns the descriptor, or `-EINVAL` for unknown `flags` bits (or an
/// unknown type), `-EAFNOSUPPORT`, `-EPROTONOSUPPORT`, `-EMFILE`, `-ENFILE`,
/// `-ENOBUFS`, `-ENOMEM`, `-EACCES`.
#[no_mangle]
pub extern "C" fn sc_socket(domain: c_int, r#type: c_int, flags: c_int) -> c_int {
    int_return(
        args::sock_flags(flags)
            .and_then(|flags| Socket::new(Domain(domain), Type(r#type), flags))
            .map(Socket::into_raw_fd),
    )
}

/// `socketpair(2)` with `SOCK_CLOEXEC`: two connected sockets, stored in
/// `fds[0]` and `fds[1]`. `flags` is 0 or `SC_NONBLOCK`.
///
/// Returns 0, or `-EFAULT` for a NULL `fds`, `-EINVAL` for unknown `flags`
/// bits, `-EAFNOSUPPORT` (only `AF_UNIX` has pairs), `-EOPNOTSUPP`,
/// `-EMFILE`, `-ENFILE`. `fds` is unchanged on error.
///
/// # Safety
///
/// `fds` must be NULL or writable for two `int`s.
#[no_mangle]
pub unsafe extern "C" fn sc_socketpair(
    domain: c_int,
    r#type: c_int,
    flags: c_int,
    fds: *mut c_int,
) -> c_int {
    // SAFETY: the caller's promise about fds.
    let out = unsafe { args::out_ref(fds.cast::<[c_int; 2]>()) };
    unit_return(out.and_then(|out| {
        let flags = args::sock_flags(flags)?;
        let (a, b) = Socket::pair(Domain(domain), Type(r#type), flags)?;
        // The caller now owns both descriptors.
        *out = [a.into_raw_fd(), b.into_raw_fd()];
        Ok(())
    }))
}

/// `bind(2)`: gives socket `fd` the local address `*addr`.
///
/// Returns 0, or `-EFAULT` for a NULL `addr`, `-EINVAL` (already bound, an
/// address of the wrong family or length), `-EADDRINUSE`, `-EADDRNOTAVAIL`,
/// `-EACCES`, `-EAFNOSUPPORT`, `-EBADF`, `-ENOTSOCK`, and for Unix paths
/// `-ENOENT`, `-ENOTDIR`, `-EROFS`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `addr` NULL or an initialised
/// `sc_addr`.
#[no_mangle]
pub unsafe extern "C" fn sc_bind(fd: c_int, addr: *const sc_addr) -> c_int {
    // SAFETY: the caller's promises about fd and addr.
    unit_return(unsafe { args::addr(addr).and_then(|addr| args::socket(fd).bind(addr)) })
}

/// `listen(2)`: marks bound stream socket `fd` as accepting connections;
/// the kernel caps `backlog` at `net.core.somaxconn`.
///
/// Returns 0, or `-EADDRINUSE`, `-EOPNOTSUPP` (not a stream socket),
/// `-EBADF`, `-ENOTSOCK`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_listen(fd: c_int, backlog: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unit_return(unsafe { args::socket(fd) }.listen(backlog))
}

/// `accept4(2)` with `SOCK_CLOEXEC`: the next connection on listening
/// socket `fd`, as a new descriptor; the peer's address goes to `*peer`
/// unless `peer` is NULL (the empty address, length 0, for a Unix client
/// that never bound: every call reports "no name" that way). `flags` is 0
/// or `SC_NONBLOCK`.
///
/// Returns the new descriptor, or `-EINVAL` for unknown `flags` bits (or a
/// socket that is not listening), `-EAGAIN` (non-blocking, none pending),
/// `-EINTR`, `-ECONNABORTED`, `-EMFILE`, `-ENFILE`, `-ENOBUFS`,
/// `-EOPNOTSUPP`, `-EBADF`, `-ENOTSOCK`. `*peer` is unchanged on error.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `peer` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sc_accept(fd: c_int, peer: *mut sc_addr, flags: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    let listener = unsafe { args::socket(fd) };
    let accepted = args::sock_flags(flags).and_then(|flags| {
        // SAFETY: the caller's promise about peer.
        match unsafe { args::addr_out_opt(peer) } {
            None => listener.accept_only(flags),
            Some(peer) => listener.accept_into(flags, peer),
        }
    });
    int_return(accepted.map(Socket::into_raw_fd))
}

/// `connect(2)`: connects socket `fd` to `*addr`.
///
/// Returns 0, or `-EFAULT` for a NULL `addr`, `-ECONNREFUSED`,
/// `-ETIMEDOUT`, `-ENETUNREACH`, `-EHOSTUNREACH`, `-EINPROGRESS`
/// (non-blocking: wait for `POLLOUT`, then read `SO_ERROR`), `-EAGAIN` (a
/// Unix listener's backlog is full), `-EISCONN`, `-EALREADY`, `-EINTR`,
/// `-EAFNOSUPPORT`, `-ENOENT`, `-EBADF`, `-ENOTSOCK`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `addr` NULL or an initialised
/// `sc_addr`.
#[no_mangle]
pub unsafe extern "C" fn sc_connect(fd: c_int, addr: *const sc_addr) -> c_int {
    // SAFETY: the caller's promises about fd and addr.
    unit_return(unsafe { args::addr(addr).and_then(|addr| args::socket(fd).connect(addr)) })
}

/// `shutdown(2)`: closes one direction of `fd` or both; `how` is `SHUT_RD`,
/// `SHUT_WR` or `SHUT_RDWR`. The descriptor stays open.
///
/// Returns 0, or `-EINVAL` for another `how`, `-ENOTCONN`, `-EBADF`,
/// `-ENOTSOCK`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_shutdown(fd: c_int, how: c_int) -> c_int {
    let how = Shutdown::from_raw(how).ok_or(Errno::EINVAL);
    // SAFETY: the caller's promise about fd.
    unit_return(how.and_then(|how| unsafe { args::socket(fd) }.shutdown(how)))
}

/// `close(2)`: releases `fd`. It is released even when an error is returned
/// (Linux semantics), so never retry.
///
/// Returns 0, or `-EBADF`, `-EINTR`, `-EIO`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns and no longer uses.
#[no_mangle]
pub unsafe extern "C" fn sc_close(fd: c_int) -> c_int {
    // No descriptor is negative: close(2) would answer the same, and a
    // Socket never holds one.
    if fd < 0 {
        return -Errno::EBADF.raw();
    }
    // SAFETY: the caller hands over fd, which is not negative; one that is
    // not open only makes close(2) answer EBADF.
    unit_return(unsafe { Socket::from_raw_fd(fd) }.close())
}

/// `getsockname(2)`: the local address of `fd` into `*out` (with the real
/// port after binding port 0; the empty address, length 0, for a Unix
/// socket with no name).
///
/// Returns 0, or `-EFAULT` for a NULL `out`, `-EBADF`, `-ENOTSOCK`,
/// `-ENOBUFS`. `*out` is unchanged on error.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sc_local_addr(fd: c_int, out: *mut sc_addr) -> c_int {
    // SAFETY: the caller's promises about fd and out.
    unsafe { args::fill_addr(out, || args::socket(fd).local_addr()) }
}

/// `getpeername(2)`: the address of the peer connected to `fd` into `*out`
/// (the empty address, length 0, for a Unix peer with no name).
///
/// Returns 0, or `-EFAULT` for a NULL `out`, `-ENOTCONN`, `-EBADF`,
/// `-ENOTSOCK`, `-ENOBUFS`. `*out` is unchanged on error.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sc_peer_addr(fd: c_int, out: *mut sc_addr) -> c_int {
    // SAFETY: the caller's promises about fd and out.
    unsafe { args::fill_addr(out, || args::socket(fd).peer_addr()) }
}

/// `ioctl(FIONBIO)`: makes `fd` non-blocking when `nonblocking` is non-zero,
/// blocking when it is 0, in one system call.
///
/// Returns 0, or `-EBADF`, `-ENOTTY`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_nonblocking(fd: c_int, nonblocking: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unit_return(unsafe { args::socket(fd) }.set_nonblocking(nonblocking != 0))
}

/// `fcntl(F_SETFD)`: sets `FD_CLOEXEC` on `fd` when `cloexec` is non-zero,
/// clears it when it is 0, in one system call. Clear it on purpose to hand
/// the socket to a program started with `exec`, which finds it open under
/// the same number; every descriptor sockcore makes starts close-on-exec.
/// The flag is the descriptor's: clear it on an `sc_dup` made for the
/// child, or set it again once the child has started, so that other
/// children do not inherit the socket too.
///
/// Returns 0, or `-EBADF`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_cloexec(fd: c_int, cloexec: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unit_return(unsafe { args::socket(fd) }.set_cloexec(cloexec != 0))
}

/// `fcntl(F_DUPFD_CLOEXEC)`: a second descriptor, the lowest free one,
/// for the socket `fd`, close-on-exec. Both share the socket's state
/// (options, status flags such as non-blocking mode, data); closing one
/// leaves the socket open through the other. The new descriptor belongs to
/// the caller.
///
/// Returns the new descriptor, or `-EBADF`, `-EMFILE` (the process's
/// descriptor limit).
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_dup(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    int_return(
        unsafe { args::socket(fd) }
            .try_clone()
            .map(Socket::into_raw_fd),
    )
}
