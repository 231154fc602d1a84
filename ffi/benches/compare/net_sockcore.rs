//! The workloads' calls through sockcore's Rust API, and the loops std::net
//! has no counterpart for: batched UDP (`sendmmsg`/`recvmmsg`), segmentation
//! offload (GSO, GRO), the epoll echo server and `sendfile`.

use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, RawFd};
use std::time::Duration;

use sockcore::udp::UdpOffload;
use sockcore::{Domain, Epoll, EpollEvent, EpollFlags, Errno, IoSlice, IoSliceMut, MmsgHdr};
use sockcore::{MmsgHdrMut, MsgFlags, Shutdown, SockFlags, Socket, SocketAddr, SocketFd, Type};

use crate::net::{Datagram, Net, Stream};
use crate::pair::{run_pair, Timing};
use crate::rust_workloads::Chunk;
use crate::workload::{BATCH, CHUNK, CLIENTS, DATAGRAM_1200, EVENTS, GSO_SEGMENTS, MESSAGE};

/// sockcore's Rust API.
pub struct Sockcore;

/// An errno as the `io::Error` the workloads report.
#[cold]
fn os_error(errno: Errno) -> io::Error {
    io::Error::from_raw_os_error(errno.raw())
}

impl Stream for Socket {
    type Slice<'a> = IoSlice<'a>;

    #[inline]
    fn slice(buf: &[u8]) -> IoSlice<'_> {
        IoSlice::new(buf)
    }

    #[inline]
    fn write(&self, buf: &[u8]) -> io::Result<usize> {
        SocketFd::write(self, buf).map_err(os_error)
    }

    #[inline]
    fn write_vectored(&self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
        SocketFd::write_vectored(self, bufs).map_err(os_error)
    }

    #[inline]
    fn read(&self, buf: &mut [u8]) -> io::Result<usize> {
        SocketFd::read(self, buf).map_err(os_error)
    }

    #[inline]
    fn write_all(&self, buf: &[u8]) -> io::Result<()> {
        SocketFd::write_all(self, buf).map_err(|stopped| os_error(stopped.errno))
    }

    #[inline]
    fn read_exact(&self, buf: &mut [u8]) -> io::Result<()> {
        match SocketFd::read_exact(self, buf) {
            Ok(n) if n == buf.len() => Ok(()),
            Ok(_) => Err(io::ErrorKind::UnexpectedEof.into()),
            Err(stopped) => Err(os_error(stopped.errno)),
        }
    }

    #[inline]
    fn shutdown_write(&self) -> io::Result<()> {
        self.shutdown(Shutdown::Write).map_err(os_error)
    }

    fn set_timeouts(&self, timeout: Duration) -> io::Result<()> {
        self.set_read_timeout(Some(timeout)).map_err(os_error)?;
        self.set_write_timeout(Some(timeout)).map_err(os_error)
    }
}

impl Datagram for Socket {
    type Addr = SocketAddr;

    #[inline]
    fn send_to(&self, buf: &[u8], to: &SocketAddr) -> io::Result<usize> {
        SocketFd::send_to(self, buf, MsgFlags::empty(), to).map_err(os_error)
    }

    #[inline]
    fn recv_from(&self, buf: &mut [u8]) -> io::Result<usize> {
        let (len, _from) = SocketFd::recv_from(self, buf, MsgFlags::empty()).map_err(os_error)?;
        Ok(len)
    }

    fn set_timeouts(&self, timeout: Duration) -> io::Result<()> {
        <Socket as Stream>::set_timeouts(self, timeout)
    }

    fn raw_fd(&self) -> RawFd {
        SocketFd::as_raw_fd(self)
    }
}

/// 127.0.0.1, port chosen by the kernel.
fn loopback() -> SocketAddr {
    SocketAddr::v4([127, 0, 0, 1], 0)
}

impl Net for Sockcore {
    type Addr = SocketAddr;
    type Tcp = Socket;
    type Unix = Socket;
    type Listener = Socket;
    type Udp = Socket;

    fn tcp_listener(timeout: Duration) -> io::Result<(Socket, SocketAddr)> {
        let listener = Socket::listen_on_addr(&loopback(), 128).map_err(os_error)?;
        listener.set_read_timeout(Some(timeout)).map_err(os_error)?;
        let addr = listener.local_addr().map_err(os_error)?;
        Ok((listener, addr))
    }

    #[inline]
    fn connect(to: &SocketAddr) -> io::Result<Socket> {
        let socket =
            Socket::new(Domain::IPV4, Type::STREAM, SockFlags::empty()).map_err(os_error)?;
        socket.connect(to).map_err(os_error)?;
        Ok(socket)
    }

