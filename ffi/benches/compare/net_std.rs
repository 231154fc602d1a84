//! The workloads' calls through Rust's std::net (and std::os::unix::net).
//! std has no listener read time-out and no `sendmmsg`: the first is set
//! with `setsockopt` in the setup, the second leaves std out of the batched
//! UDP row.

use std::io::{self, IoSlice, Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::time::Duration;

use crate::net::{Datagram, Net, Stream};

/// Rust's standard library.
pub struct Std;

/// The `Stream` methods of a std stream type, which all go through the
/// `Read`/`Write` impls std gives `&TcpStream` and `&UnixStream`.
macro_rules! std_stream {
    ($type:ty) => {
        impl Stream for $type {
            type Slice<'a> = IoSlice<'a>;

            #[inline]
            fn slice(buf: &[u8]) -> IoSlice<'_> {
                IoSlice::new(buf)
            }

            #[inline]
            fn write(&self, buf: &[u8]) -> io::Result<usize> {
                Write::write(&mut &*self, buf)
            }

            #[inline]
            fn write_vectored(&self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
                Write::write_vectored(&mut &*self, bufs)
            }

            #[inline]
            fn read(&self, buf: &mut [u8]) -> io::Result<usize> {
                Read::read(&mut &*self, buf)
            }

            #[inline]
            fn write_all(&self, buf: &[u8]) -> io::Result<()> {
                Write::write_all(&mut &*self, buf)
            }

            #[inline]
            fn read_exact(&self, buf: &mut [u8]) -> io::Result<()> {
                Read::read_exact(&mut &*self, buf)
            }

            #[inline]
            fn shutdown_write(&self) -> io::Result<()> {
                self.shutdown(Shutdown::Write)
            }

            fn set_timeouts(&self, timeout: Duration) -> io::Result<()> {
                self.set_read_timeout(Some(timeout))?;
                self.set_write_timeout(Some(timeout))
            }
        }
    };
}

std_stream!(TcpStream);
std_stream!(UnixStream);

impl Datagram for UdpSocket {
    type Addr = SocketAddr;

    #[inline]
    fn send_to(&self, buf: &[u8], to: &SocketAddr) -> io::Result<usize> {
        UdpSocket::send_to(self, buf, to)
    }

    #[inline]
    fn recv_from(&self, buf: &mut [u8]) -> io::Result<usize> {
        let (len, _from) = UdpSocket::recv_from(self, buf)?;
        Ok(len)
    }

    fn set_timeouts(&self, timeout: Duration) -> io::Result<()> {
        self.set_read_timeout(Some(timeout))?;
        self.set_write_timeout(Some(timeout))
    }

    fn raw_fd(&self) -> RawFd {
        self.as_raw_fd()
    }
}

/// `SO_RCVTIMEO` on a listener, which std cannot set: accept then fails
/// after `timeout` instead of waiting for ever.
fn set_accept_timeout(listener: &TcpListener, timeout: Duration) -> io::Result<()> {
    let tv = libc::timeval {
        tv_sec: timeout.as_secs() as libc::time_t,
        tv_usec: timeout.subsec_micros() as libc::suseconds_t,
    };
    // SAFETY: tv is a live timeval, and its size is the length given.
    let ret = unsafe {
        libc::setsockopt(
            listener.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_RCVTIMEO,
            (&tv as *const libc::timeval).cast(),
            size_of::<libc::timeval>() as libc::socklen_t,
        )
    };
    if ret < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

impl Net for Std {
    type Addr = SocketAddr;
    type Tcp = TcpStream;
    type Unix = UnixStream;
    type Listener = TcpListener;
    type Udp = UdpSocket;

    fn tcp_listener(timeout: Duration) -> io::Result<(TcpListener, SocketAddr)> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        set_accept_timeout(&listener, timeout)?;
        let addr = listener.local_addr()?;
        Ok((listener, addr))
    }

    #[inline]
    fn connect(to: &SocketAddr) -> io::Result<TcpStream> {
        TcpStream::connect(to)
    }

    #[inline]
    fn accept(listener: &TcpListener) -> io::Result<TcpStream> {
        let (stream, _peer) = listener.accept()?;
        Ok(stream)
    }

    fn set_nodelay(stream: &TcpStream) -> io::Result<()> {
        stream.set_nodelay(true)
    }

    fn unix_pair() -> io::Result<(UnixStream, UnixStream)> {
        UnixStream::pair()
    }

    fn udp_bound() -> io::Result<(UdpSocket, SocketAddr)> {
        let socket = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0))?;
        let addr = socket.local_addr()?;
        Ok((socket, addr))
    }

    fn udp_unbound() -> io::Result<UdpSocket> {
        // std has no unbound UDP socket; port 0 is what sendto would bind.
        UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))
    }
}
