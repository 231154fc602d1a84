//! [`TcpInfo`]: a snapshot of a TCP connection, `getsockopt(IPPROTO_TCP,
//! TCP_INFO)`, read by the length the kernel returned, so that an older
//! kernel's shorter `struct tcp_info` works too; and the types of its
//! fields: [`TcpState`], [`TcpCaState`], [`TcpInfoOptions`],
//! [`FastOpenClientFail`].

use core::fmt;
use core::mem::{offset_of, size_of};
use core::time::Duration;

use bitflags::bitflags;

use super::table::TCP_INFO;
use crate::errno::Result;
use crate::socket::SocketFd;
use crate::sys::{self, PlainData};

impl SocketFd {
    /// `getsockopt(IPPROTO_TCP, TCP_INFO)`: a snapshot of the connection's
    /// TCP state, from one system call. Listening and unconnected TCP
    /// sockets answer too (their [`state`](TcpInfo::state) says so).
    ///
    /// Fields the running kernel does not fill, because it is older than
    /// they are, read as `None`; each accessor names the Linux version that
    /// added its field.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// use sockcore::{SockFlags, Socket, TcpInfoOptions, TcpState};
    ///
    /// let listener = Socket::listen_on("127.0.0.1:0", 1)?;
    /// let client = Socket::dial_addr(&listener.local_addr()?, Some(Duration::from_secs(1)))?;
    /// let (conn, _) = listener.accept(SockFlags::empty())?;
    /// client.write_all(b"ping")?;
    /// let mut buf = [0u8; 4];
    /// conn.read_exact(&mut buf)?;
    ///
    /// let info = client.tcp_info()?;
    /// assert_eq!(info.state(), TcpState::ESTABLISHED);
    /// let sack = info.options().contains(TcpInfoOptions::SACK);
    /// println!("rtt {:?}, cwnd {} segments, SACK {sack}", info.rtt(), info.snd_cwnd());
    /// if let Some(received) = conn.tcp_info()?.bytes_received() {
    ///     assert_eq!(received, 4); // Linux 4.1 and later
    /// }
    /// assert_eq!(listener.tcp_info()?.state(), TcpState::LISTEN);
    /// # Ok::<(), sockcore::Errno>(())
    /// ```
    ///
    /// Errors: `EOPNOTSUPP` for a socket that is not TCP (UDP, Unix),
    /// `ENOTSOCK`, `EBADF`.
    ///
    /// # References
    ///
    /// [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html),
    /// [`tcp(7)`](https://man7.org/linux/man-pages/man7/tcp.7.html)
    #[doc(alias("TCP_INFO", "sc_get_tcp_info", "getsockopt"))]
    #[inline]
    pub fn tcp_info(&self) -> Result<TcpInfo> {
        self.option(TCP_INFO)
    }
}

/// A snapshot of `struct tcp_info`: the connection's state, timers, windows
/// and counters, as much of it as the running kernel filled.
///
/// The fields up to [`total_retrans`](Self::total_retrans), which every
/// kernel since Linux 2.6.18 fills, are plain values; every later one is an
/// `Option`, `None` when the kernel that answered is older than the field
/// (Linux fills `min(asked, its own size)` bytes and says how many;
/// [`kernel_len`](Self::kernel_len) is that count).
///
/// Left out: `tcpi_last_ack_sent` (the kernel does not keep it),
/// `tcpi_fackets` (always 0 since 4.15), and the fields past `tcpi_snd_wnd`
/// (`rcv_wnd` and `rehash` from 6.2, the RTO totals from 6.7, the AccECN
/// counters from 6.18), which the C libraries' and the `libc` crate's
/// structs do not all have, and which are still changing upstream.
#[derive(Clone, Copy)]
pub struct TcpInfo {
    /// The kernel's `struct tcp_info` as it wrote it; zero past `len`. Kept
    /// as bytes, not as `libc::tcp_info`, so that byte 7 stays readable:
    /// it holds two bit-fields (`tcpi_delivery_rate_app_limited:1,
    /// tcpi_fastopen_client_fail:2`, include/uapi/linux/tcp.h) that glibc's
    /// layout, and so the `libc` crate's for glibc, leave as padding.
    bytes: [u8; TCP_INFO_SIZE],
    /// How many bytes of it the kernel wrote.
    len: usize,
}

/// The bytes of `struct tcp_info` this crate asks for: the `libc` crate's
/// struct for the target.
const TCP_INFO_SIZE: usize = size_of::<libc::tcp_info>();

