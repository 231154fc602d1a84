/*
 * addr_table.c: addresses through the C ABI, each case an exact return
 * (case_harness.h): built from numbers (sc_addr_ipv4, sc_addr_ipv6,
 * sc_addr_unix, sc_addr_unix_abstract), changed (sc_addr_set_port),
 * compared (sc_addr_equal), read back (sc_addr_port, sc_addr_family, sc_addr_len, sc_addr_format, and the
 * bytes through sc_addr_sockaddr as C's own struct sockaddr_in/_in6),
 * parsed with an interface name as the IPv6 scope, used over real sockets,
 * and "no name" reported one way by every call.
 * tests/addr_table.rs runs it against both libraries. (NULL pointers and
 * bad lengths are in bad_input.c.)
 */
#define _POSIX_C_SOURCE 200809L

#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "case_harness.h"

static char text[SC_ADDR_STRLEN];

/* The address as text, for expect_text. */
static const char *shown(const sc_addr *addr)
{
    if (sc_addr_format(addr, text, sizeof text) < 0)
        return "(format failed)";
    return text;
}

/* The IP address's bytes, read as C reads them: through the struct
 * sockaddr that sc_addr_sockaddr points at. */
static const uint8_t *ip_of(const sc_addr *addr)
{
    const struct sockaddr *sa = sc_addr_sockaddr(addr);

    if (sc_addr_family(addr) == AF_INET)
        return (const uint8_t *)&((const struct sockaddr_in *)sa)->sin_addr;
    return ((const struct sockaddr_in6 *)sa)->sin6_addr.s6_addr;
}

/* Whether two addresses hold the same length and the same bytes in it. */
static int same_bytes(const sc_addr *a, const sc_addr *b)
{
    return sc_addr_len(a) == sc_addr_len(b) &&
           memcmp(sc_addr_sockaddr(a), sc_addr_sockaddr(b), (size_t)sc_addr_len(a)) == 0;
}

static void ipv4_from_numbers(void)
{
    const uint8_t loopback[4] = {127, 0, 0, 1}, any[4] = {0, 0, 0, 0};
    const uint8_t broadcast[4] = {255, 255, 255, 255};
    sc_addr addr, parsed;

    CASE(sc_addr_ipv4(&addr, loopback, 8080), 0);
    expect_text("sc_addr_ipv4(127.0.0.1, 8080)", shown(&addr), "127.0.0.1:8080");
    CASE(sc_addr_family(&addr), AF_INET);
    CASE(sc_addr_port(&addr), 8080);
    CASE(sc_addr_len(&addr), sizeof(struct sockaddr_in));
    MUST(sc_addr_parse(&parsed, "127.0.0.1:8080"));
    CHECK(same_bytes(&addr, &parsed));
    CHECK(memcmp(ip_of(&addr), loopback, 4) == 0);

    CASE(sc_addr_ipv4(&addr, any, 0), 0);
    expect_text("sc_addr_ipv4(0.0.0.0, 0)", shown(&addr), "0.0.0.0:0");
    CASE(sc_addr_ipv4(&addr, broadcast, 65535), 0);
    expect_text("sc_addr_ipv4(255.255.255.255, 65535)", shown(&addr), "255.255.255.255:65535");
}

