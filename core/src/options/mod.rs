//! Socket options: the table of every option this crate names, and reading
//! and setting any option.
//!
//! # The table
//!
//! Each option is a constant here, named as in C ([`SO_REUSEPORT`],
//! [`TCP_NODELAY`], [`IP_TTL`], …): an [`Opt`] that carries the option's
//! level and name, and in its type the [`Kind`] of its value. The kind says
//! which Rust type the value is and how it travels as the C value the
//! kernel reads: a [`Switch`] is a `bool` sent as an `int` 0 or 1, a [`Size`]
//! a `usize` saturating at `INT_MAX`, a [`TimeVal`] an `Option<Duration>`
//! sent as a `struct timeval`, and so on.
//!
//! Every option has a named getter and setter on
//! [`SocketFd`] (`set_reuse_port`, `reuse_port`, …), with
//! its documentation and errors. Those call the two generic calls, which
//! take any option of the table:
//!
//! ```
//! use std::time::Duration;
//!
//! use sockcore::options::{SO_RCVBUF, SO_REUSEPORT, TCP_KEEPIDLE};
//! use sockcore::{Domain, SockFlags, Socket, Type};
//!
//! let socket = Socket::new(Domain::IPV4, Type::STREAM, SockFlags::empty())?;
//! socket.set_option(SO_REUSEPORT, true)?;
//! assert!(socket.option(SO_REUSEPORT)?);
//!
//! socket.set_option(TCP_KEEPIDLE, Duration::from_secs(30))?;
//! assert_eq!(socket.option(TCP_KEEPIDLE)?, Duration::from_secs(30));
//!
//! // The kernel doubles a buffer size for its bookkeeping.
//! socket.set_option(SO_RCVBUF, 64 * 1024)?;
//! assert!(socket.option(SO_RCVBUF)? >= 64 * 1024);
//! # Ok::<(), sockcore::Errno>(())
//! ```
//!
//! The types check the value: `set_option(SO_REUSEPORT, 3)` does not
//! compile, and neither does reading a set-only option such as
//! [`IP_ADD_MEMBERSHIP`]. [`Opt::new`] names an option the table lacks
//! with one of the kinds; [`SocketFd::option_raw`]
//! and [`SocketFd::set_option_raw`] take
//! any level, name and bytes.

// Adding an option: one line in table.rs (its C name, level and kind; a new
// kind, if the value is of a new shape, goes in kind.rs), its typed getter
// and setter in the file of its level or topic here (socket.rs, tcp.rs,
// ip.rs; multicast.rs; udp.rs; control.rs for the switches that turn on
// received control messages; path_mtu.rs; the credentials options live with
// the credentials in msg/credentials.rs), and its C export in the same file of
// ffi/src/options/, which takes the option from the table too.

mod control;
mod ip;
pub(crate) mod kind;
mod multicast;
mod path_mtu;
pub(crate) mod socket;
pub(crate) mod table;
pub(crate) mod tcp;
pub(crate) mod tcp_info;
mod udp;

pub use kind::{
    Bits, Byte, Bytes, Count, Cpu, Get, GroupV4, GroupV4Addr, GroupV6, Int, InterfaceV4, Kind,
    Linger, Micros, Millis, Opt, PmtuMode, Seconds, Set, Size, SourceGroupV4, StampFlags, Switch,
    TcpInfoStruct, TimeVal, Ucred,
};
pub use table::*;

use crate::errno::{Errno, Result};
use crate::socket::SocketFd;
use crate::sys;
use kind::sealed::{Decode, Encode};

impl SocketFd {
    /// `setsockopt(2)` of any option of the [table](crate::options) (or
    /// made with [`Opt::new`]), with a value of its kind: a `bool` for a
    /// [`Switch`], a `Duration` for [`Seconds`], …
    ///
    /// Errors: those of the option's named setter; `ENOPROTOOPT` for an
    /// option the socket's protocol lacks.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html)
    #[doc(alias = "setsockopt")]
    #[inline]
    pub fn set_option<K: Set>(&self, opt: Opt<K>, value: K::Value) -> Result<()> {
        let mut c: <K as Encode>::C = sys::zeroed();
        <K as Encode>::encode(value, &mut c)?;
        sys::setsockopt(self.as_raw_fd(), opt.level(), opt.name(), &c)
    }