/// The byte of `struct tcp_info` that holds the delivery-rate and Fast Open
/// bit-fields.
const FLAGS_BYTE: usize = 7;

/// A field every kernel fills, read at its offset as its type (the
/// closure, never called, names the type).
macro_rules! field {
    ($self:ident, $field:ident) => {
        $self.read(offset_of!(libc::tcp_info, $field), |info| info.$field)
    };
}

/// `Some(field)` when the kernel's reply reached the field's last byte.
macro_rules! since {
    ($self:ident, $field:ident) => {
        $self.since(offset_of!(libc::tcp_info, $field), |info| info.$field)
    };
}

impl TcpInfo {
    /// The snapshot in `bytes`, of which the kernel wrote the first `len`
    /// (the rest are zero).
    #[inline]
    pub(crate) fn from_kernel(bytes: &[u8; TCP_INFO_SIZE], len: usize) -> TcpInfo {
        TcpInfo {
            bytes: *bytes,
            len: len.min(TCP_INFO_SIZE),
        }
    }

    /// The field at `offset`, of the type `field` returns.
    #[inline]
    fn read<T: PlainData>(&self, offset: usize, _field: fn(&libc::tcp_info) -> T) -> T {
        // The offset of a field of the struct: never None.
        self.bytes
            .get(offset..)
            .and_then(sys::read_unaligned)
            .unwrap_or(sys::zeroed())
    }

    /// The field at `offset`, when the kernel wrote all of it.
    #[inline]
    fn since<T: PlainData>(&self, offset: usize, field: fn(&libc::tcp_info) -> T) -> Option<T> {
        (offset + size_of::<T>() <= self.len).then(|| self.read(offset, field))
    }

