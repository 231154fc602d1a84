//! An echo server for many clients at once, non-blocking, on sockcore's
//! `Epoll`: the Rust twin of c-examples/epoll_echo.c, with the same
//! behaviour and the same output lines.
//!
//! `cargo run --release -p sockcore --example epoll_echo -- ADDRESS [CLIENTS]`
//!
//! Listens on ADDRESS (port 0 picks a free port; a Unix address works too)
//! and prints "listening on ADDRESS". One level-triggered epoll instance
//! watches the listener (data 0) and every connection (data: its slot + 1),
//! all non-blocking. Each connection's bytes are read into its own buffer
//! and written back; while an echo waits for a slow reader, the server
//! watches that connection for `OUT` instead of reading more. A connection
//! gets at most `ROUNDS` reads and writes per wake-up, so one fast client
//! cannot starve the others; the level-triggered instance brings it back.
//! Out of descriptors, the server stops watching the listener until a
//! client leaves (or a second passes). With CLIENTS it exits after serving
//! that many and prints the totals; its exit status is 1 if any failed.

use std::process::ExitCode;
use std::time::Duration;

use sockcore::{Epoll, EpollEvent, EpollFlags, Errno, SockFlags, Socket, SocketAddr};

const WHO: &str = "epoll_echo";
/// What one connection's echo may hold back: one read's worth.
const BUF_SIZE: usize = 64 * 1024;
/// Reads and writes for one connection per wake-up.
const ROUNDS: usize = 16;
const EVENTS: usize = 256;
/// The data of the listener's events; a connection's is its slot + 1.
const LISTENER: u64 = 0;

/// One client: what it sent and is not yet echoed.
struct Connection {
    socket: Socket,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    /// The client ended its stream.
    ended: bool,
    /// The events asked for.
    watching: EpollFlags,
}

/// What the server has done, for the closing line.
#[derive(Default)]
struct Totals {
    accepted: usize,
    /// Clients that left, the failed ones included.
    served: usize,
    failed: usize,
    /// Times an echo waited for a slow reader.
    waits: usize,
    echoed: u64,
}

/// Echoes what the client sent, as far as it goes without blocking.
/// Returns `Ok(true)` once the client is done (its stream ended and was
/// echoed), `Ok(false)` while it stays.
fn serve(conn: &mut Connection, totals: &mut Totals) -> Result<bool, Errno> {
    for _ in 0..ROUNDS {
        if conn.start < conn.end {
            match conn.socket.write(&conn.buf[conn.start..conn.end]) {
                Ok(n) => {
                    conn.start += n;
                    totals.echoed += n as u64;
                    continue;
                }
                Err(Errno::EAGAIN) => {
                    totals.waits += 1;
                    return Ok(false);
                }
                Err(e) => return Err(e),
            }
        }
        if conn.ended {
            return Ok(true);
        }
        match conn.socket.read(&mut conn.buf) {
            Ok(n) => {
                conn.ended = n == 0;
                conn.start = 0;
                conn.end = n;
            }
            Err(Errno::EAGAIN) => return Ok(false),
            Err(e) => return Err(e),
        }
    }
    Ok(false)
}

/// The events a connection needs now: `OUT` while an echo waits, `IN`
/// otherwise.
fn wanted(conn: &Connection) -> EpollFlags {
    if conn.start < conn.end {
        EpollFlags::OUT
    } else {
        EpollFlags::IN
    }
}

/// The echo server, on a listener already bound.
struct Server {
    epoll: Epoll,
    listener: Socket,
    slots: Vec<Option<Connection>>,
    limit: Option<usize>,
    totals: Totals,
}

impl Server {
    /// Accepts every waiting connection into a free slot. Returns true when
    /// it ran out of descriptors.
    fn accept_clients(&mut self) -> Result<bool, Errno> {
        while self
            .limit
            .map_or(true, |limit| self.totals.accepted < limit)
        {
            let socket = match self.listener.accept_only(SockFlags::NONBLOCK) {
                Ok(socket) => socket,
                Err(Errno::EAGAIN) => return Ok(false),
                // The client gave up first: nothing to serve.
                Err(Errno::ECONNABORTED | Errno::EINTR) => continue,
                Err(e @ (Errno::EMFILE | Errno::ENFILE)) => {
                    eprintln!(
                        "{WHO}: accept failed: {} ({}); accepting again once a client leaves",
                        e.message(),
                        e.name()
                    );
                    return Ok(true);
                }
                Err(e) => return Err(e),
            };
            let slot = match self.slots.iter().position(Option::is_none) {
                Some(free) => free,
                None => {
                    self.slots.push(None);
                    self.slots.len() - 1
                }
            };
            self.epoll
                .add(socket.as_raw_fd(), EpollFlags::IN, slot as u64 + 1)?;
            println!("{WHO}: accept = fd {}", socket.as_raw_fd());
            self.slots[slot] = Some(Connection {
                socket,
                buf: vec![0u8; BUF_SIZE],
                start: 0,
                end: 0,
                ended: false,
                watching: EpollFlags::IN,
            });
            self.totals.accepted += 1;
        }
        Ok(false)
    }

