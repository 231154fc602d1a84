//! Load: 1,000 concurrent clients, each sending 1 MiB in random-sized
//! chunks and checking every byte of the echo, against three servers in
//! turn: c-examples/epoll_echo.c on the C ABI's epoll calls, its Rust twin
//! core/examples/epoll_echo.rs on `Epoll`, and a poll(2) echo server
//! written here on the Rust API. 0 bytes lost, 0 errors, over loopback, within
//! [`DEADLINE`]; each test prints clients, bytes and seconds.
//!
//! One thread drives all the clients, non-blocking, with `poll`. Each
//! client's stream is its own window of a pseudo-random pool, starting at an
//! offset no other client shares, so a byte lost, doubled, reordered or
//! delivered to the wrong client shows as a mismatch at a known offset.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use sockcore::poll::poll;
use sockcore::{Errno, PollFd, PollFlags, Shutdown, SockFlags, Socket, SocketAddr};
use sockcore_e2e::{c_build, run_to_success, unique_name, Link, Process};

const CLIENTS: usize = 1000;
/// What each client sends, and expects back.
const PER_CLIENT: usize = 1 << 20;
/// The largest chunk a client offers in one write.
const MAX_CHUNK: usize = 64 << 10;
/// Each client's socket buffers, each way.
const CLIENT_BUFFER: usize = 64 << 10;
/// Each client's stream starts at `index * STRIDE` in the pool.
const STRIDE: usize = 1031;
/// A run that takes longer fails.
const DEADLINE: Duration = Duration::from_secs(120);
/// Descriptors the test process needs: the clients, and the Rust server's
/// side of each.
const NOFILE: libc::rlim_t = 4096;

/// Runs one load at a time: two at once would share two cores and blur the
/// figures.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// What the clients send: random bytes, enough for every window.
fn pool() -> Vec<u8> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let len = CLIENTS * STRIDE + PER_CLIENT;
    let mut pool = Vec::with_capacity(len + 8);
    while pool.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        pool.extend_from_slice(&state.to_le_bytes());
    }
    pool
}

/// Raises the soft `RLIMIT_NOFILE` to [`NOFILE`] (the C server inherits it).
fn raise_nofile() {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes one rlimit through a valid pointer.
    assert_eq!(
        unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) },
        0
    );
    if limit.rlim_cur >= NOFILE {
        return;
    }
    assert!(
        limit.rlim_max >= NOFILE,
        "the hard RLIMIT_NOFILE ({}) is below the {NOFILE} descriptors this test needs",
        limit.rlim_max
    );
    limit.rlim_cur = NOFILE;
    // SAFETY: setrlimit reads one valid rlimit.
    assert_eq!(unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &limit) }, 0);
}

/// One client's progress.
struct Client {
    socket: Socket,
    /// Where its stream starts in the pool.
    start: usize,
    sent: usize,
    /// The end of the chunk being sent.
    chunk_end: usize,
    received: usize,
    sizes: u64,
    done: bool,
}

impl Client {
    fn stream<'p>(&self, pool: &'p [u8]) -> &'p [u8] {
        &pool[self.start..self.start + PER_CLIENT]
    }

    /// The next chunk's size: 1 to [`MAX_CHUNK`] bytes, from the client's
    /// own generator.
    fn next_chunk(&mut self) {
        self.sizes = self
            .sizes
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let size = 1 + (self.sizes >> 33) as usize % MAX_CHUNK;
        self.chunk_end = (self.sent + size).min(PER_CLIENT);
    }
}

/// What the clients did.
#[derive(Default)]
struct Figures {
    writes: u64,
    reads: u64,
    polls: u64,
    bytes_sent: u64,
    bytes_checked: u64,
}

/// Sends what the socket takes of the current chunk; ends the stream after
/// the last one.
fn send_some(client: &mut Client, pool: &[u8], figures: &mut Figures, index: usize) {
    while client.sent < PER_CLIENT {
        let chunk = &client.stream(pool)[client.sent..client.chunk_end];
        match client.socket.write(chunk) {
            Ok(n) => {
                figures.writes += 1;
                figures.bytes_sent += n as u64;
                client.sent += n;
                if client.sent == client.chunk_end {
                    client.next_chunk();
                }
            }
            Err(Errno::EAGAIN) => return,
            Err(e) => panic!("client {index}: write at {}: {e}", client.sent),
        }
    }
    client
        .socket
        .shutdown(Shutdown::Write)
        .unwrap_or_else(|e| panic!("client {index}: shutdown: {e}"));
}

