/*
 * sockcore.h: the C ABI of sockcore, a socket library for Linux.
 *
 * Every function returns >= 0 on success and -errno on failure: test
 * ret < 0, and compare with the negated <errno.h> names, which this header
 * includes (ret == -EINTR); never ret == -1, which lets every other error
 * through as if it were a descriptor or a count. errno is not part of the
 * API. sc_strerror, sc_strerror_r and sc_errname turn a failure into text.
 * Bad input is a negative code, never a crash: -EFAULT for a NULL pointer
 * (unless the function says it may be NULL), -EINVAL for a length over
 * SSIZE_MAX, for unknown flag bits and for a malformed address,
 * -ENAMETOOLONG for a Unix name that does not fit sun_path.
 *
 * No global state, no allocation: every function may be called from any
 * thread. Descriptors are plain ints, created close-on-exec, so they mix
 * with poll(2) and other C code; sends never raise SIGPIPE. Addresses are
 * sc_addr values in the caller's memory.
 *
 * Link with -lsockcore.
 *
 * Three parts of the library are optional, cargo features of sockcore-ffi
 * that the default build has:
 *   messages     sc_sendmsg, sc_recvmsg, sc_sendmmsg, sc_recvmmsg,
 *                descriptor passing (sc_send_fds, sc_recv_fds), credentials
 *                (sc_ucred, sc_peer_credentials, sc_set_passcred, ...) and
 *                typed control messages (sc_cmsg_builder, sc_cmsg_add_*,
 *                sc_cmsg_get_*);
 *   options      the typed option calls (sc_set_reuseaddr, sc_get_rcvbuf,
 *                sc_set_nodelay, sc_join_multicast, ...);
 *   server       epoll (sc_epoll_create, sc_epoll_add, sc_epoll_wait, ...),
 *                TCP_INFO (sc_get_tcp_info), TCP Fast Open (sc_set_fastopen,
 *                sc_set_fastopen_connect) and sendfile (sc_send_file,
 *                sc_send_file_all);
 *   udp-offload  UDP segmentation offload (sc_send_segments,
 *                sc_recv_segments, sc_udp_offload_init, sc_set_udp_gro, ...).
 * A library built for a small system with `cargo build --release -p
 * sockcore-ffi --no-default-features` has none; everything else (the
 * server/client flow, byte moving, addresses, errors, poll, the time-out
 * calls and the raw sc_getsockopt/sc_setsockopt) is always there. The
 * declarations of each part stand inside #if defined(SOCKCORE_HAVE_MESSAGES),
 * SOCKCORE_HAVE_OPTIONS, SOCKCORE_HAVE_SERVER or SOCKCORE_HAVE_UDP_OFFLOAD.
 * This header defines each unless the program defines SOCKCORE_NO_MESSAGES,
 * SOCKCORE_NO_OPTIONS, SOCKCORE_NO_SERVER or SOCKCORE_NO_UDP_OFFLOAD before
 * including it: a program built against a library without a part defines
 * its NO_ macro, and a call to a missing function fails to compile rather
 * than to link.
 */

#ifndef SOCKCORE_H
#define SOCKCORE_H

/* Generated from ffi/src by cbindgen (see build.rs); do not edit by hand. */

#include <errno.h>
#include <sys/types.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <poll.h>
#include <sys/epoll.h>

/**
 * The version of sockcore this header belongs to, from Cargo.toml; integers,
 * for #if. sc_version() gives the version of the library a program loaded.
 */
#define SOCKCORE_VERSION_MAJOR 0
#define SOCKCORE_VERSION_MINOR 1
#define SOCKCORE_VERSION_PATCH 0
#define SOCKCORE_VERSION "0.1.0"
#if !defined(SOCKCORE_NO_MESSAGES)
#define SOCKCORE_HAVE_MESSAGES 1
#endif
#if !defined(SOCKCORE_NO_OPTIONS)
#define SOCKCORE_HAVE_OPTIONS 1
#endif
#if !defined(SOCKCORE_NO_SERVER)
#define SOCKCORE_HAVE_SERVER 1
#endif
#if !defined(SOCKCORE_NO_UDP_OFFLOAD)
#define SOCKCORE_HAVE_UDP_OFFLOAD 1
#endif

/*
 * Declared here so that the prototypes of sc_sendmmsg and sc_recvmmsg
 * compile without _GNU_SOURCE; glibc defines the struct itself only when
 * _GNU_SOURCE is defined before the first #include.
 */
struct mmsghdr;

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * Bytes of control-message space for one SCM_RIGHTS message carrying n
 * descriptors (CMSG_SPACE(n * sizeof(int))): a compile-time constant, to
 * size the msg_control buffer of sc_recvmsg. Sum several for several
 * messages, and align the buffer as a struct cmsghdr: a union of it with
 * a size_t does it.
 */
#define SC_CMSG_SPACE_FDS(n) CMSG_SPACE((n) * sizeof(int))

/**
 * Bytes of control-message space for one SCM_CREDENTIALS message (an
 * sc_ucred), which arrives with each message when SO_PASSCRED is on.
 */
#define SC_CMSG_SPACE_CREDS CMSG_SPACE(sizeof(sc_ucred))

/**
 * Bytes of control-message space for the largest SCM_RIGHTS message,
 * SC_SCM_MAX_FD descriptors.
 */
#define SC_CMSG_SPACE_MAX_FDS SC_CMSG_SPACE_FDS(SC_SCM_MAX_FD)

/*
 * Bytes of control-message space for one message of each typed kind, for
 * a msg_control buffer of sc_recvmsg or an sc_cmsg_builder: CMSG_SPACE of
 * the kernel's size, so compile-time constants, right for glibc, musl and
 * 32-bit ARM alike (literal sizes, because struct in_pktinfo and
 * in6_pktinfo need _GNU_SOURCE). Sum several for several messages, and
 * align the buffer as a struct cmsghdr: a union of it with one does it.
 */

/**
 * UDP_SEGMENT (a uint16_t): sc_cmsg_add_udp_segment.
 */
#define SC_CMSG_SPACE_UDP_SEGMENT CMSG_SPACE(2)

/**
 * UDP_GRO (an int): sc_cmsg_get_udp_gro.
 */
#define SC_CMSG_SPACE_UDP_GRO CMSG_SPACE(sizeof(int))

/**
 * IP_PKTINFO (struct in_pktinfo): sc_cmsg_add_source, sc_cmsg_get_packet_info.
 */
#define SC_CMSG_SPACE_PKTINFO_V4 CMSG_SPACE(12)

/**
 * IPV6_PKTINFO (struct in6_pktinfo): the same, for IPv6.
 */
#define SC_CMSG_SPACE_PKTINFO_V6 CMSG_SPACE(20)

/**
 * IP_TOS or IPV6_TCLASS (an int; IP_TOS arrives as one byte): sc_cmsg_add_tos,
 * sc_cmsg_get_tos.
 */
#define SC_CMSG_SPACE_TOS CMSG_SPACE(sizeof(int))

/**
 * IP_TTL or IPV6_HOPLIMIT (an int): sc_cmsg_add_ttl, sc_cmsg_get_ttl.
 */
#define SC_CMSG_SPACE_TTL CMSG_SPACE(sizeof(int))

/**
 * IPV6_DONTFRAG (an int): sc_cmsg_add_dontfrag.
 */
#define SC_CMSG_SPACE_DONTFRAG CMSG_SPACE(sizeof(int))

/**
 * SO_TIMESTAMPING (a uint32_t): sc_cmsg_add_tx_timestamp.
 */
#define SC_CMSG_SPACE_TX_TIMESTAMP CMSG_SPACE(4)

/**
 * SCM_TIMESTAMPNS or SCM_TIMESTAMP, either form: sc_cmsg_get_timestamp.
 */
#define SC_CMSG_SPACE_TIMESTAMP CMSG_SPACE(16)

/**
 * SCM_TIMESTAMPING, either form: sc_cmsg_get_timestamping.
 */
#define SC_CMSG_SPACE_TIMESTAMPING CMSG_SPACE(48)

/**
 * IP_RECVERR (sock_extended_err and a sockaddr_in): sc_cmsg_get_extended_err.
 */
#define SC_CMSG_SPACE_EXTENDED_ERR_V4 CMSG_SPACE(32)

/**
 * IPV6_RECVERR (sock_extended_err and a sockaddr_in6): the same, for IPv6.
 */
#define SC_CMSG_SPACE_EXTENDED_ERR_V6 CMSG_SPACE(44)

/**
 * IP_ORIGDSTADDR (a sockaddr_in): sc_cmsg_get_origdstaddr.
 */
#define SC_CMSG_SPACE_ORIGDSTADDR_V4 CMSG_SPACE(16)

/**
 * IPV6_ORIGDSTADDR (a sockaddr_in6): the same, for IPv6.
 */
#define SC_CMSG_SPACE_ORIGDSTADDR_V6 CMSG_SPACE(28)

/**
 * SO_RXQ_OVFL (a uint32_t): sc_cmsg_get_drop_count.
 */
#define SC_CMSG_SPACE_DROP_COUNT CMSG_SPACE(4)

/**
 * Every kind the sc_cmsg_get_* readers find, for both families at once (a
 * dual-stack socket gets IPv4 and IPv6 ones): 504 bytes on 64-bit targets,
 * 408 on 32-bit ARM. The most the kernel writes for one datagram with
 * everything on is 296 bytes (x86_64).
 */
#define SC_CMSG_SPACE_RECV_ALL                                                                     \
    (SC_CMSG_SPACE_TIMESTAMP + SC_CMSG_SPACE_TIMESTAMPING + SC_CMSG_SPACE_DROP_COUNT +             \
     SC_CMSG_SPACE_UDP_GRO + SC_CMSG_SPACE_PKTINFO_V4 + SC_CMSG_SPACE_PKTINFO_V6 + CMSG_SPACE(1) + \
     SC_CMSG_SPACE_TOS + 2 * SC_CMSG_SPACE_TTL + SC_CMSG_SPACE_ORIGDSTADDR_V4 +                    \
     SC_CMSG_SPACE_ORIGDSTADDR_V6 + SC_CMSG_SPACE_EXTENDED_ERR_V4 + SC_CMSG_SPACE_EXTENDED_ERR_V6)
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * The most entries sc_epoll_wait fills in one call, and so the largest
 * maxevents it takes: the kernel's INT_MAX / sizeof(struct epoll_event)
 * (178956970 where the struct is 12 bytes, as on x86_64; 134217727 where it
 * is 16).
 */
#define SC_EPOLL_MAX_EVENTS ((int)(INT_MAX / sizeof(struct epoll_event)))
#endif

/**
 * Flag for `sc_socket`, `sc_accept` and `sc_socketpair`: the new socket
 * starts non-blocking (`SOCK_NONBLOCK`). Close-on-exec needs no flag: it is
 * always on.
 */
#define SC_NONBLOCK SOCK_NONBLOCK

/**
 * `MSG_OOB`: out-of-band data.
 */
#define SC_MSG_OOB MSG_OOB

/**
 * `MSG_PEEK`: receive without removing the data from the queue.
 */
#define SC_MSG_PEEK MSG_PEEK

/**
 * `MSG_DONTROUTE`: send only to directly connected hosts.
 */
#define SC_MSG_DONTROUTE MSG_DONTROUTE

/**
 * `MSG_CTRUNC`: (reported) control data was truncated.
 */
#define SC_MSG_CTRUNC MSG_CTRUNC

/**
 * `MSG_TRUNC`: on receive, return a datagram's full length even when the
 * buffer is shorter.
 */
#define SC_MSG_TRUNC MSG_TRUNC

/**
 * `MSG_DONTWAIT`: this call alone is non-blocking.
 */
#define SC_MSG_DONTWAIT MSG_DONTWAIT

/**
 * `MSG_EOR`: end of record (`SOCK_SEQPACKET`).
 */
#define SC_MSG_EOR MSG_EOR

/**
 * `MSG_WAITALL`: block until the whole buffer is filled.
 */
#define SC_MSG_WAITALL MSG_WAITALL

/**
 * `MSG_CONFIRM`: tell the link layer the peer answered.
 */
#define SC_MSG_CONFIRM MSG_CONFIRM

/**
 * `MSG_ERRQUEUE`: receive from the socket's error queue.
 */
#define SC_MSG_ERRQUEUE MSG_ERRQUEUE

/**
 * `MSG_NOSIGNAL`: no `SIGPIPE`; every send here adds it anyway.
 */
#define SC_MSG_NOSIGNAL MSG_NOSIGNAL

/**
 * `MSG_MORE`: more data follows (cork).
 */
#define SC_MSG_MORE MSG_MORE

/**
 * `MSG_WAITFORONE`: for batch receives, return once one message arrived.
 */
#define SC_MSG_WAITFORONE MSG_WAITFORONE

/**
 * `MSG_CMSG_CLOEXEC`: received descriptors are close-on-exec.
 */
#define SC_MSG_CMSG_CLOEXEC MSG_CMSG_CLOEXEC

/**
 * `MSG_FASTOPEN` (Linux 3.7), for `sc_sendto` on an unconnected TCP
 * socket: connect and send the data in the SYN (TCP Fast Open; see
 * `sc_sendto`).
 */
#define SC_MSG_FASTOPEN MSG_FASTOPEN

/**
 * `MSG_ZEROCOPY` (TCP: Linux 4.14; UDP: 5.0): send from the caller's pages
 * instead of copying them, on a socket with `sc_set_zerocopy(fd, 1)` (the
 * kernel ignores the flag otherwise). The send returns while the kernel
 * may still read the buffer. The rule: change or reuse the buffer only
 * after `sc_zerocopy_completions` returned a range covering its send.
 * Each zero-copy send that moves a byte takes the socket's next number
 * (from 0, wrapping at 2^32); a failed or empty one takes none.
 */
#define SC_MSG_ZEROCOPY MSG_ZEROCOPY

/**
 * A buffer size for `sc_addr_format` that fits every address, NUL
 * included: the longest text is a full 108-byte Unix path with every byte
 * escaped as `\xNN`, after `unix:`.
 */
#define SC_ADDR_STRLEN 438

/**
 * A buffer size for `sc_strerror_r` that fits every message, NUL
 * included: the longest is 49 bytes, an unknown number's at most 24.
 */
#define SC_STRERROR_LEN 64

/**
 * The most buffers `sc_readv` and `sc_writev` take in one call: Linux's
 * `IOV_MAX` (`UIO_MAXIOV`), which C99 headers do not define.
 */
#define SC_IOV_MAX 1024

/**
 * `SOF_TIMESTAMPING_TX_HARDWARE`: record transmit stamps in the network card.
 */
#define SC_TIMESTAMPING_TX_HARDWARE (1 << 0)

/**
 * `SOF_TIMESTAMPING_TX_SOFTWARE`: record transmit stamps as the packet
 * leaves the stack.
 */
#define SC_TIMESTAMPING_TX_SOFTWARE (1 << 1)

/**
 * `SOF_TIMESTAMPING_RX_HARDWARE`: record receive stamps in the network card.
 */
#define SC_TIMESTAMPING_RX_HARDWARE (1 << 2)

/**
 * `SOF_TIMESTAMPING_RX_SOFTWARE`: record receive stamps as the packet
 * enters the stack.
 */
#define SC_TIMESTAMPING_RX_SOFTWARE (1 << 3)

/**
 * `SOF_TIMESTAMPING_SOFTWARE`: report software stamps.
 */
#define SC_TIMESTAMPING_SOFTWARE (1 << 4)

/**
 * `SOF_TIMESTAMPING_RAW_HARDWARE`: report hardware stamps.
 */
#define SC_TIMESTAMPING_RAW_HARDWARE (1 << 6)

/**
 * `SOF_TIMESTAMPING_OPT_ID`: number the sends that take a transmit stamp,
 * from 0; a stamp's `sc_extended_err.ee_data` is its send's number.
 */
#define SC_TIMESTAMPING_OPT_ID (1 << 7)

/**
 * `SOF_TIMESTAMPING_TX_SCHED`: record a transmit stamp when the packet is
 * queued for the device.
 */
#define SC_TIMESTAMPING_TX_SCHED (1 << 8)

/**
 * `SOF_TIMESTAMPING_TX_ACK`: record a transmit stamp when TCP data is
 * acknowledged.
 */
#define SC_TIMESTAMPING_TX_ACK (1 << 9)

/**
 * `SOF_TIMESTAMPING_OPT_CMSG`: report the packet's `IP_PKTINFO` with
 * transmit stamps.
 */
#define SC_TIMESTAMPING_OPT_CMSG (1 << 10)

/**
 * `SOF_TIMESTAMPING_OPT_TSONLY`: transmit stamps come without the packet.
 */
#define SC_TIMESTAMPING_OPT_TSONLY (1 << 11)

/**
 * `SOF_TIMESTAMPING_OPT_STATS`: TCP statistics with transmit stamps.
 */
#define SC_TIMESTAMPING_OPT_STATS (1 << 12)

/**
 * `SOF_TIMESTAMPING_OPT_PKTINFO`: the interface with hardware receive stamps.
 */
#define SC_TIMESTAMPING_OPT_PKTINFO (1 << 13)

/**
 * `SOF_TIMESTAMPING_OPT_TX_SWHW`: software and hardware transmit stamps both.
 */
#define SC_TIMESTAMPING_OPT_TX_SWHW (1 << 14)

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * The most descriptors one `SCM_RIGHTS` message may carry (the kernel's
 * `SCM_MAX_FD`); one more is `-EINVAL`.
 */
#define SC_SCM_MAX_FD 253
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `SO_EE_ORIGIN_NONE`.
 */
#define SC_EE_ORIGIN_NONE 0
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `SO_EE_ORIGIN_LOCAL`: an error this host raised.
 */
#define SC_EE_ORIGIN_LOCAL 1
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `SO_EE_ORIGIN_ICMP`: an ICMP message.
 */
#define SC_EE_ORIGIN_ICMP 2
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `SO_EE_ORIGIN_ICMP6`: an ICMPv6 message.
 */
#define SC_EE_ORIGIN_ICMP6 3
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `SO_EE_ORIGIN_TIMESTAMPING`: a transmit timestamp.
 */
#define SC_EE_ORIGIN_TIMESTAMPING 4
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `SO_EE_ORIGIN_ZEROCOPY`: zero-copy sends completed.
 */
