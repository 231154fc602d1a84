//! IP-level unicast options: TTL and hop limit, TOS and traffic class,
//! `IPV6_V6ONLY`, `IP_FREEBIND`, `IP_TRANSPARENT` and
//! `IP_BIND_ADDRESS_NO_PORT`, each set and read back, and the bindings
//! they allow.

use std::time::Duration;

use sockcore::{Domain, Errno, Socket, SocketAddr, Type};

use crate::support::sockets::{kernel_setting, new_socket};

fn default_ttl() -> u32 {
    kernel_setting("net/ipv4/ip_default_ttl") as u32
}

#[test]
fn ttl_round_trip() {
    for ty in [Type::STREAM, Type::DGRAM] {
        let s = new_socket(Domain::IPV4, ty);
        assert_eq!(s.ttl(), Ok(default_ttl()));
        s.set_ttl(7).expect("IP_TTL");
        assert_eq!(s.ttl(), Ok(7));
        s.set_ttl(255).expect("the maximum");
        assert_eq!(s.ttl(), Ok(255));
        assert_eq!(s.set_ttl(0), Err(Errno::EINVAL));
        assert_eq!(s.set_ttl(256), Err(Errno::EINVAL));
        assert_eq!(s.set_ttl(u32::MAX), Err(Errno::EINVAL));
    }
}

#[test]
fn unicast_hops_round_trip() {
    for ty in [Type::STREAM, Type::DGRAM] {
        let s = new_socket(Domain::IPV6, ty);
        assert_eq!(s.unicast_hops_v6(), Ok(64));
        s.set_unicast_hops_v6(9).expect("IPV6_UNICAST_HOPS");
        assert_eq!(s.unicast_hops_v6(), Ok(9));
        s.set_unicast_hops_v6(0).expect("0 is allowed for IPv6");
        assert_eq!(s.unicast_hops_v6(), Ok(0));
        assert_eq!(s.set_unicast_hops_v6(256), Err(Errno::EINVAL));
    }
    // The IPv6 option on an IPv4 socket is a protocol mismatch.
    let v4 = new_socket(Domain::IPV4, Type::DGRAM);
    assert_eq!(v4.set_unicast_hops_v6(9), Err(Errno::ENOPROTOOPT));
}

#[test]
fn tos_and_traffic_class_round_trip() {
    for ty in [Type::STREAM, Type::DGRAM] {
        let v4 = new_socket(Domain::IPV4, ty);
        assert_eq!(v4.tos(), Ok(0));
        v4.set_tos(0x10).expect("IP_TOS");
        assert_eq!(v4.tos(), Ok(0x10));
        let v6 = new_socket(Domain::IPV6, ty);
        assert_eq!(v6.tclass_v6(), Ok(0));
        v6.set_tclass_v6(0x20).expect("IPV6_TCLASS");
        assert_eq!(v6.tclass_v6(), Ok(0x20));
    }
}

#[test]
fn only_v6_round_trip_and_timing() {
    for ty in [Type::STREAM, Type::DGRAM] {
        let s = new_socket(Domain::IPV6, ty);
        assert_eq!(s.only_v6(), Ok(false), "net.ipv6.bindv6only is 0");
        s.set_only_v6(true).expect("on");
        assert_eq!(s.only_v6(), Ok(true));
        s.set_only_v6(false).expect("off");
        assert_eq!(s.only_v6(), Ok(false));
        s.bind(&SocketAddr::parse("[::1]:0").expect("parse"))
            .expect("bind");
        assert_eq!(
            s.set_only_v6(true),
            Err(Errno::EINVAL),
            "too late after bind"
        );
    }
    // An IPv6 option on an IPv4 socket: the kernel's setters say
    // ENOPROTOOPT and its getters EOPNOTSUPP.
    for ty in [Type::STREAM, Type::DGRAM] {
        let v4 = new_socket(Domain::IPV4, ty);
        assert_eq!(v4.set_only_v6(true), Err(Errno::ENOPROTOOPT));
        assert_eq!(v4.only_v6(), Err(Errno::EOPNOTSUPP));
    }
}

/// An address in TEST-NET-1 (RFC 5737): on no interface of this host, and
/// never sent to (only bound).
const NOT_OURS: &str = "192.0.2.1:0";

#[test]
fn freebind_binds_an_address_the_host_lacks() {
    for domain in [Domain::IPV4, Domain::IPV6] {
        let s = new_socket(domain, Type::DGRAM);
        assert_eq!(s.freebind(), Ok(false));
        s.set_freebind(true).expect("IP_FREEBIND");
        assert_eq!(s.freebind(), Ok(true), "{domain:?}");
        s.set_freebind(false).expect("off");
        assert_eq!(s.freebind(), Ok(false));
    }
    let not_ours = SocketAddr::parse(NOT_OURS).expect("parse");
    let plain = new_socket(Domain::IPV4, Type::DGRAM);
    assert_eq!(plain.bind(&not_ours), Err(Errno::EADDRNOTAVAIL));
    let free = new_socket(Domain::IPV4, Type::DGRAM);
    free.set_freebind(true).expect("IP_FREEBIND");
    assert_eq!(free.bind(&not_ours), Ok(()));
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user does not emulate IP_TRANSPARENT (ENOPROTOOPT)"
)]
fn transparent_round_trip() {
    for domain in [Domain::IPV4, Domain::IPV6] {
        let s = new_socket(domain, Type::STREAM);
        assert_eq!(s.transparent(), Ok(false));
        s.set_transparent(true)
            .expect("IP_TRANSPARENT needs CAP_NET_ADMIN");
        assert_eq!(s.transparent(), Ok(true), "{domain:?}");
        s.set_transparent(false).expect("off");
        assert_eq!(s.transparent(), Ok(false));
    }
    // Transparent, it binds an address the host lacks too.
    let s = new_socket(Domain::IPV4, Type::STREAM);
    s.set_transparent(true).expect("IP_TRANSPARENT");
    assert_eq!(s.bind(&SocketAddr::parse(NOT_OURS).expect("parse")), Ok(()));
}

#[test]
#[cfg_attr(
    sockcore_qemu,
    ignore = "qemu-user does not emulate IP_BIND_ADDRESS_NO_PORT (ENOPROTOOPT)"
)]
fn bind_address_no_port_leaves_the_port_to_connect() {
    let listener = Socket::listen_on("127.0.0.1:0", 1).expect("listen");
    let s = new_socket(Domain::IPV4, Type::STREAM);
    assert_eq!(s.bind_address_no_port(), Ok(false));
    s.set_bind_address_no_port(true)
        .expect("IP_BIND_ADDRESS_NO_PORT");
    assert_eq!(s.bind_address_no_port(), Ok(true));
    s.bind(&SocketAddr::parse("127.0.0.2:0").expect("parse"))
        .expect("bind");
    let bound = s.local_addr().expect("name");
    assert_eq!(
        (bound.to_string().as_str(), bound.port()),
        ("127.0.0.2:0", Some(0))
    );
    s.connect_within(
        &listener.local_addr().expect("name"),
        Some(Duration::from_secs(5)),
    )
    .expect("connect");
    let connected = s.local_addr().expect("name");
    assert!(
        connected.port().is_some_and(|port| port != 0),
        "{connected}"
    );
    assert!(
        connected.to_string().starts_with("127.0.0.2:"),
        "{connected}"
    );
}
