//! `TCP_INFO` on live connections over loopback: the typed snapshot's
//! state, options, times and counters, the window-scale nibbles, sockets
//! that are not connected, and sockets that are not TCP.
//!
//! qemu-user answers `TCP_INFO` with 4 bytes whatever the length asked, so
//! the tests that read past the first four bytes cannot run under it.

use std::mem::size_of;
use std::time::Duration;

use sockcore::{Domain, Errno, SockFlags, Socket, TcpCaState, TcpInfoOptions, TcpState, Type};

use crate::support::sockets::{accepted_pair, new_socket, set_buffer, stream_pair};

const MIB: usize = 1 << 20;

/// A TCP pair on 127.0.0.1 after the client sent 1 MiB and read a 1-byte
/// reply: every ACK of the data has arrived by then.
fn after_a_mebibyte() -> (Socket, Socket) {
    let (client, server) = accepted_pair("127.0.0.1:0");
    std::thread::scope(|scope| {
        scope.spawn(|| client.write_all(&vec![7u8; MIB]).expect("write_all"));
        let mut buf = vec![0u8; MIB];
        assert_eq!(server.read_exact(&mut buf), Ok(MIB));
        server.write_all(b"!").expect("reply");
    });
    let mut reply = [0u8; 1];
    assert_eq!(client.read_exact(&mut reply), Ok(1));
    (client, server)
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user answers TCP_INFO with 4 bytes")]
fn a_live_connection() {
    let (client, server) = after_a_mebibyte();
    let info = client.tcp_info().expect("TCP_INFO");
    assert!(
        (104..=size_of::<libc::tcp_info>()).contains(&info.kernel_len()),
        "{info:?}"
    );
    assert_eq!(info.state(), TcpState::ESTABLISHED);
    assert_eq!(info.ca_state(), TcpCaState::OPEN);
    // Loopback's defaults.
    assert!(
        info.options()
            .contains(TcpInfoOptions::TIMESTAMPS | TcpInfoOptions::SACK | TcpInfoOptions::WSCALE),
        "{info:?}"
    );
    assert!(info.rtt() > Duration::ZERO && info.rtt() < Duration::from_secs(1));
    assert!(info.rttvar() < Duration::from_secs(1));
    assert!(info.snd_cwnd() >= 1);
    assert!(info.snd_mss() > 0);
    assert_eq!(info.unacked(), 0, "every byte was acknowledged");
    // No retransmission is asserted: a loaded machine that keeps the
    // receiver off the CPU for 10 ms makes a tail-loss probe fire, which
    // the kernel counts as one.
    // The SYN counts one.
    assert_eq!(info.bytes_acked(), Some(MIB as u64 + 1));
    assert_eq!(info.bytes_received(), Some(1));
    assert!(info.delivery_rate() > Some(0), "{info:?}");
    assert!(info.segs_out() >= Some(2));
    assert!(info.bytes_sent() >= Some(MIB as u64));
    assert!(info.snd_wnd() > Some(0));

    let info = server.tcp_info().expect("TCP_INFO");
    assert_eq!(info.state(), TcpState::ESTABLISHED);
    assert_eq!(info.bytes_received(), Some(MIB as u64));
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user answers TCP_INFO with 4 bytes")]
fn window_scale_nibbles() {
    // A client with a tiny receive buffer has nothing to scale: its own
    // shift is 0, while the server's is not.
    let listener = Socket::listen_on("127.0.0.1:0", 1).unwrap();
    let client = new_socket(Domain::IPV4, Type::STREAM);
    set_buffer(&client, libc::SO_RCVBUF, 4096);
    client.connect(&listener.local_addr().unwrap()).unwrap();
    let (server, _) = listener.accept(SockFlags::empty()).unwrap();
    let (c, s) = (client.tcp_info().unwrap(), server.tcp_info().unwrap());
    assert!(c.options().contains(TcpInfoOptions::WSCALE));
    assert_eq!(c.rcv_wscale(), 0, "{c:?}");
    assert_eq!(s.snd_wscale(), 0, "{s:?}");
    assert!(s.rcv_wscale() > 0, "{s:?}");
    assert_eq!(s.rcv_wscale(), c.snd_wscale());
}

#[test]
fn a_listener_and_an_unconnected_socket_answer() {
    let listener = Socket::listen_on("[::1]:0", 1).unwrap();
    assert_eq!(listener.tcp_info().unwrap().state(), TcpState::LISTEN);
    let fresh = new_socket(Domain::IPV4, Type::STREAM);
    assert_eq!(fresh.tcp_info().unwrap().state(), TcpState::CLOSE);
}

#[test]
fn sockets_that_are_not_tcp() {
    let udp = new_socket(Domain::IPV4, Type::DGRAM);
    assert_eq!(udp.tcp_info().err(), Some(Errno::EOPNOTSUPP));
    let (unix, _) = stream_pair();
    assert_eq!(unix.tcp_info().err(), Some(Errno::EOPNOTSUPP));
}
