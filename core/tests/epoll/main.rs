//! epoll over real descriptors: an instance is close-on-exec, entries are
//! added, modified and deleted with their data intact, the three modes
//! (level-triggered, edge-triggered, one-shot) report as the kernel
//! promises, `EXCLUSIVE` wakes one waiter, and waits keep their time-outs.
//! Nothing here changes process-wide state, so the modules share one test
//! binary and run in parallel.

#[path = "../support/mod.rs"]
mod support;

mod create;
mod ctl;
mod modes;
mod wait;

use sockcore::{Epoll, EpollEvent};
use std::time::Duration;

/// The events a wait reports at once (nothing blocks): the filled part of
/// a fresh array.
fn ready_now(epoll: &Epoll) -> Vec<EpollEvent> {
    let mut events = [EpollEvent::default(); 8];
    let ready = epoll
        .wait(&mut events, Some(Duration::ZERO))
        .expect("epoll_wait");
    events[..ready].to_vec()
}
