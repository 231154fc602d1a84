//! Waiting: time-outs (a fraction of a millisecond rounds up), waiting for
//! ever until an event, an empty array, and `EXCLUSIVE` waking one waiter.

use std::thread;
use std::time::{Duration, Instant};

use sockcore::{Epoll, EpollEvent, EpollFlags, Errno, SockFlags, Socket};

use crate::support::blocked::{thread_id, wait_until_blocked_in};
use crate::support::sockets::stream_pair;

#[test]
fn times_out() {
    let (_a, b) = stream_pair();
    let epoll = Epoll::new().unwrap();
    epoll.add(b.as_raw_fd(), EpollFlags::IN, 0).unwrap();
    let mut events = [EpollEvent::default(); 4];
    let start = Instant::now();
    assert_eq!(
        epoll.wait(&mut events, Some(Duration::from_millis(50))),
        Ok(0)
    );
    assert!(start.elapsed() >= Duration::from_millis(50));
}

#[test]
fn a_sub_millisecond_time_out_still_waits() {
    let epoll = Epoll::new().unwrap();
    let mut events = [EpollEvent::default(); 4];
    let start = Instant::now();
    assert_eq!(
        epoll.wait(&mut events, Some(Duration::from_micros(100))),
        Ok(0)
    );
    // Rounded up to 1 ms, not down to a check that returns at once.
    assert!(
        start.elapsed() >= Duration::from_micros(900),
        "waited only {:?}",
        start.elapsed()
    );
}

#[test]
fn none_waits_for_an_event() {
    let (a, b) = stream_pair();
    let epoll = Epoll::new().unwrap();
    epoll.add(b.as_raw_fd(), EpollFlags::IN, 5).unwrap();
    let waiter = thread::scope(|scope| {
        let (tid_tx, tid_rx) = std::sync::mpsc::channel();
        let epoll = &epoll;
        let waiter = scope.spawn(move || {
            tid_tx.send(thread_id()).unwrap();
            let mut events = [EpollEvent::default(); 4];
            let ready = epoll.wait(&mut events, None);
            (ready, events[0].data())
        });
        wait_until_blocked_in(tid_rx.recv().unwrap(), "do_epoll_wait");
        a.write(b"x").unwrap();
        waiter.join().unwrap()
    });
    assert_eq!(waiter, (Ok(1), 5));
}

#[test]
fn an_empty_array_is_einval() {
    let epoll = Epoll::new().unwrap();
    assert_eq!(
        epoll.wait(&mut [], Some(Duration::ZERO)),
        Err(Errno::EINVAL)
    );
}

/// Two threads, each waiting on an epoll instance of its own that watches
/// one listener with `extra` modes; one connection arrives. Returns what
/// each wait returned.
fn waiters_woken(extra: EpollFlags) -> [usize; 2] {
    let listener = Socket::listen_on("127.0.0.1:0", 8).unwrap();
    listener.set_nonblocking(true).unwrap();
    let addr = listener.local_addr().unwrap();
    let instances = [Epoll::new().unwrap(), Epoll::new().unwrap()];
    for epoll in &instances {
        epoll
            .add(listener.as_raw_fd(), EpollFlags::IN | extra, 0)
            .unwrap();
    }
    thread::scope(|scope| {
        let (tid_tx, tid_rx) = std::sync::mpsc::channel();
        let waiters = instances.each_ref().map(|epoll| {
            let tid_tx = tid_tx.clone();
            scope.spawn(move || {
                tid_tx.send(thread_id()).unwrap();
                let mut events = [EpollEvent::default(); 4];
                epoll
                    .wait(&mut events, Some(Duration::from_millis(500)))
                    .unwrap()
            })
        });
        for _ in 0..2 {
            wait_until_blocked_in(tid_rx.recv().unwrap(), "do_epoll_wait");
        }
        let _client = Socket::dial_addr(&addr, Some(Duration::from_secs(1))).unwrap();
        let woken = waiters.map(|waiter| waiter.join().unwrap());
        let _conn = listener.accept(SockFlags::empty()).unwrap();
        woken
    })
}

#[test]
fn exclusive_wakes_one_waiter() {
    let mut woken = waiters_woken(EpollFlags::EXCLUSIVE);
    woken.sort_unstable();
    assert_eq!(woken, [0, 1], "EXCLUSIVE woke {woken:?}");
    // Without it, both.
    assert_eq!(waiters_woken(EpollFlags::empty()), [1, 1]);
}
