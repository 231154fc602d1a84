//! The typed control messages, byte for byte: each space function against
//! libc's `CMSG_SPACE` of the kernel's struct, each builder's header and
//! value, and the decoder on canned messages of every typed kind at their
//! exact size, cut short (never decoded), too long and out of range (passed
//! through). Sizes come from the target's `size_of`, so on 32-bit ARM and
//! musl (under `.ci/cross`) the same tests check those layouts.

use std::mem::{size_of, MaybeUninit};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use sockcore::{
    cmsg_len, cmsg_space_for_all_received, cmsg_space_for_dontfrag, cmsg_space_for_drop_count,
    cmsg_space_for_extended_error_v4, cmsg_space_for_extended_error_v6, cmsg_space_for_gro_segment,
    cmsg_space_for_hop_limit, cmsg_space_for_original_destination_v4,
    cmsg_space_for_original_destination_v6, cmsg_space_for_packet_info_v4,
    cmsg_space_for_packet_info_v6, cmsg_space_for_timestamp, cmsg_space_for_timestamping,
    cmsg_space_for_tos, cmsg_space_for_tx_timestamp, cmsg_space_for_udp_segment, CmsgBuffer,
    CmsgBuilder, CmsgKind, Cmsgs, ControlMessage, Ecn, Errno, ErrorOrigin, ExtendedError,
    PacketInfo, SocketAddr, Timestamp, TimestampingFlags, Tos,
};

/// The kernel's numbers the libc crate lacks (include/uapi/asm-generic/
/// socket.h): test data, written out.
const SCM_TIMESTAMP_OLD: i32 = 29;
const SCM_TIMESTAMPNS_OLD: i32 = 35;
const SCM_TIMESTAMPING_OLD: i32 = 37;
const SCM_TIMESTAMP_NEW: i32 = 63;
const SCM_TIMESTAMPNS_NEW: i32 = 64;
const SCM_TIMESTAMPING_NEW: i32 = 65;

/// `CMSG_SPACE(n)` from libc.
fn libc_space(n: usize) -> usize {
    // SAFETY: CMSG_SPACE only computes on its argument.
    unsafe { libc::CMSG_SPACE(n as u32) as usize }
}

#[test]
fn space_functions_match_libc() {
    let int = size_of::<libc::c_int>();
    let ee = size_of::<libc::sock_extended_err>();
    let (sin, sin6) = (
        size_of::<libc::sockaddr_in>(),
        size_of::<libc::sockaddr_in6>(),
    );
    let table = [
        ("udp_segment", cmsg_space_for_udp_segment(), libc_space(2)),
        ("gro_segment", cmsg_space_for_gro_segment(), libc_space(int)),
        (
            "packet_info_v4",
            cmsg_space_for_packet_info_v4(),
            libc_space(size_of::<libc::in_pktinfo>()),
        ),
        (
            "packet_info_v6",
            cmsg_space_for_packet_info_v6(),
            libc_space(size_of::<libc::in6_pktinfo>()),
        ),
        ("tos", cmsg_space_for_tos(), libc_space(int)),
        ("hop_limit", cmsg_space_for_hop_limit(), libc_space(int)),
        ("dontfrag", cmsg_space_for_dontfrag(), libc_space(int)),
        ("tx_timestamp", cmsg_space_for_tx_timestamp(), libc_space(4)),
        // struct __kernel_timespec: two __s64 on every target.
        ("timestamp", cmsg_space_for_timestamp(), libc_space(16)),
        (
            "timestamping",
            cmsg_space_for_timestamping(),
            libc_space(48),
        ),
        (
            "extended_error_v4",
            cmsg_space_for_extended_error_v4(),
            libc_space(ee + sin),
        ),
        (
            "extended_error_v6",
            cmsg_space_for_extended_error_v6(),
            libc_space(ee + sin6),
        ),
        (
            "original_destination_v4",
            cmsg_space_for_original_destination_v4(),
            libc_space(sin),
        ),
        (
            "original_destination_v6",
            cmsg_space_for_original_destination_v6(),
            libc_space(sin6),
        ),
        ("drop_count", cmsg_space_for_drop_count(), libc_space(4)),
    ];
    for (name, ours, libc) in table {
        assert_eq!(ours, libc, "cmsg_space_for_{name}");
    }
    // The old timestamp forms fit the space of the new one.
    assert!(cmsg_space_for_timestamp() >= libc_space(2 * size_of::<libc::c_long>()));
    // Every receive kind: timestamp, timestamping, drops, GRO, both packet
    // infos, TOS (one byte) and traffic class, TTL and hop limit, both
    // original destinations and both error entries.
    let all = libc_space(16)
        + libc_space(48)
        + libc_space(4)
        + libc_space(int)
        + libc_space(12)
        + libc_space(20)
        + libc_space(1)
        + 3 * libc_space(int)
        + libc_space(sin)
        + libc_space(sin6)
        + libc_space(ee + sin)
        + libc_space(ee + sin6);
    assert_eq!(cmsg_space_for_all_received(), all);
    let expected = if cfg!(target_pointer_width = "64") {
        504
    } else {
        408
    };
    assert_eq!(cmsg_space_for_all_received(), expected);
    // Usable as an array length.
    let buffer = CmsgBuffer::<{ cmsg_space_for_all_received() }>::new();
    assert_eq!(buffer.len(), expected);
}

