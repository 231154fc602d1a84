//! Text to [`SocketAddr`], with no allocation: the grammar is documented
//! on [`SocketAddr::parse`].
//!
//! The IPv4 and IPv6 forms are exactly those `core::net`'s `FromStr` takes
//! (see `ip_parse`), read without it so that no panic path comes along, plus
//! an interface name as an IPv6 scope, looked up here.

use core::str::FromStr;

use super::interface::interface_index;
use super::ip_parse::{parse_socket_v4, parse_socket_v6};
use super::{SocketAddr, UNIX_PATH_MAX};
use crate::errno::{Errno, Result};

/// The prefix that marks a Unix socket address.
const UNIX_PREFIX: &[u8] = b"unix:";

impl SocketAddr {
    /// Parses an address from text. Numbers only: no host name is resolved
    /// (`localhost:80` is `EINVAL`), so parsing never touches DNS, files or
    /// the network.
    ///
    /// | text | address |
    /// |---|---|
    /// | `127.0.0.1:80` | IPv4: four decimal numbers 0 to 255, without leading zeros (`01` is refused: C's `inet_aton` reads it as octal), and a port |
    /// | `[::1]:80`, `[2001:db8::ff00:42:8329]:443`, `[::ffff:192.0.2.1]:80` | IPv6 as RFC 4291 writes it, in brackets: up to eight groups of one to four hex digits (either case), one `::` for a run of zero groups, an IPv4 address in place of the last two |
    /// | `[fe80::1%2]:80` | IPv6 with a numeric scope id (0 to 4294967295), such as an interface index |
    /// | `[fe80::1%eth0]:80`, `[::1%lo]:80` | IPv6 with an interface name as the scope, as `getaddrinfo(3)` reads it: looked up as `if_nametoindex(3)` does (one `ioctl`); 1 to 15 printable ASCII bytes other than `/ : % [ ]`; a scope of digits only is a number |
    /// | `unix:/run/x.sock`, `unix:relative/x.sock` | a Unix path, 1 to 108 bytes (108 fill `sun_path` with no NUL) |
    /// | `unix:@name` | a Unix abstract name, 0 to 107 bytes, any byte allowed |
    /// | `unix:` | the unnamed Unix address (binding it autobinds an abstract name) |
    ///
    /// Ports are decimal, 0 to 65535, and leading zeros are allowed there
    /// (and in a numeric scope). In Unix names `\xNN` (two hex digits)
    /// stands for any byte, so names with NULs, control bytes or invalid
    /// UTF-8 are written too; a path may not hold a NUL. Nothing may precede
    /// or follow the address, spaces included.
    ///
    /// [`Display`](core::fmt::Display) and
    /// [`format_into`](Self::format_into) write the same grammar back, so
    /// every address reads back as itself; a scope is written as its number
    /// (`[fe80::1%eth0]:80` reads back from `[fe80::1%2]:80` when `eth0` is
    /// interface 2).
    ///
    /// Errors: `EINVAL` for malformed text; `ENODEV` for a well-formed
    /// interface name no interface has; `ENAMETOOLONG` for a Unix name that
    /// does not fit `sun_path`.
    ///
    /// ```
    /// use sockcore::{AddrKind, Errno, SocketAddr};
    ///
    /// let lo = SocketAddr::parse("[fe80::1%lo]:80")?;
    /// assert_eq!(lo, SocketAddr::parse("[fe80::1%1]:80")?); // lo is interface 1
    /// assert_eq!(lo.to_string(), "[fe80::1%1]:80");
    /// assert_eq!(
    ///     SocketAddr::parse("[fe80::1%no-such-if]:80"),
    ///     Err(Errno::ENODEV)
    /// );
    /// assert_eq!(SocketAddr::parse("localhost:80"), Err(Errno::EINVAL));
    /// assert_eq!(
    ///     SocketAddr::parse("unix:@a\\x00b")?.kind(),
    ///     AddrKind::UnixAbstract(b"a\0b")
    /// );
    /// # Ok::<(), Errno>(())
    /// ```
    #[inline]
    pub fn parse(text: &str) -> Result<SocketAddr> {
        SocketAddr::parse_bytes(text.as_bytes())
    }

