//! [`Errno`]: the error every call in this crate returns.

mod constants;
mod table;

use core::fmt;

use crate::addr::text_writer::TextWriter;

/// A Linux error number, as `errno(3)` reports it.
///
/// Every fallible call in this crate returns `Result<T, Errno>`; the value is
/// the positive errno the kernel (or libc) reported. It is `Copy`, compares by
/// number, and knows its symbolic [`name`](Errno::name) and human
/// [`message`](Errno::message) without allocating.
///
/// ```
/// use sockcore::{Errno, Socket};
///
/// // Nothing listens on this abstract name.
/// let text = format!("unix:@sockcore-doc-errno-{}", std::process::id());
/// let err = Socket::dial(&text, 1000).unwrap_err();
/// assert_eq!(err, Errno::ECONNREFUSED);
/// assert_eq!(err.name(), "ECONNREFUSED");
/// assert_eq!(err.message(), "Connection refused");
/// assert_eq!(err.to_string(), "Connection refused (ECONNREFUSED)");
/// // Debug, which `fn main() -> Result<(), Errno>` prints, says it all.
/// assert_eq!(format!("{err:?}"), "ECONNREFUSED (111): Connection refused");
/// // A C ABI return (-errno) maps back to the same value.
/// assert_eq!(Errno::from_raw(-err.raw()), err);
/// // A number Linux does not define keeps its number in the text.
/// assert_eq!(Errno::from_raw(4242).to_string(), "Unknown error 4242");
/// ```
///
/// It implements `core::error::Error` (the trait std calls
/// `std::error::Error`) whether or not the `std` feature is on, so `?`
/// carries it into a `Box<dyn Error>` or an error-reporting crate.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Errno(i32);

/// The result of a call in this crate.
pub type Result<T> = core::result::Result<T, Errno>;

impl Errno {
    /// The longest text [`message_into`](Self::message_into) writes, with
    /// room to spare: the longest message is 49 bytes, an unknown number's
    /// text at most 24.
    pub const MESSAGE_MAX: usize = 63;

    /// The errno with number `code`; the sign is ignored, so both `ECONNREFUSED`
    /// and `-ECONNREFUSED` (a C ABI return) give the same value.
    #[inline]
    pub const fn from_raw(code: i32) -> Errno {
        Errno(code.wrapping_abs())
    }

    /// The positive errno number.
    #[inline]
    pub const fn raw(self) -> i32 {
        self.0
    }

    /// The symbolic name, such as `"ECONNREFUSED"`; `"EUNKNOWN"` for a number
    /// Linux does not define.
    pub const fn name(self) -> &'static str {
        match table::lookup(self.0) {
            Some((name, _)) => name,
            None => "EUNKNOWN",
        }
    }

    /// The message, such as `"Connection refused"` (glibc's wording);
    /// `"Success"` for 0 and `"Unknown error"` for a number Linux does not
    /// define ([`message_into`](Self::message_into) adds the number).
    pub const fn message(self) -> &'static str {
        match table::lookup(self.0) {
            Some((_, message)) => message,
            None if self.0 == 0 => "Success",
            None => "Unknown error",
        }
    }

    /// Writes the message into the start of `buf` and returns its length:
    /// [`message`](Self::message), or for a number Linux does not define
    /// `"Unknown error 4242"`, as glibc's `strerror` words it (with the
    /// number without its sign, since either sign names the same errno
    /// here). No NUL is added; [`MESSAGE_MAX`](Self::MESSAGE_MAX) bytes
    /// always suffice.
    ///
    /// Errors: `ENOSPC` when `buf` is too small; what it holds is then
    /// unspecified.
    ///
    /// ```
    /// use sockcore::Errno;
    ///
    /// let mut buf = [0u8; 64];
    /// let len = Errno::from_raw(-4242).message_into(&mut buf)?;
    /// assert_eq!(&buf[..len], b"Unknown error 4242");
    /// let len = Errno::EPIPE.message_into(&mut buf)?;
    /// assert_eq!(&buf[..len], b"Broken pipe");
    /// # Ok::<(), Errno>(())
    /// ```
    // Out of line: the text is never on a hot path, and the C library's
    // sc_strerror_r shares this one copy.
    #[inline(never)]
    pub fn message_into(self, buf: &mut [u8]) -> Result<usize> {
        let mut out = TextWriter::new(buf);
        out.bytes(self.message().as_bytes())?;
        if self.is_unknown() {
            out.byte(b' ')?;
            out.decimal(self.0.unsigned_abs())?;
        }
        Ok(out.len())
    }

    /// Whether Linux leaves this number undefined (0 aside).
    const fn is_unknown(self) -> bool {
        self.0 != 0 && table::lookup(self.0).is_none()
    }
}

/// The message text, as [`Errno::message_into`] writes it, to a formatter.
fn write_message(errno: Errno, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut buf = [0u8; Errno::MESSAGE_MAX];
    let len = errno.message_into(&mut buf).map_err(|_| fmt::Error)?;
    let text = buf.get(..len).ok_or(fmt::Error)?;
    f.write_str(core::str::from_utf8(text).map_err(|_| fmt::Error)?)
}

