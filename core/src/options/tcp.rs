//! `IPPROTO_TCP` options on [`SocketFd`]: Nagle, keep-alive timing and the
//! user time-out.

use core::time::Duration;

use crate::errno::Result;
use crate::options::duration::{millis_rounded_up, secs_rounded_up};
use crate::socket::SocketFd;

impl SocketFd {
    /// `setsockopt(IPPROTO_TCP, TCP_NODELAY)`: send small writes at once
    /// instead of waiting to coalesce them (Nagle's algorithm off).
    #[inline]
    pub fn set_nodelay(&self, on: bool) -> Result<()> {
        self.set_flag_option(libc::IPPROTO_TCP, libc::TCP_NODELAY, on)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_NODELAY)`.
    #[inline]
    pub fn nodelay(&self) -> Result<bool> {
        self.flag_option(libc::IPPROTO_TCP, libc::TCP_NODELAY)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_KEEPIDLE)`: how long a connection stays
    /// idle before the first keep-alive probe (whole seconds, rounded up;
    /// needs [`set_keepalive`](Self::set_keepalive) to take effect).
    ///
    /// Errors: `EINVAL` outside 1 to 32767 seconds.
    #[inline]
    pub fn set_keepalive_idle(&self, idle: Duration) -> Result<()> {
        self.set_int_option(libc::IPPROTO_TCP, libc::TCP_KEEPIDLE, secs_rounded_up(idle))
    }

    /// `getsockopt(IPPROTO_TCP, TCP_KEEPIDLE)`.
    #[inline]
    pub fn keepalive_idle(&self) -> Result<Duration> {
        self.secs_option(libc::TCP_KEEPIDLE)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_KEEPINTVL)`: the time between
    /// keep-alive probes (whole seconds, rounded up).
    ///
    /// Errors: `EINVAL` outside 1 to 32767 seconds.
    #[inline]
    pub fn set_keepalive_interval(&self, interval: Duration) -> Result<()> {
        let secs = secs_rounded_up(interval);
        self.set_int_option(libc::IPPROTO_TCP, libc::TCP_KEEPINTVL, secs)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_KEEPINTVL)`.
    #[inline]
    pub fn keepalive_interval(&self) -> Result<Duration> {
        self.secs_option(libc::TCP_KEEPINTVL)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_KEEPCNT)`: how many unanswered probes
    /// end the connection (`ETIMEDOUT`).
    ///
    /// Errors: `EINVAL` outside 1 to 127.
    #[inline]
    pub fn set_keepalive_count(&self, count: u32) -> Result<()> {
        let count = libc::c_int::try_from(count).unwrap_or(libc::c_int::MAX);
        self.set_int_option(libc::IPPROTO_TCP, libc::TCP_KEEPCNT, count)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_KEEPCNT)`.
    #[inline]
    pub fn keepalive_count(&self) -> Result<u32> {
        let count = self.int_option(libc::IPPROTO_TCP, libc::TCP_KEEPCNT)?;
        Ok(u32::try_from(count).unwrap_or(0))
    }

    /// `setsockopt(IPPROTO_TCP, TCP_USER_TIMEOUT)`: how long sent data may
    /// stay unacknowledged before the connection is dropped with
    /// `ETIMEDOUT` (whole milliseconds, rounded up); `None` restores the
    /// system default.
    ///
    /// Errors: `EINVAL` past `INT_MAX` milliseconds.
    #[inline]
    pub fn set_user_timeout(&self, timeout: Option<Duration>) -> Result<()> {
        let ms = timeout.map_or(Ok(0), millis_rounded_up)?;
        self.set_int_option(libc::IPPROTO_TCP, libc::TCP_USER_TIMEOUT, ms)
    }

    /// `getsockopt(IPPROTO_TCP, TCP_USER_TIMEOUT)`; `None` for the system
    /// default.
    #[inline]
    pub fn user_timeout(&self) -> Result<Option<Duration>> {
        let ms = self.int_option(libc::IPPROTO_TCP, libc::TCP_USER_TIMEOUT)?;
        let ms = u64::try_from(ms).unwrap_or(0);
        Ok((ms != 0).then(|| Duration::from_millis(ms)))
    }

    /// A `TCP_*` option held in whole seconds.
    fn secs_option(&self, name: i32) -> Result<Duration> {
        let secs = self.int_option(libc::IPPROTO_TCP, name)?;
        Ok(Duration::from_secs(u64::try_from(secs).unwrap_or(0)))
    }
}
