//! Building what the driver runs besides itself: the release
//! `libsockcore` (with cargo), the two C programs (`c/workloads.c` over raw
//! libc, and over sockcore's C ABI linked from `libsockcore.a`), and the
//! LD_PRELOAD allocation counter, all with `cc -O2`; and the file the file
//! workloads send.

use std::env;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::workload::CHUNK;

/// What the build produced.
pub struct Programs {
    /// `c/workloads.c` over `c/ops_libc.h`.
    pub libc: PathBuf,
    /// `c/workloads.c` over `c/ops_sockcore.h`, linking `libsockcore.a`.
    pub sockcore_c: PathBuf,
    /// `c/alloc_counter.c` as a shared library, for `LD_PRELOAD`.
    pub alloc_counter: PathBuf,
    /// Size in bytes of a stripped copy of `libsockcore.so`.
    pub stripped_so_bytes: u64,
    /// The C compiler's version line.
    pub cc_version: String,
    /// Where all this lives, and where scratch files go.
    pub out_dir: PathBuf,
    /// The file the file workloads send (`BENCH_FILE`), once made with
    /// [`bench_file`].
    pub bench_file: Option<PathBuf>,
}

const C_WARNINGS: &[&str] = &["-std=gnu11", "-Wall", "-Wextra", "-Werror"];

/// Builds everything into `<target>/release/compare-c/`, next to this binary.
pub fn build() -> Result<Programs, String> {
    let ffi = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = ffi.parent().ok_or("the ffi crate has no parent folder")?;
    let sources = ffi.join("benches").join("c");
    let exe = env::current_exe().map_err(|e| format!("current_exe: {e}"))?;
    // The bench binary is <target>/release/deps/compare-<hash>, or
    // <target>/debug/deps/ under `cargo test --benches`; the library is
    // built in release either way, into <target>/release.
    let profile = exe
        .parent()
        .and_then(Path::parent)
        .ok_or("the bench binary is not in <target>/<profile>/deps")?;
    let target = profile.parent().ok_or("no target folder")?;
    let release = &target.join("release");
    let out = release.join("compare-c");
    fs::create_dir_all(&out).map_err(|e| format!("creating {}: {e}", out.display()))?;

    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    run(Command::new(cargo)
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "sockcore-ffi",
            "--manifest-path",
        ])
        .arg(root.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target))?;

    let include = root.join("include");
    let workloads = [sources.join("workloads.c"), sources.join("harness.c")];
    let libc = out.join("bench-libc");
    run(Command::new("cc")
        .args(["-O2", "-pthread"])
        .args(C_WARNINGS)
        .arg("-DBENCH_OPS=\"ops_libc.h\"")
        .args(&workloads)
        .arg("-o")
        .arg(&libc))?;
    let sockcore_c = out.join("bench-sockcore-c");
    run(Command::new("cc")
        .args(["-O2", "-pthread"])
        .args(C_WARNINGS)
        .arg("-DBENCH_OPS=\"ops_sockcore.h\"")
        .arg("-I")
        .arg(&include)
        .args(&workloads)
        .arg(release.join("libsockcore.a"))
        .arg("-Wl,--gc-sections")
        .arg("-o")
        .arg(&sockcore_c))?;
    let alloc_counter = out.join("alloc_counter.so");
    run(Command::new("cc")
        .args(["-O2", "-shared", "-fPIC"])
        .args(C_WARNINGS)
        .arg(sources.join("alloc_counter.c"))
        .arg("-o")
        .arg(&alloc_counter))?;

    let stripped = out.join("libsockcore.stripped.so");
    fs::copy(release.join("libsockcore.so"), &stripped)
        .map_err(|e| format!("copying libsockcore.so: {e}"))?;
    run(Command::new("strip").arg(&stripped))?;
    let stripped_so_bytes = fs::metadata(&stripped)
        .map_err(|e| format!("{}: {e}", stripped.display()))?
        .len();

    let cc_version = output(Command::new("cc").arg("--version"))?
        .lines()
        .next()
        .unwrap_or("")
        .to_owned();
    Ok(Programs {
        libc,
        sockcore_c,
        alloc_counter,
        stripped_so_bytes,
        cc_version,
        out_dir: out,
        bench_file: None,
    })
}

/// The file of `chunks` 64 KiB chunks that the file workloads send, in
/// `out_dir`: written once (pattern `(i * 131 + 7) & 255`, as the C and Rust
/// tests' files), kept between runs, and read through once so that it is in
/// the page cache: the rows measure sending, not the disk.
pub fn bench_file(out_dir: &Path, chunks: u64) -> Result<PathBuf, String> {
    let bytes = chunks * CHUNK as u64;
    let path = out_dir.join(format!("bench-file-{chunks}x64KiB.bin"));
    let fresh = fs::metadata(&path).map_or(true, |meta| meta.len() != bytes);
    if fresh {
        let pattern: Vec<u8> = (0..CHUNK).map(|i| (i * 131 + 7) as u8).collect();
        let mut file = fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for _ in 0..chunks {
            file.write_all(&pattern)
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let mut file = fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut buf = vec![0u8; CHUNK];
    while file
        .read(&mut buf)
        .map_err(|e| format!("{}: {e}", path.display()))?
        > 0
    {}
    Ok(path)
}

/// Runs a build step; its output goes to the terminal.
fn run(command: &mut Command) -> Result<(), String> {
    let status = command.status().map_err(|e| format!("{command:?}: {e}"))?;
    if !status.success() {
        return Err(format!("{command:?}: {status}"));
    }
    Ok(())
}

/// Runs a command and returns what it printed.
pub fn output(command: &mut Command) -> Result<String, String> {
    let out = command.output().map_err(|e| format!("{command:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{command:?}: {}", out.status));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
