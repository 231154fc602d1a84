//! `std::io::Read` and `Write` on sockcore's socket types, over loopback TCP
//! and Unix socket pairs, with std programs on the other end.

use std::io::{self, IoSlice, IoSliceMut, Read, Write};
use std::net::{Shutdown as StdShutdown, TcpStream};
use std::time::Duration;

use sockcore::{Domain, Shutdown, SockFlags, Socket, SocketAddr, SocketFd, Type};

/// Long enough for any loopback transfer here; a hang becomes a failure.
const TIMEOUT: Duration = Duration::from_secs(10);

/// A listener on an ephemeral loopback port and its address as std sees it.
fn loopback_listener() -> (Socket, std::net::SocketAddr) {
    let listener = Socket::listen_on("127.0.0.1:0", 8).unwrap();
    let addr = std::net::SocketAddr::try_from(listener.local_addr().unwrap()).unwrap();
    (listener, addr)
}

/// A std client connected to a sockcore listener, and the accepted end,
/// both with read and write time-outs.
fn connected_pair() -> (TcpStream, Socket) {
    let (listener, addr) = loopback_listener();
    let client = TcpStream::connect(addr).unwrap();
    client.set_read_timeout(Some(TIMEOUT)).unwrap();
    client.set_write_timeout(Some(TIMEOUT)).unwrap();
    let (conn, _) = listener.accept(SockFlags::empty()).unwrap();
    // The std type sets the time-outs on the very same descriptor.
    let conn = TcpStream::from(conn);
    conn.set_read_timeout(Some(TIMEOUT)).unwrap();
    conn.set_write_timeout(Some(TIMEOUT)).unwrap();
    (client, Socket::from(conn))
}

#[test]
fn std_tcp_client_talks_to_a_sockcore_server() {
    let (mut client, mut conn) = connected_pair();
    assert_eq!(
        conn.peer_addr().unwrap(),
        SocketAddr::from(client.local_addr().unwrap())
    );

    client.write_all(b"hello").unwrap();
    let mut got = [0u8; 5];
    Read::read_exact(&mut conn, &mut got).unwrap();
    assert_eq!(&got, b"hello");

    Write::write_all(&mut conn, b"world").unwrap();
    conn.flush().unwrap();
    let mut answer = [0u8; 5];
    client.read_exact(&mut answer).unwrap();
    assert_eq!(&answer, b"world");

    // End of stream from std reads as 0 through std's Read on our socket.
    client.shutdown(StdShutdown::Write).unwrap();
    assert_eq!(Read::read(&mut conn, &mut got).unwrap(), 0);
}

#[test]
fn io_copy_echoes_a_mebibyte_through_read_and_write() {
    const LEN: usize = 1 << 20;
    let payload: Vec<u8> = (0..LEN).map(|i| (i % 251) as u8).collect();
    let (client, conn) = connected_pair();
    let mut client_writer = client.try_clone().unwrap();
    let mut client_reader = client;

    let (echoed, sent, received) = std::thread::scope(|scope| {
        // The server copies from the socket into itself until end of stream.
        let server = scope.spawn(|| {
            let (mut from, mut to) = (&conn, &conn);
            let n = io::copy(&mut from, &mut to).unwrap();
            conn.shutdown(Shutdown::Write).unwrap();
            n
        });
        let writer = scope.spawn(|| {
            let n = io::copy(&mut payload.as_slice(), &mut client_writer).unwrap();
            client_writer.shutdown(StdShutdown::Write).unwrap();
            n
        });
        let mut received = Vec::with_capacity(LEN);
        client_reader.read_to_end(&mut received).unwrap();
        (server.join().unwrap(), writer.join().unwrap(), received)
    });

    assert_eq!(sent, LEN as u64);
    assert_eq!(echoed, LEN as u64);
    assert!(received == payload, "the echo differs from what was sent");
}