#define SC_EE_ORIGIN_ZEROCOPY 5
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `SO_EE_CODE_ZEROCOPY_COPIED`: in the `ee_code` of an
 * `SC_EE_ORIGIN_ZEROCOPY` entry, the kernel copied the data after all.
 */
#define SC_EE_CODE_ZEROCOPY_COPIED 1
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `SCM_TSTAMP_SND`: a transmit stamp taken as the packet left the stack.
 */
#define SC_TSTAMP_SND 0
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `SCM_TSTAMP_SCHED`: a transmit stamp taken when the packet was queued
 * for the device.
 */
#define SC_TSTAMP_SCHED 1
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `SCM_TSTAMP_ACK`: a transmit stamp taken when TCP data was acknowledged.
 */
#define SC_TSTAMP_ACK 2
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * The most payload one IPv4 UDP datagram carries (65,535 - 20 - 8), and
 * the most one offloaded system call carries, IPv6 included: the largest
 * `segment` the offload calls take.
 */
#define SC_UDP_MAX_PAYLOAD 65507
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * The most datagrams one offloaded system call carries: 64, what every
 * kernel since Linux 4.18 takes (kernels from 2024 on take 128; the
 * library splits at 64 so that one rule holds on all of them). With
 * 1,200-byte datagrams the payload limit comes first: 54 a call.
 */
#define SC_UDP_MAX_SEGMENTS 64
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * A receive buffer that holds any coalesced run (at most 64 KiB). A
 * smaller one cuts runs: `-EMSGSIZE`.
 */
#define SC_UDP_GRO_BUFFER 65536
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * The most control data `sc_udp_offload_sendmsg` attaches.
 */
#define SC_UDP_OFFLOAD_CONTROL_MAX 256
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * `sc_udp_offload_gso`: nothing has been sent yet.
 */
#define SC_GSO_UNTRIED 0
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * `sc_udp_offload_gso`: the kernel took the last send offloaded.
 */
#define SC_GSO_OFFLOADED 1
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * `sc_udp_offload_gso`: sends go as `sendmmsg` batches of the same
 * datagrams, because the kernel refused offload (`EIO`, `EINVAL`) or
 * `SC_UDP_OFFLOAD_NO_GSO` asked for it.
 */
#define SC_GSO_REFUSED 2
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * Flag for `sc_udp_offload_init`: never offload; every send goes as
 * `sendmmsg` batches.
 */
#define SC_UDP_OFFLOAD_NO_GSO 1
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `EPOLLIN`: data to read, or a connection to accept.
 */
#define SC_EPOLLIN (uint32_t)EPOLLIN
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `EPOLLPRI`: urgent data.
 */
#define SC_EPOLLPRI (uint32_t)EPOLLPRI
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `EPOLLOUT`: writing will not block, or a connect finished.
 */
#define SC_EPOLLOUT (uint32_t)EPOLLOUT
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `EPOLLRDNORM`: normal data to read.
 */
#define SC_EPOLLRDNORM (uint32_t)EPOLLRDNORM
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `EPOLLRDBAND`: priority-band data to read.
 */
#define SC_EPOLLRDBAND (uint32_t)EPOLLRDBAND
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `EPOLLWRNORM`: normal data may be written.
 */
#define SC_EPOLLWRNORM (uint32_t)EPOLLWRNORM
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `EPOLLWRBAND`: priority-band data may be written.
 */
#define SC_EPOLLWRBAND (uint32_t)EPOLLWRBAND
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `EPOLLMSG`: unused by Linux; accepted, never reported.
 */
#define SC_EPOLLMSG (uint32_t)EPOLLMSG
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `EPOLLERR` (always reported): an error is pending.
 */
#define SC_EPOLLERR (uint32_t)EPOLLERR
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `EPOLLHUP` (always reported): hung up.
 */
#define SC_EPOLLHUP (uint32_t)EPOLLHUP
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `EPOLLRDHUP`: the peer shut down its writing half.
 */
#define SC_EPOLLRDHUP (uint32_t)EPOLLRDHUP
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `EPOLLEXCLUSIVE` (Linux 4.5; `sc_epoll_add` only): of several epoll
 * instances watching one descriptor with it, an event wakes one waiter,
 * not all.
 */
#define SC_EPOLLEXCLUSIVE (uint32_t)EPOLLEXCLUSIVE
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `EPOLLWAKEUP`: keep the system from suspending while the event is
 * pending (needs `CAP_BLOCK_SUSPEND`; ignored without it).
 */
#define SC_EPOLLWAKEUP (uint32_t)EPOLLWAKEUP
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `EPOLLONESHOT`: report once, then stay disarmed until `sc_epoll_modify`.
 */
#define SC_EPOLLONESHOT (uint32_t)EPOLLONESHOT
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `EPOLLET`: edge-triggered: report each change once, not for as long as
 * data stays unread.
 */
#define SC_EPOLLET (uint32_t)EPOLLET
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * Bytes of an interface name buffer, NUL included (`IFNAMSIZ`): enough for
 * `sc_get_bindtodevice`.
 */
#define SC_IFNAMSIZ 16
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * Bytes of a congestion control algorithm's name buffer, NUL included
 * (`TCP_CA_NAME_MAX`): enough for `sc_get_congestion`.
 */
#define SC_TCP_CA_NAME_MAX 16
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `pacing_rate` is filled (Linux 3.15).
 */
#define SC_TCPI_HAVE_PACING_RATE 1
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `bytes_acked` and `bytes_received` are filled (Linux 4.1).
 */
#define SC_TCPI_HAVE_BYTES_ACKED 2
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `segs_out` and `segs_in` are filled (Linux 4.2).
 */
#define SC_TCPI_HAVE_SEGS 4
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `min_rtt_us` and `notsent_bytes` are filled (Linux 4.6).
 */
#define SC_TCPI_HAVE_MIN_RTT 8
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `delivery_rate` and `delivery_rate_app_limited` are filled (Linux 4.9).
 */
#define SC_TCPI_HAVE_DELIVERY_RATE 16
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `delivered` is filled (Linux 4.18).
 */
#define SC_TCPI_HAVE_DELIVERED 32
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `bytes_sent` and `bytes_retrans` are filled (Linux 4.19).
 */
#define SC_TCPI_HAVE_BYTES_SENT 64
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `snd_wnd` is filled (Linux 5.4).
 */
#define SC_TCPI_HAVE_SND_WND 128
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * Timestamps (RFC 7323) were negotiated.
 */
#define SC_TCPI_OPT_TIMESTAMPS 1
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * Selective acknowledgements.
 */
#define SC_TCPI_OPT_SACK 2
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * Window scaling: `snd_wscale` and `rcv_wscale` hold the shifts.
 */
#define SC_TCPI_OPT_WSCALE 4
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * ECN (explicit congestion notification) was negotiated.
 */
#define SC_TCPI_OPT_ECN 8
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * At least one ECN-capable packet was received.
 */
#define SC_TCPI_OPT_ECN_SEEN 16
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * The data in the SYN was acknowledged: on a client, Fast Open worked; on
 * an accepted socket, the connection came with Fast Open data.
 */
#define SC_TCPI_OPT_SYN_DATA 32
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * Microsecond timestamps (Linux 6.7).
 */
#define SC_TCPI_OPT_USEC_TS 64
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * The socket was created by Fast Open (Linux 6.16; prefer
 * `SC_TCPI_OPT_SYN_DATA`, which every kernel with Fast Open sets).
 */
#define SC_TCPI_OPT_TFO_CHILD 128
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * The size of the first `sc_tcp_info` (sockcore 0.1): the least
 * `sc_get_tcp_info` takes.
 */
#define SC_TCP_INFO_MIN_SIZE 136
#endif

/**
 * A socket address of any family (IPv4, IPv6, Unix path, abstract or
 * unnamed), held by value in caller memory: declare one on the stack, fill
 * it with `sc_addr_parse`, `sc_addr_from_sockaddr`, `sc_accept`,
 * `sc_recvfrom`, `sc_local_addr` or `sc_peer_addr`.
 *
 * Its size is `sizeof(struct sockaddr_storage)` plus a `socklen_t`, rounded
 * up to the alignment of `struct sockaddr_storage`: 136 bytes aligned to 8
 * on 64-bit Linux, 132 aligned to 4 on 32-bit Linux. The fields are public
 * only so that C can allocate it; read it through the `sc_addr_*`
 * functions.
 */
typedef struct sc_addr {
    /**
     * The address as the kernel reads it; `len` bytes are meaningful.
     */
    struct sockaddr_storage storage;
    /**
     * How many bytes of `storage` are meaningful (0 for no address).
     */
    socklen_t len;
} sc_addr;

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * Control messages being written into a caller's buffer: set up with
 * `sc_cmsg_builder_init`, appended to with `sc_cmsg_add_*`, then sent with
 * `msg.msg_control = b.buf` and `msg.msg_controllen = b.len`. The fields
 * are public so that C can allocate one; only the calls change them.
 */
typedef struct sc_cmsg_builder {
    /**
     * The buffer, aligned as a `struct cmsghdr`.
     */
    void *buf;
    /**
     * Its size in bytes.
     */
    size_t capacity;
    /**
     * Bytes of whole messages written so far.
     */
    size_t len;
} sc_cmsg_builder;
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * A `CLOCK_REALTIME` instant as the kernel stamped it: seconds and
 * nanoseconds (0 to 999,999,999) since the Unix epoch, 64-bit seconds on
 * every target.
 */
typedef struct sc_timestamp {
    /**
     * Whole seconds since the epoch.
     */
    int64_t sec;
    /**
     * Nanoseconds past `sec`.
     */
    uint32_t nsec;
} sc_timestamp;
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * An error-queue entry, as `IP_RECVERR` / `IPV6_RECVERR` report it: the
 * fields of `struct sock_extended_err`, and the address of whoever
 * reported it. What they mean depends on `ee_origin`:
 *
 * - `SC_EE_ORIGIN_ICMP`, `SC_EE_ORIGIN_ICMP6`: `ee_errno` is the error
 *   (`ECONNREFUSED` for a port unreachable, `EMSGSIZE` with the path MTU
 *   in `ee_info`, ...), `ee_type` and `ee_code` the ICMP type and code,
 *   `offender` the host that sent the ICMP message (port 0);
 * - `SC_EE_ORIGIN_LOCAL`: an error this host raised (`EMSGSIZE` with the
 *   path MTU in `ee_info`);
 * - `SC_EE_ORIGIN_TIMESTAMPING`: a transmit timestamp (`ee_errno` is
 *   `ENOMSG`, `ee_info` an `SC_TSTAMP_*`, `ee_data` the send's number with
 *   `SC_TIMESTAMPING_OPT_ID`); the stamp is read with
 *   `sc_cmsg_get_timestamping`;
 * - `SC_EE_ORIGIN_ZEROCOPY`: zero-copy sends `ee_info` to `ee_data`
 *   completed (`ee_code` 1: the kernel copied after all).
 */
typedef struct sc_extended_err {
    /**
     * The error, a positive errno (0 for zero-copy completions).
     */
    int32_t ee_errno;
    /**
     * Where the entry came from: `SC_EE_ORIGIN_*`.
     */
    uint8_t ee_origin;
    /**
     * The ICMP type, for ICMP origins.
     */
    uint8_t ee_type;
    /**
     * The ICMP code, for ICMP origins.
     */
    uint8_t ee_code;
    /**
     * Always 0.
     */
    uint8_t ee_pad;
    /**
     * The path MTU for `EMSGSIZE`; `SC_TSTAMP_*` for a timestamp; the first
     * send for zero-copy.
     */
    uint32_t ee_info;
    /**
     * The send's number for a timestamp; the last send for zero-copy.
     */
    uint32_t ee_data;
    /**
     * The address that reported the error; the empty address (length 0)
     * when the entry has none.
     */
    struct sc_addr offender;
} sc_extended_err;
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * A process's identity as the kernel reports it through `SO_PEERCRED` and
 * `SCM_CREDENTIALS`, with the layout of `struct ucred` (which glibc
 * declares only under `_GNU_SOURCE`).
 */
typedef struct sc_ucred {
    /**
     * The process id.
     */
    pid_t pid;
    /**
     * The user id.
     */
    uid_t uid;
    /**
     * The group id.
     */
    gid_t gid;
} sc_ucred;
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * Zero-copy sends the kernel is done with: the send numbers `first` to
 * `last`, inclusive. Their buffers may now be changed or reused.
 *
 * Sends are numbered per socket from 0, in the order they were made; only
 * zero-copy sends (`SC_MSG_ZEROCOPY`, after `sc_set_zerocopy(fd, 1)`)
 * that moved at least one byte take a number. Numbers wrap at 2^32, so
 * test whether send `n` is in a range with unsigned subtraction,
 * `(uint32_t)(n - first) <= (uint32_t)(last - first)`, never with `<=`
 * alone; the range covers `(uint32_t)(last - first) + 1` sends.
 */
typedef struct sc_zerocopy_range {
    /**
     * The first send of the range.
     */
    uint32_t first;
    /**
     * The last send of the range, inclusive.
     */
    uint32_t last;
    /**
     * 1 when the kernel copied the data after all
     * (`SO_EE_CODE_ZEROCOPY_COPIED`): always over loopback, and on a
     * device that cannot send from the caller's pages; a plain send is
     * then cheaper. 0 otherwise. When completions merge into one range,
     * it is the first one's.
     */
    uint32_t copied;
} sc_zerocopy_range;
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * The offload state of one UDP socket, kept by the caller (there is no
 * global state): set it up with `sc_udp_offload_init`, then send and
 * receive with `sc_udp_offload_send` and `sc_udp_offload_recv`. It holds
 * no resource: nothing to free, and the descriptor stays the caller's.
 *
 * The fields are the library's; a zero-filled value reads as never set
 * up (`-EINVAL`).
 */
typedef struct sc_udp_offload {
    /**
     * The socket.
     */
    int fd;
    /**
     * 0 until set up; then 1 + one of the `SC_GSO_*` values.
     */
    int state;
} sc_udp_offload;
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * The datagrams of a run, one after another: set up with
 * `sc_segments_init`, read with `sc_segments_next`. The fields are the
 * library's.
 */
typedef struct sc_segments {
    /**
     * The next datagram's first byte.
     */
    const uint8_t *next;
    /**
     * Bytes not yet walked.
     */
    size_t left;
    /**
     * The segment size.
     */
    size_t segment;
} sc_segments;
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * A snapshot of a TCP connection (`getsockopt(TCP_INFO)`), in sockcore's
 * own layout: fixed-width fields, the same on every target and C library
 * (glibc's `struct tcp_info` lacks most of them, and `<linux/tcp.h>`
 * clashes with `<netinet/tcp.h>`). Fill it with
 * `sc_get_tcp_info(fd, &info, sizeof info)`.
 *
 * The fields from `state` to `pmtu` are filled by every kernel. Each later
 * one is filled only when the running kernel has it: its `SC_TCPI_HAVE_*`
 * bit is then set in `valid`; otherwise it reads 0. New fields are only
 * ever added at the end, so a program built against an older `sockcore.h`
 * keeps working with a newer library, and the other way round (see
 * `sc_get_tcp_info`). 136 bytes, no padding.
 */
typedef struct sc_tcp_info {
    /**
     * `SC_TCPI_HAVE_*` bits: which of the later fields the kernel filled.
     */
    uint32_t valid;
    /**
     * How many bytes of its `struct tcp_info` the kernel returned.
     */
    uint32_t kernel_len;
    /**
     * The TCP state: 1 established, 2 SYN sent, 3 SYN received, 4 FIN
     * wait 1, 5 FIN wait 2, 6 time wait, 7 closed, 8 close wait, 9 last
     * ACK, 10 listen, 11 closing (`TCP_ESTABLISHED`, ...).
     */
    uint8_t state;
    /**
     * The congestion-control state: 0 open, 1 disorder, 2 CWR, 3 recovery,
     * 4 loss.
     */
    uint8_t ca_state;
    /**
     * Consecutive retransmissions of the oldest unacknowledged segment.
     */
    uint8_t retransmits;
    /**
     * The options negotiated: `SC_TCPI_OPT_*` bits.
     */
    uint8_t options;
    /**
     * The peer's window scale (with `SC_TCPI_OPT_WSCALE`).
     */
    uint8_t snd_wscale;
    /**
     * This end's window scale.
     */
    uint8_t rcv_wscale;
    /**
     * Why a Fast Open client fell back: 0 unspecified, 1 no cookie, 2 data
     * not acknowledged, 3 SYN retransmitted (Linux 5.5; 0 before).
     */
    uint8_t fastopen_client_fail;
    /**
     * 1 when the application limited the delivery rate
     * (`SC_TCPI_HAVE_DELIVERY_RATE`).
     */
    uint8_t delivery_rate_app_limited;
    /**
     * The retransmission time-out, in microseconds.
     */
    uint32_t rto_us;
    /**
     * The smoothed round-trip time, in microseconds.
     */
    uint32_t rtt_us;
    /**
     * The round-trip time's variation, in microseconds.
     */
    uint32_t rttvar_us;
    /**
     * The largest segment this end sends, in bytes.
     */
    uint32_t snd_mss;
    /**
     * The largest segment the peer is thought to send, in bytes.
     */
    uint32_t rcv_mss;
    /**
     * The congestion window, in segments.
     */
    uint32_t snd_cwnd;
    /**
     * The slow-start threshold, in segments.
     */
    uint32_t snd_ssthresh;
    /**
     * Segments sent and not yet acknowledged.
     */
    uint32_t unacked;
    /**
     * Segments thought lost.
     */
    uint32_t lost;
    /**
     * Segments being retransmitted now.
     */
    uint32_t retrans;
    /**
     * Segments retransmitted over the connection's life.
     */
    uint32_t total_retrans;
    /**
     * The path MTU, in bytes.
     */
    uint32_t pmtu;
    /**
     * The least round-trip time seen recently, in microseconds
     * (`SC_TCPI_HAVE_MIN_RTT`, Linux 4.6, with `notsent_bytes`).
     */
    uint32_t min_rtt_us;
    /**
     * Bytes written and not yet sent (`SC_TCPI_HAVE_MIN_RTT`).
     */
    uint32_t notsent_bytes;
    /**
     * Segments sent (`SC_TCPI_HAVE_SEGS`, Linux 4.2, with `segs_in`).
     */
    uint32_t segs_out;
    /**
     * Segments received (`SC_TCPI_HAVE_SEGS`).
     */
    uint32_t segs_in;
    /**
     * Segments delivered (`SC_TCPI_HAVE_DELIVERED`, Linux 4.18).
     */
    uint32_t delivered;
    /**
     * The peer's receive window, in bytes (`SC_TCPI_HAVE_SND_WND`, Linux
     * 5.4).
     */
    uint32_t snd_wnd;
    /**
     * The pacing rate, in bytes per second (`SC_TCPI_HAVE_PACING_RATE`,
     * Linux 3.15).
     */
    uint64_t pacing_rate;
    /**
     * Bytes the peer acknowledged; counts the SYN, so N bytes sent show as
     * N + 1 (`SC_TCPI_HAVE_BYTES_ACKED`, Linux 4.1, with `bytes_received`).
     */
    uint64_t bytes_acked;
    /**
     * Bytes received in order (`SC_TCPI_HAVE_BYTES_ACKED`).
     */
    uint64_t bytes_received;
    /**
     * Bytes sent, retransmissions included (`SC_TCPI_HAVE_BYTES_SENT`,
     * Linux 4.19, with `bytes_retrans`).
     */
    uint64_t bytes_sent;
    /**
     * Bytes retransmitted (`SC_TCPI_HAVE_BYTES_SENT`).
     */
    uint64_t bytes_retrans;
    /**
     * The most recent delivery rate, in bytes per second
     * (`SC_TCPI_HAVE_DELIVERY_RATE`, Linux 4.9).
     */
    uint64_t delivery_rate;
} sc_tcp_info;
#endif

