//! Shared helpers for the end-to-end tests: the C side built once per test
//! binary (and the base library, without optional parts), build commands
//! that must succeed, the C examples and case tables run, child processes
//! with bounded waits, and the workspace version.

mod base_build;
mod c_build;
mod case_table;
mod command;
mod process;
mod run_example;
mod temp_dir;
mod workspace_version;

pub use base_build::{base_lib_dir, BASE_BUILD_DEFINES};
pub use c_build::{c_build, c_compiler, CBuild, Link, C_FLAGS};
pub use command::{inherit_only_stdio, path_arg, run_to_success};
pub use process::{unique_name, Finished, Process, TIMEOUT};
pub use temp_dir::TempDir;
pub use workspace_version::{workspace_version, Version};
