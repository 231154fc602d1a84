//! c-examples/tcp_server.c and tcp_client.c: the server/client flow over
//! IPv4, IPv6, a Unix path and an abstract name, a server that serves one
//! client while another stays connected, and a failed step's exit status
//! and message.

use std::time::Duration;

use sockcore::{Domain, Shutdown, SockFlags, Socket, SocketAddr, Type};
use sockcore_e2e::{unique_name, Link, TempDir};

use crate::build;

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
        let first = Socket::dial_addr(&addr, Some(Duration::from_secs(5)))
            .expect("the first client connects");
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
