//! The printed result: the machine, one Markdown table (ready for the
//! README), the system call mix behind its syscalls column, and the targets
//! (speed, system calls, allocations, size) checked against it.

use std::collections::BTreeMap;

use crate::implementation::Implementation;
use crate::measure::{cpu_rate, rate, Measured, Row, Settings};
use crate::report::Report;
use crate::stats::{median, median_interval, min_max};
use crate::workload::{Workload, GSO_SEGMENTS};

/// What was counted for one workload and implementation.
pub struct Counted {
    /// System calls per operation, by name.
    pub syscalls: BTreeMap<String, f64>,
    /// User-space instructions per operation (full mode only).
    pub instructions: Option<f64>,
}

/// The counts, by workload name and implementation label.
pub type Counts = BTreeMap<(&'static str, &'static str), Counted>;

/// Everything the table shows.
pub struct Results<'a> {
    pub settings: Settings,
    pub measured: &'a [Measured],
    pub counts: &'a Counts,
    pub stripped_so_bytes: u64,
}

/// The size budget of the stripped `libsockcore.so` on x86_64.
const SO_BUDGET: u64 = 32 * 1024;
/// A sockcore row passes at this fraction of the reference's rate.
pub const RATIO_TARGET: f64 = 0.98;
/// Segmentation offload (GSO + GRO) through sockcore passes at this many
/// times the rate of `sendmmsg`/`recvmmsg` batches of 32.
const OFFLOAD_SPEEDUP_TARGET: f64 = 8.0;

/// Where a row's ratios put it against [`RATIO_TARGET`], by the 95%
/// interval of their median.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// The whole interval is at or above the target.
    AtLeast,
    /// The whole interval is below the target.
    Below,
    /// The interval straddles the target.
    WithinNoise,
    /// Too few rounds for an interval.
    Unknown,
}

impl Verdict {
    fn of(ratios: &[f64]) -> Verdict {
        match median_interval(ratios) {
            Some((low, _)) if low >= RATIO_TARGET => Verdict::AtLeast,
            Some((_, high)) if high < RATIO_TARGET => Verdict::Below,
            Some(_) => Verdict::WithinNoise,
            None => Verdict::Unknown,
        }
    }

    fn label(self) -> String {
        match self {
            Verdict::AtLeast => format!("≥ {RATIO_TARGET}"),
            Verdict::Below => format!("< {RATIO_TARGET}"),
            Verdict::WithinNoise => "within noise".into(),
            Verdict::Unknown => "–".into(),
        }
    }
}

/// The median ratio with its 95% interval, `0.991 [0.978–1.004]`; with
/// the range in parentheses when there are too few rounds for an interval.
fn ratio_with_interval(ratios: &[f64]) -> String {
    let middle = median(ratios);
    if let Some((low, high)) = median_interval(ratios) {
        format!("{middle:.3} [{low:.3}–{high:.3}]")
    } else if ratios.len() > 1 {
        let (low, high) = min_max(ratios);
        format!("{middle:.3} ({low:.2}–{high:.2})")
    } else {
        format!("{middle:.3}")
    }
}

fn is_sockcore(implementation: Implementation) -> bool {
    matches!(
        implementation,
        Implementation::SockcoreRust | Implementation::SockcoreC
    )
}

fn rates_of(workload: Workload, row: &Row) -> Vec<f64> {
    row.reports.iter().map(|r| rate(workload, r)).collect()
}

fn format_rate(workload: Workload, per_sec: f64) -> String {
    if workload.is_bulk() {
        return format!("{:.2} GB/s", per_sec / 1e9);
    }
    let what = match workload {
        Workload::PingpongTcp | Workload::PingpongUnix => "round trips/s",
        Workload::Churn => "cycles/s",
        Workload::EpollEcho => "messages/s",
        Workload::BulkWrite
        | Workload::BulkWritev
        | Workload::FileSendfile
        | Workload::FileReadWrite => "bytes/s",
        _ => "datagrams/s",
    };
    if per_sec >= 1e6 {
        format!("{:.3} M {what}", per_sec / 1e6)
    } else {
        format!("{:.1} k {what}", per_sec / 1e3)
    }
}

fn counted(
    counts: &Counts,
    workload: Workload,
    implementation: Implementation,
) -> Option<&Counted> {
    counts.get(&(workload.name(), implementation.label()))
}

/// System calls per operation, all names together.
fn total_syscalls(
    counts: &Counts,
    workload: Workload,
    implementation: Implementation,
) -> Option<f64> {
    counted(counts, workload, implementation).map(|c| c.syscalls.values().sum())
}

