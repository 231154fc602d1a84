//! Network interface names: an interface's index from its name.

use super::{close, cvt, socket, zeroed};
use crate::errno::{Errno, Result};

/// `SIOCGIFINDEX`, in the type `ioctl` takes on this C library (an
/// `unsigned long` on glibc, an `int` on musl; the value fits both).
const SIOCGIFINDEX: libc::Ioctl = libc::SIOCGIFINDEX as libc::Ioctl;

/// The index of the interface called `name` (bytes without a NUL), as
/// `if_nametoindex(3)` finds it: `ioctl(SIOCGIFINDEX)` on a socket made for
/// the question, close-on-exec and closed again.
///
/// Made here rather than by calling glibc's `if_nametoindex`, which links
/// about 20 KiB of the C library into a static program for those three
/// system calls.
///
/// Errors: `ENODEV` when no interface has that name, `EINVAL` for a name
/// that is empty, contains a NUL or does not fit `IFNAMSIZ`; those of
/// `socket(2)` (`EMFILE`, …).
#[inline(never)]
pub(crate) fn if_nametoindex(name: &[u8]) -> Result<u32> {
    let mut request: libc::ifreq = zeroed();
    // The last byte stays NUL, so the longest name is IFNAMSIZ - 1 bytes.
    let slot = request
        .ifr_name
        .get_mut(..name.len())
        .filter(|slot| slot.len() < libc::IFNAMSIZ && !slot.is_empty())
        .ok_or(Errno::EINVAL)?;
    if name.contains(&0) {
        return Err(Errno::EINVAL);
    }
    for (byte, &from) in slot.iter_mut().zip(name) {
        *byte = from as libc::c_char;
    }
    // Any socket answers interface ioctls; a Unix one needs no network.
    let fd = socket(libc::AF_UNIX, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0)?;
    // SAFETY: request is a valid, writable ifreq whose name is
    // NUL-terminated; SIOCGIFINDEX reads the name and writes the index.
    let asked = cvt(unsafe { libc::ioctl(fd, SIOCGIFINDEX, &mut request) });
    // The probe is closed on every path; its own error changes nothing.
    let _ = close(fd);
    asked?;
    // SAFETY: SIOCGIFINDEX succeeded, so the kernel stored the index in the
    // union's ifru_ifindex member; any int is a valid value of it.
    let index = unsafe { request.ifr_ifru.ifru_ifindex };
    // Interface indexes are positive.
    u32::try_from(index).map_err(|_| Errno::ENODEV)
}
