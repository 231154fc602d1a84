//! Path MTU options on [`SocketFd`]: the discovery mode, don't-fragment,
//! and the MTU known for a connected socket's path. ICMP messages that
//! report a smaller MTU reach the error queue (with
//! [`set_recv_errors`](SocketFd::set_recv_errors)) as an `EMSGSIZE`
//! [`ExtendedError`](crate::ExtendedError) whose
//! [`mtu`](crate::ExtendedError::mtu) is the new MTU.

use super::table::{IPV6_DONTFRAG, IPV6_MTU, IPV6_MTU_DISCOVER, IP_MTU, IP_MTU_DISCOVER};
use crate::errno::Result;
use crate::flags::PmtuDiscover;
use crate::socket::SocketFd;

impl SocketFd {
    /// `setsockopt(IPPROTO_IP, IP_MTU_DISCOVER)`: how IPv4 datagrams meet
    /// the path MTU (the default is [`PmtuDiscover::WANT`]). Errors:
    /// `EINVAL` for a mode the kernel does not know.
    #[inline]
    pub fn set_mtu_discover(&self, mode: PmtuDiscover) -> Result<()> {
        self.set_option(IP_MTU_DISCOVER, mode)
    }

    /// `getsockopt(IPPROTO_IP, IP_MTU_DISCOVER)`.
    #[inline]
    pub fn mtu_discover(&self) -> Result<PmtuDiscover> {
        self.option(IP_MTU_DISCOVER)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_MTU_DISCOVER)`: as
    /// [`set_mtu_discover`](Self::set_mtu_discover), for IPv6 (where
    /// routers never fragment: only the sender may).
    #[inline]
    pub fn set_mtu_discover_v6(&self, mode: PmtuDiscover) -> Result<()> {
        self.set_option(IPV6_MTU_DISCOVER, mode)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_MTU_DISCOVER)`.
    #[inline]
    pub fn mtu_discover_v6(&self) -> Result<PmtuDiscover> {
        self.option(IPV6_MTU_DISCOVER)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_DONTFRAG)`: with `on`, the socket
    /// never fragments what it sends: a datagram larger than the path MTU
    /// fails with `EMSGSIZE` (off by default: IPv6 senders fragment).
    /// [`CmsgBuilder::push_dontfrag`](crate::CmsgBuilder::push_dontfrag)
    /// says the same for one datagram.
    #[inline]
    pub fn set_dontfrag_v6(&self, on: bool) -> Result<()> {
        self.set_option(IPV6_DONTFRAG, on)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_DONTFRAG)`.
    #[inline]
    pub fn dontfrag_v6(&self) -> Result<bool> {
        self.option(IPV6_DONTFRAG)
    }

    /// `getsockopt(IPPROTO_IP, IP_MTU)`: the MTU known for the path of a
    /// connected IPv4 socket (65,535 over loopback). Read only. Errors:
    /// `ENOTCONN` on an unconnected socket.
    #[inline]
    pub fn mtu(&self) -> Result<u32> {
        self.option(IP_MTU)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_MTU)`: the MTU known for the path of
    /// a connected IPv6 socket (65,536 over loopback). Errors: `ENOTCONN`
    /// on an unconnected socket.
    #[inline]
    pub fn mtu_v6(&self) -> Result<u32> {
        self.option(IPV6_MTU)
    }
}
