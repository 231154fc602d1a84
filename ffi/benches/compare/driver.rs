//! The benchmark run: build, measure every case, count system calls, print.

use std::fs;
use std::process::Command;
use std::time::Instant;

use crate::c_programs::{self, output};
use crate::counts;
use crate::implementation::Implementation;
use crate::measure::{self, Settings, FILE_ROUNDS};
use crate::stats;
use crate::table::{self, Counted, Counts, Results, RATIO_TARGET};
use crate::workload::Workload;

/// Runs the whole benchmark and prints its results.
pub fn run(settings: Settings) -> Result<(), String> {
    let started = Instant::now();
    stats::self_check();
    eprintln!("compare: building libsockcore and the C programs");
    let mut programs = c_programs::build()?;
    if settings.workloads().any(Workload::is_file) {
        eprintln!("compare: the file the file workloads send, into the page cache");
        programs.bench_file = Some(c_programs::bench_file(
            &programs.out_dir,
            settings.file_chunks(),
        )?);
    }
    let load_before = load_average();
    let measuring = Instant::now();
    let mut measured = Vec::new();
    for case in settings.cases() {
        eprintln!("compare: {}", case.label());
        measured.push(measure::measure(case, &programs, settings)?);
    }
    eprintln!(
        "compare: measured in {:.1} s; counting system calls (strace) and, in the full mode, instructions (callgrind)",
        measuring.elapsed().as_secs_f64()
    );
    let counting = Instant::now();
    let mut counts = Counts::new();
    for workload in settings.workloads() {
        for implementation in Implementation::ALL.into_iter().filter(|i| i.has(workload)) {
            let syscalls = counts::syscalls_per_op(workload, implementation, &programs, settings)?;
            let instructions = if settings.quick {
                None
            } else {
                Some(counts::instructions_per_op(
                    workload,
                    implementation,
                    &programs,
                    settings,
                )?)
            };
            counts.insert(
                (workload.name(), implementation.label()),
                Counted {
                    syscalls,
                    instructions,
                },
            );
        }
    }
    eprintln!(
        "compare: counted in {:.1} s",
        counting.elapsed().as_secs_f64()
    );
    let load_after = load_average();

    let mode = if settings.quick {
        "quick (a check that everything runs; not a measurement)"
    } else {
        "full"
    };
    println!("sockcore vs hand-written C, {mode}; {}", date());
    println!();
    println!("- machine: {}", machine());
    println!(
        "- C: {} -O2; sockcore: release profile (LTO, codegen-units 1, panic abort)",
        programs.cc_version
    );
    println!("- load average (1, 5, 15 min) before: {load_before}; after: {load_after}");
    println!("- {}", sizes(settings));
    if let Some(only) = settings.only {
        println!("- only {} (--only)", only.names().join(", "));
    }
    println!("- vs C: the median over rounds of (rate / C's rate in the same round), {}; best runs: the fastest run over C's fastest (other load only ever slows a run); by CPU time: as the median, with operations per second of the process's CPU time", interval_described(settings.rounds));
    if !settings.quick {
        println!("- verdict (sockcore rows): \"≥ {RATIO_TARGET}\" when the interval's lower end is at least {RATIO_TARGET}, \"< {RATIO_TARGET}\" when its upper end is below, \"within noise\" when it straddles {RATIO_TARGET}");
    }
    println!("- syscalls/op: strace -f -c; user instructions/op: valgrind --tool=callgrind (full mode); both a long run minus a short one, over the difference in operations (UDP: a receiver's calls per datagram received)");
    println!();
    table::print(&Results {
        settings,
        measured: &measured,
        counts: &counts,
        stripped_so_bytes: programs.stripped_so_bytes,
    });
    println!();
    println!("Took {:.1} s.", started.elapsed().as_secs_f64());
    Ok(())
}

/// Rounds, and how long a run is.
fn sizes(settings: Settings) -> String {
    let rounds = format!(
        "{} round{} per case, implementations rotated each round, each run a process of its own",
        settings.rounds,
        if settings.rounds == 1 { "" } else { "s" }
    );
    if settings.quick {
        format!("{rounds}; small fixed counts")
    } else {
        format!(
            "{rounds}; runs sized to about {} s of the reference's time (bulk too; accept churn at most 10,000 cycles; the epoll echo at least 10,000 messages); the file rows send the whole 1 GiB file each run, in at most {FILE_ROUNDS} rounds",
            settings.secs
        )
    }
}

/// What the interval beside the median is, for `rounds` ratios.
fn interval_described(rounds: usize) -> String {
    match (
        stats::median_interval_ranks(rounds),
        stats::interval_coverage(rounds),
    ) {
        (Some((low, high)), Some(coverage)) => format!(
            "and in brackets its 95% confidence interval: the {low}{} and {high}{} of the {rounds} sorted ratios (distribution-free, as in the sign test; exact coverage {:.1}%)",
            ordinal_suffix(low),
            ordinal_suffix(high),
            100.0 * coverage
        ),
        _ if rounds > 1 => "and in parentheses their range (fewer than 6 rounds give no 95% interval, nor a verdict)".into(),
        _ => "of a single round (no interval, no verdict)".into(),
    }
}

fn ordinal_suffix(n: usize) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "?".into())
}

fn date() -> String {
    output(Command::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"]))
        .map(|d| d.trim().to_owned())
        .unwrap_or_else(|_| "?".into())
}

/// CPUs, CPU model and kernel.
fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, model)| model.trim().to_owned())
        })
        .unwrap_or_else(|| "?".into());
    let kernel = fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|k| k.trim().to_owned())
        .unwrap_or_else(|_| "?".into());
    format!("{cpus} CPUs, {model}, Linux {kernel}")
}
