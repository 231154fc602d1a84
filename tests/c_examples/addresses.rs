//! c-examples/addresses.c: addresses built from numbers and names, read
//! back, an interface name as the IPv6 scope, and what the failures say.

use sockcore_e2e::Link;

use crate::build;

#[test]
fn addresses_from_numbers_and_names() {
    for link in Link::BOTH {
        let finished = build().run_example(link, "addresses", &[]);
        finished.assert_success();
        for line in [
            "sc_addr_ipv4({192, 0, 2, 7}, 53)             = 192.0.2.7:53",
            "sc_addr_set_port(&addr, 5353)                = 192.0.2.7:5353",
            "read back: family AF_INET, port 5353 (host order), sin_addr 192.0.2.7",
            "sc_addr_equal(&addr, parsed \"192.0.2.7:5353\") = 1",
            "sc_addr_ipv6(fe80::1, 443, scope 2)          = [fe80::1%2]:443",
            "sc_addr_unix(\"/run/addresses.sock\")          = unix:/run/addresses.sock",
            "sc_addr_unix_abstract(\"app\\0v1\", 6)          = unix:@app\\x00v1",
            // lo is interface 1 in every network namespace.
            "sc_addr_parse(\"[fe80::1%lo]:80\")             = [fe80::1%1]:80",
            "sc_addr_set_port(&path, 80)                  = -EAFNOSUPPORT:",
            "sc_addr_unix(119-byte path)                  = -ENAMETOOLONG: File name too long",
            "sc_strerror_r(-4242)                         = Unknown error 4242",
        ] {
            finished.assert_stdout_has(line);
        }
    }
    build()
        .run_example(Link::Static, "addresses", &["sockcore-none0"])
        .assert_success()
        .assert_stdout_has(
            "sc_addr_parse(\"[fe80::1%sockcore-none0]:80\") = -ENODEV: No such device",
        );
}
