//! The crate's own IPv4/IPv6 text reading and writing against `core::net`'s,
//! which the crate used before and must match byte for byte: every text gets
//! the same verdict and the same address, every address the same text.

use core::net::{Ipv6Addr, SocketAddrV4, SocketAddrV6};
use core::str::FromStr;
use std::format;
use std::string::{String, ToString};
use std::vec::Vec;

use super::interface::interface_index;
use super::ip_parse::{interface_name_byte, MAX_INTERFACE_NAME};
use super::SocketAddr;
use crate::errno::Errno;

/// SplitMix64: a fixed starting state gives the same inputs on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..bound`.
    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// What `core::net` makes of `text` under the crate's dispatch: `[` starts
/// IPv6, anything else is read as IPv4.
fn core_net_parse(text: &str) -> Option<SocketAddr> {
    if text.starts_with('[') {
        SocketAddrV6::from_str(text).ok().map(SocketAddr::from)
    } else {
        SocketAddrV4::from_str(text).ok().map(SocketAddr::from)
    }
}

/// The crate's text for `addr`, through `format_into`.
fn formatted(addr: &SocketAddr) -> String {
    let mut buf = [0u8; SocketAddr::TEXT_MAX];
    let len = addr.format_into(&mut buf).expect("TEXT_MAX suffices");
    String::from_utf8(buf[..len].to_vec()).expect("format_into writes UTF-8")
}

/// The interface name in `text`'s IPv6 scope, if its scope is one: what
/// follows `%` up to `]`, not all digits, and made of the bytes a name may
/// hold (the grammar `core::net` lacks).
fn scope_name(text: &str) -> Option<&str> {
    let (_, after) = text.strip_prefix('[')?.split_once('%')?;
    let (name, _) = after.split_once(']').unwrap_or((after, ""));
    let numeric = name.bytes().all(|byte| byte.is_ascii_digit());
    let fits = name.len() <= MAX_INTERFACE_NAME;
    let bytes_ok = name.bytes().all(interface_name_byte);
    (!numeric && fits && bytes_ok).then_some(name)
}

/// Parses `text` both ways and checks the verdicts and addresses agree;
/// returns whether it parsed. A scope that names an interface is given to
/// `core::net` as the interface's index (or as 0 when there is no such
/// interface, and then the crate must answer `ENODEV` wherever `core::net`
/// accepts the text).
fn check_parse(text: &str) -> bool {
    let ours = SocketAddr::parse(text);
    let (numeric, lookup) = match scope_name(text) {
        Some(name) => {
            let index = interface_index(name.as_bytes());
            let scope = format!("%{}", index.unwrap_or(0));
            (text.replacen(&format!("%{name}"), &scope, 1), index.err())
        }
        None => (text.into(), None),
    };
    let theirs = core_net_parse(&numeric);
    match (theirs, lookup) {
        (Some(addr), None) => assert_eq!(ours, Ok(addr), "{text:?}"),
        (Some(_), Some(errno)) => assert_eq!(ours, Err(errno), "{text:?}"),
        (None, _) => assert_eq!(ours, Err(Errno::EINVAL), "{text:?}"),
    }
    theirs.is_some() && lookup.is_none()
}

/// Formats `addr` both ways and checks the texts agree, that `Display`
/// writes the same, and that the text reads back (but for the flow label,
/// which the text does not carry).
fn check_format(addr: core::net::SocketAddr) {
    let ours = SocketAddr::from(addr);
    let text = formatted(&ours);
    assert_eq!(text, addr.to_string(), "{addr:?}");
    assert_eq!(ours.to_string(), text);
    let mut without_flow = addr;
    if let core::net::SocketAddr::V6(v6) = &mut without_flow {
        v6.set_flowinfo(0);
    }
    assert_eq!(
        SocketAddr::parse(&text),
        Ok(SocketAddr::from(without_flow)),
        "{text:?}"
    );
}

/// An IPv6 group in hex, sometimes upper case or with leading zeros, now
/// and then five digits (one too many).
fn hex_group(rng: &mut Rng) -> String {
    let value = rng.below(0x1_0000);
    let mut text = match rng.below(4) {
        0 => format!("{value:x}"),
        1 => format!("{value:X}"),
        2 => format!("{value:04x}"),
        _ => format!("{:x}", rng.below(0x10_0000)),
    };
    if rng.chance(5) {
        text.insert(0, '0');
    }
    text
}

