//! [`SocketAddr`]: IPv4, IPv6 and Unix socket addresses in fixed-size memory.
//!
//! An address is a `sockaddr_storage` plus its length, so it can hold any
//! family the kernel hands back without allocating. It is built from parts,
//! parsed from text (see [`SocketAddr::parse`]), formatted into a byte
//! buffer ([`SocketAddr::format_into`]) or with `Display`, and converted to
//! and from the raw `struct sockaddr *` + length that C uses.

mod format;
mod inet_bytes;
pub(crate) mod interface;
mod ip_format;
mod ip_parse;
mod parse;
mod text_writer;

use core::mem::size_of;

use crate::errno::{Errno, Result};
use crate::sys;

/// Bytes in `sun_path`: 108 on Linux.
pub const UNIX_PATH_MAX: usize = 108;

/// Offset of `sun_path` inside `sockaddr_un` (after `sun_family`).
const SUN_PATH_OFFSET: usize = size_of::<libc::sa_family_t>();

/// A socket address of any family, held by value in a `sockaddr_storage`.
///
/// The length says how many bytes of the storage are meaningful, as in C.
/// An empty address (length 0, family `AF_UNSPEC`) is what a call that
/// returns no address leaves behind, and the one way every call reports a
/// socket with no name (see [`AddrKind::Unspecified`]).
///
/// ```
/// use sockcore::{AddrKind, SocketAddr};
///
/// let v4 = SocketAddr::parse("127.0.0.1:8080")?;
/// assert_eq!(v4.port(), Some(8080));
/// assert_eq!(v4, SocketAddr::v4([127, 0, 0, 1], 8080));
///
/// let v6: SocketAddr = "[fe80::1%2]:443".parse()?;
/// assert!(matches!(v6.kind(), AddrKind::V6(a) if a.scope_id() == 2));
///
/// // Abstract Unix names may hold any byte; Display escapes what needs it.
/// let name = SocketAddr::unix_abstract(b"sockcore-doc\0addr")?;
/// assert_eq!(name.to_string(), "unix:@sockcore-doc\\x00addr");
/// assert_eq!(SocketAddr::parse(&name.to_string())?, name);
///
/// // core::net (and so std::net) addresses convert both ways.
/// let std_addr = core::net::SocketAddr::try_from(v4).unwrap();
/// assert_eq!(SocketAddr::from(std_addr), v4);
///
/// // C gets a `struct sockaddr *` and its length.
/// let (ptr, len) = (v4.as_ptr(), v4.len());
/// assert!(!ptr.is_null() && len == 16);
/// # Ok::<(), sockcore::Errno>(())
/// ```
#[derive(Clone, Copy)]
#[repr(C)]
pub struct SocketAddr {
    storage: libc::sockaddr_storage,
    len: libc::socklen_t,
}

// Code that hands the kernel a `*mut SocketAddr` as its `struct sockaddr *`
// (recvmmsg's msg_name) needs the storage first.
const _: () = assert!(core::mem::offset_of!(SocketAddr, storage) == 0);

