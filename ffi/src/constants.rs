//! The `SC_` constants. Flags are the system's own values (the header
//! defines them by the system's names), so `SC_MSG_PEEK == MSG_PEEK`.

use core::ffi::c_int;

use libc::{
    MSG_CMSG_CLOEXEC, MSG_CONFIRM, MSG_CTRUNC, MSG_DONTROUTE, MSG_DONTWAIT, MSG_EOR, MSG_ERRQUEUE,
    MSG_FASTOPEN, MSG_MORE, MSG_NOSIGNAL, MSG_OOB, MSG_PEEK, MSG_TRUNC, MSG_WAITALL,
    MSG_WAITFORONE, SOCK_NONBLOCK,
};
use sockcore::{MsgFlags, SockFlags, SocketAddr};

/// Flag for `sc_socket`, `sc_accept` and `sc_socketpair`: the new socket
/// starts non-blocking (`SOCK_NONBLOCK`). Close-on-exec needs no flag: it is
/// always on.
pub const SC_NONBLOCK: c_int = SOCK_NONBLOCK;

/// `MSG_OOB`: out-of-band data.
pub const SC_MSG_OOB: c_int = MSG_OOB;
/// `MSG_PEEK`: receive without removing the data from the queue.
pub const SC_MSG_PEEK: c_int = MSG_PEEK;
/// `MSG_DONTROUTE`: send only to directly connected hosts.
pub const SC_MSG_DONTROUTE: c_int = MSG_DONTROUTE;
/// `MSG_CTRUNC`: (reported) control data was truncated.
pub const SC_MSG_CTRUNC: c_int = MSG_CTRUNC;
/// `MSG_TRUNC`: on receive, return a datagram's full length even when the
/// buffer is shorter.
pub const SC_MSG_TRUNC: c_int = MSG_TRUNC;
/// `MSG_DONTWAIT`: this call alone is non-blocking.
pub const SC_MSG_DONTWAIT: c_int = MSG_DONTWAIT;
/// `MSG_EOR`: end of record (`SOCK_SEQPACKET`).
pub const SC_MSG_EOR: c_int = MSG_EOR;
/// `MSG_WAITALL`: block until the whole buffer is filled.
pub const SC_MSG_WAITALL: c_int = MSG_WAITALL;
/// `MSG_CONFIRM`: tell the link layer the peer answered.
pub const SC_MSG_CONFIRM: c_int = MSG_CONFIRM;
/// `MSG_ERRQUEUE`: receive from the socket's error queue.
pub const SC_MSG_ERRQUEUE: c_int = MSG_ERRQUEUE;
/// `MSG_NOSIGNAL`: no `SIGPIPE`; every send here adds it anyway.
pub const SC_MSG_NOSIGNAL: c_int = MSG_NOSIGNAL;
/// `MSG_MORE`: more data follows (cork).
pub const SC_MSG_MORE: c_int = MSG_MORE;
/// `MSG_WAITFORONE`: for batch receives, return once one message arrived.
pub const SC_MSG_WAITFORONE: c_int = MSG_WAITFORONE;
/// `MSG_CMSG_CLOEXEC`: received descriptors are close-on-exec.
pub const SC_MSG_CMSG_CLOEXEC: c_int = MSG_CMSG_CLOEXEC;
/// `MSG_FASTOPEN` (Linux 3.7), for `sc_sendto` on an unconnected TCP
/// socket: connect and send the data in the SYN (TCP Fast Open; see
/// `sc_sendto`).
pub const SC_MSG_FASTOPEN: c_int = MSG_FASTOPEN;

/// A buffer size for `sc_addr_format` that fits every address, NUL
/// included: the longest text is a full 108-byte Unix path with every byte
/// escaped as `\xNN`, after `unix:`.
pub const SC_ADDR_STRLEN: usize = 438;

/// The most buffers `sc_readv` and `sc_writev` take in one call: Linux's
/// `IOV_MAX` (`UIO_MAXIOV`), which C99 headers do not define.
pub const SC_IOV_MAX: c_int = 1024;

const _: () = assert!(SC_IOV_MAX == libc::UIO_MAXIOV);
const _: () = assert!(SC_ADDR_STRLEN == SocketAddr::TEXT_MAX + 1);
const _: () = assert!(SockFlags::all().bits() == SC_NONBLOCK);
const _: () = assert!(
    MsgFlags::all().bits()
        == SC_MSG_OOB
            | SC_MSG_PEEK
            | SC_MSG_DONTROUTE
            | SC_MSG_CTRUNC
            | SC_MSG_TRUNC
            | SC_MSG_DONTWAIT
            | SC_MSG_EOR
            | SC_MSG_WAITALL
            | SC_MSG_CONFIRM
            | SC_MSG_ERRQUEUE
            | SC_MSG_NOSIGNAL
            | SC_MSG_MORE
            | SC_MSG_WAITFORONE
            | SC_MSG_CMSG_CLOEXEC
            | SC_MSG_FASTOPEN
);
