//! The base library (`--no-default-features`, for small systems) against
//! the header: it exports exactly the functions the header declares
//! outside the `#if defined(SOCKCORE_HAVE_<PART>)` blocks of the optional
//! parts. (tests/library.rs checks the full library against every
//! declaration; tests/size.rs builds and runs a C program on the base one.)

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;

use sockcore_e2e::base_lib_dir;

/// The functions the header declares, split into those of the base build
/// and those inside an optional part's block.
struct Declared {
    base: BTreeSet<String>,
    optional: BTreeSet<String>,
}

/// Reads include/sockcore.h, following `#if`/`#endif` nesting.
fn declared_functions() -> Declared {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("include/sockcore.h");
    let header = fs::read_to_string(path).expect("include/sockcore.h exists");
    let mut declared = Declared {
        base: BTreeSet::new(),
        optional: BTreeSet::new(),
    };
    // For each open conditional: whether it is an optional part's.
    let mut open: Vec<bool> = Vec::new();
    for line in header.lines() {
        if line.starts_with("#if") {
            open.push(line.starts_with("#if defined(SOCKCORE_HAVE_"));
        } else if line.starts_with("#endif") {
            open.pop().expect("an #endif closes an #if");
        } else if let Some(name) = declared_function(line) {
            let set = if open.contains(&true) {
                &mut declared.optional
            } else {
                &mut declared.base
            };
            set.insert(name.to_owned());
        }
    }
    assert!(open.is_empty(), "unbalanced #if in the header");
    declared
}

/// The name of the `sc_` function a header line starts to declare.
fn declared_function(line: &str) -> Option<&str> {
    if line.starts_with([' ', '/', '#', '*']) {
        return None;
    }
    let name = line[..line.find('(')?].rsplit([' ', '*']).next()?;
    name.starts_with("sc_").then_some(name)
}

fn exported_by_base_library() -> BTreeSet<String> {
    let so = base_lib_dir(env!("CARGO_TARGET_TMPDIR")).join("libsockcore.so");
    let output = Command::new("nm")
        .args(["-D", "--defined-only"])
        .arg(&so)
        .output()
        .expect("nm runs");
    assert!(output.status.success(), "nm {}", so.display());
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().nth(2))
        .map(str::to_owned)
        .collect()
}

#[test]
fn header_guards_split_the_functions_as_the_features_do() {
    let declared = declared_functions();
    // The parser must see both sides, or the comparison below says little.
    for name in [
        "sc_sendmsg",
        "sc_recv_fds",
        "sc_peer_credentials",
        "sc_set_nodelay",
        "sc_send_segments",
        "sc_set_udp_gro",
    ] {
        assert!(declared.optional.contains(name), "{name} is not optional");
    }
    for name in [
        "sc_listen_on",
        "sc_read",
        "sc_poll",
        "sc_read_timeout",
        "sc_getsockopt",
    ] {
        assert!(declared.base.contains(name), "{name} is not in the base");
    }
    assert_eq!(exported_by_base_library(), declared.base);
}