static void ipv6_from_numbers(void)
{
    const uint8_t loopback[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    const uint8_t link_local[16] = {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    const uint8_t mapped[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1};
    sc_addr addr, parsed;

    CASE(sc_addr_ipv6(&addr, loopback, 80, 0), 0);
    expect_text("sc_addr_ipv6(::1, 80, 0)", shown(&addr), "[::1]:80");
    CASE(sc_addr_family(&addr), AF_INET6);
    CASE(sc_addr_len(&addr), sizeof(struct sockaddr_in6));
    MUST(sc_addr_parse(&parsed, "[::1]:80"));
    CHECK(same_bytes(&addr, &parsed));

    CASE(sc_addr_ipv6(&addr, link_local, 443, 2), 0);
    expect_text("sc_addr_ipv6(fe80::1, 443, 2)", shown(&addr), "[fe80::1%2]:443");
    CASE(sc_addr_ipv6(&addr, link_local, 65535, UINT32_MAX), 0);
    expect_text("sc_addr_ipv6(fe80::1, 65535, UINT32_MAX)", shown(&addr),
                "[fe80::1%4294967295]:65535");
    CHECK(memcmp(ip_of(&addr), link_local, 16) == 0);

    CASE(sc_addr_ipv6(&addr, mapped, 8080, 0), 0);
    expect_text("sc_addr_ipv6(::ffff:192.0.2.1, 8080, 0)", shown(&addr), "[::ffff:192.0.2.1]:8080");
    /* An IPv4-mapped address stays IPv6. */
    CASE(sc_addr_family(&addr), AF_INET6);
    CHECK(memcmp(ip_of(&addr), mapped, 16) == 0);
}

static void unix_from_names(void)
{
    char path[109], name[108];
    sc_addr addr, parsed;

    CASE(sc_addr_unix(&addr, "/run/sockcore.sock"), 0);
    expect_text("sc_addr_unix(/run/sockcore.sock)", shown(&addr), "unix:/run/sockcore.sock");
    CASE(sc_addr_family(&addr), AF_UNIX);
    /* The length counts the path's NUL, as the kernel's own answer does. */
    CASE(sc_addr_len(&addr), offsetof(struct sockaddr_un, sun_path) + 19);
    MUST(sc_addr_parse(&parsed, "unix:/run/sockcore.sock"));
    CHECK(same_bytes(&addr, &parsed));
    CASE(sc_addr_unix(&addr, "relative.sock"), 0);
    expect_text("sc_addr_unix(relative.sock)", shown(&addr), "unix:relative.sock");

    /* 107 bytes fit with their NUL; 108 would leave sun_path without one. */
    memset(path, 'p', sizeof path);
    path[0] = '/';
    path[107] = '\0';
    CASE(sc_addr_unix(&addr, path), 0);
    CASE(sc_addr_len(&addr), offsetof(struct sockaddr_un, sun_path) + 108);
    CHECK(((const struct sockaddr_un *)sc_addr_sockaddr(&addr))->sun_path[107] == '\0');
    path[107] = 'p';
    path[108] = '\0';
    MUST(sc_addr_parse(&parsed, "unix:/x"));
    CASE(sc_addr_unix(&parsed, path), -ENAMETOOLONG);
    expect_text("the address after -ENAMETOOLONG", shown(&parsed), "unix:/x");
    CASE(sc_addr_unix(&parsed, ""), -EINVAL);
    expect_text("the address after -EINVAL", shown(&parsed), "unix:/x");

    CASE(sc_addr_unix_abstract(&addr, "name", 4), 0);
    expect_text("sc_addr_unix_abstract(name)", shown(&addr), "unix:@name");
    CASE(sc_addr_len(&addr), offsetof(struct sockaddr_un, sun_path) + 5);
    MUST(sc_addr_parse(&parsed, "unix:@name"));
    CHECK(same_bytes(&addr, &parsed));
    CASE(sc_addr_unix_abstract(&addr, "a\0b", 3), 0);
    expect_text("sc_addr_unix_abstract(a NUL b)", shown(&addr), "unix:@a\\x00b");
    CASE(sc_addr_unix_abstract(&addr, "", 0), 0);
    expect_text("sc_addr_unix_abstract(empty)", shown(&addr), "unix:@");
    memset(name, 'n', sizeof name);
    CASE(sc_addr_unix_abstract(&addr, name, 107), 0);
    CASE(sc_addr_len(&addr), offsetof(struct sockaddr_un, sun_path) + 108);
    CASE(sc_addr_unix_abstract(&addr, name, 108), -ENAMETOOLONG);
    CASE(sc_addr_len(&addr), offsetof(struct sockaddr_un, sun_path) + 108);
}

static void ports(void)
{
    const uint8_t link_local[16] = {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    const uint8_t ip4[4] = {192, 0, 2, 7};
    struct sockaddr_storage ss;
    sc_addr addr, none;

    MUST(sc_addr_ipv4(&addr, ip4, 53));
    CASE(sc_addr_set_port(&addr, 5353), 0);
    expect_text("sc_addr_set_port(192.0.2.7:53, 5353)", shown(&addr), "192.0.2.7:5353");
    CASE(sc_addr_set_port(&addr, 0), 0);
    CASE(sc_addr_port(&addr), 0);
    MUST(sc_addr_ipv6(&addr, link_local, 1, 3));
    CASE(sc_addr_set_port(&addr, 65535), 0);
    expect_text("sc_addr_set_port keeps the scope", shown(&addr), "[fe80::1%3]:65535");

    MUST(sc_addr_unix(&addr, "/run/x.sock"));
    CASE(sc_addr_set_port(&addr, 80), -EAFNOSUPPORT);
    expect_text("a Unix address after sc_addr_set_port", shown(&addr), "unix:/run/x.sock");
    CASE(sc_addr_port(&addr), -EAFNOSUPPORT);
    MUST(sc_addr_from_sockaddr(&none, (const struct sockaddr *)&ss, 0));
    CASE(sc_addr_set_port(&none, 80), -EAFNOSUPPORT);
    CASE(sc_addr_len(&none), 0);
}

/* sc_addr_equal: the meaningful bytes only, whatever else the storage and
 * the length hold. */
static void equality(void)
{
    const uint8_t ip4[4] = {192, 0, 2, 7};
    const uint8_t ip6[16] = {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    sc_addr a, b;

    MUST(sc_addr_ipv4(&a, ip4, 53));
    MUST(sc_addr_parse(&b, "192.0.2.7:53"));
    CASE(sc_addr_equal(&a, &b), 1);
    /* Padding a parse left alone differs, and does not count. */
    memset((unsigned char *)&b.storage + sizeof(struct sockaddr_in), 0x5a,
           sizeof b.storage - sizeof(struct sockaddr_in));
    CASE(sc_addr_equal(&a, &b), 1);
    CASE(memcmp(&a, &b, sizeof a) == 0, 0);
    MUST(sc_addr_set_port(&b, 54));
    CASE(sc_addr_equal(&a, &b), 0);

    MUST(sc_addr_ipv6(&a, ip6, 80, 1));
    MUST(sc_addr_ipv6(&b, ip6, 80, 2));
    CASE(sc_addr_equal(&a, &b), 0);
    MUST(sc_addr_parse(&b, "[fe80::1%1]:80"));
    CASE(sc_addr_equal(&a, &b), 1);

    /* A path the same whether the length counts its NUL or not. */
    MUST(sc_addr_unix(&a, "/run/x.sock"));
    b = a;
    b.len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen("/run/x.sock"));
    CASE(sc_addr_equal(&a, &b), 1);
    MUST(sc_addr_unix_abstract(&b, "/run/x.sock", strlen("/run/x.sock")));
    CASE(sc_addr_equal(&a, &b), 0);
    MUST(sc_addr_ipv4(&b, ip4, 53));
    CASE(sc_addr_equal(&a, &b), 0);
}

/* An interface name as the IPv6 scope: looked up, and written back as its
 * index. lo is interface 1 in every network namespace. */
static void scope_names(void)
{
    sc_addr addr, numeric;

    CASE(sc_addr_parse(&addr, "[fe80::1%lo]:80"), 0);
    expect_text("[fe80::1%lo]:80", shown(&addr), "[fe80::1%1]:80");
    CASE(sc_interface_index("lo"), 1);
    MUST(sc_addr_parse(&numeric, "[fe80::1%1]:80"));
    CHECK(same_bytes(&addr, &numeric));
    CASE(sc_addr_parse(&addr, "[::1%lo]:0"), 0);
    expect_text("[::1%lo]:0", shown(&addr), "[::1%1]:0");
    /* Well formed, but no such interface; and a scope of digits is a number. */
    CASE(sc_addr_parse(&addr, "[fe80::1%sockcore0]:80"), -ENODEV);
    expect_text("the address after -ENODEV", shown(&addr), "[::1%1]:0");
    CASE(sc_addr_parse(&addr, "[fe80::1%0012]:80"), 0);
    expect_text("[fe80::1%0012]:80", shown(&addr), "[fe80::1%12]:80");
    /* Not a name: too long (16 bytes), or bytes a name cannot hold. */
    CASE(sc_addr_parse(&addr, "[fe80::1%0123456789abcdef]:80"), -EINVAL);
    CASE(sc_addr_parse(&addr, "[fe80::1%a/b]:80"), -EINVAL);
    CASE(sc_addr_parse(&addr, "[fe80::1%a:b]:80"), -EINVAL);
    CASE(sc_addr_parse(&addr, "[fe80::1%]:80"), -EINVAL);
    CASE(sc_dial("[::1%sockcore0]:9", 100), -ENODEV);
}

/* Numbers all the way: a datagram to an address built from bytes, with the
 * receiver's port read back with sc_addr_port; no text anywhere. */
static void over_loopback(void)
{
    const uint8_t loopback[4] = {127, 0, 0, 1};
    sc_addr bound, to, from;
    char buf[8];
    int rx, tx, port;

    rx = MUST(sc_socket(AF_INET, SOCK_DGRAM, 0));
    tx = MUST(sc_socket(AF_INET, SOCK_DGRAM, 0));
    MUST(sc_addr_ipv4(&bound, loopback, 0));
    CASE(sc_bind(rx, &bound), 0);
    MUST(sc_local_addr(rx, &bound));
    port = MUST(sc_addr_port(&bound));
    CHECK(port > 0);
    MUST(sc_addr_ipv4(&to, loopback, 0));
    CASE(sc_addr_set_port(&to, (uint16_t)port), 0);
    CASE(sc_sendto(tx, "numbers", 7, 0, &to), 7);
    CASE(sc_recvfrom(rx, buf, sizeof buf, 0, &from), 7);
    CHECK(memcmp(buf, "numbers", 7) == 0);
    CASE(sc_addr_family(&from), AF_INET);
    /* The sender was bound to 0.0.0.0 and a port by its first send. */
    MUST(sc_local_addr(tx, &to));
    CASE(sc_addr_port(&from), sc_addr_port(&to));
    MUST(sc_close(tx));
    MUST(sc_close(rx));
}

/* A socket with no name is reported one way by every call: the empty
 * address (AF_UNSPEC, length 0), whether the kernel said so with a Unix
 * address of no path (getsockname, getpeername, accept) or with no address
 * at all (recvfrom). */
static void no_name(void)
{
    sc_addr listen_at, peer, local, from;
    char buf[4];
    int pair[2], listener, client, conn, rx, tx;

    MUST(sc_socketpair(AF_UNIX, SOCK_DGRAM, 0, pair));
    CASE(sc_local_addr(pair[0], &local), 0);
    CASE(sc_addr_family(&local), AF_UNSPEC);
    CASE(sc_addr_len(&local), 0);
    expect_text("a socketpair end's local address", shown(&local), "unspec:");
    CASE(sc_peer_addr(pair[1], &peer), 0);
    CHECK(same_bytes(&peer, &local));
    MUST(sc_write(pair[0], "x", 1));
    CASE(sc_recvfrom(pair[1], buf, sizeof buf, 0, &from), 1);
    CASE(sc_addr_len(&from), 0);
    CASE(sc_addr_family(&from), AF_UNSPEC);
    MUST(sc_close(pair[0]));
    MUST(sc_close(pair[1]));

    /* A bound receiver, a sender that never bound. */
    MUST(sc_addr_parse(&listen_at, "unix:@sockcore-addr-table-dgram"));
    rx = MUST(sc_socket(AF_UNIX, SOCK_DGRAM, 0));
    tx = MUST(sc_socket(AF_UNIX, SOCK_DGRAM, 0));
    MUST(sc_bind(rx, &listen_at));
    MUST(sc_sendto(tx, "y", 1, 0, &listen_at));
    CASE(sc_recvfrom(rx, buf, sizeof buf, 0, &from), 1);
    CASE(sc_addr_len(&from), 0);
    MUST(sc_local_addr(tx, &local));
    CHECK(same_bytes(&from, &local));
    MUST(sc_close(tx));
    MUST(sc_close(rx));

    /* A stream client that never bound, as accept and getpeername see it. */
    listener = MUST(sc_listen_on("unix:@sockcore-addr-table-stream", 4));
    client = MUST(sc_dial("unix:@sockcore-addr-table-stream", 1000));
    conn = MUST(sc_accept(listener, &peer, 0));
    CASE(sc_addr_family(&peer), AF_UNSPEC);
    CASE(sc_addr_len(&peer), 0);
    MUST(sc_peer_addr(conn, &local));
    CHECK(same_bytes(&peer, &local));
    MUST(sc_local_addr(client, &local));
    CHECK(same_bytes(&peer, &local));
    /* Binding the unnamed address autobinds an abstract name. */
    MUST(sc_addr_parse(&local, "unix:"));
    tx = MUST(sc_socket(AF_UNIX, SOCK_DGRAM, 0));
    CASE(sc_bind(tx, &local), 0);
    MUST(sc_local_addr(tx, &local));
    CHECK(sc_addr_len(&local) > (int)offsetof(struct sockaddr_un, sun_path) + 1);
    CHECK(strncmp(shown(&local), "unix:@", 6) == 0);
    MUST(sc_close(tx));
    MUST(sc_close(conn));
    MUST(sc_close(client));
    MUST(sc_close(listener));
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    ipv4_from_numbers();
    ipv6_from_numbers();
    unix_from_names();
    ports();
    equality();
    scope_names();
    over_loopback();
    no_name();
    return summary();
}