/// A decimal number, mostly in the range of `max`, sometimes past it or
/// with leading zeros.
fn decimal(rng: &mut Rng, max: u64) -> String {
    let value = if rng.chance(90) {
        rng.below(max + 1)
    } else {
        rng.below(max.saturating_mul(3) + 2)
    };
    let zeros = if rng.chance(10) { rng.below(4) } else { 0 };
    format!("{}{value}", "0".repeat(zeros as usize))
}

fn ipv4_text(rng: &mut Rng) -> String {
    let count = if rng.chance(90) { 4 } else { rng.below(6) };
    let octets: Vec<String> = (0..count).map(|_| decimal(rng, 255)).collect();
    octets.join(".")
}

/// An IPv6 address text: groups and `::` in any arrangement, sometimes
/// ending in an embedded IPv4 address.
fn ipv6_text(rng: &mut Rng) -> String {
    let groups = rng.below(10) as usize;
    let gap = if rng.chance(70) {
        Some(rng.below(groups as u64 + 1) as usize)
    } else {
        None
    };
    let mut parts: Vec<String> = (0..groups).map(|_| hex_group(rng)).collect();
    if rng.chance(20) {
        parts.push(ipv4_text(rng));
    }
    let mut text = String::new();
    for (i, part) in parts.iter().enumerate() {
        if gap == Some(i) {
            text.push_str("::");
        } else if i > 0 {
            text.push(':');
        }
        text.push_str(part);
    }
    if gap == Some(parts.len()) || (gap.is_some() && parts.is_empty()) {
        text.push_str("::");
    }
    text
}

/// One random edit: a byte dropped, doubled or replaced by one of the
/// grammar's own characters.
fn mutate(rng: &mut Rng, text: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefABCDEFg:.[]%x -+";
    let mut bytes = text.as_bytes().to_vec();
    if bytes.is_empty() {
        return text.into();
    }
    let at = rng.below(bytes.len() as u64) as usize;
    let other = ALPHABET[rng.below(ALPHABET.len() as u64) as usize];
    match rng.below(3) {
        0 => {
            bytes.remove(at);
        }
        1 => bytes.insert(at, other),
        _ => bytes[at] = other,
    }
    String::from_utf8(bytes).expect("ASCII edits keep ASCII text")
}

fn socket_text(rng: &mut Rng) -> String {
    let port = if rng.chance(95) {
        format!(":{}", decimal(rng, 65535))
    } else {
        String::new()
    };
    let text = if rng.chance(50) {
        format!("{}{port}", ipv4_text(rng))
    } else {
        let scope = match rng.below(10) {
            0..=2 => format!("%{}", decimal(rng, u64::from(u32::MAX))),
            // Interface names: one that exists, and ones that do not.
            3 => String::from(["%lo", "%sockcore0", "%eth-no", "%x"][rng.below(4) as usize]),
            _ => String::new(),
        };
        format!("[{}{scope}]{port}", ipv6_text(rng))
    };
    if rng.chance(25) {
        mutate(rng, &text)
    } else {
        text
    }
}

#[test]
fn random_texts_parse_as_core_net_parses_them() {
    let mut rng = Rng(0x5eed_0001);
    let (mut v4_ok, mut v6_ok) = (0, 0);
    for _ in 0..200_000 {
        let text = socket_text(&mut rng);
        if check_parse(&text) {
            if text.starts_with('[') {
                v6_ok += 1;
            } else {
                v4_ok += 1;
            }
        }
    }
    // Enough of both kinds parse for the agreement to mean something.
    assert!(v4_ok > 20_000, "only {v4_ok} IPv4 texts parsed");
    assert!(v6_ok > 10_000, "only {v6_ok} IPv6 texts parsed");
}

