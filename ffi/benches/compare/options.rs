//! The command line after `--`: which mode, how many rounds, how long a
//! run, which workload.

use crate::measure::Settings;
use crate::stats;
use crate::workload::{Workload, Workloads};

/// Rounds per case in the full mode. 81 ratios put the 95% interval of
/// their median between the 32nd and the 50th. The whole full run takes
/// about 2 minutes on the 2-CPU VM of RESULTS.md (80 s of rounds, then 23 s
/// of strace and callgrind); other load makes it longer.
pub const DEFAULT_ROUNDS: usize = 81;
/// Seconds of the reference's time a full-mode run is sized to: short runs,
/// many rounds. Measured on that VM under the team's load, for the same
/// time spent, 81 rounds of 0.025 s gave intervals 2-4 times narrower than
/// 21 rounds of 0.1 s (pingpong, bulk and churn; e.g. pinned TCP pingpong
/// 0.010-0.014 wide against 0.10-0.16). Other load comes in bursts: a short
/// round is either clear of a burst, all four runs alike, or hit, an
/// outlier the median ignores; long runs are each hit by a part of one, so
/// every ratio scatters. UDP rows were 0.1-0.3 wide at any length while a
/// full receive buffer dropped 10-18% of their datagrams; with one that
/// holds a whole run (c/workloads.c) they lose none and are 0.02-0.045 wide.
pub const DEFAULT_SECS: f64 = 0.025;
/// A run is killed after a minute (measure::RUN_TIMEOUT); stay far below.
const MAX_SECS: f64 = 10.0;

/// What to do.
pub enum Command {
    /// Measure with these settings.
    Run(Settings),
    /// Print [`usage`] and stop.
    Help,
}

/// The options, for `--help` and errors.
pub fn usage() -> String {
    let names: Vec<&str> = Workload::ALL.into_iter().map(Workload::name).collect();
    format!(
        "usage: cargo bench -p sockcore-ffi --bench compare -- [OPTIONS]\n\
         \n\
         \x20 --quick       1 round of small fixed counts: checks that every run completes\n\
         \x20               and agrees, never judges speed (CI)\n\
         \x20 --rounds N    rounds per case in the full mode, 1 to {max} (default {DEFAULT_ROUNDS});\n\
         \x20               a 95% interval of the median needs at least 6\n\
         \x20 --secs S      seconds of the reference's time per run, every workload\n\
         \x20               (default {DEFAULT_SECS}; accept churn stops at 10,000 cycles)\n\
         \x20 --only NAMES  only these workloads, comma-separated (each pinned and unpinned\n\
         \x20               where the table has both), for a quick look:\n\
         \x20               {}\n\
         \n\
         Without --bench on the command line (as under `cargo test --benches`) it runs\n\
         the quick mode and ignores options it does not know (the test harness's).",
        names.join(", "),
        max = stats::MAX_SAMPLES,
    )
}

/// Parses the arguments after the program name. `cargo bench` adds
/// `--bench`; without it (as under `cargo test --benches`, which may pass
/// libtest's flags) the mode is quick and unknown arguments are ignored.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let bench = args.iter().any(|a| a == "--bench");
    let mut quick = !bench;
    let mut rounds = None;
    let mut secs = None;
    let mut only = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{arg} needs a value"))
                .map(String::as_str)
        };
        match arg.as_str() {
            "--bench" => {}
            "--help" | "-h" => return Ok(Command::Help),
            "--quick" => quick = true,
            "--rounds" => rounds = Some(parse_rounds(value()?)?),
            "--secs" => secs = Some(parse_secs(value()?)?),
            "--only" => {
                let mut set: Workloads = only.unwrap_or_default();
                for name in value()?.split(',') {
                    let workload =
                        Workload::from_name(name).ok_or_else(|| format!("no workload {name:?}"))?;
                    set = set.with(workload);
                }
                only = Some(set);
            }
            other if bench => return Err(format!("unknown argument {other:?}")),
            _ => {}
        }
    }
    if quick && (rounds.is_some() || secs.is_some()) {
        return Err(if bench {
            "--quick runs 1 round of fixed counts; --rounds and --secs are for the full mode".into()
        } else {
            "--rounds and --secs need the full mode: `cargo bench` (it passes --bench)".into()
        });
    }
    Ok(Command::Run(Settings {
        quick,
        rounds: if quick {
            1
        } else {
            rounds.unwrap_or(DEFAULT_ROUNDS)
        },
        secs: secs.unwrap_or(DEFAULT_SECS),
        only,
    }))
}

fn parse_rounds(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if (1..=stats::MAX_SAMPLES).contains(&n) => Ok(n),
        _ => Err(format!(
            "--rounds {text:?}: a whole number from 1 to {}",
            stats::MAX_SAMPLES
        )),
    }
}

fn parse_secs(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(s) if s > 0.0 && s <= MAX_SECS => Ok(s),
        _ => Err(format!(
            "--secs {text:?}: a number of seconds above 0, at most {MAX_SECS}"
        )),
    }
}
