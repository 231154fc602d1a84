//! [`SocketAddr`] to text with `core::fmt`, in the grammar `parse` reads.

use core::fmt::{self, Write};

use super::{AddrKind, SocketAddr};

impl fmt::Display for SocketAddr {
    /// `127.0.0.1:80`, `[fe80::1%2]:80`, `unix:/run/x.sock`, `unix:@name`,
    /// `unix:`; `unspec:` for the empty address and `family:N` for others.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            AddrKind::V4(a) => write!(f, "{a}"),
            AddrKind::V6(a) => write!(f, "{a}"),
            AddrKind::UnixPath(path) => {
                f.write_str("unix:")?;
                // A path that starts with '@' would read back as abstract.
                if let Some((b'@', rest)) = path.split_first() {
                    f.write_str("\\x40")?;
                    write_escaped(f, rest)
                } else {
                    write_escaped(f, path)
                }
            }
            AddrKind::UnixAbstract(name) => {
                f.write_str("unix:@")?;
                write_escaped(f, name)
            }
            AddrKind::UnixUnnamed => f.write_str("unix:"),
            AddrKind::Unspecified => f.write_str("unspec:"),
            AddrKind::Other(family) => write!(f, "family:{family}"),
        }
    }
}

impl fmt::Debug for SocketAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SocketAddr({self})")
    }
}

/// Writes `bytes`, escaping as `\xNN` every byte that would not read back
/// as itself: control bytes, DEL, the backslash, invalid UTF-8, and a
/// trailing space.
fn write_escaped(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    // A space that ends the text would read back as space around it, which
    // `parse` refuses.
    let (body, trailing_space) = match bytes.split_last() {
        Some((b' ', body)) => (body, true),
        _ => (bytes, false),
    };
    for chunk in body.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_ascii_control() || c == '\\' {
                write!(f, "\\x{:02x}", c as u32)?;
            } else {
                f.write_char(c)?;
            }
        }
        for byte in chunk.invalid() {
            write!(f, "\\x{byte:02x}")?;
        }
    }
    if trailing_space {
        f.write_str("\\x20")?;
    }
    Ok(())
}
