//! add, modify and delete: the data round trip through the target's
//! `struct epoll_event` (packed on x86_64, 16 bytes on ARM), and every
//! error, ours and the kernel's.

use sockcore::{Epoll, EpollFlags, Errno};

use super::ready_now;
use crate::support::sockets::stream_pair;
use crate::support::temp_dir::TempDir;

#[test]
fn add_modify_delete() {
    let (a, b) = stream_pair();
    let epoll = Epoll::new().unwrap();
    epoll.add(b.as_raw_fd(), EpollFlags::IN, 7).unwrap();
    assert!(ready_now(&epoll).is_empty(), "nothing to read yet");

    a.write(b"x").unwrap();
    let events = ready_now(&epoll);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].events(), EpollFlags::IN);
    assert_eq!(events[0].data(), 7);

    // All 64 bits of the data survive.
    epoll
        .modify(b.as_raw_fd(), EpollFlags::OUT, u64::MAX)
        .unwrap();
    let events = ready_now(&epoll);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].events(), EpollFlags::OUT);
    assert_eq!(events[0].data(), u64::MAX);

    epoll.delete(b.as_raw_fd()).unwrap();
    assert!(ready_now(&epoll).is_empty(), "still watched after delete");
}

#[test]
fn hang_up_is_reported_unasked() {
    let (a, b) = stream_pair();
    let epoll = Epoll::new().unwrap();
    epoll.add(b.as_raw_fd(), EpollFlags::empty(), 1).unwrap();
    drop(a);
    let events = ready_now(&epoll);
    assert_eq!(events.len(), 1);
    assert!(events[0].events().contains(EpollFlags::HUP));
}

#[test]
fn errors() {
    let (_a, b) = stream_pair();
    let fd = b.as_raw_fd();
    let epoll = Epoll::new().unwrap();
    epoll.add(fd, EpollFlags::IN, 0).unwrap();
    assert_eq!(epoll.add(fd, EpollFlags::IN, 0), Err(Errno::EEXIST));
    epoll.delete(fd).unwrap();
    assert_eq!(epoll.modify(fd, EpollFlags::IN, 0), Err(Errno::ENOENT));
    assert_eq!(epoll.delete(fd), Err(Errno::ENOENT));
    assert_eq!(epoll.add(-1, EpollFlags::IN, 0), Err(Errno::EBADF));
    assert_eq!(
        epoll.add(epoll.as_raw_fd(), EpollFlags::IN, 0),
        Err(Errno::EINVAL),
        "an instance watching itself"
    );

    // A regular file cannot be polled.
    let dir = TempDir::new("epoll-file");
    let file = std::fs::File::create(dir.path().join("plain")).unwrap();
    let file_fd = std::os::fd::AsRawFd::as_raw_fd(&file);
    assert_eq!(epoll.add(file_fd, EpollFlags::IN, 0), Err(Errno::EPERM));
}

#[test]
fn unknown_bits_are_refused_though_the_kernel_would_take_them() {
    let (_a, b) = stream_pair();
    let epoll = Epoll::new().unwrap();
    let unknown = EpollFlags::from_bits_retain(0x0010_0000);
    assert_eq!(epoll.add(b.as_raw_fd(), unknown, 0), Err(Errno::EINVAL));
    assert_eq!(
        epoll.add(b.as_raw_fd(), EpollFlags::IN | unknown, 0),
        Err(Errno::EINVAL)
    );
    epoll.add(b.as_raw_fd(), EpollFlags::IN, 0).unwrap();
    assert_eq!(
        epoll.modify(b.as_raw_fd(), EpollFlags::IN | unknown, 0),
        Err(Errno::EINVAL)
    );
}

#[test]
fn exclusive_rules() {
    let (_a, b) = stream_pair();
    let epoll = Epoll::new().unwrap();
    // Only with IN, OUT, ERR, HUP, ET and WAKEUP; never modified.
    for partner in [EpollFlags::RDHUP, EpollFlags::ONESHOT, EpollFlags::PRI] {
        assert_eq!(
            epoll.add(
                b.as_raw_fd(),
                EpollFlags::EXCLUSIVE | EpollFlags::IN | partner,
                0
            ),
            Err(Errno::EINVAL),
            "EXCLUSIVE with {partner:?}"
        );
    }
    epoll
        .add(b.as_raw_fd(), EpollFlags::EXCLUSIVE | EpollFlags::IN, 0)
        .unwrap();
    assert_eq!(
        epoll.modify(b.as_raw_fd(), EpollFlags::IN, 0),
        Err(Errno::EINVAL)
    );
    epoll.delete(b.as_raw_fd()).unwrap();

    // Nor may an entry become exclusive.
    epoll.add(b.as_raw_fd(), EpollFlags::IN, 0).unwrap();
    assert_eq!(
        epoll.modify(b.as_raw_fd(), EpollFlags::EXCLUSIVE | EpollFlags::IN, 0),
        Err(Errno::EINVAL)
    );

    // Nor watch another epoll instance.
    let inner = Epoll::new().unwrap();
    assert_eq!(
        epoll.add(inner.as_raw_fd(), EpollFlags::EXCLUSIVE | EpollFlags::IN, 0),
        Err(Errno::EINVAL)
    );
}
