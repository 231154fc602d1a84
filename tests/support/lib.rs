//! Shared helpers for the end-to-end tests: the C side built once per test
//! binary, and child processes with bounded waits.

mod c_build;
mod process;
mod temp_dir;

pub use c_build::{c_build, CBuild, Link};
pub use process::{unique_name, Finished, Process, TIMEOUT};
pub use temp_dir::TempDir;
