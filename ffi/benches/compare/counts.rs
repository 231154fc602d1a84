//! Counting what a run does rather than timing it: system calls per
//! operation (strace) and user-space instructions per operation (valgrind's
//! callgrind), neither of which other load on the machine can disturb.
//! Both count a run of `n` operations and one of `2n`: the difference over
//! `n` leaves out start-up and set-up, which are the same in both.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use crate::c_programs::Programs;
use crate::implementation::Implementation;
use crate::measure::{Settings, RUN_TIMEOUT};
use crate::process::{self, Counter};
use crate::report::Report;
use crate::workload::Workload;

/// Operations in the smaller counted run: few, since every call is traced
/// or every instruction simulated; fewer still in the quick mode.
fn counted_ops(workload: Workload, settings: Settings) -> u64 {
    let ops = match workload {
        Workload::PingpongTcp | Workload::PingpongUnix => 1_000,
        Workload::BulkWrite | Workload::BulkWritev => 256,
        Workload::Churn => 500,
        Workload::UdpSendto | Workload::UdpMmsg => 2_048,
    };
    if settings.quick {
        ops / 4
    } else {
        ops
    }
}

/// A counted run of `count` operations: its report and the tool's summary.
fn counted_run(
    workload: Workload,
    implementation: Implementation,
    programs: &Programs,
    count: u64,
    counter: fn(PathBuf) -> Counter,
) -> Result<(Report, String), String> {
    let file = programs
        .out_dir
        .join(format!("counted-{}.txt", std::process::id()));
    let mut launch = implementation.launch(programs, workload, count);
    launch.counter = Some(counter(file.clone()));
    // Valgrind has its own allocator: no LD_PRELOAD counter under it.
    if matches!(launch.counter, Some(Counter::Instructions(_))) {
        launch.env.clear();
    }
    let stdout = process::run(&launch, RUN_TIMEOUT)?;
    let report = Report::parse(stdout.trim()).ok_or_else(|| {
        format!(
            "{}, counted: no report in {stdout:?}",
            implementation.label()
        )
    })?;
    let summary = fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let _ = fs::remove_file(&file);
    Ok((report, summary))
}

/// System calls per operation, by name. A UDP receiver's calls are per
/// datagram received, since a lost datagram costs only the sender; and as
/// the losses of two runs differ, they are counted over both runs together
/// rather than as a difference (no set-up call receives a datagram).
pub fn syscalls_per_op(
    workload: Workload,
    implementation: Implementation,
    programs: &Programs,
    settings: Settings,
) -> Result<BTreeMap<String, f64>, String> {
    let n = counted_ops(workload, settings);
    let (small_report, small) =
        counted_run(workload, implementation, programs, n, Counter::Syscalls)?;
    let (large_report, large) =
        counted_run(workload, implementation, programs, 2 * n, Counter::Syscalls)?;
    let (small, large) = (parse_strace_summary(&small), parse_strace_summary(&large));
    let received = (small_report.ops + large_report.ops).max(1) as f64;
    let mut per_op = BTreeMap::new();
    for (name, &calls) in &large {
        let before = small.get(name).copied().unwrap_or(0) as f64;
        let receiving = name.starts_with("recv") || name.starts_with("read");
        let value = if workload.is_lossy() && receiving {
            (calls as f64 + before) / received
        } else {
            (calls as f64 - before) / n as f64
        };
        // Calls made a fixed number of times (start-up, set-up) cancel out;
        // what is left below 0.02 is start-up reads spread over a UDP run's
        // datagrams. The threads' start and join take a few futex calls or
        // none, as the timing falls; a lock per operation would show as one.
        let noise = if name == "futex" { 0.5 } else { 0.02 };
        if value.abs() >= noise {
            per_op.insert(name.clone(), value);
        }
    }
    Ok(per_op)
}

/// Instructions executed in user space per operation: the library's own
/// cost, since the kernel's is the same for the same system calls. For UDP,
/// per datagram handled at either end (sent, plus received), halved.
pub fn instructions_per_op(
    workload: Workload,
    implementation: Implementation,
    programs: &Programs,
    settings: Settings,
) -> Result<f64, String> {
    let n = counted_ops(workload, settings);
    let (small_report, small) =
        counted_run(workload, implementation, programs, n, Counter::Instructions)?;
    let (large_report, large) = counted_run(
        workload,
        implementation,
        programs,
        2 * n,
        Counter::Instructions,
    )?;
    let instructions = |summary: &str| {
        summary
            .lines()
            .find_map(|l| l.strip_prefix("summary:"))
            .and_then(|count| count.trim().parse::<u64>().ok())
            .ok_or_else(|| "no summary line in the callgrind output".to_owned())
    };
    let extra = instructions(&large)? as f64 - instructions(&small)? as f64;
    let ops = if workload.is_lossy() {
        let received = large_report.ops.saturating_sub(small_report.ops);
        (n + received) as f64 / 2.0
    } else {
        n as f64
    };
    Ok(extra / ops)
}

/// Calls by system call name from `strace -c` output.
fn parse_strace_summary(text: &str) -> BTreeMap<String, u64> {
    let mut calls = BTreeMap::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        // % time, seconds, usecs/call, calls, [errors,] syscall
        let (Some(name), Some(count)) = (fields.last(), fields.get(3)) else {
            continue;
        };
        if *name == "total" || fields.len() < 5 {
            continue;
        }
        if let Ok(count) = count.parse::<u64>() {
            calls.insert((*name).to_owned(), count);
        }
    }
    calls
}
