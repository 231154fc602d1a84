//! Control-message layout: the space functions against libc's `CMSG_*`
//! macros, the aligned buffer, the builder's bytes, and the parser's
//! behaviour on well-formed and arbitrary bytes.

use std::mem::{align_of, size_of, MaybeUninit};

use sockcore::{
    cmsg_len, cmsg_space, cmsg_space_for_creds, cmsg_space_for_fds, CmsgBuffer, CmsgBuilder, Cmsgs,
    ControlMessage, Credentials, Errno, SCM_MAX_FD,
};

#[test]
fn space_matches_libc_macros() {
    for data_len in 0..=300u32 {
        // SAFETY: CMSG_SPACE and CMSG_LEN only compute on their argument.
        let (space, len) = unsafe { (libc::CMSG_SPACE(data_len), libc::CMSG_LEN(data_len)) };
        assert_eq!(
            cmsg_space(data_len as usize),
            space as usize,
            "space {data_len}"
        );
        assert_eq!(cmsg_len(data_len as usize), len as usize, "len {data_len}");
    }
    for fds in [0u32, 1, 2, 3, 7, 64, 253, 254] {
        let bytes = fds * size_of::<libc::c_int>() as u32;
        // SAFETY: as above.
        let space = unsafe { libc::CMSG_SPACE(bytes) } as usize;
        assert_eq!(cmsg_space_for_fds(fds as usize), space, "{fds} fds");
    }
    // SAFETY: as above.
    let creds = unsafe { libc::CMSG_SPACE(size_of::<libc::ucred>() as u32) } as usize;
    assert_eq!(cmsg_space_for_creds(), creds);
    // Saturating, never overflowing, for absurd requests.
    assert_eq!(cmsg_space_for_fds(usize::MAX), cmsg_space(usize::MAX));
}

#[test]
fn space_is_usable_in_const_contexts() {
    const TWO_FDS: usize = cmsg_space_for_fds(2);
    let buffer = CmsgBuffer::<{ cmsg_space_for_fds(2) + cmsg_space_for_creds() }>::new();
    assert_eq!(buffer.len(), TWO_FDS + cmsg_space_for_creds());
    // On 64-bit Linux: a 16-byte header and data padded to 8 bytes.
    if size_of::<usize>() == 8 {
        assert_eq!(TWO_FDS, 24);
        assert_eq!(cmsg_space_for_creds(), 32);
    }
}

#[test]
fn buffer_is_aligned_for_a_header() {
    #[allow(dead_code)]
    struct Misaligning {
        byte: u8,
        buffer: CmsgBuffer<64>,
    }
    assert!(align_of::<CmsgBuffer<1>>() >= align_of::<libc::cmsghdr>());
    assert!(align_of::<CmsgBuffer<1>>() >= align_of::<usize>());
    let holder = Misaligning {
        byte: 1,
        buffer: CmsgBuffer::new(),
    };
    let addr = holder.buffer.as_ptr() as usize;
    assert_eq!(addr % align_of::<libc::cmsghdr>(), 0);
    assert_eq!(addr % align_of::<usize>(), 0);
}

