//! sockcore: a socket core for Linux with no standard library and no
//! allocator.
//!
//! Everything here runs over `libc` alone: the socket lifecycle (socket,
//! bind, listen, accept, connect, shutdown, close), addresses for IPv4, IPv6
//! and Unix sockets parsed and formatted in caller memory, and every way to
//! move bytes. It builds with `#![no_std]` and never allocates, so it fits
//! small embedded Linux systems as well as servers.
//!
//! # A map
//!
//! - **Sockets**: [`Socket`] owns a descriptor and closes it on drop;
//!   [`BorrowedSocket`] borrows one; both dereference to [`SocketFd`], where
//!   every operation is a method. [`SocketFd::try_clone`] makes a second
//!   descriptor, and [`SocketFd::set_cloexec`] hands one to a program
//!   started with `exec` on purpose.
//! - **Addresses**: [`SocketAddr`] holds IPv4, IPv6 or Unix (path, abstract,
//!   unnamed) by value; [`AddrKind`] says which.
//! - **Moving bytes**: [`SocketFd::read`]/[`SocketFd::write`], send/recv with
//!   [`MsgFlags`], datagrams, vectored calls over [`IoSlice`]/[`IoSliceMut`],
//!   and whole transfers that report a [`TransferError`].
//! - **Messages**: [`SocketFd::send_msg`]/[`SocketFd::recv_msg`] with
//!   control data built by [`CmsgBuilder`] and read through
//!   [`ReceivedControl`] (received descriptors are [`OwnedFd`]s, closed
//!   unless taken); [`SocketFd::send_fds`]/[`SocketFd::recv_fds`] for the
//!   common case; batches with [`MmsgHdr`]/[`MmsgHdrMut`] and
//!   [`SocketFd::send_mmsg`]/[`SocketFd::recv_mmsg`].
//! - **Typed control messages** for modern UDP: [`CmsgBuilder`]'s `push_*`
//!   methods (a source address, [`Tos`] and [`Ecn`], hop limit,
//!   `UDP_SEGMENT`, don't-fragment, a transmit timestamp request), the
//!   typed variants of [`ControlMessage`] and the finders of [`Cmsgs`]
//!   ([`PacketInfo`], [`Timestamp`], [`Timestamping`], [`ExtendedError`]
//!   from the error queue, the original destination, the drop count, the
//!   `UDP_GRO` segment size), a cut message never read
//!   ([`ControlMessage::Truncated`]); each kind's space from a
//!   `cmsg_space_for_*` function ([`cmsg_space_for_all_received`] for
//!   all).
//! - **UDP segmentation offload**: [`udp::UdpOffload`] sends a buffer as
//!   equal datagrams in one system call per 64 of them (GSO, Linux 4.18),
//!   falling back to `sendmmsg` where the kernel refuses, and receives
//!   coalesced runs with their segment size (GRO, Linux 5.0;
//!   [`SocketFd::set_udp_gro`]), one run or a [`udp::GroBatch`] at a time;
//!   [`udp::Segments`] walks a run's datagrams;
//!   [`SocketFd::send_segments`]/[`SocketFd::recv_segments`] need no state.
//! - **Zero-copy sends**: [`MsgFlags::ZEROCOPY`] on any send once
//!   [`SocketFd::set_zerocopy`] is on; [`SocketFd::recv_zerocopy_completions`]
//!   reads, as [`ZerocopyRange`]s, which sends the kernel is done with. A
//!   buffer may be changed or reused only after a range covering its send
//!   arrived.
//! - **Options**: a getter and a setter per option on [`SocketFd`]
//!   (`set_nodelay`, `set_linger`, `set_mark`, `set_congestion`,
//!   `join_multicast_v4`, `join_source_multicast_v4`, …; the switches that
//!   turn on received control messages, `set_recv_packet_info`,
//!   `set_recv_errors`, `set_recv_timestamps`, [`SocketFd::set_timestamping`]
//!   with [`TimestampingFlags`], …; path MTU with [`PmtuDiscover`] and
//!   [`SocketFd::mtu`]); the table of every option in [`options`], for
//!   [`SocketFd::set_option`] and [`SocketFd::option`]; and raw access with
//!   [`SocketFd::set_option_raw`]/[`SocketFd::option_raw`].
//! - **Readiness and time**: the [`poll`] module, and
//!   [`SocketFd::connect_within`], [`SocketFd::accept_within`],
//!   [`SocketFd::read_within`], [`SocketFd::write_within`]. Every time-out is an `Option<Duration>`:
//!   `None` waits for ever, `Some(Duration::ZERO)` does not wait (the
//!   whole convention is in [`poll`](poll#time-outs)).
//! - **Servers**: [`Epoll`] (add, modify, delete, and wait into the
//!   caller's [`EpollEvent`] array, with [`EpollFlags`] for the events and
//!   the edge-triggered, one-shot and exclusive modes);
//!   [`SocketFd::tcp_info`], a typed [`TcpInfo`] snapshot of a connection
//!   ([`TcpState`], [`TcpInfoOptions`], …); TCP Fast Open
//!   ([`SocketFd::set_fastopen`] on a listener,
//!   [`SocketFd::set_fastopen_connect`] or [`MsgFlags::FASTOPEN`] on a
//!   client); and [`SocketFd::send_file`]/[`SocketFd::send_file_all`], a
//!   file onto a socket with `sendfile(2)`.
//! - **Errors**: [`Errno`].
//!
//! Each call that wraps a system call ends its documentation with the man
//! pages it follows (`# References`), and the documentation's search finds
//! it by the three names a user may know: the C constant, the C ABI's
//! export and the system call. `SO_RCVBUF`, `sc_set_rcvbuf` and
//! `setsockopt` all lead to [`SocketFd::set_recv_buffer_size`].
//!
//! # No `std`, no allocator
//!
//! The crate is `#![no_std]` and does not use `alloc`: it needs only `libc`
//! and `bitflags`, so it links into programs with no allocator and into C
//! programs through the `sockcore-ffi` crate.
//!
//! - Memory is always the caller's. A [`SocketAddr`] is a
//!   `sockaddr_storage` and a length held by value; buffers are borrowed
//!   slices; an [`IoSlice`] is a `struct iovec`; a poll set is the caller's
//!   array of [`PollFd`].
//! - Errors are `Copy` numbers: [`Errno`] finds its name and message in a
//!   static table, so reporting an error allocates nothing either.
//! - There is no global state: no lazily built tables, no registry of
//!   descriptors, nothing to initialise.
//! - Library code avoids panic paths (no unchecked indexing, no arithmetic
//!   that can overflow), so that a release build of the C library can have
//!   none.
//!
//! # Policies
//!
//! - **Close-on-exec, always**: every descriptor this crate creates or
//!   accepts carries `FD_CLOEXEC` (`SOCK_CLOEXEC`, `accept4`,
//!   `F_DUPFD_CLOEXEC`, `EPOLL_CLOEXEC`), so a child started with `exec`
//!   never inherits a connection by accident; [`SocketFd::set_cloexec`]
//!   clears it where that is the point.
//! - **No `SIGPIPE`**: every send uses `MSG_NOSIGNAL` (which is why
//!   [`SocketFd::write`] is `send(2)` and the vectored write is `sendmsg(2)`:
//!   `write(2)` and `writev(2)` cannot take the flag). Writing to a peer that
//!   has gone returns `EPIPE` (or `ECONNRESET`) instead of killing the
//!   process. Rust programs start with `SIGPIPE` ignored; C programs do not,
//!   and they get the same guarantee. `sendfile(2)` takes no flags, so
//!   [`SocketFd::send_file`] and [`SocketFd::send_file_all`] block
//!   `SIGPIPE` in the calling thread for the call, take the one the kernel
//!   raised, and unblock it: the only calls here that touch the signal
//!   mask, and only the calling thread's, as it was before they return.
//! - **`EINTR`**: a call that makes one system call reports `EINTR` like
//!   libc does, so a signal handler can interrupt a blocking read and the
//!   caller decides what happens next. Only the calls that promise
//!   completion retry it: [`SocketFd::write_all`],
//!   [`SocketFd::write_all_vectored`], [`SocketFd::read_exact`],
//!   [`SocketFd::send_file_all`], [`poll::wait_ready`],
//!   [`SocketFd::connect_within`] and the wait inside [`Socket::dial`] (the
//!   last three against a fixed deadline, so signals cannot stretch a
//!   time-out). [`Epoll::wait`] and [`SocketFd::send_file`] make one call
//!   and report it; `epoll_wait` is never restarted, even under
//!   `SA_RESTART`.
//!   Through the `std` feature's `io::Read`/`io::Write`, `EINTR` arrives as
//!   `ErrorKind::Interrupted`, which std's own loops (`read_exact`,
//!   `write_all`, `io::copy`) retry.
//! - **One system call per call**: `write` is one `send`, `set_nonblocking`
//!   is one `ioctl`; no hidden `fcntl`, no extra `getsockopt`. (The
//!   `sendfile` calls add the two `rt_sigprocmask` of their `SIGPIPE`
//!   guard.) Reading a queue is one call per entry:
//!   [`SocketFd::recv_zerocopy_completions`] makes one `recvmsg` per
//!   completion, and one more that finds the queue empty (it never blocks,
//!   so it never reports `EINTR`).
//! - **Errors** are [`Errno`] values with a name and a message.
//!
//! # The server/client flow
//!
//! ```
//! use std::time::Duration;
//!
//! use sockcore::{Shutdown, SockFlags, Socket};
//!
//! // Server: socket + SO_REUSEADDR + bind + listen, on an ephemeral port.
//! let listener = Socket::listen_on("127.0.0.1:0", 16)?;
//! let addr = listener.local_addr()?;
//!
//! // Client: socket + connect, with a 1 s time-out; then write.
//! let client = Socket::dial_addr(&addr, Some(Duration::from_secs(1)))?;
//! client.write_all(b"ping")?;
//!
//! // Server: accept, read, echo.
//! let (conn, _peer) = listener.accept(SockFlags::empty())?;
//! let mut buf = [0u8; 4];
//! let n = conn.read_exact(&mut buf)?;
//! conn.write_all(&buf[..n])?;
//!
//! // Client: read the echo, and say it is done.
//! let mut echo = [0u8; 4];
//! client.read_exact(&mut echo)?;
//! assert_eq!(&echo, b"ping");
//! client.shutdown(Shutdown::Write)?;
//! # Ok::<(), sockcore::Errno>(())
//! ```
//!
//! # The `std` feature
//!
//! Off by default. It adds interop with the standard library and nothing
//! else: no new behaviour. The one conversion that allocates is a
//! [`TransferError`] into `std::io::Error`, which boxes it to keep its byte
//! count.
//!
//! - `std::io::Read` and `std::io::Write` for [`Socket`], `&Socket`,
//!   `&SocketFd` and [`BorrowedSocket`]: `read` is [`SocketFd::read`],
//!   `write` is [`SocketFd::write`] (`MSG_NOSIGNAL` included), the vectored
//!   forms take std's `IoSlice`s as they are (at most the first 1024 per
//!   call, as std's own sockets do), and `flush` does nothing.
//! - `From` both ways between [`Socket`] and `std::net::{TcpStream,
//!   TcpListener, UdpSocket}` and `std::os::unix::net::{UnixStream,
//!   UnixListener, UnixDatagram}`, and `OwnedFd`; `AsFd`, `AsRawFd`,
//!   `FromRawFd` and `IntoRawFd`; `BorrowedSocket` to and from `BorrowedFd`.
//! - `From` [`Errno`] and [`TransferError`] into `std::io::Error`, with the
//!   kind std gives the same errno (`ECONNREFUSED` is `ConnectionRefused`).
//! - The conversions of the names std shares, below.
//!
//! `core::error::Error` (which std calls `std::error::Error`) is
//! implemented for [`Errno`] and [`TransferError`] with or without the
//! feature.
//!
//! # Names shared with std
//!
//! Four names here are also std's: [`SocketAddr`], [`OwnedFd`],
//! [`IoSlice`]/[`IoSliceMut`] and [`Result`]. They are this crate's own
//! types, not aliases of std's: the crate has no `std` to alias, and each
//! does what std's cannot in a `#![no_std]` socket core (a `SocketAddr` of
//! any family, Unix included; an `OwnedFd` for a received descriptor
//! without `std::os::fd`). So the `std` feature converts rather than
//! re-exports, and a program that uses both names them by path
//! (`sockcore::SocketAddr`) or converts at the boundary, with no `use ..
//! as ..` needed:
//!
//! - [`SocketAddr`] and `std::net::SocketAddr` (which is
//!   `core::net::SocketAddr`): `From` one way, `TryFrom` back
//!   (`EAFNOSUPPORT` for a Unix address), with or without the feature;
//!   and `TryFrom` both ways with `std::os::unix::net::SocketAddr`.
//! - [`OwnedFd`] and `std::os::fd::OwnedFd`: `From` both ways; a
//!   [`Socket`] converts to and from std's too.
//! - [`IoSlice`] and `std::io::IoSlice`, [`IoSliceMut`] and
//!   `std::io::IoSliceMut`: the same layout (`struct iovec`), `From` both
//!   ways, and `IoSlice::from_std_slices`/`IoSliceMut::from_std_slices`
//!   for a whole list in place. Two differences: this crate's `advance`
//!   stops at the end where std's panics, and its own vectored calls
//!   refuse more than 1024 buffers instead of taking the first 1024.
//! - [`Result`] is `core::result::Result<T, Errno>`; `?` turns an
//!   [`Errno`] into a `std::io::Error`.
//!
//! With `std::io::Read` or `Write` in scope, method syntax on a `Socket`
//! finds the trait methods before the crate's own (as on `TcpStream`):
//! `socket.write_all(..)` is then std's, returning `io::Result`. Name the
//! crate's call, `SocketFd::write_all(&socket, ..)`, to get its
//! [`TransferError`] with the count of bytes sent.
//!
//! ```
//! # #[cfg(feature = "std")]
//! # fn main() -> std::io::Result<()> {
//! use std::io::{Read, Write};
//! use std::net::TcpStream;
//!
//! use sockcore::{SockFlags, Socket};
//!
//! let listener = Socket::listen_on("127.0.0.1:0", 16)?;
//! let addr = std::net::SocketAddr::try_from(listener.local_addr()?)?;
//!
//! // A std client talks to a sockcore server through std's traits.
//! let mut client = TcpStream::connect(addr)?;
//! let (mut conn, _peer) = listener.accept(SockFlags::empty())?;
//! client.write_all(b"hello")?;
//! let mut buf = [0u8; 5];
//! conn.read_exact(&mut buf)?;
//! assert_eq!(&buf, b"hello");
//!
//! // And the accepted socket can become a std one.
//! let mut conn = TcpStream::from(conn);
//! conn.write_all(b"bye")?;
//! client.read_exact(&mut buf[..3])?;
//! assert_eq!(&buf[..3], b"bye");
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "std"))]
//! # fn main() {}
//! ```
#![no_std]
#![deny(missing_docs)]
#![deny(missing_debug_implementations)]
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// sockcore makes Linux system calls and uses Linux flags and options
// (accept4, SOCK_CLOEXEC, sendmmsg, SO_PEERCRED, ...) through libc; other
// systems lack them or give them other meanings. Say so first, before the
// errors their absence would cause.
#[cfg(not(target_os = "linux"))]
compile_error!("sockcore is for Linux only: it wraps Linux system calls and socket options");

