//! `sc_get_tcp_info` (`server` feature): a snapshot of a TCP connection in
//! sockcore's own fixed-width struct, the same on every target and C
//! library, copied field by field from the bytes the core's `TcpInfo` holds.
//!
//! How the struct grows: new fields go after `delivery_rate` only, in
//! groups of 8 bytes, each group with a new `SC_TCPI_HAVE_*` bit; no field
//! moves, no bit is reused, and `SC_TCP_INFO_MIN_SIZE` stays 136. A caller
//! passes `sizeof *info`, so a program and a library built from different
//! versions of the header each see the fields both know.

use core::ffi::c_int;
use core::mem::{align_of, offset_of, size_of};

use libc::size_t;
use sockcore::{Errno, TcpInfo, TcpInfoOptions};

use crate::args::{self, unit_return};

/// A snapshot of a TCP connection (`getsockopt(TCP_INFO)`), in sockcore's
/// own layout: fixed-width fields, the same on every target and C library
/// (glibc's `struct tcp_info` lacks most of them, and `<linux/tcp.h>`
/// clashes with `<netinet/tcp.h>`). Fill it with
/// `sc_get_tcp_info(fd, &info, sizeof info)`.
///
/// The fields from `state` to `pmtu` are filled by every kernel. Each later
/// one is filled only when the running kernel has it: its `SC_TCPI_HAVE_*`
/// bit is then set in `valid`; otherwise it reads 0. New fields are only
/// ever added at the end, so a program built against an older `sockcore.h`
/// keeps working with a newer library, and the other way round (see
/// `sc_get_tcp_info`). 136 bytes, no padding.
#[allow(non_camel_case_types)] // C's spelling: this is the header's name.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sc_tcp_info {
    /// `SC_TCPI_HAVE_*` bits: which of the later fields the kernel filled.
    pub valid: u32,
    /// How many bytes of its `struct tcp_info` the kernel returned.
    pub kernel_len: u32,
    /// The TCP state: 1 established, 2 SYN sent, 3 SYN received, 4 FIN
    /// wait 1, 5 FIN wait 2, 6 time wait, 7 closed, 8 close wait, 9 last
    /// ACK, 10 listen, 11 closing (`TCP_ESTABLISHED`, ...).
    pub state: u8,
    /// The congestion-control state: 0 open, 1 disorder, 2 CWR, 3 recovery,
    /// 4 loss.
    pub ca_state: u8,
    /// Consecutive retransmissions of the oldest unacknowledged segment.
    pub retransmits: u8,
    /// The options negotiated: `SC_TCPI_OPT_*` bits.
    pub options: u8,
    /// The peer's window scale (with `SC_TCPI_OPT_WSCALE`).
    pub snd_wscale: u8,
    /// This end's window scale.
    pub rcv_wscale: u8,
    /// Why a Fast Open client fell back: 0 unspecified, 1 no cookie, 2 data
    /// not acknowledged, 3 SYN retransmitted (Linux 5.5; 0 before).
    pub fastopen_client_fail: u8,
    /// 1 when the application limited the delivery rate
    /// (`SC_TCPI_HAVE_DELIVERY_RATE`).
    pub delivery_rate_app_limited: u8,
    /// The retransmission time-out, in microseconds.
    pub rto_us: u32,
    /// The smoothed round-trip time, in microseconds.
    pub rtt_us: u32,
    /// The round-trip time's variation, in microseconds.
    pub rttvar_us: u32,
    /// The largest segment this end sends, in bytes.
    pub snd_mss: u32,
    /// The largest segment the peer is thought to send, in bytes.
    pub rcv_mss: u32,
    /// The congestion window, in segments.
    pub snd_cwnd: u32,
    /// The slow-start threshold, in segments.
    pub snd_ssthresh: u32,
    /// Segments sent and not yet acknowledged.
    pub unacked: u32,
    /// Segments thought lost.
    pub lost: u32,
    /// Segments being retransmitted now.
    pub retrans: u32,
    /// Segments retransmitted over the connection's life.
    pub total_retrans: u32,
    /// The path MTU, in bytes.
    pub pmtu: u32,
    /// The least round-trip time seen recently, in microseconds
    /// (`SC_TCPI_HAVE_MIN_RTT`, Linux 4.6, with `notsent_bytes`).
    pub min_rtt_us: u32,
    /// Bytes written and not yet sent (`SC_TCPI_HAVE_MIN_RTT`).
    pub notsent_bytes: u32,
    /// Segments sent (`SC_TCPI_HAVE_SEGS`, Linux 4.2, with `segs_in`).
    pub segs_out: u32,
    /// Segments received (`SC_TCPI_HAVE_SEGS`).
    pub segs_in: u32,
    /// Segments delivered (`SC_TCPI_HAVE_DELIVERED`, Linux 4.18).
    pub delivered: u32,
    /// The peer's receive window, in bytes (`SC_TCPI_HAVE_SND_WND`, Linux
    /// 5.4).
    pub snd_wnd: u32,
    /// The pacing rate, in bytes per second (`SC_TCPI_HAVE_PACING_RATE`,
    /// Linux 3.15).
    pub pacing_rate: u64,
    /// Bytes the peer acknowledged; counts the SYN, so N bytes sent show as
    /// N + 1 (`SC_TCPI_HAVE_BYTES_ACKED`, Linux 4.1, with `bytes_received`).
    pub bytes_acked: u64,
    /// Bytes received in order (`SC_TCPI_HAVE_BYTES_ACKED`).
    pub bytes_received: u64,
    /// Bytes sent, retransmissions included (`SC_TCPI_HAVE_BYTES_SENT`,
    /// Linux 4.19, with `bytes_retrans`).
    pub bytes_sent: u64,
    /// Bytes retransmitted (`SC_TCPI_HAVE_BYTES_SENT`).
    pub bytes_retrans: u64,
    /// The most recent delivery rate, in bytes per second
    /// (`SC_TCPI_HAVE_DELIVERY_RATE`, Linux 4.9).
    pub delivery_rate: u64,
}