#[test]
fn builder_writes_what_libc_would() {
    let mut space = CmsgBuffer::<{ cmsg_space_for_fds(3) + cmsg_space_for_creds() + 64 }>::new();
    let mut builder = CmsgBuilder::new(&mut space);
    assert!(builder.is_empty());
    builder.push_fds(&[5, 6, 7]).expect("fds");
    let creds = Credentials {
        pid: 42,
        uid: 1000,
        gid: 100,
    };
    builder.push_credentials(&creds).expect("creds");
    builder
        .push(libc::IPPROTO_IP, libc::IP_TTL, &9i32.to_ne_bytes())
        .expect("ttl");
    let bytes = builder.finish();
    assert_eq!(
        bytes.len(),
        cmsg_space_for_fds(3) + cmsg_space_for_creds() + cmsg_space(4)
    );

    // Walk the bytes with libc's own macros: same headers, same data.
    let mut copy = [0usize; 64];
    let copy_bytes = unsafe_copy(bytes, &mut copy);
    // SAFETY: an all-zero msghdr is valid; it points at our aligned copy.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_control = copy_bytes.cast();
    msg.msg_controllen = bytes.len() as _;
    let mut seen = Vec::new();
    // SAFETY: msg describes the aligned copy, which is valid for the walk.
    unsafe {
        let mut cmsg = libc::CMSG_FIRSTHDR(&msg);
        while !cmsg.is_null() {
            let data = libc::CMSG_DATA(cmsg);
            let data_len = (*cmsg).cmsg_len as usize - libc::CMSG_LEN(0) as usize;
            let data = std::slice::from_raw_parts(data, data_len).to_vec();
            seen.push(((*cmsg).cmsg_level, (*cmsg).cmsg_type, data));
            cmsg = libc::CMSG_NXTHDR(&msg, cmsg);
        }
    }
    let fds: Vec<u8> = [5i32, 6, 7]
        .iter()
        .flat_map(|fd| fd.to_ne_bytes())
        .collect();
    let ucred: Vec<u8> = [42u32, 1000, 100]
        .iter()
        .flat_map(|v| v.to_ne_bytes())
        .collect();
    assert_eq!(
        seen,
        vec![
            (libc::SOL_SOCKET, libc::SCM_RIGHTS, fds),
            (libc::SOL_SOCKET, libc::SCM_CREDENTIALS, ucred),
            (libc::IPPROTO_IP, libc::IP_TTL, 9i32.to_ne_bytes().to_vec()),
        ]
    );

    // And this crate's parser reads the same.
    let parsed: Vec<String> = Cmsgs::new(bytes).map(|m| format!("{m:?}")).collect();
    assert_eq!(parsed.len(), 3);
    let mut messages = Cmsgs::new(bytes);
    match messages.next() {
        Some(ControlMessage::Rights(fds)) => assert_eq!(fds.collect::<Vec<_>>(), [5, 6, 7]),
        other => panic!("expected rights, got {other:?}"),
    }
    match messages.next() {
        Some(ControlMessage::Credentials(got)) => assert_eq!(got, creds),
        other => panic!("expected credentials, got {other:?}"),
    }
    match messages.next() {
        Some(ControlMessage::HopLimit(hops)) => assert_eq!(hops, 9),
        other => panic!("expected IP_TTL 9, got {other:?}"),
    }
    assert!(messages.next().is_none());
    assert!(messages.next().is_none(), "fused");
}

/// Copies `bytes` into `words` (aligned for a header) and returns a pointer
/// to the copy.
fn unsafe_copy(bytes: &[u8], words: &mut [usize; 64]) -> *mut u8 {
    let target = words.as_mut_ptr().cast::<u8>();
    assert!(bytes.len() <= size_of::<[usize; 64]>());
    // SAFETY: the target holds at least bytes.len() bytes (checked), and the
    // two do not overlap.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), target, bytes.len()) };
    target
}

#[test]
fn builder_reports_enospc_and_keeps_what_fitted() {
    let mut space = [MaybeUninit::<u8>::uninit(); 40];
    let mut builder = CmsgBuilder::new(&mut space);
    builder.push_fds(&[1, 2]).expect("two fit");
    let before = builder.len();
    assert_eq!(before, cmsg_space_for_fds(2));
    assert_eq!(
        builder.push_credentials(&Credentials::current()),
        Err(Errno::ENOSPC)
    );
    assert_eq!(builder.push_fds(&[0; SCM_MAX_FD]), Err(Errno::ENOSPC));
    assert_eq!(builder.len(), before, "a failed push writes nothing");
    assert_eq!(Cmsgs::new(builder.as_bytes()).count(), 1);
    // An empty buffer takes nothing, not even an empty message.
    let mut none: [MaybeUninit<u8>; 0] = [];
    let mut builder = CmsgBuilder::new(&mut none);
    assert_eq!(builder.push(1, 2, &[]), Err(Errno::ENOSPC));
    assert!(builder.finish().is_empty());
}

#[test]
fn builder_works_on_unaligned_memory() {
    // The builder and the parser never assume alignment.
    let mut backing = [MaybeUninit::<u8>::uninit(); 100];
    let mut builder = CmsgBuilder::new(&mut backing[3..]);
    builder.push_fds(&[11, 12]).expect("fds");
    builder.push(7, 8, b"abc").expect("raw");
    let bytes = builder.finish();
    let collected: Vec<String> = Cmsgs::new(bytes).map(|m| format!("{m:?}")).collect();
    assert_eq!(collected.len(), 2, "{collected:?}");
    match Cmsgs::new(bytes).nth(1) {
        Some(ControlMessage::Other { level, ty, data }) => {
            assert_eq!((level, ty, data), (7, 8, &b"abc"[..]));
        }
        other => panic!("{other:?}"),
    }
}

/// A header with the given fields, as bytes.
fn header(len: usize, level: i32, ty: i32) -> Vec<u8> {
    // SAFETY: an all-zero cmsghdr is valid.
    let mut hdr: libc::cmsghdr = unsafe { std::mem::zeroed() };
    hdr.cmsg_len = len as _;
    hdr.cmsg_level = level;
    hdr.cmsg_type = ty;
    // SAFETY: hdr is a live cmsghdr, readable for its size, with no padding.
    unsafe {
        std::slice::from_raw_parts(
            (&hdr as *const libc::cmsghdr).cast::<u8>(),
            size_of::<libc::cmsghdr>(),
        )
    }
    .to_vec()
}

