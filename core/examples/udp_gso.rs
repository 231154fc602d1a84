//! A bulk UDP transfer with segmentation offload over loopback, in Rust:
//! the sender hands the kernel up to 64 datagrams per system call (GSO),
//! the receiver takes them back as coalesced runs (GRO).
//!
//! `cargo run --release -p sockcore --example udp_gso [ADDRESS] [MIB] [--no-gso]`
//! (defaults `127.0.0.1:0` and 64). A receiver thread binds ADDRESS with
//! `UDP_GRO` on; the sender sends MIB calls of 1 MiB as datagrams of 1,200
//! bytes. Both print what they did, and the sender whether offload was
//! used (`--no-gso` turns it off: the same datagrams then go as `sendmmsg`
//! batches).

use std::thread;
use std::time::{Duration, Instant};

use sockcore::poll::wait_ready;
use sockcore::udp::{GsoStatus, UdpOffload, UDP_GRO_BUFFER};
use sockcore::{Domain, Errno, MsgFlags, PollFlags, SockFlags, Socket, SocketAddr, Type};

const MIB: usize = 1 << 20;
const SEGMENT: usize = 1200;
/// How long the receiver waits for more before it stops.
const QUIET: Option<Duration> = Some(Duration::from_secs(2));

/// Receives `total` bytes of runs, or until nothing arrives for 2 s.
fn receive(socket: Socket, total: usize) -> Result<(), Errno> {
    let offload = UdpOffload::new(&socket)?;
    let mut buf = vec![0u8; UDP_GRO_BUFFER];
    let (mut bytes, mut datagrams, mut receives) = (0, 0, 0);
    let (mut first, mut last) = (None, Instant::now());
    while bytes < total && wait_ready(socket.as_raw_fd(), PollFlags::IN, QUIET).is_ok() {
        let run = offload.recv(&mut buf, MsgFlags::DONTWAIT)?;
        first.get_or_insert_with(Instant::now);
        last = Instant::now();
        bytes += run.len;
        datagrams += run.segments().count();
        receives += 1;
    }
    let seconds = first.map_or(0.0, |first| (last - first).as_secs_f64());
    println!(
        "receiver: {bytes} bytes, {datagrams} datagrams in {receives} receives ({:.1} per receive), {:.0} MB/s",
        datagrams as f64 / receives.max(1) as f64,
        bytes as f64 / seconds / 1e6
    );
    if bytes < total {
        println!("receiver: {} bytes missing", total - bytes);
    }
    Ok(())
}

fn main() -> Result<(), Errno> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let no_gso = args.iter().any(|arg| arg == "--no-gso");
    let mut plain = args.iter().filter(|arg| *arg != "--no-gso");
    let address = SocketAddr::parse(plain.next().map_or("127.0.0.1:0", String::as_str))?;
    let mib: usize = plain
        .next()
        .map_or(Ok(64), |n| n.parse())
        .map_err(|_| Errno::EINVAL)?;

    let receiver = Socket::new(Domain::for_addr(&address), Type::DGRAM, SockFlags::empty())?;
    receiver.bind(&address)?;
    receiver.set_udp_gro(true)?;
    // Room for everything in flight while the receiver is behind: as root
    // past the system's limit (SO_RCVBUFFORCE), else up to it.
    let room = i32::try_from(mib.saturating_mul(2 * MIB)).unwrap_or(i32::MAX);
    if receiver
        .set_option_raw(libc::SOL_SOCKET, libc::SO_RCVBUFFORCE, &room.to_ne_bytes())
        .is_err()
    {
        receiver.set_recv_buffer_size(2 * mib * MIB)?;
    }
    let to = receiver.local_addr()?;
    println!("receiver: bound {to}, UDP_GRO on");
    let receiving = thread::spawn(move || receive(receiver, mib * MIB));

    let sender = Socket::new(Domain::for_addr(&to), Type::DGRAM, SockFlags::empty())?;
    let mut offload = if no_gso {
        UdpOffload::without_gso(&sender)?
    } else {
        UdpOffload::new(&sender)?
    };
    let payload: Vec<u8> = (0..MIB).map(|i| (i % 251) as u8).collect();
    let start = Instant::now();
    for _ in 0..mib {
        offload.send(&payload, SEGMENT, MsgFlags::empty(), Some(&to))?;
    }
    let seconds = start.elapsed().as_secs_f64();
    let offloaded = match offload.gso() {
        GsoStatus::Offloaded => "yes",
        _ if no_gso => "no (turned off)",
        _ => "no (refused by the kernel)",
    };
    println!(
        "sender: {mib} MiB as datagrams of {SEGMENT} bytes, {:.0} MB/s; offload: {offloaded}",
        (mib * MIB) as f64 / seconds / 1e6
    );
    receiving.join().expect("the receiver thread")
}
