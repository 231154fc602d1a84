//! UDP sockets for the tests: waiting a bounded time for a datagram or an
//! error-queue entry (by poll, never a sleep), receiving one with its
//! control data, the wall clock the kernel stamps with; and for the offload
//! tests, a receiver that holds a whole test's datagrams, with or without
//! `UDP_GRO`, a sender, and every datagram that arrived.

use std::mem::MaybeUninit;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sockcore::poll::wait_ready;
use sockcore::{Domain, Errno, MsgFlags, PollFlags, RecvMsg, SockFlags, Socket, SocketAddr, Type};

use super::msg::recv_one;
use super::sockets::{bound_datagram, set_int};

/// How long a test waits for something the kernel delivers at once over
/// loopback.
pub const WAIT: Duration = Duration::from_secs(2);

/// Waits up to [`WAIT`] for `events` on `socket` (`POLLERR` is always
/// reported); fails the test when nothing comes.
pub fn wait_for(socket: &Socket, events: PollFlags) -> PollFlags {
    wait_ready(socket.as_raw_fd(), events, Some(WAIT))
        .unwrap_or_else(|e| panic!("nothing arrived within {WAIT:?}: {e}"))
}

/// Whether a datagram (or an error) is ready on `socket` within `ms`
/// milliseconds.
pub fn ready_within(socket: &Socket, ms: u64) -> bool {
    match wait_ready(
        socket.as_raw_fd(),
        PollFlags::IN,
        Some(Duration::from_millis(ms)),
    ) {
        Ok(_) => true,
        Err(Errno::ETIMEDOUT) => false,
        Err(e) => panic!("poll: {e}"),
    }
}

/// Waits for a datagram, then receives it into `data` with its control
/// data in `control`.
pub fn recv_datagram<'c>(
    socket: &Socket,
    data: &mut [u8],
    control: &'c mut [MaybeUninit<u8>],
) -> RecvMsg<'c> {
    wait_for(socket, PollFlags::IN);
    recv_one(socket, data, control, MsgFlags::DONTWAIT)
}

/// Waits for `POLLERR`, then receives one error-queue entry.
pub fn recv_error<'c>(
    socket: &Socket,
    data: &mut [u8],
    control: &'c mut [MaybeUninit<u8>],
) -> RecvMsg<'c> {
    let ready = wait_for(socket, PollFlags::empty());
    assert!(ready.contains(PollFlags::ERR), "no POLLERR: {ready:?}");
    recv_one(
        socket,
        data,
        control,
        MsgFlags::ERRQUEUE | MsgFlags::DONTWAIT,
    )
}

/// Two UDP sockets on `text` (`127.0.0.1:0`, `[::1]:0`): (sender, receiver,
/// the receiver's address).
pub fn udp_pair(text: &str) -> (Socket, Socket, SocketAddr) {
    let (sender, _) = bound_datagram(text);
    let (receiver, addr) = bound_datagram(text);
    (sender, receiver, addr)
}

/// `CLOCK_REALTIME` now, in nanoseconds since the epoch: what the kernel's
/// stamps are read against.
pub fn realtime_nanos() -> i128 {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after the epoch");
    since.as_nanos() as i128
}

/// The address text for a family: `127.0.0.1:0` or `[::1]:0`.
pub fn loopback(v6: bool) -> &'static str {
    if v6 {
        "[::1]:0"
    } else {
        "127.0.0.1:0"
    }
}

/// A UDP socket bound to `text`, with `UDP_GRO` as `gro` says and a receive
/// buffer of `buffer` bytes (`SO_RCVBUFFORCE`, past `rmem_max`: tests run
/// as root), so a burst never overflows it; and its address.
pub fn receiver(text: &str, gro: bool, buffer: i32) -> (Socket, SocketAddr) {
    let (socket, addr) = bound_datagram(text);
    socket.set_udp_gro(gro).expect("UDP_GRO");
    set_int(&socket, libc::SOL_SOCKET, libc::SO_RCVBUFFORCE, buffer);
    (socket, addr)
}

/// An unbound UDP socket of `to`'s family.
pub fn sender(to: &SocketAddr) -> Socket {
    Socket::new(Domain::for_addr(to), Type::DGRAM, SockFlags::empty()).expect("socket")
}

/// Every datagram queued on `socket` (a receiver without `UDP_GRO`), in
/// order, until none arrives for `quiet_ms`; at most `limit` of them.
pub fn drain(socket: &Socket, quiet_ms: u64, limit: usize) -> Vec<Vec<u8>> {
    let mut datagrams = Vec::new();
    let mut buf = vec![0u8; 65_536];
    while datagrams.len() < limit && ready_within(socket, quiet_ms) {
        let n = socket.recv(&mut buf, MsgFlags::DONTWAIT).expect("recv");
        datagrams.push(buf[..n].to_vec());
    }
    datagrams
}
