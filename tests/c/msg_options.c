/*
 * msg_options.c: every typed option through the C ABI, set and read back
 * (IPv4 and IPv6 where the option applies), the read-only ones (SO_DOMAIN,
 * SO_TYPE, SO_ACCEPTCONN, SO_PEERCRED, SO_ERROR), raw sc_getsockopt and
 * sc_setsockopt, multicast membership on lo (by index, by address, from one
 * source), and bad input.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <sys/socket.h>

#include "case_harness.h"

static int new_socket(int domain, int type)
{
    return (int)MUST(sc_socket(domain, type, 0));
}

/* The switches every socket has, and the SOL_SOCKET numbers. */
static void socket_level(int domain)
{
    int tcp = new_socket(domain, SOCK_STREAM), udp = new_socket(domain, SOCK_DGRAM);
    int on = -1, seconds = -1;

    printf("SOL_SOCKET options, %s\n", domain == AF_INET ? "IPv4" : "IPv6");
    CASE(sc_set_reuseaddr(tcp, 1), 0);
    CASE(sc_get_reuseaddr(tcp), 1);
    CASE(sc_set_reuseaddr(tcp, 0), 0);
    CASE(sc_get_reuseaddr(tcp), 0);
    CASE(sc_set_reuseport(udp, 7), 0);
    CASE(sc_get_reuseport(udp), 1);
    CASE(sc_set_reuseport(udp, 0), 0);
    CASE(sc_get_reuseport(udp), 0);
    CASE(sc_get_keepalive(tcp), 0);
    CASE(sc_set_keepalive(tcp, 1), 0);
    CASE(sc_get_keepalive(tcp), 1);
    CASE(sc_set_broadcast(udp, 1), 0);
    CASE(sc_get_broadcast(udp), 1);
    CASE(sc_set_broadcast(udp, 0), 0);
    CASE(sc_get_broadcast(udp), 0);

    CASE(sc_set_linger(tcp, 1, 5), 0);
    CASE(sc_get_linger(tcp, &on, &seconds), 0);
    CASE(on, 1);
    CASE(seconds, 5);
    CASE(sc_set_linger(tcp, 0, 99), 0);
    CASE(sc_get_linger(tcp, &on, &seconds), 0);
    CASE(on, 0);
    CASE(sc_set_linger(tcp, 1, -1), -EINVAL);
    CASE(sc_get_linger(tcp, NULL, &seconds), -EFAULT);
    CASE(sc_get_linger(tcp, &on, NULL), -EFAULT);

    /* The kernel doubles a buffer size for its bookkeeping. */
    CASE(sc_set_rcvbuf(tcp, 65536), 0);
    CASE(sc_get_rcvbuf(tcp), 2 * 65536);
    CASE(sc_set_sndbuf(udp, 65536), 0);
    CASE(sc_get_sndbuf(udp), 2 * 65536);
    CASE(sc_set_rcvbuf(tcp, -1), -EINVAL);
    CASE(sc_set_sndbuf(tcp, -1), -EINVAL);

    /* Time-outs are kept in clock ticks: these are whole ticks at the
     * usual HZ (100, 250, 300, 1000), so they read back exactly. */
    CASE(sc_get_rcvtimeo(tcp), 0);
    CASE(sc_set_rcvtimeo(tcp, 1500), 0);
    CASE(sc_get_rcvtimeo(tcp), 1500);
    CASE(sc_set_rcvtimeo(tcp, 0), 0);
    CASE(sc_get_rcvtimeo(tcp), 0);
    CASE(sc_set_sndtimeo(udp, 200), 0);
    CASE(sc_get_sndtimeo(udp), 200);
    CASE(sc_set_rcvtimeo(tcp, -1), -EINVAL);
    CASE(sc_set_sndtimeo(tcp, -5), -EINVAL);

    CASE(sc_socket_domain(tcp), domain);
    CASE(sc_socket_type(tcp), SOCK_STREAM);
    CASE(sc_socket_domain(udp), domain);
    CASE(sc_socket_type(udp), SOCK_DGRAM);
    sc_close(tcp);
    sc_close(udp);
}

