//! [`TempDir`]: a fresh directory under the system's temporary directory,
//! removed when dropped; short enough a path for Unix sockets (108 bytes).
//!
//! Written here rather than taken from the tempfile crate: its dependencies
//! turn on `bitflags/std`, and cargo's feature unification would then link
//! std into libsockcore whenever the tests are built.

use std::path::{Path, PathBuf};

use crate::unique_name;

/// A directory that exists until this value is dropped.
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    /// Creates `$TMPDIR/sockcore-<tag>-<pid>-<n>`.
    pub fn new(tag: &str) -> TempDir {
        let path = std::env::temp_dir().join(unique_name(tag));
        std::fs::create_dir(&path)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", path.display()));
        TempDir { path }
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
