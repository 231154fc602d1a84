//! Every C example and C test program, built with given compiler flags and
//! run under a [`Tool`]: tests/sanitizers.rs runs them built with ASan and
//! UBSan, tests/valgrind.rs under memcheck. One list, so that a program
//! added here is checked by both.
//!
//! The examples run as their tests run them (a server, then its clients);
//! the case tables must end with "N passed, 0 failed".

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use sockcore_e2e::{
    c_build, inherit_only_stdio, path_arg, run_to_success, unique_name, workspace_version, CBuild,
    Finished, Link, Process, TempDir,
};

/// The C test programs that print a case table (tests/c/`name`.c).
pub const TABLES: [&str; 11] = [
    "addr_table",
    "bad_input",
    "cmsg_typed",
    "faults",
    "msg_fds",
    "msg_batch",
    "msg_options",
    "msg_readiness",
    "server",
    "udp_offload",
    "zerocopy",
];

/// How a program runs, and what a clean run looks like.
pub trait Tool {
    /// A command that runs `program` under the tool.
    fn wrap(&self, program: &Path) -> Command;
    /// Fails the test unless the tool found nothing.
    fn assert_clean(&self, finished: &Finished);
}

/// A command for `program` under `tool`, holding no descriptor beyond
/// standard input, output and error: those the test process inherited
/// itself (from cargo, say) would show in memcheck's descriptor report.
fn command(tool: &dyn Tool, program: &Path) -> Command {
    let mut command = tool.wrap(program);
    inherit_only_stdio(&mut command);
    command
}

/// The examples and test programs, built with one set of flags.
pub struct Built {
    examples: PathBuf,
    programs: PathBuf,
    cflags: Vec<String>,
}

fn base() -> &'static CBuild {
    c_build(env!("CARGO_TARGET_TMPDIR"))
}

impl Built {
    /// Builds the examples (through c-examples/Makefile) and every test
    /// program with `cflags`, under `CARGO_TARGET_TMPDIR/<name>`.
    pub fn new(name: &str, cflags: &[&str]) -> Built {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        let built = Built {
            examples: dir.join("examples"),
            programs: dir.join("programs"),
            cflags: cflags.iter().map(|flag| flag.to_string()).collect(),
        };
        fs::create_dir_all(&built.programs).expect("the tmp dir is writable");
        run_to_success(
            base()
                .make_goal("all")
                .arg(path_arg("BUILD=", &built.examples))
                .arg(format!("CFLAGS={}", cflags.join(" "))),
            &format!("building the C examples ({name})"),
        );
        for table in TABLES {
            built.compile("cc", &["-std=c99"], &format!("{table}.c"), table, &[]);
        }
        built.compile("c++", &["-std=c++11"], "cxx.cpp", "cxx", &[]);
        let version = workspace_version(base().root());
        built.compile(
            "cc",
            &["-std=c99"],
            "version.c",
            "version",
            &[
                format!("-DEXPECT_MAJOR={}", version.major),
                format!("-DEXPECT_MINOR={}", version.minor),
                format!("-DEXPECT_PATCH={}", version.patch),
                format!("-DEXPECT_VERSION=\"{}\"", version.text),
            ],
        );
        built
    }

    /// tests/c/`source` compiled by `compiler` (`$CC`/`$CXX` when set) with
    /// the tests' warnings and this build's flags, linked against
    /// libsockcore.a, as `name`.
    fn compile(
        &self,
        compiler: &str,
        standard: &[&str],
        source: &str,
        name: &str,
        defines: &[String],
    ) {
        let variable = if compiler == "cc" { "CC" } else { "CXX" };
        let mut cc = Command::new(env::var_os(variable).unwrap_or_else(|| compiler.into()));
        cc.args(standard)
            .args(["-pedantic", "-Wall", "-Wextra", "-Werror"])
            .args(&self.cflags)
            .args(defines)
            .arg(path_arg("-I", &base().root().join("include")))
            .arg("-o")
            .arg(self.programs.join(name))
            .arg(base().root().join("tests").join("c").join(source))
            .arg(base().lib_dir().join("libsockcore.a"))
            .arg("-Wl,--gc-sections");
        run_to_success(&mut cc, &format!("compiling tests/c/{source}"));
    }