/* The SOL_SOCKET options added for what other socket libraries offer:
 * mark, priority, low-water mark, incoming CPU, busy polling, out-of-band
 * data inline, and binding to an interface by index. */
static void more_socket_level(int domain)
{
    int tcp = new_socket(domain, SOCK_STREAM), udp = new_socket(domain, SOCK_DGRAM);
    int lo = (int)MUST(sc_interface_index("lo")), cpu = -2;
    uint32_t mark = 1;
    char name[SC_IFNAMSIZ];

    printf("more SOL_SOCKET options, %s\n", domain == AF_INET ? "IPv4" : "IPv6");
    CASE(sc_get_mark(udp, &mark), 0);
    CASE(mark, 0);
    CASE(sc_get_mark(udp, NULL), -EFAULT);
    CASE(sc_get_mark(-1, &mark), -EBADF);
    if (!known_gap("SOCKCORE_QEMU", "SO_MARK, SO_INCOMING_CPU and SO_BUSY_POLL set",
                   "qemu-user does not pass these options to the kernel (ENOPROTOOPT)")) {
        CASE(sc_set_mark(udp, 0xdeadbeefu), 0); /* past INT_MAX: all 32 bits */
        CASE(sc_get_mark(udp, &mark), 0);
        CASE(mark == 0xdeadbeefu, 1);
        CASE(sc_set_incoming_cpu(udp, 0), 0);
        CASE(sc_get_incoming_cpu(udp, &cpu), 0);
        CASE(cpu, 0);
        CASE(sc_set_busy_poll(udp, 50), 0);
        CASE(sc_get_busy_poll(udp), 50);
        CASE(sc_set_busy_poll(udp, 0), 0);
        CASE(sc_get_busy_poll(udp), 0);
    }

    CASE(sc_get_priority(tcp), 0);
    CASE(sc_set_priority(tcp, 6), 0);
    CASE(sc_get_priority(tcp), 6);
    CASE(sc_set_priority(tcp, -1), -EINVAL);

    CASE(sc_get_rcvlowat(tcp), 1);
    CASE(sc_set_rcvlowat(tcp, 4096), 0);
    CASE(sc_get_rcvlowat(tcp), 4096);
    CASE(sc_set_rcvlowat(tcp, -1), -EINVAL);

    CASE(sc_get_incoming_cpu(tcp, &cpu), 0);
    CASE(cpu, -1); /* no packet yet */
    CASE(sc_set_incoming_cpu(udp, -1), -EINVAL);
    CASE(sc_get_incoming_cpu(udp, NULL), -EFAULT);
    CASE(sc_set_busy_poll(udp, -1), -EINVAL);

    CASE(sc_get_oobinline(tcp), 0);
    CASE(sc_set_oobinline(tcp, 2), 0);
    CASE(sc_get_oobinline(tcp), 1);
    CASE(sc_set_oobinline(tcp, 0), 0);
    CASE(sc_get_oobinline(tcp), 0);

    if (!known_gap("SOCKCORE_QEMU", "SO_BINDTOIFINDEX",
                   "qemu-user does not emulate SO_BINDTOIFINDEX (ENOPROTOOPT)")) {
        CASE(sc_get_bindtoifindex(udp), 0);
        CASE(sc_set_bindtoifindex(udp, (unsigned int)lo), 0);
        CASE(sc_get_bindtoifindex(udp), lo);
        CASE(sc_get_bindtodevice(udp, name, sizeof name), 2); /* the same binding, by name */
        CASE(strcmp(name, "lo"), 0);
        CASE(sc_set_bindtoifindex(udp, 0), 0);
        CASE(sc_get_bindtoifindex(udp), 0);
        CASE(sc_set_bindtoifindex(-1, 1), -EBADF);
    }
    sc_close(tcp);
    sc_close(udp);
}

