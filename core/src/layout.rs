//! Compile-time checks that the types C sees, or that this crate casts
//! between, have the layout of the C types they stand for — on every target
//! the crate is built for, so a 32-bit ARM or musl build fails to compile
//! rather than pass a wrong size to the kernel.
//!
//! Some types carry their checks next to their definitions: `IoSlice` and
//! `IoSliceMut` (`struct iovec`), `PollFd` (`struct pollfd`), `Credentials`
//! (`struct ucred`), `MmsgHdr` and `MmsgHdrMut` (`struct mmsghdr`), std's
//! `IoSlice` in `std_interop`, and `SocketAddr`'s field order in `addr`. The
//! rest are here; a new `#[repr(C)]` or `#[repr(transparent)]` type that
//! mirrors a C type gets its lines in one place or the other.

use core::mem::{align_of, offset_of, size_of};

use crate::addr::{SocketAddr, UNIX_PATH_MAX};
use crate::errno::Errno;
use crate::fd::{OwnedFd, RawFd};
use crate::flags::{Domain, Shutdown, Type};
use crate::msg::cmsg::buffer::CmsgBuffer;
use crate::socket::{BorrowedSocket, Socket, SocketFd};

/// Whether `T` has exactly the size and alignment of `C`.
// Used only by `const _` items, which the dead-code lint of the oldest
// supported Rust does not count as uses.
#[allow(dead_code)]
const fn same_layout<T, C>() -> bool {
    size_of::<T>() == size_of::<C>() && align_of::<T>() == align_of::<C>()
}

// Descriptors are C `int`s: `BorrowedSocket`'s `Deref` casts `&RawFd` to
// `&SocketFd`, `SCM_RIGHTS` carries `int`s, and the C ABI hands all of these
// out as `int`.
const _: () = assert!(same_layout::<RawFd, libc::c_int>());
const _: () = assert!(same_layout::<SocketFd, libc::c_int>());
const _: () = assert!(same_layout::<Socket, libc::c_int>());
const _: () = assert!(same_layout::<BorrowedSocket<'_>, libc::c_int>());
const _: () = assert!(same_layout::<OwnedFd, libc::c_int>());
// And an absent one costs nothing: descriptors are never negative, which
// leaves a niche (fd_niche.rs), so the C side of a slot that may hold a
// descriptor is still one `int`.
const _: () = assert!(same_layout::<Option<Socket>, libc::c_int>());
const _: () = assert!(same_layout::<Option<OwnedFd>, libc::c_int>());

// Numbers C passes as `int`: errno values, `AF_*`, `SOCK_*`, `SHUT_*`.
const _: () = assert!(same_layout::<Errno, libc::c_int>());
const _: () = assert!(same_layout::<Domain, libc::c_int>());
const _: () = assert!(same_layout::<Type, libc::c_int>());
const _: () = assert!(same_layout::<Shutdown, libc::c_int>());

// A SocketAddr is a sockaddr_storage followed by its socklen_t: C code that
// mirrors it as `struct { struct sockaddr_storage; socklen_t; }` must agree
// on size and alignment (136 bytes on 64-bit targets, 132 on 32-bit ARM).
const _: () = assert!(align_of::<SocketAddr>() == align_of::<libc::sockaddr_storage>());
const _: () = assert!(
    size_of::<SocketAddr>()
        == (size_of::<libc::sockaddr_storage>() + size_of::<libc::socklen_t>())
            .next_multiple_of(align_of::<libc::sockaddr_storage>())
);

// `SocketAddr` reads its storage as sockaddr_in, sockaddr_in6 and
// sockaddr_un through pointer casts: the storage must be large and aligned
// enough for each.
const _: () = assert!(size_of::<libc::sockaddr_storage>() >= size_of::<libc::sockaddr_in>());
const _: () = assert!(size_of::<libc::sockaddr_storage>() >= size_of::<libc::sockaddr_in6>());
const _: () = assert!(size_of::<libc::sockaddr_storage>() >= size_of::<libc::sockaddr_un>());
const _: () = assert!(align_of::<libc::sockaddr_storage>() >= align_of::<libc::sockaddr_in>());
const _: () = assert!(align_of::<libc::sockaddr_storage>() >= align_of::<libc::sockaddr_in6>());
const _: () = assert!(align_of::<libc::sockaddr_storage>() >= align_of::<libc::sockaddr_un>());

// `sun_path` starts right after `sun_family` and is UNIX_PATH_MAX bytes long,
// which the Unix address code and its length arithmetic assume.
const _: () = assert!(offset_of!(libc::sockaddr_un, sun_path) == size_of::<libc::sa_family_t>());
const _: () =
    assert!(size_of::<libc::sockaddr_un>() == size_of::<libc::sa_family_t>() + UNIX_PATH_MAX);

// Control-message space is aligned for C's CMSG_FIRSTHDR/CMSG_NXTHDR, which
// read a `struct cmsghdr` and step in `size_t` units (musl's 64-bit
// `cmsghdr` is aligned to 4 only), and adds no bytes of its own.
const _: () = assert!(align_of::<CmsgBuffer<1>>() >= align_of::<libc::cmsghdr>());
const _: () = assert!(align_of::<CmsgBuffer<1>>() >= align_of::<libc::size_t>());
const _: () = assert!(size_of::<CmsgBuffer<64>>() == 64);
