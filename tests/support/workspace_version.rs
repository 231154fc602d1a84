//! The version in Cargo.toml's `[workspace.package]`, read from the file
//! itself: what the header's macros, `sc_version()`, the soname and the
//! pkg-config file must all agree with.

use std::fs;
use std::path::Path;

/// A `MAJOR.MINOR.PATCH[-pre][+build]` version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    /// The whole text, as Cargo.toml spells it.
    pub text: String,
    /// The first number.
    pub major: u64,
    /// The second number.
    pub minor: u64,
    /// The third number.
    pub patch: u64,
}

impl Version {
    /// The version part of the soname (the root Makefile's policy): the
    /// part Cargo's semver rules treat as breaking -- MAJOR from 1.0 on,
    /// 0.MINOR before it, 0.0.PATCH for 0.0.x.
    pub fn soversion(&self) -> String {
        match (self.major, self.minor) {
            (0, 0) => format!("0.0.{}", self.patch),
            (0, minor) => format!("0.{minor}"),
            (major, _) => major.to_string(),
        }
    }

    /// `MAJOR.MINOR.PATCH`, the suffix of the shared library's file name.
    pub fn numeric(&self) -> String {
        format!("{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// The workspace version in `root`/Cargo.toml.
pub fn workspace_version(root: &Path) -> Version {
    let manifest = fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml is readable");
    let text = manifest
        .lines()
        .skip_while(|line| line.trim() != "[workspace.package]")
        .skip(1)
        .take_while(|line| !line.starts_with('['))
        .find_map(|line| {
            let (key, value) = line.split_once('=')?;
            (key.trim() == "version").then(|| value.trim().trim_matches('"').to_owned())
        })
        .expect("[workspace.package] has a version");
    let numbers: Vec<u64> = text
        .split(['-', '+'])
        .next()
        .unwrap_or_default()
        .split('.')
        .map(|n| {
            n.parse()
                .unwrap_or_else(|_| panic!("{text:?} is not a version"))
        })
        .collect();
    let [major, minor, patch] = numbers[..] else {
        panic!("{text:?} is not MAJOR.MINOR.PATCH")
    };
    Version {
        text,
        major,
        minor,
        patch,
    }
}