#[test]
fn parser_handles_malformed_lengths() {
    let head = cmsg_len(0);
    // Shorter than a header: the walk ends, nothing is yielded.
    for len in [0, 1, head - 1] {
        let bytes = header(len, libc::SOL_SOCKET, libc::SCM_RIGHTS);
        assert_eq!(Cmsgs::new(&bytes).count(), 0, "cmsg_len {len}");
    }
    // Claims more than is there: the bytes present are yielded, then the end.
    let mut bytes = header(head + 400, libc::SOL_SOCKET, libc::SCM_RIGHTS);
    bytes.extend_from_slice(&3i32.to_ne_bytes());
    bytes.extend_from_slice(&[9, 9]); // half a descriptor: ignored
    let mut messages = Cmsgs::new(&bytes);
    match messages.next() {
        Some(ControlMessage::Rights(fds)) => assert_eq!(fds.collect::<Vec<_>>(), [3]),
        other => panic!("{other:?}"),
    }
    assert!(messages.next().is_none());
    // Huge lengths do not overflow.
    for len in [usize::MAX, usize::MAX - 7, u32::MAX as usize] {
        let bytes = header(len, 1, 2);
        let collected: Vec<String> = Cmsgs::new(&bytes).map(|m| format!("{m:?}")).collect();
        assert!(collected.len() <= 1, "cmsg_len {len}: {collected:?}");
    }
    // A credentials message too short for a ucred passes through raw.
    let mut bytes = header(head + 4, libc::SOL_SOCKET, libc::SCM_CREDENTIALS);
    bytes.extend_from_slice(&[1, 2, 3, 4, 0, 0, 0, 0]);
    match Cmsgs::new(&bytes).next() {
        Some(ControlMessage::Other { level, ty, data }) => {
            assert_eq!(
                (level, ty, data),
                (libc::SOL_SOCKET, libc::SCM_CREDENTIALS, &[1, 2, 3, 4][..])
            );
        }
        other => panic!("{other:?}"),
    }
    // A header cut short ends the walk; an empty buffer yields nothing.
    assert_eq!(Cmsgs::new(&header(head, 1, 2)[..head - 1]).count(), 0);
    assert_eq!(Cmsgs::new(&[]).count(), 0);
    // An exact header with no data is a message with empty data.
    match Cmsgs::new(&header(head, 5, 6)).next() {
        Some(ControlMessage::Other { data, .. }) => assert!(data.is_empty()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn parser_survives_arbitrary_bytes() {
    // A small deterministic generator (xorshift) so failures reproduce.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let head = cmsg_len(0);
    let mut messages_seen = 0usize;
    for round in 0..20_000 {
        let len = (next() % 200) as usize;
        let mut bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        // Every other round, plant plausible headers so walks go deep.
        if round % 2 == 0 {
            let mut offset = 0;
            while offset + head <= bytes.len() {
                let claimed = (next() % 48) as usize;
                let level = [libc::SOL_SOCKET, libc::IPPROTO_IP, 0][(next() % 3) as usize];
                let ty = [libc::SCM_RIGHTS, libc::SCM_CREDENTIALS, 99][(next() % 3) as usize];
                bytes[offset..offset + head].copy_from_slice(&header(claimed, level, ty));
                offset += cmsg_space(claimed.saturating_sub(head)).max(head);
            }
        }
        for message in Cmsgs::new(&bytes) {
            messages_seen += 1;
            match message {
                ControlMessage::Rights(fds) => {
                    assert!(fds.clone().count() <= bytes.len() / 4);
                    assert!(fds.clone().all(|fd| fd >= 0));
                }
                ControlMessage::Credentials(_) => {}
                ControlMessage::Other { data, .. } | ControlMessage::Truncated { data, .. }
                    if !data.is_empty() =>
                {
                    // The data lies inside the buffer.
                    let start = data.as_ptr() as usize;
                    let base = bytes.as_ptr() as usize;
                    assert!(start >= base && start + data.len() <= base + bytes.len());
                }
                // Empty data, and the typed kinds IPPROTO_IP 1 and 2 (IP_TOS,
                // IP_TTL) decode to: the decode tables check those.
                _ => {}
            }
        }
    }
    assert!(
        messages_seen > 10_000,
        "the walks found messages: {messages_seen}"
    );
}
