//! The program core/tests/no_std_probe.rs builds: proof that sockcore needs
//! neither std nor an allocator. It has neither, links sockcore and libc,
//! runs the server/client flow over loopback once, and exits 0 when every
//! check holds.

#![no_std]
#![no_main]

use core::time::Duration;

use core::ffi::{c_char, c_int};
use core::fmt::{self, Write};

use sockcore::{AddrKind, Domain, Errno, SockFlags, Socket, SocketAddr, Type};

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    // SAFETY: abort has no preconditions and does not return.
    unsafe { libc::abort() }
}

/// Text formatted into a fixed buffer on the stack.
struct Text {
    buf: [u8; 128],
    len: usize,
}

impl Text {
    fn of(value: impl fmt::Display) -> Result<Text, &'static str> {
        let mut text = Text {
            buf: [0; 128],
            len: 0,
        };
        write!(text, "{value}").map_err(|_| "format into a fixed buffer")?;
        Ok(text)
    }

    fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }
}

impl Write for Text {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        let room = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        room.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// `Ok` when `holds`, else the name of the check that failed.
fn check(holds: bool, what: &'static str) -> Result<(), &'static str> {
    if holds {
        Ok(())
    } else {
        Err(what)
    }
}

fn run() -> Result<(), &'static str> {
    let text = "[fe80::1%2]:80";
    let parsed = SocketAddr::parse(text).map_err(|_| "parse an IPv6 address")?;
    check(
        Text::of(parsed)?.as_bytes() == text.as_bytes(),
        "format it back",
    )?;
    check(
        SocketAddr::parse("1.2.3.4:65536") == Err(Errno::EINVAL),
        "refuse a bad port",
    )?;
    check(
        Errno::ECONNREFUSED.name() == "ECONNREFUSED",
        "name an errno",
    )?;

    let any = SocketAddr::parse("127.0.0.1:0").map_err(|_| "parse an IPv4 address")?;
    let listener = Socket::listen_on_addr(&any, 4).map_err(|_| "listen")?;
    let local = listener.local_addr().map_err(|_| "getsockname")?;
    check(
        matches!(local.kind(), AddrKind::V4(a) if a.port() != 0),
        "an ephemeral port",
    )?;
    let client = Socket::dial_addr(&local, Some(Duration::from_secs(2))).map_err(|_| "dial")?;
    let (conn, peer) = listener.accept(SockFlags::empty()).map_err(|_| "accept")?;
    check(client.local_addr() == Ok(peer), "the peer's address")?;
    client.write_all(b"no_std").map_err(|_| "write_all")?;
    let mut got = [0u8; 6];
    check(conn.read_exact(&mut got) == Ok(6), "read_exact")?;
    check(&got == b"no_std", "the bytes sent")?;

    let (a, b) =
        Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).map_err(|_| "socketpair")?;
    drop(b);
    check(
        a.write(b"x") == Err(Errno::EPIPE),
        "EPIPE from a closed peer",
    )?;
    Socket::new(Domain::IPV6, Type::DGRAM, SockFlags::NONBLOCK).map_err(|_| "socket")?;
    Ok(())
}

fn say(message: &str) {
    // SAFETY: message is readable for its length; fd 2 may be closed, in
    // which case write fails harmlessly.
    unsafe { libc::write(2, message.as_ptr().cast(), message.len()) };
}

#[no_mangle]
pub extern "C" fn main(_argc: c_int, _argv: *const *const c_char) -> c_int {
    match run() {
        Ok(()) => {
            say("no_std probe: ok\n");
            0
        }
        Err(what) => {
            say("no_std probe: failed: ");
            say(what);
            say("\n");
            1
        }
    }
}