/// The one message in `bytes`: (level, type, cmsg_len, data).
fn only_message(bytes: &[u8]) -> (i32, i32, usize, Vec<u8>) {
    assert!(bytes.len() >= cmsg_len(0));
    // SAFETY: at least a header's bytes; read_unaligned needs no alignment.
    let header: libc::cmsghdr = unsafe { bytes.as_ptr().cast::<libc::cmsghdr>().read_unaligned() };
    #[allow(clippy::unnecessary_cast)] // size_t on glibc, socklen_t on musl
    let len = header.cmsg_len as usize;
    assert_eq!(
        bytes.len(),
        libc_space(len - cmsg_len(0)),
        "one message only"
    );
    let data = bytes[cmsg_len(0)..len].to_vec();
    (header.cmsg_level, header.cmsg_type, len, data)
}

/// Runs `push` on a fresh builder and returns what it wrote.
fn built(push: impl FnOnce(&mut CmsgBuilder<'_>) -> sockcore::Result<()>) -> Vec<u8> {
    let mut space = CmsgBuffer::<128>::new();
    let mut builder = CmsgBuilder::new(&mut space);
    push(&mut builder).expect("push");
    builder.finish().to_vec()
}

fn int(value: i32) -> Vec<u8> {
    value.to_ne_bytes().to_vec()
}

#[test]
fn builders_write_each_kind_at_its_size() {
    let v4 = SocketAddr::v4([127, 0, 0, 2], 4433);
    let v6 = SocketAddr::v6(Ipv6Addr::LOCALHOST.octets(), 4433, 0, 0);
    let mapped = SocketAddr::v6(
        Ipv4Addr::new(127, 0, 0, 2).to_ipv6_mapped().octets(),
        1,
        0,
        0,
    );
    let ect0_ef = Tos::new(46, Ecn::Ect0);
    // (what, the bytes written, the level, type and data expected)
    type Row<'a> = (&'a str, Vec<u8>, (i32, i32, Vec<u8>));
    let table: Vec<Row<'_>> = vec![
        (
            "udp_segment",
            built(|b| b.push_udp_segment(1200)),
            (
                libc::SOL_UDP,
                libc::UDP_SEGMENT,
                1200u16.to_ne_bytes().to_vec(),
            ),
        ),
        (
            "source v4",
            built(|b| b.push_source(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)), 7)),
            (
                libc::IPPROTO_IP,
                libc::IP_PKTINFO,
                [int(7), vec![127, 0, 0, 2], vec![0; 4]].concat(),
            ),
        ),
        (
            "source v6",
            built(|b| b.push_source(IpAddr::V6(Ipv6Addr::LOCALHOST), 3)),
            (
                libc::IPPROTO_IPV6,
                libc::IPV6_PKTINFO,
                [
                    Ipv6Addr::LOCALHOST.octets().to_vec(),
                    3u32.to_ne_bytes().to_vec(),
                ]
                .concat(),
            ),
        ),
        (
            "tos v4",
            built(|b| b.push_tos_for(&v4, ect0_ef)),
            (libc::IPPROTO_IP, libc::IP_TOS, int(0xba)),
        ),
        (
            "tos mapped",
            built(|b| b.push_tos_for(&mapped, Tos::new(0, Ecn::Ce))),
            (libc::IPPROTO_IP, libc::IP_TOS, int(3)),
        ),
        (
            "traffic class v6",
            built(|b| b.push_tos_for(&v6, Tos::new(0, Ecn::Ect1))),
            (libc::IPPROTO_IPV6, libc::IPV6_TCLASS, int(1)),
        ),
        (
            "ttl v4",
            built(|b| b.push_hop_limit_for(&v4, 7)),
            (libc::IPPROTO_IP, libc::IP_TTL, int(7)),
        ),
        (
            "ttl mapped",
            built(|b| b.push_hop_limit_for(&mapped, 9)),
            (libc::IPPROTO_IP, libc::IP_TTL, int(9)),
        ),
        (
            "hop limit v6",
            built(|b| b.push_hop_limit_for(&v6, 255)),
            (libc::IPPROTO_IPV6, libc::IPV6_HOPLIMIT, int(255)),
        ),
        (
            "dontfrag",
            built(|b| b.push_dontfrag(true)),
            (libc::IPPROTO_IPV6, libc::IPV6_DONTFRAG, int(1)),
        ),
        (
            "tx timestamp",
            built(|b| b.push_tx_timestamp(TimestampingFlags::TX_SOFTWARE)),
            (
                libc::SOL_SOCKET,
                SCM_TIMESTAMPING_OLD,
                libc::SOF_TIMESTAMPING_TX_SOFTWARE.to_ne_bytes().to_vec(),
            ),
        ),
    ];
    for (name, bytes, (level, ty, data)) in table {
        let (got_level, got_ty, len, got_data) = only_message(&bytes);
        assert_eq!((got_level, got_ty), (level, ty), "{name}: level and type");
        assert_eq!(len, cmsg_len(data.len()), "{name}: cmsg_len");
        assert_eq!(got_data, data, "{name}: data");
    }
    // UDP_SEGMENT is 2 bytes on the wire of the API, never an int.
    assert_eq!(
        only_message(&built(|b| b.push_udp_segment(1))).2,
        cmsg_len(2)
    );
}