static void tcp_level(int domain)
{
    int tcp = new_socket(domain, SOCK_STREAM), udp = new_socket(domain, SOCK_DGRAM);

    printf("IPPROTO_TCP options, %s\n", domain == AF_INET ? "IPv4" : "IPv6");
    CASE(sc_get_nodelay(tcp), 0);
    CASE(sc_set_nodelay(tcp, 1), 0);
    CASE(sc_get_nodelay(tcp), 1);
    CASE(sc_set_nodelay(tcp, 0), 0);
    CASE(sc_get_nodelay(tcp), 0);
    CASE(sc_set_keepalive_idle(tcp, 30), 0);
    CASE(sc_get_keepalive_idle(tcp), 30);
    CASE(sc_set_keepalive_interval(tcp, 7), 0);
    CASE(sc_get_keepalive_interval(tcp), 7);
    CASE(sc_set_keepalive_count(tcp, 4), 0);
    CASE(sc_get_keepalive_count(tcp), 4);
    CASE(sc_set_keepalive_idle(tcp, 0), -EINVAL);
    CASE(sc_set_keepalive_idle(tcp, -1), -EINVAL);
    CASE(sc_set_keepalive_count(tcp, -1), -EINVAL);
    CASE(sc_set_user_timeout(tcp, 5000), 0);
    CASE(sc_get_user_timeout(tcp), 5000);
    CASE(sc_set_user_timeout(tcp, 0), 0);
    CASE(sc_get_user_timeout(tcp), 0);
    CASE(sc_set_user_timeout(tcp, -1), -EINVAL);
    /* A TCP option on a UDP socket. */
    CASE(sc_set_nodelay(udp, 1), -ENOPROTOOPT);

    CASE(sc_get_cork(tcp), 0);
    CASE(sc_set_cork(tcp, 1), 0);
    CASE(sc_get_cork(tcp), 1);
    CASE(sc_set_cork(tcp, 0), 0);
    CASE(sc_get_quickack(tcp), 1);
    CASE(sc_set_quickack(tcp, 0), 0);
    CASE(sc_get_quickack(tcp), 0);
    CASE(sc_get_notsent_lowat(tcp), 0);
    CASE(sc_set_notsent_lowat(tcp, 16384), 0);
    CASE(sc_get_notsent_lowat(tcp), 16384);
    CASE(sc_set_notsent_lowat(tcp, -1), -EINVAL);
    CASE(sc_get_maxseg(tcp), 536); /* the default before a connection */
    CASE(sc_set_maxseg(tcp, 1000), 0);
    CASE(sc_get_maxseg(tcp), 1000);
    CASE(sc_set_maxseg(tcp, 10), -EINVAL);
    CASE(sc_set_maxseg(tcp, -1), -EINVAL);
    CASE(sc_set_cork(udp, 1), -ENOPROTOOPT);
    sc_close(tcp);
    sc_close(udp);
}

/* Whether the kernel has the congestion control algorithm called name. */
static int has_congestion_control(const char *name)
{
    char list[512];
    size_t len;
    const char *at;
    FILE *file = fopen("/proc/sys/net/ipv4/tcp_available_congestion_control", "r");

    if (file == NULL)
        return 0;
    len = fread(list, 1, sizeof list - 1, file);
    fclose(file);
    list[len] = '\0';
    len = strlen(name);
    for (at = strstr(list, name); at != NULL; at = strstr(at + 1, name))
        if ((at == list || at[-1] == ' ') && (at[len] == ' ' || at[len] == '\n' || !at[len]))
            return 1;
    return 0;
}

static void congestion_control(void)
{
    static const char *const names[] = {"reno", "cubic"};
    int tcp = new_socket(AF_INET6, SOCK_STREAM), udp = new_socket(AF_INET, SOCK_DGRAM);
    char buf[SC_TCP_CA_NAME_MAX], small[3];
    size_t i;

    printf("TCP_CONGESTION\n");
    if (known_gap("SOCKCORE_QEMU", "TCP_CONGESTION",
                  "qemu-user converts TCP_CONGESTION as an int: 4 bytes of the name each way")) {
        sc_close(tcp);
        sc_close(udp);
        return;
    }
    CHECK(sc_get_congestion(tcp, buf, sizeof buf) > 0); /* the system's default */
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!has_congestion_control(names[i])) {
            printf("      (the kernel has no %s)\n", names[i]);
            continue;
        }
        CASE(sc_set_congestion(tcp, names[i]), 0);
        CASE(sc_get_congestion(tcp, buf, sizeof buf), (long)strlen(names[i]));
        CASE(strcmp(buf, names[i]), 0);
    }
    CHECK(has_congestion_control("reno")); /* always built in */
    CASE(sc_set_congestion(tcp, "reno"), 0);
    CASE(sc_get_congestion(tcp, small, sizeof small), -ENOSPC);
    CASE(small[0], '\0');
    CASE(sc_set_congestion(tcp, "no-such-cc"), -ENOENT);
    CASE(sc_set_congestion(tcp, "sixteen-bytes-xx"), -EINVAL);
    CASE(sc_set_congestion(tcp, NULL), -EFAULT);
    CASE(sc_get_congestion(tcp, NULL, 16), -EFAULT);
    CASE(sc_set_congestion(udp, "reno"), -ENOPROTOOPT);
    CASE(sc_get_congestion(-1, buf, sizeof buf), -EBADF);
    sc_close(tcp);
    sc_close(udp);
}

