//! A listener whose accept queue is full: it listens with backlog 0, never
//! accepts, and holds connections until one more cannot get in. A new TCP
//! connect then waits (the kernel drops its SYN); a new Unix connect gets
//! `EAGAIN` at once (or waits, if blocking).

use std::time::Duration;

use sockcore::{Errno, Socket, SocketAddr};

/// How many connections may be queued before giving up: Linux queues one
/// beyond backlog 0, and a few more can slip in while handshakes race.
const MAX_QUEUED: usize = 16;

/// How long a TCP probe waits before counting the queue as full.
const PROBE: Option<Duration> = Some(Duration::from_millis(50));

/// A listener that accepts nothing, and the connections queued on it.
pub struct FullListener {
    /// Where it listens.
    pub addr: SocketAddr,
    _listener: Socket,
    _queued: Vec<Socket>,
}

/// Listens on `text` (`127.0.0.1:0`, `[::1]:0`, `unix:@name`) with backlog
/// 0 and connects until a dial fails with `ETIMEDOUT` (TCP) or `EAGAIN`
/// (Unix).
pub fn full_listener(text: &str) -> FullListener {
    let listener = Socket::listen_on(text, 0).expect("listen_on");
    let addr = listener.local_addr().expect("local_addr");
    let mut queued = Vec::new();
    loop {
        assert!(
            queued.len() < MAX_QUEUED,
            "{addr}: accept queue never filled"
        );
        match Socket::dial_addr(&addr, PROBE) {
            Ok(client) => queued.push(client),
            Err(Errno::ETIMEDOUT | Errno::EAGAIN) => break,
            Err(e) => panic!("{addr}: filling the accept queue: {e}"),
        }
    }
    FullListener {
        addr,
        _listener: listener,
        _queued: queued,
    }
}