#[test]
fn builders_refuse_bad_values_and_leave_no_bytes() {
    let unix = SocketAddr::unix_abstract(b"sockcore-typed-layout").unwrap();
    let mut space = CmsgBuffer::<64>::new();
    let mut builder = CmsgBuilder::new(&mut space);
    assert_eq!(builder.push_udp_segment(0), Err(Errno::EINVAL));
    assert_eq!(
        builder.push_tos_for(&unix, Tos(2)),
        Err(Errno::EAFNOSUPPORT)
    );
    assert_eq!(
        builder.push_hop_limit_for(&SocketAddr::empty(), 1),
        Err(Errno::EAFNOSUPPORT)
    );
    assert_eq!(
        builder.push_tx_timestamp(TimestampingFlags::SOFTWARE),
        Err(Errno::EINVAL)
    );
    assert_eq!(
        builder.push_tx_timestamp(TimestampingFlags::TX_SOFTWARE | TimestampingFlags::OPT_ID),
        Err(Errno::EINVAL)
    );
    assert!(builder.is_empty());
    // Room for exactly one int-sized message, then ENOSPC with nothing written.
    let mut small = vec![MaybeUninit::<u8>::uninit(); cmsg_space_for_tos()];
    let mut builder = CmsgBuilder::new(&mut small);
    builder.push_dontfrag(false).expect("fits exactly");
    let before = builder.len();
    let v4 = SocketAddr::v4([127, 0, 0, 1], 1);
    assert_eq!(builder.push_tos_for(&v4, Tos(0)), Err(Errno::ENOSPC));
    assert_eq!(builder.push_udp_segment(1200), Err(Errno::ENOSPC));
    assert_eq!(
        builder.push_source(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
        Err(Errno::ENOSPC)
    );
    assert_eq!(builder.len(), before);
    // Every TX recording flag is accepted.
    let mut space = CmsgBuffer::<64>::new();
    let mut builder = CmsgBuilder::new(&mut space);
    builder
        .push_tx_timestamp(TimestampingFlags::TX_RECORD)
        .expect("TX_RECORD");
}

#[test]
fn tos_and_ecn_values() {
    assert_eq!(Tos::new(46, Ecn::Ect0), Tos(0xba));
    assert_eq!(Tos(0xbb).dscp(), 46);
    assert_eq!(Tos(0xbb).ecn(), Ecn::Ce);
    assert_eq!(Tos(0xb8).with_ecn(Ecn::Ect1), Tos(0xb9));
    // The two high bits of a DSCP are not part of it.
    assert_eq!(Tos::new(0xff, Ecn::NotEct), Tos(0xfc));
    for (bits, ecn) in [
        (0, Ecn::NotEct),
        (1, Ecn::Ect1),
        (2, Ecn::Ect0),
        (3, Ecn::Ce),
    ] {
        assert_eq!(Ecn::from_tos(0xa8 | bits), ecn);
        assert_eq!(ecn as u8, bits);
    }
    let stamp = Timestamp {
        sec: 1_700_000_000,
        nsec: 5,
    };
    assert_eq!(stamp.as_nanos(), 1_700_000_000_000_000_005);
    assert_eq!(
        stamp.since_epoch(),
        Some(std::time::Duration::new(1_700_000_000, 5))
    );
    assert_eq!(Timestamp { sec: -1, nsec: 0 }.since_epoch(), None);
}

/// What the decoder makes of one message.
fn decoded(level: i32, ty: i32, data: &[u8]) -> String {
    let bytes = built(|b| b.push(level, ty, data));
    let mut messages = Cmsgs::new(&bytes);
    let message = messages.next().expect("one message");
    assert!(messages.next().is_none());
    format!("{message:?}")
}

/// Asserts that `data` (of its kind's exact size) decodes to `expected`,
/// that every shorter prefix is `Truncated` as `kind`, and that one byte
/// more is passed through as `Other`.
fn check_row(level: i32, ty: i32, kind: CmsgKind, data: &[u8], expected: &ControlMessage<'_>) {
    assert_eq!(decoded(level, ty, data), format!("{expected:?}"));
    for cut in 0..data.len() {
        let bytes = built(|b| b.push(level, ty, &data[..cut]));
        match Cmsgs::new(&bytes).next() {
            Some(ControlMessage::Truncated {
                kind: got,
                level: l,
                ty: t,
                data: d,
            }) => {
                assert_eq!((got, l, t, d), (kind, level, ty, &data[..cut]));
            }
            other => panic!("{kind:?} cut to {cut} bytes: {other:?}"),
        }
        assert!(Cmsgs::new(&bytes).has_truncated());
    }
    let longer = [data, &[0]].concat();
    assert!(
        decoded(level, ty, &longer).starts_with("Other"),
        "{kind:?} one byte longer"
    );
}

/// A decoded value of `data` that must be passed through as `Other`.
fn check_out_of_range(level: i32, ty: i32, data: &[u8]) {
    assert!(
        decoded(level, ty, data).starts_with("Other"),
        "{level}/{ty} {data:?} must pass through"
    );
}

/// Two native `long`s: the kernel's old timespec and timeval.
fn old_pair(a: i64, b: i64) -> Vec<u8> {
    let (a, b) = (a as libc::c_long, b as libc::c_long);
    [a.to_ne_bytes(), b.to_ne_bytes()].concat()
}

fn new_pair(a: i64, b: i64) -> Vec<u8> {
    [a.to_ne_bytes(), b.to_ne_bytes()].concat()
}

/// A `sockaddr_in` in bytes, family first.
fn sockaddr_in(ip: [u8; 4], port: u16) -> Vec<u8> {
    let mut bytes = vec![0u8; size_of::<libc::sockaddr_in>()];
    bytes[..2].copy_from_slice(&(libc::AF_INET as u16).to_ne_bytes());
    bytes[2..4].copy_from_slice(&port.to_be_bytes());
    bytes[4..8].copy_from_slice(&ip);
    bytes
}

/// A `sockaddr_in6` in bytes, family first.
fn sockaddr_in6(ip: Ipv6Addr, port: u16) -> Vec<u8> {
    let mut bytes = vec![0u8; size_of::<libc::sockaddr_in6>()];
    bytes[..2].copy_from_slice(&(libc::AF_INET6 as u16).to_ne_bytes());
    bytes[2..4].copy_from_slice(&port.to_be_bytes());
    bytes[8..24].copy_from_slice(&ip.octets());
    bytes
}

/// A `sock_extended_err` in bytes.
fn extended_err(errno: i32, origin: u8, ty: u8, code: u8, info: u32, data: u32) -> Vec<u8> {
    [
        &(errno as u32).to_ne_bytes()[..],
        &[origin, ty, code, 0],
        &info.to_ne_bytes(),
        &data.to_ne_bytes(),
    ]
    .concat()
}

#[test]
fn decoder_reads_every_kind_at_its_exact_size() {
    use ControlMessage as M;
    let stamp = Timestamp {
        sec: 1_796_532_340,
        nsec: 293_157_900,
    };
    let udp = (libc::SOL_UDP, libc::UDP_GRO);
    check_row(
        udp.0,
        udp.1,
        CmsgKind::GroSegment,
        &int(1200),
        &M::GroSegment(1200),
    );
    check_out_of_range(udp.0, udp.1, &int(0));
    check_out_of_range(udp.0, udp.1, &int(65_536));

    let pktinfo = [int(1), vec![127, 0, 0, 2], vec![127, 0, 0, 3]].concat();
    assert_eq!(pktinfo.len(), size_of::<libc::in_pktinfo>());
    check_row(
        libc::IPPROTO_IP,
        libc::IP_PKTINFO,
        CmsgKind::PacketInfo,
        &pktinfo,
        &M::PacketInfo(PacketInfo {
            destination: IpAddr::V4(Ipv4Addr::new(127, 0, 0, 3)),
            local: IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)),
            ifindex: 1,
        }),
    );
    let pktinfo6 = [
        Ipv6Addr::LOCALHOST.octets().to_vec(),
        1u32.to_ne_bytes().to_vec(),
    ]
    .concat();
    assert_eq!(pktinfo6.len(), size_of::<libc::in6_pktinfo>());
    check_row(
        libc::IPPROTO_IPV6,
        libc::IPV6_PKTINFO,
        CmsgKind::PacketInfo,
        &pktinfo6,
        &M::PacketInfo(PacketInfo {
            destination: IpAddr::V6(Ipv6Addr::LOCALHOST),
            local: IpAddr::V6(Ipv6Addr::LOCALHOST),
            ifindex: 1,
        }),
    );

    // Received IP_TOS is one byte; an int there is not the kernel's.
    check_row(
        libc::IPPROTO_IP,
        libc::IP_TOS,
        CmsgKind::Tos,
        &[0xba],
        &M::Tos(Tos(0xba)),
    );
    check_row(
        libc::IPPROTO_IPV6,
        libc::IPV6_TCLASS,
        CmsgKind::Tos,
        &int(3),
        &M::Tos(Tos(3)),
    );
    check_out_of_range(libc::IPPROTO_IPV6, libc::IPV6_TCLASS, &int(-1));
    check_out_of_range(libc::IPPROTO_IPV6, libc::IPV6_TCLASS, &int(256));
    check_row(
        libc::IPPROTO_IP,
        libc::IP_TTL,
        CmsgKind::HopLimit,
        &int(64),
        &M::HopLimit(64),
    );
    check_out_of_range(libc::IPPROTO_IP, libc::IP_TTL, &int(0));
    check_out_of_range(libc::IPPROTO_IP, libc::IP_TTL, &int(256));
    check_row(
        libc::IPPROTO_IPV6,
        libc::IPV6_HOPLIMIT,
        CmsgKind::HopLimit,
        &int(0),
        &M::HopLimit(0),
    );

    // Timestamps: the 64-bit forms everywhere, the old ones in longs.
    let ns = i64::from(stamp.nsec);
    let sol = libc::SOL_SOCKET;
    let kind = CmsgKind::Timestamp;
    check_row(
        sol,
        SCM_TIMESTAMPNS_NEW,
        kind,
        &new_pair(stamp.sec, ns),
        &M::Timestamp(stamp),
    );
    check_row(
        sol,
        SCM_TIMESTAMPNS_OLD,
        kind,
        &old_pair(stamp.sec, ns),
        &M::Timestamp(stamp),
    );
    let micro = Timestamp {
        sec: stamp.sec,
        nsec: 293_157_000,
    };
    check_row(
        sol,
        SCM_TIMESTAMP_NEW,
        kind,
        &new_pair(stamp.sec, 293_157),
        &M::Timestamp(micro),
    );
    check_row(
        sol,
        SCM_TIMESTAMP_OLD,
        kind,
        &old_pair(stamp.sec, 293_157),
        &M::Timestamp(micro),
    );
    check_out_of_range(sol, SCM_TIMESTAMPNS_NEW, &new_pair(1, 1_000_000_000));
    check_out_of_range(sol, SCM_TIMESTAMPNS_NEW, &new_pair(1, -1));
    check_out_of_range(sol, SCM_TIMESTAMP_OLD, &old_pair(1, 1_000_000));
    let three_new = [new_pair(stamp.sec, ns), new_pair(0, 0), new_pair(0, 0)].concat();
    let three_old = [old_pair(stamp.sec, ns), old_pair(0, 0), old_pair(7, 8)].concat();
    let software = sockcore::Timestamping {
        software: Some(stamp),
        hardware: None,
    };
    let both = sockcore::Timestamping {
        software: Some(stamp),
        hardware: Some(Timestamp { sec: 7, nsec: 8 }),
    };
    let kind = CmsgKind::Timestamping;
    check_row(
        sol,
        SCM_TIMESTAMPING_NEW,
        kind,
        &three_new,
        &M::Timestamping(software),
    );
    check_row(
        sol,
        SCM_TIMESTAMPING_OLD,
        kind,
        &three_old,
        &M::Timestamping(both),
    );
    let bad_stamp = [new_pair(1, 2_000_000_000), new_pair(0, 0), new_pair(0, 0)].concat();
    check_out_of_range(sol, SCM_TIMESTAMPING_NEW, &bad_stamp);

    // Error-queue entries: with an offender, and with none (family 0).
    let refused = extended_err(libc::ECONNREFUSED, 2, 3, 3, 0, 0);
    let error_v4 = ExtendedError {
        errno: Errno::ECONNREFUSED,
        origin: ErrorOrigin::Icmp,
        ty: 3,
        code: 3,
        info: 0,
        data: 0,
        offender: Some(SocketAddr::v4([127, 0, 0, 1], 0)),
    };
    let kind = CmsgKind::ExtendedError;
    let with_offender = [refused.clone(), sockaddr_in([127, 0, 0, 1], 0)].concat();
    check_row(
        libc::IPPROTO_IP,
        libc::IP_RECVERR,
        kind,
        &with_offender,
        &M::ExtendedError(error_v4),
    );
    let stamp_entry = [
        extended_err(libc::ENOMSG, 4, 0, 0, 1, 2),
        vec![0; size_of::<libc::sockaddr_in>()],
    ]
    .concat();
    let tx_entry = ExtendedError {
        errno: Errno::ENOMSG,
        origin: ErrorOrigin::Timestamping,
        ty: 0,
        code: 0,
        info: sockcore::SCM_TSTAMP_SCHED,
        data: 2,
        offender: None,
    };
    check_row(
        libc::IPPROTO_IP,
        libc::IP_RECVERR,
        kind,
        &stamp_entry,
        &M::ExtendedError(tx_entry),
    );
    let too_big = [
        extended_err(libc::EMSGSIZE, 3, 2, 0, 1280, 0),
        sockaddr_in6(Ipv6Addr::LOCALHOST, 0),
    ]
    .concat();
    let error_v6 = ExtendedError {
        errno: Errno::EMSGSIZE,
        origin: ErrorOrigin::Icmp6,
        ty: 2,
        code: 0,
        info: 1280,
        data: 0,
        offender: Some(SocketAddr::v6(Ipv6Addr::LOCALHOST.octets(), 0, 0, 0)),
    };
    assert_eq!(error_v6.mtu(), Some(1280));
    assert_eq!(error_v4.mtu(), None);
    check_row(
        libc::IPPROTO_IPV6,
        libc::IPV6_RECVERR,
        kind,
        &too_big,
        &M::ExtendedError(error_v6),
    );
    // The decoding a zero-copy reader builds on, on its own.
    let zerocopy = ExtendedError::from_bytes(&extended_err(0, 5, 0, 1, 10, 19)).unwrap();
    assert_eq!(zerocopy.origin, ErrorOrigin::ZeroCopy);
    assert_eq!((zerocopy.info, zerocopy.data, zerocopy.code), (10, 19, 1));
    assert_eq!(zerocopy.offender, None);
    assert_eq!(ExtendedError::from_bytes(&refused[..15]), None);
    assert_eq!(ErrorOrigin::from_raw(9), ErrorOrigin::Other(9));
    assert_eq!(ErrorOrigin::Other(9).raw(), 9);

    let kind = CmsgKind::OriginalDestination;
    let dst = sockaddr_in([127, 0, 0, 2], 5000);
    let dst_addr = SocketAddr::v4([127, 0, 0, 2], 5000);
    check_row(
        libc::IPPROTO_IP,
        libc::IP_ORIGDSTADDR,
        kind,
        &dst,
        &M::OriginalDestination(dst_addr),
    );
    let dst6 = sockaddr_in6(Ipv6Addr::LOCALHOST, 5001);
    let dst6_addr = SocketAddr::v6(Ipv6Addr::LOCALHOST.octets(), 5001, 0, 0);
    check_row(
        libc::IPPROTO_IPV6,
        libc::IPV6_ORIGDSTADDR,
        kind,
        &dst6,
        &M::OriginalDestination(dst6_addr),
    );
    // A family that is not the level's passes through.
    let mut wrong = dst.clone();
    wrong[..2].copy_from_slice(&(libc::AF_UNIX as u16).to_ne_bytes());
    check_out_of_range(libc::IPPROTO_IP, libc::IP_ORIGDSTADDR, &wrong);

    check_row(
        sol,
        libc::SO_RXQ_OVFL,
        CmsgKind::DropCount,
        &99u32.to_ne_bytes(),
        &M::DropCount(99),
    );
}