    fn example(&self, link: Link, name: &str) -> PathBuf {
        self.examples.join(link.to_string()).join(name)
    }

    fn program(&self, name: &str) -> PathBuf {
        self.programs.join(name)
    }
}

/// Stands for the address the server printed, in a client's arguments.
pub const ADDRESS: &str = "<address>";

/// A server under the tool, then each client in turn under it, with
/// [`ADDRESS`] replaced by the address the server printed; all clean.
pub fn server_and_clients(
    tool: &dyn Tool,
    built: &Built,
    link: Link,
    server: &[&str],
    clients: &[&[&str]],
) {
    let (name, args) = server.split_first().expect("a server program");
    let mut server = Process::spawn(command(tool, &built.example(link, name)).args(args));
    let bound = server.wait_for_line("listening on ");
    for client in clients {
        let (name, args) = client.split_first().expect("a client program");
        let args = args
            .iter()
            .map(|&arg| if arg == ADDRESS { bound.as_str() } else { arg });
        tool.assert_clean(
            &Process::spawn(command(tool, &built.example(link, name)).args(args)).finish(),
        );
    }
    tool.assert_clean(&server.finish());
}

/// The server/client flow: tcp_server and tcp_client, over IPv4 (static)
/// and IPv6 (shared).
pub fn tcp_examples(tool: &dyn Tool, built: &Built) {
    for (link, address) in [(Link::Static, "127.0.0.1:0"), (Link::Shared, "[::1]:0")] {
        server_and_clients(
            tool,
            built,
            link,
            &["tcp_server", address, "1"],
            &[&["tcp_client", ADDRESS, "checked by a tool"]],
        );
    }
}

/// udp_echo's server and client over IPv4 (shared).
pub fn udp_echo(tool: &dyn Tool, built: &Built) {
    server_and_clients(
        tool,
        built,
        Link::Shared,
        &["udp_echo", "server", "127.0.0.1:0", "1"],
        &[&[
            "udp_echo",
            "client",
            ADDRESS,
            "a datagram checked by a tool",
        ]],
    );
}

/// unix_echo's server and client over an abstract name (static).
pub fn unix_echo(tool: &dyn Tool, built: &Built) {
    let address = format!("unix:@{}", unique_name("tool-unix-echo"));
    server_and_clients(
        tool,
        built,
        Link::Static,
        &["unix_echo", "server", &address, "1"],
        &[&[
            "unix_echo",
            "client",
            ADDRESS,
            "vectored, checked by a tool",
        ]],
    );
}

/// addresses, on its own (shared).
pub fn addresses(tool: &dyn Tool, built: &Built) {
    let finished = Process::spawn(&mut command(
        tool,
        &built.example(Link::Shared, "addresses"),
    ))
    .finish();
    tool.assert_clean(&finished);
    finished.assert_stdout_has("sc_strerror_r(-4242)");
}

/// epoll_echo with three tcp_clients, one after another (static).
pub fn epoll_echo(tool: &dyn Tool, built: &Built) {
    let client: &[&str] = &["tcp_client", ADDRESS, "echoed by epoll_echo"];
    server_and_clients(
        tool,
        built,
        Link::Static,
        &["epoll_echo", "127.0.0.1:0", "3"],
        &[client, client, client],
    );
}

/// tcp_info on its own loopback connection (shared).
pub fn tcp_info(tool: &dyn Tool, built: &Built) {
    let finished =
        Process::spawn(&mut command(tool, &built.example(Link::Shared, "tcp_info"))).finish();
    tool.assert_clean(&finished);
    finished.assert_stdout_has("client: state ESTABLISHED");
}

/// sendfile_server serving a 1 MiB file to two fetch clients, from two
/// offsets (static).
pub fn sendfile_server(tool: &dyn Tool, built: &Built) {
    let dir = TempDir::new("tool-sendfile");
    let file = dir.path().join("served.bin");
    fs::write(&file, vec![0x5a_u8; 1 << 20]).expect("write the file");
    let file = file.to_str().expect("a UTF-8 path");
    server_and_clients(
        tool,
        built,
        Link::Static,
        &["sendfile_server", "serve", "127.0.0.1:0", file, "2"],
        &[
            &["sendfile_server", "fetch", ADDRESS, "0"],
            &["sendfile_server", "fetch", ADDRESS, "1000"],
        ],
    );
}

