//! What the core's test binaries share, each helper defined once: sockets
//! and pairs ready for a test, a full accept queue, a thread known to be
//! blocked, descriptor counts, a one-buffer `recv_msg`, a network
//! namespace of the test's own, a checksummed byte stream, `SIGPIPE` at its
//! default, signal storms, a temporary directory, datagrams with control
//! data, UDP offload sockets, and zero-copy completions.
//!
//! A binary takes it with `mod support;` (a folder binary, from its
//! `main.rs`: `#[path = "../support/mod.rs"] mod support;`) and uses what
//! it needs; the rest is dead code in that binary, hence the allowance.

#![allow(dead_code)]

pub mod backlog;
pub mod blocked;
pub mod fds;
pub mod msg;
pub mod netns;
pub mod pattern;
pub mod sigpipe;
pub mod sockets;
pub mod storm;
pub mod temp_dir;
pub mod udp;
pub mod zerocopy;
