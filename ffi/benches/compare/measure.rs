//! Measuring: the rows of the table (workload and how it is launched), how
//! many operations a run does, rounds that alternate the implementations,
//! and the checks every report must pass.

use std::time::Duration;

use crate::c_programs::Programs;
use crate::implementation::Implementation;
use crate::process;
use crate::report::Report;
use crate::workload::{Workload, Workloads, FILE_CHUNKS};

/// A group of rows in the table: a workload, launched pinned or not.
#[derive(Clone, Copy, Debug)]
pub struct Case {
    pub workload: Workload,
    /// Both ends on CPU 0 (`taskset -c 0`).
    pub pinned: bool,
}

impl Case {
    /// The table's rows, in order. Pingpong and bulk come pinned, both
    /// threads on one CPU: the figures that compare libraries. Unpinned,
    /// pingpong measures the hypervisor's cross-CPU wake-ups, and bulk
    /// ratios scatter three times wider (intervals of ±2.5% against ±1%
    /// pinned, at the same throughput here); those rows stand beside. The
    /// 1,200-byte UDP rows come both ways too: pinned, the sender and the
    /// receiver take turns on one CPU, which other load disturbs least. So
    /// does the epoll echo; the file transfers come unpinned, as a file
    /// server runs.
    pub const ALL: [Case; 23] = [
        Case::new(Workload::PingpongTcp, true),
        Case::new(Workload::PingpongTcp, false),
        Case::new(Workload::PingpongUnix, true),
        Case::new(Workload::PingpongUnix, false),
        Case::new(Workload::BulkWrite, true),
        Case::new(Workload::BulkWrite, false),
        Case::new(Workload::BulkWritev, true),
        Case::new(Workload::BulkWritev, false),
        Case::new(Workload::Churn, false),
        Case::new(Workload::UdpSendto, false),
        Case::new(Workload::UdpMmsg, false),
        Case::new(Workload::Udp1200Sendto, true),
        Case::new(Workload::Udp1200Sendto, false),
        Case::new(Workload::Udp1200Mmsg, true),
        Case::new(Workload::Udp1200Mmsg, false),
        Case::new(Workload::Udp1200Gso, true),
        Case::new(Workload::Udp1200Gso, false),
        Case::new(Workload::Udp1200GsoGro, true),
        Case::new(Workload::Udp1200GsoGro, false),
        Case::new(Workload::EpollEcho, true),
        Case::new(Workload::EpollEcho, false),
        Case::new(Workload::FileSendfile, false),
        Case::new(Workload::FileReadWrite, false),
    ];

    const fn new(workload: Workload, pinned: bool) -> Case {
        Case { workload, pinned }
    }

    /// Rounds for this case: the settings', but at most
    /// [`FILE_ROUNDS`] for the file transfers, whose runs take a second
    /// each.
    pub fn rounds(&self, settings: Settings) -> usize {
        if self.workload.is_file() {
            settings.rounds.min(FILE_ROUNDS)
        } else {
            settings.rounds
        }
    }

    /// The name in the table.
    pub fn label(&self) -> String {
        let name = match self.workload {
            Workload::PingpongTcp => "pingpong TCP 64 B",
            Workload::PingpongUnix => "pingpong Unix 64 B",
            Workload::BulkWrite => "bulk TCP, 64 KiB send",
            Workload::BulkWritev => "bulk TCP, 4 x 16 KiB vectored",
            Workload::Churn => "accept churn (fresh netns)",
            Workload::UdpSendto => "UDP 64 B, sendto/recvfrom",
            Workload::UdpMmsg => "UDP 64 B, mmsg x 32",
            Workload::Udp1200Sendto => "UDP 1200 B, sendto/recvfrom",
            Workload::Udp1200Mmsg => "UDP 1200 B, mmsg x 32",
            Workload::Udp1200Gso => "UDP 1200 B, GSO x 54 / recvmmsg x 32",
            Workload::Udp1200GsoGro => "UDP 1200 B, GSO x 54 / GRO",
            Workload::EpollEcho => "epoll echo, 1,000 clients x 64 B",
            Workload::FileSendfile => "1 GiB file to TCP, sendfile",
            Workload::FileReadWrite => "1 GiB file to TCP, read + send 64 KiB",
        };
        let both_ways = Case::ALL
            .iter()
            .any(|case| case.workload == self.workload && case.pinned != self.pinned);
        match (both_ways, self.pinned) {
            (true, true) => format!("{name}, pinned"),
            (true, false) => format!("{name}, unpinned"),
            (false, _) => name.to_owned(),
        }
    }
}

