//! The workloads, by the names every implementation's command line takes.

/// Bytes in a pingpong message and in a UDP datagram of the 64-byte rows.
pub const MESSAGE: usize = 64;
/// Bytes in a datagram of the bulk UDP rows: what a QUIC packet is sized to.
pub const DATAGRAM_1200: usize = 1200;
/// Datagrams of [`DATAGRAM_1200`] bytes per offloaded send: 54 x 1,200 =
/// 64,800 bytes, the most under the 65,507-byte payload limit
/// (`sockcore::udp::segments_per_send(1200)`).
pub const GSO_SEGMENTS: usize = 54;
/// Bytes in one bulk operation: one 64 KiB send, or four 16 KiB slices.
pub const CHUNK: usize = 64 * 1024;
/// Slices in a vectored bulk send.
pub const SLICES: usize = 4;
/// Datagrams in one `sendmmsg`/`recvmmsg` batch.
pub const BATCH: usize = 32;
/// Receive-buffer bytes one UDP datagram of [`MESSAGE`] bytes takes: its
/// skb's truesize, 832 on Linux 6.18 x86-64 (`SO_MEMINFO`'s rmem_alloc over
/// the datagrams queued), rounded up for other kernels' layouts. A UDP
/// receiver's buffer holds a whole run of them (`c/workloads.c` too).
pub const RECEIVE_BYTES_PER_DATAGRAM: u64 = 1024;
/// The same for a datagram of [`DATAGRAM_1200`] bytes: 2,304 queued alone
/// (a coalesced run of 54 takes 65,632, about 1,216 each), rounded up.
pub const RECEIVE_BYTES_PER_DATAGRAM_1200: u64 = 2560;
/// The epoll echo's clients, all connected for the whole run.
pub const CLIENTS: usize = 1000;
/// Events one `epoll_wait` may return: a quarter of the clients, so a round
/// takes several waits, as a busy server's does.
pub const EVENTS: usize = 256;
/// 64 KiB chunks in a full-mode file run: the 1 GiB file, whole.
pub const FILE_CHUNKS: u64 = 16_384;

/// A set of workloads (those `--only` names).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Workloads(u32);

impl Workloads {
    /// The set with `workload` added.
    pub fn with(self, workload: Workload) -> Workloads {
        Workloads(self.0 | workload.bit())
    }

    /// Whether `workload` is in the set.
    pub fn contains(self, workload: Workload) -> bool {
        self.0 & workload.bit() != 0
    }

    /// The names, in table order.
    pub fn names(self) -> Vec<&'static str> {
        Workload::ALL
            .into_iter()
            .filter(|&w| self.contains(w))
            .map(Workload::name)
            .collect()
    }
}

/// What one measurement does; its count is in the unit [`unit`](Self::unit)
/// names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Workload {
    /// 64-byte request/response over TCP on 127.0.0.1.
    PingpongTcp,
    /// 64-byte request/response over a Unix stream socket pair.
    PingpongUnix,
    /// TCP bulk transfer, one 64 KiB send per chunk.
    BulkWrite,
    /// TCP bulk transfer, one vectored send of 4 x 16 KiB per chunk.
    BulkWritev,
    /// TCP connect, accept and close of both ends, one cycle at a time.
    Churn,
    /// 64-byte UDP datagrams, one `sendto` and one `recvfrom` each.
    UdpSendto,
    /// 64-byte UDP datagrams in `sendmmsg`/`recvmmsg` batches of 32.
    UdpMmsg,
    /// 1,200-byte UDP datagrams, one `sendto` and one `recvfrom` each.
    Udp1200Sendto,
    /// 1,200-byte UDP datagrams in `sendmmsg`/`recvmmsg` batches of 32.
    Udp1200Mmsg,
    /// 1,200-byte UDP datagrams, 54 per `sendmsg` with `UDP_SEGMENT`
    /// (GSO), received in `recvmmsg` batches of 32.
    Udp1200Gso,
    /// The same sends, received with `UDP_GRO` on: one `recvmsg` per
    /// coalesced run of 54.
    Udp1200GsoGro,
    /// 64-byte messages from 1,000 TCP clients to an epoll echo server.
    EpollEcho,
    /// A file to a TCP peer with `sendfile`, one whole-transfer call.
    FileSendfile,
    /// The same file with a `read` and a send per 64 KiB chunk.
    FileReadWrite,
}

impl Workload {
    /// Every workload, in table order.
    pub const ALL: [Workload; 14] = [
        Workload::PingpongTcp,
        Workload::PingpongUnix,
        Workload::BulkWrite,
        Workload::BulkWritev,
        Workload::Churn,
        Workload::UdpSendto,
        Workload::UdpMmsg,
        Workload::Udp1200Sendto,
        Workload::Udp1200Mmsg,
        Workload::Udp1200Gso,
        Workload::Udp1200GsoGro,
        Workload::EpollEcho,
        Workload::FileSendfile,
        Workload::FileReadWrite,
    ];