#ifdef __cplusplus
extern "C" {
#endif // __cplusplus

/**
 * Parses `text` into `*out`. Numbers only: no host name is resolved
 * (`"localhost:80"` is `-EINVAL`), so parsing never touches DNS, files or
 * the network.
 *
 * - `"127.0.0.1:80"`: IPv4, four decimal numbers 0 to 255 without leading
 *   zeros (`"01"` is refused: `inet_aton(3)` reads it as octal).
 * - `"[::1]:80"`, `"[2001:db8::ff00:42:8329]:443"`,
 *   `"[::ffff:192.0.2.1]:80"`: IPv6 as RFC 4291 writes it, in brackets.
 * - `"[fe80::1%2]:80"`: IPv6 with a numeric scope id (0 to 4294967295).
 * - `"[fe80::1%eth0]:80"`, `"[::1%lo]:80"`: IPv6 with an interface name
 *   as the scope, as `getaddrinfo(3)` reads it: looked up as
 *   `if_nametoindex(3)` does; 1 to 15 printable ASCII bytes other than
 *   `/ : % [ ]`. A scope of digits only is a number.
 * - `"unix:/run/x.sock"`, `"unix:relative/x.sock"`: a Unix path, 1 to 108
 *   bytes (108 fill `sun_path` with no NUL).
 * - `"unix:@name"`: a Unix abstract name, 0 to 107 bytes.
 * - `"unix:"`: the unnamed Unix address (binding it autobinds a name).
 *
 * Ports are decimal, 0 to 65535, leading zeros allowed. In Unix names
 * `\xNN` (two hex digits) stands for any byte. Nothing may precede or
 * follow the address, spaces included. `sc_addr_format` writes the same
 * grammar back, a scope as its number.
 *
 * Returns 0, or `-EINVAL` for malformed or non-UTF-8 text, `-ENODEV` for
 * a well-formed interface name no interface has, `-ENAMETOOLONG` for a
 * Unix name longer than `sun_path` (108 bytes; 107 for an abstract name),
 * `-EFAULT` for a NULL pointer. `*out` is unchanged on error.
 *
 * # Safety
 *
 * `out` must be NULL or writable; `text` NULL or NUL-terminated.
 */
int sc_addr_parse(struct sc_addr *out, const char *text);

/**
 * Formats `*addr` into `buf` as NUL-terminated text in the grammar
 * `sc_addr_parse` reads (so it parses back to the same address);
 * `SC_ADDR_STRLEN` bytes always suffice.
 *
 * Returns the length written, without the NUL; or `-ENOSPC` when `len` is
 * too small, leaving `buf` holding `""` if `len > 0`; `-EFAULT` for a NULL
 * pointer, `-EINVAL` for `len` over `SSIZE_MAX` or an `sc_addr` whose
 * length exceeds its storage.
 *
 * # Safety
 *
 * `addr` must be NULL or an initialised `sc_addr`; `buf` NULL or writable
 * for `len` bytes.
 */
int sc_addr_format(const struct sc_addr *addr, char *buf, size_t len);

/**
 * An IPv4 address from numbers into `*out`: `ip` is the 4 bytes of the
 * address in network order, as written (`{127, 0, 0, 1}`), `port` a
 * number in host order. No text is involved.
 *
 * Returns 0, or `-EFAULT` for a NULL pointer. `*out` is unchanged on
 * error.
 *
 * # Safety
 *
 * `out` must be NULL or writable; `ip` NULL or readable for 4 bytes.
 */
int sc_addr_ipv4(struct sc_addr *out, const uint8_t *ip, uint16_t port);

/**
 * An IPv6 address from numbers into `*out`: `ip` is the 16 bytes of the
 * address in network order, `port` a number in host order, `scope_id` the
 * interface index of a link-local address (0 for none; see
 * `sc_interface_index`). The flow label is 0.
 *
 * Returns 0, or `-EFAULT` for a NULL pointer. `*out` is unchanged on
 * error.
 *
 * # Safety
 *
 * `out` must be NULL or writable; `ip` NULL or readable for 16 bytes.
 */
int sc_addr_ipv6(struct sc_addr *out, const uint8_t *ip, uint16_t port, uint32_t scope_id);

/**
 * A Unix address bound to the filesystem path `path` into `*out`.
 *
 * The path is 1 to 107 bytes, so that `sun_path` always holds its NUL and
 * C code may read it as a string; `sc_addr_parse("unix:...")` also takes
 * a path of the full 108 bytes, which fills `sun_path` with no NUL.
 *
 * Returns 0, or `-ENAMETOOLONG` for a path past 107 bytes, `-EINVAL` for
 * an empty one, `-EFAULT` for a NULL pointer. `*out` is unchanged on
 * error.
 *
 * # Safety
 *
 * `out` must be NULL or writable; `path` NULL or NUL-terminated.
 */
int sc_addr_unix(struct sc_addr *out, const char *path);

/**
 * A Unix address in the abstract namespace into `*out`: the `len` bytes
 * at `name`, which may hold any byte, NULs included (`"unix:@name"` in
 * text). Nothing appears in the filesystem; the name goes when its last
 * socket closes.
 *
 * Returns 0, or `-ENAMETOOLONG` for `len` past 107 (`sun_path` less its
 * leading NUL), `-EFAULT` for a NULL pointer (even with `len` 0),
 * `-EINVAL` for `len` over `SSIZE_MAX`. `*out` is unchanged on error.
 *
 * # Safety
 *
 * `out` must be NULL or writable; `name` NULL or readable for `len`
 * bytes.
 */
int sc_addr_unix_abstract(struct sc_addr *out, const void *name, size_t len);

/**
 * Sets the port of the IPv4 or IPv6 address `*addr` (a number in host
 * order), leaving the rest as it is: to reuse an address with another
 * port, or one from `sc_local_addr`.
 *
 * Returns 0, or `-EAFNOSUPPORT` for an address of another family (a Unix
 * address, or none), `-EFAULT` for NULL, `-EINVAL` when its length
 * exceeds its storage. `*addr` is unchanged on error.
 *
 * # Safety
 *
 * `addr` must be NULL or an initialised, writable `sc_addr`.
 */
int sc_addr_set_port(struct sc_addr *addr, uint16_t port);

/**
 * Copies a C socket address, `len` bytes at `sa`, into `*out`: the bridge
 * from code that already has a `struct sockaddr`.
 *
 * Returns 0, or `-EFAULT` for a NULL pointer, `-EINVAL` for a length larger
 * than `struct sockaddr_storage` or too short for the address's family.
 *
 * # Safety
 *
 * `out` must be NULL or writable; `sa` NULL or readable for `len` bytes.
 */
int sc_addr_from_sockaddr(struct sc_addr *out, const struct sockaddr *sa, socklen_t len);

/**
 * The address as a `struct sockaddr *` for C calls such as `sendto(2)`,
 * valid while `*addr` is; its length is `sc_addr_len(addr)`.
 *
 * Returns NULL when `addr` is NULL (the one function here that returns a
 * pointer rather than `-errno`).
 *
 * # Safety
 *
 * `addr` must be NULL or point at an `sc_addr`.
 */
const struct sockaddr *sc_addr_sockaddr(const struct sc_addr *addr);

/**
 * The meaningful length of `*addr` in bytes, as `connect(2)` and friends
 * take it alongside `sc_addr_sockaddr(addr)`.
 *
 * Returns the length (0 for no address), or `-EFAULT` for NULL, `-EINVAL`
 * when the length exceeds the storage.
 *
 * # Safety
 *
 * `addr` must be NULL or an initialised `sc_addr`.
 */
int sc_addr_len(const struct sc_addr *addr);

/**
 * The family of `*addr`: `AF_INET`, `AF_INET6`, `AF_UNIX`, or `AF_UNSPEC`
 * for no address (length 0).
 *
 * Returns the family, or `-EFAULT` for NULL, `-EINVAL` when the length
 * exceeds the storage.
 *
 * # Safety
 *
 * `addr` must be NULL or an initialised `sc_addr`.
 */
int sc_addr_family(const struct sc_addr *addr);

/**
 * The port of an IPv4 or IPv6 address, in host byte order (0 to 65535).
 *
 * Returns the port, or `-EAFNOSUPPORT` for an address of another family,
 * `-EFAULT` for NULL, `-EINVAL` when the length exceeds the storage.
 *
 * # Safety
 *
 * `addr` must be NULL or an initialised `sc_addr`.
 */
int sc_addr_port(const struct sc_addr *addr);

/**
 * Whether `a` and `b` are the same address: the same family and the
 * bytes that mean something in it (IPv4: address and port; IPv6: address,
 * port, flow info and scope id; Unix: the path, the abstract name, or
 * both unnamed), never the storage's padding or bytes past the length.
 * `memcmp` of two `sc_addr`s is not that: it reads those too.
 *
 * Returns 1 (the same), 0 (not), or `-EFAULT` for a NULL argument,
 * `-EINVAL` when a length exceeds the storage.
 *
 * # Safety
 *
 * `a` and `b` must each be NULL or an initialised `sc_addr`.
 */
int sc_addr_equal(const struct sc_addr *a, const struct sc_addr *b);

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `if_nametoindex(3)`: the index of the network interface called `name`
 * (such as `"lo"`), for the multicast calls and IPv6 scope ids.
 *
 * Returns the index (1 or more), or `-EFAULT` for a NULL `name`,
 * `-ENODEV` (no such interface), `-EINVAL` (an empty name, or one of
 * `SC_IFNAMSIZ` bytes or more).
 *
 * # Safety
 *
 * `name` must be NULL or NUL-terminated.
 */
int sc_interface_index(const char *name);
#endif

/**
 * `socket(2)` with `SOCK_CLOEXEC` and protocol 0: a new socket of `domain`
 * (`AF_INET`, `AF_INET6`, `AF_UNIX`) and `type` (`SOCK_STREAM`,
 * `SOCK_DGRAM`, `SOCK_SEQPACKET`). `flags` is 0 or `SC_NONBLOCK`.
 *
 * Returns the descriptor, or `-EINVAL` for unknown `flags` bits (or an
 * unknown type), `-EAFNOSUPPORT`, `-EPROTONOSUPPORT`, `-EMFILE`, `-ENFILE`,
 * `-ENOBUFS`, `-ENOMEM`, `-EACCES`.
 */
int sc_socket(int domain, int type, int flags);

/**
 * `socketpair(2)` with `SOCK_CLOEXEC`: two connected sockets, stored in
 * `fds[0]` and `fds[1]`. `flags` is 0 or `SC_NONBLOCK`.
 *
 * Returns 0, or `-EFAULT` for a NULL `fds`, `-EINVAL` for unknown `flags`
 * bits, `-EAFNOSUPPORT` (only `AF_UNIX` has pairs), `-EOPNOTSUPP`,
 * `-EMFILE`, `-ENFILE`. `fds` is unchanged on error.
 *
 * # Safety
 *
 * `fds` must be NULL or writable for two `int`s.
 */
int sc_socketpair(int domain, int type, int flags, int *fds);

/**
 * `bind(2)`: gives socket `fd` the local address `*addr`.
 *
 * Returns 0, or `-EFAULT` for a NULL `addr`, `-EINVAL` (already bound, an
 * address of the wrong family or length), `-EADDRINUSE`, `-EADDRNOTAVAIL`,
 * `-EACCES`, `-EAFNOSUPPORT`, `-EBADF`, `-ENOTSOCK`, and for Unix paths
 * `-ENOENT`, `-ENOTDIR`, `-EROFS`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `addr` NULL or an initialised
 * `sc_addr`.
 */
int sc_bind(int fd, const struct sc_addr *addr);

/**
 * `listen(2)`: marks bound stream socket `fd` as accepting connections;
 * the kernel caps `backlog` at `net.core.somaxconn`.
 *
 * Returns 0, or `-EADDRINUSE`, `-EOPNOTSUPP` (not a stream socket),
 * `-EBADF`, `-ENOTSOCK`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_listen(int fd, int backlog);

/**
 * `accept4(2)` with `SOCK_CLOEXEC`: the next connection on listening
 * socket `fd`, as a new descriptor; the peer's address goes to `*peer`
 * unless `peer` is NULL (the empty address, length 0, for a Unix client
 * that never bound: every call reports "no name" that way). `flags` is 0
 * or `SC_NONBLOCK`.
 *
 * Returns the new descriptor, or `-EINVAL` for unknown `flags` bits (or a
 * socket that is not listening), `-EAGAIN` (non-blocking, none pending),
 * `-EINTR`, `-ECONNABORTED`, `-EMFILE`, `-ENFILE`, `-ENOBUFS`,
 * `-EOPNOTSUPP`, `-EBADF`, `-ENOTSOCK`. `*peer` is unchanged on error.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `peer` NULL or writable.
 */
int sc_accept(int fd, struct sc_addr *peer, int flags);

/**
 * `connect(2)`: connects socket `fd` to `*addr`.
 *
 * Returns 0, or `-EFAULT` for a NULL `addr`, `-ECONNREFUSED`,
 * `-ETIMEDOUT`, `-ENETUNREACH`, `-EHOSTUNREACH`, `-EINPROGRESS`
 * (non-blocking: wait for `POLLOUT`, then read `SO_ERROR`), `-EAGAIN` (a
 * Unix listener's backlog is full), `-EISCONN`, `-EALREADY`, `-EINTR`,
 * `-EAFNOSUPPORT`, `-ENOENT`, `-EBADF`, `-ENOTSOCK`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `addr` NULL or an initialised
 * `sc_addr`.
 */
int sc_connect(int fd, const struct sc_addr *addr);

/**
 * `shutdown(2)`: closes one direction of `fd` or both; `how` is `SHUT_RD`,
 * `SHUT_WR` or `SHUT_RDWR`. The descriptor stays open.
 *
 * Returns 0, or `-EINVAL` for another `how`, `-ENOTCONN`, `-EBADF`,
 * `-ENOTSOCK`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_shutdown(int fd, int how);

/**
 * `close(2)`: releases `fd`. It is released even when an error is returned
 * (Linux semantics), so never retry.
 *
 * Returns 0, or `-EBADF`, `-EINTR`, `-EIO`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns and no longer uses.
 */
int sc_close(int fd);

/**
 * `getsockname(2)`: the local address of `fd` into `*out` (with the real
 * port after binding port 0; the empty address, length 0, for a Unix
 * socket with no name).
 *
 * Returns 0, or `-EFAULT` for a NULL `out`, `-EBADF`, `-ENOTSOCK`,
 * `-ENOBUFS`. `*out` is unchanged on error.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `out` NULL or writable.
 */
int sc_local_addr(int fd, struct sc_addr *out);

/**
 * `getpeername(2)`: the address of the peer connected to `fd` into `*out`
 * (the empty address, length 0, for a Unix peer with no name).
 *
 * Returns 0, or `-EFAULT` for a NULL `out`, `-ENOTCONN`, `-EBADF`,
 * `-ENOTSOCK`, `-ENOBUFS`. `*out` is unchanged on error.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `out` NULL or writable.
 */
int sc_peer_addr(int fd, struct sc_addr *out);

/**
 * `ioctl(FIONBIO)`: makes `fd` non-blocking when `nonblocking` is non-zero,
 * blocking when it is 0, in one system call.
 *
 * Returns 0, or `-EBADF`, `-ENOTTY`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_nonblocking(int fd, int nonblocking);

/**
 * `fcntl(F_SETFD)`: sets `FD_CLOEXEC` on `fd` when `cloexec` is non-zero,
 * clears it when it is 0, in one system call. Clear it on purpose to hand
 * the socket to a program started with `exec`, which finds it open under
 * the same number; every descriptor sockcore makes starts close-on-exec.
 * The flag is the descriptor's: clear it on an `sc_dup` made for the
 * child, or set it again once the child has started, so that other
 * children do not inherit the socket too.
 *
 * Returns 0, or `-EBADF`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_cloexec(int fd, int cloexec);

/**
 * `fcntl(F_DUPFD_CLOEXEC)`: a second descriptor, the lowest free one,
 * for the socket `fd`, close-on-exec. Both share the socket's state
 * (options, status flags such as non-blocking mode, data); closing one
 * leaves the socket open through the other. The new descriptor belongs to
 * the caller.
 *
 * Returns the new descriptor, or `-EBADF`, `-EMFILE` (the process's
 * descriptor limit).
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_dup(int fd);

/**
 * `read(2)`: up to `len` bytes from `fd` into `buf`.
 *
 * Returns the count read (0 at end of stream, for an empty datagram or for
 * `len` 0), or `-EFAULT` for a NULL `buf`, `-EINVAL` for `len` over
 * `SSIZE_MAX`, `-EAGAIN` (non-blocking, nothing to read), `-EINTR`,
 * `-ECONNRESET`, `-ENOTCONN`, `-ETIMEDOUT`, `-EBADF`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `buf` NULL or writable for
 * `len` bytes.
 */
ssize_t sc_read(int fd, void *buf, size_t len);

/**
 * The write of sockcore: `send(2)` with `MSG_NOSIGNAL`, one call, which may
 * send fewer than `len` bytes (see `sc_write_all`).
 *
 * Returns the count sent, or `-EFAULT` for a NULL `buf`, `-EINVAL` for
 * `len` over `SSIZE_MAX`, `-EPIPE` or `-ECONNRESET` (the peer has gone),
 * `-EAGAIN`, `-EINTR`, `-EMSGSIZE`, `-ENOTCONN`, `-EDESTADDRREQ`, `-EBADF`,
 * `-ENOTSOCK` (the descriptor is not a socket: use `write(2)` for others).
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `buf` NULL or readable for
 * `len` bytes.
 */
ssize_t sc_write(int fd, const void *buf, size_t len);

/**
 * `send(2)` with `flags | MSG_NOSIGNAL`; `flags` is a combination of
 * `SC_MSG_*` constants.
 *
 * Returns the count sent, or `-EINVAL` for unknown `flags` bits, and the
 * errors of `sc_write`.
 *
 * # Safety
 *
 * As `sc_write`.
 */
ssize_t sc_send(int fd, const void *buf, size_t len, int flags);

/**
 * `recv(2)` with `flags`, a combination of `SC_MSG_*` constants. With
 * `SC_MSG_TRUNC` on a datagram socket the return is the datagram's full
 * length, even when `len` was shorter.
 *
 * Returns the count received, or `-EINVAL` for unknown `flags` bits, and
 * the errors of `sc_read`.
 *
 * # Safety
 *
 * As `sc_read`.
 */
ssize_t sc_recv(int fd, void *buf, size_t len, int flags);

/**
 * `recv(2)` with `MSG_PEEK`: the next bytes, left in the queue for the
 * next read.
 *
 * Returns the count copied, or the errors of `sc_read`.
 *
 * # Safety
 *
 * As `sc_read`.
 */
ssize_t sc_peek(int fd, void *buf, size_t len);

/**
 * `sendto(2)` with `flags | MSG_NOSIGNAL`: a datagram to `*to`.
 *
 * With `SC_MSG_FASTOPEN` on an unconnected TCP socket it connects to `*to`
 * and sends the data in the SYN when a Fast Open cookie for the address is
 * cached (TCP Fast Open, Linux 3.7); without one, an ordinary handshake
 * that asks for a cookie, the data following it. On a non-blocking socket
 * without a cookie it returns `-EINPROGRESS` having sent nothing: wait for
 * `POLLOUT`, then send the data again. It needs the client bit (1) of
 * `net.ipv4.tcp_fastopen` (`-EOPNOTSUPP` without).
 *
 * Returns the count sent, or `-EFAULT` for a NULL `to`, `-EINVAL` for
 * unknown `flags` bits or an address of the wrong family, `-EISCONN`,
 * `-EAFNOSUPPORT`, `-EACCES` (broadcast without `SO_BROADCAST`),
 * `-ENETUNREACH`, `-EINPROGRESS`, and the errors of `sc_write`.
 *
 * # Safety
 *
 * As `sc_write`; `to` must be NULL or an initialised `sc_addr`.
 */
ssize_t sc_sendto(int fd, const void *buf, size_t len, int flags, const struct sc_addr *to);

/**
 * `recvfrom(2)` with `flags`: a datagram, and its sender's address into
 * `*from` unless `from` is NULL. A sender with no name (a connected
 * stream, a Unix socket that never bound) gives the empty address (family
 * `AF_UNSPEC`, length 0), as `sc_accept`, `sc_local_addr` and
 * `sc_peer_addr` report one.
 *
 * Returns the count received, or the errors of `sc_recv`. `*from` is
 * unchanged on error.
 *
 * # Safety
 *
 * As `sc_read`; `from` must be NULL or writable.
 */
ssize_t sc_recvfrom(int fd, void *buf, size_t len, int flags, struct sc_addr *from);

/**
 * `readv(2)`: scatters what arrives on `fd` over the `iovcnt` buffers of
 * `iov`, in order.
 *
 * Returns the count read (0 at end of stream), or `-EFAULT` for a NULL
 * `iov` (or a NULL buffer in it), `-EINVAL` for `iovcnt` negative or over
 * `SC_IOV_MAX` or a total over `SSIZE_MAX`, and the errors of `sc_read`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `iov` NULL or readable for
 * `iovcnt` entries, each describing writable memory.
 */
ssize_t sc_readv(int fd, const struct iovec *iov, int iovcnt);

/**
 * The vectored write: `sendmsg(2)` with `MSG_NOSIGNAL` over the `iovcnt`
 * buffers of `iov` (`writev(2)` cannot suppress `SIGPIPE`). One call; it
 * may send fewer bytes than the buffers hold.
 *
 * Returns the count sent, or `-EFAULT` for a NULL `iov` (or a NULL buffer
 * in it), `-EINVAL` for `iovcnt` negative or over `SC_IOV_MAX` or a total
 * over `SSIZE_MAX`, and the errors of `sc_write`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `iov` NULL or readable for
 * `iovcnt` entries, each describing readable memory.
 */
ssize_t sc_writev(int fd, const struct iovec *iov, int iovcnt);

/**
 * Sends all `len` bytes of `buf` on `fd`, with as many `send(2)` calls
 * (with `MSG_NOSIGNAL`) as it takes, retrying `EINTR`.
 *
 * Returns `len`, or `-errno` if any call fails; how much was sent before
 * the failure is not reported, so on a non-blocking socket (where
 * `-EAGAIN` can stop it half-way) use `sc_write` and `poll(2)` instead.
 * Errors: `-EFAULT` for a NULL `buf`, `-EINVAL` for `len` over
 * `SSIZE_MAX`, `-EPIPE` (also when the kernel accepts no bytes), and the
 * errors of `sc_write` but `-EINTR`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `buf` NULL or readable for
 * `len` bytes.
 */
ssize_t sc_write_all(int fd, const void *buf, size_t len);

/**
 * Reads from `fd` until `len` bytes have filled `buf` or the stream ends,
 * with as many `read(2)` calls as it takes, retrying `EINTR`.
 *
 * Returns `len`, or fewer at end of stream (0 if it had already ended); or
 * `-errno` if any call fails, dropping the count read before it (the bytes
 * are in `buf`). Errors: `-EFAULT` for a NULL `buf`, `-EINVAL` for `len`
 * over `SSIZE_MAX`, and the errors of `sc_read` but `-EINTR`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `buf` NULL or writable for
 * `len` bytes.
 */
ssize_t sc_read_exact(int fd, void *buf, size_t len);

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `sendfile(2)`: up to `count` bytes of `file`, from `*offset`, onto the
 * socket `fd`, with no copy through user space. `*offset` advances by the
 * count sent; the file's own position is neither used nor moved. One call
 * (`sendfile64`, so 64-bit offsets on 32-bit systems too): a signal ends
 * it with `-EINTR`. At most 0x7ffff000 bytes go per call.
 *
 * `sendfile` takes no `MSG_NOSIGNAL`: this call blocks `SIGPIPE` in the
 * calling thread while it runs, discards the one a closed peer raises, and
 * leaves the thread's signal mask as it was (a `SIGPIPE` the caller had
 * blocked and left pending stays pending).
 *
 * Returns the count sent (less than `count` when the send buffer had less
 * room or the file ended; 0 at its end), or `-EFAULT` for a NULL `offset`,
 * `-EINVAL` for `*offset` over `INT64_MAX`, `count` over `SSIZE_MAX`, or a
 * `file` that cannot be read at an offset (a directory), `-ESPIPE` when
 * `file` is a pipe or a socket, `-EAGAIN` (a non-blocking socket with its
 * buffer full), `-EPIPE`, `-ECONNRESET`, `-EBADF` (also for a `file`
 * opened write-only), `-EINTR`, `-EIO`. `*offset` is unchanged on error.
 *
 * # Safety
 *
 * `fd` and `file` must be descriptors the caller owns; `offset` NULL or a
 * valid `uint64_t`.
 */
