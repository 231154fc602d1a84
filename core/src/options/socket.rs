//! `SOL_SOCKET` options on [`SocketFd`]: port reuse, keep-alive, linger,
//! buffer sizes, time-outs, broadcast, device binding and credentials.

use core::time::Duration;

use crate::errno::{Errno, Result};
use crate::msg::credentials::Credentials;
use crate::options::duration::{duration_from_timeval, secs_rounded_up, timeval_from};
use crate::socket::SocketFd;
use crate::sys;

/// Bytes in an interface name buffer, NUL included (`IFNAMSIZ`).
pub const IFNAMSIZ: usize = libc::IFNAMSIZ;

impl SocketFd {
    /// `setsockopt(SOL_SOCKET, SO_REUSEPORT)`: let several sockets (of the
    /// same user) bind the same address and port; the kernel spreads
    /// incoming connections or datagrams over them.
    #[inline]
    pub fn set_reuse_port(&self, on: bool) -> Result<()> {
        self.set_flag_option(libc::SOL_SOCKET, libc::SO_REUSEPORT, on)
    }

    /// `getsockopt(SOL_SOCKET, SO_REUSEPORT)`.
    #[inline]
    pub fn reuse_port(&self) -> Result<bool> {
        self.flag_option(libc::SOL_SOCKET, libc::SO_REUSEPORT)
    }

    /// `setsockopt(SOL_SOCKET, SO_KEEPALIVE)`: probe an idle connection so a
    /// vanished peer is noticed (timing: the `TCP_KEEP*` options).
    #[inline]
    pub fn set_keepalive(&self, on: bool) -> Result<()> {
        self.set_flag_option(libc::SOL_SOCKET, libc::SO_KEEPALIVE, on)
    }

    /// `getsockopt(SOL_SOCKET, SO_KEEPALIVE)`.
    #[inline]
    pub fn keepalive(&self) -> Result<bool> {
        self.flag_option(libc::SOL_SOCKET, libc::SO_KEEPALIVE)
    }

    /// `setsockopt(SOL_SOCKET, SO_LINGER)`: `None` (the default) lets
    /// `close` return at once while the kernel sends what is queued;
    /// `Some(d)` makes `close` wait up to `d` (whole seconds, rounded up)
    /// for the data to go; `Some(Duration::ZERO)` resets the connection on
    /// close (`ECONNRESET` at the peer).
    #[inline]
    pub fn set_linger(&self, linger: Option<Duration>) -> Result<()> {
        let value = libc::linger {
            l_onoff: libc::c_int::from(linger.is_some()),
            l_linger: linger.map_or(0, secs_rounded_up),
        };
        sys::setsockopt(self.as_raw_fd(), libc::SOL_SOCKET, libc::SO_LINGER, &value)
    }

    /// `getsockopt(SOL_SOCKET, SO_LINGER)`, in whole seconds.
    #[inline]
    pub fn linger(&self) -> Result<Option<Duration>> {
        let value: libc::linger =
            sys::getsockopt(self.as_raw_fd(), libc::SOL_SOCKET, libc::SO_LINGER)?;
        let secs = u64::try_from(value.l_linger).unwrap_or(0);
        Ok((value.l_onoff != 0).then_some(Duration::from_secs(secs)))
    }

    /// `setsockopt(SOL_SOCKET, SO_RCVBUF)`: the receive buffer size the
    /// kernel should aim for. The kernel doubles the value (for its own
    /// bookkeeping), caps it at `net.core.rmem_max` and raises it to its
    /// minimum; [`recv_buffer_size`](Self::recv_buffer_size) reads the
    /// result. Sizes past `INT_MAX` are capped there.
    #[inline]
    pub fn set_recv_buffer_size(&self, bytes: usize) -> Result<()> {
        let bytes = libc::c_int::try_from(bytes).unwrap_or(libc::c_int::MAX);
        self.set_int_option(libc::SOL_SOCKET, libc::SO_RCVBUF, bytes)
    }

    /// `getsockopt(SOL_SOCKET, SO_RCVBUF)`: the size in effect (twice what
    /// was asked for, within the kernel's limits).
    #[inline]
    pub fn recv_buffer_size(&self) -> Result<usize> {
        let bytes = self.int_option(libc::SOL_SOCKET, libc::SO_RCVBUF)?;
        Ok(usize::try_from(bytes).unwrap_or(0))
    }

    /// `setsockopt(SOL_SOCKET, SO_SNDBUF)`: as
    /// [`set_recv_buffer_size`](Self::set_recv_buffer_size), for sending
    /// (capped at `net.core.wmem_max`).
    #[inline]
    pub fn set_send_buffer_size(&self, bytes: usize) -> Result<()> {
        let bytes = libc::c_int::try_from(bytes).unwrap_or(libc::c_int::MAX);
        self.set_int_option(libc::SOL_SOCKET, libc::SO_SNDBUF, bytes)
    }

    /// `getsockopt(SOL_SOCKET, SO_SNDBUF)`: the size in effect (twice what
    /// was asked for, within the kernel's limits).
    #[inline]
    pub fn send_buffer_size(&self) -> Result<usize> {
        let bytes = self.int_option(libc::SOL_SOCKET, libc::SO_SNDBUF)?;
        Ok(usize::try_from(bytes).unwrap_or(0))
    }

