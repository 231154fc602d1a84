//! `Errno` and `TransferError` as std errors: `std::error::Error`, and
//! `io::Error` values of the kind std itself gives for the same failure.

use std::error::Error;
// io::Read and io::Write stay unimported so that method syntax on sockets
// finds the crate's own calls; the std traits are named where they are meant.
use std::io::{self, ErrorKind};
use std::net::TcpStream;
use std::time::Duration;

use sockcore::{Domain, Errno, MsgFlags, SockFlags, Socket, SocketAddr, TransferError, Type};

use crate::support::sockets::not_listening;

#[test]
fn a_refused_connect_is_connection_refused_as_std_reports_it() {
    let (_bound, addr) = not_listening("127.0.0.1:0");
    let ours = Socket::dial_addr(&addr, Some(Duration::from_secs(10))).unwrap_err();
    assert_eq!(ours, Errno::ECONNREFUSED);

    let converted = io::Error::from(ours);
    assert_eq!(converted.kind(), ErrorKind::ConnectionRefused);
    assert_eq!(converted.raw_os_error(), Some(libc::ECONNREFUSED));

    // std, connecting to the same place, fails the same way.
    let std_err = TcpStream::connect(std::net::SocketAddr::try_from(addr).unwrap()).unwrap_err();
    assert_eq!(std_err.kind(), converted.kind());
    assert_eq!(std_err.raw_os_error(), converted.raw_os_error());
    assert_eq!(
        std_err.to_string(),
        converted.to_string(),
        "std formats an os error from its number alone"
    );
}

#[test]
fn a_missing_unix_path_is_not_found() {
    let missing = std::env::temp_dir().join(format!(
        "sockcore-std-errors-{}-missing.sock",
        std::process::id()
    ));
    let text = format!("unix:{}", missing.display());
    let err = io::Error::from(Socket::dial(&text, Some(Duration::from_secs(10))).unwrap_err());
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[test]
fn an_empty_non_blocking_read_is_would_block_through_read() {
    let (mut a, _b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::NONBLOCK).unwrap();
    let err = io::Read::read(&mut a, &mut [0u8; 4]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::WouldBlock);
    assert_eq!(err.raw_os_error(), Some(libc::EAGAIN));
}

#[test]
fn writing_to_a_closed_peer_is_broken_pipe() {
    let (mut a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).unwrap();
    drop(b);
    let err = io::Write::write(&mut a, b"anyone?").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BrokenPipe);

    // The whole-transfer form says the same, and keeps its count.
    let transfer = a.write_all(b"anyone?").unwrap_err();
    assert_eq!(
        transfer,
        TransferError {
            errno: Errno::EPIPE,
            done: 0
        }
    );
    let err = io::Error::from(transfer);
    assert_eq!(err.kind(), ErrorKind::BrokenPipe);
    assert_eq!(err.to_string(), "Broken pipe (EPIPE) after 0 bytes");
}

#[test]
fn a_partial_transfer_keeps_its_count_inside_the_io_error() {
    let (a, _b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::NONBLOCK).unwrap();
    // Far more than a Unix socket buffers: the write stops with EAGAIN
    // after the part that fit.
    let big = vec![7u8; 16 << 20];
    let transfer = a.write_all(&big).unwrap_err();
    assert_eq!(transfer.errno, Errno::EAGAIN);
    assert!(transfer.done > 0 && transfer.done < big.len(), "{transfer}");

    let err = io::Error::from(transfer);
    assert_eq!(err.kind(), ErrorKind::WouldBlock);
    let inner = err
        .get_ref()
        .and_then(|e| e.downcast_ref::<TransferError>())
        .expect("the TransferError rides inside the io::Error");
    assert_eq!(*inner, transfer);
}

/// Uses `?` on both error types in a function that returns `io::Result`.
fn send_and_receive(a: &Socket, b: &Socket) -> io::Result<[u8; 2]> {
    a.write_all(b"ok")?;
    let mut got = [0u8; 2];
    b.recv(&mut got, MsgFlags::WAITALL)?;
    Ok(got)
}

#[test]
fn question_mark_converts_into_io_error_and_box_dyn_error() {
    let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, SockFlags::empty()).unwrap();
    assert_eq!(&send_and_receive(&a, &b).unwrap(), b"ok");

    fn parse(text: &str) -> Result<SocketAddr, Box<dyn Error + Send + Sync>> {
        Ok(SocketAddr::parse(text)?)
    }
    let err = parse("not an address").unwrap_err();
    assert_eq!(err.to_string(), "Invalid argument (EINVAL)");
    assert_eq!(err.downcast_ref::<Errno>(), Some(&Errno::EINVAL));
}

#[test]
fn errors_report_no_source_because_display_says_it_all() {
    let errno: &dyn Error = &Errno::ECONNRESET;
    assert!(errno.source().is_none());
    assert_eq!(errno.to_string(), "Connection reset by peer (ECONNRESET)");

    let transfer = TransferError {
        errno: Errno::ECONNRESET,
        done: 12,
    };
    let transfer: &dyn Error = &transfer;
    assert!(transfer.source().is_none());
    assert!(transfer.to_string().contains("ECONNRESET"));
    assert!(transfer.to_string().ends_with("after 12 bytes"));
}
