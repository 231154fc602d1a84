//! Text to IPv4 and IPv6 socket addresses, accepting exactly what
//! `core::net`'s `FromStr` accepts, and an interface name as an IPv6 scope,
//! with no panic path (no indexing, no unchecked arithmetic), so that the C
//! library carries none.
//!
//! Grammar, as `core::net` reads it:
//! - IPv4: `a.b.c.d:port`, four decimal octets of one to three digits,
//!   0 to 255, with no leading zero (`01` is refused: octal ambiguity);
//! - IPv6: `[groups]:port` or `[groups%scope]:port`; up to eight groups of
//!   one to four hex digits (either case), one `::` for a run of zero groups,
//!   and an embedded IPv4 address in place of the last two groups;
//! - ports (0 to 65535) and scope ids (0 to 2^32 - 1) are decimal, leading
//!   zeros allowed; nothing may precede or follow the address.
//!
//! Beyond `core::net`, as `getaddrinfo(3)` reads it: a scope that is not all
//! digits is an interface name ([`MAX_INTERFACE_NAME`] bytes at most, of
//! [`interface_name_byte`]s), which this module hands back for the caller to
//! look up; a scope of digits stays a number.

use core::net::{Ipv4Addr, Ipv6Addr, SocketAddrV4, SocketAddrV6};

/// The longest interface name: `IFNAMSIZ` (16) with its NUL.
pub(crate) const MAX_INTERFACE_NAME: usize = libc::IFNAMSIZ - 1;

/// Whether `byte` may stand in an interface name written as a scope:
/// printable ASCII but for what Linux refuses in a name (`/`, `:`) and what
/// delimits the scope here (`%`, `[`, `]`).
pub(crate) fn interface_name_byte(byte: u8) -> bool {
    byte.is_ascii_graphic() && !matches!(byte, b'/' | b':' | b'%' | b'[' | b']')
}

/// `a.b.c.d:port`, the whole of `text`.
pub(crate) fn parse_socket_v4(text: &[u8]) -> Option<SocketAddrV4> {
    let mut cursor = Cursor { rest: text };
    let ip = cursor.ipv4()?;
    let port = cursor.port()?;
    cursor.at_end()?;
    Some(SocketAddrV4::new(ip, port))
}

/// `[v6]:port` or `[v6%scope]:port`, the whole of `text`. A scope that is
/// an interface name comes back beside the address (whose scope id is then
/// 0), for the caller to look up.
pub(crate) fn parse_socket_v6(text: &[u8]) -> Option<(SocketAddrV6, Option<&[u8]>)> {
    let mut cursor = Cursor { rest: text };
    cursor.given(b'[')?;
    let ip = cursor.ipv6()?;
    let (scope_id, interface) = match cursor.scope()? {
        Scope::None => (0, None),
        Scope::Id(id) => (id, None),
        Scope::Name(name) => (0, Some(name)),
    };
    cursor.given(b']')?;
    let port = cursor.port()?;
    cursor.at_end()?;
    Some((SocketAddrV6::new(ip, port, 0, scope_id), interface))
}

/// An IPv6 scope as written.
enum Scope<'a> {
    /// No `%`.
    None,
    /// `%` and a decimal number.
    Id(u32),
    /// `%` and an interface name.
    Name(&'a [u8]),
}

/// How a number is written.
#[derive(Clone, Copy)]
struct Number {
    radix: u32,
    max: u32,
    /// The most digits, leading zeros included; `None` for no limit.
    max_digits: Option<usize>,
    /// Whether `0` may start a number of more than one digit.
    leading_zero: bool,
}

const OCTET: Number = Number {
    radix: 10,
    max: u8::MAX as u32,
    max_digits: Some(3),
    leading_zero: false,
};

const GROUP: Number = Number {
    radix: 16,
    max: u16::MAX as u32,
    max_digits: Some(4),
    leading_zero: true,
};

const PORT: Number = Number {
    radix: 10,
    max: u16::MAX as u32,
    max_digits: None,
    leading_zero: true,
};

const SCOPE_ID: Number = Number {
    radix: 10,
    max: u32::MAX,
    max_digits: None,
    leading_zero: true,
};

/// The text not yet read. Every `read` that fails leaves it where it was,
/// so alternatives can be tried one after another.
struct Cursor<'a> {
    rest: &'a [u8],
}