    /// Parses an address from text given as bytes, such as a C string
    /// without its NUL: the grammar of [`parse`](Self::parse), and `EINVAL`
    /// for bytes that are not UTF-8. Only a Unix name can hold bytes outside
    /// ASCII, so only a Unix name is checked for UTF-8, which spares C
    /// callers a check of the whole text.
    ///
    /// Errors: as [`parse`](Self::parse).
    pub fn parse_bytes(text: &[u8]) -> Result<SocketAddr> {
        // Checked here because a Unix name would otherwise keep a trailing
        // space as part of the path; an escape (`\x20`) still spells one.
        if text.trim_ascii() != text {
            return Err(Errno::EINVAL);
        }
        if let Some(rest) = text.strip_prefix(UNIX_PREFIX) {
            return parse_unix(rest);
        }
        // The IP forms are ASCII: any other byte fails to parse.
        if text.starts_with(b"[") {
            let (mut v6, interface) = parse_socket_v6(text).ok_or(Errno::EINVAL)?;
            if let Some(name) = interface {
                v6.set_scope_id(interface_index(name)?);
            }
            return Ok(SocketAddr::from(v6));
        }
        parse_socket_v4(text)
            .map(SocketAddr::from)
            .ok_or(Errno::EINVAL)
    }
}

impl FromStr for SocketAddr {
    type Err = Errno;

    fn from_str(text: &str) -> Result<SocketAddr> {
        SocketAddr::parse(text)
    }
}

fn parse_unix(rest: &[u8]) -> Result<SocketAddr> {
    if !is_utf8(rest) {
        return Err(Errno::EINVAL);
    }
    let mut name = [0u8; UNIX_PATH_MAX];
    if rest.is_empty() {
        return Ok(SocketAddr::unix_unnamed());
    }
    if let Some(abstract_name) = rest.strip_prefix(b"@") {
        let len = unescape(abstract_name, &mut name)?;
        return SocketAddr::unix_abstract(name.get(..len).ok_or(Errno::EINVAL)?);
    }
    let len = unescape(rest, &mut name)?;
    SocketAddr::unix_path(name.get(..len).ok_or(Errno::EINVAL)?)
}

/// Whether `bytes` is UTF-8, as `core::str::from_utf8` decides. A byte at
/// a time: a quarter of the size of `from_utf8`, which is built for long
/// texts, and a Unix name is at most a few hundred bytes.
fn is_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    while let Some((&lead, tail)) = rest.split_first() {
        // How many continuation bytes follow, and the smallest code point
        // that needs them (anything less is an overlong encoding).
        let (count, least) = match lead {
            0x00..=0x7f => {
                rest = tail;
                continue;
            }
            0xc2..=0xdf => (1, 0x80),
            0xe0..=0xef => (2, 0x800),
            0xf0..=0xf4 => (3, 0x1_0000),
            _ => return false,
        };
        let Some((continuation, after)) = tail.split_at_checked(count) else {
            return false;
        };
        let mut code_point = u32::from(lead & (0x3f >> count));
        for &byte in continuation {
            if byte & 0xc0 != 0x80 {
                return false;
            }
            code_point = code_point << 6 | u32::from(byte & 0x3f);
        }
        if code_point < least || code_point > 0x10_ffff || (0xd800..=0xdfff).contains(&code_point) {
            return false;
        }
        rest = after;
    }
    true
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

#[cfg(test)]
mod tests {
    use super::is_utf8;

    /// Every sequence of one or two bytes, and of three and four bytes
    /// around each boundary of the encoding, judged as `from_utf8` judges.
    #[test]
    fn utf8_check_agrees_with_core() {
        let mut checked = 0u32;
        let mut check = |bytes: &[u8]| {
            assert_eq!(
                is_utf8(bytes),
                core::str::from_utf8(bytes).is_ok(),
                "{bytes:02x?}"
            );
            checked += 1;
        };
        for a in 0..=u8::MAX {
            check(&[a]);
            for b in 0..=u8::MAX {
                check(&[a, b]);
                check(&[b'x', a, b]);
            }
        }
        // Continuation bytes at the edges of their ranges, and outside.
        let edges = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff];
        for lead in 0xc0..=u8::MAX {
            for b in edges {
                for c in edges {
                    check(&[lead, b, c]);
                    for d in edges {
                        check(&[lead, b, c, d]);
                    }
                }
            }
        }
        assert!(checked > 65_536 * 2);
        // Text a name really holds.
        assert!(is_utf8("/tmp/sockcore-é-€-😀".as_bytes()));
        assert!(!is_utf8(b"/tmp/\xff"));
    }
}