// No padding: the fields' sizes add up to the struct's, so its bytes can be
// copied as they are.
const _: () = assert!(size_of::<sc_tcp_info>() == 2 * 4 + 8 + 18 * 4 + 6 * 8);
const _: () = assert!(size_of::<sc_tcp_info>() == SC_TCP_INFO_MIN_SIZE);
const _: () = assert!(align_of::<sc_tcp_info>() == align_of::<u64>());

/// `pacing_rate` is filled (Linux 3.15).
pub const SC_TCPI_HAVE_PACING_RATE: u32 = 0x01;
/// `bytes_acked` and `bytes_received` are filled (Linux 4.1).
pub const SC_TCPI_HAVE_BYTES_ACKED: u32 = 0x02;
/// `segs_out` and `segs_in` are filled (Linux 4.2).
pub const SC_TCPI_HAVE_SEGS: u32 = 0x04;
/// `min_rtt_us` and `notsent_bytes` are filled (Linux 4.6).
pub const SC_TCPI_HAVE_MIN_RTT: u32 = 0x08;
/// `delivery_rate` and `delivery_rate_app_limited` are filled (Linux 4.9).
pub const SC_TCPI_HAVE_DELIVERY_RATE: u32 = 0x10;
/// `delivered` is filled (Linux 4.18).
pub const SC_TCPI_HAVE_DELIVERED: u32 = 0x20;
/// `bytes_sent` and `bytes_retrans` are filled (Linux 4.19).
pub const SC_TCPI_HAVE_BYTES_SENT: u32 = 0x40;
/// `snd_wnd` is filled (Linux 5.4).
pub const SC_TCPI_HAVE_SND_WND: u32 = 0x80;

/// Timestamps (RFC 7323) were negotiated.
pub const SC_TCPI_OPT_TIMESTAMPS: u8 = 1;
/// Selective acknowledgements.
pub const SC_TCPI_OPT_SACK: u8 = 2;
/// Window scaling: `snd_wscale` and `rcv_wscale` hold the shifts.
pub const SC_TCPI_OPT_WSCALE: u8 = 4;
/// ECN (explicit congestion notification) was negotiated.
pub const SC_TCPI_OPT_ECN: u8 = 8;
/// At least one ECN-capable packet was received.
pub const SC_TCPI_OPT_ECN_SEEN: u8 = 16;
/// The data in the SYN was acknowledged: on a client, Fast Open worked; on
/// an accepted socket, the connection came with Fast Open data.
pub const SC_TCPI_OPT_SYN_DATA: u8 = 32;
/// Microsecond timestamps (Linux 6.7).
pub const SC_TCPI_OPT_USEC_TS: u8 = 64;
/// The socket was created by Fast Open (Linux 6.16; prefer
/// `SC_TCPI_OPT_SYN_DATA`, which every kernel with Fast Open sets).
pub const SC_TCPI_OPT_TFO_CHILD: u8 = 128;