/// The system calls whose count per operation follows the timing of the
/// run rather than the program: a stream receiver's `read` returns
/// whatever has arrived, and `epoll_wait` whatever is ready, so their
/// counts move from run to run in C as in sockcore (`epoll_wait` per
/// message from about -0.4 to 0.6 between runs of the same program).
fn timing_driven(workload: Workload) -> &'static [&'static str] {
    match workload {
        Workload::EpollEcho => &["epoll_wait"],
        _ if workload.is_bulk() => &["read"],
        _ => &[],
    }
}

/// System calls per operation that the program decides, all names
/// together: those of [`timing_driven`] left out.
fn exact_syscalls(
    counts: &Counts,
    workload: Workload,
    implementation: Implementation,
) -> Option<f64> {
    let skipped = timing_driven(workload);
    counted(counts, workload, implementation).map(|c| {
        c.syscalls
            .iter()
            .filter(|(name, _)| !skipped.contains(&name.as_str()))
            .map(|(_, per_op)| per_op)
            .sum()
    })
}

fn allocs_per_op(row: &Row) -> Option<f64> {
    let allocs: u64 = row.reports.iter().map(|r| r.allocs).sum::<Option<u64>>()?;
    let ops: u64 = row.reports.iter().map(|r| r.ops).sum();
    Some(allocs as f64 / ops.max(1) as f64)
}

fn lost_percent(row: &Row) -> f64 {
    let lost: Vec<f64> = row
        .reports
        .iter()
        .map(|r| 100.0 * r.lost as f64 / (r.ops + r.lost).max(1) as f64)
        .collect();
    median(&lost)
}

/// Prints the table and what follows it.
pub fn print(results: &Results<'_>) {
    println!("| workload | implementation | median rate | vs C: median [95% interval] | verdict | vs C, best runs | vs C by CPU time [95% interval] | syscalls/op | user instructions/op | allocs/op | lost |");
    println!("|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|");
    for measured in results.measured {
        let workload = measured.case.workload;
        let best_of = |row: &Row| min_max(&rates_of(workload, row)).1;
        let reference_best = measured.rows.first().map_or(f64::NAN, best_of);
        for row in &measured.rows {
            let rates = rates_of(workload, row);
            let (ratio, best, cpu_ratio) = if row.implementation == Implementation::Libc {
                ("1 (reference)".to_owned(), "1".to_owned(), "1".to_owned())
            } else {
                (
                    ratio_with_interval(&row.ratios),
                    format!("{:.3}", best_of(row) / reference_best),
                    ratio_with_interval(&row.cpu_ratios),
                )
            };
            let verdict = if is_sockcore(row.implementation) {
                Verdict::of(&row.ratios).label()
            } else {
                String::new()
            };
            let calls = total_syscalls(results.counts, workload, row.implementation)
                .map_or("–".to_owned(), |t| format!("{t:.3}"));
            let instructions = counted(results.counts, workload, row.implementation)
                .and_then(|c| c.instructions)
                .map_or("–".to_owned(), |i| format!("{i:.0}"));
            let allocs = match allocs_per_op(row) {
                Some(0.0) => "0".to_owned(),
                Some(a) => format!("{a:.4}"),
                None => "?".to_owned(),
            };
            let lost = if workload.is_lossy() {
                format!("{:.1}%", lost_percent(row))
            } else {
                String::new()
            };
            println!(
                "| {} | {} | {} | {ratio} | {verdict} | {best} | {cpu_ratio} | {calls} | {instructions} | {allocs} | {lost} |",
                measured.case.label(),
                row.implementation.label(),
                format_rate(workload, median(&rates)),
            );
        }
    }
    print_file_ratios(results.measured);
    println!();
    println!("Counts per run: {}.", counts_per_run(results.measured));
    println!();
    print_syscall_mix(results.counts);
    println!();
    print_offload_speedups(results.measured);
    println!(
        "libsockcore.so, stripped: {} bytes ({:.1} KiB; budget {} KiB).",
        results.stripped_so_bytes,
        results.stripped_so_bytes as f64 / 1024.0,
        SO_BUDGET / 1024
    );
    println!();
    print_targets(results);
}