static void ip_level(void)
{
    int v4 = new_socket(AF_INET, SOCK_DGRAM), v6 = new_socket(AF_INET6, SOCK_DGRAM);

    printf("IPPROTO_IP and IPPROTO_IPV6 options\n");
    CASE(sc_set_ttl(v4, 42), 0);
    CASE(sc_get_ttl(v4), 42);
    CASE(sc_set_ttl(v4, 256), -EINVAL);
    CASE(sc_set_ttl(v4, -3), -EINVAL);
    CASE(sc_set_tos(v4, 0x10), 0);
    CASE(sc_get_tos(v4), 0x10);
    CASE(sc_set_tos(v4, 256), -EINVAL);
    CASE(sc_set_unicast_hops(v6, 7), 0);
    CASE(sc_get_unicast_hops(v6), 7);
    CASE(sc_set_unicast_hops(v6, 256), -EINVAL);
    CASE(sc_set_tclass(v6, 0x20), 0);
    CASE(sc_get_tclass(v6), 0x20);
    CASE(sc_get_v6only(v6), 0);
    CASE(sc_set_v6only(v6, 1), 0);
    CASE(sc_get_v6only(v6), 1);
    CASE(sc_set_v6only(v6, 0), 0);
    CASE(sc_get_v6only(v6), 0);
    /* The other family's level. */
    CASE(sc_set_v6only(v4, 1), -ENOPROTOOPT);

    /* IPPROTO_IP binding options, on IPv4 and IPv6 sockets alike. */
    CASE(sc_get_freebind(v4), 0);
    CASE(sc_set_freebind(v4, 1), 0);
    CASE(sc_get_freebind(v4), 1);
    CASE(sc_set_freebind(v6, 1), 0);
    CASE(sc_get_freebind(v6), 1);
    CASE(sc_set_freebind(-1, 1), -EBADF);
    if (!known_gap("SOCKCORE_QEMU", "IP_TRANSPARENT and IP_BIND_ADDRESS_NO_PORT",
                   "qemu-user does not emulate them (ENOPROTOOPT)")) {
        CASE(sc_get_transparent(v4), 0);
        CASE(sc_set_transparent(v4, 1), 0); /* CAP_NET_ADMIN: the tests run as root */
        CASE(sc_get_transparent(v4), 1);
        CASE(sc_set_transparent(v4, 0), 0);
        CASE(sc_get_transparent(v4), 0);
        CASE(sc_get_transparent(-1), -EBADF);
        CASE(sc_get_bind_address_no_port(v6), 0);
        CASE(sc_set_bind_address_no_port(v6, 1), 0);
        CASE(sc_get_bind_address_no_port(v6), 1);
    }
    sc_close(v4);
    sc_close(v6);
}

/* IP_FREEBIND's effect: an address on no interface here (TEST-NET-1, only
 * bound, never sent to) binds with it and not without. */
static void binding_options(void)
{
    int plain = new_socket(AF_INET, SOCK_DGRAM), free_bind = new_socket(AF_INET, SOCK_DGRAM);
    sc_addr not_ours;

    printf("IP_FREEBIND's effect\n");
    MUST(sc_addr_parse(&not_ours, "192.0.2.1:0"));
    CASE(sc_bind(plain, &not_ours), -EADDRNOTAVAIL);
    CASE(sc_set_freebind(free_bind, 1), 0);
    CASE(sc_bind(free_bind, &not_ours), 0);
    sc_close(plain);
    sc_close(free_bind);
}

