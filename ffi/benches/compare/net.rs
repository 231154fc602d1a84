//! The calls the Rust workloads make, as traits that sockcore's Rust API
//! (`net_sockcore.rs`) and std::net (`net_std.rs`) implement: the Rust
//! counterpart of the C programs' `op_` headers. Every method is one call of
//! the library underneath and is `#[inline]`, so a workload monomorphised
//! over an implementation compiles to that library's calls.

use std::io;
use std::os::fd::RawFd;
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
    /// The descriptor, for [`set_receive_buffer`].
    fn raw_fd(&self) -> RawFd;
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

/// A receive buffer of at least `bytes` (up to the kernel's `INT_MAX` cap),
/// so that a UDP receiver can queue a whole run: `SO_RCVBUFFORCE`, which
/// root may set past `net.core.rmem_max`; without `CAP_NET_ADMIN`,
/// `SO_RCVBUF`, which the kernel caps at rmem_max (the report's `lost` then
/// shows the cost). std has no call for either (sockcore's generic
/// `set_int_option` would do), so every implementation sets it the same raw
/// way, as `set_receive_buffer` in `c/harness.c` does: setup, not measured.
pub fn set_receive_buffer(fd: RawFd, bytes: u64) -> io::Result<()> {
    // The kernel doubles what it is given (socket(7): room for bookkeeping)
    // and holds the queued datagrams' truesize to the doubled size, which
    // SO_RCVBUF reads back; it takes at most INT_MAX / 2.
    let half = bytes.div_ceil(2).min(libc::c_int::MAX as u64 / 2) as libc::c_int;
    let set = |option: libc::c_int| {
        // SAFETY: half is a live c_int, and its size is the length given.
        let ret = unsafe {
            libc::setsockopt(
                fd,
                libc::SOL_SOCKET,
                option,
                (&half as *const libc::c_int).cast(),
                size_of::<libc::c_int>() as libc::socklen_t,
            )
        };
        if ret < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(())
        }
    };
    set(libc::SO_RCVBUFFORCE).or_else(|_| set(libc::SO_RCVBUF))
}
