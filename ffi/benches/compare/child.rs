//! The Rust implementations as child processes of the driver: the bench
//! binary run as `compare --child IMPL WORKLOAD COUNT` measures one workload
//! in a process of its own (so its allocation and system call counts are its
//! own) and prints one report line, as the C programs do.

use std::io;
use std::process::ExitCode;

use crate::net_sockcore::Sockcore;
use crate::net_std::Std;
use crate::rust_workloads;
use crate::workload::Workload;

/// The name of sockcore's Rust API on the child command line.
pub const SOCKCORE: &str = "sockcore-rust";
/// The name of std::net on the child command line.
pub const STD: &str = "std";

/// Runs the child described by `args` (after `--child`).
pub fn main(args: &[String]) -> ExitCode {
    let [implementation, workload, count] = args else {
        eprintln!("usage: compare --child {SOCKCORE}|{STD} WORKLOAD COUNT");
        return ExitCode::from(2);
    };
    let (Some(workload), Ok(count)) = (Workload::from_name(workload), count.parse::<u64>()) else {
        eprintln!("unknown workload or count: {workload} {count}");
        return ExitCode::from(2);
    };
    match run(implementation, workload, count) {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{implementation} {}: {e}", workload.name());
            ExitCode::FAILURE
        }
    }
}

fn run(implementation: &str, workload: Workload, count: u64) -> io::Result<crate::report::Report> {
    if count % workload.granule() != 0 {
        return Err(io::Error::other(format!(
            "count must be a multiple of {}",
            workload.granule()
        )));
    }
    match (implementation, workload) {
        (
            SOCKCORE,
            Workload::UdpMmsg
            | Workload::Udp1200Mmsg
            | Workload::Udp1200Gso
            | Workload::Udp1200GsoGro
            | Workload::EpollEcho
            | Workload::FileSendfile,
        ) => rust_workloads::run_sockcore_only(workload, count),
        (SOCKCORE, _) => rust_workloads::run::<Sockcore>(workload, count),
        (STD, _) => rust_workloads::run::<Std>(workload, count),
        _ => Err(io::Error::other(format!(
            "unknown implementation {implementation}"
        ))),
    }
}
