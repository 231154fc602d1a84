//! [`Errno`]: the error every call in this crate returns.

mod table;

use core::fmt;

/// A Linux error number, as `errno(3)` reports it.
///
/// Every fallible call in this crate returns `Result<T, Errno>`; the value is
/// the positive errno the kernel (or libc) reported. It is `Copy`, compares by
/// number, and knows its symbolic [`name`](Errno::name) and human
/// [`message`](Errno::message) without allocating.
///
/// ```
/// use std::time::Duration;
///
/// use sockcore::{Errno, Socket};
///
/// // Nothing listens on this abstract name.
/// let text = format!("unix:@sockcore-doc-errno-{}", std::process::id());
/// let err = Socket::dial(&text, Some(Duration::from_secs(1))).unwrap_err();
/// assert_eq!(err, Errno::ECONNREFUSED);
/// assert_eq!(err.name(), "ECONNREFUSED");
/// assert_eq!(err.message(), "Connection refused");
/// assert_eq!(err.to_string(), "Connection refused (ECONNREFUSED)");
/// // A C ABI return (-errno) maps back to the same value.
/// assert_eq!(Errno::from_raw(-err.raw()), err);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Errno(i32);

/// The result of a call in this crate.
pub type Result<T> = core::result::Result<T, Errno>;

impl Errno {
    /// `EPERM`: operation not permitted.
    pub const EPERM: Errno = Errno(libc::EPERM);
    /// `ENOENT`: no such file or directory.
    pub const ENOENT: Errno = Errno(libc::ENOENT);
    /// `EINTR`: interrupted by a signal before anything was done.
    pub const EINTR: Errno = Errno(libc::EINTR);
    /// `EIO`: input/output error.
    pub const EIO: Errno = Errno(libc::EIO);
    /// `EBADF`: not an open descriptor.
    pub const EBADF: Errno = Errno(libc::EBADF);
    /// `EAGAIN` (also `EWOULDBLOCK`): a non-blocking call would block.
    pub const EAGAIN: Errno = Errno(libc::EAGAIN);
    /// `ENOMEM`: the kernel is out of memory.
    pub const ENOMEM: Errno = Errno(libc::ENOMEM);
    /// `EACCES`: permission denied.
    pub const EACCES: Errno = Errno(libc::EACCES);
    /// `EFAULT`: a pointer outside the address space (or NULL, through the C ABI).
    pub const EFAULT: Errno = Errno(libc::EFAULT);
    /// `EINVAL`: an invalid argument, such as a malformed address.
    pub const EINVAL: Errno = Errno(libc::EINVAL);
    /// `EMFILE`: the process has too many open descriptors.
    pub const EMFILE: Errno = Errno(libc::EMFILE);
    /// `ENFILE`: the system has too many open files.
    pub const ENFILE: Errno = Errno(libc::ENFILE);
    /// `ENOSPC`: a caller's buffer is too small for the result.
    pub const ENOSPC: Errno = Errno(libc::ENOSPC);
    /// `EPIPE`: the peer has closed; no `SIGPIPE` is raised by this crate.
    pub const EPIPE: Errno = Errno(libc::EPIPE);
    /// `ERANGE`: a value out of range.
    pub const ERANGE: Errno = Errno(libc::ERANGE);
    /// `ENAMETOOLONG`: a Unix socket path longer than `sun_path`.
    pub const ENAMETOOLONG: Errno = Errno(libc::ENAMETOOLONG);
    /// `ENOSYS`: the kernel does not implement the call.
    pub const ENOSYS: Errno = Errno(libc::ENOSYS);
    /// `ENOMSG`: no message of the desired type (a transmit timestamp's
    /// entry on the error queue carries it).
    pub const ENOMSG: Errno = Errno(libc::ENOMSG);
    /// `EBADMSG`: a message is malformed or cut short.
    pub const EBADMSG: Errno = Errno(libc::EBADMSG);
    /// `ENOTSOCK`: the descriptor is not a socket.
    pub const ENOTSOCK: Errno = Errno(libc::ENOTSOCK);
    /// `EMSGSIZE`: a datagram too large, or too many descriptors in one message.
    pub const EMSGSIZE: Errno = Errno(libc::EMSGSIZE);
    /// `ENOPROTOOPT`: the socket option is unknown at that level.
    pub const ENOPROTOOPT: Errno = Errno(libc::ENOPROTOOPT);
    /// `EOPNOTSUPP`: the operation is not supported on this socket.
    pub const EOPNOTSUPP: Errno = Errno(libc::EOPNOTSUPP);
    /// `EAFNOSUPPORT`: the address family does not fit the socket.
    pub const EAFNOSUPPORT: Errno = Errno(libc::EAFNOSUPPORT);
    /// `EADDRINUSE`: the address is already bound.
    pub const EADDRINUSE: Errno = Errno(libc::EADDRINUSE);
    /// `EADDRNOTAVAIL`: the address is not local.
    pub const EADDRNOTAVAIL: Errno = Errno(libc::EADDRNOTAVAIL);
    /// `ENETUNREACH`: no route to the network.
    pub const ENETUNREACH: Errno = Errno(libc::ENETUNREACH);
    /// `ECONNABORTED`: a connection aborted before it was accepted.
    pub const ECONNABORTED: Errno = Errno(libc::ECONNABORTED);
    /// `ECONNRESET`: the peer reset the connection.
    pub const ECONNRESET: Errno = Errno(libc::ECONNRESET);
    /// `ENOBUFS`: no buffer space.
    pub const ENOBUFS: Errno = Errno(libc::ENOBUFS);
    /// `EISCONN`: the socket is already connected.
    pub const EISCONN: Errno = Errno(libc::EISCONN);
    /// `ENOTCONN`: the socket is not connected.
    pub const ENOTCONN: Errno = Errno(libc::ENOTCONN);
    /// `ETIMEDOUT`: a time-out expired.
    pub const ETIMEDOUT: Errno = Errno(libc::ETIMEDOUT);
    /// `ECONNREFUSED`: nothing listens at the address.
    pub const ECONNREFUSED: Errno = Errno(libc::ECONNREFUSED);
    /// `EHOSTUNREACH`: no route to the host.
    pub const EHOSTUNREACH: Errno = Errno(libc::EHOSTUNREACH);
    /// `EALREADY`: a connect is already in progress.
    pub const EALREADY: Errno = Errno(libc::EALREADY);
    /// `EINPROGRESS`: a non-blocking connect has started.
    pub const EINPROGRESS: Errno = Errno(libc::EINPROGRESS);
    /// `EOVERFLOW`: a value does not fit its type.
    pub const EOVERFLOW: Errno = Errno(libc::EOVERFLOW);