#[cfg(any(test, feature = "std"))]
extern crate std;

// Where things live. Each family is a folder, and the C ABI (the
// sockcore-ffi crate) has a folder of the same name for its exports:
//
//   socket/   Socket, SocketFd, BorrowedSocket; the lifecycle, moving bytes,
//             whole transfers, sendfile, time-outs, the server/client flow
//   addr/     SocketAddr: parts, text, C conversions; interface indexes
//   msg/      sendmsg/recvmsg and batches, control messages (cmsg/),
//             descriptor passing, credentials
//   options/  the option table (table.rs), the kinds of option values,
//             and a typed getter and setter per option, one file per level;
//             the TCP_INFO snapshot (tcp_info.rs)
//   poll/     readiness: poll(2), waiting against a deadline, epoll(7)
//   udp/      segmentation offload: datagram runs sent and received
//   errno/    Errno, and the name and message of every errno (table.rs)
//   sys/      the only code that calls libc
//
// The files beside this one are the vocabulary every family shares: file
// descriptors, flags, iovec buffers, conversions of time, byte-buffer
// reads, the kernel definitions libc lacks (uapi.rs), and the layout
// checks. Modules import a name from the module that defines it; this file
// only declares modules and re-exports the public API.
mod bytes;
mod fd;
mod fd_niche;
mod flags;
mod iovec;
mod layout;
mod time;
mod uapi;

