//! The workloads in Rust, written once over the traits of `net.rs` and
//! monomorphised for sockcore and for std::net, as `c/workloads.c` is
//! compiled once per C implementation. Same loops, same setup, same report.

use std::fs::File;
use std::io::{self, Read};
use std::time::Duration;

use sockcore::Socket;

use crate::net::{self, Datagram, Net, Stream};
use crate::net_sockcore::{self, Sockcore};
use crate::pair::{run_pair, timed, Timing};
use crate::report::Report;
use crate::workload::{Workload, CHUNK, DATAGRAM_1200, MESSAGE, SLICES};

/// How long a blocked call may wait before the run fails.
const STALL: Duration = Duration::from_secs(5);
/// How long a UDP receiver waits for a datagram before it counts the rest
/// of the run as lost: a safety net, since its receive buffer holds a whole
/// run.
const DRAIN: Duration = Duration::from_millis(200);

/// Runs `workload` `count` times over `N`.
pub fn run<N: Net>(workload: Workload, count: u64) -> io::Result<Report> {
    match workload {
        Workload::PingpongTcp => {
            let (client, server) = tcp_pair::<N>()?;
            pingpong(&client, &server, count)
        }
        Workload::PingpongUnix => {
            let (a, b) = N::unix_pair()?;
            a.set_timeouts(STALL)?;
            b.set_timeouts(STALL)?;
            pingpong(&a, &b, count)
        }
        Workload::BulkWrite => bulk::<N>(count, false),
        Workload::BulkWritev => bulk::<N>(count, true),
        Workload::Churn => churn::<N>(count),
        Workload::UdpSendto | Workload::Udp1200Sendto => {
            udp::<N>(workload, count, |_| Ok(()), send_each, receive_each)
        }
        Workload::FileReadWrite => file_transfer::<N>(count, read_and_send::<N::Tcp>),
        _ => Err(io::Error::other(
            "no sendmmsg/recvmmsg, offload, epoll or sendfile here",
        )),
    }
}

/// The workloads only sockcore's Rust API has: batches of `sendmmsg` and
/// `recvmmsg`, segmentation offload, the epoll echo and `sendfile`.
pub fn run_sockcore_only(workload: Workload, count: u64) -> io::Result<Report> {
    let no_setup = |_: &Socket| Ok(());
    match workload {
        Workload::UdpMmsg | Workload::Udp1200Mmsg => udp::<Sockcore>(
            workload,
            count,
            no_setup,
            net_sockcore::send_batches,
            net_sockcore::receive_batches,
        ),
        Workload::Udp1200Gso => udp::<Sockcore>(
            workload,
            count,
            no_setup,
            net_sockcore::send_offloaded,
            net_sockcore::receive_batches,
        ),
        Workload::Udp1200GsoGro => udp::<Sockcore>(
            workload,
            count,
            |receiver| {
                receiver
                    .set_udp_gro(true)
                    .map_err(|e| io::Error::from_raw_os_error(e.raw()))
            },
            net_sockcore::send_offloaded,
            net_sockcore::receive_runs,
        ),
        Workload::EpollEcho => {
            let (timing, echoed) = net_sockcore::epoll_echo(count, STALL)?;
            Ok(report(&timing, count, 2 * echoed, 0))
        }
        Workload::FileSendfile => file_transfer::<Sockcore>(count, net_sockcore::send_whole_file),
        _ => run::<Sockcore>(workload, count),
    }
}

/// A connected TCP pair over 127.0.0.1, both ends with `TCP_NODELAY`.
fn tcp_pair<N: Net>() -> io::Result<(N::Tcp, N::Tcp)> {
    let (listener, addr) = N::tcp_listener(STALL)?;
    let client = N::connect(&addr)?;
    let server = N::accept(&listener)?;
    for end in [&client, &server] {
        N::set_nodelay(end)?;
        end.set_timeouts(STALL)?;
    }
    Ok((client, server))
}

