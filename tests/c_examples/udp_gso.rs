//! c-examples/udp_gso.c: 16 MiB from the C sender to the C receiver over
//! IPv4 and IPv6, with offload and without, the same checksum each way;
//! the system calls counted with strace (one `sendmsg` per 54 datagrams of
//! 1,200 bytes, one `recvmsg` per coalesced run; `sendmmsg` batches of 64
//! without offload); and against the Rust API both ways.

use std::fs;
use std::process::Command;
use std::thread;
use std::time::Duration;

use sockcore::udp::{UdpOffload, UDP_GRO_BUFFER};
use sockcore::{poll, Domain, MsgFlags, PollFlags, SockFlags, Socket, SocketAddr, Type};
use sockcore_e2e::{Finished, Link, Process, TempDir};

use crate::build;

const MIB: usize = 16;

/// The value after `prefix` on the line that has it.
fn field<'a>(finished: &'a Finished, prefix: &str) -> &'a str {
    finished
        .stdout
        .lines()
        .find_map(|line| line.strip_prefix(prefix))
        .unwrap_or_else(|| panic!("no {prefix:?} line in {finished}"))
}

/// The 64-bit FNV-1a checksum the example prints, over `bytes` after `sum`.
fn fnv(sum: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(sum, |sum, &b| {
        (sum ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// The receiver on `address`, then the sender with `send_args` after the
/// address and size: the sender's and the receiver's output.
fn transfer(link: Link, address: &str, send_args: &[&str]) -> (Finished, Finished) {
    let mib = MIB.to_string();
    let (receiver, bound) = build().start_example(link, "udp_gso", &["recv", address, &mib]);
    let mut args = vec!["send", &bound, &mib];
    args.extend_from_slice(send_args);
    let sent = build().run_example(link, "udp_gso", &args);
    sent.assert_success();
    let received = receiver.finish();
    received.assert_success();
    (sent, received)
}

#[test]
fn sender_to_receiver_with_and_without_offload() {
    for (link, address) in [(Link::Static, "127.0.0.1:0"), (Link::Shared, "[::1]:0")] {
        let (sent, received) = transfer(link, address, &[]);
        sent.assert_stdout_has("send: offload: yes");
        assert_eq!(
            field(&sent, "send: checksum "),
            field(&received, "recv: checksum ")
        );
        // 874 datagrams in each 1 MiB call, received as runs of up to 54.
        received.assert_stdout_has(&format!(
            "recv: {} bytes, {} datagrams in ",
            MIB << 20,
            MIB * 874
        ));
        let per_receive: f64 = field(&received, "recv: ")
            .split(" (")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no datagrams per receive in {received}"));
        assert!(per_receive > 10.0, "{received}");

        let (without, received) = transfer(link, address, &["1200", "--no-gso"]);
        without.assert_stdout_has("send: offload: no (turned off)");
        assert_eq!(
            field(&without, "send: checksum "),
            field(&sent, "send: checksum ")
        );
        assert_eq!(
            field(&received, "recv: checksum "),
            field(&sent, "send: checksum ")
        );
        received.assert_stdout_has("(1.0 datagrams per receive)");
    }
}

/// The calls of `program` under `strace -f -c`, by name.
fn strace_counts(
    dir: &TempDir,
    name: &str,
    program: &mut Command,
) -> (Finished, Vec<(String, u64)>) {
    let out = dir.path().join(name);
    let finished = Process::spawn(program).finish();
    finished.assert_success();
    let table = fs::read_to_string(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    let counts = table
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            // % time, seconds, usecs/call, calls, [errors,] syscall
            let calls = fields.get(3)?.parse().ok()?;
            Some((fields.last()?.to_string(), calls))
        })
        .collect();
    (finished, counts)
}

fn calls(counts: &[(String, u64)], name: &str) -> u64 {
    counts
        .iter()
        .find(|(n, _)| n == name)
        .map_or(0, |(_, c)| *c)
}

#[test]
fn system_calls_counted_with_strace() {
    let dir = TempDir::new("udp-gso-strace");
    let mib = MIB.to_string();
    for (send_args, sendmsg, sendmmsg) in [
        // 1 MiB: 16 calls of 54 datagrams, then 9 and the short last.
        (&[][..], MIB as u64 * 17, 0),
        // 874 datagrams: 14 batches of up to 64.
        (&["1200", "--no-gso"][..], 0, MIB as u64 * 14),
    ] {
        let strace = |name: &str| {
            let mut command = Command::new("strace");
            command
                .args([
                    "-f",
                    "-qq",
                    "-c",
                    "-e",
                    "trace=sendmsg,sendmmsg,recvmsg,recvmmsg",
                    "-o",
                ])
                .arg(dir.path().join(name))
                .arg(build().example(Link::Static, "udp_gso"));
            command
        };
        let mut receiver = strace("recv.txt");
        receiver.args(["recv", "127.0.0.1:0", &mib]);
        let mut receiving = Process::spawn(&mut receiver);
        let bound = receiving.wait_for_line("listening on ");
        let mut sender = strace("send.txt");
        sender.args(["send", &bound, &mib]).args(send_args);
        let (sent, sender_counts) = strace_counts(&dir, "send.txt", &mut sender);
        assert_eq!(
            calls(&sender_counts, "sendmsg"),
            sendmsg,
            "{sender_counts:?}\n{sent}"
        );
        assert_eq!(
            calls(&sender_counts, "sendmmsg"),
            sendmmsg,
            "{sender_counts:?}"
        );
        let received = receiving.finish();
        received.assert_success();
        let receives: u64 = field(&received, "recv: ")
            .split(" datagrams in ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no receive count in {received}"));
        let table = fs::read_to_string(dir.path().join("recv.txt")).unwrap();
        let recvmsg = table
            .lines()
            .find(|line| line.trim_end().ends_with(" recvmsg"))
            .and_then(|line| line.split_whitespace().nth(3)?.parse::<u64>().ok());
        assert_eq!(
            recvmsg,
            Some(receives),
            "one recvmsg per run:\n{table}\n{received}"
        );
    }
}

#[test]
fn against_the_rust_api() {
    // A Rust sender to the C receiver.
    let (receiver, bound) =
        build().start_example(Link::Shared, "udp_gso", &["recv", "127.0.0.1:0", "4"]);
    let to = SocketAddr::parse(&bound).unwrap();
    let socket = Socket::new(Domain::for_addr(&to), Type::DGRAM, SockFlags::empty()).unwrap();
    let mut offload = UdpOffload::new(&socket).unwrap();
    let payload: Vec<u8> = (0..(1u32 << 20))
        .map(|i| (i * 13 + i / 977) as u8)
        .collect();
    let mut sum = FNV_START;
    for _ in 0..4 {
        assert_eq!(
            offload.send(&payload, 1000, MsgFlags::empty(), Some(&to)),
            Ok(payload.len())
        );
        sum = fnv(sum, &payload);
    }
    let received = receiver.finish();
    received.assert_success();
    assert_eq!(field(&received, "recv: checksum "), format!("{sum:016x}"));

    // The C sender to a Rust receiver.
    let rx = Socket::new(Domain::IPV6, Type::DGRAM, SockFlags::empty()).unwrap();
    rx.bind(&SocketAddr::parse("[::1]:0").unwrap()).unwrap();
    rx.set_udp_gro(true).unwrap();
    rx.set_option_raw(
        libc::SOL_SOCKET,
        libc::SO_RCVBUFFORCE,
        &(64i32 << 20).to_ne_bytes(),
    )
    .unwrap();
    let bound = rx.local_addr().unwrap().to_string();
    let receiving = thread::spawn(move || {
        let offload = UdpOffload::new(&rx).unwrap();
        let mut buf = vec![0u8; UDP_GRO_BUFFER];
        let (mut sum, mut got, mut runs) = (FNV_START, 0, 0);
        while got < 4 << 20 {
            let ready =
                poll::wait_ready(rx.as_raw_fd(), PollFlags::IN, Some(Duration::from_secs(5)));
            assert!(ready.is_ok(), "stalled at {got}");
            let run = offload.recv(&mut buf, MsgFlags::DONTWAIT).unwrap();
            assert_eq!(run.segment, 1400);
            sum = fnv(sum, run.data);
            got += run.len;
            runs += 1;
        }
        (sum, runs)
    });
    let sent = build().run_example(Link::Static, "udp_gso", &["send", &bound, "4", "1400"]);
    sent.assert_success()
        .assert_stdout_has("send: offload: yes");
    let (sum, runs) = receiving.join().unwrap();
    assert_eq!(field(&sent, "send: checksum "), format!("{sum:016x}"));
    assert!(runs < 4 * 750 / 10, "{runs} runs");
}
