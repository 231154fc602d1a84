# Builds and installs sockcore's C library: libsockcore.a, libsockcore.so
# with a versioned soname and symbol versions, include/sockcore.h and a
# pkg-config file.
#
#   make                      build the release libraries
#   make install   [PREFIX=/usr/local] [DESTDIR=] [LIBDIR=] [INCLUDEDIR=] [PKGCONFIGDIR=]
#   make uninstall [the same variables as for install]
#   make header               regenerate the committed include/sockcore.h (needs cbindgen)
#
# For another target, or a smaller library (see the README):
#
#   make TARGET=aarch64-unknown-linux-musl CC=aarch64-linux-gnu-gcc
#   make FEATURES=            the base library: no optional parts
#   make FEATURES=options     only the named optional parts
#
# TARGET is a Rust target triple (rustup target add it first); CC is that
# target's C compiler, which also links for cargo. FEATURES lists the
# optional parts of sockcore-ffi to build (default: its default features);
# the installed sockcore.pc then defines SOCKCORE_NO_<PART> for each part
# left out, so a program that calls a missing function fails to compile.
#
# A Makefile rather than cargo-c: the steps are few (cargo build, one link,
# copies), and cargo-c is another tool every packager and CI machine would
# have to fetch and compile, while make and a C compiler are already needed
# for the C examples.
#
# Nothing here builds cbindgen: the header is committed, and only `make
# header` (or a test, tests/header.rs, that fails when it is stale)
# generates it again.
#
# libsockcore.so is linked here from libsockcore.a instead of being taken
# from cargo: rustc gives the linker its own version script naming every
# exported function, which takes precedence over a second script, so a cdylib
# cannot carry symbol versions (GNU ld refuses the pair outright). Cargo's
# own target/release/libsockcore.so stays unversioned, without a soname, for
# in-tree use: with one, the C examples linked to it by rpath would look for
# a libsockcore.so.0.1 that only `make install` creates.
#
# Soname policy: the soname carries the part of the version that Cargo's
# semver rules treat as breaking -- MAJOR from 1.0 on, 0.MINOR before it
# (0.0.PATCH for 0.0.x) -- so a program built against 0.1.z never loads 0.2,
# whose ABI may differ. Version 0.1.0 installs libsockcore.so.0.1.0, the
# soname link libsockcore.so.0.1 and the development link libsockcore.so,
# and its sc_ functions carry the symbol version SOCKCORE_0.1.

ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
CARGO ?= cargo
CARGO_TARGET_DIR ?= $(ROOT)/target
export CARGO_TARGET_DIR := $(abspath $(CARGO_TARGET_DIR))

# The Rust target triple; empty for the build machine.
TARGET ?=
RELEASE := $(CARGO_TARGET_DIR)/$(if $(TARGET),$(TARGET)/)release
# Cargo links for TARGET with its C compiler, unless told otherwise.
ifneq ($(TARGET),)
LINKER_VAR := CARGO_TARGET_$(shell echo '$(TARGET)' | tr 'a-z.-' 'A-Z__')_LINKER
export $(LINKER_VAR) ?= $(CC)
endif

# The optional parts: sockcore-ffi's default features, read from its
# Cargo.toml ([features] default = [...]); FEATURES picks among them.
OPTIONAL := $(shell sed -n 's/^default *= *\[\(.*\)\]/\1/p' $(ROOT)/ffi/Cargo.toml | tr -d '",')
FEATURES ?= $(OPTIONAL)
LEFT_OUT := $(filter-out $(FEATURES),$(OPTIONAL))
# What the header needs to hide the parts left out, for sockcore.pc.
DEFINES := $(foreach part,$(LEFT_OUT),-DSOCKCORE_NO_$(shell echo '$(part)' | tr 'a-z-' 'A-Z_'))
# Cargo's flags for any other set than the default one.
CARGO_FEATURES := $(if $(LEFT_OUT)$(filter-out $(OPTIONAL),$(FEATURES)),--no-default-features \
	$(if $(strip $(FEATURES)),--features '$(strip $(FEATURES))'))

# The versioned shared library and its version script, as installed, one
# directory per target and set of parts.
empty :=
space := $(empty) $(empty)
BUILD_NAME := $(or $(TARGET),host)/$(or $(subst $(space),+,$(strip $(FEATURES))),base)
STAGE := $(CARGO_TARGET_DIR)/sockcore-c/$(BUILD_NAME)

PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig

# The workspace version, [workspace.package] in Cargo.toml.
VERSION := $(shell sed -n '/^\[workspace\.package\]/,/^\[/s/^version *= *"\([^"]*\)".*/\1/p' $(ROOT)/Cargo.toml)
ifeq ($(VERSION),)
$(error no version in the [workspace.package] section of $(ROOT)/Cargo.toml)
endif
# MAJOR.MINOR.PATCH without a pre-release or build suffix.
NUMERIC := $(firstword $(subst -, ,$(subst +, ,$(VERSION))))
MAJOR := $(word 1,$(subst ., ,$(NUMERIC)))
MINOR := $(word 2,$(subst ., ,$(NUMERIC)))
PATCH := $(word 3,$(subst ., ,$(NUMERIC)))
SOVERSION := $(if $(filter-out 0,$(MAJOR)),$(MAJOR),$(if $(filter-out 0,$(MINOR)),0.$(MINOR),0.0.$(PATCH)))

