//! c-examples/fd_passing.c: a file and a socket handed to a forked child.

use std::process::Command;

use sockcore_e2e::{Link, Process, TempDir};

use crate::build;

#[test]
fn fd_passing_hands_a_file_and_a_socket_to_a_child() {
    for link in Link::BOTH {
        let text = format!("written by the parent, read by the child ({link})");
        let dir = TempDir::new("fd-passing");
        let finished = Process::spawn(
            Command::new(build().example(link, "fd_passing"))
                .arg(&text)
                .env("TMPDIR", dir.path()),
        )
        .finish();
        finished
            .assert_success()
            .assert_stdout_has("and unlinked it: fd ")
            .assert_stdout_has(
                "child: sc_recv_fds = 19 bytes (\"a file and a socket\") and 2 descriptors",
            )
            .assert_stdout_has(", both close-on-exec")
            .assert_stdout_has(&format!(
                "child: read {} bytes from the file: \"{text}\"",
                text.len()
            ))
            .assert_stdout_has(&format!(
                "parent: the child answered over the socket: \"the child read \"{text}\"\""
            ))
            .assert_stdout_has("parent: the child exited with status 0");
        let left = std::fs::read_dir(dir.path()).expect("the temp dir").count();
        assert_eq!(left, 0, "the parent unlinks its file: {finished}");
    }
}
