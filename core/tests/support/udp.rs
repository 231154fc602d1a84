//! UDP sockets for the offload tests: a receiver that holds a whole test's
//! datagrams, with or without `UDP_GRO`; a sender; and receiving whatever
//! arrived, datagram by datagram, with a bounded wait.

use std::time::Duration;

use sockcore::poll::wait_ready;
use sockcore::{Domain, MsgFlags, PollFlags, SockFlags, Socket, SocketAddr, Type};

use super::sockets::{bound_datagram, set_int};

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

/// Whether `socket` becomes readable within `ms` milliseconds.
pub fn readable(socket: &Socket, ms: u64) -> bool {
    let timeout = Duration::from_millis(ms);
    wait_ready(socket.as_raw_fd(), PollFlags::IN, Some(timeout)).is_ok()
}

/// Every datagram queued on `socket` (a receiver without `UDP_GRO`), in
/// order, until none arrives for `quiet_ms`; at most `limit` of them.
pub fn drain(socket: &Socket, quiet_ms: u64, limit: usize) -> Vec<Vec<u8>> {
    let mut datagrams = Vec::new();
    let mut buf = vec![0u8; 65_536];
    while datagrams.len() < limit && readable(socket, quiet_ms) {
        let n = socket.recv(&mut buf, MsgFlags::DONTWAIT).expect("recv");
        datagrams.push(buf[..n].to_vec());
    }
    datagrams
}