impl<'a> Cursor<'a> {
    /// Runs `read`, and on failure restores the text it consumed.
    fn atomically<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let saved = self.rest;
        let result = read(self);
        if result.is_none() {
            self.rest = saved;
        }
        result
    }

    fn at_end(&self) -> Option<()> {
        self.rest.is_empty().then_some(())
    }

    /// Consumes `byte` if it comes next.
    fn given(&mut self, byte: u8) -> Option<()> {
        let (&first, tail) = self.rest.split_first()?;
        if first != byte {
            return None;
        }
        self.rest = tail;
        Some(())
    }

    /// Consumes the next byte if it is a digit in `radix` (10 or 16).
    fn digit(&mut self, radix: u32) -> Option<u32> {
        let (&first, tail) = self.rest.split_first()?;
        // Not char::to_digit: it panics on a radix over 36, a check the
        // compiler cannot drop for a radix held in a variable.
        let digit = match first {
            b'0'..=b'9' => first - b'0',
            b'a'..=b'f' => first - b'a' + 10,
            b'A'..=b'F' => first - b'A' + 10,
            _ => return None,
        };
        let digit = u32::from(digit);
        if digit >= radix {
            return None;
        }
        self.rest = tail;
        Some(digit)
    }

    /// A separator before every item but the first (`index > 0`), then the
    /// item.
    fn separated<T>(
        &mut self,
        separator: u8,
        index: usize,
        item: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<T> {
        self.atomically(|p| {
            if index > 0 {
                p.given(separator)?;
            }
            item(p)
        })
    }

    /// As many digits as follow, read as one number of the `form`.
    fn number(&mut self, form: Number) -> Option<u32> {
        self.atomically(|p| {
            let starts_with_zero = p.rest.first() == Some(&b'0');
            let mut value: u32 = 0;
            let mut digits: usize = 0;
            while let Some(digit) = p.digit(form.radix) {
                value = value.checked_mul(form.radix)?.checked_add(digit)?;
                digits += 1;
                if value > form.max || form.max_digits.is_some_and(|max| digits > max) {
                    return None;
                }
            }
            let refused_zero = !form.leading_zero && starts_with_zero && digits > 1;
            (digits > 0 && !refused_zero).then_some(value)
        })
    }

    fn ipv4(&mut self) -> Option<Ipv4Addr> {
        self.atomically(|p| {
            let mut octets = [0u8; 4];
            for (i, slot) in octets.iter_mut().enumerate() {
                let octet = p.separated(b'.', i, |p| p.number(OCTET))?;
                *slot = u8::try_from(octet).ok()?;
            }
            Some(Ipv4Addr::from(octets))
        })
    }

    fn ipv6(&mut self) -> Option<Ipv6Addr> {
        self.atomically(|p| {
            // The groups before `::`, or all eight.
            let mut head = [0u16; 8];
            let (head_len, head_has_ipv4) = p.groups(&mut head);
            if head_len == head.len() {
                return Some(Ipv6Addr::from(head));
            }
            // An embedded IPv4 address may only end the address.
            if head_has_ipv4 {
                return None;
            }
            p.given(b':')?;
            p.given(b':')?;
            // `::` stands for at least one zero group, so at most seven
            // groups follow it, and fewer after a longer head.
            let mut tail = [0u16; 7];
            let room = tail.len().saturating_sub(head_len);
            let (tail_len, _) = p.groups(tail.get_mut(..room)?);
            let tail_start = head.len().saturating_sub(tail_len);
            let dest = head.get_mut(tail_start..)?;
            for (slot, &group) in dest.iter_mut().zip(&tail) {
                *slot = group;
            }
            Some(Ipv6Addr::from(head))
        })
    }

    /// Reads `:`-separated groups into `groups`, as many as there are and
    /// room for, an embedded IPv4 address counting as two (and ending the
    /// list). Returns how many were read and whether IPv4 ended them.
    fn groups(&mut self, groups: &mut [u16]) -> (usize, bool) {
        let limit = groups.len();
        let mut index = 0;
        while index < limit {
            // The two groups an IPv4 address fills must both fit.
            if index + 1 < limit {
                if let Some(v4) = self.separated(b':', index, Cursor::ipv4) {
                    let [a, b, c, d] = v4.octets();
                    if let Some([high, low]) = groups.get_mut(index..index + 2) {
                        *high = u16::from_be_bytes([a, b]);
                        *low = u16::from_be_bytes([c, d]);
                    }
                    return (index + 2, true);
                }
            }
            let Some(group) = self.separated(b':', index, |p| p.number(GROUP)) else {
                return (index, false);
            };
            if let Some(slot) = groups.get_mut(index) {
                // GROUP's maximum is u16::MAX.
                *slot = group as u16;
            }
            index += 1;
        }
        (limit, false)
    }

    /// `:port`.
    fn port(&mut self) -> Option<u16> {
        self.atomically(|p| {
            p.given(b':')?;
            u16::try_from(p.number(PORT)?).ok()
        })
    }

    /// `%scope`, if a `%` comes next: all digits are a number (refused when
    /// over 2^32 - 1), anything else up to the `]` an interface name.
    /// `None` for a scope that is neither.
    fn scope(&mut self) -> Option<Scope<'a>> {
        if self.given(b'%').is_none() {
            return Some(Scope::None);
        }
        let end = self
            .rest
            .iter()
            .position(|&byte| byte == b']')
            .unwrap_or(self.rest.len());
        let (scope, rest) = self.rest.split_at_checked(end)?;
        if !scope.is_empty() && scope.iter().all(u8::is_ascii_digit) {
            return self.number(SCOPE_ID).map(Scope::Id);
        }
        let fits = (1..=MAX_INTERFACE_NAME).contains(&scope.len());
        if !fits || !scope.iter().all(|&byte| interface_name_byte(byte)) {
            return None;
        }
        self.rest = rest;
        Some(Scope::Name(scope))
    }
}