fn pingpong<S: Stream>(client: &S, server: &S, count: u64) -> io::Result<Report> {
    let echo = || -> io::Result<()> {
        let mut buf = [0u8; MESSAGE];
        for _ in 0..count {
            server.read_exact(&mut buf)?;
            server.write_all(&buf)?;
        }
        Ok(())
    };
    let ping = || -> io::Result<()> {
        let message = [1u8; MESSAGE];
        let mut reply = [0u8; MESSAGE];
        for _ in 0..count {
            client.write_all(&message)?;
            client.read_exact(&mut reply)?;
        }
        Ok(())
    };
    let (timing, echoed, pinged) = run_pair(echo, ping);
    echoed?;
    pinged?;
    Ok(report(&timing, count, 2 * MESSAGE as u64 * count, 0))
}

/// A bulk buffer, page-aligned as the C programs' are (c/workloads.c): the
/// kernel's copies in and out run at a speed that depends on alignment,
/// which must not differ between the implementations compared.
#[repr(C, align(4096))]
pub struct Chunk(pub [u8; CHUNK]);

fn bulk<N: Net>(chunks: u64, vectored: bool) -> io::Result<Report> {
    let (sender, receiver) = tcp_pair::<N>()?;
    let outgoing = Box::new(Chunk([1u8; CHUNK]));
    let mut incoming = Box::new(Chunk([0u8; CHUNK]));
    let (outgoing, incoming) = (&outgoing.0, &mut incoming.0);
    let send = || -> io::Result<()> {
        let slices: [_; SLICES] = std::array::from_fn(|i| {
            <N::Tcp as Stream>::slice(&outgoing[i * CHUNK / SLICES..][..CHUNK / SLICES])
        });
        for _ in 0..chunks {
            let sent = if vectored {
                sender.write_vectored(&slices)?
            } else {
                sender.write(outgoing)?
            };
            if sent != CHUNK {
                return Err(io::Error::other(format!("sent {sent} of {CHUNK}")));
            }
        }
        sender.shutdown_write()
    };
    let (timing, sent, received) = run_pair(send, || receive_all(&receiver, incoming));
    sent?;
    Ok(report(&timing, chunks, received?, 0))
}

/// `chunks` 64 KiB chunks of the file `BENCH_FILE` names (the driver wrote
/// it and read it into the page cache), sent by `send` to a TCP peer on
/// 127.0.0.1 that reads 64 KiB at a time; the same shape as
/// `file_transfer` in `c/workloads.c`.
fn file_transfer<N: Net>(
    chunks: u64,
    send: impl FnOnce(&N::Tcp, &File, u64, &mut [u8; CHUNK]) -> io::Result<()> + Send,
) -> io::Result<Report> {
    let path =
        std::env::var_os("BENCH_FILE").ok_or_else(|| io::Error::other("BENCH_FILE is not set"))?;
    let file = File::open(path)?;
    let bytes = chunks * CHUNK as u64;
    if file.metadata()?.len() < bytes {
        return Err(io::Error::other("BENCH_FILE is shorter than COUNT chunks"));
    }
    let (sender, receiver) = tcp_pair::<N>()?;
    // Both buffers before the timing starts, as in `bulk`.
    let mut outgoing = Box::new(Chunk([1u8; CHUNK]));
    let mut incoming = Box::new(Chunk([0u8; CHUNK]));
    let (outgoing, incoming) = (&mut outgoing.0, &mut incoming.0);
    let send = || -> io::Result<()> {
        send(&sender, &file, bytes, outgoing)?;
        sender.shutdown_write()
    };
    let (timing, sent, received) = run_pair(send, || receive_all(&receiver, incoming));
    sent?;
    Ok(report(&timing, chunks, received?, 0))
}

/// `read(2)` 64 KiB from the file into the page-aligned `outgoing`, then
/// send it all, until `bytes` have gone.
fn read_and_send<S: Stream>(
    socket: &S,
    mut file: &File,
    bytes: u64,
    outgoing: &mut [u8; CHUNK],
) -> io::Result<()> {
    let mut done = 0;
    while done < bytes {
        let read = file.read(outgoing)?;
        if read != CHUNK {
            return Err(io::Error::other(format!("read {read} of {CHUNK}")));
        }
        socket.write_all(outgoing)?;
        done += CHUNK as u64;
    }
    Ok(())
}

