//! `sc_udp_offload`, the caller-held offload state, and its `state` field's
//! numbers (apart from the calls, so that args.rs can check one).

use core::ffi::c_int;

use sockcore::udp::GsoStatus;
use sockcore::Errno;

use super::{SC_GSO_OFFLOADED, SC_GSO_REFUSED, SC_GSO_UNTRIED};

/// The offload state of one UDP socket, kept by the caller (there is no
/// global state): set it up with `sc_udp_offload_init`, then send and
/// receive with `sc_udp_offload_send` and `sc_udp_offload_recv`. It holds
/// no resource: nothing to free, and the descriptor stays the caller's.
///
/// The fields are the library's; a zero-filled value reads as never set
/// up (`-EINVAL`).
#[allow(non_camel_case_types)] // C's spelling: this is the header's name.
#[repr(C)]
pub struct sc_udp_offload {
    /// The socket.
    pub fd: c_int,
    /// 0 until set up; then 1 + one of the `SC_GSO_*` values.
    pub state: c_int,
}

/// `state` for a status.
pub(crate) fn encode(gso: GsoStatus) -> c_int {
    1 + match gso {
        GsoStatus::Untried => SC_GSO_UNTRIED,
        GsoStatus::Offloaded => SC_GSO_OFFLOADED,
        GsoStatus::Refused => SC_GSO_REFUSED,
    }
}

/// The status in `state`: `EINVAL` for a value never set up.
pub(crate) fn decode(state: c_int) -> Result<GsoStatus, Errno> {
    match state.wrapping_sub(1) {
        SC_GSO_UNTRIED => Ok(GsoStatus::Untried),
        SC_GSO_OFFLOADED => Ok(GsoStatus::Offloaded),
        SC_GSO_REFUSED => Ok(GsoStatus::Refused),
        _ => Err(Errno::EINVAL),
    }
}
