//! Multicast options on [`SocketFd`]: group membership (by interface index,
//! by interface address, and from one source), loopback, hop limit,
//! outgoing interface and the other sockets' groups, for IPv4 and IPv6.
//!
//! Interfaces are given by index (see [`interface_index`](crate::interface_index))
//! or, where the kernel's struct takes one, by address; 0 and `0.0.0.0`
//! let the kernel choose by its routing table.

use core::net::{Ipv4Addr, Ipv6Addr};

use super::table::{
    IPV6_ADD_MEMBERSHIP, IPV6_DROP_MEMBERSHIP, IPV6_MULTICAST_HOPS, IPV6_MULTICAST_IF,
    IPV6_MULTICAST_LOOP, IP_ADD_MEMBERSHIP, IP_ADD_MEMBERSHIP_ADDR, IP_ADD_SOURCE_MEMBERSHIP,
    IP_DROP_MEMBERSHIP, IP_DROP_MEMBERSHIP_ADDR, IP_DROP_SOURCE_MEMBERSHIP, IP_MULTICAST_ALL,
    IP_MULTICAST_IF, IP_MULTICAST_LOOP, IP_MULTICAST_TTL,
};
use crate::errno::Result;
use crate::socket::SocketFd;

impl SocketFd {
    /// `setsockopt(IPPROTO_IP, IP_ADD_MEMBERSHIP)` with an `ip_mreqn`: joins
    /// the IPv4 multicast `group` on interface `ifindex`.
    ///
    /// Errors: `EINVAL` (not a multicast address), `EADDRINUSE` (already a
    /// member there), `ENODEV` (no such interface, or no route for the group
    /// with `ifindex` 0), `ENOBUFS` (too many memberships:
    /// `net.ipv4.igmp_max_memberships`).
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_ADD_MEMBERSHIP", "sc_join_multicast", "setsockopt"))]
    #[inline]
    pub fn join_multicast_v4(&self, group: Ipv4Addr, ifindex: u32) -> Result<()> {
        self.set_option(IP_ADD_MEMBERSHIP, (group, ifindex))
    }

    /// `setsockopt(IPPROTO_IP, IP_DROP_MEMBERSHIP)`: leaves a group joined
    /// with [`join_multicast_v4`](Self::join_multicast_v4).
    ///
    /// Errors: `EADDRNOTAVAIL` (not a member), `ENODEV`.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_DROP_MEMBERSHIP", "sc_leave_multicast", "setsockopt"))]
    #[inline]
    pub fn leave_multicast_v4(&self, group: Ipv4Addr, ifindex: u32) -> Result<()> {
        self.set_option(IP_DROP_MEMBERSHIP, (group, ifindex))
    }

    /// `setsockopt(IPPROTO_IP, IP_ADD_MEMBERSHIP)` with an `ip_mreq`: joins
    /// the IPv4 multicast `group` on the interface whose address is
    /// `interface` (`0.0.0.0`: by routing). The same membership as
    /// [`join_multicast_v4`](Self::join_multicast_v4), named by address.
    ///
    /// Errors: as [`join_multicast_v4`](Self::join_multicast_v4);
    /// `ENODEV` for an address no interface has.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_ADD_MEMBERSHIP", "sc_join_multicast_by_addr", "setsockopt"))]
    #[inline]
    pub fn join_multicast_v4_by_addr(&self, group: Ipv4Addr, interface: Ipv4Addr) -> Result<()> {
        self.set_option(IP_ADD_MEMBERSHIP_ADDR, (group, interface))
    }

    /// `setsockopt(IPPROTO_IP, IP_DROP_MEMBERSHIP)` with an `ip_mreq`:
    /// leaves a group joined on the interface whose address is `interface`.
    ///
    /// Errors: `EADDRNOTAVAIL` (not a member), `ENODEV`.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_DROP_MEMBERSHIP", "sc_leave_multicast_by_addr", "setsockopt"))]
    #[inline]
    pub fn leave_multicast_v4_by_addr(&self, group: Ipv4Addr, interface: Ipv4Addr) -> Result<()> {
        self.set_option(IP_DROP_MEMBERSHIP_ADDR, (group, interface))
    }

