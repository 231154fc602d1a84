//! `IPPROTO_TCP` options on [`SocketFd`]: Nagle, keep-alive timing and the
//! user time-out.

use core::time::Duration;

use super::table::{TCP_KEEPCNT, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_NODELAY, TCP_USER_TIMEOUT};
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
}
