//! c-examples/udp_echo.c: a datagram each way over IPv4 and IPv6, and
//! with the address given as a port number alone (built from numbers).

use sockcore_e2e::Link;

use crate::build;

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
fn udp_echo_with_a_port_number_alone() {
    for link in Link::BOTH {
        let message = format!("a datagram to a port number ({link})");
        let (server, bound) = build().start_example(link, "udp_echo", &["server", "0", "1"]);
        let port = bound
            .strip_prefix("127.0.0.1:")
            .unwrap_or_else(|| panic!("port 0 alone binds 127.0.0.1, not {bound}"));
        build()
            .run_example(link, "udp_echo", &["client", port, &message])
            .assert_success()
            .assert_stdout_has(&format!(
                "sc_recvfrom = {} bytes from {bound}: \"{message}\"",
                message.len()
            ));
        server
            .finish()
            .assert_success()
            .assert_stdout_has("echoed 1 datagrams");
    }
    let refused = build().run_example(Link::Static, "udp_echo", &["client", "65536", "x"]);
    assert_eq!(refused.status.code(), Some(2), "{refused}");
    assert!(
        refused.stderr.contains("not a port from 0 to 65535: 65536"),
        "{refused}"
    );
}