/// Reads and checks what has arrived; marks the client done at the end of
/// the echo.
fn receive_some(
    client: &mut Client,
    pool: &[u8],
    buf: &mut [u8],
    figures: &mut Figures,
    index: usize,
) {
    loop {
        match client.socket.read(buf) {
            Ok(0) => {
                assert_eq!(
                    client.received, PER_CLIENT,
                    "client {index}: the echo ended early"
                );
                client.done = true;
                return;
            }
            Ok(n) => {
                figures.reads += 1;
                let want = client
                    .stream(pool)
                    .get(client.received..client.received + n);
                assert!(
                    want == Some(&buf[..n]),
                    "client {index}: the echo differs within bytes {}..{}",
                    client.received,
                    client.received + n
                );
                client.received += n;
                figures.bytes_checked += n as u64;
            }
            Err(Errno::EAGAIN) => return,
            Err(e) => panic!("client {index}: read at {}: {e}", client.received),
        }
    }
}

/// Connects every client, then drives them all until each has its whole
/// echo back and has seen the end of the stream.
fn run_clients(addr: &SocketAddr, pool: &[u8]) -> Figures {
    let start = Instant::now();
    let mut clients: Vec<Client> = (0..CLIENTS)
        .map(|index| {
            let socket = Socket::dial_addr(addr, Some(Duration::from_secs(5)))
                .unwrap_or_else(|e| panic!("client {index}: dial {addr}: {e}"));
            socket.set_nonblocking(true).expect("set_nonblocking");
            // Small buffers, so that no stream fits in the kernel at once:
            // clients interleave writes and reads, and the server meets
            // clients that cannot take their echo yet.
            socket
                .set_send_buffer_size(CLIENT_BUFFER)
                .expect("SO_SNDBUF");
            socket
                .set_recv_buffer_size(CLIENT_BUFFER)
                .expect("SO_RCVBUF");
            let mut client = Client {
                socket,
                start: index * STRIDE,
                sent: 0,
                chunk_end: 0,
                received: 0,
                sizes: index as u64 + 1,
                done: false,
            };
            client.next_chunk();
            client
        })
        .collect();
    let mut figures = Figures::default();
    let mut buf = vec![0u8; 64 << 10];
    let mut fds = Vec::with_capacity(CLIENTS);
    while clients.iter().any(|client| !client.done) {
        assert!(
            start.elapsed() < DEADLINE,
            "not done within {DEADLINE:?}: {} of {} bytes checked",
            figures.bytes_checked,
            CLIENTS * PER_CLIENT
        );
        fds.clear();
        fds.extend(clients.iter().map(|client| {
            let mut events = PollFlags::IN;
            if client.sent < PER_CLIENT {
                events |= PollFlags::OUT;
            }
            // A negative descriptor is skipped.
            let fd = if client.done {
                -1
            } else {
                client.socket.as_raw_fd()
            };
            PollFd::new(fd, events)
        }));
        figures.polls += 1;
        poll(&mut fds, Some(Duration::from_secs(1))).expect("poll");
        for (index, (client, entry)) in clients.iter_mut().zip(&fds).enumerate() {
            let events = entry.revents();
            if events.is_empty() {
                continue;
            }
            if events.intersects(PollFlags::OUT | PollFlags::ERR) {
                send_some(client, pool, &mut figures, index);
            }
            if events.intersects(PollFlags::IN | PollFlags::HUP | PollFlags::ERR) {
                receive_some(client, pool, &mut buf, &mut figures, index);
            }
        }
    }
    figures
}