ssize_t sc_send_file(int fd, int file, uint64_t *offset, size_t count);
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `sc_send_file` until `count` bytes are sent or the file ends, retrying
 * `EINTR` and short counts, as `sc_write_all` does.
 *
 * Returns the count sent: `count`, or fewer when the file ended first; or
 * `-errno` (those of `sc_send_file` but `-EINTR`). `*offset` always says
 * how far it got, so after `-EAGAIN` on a non-blocking socket wait for
 * `POLLOUT` and call again with the same `offset` and the rest of the
 * count.
 *
 * # Safety
 *
 * As `sc_send_file`.
 */
ssize_t sc_send_file_all(int fd, int file, uint64_t *offset, size_t count);
#endif

/**
 * A listening stream socket on the address in `text` (as `sc_addr_parse`
 * reads it): `socket(2)` + `SO_REUSEADDR` (IP only) + `bind(2)` +
 * `listen(2)`. A Unix path must not exist yet.
 *
 * Returns the descriptor, or `-EFAULT` for a NULL `text`, `-EINVAL` /
 * `-ENAMETOOLONG` for text that does not parse, and the errors of
 * `sc_socket`, `sc_bind` and `sc_listen` (`-EADDRINUSE` for a Unix path
 * that exists). No descriptor is left open on error.
 *
 * # Safety
 *
 * `text` must be NULL or NUL-terminated.
 */
int sc_listen_on(const char *text, int backlog);

/**
 * A stream socket connected to the address in `text`, giving up after
 * `timeout_ms` milliseconds (negative: as long as the kernel tries): a
 * non-blocking `connect(2)`, `poll(2)` for the outcome, `SO_ERROR`. The
 * socket is returned blocking.
 *
 * Returns the descriptor, or `-EFAULT` for a NULL `text`, `-EINVAL` /
 * `-ENAMETOOLONG` for text that does not parse, `-ETIMEDOUT`,
 * `-ECONNREFUSED`, `-ENETUNREACH`, `-EHOSTUNREACH`, `-EAGAIN` (a Unix
 * listener's backlog is full), `-ENOENT` (no such Unix path), and the
 * errors of `sc_socket`. No descriptor is left open on error.
 *
 * # Safety
 *
 * `text` must be NULL or NUL-terminated.
 */
int sc_dial(const char *text, int timeout_ms);

/**
 * `sc_connect`, waiting at most `timeout_ms` milliseconds (negative: as
 * long as the kernel tries) for the connection, on a socket the caller
 * made and configured (options, `sc_bind`): a non-blocking `connect(2)`,
 * `poll(2)` for the outcome (retrying `EINTR` against a deadline fixed at
 * the call), then `SO_ERROR`. A blocking socket is made non-blocking for
 * the call and blocking again after it, whatever the outcome; a
 * non-blocking one stays so. A connection still in progress from an
 * earlier call (after `-EINTR` from `sc_connect`, or this call's
 * `-ETIMEDOUT`) is waited for the same way; after `-ETIMEDOUT` the kernel
 * goes on trying: close `fd`, or call again to wait more.
 *
 * Returns 0, or `-EFAULT` for a NULL `addr`, `-EBADF` at once for a
 * negative `fd`, `-ETIMEDOUT`, `-ECONNREFUSED`, `-ENETUNREACH`,
 * `-EHOSTUNREACH`, `-EAGAIN` (a Unix listener's backlog is full),
 * `-ENOENT` (no such Unix path), and the errors of `sc_connect`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `addr` NULL or an initialised
 * `sc_addr`.
 */
int sc_connect_timeout(int fd, const struct sc_addr *addr, int timeout_ms);

/**
 * `sc_accept`, waiting at most `timeout_ms` milliseconds (negative: for
 * ever) for a connection: `poll(2)` for `POLLIN`, then `accept4(2)` with
 * `SOCK_CLOEXEC`. The peer's address goes to `*peer` unless `peer` is
 * NULL; `flags` is 0 or `SC_NONBLOCK`.
 *
 * Make the listener non-blocking when other threads or processes accept
 * from it too: then a connection taken by someone else between the poll
 * and the accept sends this call back to waiting instead of blocking past
 * the deadline.
 *
 * Returns the new descriptor, or `-ETIMEDOUT` when no connection came in
 * time, `-EBADF` at once for a negative `fd` (`poll(2)` would skip it and
 * wait out the time-out), and the errors of `sc_accept`. `*peer` is
 * unchanged on error.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `peer` NULL or writable.
 */
int sc_accept_timeout(int fd, struct sc_addr *peer, int flags, int timeout_ms);

/**
 * One read of up to `len` bytes from `fd` into `buf`, waiting at most
 * `timeout_ms` milliseconds (negative: for ever) for data: `poll(2)` for
 * `POLLIN`, then `recv(2)` with `MSG_DONTWAIT`, which cannot block even on
 * a blocking socket.
 *
 * Returns the count read (0 at end of stream), or `-ETIMEDOUT` when
 * nothing arrived in time, `-EBADF` at once for a negative `fd`, and the
 * errors of `sc_read`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `buf` NULL or writable for
 * `len` bytes.
 */
ssize_t sc_read_timeout(int fd, void *buf, size_t len, int timeout_ms);

/**
 * One write of up to `len` bytes of `buf` on `fd`, waiting at most
 * `timeout_ms` milliseconds (negative: for ever) for room: `poll(2)` for
 * `POLLOUT`, then `send(2)` with `MSG_DONTWAIT | MSG_NOSIGNAL`. It may send
 * fewer than `len` bytes when the send buffer had less room.
 *
 * Returns the count sent, or `-ETIMEDOUT` when no room came in time,
 * `-EBADF` at once for a negative `fd`, and the errors of `sc_write`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `buf` NULL or readable for
 * `len` bytes.
 */
ssize_t sc_write_timeout(int fd, const void *buf, size_t len, int timeout_ms);

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `sendmsg(2)` with `flags | MSG_NOSIGNAL`: gathers the buffers of
 * `msg->msg_iov`, sends them to `msg->msg_name` (NULL on a connected
 * socket) with the control messages in `msg->msg_control` (such as
 * `SCM_RIGHTS` descriptors, which stay open here). `msg->msg_flags` is
 * ignored; `flags` is a combination of `SC_MSG_*` constants.
 *
 * The header is checked as `sc_writev` checks its arguments, before any
 * system call: `-EFAULT` for a NULL `msg`, a NULL `msg_iov` with
 * `msg_iovlen` above 0, a NULL buffer of non-zero length in it, or a NULL
 * `msg_control` with a length; `-EINVAL` for `msg_iovlen` over
 * `SC_IOV_MAX`, buffers that add up to more than `SSIZE_MAX`, or
 * `msg_controllen` over `INT_MAX`.
 *
 * Returns the count of bytes sent, or those codes, `-EINVAL` for unknown
 * `flags` bits, control data the kernel rejects or more than
 * `SC_SCM_MAX_FD` descriptors, `-ENOBUFS` (control data larger than the
 * kernel's `net.core.optmem_max`), `-EMSGSIZE` (a datagram too long),
 * `-EFAULT` (another bad pointer in the header, found by the kernel),
 * `-EBADF` (a descriptor in `SCM_RIGHTS` that is not open), `-EPERM`
 * (credentials not the sender's own), `-ETOOMANYREFS`, and the errors of
 * `sc_sendto`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `msg` NULL or a valid
 * `struct msghdr` whose pointers are each NULL with length 0 or readable
 * for the length beside it.
 */
ssize_t sc_sendmsg(int fd, const struct msghdr *msg, int flags);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `recvmsg(2)` with `flags | MSG_CMSG_CLOEXEC`: scatters what arrives over
 * the buffers of `msg->msg_iov`, the sender's address into
 * `msg->msg_name` (unless NULL) and control messages into
 * `msg->msg_control`. On return `msg_namelen`, `msg_controllen` and
 * `msg_flags` are the kernel's: `MSG_TRUNC` (the datagram was cut),
 * `MSG_CTRUNC` (the control data was cut), `MSG_EOR`, `MSG_OOB`.
 *
 * Received descriptors are close-on-exec and the caller's to close, except
 * when the control data was truncated (`MSG_CTRUNC`): a partial set is a
 * leak waiting to happen, so every descriptor that did arrive has been
 * closed already and its slot in the control data reads -1.
 *
 * The header is checked as `sc_readv` checks its arguments, before any
 * system call: `-EFAULT` for a NULL `msg`, a NULL `msg_iov` with
 * `msg_iovlen` above 0, a NULL buffer of non-zero length in it, or a NULL
 * `msg_control` with a length; `-EINVAL` for `msg_iovlen` over
 * `SC_IOV_MAX`, buffers that add up to more than `SSIZE_MAX`, or
 * `msg_controllen` over `INT_MAX`.
 *
 * Returns the count of bytes received (0 at end of stream), or those
 * codes, `-EINVAL` for unknown `flags` bits, `-EFAULT` (another bad
 * pointer in the header, found by the kernel), and the errors of
 * `sc_recv`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `msg` NULL or a valid
 * `struct msghdr` whose pointers are each NULL with length 0 or writable
 * for the length beside it (the buffers the iovecs describe too).
 */
ssize_t sc_recvmsg(int fd, struct msghdr *msg, int flags);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * Sends `len` bytes of `data` with the `nfds` descriptors of `fds`
 * attached, in one `sendmsg(2)` with `MSG_NOSIGNAL` and one `SCM_RIGHTS`
 * message. The descriptors stay open here; the receiver gets its own.
 * With `nfds` 0 (and `fds` then may be NULL) it is a plain send.
 *
 * On a stream socket `len` must be at least 1, or nothing (descriptors
 * included) is sent.
 *
 * Returns the count of bytes sent, or `-EFAULT` for a NULL `data` (or a
 * NULL `fds` with `nfds` above 0), `-EINVAL` for `len` over `SSIZE_MAX` or
 * more than `SC_SCM_MAX_FD` descriptors, `-EBADF` (a descriptor that is not
 * open), `-ETOOMANYREFS`, and the errors of `sc_write`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `data` NULL or readable for
 * `len` bytes; `fds` NULL or readable for `nfds` ints.
 */
ssize_t sc_send_fds(int fd, const void *data, size_t len, const int *fds, size_t nfds);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * Receives up to `len` bytes into `data` and up to `*nfds` descriptors
 * into `fds`, in one `recvmsg(2)` with `flags | MSG_CMSG_CLOEXEC`. On
 * input `*nfds` is the capacity of `fds` (0 to take none; `fds` then may
 * be NULL); on success it is the count stored at the start of `fds`, each
 * close-on-exec and the caller's to close. `*msg_flags` (unless
 * `msg_flags` is NULL) gets the message's flags: `MSG_TRUNC` (the data
 * was cut), `MSG_CTRUNC` (more descriptors came than `fds` holds).
 *
 * `flags` is 0, or `SC_MSG_DONTWAIT` (this call alone is non-blocking)
 * and `SC_MSG_PEEK` (the data stays queued; the kernel still installs the
 * descriptors, so each peek hands over copies of its own, to close as
 * any others).
 *
 * When more descriptors arrive than `fds` holds, none is kept: all are
 * closed, `*nfds` is 0 and `*msg_flags` has `MSG_CTRUNC`, so no partial
 * set leaks. Other control messages (such as credentials) are discarded:
 * use `sc_recvmsg` to see them.
 *
 * Returns the count of bytes received (0 at end of stream), or `-EFAULT`
 * for a NULL `data` or `nfds` (or a NULL `fds` with `*nfds` above 0),
 * `-EINVAL` for `len` or `*nfds` over `SSIZE_MAX` or `flags` other than
 * those two, `-EAGAIN` (with `SC_MSG_DONTWAIT`, nothing queued), and the
 * errors of `sc_read`. `*nfds`, `fds` and `*msg_flags` are unchanged on
 * error.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `data` NULL or writable for
 * `len` bytes; `nfds` NULL or a valid `size_t`; `fds` NULL or writable for
 * `*nfds` ints; `msg_flags` NULL or writable.
 */
