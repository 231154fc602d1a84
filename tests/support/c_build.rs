//! The C side, built once per test binary: libsockcore in a release target
//! directory of its own and the C examples, both through
//! c-examples/Makefile, so no test depends on another cargo invocation
//! having built them. Test programs from tests/c/ are compiled on demand.

use std::collections::HashMap;
use std::env;
use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

use crate::command::{path_arg, run_to_success};

/// Which library a C program links.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Link {
    /// `libsockcore.a`.
    Static,
    /// `libsockcore.so`, found at run time through an rpath.
    Shared,
}

impl Link {
    /// Both, for tests that run everything against each library.
    pub const BOTH: [Link; 2] = [Link::Static, Link::Shared];

    fn dir_name(self) -> &'static str {
        match self {
            Link::Static => "static",
            Link::Shared => "shared",
        }
    }
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.dir_name())
    }
}

/// The built library and C programs.
pub struct CBuild {
    root: PathBuf,
    lib_dir: PathBuf,
    out_dir: PathBuf,
    compiled: Mutex<HashMap<(Link, String), PathBuf>>,
}

static BUILD: OnceLock<CBuild> = OnceLock::new();

/// The C standard and warnings every C program the tests build gets (as
/// the examples' Makefile gives them), and `-O2`.
pub const C_FLAGS: &[&str] = &[
    "-std=c99",
    "-pedantic",
    "-Wall",
    "-Wextra",
    "-Werror",
    "-O2",
];

/// The C compiler: `CC`, or `cc`.
pub fn c_compiler() -> Command {
    Command::new(env::var_os("CC").unwrap_or_else(|| OsString::from("cc")))
}

/// The C side, built on first use under `tmp` (the test binary's
/// `CARGO_TARGET_TMPDIR`); later calls, from any thread, wait for and share
/// that one build.
pub fn c_build(tmp: &str) -> &'static CBuild {
    BUILD.get_or_init(|| CBuild::make(Path::new(tmp)))
}

impl CBuild {
    fn make(tmp: &Path) -> CBuild {
        let target_dir = tmp.join("sockcore-ffi-target");
        let build = CBuild {
            root: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            lib_dir: target_dir.join("release"),
            out_dir: tmp.join("c-build"),
            compiled: Mutex::new(HashMap::new()),
        };
        run_to_success(
            &mut build.make_goal("all"),
            "building libsockcore and the C examples",
        );
        build
    }

    /// `make -C c-examples <goal>` with this build's directories.
    pub fn make_goal(&self, goal: &str) -> Command {
        let target_dir = self.lib_dir.parent().expect("release/ has a parent");
        let cargo = env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
        let mut make = Command::new("make");
        make.arg("-C")
            .arg(self.root.join("c-examples"))
            .arg(goal)
            .arg(path_arg("BUILD=", &self.out_dir))
            .arg(path_arg("CARGO_TARGET_DIR=", target_dir))
            .arg(path_arg("CARGO=", Path::new(&cargo)));
        make
    }

    /// A C example (`tcp_server`, …) linked against `link`.
    pub fn example(&self, link: Link, name: &str) -> PathBuf {
        self.out_dir.join(link.dir_name()).join(name)
    }

    /// The directory holding `libsockcore.a` and `libsockcore.so`.
    pub fn lib_dir(&self) -> &Path {
        &self.lib_dir
    }

    /// The workspace root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Adds to a compiler command, after its sources, what links the
    /// program against `link`: the archive, or the shared library found at
    /// run time through an rpath.
    pub fn link_with(&self, cc: &mut Command, link: Link) {
        match link {
            Link::Static => cc
                .arg(self.lib_dir.join("libsockcore.a"))
                .arg("-Wl,--gc-sections"),
            Link::Shared => cc
                .arg(path_arg("-L", &self.lib_dir))
                .arg("-lsockcore")
                .arg(path_arg("-Wl,-rpath,", &self.lib_dir)),
        };
    }

    /// tests/c/`name`.c compiled against `link` with [`C_FLAGS`];
    /// compiled once per test binary, whichever test asks first.
    pub fn test_program(&self, link: Link, name: &str) -> PathBuf {
        let mut compiled = self.compiled.lock().unwrap_or_else(|e| e.into_inner());
        let key = (link, name.to_owned());
        if let Some(path) = compiled.get(&key) {
            return path.clone();
        }
        let out = self.out_dir.join(format!("tests-{link}")).join(name);
        std::fs::create_dir_all(out.parent().expect("a parent"))
            .expect("the build dir is writable");
        let mut cc = c_compiler();
        cc.args(C_FLAGS)
            .arg("-g")
            .arg(path_arg("-I", &self.root.join("include")))
            .arg("-o")
            .arg(&out)
            .arg(self.root.join("tests").join("c").join(format!("{name}.c")));
        self.link_with(&mut cc, link);
        run_to_success(&mut cc, &format!("compiling tests/c/{name}.c ({link})"));
        compiled.insert(key, out.clone());
        out
    }
}
