//! The three modes, each over the same sequence: one byte arrives and stays
//! unread, then another arrives.

use sockcore::{Epoll, EpollFlags};

use super::ready_now;
use crate::support::sockets::stream_pair;

#[test]
fn level_triggered_repeats_while_data_stays() {
    let (a, b) = stream_pair();
    let epoll = Epoll::new().unwrap();
    epoll.add(b.as_raw_fd(), EpollFlags::IN, 1).unwrap();
    a.write(b"1").unwrap();
    assert_eq!(ready_now(&epoll).len(), 1);
    assert_eq!(ready_now(&epoll).len(), 1, "unread data is reported again");
}

#[test]
fn edge_triggered_reports_each_arrival_once() {
    let (a, b) = stream_pair();
    let epoll = Epoll::new().unwrap();
    epoll
        .add(b.as_raw_fd(), EpollFlags::IN | EpollFlags::ET, 1)
        .unwrap();
    a.write(b"1").unwrap();
    assert_eq!(ready_now(&epoll).len(), 1);
    assert!(
        ready_now(&epoll).is_empty(),
        "reported twice for one arrival"
    );
    a.write(b"2").unwrap();
    assert_eq!(ready_now(&epoll).len(), 1, "a new arrival is a new edge");
}

#[test]
fn oneshot_disarms_until_modify() {
    let (a, b) = stream_pair();
    let epoll = Epoll::new().unwrap();
    epoll
        .add(b.as_raw_fd(), EpollFlags::IN | EpollFlags::ONESHOT, 1)
        .unwrap();
    a.write(b"1").unwrap();
    assert_eq!(ready_now(&epoll).len(), 1);
    a.write(b"2").unwrap();
    assert!(ready_now(&epoll).is_empty(), "disarmed after one report");
    epoll
        .modify(b.as_raw_fd(), EpollFlags::IN | EpollFlags::ONESHOT, 2)
        .unwrap();
    let events = ready_now(&epoll);
    assert_eq!(events.len(), 1, "modify arms it again");
    assert_eq!(events[0].data(), 2);
}
