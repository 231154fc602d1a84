//! A new instance is close-on-exec. (That dropping closes it is counted in
//! fault_leaks.rs, a binary of its own.)

use sockcore::Epoll;

#[test]
fn is_close_on_exec() {
    let epoll = Epoll::new().expect("epoll_create1");
    // SAFETY: F_GETFD takes no pointer.
    let flags = unsafe { libc::fcntl(epoll.as_raw_fd(), libc::F_GETFD) };
    assert_eq!(flags & libc::FD_CLOEXEC, libc::FD_CLOEXEC);
}