ssize_t sc_recv_fds(int fd,
                    void *data,
                    size_t len,
                    int flags,
                    int *fds,
                    size_t *nfds,
                    int *msg_flags);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * Sets `*b` up to append control messages to the `capacity` bytes at
 * `buf` (aligned as a `struct cmsghdr`: a union with one does it).
 *
 * Returns 0, or `-EFAULT` for a NULL `b` (or a NULL `buf` with a
 * capacity), `-EINVAL` for a capacity over `SSIZE_MAX`. `*b` is unchanged
 * on error.
 *
 * # Safety
 *
 * `b` must be NULL or writable; `buf` NULL or writable for `capacity`
 * bytes for as long as `b` is used.
 */
int sc_cmsg_builder_init(struct sc_cmsg_builder *b, void *buf, size_t capacity);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * Appends `SOL_UDP`/`UDP_SEGMENT` (a `u16`: the kernel refuses any other
 * size): `sc_sendmsg` then sends its data as datagrams of `segment` bytes,
 * the last one possibly shorter (Linux 4.18).
 *
 * Returns 0, or `-EFAULT` (NULL `b`), `-EINVAL` (`segment` 0, which would
 * send one unsegmented datagram), `-ENOSPC` (less than
 * `SC_CMSG_SPACE_UDP_SEGMENT` bytes left: nothing is appended).
 *
 * # Safety
 *
 * `b` must be NULL or set up by `sc_cmsg_builder_init`, its buffer still
 * writable.
 */
int sc_cmsg_add_udp_segment(struct sc_cmsg_builder *b, uint16_t segment);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * Appends the source address of the datagram: `IP_PKTINFO` (with
 * `ipi_spec_dst = local`) for an IPv4 `local`, `IPV6_PKTINFO` for an IPv6
 * one (IPv4-mapped included, for a dual-stack socket); `ifindex` 0 lets
 * routing pick the interface. A server bound to `0.0.0.0` or `::` replies
 * from the address a request reached by passing the `local` that
 * `sc_cmsg_get_packet_info` gave for it. The port of `local` is not used.
 * An address the host does not have fails at send time (`-ENETUNREACH`
 * for IPv4, `-EINVAL` for IPv6), as does an unknown `ifindex`
 * (`-ENODEV`).
 *
 * Returns 0, or `-EFAULT` (NULL `b` or `local`), `-EINVAL` (a malformed
 * `sc_addr`), `-EAFNOSUPPORT` (not IPv4 or IPv6), `-ENOSPC` (less than
 * `SC_CMSG_SPACE_PKTINFO_V4` or `_V6` bytes left).
 *
 * # Safety
 *
 * As for `sc_cmsg_add_udp_segment`; `local` NULL or an initialised
 * `sc_addr`.
 */
int sc_cmsg_add_source(struct sc_cmsg_builder *b, const struct sc_addr *local, uint32_t ifindex);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * Appends the whole TOS / traffic-class byte, DSCP in the high six bits
 * and ECN in the low two (0 Not-ECT, 1 ECT(1), 2 ECT(0), 3 CE), for a
 * datagram to `to`: `IP_TOS` for an IPv4 or IPv4-mapped `to` (the kernel
 * ignores `IPV6_TCLASS` for those), `IPV6_TCLASS` otherwise. It replaces
 * the byte `sc_set_tos`/`sc_set_tclass` gave the socket for this datagram,
 * DSCP included: pass both parts.
 *
 * Returns 0, or `-EFAULT` (NULL `b` or `to`), `-EINVAL` (`tos` outside
 * 0..255, a malformed `to`), `-EAFNOSUPPORT` (`to` not IPv4 or IPv6),
 * `-ENOSPC` (less than `SC_CMSG_SPACE_TOS` bytes left).
 *
 * # Safety
 *
 * As for `sc_cmsg_add_udp_segment`; `to` NULL or an initialised `sc_addr`.
 */
int sc_cmsg_add_tos(struct sc_cmsg_builder *b, const struct sc_addr *to, int tos);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * Appends the TTL (`IP_TTL`, for an IPv4 or IPv4-mapped `to`) or hop limit
 * (`IPV6_HOPLIMIT`) of a datagram to `to`. The kernel refuses an IPv4 TTL
 * of 0 when sending (`-EINVAL`).
 *
 * Returns 0, or `-EFAULT` (NULL `b` or `to`), `-EINVAL` (`ttl` outside
 * 0..255, a malformed `to`), `-EAFNOSUPPORT`, `-ENOSPC` (less than
 * `SC_CMSG_SPACE_TTL` bytes left).
 *
 * # Safety
 *
 * As for `sc_cmsg_add_tos`.
 */
int sc_cmsg_add_ttl(struct sc_cmsg_builder *b, const struct sc_addr *to, int ttl);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * Appends `IPV6_DONTFRAG` (IPv6 sockets): with `on` non-zero this datagram
 * is never fragmented; one larger than the path MTU fails with
 * `-EMSGSIZE`.
 *
 * Returns 0, or `-EFAULT` (NULL `b`), `-ENOSPC` (less than
 * `SC_CMSG_SPACE_DONTFRAG` bytes left).
 *
 * # Safety
 *
 * As for `sc_cmsg_add_udp_segment`.
 */
int sc_cmsg_add_dontfrag(struct sc_cmsg_builder *b, int on);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * Appends a request for transmit timestamps of this datagram
 * (`SO_TIMESTAMPING`, Linux 4.7): `flags` of `SC_TIMESTAMPING_TX_SOFTWARE`,
 * `_TX_HARDWARE`, `_TX_SCHED`, `_TX_ACK`. The stamps arrive on the error
 * queue; the reporting flags (`SC_TIMESTAMPING_SOFTWARE`, `_OPT_ID`,
 * `_OPT_TSONLY`, ...) must be set on the socket with `sc_set_timestamping`.
 *
 * Returns 0, or `-EFAULT` (NULL `b`), `-EINVAL` (other flags), `-ENOSPC`
 * (less than `SC_CMSG_SPACE_TX_TIMESTAMP` bytes left).
 *
 * # Safety
 *
 * As for `sc_cmsg_add_udp_segment`.
 */
int sc_cmsg_add_tx_timestamp(struct sc_cmsg_builder *b, unsigned int flags);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * Appends any control message: `level`, `type` and the `len` bytes at
 * `data`, copied as they are.
 *
 * Returns 0, or `-EFAULT` (NULL `b`, or NULL `data` with `len` > 0),
 * `-EINVAL` (`len` over `SSIZE_MAX`), `-ENOSPC` (less than
 * `CMSG_SPACE(len)` bytes left).
 *
 * # Safety
 *
 * As for `sc_cmsg_add_udp_segment`; `data` NULL or readable for `len`
 * bytes.
 */
int sc_cmsg_add(struct sc_cmsg_builder *b, int level, int type, const void *data, size_t len);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * The segment size of a coalesced run of datagrams (`SOL_UDP`/`UDP_GRO`,
 * an `int`), into `*segment`.
 *
 * Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
 * and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
 * `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
 * (NULL `msg` or `segment`, or NULL `msg_control` with a length). The output is
 * unchanged unless 0 is returned.
 *
 * # Safety
 *
 * `msg` NULL or a `struct msghdr` a receive filled, its control buffer
 * readable; `segment` NULL or writable.
 */
int sc_cmsg_get_udp_gro(const struct msghdr *msg, size_t *segment);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `IP_PKTINFO` or `IPV6_PKTINFO` (turned on by `sc_set_recv_pktinfo` or
 * `sc_set_recv_pktinfo_v6`): the address the datagram was sent to into
 * `*destination`, the local address to reply from into `*local`
 * (`ipi_spec_dst` for IPv4, the destination for IPv6; pass it to
 * `sc_cmsg_add_source`), both with port 0, and the interface it came in by
 * into `*ifindex`. Each of the three may be NULL (not wanted).
 *
 * Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
 * and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
 * `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
 * (NULL `msg`, or NULL `msg_control` with a length). The outputs are
 * unchanged unless 0 is returned.
 *
 * # Safety
 *
 * As for `sc_cmsg_get_udp_gro`; each output NULL or writable.
 */
int sc_cmsg_get_packet_info(const struct msghdr *msg,
                            struct sc_addr *destination,
                            struct sc_addr *local,
                            uint32_t *ifindex);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * The TOS byte (`IP_TOS`) or traffic class (`IPV6_TCLASS`) the datagram
 * carried (turned on by `sc_set_recv_tos` or `sc_set_recv_tclass`): DSCP
 * in the high six bits, ECN in the low two (0 Not-ECT, 1 ECT(1), 2 ECT(0),
 * 3 CE), into `*tos`.
 *
 * Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
 * and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
 * `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
 * (NULL `msg` or `tos`, or NULL `msg_control` with a length). The output is
 * unchanged unless 0 is returned.
 *
 * # Safety
 *
 * As for `sc_cmsg_get_udp_gro`.
 */
int sc_cmsg_get_tos(const struct msghdr *msg, uint8_t *tos);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * The TTL (`IP_TTL`) or hop limit (`IPV6_HOPLIMIT`) the datagram arrived
 * with (turned on by `sc_set_recv_ttl` or `sc_set_recv_hoplimit`), into
 * `*ttl`.
 *
 * Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
 * and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
 * `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
 * (NULL `msg` or `ttl`, or NULL `msg_control` with a length). The output is
 * unchanged unless 0 is returned.
 *
 * # Safety
 *
 * As for `sc_cmsg_get_udp_gro`.
 */
int sc_cmsg_get_ttl(const struct msghdr *msg, uint8_t *ttl);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * The receive time of `sc_set_recv_timestamps` (`SCM_TIMESTAMPNS`, in the
 * 64-bit or the old form; also `SCM_TIMESTAMP`, whose microseconds are
 * made nanoseconds), into `*ts`.
 *
 * Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
 * and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
 * `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
 * (NULL `msg` or `ts`, or NULL `msg_control` with a length). The output is
 * unchanged unless 0 is returned.
 *
 * # Safety
 *
 * As for `sc_cmsg_get_udp_gro`.
 */
int sc_cmsg_get_timestamp(const struct msghdr *msg, struct sc_timestamp *ts);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * The `SCM_TIMESTAMPING` stamps of `sc_set_timestamping` (receive stamps,
 * or a transmit stamp on the error queue): the software stamp into
 * `*software` and the raw hardware stamp into `*hardware`, each all-zero
 * when absent; either may be NULL (not wanted).
 *
 * Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
 * and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
 * `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
 * (NULL `msg`, or NULL `msg_control` with a length). The outputs are
 * unchanged unless 0 is returned.
 *
 * # Safety
 *
 * As for `sc_cmsg_get_udp_gro`; each output NULL or writable.
 */
int sc_cmsg_get_timestamping(const struct msghdr *msg,
                             struct sc_timestamp *software,
                             struct sc_timestamp *hardware);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * The error-queue entry (`IP_RECVERR` or `IPV6_RECVERR`) of a receive with
 * `SC_MSG_ERRQUEUE`, into `*err` (see `sc_extended_err` for its fields).
 *
 * Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
 * and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
 * `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
 * (NULL `msg` or `err`, or NULL `msg_control` with a length). The output is
 * unchanged unless 0 is returned.
 *
 * # Safety
 *
 * As for `sc_cmsg_get_udp_gro`.
 */
int sc_cmsg_get_extended_err(const struct msghdr *msg, struct sc_extended_err *err);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `IP_ORIGDSTADDR` or `IPV6_ORIGDSTADDR` (turned on by
 * `sc_set_recv_origdstaddr` or `_v6`): the address and port the datagram
 * was sent to, into `*dst`.
 *
 * Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
 * and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
 * `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
 * (NULL `msg` or `dst`, or NULL `msg_control` with a length). The output is
 * unchanged unless 0 is returned.
 *
 * # Safety
 *
 * As for `sc_cmsg_get_udp_gro`.
 */
int sc_cmsg_get_origdstaddr(const struct msghdr *msg, struct sc_addr *dst);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `SO_RXQ_OVFL` (turned on by `sc_set_rxq_ovfl`): how many datagrams the
 * socket has dropped so far for want of buffer space, into `*drops`. The
 * count is cumulative, and the kernel sends no message while it is 0: then
 * `-ENOENT`.
 *
 * Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
 * and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
 * `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
 * (NULL `msg` or `drops`, or NULL `msg_control` with a length). The output is
 * unchanged unless 0 is returned.
 *
 * # Safety
 *
 * As for `sc_cmsg_get_udp_gro`.
 */
int sc_cmsg_get_drop_count(const struct msghdr *msg, uint32_t *drops);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `setsockopt(SOL_SOCKET, SO_PASSCRED)`: on a Unix socket, receive the
 * sender's credentials (an `SCM_CREDENTIALS` control message holding an
 * `sc_ucred`) with every message through `sc_recvmsg`.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_passcred(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `getsockopt(SOL_SOCKET, SO_PASSCRED)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_passcred(int fd);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `getsockopt(SOL_SOCKET, SO_PEERCRED)`: the credentials of the process at
 * the other end of connected Unix socket `fd`, as they were when it
 * connected (or called `socketpair`), into `*out`. Read-only: the kernel
 * has no setter.
 *
 * Returns 0, or `-EFAULT` for a NULL `out`, or `-errno`. On a socket that
 * is not a connected Unix socket the kernel answers pid 0 with uid and gid
 * -1 rather than an error. `*out` is unchanged on error.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `out` NULL or writable.
 */
int sc_peer_credentials(int fd, struct sc_ucred *out);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `sendmmsg(2)` with `flags | MSG_NOSIGNAL`: sends the first `vlen`
 * messages of `msgs` in order, in one call; each is a `struct msghdr` as
 * `sc_sendmsg` takes it, and each one sent gets its byte count in
 * `msg_len`. At most `SC_IOV_MAX` (1024) messages go per call, as the
 * kernel caps a batch.
 *
 * A batch stops at the first message that fails: the return is the count
 * before it, and that message's error is lost (the next call, starting
 * there, reports it). Only an error on the first message is returned.
 *
 * Every header is checked as `sc_sendmsg` checks its own before the call,
 * so one bad header fails the whole batch with nothing sent.
 *
 * Returns how many messages were sent, or `-EFAULT` for a NULL `msgs`,
 * `-EINVAL` for unknown `flags` bits, and the errors of `sc_sendmsg`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `msgs` NULL or writable for
 * `vlen` headers, each of which satisfies `sc_sendmsg`'s requirement.
 */
int sc_sendmmsg(int fd, struct mmsghdr *msgs, unsigned int vlen, int flags);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * `recvmmsg(2)` with `flags | MSG_CMSG_CLOEXEC`: fills up to `vlen` (at
 * most `SC_IOV_MAX`) messages of `msgs` in one call, each as `sc_recvmsg`
 * fills one, with its byte count in `msg_len`; descriptors in control data
 * follow `sc_recvmsg`'s rules (a message with `MSG_CTRUNC` has its
 * descriptors closed already).
 *
 * A blocking socket waits for the whole batch unless `flags` has
 * `SC_MSG_WAITFORONE` (return once one message arrived) or
 * `SC_MSG_DONTWAIT`. `timeout_ms` (negative: none) is the kernel's
 * `recvmmsg` time-out, which it checks only after each message arrives
 * (see `recvmmsg(2)`, BUGS): it ends a batch early but never an empty
 * wait. For a bounded wait, poll first (`sc_wait_ready`) and pass
 * `SC_MSG_WAITFORONE`.
 *
 * Every header is checked as `sc_recvmsg` checks its own before the call,
 * so one bad header fails the whole batch with nothing received.
 *
 * Returns how many messages were filled, or `-EFAULT` for a NULL `msgs`,
 * `-EINVAL` for unknown `flags` bits, `-EAGAIN` (nothing arrived,
 * non-blocking), and the errors of `sc_recvmsg`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `msgs` NULL or writable for
 * `vlen` headers, each of which satisfies `sc_recvmsg`'s requirement.
 */
int sc_recvmmsg(int fd, struct mmsghdr *msgs, unsigned int vlen, int flags, int timeout_ms);
#endif

