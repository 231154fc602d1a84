//! [`UdpOffload`]: one UDP socket's offload state, kept by the caller.

use crate::errno::{Errno, Result};
use crate::options::SO_PROTOCOL;
use crate::socket::SocketFd;

/// Whether an [`UdpOffload`] sends through segmentation offload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GsoStatus {
    /// Nothing has been sent yet.
    Untried,
    /// The kernel took the last send with `UDP_SEGMENT`: it segments.
    Offloaded,
    /// Sends go as `sendmmsg` batches of the same datagrams: the kernel
    /// refused `UDP_SEGMENT` (`EIO` from a device that cannot segment or
    /// checksum, `EINVAL` from a socket with UDP checksums off, such as one
    /// with `SO_NO_CHECK`), or the value was made
    /// [`without_gso`](UdpOffload::without_gso). A refusal is kept for the
    /// value's life; a new value tries again.
    Refused,
}

/// Sends and receives datagram runs on one UDP socket, keeping its
/// offload state (there is no global state: the caller holds this).
///
/// [`new`](Self::new) checks once that the socket is UDP, so the calls
/// after it need no check; [`send`](Self::send) splits a buffer into equal
/// datagrams, offloaded ([`GsoStatus::Offloaded`]) or, where the kernel
/// refuses, as `sendmmsg` batches with the same datagrams on the wire
/// ([`GsoStatus::Refused`]); [`recv`](Self::recv) returns a coalesced run
/// with its segment size.
///
/// To keep the state beside the socket in a struct of your own, store
/// [`gso`](Self::gso) and make the value again with
/// [`from_state`](Self::from_state) for each call.
#[derive(Debug)]
pub struct UdpOffload<'s> {
    pub(super) socket: &'s SocketFd,
    pub(super) gso: GsoStatus,
}

impl<'s> UdpOffload<'s> {
    /// The offload state of `socket`, after checking that it is a UDP
    /// socket (one `getsockopt(SOL_SOCKET, SO_PROTOCOL)`).
    ///
    /// Errors: `ENOPROTOOPT` for a socket that is not UDP (TCP, Unix,
    /// UDP-Lite, raw): a TCP socket would take `UDP_SEGMENT` and stream the
    /// bytes as they come. `EBADF` and `ENOTSOCK` as the kernel says.
    #[inline]
    pub fn new(socket: &'s SocketFd) -> Result<UdpOffload<'s>> {
        check_udp(socket)?;
        Ok(UdpOffload {
            socket,
            gso: GsoStatus::Untried,
        })
    }

    /// As [`new`](Self::new), but never offloading: every send goes as
    /// `sendmmsg` batches ([`GsoStatus::Refused`] from the start). The
    /// datagrams are the same.
    #[inline]
    pub fn without_gso(socket: &'s SocketFd) -> Result<UdpOffload<'s>> {
        check_udp(socket)?;
        Ok(UdpOffload {
            socket,
            gso: GsoStatus::Refused,
        })
    }

    /// The value for a socket an earlier [`new`](Self::new) already
    /// checked, with the state [`gso`](Self::gso) returned then: no system
    /// call. Made for a socket that is not UDP, its sends go out as that
    /// socket sends bytes.
    #[inline]
    pub fn from_state(socket: &'s SocketFd, gso: GsoStatus) -> UdpOffload<'s> {
        UdpOffload { socket, gso }
    }

    /// Whether offload is in use.
    #[inline]
    pub fn gso(&self) -> GsoStatus {
        self.gso
    }

    /// The socket.
    #[inline]
    pub fn socket(&self) -> &'s SocketFd {
        self.socket
    }
}

/// `ENOPROTOOPT` unless `socket` is a UDP socket. Out of line: the four
/// calls that check share it, and none is on a hot path.
#[inline(never)]
pub(super) fn check_udp(socket: &SocketFd) -> Result<()> {
    if socket.option(SO_PROTOCOL)? == libc::IPPROTO_UDP {
        Ok(())
    } else {
        Err(Errno::ENOPROTOOPT)
    }
}
