//! The C types the readers fill (`sc_timestamp`, `sc_extended_err`) and the
//! numbers an error-queue entry carries (`SC_EE_ORIGIN_*`, `SC_TSTAMP_*`).

use sockcore::{ErrorOrigin, ExtendedError, SocketAddr, Timestamp};

use crate::addr::value::sc_addr;

/// A `CLOCK_REALTIME` instant as the kernel stamped it: seconds and
/// nanoseconds (0 to 999,999,999) since the Unix epoch, 64-bit seconds on
/// every target.
#[allow(non_camel_case_types)] // C's spelling: this is the header's name.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sc_timestamp {
    /// Whole seconds since the epoch.
    pub sec: i64,
    /// Nanoseconds past `sec`.
    pub nsec: u32,
}

impl From<Timestamp> for sc_timestamp {
    fn from(stamp: Timestamp) -> sc_timestamp {
        sc_timestamp {
            sec: stamp.sec,
            nsec: stamp.nsec,
        }
    }
}

/// An error-queue entry, as `IP_RECVERR` / `IPV6_RECVERR` report it: the
/// fields of `struct sock_extended_err`, and the address of whoever
/// reported it. What they mean depends on `ee_origin`:
///
/// - `SC_EE_ORIGIN_ICMP`, `SC_EE_ORIGIN_ICMP6`: `ee_errno` is the error
///   (`ECONNREFUSED` for a port unreachable, `EMSGSIZE` with the path MTU
///   in `ee_info`, ...), `ee_type` and `ee_code` the ICMP type and code,
///   `offender` the host that sent the ICMP message (port 0);
/// - `SC_EE_ORIGIN_LOCAL`: an error this host raised (`EMSGSIZE` with the
///   path MTU in `ee_info`);
/// - `SC_EE_ORIGIN_TIMESTAMPING`: a transmit timestamp (`ee_errno` is
///   `ENOMSG`, `ee_info` an `SC_TSTAMP_*`, `ee_data` the send's number with
///   `SC_TIMESTAMPING_OPT_ID`); the stamp is read with
///   `sc_cmsg_get_timestamping`;
/// - `SC_EE_ORIGIN_ZEROCOPY`: zero-copy sends `ee_info` to `ee_data`
///   completed (`ee_code` 1: the kernel copied after all).
#[allow(non_camel_case_types)] // C's spelling: this is the header's name.
#[repr(C)]
pub struct sc_extended_err {
    /// The error, a positive errno (0 for zero-copy completions).
    pub ee_errno: i32,
    /// Where the entry came from: `SC_EE_ORIGIN_*`.
    pub ee_origin: u8,
    /// The ICMP type, for ICMP origins.
    pub ee_type: u8,
    /// The ICMP code, for ICMP origins.
    pub ee_code: u8,
    /// Always 0.
    pub ee_pad: u8,
    /// The path MTU for `EMSGSIZE`; `SC_TSTAMP_*` for a timestamp; the first
    /// send for zero-copy.
    pub ee_info: u32,
    /// The send's number for a timestamp; the last send for zero-copy.
    pub ee_data: u32,
    /// The address that reported the error; the empty address (length 0)
    /// when the entry has none.
    pub offender: sc_addr,
}

impl From<&ExtendedError> for sc_extended_err {
    fn from(error: &ExtendedError) -> sc_extended_err {
        let offender = error.offender.unwrap_or(SocketAddr::empty());
        sc_extended_err {
            ee_errno: error.errno.raw(),
            ee_origin: error.origin.raw(),
            ee_type: error.ty,
            ee_code: error.code,
            ee_pad: 0,
            ee_info: error.info,
            ee_data: error.data,
            offender: sc_addr::from(offender),
        }
    }
}

/// `SO_EE_ORIGIN_NONE`.
pub const SC_EE_ORIGIN_NONE: u8 = 0;
/// `SO_EE_ORIGIN_LOCAL`: an error this host raised.
pub const SC_EE_ORIGIN_LOCAL: u8 = 1;
/// `SO_EE_ORIGIN_ICMP`: an ICMP message.
pub const SC_EE_ORIGIN_ICMP: u8 = 2;
/// `SO_EE_ORIGIN_ICMP6`: an ICMPv6 message.
pub const SC_EE_ORIGIN_ICMP6: u8 = 3;
/// `SO_EE_ORIGIN_TIMESTAMPING`: a transmit timestamp.
pub const SC_EE_ORIGIN_TIMESTAMPING: u8 = 4;
/// `SO_EE_ORIGIN_ZEROCOPY`: zero-copy sends completed.
pub const SC_EE_ORIGIN_ZEROCOPY: u8 = 5;
/// `SO_EE_CODE_ZEROCOPY_COPIED`: in the `ee_code` of an
/// `SC_EE_ORIGIN_ZEROCOPY` entry, the kernel copied the data after all.
pub const SC_EE_CODE_ZEROCOPY_COPIED: u8 = 1;

/// `SCM_TSTAMP_SND`: a transmit stamp taken as the packet left the stack.
pub const SC_TSTAMP_SND: u32 = 0;
/// `SCM_TSTAMP_SCHED`: a transmit stamp taken when the packet was queued
/// for the device.
pub const SC_TSTAMP_SCHED: u32 = 1;
/// `SCM_TSTAMP_ACK`: a transmit stamp taken when TCP data was acknowledged.
pub const SC_TSTAMP_ACK: u32 = 2;

const _: () = assert!(SC_EE_ORIGIN_NONE == ErrorOrigin::None.raw());
const _: () = assert!(SC_EE_ORIGIN_LOCAL == ErrorOrigin::Local.raw());
const _: () = assert!(SC_EE_ORIGIN_ICMP == ErrorOrigin::Icmp.raw());
const _: () = assert!(SC_EE_ORIGIN_ICMP6 == ErrorOrigin::Icmp6.raw());
const _: () = assert!(SC_EE_ORIGIN_TIMESTAMPING == ErrorOrigin::Timestamping.raw());
const _: () = assert!(SC_EE_ORIGIN_ZEROCOPY == ErrorOrigin::ZeroCopy.raw());
const _: () = assert!(SC_TSTAMP_SND == sockcore::SCM_TSTAMP_SND);
const _: () = assert!(SC_TSTAMP_SCHED == sockcore::SCM_TSTAMP_SCHED);
const _: () = assert!(SC_TSTAMP_ACK == sockcore::SCM_TSTAMP_ACK);