impl fmt::Debug for Errno {
    /// `ECONNREFUSED (111): Connection refused`: the name, the number and
    /// the message, so that `fn main() -> Result<(), Errno>` explains its
    /// failure.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): ", self.name(), self.0)?;
        write_message(*self, f)
    }
}

impl fmt::Display for Errno {
    /// `Connection refused (ECONNREFUSED)`; `Unknown error 4242` for a
    /// number Linux does not define.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_message(*self, f)?;
        if self.is_unknown() {
            return Ok(());
        }
        write!(f, " ({})", self.name())
    }
}

/// `core::error::Error`, which std names `std::error::Error`: no `source`,
/// since the errno is the whole story.
impl core::error::Error for Errno {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_messages() {
        assert_eq!(Errno::ECONNREFUSED.name(), "ECONNREFUSED");
        assert_eq!(Errno::ECONNREFUSED.message(), "Connection refused");
        assert_eq!(Errno::from_raw(-libc::EPIPE), Errno::EPIPE);
        assert_eq!(Errno::from_raw(libc::EWOULDBLOCK).name(), "EAGAIN");
        assert_eq!(Errno::from_raw(100_000).name(), "EUNKNOWN");
        assert_eq!(Errno::from_raw(0).message(), "Success");
        assert_eq!(Errno::from_raw(4242).message(), "Unknown error");
        assert_eq!(Errno::from_raw(i32::MIN).name(), "EUNKNOWN");
    }

    #[test]
    fn every_message_fits_message_max() {
        let mut buf = [0u8; Errno::MESSAGE_MAX];
        let codes = (-4096..=4096).chain([i32::MIN, i32::MAX, i32::MIN + 1]);
        for code in codes {
            let len = Errno::from_raw(code).message_into(&mut buf);
            assert!(len.is_ok(), "{code}");
        }
        let len = Errno::from_raw(i32::MIN).message_into(&mut buf).unwrap();
        assert_eq!(&buf[..len], b"Unknown error 2147483648");
        assert_eq!(
            Errno::EPIPE.message_into(&mut [0u8; 10]),
            Err(Errno::ENOSPC)
        );
        assert_eq!(Errno::from_raw(0).message_into(&mut buf), Ok(7));
    }

    #[test]
    fn debug_and_display_explain_themselves() {
        use std::format;
        assert_eq!(
            format!("{:?}", Errno::EINVAL),
            "EINVAL (22): Invalid argument"
        );
        assert_eq!(format!("{}", Errno::EINVAL), "Invalid argument (EINVAL)");
        let unknown = Errno::from_raw(-4242);
        assert_eq!(
            format!("{unknown:?}"),
            "EUNKNOWN (4242): Unknown error 4242"
        );
        assert_eq!(format!("{unknown}"), "Unknown error 4242");
        let err: &dyn core::error::Error = &Errno::EPIPE;
        assert_eq!(format!("{err}"), "Broken pipe (EPIPE)");
        assert!(err.source().is_none());
    }

    /// The names after `libc::` that start a line's code in `source`, in
    /// order: `libc::EPERM =>` in the table, `Errno(libc::EPERM);` in the
    /// constants.
    fn libc_names<'a>(source: &'a str, before: &str) -> std::vec::Vec<&'a str> {
        source
            .lines()
            .filter_map(|line| line.split_once(before)?.1.split_once("libc::"))
            .filter_map(|(_, rest)| rest.split(|c: char| !c.is_ascii_alphanumeric()).next())
            .collect()
    }

    /// One source of truth: the table (generated from the kernel's headers)
    /// lists every errno; `constants.rs` must have one constant for each,
    /// in the same order, named as the table names it.
    #[test]
    fn a_constant_for_every_errno_in_the_table() {
        let table = libc_names(include_str!("table.rs"), "        ");
        let constants = libc_names(include_str!("constants.rs"), ": Errno = Errno(");
        assert_eq!(table.len(), table::COUNT);
        assert_eq!(constants, table);
        for line in include_str!("constants.rs").lines() {
            if let Some((head, value)) = line.split_once(": Errno = Errno(libc::") {
                let name = head.trim_start().trim_start_matches("pub const ");
                assert_eq!(value, std::format!("{name});"), "{line}");
            }
        }
        assert_eq!(Errno::ENODEV.name(), "ENODEV");
        assert_eq!(Errno::EPROTONOSUPPORT.name(), "EPROTONOSUPPORT");
        assert_eq!(Errno::ETOOMANYREFS.name(), "ETOOMANYREFS");
        assert_eq!(Errno::EHWPOISON.raw(), libc::EHWPOISON);
    }

    #[test]
    fn every_errno_from_1_to_133_is_named() {
        let named = (1..200).filter(|&n| Errno::from_raw(n).name() != "EUNKNOWN");
        assert_eq!(named.count(), table::COUNT);
        const { assert!(table::COUNT >= 131) };
    }
}
