//! `sc_addr`, the caller-allocated socket address: the C view of the core's
//! `SocketAddr`.

use core::mem::{align_of, size_of};

use libc::{sockaddr_storage, socklen_t};
use sockcore::SocketAddr;

/// A socket address of any family (IPv4, IPv6, Unix path, abstract or
/// unnamed), held by value in caller memory: declare one on the stack, fill
/// it with `sc_addr_parse`, `sc_addr_from_sockaddr`, `sc_accept`,
/// `sc_recvfrom`, `sc_local_addr` or `sc_peer_addr`.
///
/// Its size is `sizeof(struct sockaddr_storage)` plus a `socklen_t`, rounded
/// up to the alignment of `struct sockaddr_storage`: 136 bytes aligned to 8
/// on 64-bit Linux, 132 aligned to 4 on 32-bit Linux. The fields are public
/// only so that C can allocate it; read it through the `sc_addr_*`
/// functions.
#[allow(non_camel_case_types)] // C's spelling: this is the header's name.
#[repr(C)]
pub struct sc_addr {
    /// The address as the kernel reads it; `len` bytes are meaningful.
    pub storage: sockaddr_storage,
    /// How many bytes of `storage` are meaningful (0 for no address).
    pub len: socklen_t,
}

// The C type is a window on the core's SocketAddr: same fields, same layout.
const _: () = assert!(size_of::<sc_addr>() == size_of::<SocketAddr>());
const _: () = assert!(align_of::<sc_addr>() == align_of::<SocketAddr>());
const _: () = assert!(
    size_of::<sc_addr>()
        == if cfg!(target_pointer_width = "64") {
            136
        } else {
            132
        }
);

impl From<SocketAddr> for sc_addr {
    /// The C view of an address, for a field of a C struct.
    #[inline]
    fn from(addr: SocketAddr) -> sc_addr {
        // SAFETY: sc_addr has SocketAddr's fields and layout (asserted
        // above), and any bits are a valid sc_addr.
        unsafe { core::mem::transmute::<SocketAddr, sc_addr>(addr) }
    }
}
