//! c-examples/zerocopy_send.c: 4 MiB (and 16 MiB) sent with MSG_ZEROCOPY
//! from four buffers, each refilled only after its sends completed, over
//! IPv4 and IPv6; the receiving end checks every byte, the sender every
//! completion.

use sockcore_e2e::Link;

use crate::build;

#[test]
fn every_byte_arrives_and_every_send_completes_once() {
    for (link, address, mib, bytes) in [
        (Link::Static, "127.0.0.1:0", None, "4194304"),
        (Link::Shared, "[::1]:0", Some("16"), "16777216"),
    ] {
        let mut args = vec![address];
        args.extend(mib);
        let finished = build().run_example(link, "zerocopy_send", &args);
        finished
            .assert_success()
            .assert_stdout_has("sender: SO_ZEROCOPY on")
            .assert_stdout_has("sender: POLLERR with sc_take_error 0: completions are waiting")
            .assert_stdout_has("sender: completion: sends 0 to ")
            .assert_stdout_has(&format!("receiver: {bytes} bytes, every one as sent"))
            .assert_stdout_has(" zero-copy sends, each completed once, in ");
        // Loopback copies, and every completion says so.
        assert!(
            !finished.stdout.contains(", zero-copy\n"),
            "{link}: {finished}"
        );
    }
}
