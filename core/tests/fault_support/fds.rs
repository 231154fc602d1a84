//! How many descriptors the process has open: the entries of
//! `/proc/self/fd`, counted around a failure path to show it leaks none.
//! Call it from one test per binary: parallel tests open descriptors too.

/// The number of entries in `/proc/self/fd` (the directory's own descriptor
/// included, which is the same on every call).
pub fn open_fd_count() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .expect("/proc/self/fd")
        .count()
}