#if defined(SOCKCORE_HAVE_MESSAGES)
/**
 * Reads zero-copy completions from `fd`'s error queue into `out`, up to
 * `count` of them, one `recvmsg(MSG_ERRQUEUE | MSG_DONTWAIT)` each, until
 * `out` is full or the queue is empty. Never blocks, so never `-EINTR`.
 *
 * The rule: a buffer sent with `SC_MSG_ZEROCOPY` may be changed or reused
 * only after a range returned here covers its send.
 *
 * Waiting completions make `poll` report `POLLERR` (epoll: `EPOLLERR`,
 * asked or not) while `sc_take_error` returns 0: on a zero-copy socket
 * `POLLERR` means "call this", not a failed connection. Consecutive
 * completions merge while they wait, so one range often covers many sends;
 * across calls every send is covered exactly once.
 *
 * An entry that is not a completion (on a socket with `sc_set_recverr` or
 * `SO_TIMESTAMPING` on too: an ICMP error, a transmit timestamp) ends the
 * call, and the kernel has taken it off the queue: read first, its error
 * is returned (`-ECONNREFUSED`, ...; `-ENOMSG` when it has none, as
 * timestamps); read after completions, those are returned and the entry
 * is lost. Such a socket should read its error queue with `sc_recvmsg`
 * and `SC_MSG_ERRQUEUE`, and `sc_cmsg_get_extended_err`
 * (`SC_EE_ORIGIN_ZEROCOPY`, `SC_EE_CODE_ZEROCOPY_COPIED`).
 *
 * Only IPv4 and IPv6 sockets have an error queue: on a Unix socket this
 * returns `-EOPNOTSUPP` when data was waiting (a datagram is consumed, its
 * descriptors closed) and 0 when none was.
 *
 * Returns how many ranges were stored (0: none waiting; `count` 0 returns
 * 0 with no system call, `out` may then be NULL), or `-EFAULT` (NULL
 * `out`), `-EINVAL` (`count` over `INT_MAX`), `-EBADF`, `-ENOTSOCK`,
 * `-EOPNOTSUPP`, or a foreign entry's error as above.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `out` NULL or writable for
 * `count` ranges.
 */
int sc_zerocopy_completions(int fd, struct sc_zerocopy_range *out, size_t count);
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * `sendmsg(2)` with `UDP_SEGMENT`: sends `len` bytes at `buf` as datagrams
 * of `segment` bytes (the last one may be shorter) to `*to` (NULL on a
 * connected socket), with `flags | MSG_NOSIGNAL`. One system call carries
 * at most `SC_UDP_MAX_SEGMENTS` datagrams and `SC_UDP_MAX_PAYLOAD` bytes,
 * so a longer buffer takes several (54 datagrams of 1,200 bytes each).
 * Where the kernel refuses offload (`EIO` from a device that cannot
 * segment, `EINVAL` from a socket with UDP checksums off) the same
 * datagrams go as `sendmmsg` batches. `EMSGSIZE` (a segment over the path
 * MTU) is returned, never fallen back from: the datagrams would be
 * fragmented. `flags`: `SC_MSG_DONTWAIT`, `SC_MSG_CONFIRM`,
 * `SC_MSG_DONTROUTE`, `SC_MSG_NOSIGNAL`. The socket option `UDP_SEGMENT`
 * is left alone.
 *
 * It checks that `fd` is a UDP socket on every call (one `getsockopt`
 * more), and a refusal is not remembered: each call tries offload first.
 * A loop should keep an `sc_udp_offload` and call `sc_udp_offload_send`.
 *
 * Returns the bytes sent: `len`, or fewer (whole datagrams) when a system
 * call after the first failed or a non-blocking socket filled: send the
 * rest from `buf` plus the return. Errors, with nothing sent: `-EFAULT`
 * for a NULL `buf`, `-EINVAL` for `len` 0 (the kernel would send an empty
 * datagram) or over `SSIZE_MAX`, `segment` 0 (it would send one
 * unsegmented datagram) or over `SC_UDP_MAX_PAYLOAD`, other `flags`, a
 * malformed `*to`; `-EAFNOSUPPORT` for a `*to` that is not IPv4 or IPv6;
 * `-ENOPROTOOPT` for a socket that is not UDP (a TCP socket would stream
 * the bytes); then `-EMSGSIZE`, and the errors of `sc_sendto` (`-EAGAIN`,
 * `-EINTR`, `-EDESTADDRREQ`, `-ECONNREFUSED`, ...).
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `buf` NULL or readable for
 * `len` bytes; `to` NULL or an initialised `sc_addr`.
 */
ssize_t sc_send_segments(int fd,
                         const void *buf,
                         size_t len,
                         size_t segment,
                         int flags,
                         const struct sc_addr *to);
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * `sc_send_segments` on `u`'s socket, without the socket check; a kernel
 * refusal of offload is remembered in `*u` (`sc_udp_offload_gso` then
 * says `SC_GSO_REFUSED`), and later calls go straight to `sendmmsg`
 * batches. When the batches fail with the very error the offloaded call
 * got, and nothing went, the error was not about offload (such as a bad
 * control message), and `*u` keeps its state.
 *
 * Returns and errors as `sc_send_segments`, and `-EFAULT` for a NULL `u`,
 * `-EINVAL` for a `u` never set up.
 *
 * # Safety
 *
 * `u` must be NULL or point at an `sc_udp_offload`; `buf` and `to` as for
 * `sc_send_segments`.
 */
ssize_t sc_udp_offload_send(struct sc_udp_offload *u,
                            const void *buf,
                            size_t len,
                            size_t segment,
                            int flags,
                            const struct sc_addr *to);
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * `sc_udp_offload_send` with `controllen` bytes of control messages at
 * `control` (built with `CMSG_*` or the library's builder: a source
 * address, a traffic class with ECN, a hop limit) attached to every
 * system call: offloaded, the kernel copies them into each datagram; in a
 * `sendmmsg` batch every datagram carries them.
 *
 * Returns and errors as `sc_udp_offload_send`, and `-EFAULT` for a NULL
 * `control` with `controllen` > 0, `-EINVAL` for `controllen` over
 * `SC_UDP_OFFLOAD_CONTROL_MAX` or a `UDP_SEGMENT` message in `control`.
 *
 * # Safety
 *
 * As for `sc_udp_offload_send`; `control` NULL or readable for
 * `controllen` bytes.
 */
ssize_t sc_udp_offload_sendmsg(struct sc_udp_offload *u,
                               const void *buf,
                               size_t len,
                               size_t segment,
                               const void *control,
                               size_t controllen,
                               int flags,
                               const struct sc_addr *to);
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * `recvmsg(2)` of one coalesced run (with `sc_set_udp_gro` on) or one
 * datagram into `buf`, with its segment size in `*segment` (every datagram
 * of the run has that length but the last, which may be shorter; for a
 * datagram that was not coalesced, its length: 0 for an empty one) and its
 * sender in `*from` (`from` may be NULL). Walk the run's datagrams with
 * `sc_segments_init` and `sc_segments_next`.
 *
 * Give `SC_UDP_GRO_BUFFER` bytes: a run longer than `len` is `-EMSGSIZE`
 * (`buf` holds its first `len` bytes; the rest is gone), never a silent
 * loss, unless `flags` has `SC_MSG_TRUNC`, which returns the run's full
 * length (more than `len`). `flags`: `SC_MSG_DONTWAIT`, `SC_MSG_PEEK`,
 * `SC_MSG_TRUNC`.
 *
 * It checks that `fd` is a UDP socket on every call (one `getsockopt`
 * more); a loop should keep an `sc_udp_offload` and call
 * `sc_udp_offload_recv`. For several runs in one `sc_recvmmsg`, give every
 * message a control buffer of its own, `SC_CMSG_SPACE_UDP_GRO` bytes at
 * least, and read each run's segment size with `sc_cmsg_get_udp_gro`:
 * without one the kernel drops the segment size and sets `MSG_CTRUNC`.
 *
 * Returns the bytes of the run, or `-EFAULT` for a NULL `buf` or
 * `segment`, `-EINVAL` for `len` 0 or over `SSIZE_MAX` or other `flags`,
 * `-ENOPROTOOPT` for a socket that is not UDP (nothing is received),
 * `-EMSGSIZE`, `-ENOBUFS` (the segment size was cut off the control data:
 * not with this call's own control space), and the errors of
 * `sc_recvfrom` (`-EAGAIN`, `-EINTR`, `-ECONNREFUSED`, ...). `*from` and
 * `*segment` are unchanged on error.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `buf` NULL or writable for
 * `len` bytes; `from` and `segment` NULL or writable.
 */
ssize_t sc_recv_segments(int fd,
                         void *buf,
                         size_t len,
                         int flags,
                         struct sc_addr *from,
                         size_t *segment);
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * `sc_recv_segments` on `u`'s socket, without the socket check.
 *
 * Returns and errors as `sc_recv_segments`, and `-EFAULT` for a NULL `u`,
 * `-EINVAL` for a `u` never set up.
 *
 * # Safety
 *
 * `u` must be NULL or point at an `sc_udp_offload`; `buf`, `from` and
 * `segment` as for `sc_recv_segments`.
 */
ssize_t sc_udp_offload_recv(struct sc_udp_offload *u,
                            void *buf,
                            size_t len,
                            int flags,
                            struct sc_addr *from,
                            size_t *segment);
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * Checks once that `fd` is a UDP socket (one `getsockopt(SO_PROTOCOL)`)
 * and sets `*u` up for it. `flags`: 0, or `SC_UDP_OFFLOAD_NO_GSO` to send
 * every buffer as `sendmmsg` batches.
 *
 * Returns 0, or `-EFAULT` for a NULL `u`, `-EINVAL` for other `flags`,
 * `-ENOPROTOOPT` for a socket that is not UDP (TCP, Unix, UDP-Lite: a TCP
 * socket would stream the bytes), `-EBADF`, `-ENOTSOCK`. `*u` is unchanged
 * on error.
 *
 * # Safety
 *
 * `u` must be NULL or writable; `fd` a descriptor the caller owns.
 */
int sc_udp_offload_init(struct sc_udp_offload *u, int fd, int flags);
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * Whether offload is in use on `u`'s socket: `SC_GSO_UNTRIED` (nothing
 * sent yet), `SC_GSO_OFFLOADED` or `SC_GSO_REFUSED` (after the kernel
 * refused, or with `SC_UDP_OFFLOAD_NO_GSO`).
 *
 * Returns one of those, or `-EFAULT` for a NULL `u`, `-EINVAL` for a `u`
 * never set up.
 *
 * # Safety
 *
 * `u` must be NULL or point at an `sc_udp_offload`.
 */
int sc_udp_offload_gso(const struct sc_udp_offload *u);
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * Sets `*it` up to walk the datagrams of the run of `len` bytes at `buf`
 * whose segment size is `segment` (from `sc_recv_segments`): each has
 * `segment` bytes, the last one possibly fewer.
 *
 * Returns 0, or `-EFAULT` for a NULL `it` or a NULL `buf` with `len` > 0,
 * `-EINVAL` for `segment` 0 with `len` > 0 or `len` over `SSIZE_MAX`.
 *
 * # Safety
 *
 * `it` must be NULL or writable; `buf` NULL or readable for `len` bytes,
 * and stay so while `*it` is walked.
 */
int sc_segments_init(struct sc_segments *it, const void *buf, size_t len, size_t segment);
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * The next datagram of the run: `*data` points at it (in the run's
 * buffer) and `*len` is its length.
 *
 * Returns 1, or 0 when none is left (an empty run has none; `*data` and
 * `*len` are then unchanged), or `-EFAULT` for a NULL argument.
 *
 * # Safety
 *
 * `it` must be NULL or point at an `sc_segments` set up by
 * `sc_segments_init` whose buffer is still readable; `data` and `len` NULL
 * or writable.
 */
int sc_segments_next(struct sc_segments *it, const void **data, size_t *len);
#endif

/**
 * `poll(2)`: waits until one of the `nfds` entries of `fds` is ready or
 * `timeout_ms` passes (negative: for ever; 0: check without waiting), and
 * sets each entry's `revents`. One call: a signal ends it with `-EINTR`.
 * With `nfds` 0, `fds` may be NULL (a plain sleep).
 *
 * An entry with a negative `fd` is ignored (its `revents` is 0), as
 * `poll(2)` ignores it: that is the system call's contract, and the way to
 * leave a slot unused. So an error code stored in `fd` by mistake is
 * silently skipped here; `sc_wait_ready`, for one descriptor, refuses it
 * with `-EBADF`.
 *
 * Returns how many entries have events (0 on time-out), or `-EFAULT` for
 * a NULL `fds` with `nfds` above 0, `-EINVAL` for `nfds` over `INT_MAX` or
 * the process's descriptor limit, `-EINTR`, `-ENOMEM`.
 *
 * # Safety
 *
 * `fds` must be NULL or writable for `nfds` entries.
 */
int sc_poll(struct pollfd *fds, nfds_t nfds, int timeout_ms);

/**
 * Waits until `fd` reports one of `events` (`POLLIN`, `POLLPRI`,
 * `POLLOUT`, `POLLRDHUP`), or an error or hang-up, with `poll(2)`; `EINTR`
 * is retried against a fixed deadline `timeout_ms` from the call
 * (negative: for ever).
 *
 * Returns the events that happened (`revents`, which may be `POLLERR`,
 * `POLLHUP` or `POLLNVAL` alone: `POLLNVAL` for a descriptor that is not
 * open), or `-ETIMEDOUT` when the time passes, `-EBADF` at once for a
 * negative `fd` (such as an error code stored in it by mistake, which
 * `poll(2)` would skip, waiting out the time-out or, with none, for ever),
 * `-EINVAL` for bits in `events` other than those four, `-ENOMEM`.
 */
int sc_wait_ready(int fd, short events, int timeout_ms);

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `epoll_create1(2)` with `EPOLL_CLOEXEC`: a new epoll instance,
 * close-on-exec always. Close it with `sc_close`.
 *
 * Returns the descriptor, or `-EMFILE`, `-ENFILE`, `-ENOMEM`.
 */
int sc_epoll_create(void);
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `epoll_ctl(EPOLL_CTL_ADD)`: watches `fd` for `events` (`SC_EPOLLIN`,
 * `SC_EPOLLOUT`, …, with `SC_EPOLLET`, `SC_EPOLLONESHOT` or
 * `SC_EPOLLEXCLUSIVE` for the mode; `SC_EPOLLERR` and `SC_EPOLLHUP` are
 * reported always); each event reported for it carries `data` (a pointer
 * cast to `uint64_t`, an index, the descriptor).
 *
 * Closing `fd` stops its events only once every duplicate of it (`dup`,
 * `fork`, a descriptor sent with `SCM_RIGHTS`) is closed too; call
 * `sc_epoll_delete` first when it may have been duplicated.
 *
 * Returns 0, or `-EINVAL` for bits other than the `SC_EPOLL*` constants
 * (the kernel would ignore them), for `fd` equal to `epfd`, for an `epfd`
 * that is not an epoll instance, and for `SC_EPOLLEXCLUSIVE` with an epoll
 * `fd` or with bits other than `SC_EPOLLIN`, `SC_EPOLLOUT`, `SC_EPOLLERR`,
 * `SC_EPOLLHUP`, `SC_EPOLLET` and `SC_EPOLLWAKEUP`; `-EEXIST` when `fd` is
 * already watched, `-EBADF` (a negative or closed `epfd` or `fd`),
 * `-EPERM` (`fd` cannot be polled: a regular file), `-ELOOP`, `-ENOMEM`,
 * `-ENOSPC`.
 *
 * # Safety
 *
 * `epfd` and `fd` must be descriptors the caller owns.
 */
int sc_epoll_add(int epfd, int fd, uint32_t events, uint64_t data);
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `epoll_ctl(EPOLL_CTL_MOD)`: new `events` and `data` for a watched `fd`;
 * arms an `SC_EPOLLONESHOT` entry again.
 *
 * Returns 0, or the errors of `sc_epoll_add` but `-EEXIST`; `-ENOENT` when
 * `fd` is not watched, and `-EINVAL` for an entry added with
 * `SC_EPOLLEXCLUSIVE` (delete it and add it again instead).
 *
 * # Safety
 *
 * `epfd` and `fd` must be descriptors the caller owns.
 */
int sc_epoll_modify(int epfd, int fd, uint32_t events, uint64_t data);
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `epoll_ctl(EPOLL_CTL_DEL)`: stops watching `fd`.
 *
 * Returns 0, or `-ENOENT` when `fd` is not watched, `-EBADF` (also for a
 * number already closed), `-EINVAL` (an `epfd` that is not an epoll
 * instance).
 *
 * # Safety
 *
 * `epfd` and `fd` must be descriptors the caller owns.
 */
int sc_epoll_delete(int epfd, int fd);
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `epoll_wait(2)`: waits until a watched descriptor is ready or
 * `timeout_ms` passes (negative: for ever; 0: check without waiting), and
 * fills up to `maxevents` entries of `events`. One system call: a signal
 * ends it with `-EINTR`, even with `SA_RESTART`.
 *
 * Returns how many entries it filled (0 on time-out), or `-EINVAL` for
 * `maxevents` below 1 or above `SC_EPOLL_MAX_EVENTS` and for an `epfd`
 * that is not an epoll instance, `-EFAULT` for a NULL `events`, `-EBADF`,
 * `-EINTR`.
 *
 * # Safety
 *
 * `epfd` must be a descriptor the caller owns; `events` NULL or writable
 * for `maxevents` entries.
 */
int sc_epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout_ms);
#endif

/**
 * `getsockopt(2)`: copies the value of option `name` at `level`
 * (`SOL_SOCKET`, `IPPROTO_TCP`, …) into `value`, which holds `*len` bytes;
 * on return `*len` is the length the kernel wrote.
 *
 * Returns 0, or `-EFAULT` for a NULL `value` or `len`, `-ENOPROTOOPT` (no
 * such option at that level), `-EINVAL` (a length the option rejects),
 * `-EBADF`, `-ENOTSOCK`. `*len` is unchanged on error.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `len` NULL or a valid
 * `socklen_t`; `value` NULL or writable for `*len` bytes.
 */
int sc_getsockopt(int fd, int level, int name, void *value, socklen_t *len);

/**
 * `setsockopt(2)`: sets option `name` at `level` from the `len` bytes at
 * `value`.
 *
 * Returns 0, or `-EFAULT` for a NULL `value`, `-ENOPROTOOPT` (no such
 * option at that level), `-EINVAL` (a value or length the option rejects),
 * `-EPERM` (a privileged option), `-EBADF`, `-ENOTSOCK`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `value` NULL or readable for
 * `len` bytes.
 */