/// fd_passing, parent and forked child (static and shared).
pub fn fd_passing(tool: &dyn Tool, built: &Built) {
    for link in Link::BOTH {
        let finished =
            Process::spawn(&mut command(tool, &built.example(link, "fd_passing"))).finish();
        tool.assert_clean(&finished);
        finished.assert_stdout_has("parent: done");
    }
}

/// udp_batch's server and client, two batches (static).
pub fn udp_batch(tool: &dyn Tool, built: &Built) {
    server_and_clients(
        tool,
        built,
        Link::Static,
        &["udp_batch", "server", "127.0.0.1:0", "64"],
        &[&["udp_batch", "client", ADDRESS, "2"]],
    );
}

/// udp_pktinfo's server and a client marking its request CE with TTL 9
/// (static). The server is bound to 127.0.0.1, so the address the client
/// asks is the one the server prints, and the reply's source is checked all
/// the same.
pub fn udp_pktinfo(tool: &dyn Tool, built: &Built) {
    server_and_clients(
        tool,
        built,
        Link::Static,
        &["udp_pktinfo", "server", "127.0.0.1:0", "1"],
        &[&[
            "udp_pktinfo",
            "client",
            ADDRESS,
            "--ecn",
            "ce",
            "--ttl",
            "9",
        ]],
    );
}

/// udp_gso's receiver and sender, 4 MiB with segmentation offload
/// (static).
pub fn udp_gso(tool: &dyn Tool, built: &Built) {
    server_and_clients(
        tool,
        built,
        Link::Static,
        &["udp_gso", "recv", "127.0.0.1:0", "4"],
        &[&["udp_gso", "send", ADDRESS, "4"]],
    );
}

/// peer_credentials' server and an admitted client (shared).
pub fn peer_credentials(tool: &dyn Tool, built: &Built) {
    let address = format!("unix:@{}", unique_name("tool-credentials"));
    server_and_clients(
        tool,
        built,
        Link::Shared,
        &["peer_credentials", "server", &address, "1"],
        &[&["peer_credentials", "client", ADDRESS]],
    );
}

/// exec_handoff's launcher, the server it execs, and a tcp_client
/// (static).
pub fn exec_handoff(tool: &dyn Tool, built: &Built) {
    server_and_clients(
        tool,
        built,
        Link::Static,
        &["exec_handoff", "127.0.0.1:0", "1"],
        &[&["tcp_client", ADDRESS, "through exec"]],
    );
}

/// zerocopy_send over IPv4, 1 MiB (static).
pub fn zerocopy_send(tool: &dyn Tool, built: &Built) {
    let finished = Process::spawn(
        command(tool, &built.example(Link::Static, "zerocopy_send")).args(["127.0.0.1:0", "1"]),
    )
    .finish();
    tool.assert_clean(&finished);
    finished.assert_stdout_has("receiver: 1048576 bytes, every one as sent");
}

/// A case table: clean, and every case passed. Returns the count.
pub fn table(tool: &dyn Tool, built: &Built, name: &str) -> u32 {
    let finished = Process::spawn(&mut command(tool, &built.program(name))).finish();
    tool.assert_clean(&finished);
    let summary = finished.stdout.lines().last().unwrap_or_default();
    summary
        .strip_suffix(" passed, 0 failed")
        .and_then(|passed| passed.parse().ok())
        .unwrap_or_else(|| panic!("{name}: not every case passed: {finished}"))
}

/// The C++ program and the version check.
pub fn cxx_and_version(tool: &dyn Tool, built: &Built) {
    let finished = Process::spawn(command(tool, &built.program("cxx")).arg("127.0.0.1:0")).finish();
    tool.assert_clean(&finished);
    finished.assert_stdout_has("bytes over 127.0.0.1:");
    let finished = Process::spawn(&mut command(tool, &built.program("version"))).finish();
    tool.assert_clean(&finished);
    finished.assert_stdout_has(&format!(
        "library {}",
        workspace_version(base().root()).text
    ));
}
