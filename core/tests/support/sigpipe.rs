//! The default `SIGPIPE` action (terminate), as a C program has it. Rust
//! starts programs with `SIGPIPE` ignored, which would hide a send without
//! `MSG_NOSIGNAL`; a test binary that restores the default dies on one.

use std::sync::Once;

/// Restores the default `SIGPIPE` action, once per process, and checks
/// that it took.
pub fn default_sigpipe() {
    static RESTORE: Once = Once::new();
    RESTORE.call_once(|| {
        // SAFETY: SIG_DFL is a valid disposition for SIGPIPE.
        let previous = unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
        assert_ne!(previous, libc::SIG_ERR, "signal(SIGPIPE)");
    });
    // SAFETY: an all-zero sigaction is a valid out-parameter.
    let mut current: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: a null new action only reads the current one into `current`.
    let ret = unsafe { libc::sigaction(libc::SIGPIPE, std::ptr::null(), &mut current) };
    assert_eq!(ret, 0);
    assert_eq!(
        current.sa_sigaction,
        libc::SIG_DFL,
        "SIGPIPE is not SIG_DFL"
    );
}
