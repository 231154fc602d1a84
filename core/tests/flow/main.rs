//! The server/client flow and byte moving over real sockets: streams over
//! TCP, Unix sockets and a socketpair, datagrams, connections that cannot
//! be made, time-outs and non-blocking calls, partial writes through tiny
//! buffers, and files sent with `sendfile`. Nothing here changes process-wide state, so the modules
//! share one test binary and run in parallel.

#[path = "../support/mod.rs"]
mod support;

mod connect_within;
mod descriptors;
mod dial;
mod negative_fd;
mod partial;
mod sendfile;
mod stream;
mod timeouts;
mod udp;
mod unknown_flags;
mod unnamed;
mod vectored;
