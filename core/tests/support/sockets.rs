//! Sockets ready for a test: a new one, connected pairs, a datagram socket
//! bound to a text address, an address that refuses connections, abstract
//! names no other test uses, raw `int` options and buffer sizes, and the
//! kernel's network settings they depend on.

use std::time::Duration;

use sockcore::{Domain, SockFlags, Socket, SocketAddr, Type};

/// A new blocking socket of `domain` and `ty`.
pub fn new_socket(domain: Domain, ty: Type) -> Socket {
    Socket::new(domain, ty, SockFlags::empty()).expect("socket")
}

/// A connected stream pair through a listener on `listen` (`127.0.0.1:0`,
/// `[::1]:0`, `unix:@name`): (the dialled client, the accepted server end).
pub fn accepted_pair(listen: &str) -> (Socket, Socket) {
    let listener = Socket::listen_on(listen, 1).expect("listen_on");
    let client = Socket::dial_addr(
        &listener.local_addr().unwrap(),
        Some(Duration::from_secs(1)),
    )
    .expect("dial");
    let (server, _) = listener.accept(SockFlags::empty()).expect("accept");
    (client, server)
}

/// A connected pair of Unix sockets of `ty`, made with `flags`.
pub fn unix_pair(ty: Type, flags: SockFlags) -> (Socket, Socket) {
    Socket::pair(Domain::UNIX, ty, flags).expect("socketpair")
}

/// A connected pair of blocking Unix stream sockets.
pub fn stream_pair() -> (Socket, Socket) {
    unix_pair(Type::STREAM, SockFlags::empty())
}

/// A datagram socket bound to `text` (`127.0.0.1:0`, `[::1]:0`,
/// `unix:@name`), close-on-exec, with the address the kernel gave it.
pub fn bound_datagram(text: &str) -> (Socket, SocketAddr) {
    let addr = SocketAddr::parse(text).expect("parse");
    let socket = Socket::new(Domain::for_addr(&addr), Type::DGRAM, SockFlags::empty())
        .expect("socket(SOCK_DGRAM)");
    assert_eq!(socket.is_cloexec(), Ok(true));
    socket.bind(&addr).expect("bind");
    let local = socket.local_addr().expect("getsockname");
    (socket, local)
}

/// A stream socket bound to `text` that does not listen, and its address:
/// connecting there is refused, and while the socket lives nobody else can
/// take the address.
pub fn not_listening(text: &str) -> (Socket, SocketAddr) {
    let addr = SocketAddr::parse(text).expect("parse");
    let socket =
        Socket::new(Domain::for_addr(&addr), Type::STREAM, SockFlags::empty()).expect("socket");
    socket.bind(&addr).expect("bind");
    let local = socket.local_addr().expect("getsockname");
    (socket, local)
}

/// `unix:@sockcore-<tag>-<pid>`: an abstract name that no other process,
/// and no test with another tag, uses.
pub fn abstract_text(tag: &str) -> String {
    format!("unix:@sockcore-{tag}-{}", std::process::id())
}

/// Sets the `int` option `level`/`name` through the raw call.
pub fn set_int(socket: &Socket, level: i32, name: i32, value: i32) {
    socket
        .set_option_raw(level, name, &value.to_ne_bytes())
        .expect("setsockopt");
}

/// Asks for a `SOL_SOCKET` buffer size (`SO_SNDBUF`, `SO_RCVBUF`) and
/// returns what the kernel made of it.
pub fn set_buffer(socket: &Socket, option: libc::c_int, bytes: libc::c_int) -> libc::c_int {
    set_int(socket, libc::SOL_SOCKET, option, bytes);
    let mut value = [0u8; 4];
    assert_eq!(
        socket.option_raw(libc::SOL_SOCKET, option, &mut value),
        Ok(4)
    );
    libc::c_int::from_ne_bytes(value)
}

/// The number in the kernel setting `/proc/sys/<name>` (`net/core/rmem_max`).
pub fn kernel_setting(name: &str) -> usize {
    let path = format!("/proc/sys/{name}");
    std::fs::read_to_string(&path)
        .expect(&path)
        .trim()
        .parse()
        .expect("a number")
}
