//! `SOL_SOCKET` options on [`SocketFd`]: address and port reuse, the
//! pending error, the socket's type and domain, keep-alive, linger, buffer
//! sizes and low-water mark, time-outs, broadcast, device binding (by name
//! and index), mark and priority, out-of-band data, the incoming CPU,
//! busy polling and zero-copy sends. (The credentials options
//! live with [`Credentials`](crate::Credentials), in `msg/credentials.rs`.)

use core::time::Duration;

use super::table::{
    SO_ACCEPTCONN, SO_BINDTODEVICE, SO_BINDTOIFINDEX, SO_BROADCAST, SO_BUSY_POLL, SO_DOMAIN,
    SO_ERROR, SO_INCOMING_CPU, SO_KEEPALIVE, SO_LINGER, SO_MARK, SO_OOBINLINE, SO_PRIORITY,
    SO_RCVBUF, SO_RCVLOWAT, SO_RCVTIMEO, SO_REUSEADDR, SO_REUSEPORT, SO_SNDBUF, SO_SNDTIMEO,
    SO_TYPE, SO_ZEROCOPY,
};
use crate::errno::{Errno, Result};
use crate::flags::{Domain, Type};
use crate::socket::SocketFd;

/// Bytes in an interface name buffer, NUL included (`IFNAMSIZ`).
pub const IFNAMSIZ: usize = libc::IFNAMSIZ;

impl SocketFd {
    /// `setsockopt(SOL_SOCKET, SO_REUSEADDR)`: allow binding an address that
    /// has connections in TIME_WAIT.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_REUSEADDR", "sc_set_reuseaddr", "setsockopt"))]
    #[inline]
    pub fn set_reuse_address(&self, on: bool) -> Result<()> {
        self.set_option(SO_REUSEADDR, on)
    }

    /// `getsockopt(SOL_SOCKET, SO_REUSEADDR)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_REUSEADDR", "sc_get_reuseaddr", "getsockopt"))]
    #[inline]
    pub fn reuse_address(&self) -> Result<bool> {
        self.option(SO_REUSEADDR)
    }

    /// `getsockopt(SOL_SOCKET, SO_ERROR)`: takes (and clears) the pending
    /// error, such as the outcome of a non-blocking connect.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_ERROR", "sc_take_error", "getsockopt"))]
    #[inline]
    pub fn take_error(&self) -> Result<Option<Errno>> {
        let code = self.option(SO_ERROR)?;
        Ok((code != 0).then(|| Errno::from_raw(code)))
    }

    /// `getsockopt(SOL_SOCKET, SO_TYPE)`: `SOCK_STREAM`, `SOCK_DGRAM`, …
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_TYPE", "sc_socket_type", "getsockopt"))]
    #[inline]
    pub fn socket_type(&self) -> Result<Type> {
        self.option(SO_TYPE).map(Type)
    }

    /// `getsockopt(SOL_SOCKET, SO_DOMAIN)`: `AF_INET`, `AF_INET6`, `AF_UNIX`, …
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_DOMAIN", "sc_socket_domain", "getsockopt"))]
    #[inline]
    pub fn domain(&self) -> Result<Domain> {
        self.option(SO_DOMAIN).map(Domain)
    }

    /// `getsockopt(SOL_SOCKET, SO_ACCEPTCONN)`: whether the socket listens.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_ACCEPTCONN", "sc_is_listening", "getsockopt"))]
    #[inline]
    pub fn is_listening(&self) -> Result<bool> {
        self.option(SO_ACCEPTCONN)
    }

    /// `setsockopt(SOL_SOCKET, SO_REUSEPORT)`: let several sockets (of the
    /// same user) bind the same address and port; the kernel spreads
    /// incoming connections or datagrams over them.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_REUSEPORT", "sc_set_reuseport", "setsockopt"))]
    #[inline]
    pub fn set_reuse_port(&self, on: bool) -> Result<()> {
        self.set_option(SO_REUSEPORT, on)
    }

    /// `getsockopt(SOL_SOCKET, SO_REUSEPORT)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_REUSEPORT", "sc_get_reuseport", "getsockopt"))]
    #[inline]
    pub fn reuse_port(&self) -> Result<bool> {
        self.option(SO_REUSEPORT)
    }

    /// `setsockopt(SOL_SOCKET, SO_KEEPALIVE)`: probe an idle connection so a
    /// vanished peer is noticed (timing: the `TCP_KEEP*` options).
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_KEEPALIVE", "sc_set_keepalive", "setsockopt"))]
    #[inline]
    pub fn set_keepalive(&self, on: bool) -> Result<()> {
        self.set_option(SO_KEEPALIVE, on)
    }

