//! Running one measurement process: how it is launched (pinned to CPU 0,
//! in a fresh network namespace, under strace or callgrind), with a
//! deadline, and collecting what it printed.

use std::ffi::OsString;
use std::io::Read;
use std::os::fd::{AsRawFd, RawFd};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How to launch a measurement.
pub struct Launch {
    /// The program and its arguments.
    pub argv: Vec<OsString>,
    /// Extra environment (the allocation counter's `LD_PRELOAD`).
    pub env: Vec<(&'static str, OsString)>,
    /// Pin every thread to CPU 0 (`taskset -c 0`).
    pub pinned: bool,
    /// Run in a new network namespace with only `lo`, up (`unshare -n`):
    /// no TIME_WAIT sockets left by earlier runs.
    pub netns: bool,
    /// Count something about the run into a file.
    pub counter: Option<Counter>,
}

/// A tool that counts what a run does, writing its summary to a file.
pub enum Counter {
    /// System calls, by name: `strace -f -c`.
    Syscalls(PathBuf),
    /// Instructions executed in user space, one file per thread
    /// (`FILE-01`, `FILE-02`, ...): valgrind's callgrind.
    Instructions(PathBuf),
}

/// Runs `launch`; returns its standard output, or an error with its
/// standard error when it fails or outlives `timeout` (it is then killed).
pub fn run(launch: &Launch, timeout: Duration) -> Result<String, String> {
    let mut argv: Vec<OsString> = Vec::new();
    if launch.netns {
        argv.extend(
            [
                "unshare",
                "-n",
                "sh",
                "-c",
                "ip link set lo up && exec \"$@\"",
                "sh",
            ]
            .map(OsString::from),
        );
    }
    if launch.pinned {
        argv.extend(["taskset", "-c", "0"].map(OsString::from));
    }
    match &launch.counter {
        Some(Counter::Syscalls(file)) => {
            argv.extend(["strace", "-f", "-c", "-o"].map(OsString::from));
            argv.push(file.into());
        }
        Some(Counter::Instructions(file)) => {
            let mut out = OsString::from("--callgrind-out-file=");
            out.push(file);
            argv.extend(
                [
                    "valgrind",
                    "--quiet",
                    "--tool=callgrind",
                    "--separate-threads=yes",
                ]
                .map(OsString::from),
            );
            argv.push(out);
        }
        None => {}
    }
    argv.extend(launch.argv.iter().cloned());
    let (program, args) = argv.split_first().ok_or("empty command")?;
    let mut child = Command::new(program)
        .args(args)
        .envs(launch.env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{}: {e}", program.to_string_lossy()))?;
    let described = || {
        argv.iter()
            .map(|a| a.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (stdout, stderr) = match collect(&mut child, timeout) {
        Ok(both) => both,
        Err(e) => {
            // The child is ours; it may have exited meanwhile.
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("{}: {e}", described()));
        }
    };
    let status = child.wait().map_err(|e| format!("wait: {e}"))?;
    if !status.success() {
        return Err(format!("{}: {status}: {}", described(), stderr.trim()));
    }
    Ok(stdout)
}

/// One of the child's output pipes and what came through it.
struct Pipe<'a> {
    reader: &'a mut dyn Read,
    fd: RawFd,
    text: Vec<u8>,
    open: bool,
}

impl<'a> Pipe<'a> {
    fn new(reader: &'a mut (impl Read + AsRawFd)) -> Pipe<'a> {
        let fd = reader.as_raw_fd();
        Pipe {
            reader,
            fd,
            text: Vec::new(),
            open: true,
        }
    }

    /// Reads what is there; end of file closes the pipe.
    fn drain(&mut self) -> Result<(), String> {
        let mut chunk = [0u8; 4096];
        let n = self.reader.read(&mut chunk).map_err(|e| e.to_string())?;
        self.text.extend_from_slice(&chunk[..n]);
        self.open = n > 0;
        Ok(())
    }

    fn into_string(self) -> String {
        String::from_utf8_lossy(&self.text).into_owned()
    }
}

/// Reads the child's standard output and error until both close, waiting
/// with poll(2) so that the deadline holds.
fn collect(child: &mut std::process::Child, timeout: Duration) -> Result<(String, String), String> {
    let deadline = Instant::now() + timeout;
    let mut stdout = child.stdout.take().ok_or("no stdout pipe")?;
    let mut stderr = child.stderr.take().ok_or("no stderr pipe")?;
    let mut pipes = [Pipe::new(&mut stdout), Pipe::new(&mut stderr)];
    while pipes.iter().any(|p| p.open) {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(format!("still running after {timeout:?}"));
        }
        // A negative descriptor makes poll skip a closed pipe.
        let mut fds = pipes.each_ref().map(|p| libc::pollfd {
            fd: if p.open { p.fd } else { -1 },
            events: libc::POLLIN,
            revents: 0,
        });
        let millis = i32::try_from(left.as_millis()).unwrap_or(i32::MAX).max(1);
        // SAFETY: fds is a live array of pollfds, and its length is given.
        let ready = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, millis) };
        if ready < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(format!("poll: {e}"));
        }
        for (pipe, fd) in pipes.iter_mut().zip(&fds) {
            if fd.revents != 0 {
                pipe.drain()?;
            }
        }
    }
    let [out, err] = pipes;
    Ok((out.into_string(), err.into_string()))
}
