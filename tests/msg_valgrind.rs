//! The message examples and case tables under valgrind memcheck, once
//! each: no invalid access, no uninitialised read (the kernel's writes
//! into msghdr and mmsghdr arrays included), no leak. fd_passing's child
//! runs under valgrind too, since valgrind follows fork. valgrind exits
//! with 99 on any error, so the programs' own statuses stay
//! distinguishable.

use std::path::Path;
use std::process::Command;

use sockcore_e2e::{c_build, unique_name, CBuild, Finished, Link, Process};

fn build() -> &'static CBuild {
    c_build(env!("CARGO_TARGET_TMPDIR"))
}

fn memcheck(program: &Path) -> Command {
    let mut command = Command::new("valgrind");
    command
        .args(["--quiet", "--error-exitcode=99", "--leak-check=full"])
        .arg(program);
    command
}

fn assert_clean(finished: &Finished) {
    assert_eq!(finished.status.code(), Some(0), "{finished}");
    assert!(
        !finished.stderr.contains("=="),
        "valgrind reported something: {finished}"
    );
}

/// A server under valgrind, then a client under valgrind with the address
/// the server printed as its last argument.
fn server_and_client(link: Link, program: &str, server_args: &[&str], client_args: &[&str]) {
    let example = build().example(link, program);
    let mut server = Process::spawn(memcheck(&example).arg("server").args(server_args));
    let bound = server.wait_for_line("listening on ");
    let client = Process::spawn(
        memcheck(&example)
            .arg("client")
            .arg(&bound)
            .args(client_args),
    )
    .finish();
    assert_clean(&client);
    assert_clean(&server.finish());
}

#[test]
fn fd_passing_under_valgrind() {
    let program = build().example(Link::Shared, "fd_passing");
    let finished = Process::spawn(&mut memcheck(&program)).finish();
    assert_clean(&finished);
    finished.assert_stdout_has("parent: done");
}

#[test]
fn udp_batch_under_valgrind() {
    server_and_client(Link::Static, "udp_batch", &["127.0.0.1:0", "64"], &["2"]);
}

#[test]
fn peer_credentials_under_valgrind() {
    let address = format!("unix:@{}", unique_name("valgrind-creds"));
    server_and_client(Link::Shared, "peer_credentials", &[&address, "1"], &[]);
}

#[test]
fn case_tables_under_valgrind() {
    for name in ["msg_fds", "msg_batch", "msg_options", "msg_readiness"] {
        let program = build().test_program(Link::Static, name);
        let finished = Process::spawn(&mut memcheck(&program)).finish();
        assert_clean(&finished);
        assert!(finished.stdout.ends_with(" passed, 0 failed"), "{finished}");
    }
}