    /// `setsockopt(SOL_SOCKET, SO_RCVTIMEO)`: a blocking receive (or
    /// accept) gives up with `EAGAIN` after this long; `None` waits for
    /// ever. The kernel keeps it in clock ticks, so it reads back rounded
    /// up to a tick; one too long for the tick counter means for ever and
    /// reads back `None`. Seconds past a 32-bit `time_t` saturate at its
    /// maximum (about 68 years).
    ///
    /// Errors: `EINVAL` for `Some(Duration::ZERO)` (the kernel would take 0
    /// as "no time-out"; say `None`).
    #[inline]
    pub fn set_read_timeout(&self, timeout: Option<Duration>) -> Result<()> {
        let tv = timeval_from(timeout)?;
        sys::setsockopt(self.as_raw_fd(), libc::SOL_SOCKET, libc::SO_RCVTIMEO, &tv)
    }

    /// `getsockopt(SOL_SOCKET, SO_RCVTIMEO)`; `None` for no time-out.
    #[inline]
    pub fn read_timeout(&self) -> Result<Option<Duration>> {
        let tv = sys::getsockopt(self.as_raw_fd(), libc::SOL_SOCKET, libc::SO_RCVTIMEO)?;
        Ok(duration_from_timeval(tv))
    }

    /// `setsockopt(SOL_SOCKET, SO_SNDTIMEO)`: a blocking send (or connect)
    /// gives up after this long, with the count sent so far or `EAGAIN`
    /// (`EINPROGRESS` for connect). Errors as
    /// [`set_read_timeout`](Self::set_read_timeout).
    #[inline]
    pub fn set_write_timeout(&self, timeout: Option<Duration>) -> Result<()> {
        let tv = timeval_from(timeout)?;
        sys::setsockopt(self.as_raw_fd(), libc::SOL_SOCKET, libc::SO_SNDTIMEO, &tv)
    }

    /// `getsockopt(SOL_SOCKET, SO_SNDTIMEO)`; `None` for no time-out.
    #[inline]
    pub fn write_timeout(&self) -> Result<Option<Duration>> {
        let tv = sys::getsockopt(self.as_raw_fd(), libc::SOL_SOCKET, libc::SO_SNDTIMEO)?;
        Ok(duration_from_timeval(tv))
    }

    /// `setsockopt(SOL_SOCKET, SO_BROADCAST)`: allow datagrams to broadcast
    /// addresses (otherwise `EACCES`).
    #[inline]
    pub fn set_broadcast(&self, on: bool) -> Result<()> {
        self.set_flag_option(libc::SOL_SOCKET, libc::SO_BROADCAST, on)
    }

    /// `getsockopt(SOL_SOCKET, SO_BROADCAST)`.
    #[inline]
    pub fn broadcast(&self) -> Result<bool> {
        self.flag_option(libc::SOL_SOCKET, libc::SO_BROADCAST)
    }

    /// `setsockopt(SOL_SOCKET, SO_BINDTODEVICE)`: only use the interface
    /// named `name` (bytes without a NUL, such as `b"eth0"`); `None` undoes
    /// it.
    ///
    /// Errors: `EPERM` without `CAP_NET_RAW` (unless the socket is unbound
    /// and the kernel is 5.7 or newer), `ENODEV` for no such interface,
    /// `EINVAL` for a name of `IFNAMSIZ` bytes or more, or with a NUL.
    pub fn set_bind_device(&self, name: Option<&[u8]>) -> Result<()> {
        let name = name.unwrap_or_default();
        if name.len() >= IFNAMSIZ || name.contains(&0) {
            return Err(Errno::EINVAL);
        }
        // The kernel takes the name with or without a NUL; an empty one
        // (length 0) unbinds.
        sys::setsockopt_bytes(
            self.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_BINDTODEVICE,
            name,
        )
    }

    /// `getsockopt(SOL_SOCKET, SO_BINDTODEVICE)`: writes the interface name
    /// into `out` (NUL-terminated) and returns its length without the NUL;
    /// 0 when the socket is bound to no device.
    pub fn bind_device(&self, out: &mut [u8; IFNAMSIZ]) -> Result<usize> {
        *out = [0; IFNAMSIZ];
        let len = sys::getsockopt_bytes(
            self.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_BINDTODEVICE,
            out,
        )?;
        // The kernel counts the NUL it wrote; the name ends at the first NUL.
        let written = out.get(..len).unwrap_or(out);
        Ok(written
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(written.len()))
    }

    /// `setsockopt(SOL_SOCKET, SO_PASSCRED)`: on a Unix socket, receive the
    /// sender's credentials (`SCM_CREDENTIALS`) with every message, and
    /// have an unbound socket autobind to an abstract address.
    #[inline]
    pub fn set_pass_credentials(&self, on: bool) -> Result<()> {
        self.set_flag_option(libc::SOL_SOCKET, libc::SO_PASSCRED, on)
    }

    /// `getsockopt(SOL_SOCKET, SO_PASSCRED)`.
    #[inline]
    pub fn pass_credentials(&self) -> Result<bool> {
        self.flag_option(libc::SOL_SOCKET, libc::SO_PASSCRED)
    }

    /// `getsockopt(SOL_SOCKET, SO_PEERCRED)`: the credentials of the process
    /// at the other end of a connected Unix socket, as they were when it
    /// connected (or called `socketpair`). Read-only: the kernel has no
    /// setter.
    ///
    /// On an unconnected socket, or one that is not a Unix socket, the
    /// kernel answers pid 0 with uid and gid -1 rather than an error.
    #[inline]
    pub fn peer_credentials(&self) -> Result<Credentials> {
        sys::getsockopt(self.as_raw_fd(), libc::SOL_SOCKET, libc::SO_PEERCRED)
    }
}