/// What a [`SocketAddr`] holds, borrowed from it.
///
/// Ordered by variant (IPv4 first), then by contents, as `core::net`
/// orders its addresses and slices order bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AddrKind<'a> {
    /// `AF_INET`.
    V4(core::net::SocketAddrV4),
    /// `AF_INET6`, with flow info and scope id.
    V6(core::net::SocketAddrV6),
    /// `AF_UNIX` bound to a filesystem path (bytes, without a NUL).
    UnixPath(&'a [u8]),
    /// `AF_UNIX` in the abstract namespace: the name after the leading NUL,
    /// which may itself contain NULs.
    UnixAbstract(&'a [u8]),
    /// `AF_UNIX` with no name: what [`SocketAddr::unix_unnamed`] builds
    /// and `unix:` parses to; binding it autobinds an abstract name. Calls
    /// that report an address never give it back: a socket or peer with no
    /// name (a `socketpair` end, an unbound client) is
    /// [`Unspecified`](Self::Unspecified) there.
    UnixUnnamed,
    /// `AF_UNSPEC`, the empty address: no address, or no name. Every call
    /// that reports an address gives it when there is no name to give: the
    /// sender of a connected stream's data, an unbound Unix socket
    /// (`local_addr`), a peer that never bound (`accept`, `peer_addr`,
    /// `recv_from`).
    Unspecified,
    /// Another family, given by number, that this crate passes through.
    Other(i32),
}

impl SocketAddr {
    /// An empty address: family `AF_UNSPEC`, length 0.
    #[inline]
    pub const fn empty() -> SocketAddr {
        SocketAddr {
            // All-zero is AF_UNSPEC.
            storage: sys::zeroed(),
            len: 0,
        }
    }

    /// An IPv4 address, `ip` in network order as written (`[127, 0, 0, 1]`).
    pub fn v4(ip: [u8; 4], port: u16) -> SocketAddr {
        Self::from(core::net::SocketAddrV4::new(ip.into(), port))
    }

    /// An IPv6 address with flow info and scope id.
    pub fn v6(ip: [u8; 16], port: u16, flowinfo: u32, scope_id: u32) -> SocketAddr {
        Self::from(core::net::SocketAddrV6::new(
            ip.into(),
            port,
            flowinfo,
            scope_id,
        ))
    }

    /// A Unix address bound to a filesystem path.
    ///
    /// A path of exactly [`UNIX_PATH_MAX`] bytes fills `sun_path` with no NUL;
    /// the length says where it ends. Errors: `ENAMETOOLONG` for a longer path,
    /// `EINVAL` for an empty one or one with a NUL byte.
    pub fn unix_path(path: &[u8]) -> Result<SocketAddr> {
        if path.is_empty() || path.contains(&0) {
            return Err(Errno::EINVAL);
        }
        // A shorter path carries its NUL inside the length, as the kernel's
        // own getsockname answer does.
        let stored = path.len() + usize::from(path.len() < UNIX_PATH_MAX);
        Self::unix_raw(path, stored)
    }

    /// A Unix address in the abstract namespace (`@name` in text): `name`
    /// may contain any bytes, NULs included, up to `UNIX_PATH_MAX - 1`.
    /// Errors: `ENAMETOOLONG` when it does not fit.
    pub fn unix_abstract(name: &[u8]) -> Result<SocketAddr> {
        if name.len() >= UNIX_PATH_MAX {
            return Err(Errno::ENAMETOOLONG);
        }
        let mut addr = Self::unix_unnamed();
        // sun_path[0] stays NUL: that is what makes the name abstract.
        for (slot, &byte) in addr.sun_path_mut().iter_mut().skip(1).zip(name) {
            *slot = byte;
        }
        addr.len = (SUN_PATH_OFFSET + 1 + name.len()) as libc::socklen_t;
        Ok(addr)
    }

    /// A Unix address with no name (`unix:` in text).
    pub fn unix_unnamed() -> SocketAddr {
        let mut addr = SocketAddr::empty();
        addr.storage.ss_family = libc::AF_UNIX as libc::sa_family_t;
        addr.len = SUN_PATH_OFFSET as libc::socklen_t;
        addr
    }

    /// A Unix address whose `sun_path` holds `bytes` and whose length counts
    /// `stored` bytes of it (`stored >= bytes.len()`; the rest are zero).
    fn unix_raw(bytes: &[u8], stored: usize) -> Result<SocketAddr> {
        if stored > UNIX_PATH_MAX || bytes.len() > stored {
            return Err(Errno::ENAMETOOLONG);
        }
        let mut addr = Self::unix_unnamed();
        for (slot, &byte) in addr.sun_path_mut().iter_mut().zip(bytes) {
            *slot = byte;
        }
        addr.len = (SUN_PATH_OFFSET + stored) as libc::socklen_t;
        Ok(addr)
    }

    /// Copies an address from C: `len` bytes at `ptr`.
    ///
    /// Errors: `EFAULT` for a NULL pointer, `EINVAL` for a length larger
    /// than `sockaddr_storage` or too short for its own family.
    ///
    /// # Safety
    ///
    /// Unless NULL, `ptr` must be readable for `len` bytes.
    pub unsafe fn from_raw(ptr: *const libc::sockaddr, len: libc::socklen_t) -> Result<SocketAddr> {
        if ptr.is_null() {
            return Err(Errno::EFAULT);
        }
        let len_bytes = len as usize;
        if len_bytes > size_of::<libc::sockaddr_storage>() {
            return Err(Errno::EINVAL);
        }
        let mut addr = SocketAddr::empty();
        // SAFETY: the caller guarantees ptr is readable for len bytes, and the
        // storage is at least that large (checked above); they do not overlap
        // because addr is a fresh local.
        unsafe {
            core::ptr::copy_nonoverlapping(
                ptr.cast::<u8>(),
                (&mut addr.storage as *mut libc::sockaddr_storage).cast::<u8>(),
                len_bytes,
            )
        };
        addr.len = len;
        if len_bytes < size_of::<libc::sa_family_t>() {
            return if len == 0 {
                Ok(SocketAddr::empty())
            } else {
                Err(Errno::EINVAL)
            };
        }
        let minimum = match i32::from(addr.storage.ss_family) {
            libc::AF_INET => size_of::<libc::sockaddr_in>(),
            libc::AF_INET6 => size_of::<libc::sockaddr_in6>(),
            _ => size_of::<libc::sa_family_t>(),
        };
        if len_bytes < minimum {
            return Err(Errno::EINVAL);
        }
        Ok(addr)
    }

    /// A pointer to the address as a `struct sockaddr`, valid for
    /// [`len`](Self::len) bytes while `self` lives.
    #[inline]
    pub fn as_ptr(&self) -> *const libc::sockaddr {
        (&self.storage as *const libc::sockaddr_storage).cast()
    }

    /// The meaningful length in bytes, as `socklen_t`.
    #[inline]
    pub fn len(&self) -> libc::socklen_t {
        self.len
    }

    /// Whether this is the empty address (length 0).
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// A writable pointer and length for calls that return an address
    /// (accept, recvfrom, getsockname): the length starts at the storage's
    /// full size and the kernel sets it to the real one.
    #[inline]
    pub(crate) fn as_mut_parts(&mut self) -> (*mut libc::sockaddr, *mut libc::socklen_t) {
        self.len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        (
            (&mut self.storage as *mut libc::sockaddr_storage).cast(),
            &mut self.len,
        )
    }

    /// Restores a length saved before a call that widened it with
    /// `as_mut_parts` and then failed.
    #[inline]
    pub(crate) fn set_len(&mut self, len: libc::socklen_t) {
        self.len = len;
    }

    /// Makes an address the kernel just reported through `getsockname`,
    /// `getpeername` or `accept` say "no name" as a receive does.
    ///
    /// The kernel has two ways to say a Unix socket has no name: those
    /// calls give `AF_UNIX` with no path (a length of 2), while `recvfrom`
    /// and `recvmsg` give a length of 0, as for a stream's sender. One
    /// meaning gets one value, the empty address, so that the peer of an
    /// accepted connection, its `peer_addr` and the sender of its
    /// datagrams compare equal.
    #[inline]
    pub(crate) fn settle_reported(&mut self) {
        // Length 0 is the empty address whatever the storage holds: no
        // reader looks past the length.
        let unix = self.storage.ss_family == libc::AF_UNIX as libc::sa_family_t;
        if unix && self.len as usize <= SUN_PATH_OFFSET {
            self.len = 0;
        }
    }

    /// The address family: `AF_INET`, `AF_INET6`, `AF_UNIX`, or `AF_UNSPEC`
    /// for the empty address.
    #[inline]
    pub fn family(&self) -> i32 {
        if self.len == 0 {
            libc::AF_UNSPEC
        } else {
            i32::from(self.storage.ss_family)
        }
    }

    /// The port of an IPv4 or IPv6 address.
    pub fn port(&self) -> Option<u16> {
        match self.kind() {
            AddrKind::V4(a) => Some(a.port()),
            AddrKind::V6(a) => Some(a.port()),
            _ => None,
        }
    }

    /// Sets the port of an IPv4 or IPv6 address (host order, as given),
    /// leaving the rest as it is.
    ///
    /// Errors: `EAFNOSUPPORT` for an address of another family, which is
    /// left unchanged.
    ///
    /// ```
    /// use sockcore::{Errno, SocketAddr};
    ///
    /// let mut addr = SocketAddr::v6([0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 0, 0, 2);
    /// addr.set_port(8080)?;
    /// assert_eq!(addr.to_string(), "[fe80::1%2]:8080");
    /// let mut unix = SocketAddr::unix_path(b"/run/x.sock")?;
    /// assert_eq!(unix.set_port(80), Err(Errno::EAFNOSUPPORT));
    /// # Ok::<(), Errno>(())
    /// ```
    pub fn set_port(&mut self, port: u16) -> Result<()> {
        let port = port.to_be();
        let len = self.len as usize;
        match self.family() {
            libc::AF_INET if len >= size_of::<libc::sockaddr_in>() => {
                let sin =
                    (&mut self.storage as *mut libc::sockaddr_storage).cast::<libc::sockaddr_in>();
                // SAFETY: the family is AF_INET and the length covers a
                // sockaddr_in, for which the storage is large and aligned
                // enough; the borrow of self is exclusive.
                unsafe { (*sin).sin_port = port };
            }
            libc::AF_INET6 if len >= size_of::<libc::sockaddr_in6>() => {
                let sin6 =
                    (&mut self.storage as *mut libc::sockaddr_storage).cast::<libc::sockaddr_in6>();
                // SAFETY: as above, for sockaddr_in6.
                unsafe { (*sin6).sin6_port = port };
            }
            _ => return Err(Errno::EAFNOSUPPORT),
        }
        Ok(())
    }

    /// The IP address of an IPv4 or IPv6 address, without port or scope.
    ///
    /// ```
    /// use core::net::{IpAddr, Ipv4Addr};
    /// use sockcore::SocketAddr;
    ///
    /// let addr = SocketAddr::v4([192, 0, 2, 7], 53);
    /// assert_eq!(addr.ip(), Some(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 7))));
    /// assert_eq!(SocketAddr::unix_unnamed().ip(), None);
    /// ```
    pub fn ip(&self) -> Option<core::net::IpAddr> {
        match self.kind() {
            AddrKind::V4(a) => Some((*a.ip()).into()),
            AddrKind::V6(a) => Some((*a.ip()).into()),
            _ => None,
        }
    }

    /// What the address holds.
    pub fn kind(&self) -> AddrKind<'_> {
        let len = self.len as usize;
        match self.family() {
            libc::AF_INET if len >= size_of::<libc::sockaddr_in>() => {
                // SAFETY: the family is AF_INET and the length covers a
                // sockaddr_in; sockaddr_storage is aligned for it.
                let sin = unsafe { &*(self.as_ptr().cast::<libc::sockaddr_in>()) };
                AddrKind::V4(core::net::SocketAddrV4::new(
                    u32::from_be(sin.sin_addr.s_addr).into(),
                    u16::from_be(sin.sin_port),
                ))
            }
            libc::AF_INET6 if len >= size_of::<libc::sockaddr_in6>() => {
                // SAFETY: the family is AF_INET6 and the length covers a
                // sockaddr_in6; sockaddr_storage is aligned for it.
                let sin6 = unsafe { &*(self.as_ptr().cast::<libc::sockaddr_in6>()) };
                AddrKind::V6(core::net::SocketAddrV6::new(
                    sin6.sin6_addr.s6_addr.into(),
                    u16::from_be(sin6.sin6_port),
                    u32::from_be(sin6.sin6_flowinfo),
                    sin6.sin6_scope_id,
                ))
            }
            libc::AF_UNIX => {
                let stored = len.saturating_sub(SUN_PATH_OFFSET);
                // A longer length (the kernel's, counting a NUL past a full
                // sun_path) still means the whole of sun_path.
                let path = self.sun_path();
                let bytes = path.get(..stored).unwrap_or(path);
                match bytes.split_first() {
                    None => AddrKind::UnixUnnamed,
                    Some((0, name)) => AddrKind::UnixAbstract(name),
                    // The kernel may count a trailing NUL (and, for odd
                    // callers, more); the path ends at the first NUL.
                    Some(_) => AddrKind::UnixPath(bytes.split(|&b| b == 0).next().unwrap_or(bytes)),
                }
            }
            libc::AF_UNSPEC => AddrKind::Unspecified,
            other => AddrKind::Other(other),
        }
    }

    fn sun_path(&self) -> &[u8; UNIX_PATH_MAX] {
        // SAFETY: sockaddr_storage is larger than sockaddr_un and aligned for
        // it; every byte pattern is a valid sockaddr_un, and c_char is
        // layout-compatible with u8.
        let sun = unsafe { &*(self.as_ptr().cast::<libc::sockaddr_un>()) };
        // SAFETY: sun_path is [c_char; 108], the same layout as [u8; 108].
        unsafe { &*(sun.sun_path.as_ptr().cast::<[u8; UNIX_PATH_MAX]>()) }
    }

    fn sun_path_mut(&mut self) -> &mut [u8; UNIX_PATH_MAX] {
        let sun = (&mut self.storage as *mut libc::sockaddr_storage).cast::<libc::sockaddr_un>();
        // SAFETY: as in sun_path, and the borrow of self is exclusive.
        unsafe { &mut *((*sun).sun_path.as_mut_ptr().cast::<[u8; UNIX_PATH_MAX]>()) }
    }
}

