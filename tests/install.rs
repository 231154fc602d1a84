//! `make install` from the root Makefile into a temporary prefix: the files
//! and links it lays out, the soname and symbol versions of the shared
//! library, and the TCP example pair built with `pkg-config` against the
//! installed library, shared and `--static`, running over loopback. And
//! the base library (`make install FEATURES=`), whose `sockcore.pc` makes
//! a call to a part it lacks a compile error.

use std::collections::BTreeSet;
use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, OnceLock};

use sockcore_e2e::{
    base_lib_dir, c_build, c_compiler, run_to_success, workspace_version, CBuild, Process, Version,
    BASE_BUILD_DEFINES, C_FLAGS,
};

fn build() -> &'static CBuild {
    c_build(env!("CARGO_TARGET_TMPDIR"))
}

fn version() -> Version {
    workspace_version(build().root())
}

fn tmp(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(name)
}

/// Runs `command` and returns its output, failing the test unless it
/// succeeds. LD_LIBRARY_PATH, which cargo test points at its own build,
/// is removed so that programs find libraries as they would installed.
fn run(command: &mut Command) -> Output {
    command.env_remove("LD_LIBRARY_PATH");
    let what = format!("{command:?}");
    run_to_success(command, &what)
}

fn stdout(command: &mut Command) -> String {
    String::from_utf8_lossy(&run(command).stdout).into_owned()
}

/// `make -C <root> <args>`, sharing the release build of the C examples'
/// target directory. One at a time: every run writes the same staged
/// shared library.
fn make(args: &[&str]) {
    make_in(build().lib_dir(), args);
}

/// `make -C <root> <args>` with the target directory that holds the
/// release libraries in `lib_dir`.
fn make_in(lib_dir: &Path, args: &[&str]) {
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let target_dir = lib_dir.parent().expect("release/ has a parent");
    let cargo = env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    let mut make = Command::new("make");
    make.arg("-C")
        .arg(build().root())
        .args(args)
        .arg(format!("CARGO_TARGET_DIR={}", target_dir.display()))
        .arg(format!("CARGO={}", Path::new(&cargo).display()));
    run(&mut make);
}

/// The prefix of one `make install`, made on first use.
fn prefix() -> &'static Path {
    static PREFIX: OnceLock<PathBuf> = OnceLock::new();
    PREFIX.get_or_init(|| {
        let prefix = tmp("install-prefix");
        // A previous run's files would hide a file this run fails to install.
        let _ = fs::remove_dir_all(&prefix);
        make(&["install", &format!("PREFIX={}", prefix.display())]);
        prefix
    })
}

