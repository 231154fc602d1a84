//! The address table: texts that parse (with their exact parts and their
//! canonical text) and texts that do not (with their exact error), plus the
//! raw `sockaddr` conversions and a full-length path bound by the kernel.

use core::mem::size_of;
use core::net::{Ipv6Addr, SocketAddrV4, SocketAddrV6};
use std::format;
use std::string::{String, ToString};

use super::{AddrKind, SocketAddr, SUN_PATH_OFFSET, UNIX_PATH_MAX};
use crate::errno::Errno;
use crate::flags::{Domain, SockFlags, Type};
use crate::socket::Socket;

/// What a text must parse to.
#[derive(Debug)]
enum Expect {
    V4([u8; 4], u16),
    V6([u16; 8], u16, u32),
    Path(&'static [u8]),
    Abstract(&'static [u8]),
    Unnamed,
    Fails(Errno),
}

use Expect::{Abstract, Fails, Path, Unnamed, V4, V6};

/// One row: the text, what it parses to, and its canonical text when that
/// differs from the input (`None`: the input is already canonical).
type Row = (&'static str, Expect, Option<&'static str>);

const LOOPBACK6: [u16; 8] = [0, 0, 0, 0, 0, 0, 0, 1];
const ANY6: [u16; 8] = [0; 8];
const LINK_LOCAL1: [u16; 8] = [0xfe80, 0, 0, 0, 0, 0, 0, 1];

const TABLE: &[Row] = &[
    // IPv4.
    ("127.0.0.1:80", V4([127, 0, 0, 1], 80), None),
    ("0.0.0.0:0", V4([0, 0, 0, 0], 0), None),
    (
        "255.255.255.255:65535",
        V4([255, 255, 255, 255], 65535),
        None,
    ),
    ("10.1.2.3:1", V4([10, 1, 2, 3], 1), None),
    // Leading zeros are refused in the quad (octal ambiguity), not the port.
    ("1.2.3.4:0080", V4([1, 2, 3, 4], 80), Some("1.2.3.4:80")),
    ("01.2.3.4:80", Fails(Errno::EINVAL), None),
    ("1.2.3.004:80", Fails(Errno::EINVAL), None),
    ("1.2.3.4:65536", Fails(Errno::EINVAL), None),
    ("1.2.3.4:99999999999", Fails(Errno::EINVAL), None),
    ("1.2.3:80", Fails(Errno::EINVAL), None),
    ("1.2.3.4.5:80", Fails(Errno::EINVAL), None),
    ("1.2.3.256:80", Fails(Errno::EINVAL), None),
    ("1.2.3.4", Fails(Errno::EINVAL), None),
    ("1.2.3.4:", Fails(Errno::EINVAL), None),
    (":80", Fails(Errno::EINVAL), None),
    ("1.2.3.4:-1", Fails(Errno::EINVAL), None),
    ("1.2.3.4:+80", Fails(Errno::EINVAL), None),
    ("1.2.3.4:8o", Fails(Errno::EINVAL), None),
    ("1.2.3.4:80:80", Fails(Errno::EINVAL), None),
    ("127.0.0.1 :80", Fails(Errno::EINVAL), None),
    ("127.0.0.1: 80", Fails(Errno::EINVAL), None),
    // Spaces around the text and empty input.
    ("", Fails(Errno::EINVAL), None),
    (" ", Fails(Errno::EINVAL), None),
    (" 127.0.0.1:80", Fails(Errno::EINVAL), None),
    ("127.0.0.1:80 ", Fails(Errno::EINVAL), None),
    ("\t127.0.0.1:80", Fails(Errno::EINVAL), None),
    ("127.0.0.1:80\n", Fails(Errno::EINVAL), None),
    // Host names are not resolved: no DNS in a socket core.
    ("localhost:80", Fails(Errno::EINVAL), None),
    ("example.com:443", Fails(Errno::EINVAL), None),
    // IPv6.
    ("[::1]:80", V6(LOOPBACK6, 80, 0), None),
    ("[::]:0", V6(ANY6, 0, 0), None),
    ("[fe80::1%2]:80", V6(LINK_LOCAL1, 80, 2), None),
    (
        "[fe80::1%4294967295]:65535",
        V6(LINK_LOCAL1, 65535, u32::MAX),
        None,
    ),
    (
        "[2001:db8::ff00:42:8329]:443",
        V6([0x2001, 0xdb8, 0, 0, 0, 0xff00, 0x42, 0x8329], 443, 0),
        None,
    ),
    (
        "[::ffff:192.0.2.1]:8080",
        V6([0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201], 8080, 0),
        None,
    ),
    (
        "[2001:DB8::1]:1",
        V6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1], 1, 0),
        Some("[2001:db8::1]:1"),
    ),
    (
        "[0:0:0:0:0:0:0:1]:80",
        V6(LOOPBACK6, 80, 0),
        Some("[::1]:80"),
    ),
    ("[::1", Fails(Errno::EINVAL), None),
    ("[::1]", Fails(Errno::EINVAL), None),
    ("[::1]:", Fails(Errno::EINVAL), None),
    ("[::1]:65536", Fails(Errno::EINVAL), None),
    ("[::1]]:80", Fails(Errno::EINVAL), None),
    ("::1:80", Fails(Errno::EINVAL), None),
    ("[::g]:80", Fails(Errno::EINVAL), None),
    ("[1.2.3.4]:80", Fails(Errno::EINVAL), None),
    // An interface name as the scope: looked up, and written as its index
    // (lo is interface 1 in every network namespace).
    (
        "[fe80::1%lo]:80",
        V6(LINK_LOCAL1, 80, 1),
        Some("[fe80::1%1]:80"),
    ),
    ("[::1%lo]:0", V6(LOOPBACK6, 0, 1), Some("[::1%1]:0")),
    ("[fe80::1%sockcore0]:80", Fails(Errno::ENODEV), None),
    ("[fe80::1%123456789abcdef]:80", Fails(Errno::ENODEV), None),
    ("[fe80::1%0123456789abcdef]:80", Fails(Errno::EINVAL), None),
    ("[fe80::1%a/b]:80", Fails(Errno::EINVAL), None),
    ("[fe80::1%a:b]:80", Fails(Errno::EINVAL), None),
    ("[fe80::1%a b]:80", Fails(Errno::EINVAL), None),
    ("[fe80::1%lo%1]:80", Fails(Errno::EINVAL), None),
    ("[fe80::1%lo", Fails(Errno::EINVAL), None),
    ("[fe80::1%lo]", Fails(Errno::EINVAL), None),
    ("[fe80::1%lo]:", Fails(Errno::EINVAL), None),
    ("[1.2.3.4%lo]:80", Fails(Errno::EINVAL), None),
    ("[fe80::1%]:80", Fails(Errno::EINVAL), None),
    ("[fe80::1%4294967296]:80", Fails(Errno::EINVAL), None),
    (" [::1]:80", Fails(Errno::EINVAL), None),
    ("[::1]:80 ", Fails(Errno::EINVAL), None),
    // Unix: paths.
    ("unix:/tmp/sockcore.sock", Path(b"/tmp/sockcore.sock"), None),
    ("unix:relative/x.sock", Path(b"relative/x.sock"), None),
    ("unix:/a b", Path(b"/a b"), None),
    ("unix: /x", Path(b" /x"), None),
    ("unix:\\x40at", Path(b"@at"), None),
    ("unix:/back\\x5cslash", Path(b"/back\\slash"), None),
    ("unix:/\\xff\\xfe", Path(b"/\xff\xfe"), None),
    ("unix:/tab\\x09", Path(b"/tab\t"), None),
    ("unix:/x\\x41", Path(b"/xA"), Some("unix:/xA")),
    (
        "unix:/caf\\xc3\\xa9",
        Path("/café".as_bytes()),
        Some("unix:/café"),
    ),
    ("unix:/x\\x20", Path(b"/x "), None),
    ("unix:/x ", Fails(Errno::EINVAL), None),
    (" unix:/x", Fails(Errno::EINVAL), None),
    ("UNIX:/x", Fails(Errno::EINVAL), None),
    ("unix:/a\\x00b", Fails(Errno::EINVAL), None),
    ("unix:\\x00abstract", Fails(Errno::EINVAL), None),
    ("unix:/\\x", Fails(Errno::EINVAL), None),
    ("unix:/\\x4", Fails(Errno::EINVAL), None),
    ("unix:/\\xzz", Fails(Errno::EINVAL), None),
    ("unix:/\\n", Fails(Errno::EINVAL), None),
    ("unix:/a\\", Fails(Errno::EINVAL), None),
    // Unix: abstract names, which may hold any byte, NULs included.
    ("unix:@name", Abstract(b"name"), None),
    ("unix:@", Abstract(b""), None),
    ("unix:@@at", Abstract(b"@at"), None),
    ("unix:@a\\x00b", Abstract(b"a\0b"), None),
    ("unix:@\\x00", Abstract(b"\0"), None),
    (
        "unix:@\\x0A\\x7F",
        Abstract(b"\n\x7f"),
        Some("unix:@\\x0a\\x7f"),
    ),
    ("unix:@trailing\\x20", Abstract(b"trailing "), None),
    ("unix:@\\x0", Fails(Errno::EINVAL), None),
    ("unix:@x ", Fails(Errno::EINVAL), None),
    // Unix: unnamed.
    ("unix:", Unnamed, None),
];

