//! Text to [`SocketAddr`], with no allocation.
//!
//! Grammar:
//! - `a.b.c.d:port` — IPv4, dotted quad, no leading zeros;
//! - `[v6]:port` and `[v6%scope]:port` — IPv6, numeric scope id;
//! - `unix:/path` or `unix:relative` — a filesystem path;
//! - `unix:@name` — an abstract name;
//! - `unix:` — the unnamed Unix address.
//!
//! In Unix names, `\xNN` (two hex digits) stands for any byte, so names with
//! NULs, control bytes or invalid UTF-8 round-trip through `Display`.
//! Anything else, spaces around the text included, is `EINVAL`.

use core::str::FromStr;

use super::{SocketAddr, UNIX_PATH_MAX};
use crate::{Errno, Result};

/// The prefix that marks a Unix socket address.
const UNIX_PREFIX: &str = "unix:";

impl SocketAddr {
    /// Parses an address from text (see the grammar in this module's docs).
    ///
    /// Errors: `EINVAL` for malformed text; `ENAMETOOLONG` for a Unix name
    /// that does not fit `sun_path`.
    pub fn parse(text: &str) -> Result<SocketAddr> {
        // Checked here because a Unix name would otherwise keep a trailing
        // space as part of the path; an escape (`\x20`) still spells one.
        if text.trim_ascii() != text {
            return Err(Errno::EINVAL);
        }
        if let Some(rest) = text.strip_prefix(UNIX_PREFIX) {
            return parse_unix(rest);
        }
        if text.starts_with('[') {
            return core::net::SocketAddrV6::from_str(text)
                .map(SocketAddr::from)
                .map_err(|_| Errno::EINVAL);
        }
        core::net::SocketAddrV4::from_str(text)
            .map(SocketAddr::from)
            .map_err(|_| Errno::EINVAL)
    }
}

impl FromStr for SocketAddr {
    type Err = Errno;

    fn from_str(text: &str) -> Result<SocketAddr> {
        SocketAddr::parse(text)
    }
}

fn parse_unix(rest: &str) -> Result<SocketAddr> {
    let mut name = [0u8; UNIX_PATH_MAX];
    if rest.is_empty() {
        return Ok(SocketAddr::unix_unnamed());
    }
    if let Some(abstract_name) = rest.strip_prefix('@') {
        let len = unescape(abstract_name.as_bytes(), &mut name)?;
        return SocketAddr::unix_abstract(name.get(..len).ok_or(Errno::EINVAL)?);
    }
    let len = unescape(rest.as_bytes(), &mut name)?;
    SocketAddr::unix_path(name.get(..len).ok_or(Errno::EINVAL)?)
}

/// Decodes `\xNN` escapes from `text` into `out`; returns the length.
/// `ENAMETOOLONG` when the decoded bytes do not fit.
fn unescape(text: &[u8], out: &mut [u8]) -> Result<usize> {
    let mut written = 0;
    let mut rest = text;
    while let Some((&byte, tail)) = rest.split_first() {
        let (decoded, tail) = if byte == b'\\' {
            match tail {
                [b'x', high, low, tail @ ..] => (hex_byte(*high, *low)?, tail),
                _ => return Err(Errno::EINVAL),
            }
        } else {
            (byte, tail)
        };
        *out.get_mut(written).ok_or(Errno::ENAMETOOLONG)? = decoded;
        written += 1;
        rest = tail;
    }
    Ok(written)
}

fn hex_byte(high: u8, low: u8) -> Result<u8> {
    Ok(hex_digit(high)? << 4 | hex_digit(low)?)
}

fn hex_digit(digit: u8) -> Result<u8> {
    match digit {
        b'0'..=b'9' => Ok(digit - b'0'),
        b'a'..=b'f' => Ok(digit - b'a' + 10),
        b'A'..=b'F' => Ok(digit - b'A' + 10),
        _ => Err(Errno::EINVAL),
    }
}
