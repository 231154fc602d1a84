//! Every C example and C test program under valgrind memcheck: no invalid
//! access, no uninitialised read, no leak, and no descriptor left open at
//! exit (`--track-fds=yes`) but standard input, output and error. The list
//! of programs is tests/c_programs/mod.rs, shared with tests/sanitizers.rs.
//!
//! valgrind exits with 99 on an error, so the programs' own statuses stay
//! distinguishable; its descriptor report does not change the status, so
//! any output from it at all (`--quiet` leaves only findings) fails a run.
//! Forked children run under memcheck too, each with its own report.

mod c_programs;

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use c_programs::{Built, Tool, TABLES};
use sockcore_e2e::Finished;

/// The examples' own flags (c-examples/Makefile).
const CFLAGS: [&str; 2] = ["-O2", "-g"];

struct Memcheck;

impl Tool for Memcheck {
    fn wrap(&self, program: &Path) -> Command {
        let mut command = Command::new("valgrind");
        command
            .args([
                "--quiet",
                "--error-exitcode=99",
                "--leak-check=full",
                "--track-fds=yes",
            ])
            .arg(program);
        command
    }

    fn assert_clean(&self, finished: &Finished) {
        assert_eq!(finished.status.code(), Some(0), "{finished}");
        assert!(
            !finished.stderr.contains("=="),
            "valgrind reported something: {finished}"
        );
    }
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| Built::new("memcheck", &CFLAGS))
}

#[test]
fn tcp_examples_under_valgrind() {
    c_programs::tcp_examples(&Memcheck, built());
}

#[test]
fn udp_echo_under_valgrind() {
    c_programs::udp_echo(&Memcheck, built());
}

#[test]
fn unix_echo_under_valgrind() {
    c_programs::unix_echo(&Memcheck, built());
}

#[test]
fn addresses_under_valgrind() {
    c_programs::addresses(&Memcheck, built());
}

#[test]
fn epoll_echo_under_valgrind() {
    c_programs::epoll_echo(&Memcheck, built());
}

#[test]
fn tcp_info_under_valgrind() {
    c_programs::tcp_info(&Memcheck, built());
}

#[test]
fn sendfile_server_under_valgrind() {
    c_programs::sendfile_server(&Memcheck, built());
}

#[test]
fn fd_passing_under_valgrind() {
    c_programs::fd_passing(&Memcheck, built());
}

#[test]
fn udp_batch_under_valgrind() {
    c_programs::udp_batch(&Memcheck, built());
}

#[test]
fn udp_pktinfo_under_valgrind() {
    c_programs::udp_pktinfo(&Memcheck, built());
}

#[test]
fn udp_gso_under_valgrind() {
    c_programs::udp_gso(&Memcheck, built());
}

#[test]
fn peer_credentials_under_valgrind() {
    c_programs::peer_credentials(&Memcheck, built());
}

#[test]
fn exec_handoff_under_valgrind() {
    c_programs::exec_handoff(&Memcheck, built());
}

#[test]
fn zerocopy_send_under_valgrind() {
    c_programs::zerocopy_send(&Memcheck, built());
}

#[test]
fn case_tables_under_valgrind() {
    for name in TABLES {
        let passed = c_programs::table(&Memcheck, built(), name);
        println!("{name} under memcheck: {passed} cases tried, {passed} held, no finding");
    }
}

#[test]
fn cxx_and_version_programs_under_valgrind() {
    c_programs::cxx_and_version(&Memcheck, built());
}
