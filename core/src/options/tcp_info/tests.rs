//! `TcpInfo` read by the length an older kernel returns: every field past
//! that length is `None`, every field within it is there.

use core::mem::size_of;

use super::*;

/// Bytes of a `struct tcp_info` with every field non-zero, of which a
/// kernel wrote the first `len` (the rest zero, as the caller's buffer
/// starts).
fn filled(len: usize) -> TcpInfo {
    let mut bytes = [0u8; size_of::<libc::tcp_info>()];
    for (i, byte) in bytes.iter_mut().enumerate().take(len) {
        *byte = (i % 251) as u8 + 1;
    }
    TcpInfo::from_kernel(&bytes, len)
}

#[test]
fn linux_2_6_18_has_the_base_fields_only() {
    let info = filled(104);
    assert_eq!(info.kernel_len(), 104);
    assert_ne!(info.total_retrans(), 0);
    assert_eq!(info.pacing_rate(), None);
    assert_eq!(info.bytes_acked(), None);
    assert_eq!(info.delivery_rate_app_limited(), None);
}

#[test]
fn linux_4_1_adds_bytes_acked_and_received() {
    let info = filled(136);
    assert!(info.pacing_rate().is_some());
    assert!(info.bytes_acked().is_some());
    assert!(info.bytes_received().is_some());
    assert_eq!(info.segs_out(), None);
}

#[test]
fn linux_4_9_adds_the_delivery_rate() {
    let info = filled(168);
    assert!(info.min_rtt().is_some());
    assert!(info.delivery_rate().is_some());
    assert!(info.delivery_rate_app_limited().is_some());
    assert_eq!(info.busy_time(), None);
}

#[test]
fn linux_5_4_has_every_field_read() {
    let info = filled(232);
    assert!(info.delivered().is_some());
    assert!(info.bytes_retrans().is_some());
    assert!(info.rcv_ooopack().is_some());
    assert!(info.snd_wnd().is_some());
}

#[test]
fn a_field_cut_short_is_absent() {
    // One byte short of tcpi_snd_wnd's end.
    assert_eq!(filled(231).snd_wnd(), None);
    assert!(filled(231).rcv_ooopack().is_some());
}

#[test]
fn nothing_filled_reads_zero() {
    let info = filled(0);
    assert_eq!(info.kernel_len(), 0);
    assert_eq!(info.state(), TcpState(0));
    assert_eq!(info.rtt(), Duration::ZERO);
    assert_eq!(info.snd_cwnd(), 0);
    assert_eq!(info.fastopen_client_fail(), FastOpenClientFail::UNSPECIFIED);
    assert_eq!(info.pacing_rate(), None);
}

#[test]
fn bit_fields_in_bytes_6_and_7() {
    let mut bytes = [0u8; size_of::<libc::tcp_info>()];
    // snd_wscale 7 in the low nibble, rcv_wscale 10 in the high one; the
    // delivery rate app-limited, and Fast Open's "data not acked" (2).
    bytes[6] = 0xa7;
    bytes[7] = 0b101;
    let info = TcpInfo::from_kernel(&bytes, 232);
    assert_eq!((info.snd_wscale(), info.rcv_wscale()), (7, 10));
    assert_eq!(info.delivery_rate_app_limited(), Some(true));
    assert_eq!(
        info.fastopen_client_fail(),
        FastOpenClientFail::DATA_NOT_ACKED
    );
}

#[test]
fn names_and_debug() {
    assert_eq!(TcpState::ESTABLISHED.name(), Some("ESTABLISHED"));
    assert_eq!(TcpState(99).name(), None);
    assert_eq!(
        std::format!("{:?} {:?}", TcpState::LISTEN, TcpState(99)),
        "LISTEN TCP_STATE?(99)"
    );
    assert_eq!(std::format!("{:?}", TcpCaState::LOSS), "LOSS");
    assert_eq!(
        std::format!("{:?}", FastOpenClientFail::COOKIE_UNAVAILABLE),
        "COOKIE_UNAVAILABLE"
    );
}

#[test]
fn fields_are_read_at_the_structs_offsets() {
    let info = filled(232);
    // The same bytes read as libc's struct, field by field.
    let mut bytes = [0u8; size_of::<libc::tcp_info>()];
    bytes[..232].copy_from_slice(info.as_bytes());
    // SAFETY: as many bytes as the struct, any bits a valid value.
    let raw: libc::tcp_info = unsafe { bytes.as_ptr().cast::<libc::tcp_info>().read_unaligned() };
    assert_eq!(info.state().0, raw.tcpi_state);
    assert_eq!(info.options().bits(), raw.tcpi_options);
    assert_eq!(info.rtt(), Duration::from_micros(raw.tcpi_rtt.into()));
    assert_eq!(info.snd_cwnd(), raw.tcpi_snd_cwnd);
    assert_eq!(info.total_retrans(), raw.tcpi_total_retrans);
    assert_eq!(info.pacing_rate(), Some(raw.tcpi_pacing_rate));
    assert_eq!(info.bytes_received(), Some(raw.tcpi_bytes_received));
    assert_eq!(
        info.busy_time(),
        Some(Duration::from_micros(raw.tcpi_busy_time))
    );
    assert_eq!(info.snd_wnd(), Some(raw.tcpi_snd_wnd));
}

#[test]
fn as_bytes_is_what_the_kernel_wrote() {
    assert_eq!(filled(0).as_bytes(), &[] as &[u8]);
    let info = filled(104);
    assert_eq!(info.as_bytes().len(), 104);
    assert_eq!(info.as_bytes()[0], 1);
    assert_eq!(info.as_bytes()[103], 104);
    assert_eq!(filled(232).as_bytes().len(), 232);
    // A newer kernel's longer struct: as much as the libc crate's has.
    let longest = filled(4096);
    assert_eq!(longest.kernel_len(), size_of::<libc::tcp_info>());
    assert_eq!(longest.as_bytes().len(), size_of::<libc::tcp_info>());
}
