//! The calls the Rust workloads make, as traits that sockcore's Rust API
//! (`net_sockcore.rs`) and std::net (`net_std.rs`) implement: the Rust
//! counterpart of the C programs' `op_` headers. Every method is one call of
//! the library underneath and is `#[inline]`, so a workload monomorphised
//! over an implementation compiles to that library's calls.

use std::io;
use std::time::Duration;

/// A connected stream socket (TCP or Unix).
pub trait Stream: Send + Sync + Sized {
    /// The library's vectored-write buffer (`struct iovec` layout).
    type Slice<'a>;

    /// One buffer of a vectored write.
    fn slice(buf: &[u8]) -> Self::Slice<'_>;
    /// One send; may send less.
    fn write(&self, buf: &[u8]) -> io::Result<usize>;
    /// One vectored send; may send less.
    fn write_vectored(&self, bufs: &[Self::Slice<'_>]) -> io::Result<usize>;
    /// One read; 0 at end of stream.
    fn read(&self, buf: &mut [u8]) -> io::Result<usize>;
    /// Sends all of `buf`.
    fn write_all(&self, buf: &[u8]) -> io::Result<()>;
    /// Fills `buf`; an early end of stream is an error.
    fn read_exact(&self, buf: &mut [u8]) -> io::Result<()>;
    /// Ends the sending direction.
    fn shutdown_write(&self) -> io::Result<()>;
    /// `SO_RCVTIMEO` and `SO_SNDTIMEO`, so a stuck peer fails the run.
    fn set_timeouts(&self, timeout: Duration) -> io::Result<()>;
}

/// A UDP socket.
pub trait Datagram: Send + Sync + Sized {
    /// The library's address type.
    type Addr: Send + Sync;

    /// One datagram to `to`.
    fn send_to(&self, buf: &[u8], to: &Self::Addr) -> io::Result<usize>;
    /// One datagram, with its sender's address (which the workloads drop).
    fn recv_from(&self, buf: &mut [u8]) -> io::Result<usize>;
    /// `SO_RCVTIMEO` and `SO_SNDTIMEO`: bounds the wait for lost datagrams.
    fn set_timeouts(&self, timeout: Duration) -> io::Result<()>;
}

/// Making sockets: the setup, outside the measured loops.
pub trait Net {
    /// The library's address type.
    type Addr: Send + Sync;
    /// A TCP connection.
    type Tcp: Stream;
    /// A Unix stream connection.
    type Unix: Stream;
    /// A TCP listener.
    type Listener: Send + Sync;
    /// A UDP socket.
    type Udp: Datagram<Addr = Self::Addr>;

    /// A listener on 127.0.0.1 (port chosen by the kernel), with
    /// `SO_RCVTIMEO` set to `timeout`, and its address.
    fn tcp_listener(timeout: Duration) -> io::Result<(Self::Listener, Self::Addr)>;
    /// A new TCP socket connected to `to`: `socket` + `connect`.
    fn connect(to: &Self::Addr) -> io::Result<Self::Tcp>;
    /// The next connection on `listener`.
    fn accept(listener: &Self::Listener) -> io::Result<Self::Tcp>;
    /// `TCP_NODELAY`.
    fn set_nodelay(stream: &Self::Tcp) -> io::Result<()>;
    /// A connected Unix stream pair.
    fn unix_pair() -> io::Result<(Self::Unix, Self::Unix)>;
    /// A UDP socket on 127.0.0.1, and its address.
    fn udp_bound() -> io::Result<(Self::Udp, Self::Addr)>;
    /// An unbound UDP socket, to send from.
    fn udp_unbound() -> io::Result<Self::Udp>;
}