#[test]
fn finders_take_the_first_whole_message_of_each_kind() {
    let mut space = CmsgBuffer::<{ cmsg_space_for_all_received() }>::new();
    let mut builder = CmsgBuilder::new(&mut space);
    builder
        .push(libc::SOL_SOCKET, SCM_TIMESTAMPNS_NEW, &new_pair(5, 6))
        .unwrap();
    builder
        .push(libc::SOL_SOCKET, libc::SO_RXQ_OVFL, &3u32.to_ne_bytes())
        .unwrap();
    builder
        .push(libc::SOL_UDP, libc::UDP_GRO, &int(1350))
        .unwrap();
    builder
        .push(
            libc::IPPROTO_IP,
            libc::IP_PKTINFO,
            &[int(1), vec![127, 0, 0, 2], vec![127, 0, 0, 2]].concat(),
        )
        .unwrap();
    builder
        .push(libc::IPPROTO_IP, libc::IP_TTL, &int(63))
        .unwrap();
    builder.push(libc::IPPROTO_IP, libc::IP_TOS, &[2]).unwrap();
    builder.push(libc::IPPROTO_IP, libc::IP_TOS, &[3]).unwrap();
    // A message cut short: its kind is present but has no value.
    builder
        .push(libc::IPPROTO_IP, libc::IP_ORIGDSTADDR, &[2, 0, 1])
        .unwrap();
    let bytes = builder.finish();
    let messages = Cmsgs::new(bytes);
    assert_eq!(messages.timestamp(), Some(Timestamp { sec: 5, nsec: 6 }));
    assert_eq!(messages.drop_count(), Some(3));
    assert_eq!(messages.gro_segment(), Some(1350));
    assert_eq!(
        messages.packet_info().map(|info| info.local),
        Some(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)))
    );
    assert_eq!(messages.hop_limit(), Some(63));
    assert_eq!(messages.tos(), Some(Tos(2)), "the first of two");
    assert_eq!(messages.original_destination(), None, "cut: no value");
    assert!(matches!(
        messages.first(CmsgKind::OriginalDestination),
        Some(ControlMessage::Truncated { .. })
    ));
    assert!(messages.has_truncated());
    assert_eq!(messages.timestamping(), None);
    assert_eq!(messages.extended_error(), None);
    assert_eq!(messages.first(CmsgKind::ExtendedError).map(|_| ()), None);
    // Kinds of the pass-through variants.
    let other = built(|b| b.push(libc::SOL_SOCKET, 9999, &[1]));
    assert_eq!(Cmsgs::new(&other).next().unwrap().kind(), None);
    assert!(!Cmsgs::new(&other).has_truncated());
}
