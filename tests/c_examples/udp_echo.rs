//! c-examples/udp_echo.c: a datagram each way over IPv4 and IPv6.

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