int sc_setsockopt(int fd, int level, int name, const void *value, socklen_t len);

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_REUSEADDR)`: allow binding an address that
 * still has connections in TIME_WAIT.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_reuseaddr(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_REUSEADDR)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_reuseaddr(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_ERROR)`: takes the pending error of `fd` and
 * clears it, such as the outcome of a non-blocking `sc_connect`.
 *
 * Returns 0 when no error was pending, the pending error as a positive
 * number (`ECONNREFUSED`, as `SO_ERROR` gives it) when one was, or
 * `-errno` when the call itself fails (`-EBADF`, `-ENOTSOCK`).
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_take_error(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_DOMAIN)`: the socket's domain.
 *
 * Returns `AF_INET`, `AF_INET6`, `AF_UNIX`, … or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_socket_domain(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_TYPE)`: the socket's type.
 *
 * Returns `SOCK_STREAM`, `SOCK_DGRAM`, `SOCK_SEQPACKET`, … or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_socket_type(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_ACCEPTCONN)`: whether `fd` is listening.
 *
 * Returns 1 (listening), 0 (not) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_is_listening(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_REUSEPORT)`: let several sockets of the same
 * user bind the same address and port; the kernel spreads connections or
 * datagrams over them.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_reuseport(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_REUSEPORT)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_reuseport(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_KEEPALIVE)`: probe an idle connection so that
 * a vanished peer is noticed; the timing is `sc_set_keepalive_idle`,
 * `sc_set_keepalive_interval` and `sc_set_keepalive_count`.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_keepalive(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_KEEPALIVE)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_keepalive(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_LINGER)`, as `struct linger`: with `on` 0
 * (the default) `close` returns at once while the kernel sends what is
 * queued, and `seconds` is ignored; with `on` non-zero `close` waits up to
 * `seconds` for the data to go, and `seconds` 0 resets the connection on
 * close (the peer sees `-ECONNRESET`).
 *
 * Returns 0, or `-EINVAL` for a negative `seconds` with `on`, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_linger(int fd, int on, int seconds);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_LINGER)`: `*on` becomes 1 or 0 and
 * `*seconds` the linger time, as `struct linger` holds them.
 *
 * Returns 0, or `-EFAULT` for a NULL `on` or `seconds`, or `-errno`. Both
 * are unchanged on error.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `on` and `seconds` NULL or
 * writable.
 */
int sc_get_linger(int fd, int *on, int *seconds);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_RCVBUF)`: the receive buffer size to aim
 * for. The kernel doubles it (for its bookkeeping), caps it at
 * `net.core.rmem_max` and raises it to its minimum: `sc_get_rcvbuf` reads
 * the result.
 *
 * Returns 0, or `-EINVAL` for a negative `bytes`, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_rcvbuf(int fd, int bytes);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_RCVBUF)`: the receive buffer size in effect.
 *
 * Returns the size in bytes, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_rcvbuf(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_SNDBUF)`: as `sc_set_rcvbuf`, for sending
 * (capped at `net.core.wmem_max`).
 *
 * Returns 0, or `-EINVAL` for a negative `bytes`, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_sndbuf(int fd, int bytes);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_SNDBUF)`: the send buffer size in effect.
 *
 * Returns the size in bytes, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_sndbuf(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_RCVTIMEO)`: a blocking receive or accept on
 * `fd` gives up with `-EAGAIN` after `timeout_ms` milliseconds; 0 waits
 * for ever (the default). The kernel keeps it in clock ticks, so it reads
 * back rounded up to a tick.
 *
 * Returns 0, or `-EINVAL` for a negative `timeout_ms`, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_rcvtimeo(int fd, int timeout_ms);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_RCVTIMEO)`.
 *
 * Returns the time-out in milliseconds (0 for none), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_rcvtimeo(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_SNDTIMEO)`: a blocking send on `fd` gives up
 * after `timeout_ms` milliseconds, with the count sent so far or
 * `-EAGAIN`; 0 waits for ever (the default).
 *
 * Returns 0, or `-EINVAL` for a negative `timeout_ms`, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_sndtimeo(int fd, int timeout_ms);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_SNDTIMEO)`.
 *
 * Returns the time-out in milliseconds (0 for none), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_sndtimeo(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_BROADCAST)`: allow datagrams to broadcast
 * addresses (otherwise `-EACCES`).
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_broadcast(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_BROADCAST)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_broadcast(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_BINDTODEVICE)`: `fd` uses only the network
 * interface called `name` (such as `"lo"`); the empty name `""` undoes it.
 *
 * Returns 0, or `-EFAULT` for a NULL `name`, `-EINVAL` for a name of
 * `SC_IFNAMSIZ` bytes or more, `-ENODEV` (no such interface), `-EPERM`
 * (without `CAP_NET_RAW`, unless the socket is unbound on Linux 5.7 or
 * newer), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `name` NULL or
 * NUL-terminated.
 */
int sc_set_bindtodevice(int fd, const char *name);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_BINDTODEVICE)`: the name of the interface
 * `fd` is bound to, NUL-terminated, into `buf`; `SC_IFNAMSIZ` bytes always
 * suffice.
 *
 * Returns the name's length without the NUL (0, with `buf` holding `""`,
 * when the socket is bound to no interface), or `-EFAULT` for a NULL
 * `buf`, `-EINVAL` for `len` over `SSIZE_MAX`, `-ENOSPC` when the name
 * and its NUL do not fit `len` bytes, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `buf` NULL or writable for
 * `len` bytes.
 */
int sc_get_bindtodevice(int fd, char *buf, size_t len);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_BINDTOIFINDEX)`: `fd` uses only the network
 * interface with index `ifindex` (`sc_interface_index` finds it by name);
 * 0 undoes it. The same binding as `sc_set_bindtodevice`, by index (Linux
 * 5.0); the index is not looked up, so one no interface has is kept.
 *
 * Returns 0, or `-EPERM` (changing a binding without `CAP_NET_RAW`), or
 * `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_bindtoifindex(int fd, unsigned int ifindex);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_BINDTOIFINDEX)`.
 *
 * Returns the index of the interface `fd` is bound to (0 for none), or
 * `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_bindtoifindex(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_MARK)`: the mark of `fd`'s outgoing packets,
 * which firewall rules and routing policy can match; all 32 bits are the
 * caller's.
 *
 * Returns 0, or `-EPERM` (without `CAP_NET_RAW` or `CAP_NET_ADMIN`), or
 * `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_mark(int fd, uint32_t mark);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_MARK)`: the mark into `*mark` (0 until set).
 *
 * Returns 0, or `-EFAULT` for a NULL `mark`, or `-errno`. `*mark` is
 * unchanged on error.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `mark` NULL or writable.
 */
int sc_get_mark(int fd, uint32_t *mark);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_PRIORITY)`: the queueing priority of `fd`'s
 * outgoing packets; 0 to 6 for anyone, higher with `CAP_NET_ADMIN`.
 *
 * Returns 0, or `-EINVAL` for a negative `priority`, `-EPERM` (above 6
 * without `CAP_NET_ADMIN`), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_priority(int fd, int priority);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_PRIORITY)`.
 *
 * Returns the priority, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_priority(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_RCVLOWAT)`: a stream socket reports readable,
 * and a blocking receive waits, until at least `bytes` are queued (1 by
 * default).
 *
 * Returns 0, or `-EINVAL` for a negative `bytes`, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_rcvlowat(int fd, int bytes);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_RCVLOWAT)`.
 *
 * Returns the low-water mark in bytes, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_rcvlowat(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_INCOMING_CPU)`: the CPU `fd`'s incoming
 * packets are expected on; among sockets sharing a port (`SO_REUSEPORT`)
 * the kernel hands a connection or datagram to the one whose CPU received
 * it.
 *
 * Returns 0, or `-EINVAL` for a negative `cpu`, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_incoming_cpu(int fd, int cpu);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_INCOMING_CPU)`: into `*cpu`, the CPU that
 * handled `fd`'s last incoming packet (or the one set), or -1 before any.
 *
 * Returns 0, or `-EFAULT` for a NULL `cpu`, or `-errno`. `*cpu` is
 * unchanged on error.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `cpu` NULL or writable.
 */
int sc_get_incoming_cpu(int fd, int *cpu);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_BUSY_POLL)`: a blocking receive with nothing
 * queued first polls the device's queue for up to `usec` microseconds
 * before it sleeps; 0 turns it off.
 *
 * Returns 0, or `-EINVAL` for a negative `usec`, `-EPERM` (raising it
 * without `CAP_NET_ADMIN`), `-ENOPROTOOPT` (a kernel without busy
 * polling), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_busy_poll(int fd, int usec);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_BUSY_POLL)`.
 *
 * Returns the busy-poll time in microseconds, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_busy_poll(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_OOBINLINE)`: TCP urgent data (sent with
 * `MSG_OOB`) stays in the normal stream, where a plain read finds it.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_oobinline(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_OOBINLINE)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_oobinline(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_ZEROCOPY)`: let sends with `SC_MSG_ZEROCOPY`
 * use the caller's pages instead of copying them (TCP: Linux 4.14; UDP:
 * 5.0); `sc_zerocopy_completions` then says when each buffer may be
 * reused.
 *
 * Returns 0, or `-EOPNOTSUPP` (a Unix socket, or another family without
 * zero-copy sends), `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_zerocopy(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_ZEROCOPY)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_zerocopy(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_TCP, TCP_NODELAY)`: send small writes at once
 * instead of waiting to coalesce them (Nagle's algorithm off).
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_nodelay(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_TCP, TCP_NODELAY)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_nodelay(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_TCP, TCP_KEEPIDLE)`: how many seconds a connection
 * stays idle before the first keep-alive probe (with `sc_set_keepalive`
 * on).
 *
 * Returns 0, or `-EINVAL` outside 1 to 32767, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_keepalive_idle(int fd, int secs);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_TCP, TCP_KEEPIDLE)`.
 *
 * Returns the idle time in seconds, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_keepalive_idle(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_TCP, TCP_KEEPINTVL)`: the seconds between
 * keep-alive probes.
 *
 * Returns 0, or `-EINVAL` outside 1 to 32767, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_keepalive_interval(int fd, int secs);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_TCP, TCP_KEEPINTVL)`.
 *
 * Returns the interval in seconds, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_keepalive_interval(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_TCP, TCP_KEEPCNT)`: how many unanswered probes end
 * the connection (`-ETIMEDOUT`).
 *
 * Returns 0, or `-EINVAL` outside 1 to 127, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_keepalive_count(int fd, int probes);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_TCP, TCP_KEEPCNT)`.
 *
 * Returns the probe count, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_keepalive_count(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_TCP, TCP_USER_TIMEOUT)`: how many milliseconds sent
 * data may stay unacknowledged before the connection is dropped with
 * `-ETIMEDOUT`; 0 restores the system default.
 *
 * Returns 0, or `-EINVAL` for a negative `timeout_ms`, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_user_timeout(int fd, int timeout_ms);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_TCP, TCP_USER_TIMEOUT)`.
 *
 * Returns the time-out in milliseconds (0 for the system default), or
 * `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_user_timeout(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_TCP, TCP_CORK)`: hold back partial segments while
 * on, so that pieces written separately leave in full segments; turning it
 * off sends what is held (so does a 200 ms ceiling).
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_cork(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_TCP, TCP_CORK)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_cork(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_TCP, TCP_QUICKACK)`: acknowledge received data at
 * once (on) rather than delay it (off). Not permanent: the kernel returns
 * to delaying by its own rules.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_quickack(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_TCP, TCP_QUICKACK)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_quickack(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_TCP, TCP_NOTSENT_LOWAT)`: `fd` reports writable
 * only while fewer than `bytes` written bytes are unsent; 0 returns to
 * `net.ipv4.tcp_notsent_lowat`.
 *
 * Returns 0, or `-EINVAL` for a negative `bytes`, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_notsent_lowat(int fd, int bytes);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_TCP, TCP_NOTSENT_LOWAT)`.
 *
 * Returns the low-water mark in bytes (0 until set), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_notsent_lowat(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_TCP, TCP_MAXSEG)`: the largest segment the
 * connection may send; set before `sc_connect` (or `sc_listen`), it lowers
 * the MSS the connection announces and uses.
 *
 * Returns 0, or `-EINVAL` for `bytes` outside 88 to 32767 (0 is taken: no
 * limit), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_maxseg(int fd, int bytes);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_TCP, TCP_MAXSEG)`.
 *
 * Returns the segment size in bytes (on a connected socket the one in use;
 * before, the value set or the default of 536), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_maxseg(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_TCP, TCP_CONGESTION)`: the congestion control
 * algorithm of `fd`, by name (`"cubic"`, `"reno"`, `"bbr"`;
 * `/proc/sys/net/ipv4/tcp_available_congestion_control` lists what the
 * kernel has).
 *
 * Returns 0, or `-EFAULT` for a NULL `name`, `-EINVAL` for a name of
 * `SC_TCP_CA_NAME_MAX` bytes or more, `-ENOENT` (the kernel has no such
 * algorithm), `-EPERM` (one not in
 * `net.ipv4.tcp_allowed_congestion_control`, without `CAP_NET_ADMIN`), or
 * `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `name` NULL or
 * NUL-terminated.
 */
int sc_set_congestion(int fd, const char *name);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_TCP, TCP_CONGESTION)`: the name of `fd`'s congestion
 * control algorithm, NUL-terminated, into `buf`; `SC_TCP_CA_NAME_MAX`
 * bytes always suffice.
 *
 * Returns the name's length without the NUL, or `-EFAULT` for a NULL
 * `buf`, `-EINVAL` for `len` over `SSIZE_MAX`, `-ENOSPC` when the name
 * and its NUL do not fit `len` bytes, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `buf` NULL or writable for
 * `len` bytes.
 */
int sc_get_congestion(int fd, char *buf, size_t len);
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `setsockopt(IPPROTO_TCP, TCP_FASTOPEN)`: lets this listener accept data
 * in the SYN, with up to `queue_len` such connections waiting to be
 * accepted (Linux 3.7; before or after `sc_listen`); 0 turns it off. The
 * kernel caps the length at `net.core.somaxconn`.
 *
 * Returns 0, or `-EINVAL` for a negative `queue_len`, `-ENOPROTOOPT` when
 * `fd` is not TCP, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_fastopen(int fd, int queue_len);
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `getsockopt(IPPROTO_TCP, TCP_FASTOPEN)`.
 *
 * Returns the Fast Open queue length (0: off), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_fastopen(int fd);
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `setsockopt(IPPROTO_TCP, TCP_FASTOPEN_CONNECT)`, before `sc_connect`
 * (Linux 4.11): with a Fast Open cookie cached for the address,
 * `sc_connect` returns at once and the first `sc_write` carries its data in
 * the SYN; without one, `sc_connect` is an ordinary handshake that also
 * asks for a cookie.
 *
 * Returns 0, or `-EOPNOTSUPP` (the client bit of `net.ipv4.tcp_fastopen`
 * off, or a Unix socket), `-EINVAL` (already connected), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_fastopen_connect(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `getsockopt(IPPROTO_TCP, TCP_FASTOPEN_CONNECT)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_fastopen_connect(int fd);
#endif

#if defined(SOCKCORE_HAVE_SERVER)
/**
 * `getsockopt(IPPROTO_TCP, TCP_INFO)` into `*info`, which the caller
 * declared with this header: pass `sizeof *info` as `size`. One system
 * call; listening and unconnected TCP sockets answer too (`state` 10 and
 * 7).
 *
 * Fills `min(size, sizeof(sc_tcp_info))` bytes, the library's size, and
 * zeroes the rest of `size`, so a program built with a newer header than
 * the library sees the fields the library does not know as 0, their
 * `valid` bits clear.
 *
 * Returns 0, or `-EFAULT` for a NULL `info`, `-EINVAL` for a `size` below
 * `SC_TCP_INFO_MIN_SIZE` or over `SSIZE_MAX`, `-EOPNOTSUPP` for a socket
 * that is not TCP, `-ENOTSOCK`, `-EBADF`. `*info` is unchanged on error.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `info` NULL or writable for
 * `size` bytes.
 */
int sc_get_tcp_info(int fd, struct sc_tcp_info *info, size_t size);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_TTL)`: the time-to-live of outgoing IPv4
 * unicast packets.
 *
 * Returns 0, or `-EINVAL` outside 1 to 255, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_ttl(int fd, int ttl);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IP, IP_TTL)`: the value in effect (the system's
 * default, usually 64, until set).
 *
 * Returns the TTL, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_ttl(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IPV6, IPV6_UNICAST_HOPS)`: the hop limit of outgoing
 * IPv6 unicast packets.
 *
 * Returns 0, or `-EINVAL` for a negative `hops` or one above 255, or
 * `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_unicast_hops(int fd, int hops);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IPV6, IPV6_UNICAST_HOPS)`: the value in effect.
 *
 * Returns the hop limit, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_unicast_hops(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_TOS)`: the type-of-service byte (DSCP and ECN
 * bits) of outgoing IPv4 packets.
 *
 * Returns 0, or `-EINVAL` outside 0 to 255, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_tos(int fd, int tos);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IP, IP_TOS)`.
 *
 * Returns the TOS byte, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_tos(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IPV6, IPV6_TCLASS)`: the traffic class byte of
 * outgoing IPv6 packets.
 *
 * Returns 0, or `-EINVAL` outside 0 to 255, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_tclass(int fd, int tclass);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IPV6, IPV6_TCLASS)`.
 *
 * Returns the traffic class byte, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_tclass(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IPV6, IPV6_V6ONLY)`: an IPv6 socket bound to `::`
 * takes only IPv6 traffic (on) or IPv4-mapped traffic too (off, Linux's
 * default). Set it before `sc_bind`.
 *
 * Returns 0, or `-EINVAL` after `sc_bind`, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_v6only(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IPV6, IPV6_V6ONLY)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_v6only(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_FREEBIND)`: `sc_bind` accepts an address this
 * host does not have (yet); without it that is `-EADDRNOTAVAIL`. For IPv4
 * and IPv6 sockets.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_freebind(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IP, IP_FREEBIND)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_freebind(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_TRANSPARENT)`: `fd` may bind any address and
 * receive traffic for addresses not its own, as a transparent proxy does.
 * For IPv4 and IPv6 sockets; setting it needs `CAP_NET_ADMIN` or
 * `CAP_NET_RAW` (`-EPERM`).
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_transparent(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IP, IP_TRANSPARENT)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_transparent(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT)`: an `sc_bind` to an
 * address with port 0 takes the address now and leaves the port to
 * `sc_connect`, which picks one free for that destination. For IPv4 and
 * IPv6 sockets.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_bind_address_no_port(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_bind_address_no_port(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_ADD_MEMBERSHIP)` (with an `ip_mreqn`) or
 * `setsockopt(IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP)`, by the family of
 * `*group`: joins that multicast group on interface `ifindex`. The group
 * is an `sc_addr` such as one `sc_addr_parse` makes of `"239.1.2.3:0"` or
 * `"[ff02::1:2]:0"`; its port is ignored.
 *
 * Returns 0, or `-EFAULT` for a NULL `group`, `-EAFNOSUPPORT` for a group
 * that is neither IPv4 nor IPv6, `-EINVAL` (not a multicast address),
 * `-EADDRINUSE` (already a member there), `-ENODEV` (no such interface, or
 * no route for the group with `ifindex` 0), `-ENOBUFS` (too many
 * memberships), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `group` NULL or an
 * initialised `sc_addr`.
 */