    /// `setsockopt(IPPROTO_IP, IP_ADD_SOURCE_MEMBERSHIP)` with an
    /// `ip_mreq_source`: joins the IPv4 multicast `group` for datagrams from
    /// `source` only (source-specific multicast, IGMPv3), on the interface
    /// whose address is `interface` (`0.0.0.0`: by routing). Call it again
    /// for each further source.
    ///
    /// Errors: `EINVAL` (not a multicast group), `EADDRNOTAVAIL` (that
    /// source is already joined), `ENODEV` (no such interface), `ENOBUFS`
    /// (too many sources: `net.ipv4.igmp_max_msf`).
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_ADD_SOURCE_MEMBERSHIP", "sc_join_source_multicast", "setsockopt"))]
    #[inline]
    pub fn join_source_multicast_v4(
        &self,
        group: Ipv4Addr,
        source: Ipv4Addr,
        interface: Ipv4Addr,
    ) -> Result<()> {
        self.set_option(IP_ADD_SOURCE_MEMBERSHIP, (group, source, interface))
    }

    /// `setsockopt(IPPROTO_IP, IP_DROP_SOURCE_MEMBERSHIP)`: stops receiving
    /// `group` from `source`; leaving the last source leaves the group.
    ///
    /// Errors: `EADDRNOTAVAIL` (not joined from that source), `EINVAL`,
    /// `ENODEV`.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_DROP_SOURCE_MEMBERSHIP", "sc_leave_source_multicast", "setsockopt"))]
    #[inline]
    pub fn leave_source_multicast_v4(
        &self,
        group: Ipv4Addr,
        source: Ipv4Addr,
        interface: Ipv4Addr,
    ) -> Result<()> {
        self.set_option(IP_DROP_SOURCE_MEMBERSHIP, (group, source, interface))
    }

    /// `setsockopt(IPPROTO_IP, IP_MULTICAST_ALL)`: whether a socket bound to
    /// a wildcard address receives the datagrams of every group any socket
    /// on the host joined for its port (on, the default), or only of the
    /// groups it joined itself (off).
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_MULTICAST_ALL", "sc_set_multicast_all_v4", "setsockopt"))]
    #[inline]
    pub fn set_multicast_all_v4(&self, on: bool) -> Result<()> {
        self.set_option(IP_MULTICAST_ALL, on)
    }

    /// `getsockopt(IPPROTO_IP, IP_MULTICAST_ALL)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_MULTICAST_ALL", "sc_get_multicast_all_v4", "getsockopt"))]
    #[inline]
    pub fn multicast_all_v4(&self) -> Result<bool> {
        self.option(IP_MULTICAST_ALL)
    }

    /// `setsockopt(IPPROTO_IP, IP_MULTICAST_LOOP)`: whether this host's own
    /// members of a group receive what this socket sends to it (on by
    /// default).
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_MULTICAST_LOOP", "sc_set_multicast_loop_v4", "setsockopt"))]
    #[inline]
    pub fn set_multicast_loop_v4(&self, on: bool) -> Result<()> {
        self.set_option(IP_MULTICAST_LOOP, on)
    }

    /// `getsockopt(IPPROTO_IP, IP_MULTICAST_LOOP)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_MULTICAST_LOOP", "sc_get_multicast_loop_v4", "getsockopt"))]
    #[inline]
    pub fn multicast_loop_v4(&self) -> Result<bool> {
        self.option(IP_MULTICAST_LOOP)
    }

    /// `setsockopt(IPPROTO_IP, IP_MULTICAST_TTL)`: the time-to-live of
    /// outgoing multicast packets (1 by default: this link only).
    ///
    /// Errors: `EINVAL` above 255.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_MULTICAST_TTL", "sc_set_multicast_ttl_v4", "setsockopt"))]
    #[inline]
    pub fn set_multicast_ttl_v4(&self, ttl: u32) -> Result<()> {
        self.set_option(IP_MULTICAST_TTL, ttl)
    }

    /// `getsockopt(IPPROTO_IP, IP_MULTICAST_TTL)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_MULTICAST_TTL", "sc_get_multicast_ttl_v4", "getsockopt"))]
    #[inline]
    pub fn multicast_ttl_v4(&self) -> Result<u32> {
        self.option(IP_MULTICAST_TTL)
    }

