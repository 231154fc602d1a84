//! c-examples/peer_credentials.c: a Unix server that admits its own uid
//! and refuses another.

use sockcore_e2e::{unique_name, Link, TempDir};

use crate::build;

#[test]
fn peer_credentials_admits_its_own_uid() {
    let dir = TempDir::new("peer-credentials");
    // SAFETY: getuid has no preconditions.
    let uid = unsafe { libc::getuid() };
    for link in Link::BOTH {
        let addresses = [
            format!("unix:{}/creds-{link}.sock", dir.path().display()),
            format!("unix:@{}", unique_name("creds")),
        ];
        for address in &addresses {
            let (server, bound) =
                build().start_example(link, "peer_credentials", &["server", address, "1"]);
            assert_eq!(&bound, address);
            build()
                .run_example(link, "peer_credentials", &["client", address])
                .assert_success()
                .assert_stdout_has(&format!("client: the server answered: welcome, uid {uid}"));
            server
                .finish()
                .assert_success()
                .assert_stdout_has(&format!(" uid {uid} gid "))
                .assert_stdout_has(": the server's own uid")
                .assert_stdout_has("server: served 1 clients");
        }
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("the temp dir").count(),
        0,
        "the server removes its socket files"
    );
}

/// The uid a refused client takes: `nobody` on Debian and most systems.
const OTHER_UID: &str = "65534";

/// The refusal for real needs a client with another uid, which takes root
/// (the client calls setgid and setuid before connecting). A user namespace
/// would not do: SO_PEERCRED reports the kernel's uid mapped into the
/// server's namespace, so an unprivileged process cannot appear as another
/// user to a server outside its namespace. Without root the test checks
/// that the client says clearly why it cannot switch.
#[test]
fn peer_credentials_refuses_another_uid() {
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    for link in Link::BOTH {
        let address = format!("unix:@{}", unique_name("refused"));
        if !root {
            let client =
                build().run_example(link, "peer_credentials", &["client", &address, OTHER_UID]);
            assert_eq!(client.status.code(), Some(1), "{client}");
            assert!(
                client
                    .stderr
                    .contains("client: setgid failed: Operation not permitted (EPERM)"),
                "{client}"
            );
            continue;
        }
        let (server, _) =
            build().start_example(link, "peer_credentials", &["server", &address, "2"]);
        let refused =
            build().run_example(link, "peer_credentials", &["client", &address, OTHER_UID]);
        assert_eq!(refused.status.code(), Some(3), "refused: {refused}");
        refused
            .assert_stdout_has(&format!("client: now uid {OTHER_UID} gid {OTHER_UID}"))
            .assert_stdout_has(&format!(
                "client: the server answered: refused: uid {OTHER_UID} is not uid 0"
            ))
            .assert_stdout_has("client: the server refused this uid");
        // The server goes on serving after a refusal.
        build()
            .run_example(link, "peer_credentials", &["client", &address])
            .assert_success();
        server
            .finish()
            .assert_success()
            .assert_stdout_has(&format!(" uid {OTHER_UID}: only uid 0 may connect"))
            .assert_stdout_has(": the server's own uid")
            .assert_stdout_has("server: served 2 clients");
    }
}