    /// Serves the connection in `slot`; closes it once it is done or failed.
    /// Returns true when it left (a descriptor is free again).
    fn serve_slot(&mut self, slot: usize) -> Result<bool, Errno> {
        let Some(conn) = self.slots.get_mut(slot).and_then(Option::as_mut) else {
            return Ok(false);
        };
        let done = match serve(conn, &mut self.totals) {
            Ok(done) => done,
            Err(e) => {
                eprintln!(
                    "{WHO}: fd {}: failed: {} ({})",
                    conn.socket.as_raw_fd(),
                    e.message(),
                    e.name()
                );
                self.totals.failed += 1;
                true
            }
        };
        if done {
            // Closing removes it from the epoll instance: nothing else holds
            // a duplicate of the descriptor.
            if let Some(conn) = self.slots[slot].take() {
                conn.socket.close()?;
            }
            self.totals.served += 1;
            return Ok(true);
        }
        let events = wanted(conn);
        if events != conn.watching {
            self.epoll
                .modify(conn.socket.as_raw_fd(), events, slot as u64 + 1)?;
            conn.watching = events;
        }
        Ok(false)
    }

    fn run(&mut self) -> Result<(), Errno> {
        let mut events = [EpollEvent::default(); EVENTS];
        let (mut out_of_fds, mut accepting) = (false, true);
        while self.limit.map_or(true, |limit| self.totals.served < limit) {
            // Watch the listener while there are clients to come and a
            // descriptor to give them.
            let more = self
                .limit
                .map_or(true, |limit| self.totals.accepted < limit);
            let accept_more = more && !out_of_fds;
            if accept_more != accepting {
                let events = if accept_more {
                    EpollFlags::IN
                } else {
                    EpollFlags::empty()
                };
                self.epoll
                    .modify(self.listener.as_raw_fd(), events, LISTENER)?;
                accepting = accept_more;
            }
            let timeout = out_of_fds.then_some(Duration::from_secs(1));
            let ready = match self.epoll.wait(&mut events, timeout) {
                Ok(ready) => ready,
                Err(Errno::EINTR) => continue,
                Err(e) => return Err(e),
            };
            if ready == 0 {
                out_of_fds = false;
            }
            for event in &events[..ready] {
                match event.data() {
                    LISTENER => out_of_fds = self.accept_clients()?,
                    data => {
                        if self.serve_slot(data as usize - 1)? {
                            out_of_fds = false;
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let limit = match args.get(1).map(|count| count.parse::<usize>()) {
        None => None,
        Some(Ok(count)) if (1..=1_000_000).contains(&count) => Some(count),
        Some(_) => {
            eprintln!("{WHO}: not a count from 1 to 1000000: {}", args[1]);
            return ExitCode::from(2);
        }
    };
    let (Some(address), true) = (args.first(), args.len() <= 2) else {
        eprintln!("usage: epoll_echo ADDRESS [CLIENTS]");
        return ExitCode::from(2);
    };
    let started = (|| -> Result<Server, Errno> {
        // A deep backlog: many clients may connect at once.
        let listener = Socket::listen_on(address, 4096)?;
        listener.set_nonblocking(true)?;
        let epoll = Epoll::new()?;
        epoll.add(listener.as_raw_fd(), EpollFlags::IN, LISTENER)?;
        let bound: SocketAddr = listener.local_addr()?;
        println!("{WHO}: listening on {bound}");
        Ok(Server {
            epoll,
            listener,
            slots: Vec::new(),
            limit,
            totals: Totals::default(),
        })
    })();
    let mut server = match started {
        Ok(server) => server,
        Err(e) => {
            eprintln!("{WHO}: {} ({})", e.message(), e.name());
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = server.run() {
        eprintln!("{WHO}: {} ({})", e.message(), e.name());
        return ExitCode::FAILURE;
    }
    let totals = &server.totals;
    println!(
        "{WHO}: served {} clients, echoed {} bytes, {} failed; echoes waited for EPOLLOUT {} times",
        totals.served, totals.echoed, totals.failed, totals.waits
    );
    if totals.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
