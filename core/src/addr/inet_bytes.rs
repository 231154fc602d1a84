//! An IPv4 or IPv6 address from the bytes of a `sockaddr_in` or
//! `sockaddr_in6`, wherever they lie: inside control messages, which give
//! no alignment.

use core::mem::{offset_of, size_of};

use super::SocketAddr;
use crate::bytes::array;

impl SocketAddr {
    /// The `sockaddr_in` or `sockaddr_in6` at the start of `bytes`, as
    /// its family says; `None` for another family or too few bytes.
    pub(crate) fn from_inet_bytes(bytes: &[u8]) -> Option<SocketAddr> {
        let family = u16::from_ne_bytes(array(bytes, 0)?);
        match i32::from(family) {
            libc::AF_INET if bytes.len() >= size_of::<libc::sockaddr_in>() => {
                let port = array(bytes, offset_of!(libc::sockaddr_in, sin_port))?;
                let ip = array(bytes, offset_of!(libc::sockaddr_in, sin_addr))?;
                Some(SocketAddr::v4(ip, u16::from_be_bytes(port)))
            }
            libc::AF_INET6 if bytes.len() >= size_of::<libc::sockaddr_in6>() => {
                let port = array(bytes, offset_of!(libc::sockaddr_in6, sin6_port))?;
                let flowinfo = array(bytes, offset_of!(libc::sockaddr_in6, sin6_flowinfo))?;
                let ip = array(bytes, offset_of!(libc::sockaddr_in6, sin6_addr))?;
                let scope_id = array(bytes, offset_of!(libc::sockaddr_in6, sin6_scope_id))?;
                Some(SocketAddr::v6(
                    ip,
                    u16::from_be_bytes(port),
                    u32::from_be_bytes(flowinfo),
                    u32::from_ne_bytes(scope_id),
                ))
            }
            _ => None,
        }
    }
}
