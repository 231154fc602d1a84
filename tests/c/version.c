/*
 * version.c: built by tests/version.rs with the version Cargo.toml
 * names passed as EXPECT_MAJOR, EXPECT_MINOR, EXPECT_PATCH and
 * EXPECT_VERSION. The header's macros must equal them when the program is
 * compiled (in #if, as C programs use them), and sc_version() must equal
 * SOCKCORE_VERSION when it runs.
 */
#include <stdio.h>
#include <string.h>

#include "sockcore.h"

#if SOCKCORE_VERSION_MAJOR != EXPECT_MAJOR
#error "SOCKCORE_VERSION_MAJOR differs from Cargo.toml"
#endif
#if SOCKCORE_VERSION_MINOR != EXPECT_MINOR
#error "SOCKCORE_VERSION_MINOR differs from Cargo.toml"
#endif
#if SOCKCORE_VERSION_PATCH != EXPECT_PATCH
#error "SOCKCORE_VERSION_PATCH differs from Cargo.toml"
#endif

int main(void)
{
    const char *loaded = sc_version();

    printf("header %s, library %s\n", SOCKCORE_VERSION, loaded);
    if (strcmp(SOCKCORE_VERSION, EXPECT_VERSION) != 0) {
        fprintf(stderr, "SOCKCORE_VERSION is %s; Cargo.toml says %s\n", SOCKCORE_VERSION,
                EXPECT_VERSION);
        return 1;
    }
    if (strcmp(loaded, SOCKCORE_VERSION) != 0) {
        fprintf(stderr, "sc_version() is %s; the header says %s\n", loaded, SOCKCORE_VERSION);
        return 1;
    }
    return 0;
}
