//! The descriptors the process has open: the entries of `/proc/self/fd`,
//! counted around a failure path to show it leaks none. Only a binary of
//! its own may count them: parallel tests open descriptors too.

/// The number of entries in `/proc/self/fd` (the directory's own descriptor
/// included, which is the same on every call).
pub fn open_fd_count() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .expect("/proc/self/fd")
        .count()
}

/// The numbers of the entries in `/proc/self/fd` (the directory's own
/// included).
pub fn open_fds() -> Vec<i32> {
    std::fs::read_dir("/proc/self/fd")
        .expect("/proc/self/fd")
        .map(|entry| {
            entry
                .unwrap()
                .file_name()
                .to_str()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect()
}