SONAME := libsockcore.so.$(SOVERSION)
REALNAME := libsockcore.so.$(NUMERIC)
SHARED := $(STAGE)/$(REALNAME)
STATIC := $(RELEASE)/libsockcore.a
MAP := $(STAGE)/sockcore.map
# Directories under the prefix are written relative to ${prefix} in the
# pkg-config file, which `pkg-config --define-prefix` can then relocate.
PC_LIBDIR := $(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))
PC_INCLUDEDIR := $(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))

# What `cc -shared` needs beyond the archive: the flags rustc uses for a
# cdylib (unused sections dropped, read-only relocations, no debug info).
#
# -z noseparate-code: GNU ld's default on x86_64 (-z separate-code) starts
# and ends the code on its own pages, padding the file to page boundaries:
# one or two 4 KiB pages more for the same sections on x86_64 (on aarch64
# the pages are 64 KiB). Without it the read-only data
# and headers share the code's executable mapping, as every library linked
# before binutils 2.31 did; lld, which links rustc's own cdylib, also lets
# the first and last code pages share file pages with data.
#
# On musl, no C library is named: musl's libc.so is its dynamic loader,
# present in every dynamically linked process, and a build machine's
# compiler for another musl target may be a glibc one (aarch64-linux-gnu-gcc
# here), whose -lc would make the library need glibc's libc.so.6.
SHARED_LDFLAGS := -shared -Wl,-soname,$(SONAME) -Wl,--version-script,$(MAP) \
	-Wl,--gc-sections -Wl,--as-needed -Wl,-O1 -Wl,--strip-debug \
	-Wl,-z,relro,-z,now -Wl,-z,noexecstack -Wl,-z,noseparate-code \
	$(if $(findstring -musl,$(TARGET)),-nostdlib)

.PHONY: all install uninstall libsockcore header
all: $(SHARED)

# Cargo decides whether the archive is fresh; make only sees a new file.
# Only the ffi crate (and the core under it), not the whole workspace,
# whose root package has a build script that compiles cbindgen. Building
# it alone changes no features (`cargo tree -e features`): the root package
# asks nothing more of libc or sockcore, and cbindgen, a build dependency,
# is resolved apart from them.
$(STATIC): libsockcore ;
libsockcore:
	$(CARGO) build --release --manifest-path $(ROOT)/Cargo.toml -p sockcore-ffi \
		$(if $(TARGET),--target $(TARGET)) $(CARGO_FEATURES)

# The committed header, generated again from ffi/src by the root package's
# build script (which compiles cbindgen).
header:
	SOCKCORE_UPDATE_HEADER=1 $(CARGO) build --manifest-path $(ROOT)/Cargo.toml -p sockcore-e2e

# Every sc_ function in one version node named after the soname; the rest
# (compiler builtins, Rust internals) stays local.
$(MAP): $(ROOT)/Cargo.toml
	@mkdir -p $(@D)
	printf 'SOCKCORE_%s {\n  global: sc_*;\n  local: *;\n};\n' '$(SOVERSION)' > $@

$(SHARED): $(STATIC) $(MAP)
	$(CC) -o $@ -Wl,--whole-archive $(STATIC) -Wl,--no-whole-archive $(SHARED_LDFLAGS) $(LDFLAGS)

# The soname link is skipped when it would name the file itself (0.0.x).
install: all
	install -d '$(DESTDIR)$(LIBDIR)' '$(DESTDIR)$(INCLUDEDIR)' '$(DESTDIR)$(PKGCONFIGDIR)'
	install -m 644 '$(STATIC)' '$(DESTDIR)$(LIBDIR)/libsockcore.a'
	install -m 755 '$(SHARED)' '$(DESTDIR)$(LIBDIR)/$(REALNAME)'
	$(if $(filter $(SONAME),$(REALNAME)),,ln -sf '$(REALNAME)' '$(DESTDIR)$(LIBDIR)/$(SONAME)')
	ln -sf '$(SONAME)' '$(DESTDIR)$(LIBDIR)/libsockcore.so'
	install -m 644 '$(ROOT)/include/sockcore.h' '$(DESTDIR)$(INCLUDEDIR)/sockcore.h'
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(PC_LIBDIR)|' \
		-e 's|@INCLUDEDIR@|$(PC_INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
		-e 's|@DEFINES@|$(if $(DEFINES), $(DEFINES))|' \
		'$(ROOT)/ffi/sockcore.pc.in' > '$(DESTDIR)$(PKGCONFIGDIR)/sockcore.pc'
	chmod 644 '$(DESTDIR)$(PKGCONFIGDIR)/sockcore.pc'

uninstall:
	rm -f '$(DESTDIR)$(LIBDIR)/libsockcore.a' '$(DESTDIR)$(LIBDIR)/$(REALNAME)' \
		'$(DESTDIR)$(LIBDIR)/$(SONAME)' '$(DESTDIR)$(LIBDIR)/libsockcore.so' \
		'$(DESTDIR)$(INCLUDEDIR)/sockcore.h' '$(DESTDIR)$(PKGCONFIGDIR)/sockcore.pc'
