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
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_TTL", "sc_set_ttl", "setsockopt"))]
    #[inline]
    pub fn set_ttl(&self, ttl: u32) -> Result<()> {
        self.set_option(IP_TTL, ttl)
    }

    /// `getsockopt(IPPROTO_IP, IP_TTL)`: the value in effect (the system's
    /// default, usually 64, until set).
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_TTL", "sc_get_ttl", "getsockopt"))]
    #[inline]
    pub fn ttl(&self) -> Result<u32> {
        self.option(IP_TTL)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_UNICAST_HOPS)`: the hop limit of
    /// outgoing IPv6 unicast packets. Errors: `EINVAL` above 255.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ipv6(7)`](https://man7.org/linux/man-pages/man7/ipv6.7.html)
    #[doc(alias("IPV6_UNICAST_HOPS", "sc_set_unicast_hops", "setsockopt"))]
    #[inline]
    pub fn set_unicast_hops_v6(&self, hops: u32) -> Result<()> {
        self.set_option(IPV6_UNICAST_HOPS, hops)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_UNICAST_HOPS)`: the value in effect.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ipv6(7)`](https://man7.org/linux/man-pages/man7/ipv6.7.html)
    #[doc(alias("IPV6_UNICAST_HOPS", "sc_get_unicast_hops", "getsockopt"))]
    #[inline]
    pub fn unicast_hops_v6(&self) -> Result<u32> {
        self.option(IPV6_UNICAST_HOPS)
    }

    /// `setsockopt(IPPROTO_IP, IP_TOS)`: the type-of-service byte (DSCP and
    /// ECN bits) of outgoing IPv4 packets.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_TOS", "sc_set_tos", "setsockopt"))]
    #[inline]
    pub fn set_tos(&self, tos: u8) -> Result<()> {
        self.set_option(IP_TOS, tos)
    }

    /// `getsockopt(IPPROTO_IP, IP_TOS)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_TOS", "sc_get_tos", "getsockopt"))]
    #[inline]
    pub fn tos(&self) -> Result<u8> {
        self.option(IP_TOS)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_TCLASS)`: the traffic class byte of
    /// outgoing IPv6 packets.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ipv6(7)`](https://man7.org/linux/man-pages/man7/ipv6.7.html)
    #[doc(alias("IPV6_TCLASS", "sc_set_tclass", "setsockopt"))]
    #[inline]
    pub fn set_tclass_v6(&self, tclass: u8) -> Result<()> {
        self.set_option(IPV6_TCLASS, tclass)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_TCLASS)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ipv6(7)`](https://man7.org/linux/man-pages/man7/ipv6.7.html)
    #[doc(alias("IPV6_TCLASS", "sc_get_tclass", "getsockopt"))]
    #[inline]
    pub fn tclass_v6(&self) -> Result<u8> {
        self.option(IPV6_TCLASS)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_V6ONLY)`: an IPv6 socket bound to `::`
    /// accepts only IPv6 (on) or IPv4-mapped traffic too (off, Linux's
    /// default). Set it before `bind`: afterwards the kernel says `EINVAL`.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ipv6(7)`](https://man7.org/linux/man-pages/man7/ipv6.7.html)
    #[doc(alias("IPV6_V6ONLY", "sc_set_v6only", "setsockopt"))]
    #[inline]
    pub fn set_only_v6(&self, on: bool) -> Result<()> {
        self.set_option(IPV6_V6ONLY, on)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_V6ONLY)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ipv6(7)`](https://man7.org/linux/man-pages/man7/ipv6.7.html)
    #[doc(alias("IPV6_V6ONLY", "sc_get_v6only", "getsockopt"))]
    #[inline]
    pub fn only_v6(&self) -> Result<bool> {
        self.option(IPV6_V6ONLY)
    }

    /// `setsockopt(IPPROTO_IP, IP_FREEBIND)`: `bind` accepts an address
    /// this host does not have (yet), such as one a starting interface will
    /// get; without it that is `EADDRNOTAVAIL`. For IPv4 and IPv6 sockets.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_FREEBIND", "sc_set_freebind", "setsockopt"))]
    #[inline]
    pub fn set_freebind(&self, on: bool) -> Result<()> {
        self.set_option(IP_FREEBIND, on)
    }

    /// `getsockopt(IPPROTO_IP, IP_FREEBIND)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_FREEBIND", "sc_get_freebind", "getsockopt"))]
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
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_TRANSPARENT", "sc_set_transparent", "setsockopt"))]
    #[inline]
    pub fn set_transparent(&self, on: bool) -> Result<()> {
        self.set_option(IP_TRANSPARENT, on)
    }

    /// `getsockopt(IPPROTO_IP, IP_TRANSPARENT)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_TRANSPARENT", "sc_get_transparent", "getsockopt"))]
    #[inline]
    pub fn transparent(&self) -> Result<bool> {
        self.option(IP_TRANSPARENT)
    }

    /// `setsockopt(IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT)`: a `bind` to an
    /// address with port 0 takes the address now and leaves the port to
    /// `connect`, which can then pick one that is free for that destination:
    /// many clients on one source address without running out of ports.
    /// For IPv4 and IPv6 sockets.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_BIND_ADDRESS_NO_PORT", "sc_set_bind_address_no_port", "setsockopt"))]
    #[inline]
    pub fn set_bind_address_no_port(&self, on: bool) -> Result<()> {
        self.set_option(IP_BIND_ADDRESS_NO_PORT, on)
    }

    /// `getsockopt(IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_BIND_ADDRESS_NO_PORT", "sc_get_bind_address_no_port", "getsockopt"))]
    #[inline]
    pub fn bind_address_no_port(&self) -> Result<bool> {
        self.option(IP_BIND_ADDRESS_NO_PORT)
    }
}