const _: () = assert!(TcpInfoOptions::TIMESTAMPS.bits() == SC_TCPI_OPT_TIMESTAMPS);
const _: () = assert!(TcpInfoOptions::SACK.bits() == SC_TCPI_OPT_SACK);
const _: () = assert!(TcpInfoOptions::WSCALE.bits() == SC_TCPI_OPT_WSCALE);
const _: () = assert!(TcpInfoOptions::ECN.bits() == SC_TCPI_OPT_ECN);
const _: () = assert!(TcpInfoOptions::ECN_SEEN.bits() == SC_TCPI_OPT_ECN_SEEN);
const _: () = assert!(TcpInfoOptions::SYN_DATA.bits() == SC_TCPI_OPT_SYN_DATA);
const _: () = assert!(TcpInfoOptions::USEC_TS.bits() == SC_TCPI_OPT_USEC_TS);
const _: () = assert!(TcpInfoOptions::TFO_CHILD.bits() == SC_TCPI_OPT_TFO_CHILD);

/// The size of the first `sc_tcp_info` (sockcore 0.1): the least
/// `sc_get_tcp_info` takes.
pub const SC_TCP_INFO_MIN_SIZE: usize = 136;

/// `getsockopt(IPPROTO_TCP, TCP_INFO)` into `*info`, which the caller
/// declared with this header: pass `sizeof *info` as `size`. One system
/// call; listening and unconnected TCP sockets answer too (`state` 10 and
/// 7).
///
/// Fills `min(size, sizeof(sc_tcp_info))` bytes, the library's size, and
/// zeroes the rest of `size`, so a program built with a newer header than
/// the library sees the fields the library does not know as 0, their
/// `valid` bits clear.
///
/// Returns 0, or `-EFAULT` for a NULL `info`, `-EINVAL` for a `size` below
/// `SC_TCP_INFO_MIN_SIZE` or over `SSIZE_MAX`, `-EOPNOTSUPP` for a socket
/// that is not TCP, `-ENOTSOCK`, `-EBADF`. `*info` is unchanged on error.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `info` NULL or writable for
/// `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_get_tcp_info(fd: c_int, info: *mut sc_tcp_info, size: size_t) -> c_int {
    // SAFETY: the caller's promise about info and size.
    let out = unsafe { args::buf_mut(info.cast(), size) };
    unit_return(out.and_then(|out| {
        if out.len() < SC_TCP_INFO_MIN_SIZE {
            return Err(Errno::EINVAL);
        }
        // SAFETY: the caller's promise about fd.
        let snapshot = unsafe { args::socket(fd) }.tcp_info()?;
        out.fill(0);
        fill(&snapshot, out);
        Ok(())
    }))
}

/// One field of `sc_tcp_info` copied from the kernel's `struct tcp_info`:
/// both offsets, the width they share, and the `SC_TCPI_HAVE_*` bit it
/// sets (0 for the fields every kernel fills).
#[derive(Clone, Copy)]
struct Field {
    from: u8,
    to: u8,
    width: u8,
    have: u8,
}

/// The width of a field that has the same type in `struct tcp_info` and in
/// `sc_tcp_info` (the closures, never called, name the two fields: a
/// different type does not compile).
const fn width<T>(_: fn(&libc::tcp_info) -> T, _: fn(&sc_tcp_info) -> T) -> u8 {
    size_of::<T>() as u8
}

/// `kernel_field => field (have bit)`, for [`FIELDS`].
macro_rules! fields {
    ($($from:ident => $to:ident ($have:expr)),* $(,)?) => {
        [$(Field {
            from: offset_of!(libc::tcp_info, $from) as u8,
            to: offset_of!(sc_tcp_info, $to) as u8,
            width: width(|info| info.$from, |info| info.$to),
            have: $have as u8,
        }),*]
    };
}