    /// The bytes of `struct tcp_info` the kernel wrote
    /// ([`kernel_len`](Self::kernel_len) of them), in the kernel's layout
    /// (include/uapi/linux/tcp.h), for a program that reads a field itself,
    /// such as one newer than `tcpi_snd_wnd`. At most the size of the
    /// `libc` crate's `tcp_info` for the target are read.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        // len is at most the array's length: never the empty default.
        self.bytes.get(..self.len).unwrap_or_default()
    }

    /// How many bytes of `struct tcp_info` the kernel wrote: 104 on Linux
    /// 2.6.18 to 3.14, 232 on 5.4, 280 on 6.18; at most the size of the
    /// `libc` crate's struct for the target (280 bytes with glibc, 232
    /// with musl, where the named fields end).
    #[inline]
    pub fn kernel_len(&self) -> usize {
        self.len
    }

    /// The TCP state (`tcpi_state`): [`TcpState::ESTABLISHED`], …
    #[inline]
    pub fn state(&self) -> TcpState {
        TcpState(field!(self, tcpi_state))
    }

    /// The congestion-control state (`tcpi_ca_state`).
    #[inline]
    pub fn ca_state(&self) -> TcpCaState {
        TcpCaState(field!(self, tcpi_ca_state))
    }

    /// Consecutive retransmissions of the oldest unacknowledged segment,
    /// now (`tcpi_retransmits`); 0 once it is acknowledged.
    #[inline]
    pub fn retransmits(&self) -> u8 {
        field!(self, tcpi_retransmits)
    }

    /// Unanswered zero-window or keep-alive probes (`tcpi_probes`).
    #[inline]
    pub fn probes(&self) -> u8 {
        field!(self, tcpi_probes)
    }

    /// The retransmission time-out's exponential backoff (`tcpi_backoff`).
    #[inline]
    pub fn backoff(&self) -> u8 {
        field!(self, tcpi_backoff)
    }

    /// The options the handshake negotiated (`tcpi_options`).
    #[inline]
    pub fn options(&self) -> TcpInfoOptions {
        TcpInfoOptions::from_bits_retain(field!(self, tcpi_options))
    }

    /// The peer's window scale, the shift applied to the windows it
    /// advertises (`tcpi_snd_wscale`), with [`TcpInfoOptions::WSCALE`].
    #[inline]
    pub fn snd_wscale(&self) -> u8 {
        let (snd, _) = nibbles(field!(self, tcpi_snd_rcv_wscale));
        snd
    }

    /// This end's window scale (`tcpi_rcv_wscale`), with
    /// [`TcpInfoOptions::WSCALE`].
    #[inline]
    pub fn rcv_wscale(&self) -> u8 {
        let (_, rcv) = nibbles(field!(self, tcpi_snd_rcv_wscale));
        rcv
    }

    /// The retransmission time-out (`tcpi_rto`).
    #[inline]
    pub fn rto(&self) -> Duration {
        micros(field!(self, tcpi_rto))
    }

    /// The delayed-acknowledgement time-out (`tcpi_ato`).
    #[inline]
    pub fn ato(&self) -> Duration {
        micros(field!(self, tcpi_ato))
    }

    /// The largest segment this end sends, in bytes (`tcpi_snd_mss`).
    #[inline]
    pub fn snd_mss(&self) -> u32 {
        field!(self, tcpi_snd_mss)
    }

    /// The largest segment the peer is thought to send (`tcpi_rcv_mss`).
    #[inline]
    pub fn rcv_mss(&self) -> u32 {
        field!(self, tcpi_rcv_mss)
    }

    /// Segments sent and not yet acknowledged (`tcpi_unacked`).
    #[inline]
    pub fn unacked(&self) -> u32 {
        field!(self, tcpi_unacked)
    }

    /// Segments the peer acknowledged selectively (`tcpi_sacked`).
    #[inline]
    pub fn sacked(&self) -> u32 {
        field!(self, tcpi_sacked)
    }

    /// Segments thought lost (`tcpi_lost`).
    #[inline]
    pub fn lost(&self) -> u32 {
        field!(self, tcpi_lost)
    }

    /// Segments being retransmitted, now (`tcpi_retrans`).
    #[inline]
    pub fn retrans(&self) -> u32 {
        field!(self, tcpi_retrans)
    }

    /// Time since data was last sent (`tcpi_last_data_sent`).
    #[inline]
    pub fn last_data_sent(&self) -> Duration {
        millis(field!(self, tcpi_last_data_sent))
    }

    /// Time since data was last received (`tcpi_last_data_recv`).
    #[inline]
    pub fn last_data_recv(&self) -> Duration {
        millis(field!(self, tcpi_last_data_recv))
    }

    /// Time since an acknowledgement was last received
    /// (`tcpi_last_ack_recv`).
    #[inline]
    pub fn last_ack_recv(&self) -> Duration {
        millis(field!(self, tcpi_last_ack_recv))
    }

    /// The path MTU, in bytes (`tcpi_pmtu`).
    #[inline]
    pub fn pmtu(&self) -> u32 {
        field!(self, tcpi_pmtu)
    }

    /// The receive slow-start threshold, in bytes (`tcpi_rcv_ssthresh`).
    #[inline]
    pub fn rcv_ssthresh(&self) -> u32 {
        field!(self, tcpi_rcv_ssthresh)
    }

    /// The smoothed round-trip time (`tcpi_rtt`).
    #[inline]
    pub fn rtt(&self) -> Duration {
        micros(field!(self, tcpi_rtt))
    }

    /// The round-trip time's variation (`tcpi_rttvar`).
    #[inline]
    pub fn rttvar(&self) -> Duration {
        micros(field!(self, tcpi_rttvar))
    }

    /// The slow-start threshold, in segments (`tcpi_snd_ssthresh`; a very
    /// large number before the first loss).
    #[inline]
    pub fn snd_ssthresh(&self) -> u32 {
        field!(self, tcpi_snd_ssthresh)
    }

    /// The congestion window, in segments (`tcpi_snd_cwnd`).
    #[inline]
    pub fn snd_cwnd(&self) -> u32 {
        field!(self, tcpi_snd_cwnd)
    }

    /// The segment size this end advertised (`tcpi_advmss`).
    #[inline]
    pub fn advmss(&self) -> u32 {
        field!(self, tcpi_advmss)
    }

    /// How much reordering the connection tolerates, in segments
    /// (`tcpi_reordering`).
    #[inline]
    pub fn reordering(&self) -> u32 {
        field!(self, tcpi_reordering)
    }

    /// The receiver's estimate of the round-trip time (`tcpi_rcv_rtt`).
    #[inline]
    pub fn rcv_rtt(&self) -> Duration {
        micros(field!(self, tcpi_rcv_rtt))
    }

    /// The receive buffer space the receiver estimates it needs, in bytes
    /// (`tcpi_rcv_space`).
    #[inline]
    pub fn rcv_space(&self) -> u32 {
        field!(self, tcpi_rcv_space)
    }

    /// Segments retransmitted over the connection's life
    /// (`tcpi_total_retrans`).
    #[inline]
    pub fn total_retrans(&self) -> u32 {
        field!(self, tcpi_total_retrans)
    }

    /// The pacing rate, in bytes per second (`tcpi_pacing_rate`; Linux
    /// 3.15).
    #[inline]
    pub fn pacing_rate(&self) -> Option<u64> {
        since!(self, tcpi_pacing_rate)
    }

    /// The most the pacing rate may be, in bytes per second
    /// (`tcpi_max_pacing_rate`; Linux 3.15; `u64::MAX` for no limit).
    #[inline]
    pub fn max_pacing_rate(&self) -> Option<u64> {
        since!(self, tcpi_max_pacing_rate)
    }

    /// Bytes the peer acknowledged (`tcpi_bytes_acked`; Linux 4.1). It
    /// counts the SYN: a connection that sent N bytes shows N + 1.
    #[inline]
    pub fn bytes_acked(&self) -> Option<u64> {
        since!(self, tcpi_bytes_acked)
    }

    /// Bytes received in order (`tcpi_bytes_received`; Linux 4.1).
    #[inline]
    pub fn bytes_received(&self) -> Option<u64> {
        since!(self, tcpi_bytes_received)
    }

    /// Segments sent, retransmissions included (`tcpi_segs_out`; Linux
    /// 4.2).
    #[inline]
    pub fn segs_out(&self) -> Option<u32> {
        since!(self, tcpi_segs_out)
    }

    /// Segments received (`tcpi_segs_in`; Linux 4.2).
    #[inline]
    pub fn segs_in(&self) -> Option<u32> {
        since!(self, tcpi_segs_in)
    }

    /// Bytes written by the application and not yet sent
    /// (`tcpi_notsent_bytes`; Linux 4.6).
    #[inline]
    pub fn notsent_bytes(&self) -> Option<u32> {
        since!(self, tcpi_notsent_bytes)
    }

    /// The least round-trip time seen recently (`tcpi_min_rtt`; Linux 4.6).
    #[inline]
    pub fn min_rtt(&self) -> Option<Duration> {
        since!(self, tcpi_min_rtt).map(micros)
    }

    /// Segments received that carried data (`tcpi_data_segs_in`; Linux
    /// 4.6).
    #[inline]
    pub fn data_segs_in(&self) -> Option<u32> {
        since!(self, tcpi_data_segs_in)
    }

    /// Segments sent that carried data (`tcpi_data_segs_out`; Linux 4.6).
    #[inline]
    pub fn data_segs_out(&self) -> Option<u32> {
        since!(self, tcpi_data_segs_out)
    }

    /// The most recent delivery rate, in bytes per second
    /// (`tcpi_delivery_rate`; Linux 4.9).
    #[inline]
    pub fn delivery_rate(&self) -> Option<u64> {
        since!(self, tcpi_delivery_rate)
    }

    /// Whether the application, not the network, limited the delivery
    /// rate (`tcpi_delivery_rate_app_limited`; Linux 4.9, with
    /// [`delivery_rate`](Self::delivery_rate)).
    #[inline]
    pub fn delivery_rate_app_limited(&self) -> Option<bool> {
        let (app_limited, _) = flag_bits(self.bytes[FLAGS_BYTE]);
        self.delivery_rate().map(|_| app_limited)
    }

    /// Time spent with data in flight (`tcpi_busy_time`; Linux 4.10).
    #[inline]
    pub fn busy_time(&self) -> Option<Duration> {
        since!(self, tcpi_busy_time).map(Duration::from_micros)
    }

    /// Time the peer's receive window held sending back
    /// (`tcpi_rwnd_limited`; Linux 4.10).
    #[inline]
    pub fn rwnd_limited(&self) -> Option<Duration> {
        since!(self, tcpi_rwnd_limited).map(Duration::from_micros)
    }

    /// Time this end's send buffer held sending back
    /// (`tcpi_sndbuf_limited`; Linux 4.10).
    #[inline]
    pub fn sndbuf_limited(&self) -> Option<Duration> {
        since!(self, tcpi_sndbuf_limited).map(Duration::from_micros)
    }

    /// Segments delivered, retransmissions included (`tcpi_delivered`;
    /// Linux 4.18).
    #[inline]
    pub fn delivered(&self) -> Option<u32> {
        since!(self, tcpi_delivered)
    }

    /// Segments delivered with an ECN congestion mark
    /// (`tcpi_delivered_ce`; Linux 4.18).
    #[inline]
    pub fn delivered_ce(&self) -> Option<u32> {
        since!(self, tcpi_delivered_ce)
    }

    /// Bytes sent, retransmissions included (`tcpi_bytes_sent`; Linux
    /// 4.19).
    #[inline]
    pub fn bytes_sent(&self) -> Option<u64> {
        since!(self, tcpi_bytes_sent)
    }

    /// Bytes retransmitted (`tcpi_bytes_retrans`; Linux 4.19).
    #[inline]
    pub fn bytes_retrans(&self) -> Option<u64> {
        since!(self, tcpi_bytes_retrans)
    }

    /// Duplicate segments the peer reported with D-SACK
    /// (`tcpi_dsack_dups`; Linux 4.19).
    #[inline]
    pub fn dsack_dups(&self) -> Option<u32> {
        since!(self, tcpi_dsack_dups)
    }

    /// Reorderings seen (`tcpi_reord_seen`; Linux 4.19).
    #[inline]
    pub fn reord_seen(&self) -> Option<u32> {
        since!(self, tcpi_reord_seen)
    }

    /// Segments received out of order (`tcpi_rcv_ooopack`; Linux 5.4).
    #[inline]
    pub fn rcv_ooopack(&self) -> Option<u32> {
        since!(self, tcpi_rcv_ooopack)
    }

    /// The peer's receive window, in bytes (`tcpi_snd_wnd`; Linux 5.4).
    #[inline]
    pub fn snd_wnd(&self) -> Option<u32> {
        since!(self, tcpi_snd_wnd)
    }

    /// Why this client's Fast Open attempt fell back to a plain handshake
    /// (`tcpi_fastopen_client_fail`; Linux 5.5, and
    /// [`UNSPECIFIED`](FastOpenClientFail::UNSPECIFIED) before, which leaves
    /// the bits 0).
    #[inline]
    pub fn fastopen_client_fail(&self) -> FastOpenClientFail {
        let (_, fail) = flag_bits(self.bytes[FLAGS_BYTE]);
        FastOpenClientFail(fail)
    }
}

