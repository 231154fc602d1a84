//! `IPPROTO_IP` and `IPPROTO_IPV6` unicast options on [`SocketFd`]: hop
//! limits, traffic class, dual-stack binding, and binding an address the
//! host lacks, any address, or an address without a port.

use super::table::{
    IPV6_TCLASS, IPV6_UNICAST_HOPS, IPV6_V6ONLY, IP_BIND_ADDRESS_NO_PORT, IP_FREEBIND, IP_TOS,
    IP_TRANSPARENT, IP_TTL,
};
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

    /// `setsockopt(IPPROTO_IP, IP_FREEBIND)`: `bind` accepts an address
    /// this host does not have (yet), such as one a starting interface will
    /// get; without it that is `EADDRNOTAVAIL`. For IPv4 and IPv6 sockets.
    #[inline]
    pub fn set_freebind(&self, on: bool) -> Result<()> {
        self.set_option(IP_FREEBIND, on)
    }

    /// `getsockopt(IPPROTO_IP, IP_FREEBIND)`.
    #[inline]
    pub fn freebind(&self) -> Result<bool> {
        self.option(IP_FREEBIND)
    }

    /// `setsockopt(IPPROTO_IP, IP_TRANSPARENT)`: the socket may bind any
    /// address and receive traffic for addresses not its own, as a
    /// transparent proxy does (with `TPROXY` firewall rules). For IPv4 and
    /// IPv6 sockets.
    ///
    /// Errors: `EPERM` without `CAP_NET_ADMIN` or `CAP_NET_RAW`.
    #[inline]
    pub fn set_transparent(&self, on: bool) -> Result<()> {
        self.set_option(IP_TRANSPARENT, on)
    }

    /// `getsockopt(IPPROTO_IP, IP_TRANSPARENT)`.
    #[inline]
    pub fn transparent(&self) -> Result<bool> {
        self.option(IP_TRANSPARENT)
    }

    /// `setsockopt(IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT)`: a `bind` to an
    /// address with port 0 takes the address now and leaves the port to
    /// `connect`, which can then pick one that is free for that destination:
    /// many clients on one source address without running out of ports.
    /// For IPv4 and IPv6 sockets.
    #[inline]
    pub fn set_bind_address_no_port(&self, on: bool) -> Result<()> {
        self.set_option(IP_BIND_ADDRESS_NO_PORT, on)
    }

    /// `getsockopt(IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT)`.
    #[inline]
    pub fn bind_address_no_port(&self) -> Result<bool> {
        self.option(IP_BIND_ADDRESS_NO_PORT)
    }
}