impl Default for SocketAddr {
    fn default() -> Self {
        SocketAddr::empty()
    }
}

// Equality, hashing and order all go through `kind()`, which reads only
// the meaningful bytes: never the storage's padding, never a byte past the
// length, and a Unix path the same whether or not the kernel counted its
// NUL. So they agree with each other, as `Hash` and `Ord` require.

impl PartialEq for SocketAddr {
    /// Equal when the family and the meaningful bytes are equal.
    fn eq(&self, other: &Self) -> bool {
        self.kind() == other.kind()
    }
}

impl Eq for SocketAddr {}

impl core::hash::Hash for SocketAddr {
    /// Hashes what [`kind`](SocketAddr::kind) sees, as equality compares it.
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.kind().hash(state);
    }
}

impl PartialOrd for SocketAddr {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SocketAddr {
    /// The order of [`AddrKind`]: IPv4 before IPv6 before Unix paths,
    /// abstract names, the unnamed address, the empty address and other
    /// families; within a kind, by contents.
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.kind().cmp(&other.kind())
    }
}

impl From<core::net::SocketAddrV4> for SocketAddr {
    fn from(a: core::net::SocketAddrV4) -> Self {
        let mut addr = SocketAddr::empty();
        let sin = (&mut addr.storage as *mut libc::sockaddr_storage).cast::<libc::sockaddr_in>();
        // SAFETY: the storage is large enough and aligned for sockaddr_in, and
        // the borrow is exclusive.
        let sin = unsafe { &mut *sin };
        sin.sin_family = libc::AF_INET as libc::sa_family_t;
        sin.sin_port = a.port().to_be();
        sin.sin_addr.s_addr = u32::from(*a.ip()).to_be();
        addr.len = size_of::<libc::sockaddr_in>() as libc::socklen_t;
        addr
    }
}