/// `pkg-config <args> sockcore` against the installed prefix, split into
/// arguments.
fn pkg_config(args: &[&str]) -> Vec<String> {
    let mut pkg_config = Command::new("pkg-config");
    pkg_config
        .args(args)
        .arg("sockcore")
        .env("PKG_CONFIG_PATH", prefix().join("lib/pkgconfig"));
    stdout(&mut pkg_config)
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// Dynamic symbols a shared library defines, as `nm -D --defined-only`
/// prints them: (type, name with any @@version).
fn defined_dynamic_symbols(library: &Path) -> Vec<(String, String)> {
    stdout(
        Command::new("nm")
            .args(["-D", "--defined-only"])
            .arg(library),
    )
    .lines()
    .filter_map(|line| {
        let mut fields = line.split_whitespace().skip(1);
        Some((fields.next()?.to_owned(), fields.next()?.to_owned()))
    })
    .collect()
}

#[test]
fn install_lays_out_libraries_links_header_and_pkg_config_file() {
    let version = version();
    let lib = prefix().join("lib");
    let real_name = format!("libsockcore.so.{}", version.numeric());
    let soname = format!("libsockcore.so.{}", version.soversion());
    assert!(lib.join("libsockcore.a").is_file(), "no libsockcore.a");
    assert!(lib.join(&real_name).is_file(), "no {real_name}");
    assert_eq!(
        fs::read_link(lib.join(&soname)).expect("the soname is a link"),
        Path::new(&real_name)
    );
    assert_eq!(
        fs::read_link(lib.join("libsockcore.so")).expect("libsockcore.so is a link"),
        Path::new(&soname)
    );
    assert_eq!(
        fs::read(prefix().join("include/sockcore.h")).expect("the header is installed"),
        fs::read(build().root().join("include/sockcore.h")).expect("the committed header")
    );
    assert_eq!(pkg_config(&["--modversion"]), [version.text.as_str()]);
    assert_eq!(
        pkg_config(&["--variable=prefix"]),
        [prefix().display().to_string()]
    );
    assert_eq!(
        pkg_config(&["--cflags", "--libs"]),
        [
            format!("-I{}/include", prefix().display()),
            format!("-L{}", lib.display()),
            "-lsockcore".to_owned()
        ]
    );
}

#[test]
fn shared_library_has_the_soname_and_versions_exactly_the_sc_functions() {
    let version = version();
    let library = prefix()
        .join("lib")
        .join(format!("libsockcore.so.{}", version.numeric()));
    let dynamic = stdout(Command::new("readelf").arg("-d").arg(&library));
    let tagged = |tag: &str| -> Vec<&str> {
        dynamic
            .lines()
            .filter(|line| line.contains(tag))
            .filter_map(|line| line.split(['[', ']']).nth(1))
            .collect()
    };
    assert_eq!(
        tagged("(SONAME)"),
        [format!("libsockcore.so.{}", version.soversion())]
    );
    assert_eq!(tagged("(NEEDED)"), ["libc.so.6"], "{dynamic}");

    // GNU ld also defines the version node itself as an absolute symbol.
    let node = format!("SOCKCORE_{}", version.soversion());
    let mut functions = BTreeSet::new();
    for (kind, symbol) in defined_dynamic_symbols(&library) {
        if kind == "A" && symbol == node {
            continue;
        }
        let (name, symbol_version) = symbol
            .split_once("@@")
            .unwrap_or_else(|| panic!("{symbol} has no default version"));
        assert_eq!(symbol_version, node, "{symbol} has the wrong version");
        assert!(name.starts_with("sc_"), "{symbol} is exported");
        assert_eq!(kind, "T", "{symbol} is not a function");
        functions.insert(name.to_owned());
    }
    // tests/library.rs checks that cargo's library exports exactly the
    // header's functions.
    let cargo_built: BTreeSet<String> =
        defined_dynamic_symbols(&build().lib_dir().join("libsockcore.so"))
            .into_iter()
            .map(|(_, name)| name)
            .collect();
    assert_eq!(functions, cargo_built);
}

/// The TCP example pair, built with `cc_args` and the flags pkg-config
/// gives for `pkg_config_args`, into `dir`.
fn build_examples(dir: &str, cc_args: &[String], pkg_config_args: &[&str]) -> [PathBuf; 2] {
    let out = tmp(dir);
    fs::create_dir_all(&out).expect("the tmp dir is writable");
    let flags = pkg_config(pkg_config_args);
    ["tcp_server", "tcp_client"].map(|name| {
        let program = out.join(name);
        let mut cc = c_compiler();
        cc.args(C_FLAGS)
            .args(cc_args)
            .arg("-o")
            .arg(&program)
            .arg(build().root().join("c-examples").join(format!("{name}.c")))
            .args(&flags);
        run(&mut cc);
        program
    })
}

/// tcp_server for one client and tcp_client with a message: the echo
/// arrives intact.
fn echo_over_loopback([server, client]: &[PathBuf; 2], message: &str) {
    let mut server = Process::spawn(Command::new(server).args(["127.0.0.1:0", "1"]));
    let address = server.wait_for_line("listening on ");
    Process::spawn(Command::new(client).args([&address, message]))
        .finish()
        .assert_success()
        .assert_stdout_has(&format!("= {}: \"{message}\"", message.len()));
    server
        .finish()
        .assert_success()
        .assert_stdout_has("server: served 1 clients");
}

#[test]
fn pkg_config_builds_programs_that_load_the_installed_shared_library() {
    let libdir = pkg_config(&["--variable=libdir"]).concat();
    let programs = build_examples(
        "installed-shared",
        &[format!("-Wl,-rpath,{libdir}")],
        &["--cflags", "--libs"],
    );
    let soname = format!("libsockcore.so.{}", version().soversion());
    for program in &programs {
        let ldd = stdout(Command::new("ldd").arg(program));
        let expected = format!("{soname} => {libdir}/{soname} ");
        assert!(
            ldd.lines().any(|line| line.trim().starts_with(&expected)),
            "{} does not load {soname} from {libdir}:\n{ldd}",
            program.display()
        );
    }
    echo_over_loopback(&programs, "through the installed libsockcore.so");
}

#[test]
fn pkg_config_static_builds_programs_that_need_no_shared_library() {
    let programs = build_examples(
        "installed-static",
        &["-static".to_owned()],
        &["--static", "--cflags", "--libs"],
    );
    for program in &programs {
        let dynamic = stdout(Command::new("readelf").arg("-d").arg(program));
        assert!(
            dynamic.contains("There is no dynamic section"),
            "{} is not statically linked:\n{dynamic}",
            program.display()
        );
    }
    echo_over_loopback(&programs, "through the installed libsockcore.a");
}

/// Every file and link under `dir`, relative to it.
fn files_under(dir: &Path) -> BTreeSet<PathBuf> {
    let mut files = BTreeSet::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(next) = pending.pop() {
        for entry in fs::read_dir(&next).expect("a readable directory") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() && !path.is_symlink() {
                pending.push(path);
            } else {
                files.insert(path.strip_prefix(dir).expect("under dir").to_owned());
            }
        }
    }
    files
}