#[test]
fn vectored_calls_take_std_io_slices() {
    let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).unwrap();

    let mut writer = a.borrow();
    let sent = writer
        .write_vectored(&[IoSlice::new(b"ab"), IoSlice::new(b""), IoSlice::new(b"cde")])
        .unwrap();
    assert_eq!(sent, 5);

    let (mut first, mut second) = ([0u8; 2], [0u8; 8]);
    // On a &SocketFd, method syntax finds the crate's own read_vectored
    // (which takes sockcore::IoSliceMut); std's is reached through the trait.
    let mut reader: &SocketFd = &b;
    let got = Read::read_vectored(
        &mut reader,
        &mut [IoSliceMut::new(&mut first), IoSliceMut::new(&mut second)],
    )
    .unwrap();
    assert_eq!(got, 5);
    assert_eq!(&first, b"ab");
    assert_eq!(&second[..3], b"cde");
}

#[test]
fn every_handle_type_reads_and_writes() {
    let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).unwrap();

    // BorrowedSocket is Copy, so a copy can be the writer.
    let mut borrowed = a.borrow();
    let answer = 42;
    write!(borrowed, "fmt-{answer}").unwrap();
    borrowed.flush().unwrap();
    // &Socket and &SocketFd write too.
    (&a).write_all(b"|socket").unwrap();
    let mut fd: &SocketFd = &a;
    Write::write_all(&mut fd, b"|fd").unwrap();
    a.shutdown(Shutdown::Write).unwrap();

    let mut text = String::new();
    (&b).read_to_string(&mut text).unwrap();
    assert_eq!(text, "fmt-42|socket|fd");
}

#[test]
fn read_to_end_on_an_owned_socket_stops_at_end_of_stream() {
    let (a, mut b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).unwrap();
    let mut owned = a;
    owned.write_all(b"last words").unwrap();
    drop(owned);

    let mut all = Vec::new();
    assert_eq!(b.read_to_end(&mut all).unwrap(), 10);
    assert_eq!(all, b"last words");
}

/// More buffers than one system call takes: std's vectored traits do what
/// std's own sockets do (the first `IOV_MAX` of them go; the caller loops
/// for the rest), while the crate's own calls keep their documented
/// errors.
#[test]
fn vectored_traits_take_more_than_iov_max_buffers_as_std_does() {
    const MANY: usize = 3000;
    let (mut a, mut b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).unwrap();
    let bytes: Vec<u8> = (0..MANY).map(|i| i as u8).collect();
    let slices: Vec<IoSlice<'_>> = bytes.chunks(1).map(IoSlice::new).collect();
    assert_eq!(a.write_vectored(&slices).unwrap(), 1024);
    assert_eq!(
        SocketFd::write_vectored(&a, sockcore::IoSlice::from_std_slices(&slices)),
        Err(sockcore::Errno::EMSGSIZE)
    );
    let mut rest: Vec<IoSlice<'_>> = bytes[1024..].chunks(1).map(IoSlice::new).collect();
    let mut rest = &mut rest[..];
    // Each round sends at least one byte, so at most MANY rounds.
    for _ in 0..MANY {
        if rest.is_empty() {
            break;
        }
        let sent = Write::write_vectored(&mut a, rest).unwrap();
        assert!(sent > 0 && sent <= 1024);
        IoSlice::advance_slices(&mut rest, sent);
    }
    assert!(rest.is_empty());

    let mut received = vec![0u8; MANY];
    let mut targets: Vec<IoSliceMut<'_>> = received.chunks_mut(1).map(IoSliceMut::new).collect();
    assert_eq!(
        SocketFd::read_vectored(&b, sockcore::IoSliceMut::from_std_slices(&mut targets)),
        Err(sockcore::Errno::EINVAL)
    );
    assert_eq!(b.read_vectored(&mut targets).unwrap(), 1024);
    drop(targets);
    b.read_exact(&mut received[1024..]).unwrap();
    assert_eq!(received, bytes);
}

#[test]
fn buffers_convert_both_ways_with_std() {
    let text = b"borrowed";
    let ours = sockcore::IoSlice::from(IoSlice::new(text));
    assert_eq!(ours.as_slice(), text);
    let back = IoSlice::from(ours);
    assert_eq!(&*back, text);

    let mut buf = *b"writable";
    let mut ours = sockcore::IoSliceMut::from(IoSliceMut::new(&mut buf));
    ours.as_mut_slice()[0] = b'W';
    let mut back = IoSliceMut::from(ours);
    back[1] = b'R';
    assert_eq!(&buf, b"WRitable");
}
