//! `SOL_SOCKET` options on [`SocketFd`]: address and port reuse, the
//! pending error, the socket's type and domain, keep-alive, linger, buffer
//! sizes, time-outs, broadcast and device binding. (The credentials options
//! live with [`Credentials`](crate::Credentials), in `msg/credentials.rs`.)

use core::time::Duration;

use super::table::{
    SO_ACCEPTCONN, SO_BINDTODEVICE, SO_BROADCAST, SO_DOMAIN, SO_ERROR, SO_KEEPALIVE, SO_LINGER,
    SO_RCVBUF, SO_RCVTIMEO, SO_REUSEADDR, SO_REUSEPORT, SO_SNDBUF, SO_SNDTIMEO, SO_TYPE,
};
use crate::errno::{Errno, Result};
use crate::flags::{Domain, Type};
use crate::socket::SocketFd;

/// Bytes in an interface name buffer, NUL included (`IFNAMSIZ`).
pub const IFNAMSIZ: usize = libc::IFNAMSIZ;

impl SocketFd {
    /// `setsockopt(SOL_SOCKET, SO_REUSEADDR)`: allow binding an address that
    /// has connections in TIME_WAIT.
    #[inline]
    pub fn set_reuse_address(&self, on: bool) -> Result<()> {
        self.set_option(SO_REUSEADDR, on)
    }

    /// `getsockopt(SOL_SOCKET, SO_REUSEADDR)`.
    #[inline]
    pub fn reuse_address(&self) -> Result<bool> {
        self.option(SO_REUSEADDR)
    }

    /// `getsockopt(SOL_SOCKET, SO_ERROR)`: takes (and clears) the pending
    /// error, such as the outcome of a non-blocking connect.
    #[inline]
    pub fn take_error(&self) -> Result<Option<Errno>> {
        let code = self.option(SO_ERROR)?;
        Ok((code != 0).then(|| Errno::from_raw(code)))
    }

    /// `getsockopt(SOL_SOCKET, SO_TYPE)`: `SOCK_STREAM`, `SOCK_DGRAM`, …
    #[inline]
    pub fn socket_type(&self) -> Result<Type> {
        self.option(SO_TYPE).map(Type)
    }

    /// `getsockopt(SOL_SOCKET, SO_DOMAIN)`: `AF_INET`, `AF_INET6`, `AF_UNIX`, …
    #[inline]
    pub fn domain(&self) -> Result<Domain> {
        self.option(SO_DOMAIN).map(Domain)
    }

    /// `getsockopt(SOL_SOCKET, SO_ACCEPTCONN)`: whether the socket listens.
    #[inline]
    pub fn is_listening(&self) -> Result<bool> {
        self.option(SO_ACCEPTCONN)
    }

    /// `setsockopt(SOL_SOCKET, SO_REUSEPORT)`: let several sockets (of the
    /// same user) bind the same address and port; the kernel spreads
    /// incoming connections or datagrams over them.
    #[inline]
    pub fn set_reuse_port(&self, on: bool) -> Result<()> {
        self.set_option(SO_REUSEPORT, on)
    }

    /// `getsockopt(SOL_SOCKET, SO_REUSEPORT)`.
    #[inline]
    pub fn reuse_port(&self) -> Result<bool> {
        self.option(SO_REUSEPORT)
    }

    /// `setsockopt(SOL_SOCKET, SO_KEEPALIVE)`: probe an idle connection so a
    /// vanished peer is noticed (timing: the `TCP_KEEP*` options).
    #[inline]
    pub fn set_keepalive(&self, on: bool) -> Result<()> {
        self.set_option(SO_KEEPALIVE, on)
    }

    /// `getsockopt(SOL_SOCKET, SO_KEEPALIVE)`.
    #[inline]
    pub fn keepalive(&self) -> Result<bool> {
        self.option(SO_KEEPALIVE)
    }

    /// `setsockopt(SOL_SOCKET, SO_LINGER)`: `None` (the default) lets
    /// `close` return at once while the kernel sends what is queued;
    /// `Some(d)` makes `close` wait up to `d` (whole seconds, rounded up)
    /// for the data to go; `Some(Duration::ZERO)` resets the connection on
    /// close (`ECONNRESET` at the peer).
    #[inline]
    pub fn set_linger(&self, linger: Option<Duration>) -> Result<()> {
        self.set_option(SO_LINGER, linger)
    }