/// The fields copied as the kernel wrote them: the same unit (the times in
/// microseconds) and width. The window scales and the flag bits, which are
/// bit-fields in the kernel's struct, come from the core's accessors.
const FIELDS: [Field; 28] = fields![
    tcpi_state => state (0),
    tcpi_ca_state => ca_state (0),
    tcpi_retransmits => retransmits (0),
    tcpi_options => options (0),
    tcpi_rto => rto_us (0),
    tcpi_rtt => rtt_us (0),
    tcpi_rttvar => rttvar_us (0),
    tcpi_snd_mss => snd_mss (0),
    tcpi_rcv_mss => rcv_mss (0),
    tcpi_snd_cwnd => snd_cwnd (0),
    tcpi_snd_ssthresh => snd_ssthresh (0),
    tcpi_unacked => unacked (0),
    tcpi_lost => lost (0),
    tcpi_retrans => retrans (0),
    tcpi_total_retrans => total_retrans (0),
    tcpi_pmtu => pmtu (0),
    tcpi_pacing_rate => pacing_rate (SC_TCPI_HAVE_PACING_RATE),
    tcpi_bytes_acked => bytes_acked (SC_TCPI_HAVE_BYTES_ACKED),
    tcpi_bytes_received => bytes_received (SC_TCPI_HAVE_BYTES_ACKED),
    tcpi_segs_out => segs_out (SC_TCPI_HAVE_SEGS),
    tcpi_segs_in => segs_in (SC_TCPI_HAVE_SEGS),
    tcpi_notsent_bytes => notsent_bytes (SC_TCPI_HAVE_MIN_RTT),
    tcpi_min_rtt => min_rtt_us (SC_TCPI_HAVE_MIN_RTT),
    tcpi_delivery_rate => delivery_rate (SC_TCPI_HAVE_DELIVERY_RATE),
    tcpi_delivered => delivered (SC_TCPI_HAVE_DELIVERED),
    tcpi_bytes_sent => bytes_sent (SC_TCPI_HAVE_BYTES_SENT),
    tcpi_bytes_retrans => bytes_retrans (SC_TCPI_HAVE_BYTES_SENT),
    tcpi_snd_wnd => snd_wnd (SC_TCPI_HAVE_SND_WND),
];

/// The `SC_TCPI_HAVE_*` bits fit the table's byte.
const _: () = assert!(SC_TCPI_HAVE_SND_WND <= u8::MAX as u32);

/// Writes the snapshot into `out`, `sc_tcp_info`'s bytes (zero, and at
/// least [`SC_TCP_INFO_MIN_SIZE`] long): each field the kernel wrote whole,
/// with its `valid` bit.
#[inline(never)]
fn fill(info: &TcpInfo, out: &mut [u8]) {
    let kernel = info.as_bytes();
    let mut valid = 0u32;
    for field in &FIELDS {
        let (from, to, width) = (
            usize::from(field.from),
            usize::from(field.to),
            usize::from(field.width),
        );
        // Both in range when the kernel wrote the field (the offsets are
        // the structs'): the copy never panics; a field past what the
        // kernel wrote stays 0.
        if let (Some(source), Some(target)) =
            (kernel.get(from..from + width), out.get_mut(to..to + width))
        {
            target.copy_from_slice(source);
            valid |= u32::from(field.have);
        }
    }
    // At most the size of struct tcp_info.
    let kernel_len = kernel.len() as u32;
    let bytes = [
        (offset_of!(sc_tcp_info, snd_wscale), info.snd_wscale()),
        (offset_of!(sc_tcp_info, rcv_wscale), info.rcv_wscale()),
        (
            offset_of!(sc_tcp_info, fastopen_client_fail),
            info.fastopen_client_fail().0,
        ),
        (
            offset_of!(sc_tcp_info, delivery_rate_app_limited),
            u8::from(info.delivery_rate_app_limited() == Some(true)),
        ),
    ];
    let words = [
        (offset_of!(sc_tcp_info, valid), valid),
        (offset_of!(sc_tcp_info, kernel_len), kernel_len),
    ];
    for (offset, value) in bytes {
        if let Some(byte) = out.get_mut(offset) {
            *byte = value;
        }
    }
    for (offset, value) in words {
        if let Some(word) = out.get_mut(offset..offset + 4) {
            word.copy_from_slice(&value.to_ne_bytes());
        }
    }
}