#[test]
fn every_short_number_parses_as_core_net_parses_it() {
    // All numbers of up to four digits, with and without leading zeros, in
    // each place a number goes.
    let mut numbers: Vec<String> = (0..10_000).map(|n: u32| n.to_string()).collect();
    numbers.extend((0..1000).map(|n: u32| format!("0{n}")));
    numbers.extend((0..100).map(|n: u32| format!("00{n}")));
    numbers.push(String::new());
    for n in &numbers {
        check_parse(&format!("{n}.2.3.4:80"));
        check_parse(&format!("1.2.3.{n}:80"));
        check_parse(&format!("1.2.3.4:{n}"));
        check_parse(&format!("[{n}::1]:80"));
        check_parse(&format!("[::ffff:1.2.{n}.4]:80"));
        check_parse(&format!("[fe80::1%{n}]:80"));
        check_parse(&format!("[::1]:{n}"));
    }
    for port in 65_530..=65_540 {
        check_parse(&format!("1.2.3.4:{port}"));
        check_parse(&format!("[::1]:000{port}"));
    }
    for scope in ["4294967295", "4294967296", "04294967295", "99999999999"] {
        check_parse(&format!("[::1%{scope}]:1"));
    }
}

#[test]
fn every_group_layout_parses_as_core_net_parses_it() {
    // Every count of groups around `::`, with and without a trailing IPv4
    // address, at every place the `::` can go.
    for count in 0..=9 {
        for gap in 0..=count + 1 {
            for ipv4 in [false, true] {
                let mut groups: Vec<String> = (1..=count).map(|g| format!("{g:x}")).collect();
                if ipv4 {
                    groups.push("1.2.3.4".into());
                }
                let plain = groups.join(":");
                check_parse(&format!("[{plain}]:1"));
                if gap <= groups.len() {
                    let (head, tail) = groups.split_at(gap);
                    let text = format!("[{}::{}]:1", head.join(":"), tail.join(":"));
                    check_parse(&text);
                }
            }
        }
    }
}

#[test]
fn every_zero_run_formats_as_core_net_formats_it() {
    // Each of the 256 patterns of zero and non-zero groups, so every run
    // length, position and tie occurs; and with a scope id.
    for mask in 0u32..256 {
        let segments: [u16; 8] = core::array::from_fn(|i| {
            if mask >> i & 1 == 1 {
                0x10 * i as u16 + 1
            } else {
                0
            }
        });
        let ip = Ipv6Addr::from(segments);
        check_format(SocketAddrV6::new(ip, 80, 0, 0).into());
        check_format(SocketAddrV6::new(ip, 0, 0, mask).into());
    }
}

#[test]
fn random_addresses_format_as_core_net_formats_them() {
    let mut rng = Rng(0x5eed_0002);
    for _ in 0..100_000 {
        let port = rng.below(0x1_0000) as u16;
        let v4 = SocketAddrV4::new((rng.next() as u32).into(), port);
        check_format(v4.into());
        // Groups zero half the time, so runs of zeros are common; now and
        // then an IPv4-mapped or IPv4-compatible address.
        let mut segments: [u16; 8] =
            core::array::from_fn(|_| if rng.chance(50) { 0 } else { rng.next() as u16 });
        match rng.below(10) {
            0 => segments[..6].copy_from_slice(&[0, 0, 0, 0, 0, 0xffff]),
            1 => segments[..6].fill(0),
            _ => {}
        }
        let scope_id = if rng.chance(50) { 0 } else { rng.next() as u32 };
        let v6 = SocketAddrV6::new(segments.into(), port, rng.next() as u32, scope_id);
        check_format(v6.into());
    }
}

#[test]
fn format_into_fails_with_enospc_for_any_short_buffer() {
    let longest_v6 = "[ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff%4294967295]:65535";
    let texts = [
        "255.255.255.255:65535",
        longest_v6,
        "[::ffff:1.2.3.4]:1",
        "[::]:0",
        "unix:/tmp/\\x01x",
        "unix:@",
        "unix:",
    ];
    for text in texts {
        let addr = SocketAddr::parse(text).expect("valid");
        let mut buf = [0xaau8; 64];
        for room in 0..=text.len() + 1 {
            let result = addr.format_into(&mut buf[..room]);
            if room < text.len() {
                assert_eq!(result, Err(Errno::ENOSPC), "{text:?} in {room} bytes");
            } else {
                assert_eq!(result, Ok(text.len()), "{text:?} in {room} bytes");
                assert_eq!(&buf[..text.len()], text.as_bytes());
            }
        }
    }
    assert_eq!(SocketAddr::empty().format_into(&mut []), Err(Errno::ENOSPC));
}
