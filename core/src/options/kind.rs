//! [`Opt`], an option's level and name with the kind of its value in its
//! type, and the kinds: each says what Rust value an option takes and turns
//! it into the C value the kernel reads, and back.
//!
//! A kind is written once here and serves every option of that kind: the
//! saturations, roundings and range errors of, say, a buffer size live in
//! [`Size`] alone.

use core::fmt;
use core::marker::PhantomData;
use core::mem::size_of;
use core::net::{Ipv4Addr, Ipv6Addr};
use core::time::Duration;

use crate::errno::Result;
use crate::flags::{PmtuDiscover, TimestampingFlags};
use crate::msg::credentials::Credentials;
use crate::options::tcp_info::TcpInfo;
use crate::time::{
    duration_from_timeval, micros_rounded_up, millis_rounded_up, secs_rounded_up, timeval_from,
};

/// A socket option: the level and name `setsockopt(2)` takes, and in `K` the
/// kind of its value, which says what
/// [`SocketFd::set_option`](crate::SocketFd::set_option) takes and
/// [`SocketFd::option`](crate::SocketFd::option) returns.
///
/// The [options table](crate::options#the-table) has one for every option
/// this crate names. [`Opt::new`] makes one for any other option whose value
/// has one of these kinds:
///
/// ```
/// use sockcore::options::{Opt, Switch};
/// use sockcore::{Domain, SockFlags, Socket, Type};
///
/// // IP_RECVERR: an int switch, not in the table.
/// let recv_err: Opt<Switch> = Opt::new(libc::IPPROTO_IP, libc::IP_RECVERR);
/// let socket = Socket::new(Domain::IPV4, Type::DGRAM, SockFlags::empty())?;
/// socket.set_option(recv_err, true)?;
/// assert!(socket.option(recv_err)?);
/// # Ok::<(), sockcore::Errno>(())
/// ```
pub struct Opt<K> {
    level: i32,
    name: i32,
    kind: PhantomData<fn() -> K>,
}

impl<K> Opt<K> {
    /// The option `name` at `level` (`SOL_SOCKET`, `IPPROTO_TCP`, …), whose
    /// value has kind `K`.
    #[inline]
    pub const fn new(level: i32, name: i32) -> Opt<K> {
        Opt {
            level,
            name,
            kind: PhantomData,
        }
    }

    /// The level, such as `SOL_SOCKET`.
    #[inline]
    pub const fn level(self) -> i32 {
        self.level
    }

    /// The name, such as `SO_REUSEPORT`.
    #[inline]
    pub const fn name(self) -> i32 {
        self.name
    }
}

impl<K> Clone for Opt<K> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}

impl<K> Copy for Opt<K> {}

impl<K> fmt::Debug for Opt<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Opt")
            .field("level", &self.level)
            .field("name", &self.name)
            .finish()
    }
}

/// The kind of an option's value: the Rust type callers use for it, and
/// (hidden, in [`Get`] and [`Set`]) how it travels to and from the kernel.
/// The kinds are types with no values, named in [`Opt`]'s parameter only.
pub trait Kind: sealed::Sealed {
    /// What callers pass to set the option and get when reading it.
    type Value;
}

/// A kind whose value can be read: [`SocketFd::option`](crate::SocketFd::option).
pub trait Get: Kind + sealed::Decode {}

/// A kind whose value can be set:
/// [`SocketFd::set_option`](crate::SocketFd::set_option).
pub trait Set: Kind + sealed::Encode {}

impl<K: Kind + sealed::Decode> Get for K {}
impl<K: Kind + sealed::Encode> Set for K {}

/// How kinds convert, outside the public API: only the kinds below have it.
pub(crate) mod sealed {
    use crate::errno::Result;
    use crate::sys::PlainData;

    /// Only this module's kinds are kinds.
    pub trait Sealed {}

    /// The C value a kind's value becomes for `setsockopt(2)`.
    pub trait Encode: super::Kind {
        /// What the kernel reads.
        type C: PlainData;
        /// Writes the C value for `value` into `c`, which starts all-zero;
        /// or returns the error the kernel would give it.
        fn encode(value: Self::Value, c: &mut Self::C) -> Result<()>;
    }

