//! The shape of the built library: the shared object needs only libc and
//! exports exactly the header's functions, the static library defines them
//! all, and the error texts are the core's, NUL-terminated.

use std::collections::BTreeSet;
use std::ffi::{c_char, c_int, CStr, CString};
use std::fs;
use std::path::Path;
use std::process::Command;

use sockcore::Errno;
use sockcore_e2e::{c_build, CBuild};

fn build() -> &'static CBuild {
    c_build(env!("CARGO_TARGET_TMPDIR"))
}

fn stdout_of(program: &str, args: &[&str], file: &Path) -> String {
    let output = Command::new(program)
        .args(args)
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    assert!(
        output.status.success(),
        "{program} {file:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The functions include/sockcore.h declares.
fn header_functions() -> BTreeSet<String> {
    let header = fs::read_to_string(build().root().join("include/sockcore.h")).expect("the header");
    header
        .lines()
        .filter(|line| !line.starts_with([' ', '/', '#']) && line.contains('('))
        .filter_map(|line| {
            let name = line[..line.find('(')?].rsplit([' ', '*']).next()?;
            name.starts_with("sc_").then(|| name.to_owned())
        })
        .collect()
}

#[test]
fn the_header_declares_the_server_client_flow() {
    let declared = header_functions();
    let flow = [
        "sc_addr_parse",
        "sc_addr_format",
        "sc_socket",
        "sc_bind",
        "sc_listen",
        "sc_accept",
        "sc_connect",
        "sc_read",
        "sc_write",
        "sc_write_all",
        "sc_read_exact",
        "sc_shutdown",
        "sc_close",
        "sc_listen_on",
        "sc_dial",
        "sc_strerror",
        "sc_errname",
    ];
    for name in flow {
        assert!(declared.contains(name), "{name} is missing from the header");
    }
}

#[test]
fn shared_library_needs_only_libc() {
    let ldd = stdout_of("ldd", &[], &build().lib_dir().join("libsockcore.so"));
    assert!(
        ldd.lines().any(|line| line.trim().starts_with("libc.so")),
        "libsockcore.so does not name libc.so as a dependency:\n{ldd}"
    );
    for line in ldd.lines().map(str::trim).filter(|line| !line.is_empty()) {
        assert!(
            line.starts_with("linux-vdso.so")
                || line.starts_with("libc.so")
                || line.contains("ld-linux"),
            "libsockcore.so needs more than libc: {line}\n{ldd}"
        );
    }
}

#[test]
fn shared_library_exports_exactly_the_header_functions() {
    let nm = stdout_of(
        "nm",
        &["-D", "--defined-only"],
        &build().lib_dir().join("libsockcore.so"),
    );
    let exported: BTreeSet<String> = nm
        .lines()
        .filter_map(|line| line.split_whitespace().nth(2))
        .map(str::to_owned)
        .collect();
    assert_eq!(exported, header_functions());
}

#[test]
fn static_library_defines_every_header_function() {
    let nm = stdout_of(
        "nm",
        &["-g", "--defined-only"],
        &build().lib_dir().join("libsockcore.a"),
    );
    let defined: BTreeSet<&str> = nm
        .lines()
        .filter_map(|line| line.split_whitespace().nth(2))
        .collect();
    for name in header_functions() {
        assert!(
            defined.contains(name.as_str()),
            "libsockcore.a lacks {name}"
        );
    }
}

type ErrText = unsafe extern "C" fn(c_int) -> *const c_char;

/// A function of the shared library, found with dlsym.
fn lookup(library: *mut libc::c_void, name: &str) -> ErrText {
    let symbol = CString::new(name).expect("no NUL");
    // SAFETY: library is a handle dlopen returned; symbol is NUL-terminated.
    let address = unsafe { libc::dlsym(library, symbol.as_ptr()) };
    assert!(!address.is_null(), "libsockcore.so has no {name}");
    // SAFETY: the header declares the function as `const char *(int)`.
    unsafe { std::mem::transmute::<*mut libc::c_void, ErrText>(address) }
}

#[test]
fn error_texts_are_the_cores_for_either_sign() {
    let path = CString::new(
        build()
            .lib_dir()
            .join("libsockcore.so")
            .into_os_string()
            .into_encoded_bytes(),
    )
    .expect("no NUL");
    // SAFETY: path is NUL-terminated; the library has no initialisers.
    let library = unsafe { libc::dlopen(path.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
    assert!(!library.is_null(), "dlopen libsockcore.so failed");
    let (errname, strerror) = (
        lookup(library, "sc_errname"),
        lookup(library, "sc_strerror"),
    );
    let codes = (-300..=300).chain([i32::MIN, i32::MIN + 1, i32::MAX, 4095, 4096, -4096]);
    for code in codes {
        let errno = Errno::from_raw(code);
        // SAFETY: both functions take any int and return a static C string.
        let (name, message) = unsafe {
            (
                CStr::from_ptr(errname(code)),
                CStr::from_ptr(strerror(code)),
            )
        };
        assert_eq!(name.to_str(), Ok(errno.name()), "sc_errname({code})");
        assert_eq!(message.to_str(), Ok(errno.message()), "sc_strerror({code})");
    }
    // SAFETY: nothing from the library is used after this.
    assert_eq!(unsafe { libc::dlclose(library) }, 0);
}