#[test]
fn destdir_stages_the_install_and_uninstall_removes_every_file() {
    let version = version();
    let stage = tmp("install-destdir");
    let _ = fs::remove_dir_all(&stage);
    let destdir = format!("DESTDIR={}", stage.display());
    let prefix = "PREFIX=/opt/sockcore";
    make(&["install", &destdir, prefix]);

    let installed = stage.join("opt/sockcore");
    let expected: BTreeSet<PathBuf> = [
        "include/sockcore.h".to_owned(),
        "lib/libsockcore.a".to_owned(),
        "lib/libsockcore.so".to_owned(),
        format!("lib/libsockcore.so.{}", version.soversion()),
        format!("lib/libsockcore.so.{}", version.numeric()),
        "lib/pkgconfig/sockcore.pc".to_owned(),
    ]
    .into_iter()
    .map(PathBuf::from)
    .collect();
    assert_eq!(
        files_under(&stage),
        expected
            .iter()
            .map(|f| Path::new("opt/sockcore").join(f))
            .collect()
    );
    let pc = fs::read_to_string(installed.join("lib/pkgconfig/sockcore.pc")).expect("the .pc");
    assert!(
        pc.lines().any(|line| line == "prefix=/opt/sockcore"),
        "the .pc names the final prefix, not DESTDIR:\n{pc}"
    );
    assert!(
        pc.lines()
            .any(|line| line == format!("Version: {}", version.text)),
        "{pc}"
    );

    make(&["uninstall", &destdir, prefix]);
    assert_eq!(files_under(&stage), BTreeSet::new());
}

/// A program that calls `call`, with `defines` before the header, compiled
/// with the C examples' flags against the installed `prefix`: the
/// compiler's errors, or `None` when it compiled and linked (statically,
/// against the installed archive).
fn compile_calling(prefix: &Path, name: &str, call: &str, cflags: &[String]) -> Option<String> {
    let dir = tmp("installed-base-programs");
    fs::create_dir_all(&dir).expect("the tmp dir is writable");
    let source = dir.join(format!("{name}.c"));
    fs::write(
        &source,
        format!("#include <sockcore.h>\n\nint main(void)\n{{\n    return {call} < 0;\n}}\n"),
    )
    .expect("write the program");
    let mut cc = c_compiler();
    cc.args(C_FLAGS)
        .args(cflags)
        .arg("-o")
        .arg(dir.join(name))
        .arg(&source)
        .arg(prefix.join("lib/libsockcore.a"))
        .env_remove("LD_LIBRARY_PATH");
    let output = cc.output().expect("run the C compiler");
    (!output.status.success()).then(|| String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn base_install_hides_the_parts_it_lacks_from_the_compiler() {
    let prefix = tmp("install-base");
    let _ = fs::remove_dir_all(&prefix);
    make_in(
        base_lib_dir(env!("CARGO_TARGET_TMPDIR")),
        &[
            "install",
            "FEATURES=",
            &format!("PREFIX={}", prefix.display()),
        ],
    );
    let pc = fs::read_to_string(prefix.join("lib/pkgconfig/sockcore.pc")).expect("the .pc");
    let cflags_line = pc
        .lines()
        .find_map(|line| line.strip_prefix("Cflags: "))
        .unwrap_or_else(|| panic!("no Cflags in the .pc:\n{pc}"));
    let mut expected = vec!["-I${includedir}".to_owned()];
    expected.extend(BASE_BUILD_DEFINES.iter().map(|d| d.to_string()));
    assert_eq!(
        cflags_line.split_whitespace().collect::<Vec<_>>(),
        expected,
        "{pc}"
    );

    // What pkg-config gives a program built against this prefix.
    let mut pkg_config = Command::new("pkg-config");
    pkg_config
        .args(["--cflags", "sockcore"])
        .env("PKG_CONFIG_PATH", prefix.join("lib/pkgconfig"));
    let cflags: Vec<String> = stdout(&mut pkg_config)
        .split_whitespace()
        .map(str::to_owned)
        .collect();

    // A call the base library has compiles and links; one it lacks is a
    // compile error, not an implicit declaration left for the linker.
    let base = compile_calling(&prefix, "calls_base", "sc_close(-1)", &cflags);
    assert_eq!(base, None, "a base call does not build");
    let missing = compile_calling(&prefix, "calls_options", "sc_set_nodelay(-1, 1)", &cflags)
        .expect("a call to a left-out part compiles");
    assert!(
        missing.contains("sc_set_nodelay"),
        "the error does not name the missing call:\n{missing}"
    );
    // And the library really lacks it: without the defines, the same
    // program compiles and fails to link.
    let unguarded = compile_calling(
        &prefix,
        "calls_options_unguarded",
        "sc_set_nodelay(-1, 1)",
        &[format!("-I{}", prefix.join("include").display())],
    )
    .expect("the base archive has no sc_set_nodelay");
    assert!(
        unguarded.contains("undefined reference to `sc_set_nodelay'"),
        "{unguarded}"
    );
}