/// Checks that `text` parses to `expect` and, when it parses, round-trips:
/// parse -> Display -> parse gives an equal address and the same text, which
/// is `canonical` (or `text` itself), and from_raw(as_ptr, len) copies it.
fn check(text: &str, expect: &Expect, canonical: Option<&str>) {
    let parsed = SocketAddr::parse(text);
    let addr = match (expect, parsed) {
        (Fails(errno), parsed) => {
            assert_eq!(parsed.err(), Some(*errno), "{text:?}");
            return;
        }
        (_, Err(errno)) => panic!("{text:?} failed with {errno:?}, expected {expect:?}"),
        (_, Ok(addr)) => addr,
    };
    match *expect {
        V4(ip, port) => {
            assert_eq!(
                addr.kind(),
                AddrKind::V4(SocketAddrV4::new(ip.into(), port))
            );
            assert_eq!(addr.family(), libc::AF_INET);
            assert_eq!(addr.port(), Some(port));
            assert_eq!(addr.len() as usize, size_of::<libc::sockaddr_in>());
        }
        V6(segments, port, scope_id) => {
            let ip = Ipv6Addr::from(segments);
            let want = SocketAddrV6::new(ip, port, 0, scope_id);
            assert_eq!(addr.kind(), AddrKind::V6(want), "{text:?}");
            assert_eq!(addr.family(), libc::AF_INET6);
            assert_eq!(addr.port(), Some(port));
            assert_eq!(addr.len() as usize, size_of::<libc::sockaddr_in6>());
        }
        Path(path) => {
            assert_eq!(addr.kind(), AddrKind::UnixPath(path), "{text:?}");
            // Shorter than sun_path: the length counts the NUL, as the kernel's.
            assert_eq!(addr.len() as usize, SUN_PATH_OFFSET + path.len() + 1);
        }
        Abstract(name) => {
            assert_eq!(addr.kind(), AddrKind::UnixAbstract(name), "{text:?}");
            assert_eq!(addr.len() as usize, SUN_PATH_OFFSET + 1 + name.len());
        }
        Unnamed => {
            assert_eq!(addr.kind(), AddrKind::UnixUnnamed);
            assert_eq!(addr.len() as usize, SUN_PATH_OFFSET);
        }
        Fails(_) => unreachable!("handled above"),
    }
    assert_round_trip(text, &addr, canonical.unwrap_or(text));
}

