//! The C examples against each other, each built against the static and the
//! shared library: the seed's TCP flow over IPv4, IPv6, a Unix path and an
//! abstract name, UDP datagrams, the Unix one-call flow, and `make demo`.

use sockcore::{Domain, Shutdown, SockFlags, Socket, SocketAddr, Type};
use sockcore_e2e::{c_build, unique_name, CBuild, Link, Process, TempDir};

fn build() -> &'static CBuild {
    c_build(env!("CARGO_TARGET_TMPDIR"))
}

/// tcp_server for one client, tcp_client with `message`: the echo arrives
/// intact, and both print every step.
fn tcp_flow(link: Link, address: &str) {
    let message = format!("hello over {address} through libsockcore.{link}");
    let (server, bound) = build().start_example(link, "tcp_server", &[address, "1"]);
    let client = build().run_example(link, "tcp_client", &[&bound, &message]);
    client
        .assert_success()
        .assert_stdout_has("client: sc_socket(")
        .assert_stdout_has(&format!(", {bound})\nclient: connected from"))
        .assert_stdout_has(&format!("= {}: \"{message}\"", message.len()))
        .assert_stdout_has("client: sc_read = 0: the server closed");
    server
        .finish()
        .assert_success()
        .assert_stdout_has(&format!("sc_read = {} bytes; echoing them", message.len()))
        .assert_stdout_has("server: served 1 clients");
}

#[test]
fn tcp_flow_over_ipv4() {
    for link in Link::BOTH {
        tcp_flow(link, "127.0.0.1:0");
    }
}

#[test]
fn tcp_flow_over_ipv6() {
    for link in Link::BOTH {
        tcp_flow(link, "[::1]:0");
    }
}

#[test]
fn tcp_flow_over_a_unix_path() {
    let dir = TempDir::new("c-examples");
    for link in Link::BOTH {
        tcp_flow(link, &format!("unix:{}/{link}.sock", dir.path().display()));
    }
}

#[test]
fn tcp_flow_over_an_abstract_name() {
    for link in Link::BOTH {
        tcp_flow(link, &format!("unix:@{}", unique_name("tcp")));
    }
}

#[test]
fn tcp_server_serves_a_client_while_another_stays_connected() {
    for link in Link::BOTH {
        let (server, bound) = build().start_example(link, "tcp_server", &["127.0.0.1:0", "2"]);
        let addr = SocketAddr::parse(&bound).expect("the server prints a valid address");
        let first = Socket::dial_addr(&addr, 5000).expect("the first client connects");
        first.write_all(b"first").expect("the first client writes");
        let mut echo = [0u8; 5];
        assert_eq!(first.read_exact(&mut echo), Ok(5));
        assert_eq!(&echo, b"first");

        // The first client is still connected: the server must serve this one.
        build()
            .run_example(link, "tcp_client", &[&bound, "second"])
            .assert_success();

        first.shutdown(Shutdown::Write).expect("shutdown");
        assert_eq!(
            first.read(&mut echo),
            Ok(0),
            "the server closes after end of stream"
        );
        server
            .finish()
            .assert_success()
            .assert_stdout_has("served 2 clients");
    }
}

#[test]
fn udp_echo_over_ipv4_and_ipv6() {
    for link in Link::BOTH {
        for address in ["127.0.0.1:0", "[::1]:0"] {
            let message = format!("a datagram over {address} ({link})");
            let (server, bound) =
                build().start_example(link, "udp_echo", &["server", address, "1"]);
            build()
                .run_example(link, "udp_echo", &["client", &bound, &message])
                .assert_success()
                .assert_stdout_has(&format!(
                    "sc_recvfrom = {} bytes from {bound}: \"{message}\"",
                    message.len()
                ));
            server
                .finish()
                .assert_success()
                .assert_stdout_has(&format!("sc_recvfrom = {} bytes from", message.len()))
                .assert_stdout_has("echoed 1 datagrams");
        }
    }
}

#[test]
fn unix_echo_over_a_path_and_an_abstract_name() {
    let dir = TempDir::new("c-examples");
    for link in Link::BOTH {
        let path = dir.path().join(format!("echo-{link}.sock"));
        let addresses = [
            format!("unix:{}", path.display()),
            format!("unix:@{}", unique_name("echo")),
        ];
        for address in &addresses {
            let message = format!("vectored over {address}, {link}");
            let (server, bound) =
                build().start_example(link, "unix_echo", &["server", address, "1"]);
            assert_eq!(
                &bound, address,
                "the server prints the address it listens on"
            );
            build()
                .run_example(link, "unix_echo", &["client", address, &message])
                .assert_success()
                .assert_stdout_has("client: sc_writev(")
                .assert_stdout_has(&format!("echo of {} bytes: \"{message}\"", message.len()));
            server
                .finish()
                .assert_success()
                .assert_stdout_has("a client from unix:");
        }
        assert!(!path.exists(), "the server removes its socket file");
    }
}

#[test]
fn a_failed_step_exits_non_zero_with_strerrors_message() {
    // A bound socket that does not listen holds a port that refuses.
    let refusing = Socket::new(Domain::IPV4, Type::STREAM, SockFlags::empty()).expect("a socket");
    refusing
        .bind(&SocketAddr::v4([127, 0, 0, 1], 0))
        .expect("bind");
    let refused = refusing.local_addr().expect("its address").to_string();
    for link in Link::BOTH {
        let client = build().run_example(link, "tcp_client", &[&refused]);
        assert_eq!(client.status.code(), Some(1), "{client}");
        assert!(
            client
                .stderr
                .contains("client: sc_connect failed: Connection refused (ECONNREFUSED)"),
            "{client}"
        );
        let server = build().run_example(link, "tcp_server", &["127.0.0.1"]);
        assert_eq!(server.status.code(), Some(1), "{server}");
        assert!(
            server
                .stderr
                .contains("server: sc_addr_parse failed: Invalid argument (EINVAL)"),
            "{server}"
        );
    }
}

#[test]
fn make_demo_runs_the_c_flow_then_the_rust_flow() {
    let demo = Process::spawn(&mut build().make_goal("demo")).finish();
    demo.assert_success()
        .assert_stdout_has("server: listening on 127.0.0.1:")
        .assert_stdout_has("client: sc_read_exact(fd ")
        .assert_stdout_has("server: served 1 clients")
        .assert_stdout_has("== the C flow is done; now the same flow in Rust")
        .assert_stdout_has("flow: done");
}