    /// The value a kind's C value from `getsockopt(2)` means.
    pub trait Decode: super::Kind {
        /// What the kernel writes.
        type C: PlainData;
        /// The value `c` stands for, of which the kernel wrote the first
        /// `filled` bytes (the rest are zero): a struct that grows with the
        /// kernel reads only what an older one filled.
        fn decode(c: Self::C, filled: usize) -> Self::Value;
    }
}

use sealed::{Decode, Encode, Sealed};

/// Declares kinds: a type with no values, its Rust value type, and which of
/// the conversions it has.
macro_rules! kinds {
    ($($(#[$doc:meta])* $kind:ident: $value:ty;)*) => {$(
        $(#[$doc])*
        #[derive(Debug)]
        pub enum $kind {}

        impl Sealed for $kind {}

        impl Kind for $kind {
            type Value = $value;
        }
    )*};
}

/// Both conversions of a kind whose C value is one `int`.
macro_rules! int_kind {
    ($kind:ident, encode: $encode:expr, decode: $decode:expr) => {
        impl Encode for $kind {
            type C = libc::c_int;
            #[inline]
            fn encode(value: Self::Value, c: &mut libc::c_int) -> Result<()> {
                let encode: fn(Self::Value) -> Result<libc::c_int> = $encode;
                *c = encode(value)?;
                Ok(())
            }
        }

        impl Decode for $kind {
            type C = libc::c_int;
            #[inline]
            fn decode(c: libc::c_int, _filled: usize) -> Self::Value {
                $decode(c)
            }
        }
    };
}

kinds! {
    /// A switch, `bool`: an `int` that is 1 or 0 (any non-zero value
    /// reads as on).
    Switch: bool;
    /// A count, hop limit or interface index, `u32`: an `int`, saturating
    /// at `INT_MAX` (which the kernel refuses); a negative one reads as 0.
    Count: u32;
    /// A size in bytes, `usize`: an `int`, saturating at `INT_MAX`; a
    /// negative one reads as 0.
    Size: usize;
    /// A byte, `u8` (a traffic class): an `int` from 0 to 255; anything
    /// else reads as 0.
    Byte: u8;
    /// An `int` as the kernel has it, `i32` (an errno, a type, a domain).
    Int: i32;
    /// 32 bits the kernel keeps unsigned, `u32` (a firewall mark): an
    /// `int` with the same bits, so values past `INT_MAX` go through.
    Bits: u32;
    /// A CPU number, or none yet, `Option<u32>`: an `int`, -1 for none.
    Cpu: Option<u32>;
    /// Whole seconds, `Duration`: an `int`, rounded up (so a non-zero
    /// duration never becomes 0) and saturating at `INT_MAX`.
    Seconds: Duration;
    /// Whole microseconds, `Duration`: an `int`, rounded up; `EINVAL` past
    /// `INT_MAX` microseconds (about 35 minutes).
    Micros: Duration;
    /// A time-out in whole milliseconds where 0 is none,
    /// `Option<Duration>`: an `int`, rounded up; `EINVAL` past `INT_MAX`
    /// milliseconds, as the kernel would answer.
    Millis: Option<Duration>;
    /// A time-out, `Option<Duration>`: a `struct timeval`, all-zero for
    /// none (see [`SocketFd::set_read_timeout`](crate::SocketFd::set_read_timeout)).
    TimeVal: Option<Duration>;
    /// A linger time, `Option<Duration>`: a `struct linger` (whole seconds,
    /// rounded up).
    Linger: Option<Duration>;
    /// A process's credentials, [`Credentials`]: a `struct ucred`, read only.
    Ucred: Credentials;
    /// An IPv4 multicast group and an interface index, `(Ipv4Addr, u32)`: a
    /// `struct ip_mreqn`, set only.
    GroupV4: (Ipv4Addr, u32);
    /// An IPv6 multicast group and an interface index, `(Ipv6Addr, u32)`: a
    /// `struct ipv6_mreq`, set only.
    GroupV6: (Ipv6Addr, u32);
    /// An interface index, `u32`, in a `struct ip_mreqn` with no address:
    /// set only.
    InterfaceV4: u32;
    /// A path MTU discovery mode, [`PmtuDiscover`]: an `int`.
    PmtuMode: PmtuDiscover;
    /// `SO_TIMESTAMPING` flags, [`TimestampingFlags`]: an `int` of
    /// `SOF_TIMESTAMPING_*` bits (bits this crate does not name are kept).
    StampFlags: TimestampingFlags;
    /// An IPv4 multicast group and the address of the interface to use
    /// (`0.0.0.0`: by routing), `(Ipv4Addr, Ipv4Addr)`: a `struct ip_mreq`,
    /// set only.
    GroupV4Addr: (Ipv4Addr, Ipv4Addr);
    /// An IPv4 multicast group, the one source to receive it from, and the
    /// address of the interface to use, `(Ipv4Addr, Ipv4Addr, Ipv4Addr)`:
    /// a `struct ip_mreq_source`, set only.
    SourceGroupV4: (Ipv4Addr, Ipv4Addr, Ipv4Addr);
    /// A snapshot of a TCP connection, [`TcpInfo`]: a `struct tcp_info`,
    /// read only, as far as the kernel filled it.
    TcpInfoStruct: TcpInfo;
}

/// Bytes of any length, such as an interface name: the kind of options set
/// and read through [`SocketFd::set_option_bytes`](crate::SocketFd::set_option_bytes)
/// and [`SocketFd::option_bytes`](crate::SocketFd::option_bytes).
#[derive(Debug)]
pub enum Bytes {}

/// A count or size as a C `int`, saturating (the kernel refuses that much).
#[inline]
fn saturated<T: TryInto<libc::c_int>>(value: T) -> Result<libc::c_int> {
    Ok(value.try_into().unwrap_or(libc::c_int::MAX))
}

int_kind!(
    Switch,
    encode: |on: bool| Ok(libc::c_int::from(on)),
    decode: |value: libc::c_int| value != 0
);
int_kind!(
    Count,
    encode: saturated::<u32>,
    decode: |value: libc::c_int| u32::try_from(value).unwrap_or(0)
);
int_kind!(
    Size,
    encode: saturated::<usize>,
    decode: |value: libc::c_int| usize::try_from(value).unwrap_or(0)
);
int_kind!(
    Byte,
    encode: |byte: u8| Ok(libc::c_int::from(byte)),
    decode: |value: libc::c_int| u8::try_from(value).unwrap_or(0)
);
int_kind!(
    Int,
    encode: |value: i32| Ok(value),
    decode: |value: libc::c_int| value
);
int_kind!(
    Bits,
    encode: |bits: u32| Ok(libc::c_int::from_ne_bytes(bits.to_ne_bytes())),
    decode: |value: libc::c_int| u32::from_ne_bytes(value.to_ne_bytes())
);
int_kind!(
    Cpu,
    encode: |cpu: Option<u32>| cpu.map_or(Ok(-1), saturated),
    decode: |value: libc::c_int| u32::try_from(value).ok()
);
int_kind!(
    Micros,
    encode: micros_rounded_up,
    decode: |us: libc::c_int| Duration::from_micros(u64::try_from(us).unwrap_or(0))
);
int_kind!(
    Seconds,
    encode: |d: Duration| Ok(secs_rounded_up(d)),
    decode: |secs: libc::c_int| Duration::from_secs(u64::try_from(secs).unwrap_or(0))
);
int_kind!(
    Millis,
    encode: |timeout: Option<Duration>| timeout.map_or(Ok(0), millis_rounded_up),
    decode: |ms: libc::c_int| {
        let ms = u64::try_from(ms).unwrap_or(0);
        (ms != 0).then(|| Duration::from_millis(ms))
    }
);

int_kind!(
    PmtuMode,
    encode: |mode: PmtuDiscover| Ok(mode.0),
    decode: PmtuDiscover
);
int_kind!(
    StampFlags,
    encode: |flags: TimestampingFlags| Ok(flags.bits() as libc::c_int),
    decode: |bits: libc::c_int| TimestampingFlags::from_bits_retain(bits as u32)
);

impl Encode for TimeVal {
    type C = libc::timeval;
    #[inline]
    fn encode(timeout: Option<Duration>, tv: &mut libc::timeval) -> Result<()> {
        *tv = timeval_from(timeout)?;
        Ok(())
    }
}

impl Decode for TimeVal {
    type C = libc::timeval;
    #[inline]
    fn decode(tv: libc::timeval, _filled: usize) -> Option<Duration> {
        duration_from_timeval(tv)
    }
}

impl Encode for Linger {
    type C = libc::linger;
    #[inline]
    fn encode(linger: Option<Duration>, c: &mut libc::linger) -> Result<()> {
        c.l_onoff = libc::c_int::from(linger.is_some());
        c.l_linger = linger.map_or(0, secs_rounded_up);
        Ok(())
    }
}

impl Decode for Linger {
    type C = libc::linger;
    #[inline]
    fn decode(value: libc::linger, _filled: usize) -> Option<Duration> {
        let secs = u64::try_from(value.l_linger).unwrap_or(0);
        (value.l_onoff != 0).then_some(Duration::from_secs(secs))
    }
}

impl Decode for Ucred {
    type C = libc::ucred;
    #[inline]
    fn decode(ucred: libc::ucred, _filled: usize) -> Credentials {
        Credentials {
            pid: ucred.pid,
            uid: ucred.uid,
            gid: ucred.gid,
        }
    }
}

impl Decode for TcpInfoStruct {
    /// The struct's bytes rather than `libc::tcp_info`: byte 7 holds two
    /// bit-fields that glibc's layout declares as padding, which a typed
    /// copy need not keep.
    type C = [u8; size_of::<libc::tcp_info>()];
    #[inline]
    fn decode(bytes: Self::C, filled: usize) -> TcpInfo {
        TcpInfo::from_kernel(&bytes, filled)
    }
}

impl Encode for GroupV4 {
    type C = libc::ip_mreqn;
    #[inline]
    fn encode((group, ifindex): (Ipv4Addr, u32), mreq: &mut libc::ip_mreqn) -> Result<()> {
        *mreq = mreqn(group, ifindex);
        Ok(())
    }
}

impl Encode for GroupV6 {
    type C = libc::ipv6_mreq;
    #[inline]
    fn encode((group, ifindex): (Ipv6Addr, u32), mreq: &mut libc::ipv6_mreq) -> Result<()> {
        mreq.ipv6mr_multiaddr.s6_addr = group.octets();
        // u32 on glibc, c_uint on musl: the same width.
        mreq.ipv6mr_interface = ifindex as _;
        Ok(())
    }
}

impl Encode for InterfaceV4 {
    type C = libc::ip_mreqn;
    #[inline]
    fn encode(ifindex: u32, mreq: &mut libc::ip_mreqn) -> Result<()> {
        *mreq = mreqn(Ipv4Addr::UNSPECIFIED, ifindex);
        Ok(())
    }
}

impl Encode for GroupV4Addr {
    type C = libc::ip_mreq;
    #[inline]
    fn encode((group, interface): (Ipv4Addr, Ipv4Addr), mreq: &mut libc::ip_mreq) -> Result<()> {
        mreq.imr_multiaddr = in_addr(group);
        mreq.imr_interface = in_addr(interface);
        Ok(())
    }
}

impl Encode for SourceGroupV4 {
    type C = libc::ip_mreq_source;
    #[inline]
    fn encode(
        (group, source, interface): (Ipv4Addr, Ipv4Addr, Ipv4Addr),
        mreq: &mut libc::ip_mreq_source,
    ) -> Result<()> {
        mreq.imr_multiaddr = in_addr(group);
        mreq.imr_sourceaddr = in_addr(source);
        mreq.imr_interface = in_addr(interface);
        Ok(())
    }
}

/// An `in_addr` for `ip`, in network byte order.
#[inline]
fn in_addr(ip: Ipv4Addr) -> libc::in_addr {
    libc::in_addr {
        s_addr: u32::from(ip).to_be(),
    }
}

/// An `ip_mreqn` for `group` on interface `ifindex`.
#[inline]
fn mreqn(group: Ipv4Addr, ifindex: u32) -> libc::ip_mreqn {
    libc::ip_mreqn {
        imr_multiaddr: in_addr(group),
        imr_address: in_addr(Ipv4Addr::UNSPECIFIED),
        imr_ifindex: libc::c_int::try_from(ifindex).unwrap_or(libc::c_int::MAX),
    }
}
