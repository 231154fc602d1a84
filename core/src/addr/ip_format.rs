//! IPv4 and IPv6 socket addresses to text, byte for byte as `core::net`'s
//! `Display` writes them, but through [`TextWriter`] instead of
//! `core::fmt`.
//!
//! IPv6 follows RFC 5952's canonical form: lowercase hexadecimal without
//! leading zeros, the longest run of two or more zero groups written as `::`
//! (the leftmost one on a tie), and IPv4-mapped addresses as
//! `::ffff:a.b.c.d`.

use core::net::{Ipv4Addr, Ipv6Addr, SocketAddrV4, SocketAddrV6};

use super::text_writer::TextWriter;
use crate::errno::Result;

/// `a.b.c.d:port`.
pub(crate) fn write_socket_v4(out: &mut TextWriter<'_>, addr: &SocketAddrV4) -> Result<()> {
    write_v4(out, addr.ip())?;
    write_port(out, addr.port())
}

/// `[v6]:port`, or `[v6%scope]:port` when the scope id is not 0. The flow
/// label has no place in the text.
pub(crate) fn write_socket_v6(out: &mut TextWriter<'_>, addr: &SocketAddrV6) -> Result<()> {
    out.byte(b'[')?;
    write_v6(out, addr.ip())?;
    if addr.scope_id() != 0 {
        out.byte(b'%')?;
        out.decimal(addr.scope_id())?;
    }
    out.byte(b']')?;
    write_port(out, addr.port())
}

fn write_port(out: &mut TextWriter<'_>, port: u16) -> Result<()> {
    out.byte(b':')?;
    out.decimal(u32::from(port))
}

fn write_v4(out: &mut TextWriter<'_>, ip: &Ipv4Addr) -> Result<()> {
    for (i, &octet) in ip.octets().iter().enumerate() {
        if i > 0 {
            out.byte(b'.')?;
        }
        out.decimal(u32::from(octet))?;
    }
    Ok(())
}

fn write_v6(out: &mut TextWriter<'_>, ip: &Ipv6Addr) -> Result<()> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        out.bytes(b"::ffff:")?;
        return write_v4(out, &v4);
    }
    let segments = ip.segments();
    let (start, len) = longest_zero_run(&segments);
    // A single zero group stays `0`: RFC 5952 section 4.2.2.
    if len < 2 {
        return write_groups(out, &segments);
    }
    let end = start.saturating_add(len);
    write_groups(out, segments.get(..start).unwrap_or_default())?;
    out.bytes(b"::")?;
    write_groups(out, segments.get(end..).unwrap_or_default())
}

/// The start and length of the first longest run of zero groups.
fn longest_zero_run(segments: &[u16; 8]) -> (usize, usize) {
    let (mut best_start, mut best_len) = (0, 0);
    let (mut run_start, mut run_len) = (0, 0);
    for (i, &segment) in segments.iter().enumerate() {
        if segment != 0 {
            run_len = 0;
            continue;
        }
        if run_len == 0 {
            run_start = i;
        }
        run_len += 1;
        // Strictly longer: on a tie the leftmost run wins.
        if run_len > best_len {
            (best_start, best_len) = (run_start, run_len);
        }
    }
    (best_start, best_len)
}

/// Groups separated by `:`.
// Out of line: write_v6 calls it three times.
#[inline(never)]
fn write_groups(out: &mut TextWriter<'_>, groups: &[u16]) -> Result<()> {
    for (i, &group) in groups.iter().enumerate() {
        if i > 0 {
            out.byte(b':')?;
        }
        out.hex(group)?;
    }
    Ok(())
}
