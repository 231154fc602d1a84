//! A second descriptor for a socket (`try_clone`) and the close-on-exec
//! flag set and cleared (`set_cloexec`); core/tests/inherit_exec.rs hands
//! a socket to a child through `exec`.

use sockcore::{Errno, SockFlags, Socket};

use crate::support::sockets::stream_pair;

#[test]
fn a_clone_is_the_same_socket_under_another_number() {
    let (a, b) = stream_pair();
    let clone = a.try_clone().expect("F_DUPFD_CLOEXEC");
    assert_ne!(clone.as_raw_fd(), a.as_raw_fd());
    assert_eq!(
        clone.is_cloexec(),
        Ok(true),
        "close-on-exec, as every socket"
    );
    // Both write into the same connection, in order.
    a.write_all(b"one ").expect("original");
    clone.write_all(b"two").expect("clone");
    let mut buf = [0u8; 7];
    assert_eq!(b.read_exact(&mut buf).map_err(|e| e.errno), Ok(7));
    assert_eq!(&buf, b"one two");
    // They share the open socket's status flags...
    clone.set_nonblocking(true).expect("through the clone");
    assert_eq!(a.is_nonblocking(), Ok(true));
    // ...and closing one leaves the socket open through the other.
    drop(a);
    clone.write_all(b"!").expect("still open");
    assert_eq!(b.read(&mut buf[..1]), Ok(1));
    drop(clone);
    assert_eq!(
        b.read(&mut buf),
        Ok(0),
        "end of stream once both are closed"
    );
}

#[test]
fn a_clone_of_a_listener_accepts() {
    let listener = Socket::listen_on("127.0.0.1:0", 4).expect("listen");
    let clone = listener.try_clone().expect("clone");
    assert_eq!(clone.local_addr(), listener.local_addr());
    let dialled = Socket::dial_addr(
        &listener.local_addr().expect("name"),
        Some(std::time::Duration::from_secs(5)),
    )
    .expect("dial");
    let (_conn, peer) = clone.accept(SockFlags::empty()).expect("accept");
    assert_eq!(peer, dialled.local_addr().expect("name"));
}

#[test]
fn cloexec_is_cleared_and_set_again() {
    let (a, _b) = stream_pair();
    assert_eq!(a.is_cloexec(), Ok(true));
    a.set_cloexec(false).expect("clear");
    assert_eq!(a.is_cloexec(), Ok(false));
    a.set_cloexec(true).expect("set");
    assert_eq!(a.is_cloexec(), Ok(true));
    // The flag is the descriptor's, not the socket's.
    let clone = a.try_clone().expect("clone");
    clone.set_cloexec(false).expect("clear on the clone");
    assert_eq!(a.is_cloexec(), Ok(true));
    assert_eq!(clone.is_cloexec(), Ok(false));
}

#[test]
fn a_closed_or_negative_descriptor_is_ebadf() {
    // SAFETY: -1 is never a descriptor; the calls only hand it to the kernel.
    let none = unsafe { sockcore::BorrowedSocket::borrow_raw(-1) };
    assert_eq!(none.try_clone().err(), Some(Errno::EBADF));
    assert_eq!(none.set_cloexec(false), Err(Errno::EBADF));
}
