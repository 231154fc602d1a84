//! Running one measurement process: how it is launched (pinned to CPU 0,
//! in a fresh network namespace, under strace), with a deadline, and
//! collecting what it printed.

use std::ffi::OsString;
use std::io::Read;
use std::os::fd::AsRawFd;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How to launch a measurement.
pub struct Launch<'a> {
    /// The program and its arguments.
    pub argv: Vec<OsString>,
    /// Extra environment (the allocation counter's `LD_PRELOAD`).
    pub env: Vec<(&'static str, OsString)>,
    /// Pin every thread to CPU 0 (`taskset -c 0`).
    pub pinned: bool,
    /// Run in a new network namespace with only `lo`, up (`unshare -n`):
    /// no TIME_WAIT sockets left by earlier runs.
    pub netns: bool,
    /// Count system calls (`strace -f -c`) into this file.
    pub strace: Option<&'a Path>,
}

/// Runs `launch`; returns its standard output, or an error with its
/// standard error when it fails or outlives `timeout` (it is then killed).
pub fn run(launch: &Launch<'_>, timeout: Duration) -> Result<String, String> {
    let mut argv: Vec<OsString> = Vec::new();
    if launch.netns {
        argv.extend(
            ["unshare", "-n", "sh", "-c", "ip link set lo up && exec \"$@\"", "sh"].map(OsString::from),
        );
    }
    if launch.pinned {
        argv.extend(["taskset", "-c", "0"].map(OsString::from));
    }
    if let Some(file) = launch.strace {
        argv.extend(["strace", "-f", "-c", "-o"].map(OsString::from));
        argv.push(file.into());
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

/// Reads the child's standard output and error until both close, waiting
/// with poll(2) so that the deadline holds.
fn collect(child: &mut std::process::Child, timeout: Duration) -> Result<(String, String), String> {
    let deadline = Instant::now() + timeout;
    let mut stdout = child.stdout.take().ok_or("no stdout pipe")?;
    let mut stderr = child.stderr.take().ok_or("no stderr pipe")?;
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let (mut out_open, mut err_open) = (true, true);
    let mut chunk = [0u8; 4096];
    while out_open || err_open {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(format!("still running after {timeout:?}"));
        }
        let mut fds = [
            libc::pollfd { fd: if out_open { stdout.as_raw_fd() } else { -1 }, events: libc::POLLIN, revents: 0 },
            libc::pollfd { fd: if err_open { stderr.as_raw_fd() } else { -1 }, events: libc::POLLIN, revents: 0 },
        ];
        let millis = i32::try_from(left.as_millis()).unwrap_or(i32::MAX).max(1);
        // SAFETY: fds is a live array of two pollfds, and its length is given.
        let ready = unsafe { libc::poll(fds.as_mut_ptr(), 2, millis) };
        if ready < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(format!("poll: {e}"));
        }
        if fds[0].revents != 0 {
            let n = stdout.read(&mut chunk).map_err(|e| format!("stdout: {e}"))?;
            out.extend_from_slice(&chunk[..n]);
            out_open = n > 0;
        }
        if fds[1].revents != 0 {
            let n = stderr.read(&mut chunk).map_err(|e| format!("stderr: {e}"))?;
            err.extend_from_slice(&chunk[..n]);
            err_open = n > 0;
        }
    }
    Ok((
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    ))
}
