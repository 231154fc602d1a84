//! A temporary directory for Unix socket paths and files, removed on drop.

use std::path::{Path, PathBuf};

/// `sockcore-<tag>-<pid>` under the system temporary directory.
pub struct TempDir(PathBuf);

impl TempDir {
    /// Creates it; `tag` tells apart the tests that use one.
    pub fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("sockcore-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create the temporary directory");
        TempDir(dir)
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        &self.0
    }

    /// `unix:<dir>/<name>`, the text `SocketAddr::parse` reads as a path.
    pub fn unix_text(&self, name: &str) -> String {
        format!("unix:{}", self.0.join(name).display())
    }

    /// A file `name` in it holding `bytes`, opened read-only (for
    /// `sendfile`).
    pub fn file_holding(&self, name: &str, bytes: &[u8]) -> std::fs::File {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write the file");
        std::fs::File::open(&path).expect("open the file")
    }

    /// Removes it now, and fails the test if that fails.
    pub fn remove(self) {
        std::fs::remove_dir_all(&self.0).expect("remove the temporary directory");
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