/// Reads `socket` to the end of its stream, 64 KiB at a time; returns the
/// bytes received. Every read moves at least one byte or ends the loop.
fn receive_all<S: Stream>(socket: &S, buf: &mut [u8]) -> io::Result<u64> {
    let mut received = 0;
    loop {
        match socket.read(buf)? {
            0 => return Ok(received),
            n => received += n as u64,
        }
    }
}

fn churn<N: Net>(count: u64) -> io::Result<Report> {
    let (listener, addr) = N::tcp_listener(STALL)?;
    let (timing, cycled) = timed(|| -> io::Result<()> {
        for _ in 0..count {
            let client = N::connect(&addr)?;
            let server = N::accept(&listener)?;
            drop(client);
            drop(server);
        }
        Ok(())
    });
    cycled?;
    Ok(report(&timing, count, 0, 0))
}

fn send_each<D: Datagram>(socket: &D, to: &D::Addr, count: u64, size: usize) -> io::Result<()> {
    let message = [1u8; DATAGRAM_1200];
    let message = &message[..size];
    for _ in 0..count {
        let sent = socket.send_to(message, to)?;
        if sent != size {
            return Err(io::Error::other(format!("sent {sent} of {size}")));
        }
    }
    Ok(())
}

fn receive_each<D: Datagram>(socket: &D, count: u64, size: usize) -> io::Result<u64> {
    let mut buf = [0u8; DATAGRAM_1200];
    let buf = &mut buf[..size];
    let mut received = 0;
    while received < count {
        match socket.recv_from(buf) {
            Ok(len) if len == size => received += 1,
            Ok(len) => return Err(io::Error::other(format!("datagram of {len}"))),
            // The read time-out: the rest was lost.
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
            Err(e) => return Err(e),
        }
    }
    Ok(received)
}

/// A UDP run of `workload`: `send` pushes `count` datagrams from one
/// thread while `receive` takes what arrives on this one, into a receive
/// buffer that can hold them all (readied by `setup`), so the sender
/// outrunning the receiver loses nothing. The run is timed by the receiver,
/// from the release of both ends to the last datagram received.
fn udp<N: Net>(
    workload: Workload,
    count: u64,
    setup: impl FnOnce(&N::Udp) -> io::Result<()>,
    send: impl FnOnce(&N::Udp, &N::Addr, u64, usize) -> io::Result<()> + Send,
    receive: impl FnOnce(&N::Udp, u64, usize) -> io::Result<u64>,
) -> io::Result<Report> {
    let size = workload.datagram_size();
    let (receiver, to) = N::udp_bound()?;
    receiver.set_timeouts(DRAIN)?;
    net::set_receive_buffer(
        receiver.raw_fd(),
        count.saturating_mul(workload.receive_bytes_per_datagram()),
    )?;
    setup(&receiver)?;
    let sender = N::udp_unbound()?;
    sender.set_timeouts(STALL)?;
    let (mut timing, sent, received) = run_pair(
        || send(&sender, &to, count, size),
        || receive(&receiver, count, size),
    );
    sent?;
    let received = received?;
    // After a loss the receiver waited DRAIN past the last datagram (a
    // little more: the time-out rounds up to the kernel's tick), and that
    // wait is not the library's.
    if received < count && timing.end.duration_since(timing.start) >= DRAIN {
        timing.end -= DRAIN;
    }
    Ok(report(
        &timing,
        received,
        received * size as u64,
        count - received,
    ))
}

pub fn report(timing: &Timing, ops: u64, bytes: u64, lost: u64) -> Report {
    let nanos = timing.end.duration_since(timing.start).as_nanos();
    Report {
        ops,
        bytes,
        lost,
        nanos: u64::try_from(nanos).unwrap_or(u64::MAX),
        cpu_nanos: u64::try_from(timing.cpu.as_nanos()).unwrap_or(u64::MAX),
        allocs: Some(timing.allocs),
    }
}