mod addr;
mod errno;
mod msg;
pub mod options;
pub mod poll;
mod socket;
#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
mod std_interop;
mod sys;
pub mod udp;

pub use addr::interface::interface_index;
pub use addr::{AddrKind, SocketAddr, UNIX_PATH_MAX};
pub use errno::{Errno, Result};
pub use fd::{OwnedFd, RawFd};
pub use flags::{Domain, MsgFlags, PmtuDiscover, Shutdown, SockFlags, TimestampingFlags, Type};
pub use iovec::{IoSlice, IoSliceMut};
pub use msg::cmsg::buffer::CmsgBuffer;
pub use msg::cmsg::builder::CmsgBuilder;
pub use msg::cmsg::decode::{CmsgKind, ControlMessage};
pub use msg::cmsg::extended_error::{ErrorOrigin, ExtendedError};
pub use msg::cmsg::parse::{Cmsgs, Fds};
pub use msg::cmsg::received::{ReceivedControl, TakeFds};
pub use msg::cmsg::values::{Ecn, PacketInfo, Timestamp, Timestamping, Tos};
pub use msg::cmsg::{
    cmsg_len, cmsg_space, cmsg_space_for_all_received, cmsg_space_for_creds,
    cmsg_space_for_dontfrag, cmsg_space_for_drop_count, cmsg_space_for_extended_error_v4,
    cmsg_space_for_extended_error_v6, cmsg_space_for_fds, cmsg_space_for_gro_segment,
    cmsg_space_for_hop_limit, cmsg_space_for_original_destination_v4,
    cmsg_space_for_original_destination_v6, cmsg_space_for_packet_info_v4,
    cmsg_space_for_packet_info_v6, cmsg_space_for_timestamp, cmsg_space_for_timestamping,
    cmsg_space_for_tos, cmsg_space_for_tx_timestamp, cmsg_space_for_udp_segment, SCM_MAX_FD,
};
pub use msg::credentials::Credentials;
pub use msg::fd_passing::RecvFds;
pub use msg::mmsg::{MmsgHdr, MmsgHdrMut};
pub use msg::zerocopy::ZerocopyRange;
pub use msg::RecvMsg;
pub use options::socket::IFNAMSIZ;
pub use options::tcp::TCP_CA_NAME_MAX;
pub use options::tcp_info::{FastOpenClientFail, TcpCaState, TcpInfo, TcpInfoOptions, TcpState};
pub use poll::epoll::{Epoll, EpollEvent, EpollFlags};
pub use poll::{PollFd, PollFlags};
pub use socket::transfer::TransferError;
pub use socket::{BorrowedSocket, Socket, SocketFd};
pub use uapi::{SCM_TSTAMP_ACK, SCM_TSTAMP_SCHED, SCM_TSTAMP_SND};

// The crate's README (what crates.io shows) is tested like the docs: its
// example must compile and run.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
