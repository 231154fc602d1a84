/*
 * cxx.cpp: sockcore from C++11, built by tests/cxx.rs with
 * g++ -std=c++11 -Wall -Wextra -Werror -pedantic.
 *
 *     cxx ADDRESS
 *
 * Listens on ADDRESS (port 0 picks one), dials the address it got, and
 * sends a message each way between the dialled and the accepted socket, the
 * descriptors owned by a small RAII class as C++ code would hold them.
 * Prints "exchanged N bytes each way" and exits 0, or names the failing
 * call and exits 1.
 */
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "sockcore.h"

namespace {

// A descriptor sockcore returned, closed when the owner goes out of scope.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd()
    {
        if (fd_ >= 0)
            sc_close(fd_);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

// Returns ret when it is a success (>= 0); otherwise names the call and exits.
long check(const char *call, long ret)
{
    if (ret < 0) {
        std::fprintf(stderr, "%s failed: %s (%s)\n", call, sc_strerror(static_cast<int>(ret)),
                     sc_errname(static_cast<int>(ret)));
        std::exit(1);
    }
    return ret;
}

// Sends text from one socket and reads it back whole on the other.
void send_across(const Fd &from, const Fd &to, const std::string &text)
{
    check("sc_write_all", sc_write_all(from.get(), text.data(), text.size()));
    std::string got(text.size(), '\0');
    long n = check("sc_read_exact", sc_read_exact(to.get(), &got[0], got.size()));
    if (static_cast<size_t>(n) != text.size() || got != text) {
        std::fprintf(stderr, "sent \"%s\", received %ld bytes: \"%s\"\n", text.c_str(), n,
                     got.c_str());
        std::exit(1);
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: cxx ADDRESS\n");
        return 2;
    }

    // Bad input is an error code in C++ too, not an exception or a crash.
    sc_addr addr;
    if (sc_addr_parse(&addr, "not an address") != -EINVAL) {
        std::fprintf(stderr, "sc_addr_parse accepted \"not an address\"\n");
        return 1;
    }

    Fd listener(static_cast<int>(check("sc_listen_on", sc_listen_on(argv[1], 1))));
    check("sc_local_addr", sc_local_addr(listener.get(), &addr));
    char text[SC_ADDR_STRLEN];
    check("sc_addr_format", sc_addr_format(&addr, text, sizeof text));

    Fd client(static_cast<int>(check("sc_dial", sc_dial(text, 5000))));
    sc_addr peer;
    Fd server(static_cast<int>(check("sc_accept", sc_accept(listener.get(), &peer, 0))));
    // sc_addr is a plain value: copies compare equal to the original.
    sc_addr copy = peer;
    if (sc_addr_len(&copy) != sc_addr_len(&peer) ||
        std::memcmp(sc_addr_sockaddr(&copy), sc_addr_sockaddr(&peer),
                    static_cast<size_t>(sc_addr_len(&peer))) != 0) {
        std::fprintf(stderr, "a copied sc_addr differs\n");
        return 1;
    }

    const std::string question = std::string("hello from C++ to ") + text;
    const std::string answer = "and back over the accepted socket";
    send_across(client, server, question);
    send_across(server, client, answer);

    // After the client shuts down its side the server reads end of stream.
    check("sc_shutdown", sc_shutdown(client.get(), SHUT_WR));
    char byte;
    if (check("sc_read", sc_read(server.get(), &byte, 1)) != 0) {
        std::fprintf(stderr, "data after shutdown\n");
        return 1;
    }
    std::printf("exchanged %zu and %zu bytes over %s\n", question.size(), answer.size(), text);
    return 0;
}
