//! The server/client flow in one call each: [`Socket::listen_on`] and
//! [`Socket::dial`].

use core::time::Duration;

use crate::addr::SocketAddr;
use crate::errno::Result;
use crate::flags::{Domain, SockFlags, Type};
use crate::poll::deadline::Deadline;
use crate::socket::Socket;
use crate::sys;

impl Socket {
    /// A listening stream socket on `addr`: `socket` + `SO_REUSEADDR` (IP
    /// only, so a restarted server can rebind while old connections sit in
    /// TIME_WAIT) + `bind` + `listen`.
    ///
    /// A Unix path must not exist yet (`EADDRINUSE` otherwise): removing a
    /// stale socket file is the caller's decision. Errors: those of
    /// [`Socket::new`], [`bind`](crate::SocketFd::bind) and
    /// [`listen`](crate::SocketFd::listen).
    ///
    /// # References
    ///
    /// [`socket(2)`](https://man7.org/linux/man-pages/man2/socket.2.html),
    /// [`bind(2)`](https://man7.org/linux/man-pages/man2/bind.2.html),
    /// [`listen(2)`](https://man7.org/linux/man-pages/man2/listen.2.html)
    #[doc(alias("SO_REUSEADDR", "sc_listen_on", "socket", "bind", "listen"))]
    pub fn listen_on_addr(addr: &SocketAddr, backlog: i32) -> Result<Socket> {
        let socket = Socket::new(Domain::for_addr(addr), Type::STREAM, SockFlags::empty())?;
        if matches!(addr.family(), libc::AF_INET | libc::AF_INET6) {
            socket.set_reuse_address(true)?;
        }
        socket.bind(addr)?;
        socket.listen(backlog)?;
        Ok(socket)
    }

    /// [`listen_on_addr`](Self::listen_on_addr) for an address in text
    /// (`127.0.0.1:0`, `[::1]:8080`, `unix:/run/x.sock`, `unix:@name`).
    /// Errors: `EINVAL`/`ENAMETOOLONG` for text that does not parse, then as
    /// `listen_on_addr`.
    ///
    /// The flow over an abstract Unix name, with [`dial`](Self::dial):
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// use sockcore::{AddrKind, SockFlags, Socket};
    ///
    /// let text = format!("unix:@sockcore-doc-flow-{}", std::process::id());
    /// let listener = Socket::listen_on(&text, 8)?;
    /// let client = Socket::dial(&text, Some(Duration::from_secs(1)))?;
    /// let (conn, peer) = listener.accept(SockFlags::empty())?;
    /// assert_eq!(peer.kind(), AddrKind::Unspecified); // the client has no name
    ///
    /// client.write_all(b"hi")?;
    /// let mut buf = [0u8; 2];
    /// conn.read_exact(&mut buf)?;
    /// assert_eq!(&buf, b"hi");
    /// # Ok::<(), sockcore::Errno>(())
    /// ```
    ///
    /// # References
    ///
    /// [`socket(2)`](https://man7.org/linux/man-pages/man2/socket.2.html),
    /// [`bind(2)`](https://man7.org/linux/man-pages/man2/bind.2.html),
    /// [`listen(2)`](https://man7.org/linux/man-pages/man2/listen.2.html)
    #[doc(alias("SO_REUSEADDR", "sc_listen_on", "socket", "bind", "listen"))]
    pub fn listen_on(text: &str, backlog: i32) -> Result<Socket> {
        Socket::listen_on_addr(&SocketAddr::parse(text)?, backlog)
    }

    /// A connected stream socket to `addr`, giving up after `timeout`
    /// (`None`: wait as long as the kernel does; see
    /// [the convention](crate::poll#time-outs)).
    ///
    /// A non-blocking `connect`, then `poll` for writability (retrying
    /// `EINTR` against the same deadline), then `SO_ERROR`, as
    /// [`connect_within`](crate::SocketFd::connect_within) does on a socket
    /// the caller configured; the socket is returned blocking. On every
    /// failure the descriptor is closed.
    ///
    /// Errors: `ETIMEDOUT` when the time passes, `ECONNREFUSED`,
    /// `ENETUNREACH`, `EHOSTUNREACH`, `EAGAIN` (a Unix listener's backlog is
    /// full), `ENOENT` (no such Unix path), and those of [`Socket::new`].
    ///
    /// # References
    ///
    /// [`socket(2)`](https://man7.org/linux/man-pages/man2/socket.2.html),
    /// [`connect(2)`](https://man7.org/linux/man-pages/man2/connect.2.html),
    /// [`poll(2)`](https://man7.org/linux/man-pages/man2/poll.2.html)
    #[doc(alias("sc_dial", "socket", "connect", "poll"))]
    pub fn dial_addr(addr: &SocketAddr, timeout: Option<Duration>) -> Result<Socket> {
        let deadline = Deadline::after(timeout);
        // The connect of SocketFd::connect_within, without its F_GETFL and
        // two FIONBIO: the socket is made non-blocking, and we know its
        // status flags are then exactly O_RDWR | O_NONBLOCK, so clearing
        // them all afterwards is one fcntl.
        let socket = Socket::new(Domain::for_addr(addr), Type::STREAM, SockFlags::NONBLOCK)?;
        socket.connect_until(addr, deadline)?;
        sys::set_status_flags(socket.as_raw_fd(), 0)?;
        Ok(socket)
    }

    /// [`dial_addr`](Self::dial_addr) for an address in text. Errors:
    /// `EINVAL`/`ENAMETOOLONG` for text that does not parse, then as
    /// `dial_addr`.
    ///
    /// # References
    ///
    /// [`socket(2)`](https://man7.org/linux/man-pages/man2/socket.2.html),
    /// [`connect(2)`](https://man7.org/linux/man-pages/man2/connect.2.html),
    /// [`poll(2)`](https://man7.org/linux/man-pages/man2/poll.2.html)
    #[doc(alias("sc_dial", "socket", "connect", "poll"))]
    pub fn dial(text: &str, timeout: Option<Duration>) -> Result<Socket> {
        Socket::dial_addr(&SocketAddr::parse(text)?, timeout)
    }
}