/// For each implementation with both file rows: the sendfile row's median
/// rate over the read + send row's, by the clock and by CPU time. The two
/// rows' rounds are not paired, so there is no interval.
fn print_file_ratios(measured: &[Measured]) {
    let rows_of = |workload: Workload| {
        measured
            .iter()
            .find(|m| m.case.workload == workload)
            .map(|m| m.rows.as_slice())
    };
    let (Some(sendfile), Some(readwrite)) = (
        rows_of(Workload::FileSendfile),
        rows_of(Workload::FileReadWrite),
    ) else {
        return;
    };
    let median_of = |workload: Workload, row: &Row, rate: fn(Workload, &Report) -> f64| {
        let rates: Vec<f64> = row.reports.iter().map(|r| rate(workload, r)).collect();
        median(&rates)
    };
    let ratios: Vec<String> = sendfile
        .iter()
        .filter_map(|s| {
            let r = readwrite
                .iter()
                .find(|r| r.implementation == s.implementation)?;
            let clock = median_of(Workload::FileSendfile, s, rate)
                / median_of(Workload::FileReadWrite, r, rate);
            let cpu = median_of(Workload::FileSendfile, s, cpu_rate)
                / median_of(Workload::FileReadWrite, r, cpu_rate);
            Some(format!(
                "{} {clock:.3} (by CPU time {cpu:.3})",
                s.implementation.label()
            ))
        })
        .collect();
    println!();
    println!(
        "sendfile / read + send 64 KiB, the 1 GiB file over loopback (median rates; the rows' \
         rounds are not paired, so no interval): {}. Over loopback the data is still copied \
         once, by the receiver, and from page-cache pages rather than a fresh buffer; \
         sendfile's saving, no copy on the sending side, needs a real device to show.",
        ratios.join("; ")
    );
}

