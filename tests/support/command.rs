//! Running the commands the tests build and inspect with: a failed step
//! fails the test with everything the command printed.

use std::ffi::OsString;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output};

/// `prefix` followed by `path`, as one argument (`-I<dir>`, `BUILD=<dir>`).
pub fn path_arg(prefix: &str, path: &Path) -> OsString {
    let mut arg = OsString::from(prefix);
    arg.push(path);
    arg
}

/// Runs `command` and returns its output, failing the test with its
/// standard output and error, under `what`, unless it succeeds.
pub fn run_to_success(command: &mut Command, what: &str) -> Output {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot run {command:?}: {e}"));
    assert!(
        output.status.success(),
        "{what} failed ({}):\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Makes `command`'s child hold no descriptor beyond standard input, output
/// and error: those this test process inherited (from cargo, say) would
/// otherwise show in a descriptor count or in memcheck's report.
pub fn inherit_only_stdio(command: &mut Command) -> &mut Command {
    // SAFETY: close_range is async-signal-safe, and marking descriptors
    // close-on-exec in the child touches nothing of the parent's.
    unsafe {
        command.pre_exec(|| {
            libc::close_range(
                3,
                libc::c_uint::MAX,
                libc::CLOSE_RANGE_CLOEXEC as libc::c_int,
            );
            Ok(())
        })
    }
}
