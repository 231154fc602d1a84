//! c-examples/exec_handoff.c: a listener handed to a program started with
//! exec (sc_dup, sc_set_cloexec), which serves a C client and a Rust one on
//! it, while the launcher's own close-on-exec listener does not survive the
//! exec.

use std::time::Duration;

use sockcore::Socket;
use sockcore_e2e::Link;

use crate::build;

#[test]
fn the_exec_d_server_serves_on_the_handed_listener() {
    for (link, address) in [(Link::Static, "127.0.0.1:0"), (Link::Shared, "[::1]:0")] {
        let (server, bound) = build().start_example(link, "exec_handoff", &[address, "2"]);
        build()
            .run_example(link, "tcp_client", &[&bound, "through exec"])
            .assert_success()
            .assert_stdout_has("\"through exec\"");
        let rust = Socket::dial(&bound, Some(Duration::from_secs(5))).expect("dial");
        rust.write_all(b"and from Rust").expect("write");
        let mut echo = [0u8; 13];
        assert_eq!(rust.read_exact(&mut echo).map_err(|e| e.errno), Ok(13));
        assert_eq!(&echo, b"and from Rust");
        drop(rust);
        server
            .finish()
            .assert_success()
            .assert_stdout_has("goes to the server")
            .assert_stdout_has(", inherited across exec, is a listening stream socket")
            .assert_stdout_has("the launcher's own listener, did not come along: EBADF")
            .assert_stdout_has("server: served 2 clients");
    }
}