fn assert_round_trip(text: &str, addr: &SocketAddr, canonical: &str) {
    let shown = addr.to_string();
    assert_eq!(shown, canonical, "Display of {text:?}");
    let again = SocketAddr::parse(&shown).unwrap_or_else(|e| panic!("{shown:?}: {e:?}"));
    assert_eq!(&again, addr, "{text:?} -> {shown:?}");
    assert_eq!(again.len(), addr.len(), "{text:?}");
    assert_eq!(again.to_string(), shown);

    // SAFETY: as_ptr is readable for len bytes while addr lives.
    let copied = unsafe { SocketAddr::from_raw(addr.as_ptr(), addr.len()) };
    let copied = copied.unwrap_or_else(|e| panic!("from_raw of {text:?}: {e:?}"));
    assert_eq!(&copied, addr);
    assert_eq!(copied.len(), addr.len());
    assert_eq!(raw_bytes(&copied), raw_bytes(addr), "{text:?}");
}

/// The meaningful bytes of an address, through its raw pointer.
fn raw_bytes(addr: &SocketAddr) -> &[u8] {
    // SAFETY: as_ptr is readable for len bytes while addr lives.
    unsafe { core::slice::from_raw_parts(addr.as_ptr().cast::<u8>(), addr.len() as usize) }
}

