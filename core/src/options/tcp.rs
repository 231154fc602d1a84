//! `IPPROTO_TCP` options on [`SocketFd`]: Nagle and corking, keep-alive
//! timing, the user time-out, quick acknowledgements, the unsent low-water
//! mark, the congestion control algorithm, the segment size and Fast Open.
//! (`TCP_INFO` is in `tcp_info.rs`.)
//!
//! # TCP Fast Open
//!
//! A client that has talked to a server before may send its first data in
//! the SYN, saving a round trip (RFC 7413): the server's listener allows it
//! with [`SocketFd::set_fastopen`], and the client sends with
//! [`MsgFlags::FASTOPEN`](crate::MsgFlags::FASTOPEN) on
//! [`send_to`](SocketFd::send_to), which connects, or with
//! [`SocketFd::set_fastopen_connect`] before an ordinary `connect` and
//! `write`. Both need the matching bit of `net.ipv4.tcp_fastopen` (1 for
//! clients, 2 for servers) in the socket's network namespace. The first
//! connection to a server fetches a cookie with an ordinary handshake;
//! later ones carry the data in the SYN, which
//! [`TcpInfoOptions::SYN_DATA`](crate::TcpInfoOptions::SYN_DATA) then shows
//! on both ends.

use core::time::Duration;

use super::table::{
    TCP_CONGESTION, TCP_CORK, TCP_FASTOPEN, TCP_FASTOPEN_CONNECT, TCP_KEEPCNT, TCP_KEEPIDLE,
    TCP_KEEPINTVL, TCP_MAXSEG, TCP_NODELAY, TCP_NOTSENT_LOWAT, TCP_QUICKACK, TCP_USER_TIMEOUT,
};
use crate::errno::Result;
use crate::socket::SocketFd;

/// Bytes in a congestion control algorithm's name buffer, NUL included
/// (`TCP_CA_NAME_MAX`, from the kernel's `include/net/tcp.h`; `libc` lacks
/// it).
pub const TCP_CA_NAME_MAX: usize = 16;

