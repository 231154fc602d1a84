//! The message examples, each built against the static and the shared
//! library: fd_passing (a file and a socket handed to a child), udp_batch
//! (batches both ways over IPv4 and IPv6) and peer_credentials (a Unix
//! server that admits its own uid and refuses another).

use std::process::Command;

use sockcore_e2e::{c_build, unique_name, CBuild, Link, Process, TempDir};

fn build() -> &'static CBuild {
    c_build(env!("CARGO_TARGET_TMPDIR"))
}

#[test]
fn fd_passing_hands_a_file_and_a_socket_to_a_child() {
    for link in Link::BOTH {
        let text = format!("written by the parent, read by the child ({link})");
        let dir = TempDir::new("fd-passing");
        let finished = Process::spawn(
            Command::new(build().example(link, "fd_passing"))
                .arg(&text)
                .env("TMPDIR", dir.path()),
        )
        .finish();
        finished
            .assert_success()
            .assert_stdout_has("and unlinked it: fd ")
            .assert_stdout_has(
                "child: sc_recv_fds = 19 bytes (\"a file and a socket\") and 2 descriptors",
            )
            .assert_stdout_has(", both close-on-exec")
            .assert_stdout_has(&format!(
                "child: read {} bytes from the file: \"{text}\"",
                text.len()
            ))
            .assert_stdout_has(&format!(
                "parent: the child answered over the socket: \"the child read \"{text}\"\""
            ))
            .assert_stdout_has("parent: the child exited with status 0");
        let left = std::fs::read_dir(dir.path()).expect("the temp dir").count();
        assert_eq!(left, 0, "the parent unlinks its file: {finished}");
    }
}

/// udp_batch server and client over `address`: `batches` batches of 32.
fn udp_batch(link: Link, address: &str, batches: usize) {
    let datagrams = (batches * 32).to_string();
    let (server, bound) =
        build().start_example(link, "udp_batch", &["server", address, &datagrams]);
    build()
        .run_example(link, "udp_batch", &["client", &bound, &batches.to_string()])
        .assert_success()
        .assert_stdout_has(&format!(
            "client: sent {datagrams} datagrams in {batches} batches ("
        ))
        .assert_stdout_has(&format!("client: received {datagrams} echoes ("))
        .assert_stdout_has("every one intact");
    server
        .finish()
        .assert_success()
        .assert_stdout_has(&format!("server: received {datagrams} datagrams in "))
        .assert_stdout_has(&format!("echoed {datagrams}"));
}

#[test]
fn udp_batch_counts_datagrams_both_ways() {
    for link in Link::BOTH {
        udp_batch(link, "127.0.0.1:0", 10);
        udp_batch(link, "[::1]:0", 10);
    }
}

#[test]
fn peer_credentials_admits_its_own_uid() {
    let dir = TempDir::new("peer-credentials");
    // SAFETY: getuid has no preconditions.
    let uid = unsafe { libc::getuid() };
    for link in Link::BOTH {
        let addresses = [
            format!("unix:{}/creds-{link}.sock", dir.path().display()),
            format!("unix:@{}", unique_name("creds")),
        ];
        for address in &addresses {
            let (server, bound) =
                build().start_example(link, "peer_credentials", &["server", address, "1"]);
            assert_eq!(&bound, address);
            build()
                .run_example(link, "peer_credentials", &["client", address])
                .assert_success()
                .assert_stdout_has(&format!("client: the server answered: welcome, uid {uid}"));
            server
                .finish()
                .assert_success()
                .assert_stdout_has(&format!(" uid {uid} gid "))
                .assert_stdout_has(": the server's own uid")
                .assert_stdout_has("server: served 1 clients");
        }
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("the temp dir").count(),
        0,
        "the server removes its socket files"
    );
}

/// The uid a refused client takes: `nobody` on Debian and most systems.
const OTHER_UID: &str = "65534";

/// The refusal for real needs a client with another uid, which takes root
/// (the client calls setgid and setuid before connecting). A user namespace
/// would not do: SO_PEERCRED reports the kernel's uid mapped into the
/// server's namespace, so an unprivileged process cannot appear as another
/// user to a server outside its namespace. Without root the test checks
/// that the client says clearly why it cannot switch.
#[test]
fn peer_credentials_refuses_another_uid() {
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    for link in Link::BOTH {
        let address = format!("unix:@{}", unique_name("refused"));
        if !root {
            let client =
                build().run_example(link, "peer_credentials", &["client", &address, OTHER_UID]);
            assert_eq!(client.status.code(), Some(1), "{client}");
            assert!(
                client
                    .stderr
                    .contains("client: setgid failed: Operation not permitted (EPERM)"),
                "{client}"
            );
            continue;
        }
        let (server, _) =
            build().start_example(link, "peer_credentials", &["server", &address, "2"]);
        let refused =
            build().run_example(link, "peer_credentials", &["client", &address, OTHER_UID]);
        assert_eq!(refused.status.code(), Some(3), "refused: {refused}");
        refused
            .assert_stdout_has(&format!("client: now uid {OTHER_UID} gid {OTHER_UID}"))
            .assert_stdout_has(&format!(
                "client: the server answered: refused: uid {OTHER_UID} is not uid 0"
            ))
            .assert_stdout_has("client: the server refused this uid");
        // The server goes on serving after a refusal.
        build()
            .run_example(link, "peer_credentials", &["client", &address])
            .assert_success();
        server
            .finish()
            .assert_success()
            .assert_stdout_has(&format!(" uid {OTHER_UID}: only uid 0 may connect"))
            .assert_stdout_has(": the server's own uid")
            .assert_stdout_has("server: served 2 clients");
    }
}
