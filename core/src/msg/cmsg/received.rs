//! [`ReceivedControl`]: received control data that owns the descriptors in
//! it until they are taken, and closes the rest when dropped.

use core::ops::Range;

use super::decode::ControlMessage;
use super::parse::Cmsgs;
use super::parse::{locate, read_fd};
use crate::fd::{OwnedFd, RawFd};
use crate::msg::credentials::Credentials;

/// What a slot holds once its descriptor has been taken or closed; the
/// kernel never hands out a negative descriptor.
const GONE: RawFd = -1;

/// The control data a receive call filled in, borrowed from the caller's
/// buffer, owning every descriptor that arrived in it.
///
/// Take descriptors with [`take_fds`](Self::take_fds); whatever is not
/// taken is closed when this value is dropped (or at once, by
/// [`close_fds`](Self::close_fds)). A taken or closed descriptor's slot in
/// the buffer is overwritten with -1, so no descriptor is ever owned twice.
///
/// When the kernel truncated the control data (`MSG_CTRUNC`), the receive
/// call has already closed every descriptor that did arrive: the set is
/// incomplete, and a partial set is a leak waiting to happen. The
/// `SCM_RIGHTS` message is still listed, with no descriptors in it.
pub struct ReceivedControl<'b> {
    bytes: &'b mut [u8],
}

impl<'b> ReceivedControl<'b> {
    /// Takes ownership of the descriptors in `bytes`, control data a receive
    /// call has just filled in.
    ///
    /// # Safety
    ///
    /// Every descriptor in an `SCM_RIGHTS` message in `bytes` must be open
    /// and owned by the caller, who hands that ownership over.
    #[inline]
    pub unsafe fn from_received(bytes: &'b mut [u8]) -> ReceivedControl<'b> {
        ReceivedControl { bytes }
    }

    /// Every message, in order: descriptors (those still held), credentials,
    /// and everything else raw.
    #[inline]
    pub fn messages(&self) -> Cmsgs<'_> {
        Cmsgs::new(self.bytes)
    }

    /// The control data as the kernel wrote it (`msg_controllen` bytes),
    /// except for slots of taken or closed descriptors, which read -1.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes
    }

    /// Bytes of control data received.
    #[inline]
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether no control data arrived.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The first `SCM_CREDENTIALS` message's credentials, if one arrived.
    pub fn credentials(&self) -> Option<Credentials> {
        self.messages().find_map(|message| match message {
            ControlMessage::Credentials(creds) => Some(creds),
            _ => None,
        })
    }

    /// How many descriptors are still held (not yet taken or closed).
    pub fn fd_count(&self) -> usize {
        self.messages()
            .map(|message| match message {
                ControlMessage::Rights(fds) => fds.count(),
                _ => 0,
            })
            .sum()
    }

    /// Takes the held descriptors, in the order they arrived, across every
    /// `SCM_RIGHTS` message. Stopping early leaves the rest held.
    #[inline]
    pub fn take_fds(&mut self) -> TakeFds<'_> {
        TakeFds {
            bytes: self.bytes,
            next_message: 0,
            slots: 0..0,
        }
    }

    /// Closes every descriptor still held, now.
    pub fn close_fds(&mut self) {
        // Released, or nothing came: no walk.
        if self.bytes.is_empty() {
            return;
        }
        for fd in self.take_fds() {
            // A received descriptor is released by close even on error.
            let _ = fd.close();
        }
    }

    /// Gives up ownership of the descriptors still held: they become the
    /// caller's to close (as in C, which walks the bytes with `CMSG_*`).
    /// Returns the control data.
    #[inline]
    pub fn release(mut self) -> &'b mut [u8] {
        core::mem::take(&mut self.bytes)
    }
}

impl Drop for ReceivedControl<'_> {
    fn drop(&mut self) {
        self.close_fds();
    }
}

impl core::fmt::Debug for ReceivedControl<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_list().entries(self.messages()).finish()
    }
}

/// The iterator of [`ReceivedControl::take_fds`]: each descriptor it yields
/// is the caller's, and its slot in the buffer now reads -1.
pub struct TakeFds<'c> {
    bytes: &'c mut [u8],
    next_message: usize,
    /// The unvisited part of the current `SCM_RIGHTS` message's data.
    slots: Range<usize>,
}

impl Iterator for TakeFds<'_> {
    type Item = OwnedFd;

    fn next(&mut self) -> Option<OwnedFd> {
        // Each pass moves forward through the buffer, so the loop ends.
        loop {
            if let Some(fd) = self.take_from_current() {
                return Some(fd);
            }
            let found = locate(self.bytes, self.next_message)?;
            self.next_message = found.next;
            if (found.level, found.ty) == (libc::SOL_SOCKET, libc::SCM_RIGHTS) {
                self.slots = found.data;
            }
        }
    }
}

impl core::iter::FusedIterator for TakeFds<'_> {}

impl core::fmt::Debug for TakeFds<'_> {
    /// The control bytes still to walk, and where the walk stands.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("TakeFds")
            .field("bytes", &self.bytes.len())
            .field("next_message", &self.next_message)
            .field("slots", &self.slots)
            .finish()
    }
}

impl TakeFds<'_> {
    /// The next held descriptor in the current message, marking its slot.
    fn take_from_current(&mut self) -> Option<OwnedFd> {
        const SLOT: usize = core::mem::size_of::<RawFd>();
        while self.slots.len() >= SLOT {
            let start = self.slots.start;
            self.slots.start = start.saturating_add(SLOT);
            let Some(slot) = self.bytes.get_mut(start..start.saturating_add(SLOT)) else {
                self.slots = 0..0;
                return None;
            };
            let fd = read_fd(slot);
            if fd >= 0 {
                for (byte, gone) in slot.iter_mut().zip(GONE.to_ne_bytes()) {
                    *byte = gone;
                }
                // SAFETY: the kernel installed this descriptor for us (or the
                // caller of from_received vouched for it), and marking the
                // slot means this is the only OwnedFd made for it.
                return Some(unsafe { OwnedFd::from_raw_fd(fd) });
            }
        }
        None
    }
}

/// Applies the truncation rule to control data a receive call has just
/// filled: when `truncated`, every descriptor in it is closed and its slot
/// marked, so no caller (Rust or C) can end up with half a set.
pub(crate) fn close_if_truncated(bytes: &mut [u8], truncated: bool) {
    if truncated {
        // SAFETY: the bytes were just filled by the kernel's recvmsg, which
        // installed every descriptor in them for this process.
        unsafe { ReceivedControl::from_received(bytes) }.close_fds();
    }
}