static void multicast(void)
{
    int v4 = new_socket(AF_INET, SOCK_DGRAM), v6 = new_socket(AF_INET6, SOCK_DGRAM);
    int lo = (int)MUST(sc_interface_index("lo"));
    sc_addr group4, group6, unicast, unix_addr, loopback, other_source, group_ssm;

    printf("multicast options on lo (index %d)\n", lo);
    MUST(sc_addr_parse(&group4, "224.0.0.203:0"));
    MUST(sc_addr_parse(&group6, "[ff02::5c03]:0"));
    MUST(sc_addr_parse(&unicast, "127.0.0.1:0"));
    MUST(sc_addr_parse(&unix_addr, "unix:@sockcore-msg-options"));

    CASE(sc_get_multicast_loop_v4(v4), 1);
    CASE(sc_set_multicast_loop_v4(v4, 0), 0);
    CASE(sc_get_multicast_loop_v4(v4), 0);
    CASE(sc_get_multicast_ttl_v4(v4), 1);
    CASE(sc_set_multicast_ttl_v4(v4, 5), 0);
    CASE(sc_get_multicast_ttl_v4(v4), 5);
    CASE(sc_set_multicast_ttl_v4(v4, -1), -EINVAL);
    CASE(sc_set_multicast_if_v4(v4, (unsigned int)lo), 0);
    CASE(sc_join_multicast(v4, &group4, (unsigned int)lo), 0);
    CASE(sc_join_multicast(v4, &group4, (unsigned int)lo), -EADDRINUSE);
    CASE(sc_leave_multicast(v4, &group4, (unsigned int)lo), 0);
    CASE(sc_leave_multicast(v4, &group4, (unsigned int)lo), -EADDRNOTAVAIL);
    CASE(sc_join_multicast(v4, &unicast, (unsigned int)lo), -EINVAL);
    CASE(sc_join_multicast(v4, &unix_addr, (unsigned int)lo), -EAFNOSUPPORT);
    CASE(sc_join_multicast(v4, NULL, (unsigned int)lo), -EFAULT);

    CASE(sc_get_multicast_loop_v6(v6), 1);
    CASE(sc_set_multicast_loop_v6(v6, 0), 0);
    CASE(sc_get_multicast_loop_v6(v6), 0);
    CASE(sc_set_multicast_hops_v6(v6, 3), 0);
    CASE(sc_get_multicast_hops_v6(v6), 3);
    CASE(sc_get_multicast_if_v6(v6), 0);
    CASE(sc_set_multicast_if_v6(v6, (unsigned int)lo), 0);
    CASE(sc_get_multicast_if_v6(v6), lo);
    CASE(sc_set_multicast_if_v6(v6, 999999u), -ENODEV);
    CASE(sc_set_multicast_if_v6(v6, UINT_MAX), -ENODEV); /* past INT_MAX: saturated */
    CASE(sc_get_multicast_if_v6(v6), lo);
    CASE(sc_join_multicast(v6, &group6, (unsigned int)lo), 0);
    CASE(sc_leave_multicast(v6, &group6, (unsigned int)lo), 0);
    CASE(sc_leave_multicast(v6, NULL, (unsigned int)lo), -EFAULT);

    /* By the interface's address, and from one source. */
    MUST(sc_addr_parse(&loopback, "127.0.0.1:0"));
    MUST(sc_addr_parse(&other_source, "127.0.0.2:0"));
    MUST(sc_addr_parse(&group_ssm, "232.0.0.207:0"));
    CASE(sc_join_multicast_by_addr(v4, &group4, &loopback), 0);
    CASE(sc_join_multicast_by_addr(v4, &group4, &loopback), -EADDRINUSE);
    CASE(sc_join_multicast(v4, &group4, (unsigned int)lo), -EADDRINUSE); /* the same membership */
    CASE(sc_leave_multicast_by_addr(v4, &group4, &loopback), 0);
    CASE(sc_leave_multicast_by_addr(v4, &group4, &loopback), -EADDRNOTAVAIL);
    CASE(sc_join_multicast_by_addr(v4, &unicast, &loopback), -EINVAL);
    CASE(sc_join_multicast_by_addr(v4, &group6, &loopback), -EAFNOSUPPORT);
    CASE(sc_join_multicast_by_addr(v4, &group4, &unix_addr), -EAFNOSUPPORT);
    CASE(sc_join_multicast_by_addr(v4, NULL, &loopback), -EFAULT);
    CASE(sc_join_multicast_by_addr(v4, &group4, NULL), -EFAULT);
    CASE(sc_join_source_multicast(v4, &group_ssm, &loopback, &loopback), 0);
    CASE(sc_join_source_multicast(v4, &group_ssm, &loopback, &loopback), -EADDRNOTAVAIL);
    CASE(sc_join_source_multicast(v4, &group_ssm, &other_source, &loopback), 0);
    CASE(sc_leave_source_multicast(v4, &group_ssm, &loopback, &loopback), 0);
    CASE(sc_leave_source_multicast(v4, &group_ssm, &loopback, &loopback), -EADDRNOTAVAIL);
    CASE(sc_leave_source_multicast(v4, &group_ssm, &other_source, &loopback), 0);
    CASE(sc_join_source_multicast(v4, &unicast, &loopback, &loopback), -EINVAL);
    CASE(sc_join_source_multicast(v4, &group_ssm, &group6, &loopback), -EAFNOSUPPORT);
    CASE(sc_join_source_multicast(v4, &group_ssm, NULL, &loopback), -EFAULT);
    CASE(sc_join_source_multicast(v4, &group_ssm, &loopback, NULL), -EFAULT);
    CASE(sc_leave_source_multicast(v4, NULL, &loopback, &loopback), -EFAULT);
    CASE(sc_join_source_multicast(-1, &group_ssm, &loopback, &loopback), -EBADF);

    CASE(sc_get_multicast_all_v4(v4), 1);
    CASE(sc_set_multicast_all_v4(v4, 0), 0);
    CASE(sc_get_multicast_all_v4(v4), 0);
    CASE(sc_set_multicast_all_v4(v6, 0), 0); /* the IPv4 level on an IPv6 socket */

    CASE(sc_interface_index(NULL), -EFAULT);
    CASE(sc_interface_index(""), -EINVAL);
    CASE(sc_interface_index("no-such-if0"), -ENODEV);
    sc_close(v4);
    sc_close(v6);
}