    /// `getsockopt(SOL_SOCKET, SO_KEEPALIVE)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_KEEPALIVE", "sc_get_keepalive", "getsockopt"))]
    #[inline]
    pub fn keepalive(&self) -> Result<bool> {
        self.option(SO_KEEPALIVE)
    }

    /// `setsockopt(SOL_SOCKET, SO_LINGER)`: `None` (the default) lets
    /// `close` return at once while the kernel sends what is queued;
    /// `Some(d)` makes `close` wait up to `d` (whole seconds, rounded up)
    /// for the data to go; `Some(Duration::ZERO)` resets the connection on
    /// close (`ECONNRESET` at the peer).
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_LINGER", "sc_set_linger", "setsockopt"))]
    #[inline]
    pub fn set_linger(&self, linger: Option<Duration>) -> Result<()> {
        self.set_option(SO_LINGER, linger)
    }

    /// `getsockopt(SOL_SOCKET, SO_LINGER)`, in whole seconds.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_LINGER", "sc_get_linger", "getsockopt"))]
    #[inline]
    pub fn linger(&self) -> Result<Option<Duration>> {
        self.option(SO_LINGER)
    }

    /// `setsockopt(SOL_SOCKET, SO_RCVBUF)`: the receive buffer size the
    /// kernel should aim for. The kernel doubles the value (for its own
    /// bookkeeping), caps it at `net.core.rmem_max` and raises it to its
    /// minimum; [`recv_buffer_size`](Self::recv_buffer_size) reads the
    /// result. Sizes past `INT_MAX` are capped there.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_RCVBUF", "sc_set_rcvbuf", "setsockopt"))]
    #[inline]
    pub fn set_recv_buffer_size(&self, bytes: usize) -> Result<()> {
        self.set_option(SO_RCVBUF, bytes)
    }

    /// `getsockopt(SOL_SOCKET, SO_RCVBUF)`: the size in effect (twice what
    /// was asked for, within the kernel's limits).
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_RCVBUF", "sc_get_rcvbuf", "getsockopt"))]
    #[inline]
    pub fn recv_buffer_size(&self) -> Result<usize> {
        self.option(SO_RCVBUF)
    }

    /// `setsockopt(SOL_SOCKET, SO_SNDBUF)`: as
    /// [`set_recv_buffer_size`](Self::set_recv_buffer_size), for sending
    /// (capped at `net.core.wmem_max`).
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_SNDBUF", "sc_set_sndbuf", "setsockopt"))]
    #[inline]
    pub fn set_send_buffer_size(&self, bytes: usize) -> Result<()> {
        self.set_option(SO_SNDBUF, bytes)
    }

    /// `getsockopt(SOL_SOCKET, SO_SNDBUF)`: the size in effect (twice what
    /// was asked for, within the kernel's limits).
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_SNDBUF", "sc_get_sndbuf", "getsockopt"))]
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
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_RCVTIMEO", "sc_set_rcvtimeo", "setsockopt"))]
    #[inline]
    pub fn set_read_timeout(&self, timeout: Option<Duration>) -> Result<()> {
        self.set_option(SO_RCVTIMEO, timeout)
    }

    /// `getsockopt(SOL_SOCKET, SO_RCVTIMEO)`; `None` for no time-out.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_RCVTIMEO", "sc_get_rcvtimeo", "getsockopt"))]
    #[inline]
    pub fn read_timeout(&self) -> Result<Option<Duration>> {
        self.option(SO_RCVTIMEO)
    }

    /// `setsockopt(SOL_SOCKET, SO_SNDTIMEO)`: a blocking send (or connect)
    /// gives up after this long, with the count sent so far or `EAGAIN`
    /// (`EINPROGRESS` for connect). Errors as
    /// [`set_read_timeout`](Self::set_read_timeout).
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_SNDTIMEO", "sc_set_sndtimeo", "setsockopt"))]
    #[inline]
    pub fn set_write_timeout(&self, timeout: Option<Duration>) -> Result<()> {
        self.set_option(SO_SNDTIMEO, timeout)
    }

    /// `getsockopt(SOL_SOCKET, SO_SNDTIMEO)`; `None` for no time-out.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_SNDTIMEO", "sc_get_sndtimeo", "getsockopt"))]
    #[inline]
    pub fn write_timeout(&self) -> Result<Option<Duration>> {
        self.option(SO_SNDTIMEO)
    }

