//! Running the built C examples: a server until it prints its address, or
//! a program to the end.

use std::process::Command;

use crate::{CBuild, Finished, Link, Process};

impl CBuild {
    /// Starts the C example `program` (a server) linked against `link` and
    /// returns it with the address it printed on its "listening on" line.
    pub fn start_example(&self, link: Link, program: &str, args: &[&str]) -> (Process, String) {
        let mut server = Process::spawn(Command::new(self.example(link, program)).args(args));
        let address = server.wait_for_line("listening on ");
        (server, address)
    }

    /// Runs the C example `program` linked against `link` to the end.
    pub fn run_example(&self, link: Link, program: &str, args: &[&str]) -> Finished {
        Process::spawn(Command::new(self.example(link, program)).args(args)).finish()
    }
}