static void device_binding(void)
{
    int udp = new_socket(AF_INET, SOCK_DGRAM);
    char name[SC_IFNAMSIZ], small[2];

    printf("SO_BINDTODEVICE\n");
    CASE(sc_get_bindtodevice(udp, name, sizeof name), 0);
    CASE(name[0], '\0');
    CASE(sc_set_bindtodevice(udp, "lo"), 0);
    CASE(sc_get_bindtodevice(udp, name, sizeof name), 2);
    CASE(strcmp(name, "lo"), 0);
    CASE(sc_get_bindtodevice(udp, small, sizeof small), -ENOSPC);
    CASE(small[0], '\0');
    CASE(sc_set_bindtodevice(udp, ""), 0);
    CASE(sc_get_bindtodevice(udp, name, sizeof name), 0);
    CASE(sc_set_bindtodevice(udp, "no-such-dev0"), -ENODEV);
    CASE(sc_set_bindtodevice(udp, "sixteen-bytes-xx"), -EINVAL);
    CASE(sc_set_bindtodevice(udp, NULL), -EFAULT);
    CASE(sc_get_bindtodevice(udp, NULL, 16), -EFAULT);
    sc_close(udp);
}

static void unix_credentials(void)
{
    int fds[2];
    sc_ucred creds;

    printf("SO_PASSCRED and SO_PEERCRED\n");
    MUST(sc_socketpair(AF_UNIX, SOCK_SEQPACKET, 0, fds));
    CASE(sc_socket_domain(fds[0]), AF_UNIX);
    CASE(sc_socket_type(fds[0]), SOCK_SEQPACKET);
    CASE(sc_get_passcred(fds[0]), 0);
    CASE(sc_set_passcred(fds[0], 1), 0);
    CASE(sc_get_passcred(fds[0]), 1);
    memset(&creds, 0xff, sizeof creds);
    CASE(sc_peer_credentials(fds[0], &creds), 0);
    CASE(creds.pid, getpid());
    CASE(creds.uid, getuid());
    CASE(creds.gid, getgid());
    CASE(sc_peer_credentials(fds[0], NULL), -EFAULT);
    sc_close(fds[0]);
    sc_close(fds[1]);
}