    /// `setsockopt(SOL_SOCKET, SO_BROADCAST)`: allow datagrams to broadcast
    /// addresses (otherwise `EACCES`).
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_BROADCAST", "sc_set_broadcast", "setsockopt"))]
    #[inline]
    pub fn set_broadcast(&self, on: bool) -> Result<()> {
        self.set_option(SO_BROADCAST, on)
    }

    /// `getsockopt(SOL_SOCKET, SO_BROADCAST)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_BROADCAST", "sc_get_broadcast", "getsockopt"))]
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
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_BINDTODEVICE", "sc_set_bindtodevice", "setsockopt"))]
    pub fn set_bind_device(&self, name: Option<&[u8]>) -> Result<()> {
        // The kernel takes the name with or without a NUL; an empty one
        // (length 0) unbinds.
        self.set_name_option::<IFNAMSIZ>(SO_BINDTODEVICE, name.unwrap_or_default())
    }

    /// `getsockopt(SOL_SOCKET, SO_BINDTODEVICE)`: writes the interface name
    /// into `out` (NUL-terminated) and returns its length without the NUL;
    /// 0 when the socket is bound to no device.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_BINDTODEVICE", "sc_get_bindtodevice", "getsockopt"))]
    #[inline]
    pub fn bind_device(&self, out: &mut [u8; IFNAMSIZ]) -> Result<usize> {
        self.name_option(SO_BINDTODEVICE, out)
    }

    /// `setsockopt(SOL_SOCKET, SO_BINDTOIFINDEX)`: only use the interface
    /// with index `ifindex` (see [`interface_index`](crate::interface_index));
    /// 0 undoes it. The same binding as
    /// [`set_bind_device`](Self::set_bind_device), without a name (Linux
    /// 5.0). Unlike a name, the index is not looked up: one that no
    /// interface has is kept as given.
    ///
    /// Errors: `EPERM` to change a binding without `CAP_NET_RAW`.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_BINDTOIFINDEX", "sc_set_bindtoifindex", "setsockopt"))]
    #[inline]
    pub fn set_bind_device_index(&self, ifindex: u32) -> Result<()> {
        self.set_option(SO_BINDTOIFINDEX, ifindex)
    }

    /// `getsockopt(SOL_SOCKET, SO_BINDTOIFINDEX)`: the index of the
    /// interface the socket is bound to; 0 for none.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_BINDTOIFINDEX", "sc_get_bindtoifindex", "getsockopt"))]
    #[inline]
    pub fn bind_device_index(&self) -> Result<u32> {
        self.option(SO_BINDTOIFINDEX)
    }

    /// `setsockopt(SOL_SOCKET, SO_MARK)`: the mark of the socket's outgoing
    /// packets, which firewall rules and routing policy (`ip rule fwmark`)
    /// can match; all 32 bits are the caller's.
    ///
    /// Errors: `EPERM` without `CAP_NET_RAW` or `CAP_NET_ADMIN`.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_MARK", "sc_set_mark", "setsockopt"))]
    #[inline]
    pub fn set_mark(&self, mark: u32) -> Result<()> {
        self.set_option(SO_MARK, mark)
    }

    /// `getsockopt(SOL_SOCKET, SO_MARK)`: 0 until set.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_MARK", "sc_get_mark", "getsockopt"))]
    #[inline]
    pub fn mark(&self) -> Result<u32> {
        self.option(SO_MARK)
    }

    /// `setsockopt(SOL_SOCKET, SO_PRIORITY)`: the queueing priority of the
    /// socket's outgoing packets (what traffic control sees as
    /// `skb->priority`); 0 to 6 for anyone, higher with `CAP_NET_ADMIN`.
    ///
    /// Errors: `EPERM` above 6 without `CAP_NET_ADMIN`.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_PRIORITY", "sc_set_priority", "setsockopt"))]
    #[inline]
    pub fn set_priority(&self, priority: u32) -> Result<()> {
        self.set_option(SO_PRIORITY, priority)
    }

    /// `getsockopt(SOL_SOCKET, SO_PRIORITY)`: 0 until set (or as `IP_TOS`
    /// made it).
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_PRIORITY", "sc_get_priority", "getsockopt"))]
    #[inline]
    pub fn priority(&self) -> Result<u32> {
        self.option(SO_PRIORITY)
    }

    /// `setsockopt(SOL_SOCKET, SO_RCVLOWAT)`: a stream socket reports
    /// readable, and a blocking receive waits, until at least `bytes` are
    /// queued (or the stream ends, or an error or signal comes); 1 is the
    /// default. Sizes past `INT_MAX` are capped there.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_RCVLOWAT", "sc_set_rcvlowat", "setsockopt"))]
    #[inline]
    pub fn set_recv_lowat(&self, bytes: usize) -> Result<()> {
        self.set_option(SO_RCVLOWAT, bytes)
    }

