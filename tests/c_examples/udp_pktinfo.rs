//! c-examples/udp_pktinfo.c: a server on 0.0.0.0 (and on ::) answers each
//! client from the address the client asked, and reports the ECN bits and
//! TTL each request carried; clients bound to 127.0.0.1 and 127.0.0.2 ask
//! it at 127.0.0.2 and 127.0.0.1.

use sockcore_e2e::Link;

use crate::build;

/// The port of a "listening on ADDRESS" address.
fn port_of(bound: &str) -> &str {
    bound.rsplit(':').next().expect("a port")
}

#[test]
fn replies_from_the_address_each_request_reached_v4() {
    // (bound to, asks, --ecn, --ttl, what the server prints of it)
    let clients = [
        ("127.0.0.1", "127.0.0.2", "ect0", None, "ECN ECT(0), TTL 64"),
        ("127.0.0.2", "127.0.0.1", "ce", Some("7"), "ECN CE, TTL 7"),
        (
            "127.0.0.1",
            "127.0.0.1",
            "not-ect",
            None,
            "ECN Not-ECT, TTL 64",
        ),
        (
            "127.0.0.2",
            "127.0.0.2",
            "ect1",
            Some("200"),
            "ECN ECT(1), TTL 200",
        ),
    ];
    for link in Link::BOTH {
        let (server, bound) = build().start_example(
            link,
            "udp_pktinfo",
            &["server", "0.0.0.0:0", &clients.len().to_string()],
        );
        let port = port_of(&bound);
        for (bind, ask, ecn, ttl, _) in clients {
            let asked = format!("{ask}:{port}");
            let mut args = vec!["client", &asked, "--bind", bind, "--ecn", ecn];
            if let Some(ttl) = ttl {
                args.extend(["--ttl", ttl]);
            }
            build()
                .run_example(link, "udp_pktinfo", &args)
                .assert_success()
                .assert_stdout_has(&format!("client: reply from {asked}"));
        }
        let finished = server.finish();
        finished.assert_success();
        for (bind, ask, _, _, marks) in clients {
            finished.assert_stdout_has(&format!(" from {bind}:"));
            finished.assert_stdout_has(&format!(" to {ask} on interface 1: {marks}"));
        }
        finished.assert_stdout_has("server: replied from 127.0.0.2");
        finished.assert_stdout_has("server: answered 4 requests");
    }
}

#[test]
fn replies_over_ipv6() {
    for link in Link::BOTH {
        let (server, bound) =
            build().start_example(link, "udp_pktinfo", &["server", "[::]:0", "1"]);
        let asked = format!("[::1]:{}", port_of(&bound));
        build()
            .run_example(
                link,
                "udp_pktinfo",
                &["client", &asked, "--ecn", "ce", "--ttl", "5"],
            )
            .assert_success()
            .assert_stdout_has(&format!("client: reply from {asked}"));
        server
            .finish()
            .assert_success()
            .assert_stdout_has(" to ::1 on interface 1: ECN CE, TTL 5");
    }
}
