//! The implementations compared, and the command that runs each one.

use std::env;
use std::ffi::OsString;

use crate::c_programs::Programs;
use crate::child;
use crate::process::Launch;
use crate::workload::Workload;

/// One implementation of the workloads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Implementation {
    /// Hand-written C over raw libc, `-O2`: the reference.
    Libc,
    /// sockcore through its Rust API.
    SockcoreRust,
    /// sockcore through its C ABI (`libsockcore.a`), from the same C code.
    SockcoreC,
    /// Rust's std::net.
    Std,
}

impl Implementation {
    /// Every implementation, the reference first.
    pub const ALL: [Implementation; 4] = [
        Implementation::Libc,
        Implementation::SockcoreRust,
        Implementation::SockcoreC,
        Implementation::Std,
    ];

    /// The name in the table.
    pub fn label(self) -> &'static str {
        match self {
            Implementation::Libc => "C, raw libc (reference)",
            Implementation::SockcoreRust => "sockcore, Rust API",
            Implementation::SockcoreC => "sockcore, C ABI",
            Implementation::Std => "Rust std::net",
        }
    }

    /// Whether this implementation has the calls `workload` needs (std has
    /// no `sendmmsg`/`recvmmsg`, no segmentation offload, no epoll and no
    /// `sendfile`).
    pub fn has(self, workload: Workload) -> bool {
        self != Implementation::Std
            || !matches!(
                workload,
                Workload::UdpMmsg
                    | Workload::Udp1200Mmsg
                    | Workload::Udp1200Gso
                    | Workload::Udp1200GsoGro
                    | Workload::EpollEcho
                    | Workload::FileSendfile
            )
    }

    /// The process that measures `workload` `count` times.
    pub fn launch(self, programs: &Programs, workload: Workload, count: u64) -> Launch {
        let mut argv: Vec<OsString> = match self {
            Implementation::Libc => vec![programs.libc.clone().into()],
            Implementation::SockcoreC => vec![programs.sockcore_c.clone().into()],
            Implementation::SockcoreRust | Implementation::Std => {
                let name = if self == Implementation::Std {
                    child::STD
                } else {
                    child::SOCKCORE
                };
                let exe = env::current_exe().unwrap_or_else(|_| "compare".into());
                vec![exe.into(), "--child".into(), name.into()]
            }
        };
        argv.push(workload.name().into());
        argv.push(count.to_string().into());
        // The Rust children count with their global allocator; the C
        // programs with the preloaded counter.
        let mut env = match self {
            Implementation::Libc | Implementation::SockcoreC => {
                vec![("LD_PRELOAD", programs.alloc_counter.clone().into())]
            }
            Implementation::SockcoreRust | Implementation::Std => Vec::new(),
        };
        if let (true, Some(file)) = (workload.is_file(), &programs.bench_file) {
            env.push(("BENCH_FILE", file.clone().into()));
        }
        Launch {
            argv,
            env,
            pinned: false,
            netns: workload == Workload::Churn,
            counter: None,
        }
    }
}