    #[inline]
    fn accept(listener: &Socket) -> io::Result<Socket> {
        listener.accept_only(SockFlags::empty()).map_err(os_error)
    }

    fn set_nodelay(stream: &Socket) -> io::Result<()> {
        stream.set_nodelay(true).map_err(os_error)
    }

    fn unix_pair() -> io::Result<(Socket, Socket)> {
        Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).map_err(os_error)
    }

    fn udp_bound() -> io::Result<(Socket, SocketAddr)> {
        let socket =
            Socket::new(Domain::IPV4, Type::DGRAM, SockFlags::empty()).map_err(os_error)?;
        socket.bind(&loopback()).map_err(os_error)?;
        let addr = socket.local_addr().map_err(os_error)?;
        Ok((socket, addr))
    }

    fn udp_unbound() -> io::Result<Socket> {
        Socket::new(Domain::IPV4, Type::DGRAM, SockFlags::empty()).map_err(os_error)
    }
}

/// Sends `count` datagrams of `size` bytes to `to`, [`BATCH`] per
/// `sendmmsg`.
pub fn send_batches(socket: &Socket, to: &SocketAddr, count: u64, size: usize) -> io::Result<()> {
    let message = [1u8; DATAGRAM_1200];
    let payload = [IoSlice::new(&message[..size])];
    let mut batch: [MmsgHdr<'_>; BATCH] =
        std::array::from_fn(|_| MmsgHdr::new(&payload).with_addr(to));
    for _ in 0..count / BATCH as u64 {
        let sent = socket
            .send_mmsg(&mut batch, MsgFlags::empty())
            .map_err(os_error)?;
        if sent != BATCH {
            return Err(io::Error::other(format!("sendmmsg sent {sent} of {BATCH}")));
        }
    }
    Ok(())
}

/// Receives up to `count` datagrams of `size` bytes, [`BATCH`] per
/// `recvmmsg`, each with its sender's address; stops early when the
/// socket's read time-out passes with nothing more (the rest was lost).
/// Returns how many arrived.
pub fn receive_batches(socket: &Socket, count: u64, size: usize) -> io::Result<u64> {
    let mut bufs = [[0u8; DATAGRAM_1200]; BATCH];
    let mut slices = bufs.each_mut().map(|buf| IoSliceMut::new(&mut buf[..size]));
    let mut senders = [SocketAddr::empty(); BATCH];
    let mut parts = slices.chunks_mut(1).zip(senders.iter_mut());
    let mut msgs: [MmsgHdrMut<'_>; BATCH] = std::array::from_fn(|_| {
        let (slice, sender) = parts.next().expect("one slice and one address per message");
        MmsgHdrMut::new(slice).with_addr(sender)
    });
    let mut received = 0;
    while received < count {
        let filled = match socket.recv_mmsg(&mut msgs, MsgFlags::empty(), None) {
            Ok(filled) => filled,
            Err(Errno::EAGAIN) => break,
            Err(errno) => return Err(os_error(errno)),
        };
        if let Some(short) = msgs[..filled].iter().find(|m| m.msg_len() != size) {
            return Err(io::Error::other(format!("datagram of {}", short.msg_len())));
        }
        received += filled as u64;
    }
    Ok(received)
}

