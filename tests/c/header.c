/*
 * header.c: compiled as C99 and as C++ by tests/header.rs, with
 * -Wall -Wextra -Werror -pedantic. The header must stand alone, and sc_addr
 * must have the documented layout, which the Rust side asserts is that of
 * sockcore::SocketAddr.
 */
#include "sockcore.h"

#include <stddef.h>

#define STATIC_ASSERT(name, cond) typedef char static_assert_##name[(cond) ? 1 : -1]

#ifdef __cplusplus
#define ALIGNOF(type) alignof(type)
#else
#define ALIGNOF(type) offsetof(struct { char c; type t; }, t)
#endif

STATIC_ASSERT(sc_addr_size, sizeof(sc_addr) == (sizeof(void *) == 8 ? 136 : 132));
STATIC_ASSERT(sc_addr_len_follows_storage,
              offsetof(sc_addr, len) == sizeof(struct sockaddr_storage));
STATIC_ASSERT(sc_addr_align, ALIGNOF(sc_addr) == ALIGNOF(struct sockaddr_storage));
STATIC_ASSERT(addr_strlen_fits_a_full_escaped_path, SC_ADDR_STRLEN == 5 + 4 * 108 + 1);
STATIC_ASSERT(nonblock_is_the_system_flag, SC_NONBLOCK == SOCK_NONBLOCK);
STATIC_ASSERT(msg_flags_are_the_system_flags,
              SC_MSG_PEEK == MSG_PEEK && SC_MSG_TRUNC == MSG_TRUNC &&
                  SC_MSG_DONTWAIT == MSG_DONTWAIT && SC_MSG_NOSIGNAL == MSG_NOSIGNAL);

/* Every kind of declaration in use: a value type, pointers, ssize_t. */
int header_check_flow(const char *text, char *buf, size_t len);

int header_check_flow(const char *text, char *buf, size_t len)
{
    sc_addr addr;
    ssize_t sent;
    int ret, fd;

    if ((ret = sc_addr_parse(&addr, text)) < 0)
        return ret;
    if ((fd = sc_socket(sc_addr_family(&addr), SOCK_STREAM, SC_NONBLOCK)) < 0)
        return fd;
    sent = sc_send(fd, buf, len, SC_MSG_DONTWAIT);
    ret = sc_addr_format(&addr, buf, len);
    sc_close(fd);
    return sent < 0 ? (int)sent : ret;
}