    /// The name on the command lines (the C programs' too).
    pub fn name(self) -> &'static str {
        match self {
            Workload::PingpongTcp => "pingpong-tcp",
            Workload::PingpongUnix => "pingpong-unix",
            Workload::BulkWrite => "bulk-write",
            Workload::BulkWritev => "bulk-writev",
            Workload::Churn => "churn",
            Workload::UdpSendto => "udp-sendto",
            Workload::UdpMmsg => "udp-mmsg",
            Workload::Udp1200Sendto => "udp1200-sendto",
            Workload::Udp1200Mmsg => "udp1200-mmsg",
            Workload::Udp1200Gso => "udp1200-gso",
            Workload::Udp1200GsoGro => "udp1200-gso-gro",
            Workload::EpollEcho => "epoll-echo",
            Workload::FileSendfile => "file-sendfile",
            Workload::FileReadWrite => "file-readwrite",
        }
    }

    /// This workload's bit in a [`Workloads`] set: its place in [`ALL`](Self::ALL).
    fn bit(self) -> u32 {
        1 << Workload::ALL.iter().position(|&w| w == self).unwrap_or(0)
    }

    /// The workload called `name`.
    pub fn from_name(name: &str) -> Option<Workload> {
        Workload::ALL.into_iter().find(|w| w.name() == name)
    }

    /// What the count counts.
    pub fn unit(self) -> &'static str {
        match self {
            Workload::PingpongTcp | Workload::PingpongUnix => "round trip",
            Workload::BulkWrite | Workload::BulkWritev => "64 KiB chunk",
            Workload::Churn => "cycle",
            Workload::EpollEcho => "message",
            Workload::FileSendfile | Workload::FileReadWrite => "64 KiB chunk",
            _ => "datagram",
        }
    }

    /// Bytes in each datagram of a UDP workload.
    pub fn datagram_size(self) -> usize {
        match self {
            Workload::UdpSendto | Workload::UdpMmsg => MESSAGE,
            _ => DATAGRAM_1200,
        }
    }

    /// Receive-buffer bytes a datagram of this workload takes.
    pub fn receive_bytes_per_datagram(self) -> u64 {
        match self.datagram_size() {
            MESSAGE => RECEIVE_BYTES_PER_DATAGRAM,
            _ => RECEIVE_BYTES_PER_DATAGRAM_1200,
        }
    }

    /// The payload bytes a run of `count` delivers when nothing is lost.
    pub fn expected_bytes(self, count: u64) -> u64 {
        match self {
            Workload::PingpongTcp | Workload::PingpongUnix | Workload::EpollEcho => {
                2 * MESSAGE as u64 * count
            }
            Workload::BulkWrite
            | Workload::BulkWritev
            | Workload::FileSendfile
            | Workload::FileReadWrite => CHUNK as u64 * count,
            Workload::Churn => 0,
            _ => self.datagram_size() as u64 * count,
        }
    }

    /// Whether datagrams may be lost (and the bytes fall short by as many).
    pub fn is_lossy(self) -> bool {
        matches!(
            self,
            Workload::UdpSendto
                | Workload::UdpMmsg
                | Workload::Udp1200Sendto
                | Workload::Udp1200Mmsg
                | Workload::Udp1200Gso
                | Workload::Udp1200GsoGro
        )
    }

    /// Counts must be a multiple of this.
    pub fn granule(self) -> u64 {
        match self {
            Workload::UdpMmsg | Workload::Udp1200Mmsg => BATCH as u64,
            // Its receiver takes batches of 32: a count that is not a
            // multiple would leave it waiting out its time-out for the
            // rest of the last batch.
            Workload::Udp1200Gso => (GSO_SEGMENTS * BATCH / 2) as u64,
            Workload::Udp1200GsoGro => GSO_SEGMENTS as u64,
            Workload::EpollEcho => CLIENTS as u64,
            _ => 1,
        }
    }

    /// Whether it moves a file (the driver's `BENCH_FILE`), by bytes.
    pub fn is_file(self) -> bool {
        matches!(self, Workload::FileSendfile | Workload::FileReadWrite)
    }

    /// Whether its rate is bytes per second (rather than operations).
    pub fn is_bulk(self) -> bool {
        matches!(
            self,
            Workload::BulkWrite
                | Workload::BulkWritev
                | Workload::FileSendfile
                | Workload::FileReadWrite
        )
    }
}
