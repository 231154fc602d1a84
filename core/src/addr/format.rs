//! [`SocketAddr`] to text, in the grammar `parse` reads.
//!
//! The text is written into a caller's byte buffer without `core::fmt`
//! ([`SocketAddr::format_into`]), so the C library's `sc_addr_format` needs
//! no formatting machinery; `Display` writes the same bytes.

use core::fmt;

use super::ip_format::{write_socket_v4, write_socket_v6};
use super::text_writer::TextWriter;
use super::{AddrKind, SocketAddr, UNIX_PATH_MAX};
use crate::errno::Result;

impl SocketAddr {
    /// The longest text [`format_into`](Self::format_into) writes: a
    /// 108-byte Unix path with every byte escaped as `\xNN`, after `unix:`.
    pub const TEXT_MAX: usize = "unix:".len() + "\\xNN".len() * UNIX_PATH_MAX;

    /// Writes the address as text into the start of `buf` and returns its
    /// length in bytes; the same text as `Display`, always UTF-8, with no
    /// NUL added. [`TEXT_MAX`](Self::TEXT_MAX) bytes always suffice.
    ///
    /// Texts: `127.0.0.1:80`, `[fe80::1%2]:80` (RFC 5952 form), `unix:/path`,
    /// `unix:@name`, `unix:`; `unspec:` for the empty address and `family:N`
    /// for other families. In Unix names, `\xNN` escapes every byte that
    /// would not read back as itself.
    ///
    /// Errors: `ENOSPC` when `buf` is too small; what it holds is then
    /// unspecified.
    ///
    /// ```
    /// use sockcore::SocketAddr;
    ///
    /// let addr: SocketAddr = "[2001:DB8:0:0::1]:443".parse()?;
    /// let mut buf = [0u8; SocketAddr::TEXT_MAX];
    /// let len = addr.format_into(&mut buf)?;
    /// assert_eq!(&buf[..len], b"[2001:db8::1]:443");
    /// assert_eq!(addr.format_into(&mut [0u8; 4]), Err(sockcore::Errno::ENOSPC));
    /// # Ok::<(), sockcore::Errno>(())
    /// ```
    pub fn format_into(&self, buf: &mut [u8]) -> Result<usize> {
        let mut out = TextWriter::new(buf);
        write_text(&mut out, self)?;
        Ok(out.len())
    }
}

fn write_text(out: &mut TextWriter<'_>, addr: &SocketAddr) -> Result<()> {
    match addr.kind() {
        AddrKind::V4(a) => write_socket_v4(out, &a),
        AddrKind::V6(a) => write_socket_v6(out, &a),
        AddrKind::UnixPath(path) => {
            out.bytes(b"unix:")?;
            // A path that starts with '@' would read back as abstract.
            if let Some((&b'@', rest)) = path.split_first() {
                out.escaped(b'@')?;
                write_escaped(out, rest)
            } else {
                write_escaped(out, path)
            }
        }
        AddrKind::UnixAbstract(name) => {
            out.bytes(b"unix:@")?;
            write_escaped(out, name)
        }
        AddrKind::UnixUnnamed => out.bytes(b"unix:"),
        AddrKind::Unspecified => out.bytes(b"unspec:"),
        AddrKind::Other(family) => {
            out.bytes(b"family:")?;
            out.signed_decimal(family)
        }
    }
}

/// Writes `bytes`, escaping as `\xNN` every byte that would not read back
/// as itself: control bytes, DEL, the backslash, invalid UTF-8, and a
/// trailing space.
fn write_escaped(out: &mut TextWriter<'_>, bytes: &[u8]) -> Result<()> {
    // A space that ends the text would read back as space around it, which
    // `parse` refuses.
    let (body, trailing_space) = match bytes.split_last() {
        Some((b' ', body)) => (body, true),
        _ => (bytes, false),
    };
    for chunk in body.utf8_chunks() {
        // In valid UTF-8 every byte of a multi-byte character is >= 0x80, so
        // the ASCII test sees only whole one-byte characters.
        for &byte in chunk.valid().as_bytes() {
            if byte.is_ascii_control() || byte == b'\\' {
                out.escaped(byte)?;
            } else {
                out.byte(byte)?;
            }
        }
        for &byte in chunk.invalid() {
            out.escaped(byte)?;
        }
    }
    if trailing_space {
        out.escaped(b' ')?;
    }
    Ok(())
}

impl fmt::Display for SocketAddr {
    /// The text of [`format_into`](SocketAddr::format_into).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; SocketAddr::TEXT_MAX];
        let len = self.format_into(&mut buf).map_err(|_| fmt::Error)?;
        let text = buf.get(..len).ok_or(fmt::Error)?;
        f.write_str(core::str::from_utf8(text).map_err(|_| fmt::Error)?)
    }
}

impl fmt::Debug for SocketAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SocketAddr({self})")
    }
}
