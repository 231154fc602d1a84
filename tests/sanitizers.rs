//! Every C example and C test program built with AddressSanitizer and
//! UndefinedBehaviorSanitizer (`-fsanitize=address,undefined
//! -fno-sanitize-recover=all`, leak detection on) and run as the other
//! tests run them: no finding, and every case table passes. The list of
//! programs is tests/c_programs/mod.rs, shared with tests/valgrind.rs.
//!
//! libsockcore itself is Rust and not instrumented: what ASan checks is
//! every access the C side makes, including into memory the library
//! filled (addresses, received data, `msghdr`s), and LeakSanitizer every
//! allocation the programs make.

mod c_programs;

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use c_programs::{Built, Tool, TABLES};
use sockcore_e2e::Finished;

const CFLAGS: [&str; 5] = [
    "-O1",
    "-g",
    "-fno-omit-frame-pointer",
    "-fsanitize=address,undefined",
    "-fno-sanitize-recover=all",
];

/// The exit status the sanitizers use, distinct from the programs' own.
const FINDING: i32 = 86;

struct Sanitizers;

impl Tool for Sanitizers {
    fn wrap(&self, program: &Path) -> Command {
        let mut command = Command::new(program);
        command
            .env(
                "ASAN_OPTIONS",
                format!(
                    "detect_leaks=1:exitcode={FINDING}:strict_string_checks=1:\
                     detect_stack_use_after_return=1:check_initialization_order=1"
                ),
            )
            .env(
                "UBSAN_OPTIONS",
                format!("print_stacktrace=1:halt_on_error=1:exitcode={FINDING}"),
            );
        command
    }

    fn assert_clean(&self, finished: &Finished) {
        assert_eq!(finished.status.code(), Some(0), "{finished}");
        assert!(
            !finished.stderr.contains("Sanitizer") && !finished.stderr.contains("runtime error"),
            "a sanitizer reported something: {finished}"
        );
    }
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| Built::new("sanitized", &CFLAGS))
}

#[test]
fn tcp_examples_under_sanitizers() {
    c_programs::tcp_examples(&Sanitizers, built());
}

#[test]
fn udp_echo_under_sanitizers() {
    c_programs::udp_echo(&Sanitizers, built());
}

#[test]
fn unix_echo_under_sanitizers() {
    c_programs::unix_echo(&Sanitizers, built());
}

#[test]
fn addresses_under_sanitizers() {
    c_programs::addresses(&Sanitizers, built());
}

#[test]
fn epoll_echo_under_sanitizers() {
    c_programs::epoll_echo(&Sanitizers, built());
}

#[test]
fn tcp_info_under_sanitizers() {
    c_programs::tcp_info(&Sanitizers, built());
}

#[test]
fn sendfile_server_under_sanitizers() {
    c_programs::sendfile_server(&Sanitizers, built());
}

#[test]
fn fd_passing_under_sanitizers() {
    c_programs::fd_passing(&Sanitizers, built());
}

#[test]
fn udp_batch_under_sanitizers() {
    c_programs::udp_batch(&Sanitizers, built());
}

#[test]
fn udp_pktinfo_under_sanitizers() {
    c_programs::udp_pktinfo(&Sanitizers, built());
}

#[test]
fn udp_gso_under_sanitizers() {
    c_programs::udp_gso(&Sanitizers, built());
}

#[test]
fn peer_credentials_under_sanitizers() {
    c_programs::peer_credentials(&Sanitizers, built());
}

#[test]
fn exec_handoff_under_sanitizers() {
    c_programs::exec_handoff(&Sanitizers, built());
}

#[test]
fn zerocopy_send_under_sanitizers() {
    c_programs::zerocopy_send(&Sanitizers, built());
}

#[test]
fn case_tables_under_sanitizers() {
    for name in TABLES {
        let passed = c_programs::table(&Sanitizers, built(), name);
        println!("{name} under ASan+UBSan: {passed} cases tried, {passed} held, no finding");
    }
}

#[test]
fn cxx_and_version_programs_under_sanitizers() {
    c_programs::cxx_and_version(&Sanitizers, built());
}
