//! tests/c/msg_fds.c through both libraries: descriptor passing at its
//! limits (none, one, the kernel's maximum and one more) with no
//! descriptor leaked, credentials, and bad input to the message calls;
//! each case an exact code (tests/c/case_harness.h).

use sockcore::{cmsg_space_for_creds, cmsg_space_for_fds, SCM_MAX_FD};
use sockcore_e2e::{c_build, Link};

#[test]
fn descriptor_passing_edges() {
    for link in Link::BOTH {
        let (finished, _) =
            c_build(env!("CARGO_TARGET_TMPDIR")).run_case_table(link, "msg_fds", 90);
        // The header's SC_CMSG_SPACE_* macros agree with the core's sizes.
        finished.assert_stdout_has(&format!(
            "cmsg space: 1 fd {}, {SCM_MAX_FD} fds {}, credentials {}",
            cmsg_space_for_fds(1),
            cmsg_space_for_fds(SCM_MAX_FD),
            cmsg_space_for_creds()
        ));
    }
}