impl From<core::net::SocketAddrV6> for SocketAddr {
    fn from(a: core::net::SocketAddrV6) -> Self {
        let mut addr = SocketAddr::empty();
        let sin6 = (&mut addr.storage as *mut libc::sockaddr_storage).cast::<libc::sockaddr_in6>();
        // SAFETY: the storage is large enough and aligned for sockaddr_in6, and
        // the borrow is exclusive.
        let sin6 = unsafe { &mut *sin6 };
        sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
        sin6.sin6_port = a.port().to_be();
        sin6.sin6_flowinfo = a.flowinfo().to_be();
        sin6.sin6_addr.s6_addr = a.ip().octets();
        sin6.sin6_scope_id = a.scope_id();
        addr.len = size_of::<libc::sockaddr_in6>() as libc::socklen_t;
        addr
    }
}

impl From<core::net::SocketAddr> for SocketAddr {
    fn from(a: core::net::SocketAddr) -> Self {
        match a {
            core::net::SocketAddr::V4(a) => a.into(),
            core::net::SocketAddr::V6(a) => a.into(),
        }
    }
}

impl TryFrom<SocketAddr> for core::net::SocketAddr {
    type Error = Errno;

    /// `EAFNOSUPPORT` unless the address is IPv4 or IPv6.
    fn try_from(a: SocketAddr) -> Result<Self> {
        match a.kind() {
            AddrKind::V4(v4) => Ok(v4.into()),
            AddrKind::V6(v6) => Ok(v6.into()),
            _ => Err(Errno::EAFNOSUPPORT),
        }
    }
}

#[cfg(test)]
mod ip_tests;
#[cfg(test)]
mod tests;
