//! The workloads, by the names every implementation's command line takes.

/// Bytes in a pingpong message and in a UDP datagram.
pub const MESSAGE: usize = 64;
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
/// The epoll echo's clients, all connected for the whole run.
pub const CLIENTS: usize = 1000;
/// Events one `epoll_wait` may return: a quarter of the clients, so a round
/// takes several waits, as a busy server's does.
pub const EVENTS: usize = 256;
/// 64 KiB chunks in a full-mode file run: the 1 GiB file, whole.
pub const FILE_CHUNKS: u64 = 16_384;

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
    /// 64-byte messages from 1,000 TCP clients to an epoll echo server.
    EpollEcho,
    /// A file to a TCP peer with `sendfile`, one whole-transfer call.
    FileSendfile,
    /// The same file with a `read` and a send per 64 KiB chunk.
    FileReadWrite,
}

impl Workload {
    /// Every workload, in table order.
    pub const ALL: [Workload; 10] = [
        Workload::PingpongTcp,
        Workload::PingpongUnix,
        Workload::BulkWrite,
        Workload::BulkWritev,
        Workload::Churn,
        Workload::UdpSendto,
        Workload::UdpMmsg,
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
            Workload::EpollEcho => "epoll-echo",
            Workload::FileSendfile => "file-sendfile",
            Workload::FileReadWrite => "file-readwrite",
        }
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
            Workload::UdpSendto | Workload::UdpMmsg => "datagram",
            Workload::EpollEcho => "message",
            Workload::FileSendfile | Workload::FileReadWrite => "64 KiB chunk",
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
            Workload::UdpSendto | Workload::UdpMmsg => MESSAGE as u64 * count,
        }
    }

    /// Whether datagrams may be lost (and the bytes fall short by as many).
    pub fn is_lossy(self) -> bool {
        matches!(self, Workload::UdpSendto | Workload::UdpMmsg)
    }

    /// Counts must be a multiple of this.
    pub fn granule(self) -> u64 {
        match self {
            Workload::UdpMmsg => BATCH as u64,
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