    /// `getsockopt(2)` of any option of the [table](crate::options) (or
    /// made with [`Opt::new`]): its value, as its kind has it.
    ///
    /// Errors: `ENOPROTOOPT` for an option the socket's protocol lacks.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html)
    #[doc(alias = "getsockopt")]
    #[inline]
    pub fn option<K: Get>(&self, opt: Opt<K>) -> Result<K::Value> {
        sys::getsockopt_filled::<<K as Decode>::C>(self.as_raw_fd(), opt.level(), opt.name())
            .map(|(c, filled)| <K as Decode>::decode(c, filled))
    }

    /// `setsockopt(2)` of an option whose value is bytes of any length
    /// ([`Bytes`]), such as [`SO_BINDTODEVICE`].
    ///
    /// Errors: those of the option's named setter; `EINVAL` for more than
    /// `socklen_t` holds.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html)
    #[doc(alias = "setsockopt")]
    #[inline]
    pub fn set_option_bytes(&self, opt: Opt<Bytes>, value: &[u8]) -> Result<()> {
        sys::setsockopt_bytes(self.as_raw_fd(), opt.level(), opt.name(), value)
    }

    /// `getsockopt(2)` of an option whose value is bytes of any length
    /// ([`Bytes`]) into `out`; returns the length the kernel wrote.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html)
    #[doc(alias = "getsockopt")]
    #[inline]
    pub fn option_bytes(&self, opt: Opt<Bytes>, out: &mut [u8]) -> Result<usize> {
        sys::getsockopt_bytes(self.as_raw_fd(), opt.level(), opt.name(), out)
    }

    /// `setsockopt(2)` with raw bytes, for any option this crate has no
    /// typed call for. Errors: `ENOPROTOOPT`, `EINVAL`, `EFAULT`.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html)
    #[doc(alias("sc_setsockopt", "setsockopt"))]
    #[inline]
    pub fn set_option_raw(&self, level: i32, name: i32, value: &[u8]) -> Result<()> {
        sys::setsockopt_bytes(self.as_raw_fd(), level, name, value)
    }

    /// `getsockopt(2)` into raw bytes; returns the length the kernel wrote.
    /// Errors: `ENOPROTOOPT`, `EINVAL`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html)
    #[doc(alias("sc_getsockopt", "getsockopt"))]
    #[inline]
    pub fn option_raw(&self, level: i32, name: i32, out: &mut [u8]) -> Result<usize> {
        sys::getsockopt_bytes(self.as_raw_fd(), level, name, out)
    }

    /// `setsockopt(2)` with an `int` value, for any option whose value is
    /// one `int` (most of them). Errors: `ENOPROTOOPT`, `EINVAL`.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html)
    #[doc(alias = "setsockopt")]
    #[inline]
    pub fn set_int_option(&self, level: i32, name: i32, value: libc::c_int) -> Result<()> {
        sys::setsockopt(self.as_raw_fd(), level, name, &value)
    }

    /// `getsockopt(2)` of an `int` value, for any option whose value is one
    /// `int`. Errors: `ENOPROTOOPT`, `EINVAL`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html)
    #[doc(alias = "getsockopt")]
    #[inline]
    pub fn int_option(&self, level: i32, name: i32) -> Result<libc::c_int> {
        sys::getsockopt::<libc::c_int>(self.as_raw_fd(), level, name)
    }

    /// Sets an option whose value is a name of fewer than `N` bytes (an
    /// interface, a congestion control algorithm), passed without its NUL.
    /// Errors: `EINVAL` for a name of `N` bytes or more, or with a NUL.
    fn set_name_option<const N: usize>(&self, opt: Opt<Bytes>, name: &[u8]) -> Result<()> {
        if name.len() >= N || name.contains(&0) {
            return Err(Errno::EINVAL);
        }
        self.set_option_bytes(opt, name)
    }

    /// Reads an option whose value is a name of fewer than `N` bytes into
    /// `out`, NUL-terminated; returns its length without the NUL.
    fn name_option<const N: usize>(&self, opt: Opt<Bytes>, out: &mut [u8; N]) -> Result<usize> {
        *out = [0; N];
        let len = self.option_bytes(opt, out)?;
        // The kernel may count the NUL it wrote; the name ends at the
        // first NUL.
        let written = out.get(..len).unwrap_or(out);
        Ok(written
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(written.len()))
    }
}
