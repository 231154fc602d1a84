//! The fault table through the C ABI (tests/c/faults.c), and EMFILE at
//! accept in the C servers.
//!
//! tests/c/faults.c, linked against libsockcore.a, runs EINTR storms,
//! partial writes, peer resets, half-close, refused and timed-out
//! connections, 1,000 failures of each kind with the descriptors counted,
//! and close-on-exec, as a C program does: with `SIGPIPE` at its default.
//!
//! The EMFILE cases run a C example server with `RLIMIT_NOFILE` lowered,
//! connect clients until its accept fails, and check that it says so with
//! sc_strerror's text and serves again once clients leave.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use sockcore::{Socket, SocketAddr};
use sockcore_e2e::{c_build, inherit_only_stdio, CBuild, Link, Process};

fn build() -> &'static CBuild {
    c_build(env!("CARGO_TARGET_TMPDIR"))
}

#[test]
fn fault_table_through_the_c_abi() {
    let start = Instant::now();
    let program = build().test_program(Link::Static, "faults");
    let finished = Process::spawn(&mut Command::new(program)).finish();
    finished.assert_success();
    println!("{}", finished.stdout);
    let figure = finished
        .stdout
        .lines()
        .find_map(|line| line.strip_prefix("faults: "))
        .unwrap_or_else(|| panic!("no figure line in {finished}"));
    let (tried, held) = figure
        .split_once(" cases tried, ")
        .and_then(|(tried, rest)| {
            let held = rest.strip_suffix(" held")?;
            Some((tried.parse::<u32>().ok()?, held.parse::<u32>().ok()?))
        })
        .unwrap_or_else(|| panic!("a malformed figure line: {figure}"));
    assert_eq!(tried, held, "{finished}");
    assert!(tried >= 40, "only {tried} cases ran:\n{finished}");
    println!(
        "fault table (C ABI): {tried} cases tried, {held} held, in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

/// The descriptor limit the servers run under: a handful of clients fit.
const NOFILE: u32 = 16;

/// `program args` under `sh`, with `RLIMIT_NOFILE` at [`NOFILE`] and
/// standard error joined to standard output, so that the EMFILE report
/// comes in order with the lines about accepted clients. The server starts
/// with standard input, output and error only: descriptors this test
/// process inherited would take slots under the limit.
fn limited(program: &Path, args: &[&str]) -> Command {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("ulimit -n {NOFILE} && exec \"$0\" \"$@\" 2>&1"))
        .arg(program)
        .args(args);
    inherit_only_stdio(&mut command);
    command
}

/// The server's next line about sc_accept: what follows ": sc_accept ",
/// either "= fd N…" or "failed: …".
fn next_accept(server: &mut Process) -> String {
    server.wait_for_line(": sc_accept ")
}

/// Skips reports of the server retrying in vain until it accepts someone.
fn next_accepted(server: &mut Process) {
    for _ in 0..100 {
        if next_accept(server).starts_with("= fd ") {
            return;
        }
    }
    panic!("the server never accepted again");
}

/// Sends `message` and expects it back.
fn assert_echo(client: &Socket, message: &[u8]) {
    client.write_all(message).expect("the client writes");
    assert_read_back(client, message);
}

fn assert_read_back(client: &Socket, message: &[u8]) {
    let mut echo = vec![0u8; message.len()];
    assert_eq!(client.read_exact(&mut echo), Ok(message.len()));
    assert_eq!(echo, message);
}

fn dial(addr: &SocketAddr) -> Socket {
    let client = Socket::dial_addr(addr, Some(Duration::from_secs(5)))
        .expect("the kernel queues the connection");
    client
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("SO_RCVTIMEO");
    client
}

/// Clients connect one at a time until the server's sc_accept fails with
/// EMFILE; then two leave, and the client that waited in the backlog is
/// served, and so is a new one.
fn emfile_at_accept(program: &str) {
    let mut server = Process::spawn(&mut limited(
        &build().example(Link::Static, program),
        &["127.0.0.1:0"],
    ));
    let addr = SocketAddr::parse(&server.wait_for_line("listening on "))
        .expect("the server prints its address");
    let mut served = Vec::new();
    let waiting = loop {
        assert!(
            served.len() < NOFILE as usize,
            "{program}: accept never failed"
        );
        let client = dial(&addr);
        let accept = next_accept(&mut server);
        if accept.starts_with("= fd ") {
            assert_echo(&client, b"served");
            served.push(client);
            continue;
        }
        assert!(
            accept.starts_with("failed: Too many open files (EMFILE)"),
            "{program}: {accept}"
        );
        break client;
    };
    let before = served.len();
    assert!(before >= 4, "{program}: EMFILE after only {before} clients");
    // Written while the server has no descriptor for it: it waits queued.
    waiting
        .write_all(b"waited")
        .expect("the waiting client writes");
    served.truncate(before - 2);
    next_accepted(&mut server);
    assert_read_back(&waiting, b"waited");
    let fresh = dial(&addr);
    next_accepted(&mut server);
    assert_echo(&fresh, b"fresh");
    for client in &served {
        assert_echo(client, b"still served");
    }
    println!(
        "{program}: RLIMIT_NOFILE {NOFILE}: EMFILE reported after {before} clients; \
         two left, then the waiting client and a new one were served"
    );
}

#[test]
fn tcp_server_reports_emfile_and_serves_again() {
    emfile_at_accept("tcp_server");
}

#[test]
fn epoll_echo_reports_emfile_and_serves_again() {
    emfile_at_accept("epoll_echo");
}
