//! `IPPROTO_TCP` options on [`SocketFd`]: Nagle, keep-alive timing, the
//! user time-out and Fast Open. (`TCP_INFO` is in `tcp_info.rs`.)
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
    TCP_FASTOPEN, TCP_FASTOPEN_CONNECT, TCP_KEEPCNT, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_NODELAY,
    TCP_USER_TIMEOUT,
};
use crate::errno::Result;
use crate::socket::SocketFd;

impl SocketFd {
    /// `setsockopt(IPPROTO_TCP, TCP_NODELAY)`: send small writes at once
    /// instead of waiting to coalesce them (Nagle's algorithm off).
    #[inline]
    pub fn set_nodelay(&self, on: bool) -> Result<()> {
        self.set_option(TCP_NODELAY, on)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_NODELAY)`.
    #[inline]
    pub fn nodelay(&self) -> Result<bool> {
        self.option(TCP_NODELAY)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_KEEPIDLE)`: how long a connection stays
    /// idle before the first keep-alive probe (whole seconds, rounded up;
    /// needs [`set_keepalive`](Self::set_keepalive) to take effect).
    ///
    /// Errors: `EINVAL` outside 1 to 32767 seconds.
    #[inline]
    pub fn set_keepalive_idle(&self, idle: Duration) -> Result<()> {
        self.set_option(TCP_KEEPIDLE, idle)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_KEEPIDLE)`.
    #[inline]
    pub fn keepalive_idle(&self) -> Result<Duration> {
        self.option(TCP_KEEPIDLE)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_KEEPINTVL)`: the time between
    /// keep-alive probes (whole seconds, rounded up).
    ///
    /// Errors: `EINVAL` outside 1 to 32767 seconds.
    #[inline]
    pub fn set_keepalive_interval(&self, interval: Duration) -> Result<()> {
        self.set_option(TCP_KEEPINTVL, interval)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_KEEPINTVL)`.
    #[inline]
    pub fn keepalive_interval(&self) -> Result<Duration> {
        self.option(TCP_KEEPINTVL)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_KEEPCNT)`: how many unanswered probes
    /// end the connection (`ETIMEDOUT`).
    ///
    /// Errors: `EINVAL` outside 1 to 127.
    #[inline]
    pub fn set_keepalive_count(&self, count: u32) -> Result<()> {
        self.set_option(TCP_KEEPCNT, count)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_KEEPCNT)`.
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
    #[inline]
    pub fn set_user_timeout(&self, timeout: Option<Duration>) -> Result<()> {
        self.set_option(TCP_USER_TIMEOUT, timeout)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_USER_TIMEOUT)`; `None` for the system
    /// default.
    #[inline]
    pub fn user_timeout(&self) -> Result<Option<Duration>> {
        self.option(TCP_USER_TIMEOUT)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_FASTOPEN)`: lets this listener accept
    /// data in the SYN, with up to `queue_len` such connections waiting to
    /// be accepted (Linux 3.7; before or after `listen`); 0 turns it off.
    /// The kernel caps the length at `net.core.somaxconn`; one past
    /// `INT_MAX` saturates. Needs the server bit (2) of
    /// `net.ipv4.tcp_fastopen` in the socket's network namespace.
    ///
    /// Errors: `ENOPROTOOPT` on a socket that is not TCP.
    #[inline]
    pub fn set_fastopen(&self, queue_len: u32) -> Result<()> {
        self.set_option(TCP_FASTOPEN, queue_len)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_FASTOPEN)`: the Fast Open queue length
    /// (after the kernel's cap), 0 when off.
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
    #[inline]
    pub fn set_fastopen_connect(&self, on: bool) -> Result<()> {
        self.set_option(TCP_FASTOPEN_CONNECT, on)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_FASTOPEN_CONNECT)`.
    #[inline]
    pub fn fastopen_connect(&self) -> Result<bool> {
        self.option(TCP_FASTOPEN_CONNECT)
    }
}
