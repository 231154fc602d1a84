//! The C examples and the bad-input table under valgrind memcheck: no
//! invalid access, no uninitialised read, no leak. valgrind exits with 99 on
//! any error, so the programs' own statuses stay distinguishable.

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

/// Stands for the address the server printed, in a client's arguments.
const ADDRESS: &str = "<address>";

/// A server and then a client, both under valgrind: program and arguments.
fn pair(link: Link, server: &[&str], client: &[&str]) {
    let (server_program, server_args) = server.split_first().expect("a server program");
    let mut server =
        Process::spawn(memcheck(&build().example(link, server_program)).args(server_args));
    let bound = server.wait_for_line("listening on ");
    let (client_program, client_args) = client.split_first().expect("a client program");
    let client_args = client_args
        .iter()
        .map(|&arg| if arg == ADDRESS { bound.as_str() } else { arg });
    assert_clean(
        &Process::spawn(memcheck(&build().example(link, client_program)).args(client_args))
            .finish(),
    );
    assert_clean(&server.finish());
}

#[test]
fn tcp_examples_under_valgrind() {
    for (link, address) in [(Link::Shared, "127.0.0.1:0"), (Link::Static, "[::1]:0")] {
        pair(
            link,
            &["tcp_server", address, "1"],
            &["tcp_client", ADDRESS, "under valgrind"],
        );
    }
}

#[test]
fn udp_examples_under_valgrind() {
    pair(
        Link::Shared,
        &["udp_echo", "server", "127.0.0.1:0", "1"],
        &["udp_echo", "client", ADDRESS, "a datagram under valgrind"],
    );
}

#[test]
fn unix_examples_under_valgrind() {
    let address = format!("unix:@{}", unique_name("valgrind"));
    pair(
        Link::Shared,
        &["unix_echo", "server", &address, "1"],
        &["unix_echo", "client", ADDRESS, "vectored under valgrind"],
    );
}

#[test]
fn bad_input_table_under_valgrind() {
    let program = build().test_program(Link::Static, "bad_input");
    let finished = Process::spawn(&mut memcheck(&program)).finish();
    assert_clean(&finished);
    assert!(finished.stdout.ends_with(" passed, 0 failed"), "{finished}");
}
