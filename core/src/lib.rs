//! sockcore: a socket core for Linux with no standard library and no
//! allocator.
//!
//! Everything here runs over `libc` alone: the socket lifecycle (socket,
//! bind, listen, accept, connect, shutdown, close), addresses for IPv4, IPv6
//! and Unix sockets parsed and formatted in caller memory, and every way to
//! move bytes. It builds with `#![no_std]` and never allocates, so it fits
//! small embedded Linux systems as well as servers.
//!
//! # Policies
//!
//! - **Close-on-exec, always**: every descriptor this crate creates or
//!   accepts carries `FD_CLOEXEC` (`SOCK_CLOEXEC`, `accept4`).
//! - **No `SIGPIPE`**: every send uses `MSG_NOSIGNAL`, so writing to a peer
//!   that has gone returns `EPIPE` (or `ECONNRESET`) instead of killing the
//!   process. Rust programs ignore `SIGPIPE` anyway; C programs do not.
//! - **EINTR**: single calls report `EINTR` like libc; the loops that promise
//!   completion ([`SocketFd::write_all`], [`SocketFd::read_exact`],
//!   [`Socket::dial`]'s wait) retry it.
//! - **One syscall per call**: `write` is one `send`, `set_nonblocking` is one
//!   `ioctl`; no hidden `fcntl`.
//! - **Errors** are [`Errno`] values with a name and a message.
//!
//! # The server/client flow
//!
//! ```
//! use sockcore::{Shutdown, SockFlags, Socket};
//!
//! // Server: socket + SO_REUSEADDR + bind + listen, on an ephemeral port.
//! let listener = Socket::listen_on("127.0.0.1:0", 16)?;
//! let addr = listener.local_addr()?;
//!
//! // Client: socket + connect, with a 1 s time-out; then write.
//! let client = Socket::dial_addr(&addr, 1000)?;
//! client.write_all(b"ping").map_err(|e| e.errno)?;
//!
//! // Server: accept, read, echo.
//! let (conn, _peer) = listener.accept(SockFlags::empty())?;
//! let mut buf = [0u8; 4];
//! let n = conn.read_exact(&mut buf).map_err(|e| e.errno)?;
//! conn.write_all(&buf[..n]).map_err(|e| e.errno)?;
//!
//! // Client: read the echo, and say it is done.
//! let mut echo = [0u8; 4];
//! client.read_exact(&mut echo).map_err(|e| e.errno)?;
//! assert_eq!(&echo, b"ping");
//! client.shutdown(Shutdown::Write)?;
//! # Ok::<(), sockcore::Errno>(())
//! ```
#![no_std]
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]

#[cfg(any(test, feature = "std"))]
extern crate std;

mod addr;
mod errno;
mod errno_table;
mod flags;
mod flow;
mod io;
mod iovec;
mod lifecycle;
mod options;
pub mod poll;
mod socket;
mod sys;
mod transfer;

pub use addr::{AddrKind, SocketAddr, UNIX_PATH_MAX};
pub use errno::{Errno, Result};
pub use flags::{Domain, MsgFlags, Shutdown, SockFlags, Type};
pub use iovec::{IoSlice, IoSliceMut};
pub use poll::{PollFd, PollFlags};
pub use socket::{BorrowedSocket, Socket, SocketFd};
pub use transfer::TransferError;

/// A raw file descriptor, as C's `int`.
pub type RawFd = core::ffi::c_int;