#[test]
fn address_table() {
    assert!(TABLE.len() >= 40, "the table has only {} rows", TABLE.len());
    for (text, expect, canonical) in TABLE {
        check(text, expect, *canonical);
    }
}

/// `count` bytes of `fill` after `prefix`.
fn padded(prefix: &str, fill: char, count: usize) -> String {
    let mut text = String::from(prefix);
    text.extend(core::iter::repeat(fill).take(count));
    text
}

#[test]
fn unix_path_that_fills_sun_path_has_no_nul() {
    let text = padded("unix:/", 'p', UNIX_PATH_MAX - 1);
    let addr = SocketAddr::parse(&text).expect("a 108-byte path fits");
    let path = &text.as_bytes()["unix:".len()..];
    assert_eq!(path.len(), UNIX_PATH_MAX);
    assert_eq!(addr.kind(), AddrKind::UnixPath(path));
    assert_eq!(addr.len() as usize, 110);
    assert_eq!(
        raw_bytes(&addr).last(),
        Some(&b'p'),
        "no NUL inside the length"
    );
    assert_round_trip(&text, &addr, &text);

    let escaped = String::from("unix:") + &"\\x41".repeat(UNIX_PATH_MAX);
    let addr = SocketAddr::parse(&escaped).expect("108 escaped bytes fit");
    assert_eq!(addr.kind(), AddrKind::UnixPath(&[b'A'; UNIX_PATH_MAX]));
    assert_eq!(addr.len() as usize, 110);
}

#[test]
fn unix_names_one_byte_too_long() {
    let path = padded("unix:/", 'p', UNIX_PATH_MAX);
    assert_eq!(SocketAddr::parse(&path), Err(Errno::ENAMETOOLONG));
    let escaped = String::from("unix:") + &"\\x41".repeat(UNIX_PATH_MAX + 1);
    assert_eq!(SocketAddr::parse(&escaped), Err(Errno::ENAMETOOLONG));
    let long = padded("unix:/", 'p', 4096);
    assert_eq!(SocketAddr::parse(&long), Err(Errno::ENAMETOOLONG));

    // An abstract name has the leading NUL in sun_path: 107 bytes fit.
    let fits = padded("unix:@", 'a', UNIX_PATH_MAX - 1);
    let addr = SocketAddr::parse(&fits).expect("a 107-byte abstract name fits");
    assert_eq!(addr.len() as usize, 110);
    assert_round_trip(&fits, &addr, &fits);
    let too_long = padded("unix:@", 'a', UNIX_PATH_MAX);
    assert_eq!(SocketAddr::parse(&too_long), Err(Errno::ENAMETOOLONG));
}

#[test]
fn from_raw_rejects_null_and_short_lengths() {
    let v4 = SocketAddr::v4([127, 0, 0, 1], 80);
    let v6 = SocketAddr::v6([0; 16], 80, 7, 3);
    let null = core::ptr::null::<libc::sockaddr>();
    // SAFETY: from_raw checks for NULL before reading.
    let from_null = unsafe { SocketAddr::from_raw(null, 16) };
    assert_eq!(from_null, Err(Errno::EFAULT));
    // SAFETY: each length below is at most the address's own length.
    unsafe {
        assert_eq!(SocketAddr::from_raw(v4.as_ptr(), 15), Err(Errno::EINVAL));
        assert_eq!(SocketAddr::from_raw(v4.as_ptr(), 1), Err(Errno::EINVAL));
        assert_eq!(SocketAddr::from_raw(v6.as_ptr(), 27), Err(Errno::EINVAL));
        let empty = SocketAddr::from_raw(v4.as_ptr(), 0).expect("length 0 is no address");
        assert!(empty.is_empty());
        assert_eq!(empty.kind(), AddrKind::Unspecified);
        assert_eq!(empty.family(), libc::AF_UNSPEC);
        let copied = SocketAddr::from_raw(v6.as_ptr(), v6.len()).expect("a full sockaddr_in6");
        let want = SocketAddrV6::new(Ipv6Addr::UNSPECIFIED, 80, 7, 3);
        assert_eq!(
            copied.kind(),
            AddrKind::V6(want),
            "flow info and scope id kept"
        );
    }

    let storage_len = size_of::<libc::sockaddr_storage>();
    let big = [0u8; 256];
    let too_long = libc::socklen_t::try_from(storage_len + 1).expect("small");
    // SAFETY: big is readable for 256 bytes, more than too_long.
    let result = unsafe { SocketAddr::from_raw(big.as_ptr().cast(), too_long) };
    assert_eq!(result, Err(Errno::EINVAL));
}

