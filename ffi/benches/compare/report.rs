//! The one line each implementation prints for a measurement, shared by the
//! Rust children (which print it) and the driver (which parses it); the C
//! programs print the same line (`c/harness.c`).

use std::fmt;
use std::time::Duration;

/// One measurement of one workload by one implementation, in one process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Report {
    /// Operations completed: round trips, 64 KiB chunks, cycles, datagrams
    /// received.
    pub ops: u64,
    /// Payload bytes received, both ends together.
    pub bytes: u64,
    /// Datagrams sent but never received.
    pub lost: u64,
    /// How long the measured loop took.
    pub nanos: u64,
    /// CPU time the process (both ends) used meanwhile.
    pub cpu_nanos: u64,
    /// Heap allocations during the loop; `None` when nothing counted them.
    pub allocs: Option<u64>,
}

impl Report {
    /// Operations per second.
    pub fn ops_per_sec(&self) -> f64 {
        self.ops as f64 / self.secs()
    }

    /// Payload bytes per second.
    pub fn bytes_per_sec(&self) -> f64 {
        self.bytes as f64 / self.secs()
    }

    /// Operations per second of CPU time: what the rate would be if
    /// nothing else ran on the machine, and the ends never waited.
    pub fn ops_per_cpu_sec(&self) -> f64 {
        self.ops as f64 / secs(self.cpu_nanos)
    }

    /// Payload bytes per second of CPU time.
    pub fn bytes_per_cpu_sec(&self) -> f64 {
        self.bytes as f64 / secs(self.cpu_nanos)
    }

    fn secs(&self) -> f64 {
        secs(self.nanos)
    }

    /// Parses the line [`Display`](fmt::Display) writes; `None` for anything
    /// else.
    pub fn parse(line: &str) -> Option<Report> {
        let mut fields = line.split_whitespace();
        let mut next = |name: &str| -> Option<i64> {
            let (key, value) = fields.next()?.split_once('=')?;
            if key != name {
                return None;
            }
            value.parse().ok()
        };
        let ops = u64::try_from(next("ops")?).ok()?;
        let bytes = u64::try_from(next("bytes")?).ok()?;
        let lost = u64::try_from(next("lost")?).ok()?;
        let nanos = u64::try_from(next("nanos")?).ok()?;
        let cpu_nanos = u64::try_from(next("cpu_nanos")?).ok()?;
        let allocs = u64::try_from(next("allocs")?).ok();
        Some(Report {
            ops,
            bytes,
            lost,
            nanos,
            cpu_nanos,
            allocs,
        })
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let allocs = self.allocs.map_or(-1, |count| count as i64);
        write!(
            f,
            "ops={} bytes={} lost={} nanos={} cpu_nanos={} allocs={allocs}",
            self.ops, self.bytes, self.lost, self.nanos, self.cpu_nanos
        )
    }
}

/// Nanoseconds as seconds, never zero (a rate's divisor).
fn secs(nanos: u64) -> f64 {
    Duration::from_nanos(nanos.max(1)).as_secs_f64()
}