/// Runs the clients against the server at `addr` and prints the figures.
fn load(server: &str, addr: &SocketAddr, pool: &[u8]) {
    let start = Instant::now();
    let figures = run_clients(addr, pool);
    let seconds = start.elapsed().as_secs_f64();
    let total = (CLIENTS * PER_CLIENT) as u64;
    assert_eq!(figures.bytes_sent, total);
    assert_eq!(figures.bytes_checked, total, "bytes lost");
    println!(
        "load, {server}: {CLIENTS} concurrent clients x {} MiB in chunks of 1 to {} KiB: \
         {} MiB sent, {} MiB echoed and checked, 0 bytes lost, 0 errors, in {seconds:.1} s \
         ({:.0} MiB/s each way; {} writes, {} reads, {} polls)",
        PER_CLIENT >> 20,
        MAX_CHUNK >> 10,
        figures.bytes_sent >> 20,
        figures.bytes_checked >> 20,
        (total >> 20) as f64 / seconds,
        figures.writes,
        figures.reads,
        figures.polls
    );
}

/// core/examples/epoll_echo.rs, built once for this binary, in release, in
/// a target directory of its own.
fn rust_epoll_echo() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rust-examples");
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        run_to_success(
            Command::new(cargo)
                .args([
                    "build",
                    "--release",
                    "-p",
                    "sockcore",
                    "--example",
                    "epoll_echo",
                ])
                .arg("--manifest-path")
                .arg(manifest)
                .arg("--target-dir")
                .arg(&target),
            "building core/examples/epoll_echo.rs",
        );
        target.join("release/examples/epoll_echo")
    })
}

/// Starts epoll_echo.c on `address` for `clients` clients; returns it with
/// the address it printed.
fn start_epoll_echo(address: &str, clients: usize) -> (Process, SocketAddr) {
    let program = c_build(env!("CARGO_TARGET_TMPDIR")).example(Link::Static, "epoll_echo");
    start_echo_server(&program, address, clients)
}

/// Starts the echo server `program` (either epoll_echo) on `address` for
/// `clients` clients; returns it with the address it printed.
fn start_echo_server(program: &Path, address: &str, clients: usize) -> (Process, SocketAddr) {
    let mut server = Process::spawn(Command::new(program).args([address, &clients.to_string()]));
    let addr = SocketAddr::parse(&server.wait_for_line("listening on "))
        .expect("the server prints its address");
    (server, addr)
}

/// Checks the closing line of either epoll_echo: every client served,
/// every byte echoed, no failure. Returns how often an echo waited for
/// EPOLLOUT.
fn epoll_echo_waits(server: Process, clients: usize, bytes: usize) -> u64 {
    let finished = server.finish();
    let summary = format!(
        "epoll_echo: served {clients} clients, echoed {bytes} bytes, 0 failed; \
         echoes waited for EPOLLOUT "
    );
    finished
        .assert_success()
        .stdout
        .lines()
        .find_map(|line| line.strip_prefix(summary.as_str()))
        .and_then(|rest| rest.strip_suffix(" times")?.parse::<u64>().ok())
        .unwrap_or_else(|| panic!("no {summary:?} line: {finished}"))
}

#[test]
fn a_thousand_clients_against_the_c_epoll_server() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    raise_nofile();
    let pool = pool();
    let (server, addr) = start_epoll_echo("127.0.0.1:0", CLIENTS);
    load("epoll_echo.c on the C ABI", &addr, &pool);
    let waits = epoll_echo_waits(server, CLIENTS, CLIENTS * PER_CLIENT);
    println!("load, epoll_echo.c: echoes waited for EPOLLOUT {waits} times");
}

#[test]
fn a_thousand_clients_against_the_rust_epoll_example() {
    let program = rust_epoll_echo();
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    raise_nofile();
    let pool = pool();
    let (server, addr) = start_echo_server(program, "127.0.0.1:0", CLIENTS);
    load("epoll_echo.rs on the Rust API's Epoll", &addr, &pool);
    let waits = epoll_echo_waits(server, CLIENTS, CLIENTS * PER_CLIENT);
    println!("load, epoll_echo.rs: echoes waited for EPOLLOUT {waits} times");
}