/// How thoroughly to measure, and what (the command line: options.rs).
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// The short mode: small fixed counts, one round; checks that everything
    /// runs and agrees, measures nothing.
    pub quick: bool,
    /// Rounds per case; each runs every implementation once.
    pub rounds: usize,
    /// Seconds of the reference's time a full-mode run is sized to.
    pub secs: f64,
    /// Only these workloads' cases, rather than all.
    pub only: Option<Workloads>,
}

/// Each cycle leaves the client's port in TIME_WAIT, and connect(2) picks
/// from the even half of the ephemeral range first (32768-60999: 14,116
/// ports); past that it searches, burning CPU, until a port may be reused a
/// second later. A run stays below, in its own fresh namespace (and so far
/// below the 131,072 TIME_WAIT sockets past which the kernel keeps none).
const CHURN_MAX: u64 = 10_000;
/// Calibration runs at most this many trials, each sized from the one
/// before; the last one's rate sizes the measured runs.
const CALIBRATION_TRIALS: usize = 4;
/// A trial shorter than this fraction of the target is too short to size
/// from: start-up (TCP's window growing, caches, page faults) weighs on it.
const TRIAL_FRACTION: f64 = 0.25;
/// A run taking longer than this has hung.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(60);
/// Rounds of the 1 GiB file transfers: the fewest with a 95% interval of
/// the median (the 2nd and 8th of 9 ratios, coverage 96.1%). A run moves
/// the whole file (about a second here), so 9 rounds of the two file
/// workloads take 60 to 80 s, as long as all the other rows together.
pub const FILE_ROUNDS: usize = 9;
/// The least count of a full-mode epoll echo run: ten rounds of all 1,000
/// clients, so that the connections' set-up stays outside the timing and
/// a run holds many `epoll_wait` calls.
const EPOLL_ECHO_MIN: u64 = 10_000;

impl Settings {
    /// The cases to measure, in table order.
    pub fn cases(&self) -> impl Iterator<Item = Case> + '_ {
        Case::ALL
            .into_iter()
            .filter(|case| self.includes(case.workload))
    }

    /// The workloads to measure, in table order.
    pub fn workloads(&self) -> impl Iterator<Item = Workload> + '_ {
        Workload::ALL.into_iter().filter(|&w| self.includes(w))
    }

    fn includes(&self, workload: Workload) -> bool {
        self.only.map_or(true, |only| only.contains(workload))
    }

    /// The count of the quick mode, and of the full mode's first
    /// calibration trial.
    fn small_count(&self, workload: Workload) -> u64 {
        match workload {
            Workload::PingpongTcp | Workload::PingpongUnix => 2_000,
            Workload::BulkWrite | Workload::BulkWritev => 256,
            Workload::Churn => 1_000,
            Workload::UdpSendto | Workload::UdpMmsg => 8_192,
            Workload::EpollEcho => 20_000,
            Workload::FileSendfile | Workload::FileReadWrite => 256,
            // 54 x 32 x 4: a multiple of every 1,200-byte row's granule.
            _ => 6_912,
        }
    }

    /// The 64 KiB chunks of the file the file workloads send: the whole
    /// 1 GiB in the full mode, the quick mode's count otherwise.
    pub fn file_chunks(&self) -> u64 {
        if self.quick {
            self.small_count(Workload::FileSendfile)
        } else {
            FILE_CHUNKS
        }
    }
}

/// One implementation's reports for a case, one per round, and its rate
/// over the reference's in each round: by the clock, and by CPU time.
pub struct Row {
    pub implementation: Implementation,
    pub reports: Vec<Report>,
    pub ratios: Vec<f64>,
    pub cpu_ratios: Vec<f64>,
}

/// A measured case.
pub struct Measured {
    pub case: Case,
    /// Operations per run.
    pub count: u64,
    pub rows: Vec<Row>,
}

/// What a report is compared by: bytes per second for bulk and file
/// transfers, operations per second for the rest.
pub fn rate(workload: Workload, report: &Report) -> f64 {
    if workload.is_bulk() {
        report.bytes_per_sec()
    } else {
        report.ops_per_sec()
    }
}

/// [`rate`] per second of CPU time, which other load on the machine
/// disturbs far less than the clock.
pub fn cpu_rate(workload: Workload, report: &Report) -> f64 {
    if workload.is_bulk() {
        report.bytes_per_cpu_sec()
    } else {
        report.ops_per_cpu_sec()
    }
}