#[test]
fn from_raw_takes_a_kernel_length_unix_path() {
    // The kernel reports a full-length path with one byte more than
    // sockaddr_un (the NUL it adds past sun_path): it must still read back.
    let text = padded("unix:/", 'k', UNIX_PATH_MAX - 1);
    let addr = SocketAddr::parse(&text).expect("fits");
    let mut raw = [0u8; 128];
    raw[..110].copy_from_slice(raw_bytes(&addr));
    // SAFETY: raw is readable for 128 bytes, more than 111.
    let read = unsafe { SocketAddr::from_raw(raw.as_ptr().cast(), 111) }.expect("valid");
    assert_eq!(read, addr);
    assert_eq!(read.to_string(), text);
}

/// A directory under the system temporary directory, removed on drop.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("sockcore-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create the temporary directory");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn kernel_reads_back_a_path_that_fills_sun_path() {
    let dir = TempDir::new("addr-full-path");
    let prefix = format!("{}/", dir.0.to_str().expect("a UTF-8 temporary directory"));
    assert!(
        prefix.len() < UNIX_PATH_MAX - 8,
        "temporary directory too deep"
    );
    let path = padded(&prefix, 's', UNIX_PATH_MAX - prefix.len());
    assert_eq!(path.len(), UNIX_PATH_MAX);
    let text = format!("unix:{path}");
    let addr = SocketAddr::parse(&text).expect("fits");
    assert_eq!(addr.len() as usize, 110);

    let listener = Socket::listen_on_addr(&addr, 4).expect("bind a 108-byte path");
    let local = listener.local_addr().expect("getsockname");
    assert_eq!(local.kind(), AddrKind::UnixPath(path.as_bytes()));
    assert_eq!(local, addr);
    assert_eq!(local.to_string(), text);
    assert!(
        local.len() as usize >= 110,
        "length {} too short",
        local.len()
    );

    let client = Socket::new(Domain::UNIX, Type::STREAM, SockFlags::empty()).expect("socket");
    client.connect(&addr).expect("connect to the 108-byte path");
    assert_eq!(client.peer_addr().expect("getpeername"), addr);
    let (_conn, peer) = listener.accept(SockFlags::empty()).expect("accept");
    assert_eq!(peer.kind(), AddrKind::Unspecified, "a client with no name");
}

#[test]
fn built_addresses_match_parsed_ones() {
    let cases = [
        (SocketAddr::v4([192, 0, 2, 7], 9), "192.0.2.7:9"),
        (
            SocketAddr::v6(Ipv6Addr::LOCALHOST.octets(), 9, 0, 5),
            "[::1%5]:9",
        ),
        (
            SocketAddr::unix_path(b"/run/x").expect("fits"),
            "unix:/run/x",
        ),
        (
            SocketAddr::unix_abstract(b"\0x").expect("fits"),
            "unix:@\\x00x",
        ),
        (SocketAddr::unix_unnamed(), "unix:"),
    ];
    for (addr, text) in cases {
        assert_eq!(addr.to_string(), text);
        assert_eq!(SocketAddr::parse(text), Ok(addr));
    }
    assert_eq!(SocketAddr::unix_path(b""), Err(Errno::EINVAL));
    assert_eq!(SocketAddr::unix_path(b"/a\0"), Err(Errno::EINVAL));
    assert_eq!(SocketAddr::empty().to_string(), "unspec:");
}