#[test]
fn a_slow_reader_makes_the_rust_epoll_example_wait_and_loses_nothing() {
    let address = format!("unix:@{}", unique_name("slow-reader-rust-epoll"));
    let (server, addr) = start_echo_server(rust_epoll_echo(), &address, 1);
    slow_reader(&addr, &pool());
    let waits = epoll_echo_waits(server, 1, SLOW_TOTAL);
    println!("slow reader, epoll_echo.rs: echoes waited for EPOLLOUT {waits} times");
    assert!(waits > 0, "the server never had to wait for room");
}

/// One connection of the Rust server: what it read and has not yet echoed.
struct Connection {
    socket: Socket,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    ended: bool,
}

/// Reads and writes for one connection per wake-up, so that one fast client
/// cannot starve the rest.
const ROUNDS: usize = 16;

/// Echoes what the connection sent as far as it goes without blocking.
/// Returns true once it is done: its stream ended and was fully echoed.
/// Counts in `waits` the times the echo had to wait for room.
fn serve(conn: &mut Connection, waits: &mut u64) -> bool {
    for _ in 0..ROUNDS {
        if conn.start < conn.end {
            match conn.socket.write(&conn.buf[conn.start..conn.end]) {
                Ok(n) => conn.start += n,
                Err(Errno::EAGAIN) => {
                    *waits += 1;
                    return false;
                }
                Err(e) => panic!("the Rust server: write: {e}"),
            }
            continue;
        }
        if conn.ended {
            return true;
        }
        match conn.socket.read(&mut conn.buf) {
            Ok(n) => {
                conn.ended = n == 0;
                conn.start = 0;
                conn.end = n;
            }
            Err(Errno::EAGAIN) => return false,
            Err(e) => panic!("the Rust server: read: {e}"),
        }
    }
    false
}

/// The echo server on the Rust API: non-blocking sockets and one `poll`
/// over the listener and every connection, as epoll_echo.c does with epoll.
/// Serves `clients` connections, then returns how many times an echo
/// waited for room.
fn rust_echo_server(listener: Socket, clients: usize) -> u64 {
    let deadline = Instant::now() + DEADLINE;
    let mut conns: Vec<Connection> = Vec::new();
    let mut fds = Vec::new();
    let (mut accepted, mut served, mut waits) = (0, 0, 0);
    while served < clients {
        assert!(Instant::now() < deadline, "the Rust server: out of time");
        fds.clear();
        let listen = if accepted < clients {
            PollFlags::IN
        } else {
            PollFlags::empty()
        };
        fds.push(PollFd::new(listener.as_raw_fd(), listen));
        fds.extend(conns.iter().map(|conn| {
            let events = if conn.start < conn.end {
                PollFlags::OUT
            } else {
                PollFlags::IN
            };
            PollFd::new(conn.socket.as_raw_fd(), events)
        }));
        poll(&mut fds, Some(Duration::from_secs(1))).expect("the Rust server: poll");
        for index in (0..conns.len()).rev() {
            if !fds[index + 1].revents().is_empty() && serve(&mut conns[index], &mut waits) {
                conns.swap_remove(index);
                served += 1;
            }
        }
        if fds[0].revents().contains(PollFlags::IN) {
            while accepted < clients {
                match listener.accept_only(SockFlags::NONBLOCK) {
                    Ok(socket) => {
                        accepted += 1;
                        conns.push(Connection {
                            socket,
                            buf: vec![0u8; 64 << 10],
                            start: 0,
                            end: 0,
                            ended: false,
                        });
                    }
                    Err(Errno::EAGAIN) => break,
                    Err(e) => panic!("the Rust server: accept: {e}"),
                }
            }
        }
    }
    waits
}

#[test]
fn a_thousand_clients_against_a_rust_poll_server() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    raise_nofile();
    let pool = pool();
    let listener = Socket::listen_on("127.0.0.1:0", 4096).expect("listen_on");
    listener.set_nonblocking(true).expect("set_nonblocking");
    let addr = listener.local_addr().expect("local_addr");
    let server = thread::spawn(move || rust_echo_server(listener, CLIENTS));
    load("a poll server on the Rust API", &addr, &pool);
    let waits = server.join().expect("the Rust server served every client");
    println!("load, the Rust server: echoes waited for POLLOUT {waits} times");
}

/// What the slow reader sends: several times what a Unix socket's buffers
/// hold each way (`net.core.wmem_default`, 208 KiB).
const SLOW_TOTAL: usize = PER_CLIENT;

