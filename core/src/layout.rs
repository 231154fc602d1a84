//! Compile-time checks that the types C sees, or that this crate casts
//! between, have the layout of the C types they stand for — on every target
//! the crate is built for, so a 32-bit ARM or musl build fails to compile
//! rather than pass a wrong size to the kernel.
//!
//! `IoSlice`/`IoSliceMut` (vs `struct iovec`) and `PollFd` (vs `struct
//! pollfd`) are checked next to their definitions; std's `IoSlice` casts in
//! `std_interop`. Every new `#[repr(C)]` or `#[repr(transparent)]` type that
//! mirrors a C type (message headers, control-message buffers) gets its
//! lines here.

use core::mem::{align_of, offset_of, size_of};

use crate::{
    BorrowedSocket, Domain, Errno, RawFd, Shutdown, Socket, SocketAddr, SocketFd, Type,
    UNIX_PATH_MAX,
};

/// Whether `T` has exactly the size and alignment of `C`.
const fn same_layout<T, C>() -> bool {
    size_of::<T>() == size_of::<C>() && align_of::<T>() == align_of::<C>()
}

// Descriptors are C `int`s: `BorrowedSocket`'s `Deref` casts `&RawFd` to
// `&SocketFd`, and the C ABI hands all three out as `int`.
const _: () = assert!(same_layout::<RawFd, libc::c_int>());
const _: () = assert!(same_layout::<SocketFd, libc::c_int>());
const _: () = assert!(same_layout::<Socket, libc::c_int>());
const _: () = assert!(same_layout::<BorrowedSocket<'_>, libc::c_int>());

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