/// Measures `case` with every implementation that has its calls, in rounds
/// that rotate the order, so that no implementation always runs first.
pub fn measure(case: Case, programs: &Programs, settings: Settings) -> Result<Measured, String> {
    let workload = case.workload;
    let count = if settings.quick {
        settings.small_count(workload)
    } else if workload.is_file() {
        // The whole file, whatever the time: the 1 GiB.
        settings.file_chunks()
    } else if workload == Workload::EpollEcho {
        calibrate(case, programs, settings)?.max(EPOLL_ECHO_MIN)
    } else {
        calibrate(case, programs, settings)?
    };
    let implementations: Vec<Implementation> = Implementation::ALL
        .into_iter()
        .filter(|i| i.has(workload))
        .collect();
    let mut reports: Vec<Vec<Report>> = vec![Vec::new(); implementations.len()];
    for round in 0..case.rounds(settings) {
        for k in 0..implementations.len() {
            let index = (round + k) % implementations.len();
            let report = run_once(case, programs, implementations[index], count)?;
            reports[index].push(report);
        }
    }
    let reference = reports[0].clone();
    let rows = implementations
        .into_iter()
        .zip(reports)
        .map(|(implementation, reports)| {
            let ratios_by = |rate: fn(Workload, &Report) -> f64| {
                reports
                    .iter()
                    .zip(&reference)
                    .map(|(r, c)| rate(workload, r) / rate(workload, c))
                    .collect()
            };
            Row {
                implementation,
                ratios: ratios_by(rate),
                cpu_ratios: ratios_by(cpu_rate),
                reports,
            }
        })
        .collect();
    Ok(Measured { case, count, rows })
}

/// The count that makes the reference run take about `settings.secs`.
///
/// Bulk transfers are sized like the rest, rather than moving a fixed
/// 2 GiB (0.4 s a run here), so that many short rounds stay affordable
/// (options.rs says why short ones): 0.025 s is still some 2,000 chunks of
/// 64 KiB. Trials grow until one takes a quarter of the target, so the
/// small first trial (16 MiB of bulk, 1,000 churn cycles) never sizes the
/// runs alone.
fn calibrate(case: Case, programs: &Programs, settings: Settings) -> Result<u64, String> {
    let workload = case.workload;
    let granule = workload.granule();
    let limit = |count: u64| {
        if workload == Workload::Churn {
            count.min(CHURN_MAX)
        } else {
            count
        }
    };
    let small = settings.small_count(workload);
    // A trial of `trial` operations: how long it took, the count it sizes
    // the runs to, and the next trial, aimed at half the target (long
    // enough to size from, short enough not to overshoot much).
    let run_trial = |trial: u64| -> Result<(f64, u64, u64), String> {
        let report = run_once(case, programs, Implementation::Libc, trial)?;
        let secs = report.nanos.max(1) as f64 / 1e9;
        let sized = (trial as f64 * settings.secs / secs) as u64 / granule * granule;
        let next = limit((sized / 2 / granule * granule).max(trial));
        Ok((secs, limit(sized.max(small)), next))
    };
    let mut trial = small;
    for _ in 1..CALIBRATION_TRIALS {
        let (secs, count, next) = run_trial(trial)?;
        if secs >= settings.secs * TRIAL_FRACTION || next == trial {
            return Ok(count);
        }
        trial = next;
    }
    Ok(run_trial(trial)?.1)
}

/// One process measuring `count` operations, checked.
fn run_once(
    case: Case,
    programs: &Programs,
    implementation: Implementation,
    count: u64,
) -> Result<Report, String> {
    let mut launch = implementation.launch(programs, case.workload, count);
    launch.pinned = case.pinned;
    let stdout = process::run(&launch, RUN_TIMEOUT)?;
    let report = Report::parse(stdout.trim())
        .ok_or_else(|| format!("{}: no report in {stdout:?}", implementation.label()))?;
    check(case.workload, count, &report)
        .map_err(|e| format!("{} {}: {e}", implementation.label(), case.workload.name()))?;
    Ok(report)
}

/// What every implementation must agree on: the operations done and the
/// bytes delivered (less exactly the datagrams lost, for UDP).
fn check(workload: Workload, count: u64, report: &Report) -> Result<(), String> {
    let (want_ops, want_bytes) = if workload.is_lossy() {
        let sent = report.ops + report.lost;
        if sent != count {
            return Err(format!(
                "{} received + {} lost != {count} sent",
                report.ops, report.lost
            ));
        }
        (report.ops, workload.expected_bytes(report.ops))
    } else {
        (count, workload.expected_bytes(count))
    };
    if report.ops != want_ops || report.bytes != want_bytes {
        return Err(format!(
            "{} ops and {} bytes, expected {want_ops} and {want_bytes}",
            report.ops, report.bytes
        ));
    }
    if report.allocs.is_none() {
        return Err("no allocation count (is the LD_PRELOAD counter loaded?)".into());
    }
    Ok(())
}