static void listening_and_pending_errors(void)
{
    int listener = new_socket(AF_INET, SOCK_STREAM), refusing = new_socket(AF_INET, SOCK_STREAM);
    int client = (int)MUST(sc_socket(AF_INET, SOCK_STREAM, SC_NONBLOCK));
    sc_addr addr;

    printf("SO_ACCEPTCONN and SO_ERROR\n");
    MUST(sc_addr_parse(&addr, "127.0.0.1:0"));
    MUST(sc_bind(listener, &addr));
    CASE(sc_is_listening(listener), 0);
    CASE(sc_listen(listener, 1), 0);
    CASE(sc_is_listening(listener), 1);

    /* A bound port nobody listens on refuses: the error waits in SO_ERROR. */
    MUST(sc_bind(refusing, &addr));
    MUST(sc_local_addr(refusing, &addr));
    CASE(sc_take_error(client), 0);
    CASE(sc_connect(client, &addr), -EINPROGRESS);
    CASE(sc_wait_ready(client, POLLOUT, 5000) & POLLOUT, POLLOUT);
    CASE(sc_take_error(client), ECONNREFUSED);
    CASE(sc_take_error(client), 0);
    CASE(sc_take_error(-1), -EBADF);
    sc_close(listener);
    sc_close(refusing);
    sc_close(client);
}

static void raw_options(void)
{
    int tcp = new_socket(AF_INET, SOCK_STREAM), value = 10, got = 0;
    socklen_t len = sizeof got;

    printf("raw sc_getsockopt and sc_setsockopt\n");
    CASE(sc_setsockopt(tcp, SOL_SOCKET, SO_RCVLOWAT, &value, sizeof value), 0);
    CASE(sc_getsockopt(tcp, SOL_SOCKET, SO_RCVLOWAT, &got, &len), 0);
    CASE(got, 10);
    CASE(len, sizeof got);
    CASE(sc_setsockopt(tcp, SOL_SOCKET, 9999, &value, sizeof value), -ENOPROTOOPT);
    CASE(sc_getsockopt(tcp, SOL_SOCKET, 9999, &got, &len), -ENOPROTOOPT);
    CASE(sc_setsockopt(tcp, SOL_SOCKET, SO_RCVLOWAT, NULL, sizeof value), -EFAULT);
    CASE(sc_getsockopt(tcp, SOL_SOCKET, SO_RCVLOWAT, NULL, &len), -EFAULT);
    CASE(sc_getsockopt(tcp, SOL_SOCKET, SO_RCVLOWAT, &got, NULL), -EFAULT);
    CASE(sc_set_nodelay(-1, 1), -EBADF);
    CASE(sc_get_nodelay(-1), -EBADF);
    sc_close(tcp);
}

int main(void)
{
    int before;

    setvbuf(stdout, NULL, _IOLBF, 0);
    before = open_fds();
    socket_level(AF_INET);
    socket_level(AF_INET6);
    more_socket_level(AF_INET);
    more_socket_level(AF_INET6);
    tcp_level(AF_INET);
    tcp_level(AF_INET6);
    congestion_control();
    ip_level();
    binding_options();
    if (!known_gap("SOCKCORE_QEMU", "multicast",
                   "qemu-user does not emulate IP_MULTICAST_IF, IPV6_MULTICAST_IF or "
                   "struct ip_mreqn (ENOPROTOOPT, ENODEV)"))
        multicast();
    if (!known_gap("SOCKCORE_QEMU", "device binding",
                   "qemu-user does not emulate getsockopt(SO_BINDTODEVICE) (EINVAL)"))
        device_binding();
    unix_credentials();
    listening_and_pending_errors();
    raw_options();
    CASE(open_fds(), before);
    return summary();
}
