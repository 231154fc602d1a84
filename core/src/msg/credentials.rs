//! [`Credentials`]: a process's pid, uid and gid, as `struct ucred`; and the
//! options that report them, `SO_PASSCRED` and `SO_PEERCRED`.

use core::mem::{align_of, size_of};

use crate::errno::Result;
use crate::options::table::{SO_PASSCRED, SO_PEERCRED};
use crate::socket::SocketFd;
use crate::sys;

/// A process's identity as the kernel reports it in `SO_PEERCRED` and
/// `SCM_CREDENTIALS`: the same layout as `struct ucred`, so a C caller can
/// pass one as is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct Credentials {
    /// The process id.
    pub pid: libc::pid_t,
    /// The user id.
    pub uid: libc::uid_t,
    /// The group id.
    pub gid: libc::gid_t,
}

const _: () = assert!(size_of::<Credentials>() == size_of::<libc::ucred>());
const _: () = assert!(align_of::<Credentials>() == align_of::<libc::ucred>());

impl Credentials {
    /// The calling process's own credentials (`getpid`, `getuid`,
    /// `getgid`): what an unprivileged sender may put in `SCM_CREDENTIALS`.
    #[inline]
    pub fn current() -> Credentials {
        let (pid, uid, gid) = sys::process_ids();
        Credentials { pid, uid, gid }
    }

    /// The bytes of a `struct ucred`, as they travel in a control message.
    pub(crate) fn to_ne_bytes(self) -> [u8; size_of::<libc::ucred>()] {
        let mut out = [0u8; size_of::<libc::ucred>()];
        let fields = [
            self.pid.to_ne_bytes(),
            self.uid.to_ne_bytes(),
            self.gid.to_ne_bytes(),
        ];
        for (slot, byte) in out.iter_mut().zip(fields.iter().flatten()) {
            *slot = *byte;
        }
        out
    }

    /// Reads a `struct ucred` from the start of `bytes`, which need not be
    /// aligned; `None` when fewer bytes than a `ucred` are there.
    pub(crate) fn from_ne_bytes(bytes: &[u8]) -> Option<Credentials> {
        let mut fields = bytes
            .get(..size_of::<libc::ucred>())?
            .chunks_exact(4)
            .map(|chunk| <[u8; 4]>::try_from(chunk).unwrap_or_default());
        let mut next = || fields.next().unwrap_or_default();
        Some(Credentials {
            pid: libc::pid_t::from_ne_bytes(next()),
            uid: libc::uid_t::from_ne_bytes(next()),
            gid: libc::gid_t::from_ne_bytes(next()),
        })
    }
}

impl SocketFd {
    /// `setsockopt(SOL_SOCKET, SO_PASSCRED)`: on a Unix socket, receive the
    /// sender's credentials (`SCM_CREDENTIALS`) with every message, and
    /// have an unbound socket autobind to an abstract address.
    ///
    /// # References
    ///
    /// [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_PASSCRED", "sc_set_passcred", "setsockopt"))]
    #[inline]
    pub fn set_pass_credentials(&self, on: bool) -> Result<()> {
        self.set_option(SO_PASSCRED, on)
    }

    /// `getsockopt(SOL_SOCKET, SO_PASSCRED)`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_PASSCRED", "sc_get_passcred", "getsockopt"))]
    #[inline]
    pub fn pass_credentials(&self) -> Result<bool> {
        self.option(SO_PASSCRED)
    }

    /// `getsockopt(SOL_SOCKET, SO_PEERCRED)`: the credentials of the process
    /// at the other end of a connected Unix socket, as they were when it
    /// connected (or called `socketpair`). Read-only: the kernel has no
    /// setter.
    ///
    /// On an unconnected socket, or one that is not a Unix socket, the
    /// kernel answers pid 0 with uid and gid -1 rather than an error.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias("SO_PEERCRED", "sc_peer_credentials", "getsockopt"))]
    #[inline]
    pub fn peer_credentials(&self) -> Result<Credentials> {
        self.option(SO_PEERCRED)
    }
}

// The byte conversions above assume three 4-byte fields, true on Linux.
const _: () = assert!(size_of::<libc::ucred>() == 12);
const _: () = assert!(size_of::<libc::pid_t>() == 4 && size_of::<libc::uid_t>() == 4);
const _: () = assert!(size_of::<libc::gid_t>() == 4);
