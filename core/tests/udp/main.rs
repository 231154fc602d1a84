//! UDP segmentation offload over loopback: bulk transfers through GSO and
//! GRO, the split rule at its limits, the fallback to `sendmmsg` forced
//! three ways, coalesced receives into buffers of every size and in
//! batches, and bad input refused before any system call. Nothing here
//! changes process-wide state (the seccomp filter of the `EIO` test binds
//! one thread of its own), so the modules share one test binary.

#[path = "../support/mod.rs"]
mod support;

mod bad_input;
mod fallback;
mod gro_recv;
mod gso_gro;