/// The window-scale byte's two nibbles, `(snd, rcv)`: bit-fields in the
/// kernel's declaration order, from the least significant bit on a
/// little-endian target and from the most significant one on a big-endian
/// target.
#[inline]
const fn nibbles(byte: u8) -> (u8, u8) {
    if cfg!(target_endian = "little") {
        (byte & 0x0f, byte >> 4)
    } else {
        (byte >> 4, byte & 0x0f)
    }
}

/// The flags byte's bit-fields, `(delivery_rate_app_limited,
/// fastopen_client_fail)`, in the same bit order as [`nibbles`].
#[inline]
const fn flag_bits(byte: u8) -> (bool, u8) {
    if cfg!(target_endian = "little") {
        (byte & 1 != 0, (byte >> 1) & 3)
    } else {
        (byte & 0x80 != 0, (byte >> 5) & 3)
    }
}

#[inline]
fn micros(us: u32) -> Duration {
    Duration::from_micros(u64::from(us))
}

#[inline]
fn millis(ms: u32) -> Duration {
    Duration::from_millis(u64::from(ms))
}

impl fmt::Debug for TcpInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TcpInfo")
            .field("kernel_len", &self.kernel_len())
            .field("state", &self.state())
            .field("ca_state", &self.ca_state())
            .field("options", &self.options())
            .field("snd_wscale", &self.snd_wscale())
            .field("rcv_wscale", &self.rcv_wscale())
            .field("rtt", &self.rtt())
            .field("rttvar", &self.rttvar())
            .field("rto", &self.rto())
            .field("snd_mss", &self.snd_mss())
            .field("snd_cwnd", &self.snd_cwnd())
            .field("snd_ssthresh", &self.snd_ssthresh())
            .field("unacked", &self.unacked())
            .field("retransmits", &self.retransmits())
            .field("total_retrans", &self.total_retrans())
            .field("pacing_rate", &self.pacing_rate())
            .field("bytes_acked", &self.bytes_acked())
            .field("bytes_received", &self.bytes_received())
            .field("segs_out", &self.segs_out())
            .field("segs_in", &self.segs_in())
            .field("min_rtt", &self.min_rtt())
            .field("delivery_rate", &self.delivery_rate())
            .field("delivered", &self.delivered())
            .field("bytes_sent", &self.bytes_sent())
            .field("bytes_retrans", &self.bytes_retrans())
            .field("snd_wnd", &self.snd_wnd())
            .field("fastopen_client_fail", &self.fastopen_client_fail())
            .finish()
    }
}

