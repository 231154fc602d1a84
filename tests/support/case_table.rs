//! The C case tables (tests/c/`name`.c, run by tests/`name`.rs): one line
//! per case, ending with "N passed, M failed" (tests/c/case_harness.h).

use std::process::Command;

use crate::{CBuild, Finished, Link, Process};

impl CBuild {
    /// Runs tests/c/`name`.c built against `link`; asserts that it exited
    /// cleanly, that no case failed and that at least `at_least` ran, and
    /// prints the count. Returns the run and how many cases passed.
    pub fn run_case_table(&self, link: Link, name: &str, at_least: u32) -> (Finished, u32) {
        let program = self.test_program(link, name);
        let finished = Process::spawn(&mut Command::new(program)).finish();
        finished.assert_success();
        let summary = finished.stdout.lines().last().unwrap_or_default();
        let (passed, failed) = summary
            .split_once(" passed, ")
            .and_then(|(passed, rest)| {
                Some((passed.parse::<u32>().ok()?, rest.strip_suffix(" failed")?))
            })
            .unwrap_or_else(|| panic!("no summary line in {finished}"));
        assert_eq!(failed, "0", "{finished}");
        assert!(passed >= at_least, "only {passed} cases ran:\n{finished}");
        println!(
            "tests/c/{name}.c through libsockcore ({link}): {passed} cases tried, {passed} held"
        );
        (finished, passed)
    }
}
