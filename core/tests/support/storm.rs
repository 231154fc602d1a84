//! Signal storms: a signal every millisecond, with a handler installed
//! without `SA_RESTART`, so that a blocked system call really returns
//! `EINTR`. Two kinds:
//!
//! - [`TimerStorm`]: a POSIX per-thread timer (`timer_create` with
//!   `SIGEV_THREAD_ID`) raising `SIGALRM` on the thread that armed it, and
//!   counting the signals handled there. A process-wide timer
//!   (`setitimer(ITIMER_REAL)`) would not do: the kernel gives its signal
//!   to any thread not blocking it, most often the test harness's main
//!   thread, so the call under test would rarely see it.
//! - [`KillStorm`]: a thread of its own sending `SIGUSR1` to chosen threads
//!   with `pthread_kill`, counted by [`signals_handled`].
//!
//! Both install a process-wide handler, so a binary with a storm is a test
//! binary of its own.

use std::cell::Cell;
use std::os::unix::thread::RawPthread;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Once};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// The period of either storm.
const TICK: Duration = Duration::from_millis(1);

/// Upper bound on a [`KillStorm`]'s ticks: far beyond what a test needs,
/// so a hung test still ends the storm.
const MAX_TICKS: u32 = 30_000;

/// Installs `handler` for `signal` without `SA_RESTART`, once per process.
fn install(once: &'static Once, signal: libc::c_int, handler: extern "C" fn(libc::c_int)) {
    once.call_once(|| {
        // SAFETY: an all-zero sigaction is valid; the fields are set below.
        let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
        action.sa_sigaction = handler as libc::sighandler_t;
        action.sa_flags = 0;
        // SAFETY: sa_mask is a valid sigset_t to clear; the handlers given
        // here are async-signal-safe (a thread-local read and atomic adds)
        // and live as long as the process.
        let ret = unsafe {
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(signal, &action, std::ptr::null_mut())
        };
        assert_eq!(ret, 0, "sigaction({signal})");
    });
}

thread_local! {
    /// The counter of the timer storm armed on this thread, or null.
    static STORM_HITS: Cell<*const AtomicU64> = const { Cell::new(std::ptr::null()) };
}

extern "C" fn on_alarm(_: libc::c_int) {
    let hits = STORM_HITS.with(Cell::get);
    if !hits.is_null() {
        // SAFETY: a TimerStorm points this thread's slot at the counter it
        // holds and clears the slot (with SIGALRM blocked) before letting it
        // go.
        unsafe { &*hits }.fetch_add(1, Ordering::Relaxed);
    }
}

/// A 1 ms timer raising `SIGALRM` on the thread that armed it, until
/// dropped.
pub struct TimerStorm {
    timer: libc::timer_t,
    hits: Arc<AtomicU64>,
}

impl TimerStorm {
    /// Starts the storm on this thread.
    pub fn arm() -> TimerStorm {
        static INSTALL: Once = Once::new();
        install(&INSTALL, libc::SIGALRM, on_alarm);
        let hits = Arc::new(AtomicU64::new(0));
        STORM_HITS.with(|slot| slot.set(Arc::as_ptr(&hits)));
        // SAFETY: an all-zero sigevent is valid; the fields are set below.
        let mut event: libc::sigevent = unsafe { std::mem::zeroed() };
        event.sigev_notify = libc::SIGEV_THREAD_ID;
        event.sigev_signo = libc::SIGALRM;
        // SAFETY: gettid has no preconditions.
        event.sigev_notify_thread_id = unsafe { libc::gettid() };
        let mut timer: libc::timer_t = std::ptr::null_mut();
        // SAFETY: event and timer are valid for the call.
        let ret = unsafe { libc::timer_create(libc::CLOCK_MONOTONIC, &mut event, &mut timer) };
        assert_eq!(ret, 0, "timer_create");
        let tick = libc::timespec {
            tv_sec: 0,
            tv_nsec: TICK.as_nanos() as libc::c_long,
        };
        let period = libc::itimerspec {
            it_interval: tick,
            it_value: tick,
        };
        // SAFETY: timer was just created; period is a valid itimerspec.
        let ret = unsafe { libc::timer_settime(timer, 0, &period, std::ptr::null_mut()) };
        assert_eq!(ret, 0, "timer_settime");
        TimerStorm { timer, hits }
    }

    /// The counter of signals handled, for another thread to watch.
    pub fn counter(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.hits)
    }

    /// The signals handled so far.
    pub fn hits(&self) -> u64 {
        self.hits.load(Ordering::Relaxed)
    }
}

impl Drop for TimerStorm {
    /// Stops the timer and discards a signal still pending, so the thread's
    /// next call is not interrupted by a storm that has ended.
    fn drop(&mut self) {
        // SAFETY: the timer is ours and deleted once; the signal set is a
        // local; sigtimedwait with a zero timeout only takes a pending
        // SIGALRM of this thread (blocked here, so it cannot run the handler).
        unsafe {
            libc::timer_delete(self.timer);
            let mut alarm: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut alarm);
            libc::sigaddset(&mut alarm, libc::SIGALRM);
            libc::pthread_sigmask(libc::SIG_BLOCK, &alarm, std::ptr::null_mut());
            let zero = libc::timespec {
                tv_sec: 0,
                tv_nsec: 0,
            };
            while libc::sigtimedwait(&alarm, std::ptr::null_mut(), &zero) == libc::SIGALRM {}
            STORM_HITS.with(|slot| slot.set(std::ptr::null()));
            libc::pthread_sigmask(libc::SIG_UNBLOCK, &alarm, std::ptr::null_mut());
        }
    }
}

static HANDLED: AtomicUsize = AtomicUsize::new(0);

extern "C" fn count_signal(_: libc::c_int) {
    HANDLED.fetch_add(1, Ordering::Relaxed);
}

/// The `SIGUSR1`s any [`KillStorm`] has had handled, in the whole process.
pub fn signals_handled() -> usize {
    HANDLED.load(Ordering::Relaxed)
}

/// A thread that sends `SIGUSR1` to each target thread every millisecond
/// until stopped.
pub struct KillStorm {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<u32>>,
}

impl KillStorm {
    /// Every target must stay joinable (not yet joined) until `stop`.
    /// Targets are std's `RawPthread`, an integer on every Linux target and
    /// so `Send`; libc's `pthread_t` is a pointer on musl.
    pub fn start(targets: Vec<RawPthread>) -> KillStorm {
        static INSTALL: Once = Once::new();
        install(&INSTALL, libc::SIGUSR1, count_signal);
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = thread::spawn(move || {
            let mut ticks = 0;
            while ticks < MAX_TICKS && !flag.load(Ordering::Relaxed) {
                for &target in &targets {
                    // SAFETY: the target threads are not joined before the
                    // storm stops, so their pthread_t stay valid.
                    unsafe { libc::pthread_kill(target as libc::pthread_t, libc::SIGUSR1) };
                }
                // Pacing, not synchronisation: the storm's period.
                thread::sleep(TICK);
                ticks += 1;
            }
            ticks
        });
        KillStorm {
            stop,
            thread: Some(thread),
        }
    }

    /// Stops the storm; returns how many ticks it ran.
    pub fn stop(mut self) -> u32 {
        self.stop.store(true, Ordering::Relaxed);
        let thread = self.thread.take().expect("joined once");
        thread.join().expect("the storm thread")
    }
}

impl Drop for KillStorm {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
