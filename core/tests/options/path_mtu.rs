//! Path MTU options: the discovery modes, don't-fragment, and the MTU of
//! a connected socket's path over loopback. (What a smaller path MTU does
//! is in core/tests/path_mtu.rs.)

use sockcore::{Domain, Errno, PmtuDiscover, Type};

use crate::support::sockets::{bound_datagram, new_socket};

const MODES: [PmtuDiscover; 6] = [
    PmtuDiscover::DONT,
    PmtuDiscover::WANT,
    PmtuDiscover::DO,
    PmtuDiscover::PROBE,
    PmtuDiscover::INTERFACE,
    PmtuDiscover::OMIT,
];

#[test]
fn discovery_modes_round_trip() {
    let v4 = new_socket(Domain::IPV4, Type::DGRAM);
    let v6 = new_socket(Domain::IPV6, Type::DGRAM);
    assert_eq!(v4.mtu_discover(), Ok(PmtuDiscover::WANT), "the default");
    assert_eq!(v6.mtu_discover_v6(), Ok(PmtuDiscover::WANT), "the default");
    for mode in MODES {
        v4.set_mtu_discover(mode).expect("IP_MTU_DISCOVER");
        assert_eq!(v4.mtu_discover(), Ok(mode));
        v6.set_mtu_discover_v6(mode).expect("IPV6_MTU_DISCOVER");
        assert_eq!(v6.mtu_discover_v6(), Ok(mode));
    }
    assert_eq!(v4.set_mtu_discover(PmtuDiscover(6)), Err(Errno::EINVAL));
    assert_eq!(v4.set_mtu_discover(PmtuDiscover(-1)), Err(Errno::EINVAL));
    assert_eq!(v6.set_mtu_discover_v6(PmtuDiscover(6)), Err(Errno::EINVAL));
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate IPV6_DONTFRAG")]
fn dontfrag_round_trip() {
    let v6 = new_socket(Domain::IPV6, Type::DGRAM);
    assert_eq!(
        v6.dontfrag_v6(),
        Ok(false),
        "IPv6 senders fragment by default"
    );
    v6.set_dontfrag_v6(true).expect("IPV6_DONTFRAG");
    assert_eq!(v6.dontfrag_v6(), Ok(true));
    v6.set_dontfrag_v6(false).expect("off");
    assert_eq!(v6.dontfrag_v6(), Ok(false));
}

#[test]
#[cfg_attr(sockcore_qemu, ignore = "qemu-user does not emulate IP_MTU")]
fn mtu_of_a_connected_loopback_path() {
    let (v4, _) = bound_datagram("127.0.0.1:0");
    assert_eq!(v4.mtu(), Err(Errno::ENOTCONN), "unconnected");
    let (_, peer) = bound_datagram("127.0.0.1:0");
    v4.connect(&peer).expect("connect");
    assert_eq!(v4.mtu(), Ok(65_535));

    let (v6, _) = bound_datagram("[::1]:0");
    assert_eq!(v6.mtu_v6(), Err(Errno::ENOTCONN), "unconnected");
    let (_, peer) = bound_datagram("[::1]:0");
    v6.connect(&peer).expect("connect");
    assert_eq!(v6.mtu_v6(), Ok(65_536));
}