    /// `setsockopt(IPPROTO_IP, IP_MULTICAST_IF)` with an `ip_mreqn`: send
    /// multicast out of interface `ifindex` (0: by routing).
    ///
    /// The kernel's getter answers with an interface address, not an index,
    /// so there is no matching getter here; use
    /// [`option_raw`](Self::option_raw) for that address.
    ///
    /// Errors: `EADDRNOTAVAIL` for no such interface.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ip(7)`](https://man7.org/linux/man-pages/man7/ip.7.html)
    #[doc(alias("IP_MULTICAST_IF", "sc_set_multicast_if_v4", "setsockopt"))]
    #[inline]
    pub fn set_multicast_if_v4(&self, ifindex: u32) -> Result<()> {
        self.set_option(IP_MULTICAST_IF, ifindex)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP)` (`IPV6_JOIN_GROUP`):
    /// joins the IPv6 multicast `group` on interface `ifindex`.
    ///
    /// Errors: `EINVAL` (not a multicast address), `EADDRINUSE` (already a
    /// member), `ENODEV` (no such interface, or no route with `ifindex` 0).
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ipv6(7)`](https://man7.org/linux/man-pages/man7/ipv6.7.html)
    #[doc(alias("IPV6_ADD_MEMBERSHIP", "sc_join_multicast", "setsockopt"))]
    #[inline]
    pub fn join_multicast_v6(&self, group: Ipv6Addr, ifindex: u32) -> Result<()> {
        self.set_option(IPV6_ADD_MEMBERSHIP, (group, ifindex))
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP)` (`IPV6_LEAVE_GROUP`).
    ///
    /// Errors: `EADDRNOTAVAIL` (not a member), `ENODEV`.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ipv6(7)`](https://man7.org/linux/man-pages/man7/ipv6.7.html)
    #[doc(alias("IPV6_DROP_MEMBERSHIP", "sc_leave_multicast", "setsockopt"))]
    #[inline]
    pub fn leave_multicast_v6(&self, group: Ipv6Addr, ifindex: u32) -> Result<()> {
        self.set_option(IPV6_DROP_MEMBERSHIP, (group, ifindex))
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_MULTICAST_LOOP)`: as
    /// [`set_multicast_loop_v4`](Self::set_multicast_loop_v4), for IPv6.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ipv6(7)`](https://man7.org/linux/man-pages/man7/ipv6.7.html)
    #[doc(alias("IPV6_MULTICAST_LOOP", "sc_set_multicast_loop_v6", "setsockopt"))]
    #[inline]
    pub fn set_multicast_loop_v6(&self, on: bool) -> Result<()> {
        self.set_option(IPV6_MULTICAST_LOOP, on)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_MULTICAST_LOOP)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ipv6(7)`](https://man7.org/linux/man-pages/man7/ipv6.7.html)
    #[doc(alias("IPV6_MULTICAST_LOOP", "sc_get_multicast_loop_v6", "getsockopt"))]
    #[inline]
    pub fn multicast_loop_v6(&self) -> Result<bool> {
        self.option(IPV6_MULTICAST_LOOP)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_MULTICAST_HOPS)`: the hop limit of
    /// outgoing multicast packets (1 by default).
    ///
    /// Errors: `EINVAL` above 255.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ipv6(7)`](https://man7.org/linux/man-pages/man7/ipv6.7.html)
    #[doc(alias("IPV6_MULTICAST_HOPS", "sc_set_multicast_hops_v6", "setsockopt"))]
    #[inline]
    pub fn set_multicast_hops_v6(&self, hops: u32) -> Result<()> {
        self.set_option(IPV6_MULTICAST_HOPS, hops)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_MULTICAST_HOPS)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ipv6(7)`](https://man7.org/linux/man-pages/man7/ipv6.7.html)
    #[doc(alias("IPV6_MULTICAST_HOPS", "sc_get_multicast_hops_v6", "getsockopt"))]
    #[inline]
    pub fn multicast_hops_v6(&self) -> Result<u32> {
        self.option(IPV6_MULTICAST_HOPS)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_MULTICAST_IF)`: send multicast out of
    /// interface `ifindex` (0: by routing).
    ///
    /// Errors: `ENODEV` for no such interface, `EINVAL` when the socket is
    /// bound to another device.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ipv6(7)`](https://man7.org/linux/man-pages/man7/ipv6.7.html)
    #[doc(alias("IPV6_MULTICAST_IF", "sc_set_multicast_if_v6", "setsockopt"))]
    #[inline]
    pub fn set_multicast_if_v6(&self, ifindex: u32) -> Result<()> {
        self.set_option(IPV6_MULTICAST_IF, ifindex)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_MULTICAST_IF)`: the interface index
    /// set, 0 for none.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`ipv6(7)`](https://man7.org/linux/man-pages/man7/ipv6.7.html)
    #[doc(alias("IPV6_MULTICAST_IF", "sc_get_multicast_if_v6", "getsockopt"))]
    #[inline]
    pub fn multicast_if_v6(&self) -> Result<u32> {
        self.option(IPV6_MULTICAST_IF)
    }
}