    /// The errno with number `code`; the sign is ignored, so both `ECONNREFUSED`
    /// and `-ECONNREFUSED` (a C ABI return) give the same value.
    #[inline]
    pub const fn from_raw(code: i32) -> Errno {
        Errno(code.wrapping_abs())
    }

    /// The positive errno number.
    #[inline]
    pub const fn raw(self) -> i32 {
        self.0
    }

    /// The symbolic name, such as `"ECONNREFUSED"`; `"EUNKNOWN"` for a number
    /// Linux does not define.
    pub const fn name(self) -> &'static str {
        match table::lookup(self.0) {
            Some((name, _)) => name,
            None => "EUNKNOWN",
        }
    }

    /// The message, such as `"Connection refused"` (glibc's wording);
    /// `"Unknown error"` for a number Linux does not define.
    pub const fn message(self) -> &'static str {
        match table::lookup(self.0) {
            Some((_, message)) => message,
            None => "Unknown error",
        }
    }
}

impl fmt::Debug for Errno {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), self.0)
    }
}

impl fmt::Display for Errno {
    /// `Connection refused (ECONNREFUSED)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message(), self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_messages() {
        assert_eq!(Errno::ECONNREFUSED.name(), "ECONNREFUSED");
        assert_eq!(Errno::ECONNREFUSED.message(), "Connection refused");
        assert_eq!(Errno::from_raw(-libc::EPIPE), Errno::EPIPE);
        assert_eq!(Errno::from_raw(libc::EWOULDBLOCK).name(), "EAGAIN");
        assert_eq!(Errno::from_raw(100_000).name(), "EUNKNOWN");
        assert_eq!(Errno::from_raw(0).message(), "Unknown error");
        assert_eq!(Errno::from_raw(i32::MIN).name(), "EUNKNOWN");
    }

    #[test]
    fn every_errno_from_1_to_133_is_named() {
        let named = (1..200).filter(|&n| Errno::from_raw(n).name() != "EUNKNOWN");
        assert_eq!(named.count(), table::COUNT);
        const { assert!(table::COUNT >= 131) };
    }
}
