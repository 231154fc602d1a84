//! [`Errno`]: the error every call in this crate returns.

mod constants;
mod table;

use core::fmt;

/// A Linux error number, as `errno(3)` reports it.
///
/// Every fallible call in this crate returns `Result<T, Errno>`; the value is
/// the positive errno the kernel (or libc) reported. It is `Copy`, compares by
/// number, and knows its symbolic [`name`](Errno::name) and human
/// [`message`](Errno::message) without allocating.
///
/// ```
/// use std::time::Duration;
///
/// use sockcore::{Errno, Socket};
///
/// // Nothing listens on this abstract name.
/// let text = format!("unix:@sockcore-doc-errno-{}", std::process::id());
/// let err = Socket::dial(&text, Some(Duration::from_secs(1))).unwrap_err();
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
    /// define (`Display` adds the number).
    pub const fn message(self) -> &'static str {
        match table::lookup(self.0) {
            Some((_, message)) => message,
            None if self.0 == 0 => "Success",
            None => "Unknown error",
        }
    }

    /// The message, with the number for one Linux does not define:
    /// `Unknown error 4242`, as glibc's `strerror` words it (the number
    /// without its sign: either sign names the same errno here).
    fn write_message(self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())?;
        if self.0 != 0 && table::lookup(self.0).is_none() {
            write!(f, " {}", self.0.unsigned_abs())?;
        }
        Ok(())
    }
}

impl fmt::Debug for Errno {
    /// `ECONNREFUSED (111): Connection refused`: the name, the number and
    /// the message, so that `fn main() -> Result<(), Errno>` explains its
    /// failure.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): ", self.name(), self.0)?;
        self.write_message(f)
    }
}

impl fmt::Display for Errno {
    /// `Connection refused (ECONNREFUSED)`; `Unknown error 4242` for a
    /// number Linux does not define.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_message(f)?;
        if table::lookup(self.0).is_some() {
            write!(f, " ({})", self.name())?;
        }
        Ok(())
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
        let most = Errno::from_raw(i32::MIN);
        assert_eq!(format!("{most}"), "Unknown error 2147483648");
        assert_eq!(format!("{}", Errno::from_raw(0)), "Success");
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
