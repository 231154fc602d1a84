//! c-examples/epoll_echo.c on sockcore's epoll calls: clients served one
//! after another through tcp_client, every echo checked. (tests/load.rs
//! runs it with 1,000 clients at once, and a slow reader; faults.rs out of
//! descriptors.)

use sockcore_e2e::Link;

use crate::build;

#[test]
fn epoll_echo_serves_tcp_clients() {
    for link in Link::BOTH {
        let (server, bound) = build().start_example(link, "epoll_echo", &["127.0.0.1:0", "2"]);
        for n in 1..=2 {
            let message = format!("echo number {n} through sc_epoll_wait ({link})");
            build()
                .run_example(link, "tcp_client", &[&bound, &message])
                .assert_success()
                .assert_stdout_has(&format!("= {}: \"{message}\"", message.len()));
        }
        server
            .finish()
            .assert_success()
            .assert_stdout_has("epoll_echo: served 2 clients, echoed ")
            .assert_stdout_has(" 0 failed; ");
    }
}
