//! UDP segmentation offload: sending a buffer as many equal datagrams in
//! one system call (GSO, `UDP_SEGMENT`, Linux 4.18) and receiving runs of
//! datagrams coalesced by the kernel (GRO, `UDP_GRO`, Linux 5.0), at a
//! fraction of the calls a datagram at a time takes.
//!
//! - [`UdpOffload`]: one UDP socket's offload state, kept by the caller.
//!   [`send`](UdpOffload::send) splits a buffer into datagrams of one
//!   segment size (the last may be shorter), one `sendmsg` per 64 of them
//!   at most ([`segments_per_send`]), and where the kernel refuses offload
//!   sends the same datagrams with `sendmmsg`, remembering it
//!   ([`GsoStatus`]). [`recv`](UdpOffload::recv) returns a coalesced run
//!   and its segment size ([`RecvSegments`]), and
//!   [`recv_batch`](UdpOffload::recv_batch) several at once ([`GroBatch`]).
//! - [`Segments`] walks the datagrams of a run.
//! - [`SocketFd::send_segments`] and
//!   [`SocketFd::recv_segments`] do the same without state, checking the
//!   socket on every call.
//! - The options: [`SocketFd::set_udp_gro`] turns coalescing on;
//!   [`SocketFd::set_udp_segment`] makes every plain send on the socket
//!   segmented.
//! - [`received_segment`] reads the segment size of a message received
//!   with [`recv_msg`] or a raw batch.
//!
//! What the kernel does, and so what these calls guarantee:
//!
//! - An offloaded send carries at most 64 segments and 65,507 bytes
//!   ([`UDP_MAX_SEGMENTS`], [`UDP_MAX_PAYLOAD`]): 54 datagrams of 1,200
//!   bytes. Longer buffers take several system calls in one library call.
//! - Each segment plus its headers must fit the path MTU: a larger one is
//!   `EMSGSIZE`, which is returned (sending datagrams instead would
//!   fragment them).
//! - A receive buffer under 64 KiB ([`UDP_GRO_BUFFER`]) cuts runs: the
//!   receive calls report that as `EMSGSIZE`, never as a shorter run.
//! - Turn `UDP_GRO` off only when nothing is queued: runs queued while it
//!   was on are then read as single datagrams, with no segment size and no
//!   sign of it.
//!
//! ```
//! use sockcore::udp::{GsoStatus, UdpOffload, UDP_GRO_BUFFER};
//! use sockcore::{Domain, MsgFlags, SockFlags, Socket, SocketAddr, Type};
//!
//! let receiver = Socket::new(Domain::IPV4, Type::DGRAM, SockFlags::empty())?;
//! receiver.bind(&SocketAddr::parse("127.0.0.1:0")?)?;
//! receiver.set_udp_gro(true)?;
//! let to = receiver.local_addr()?;
//!
//! // 10 datagrams of 1,200 bytes and one of 1, in one system call.
//! let sender = Socket::new(Domain::IPV4, Type::DGRAM, SockFlags::empty())?;
//! let mut offload = UdpOffload::new(&sender)?;
//! let payload = [7u8; 12_001];
//! assert_eq!(offload.send(&payload, 1200, MsgFlags::empty(), Some(&to))?, 12_001);
//! assert_eq!(offload.gso(), GsoStatus::Offloaded);
//!
//! // The receiver gets them as one run.
//! let mut buf = vec![0u8; UDP_GRO_BUFFER];
//! let run = UdpOffload::new(&receiver)?.recv(&mut buf, MsgFlags::empty())?;
//! assert_eq!((run.len, run.segment), (12_001, 1200));
//! let lens: Vec<usize> = run.segments().map(<[u8]>::len).collect();
//! assert_eq!(lens.len(), 11);
//! assert_eq!(lens.last(), Some(&1));
//! # Ok::<(), sockcore::Errno>(())
//! ```
//!
//! [`SocketFd::send_segments`]: crate::SocketFd::send_segments
//! [`SocketFd::recv_segments`]: crate::SocketFd::recv_segments
//! [`SocketFd::set_udp_gro`]: crate::SocketFd::set_udp_gro
//! [`SocketFd::set_udp_segment`]: crate::SocketFd::set_udp_segment
//! [`recv_msg`]: crate::SocketFd::recv_msg

mod batch;
mod control;
mod limits;
mod offload;
mod recv;
mod segments;
mod send;

pub use batch::GroBatch;
pub use limits::{segments_per_send, UDP_GRO_BUFFER, UDP_MAX_PAYLOAD, UDP_MAX_SEGMENTS};
pub use offload::{GsoStatus, UdpOffload};
pub use recv::{received_segment, RecvSegments, RunSize};
pub use segments::Segments;
pub use send::UDP_OFFLOAD_CONTROL_MAX;
