//! The C examples (c-examples/), each built against the static and the
//! shared library and run as a user would: one module per example, named
//! after it (tcp.rs runs tcp_server.c and tcp_client.c together, and
//! interop.rs runs them against the Rust API). tests/load.rs also runs
//! epoll_echo.c with 1,000 clients, and faults.rs runs it out of
//! descriptors.

mod addresses;
mod demo;
mod epoll_echo;
mod exec_handoff;
mod fd_passing;
mod interop;
mod peer_credentials;
mod sendfile_server;
mod tcp;
mod tcp_info;
mod udp_batch;
mod udp_echo;
mod udp_gso;
mod udp_pktinfo;
mod unix_echo;
mod zerocopy_send;

use sockcore_e2e::{c_build, CBuild};

/// The C library and examples, built once for this binary.
fn build() -> &'static CBuild {
    c_build(env!("CARGO_TARGET_TMPDIR"))
}
