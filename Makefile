# Builds and installs sockcore's C library: libsockcore.a, libsockcore.so
# with a versioned soname and symbol versions, include/sockcore.h and a
# pkg-config file.
#
#   make                      build the release libraries
#   make install   [PREFIX=/usr/local] [DESTDIR=] [LIBDIR=] [INCLUDEDIR=] [PKGCONFIGDIR=]
#   make uninstall [the same variables as for install]
#
# A Makefile rather than cargo-c: the steps are few (cargo build, one link,
# copies), and cargo-c is another tool every packager and CI machine would
# have to fetch and compile, while make and a C compiler are already needed
# for the C examples.
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
RELEASE := $(CARGO_TARGET_DIR)/release
# The versioned shared library and its version script, as installed.
STAGE := $(CARGO_TARGET_DIR)/sockcore-c

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
SHARED_LDFLAGS := -shared -Wl,-soname,$(SONAME) -Wl,--version-script,$(MAP) \
	-Wl,--gc-sections -Wl,--as-needed -Wl,-O1 -Wl,--strip-debug \
	-Wl,-z,relro,-z,now -Wl,-z,noexecstack

.PHONY: all install uninstall libsockcore
all: $(SHARED)

# Cargo decides whether the archive is fresh; make only sees a new file.
# The whole workspace, as c-examples/Makefile builds it: cargo unifies
# features across what it builds, so the ffi crate alone could differ.
$(STATIC): libsockcore ;
libsockcore:
	$(CARGO) build --release --manifest-path $(ROOT)/Cargo.toml

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
		'$(ROOT)/ffi/sockcore.pc.in' > '$(DESTDIR)$(PKGCONFIGDIR)/sockcore.pc'
	chmod 644 '$(DESTDIR)$(PKGCONFIGDIR)/sockcore.pc'

uninstall:
	rm -f '$(DESTDIR)$(LIBDIR)/libsockcore.a' '$(DESTDIR)$(LIBDIR)/$(REALNAME)' \
		'$(DESTDIR)$(LIBDIR)/$(SONAME)' '$(DESTDIR)$(LIBDIR)/libsockcore.so' \
		'$(DESTDIR)$(INCLUDEDIR)/sockcore.h' '$(DESTDIR)$(PKGCONFIGDIR)/sockcore.pc'