impl SocketFd {
    /// `setsockopt(IPPROTO_TCP, TCP_NODELAY)`: send small writes at once
    /// instead of waiting to coalesce them (Nagle's algorithm off).
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_NODELAY", "sc_set_nodelay", "setsockopt"))]
    #[inline]
    pub fn set_nodelay(&self, on: bool) -> Result<()> {
        self.set_option(TCP_NODELAY, on)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_NODELAY)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_NODELAY", "sc_get_nodelay", "getsockopt"))]
    #[inline]
    pub fn nodelay(&self) -> Result<bool> {
        self.option(TCP_NODELAY)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_KEEPIDLE)`: how long a connection stays
    /// idle before the first keep-alive probe (whole seconds, rounded up;
    /// needs [`set_keepalive`](Self::set_keepalive) to take effect).
    ///
    /// Errors: `EINVAL` outside 1 to 32767 seconds.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_KEEPIDLE", "sc_set_keepalive_idle", "setsockopt"))]
    #[inline]
    pub fn set_keepalive_idle(&self, idle: Duration) -> Result<()> {
        self.set_option(TCP_KEEPIDLE, idle)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_KEEPIDLE)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_KEEPIDLE", "sc_get_keepalive_idle", "getsockopt"))]
    #[inline]
    pub fn keepalive_idle(&self) -> Result<Duration> {
        self.option(TCP_KEEPIDLE)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_KEEPINTVL)`: the time between
    /// keep-alive probes (whole seconds, rounded up).
    ///
    /// Errors: `EINVAL` outside 1 to 32767 seconds.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_KEEPINTVL", "sc_set_keepalive_interval", "setsockopt"))]
    #[inline]
    pub fn set_keepalive_interval(&self, interval: Duration) -> Result<()> {
        self.set_option(TCP_KEEPINTVL, interval)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_KEEPINTVL)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_KEEPINTVL", "sc_get_keepalive_interval", "getsockopt"))]
    #[inline]
    pub fn keepalive_interval(&self) -> Result<Duration> {
        self.option(TCP_KEEPINTVL)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_KEEPCNT)`: how many unanswered probes
    /// end the connection (`ETIMEDOUT`).
    ///
    /// Errors: `EINVAL` outside 1 to 127.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_KEEPCNT", "sc_set_keepalive_count", "setsockopt"))]
    #[inline]
    pub fn set_keepalive_count(&self, count: u32) -> Result<()> {
        self.set_option(TCP_KEEPCNT, count)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_KEEPCNT)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_KEEPCNT", "sc_get_keepalive_count", "getsockopt"))]
    #[inline]
    pub fn keepalive_count(&self) -> Result<u32> {
        self.option(TCP_KEEPCNT)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_USER_TIMEOUT)`: how long sent data may
    /// stay unacknowledged before the connection is dropped with
    /// `ETIMEDOUT` (whole milliseconds, rounded up); `None` restores the
    /// system default.
    ///
    /// Errors: `EINVAL` past `INT_MAX` milliseconds.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_USER_TIMEOUT", "sc_set_user_timeout", "setsockopt"))]
    #[inline]
    pub fn set_user_timeout(&self, timeout: Option<Duration>) -> Result<()> {
        self.set_option(TCP_USER_TIMEOUT, timeout)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_USER_TIMEOUT)`; `None` for the system
    /// default.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_USER_TIMEOUT", "sc_get_user_timeout", "getsockopt"))]
    #[inline]
    pub fn user_timeout(&self) -> Result<Option<Duration>> {
        self.option(TCP_USER_TIMEOUT)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_CORK)`: hold back partial segments
    /// while on, so that a header and a body written separately leave in
    /// full segments; turning it off sends what is held (so does a 200 ms
    /// ceiling).
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_CORK", "sc_set_cork", "setsockopt"))]
    #[inline]
    pub fn set_cork(&self, on: bool) -> Result<()> {
        self.set_option(TCP_CORK, on)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_CORK)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_CORK", "sc_get_cork", "getsockopt"))]
    #[inline]
    pub fn cork(&self) -> Result<bool> {
        self.option(TCP_CORK)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_QUICKACK)`: acknowledge received data
    /// at once (on) rather than delay the acknowledgement (off). Not
    /// permanent: the kernel returns to delaying by its own rules, so set it
    /// again after each receive where it matters.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_QUICKACK", "sc_set_quickack", "setsockopt"))]
    #[inline]
    pub fn set_quickack(&self, on: bool) -> Result<()> {
        self.set_option(TCP_QUICKACK, on)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_QUICKACK)`: whether acknowledgements
    /// go out at once now.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_QUICKACK", "sc_get_quickack", "getsockopt"))]
    #[inline]
    pub fn quickack(&self) -> Result<bool> {
        self.option(TCP_QUICKACK)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_NOTSENT_LOWAT)`: the socket reports
    /// writable only while fewer than `bytes` written bytes are still
    /// unsent, which keeps the send queue (and the latency of the next
    /// write) short; 0 returns to `net.ipv4.tcp_notsent_lowat`. Sizes past
    /// `INT_MAX` are capped there.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_NOTSENT_LOWAT", "sc_set_notsent_lowat", "setsockopt"))]
    #[inline]
    pub fn set_notsent_lowat(&self, bytes: usize) -> Result<()> {
        self.set_option(TCP_NOTSENT_LOWAT, bytes)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_NOTSENT_LOWAT)`: 0 until set.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_NOTSENT_LOWAT", "sc_get_notsent_lowat", "getsockopt"))]
    #[inline]
    pub fn notsent_lowat(&self) -> Result<usize> {
        self.option(TCP_NOTSENT_LOWAT)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_CONGESTION)`: the congestion control
    /// algorithm, by name without a NUL (`b"cubic"`, `b"reno"`, `b"bbr"`;
    /// `/proc/sys/net/ipv4/tcp_available_congestion_control` lists what
    /// the kernel has).
    ///
    /// Errors: `ENOENT` for an algorithm the kernel does not have, `EPERM`
    /// for one not in `net.ipv4.tcp_allowed_congestion_control` without
    /// `CAP_NET_ADMIN`, `EINVAL` for a name of `TCP_CA_NAME_MAX` bytes or
    /// more, or with a NUL.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_CONGESTION", "sc_set_congestion", "setsockopt"))]
    #[inline]
    pub fn set_congestion(&self, name: &[u8]) -> Result<()> {
        self.set_name_option::<TCP_CA_NAME_MAX>(TCP_CONGESTION, name)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_CONGESTION)`: writes the algorithm's
    /// name into `out` (NUL-terminated) and returns its length without the
    /// NUL.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_CONGESTION", "sc_get_congestion", "getsockopt"))]
    #[inline]
    pub fn congestion(&self, out: &mut [u8; TCP_CA_NAME_MAX]) -> Result<usize> {
        self.name_option(TCP_CONGESTION, out)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_MAXSEG)`: the largest segment the
    /// connection may send, in bytes; set before `connect` (or `listen`),
    /// it lowers the MSS the connection announces and uses.
    ///
    /// Errors: `EINVAL` outside 88 to 32767 (0 is taken too: no limit).
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_MAXSEG", "sc_set_maxseg", "setsockopt"))]
    #[inline]
    pub fn set_max_segment(&self, bytes: u32) -> Result<()> {
        self.set_option(TCP_MAXSEG, bytes)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_MAXSEG)`: on a connected socket the
    /// segment size in use (without TCP options such as timestamps);
    /// before, the value set, or the default of 536.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_MAXSEG", "sc_get_maxseg", "getsockopt"))]
    #[inline]
    pub fn max_segment(&self) -> Result<u32> {
        self.option(TCP_MAXSEG)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_FASTOPEN)`: lets this listener accept
    /// data in the SYN, with up to `queue_len` such connections waiting to
    /// be accepted (Linux 3.7; before or after `listen`); 0 turns it off.
    /// The kernel caps the length at `net.core.somaxconn`; one past
    /// `INT_MAX` saturates. Needs the server bit (2) of
    /// `net.ipv4.tcp_fastopen` in the socket's network namespace.
    ///
    /// Errors: `ENOPROTOOPT` on a socket that is not TCP.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_FASTOPEN", "sc_set_fastopen", "setsockopt"))]
    #[inline]
    pub fn set_fastopen(&self, queue_len: u32) -> Result<()> {
        self.set_option(TCP_FASTOPEN, queue_len)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_FASTOPEN)`: the Fast Open queue length
    /// (after the kernel's cap), 0 when off.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_FASTOPEN", "sc_get_fastopen", "getsockopt"))]
    #[inline]
    pub fn fastopen(&self) -> Result<u32> {
        self.option(TCP_FASTOPEN)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_FASTOPEN_CONNECT)`, before `connect`
    /// (Linux 4.11): with a Fast Open cookie cached for the address,
    /// `connect` returns at once and the first write carries its data in
    /// the SYN; without one, `connect` is an ordinary handshake that also
    /// asks for a cookie. Needs the client bit (1) of
    /// `net.ipv4.tcp_fastopen`.
    ///
    /// Errors: `EOPNOTSUPP` with the client bit off or on a Unix socket,
    /// `EINVAL` on a connected socket.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_FASTOPEN_CONNECT", "sc_set_fastopen_connect", "setsockopt"))]
    #[inline]
    pub fn set_fastopen_connect(&self, on: bool) -> Result<()> {
        self.set_option(TCP_FASTOPEN_CONNECT, on)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_FASTOPEN_CONNECT)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_FASTOPEN_CONNECT", "sc_get_fastopen_connect", "getsockopt"))]
    #[inline]
    pub fn fastopen_connect(&self) -> Result<bool> {
        self.option(TCP_FASTOPEN_CONNECT)
    }
}
