/*
 * msg_options.c: every typed option through the C ABI, set and read back
 * (IPv4 and IPv6 where the option applies), the read-only ones (SO_DOMAIN,
 * SO_TYPE, SO_ACCEPTCONN, SO_PEERCRED, SO_ERROR), raw sc_getsockopt and
 * sc_setsockopt, multicast membership on lo, and bad input.
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
    sc_close(v4);
    sc_close(v6);
}

static void multicast(void)
{
    int v4 = new_socket(AF_INET, SOCK_DGRAM), v6 = new_socket(AF_INET6, SOCK_DGRAM);
    int lo = (int)MUST(sc_interface_index("lo"));
    sc_addr group4, group6, unicast, unix_addr;

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
    tcp_level(AF_INET);
    tcp_level(AF_INET6);
    ip_level();
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