    /// `getsockopt(SOL_SOCKET, SO_LINGER)`, in whole seconds.
    #[inline]
    pub fn linger(&self) -> Result<Option<Duration>> {
        self.option(SO_LINGER)
    }

    /// `setsockopt(SOL_SOCKET, SO_RCVBUF)`: the receive buffer size the
    /// kernel should aim for. The kernel doubles the value (for its own
    /// bookkeeping), caps it at `net.core.rmem_max` and raises it to its
    /// minimum; [`recv_buffer_size`](Self::recv_buffer_size) reads the
    /// result. Sizes past `INT_MAX` are capped there.
    #[inline]
    pub fn set_recv_buffer_size(&self, bytes: usize) -> Result<()> {
        self.set_option(SO_RCVBUF, bytes)
    }

    /// `getsockopt(SOL_SOCKET, SO_RCVBUF)`: the size in effect (twice what
    /// was asked for, within the kernel's limits).
    #[inline]
    pub fn recv_buffer_size(&self) -> Result<usize> {
        self.option(SO_RCVBUF)
    }

    /// `setsockopt(SOL_SOCKET, SO_SNDBUF)`: as
    /// [`set_recv_buffer_size`](Self::set_recv_buffer_size), for sending
    /// (capped at `net.core.wmem_max`).
    #[inline]
    pub fn set_send_buffer_size(&self, bytes: usize) -> Result<()> {
        self.set_option(SO_SNDBUF, bytes)
    }

    /// `getsockopt(SOL_SOCKET, SO_SNDBUF)`: the size in effect (twice what
    /// was asked for, within the kernel's limits).
    #[inline]
    pub fn send_buffer_size(&self) -> Result<usize> {
        self.option(SO_SNDBUF)
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
        self.set_option(SO_RCVTIMEO, timeout)
    }

    /// `getsockopt(SOL_SOCKET, SO_RCVTIMEO)`; `None` for no time-out.
    #[inline]
    pub fn read_timeout(&self) -> Result<Option<Duration>> {
        self.option(SO_RCVTIMEO)
    }

    /// `setsockopt(SOL_SOCKET, SO_SNDTIMEO)`: a blocking send (or connect)
    /// gives up after this long, with the count sent so far or `EAGAIN`
    /// (`EINPROGRESS` for connect). Errors as
    /// [`set_read_timeout`](Self::set_read_timeout).
    #[inline]
    pub fn set_write_timeout(&self, timeout: Option<Duration>) -> Result<()> {
        self.set_option(SO_SNDTIMEO, timeout)
    }

    /// `getsockopt(SOL_SOCKET, SO_SNDTIMEO)`; `None` for no time-out.
    #[inline]
    pub fn write_timeout(&self) -> Result<Option<Duration>> {
        self.option(SO_SNDTIMEO)
    }

    /// `setsockopt(SOL_SOCKET, SO_BROADCAST)`: allow datagrams to broadcast
    /// addresses (otherwise `EACCES`).
    #[inline]
    pub fn set_broadcast(&self, on: bool) -> Result<()> {
        self.set_option(SO_BROADCAST, on)
    }

    /// `getsockopt(SOL_SOCKET, SO_BROADCAST)`.
    #[inline]
    pub fn broadcast(&self) -> Result<bool> {
        self.option(SO_BROADCAST)
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
        self.set_option_bytes(SO_BINDTODEVICE, name)
    }

    /// `getsockopt(SOL_SOCKET, SO_BINDTODEVICE)`: writes the interface name
    /// into `out` (NUL-terminated) and returns its length without the NUL;
    /// 0 when the socket is bound to no device.
    pub fn bind_device(&self, out: &mut [u8; IFNAMSIZ]) -> Result<usize> {
        *out = [0; IFNAMSIZ];
        let len = self.option_bytes(SO_BINDTODEVICE, out)?;
        // The kernel counts the NUL it wrote; the name ends at the first NUL.
        let written = out.get(..len).unwrap_or(out);
        Ok(written
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(written.len()))
    }
}
