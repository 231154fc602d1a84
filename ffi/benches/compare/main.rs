//! sockcore against hand-written C: the same loopback workloads
//! through C over raw libc (the reference, `cc -O2`), sockcore's Rust API,
//! sockcore's C ABI and Rust's std::net, each measurement in a process of
//! its own, the implementations alternated, and one table printed with
//! the rate, the ratio against C in the same round, system calls and heap
//! allocations per operation, and the stripped size of `libsockcore.so`.
//!
//! ```text
//! cargo bench -p sockcore-ffi --bench compare              # full: about 2 minutes
//! cargo bench -p sockcore-ffi --bench compare -- --quick   # seconds; checks, never judges speed
//! cargo bench -p sockcore-ffi --bench compare -- --rounds 127 --only churn
//! cargo bench -p sockcore-ffi --bench compare -- --only udp1200-mmsg,udp1200-gso-gro
//! ```
//!
//! Each ratio against C is printed as the median over rounds with its 95%
//! confidence interval (order statistics, stats.rs), and each sockcore row
//! judged against 0.98 only when the interval is clear of it. `-- --help`
//! lists the options (options.rs). Without `--bench` on its command line
//! (as under `cargo test --benches`) it runs the quick mode too. The C
//! sources are in `benches/c/`; the Rust implementations run as this same
//! binary with `--child`.

mod alloc_count;
mod c_programs;
mod child;
mod counts;
mod driver;
mod implementation;
mod measure;
mod net;
mod net_sockcore;
mod net_std;
mod options;
mod pair;
mod process;
mod report;
mod rust_workloads;
mod stats;
mod table;
mod workload;

use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: alloc_count::Counting = alloc_count::Counting;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        return child::main(&args[1..]);
    }
    let settings = match options::parse(&args) {
        Ok(options::Command::Run(settings)) => settings,
        Ok(options::Command::Help) => {
            println!("{}", options::usage());
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("compare: {e}\n\n{}", options::usage());
            return ExitCode::from(2);
        }
    };
    match driver::run(settings) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("compare: {e}");
            ExitCode::FAILURE
        }
    }
}
