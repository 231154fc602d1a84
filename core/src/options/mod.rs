//! Socket options on [`SocketFd`] used by the lifecycle: `SO_REUSEADDR`,
//! `SO_ERROR`, `SO_TYPE`, `SO_DOMAIN`, `SO_ACCEPTCONN`, and raw access; plus
//! the `int`-valued get/set that the typed options in `options_*.rs` share.

pub(crate) mod duration;
mod ip;
mod multicast;
pub(crate) mod socket;
mod tcp;

use crate::errno::{Errno, Result};
use crate::flags::{Domain, Type};
use crate::socket::SocketFd;
use crate::sys;

impl SocketFd {
    /// `setsockopt(SOL_SOCKET, SO_REUSEADDR)`: allow binding an address that
    /// has connections in TIME_WAIT.
    #[inline]
    pub fn set_reuse_address(&self, on: bool) -> Result<()> {
        sys::setsockopt(
            self.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_REUSEADDR,
            &libc::c_int::from(on),
        )
    }

    /// `getsockopt(SOL_SOCKET, SO_REUSEADDR)`.
    #[inline]
    pub fn reuse_address(&self) -> Result<bool> {
        sys::getsockopt::<libc::c_int>(self.as_raw_fd(), libc::SOL_SOCKET, libc::SO_REUSEADDR)
            .map(|v| v != 0)
    }

    /// `getsockopt(SOL_SOCKET, SO_ERROR)`: takes (and clears) the pending
    /// error, such as the outcome of a non-blocking connect.
    #[inline]
    pub fn take_error(&self) -> Result<Option<Errno>> {
        let code =
            sys::getsockopt::<libc::c_int>(self.as_raw_fd(), libc::SOL_SOCKET, libc::SO_ERROR)?;
        Ok((code != 0).then(|| Errno::from_raw(code)))
    }

    /// `getsockopt(SOL_SOCKET, SO_TYPE)`: `SOCK_STREAM`, `SOCK_DGRAM`, …
    #[inline]
    pub fn socket_type(&self) -> Result<Type> {
        sys::getsockopt::<libc::c_int>(self.as_raw_fd(), libc::SOL_SOCKET, libc::SO_TYPE).map(Type)
    }

    /// `getsockopt(SOL_SOCKET, SO_DOMAIN)`: `AF_INET`, `AF_INET6`, `AF_UNIX`, …
    #[inline]
    pub fn domain(&self) -> Result<Domain> {
        sys::getsockopt::<libc::c_int>(self.as_raw_fd(), libc::SOL_SOCKET, libc::SO_DOMAIN)
            .map(Domain)
    }

    /// `getsockopt(SOL_SOCKET, SO_ACCEPTCONN)`: whether the socket listens.
    #[inline]
    pub fn is_listening(&self) -> Result<bool> {
        sys::getsockopt::<libc::c_int>(self.as_raw_fd(), libc::SOL_SOCKET, libc::SO_ACCEPTCONN)
            .map(|v| v != 0)
    }

    /// `setsockopt(2)` with raw bytes, for any option this crate has no
    /// typed call for. Errors: `ENOPROTOOPT`, `EINVAL`, `EFAULT`.
    #[inline]
    pub fn set_option_raw(&self, level: i32, name: i32, value: &[u8]) -> Result<()> {
        sys::setsockopt_bytes(self.as_raw_fd(), level, name, value)
    }

    /// `getsockopt(2)` into raw bytes; returns the length the kernel wrote.
    /// Errors: `ENOPROTOOPT`, `EINVAL`.
    #[inline]
    pub fn option_raw(&self, level: i32, name: i32, out: &mut [u8]) -> Result<usize> {
        sys::getsockopt_bytes(self.as_raw_fd(), level, name, out)
    }

    /// `setsockopt(2)` with an `int` value, for any option whose value is
    /// one `int` (most of them). Errors: `ENOPROTOOPT`, `EINVAL`.
    #[inline]
    pub fn set_int_option(&self, level: i32, name: i32, value: libc::c_int) -> Result<()> {
        sys::setsockopt(self.as_raw_fd(), level, name, &value)
    }

    /// `getsockopt(2)` of an `int` value, for any option whose value is one
    /// `int`. Errors: `ENOPROTOOPT`, `EINVAL`.
    #[inline]
    pub fn int_option(&self, level: i32, name: i32) -> Result<libc::c_int> {
        sys::getsockopt::<libc::c_int>(self.as_raw_fd(), level, name)
    }

    /// `setsockopt(2)` of a boolean `int` option (0 or 1).
    #[inline]
    pub(crate) fn set_flag_option(&self, level: i32, name: i32, on: bool) -> Result<()> {
        self.set_int_option(level, name, libc::c_int::from(on))
    }

    /// `getsockopt(2)` of a boolean `int` option: any non-zero value is on.
    #[inline]
    pub(crate) fn flag_option(&self, level: i32, name: i32) -> Result<bool> {
        self.int_option(level, name).map(|v| v != 0)
    }
}
