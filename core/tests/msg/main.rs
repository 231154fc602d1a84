//! Messages over real sockets: control-message layout, descriptor passing,
//! credentials, `send_msg`/`recv_msg` on datagrams with control data passed
//! through, `send_mmsg`/`recv_mmsg` batches, and zero-copy sends with
//! their completions. Nothing here changes
//! process-wide state or counts descriptors, so the modules share one test
//! binary and run in parallel (msg_fd_leaks.rs counts them alone).

#[path = "../support/mod.rs"]
mod support;

mod cmsg_layout;
mod credentials;
mod datagrams;
mod fd_passing;
mod mmsg;
mod typed_layout;
mod udp_drop_count;
mod udp_ecn;
mod udp_errqueue;
mod udp_original_destination;
mod udp_pktinfo;
mod udp_timestamps;
mod udp_truncated;
mod zerocopy;