/// How long the slow reader's writes must see no room before it reads.
const STUCK: Duration = Duration::from_millis(100);

/// One client that reads only once its writes are stuck: no room for
/// [`STUCK`]. Over a Unix socket the buffers do not grow, so its echo
/// backs up until the server cannot write either, and stops reading to
/// wait for room, which is what keeps the writes stuck (a server merely
/// slow to read would free room soon). That is the path a load over TCP,
/// whose buffers grow to megabytes, may never take; nothing may be lost on
/// it either.
fn slow_reader(addr: &SocketAddr, pool: &[u8]) {
    let deadline = Instant::now() + DEADLINE;
    let stream = &pool[..SLOW_TOTAL];
    let socket = Socket::dial_addr(addr, Some(Duration::from_secs(5))).expect("dial");
    socket.set_nonblocking(true).expect("set_nonblocking");
    let mut buf = vec![0u8; 64 << 10];
    let (mut sent, mut received, mut stalls) = (0, 0, 0);
    loop {
        assert!(Instant::now() < deadline, "the slow reader ran out of time");
        let stalled = match stream.get(sent..(sent + MAX_CHUNK).min(SLOW_TOTAL)) {
            Some(chunk) if !chunk.is_empty() => match socket.write(chunk) {
                Ok(n) => {
                    sent += n;
                    if sent == SLOW_TOTAL {
                        socket.shutdown(Shutdown::Write).expect("shutdown");
                    }
                    false
                }
                Err(Errno::EAGAIN) => {
                    let mut room = [PollFd::new(socket.as_raw_fd(), PollFlags::OUT)];
                    poll(&mut room, Some(STUCK)).expect("poll") == 0
                }
                Err(e) => panic!("the slow reader: write at {sent}: {e}"),
            },
            _ => true,
        };
        if !stalled {
            continue;
        }
        stalls += 1;
        // Stuck: now read, everything there is.
        loop {
            match socket.read(&mut buf) {
                Ok(0) => {
                    assert_eq!(received, SLOW_TOTAL, "the echo ended early");
                    println!(
                        "slow reader: {} MiB sent, echoed and checked; it stopped to read {stalls} times",
                        SLOW_TOTAL >> 20
                    );
                    return;
                }
                Ok(n) => {
                    assert!(
                        stream.get(received..received + n) == Some(&buf[..n]),
                        "the echo differs within bytes {received}..{}",
                        received + n
                    );
                    received += n;
                }
                Err(Errno::EAGAIN) => break,
                Err(e) => panic!("the slow reader: read at {received}: {e}"),
            }
        }
        let mut events = PollFlags::IN;
        if sent < SLOW_TOTAL {
            events |= PollFlags::OUT;
        }
        poll(
            &mut [PollFd::new(socket.as_raw_fd(), events)],
            Some(Duration::from_secs(1)),
        )
        .expect("poll");
    }
}

#[test]
fn a_slow_reader_makes_the_c_epoll_server_wait_and_loses_nothing() {
    let address = format!("unix:@{}", unique_name("slow-reader-c"));
    let (server, addr) = start_epoll_echo(&address, 1);
    slow_reader(&addr, &pool());
    let waits = epoll_echo_waits(server, 1, SLOW_TOTAL);
    println!("slow reader, epoll_echo.c: echoes waited for EPOLLOUT {waits} times");
    assert!(waits > 0, "the server never had to wait for room");
}

#[test]
fn a_slow_reader_makes_the_rust_server_wait_and_loses_nothing() {
    let address = format!("unix:@{}", unique_name("slow-reader-rust"));
    let listener = Socket::listen_on(&address, 16).expect("listen_on");
    listener.set_nonblocking(true).expect("set_nonblocking");
    let addr = listener.local_addr().expect("local_addr");
    let server = thread::spawn(move || rust_echo_server(listener, 1));
    slow_reader(&addr, &pool());
    let waits = server.join().expect("the Rust server served its client");
    println!("slow reader, the Rust server: echoes waited for POLLOUT {waits} times");
    assert!(waits > 0, "the server never had to wait for room");
}
