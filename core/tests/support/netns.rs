//! A network namespace of the test's own: a thread that `unshare`s its
//! network namespace, brings `lo` up and sets the namespace's sysctls,
//! then runs the test there; and the namespace's `TcpExt` counters. The
//! host's network settings are never touched. Needs root
//! (`CAP_SYS_ADMIN`).

use std::thread;

/// Runs `body` on a new thread in a new network namespace where `lo` is
/// up and each `/proc/sys/<name>` of `sysctls` holds its value; returns
/// what `body` returns. The namespace goes when its last socket does.
pub fn in_new_netns<T: Send>(sysctls: &[(&str, &str)], body: impl FnOnce() -> T + Send) -> T {
    thread::scope(|scope| {
        scope
            .spawn(|| {
                // SAFETY: unshare takes a flag; it moves only this thread.
                let ret = unsafe { libc::unshare(libc::CLONE_NEWNET) };
                assert_eq!(
                    ret,
                    0,
                    "unshare(CLONE_NEWNET): {} (run the tests as root)",
                    std::io::Error::last_os_error()
                );
                loopback_up();
                for (name, value) in sysctls {
                    // /proc/sys/net resolves to the namespace of the thread
                    // that opens it: this one's.
                    let path = format!("/proc/sys/{name}");
                    std::fs::write(&path, value).unwrap_or_else(|e| panic!("{path}: {e}"));
                    let now = std::fs::read_to_string(&path).unwrap();
                    assert_eq!(now.trim(), *value, "{path}");
                }
                body()
            })
            .join()
            .expect("the test thread in its namespace")
    })
}

/// `ip link set lo up`, with the two `ioctl`s it makes.
fn loopback_up() {
    // SAFETY: an all-zero ifreq is valid; the name and flags are set below.
    let mut request: libc::ifreq = unsafe { std::mem::zeroed() };
    for (slot, &byte) in request.ifr_name.iter_mut().zip(b"lo") {
        *slot = byte as libc::c_char;
    }
    // SAFETY: socket takes integers.
    let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
    assert!(fd >= 0, "socket for the ioctls");
    // SAFETY: request is a valid ifreq the kernel reads and fills; the
    // request number's type differs between C libraries, hence the cast.
    unsafe {
        assert_eq!(libc::ioctl(fd, libc::SIOCGIFFLAGS as _, &mut request), 0);
        request.ifr_ifru.ifru_flags |= libc::IFF_UP as libc::c_short;
        assert_eq!(libc::ioctl(fd, libc::SIOCSIFFLAGS as _, &mut request), 0);
        libc::close(fd);
    }
}

/// The namespace's `TcpExt` counter `name` (`TCPFastOpenActive`, …), read
/// from `/proc/thread-self/net/netstat`: `/proc/self/net` is the main
/// thread's namespace, not this one's.
pub fn tcp_ext_counter(name: &str) -> u64 {
    let text = std::fs::read_to_string("/proc/thread-self/net/netstat").expect("netstat");
    let mut lines = text.lines();
    while let (Some(names), Some(values)) = (lines.next(), lines.next()) {
        if !names.starts_with("TcpExt:") {
            continue;
        }
        let found = names
            .split_whitespace()
            .zip(values.split_whitespace())
            .find(|(n, _)| *n == name);
        if let Some((_, value)) = found {
            return value.parse().expect("a counter");
        }
    }
    panic!("no TcpExt counter {name}");
}