/// A hash of `addr` with std's default hasher, whose keys are fixed.
fn hash_of(addr: &SocketAddr) -> u64 {
    use core::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    addr.hash(&mut hasher);
    hasher.finish()
}

/// Equal addresses hash equal and order as equal, whatever lies in their
/// storage past the meaningful bytes (`sin_zero`, padding, bytes past the
/// length) and whether the kernel counted a path's NUL.
#[test]
fn hash_and_order_see_only_the_meaningful_bytes() {
    let mut raw = [0xa5u8; size_of::<libc::sockaddr_storage>()];
    let v4 = SocketAddr::v4([192, 0, 2, 7], 53);
    // SAFETY: the address is readable for its length.
    let meaningful = unsafe { core::slice::from_raw_parts(v4.as_ptr().cast::<u8>(), 8) };
    raw[..8].copy_from_slice(meaningful); // family, port, address: not sin_zero
                                          // SAFETY: raw is readable for its whole length.
    let noisy = unsafe { SocketAddr::from_raw(raw.as_ptr().cast(), 16) }.expect("a sockaddr_in");
    assert_eq!(noisy, v4);
    assert_eq!(hash_of(&noisy), hash_of(&v4));
    assert_eq!(noisy.cmp(&v4), core::cmp::Ordering::Equal);

    // "/x" with and without the NUL the kernel counts.
    let with_nul = SocketAddr::unix_path(b"/x").expect("fits");
    // SAFETY: with_nul is readable for its length, which is one more.
    let without = unsafe { SocketAddr::from_raw(with_nul.as_ptr(), with_nul.len() - 1) };
    let without = without.expect("a shorter Unix address");
    assert_ne!(without.len(), with_nul.len());
    assert_eq!(without, with_nul);
    assert_eq!(hash_of(&without), hash_of(&with_nul));

    // Order agrees with equality, and sorts kinds IPv4, IPv6, Unix.
    let mut addrs = [
        SocketAddr::empty(),
        SocketAddr::unix_unnamed(),
        SocketAddr::unix_abstract(b"b").expect("fits"),
        SocketAddr::unix_path(b"/b").expect("fits"),
        SocketAddr::unix_path(b"/a").expect("fits"),
        SocketAddr::v6([0; 16], 2, 0, 0),
        SocketAddr::v6([0; 16], 1, 0, 0),
        SocketAddr::v4([10, 0, 0, 1], 1),
        SocketAddr::v4([9, 0, 0, 1], 2),
    ];
    addrs.sort();
    let texts: std::vec::Vec<String> = addrs.iter().map(ToString::to_string).collect();
    assert_eq!(
        texts,
        [
            "9.0.0.1:2",
            "10.0.0.1:1",
            "[::]:1",
            "[::]:2",
            "unix:/a",
            "unix:/b",
            "unix:@b",
            "unix:",
            "unspec:"
        ]
    );
    for a in &addrs {
        for b in &addrs {
            assert_eq!(a == b, a.cmp(b) == core::cmp::Ordering::Equal, "{a} {b}");
            if a == b {
                assert_eq!(hash_of(a), hash_of(b));
            }
        }
    }
}

#[test]
fn set_port_and_ip() {
    let mut v4 = SocketAddr::v4([127, 0, 0, 1], 1);
    assert_eq!(v4.set_port(65535), Ok(()));
    assert_eq!(v4.to_string(), "127.0.0.1:65535");
    assert_eq!(v4.ip(), Some(core::net::Ipv4Addr::LOCALHOST.into()));
    let mut v6 = SocketAddr::v6(Ipv6Addr::LOCALHOST.octets(), 1, 7, 3);
    assert_eq!(v6.set_port(0), Ok(()));
    assert_eq!(
        v6.kind(),
        AddrKind::V6(SocketAddrV6::new(Ipv6Addr::LOCALHOST, 0, 7, 3)),
        "only the port changed"
    );
    for mut other in [
        SocketAddr::unix_path(b"/x").expect("fits"),
        SocketAddr::unix_unnamed(),
        SocketAddr::empty(),
    ] {
        let before = other;
        assert_eq!(other.set_port(80), Err(Errno::EAFNOSUPPORT));
        assert_eq!(raw_bytes(&other), raw_bytes(&before));
        assert_eq!(other.ip(), None);
    }
}
