//! Address text and raw bytes, from arbitrary input.
//!
//! - Text that parses formats back to text that parses to the same address
//!   (same length, same bytes) and formats to the same text again.
//! - Any bytes handed to `SocketAddr::from_raw` either are refused or give an
//!   address whose `kind()` and `Display` work, and whose text parses back to
//!   it whenever the text can say everything the address holds.
//! - IPv4 and IPv6 text is read and written exactly as `core::net` reads and
//!   writes it (the crate has its own panic-free code for both): the same
//!   verdict on every text, the same address, the same text back.
#![no_main]

use core::fmt::{self, Display, Write};
use core::str::FromStr;

use libfuzzer_sys::fuzz_target;
use sockcore::{AddrKind, SocketAddr};

/// Longest text an address formats to: a 108-byte Unix path whose every
/// byte is escaped as `\xNN` is 5 + 4 * 108 = 437 bytes.
const TEXT_MAX: usize = 512;

/// Formats into a fixed stack buffer, as a no_std caller would.
struct StackText {
    buf: [u8; TEXT_MAX],
    len: usize,
}

impl StackText {
    fn of(addr: &impl Display) -> StackText {
        let mut text = StackText {
            buf: [0; TEXT_MAX],
            len: 0,
        };
        write!(text, "{addr}").expect("an address formats within TEXT_MAX bytes");
        text
    }

    /// The text `format_into` writes, which must be `Display`'s.
    fn formatted(addr: &SocketAddr) -> StackText {
        let mut text = StackText {
            buf: [0; TEXT_MAX],
            len: 0,
        };
        text.len = addr
            .format_into(&mut text.buf)
            .expect("an address formats within TEXT_MAX bytes");
        assert_eq!(text.as_str(), StackText::of(addr).as_str());
        text
    }

    fn as_str(&self) -> &str {
        core::str::from_utf8(&self.buf[..self.len]).expect("Display writes UTF-8")
    }
}

impl Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        self.buf
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The meaningful bytes of an address, as the kernel would read them.
fn raw_bytes(addr: &SocketAddr) -> &[u8] {
    // SAFETY: as_ptr is valid for len() bytes while addr lives.
    unsafe { core::slice::from_raw_parts(addr.as_ptr().cast::<u8>(), addr.len() as usize) }
}

/// What `core::net` makes of `text`, read as the crate dispatches it: `[`
/// starts IPv6, other text (but for `unix:`) is IPv4.
fn core_net_parse(text: &str) -> Option<core::net::SocketAddr> {
    if text.starts_with('[') {
        core::net::SocketAddrV6::from_str(text).ok().map(Into::into)
    } else {
        core::net::SocketAddrV4::from_str(text).ok().map(Into::into)
    }
}

/// The interface name in `text`'s IPv6 scope, if its scope is one (the
/// grammar `core::net` lacks): what follows `%` up to `]`, not all digits,
/// 1 to 15 printable ASCII bytes other than `/ : % [ ]`.
fn scope_name(text: &str) -> Option<&str> {
    let (_, after) = text.strip_prefix('[')?.split_once('%')?;
    let (name, _) = after.split_once(']').unwrap_or((after, ""));
    let name_byte = |b: u8| b.is_ascii_graphic() && !b"/:%[]".contains(&b);
    let is_name = !name.bytes().all(|b| b.is_ascii_digit())
        && name.len() <= 15
        && name.bytes().all(name_byte);
    is_name.then_some(name)
}

/// The crate and `core::net` agree on `text`: both refuse it, or both read
/// the same address and write it back as the same text. An interface name
/// as the scope is given to `core::net` as its index.
fn same_as_core_net(text: &str) {
    if text.starts_with("unix:") {
        return;
    }
    let ours = SocketAddr::parse(text).ok();
    let numeric;
    let text = match scope_name(text) {
        Some(name) => {
            let Ok(index) = sockcore::interface_index(name.as_bytes()) else {
                assert_eq!(ours, None, "text {text:?}");
                return;
            };
            numeric = text.replacen(&format!("%{name}"), &format!("%{index}"), 1);
            numeric.as_str()
        }
        None => text,
    };
    let theirs = core_net_parse(text);
    assert_eq!(ours, theirs.map(SocketAddr::from), "text {text:?}");
    if let (Some(ours), Some(theirs)) = (ours, theirs) {
        assert_eq!(
            StackText::formatted(&ours).as_str(),
            StackText::of(&theirs).as_str(),
            "text {text:?}"
        );
    }
}

/// Text → address → text → address: both addresses and both texts agree.
fn text_round_trip(text: &str) {
    same_as_core_net(text);
    let Ok(first) = SocketAddr::parse(text) else {
        return;
    };
    let first_text = StackText::formatted(&first);
    let second = SocketAddr::parse(first_text.as_str()).unwrap_or_else(|e| {
        panic!(
            "{:?} formatted from {text:?} does not parse: {e}",
            first_text.as_str()
        )
    });
    assert_eq!(first, second, "text {text:?}");
    assert_eq!(raw_bytes(&first), raw_bytes(&second), "text {text:?}");
    let second_text = StackText::formatted(&second);
    assert_eq!(first_text.as_str(), second_text.as_str(), "text {text:?}");
}

/// Raw bytes → address: nothing panics, and the text reads back.
fn raw_round_trip(data: &[u8]) {
    let len = libc::socklen_t::try_from(data.len()).unwrap_or(libc::socklen_t::MAX);
    // SAFETY: data is readable for data.len() >= len bytes.
    let Ok(addr) = (unsafe { SocketAddr::from_raw(data.as_ptr().cast(), len) }) else {
        return;
    };
    let kind = addr.kind();
    let text = StackText::formatted(&addr);
    let parsed = SocketAddr::parse(text.as_str());
    // Any IP address from raw bytes is written as core::net writes it.
    if let Ok(ip) = core::net::SocketAddr::try_from(addr) {
        assert_eq!(text.as_str(), StackText::of(&ip).as_str());
    }
    match kind {
        // Display has no place for the flow label, so only the rest returns.
        AddrKind::V6(v6) if v6.flowinfo() != 0 => {
            let back = parsed.expect("IPv6 text parses");
            let AddrKind::V6(back) = back.kind() else {
                panic!("IPv6 text {:?} parsed to another kind", text.as_str());
            };
            assert_eq!(
                (back.ip(), back.port(), back.scope_id()),
                (v6.ip(), v6.port(), v6.scope_id())
            );
        }
        AddrKind::V4(_)
        | AddrKind::V6(_)
        | AddrKind::UnixPath(_)
        | AddrKind::UnixAbstract(_)
        | AddrKind::UnixUnnamed => {
            assert_eq!(parsed, Ok(addr), "text {:?}", text.as_str());
        }
        // `unspec:` and `family:N` name no address and must not read as one.
        AddrKind::Unspecified | AddrKind::Other(_) => {
            assert!(parsed.is_err(), "text {:?} parsed", text.as_str());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = core::str::from_utf8(data) {
        text_round_trip(text);
    }
    raw_round_trip(data);
});
