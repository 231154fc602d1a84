//! `ENOBUFS` from a zero-copy send: each send's completion is held in the
//! socket's option memory until it is read, and `net.core.optmem_max`
//! bounds it. In a network namespace of the test's own with that bound
//! lowered to 4 KiB, a sender whose peer does not read is refused with
//! `ENOBUFS` (before its send buffer fills, which would be `EAGAIN`); the
//! refused send takes no number; once the peer has read and the
//! completions are read, sending works again with the next number.
//!
//! Its own test binary: it moves a thread into a new network namespace
//! and sets a sysctl there (root only); the host's settings stay as they
//! were. The setting belongs to each namespace from Linux 6.9; before, a
//! new namespace has no such file, and the test says so and changes
//! nothing.

mod support;

use std::io::ErrorKind;

use sockcore::{Errno, MsgFlags, ZerocopyRange};

use support::netns::in_new_netns;
use support::sockets::accepted_pair;
use support::zerocopy::{
    assert_each_once, assert_queue_empty, completions_for, send_until_refused, Refused,
};

/// The namespace's own option-memory bound, in bytes.
const OPTMEM_MAX: &str = "4096";

/// Bytes of each zero-copy send.
const SEND: usize = 4096;

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate SO_ZEROCOPY")]
fn unread_completions_exhaust_option_memory() {
    in_new_netns(&[], || {
        let path = "/proc/sys/net/core/optmem_max";
        match std::fs::write(path, OPTMEM_MAX) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::NotFound => {
                println!(
                    "not run: this kernel keeps net.core.optmem_max for the host only (before 6.9)"
                );
                return;
            }
            Err(e) => panic!("{path}: {e}"),
        }
        let (client, server) = accepted_pair("127.0.0.1:0");
        client.set_nonblocking(true).expect("non-blocking");
        client.set_zerocopy(true).expect("SO_ZEROCOPY");
        let data = [0x5a; SEND];

        // A plain byte after each zero-copy send keeps the kernel from
        // folding the next send into the same completion record.
        let Refused {
            sends,
            sent,
            errno: refused,
        } = send_until_refused(&client, &data, |socket| {
            socket.send(b"+", MsgFlags::empty()).expect("a plain byte")
        });
        assert_eq!(
            refused,
            Some(Errno::ENOBUFS),
            "after {sends} zero-copy sends"
        );
        assert!(sends >= 1);
        println!("optmem_max {OPTMEM_MAX}: {sends} zero-copy sends of {SEND} bytes, then ENOBUFS");

        // The peer reads everything, so every send is acknowledged and
        // completes; reading the completions frees their memory.
        let mut sink = vec![0u8; sent];
        server.read_exact(&mut sink).expect("read what was sent");
        let ranges = completions_for(&client, sends);
        assert_each_once(&ranges, 0, sends);
        assert_queue_empty(&client);

        // The refused send took no number: the next one is `sends`.
        assert_eq!(client.send(&data, MsgFlags::ZEROCOPY), Ok(SEND));
        server.read_exact(&mut sink[..SEND]).expect("read");
        let ranges = completions_for(&client, 1);
        assert_eq!(ranges, [ZerocopyRange::new(sends, sends, true)]);
    });
}
