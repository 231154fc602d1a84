//! Datagrams with control data: waiting a bounded time for a datagram or
//! an error-queue entry (by poll, never a sleep), receiving one with its
//! control data, and the wall clock the kernel stamps with.

use std::mem::MaybeUninit;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sockcore::poll::wait_ready;
use sockcore::{Errno, MsgFlags, PollFlags, RecvMsg, Socket, SocketAddr};

use super::msg::recv_one;
use super::sockets::bound_datagram;

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
