//! c-examples/unix_echo.c: the one-call Unix flow (sc_listen_on, sc_dial,
//! sc_writev) over a path and an abstract name.

use sockcore_e2e::{unique_name, Link, TempDir};

use crate::build;

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
                .assert_stdout_has("a client with no name");
        }
        assert!(!path.exists(), "the server removes its socket file");
    }
}
