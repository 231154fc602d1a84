/*
 * libc_floor: the C library functions tcp_server calls besides sockcore's,
 * and nothing else. Statically linked, its size is the C library's floor
 * under the static echo server, which tests/size.rs subtracts to find
 * sockcore's own share (tests/size.rs also checks that the two programs
 * need the same C library functions).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

int main(int argc, char **argv)
{
    struct pollfd fds[1] = {{-1, POLLIN, 0}};
    char *end = NULL;
    long count = argc > 1 ? strtol(argv[1], &end, 10) : 0;
    int on = 1;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (setsockopt(-1, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) < 0)
        printf("setsockopt: errno %d\n", errno);
    if (poll(fds, 1, 0) < 0 || count < 0) {
        fprintf(stderr, "%s: %ld\n", argv[0], count);
        fwrite("failed\n", 1, 7, stderr);
        exit(1);
    }
    return 0;
}
