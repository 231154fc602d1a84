//! `IPPROTO_IP` and `IPPROTO_IPV6` unicast options on [`SocketFd`]: hop
//! limits, traffic class and dual-stack binding.

use super::table::{IPV6_TCLASS, IPV6_UNICAST_HOPS, IPV6_V6ONLY, IP_TOS, IP_TTL};
use crate::errno::Result;
use crate::socket::SocketFd;

impl SocketFd {
    /// `setsockopt(IPPROTO_IP, IP_TTL)`: the time-to-live of outgoing IPv4
    /// unicast packets. Errors: `EINVAL` outside 1 to 255.
    #[inline]
    pub fn set_ttl(&self, ttl: u32) -> Result<()> {
        self.set_option(IP_TTL, ttl)
    }

    /// `getsockopt(IPPROTO_IP, IP_TTL)`: the value in effect (the system's
    /// default, usually 64, until set).
    #[inline]
    pub fn ttl(&self) -> Result<u32> {
        self.option(IP_TTL)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_UNICAST_HOPS)`: the hop limit of
    /// outgoing IPv6 unicast packets. Errors: `EINVAL` above 255.
    #[inline]
    pub fn set_unicast_hops_v6(&self, hops: u32) -> Result<()> {
        self.set_option(IPV6_UNICAST_HOPS, hops)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_UNICAST_HOPS)`: the value in effect.
    #[inline]
    pub fn unicast_hops_v6(&self) -> Result<u32> {
        self.option(IPV6_UNICAST_HOPS)
    }

    /// `setsockopt(IPPROTO_IP, IP_TOS)`: the type-of-service byte (DSCP and
    /// ECN bits) of outgoing IPv4 packets.
    #[inline]
    pub fn set_tos(&self, tos: u8) -> Result<()> {
        self.set_option(IP_TOS, tos)
    }

    /// `getsockopt(IPPROTO_IP, IP_TOS)`.
    #[inline]
    pub fn tos(&self) -> Result<u8> {
        self.option(IP_TOS)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_TCLASS)`: the traffic class byte of
    /// outgoing IPv6 packets.
    #[inline]
    pub fn set_tclass_v6(&self, tclass: u8) -> Result<()> {
        self.set_option(IPV6_TCLASS, tclass)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_TCLASS)`.
    #[inline]
    pub fn tclass_v6(&self) -> Result<u8> {
        self.option(IPV6_TCLASS)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_V6ONLY)`: an IPv6 socket bound to `::`
    /// accepts only IPv6 (on) or IPv4-mapped traffic too (off, Linux's
    /// default). Set it before `bind`: afterwards the kernel says `EINVAL`.
    #[inline]
    pub fn set_only_v6(&self, on: bool) -> Result<()> {
        self.set_option(IPV6_V6ONLY, on)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_V6ONLY)`.
    #[inline]
    pub fn only_v6(&self) -> Result<bool> {
        self.option(IPV6_V6ONLY)
    }
}