/// Raises the soft `RLIMIT_NOFILE` to 4,096 (or the hard limit): 1,000
/// clients, their server ends, and a margin. Setup, as in `c/workloads.c`.
fn raise_nofile() {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit read and write one valid rlimit.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < 4096 {
            limit.rlim_cur = limit.rlim_max.min(4096);
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

/// The epoll echo of `c/workloads.c` on sockcore's Rust API: `CLIENTS`
/// TCP clients on 127.0.0.1, each round sending one message from every
/// client and reading every echo (this thread, timed); the server, on the
/// peer thread, a level-triggered [`Epoll`] over the non-blocking server
/// ends (each entry's data its index), one read per ready connection and
/// its echo. Returns the timing and the bytes echoed.
pub fn epoll_echo(count: u64, stall: Duration) -> io::Result<(Timing, u64)> {
    raise_nofile();
    let (listener, addr) = Sockcore::tcp_listener(stall)?;
    let epoll = Epoll::new().map_err(os_error)?;
    let mut clients = Vec::with_capacity(CLIENTS);
    let mut servers = Vec::with_capacity(CLIENTS);
    for index in 0..CLIENTS {
        let client = Sockcore::connect(&addr)?;
        let server = listener
            .accept_only(SockFlags::NONBLOCK)
            .map_err(os_error)?;
        Sockcore::set_nodelay(&client)?;
        Sockcore::set_nodelay(&server)?;
        Stream::set_timeouts(&client, stall)?;
        epoll
            .add(server.as_raw_fd(), EpollFlags::IN, index as u64)
            .map_err(os_error)?;
        clients.push(client);
        servers.push(server);
    }
    drop(listener);
    let expected = count * MESSAGE as u64;
    let serve = || -> io::Result<u64> {
        let mut events = [EpollEvent::default(); EVENTS];
        let mut buf = [0u8; 4096];
        let mut echoed = 0;
        while echoed < expected {
            let ready = match epoll.wait(&mut events, Some(stall)) {
                Ok(0) => return Err(io::ErrorKind::TimedOut.into()),
                Ok(ready) => ready,
                Err(Errno::EINTR) => continue,
                Err(errno) => return Err(os_error(errno)),
            };
            for event in &events[..ready] {
                let server = &servers[event.data() as usize];
                let read = match SocketFd::read(server, &mut buf) {
                    Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
                    Ok(read) => read,
                    Err(Errno::EAGAIN) => continue,
                    Err(errno) => return Err(os_error(errno)),
                };
                Stream::write_all(server, &buf[..read])?;
                echoed += read as u64;
            }
        }
        Ok(echoed)
    };
    let rounds = || -> io::Result<()> {
        let message = [1u8; MESSAGE];
        let mut reply = [0u8; MESSAGE];
        for _ in 0..count / CLIENTS as u64 {
            for client in &clients {
                let sent = Stream::write(client, &message)?;
                if sent != MESSAGE {
                    return Err(io::Error::other(format!("sent {sent} of {MESSAGE}")));
                }
            }
            for client in &clients {
                Stream::read_exact(client, &mut reply)?;
            }
        }
        Ok(())
    };
    let (timing, echoed, sent) = run_pair(serve, rounds);
    sent?;
    Ok((timing, echoed?))
}

/// The whole `bytes` of `file` from its start with one
/// [`SocketFd::send_file_all`] (no buffer of its own: the data never
/// comes to user space).
pub fn send_whole_file(
    socket: &Socket,
    file: &File,
    bytes: u64,
    _: &mut [u8; CHUNK],
) -> io::Result<()> {
    let count = usize::try_from(bytes).map_err(io::Error::other)?;
    let sent = socket
        .send_file_all(file.as_raw_fd(), &mut 0, count)
        .map_err(|stopped| os_error(stopped.errno))?;
    if sent != count {
        return Err(io::Error::other(format!("sent {sent} of {count}")));
    }
    Ok(())
}
/// Sends `count` datagrams of `size` bytes to `to`, [`GSO_SEGMENTS`] per
/// offloaded send, through an [`UdpOffload`] set up once.
pub fn send_offloaded(socket: &Socket, to: &SocketAddr, count: u64, size: usize) -> io::Result<()> {
    let outgoing = Chunk([1u8; CHUNK]);
    let run = &outgoing.0[..GSO_SEGMENTS * size];
    let mut offload = UdpOffload::new(socket).map_err(os_error)?;
    for _ in 0..count / GSO_SEGMENTS as u64 {
        let sent = offload
            .send(run, size, MsgFlags::empty(), Some(to))
            .map_err(os_error)?;
        if sent != run.len() {
            return Err(io::Error::other(format!("sent {sent} of {}", run.len())));
        }
    }
    Ok(())
}

/// Receives coalesced runs of datagrams of `size` bytes, one receive each
/// into 64 KiB, until `count` datagrams arrived or the read time-out passed
/// with nothing more (the rest was lost). Returns how many arrived.
pub fn receive_runs(socket: &Socket, count: u64, size: usize) -> io::Result<u64> {
    let mut incoming = Chunk([0u8; CHUNK]);
    let offload = UdpOffload::new(socket).map_err(os_error)?;
    let mut received = 0;
    while received < count {
        let run = match offload.recv(&mut incoming.0, MsgFlags::empty()) {
            Ok(run) => run,
            Err(Errno::EAGAIN) => break,
            Err(errno) => return Err(os_error(errno)),
        };
        if run.segment != size || run.len % size != 0 {
            return Err(io::Error::other(format!(
                "a run of {} bytes in segments of {}",
                run.len, run.segment
            )));
        }
        received += (run.len / size) as u64;
    }
    Ok(received)
}
