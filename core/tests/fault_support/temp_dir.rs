//! A temporary directory for Unix socket paths, removed on drop: shared by
//! the core test binaries that bind Unix sockets to paths.

use std::path::{Path, PathBuf};

/// `sockcore-<tag>-<pid>` under the system temporary directory.
pub struct TempDir(PathBuf);

impl TempDir {
    /// Creates it; `tag` tells apart the tests and binaries that use one.
    pub fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("sockcore-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create the temporary directory");
        TempDir(dir)
    }

    /// The directory.
    #[allow(dead_code)] // Not every binary that includes this file needs it.
    pub fn path(&self) -> &Path {
        &self.0
    }

    /// `unix:<dir>/<name>`, the text `SocketAddr::parse` reads as a path.
    #[allow(dead_code)] // Not every binary that includes this file needs it.
    pub fn unix_text(&self, name: &str) -> String {
        format!("unix:{}", self.0.join(name).display())
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
