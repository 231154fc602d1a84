//! `IPPROTO_IP` and `IPPROTO_IPV6` unicast options on [`SocketFd`]: hop
//! limits, traffic class and dual-stack binding.

use crate::errno::Result;
use crate::socket::SocketFd;

/// A count as a C `int`, saturating (the kernel rejects anything that big).
fn count(value: u32) -> libc::c_int {
    libc::c_int::try_from(value).unwrap_or(libc::c_int::MAX)
}

/// A C `int` option value read back as a count (negative never happens).
fn uncount(value: libc::c_int) -> u32 {
    u32::try_from(value).unwrap_or(0)
}

impl SocketFd {
    /// `setsockopt(IPPROTO_IP, IP_TTL)`: the time-to-live of outgoing IPv4
    /// unicast packets. Errors: `EINVAL` outside 1 to 255.
    #[inline]
    pub fn set_ttl(&self, ttl: u32) -> Result<()> {
        self.set_int_option(libc::IPPROTO_IP, libc::IP_TTL, count(ttl))
    }

    /// `getsockopt(IPPROTO_IP, IP_TTL)`: the value in effect (the system's
    /// default, usually 64, until set).
    #[inline]
    pub fn ttl(&self) -> Result<u32> {
        self.int_option(libc::IPPROTO_IP, libc::IP_TTL).map(uncount)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_UNICAST_HOPS)`: the hop limit of
    /// outgoing IPv6 unicast packets. Errors: `EINVAL` above 255.
    #[inline]
    pub fn set_unicast_hops_v6(&self, hops: u32) -> Result<()> {
        self.set_int_option(libc::IPPROTO_IPV6, libc::IPV6_UNICAST_HOPS, count(hops))
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_UNICAST_HOPS)`: the value in effect.
    #[inline]
    pub fn unicast_hops_v6(&self) -> Result<u32> {
        self.int_option(libc::IPPROTO_IPV6, libc::IPV6_UNICAST_HOPS)
            .map(uncount)
    }

    /// `setsockopt(IPPROTO_IP, IP_TOS)`: the type-of-service byte (DSCP and
    /// ECN bits) of outgoing IPv4 packets.
    #[inline]
    pub fn set_tos(&self, tos: u8) -> Result<()> {
        self.set_int_option(libc::IPPROTO_IP, libc::IP_TOS, libc::c_int::from(tos))
    }

    /// `getsockopt(IPPROTO_IP, IP_TOS)`.
    #[inline]
    pub fn tos(&self) -> Result<u8> {
        let tos = self.int_option(libc::IPPROTO_IP, libc::IP_TOS)?;
        Ok(u8::try_from(tos).unwrap_or(0))
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_TCLASS)`: the traffic class byte of
    /// outgoing IPv6 packets.
    #[inline]
    pub fn set_tclass_v6(&self, tclass: u8) -> Result<()> {
        let tclass = libc::c_int::from(tclass);
        self.set_int_option(libc::IPPROTO_IPV6, libc::IPV6_TCLASS, tclass)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_TCLASS)`.
    #[inline]
    pub fn tclass_v6(&self) -> Result<u8> {
        let tclass = self.int_option(libc::IPPROTO_IPV6, libc::IPV6_TCLASS)?;
        Ok(u8::try_from(tclass).unwrap_or(0))
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_V6ONLY)`: an IPv6 socket bound to `::`
    /// accepts only IPv6 (on) or IPv4-mapped traffic too (off, Linux's
    /// default). Set it before `bind`: afterwards the kernel says `EINVAL`.
    #[inline]
    pub fn set_only_v6(&self, on: bool) -> Result<()> {
        self.set_flag_option(libc::IPPROTO_IPV6, libc::IPV6_V6ONLY, on)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_V6ONLY)`.
    #[inline]
    pub fn only_v6(&self) -> Result<bool> {
        self.flag_option(libc::IPPROTO_IPV6, libc::IPV6_V6ONLY)
    }
}
