//! c-examples/sendfile_server.c: a file larger than the socket buffers
//! served with sc_send_file_all from the offset each client asks, to the
//! example's own fetch clients (their byte counts and FNV-1a checksums
//! compared with the file's) and to a Rust client that compares every byte.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use sockcore_e2e::{Link, TempDir};

use crate::build;

/// 8 MiB and a bit: more than a loopback connection's buffers hold.
const SIZE: usize = 8 * 1024 * 1024 + 12_345;

fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |sum, &byte| {
        (sum ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn contents() -> Vec<u8> {
    (0..SIZE).map(|i| (i.wrapping_mul(131) + 7) as u8).collect()
}

#[test]
fn serves_a_file_from_each_offset_asked() {
    let dir = TempDir::new("sendfile-server");
    let data = contents();
    let path = dir.path().join("served.bin");
    std::fs::write(&path, &data).expect("write the file");
    let path = path.to_str().expect("a UTF-8 path");
    for link in Link::BOTH {
        let (server, bound) = build().start_example(
            link,
            "sendfile_server",
            &["serve", "127.0.0.1:0", path, "3"],
        );
        for offset in [0, 1_000_000] {
            let rest = &data[offset..];
            build()
                .run_example(
                    link,
                    "sendfile_server",
                    &["fetch", &bound, &offset.to_string()],
                )
                .assert_success()
                .assert_stdout_has(&format!(
                    "received {} bytes, fnv1a64 0x{:016x}",
                    rest.len(),
                    fnv1a64(rest)
                ));
        }
        let mut client = TcpStream::connect(&bound).expect("connect");
        client
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        client.write_all(b"GET 4097\n").unwrap();
        let mut got = Vec::new();
        client.read_to_end(&mut got).expect("read to the end");
        assert!(
            got == data[4097..],
            "the bytes differ ({} received)",
            got.len()
        );
        let sent = 3 * SIZE - 1_000_000 - 4097;
        server
            .finish()
            .assert_success()
            .assert_stdout_has(&format!(
                "sent {SIZE} bytes from offset 0 with sc_send_file_all"
            ))
            .assert_stdout_has(&format!("served 3 clients, sent {sent} bytes, 0 failed"));
    }
}
