//! Socket options, each set and read back, and their effect where a
//! loopback test can show it: `SOL_SOCKET`, `IPPROTO_TCP` (and the
//! `TCP_INFO` snapshot), IP-level unicast and multicast options, the
//! switches for received control messages, and path MTU options. Nothing here changes process-wide state,
//! so the modules share one test binary and run in parallel.

#[path = "../support/mod.rs"]
mod support;

mod control;
mod ip;
mod multicast;
mod path_mtu;
mod socket;
mod tcp;
mod tcp_info;
