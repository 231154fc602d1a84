/*
 * sockcore.h: the C ABI of sockcore, a socket library for Linux.
 *
 * Every function returns >= 0 on success and -errno on failure; sc_strerror
 * and sc_errname turn a failure into text. Bad input is a negative code,
 * never a crash: -EFAULT for a NULL pointer (unless the function says it may
 * be NULL), -EINVAL for a length over SSIZE_MAX, for unknown flag bits and
 * for a malformed address, -ENAMETOOLONG for a Unix name that does not fit
 * sun_path.
 *
 * No global state, no allocation: every function may be called from any
 * thread. Descriptors are plain ints, created close-on-exec, so they mix
 * with poll(2) and other C code; sends never raise SIGPIPE. Addresses are
 * sc_addr values in the caller's memory.
 *
 * Link with -lsockcore.
 */

#ifndef SOCKCORE_H
#define SOCKCORE_H

/* Generated from ffi/src by cbindgen (see build.rs); do not edit by hand. */

#include <sys/types.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/uio.h>

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
 * A buffer size for `sc_addr_format` that fits every address, NUL
 * included: the longest text is a full 108-byte Unix path with every byte
 * escaped as `\xNN`, after `unix:`.
 */
#define SC_ADDR_STRLEN 438

/**
 * The most buffers `sc_readv` and `sc_writev` take in one call: Linux's
 * `IOV_MAX` (`UIO_MAXIOV`), which C99 headers do not define.
 */
#define SC_IOV_MAX 1024

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

#ifdef __cplusplus
extern "C" {
#endif // __cplusplus

/**
 * Parses `text` into `*out`: `"127.0.0.1:80"`, `"[::1]:80"`,
 * `"[fe80::1%2]:80"`, `"unix:/path"`, `"unix:@abstract"`, or `"unix:"` (the
 * unnamed Unix address). In Unix names `\xNN` stands for any byte.
 *
 * Returns 0, or `-EINVAL` for malformed or non-UTF-8 text, `-ENAMETOOLONG`
 * for a Unix name longer than `sun_path` (108 bytes; 107 for an abstract
 * name), `-EFAULT` for a NULL pointer. `*out` is unchanged on error.
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
 * unless `peer` is NULL. `flags` is 0 or `SC_NONBLOCK`.
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
 * port after binding port 0).
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
 * `getpeername(2)`: the address of the peer connected to `fd` into `*out`.
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
 * Returns the count sent, or `-EFAULT` for a NULL `to`, `-EINVAL` for
 * unknown `flags` bits or an address of the wrong family, `-EISCONN`,
 * `-EAFNOSUPPORT`, `-EACCES` (broadcast without `SO_BROADCAST`),
 * `-ENETUNREACH`, and the errors of `sc_write`.
 *
 * # Safety
 *
 * As `sc_write`; `to` must be NULL or an initialised `sc_addr`.
 */
ssize_t sc_sendto(int fd, const void *buf, size_t len, int flags, const struct sc_addr *to);

/**
 * `recvfrom(2)` with `flags`: a datagram, and its sender's address into
 * `*from` unless `from` is NULL (a connected stream socket gives the empty
 * address, family `AF_UNSPEC`).
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
 * The message for an error number, in glibc's wording (`"Connection
 * refused"`), like `strerror(3)` but thread-safe and locale-free. `err` may
 * be a `-errno` return or a positive `errno`.
 *
 * Returns a static NUL-terminated string, never NULL: `"Unknown error"` for
 * 0 and for a number Linux does not define.
 */
const char *sc_strerror(int err);

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

#ifdef __cplusplus
}  // extern "C"
#endif  // __cplusplus

#endif  /* SOCKCORE_H */
