//! c-examples/tcp_server.c and tcp_client.c against Rust: the C client
//! against a server written with sockcore's Rust API, and a Rust client
//! against the C server; what arrives is compared byte for byte.

use std::process::Command;
use std::thread;
use std::time::Duration;

use sockcore::{poll, PollFlags, Shutdown, SockFlags, Socket, SocketAddr};
use sockcore_e2e::{unique_name, Link, Process, TempDir, TIMEOUT};

use crate::build;

/// Accepts one client, echoes everything until it shuts down, and returns
/// what it received.
fn rust_echo_server(listener: Socket) -> Vec<u8> {
    let (conn, _peer) = listener.accept(SockFlags::empty()).expect("accept");
    let mut received = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = conn.read(&mut buf).expect("read");
        if n == 0 {
            return received;
        }
        received.extend_from_slice(&buf[..n]);
        conn.write_all(&buf[..n]).expect("echo");
    }
}

#[test]
fn c_client_against_a_rust_server() {
    let dir = TempDir::new("interop");
    // Not ASCII only: the bytes must arrive exactly as the C client sent them.
    let message = "C → Rust: héllo, sockcore ✓";
    for link in Link::BOTH {
        let addresses = [
            "127.0.0.1:0".to_owned(),
            "[::1]:0".to_owned(),
            format!("unix:{}/rust-{link}.sock", dir.path().display()),
            format!("unix:@{}", unique_name("rust-server")),
        ];
        for address in &addresses {
            let listener = Socket::listen_on(address, 4).expect("the Rust server listens");
            let bound = listener.local_addr().expect("its address").to_string();
            let server = thread::spawn(move || rust_echo_server(listener));
            let client = Process::spawn(
                Command::new(build().example(link, "tcp_client")).args([&bound, message]),
            );
            client
                .finish()
                .assert_success()
                .assert_stdout_has(&format!("\"{message}\""));
            let received = server.join().expect("the Rust server");
            assert_eq!(received, message.as_bytes(), "over {address} ({link})");
        }
    }
}

/// A megabyte of every byte value, NULs included, in no simple pattern.
fn payload() -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    (0..1 << 20)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[3]
        })
        .collect()
}

#[test]
fn rust_client_against_the_c_server() {
    let payload = payload();
    for link in Link::BOTH {
        for address in ["127.0.0.1:0", "[::1]:0"] {
            let mut server = Process::spawn(
                Command::new(build().example(link, "tcp_server")).args([address, "1"]),
            );
            let bound =
                SocketAddr::parse(&server.wait_for_line("listening on ")).expect("a valid address");
            let client = Socket::dial_addr(&bound, Some(Duration::from_secs(5)))
                .expect("the Rust client connects");

            // Write and read at once: the echo of a megabyte would fill both
            // socket buffers before a write-then-read client got to reading.
            let echoed = thread::scope(|scope| {
                scope.spawn(|| {
                    client.write_all(&payload).expect("write");
                    client.shutdown(Shutdown::Write).expect("shutdown");
                });
                let mut echoed = Vec::with_capacity(payload.len());
                let mut buf = [0u8; 65536];
                loop {
                    poll::wait_ready(client.as_raw_fd(), PollFlags::IN, Some(TIMEOUT))
                        .expect("the echo keeps coming");
                    let n = client.read(&mut buf).expect("read");
                    if n == 0 {
                        break echoed;
                    }
                    echoed.extend_from_slice(&buf[..n]);
                }
            });
            assert!(
                echoed == payload,
                "{} of {} bytes came back, or they differ ({link})",
                echoed.len(),
                payload.len()
            );
            server
                .finish()
                .assert_success()
                .assert_stdout_has("served 1 clients");
        }
    }
}