int sc_join_multicast(int fd, const struct sc_addr *group, unsigned int ifindex);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_DROP_MEMBERSHIP)` or
 * `setsockopt(IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP)`, by the family of
 * `*group`: leaves a group joined with `sc_join_multicast`.
 *
 * Returns 0, or `-EFAULT` for a NULL `group`, `-EAFNOSUPPORT` for a group
 * that is neither IPv4 nor IPv6, `-EADDRNOTAVAIL` (not a member),
 * `-ENODEV`, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `group` NULL or an
 * initialised `sc_addr`.
 */
int sc_leave_multicast(int fd, const struct sc_addr *group, unsigned int ifindex);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_ADD_MEMBERSHIP)` with an `ip_mreq`: joins
 * the IPv4 multicast group in `*group` on the interface that has the
 * address in `*interface` (`0.0.0.0`: by routing). The same membership as
 * `sc_join_multicast`, named by address; ports are ignored.
 *
 * Returns 0, or `-EFAULT` for a NULL `group` or `interface`,
 * `-EAFNOSUPPORT` when either is not IPv4, `-EINVAL` (not a multicast
 * address), `-EADDRINUSE` (already a member there), `-ENODEV` (no
 * interface has that address), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `group` and `interface` NULL
 * or initialised `sc_addr`s.
 */
int sc_join_multicast_by_addr(int fd, const struct sc_addr *group, const struct sc_addr *interface);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_DROP_MEMBERSHIP)` with an `ip_mreq`: leaves a
 * group joined with `sc_join_multicast_by_addr`.
 *
 * Returns 0, or `-EFAULT` for a NULL `group` or `interface`,
 * `-EAFNOSUPPORT` when either is not IPv4, `-EADDRNOTAVAIL` (not a
 * member), `-ENODEV`, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `group` and `interface` NULL
 * or initialised `sc_addr`s.
 */
int sc_leave_multicast_by_addr(int fd,
                               const struct sc_addr *group,
                               const struct sc_addr *interface);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_ADD_SOURCE_MEMBERSHIP)` with an
 * `ip_mreq_source`: joins the IPv4 multicast group in `*group` for
 * datagrams from the address in `*source` only (source-specific
 * multicast), on the interface that has the address in `*interface`
 * (`0.0.0.0`: by routing). Call it again for each further source; ports
 * are ignored.
 *
 * Returns 0, or `-EFAULT` for a NULL `group`, `source` or `interface`,
 * `-EAFNOSUPPORT` when one is not IPv4, `-EINVAL` (not a multicast group),
 * `-EADDRNOTAVAIL` (that source is joined already), `-ENODEV` (no such
 * interface), `-ENOBUFS` (too many sources), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `group`, `source` and
 * `interface` NULL or initialised `sc_addr`s.
 */
int sc_join_source_multicast(int fd,
                             const struct sc_addr *group,
                             const struct sc_addr *source,
                             const struct sc_addr *interface);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_DROP_SOURCE_MEMBERSHIP)`: stops receiving the
 * group in `*group` from the source in `*source`; leaving the last source
 * leaves the group.
 *
 * Returns 0, or `-EFAULT` for a NULL `group`, `source` or `interface`,
 * `-EAFNOSUPPORT` when one is not IPv4, `-EADDRNOTAVAIL` (not joined from
 * that source), `-EINVAL`, `-ENODEV`, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns; `group`, `source` and
 * `interface` NULL or initialised `sc_addr`s.
 */
int sc_leave_source_multicast(int fd,
                              const struct sc_addr *group,
                              const struct sc_addr *source,
                              const struct sc_addr *interface);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_MULTICAST_ALL)`: whether `fd`, bound to a
 * wildcard address, receives the datagrams of every group any socket on
 * the host joined for its port (on, the default), or only of the groups
 * it joined itself (off).
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_multicast_all_v4(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IP, IP_MULTICAST_ALL).
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_multicast_all_v4(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_MULTICAST_LOOP)`: whether this host's own
 * members of a group receive what `fd` sends to it (on by default).
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_multicast_loop_v4(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IP, IP_MULTICAST_LOOP)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_multicast_loop_v4(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_MULTICAST_TTL)`: the time-to-live of outgoing
 * multicast packets (1 by default: this link only).
 *
 * Returns 0, or `-EINVAL` for a negative `ttl` or one above 255, or
 * `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_multicast_ttl_v4(int fd, int ttl);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IP, IP_MULTICAST_TTL)`.
 *
 * Returns the TTL, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_multicast_ttl_v4(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_MULTICAST_IF)` with an `ip_mreqn`: send
 * multicast out of interface `ifindex` (0: by routing). The kernel's
 * getter answers with an address rather than an index, so there is no
 * typed getter: use `sc_getsockopt` for it.
 *
 * Returns 0, or `-EADDRNOTAVAIL` (no such interface), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_multicast_if_v4(int fd, unsigned int ifindex);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IPV6, IPV6_MULTICAST_LOOP)`: as
 * `sc_set_multicast_loop_v4`, for IPv6.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_multicast_loop_v6(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IPV6, IPV6_MULTICAST_LOOP)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_multicast_loop_v6(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IPV6, IPV6_MULTICAST_HOPS)`: the hop limit of
 * outgoing multicast packets (1 by default).
 *
 * Returns 0, or `-EINVAL` for a negative `hops` or one above 255, or
 * `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_multicast_hops_v6(int fd, int hops);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IPV6, IPV6_MULTICAST_HOPS)`.
 *
 * Returns the hop limit, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_multicast_hops_v6(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IPV6, IPV6_MULTICAST_IF)`: send multicast out of
 * interface `ifindex` (0: by routing).
 *
 * Returns 0, or `-ENODEV` (no such interface), `-EINVAL` (the socket is
 * bound to another device), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_multicast_if_v6(int fd, unsigned int ifindex);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IPV6, IPV6_MULTICAST_IF)`.
 *
 * Returns the interface index set (0 for none), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_multicast_if_v6(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_PKTINFO)`: with `on` non-zero, each IPv4 datagram received carries
 * where it was sent and the interface it came in by: read them with `sc_cmsg_get_packet_info`, and
 * reply from that address with `sc_cmsg_add_source` (a server bound to `0.0.0.0`).
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_recv_pktinfo(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IP, IP_PKTINFO)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_recv_pktinfo(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IPV6, IPV6_RECVPKTINFO)`: with `on` non-zero, as `sc_set_recv_pktinfo`, for
 * IPv6 datagrams (and IPv4 ones on a dual-stack socket, IPv4-mapped).
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_recv_pktinfo_v6(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IPV6, IPV6_RECVPKTINFO)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_recv_pktinfo_v6(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_RECVTOS)`: with `on` non-zero, each IPv4 datagram carries its TOS
 * byte, DSCP and ECN: read it with `sc_cmsg_get_tos`.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_recv_tos(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IP, IP_RECVTOS)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_recv_tos(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IPV6, IPV6_RECVTCLASS)`: with `on` non-zero, each IPv6 datagram carries its
 * traffic class: read it with `sc_cmsg_get_tos`.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_recv_tclass(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IPV6, IPV6_RECVTCLASS)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_recv_tclass(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_RECVTTL)`: with `on` non-zero, each IPv4 datagram carries the TTL it
 * arrived with: read it with `sc_cmsg_get_ttl`.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_recv_ttl(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IP, IP_RECVTTL)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_recv_ttl(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IPV6, IPV6_RECVHOPLIMIT)`: with `on` non-zero, each IPv6 datagram carries
 * the hop limit it arrived with: read it with `sc_cmsg_get_ttl`.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_recv_hoplimit(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IPV6, IPV6_RECVHOPLIMIT)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_recv_hoplimit(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_RECVERR)`: with `on` non-zero, ICMP errors about what this socket
 * sent (a port unreachable, a path MTU) and local errors are queued on its error queue, which poll
 * reports as `POLLERR`: read an entry with `sc_recvmsg` and `SC_MSG_ERRQUEUE` (its data is the
 * datagram that caused it) and `sc_cmsg_get_extended_err`.
 *
 * Mind the trap: with this on, an ICMP error also makes the next ordinary receive on an
 * unconnected socket fail with the error's code (`-ECONNREFUSED` for a closed port), even with a
 * datagram queued, unless the error queue was read first (a connected socket's does so with or
 * without this option). Read the queue whenever poll reports `POLLERR`.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_recverr(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IP, IP_RECVERR)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_recverr(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IPV6, IPV6_RECVERR)`: with `on` non-zero, as `sc_set_recverr`, for ICMPv6,
 * with the same trap: the next ordinary receive fails until the queue is read.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_recverr_v6(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IPV6, IPV6_RECVERR)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_recverr_v6(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_RECVORIGDSTADDR)`: with `on` non-zero, each IPv4 datagram carries the
 * address and port it was sent to: read them with `sc_cmsg_get_origdstaddr`.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_recv_origdstaddr(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IP, IP_RECVORIGDSTADDR)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_recv_origdstaddr(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IPV6, IPV6_RECVORIGDSTADDR)`: with `on` non-zero, as
 * `sc_set_recv_origdstaddr`, for IPv6 datagrams (a dual-stack socket needs the IPv4 option too for
 * IPv4 ones).
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_recv_origdstaddr_v6(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IPV6, IPV6_RECVORIGDSTADDR)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_recv_origdstaddr_v6(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_RXQ_OVFL)`: with `on` non-zero, each datagram carries how many
 * datagrams the socket has dropped so far for want of buffer space: read it with
 * `sc_cmsg_get_drop_count`. The count is cumulative, and no message comes while it is 0.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_rxq_ovfl(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_RXQ_OVFL)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_rxq_ovfl(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_TIMESTAMPNS_NEW)`: with `on` non-zero, each
 * datagram carries its `CLOCK_REALTIME` receive time in nanoseconds, with
 * 64-bit seconds on every target: read it with `sc_cmsg_get_timestamp`. On
 * kernels before 5.1, which lack that option, this sets
 * `SO_TIMESTAMPNS_OLD` (32-bit seconds on 32-bit targets). The format of
 * every stamp on a socket follows the last timestamp option set on it;
 * this call and `sc_set_timestamping` both ask for the 64-bit one.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_recv_timestamps(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * Whether receive times are on, in either format (`getsockopt` of
 * `SO_TIMESTAMPNS_NEW`, then of `SO_TIMESTAMPNS_OLD`).
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_recv_timestamps(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(SOL_SOCKET, SO_TIMESTAMPING_NEW)` (`SO_TIMESTAMPING_OLD` on
 * kernels before 5.1): what `SO_TIMESTAMPING` records and reports, a
 * combination of `SC_TIMESTAMPING_*` flags.
 *
 * - Receive stamps: `SC_TIMESTAMPING_RX_SOFTWARE | SC_TIMESTAMPING_SOFTWARE`;
 *   read them with `sc_cmsg_get_timestamping`. They may be missing for a
 *   moment after the first socket on the system asks for them (the
 *   kernel turns stamping on through deferred work).
 * - Transmit stamps: `SC_TIMESTAMPING_TX_SOFTWARE | SC_TIMESTAMPING_SOFTWARE`;
 *   one entry per send arrives on the error queue (poll reports
 *   `POLLERR`): `sc_recvmsg` with `SC_MSG_ERRQUEUE`, then
 *   `sc_cmsg_get_timestamping` and `sc_cmsg_get_extended_err` (`ENOMSG`,
 *   origin `SC_EE_ORIGIN_TIMESTAMPING`). `SC_TIMESTAMPING_OPT_ID` numbers
 *   the sends in its `ee_data`; `SC_TIMESTAMPING_OPT_TSONLY` leaves the
 *   packet out of the entry.
 *
 * Returns 0, or `-EINVAL` for bits other than the `SC_TIMESTAMPING_*`
 * flags (or a combination the kernel refuses), or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_timestamping(int fd, unsigned int flags);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(SOL_SOCKET, SO_TIMESTAMPING_OLD)`: the `SC_TIMESTAMPING_*`
 * flags set, in either format.
 *
 * Returns the flags or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_timestamping(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IP, IP_MTU_DISCOVER)`: how IPv4 datagrams meet the
 * path MTU, one of the system's `IP_PMTUDISC_*` modes: `_DONT` (never set
 * DF), `_WANT` (the default: set DF, fragment past the MTU learned), `_DO`
 * (always DF: `-EMSGSIZE` past the MTU learned), `_PROBE` (DF, ignoring
 * the MTU learned), `_INTERFACE`, `_OMIT`.
 *
 * Returns 0, or `-EINVAL` for a mode outside 0 to 5, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_mtu_discover(int fd, int mode);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IP, IP_MTU_DISCOVER)`.
 *
 * Returns the mode or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_mtu_discover(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IPV6, IPV6_MTU_DISCOVER)`: as `sc_set_mtu_discover`,
 * for IPv6, with the system's `IPV6_PMTUDISC_*` modes (the same numbers).
 *
 * Returns 0, or `-EINVAL` for a mode outside 0 to 5, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_mtu_discover_v6(int fd, int mode);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IPV6, IPV6_MTU_DISCOVER)`.
 *
 * Returns the mode or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_mtu_discover_v6(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `setsockopt(IPPROTO_IPV6, IPV6_DONTFRAG)`: with `on` non-zero, the
 * socket never fragments what it sends: a datagram larger than the path
 * MTU fails with `-EMSGSIZE` (off by default). `sc_cmsg_add_dontfrag` says
 * the same for one datagram.
 *
 * Returns 0 or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_dontfrag(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IPV6, IPV6_DONTFRAG)`.
 *
 * Returns 1 (on), 0 (off) or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_dontfrag(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IP, IP_MTU)`: the MTU known for the path of a
 * connected IPv4 socket (65535 over loopback). Read only.
 *
 * Returns the MTU, or `-ENOTCONN` on an unconnected socket, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_mtu(int fd);
#endif

#if defined(SOCKCORE_HAVE_OPTIONS)
/**
 * `getsockopt(IPPROTO_IPV6, IPV6_MTU)`: the MTU known for the path of a
 * connected IPv6 socket (65536 over loopback).
 *
 * Returns the MTU, or `-ENOTCONN` on an unconnected socket, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_mtu_v6(int fd);
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * `setsockopt(SOL_UDP, UDP_GRO)`: with `on` non-zero, the kernel delivers
 * runs of datagrams from one sender coalesced, each with its segment size
 * (receive them with `sc_recv_segments` into `SC_UDP_GRO_BUFFER` bytes).
 * Turn it off only when nothing is queued: runs queued while it was on
 * are then read as one datagram each, with no segment size and no sign of
 * it. Linux 5.0.
 *
 * Returns 0, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_udp_gro(int fd, int on);
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * `getsockopt(SOL_UDP, UDP_GRO)`.
 *
 * Returns 1 (on), 0 (off), or `-errno` (`-ENOPROTOOPT` on kernels before
 * 5.12, which can only set it).
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_udp_gro(int fd);
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * `setsockopt(SOL_UDP, UDP_SEGMENT)`: every later send on the socket that
 * carries no `UDP_SEGMENT` control message, `sc_sendto` included, is cut
 * into datagrams of `size` bytes (0: none, the default). Each send is then
 * bound by `SC_UDP_MAX_SEGMENTS` and `SC_UDP_MAX_PAYLOAD` without being
 * split for them: `sc_send_segments` splits, and leaves this option alone.
 * Linux 4.18.
 *
 * Returns 0, or `-EINVAL` outside 0 to 65535, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_set_udp_segment(int fd, int size);
#endif

#if defined(SOCKCORE_HAVE_UDP_OFFLOAD)
/**
 * `getsockopt(SOL_UDP, UDP_SEGMENT)`: the segment size in effect (0:
 * none).
 *
 * Returns the size, or `-errno`.
 *
 * # Safety
 *
 * `fd` must be a descriptor the caller owns.
 */
int sc_get_udp_segment(int fd);
#endif

/**
 * The message for an error number, in glibc's wording (`"Connection
 * refused"`), like `strerror(3)` but thread-safe and locale-free. `err` may
 * be a `-errno` return or a positive `errno`.
 *
 * Returns a static NUL-terminated string, never NULL: `"Success"` for 0,
 * `"Unknown error"` for a number Linux does not define (`sc_strerror_r`
 * adds the number).
 */
const char *sc_strerror(int err);

/**
 * Writes the message for an error number into `buf` as a NUL-terminated
 * string: `sc_strerror`'s text, or for a number Linux does not define
 * `"Unknown error 4242"` (the number without its sign), so that a code
 * from elsewhere is never printed without its number. `err` may be a
 * `-errno` return or a positive `errno`; `SC_STRERROR_LEN` bytes always
 * suffice.
 *
 * Returns the length written, without the NUL; or `-ENOSPC` when `len` is
 * too small, leaving `buf` holding `""` if `len > 0` (a message is never
 * cut short); `-EFAULT` for a NULL `buf`, `-EINVAL` for `len` over
 * `SSIZE_MAX`.
 *
 * # Safety
 *
 * `buf` must be NULL or writable for `len` bytes.
 */
int sc_strerror_r(int err, char *buf, size_t len);

/**
 * The symbolic name of an error number (`"ECONNREFUSED"`), as
 * `strerrorname_np(3)` gives it. `err` may be a `-errno` return or a
 * positive `errno`; aliases give the canonical name (`EAGAIN` for
 * `EWOULDBLOCK`).
 *
 * Returns a static NUL-terminated string, never NULL: `"EUNKNOWN"` for 0
 * and for a number Linux does not define.
 */
const char *sc_errname(int err);

/**
 * The version of the library a program runs with, as text such as
 * `"0.1.0"`: the version in Cargo.toml, the same text as the header's
 * `SOCKCORE_VERSION` for the headers of that release. A program compiled
 * against one release's header and loading another release's shared
 * library sees the two differ.
 *
 * Returns a static NUL-terminated string, never NULL.
 */
const char *sc_version(void);

#ifdef __cplusplus
}  // extern "C"
#endif  // __cplusplus

#endif  /* SOCKCORE_H */
