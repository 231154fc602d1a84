//! `SOL_UDP` options on [`SocketFd`]: segmentation offload for every send,
//! and coalesced receives. (The calls that send and receive runs are in
//! [`udp`](crate::udp).)

use super::table::{UDP_GRO, UDP_SEGMENT};
use crate::errno::Result;
use crate::socket::SocketFd;

impl SocketFd {
    /// `setsockopt(SOL_UDP, UDP_SEGMENT)`: every later send on the socket
    /// that carries no `UDP_SEGMENT` control message, `send_to` included,
    /// is cut into datagrams of `segment` bytes (0: none, the default). Each
    /// send is then bound by the limits of
    /// [`UdpOffload::send`](crate::udp::UdpOffload::send) (64 segments,
    /// 65,507 bytes) without being split for them: prefer that call, which
    /// leaves the option alone.
    ///
    /// Errors: `ENOPROTOOPT` (a TCP socket), `EOPNOTSUPP` (not an IP
    /// socket). Linux 4.18.
    #[inline]
    pub fn set_udp_segment(&self, segment: u16) -> Result<()> {
        self.set_option(UDP_SEGMENT, u32::from(segment))
    }

    /// `getsockopt(SOL_UDP, UDP_SEGMENT)`: the segment size in effect (0:
    /// none).
    #[inline]
    pub fn udp_segment(&self) -> Result<u16> {
        // The kernel keeps it within 0..=65535.
        self.option(UDP_SEGMENT)
            .map(|segment| u16::try_from(segment).unwrap_or(u16::MAX))
    }

    /// `setsockopt(SOL_UDP, UDP_GRO)`: with `on`, the kernel delivers runs
    /// of datagrams from one sender coalesced, each with its segment size:
    /// receive them with [`UdpOffload::recv`](crate::udp::UdpOffload::recv)
    /// into [`UDP_GRO_BUFFER`](crate::udp::UDP_GRO_BUFFER) bytes.
    ///
    /// Turn it off only when nothing is queued: runs queued while it was on
    /// are then read as one datagram each, with no segment size and no sign
    /// of it.
    ///
    /// Errors: `ENOPROTOOPT` (a TCP socket), `EOPNOTSUPP` (not an IP
    /// socket). Linux 5.0.
    #[inline]
    pub fn set_udp_gro(&self, on: bool) -> Result<()> {
        self.set_option(UDP_GRO, on)
    }

    /// `getsockopt(SOL_UDP, UDP_GRO)`. Errors: `ENOPROTOOPT` on kernels
    /// before 5.12, which can only set it.
    #[inline]
    pub fn udp_gro(&self) -> Result<bool> {
        self.option(UDP_GRO)
    }
}
