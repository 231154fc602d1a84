//! c-examples/tcp_info.c: the snapshot of a live loopback connection after
//! 1 MiB, both ends, and of a connection to tcp_server. qemu-user answers
//! TCP_INFO with 4 bytes, so .ci/cross does not run it.

use sockcore_e2e::Link;

use crate::build;

/// The number after `prefix` on a line of `stdout`.
fn figure(stdout: &str, prefix: &str) -> u64 {
    stdout
        .lines()
        .find_map(|line| line.strip_prefix(prefix))
        .and_then(|rest| rest.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {prefix:?} line in:\n{stdout}"))
}

#[test]
fn both_ends_of_a_loopback_connection() {
    for link in Link::BOTH {
        let finished = build().run_example(link, "tcp_info", &[]);
        finished
            .assert_success()
            .assert_stdout_has("client: state ESTABLISHED\n")
            .assert_stdout_has("server: state ESTABLISHED\n")
            .assert_stdout_has("client: options timestamps sack wscale\n")
            .assert_stdout_has("client: bytes_acked 1048577\n")
            .assert_stdout_has("server: bytes_received 1048576\n")
            .assert_stdout_has("client: retransmits ");
        assert!(figure(&finished.stdout, "client: delivery_rate ") > 0);
        assert!(figure(&finished.stdout, "client: segs_out ") >= 2);
    }
}

#[test]
fn a_connection_to_tcp_server() {
    let (server, bound) = build().start_example(Link::Static, "tcp_server", &["127.0.0.1:0", "1"]);
    build()
        .run_example(Link::Shared, "tcp_info", &[&bound])
        .assert_success()
        .assert_stdout_has("echoed 30 bytes")
        .assert_stdout_has("client: state ESTABLISHED\n")
        .assert_stdout_has("client: bytes_received 30\n");
    server
        .finish()
        .assert_success()
        .assert_stdout_has("served 1 clients");
}