fn counts_per_run(measured: &[Measured]) -> String {
    measured
        .iter()
        .map(|m| format!("{} {} {}s", m.case.label(), m.count, m.case.workload.unit()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn print_syscall_mix(counts: &Counts) {
    println!("System calls per operation, by name:");
    println!();
    for workload in Workload::ALL {
        let mix: Vec<String> = Implementation::ALL
            .into_iter()
            .filter_map(|i| {
                let calls = &counted(counts, workload, i)?.syscalls;
                let names: Vec<String> = calls
                    .iter()
                    .map(|(name, n)| format!("{name} {n:.3}"))
                    .collect();
                Some(format!("{}: {}", i.label(), names.join(", ")))
            })
            .collect();
        if !mix.is_empty() {
            println!(
                "- {} (per {}): {}",
                workload.name(),
                workload.unit(),
                mix.join("; ")
            );
        }
    }
}

/// The median rate of GSO + GRO over that of `sendmmsg` x 32 (1,200-byte
/// datagrams), per implementation, pinned and unpinned: for each pair of
/// rows measured in this run.
fn offload_speedups(measured: &[Measured]) -> Vec<(String, Implementation, f64)> {
    let mut speedups = Vec::new();
    for offloaded in measured
        .iter()
        .filter(|m| m.case.workload == Workload::Udp1200GsoGro)
    {
        let Some(batched) = measured.iter().find(|m| {
            m.case.workload == Workload::Udp1200Mmsg && m.case.pinned == offloaded.case.pinned
        }) else {
            continue;
        };
        for row in &offloaded.rows {
            let Some(base) = batched
                .rows
                .iter()
                .find(|r| r.implementation == row.implementation)
            else {
                continue;
            };
            let speedup = median(&rates_of(Workload::Udp1200GsoGro, row))
                / median(&rates_of(Workload::Udp1200Mmsg, base));
            let pinned = if offloaded.case.pinned {
                "pinned"
            } else {
                "unpinned"
            };
            speedups.push((pinned.to_owned(), row.implementation, speedup));
        }
    }
    speedups
}

fn print_offload_speedups(measured: &[Measured]) {
    let speedups = offload_speedups(measured);
    for pinned in ["pinned", "unpinned"] {
        let line: Vec<String> = speedups
            .iter()
            .filter(|(p, _, _)| p == pinned)
            .map(|(_, i, speedup)| format!("{} {speedup:.1}x", i.label()))
            .collect();
        if !line.is_empty() {
            println!(
                "GSO + GRO over sendmmsg x 32 (1,200-byte datagrams; median rates), {pinned}: {}.",
                line.join(", ")
            );
            println!();
        }
    }
}

fn met_or_missed(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "MISSED"
    }
}

fn print_targets(results: &Results<'_>) {
    if results.settings.quick {
        println!("Quick mode: everything ran and agreed; speed is not judged.");
        return;
    }
    let sockcore = [Implementation::SockcoreRust, Implementation::SockcoreC];
    let mut slow = Vec::new();
    let mut undecided = Vec::new();
    let mut allocating = Vec::new();
    for measured in results.measured {
        for row in measured
            .rows
            .iter()
            .filter(|r| is_sockcore(r.implementation))
        {
            let described = || {
                format!(
                    "{} / {}: {}",
                    measured.case.label(),
                    row.implementation.label(),
                    ratio_with_interval(&row.ratios)
                )
            };
            match Verdict::of(&row.ratios) {
                Verdict::AtLeast => {}
                Verdict::Below => slow.push(described()),
                Verdict::WithinNoise | Verdict::Unknown => undecided.push(described()),
            }
            if allocs_per_op(row) != Some(0.0) {
                allocating.push(format!(
                    "{} / {}",
                    measured.case.label(),
                    row.implementation.label()
                ));
            }
        }
    }
    let mut extra_calls = Vec::new();
    for workload in results.settings.workloads() {
        let reference = exact_syscalls(results.counts, workload, Implementation::Libc);
        for i in sockcore {
            let Some(calls) = exact_syscalls(results.counts, workload, i) else {
                continue;
            };
            if reference.map_or(true, |c| calls > c + 0.01) {
                extra_calls.push(format!(
                    "{} / {}: {calls:.3} vs {:.3}",
                    workload.name(),
                    i.label(),
                    reference.unwrap_or(f64::NAN)
                ));
            }
        }
    }
    let mut unbatched = Vec::new();
    let both_udp = [Workload::UdpSendto, Workload::UdpMmsg]
        .iter()
        .all(|w| results.settings.workloads().any(|m| m == *w));
    for i in [
        Implementation::Libc,
        Implementation::SockcoreRust,
        Implementation::SockcoreC,
    ] {
        let each = total_syscalls(results.counts, Workload::UdpSendto, i);
        let batched = total_syscalls(results.counts, Workload::UdpMmsg, i);
        match (each, batched) {
            (Some(each), Some(batched)) if batched <= each / 32.0 + 0.01 => {}
            _ => unbatched.push(i.label().to_owned()),
        }
    }
    println!("Targets:");
    println!();
    let list = |items: &[String]| {
        if items.is_empty() {
            String::new()
        } else {
            format!(": {}", items.join("; "))
        }
    };
    let speed = match (slow.is_empty(), undecided.is_empty()) {
        (true, true) => "met (every interval at or above it)".to_owned(),
        (false, _) => format!("MISSED (interval below it){}", list(&slow)),
        (true, false) => "not shown: some intervals straddle it".to_owned(),
    };
    println!("- every sockcore row >= {RATIO_TARGET}x C: {speed}");
    if !undecided.is_empty() {
        println!("  - within noise (or too few rounds){}", list(&undecided));
    }
    if both_udp {
        println!(
            "- batched UDP <= 1/32 of the calls of one per datagram: {}{}",
            met_or_missed(unbatched.is_empty()),
            list(&unbatched)
        );
    }
    let speedups = offload_speedups(results.measured);
    if !speedups.is_empty() {
        let short: Vec<String> = speedups
            .iter()
            .filter(|(_, i, speedup)| is_sockcore(*i) && *speedup < OFFLOAD_SPEEDUP_TARGET)
            .map(|(pinned, i, speedup)| format!("{}, {pinned}: {speedup:.1}x", i.label()))
            .collect();
        println!(
            "- GSO + GRO through sockcore >= {OFFLOAD_SPEEDUP_TARGET}x sendmmsg x 32: {}{}",
            met_or_missed(short.is_empty()),
            list(&short)
        );
    }
    if results
        .settings
        .workloads()
        .any(|w| w == Workload::Udp1200GsoGro)
    {
        // One call per run of GSO_SEGMENTS datagrams each way, no more.
        let per_run = 1.0 / GSO_SEGMENTS as f64 + 0.001;
        let uncoalesced: Vec<String> = [
            Implementation::Libc,
            Implementation::SockcoreRust,
            Implementation::SockcoreC,
        ]
        .into_iter()
        .filter_map(|i| {
            let calls = &counted(results.counts, Workload::Udp1200GsoGro, i)?.syscalls;
            let each = |name: &str| calls.get(name).copied().unwrap_or(0.0);
            (each("sendmsg") > per_run || each("recvmsg") > per_run || calls.len() != 2)
                .then(|| format!("{}: {calls:?}", i.label()))
        })
        .collect();
        println!(
            "- GSO + GRO: one sendmsg per {GSO_SEGMENTS} datagrams and one recvmsg per coalesced run, nothing else: {}{}",
            met_or_missed(uncoalesced.is_empty()),
            list(&uncoalesced)
        );
    }
    println!(
        "- syscalls per op equal to C (a stream receiver's reads and epoll_wait left out: they follow the timing): {}{}",
        met_or_missed(extra_calls.is_empty()),
        list(&extra_calls)
    );
    println!(
        "- zero heap allocations per op: {}{}",
        met_or_missed(allocating.is_empty()),
        list(&allocating)
    );
    println!(
        "- libsockcore.so stripped <= {} KiB: {}",
        SO_BUDGET / 1024,
        met_or_missed(results.stripped_so_bytes <= SO_BUDGET)
    );
}
