//! The message, option and readiness case tables (tests/c/msg_*.c) through
//! both libraries: descriptor passing at its limits with no descriptor
//! leaked, partial batches with exact counts, every option round trip, and
//! poll and the time-out calls. Each table prints one line per case and
//! ends with "N passed, M failed".

use sockcore::{cmsg_space_for_creds, cmsg_space_for_fds, SCM_MAX_FD};
use sockcore_e2e::{c_build, Finished, Link};

/// Runs tests/c/`name`.c built against `link`; asserts that no case failed
/// and that at least `at_least` ran.
fn run_table(link: Link, name: &str, at_least: u32) -> Finished {
    let (finished, _) = c_build(env!("CARGO_TARGET_TMPDIR")).run_case_table(link, name, at_least);
    finished
}

#[test]
fn descriptor_passing_edges() {
    for link in Link::BOTH {
        let finished = run_table(link, "msg_fds", 90);
        // The header's SC_CMSG_SPACE_* macros agree with the core's sizes.
        finished.assert_stdout_has(&format!(
            "cmsg space: 1 fd {}, {SCM_MAX_FD} fds {}, credentials {}",
            cmsg_space_for_fds(1),
            cmsg_space_for_fds(SCM_MAX_FD),
            cmsg_space_for_creds()
        ));
    }
}

#[test]
fn batch_edges() {
    for link in Link::BOTH {
        run_table(link, "msg_batch", 50)
            .assert_stdout_has("batch of 8 over 127.0.0.1:0")
            .assert_stdout_has("batch of 8 over [::1]:0");
    }
}

#[test]
fn option_round_trips() {
    for link in Link::BOTH {
        run_table(link, "msg_options", 200);
    }
}

#[test]
fn poll_and_time_outs() {
    for link in Link::BOTH {
        run_table(link, "msg_readiness", 45);
    }
}
