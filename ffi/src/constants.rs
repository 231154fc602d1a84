//! The `SC_` constants. Flags are the system's own values (the header
//! defines them by the system's names), so `SC_MSG_PEEK == MSG_PEEK`; the
//! `SO_TIMESTAMPING` flags are numbers, since C libraries without the
//! kernel's headers (musl) lack `<linux/net_tstamp.h>`.

use core::ffi::{c_int, c_uint};

use libc::{
    MSG_CMSG_CLOEXEC, MSG_CONFIRM, MSG_CTRUNC, MSG_DONTROUTE, MSG_DONTWAIT, MSG_EOR, MSG_ERRQUEUE,
    MSG_FASTOPEN, MSG_MORE, MSG_NOSIGNAL, MSG_OOB, MSG_PEEK, MSG_TRUNC, MSG_WAITALL,
    MSG_WAITFORONE, MSG_ZEROCOPY, SOCK_NONBLOCK,
};
use sockcore::{MsgFlags, SockFlags, SocketAddr, TimestampingFlags};

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
/// `MSG_ZEROCOPY` (TCP: Linux 4.14; UDP: 5.0): send from the caller's pages
/// instead of copying them, on a socket with `sc_set_zerocopy(fd, 1)` (the
/// kernel ignores the flag otherwise). The send returns while the kernel
/// may still read the buffer. The rule: change or reuse the buffer only
/// after `sc_zerocopy_completions` returned a range covering its send.
/// Each zero-copy send that moves a byte takes the socket's next number
/// (from 0, wrapping at 2^32); a failed or empty one takes none.
pub const SC_MSG_ZEROCOPY: c_int = MSG_ZEROCOPY;

/// A buffer size for `sc_addr_format` that fits every address, NUL
/// included: the longest text is a full 108-byte Unix path with every byte
/// escaped as `\xNN`, after `unix:`.
pub const SC_ADDR_STRLEN: usize = 438;

/// A buffer size for `sc_strerror_r` that fits every message, NUL
/// included: the longest is 49 bytes, an unknown number's at most 24.
pub const SC_STRERROR_LEN: usize = 64;

/// The most buffers `sc_readv` and `sc_writev` take in one call: Linux's
/// `IOV_MAX` (`UIO_MAXIOV`), which C99 headers do not define.
pub const SC_IOV_MAX: c_int = 1024;

/// `SOF_TIMESTAMPING_TX_HARDWARE`: record transmit stamps in the network card.
pub const SC_TIMESTAMPING_TX_HARDWARE: c_uint = 1 << 0;
/// `SOF_TIMESTAMPING_TX_SOFTWARE`: record transmit stamps as the packet
/// leaves the stack.
pub const SC_TIMESTAMPING_TX_SOFTWARE: c_uint = 1 << 1;
/// `SOF_TIMESTAMPING_RX_HARDWARE`: record receive stamps in the network card.
pub const SC_TIMESTAMPING_RX_HARDWARE: c_uint = 1 << 2;
/// `SOF_TIMESTAMPING_RX_SOFTWARE`: record receive stamps as the packet
/// enters the stack.
pub const SC_TIMESTAMPING_RX_SOFTWARE: c_uint = 1 << 3;
/// `SOF_TIMESTAMPING_SOFTWARE`: report software stamps.
pub const SC_TIMESTAMPING_SOFTWARE: c_uint = 1 << 4;
/// `SOF_TIMESTAMPING_RAW_HARDWARE`: report hardware stamps.
pub const SC_TIMESTAMPING_RAW_HARDWARE: c_uint = 1 << 6;
/// `SOF_TIMESTAMPING_OPT_ID`: number the sends that take a transmit stamp,
/// from 0; a stamp's `sc_extended_err.ee_data` is its send's number.
pub const SC_TIMESTAMPING_OPT_ID: c_uint = 1 << 7;
/// `SOF_TIMESTAMPING_TX_SCHED`: record a transmit stamp when the packet is
/// queued for the device.
pub const SC_TIMESTAMPING_TX_SCHED: c_uint = 1 << 8;
/// `SOF_TIMESTAMPING_TX_ACK`: record a transmit stamp when TCP data is
/// acknowledged.
pub const SC_TIMESTAMPING_TX_ACK: c_uint = 1 << 9;
/// `SOF_TIMESTAMPING_OPT_CMSG`: report the packet's `IP_PKTINFO` with
/// transmit stamps.
pub const SC_TIMESTAMPING_OPT_CMSG: c_uint = 1 << 10;
/// `SOF_TIMESTAMPING_OPT_TSONLY`: transmit stamps come without the packet.
pub const SC_TIMESTAMPING_OPT_TSONLY: c_uint = 1 << 11;
/// `SOF_TIMESTAMPING_OPT_STATS`: TCP statistics with transmit stamps.
pub const SC_TIMESTAMPING_OPT_STATS: c_uint = 1 << 12;
/// `SOF_TIMESTAMPING_OPT_PKTINFO`: the interface with hardware receive stamps.
pub const SC_TIMESTAMPING_OPT_PKTINFO: c_uint = 1 << 13;
/// `SOF_TIMESTAMPING_OPT_TX_SWHW`: software and hardware transmit stamps both.
pub const SC_TIMESTAMPING_OPT_TX_SWHW: c_uint = 1 << 14;

const _: () = assert!(SC_IOV_MAX == libc::UIO_MAXIOV);
const _: () = assert!(
    TimestampingFlags::all().bits()
        == SC_TIMESTAMPING_TX_HARDWARE
            | SC_TIMESTAMPING_TX_SOFTWARE
            | SC_TIMESTAMPING_RX_HARDWARE
            | SC_TIMESTAMPING_RX_SOFTWARE
            | SC_TIMESTAMPING_SOFTWARE
            | SC_TIMESTAMPING_RAW_HARDWARE
            | SC_TIMESTAMPING_OPT_ID
            | SC_TIMESTAMPING_TX_SCHED
            | SC_TIMESTAMPING_TX_ACK
            | SC_TIMESTAMPING_OPT_CMSG
            | SC_TIMESTAMPING_OPT_TSONLY
            | SC_TIMESTAMPING_OPT_STATS
            | SC_TIMESTAMPING_OPT_PKTINFO
            | SC_TIMESTAMPING_OPT_TX_SWHW
);
const _: () = assert!(SC_TIMESTAMPING_TX_HARDWARE == libc::SOF_TIMESTAMPING_TX_HARDWARE);
const _: () = assert!(SC_TIMESTAMPING_RAW_HARDWARE == libc::SOF_TIMESTAMPING_RAW_HARDWARE);
const _: () = assert!(SC_TIMESTAMPING_OPT_TX_SWHW == libc::SOF_TIMESTAMPING_OPT_TX_SWHW);
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
            | SC_MSG_ZEROCOPY
);