    /// `getsockopt(SOL_SOCKET, SO_RCVLOWAT)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_RCVLOWAT", "sc_get_rcvlowat", "getsockopt"))]
    #[inline]
    pub fn recv_lowat(&self) -> Result<usize> {
        self.option(SO_RCVLOWAT)
    }

    /// `setsockopt(SOL_SOCKET, SO_INCOMING_CPU)`: the CPU this socket's
    /// incoming packets are expected on. Among sockets sharing a port with
    /// [`set_reuse_port`](Self::set_reuse_port), the kernel hands a new
    /// connection or datagram to the one whose CPU matches the CPU that
    /// received it.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_INCOMING_CPU", "sc_set_incoming_cpu", "setsockopt"))]
    #[inline]
    pub fn set_incoming_cpu(&self, cpu: u32) -> Result<()> {
        self.set_option(SO_INCOMING_CPU, Some(cpu))
    }

    /// `getsockopt(SOL_SOCKET, SO_INCOMING_CPU)`: the CPU that handled the
    /// socket's last incoming packet (or the one set); `None` before any.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_INCOMING_CPU", "sc_get_incoming_cpu", "getsockopt"))]
    #[inline]
    pub fn incoming_cpu(&self) -> Result<Option<u32>> {
        self.option(SO_INCOMING_CPU)
    }

    /// `setsockopt(SOL_SOCKET, SO_BUSY_POLL)`: a blocking receive with
    /// nothing queued first polls the device's queue for up to `time`
    /// (whole microseconds, rounded up) before it sleeps: lower latency for
    /// CPU time. `Duration::ZERO` turns it off.
    ///
    /// Errors: `EPERM` to raise it without `CAP_NET_ADMIN`, `EINVAL` past
    /// `INT_MAX` microseconds; `ENOPROTOOPT` on a kernel built without
    /// `CONFIG_NET_RX_BUSY_POLL`.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_BUSY_POLL", "sc_set_busy_poll", "setsockopt"))]
    #[inline]
    pub fn set_busy_poll(&self, time: Duration) -> Result<()> {
        self.set_option(SO_BUSY_POLL, time)
    }

    /// `getsockopt(SOL_SOCKET, SO_BUSY_POLL)`: the system's
    /// `net.core.busy_read` until set.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_BUSY_POLL", "sc_get_busy_poll", "getsockopt"))]
    #[inline]
    pub fn busy_poll(&self) -> Result<Duration> {
        self.option(SO_BUSY_POLL)
    }

    /// `setsockopt(SOL_SOCKET, SO_OOBINLINE)`: TCP urgent data (sent with
    /// `MSG_OOB`) stays in the normal stream, where a plain read finds it,
    /// instead of waiting aside for a read with `MSG_OOB`.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_OOBINLINE", "sc_set_oobinline", "setsockopt"))]
    #[inline]
    pub fn set_out_of_band_inline(&self, on: bool) -> Result<()> {
        self.set_option(SO_OOBINLINE, on)
    }

    /// `getsockopt(SOL_SOCKET, SO_OOBINLINE)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_OOBINLINE", "sc_get_oobinline", "getsockopt"))]
    #[inline]
    pub fn out_of_band_inline(&self) -> Result<bool> {
        self.option(SO_OOBINLINE)
    }

    /// `setsockopt(SOL_SOCKET, SO_ZEROCOPY)`: let sends with
    /// [`MsgFlags::ZEROCOPY`](crate::MsgFlags::ZEROCOPY) use the caller's
    /// pages instead of copying them (TCP: Linux 4.14; UDP: 5.0). Without
    /// it the kernel ignores the flag. The kernel then reports when it is
    /// done with each send's buffer:
    /// [`recv_zerocopy_completions`](Self::recv_zerocopy_completions).
    ///
    /// Errors: `EOPNOTSUPP` on Unix sockets and other families without
    /// zero-copy sends.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html),
    /// [MSG_ZEROCOPY](https://docs.kernel.org/networking/msg_zerocopy.html)
    #[doc(alias("SO_ZEROCOPY", "sc_set_zerocopy", "setsockopt"))]
    #[inline]
    pub fn set_zerocopy(&self, on: bool) -> Result<()> {
        self.set_option(SO_ZEROCOPY, on)
    }

    /// `getsockopt(SOL_SOCKET, SO_ZEROCOPY)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_ZEROCOPY", "sc_get_zerocopy", "getsockopt"))]
    #[inline]
    pub fn zerocopy(&self) -> Result<bool> {
        self.option(SO_ZEROCOPY)
    }
}