/// A small number with names for its known values: the type, its
/// constants, `name()`, and a `Debug` that prints the name (or `PREFIX?(N)`
/// for an unknown value).
macro_rules! named_numbers {
    (
        $(#[$doc:meta])*
        $ty:ident, $unknown:literal {
            $($(#[$cdoc:meta])* $name:ident = $value:literal,)*
        }
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(transparent)]
        pub struct $ty(pub u8);

        impl $ty {
            $($(#[$cdoc])* pub const $name: $ty = $ty($value);)*

            /// The constant's name, such as `"ESTABLISHED"`; `None` for a
            /// value this crate does not know.
            pub const fn name(self) -> Option<&'static str> {
                match self.0 {
                    $($value => Some(stringify!($name)),)*
                    _ => None,
                }
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.name() {
                    Some(name) => f.write_str(name),
                    None => write!(f, concat!($unknown, "?({})"), self.0),
                }
            }
        }
    };
}

named_numbers! {
    /// A TCP state, `tcpi_state` (include/net/tcp_states.h).
    TcpState, "TCP_STATE" {
        /// Connected: data flows both ways.
        ESTABLISHED = 1,
        /// A connect sent its SYN and waits for the answer.
        SYN_SENT = 2,
        /// A SYN arrived and was answered; waiting for the final ACK.
        SYN_RECV = 3,
        /// This end closed first and waits for the ACK of its FIN.
        FIN_WAIT1 = 4,
        /// This end's FIN is acknowledged; waiting for the peer's.
        FIN_WAIT2 = 5,
        /// Both ends closed; waiting out stray segments.
        TIME_WAIT = 6,
        /// Closed: never connected, or done.
        CLOSE = 7,
        /// The peer closed first; this end may still send.
        CLOSE_WAIT = 8,
        /// This end closed after the peer and waits for the last ACK.
        LAST_ACK = 9,
        /// Listening for connections.
        LISTEN = 10,
        /// Both ends closed at once.
        CLOSING = 11,
    }
}

named_numbers! {
    /// The congestion-control state, `tcpi_ca_state` (`enum tcp_ca_state`,
    /// include/uapi/linux/tcp.h).
    TcpCaState, "TCP_CA" {
        /// Nothing wrong.
        OPEN = 0,
        /// Duplicate ACKs or SACKs: reordering, or a loss to come.
        DISORDER = 1,
        /// The window shrank after an ECN mark or a local congestion signal.
        CWR = 2,
        /// Fast retransmit of a loss.
        RECOVERY = 3,
        /// A retransmission time-out: everything in flight counts as lost.
        LOSS = 4,
    }
}

named_numbers! {
    /// Why a Fast Open client fell back to a plain handshake,
    /// `tcpi_fastopen_client_fail` (`enum tcp_fastopen_client_fail`,
    /// include/uapi/linux/tcp.h).
    FastOpenClientFail, "TFO_CLIENT_FAIL" {
        /// No reason recorded (also: Fast Open was not tried, or worked).
        UNSPECIFIED = 0,
        /// No cookie was cached for the server: the handshake asked for one.
        COOKIE_UNAVAILABLE = 1,
        /// The server did not acknowledge the data in the SYN.
        DATA_NOT_ACKED = 2,
        /// The SYN carrying data was retransmitted.
        SYN_RETRANSMITTED = 3,
    }
}

bitflags! {
    /// The options a connection negotiated, `tcpi_options` (`TCPI_OPT_*`,
    /// include/uapi/linux/tcp.h).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub struct TcpInfoOptions: u8 {
        /// Timestamps (RFC 7323).
        const TIMESTAMPS = 1;
        /// Selective acknowledgements.
        const SACK = 2;
        /// Window scaling; [`TcpInfo::snd_wscale`] and
        /// [`TcpInfo::rcv_wscale`] hold the shifts.
        const WSCALE = 4;
        /// ECN negotiated.
        const ECN = 8;
        /// At least one ECN-capable packet was received.
        const ECN_SEEN = 16;
        /// The data in the SYN was acknowledged: on a client, Fast Open
        /// worked; on an accepted socket, the connection came with Fast
        /// Open data.
        const SYN_DATA = 32;
        /// Microsecond timestamps (Linux 6.7).
        const USEC_TS = 64;
        /// The socket was created by Fast Open (Linux 6.16; kernels with
        /// other patches may give this bit another meaning: prefer
        /// `SYN_DATA`).
        const TFO_CHILD = 128;
    }
}

#[cfg(test)]
mod tests;
