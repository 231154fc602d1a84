//! Child processes with bounded waits: a server's "listening on" line is
//! its readiness signal, and every program must finish within [`TIMEOUT`].

use std::io::{self, BufRead, BufReader};
use std::process::{Command, ExitStatus, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

/// The longest any wait lasts: generous, because valgrind runs slowly.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// A name no other test (or test run) uses: for abstract Unix addresses.
pub fn unique_name(tag: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("sockcore-{tag}-{}-{n}", std::process::id())
}

/// A running program whose standard output is read line by line.
pub struct Process {
    name: String,
    pid: libc::pid_t,
    lines: Receiver<String>,
    seen: Vec<String>,
    exit: Receiver<io::Result<Output>>,
    reaped: bool,
}

/// A program that has exited.
#[derive(Debug)]
pub struct Finished {
    /// What ran, for messages.
    pub name: String,
    /// How it exited.
    pub status: ExitStatus,
    /// Its standard output.
    pub stdout: String,
    /// Its standard error.
    pub stderr: String,
}

impl Process {
    /// Starts `command` with standard output and error piped.
    pub fn spawn(command: &mut Command) -> Process {
        let name = format!("{command:?}");
        // cargo test points LD_LIBRARY_PATH at target/debug, whose
        // libsockcore.so would take precedence over the rpath of the
        // programs under test.
        let mut child = command
            .env_remove("LD_LIBRARY_PATH")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name}: {e}"));
        let pid = libc::pid_t::try_from(child.id()).expect("a pid fits pid_t");
        let stdout = child.stdout.take().expect("stdout is piped");
        let (line_tx, lines) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).split(b'\n') {
                let Ok(line) = line else { break };
                if line_tx
                    .send(String::from_utf8_lossy(&line).into_owned())
                    .is_err()
                {
                    break;
                }
            }
        });
        let (exit_tx, exit) = mpsc::channel();
        thread::spawn(move || exit_tx.send(child.wait_with_output()));
        Process {
            name,
            pid,
            lines,
            seen: Vec::new(),
            exit,
            reaped: false,
        }
    }

    /// Waits for an output line containing `marker` and returns what follows
    /// the marker (such as the address after "listening on ").
    pub fn wait_for_line(&mut self, marker: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let found = line
                        .find(marker)
                        .map(|at| line[at + marker.len()..].to_owned());
                    self.seen.push(line);
                    if let Some(rest) = found {
                        return rest;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!(
                        "{}: no {marker:?} line within {TIMEOUT:?}; output:\n{}",
                        self.name,
                        self.seen.join("\n")
                    )
                }
                Err(RecvTimeoutError::Disconnected) => {
                    let finished = self.finish_now();
                    panic!(
                        "{}: ended before printing {marker:?}:\n{finished}",
                        finished.name
                    )
                }
            }
        }
    }

    /// Waits for the program to exit, killing it after [`TIMEOUT`].
    pub fn finish(mut self) -> Finished {
        self.finish_now()
    }

    fn finish_now(&mut self) -> Finished {
        let output = match self.exit.recv_timeout(TIMEOUT) {
            Ok(output) => output,
            Err(_) => {
                self.kill();
                panic!(
                    "{}: still running after {TIMEOUT:?}; output:\n{}",
                    self.name,
                    self.seen.join("\n")
                )
            }
        };
        self.reaped = true;
        let output = output.unwrap_or_else(|e| panic!("{}: cannot wait: {e}", self.name));
        // The program has exited, so its output ends soon.
        let deadline = Instant::now() + TIMEOUT;
        while let Ok(line) = self
            .lines
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            self.seen.push(line);
        }
        Finished {
            name: self.name.clone(),
            status: output.status,
            stdout: self.seen.join("\n"),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    fn kill(&mut self) {
        if self.reaped || self.exit.try_recv().is_ok() {
            self.reaped = true;
            return;
        }
        // SAFETY: kill takes only integers; the child has not been reaped,
        // so the pid is still ours.
        unsafe { libc::kill(self.pid, libc::SIGKILL) };
        // Let the waiting thread reap it.
        let _ = self.exit.recv_timeout(TIMEOUT);
        self.reaped = true;
    }
}

impl Drop for Process {
    /// A test that fails half-way leaves no server behind.
    fn drop(&mut self) {
        self.kill();
    }
}

impl Finished {
    /// Fails the test, showing the output, unless the program exited with 0.
    pub fn assert_success(&self) -> &Finished {
        assert!(self.status.success(), "{self}");
        self
    }

    /// Fails the test unless standard output contains `text`.
    pub fn assert_stdout_has(&self, text: &str) -> &Finished {
        assert!(
            self.stdout.contains(text),
            "no {text:?} in the output of {self}"
        );
        self
    }
}

impl std::fmt::Display for Finished {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({})\n--- stdout\n{}\n--- stderr\n{}",
            self.name, self.status, self.stdout, self.stderr
        )
    }
}
