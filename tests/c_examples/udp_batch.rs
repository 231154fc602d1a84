//! c-examples/udp_batch.c: batches of 32 datagrams both ways over IPv4
//! and IPv6.

use sockcore_e2e::Link;

use crate::build;

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
