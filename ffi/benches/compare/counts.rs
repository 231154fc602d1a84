//! Counting what a run does rather than timing it: system calls per
//! operation (strace) and user-space instructions per operation (valgrind's
//! callgrind), neither of which other load on the machine can disturb.
//!
//! Both count a short run and a long one: the difference over the
//! difference in operations leaves out start-up and set-up, which are the
//! same in both. The short run is short enough that UDP loses nothing in it
//! (64 datagrams fit a receive queue), so a UDP receiver's share is counted
//! over the many datagrams the long run received, and a sender's over those
//! it sent: a lost datagram costs only the sender.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use crate::c_programs::Programs;
use crate::implementation::Implementation;
use crate::measure::{Settings, RUN_TIMEOUT};
use crate::process::{self, Counter};
use crate::report::Report;
use crate::workload::Workload;

/// Operations in the short and the long counted run: few, since every call
/// is traced or every instruction simulated; fewer still in the quick mode.
fn counted_ops(workload: Workload, settings: Settings) -> (u64, u64) {
    let long = match workload {
        Workload::PingpongTcp | Workload::PingpongUnix => 1_000,
        Workload::BulkWrite | Workload::BulkWritev => 256,
        Workload::Churn => 500,
        Workload::UdpSendto | Workload::UdpMmsg => 2_048,
        // Two thousand in the quick mode: two rounds over the short run's
        // one, each of all 1,000 clients.
        Workload::EpollEcho => 8_000,
        Workload::FileSendfile | Workload::FileReadWrite => 256,
        // 54 x 32 x 4, as measure.rs's small count.
        _ => 6_912,
    };
    let long = if settings.quick { long / 4 } else { long };
    let granule = workload.granule();
    let short = (long / 32 / granule).max(1) * granule;
    (short, long)
}

/// One counted run: its report, and the tool's output files in name order
/// (callgrind writes one per thread: `-01` is the main thread, which
/// receives in the UDP workloads; `-02` the peer, which sends).
fn counted_run(
    workload: Workload,
    implementation: Implementation,
    programs: &Programs,
    count: u64,
    counter: fn(PathBuf) -> Counter,
) -> Result<(Report, Vec<String>), String> {
    let name = format!("counted-{}", std::process::id());
    let mut launch = implementation.launch(programs, workload, count);
    launch.counter = Some(counter(programs.out_dir.join(&name)));
    // Valgrind has its own allocator: no LD_PRELOAD counter under it (the
    // rest of the environment, BENCH_FILE, stays).
    if matches!(launch.counter, Some(Counter::Instructions(_))) {
        launch.env.retain(|(name, _)| *name != "LD_PRELOAD");
    }
    let stdout = process::run(&launch, RUN_TIMEOUT)?;
    let report = Report::parse(stdout.trim()).ok_or_else(|| {
        format!(
            "{}, counted: no report in {stdout:?}",
            implementation.label()
        )
    })?;
    let mut files: Vec<PathBuf> = fs::read_dir(&programs.out_dir)
        .map_err(|e| format!("{}: {e}", programs.out_dir.display()))?
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|f| f.to_str())
                .is_some_and(|f| f.starts_with(&name))
        })
        .collect();
    files.sort();
    let mut texts = Vec::new();
    for file in files {
        texts.push(fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?);
        let _ = fs::remove_file(&file);
    }
    Ok((report, texts))
}

/// `part / whole`, or NaN when the long run received no more than the
/// short one (a UDP run that lost nearly everything).
fn per(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        part / whole
    } else {
        f64::NAN
    }
}

/// System calls per operation, by name (a UDP receiver's per datagram
/// received).
pub fn syscalls_per_op(
    workload: Workload,
    implementation: Implementation,
    programs: &Programs,
    settings: Settings,
) -> Result<BTreeMap<String, f64>, String> {
    let (short_ops, long_ops) = counted_ops(workload, settings);
    let (short_report, short) = counted_run(
        workload,
        implementation,
        programs,
        short_ops,
        Counter::Syscalls,
    )?;
    let (long_report, long) = counted_run(
        workload,
        implementation,
        programs,
        long_ops,
        Counter::Syscalls,
    )?;
    let (short, long) = (parse_strace_summary(&short), parse_strace_summary(&long));
    let ops = (long_ops - short_ops) as f64;
    let received = long_report.ops as f64 - short_report.ops as f64;
    let mut per_op = BTreeMap::new();
    for (name, &calls) in &long {
        let extra = calls as f64 - short.get(name).copied().unwrap_or(0) as f64;
        let receiving = name.starts_with("recv") || name.starts_with("read");
        let value = if workload.is_lossy() && receiving {
            per(extra, received)
        } else {
            extra / ops
        };
        // Calls made a fixed number of times (start-up, set-up) cancel out.
        // The threads' start and join take a few futex calls or none, as
        // the timing falls; a lock per operation would show as one. Other
        // calls are exact to a call or two per run, far below one per 54
        // operations (an offloaded send of 1,200-byte datagrams).
        let noise = if name == "futex" { 0.5 } else { 0.005 };
        if value.is_nan() || value.abs() >= noise {
            per_op.insert(name.clone(), value);
        }
    }
    Ok(per_op)
}

/// Instructions executed in user space per operation: the library's own
/// cost, since the kernel's is the same for the same system calls. For UDP,
/// per datagram delivered: its share of the sender's instructions plus the
/// receiver's.
pub fn instructions_per_op(
    workload: Workload,
    implementation: Implementation,
    programs: &Programs,
    settings: Settings,
) -> Result<f64, String> {
    let (short_ops, long_ops) = counted_ops(workload, settings);
    let (short_report, short) = counted_run(
        workload,
        implementation,
        programs,
        short_ops,
        Counter::Instructions,
    )?;
    let (long_report, long) = counted_run(
        workload,
        implementation,
        programs,
        long_ops,
        Counter::Instructions,
    )?;
    let (short, long) = (
        per_thread_instructions(&short)?,
        per_thread_instructions(&long)?,
    );
    let extra = |thread: usize| {
        long.get(thread).copied().unwrap_or(0) as f64
            - short.get(thread).copied().unwrap_or(0) as f64
    };
    let ops = (long_ops - short_ops) as f64;
    if workload.is_lossy() {
        let received = long_report.ops as f64 - short_report.ops as f64;
        Ok(per(extra(0), received) + extra(1) / ops)
    } else {
        Ok((0..long.len().max(short.len())).map(extra).sum::<f64>() / ops)
    }
}

/// The instruction count of each thread, from callgrind's `summary:` lines.
fn per_thread_instructions(files: &[String]) -> Result<Vec<u64>, String> {
    let counts: Vec<u64> = files
        .iter()
        .filter_map(|text| {
            let line = text.lines().find_map(|l| l.strip_prefix("summary:"))?;
            line.trim().parse().ok()
        })
        .collect();
    if counts.is_empty() {
        return Err("no summary line in the callgrind output".into());
    }
    Ok(counts)
}

/// Calls by system call name from `strace -c` output.
fn parse_strace_summary(files: &[String]) -> BTreeMap<String, u64> {
    let mut calls = BTreeMap::new();
    for line in files.iter().flat_map(|text| text.lines()) {
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
