/*
 * addresses: sc_addr built from numbers and names, read back as C reads
 * it, and errors as text. Nothing is sent.
 *
 *     addresses [INTERFACE]
 *
 * Builds one address of each kind without text (sc_addr_ipv4,
 * sc_addr_ipv6, sc_addr_unix, sc_addr_unix_abstract), changes a port
 * (sc_addr_set_port), compares it with a parsed one (sc_addr_equal), reads
 * the parts back (sc_addr_family, sc_addr_port, and the IP bytes through
 * the struct sockaddr_in that sc_addr_sockaddr points at), parses a
 * link-local address whose scope is the name of INTERFACE ("lo" by
 * default; sc_addr_format writes its index), and shows
 * what the failures say, with sc_strerror_r for a code from elsewhere.
 */
#define _POSIX_C_SOURCE 200809L

#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "example.h"
#include "sockcore.h"

#define WHO "addresses"

/* Prints what a call built: the address as text, or the failure. */
static void show(const char *call, int ret, const sc_addr *addr)
{
    char text[SC_ADDR_STRLEN];

    if (ret < 0)
        printf("%-44s = -%s: %s\n", call, sc_errname(ret), sc_strerror(ret));
    else
        printf("%-44s = %s\n", call, addr_text(WHO, addr, text));
}

int main(int argc, char **argv)
{
    static const uint8_t ip4[4] = {192, 0, 2, 7};
    static const uint8_t link_local[16] = {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    const char *interface = argc > 1 ? argv[1] : "lo";
    char text[64], call[96], long_path[120], message[SC_STRERROR_LEN];
    const struct sockaddr_in *sin;
    const uint8_t *ip;
    sc_addr addr, path;

    /* From numbers: the IP in network order as written, the port in host
     * order. */
    show("sc_addr_ipv4({192, 0, 2, 7}, 53)", sc_addr_ipv4(&addr, ip4, 53), &addr);
    show("sc_addr_set_port(&addr, 5353)", sc_addr_set_port(&addr, 5353), &addr);
    /* sc_addr mixes with C's own types: the bytes of a struct sockaddr_in. */
    sin = (const struct sockaddr_in *)sc_addr_sockaddr(&addr);
    ip = (const uint8_t *)&sin->sin_addr;
    printf("  read back: family %s, port %d (host order), sin_addr %d.%d.%d.%d\n",
           domain_name(sc_addr_family(&addr)), sc_addr_port(&addr), ip[0], ip[1], ip[2], ip[3]);
    /* Compare addresses with sc_addr_equal, never memcmp: the storage past
     * the family's bytes is padding that differs between equal addresses. */
    check(WHO, "sc_addr_parse", sc_addr_parse(&path, "192.0.2.7:5353"));
    printf("  sc_addr_equal(&addr, parsed \"192.0.2.7:5353\") = %d\n", sc_addr_equal(&addr, &path));
    show("sc_addr_ipv6(fe80::1, 443, scope 2)", sc_addr_ipv6(&addr, link_local, 443, 2), &addr);
    show("sc_addr_unix(\"/run/addresses.sock\")", sc_addr_unix(&path, "/run/addresses.sock"),
         &path);
    /* Abstract names are bytes, NULs included; nothing appears on disk. */
    show("sc_addr_unix_abstract(\"app\\0v1\", 6)", sc_addr_unix_abstract(&addr, "app\0v1", 6),
         &addr);

    /* An interface's name as the IPv6 scope, as getaddrinfo(3) reads it. */
    snprintf(text, sizeof text, "[fe80::1%%%s]:80", interface);
    snprintf(call, sizeof call, "sc_addr_parse(\"%s\")", text);
    show(call, sc_addr_parse(&addr, text), &addr);

    /* What the failures say: a port on a Unix address, a path past 107
     * bytes, and a code sockcore does not define, with its number. */
    show("sc_addr_set_port(&path, 80)", sc_addr_set_port(&path, 80), &path);
    memset(long_path, 'p', sizeof long_path - 1);
    long_path[0] = '/';
    long_path[sizeof long_path - 1] = '\0';
    show("sc_addr_unix(119-byte path)", sc_addr_unix(&addr, long_path), &addr);
    check(WHO, "sc_strerror_r", sc_strerror_r(-4242, message, sizeof message));
    printf("%-44s = %s\n", "sc_strerror_r(-4242)", message);
    return 0;
}
