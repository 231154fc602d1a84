//! UDP segmentation offload: a buffer sent as equal datagrams in few system
//! calls (`UDP_SEGMENT`, Linux 4.18), and runs of datagrams received
//! coalesced with their segment size (`UDP_GRO`, Linux 5.0; turn it on
//! with `sc_set_udp_gro`).
//!
//! `sc_send_segments` and `sc_recv_segments` need no state and check the
//! socket on every call; a loop keeps an `sc_udp_offload`, which checks
//! once and remembers a kernel's refusal of offload. `sc_segments_init` and
//! `sc_segments_next` walk the datagrams of a run. For several runs in one
//! `sc_recvmmsg`, give every message a control buffer of its own
//! (`SC_CMSG_SPACE_UDP_GRO`) and read it with `sc_cmsg_get_udp_gro`:
//! without one the kernel drops the run's segment size.

pub(crate) mod state;

// The header lists the groups in this order, after the constants below.
pub mod send;

pub mod recv;

pub mod offload;

pub mod segments;

use core::ffi::c_int;

/// The most payload one IPv4 UDP datagram carries (65,535 - 20 - 8), and
/// the most one offloaded system call carries, IPv6 included: the largest
/// `segment` the offload calls take.
pub const SC_UDP_MAX_PAYLOAD: usize = 65_507;

/// The most datagrams one offloaded system call carries: 64, what every
/// kernel since Linux 4.18 takes (kernels from 2024 on take 128; the
/// library splits at 64 so that one rule holds on all of them). With
/// 1,200-byte datagrams the payload limit comes first: 54 a call.
pub const SC_UDP_MAX_SEGMENTS: usize = 64;

/// A receive buffer that holds any coalesced run (at most 64 KiB). A
/// smaller one cuts runs: `-EMSGSIZE`.
pub const SC_UDP_GRO_BUFFER: usize = 65_536;

/// The most control data `sc_udp_offload_sendmsg` attaches.
pub const SC_UDP_OFFLOAD_CONTROL_MAX: usize = 256;

/// `sc_udp_offload_gso`: nothing has been sent yet.
pub const SC_GSO_UNTRIED: c_int = 0;
/// `sc_udp_offload_gso`: the kernel took the last send offloaded.
pub const SC_GSO_OFFLOADED: c_int = 1;
/// `sc_udp_offload_gso`: sends go as `sendmmsg` batches of the same
/// datagrams, because the kernel refused offload (`EIO`, `EINVAL`) or
/// `SC_UDP_OFFLOAD_NO_GSO` asked for it.
pub const SC_GSO_REFUSED: c_int = 2;

/// Flag for `sc_udp_offload_init`: never offload; every send goes as
/// `sendmmsg` batches.
pub const SC_UDP_OFFLOAD_NO_GSO: c_int = 1;

const _: () = assert!(SC_UDP_MAX_PAYLOAD == sockcore::udp::UDP_MAX_PAYLOAD);
const _: () = assert!(SC_UDP_MAX_SEGMENTS == sockcore::udp::UDP_MAX_SEGMENTS);
const _: () = assert!(SC_UDP_GRO_BUFFER == sockcore::udp::UDP_GRO_BUFFER);
const _: () = assert!(SC_UDP_OFFLOAD_CONTROL_MAX == sockcore::udp::UDP_OFFLOAD_CONTROL_MAX);
