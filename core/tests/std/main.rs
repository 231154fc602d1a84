//! The `std` feature's interop over real sockets: `io::Read` and
//! `io::Write`, conversions to and from std's socket, descriptor and
//! address types, and `Errno`/`TransferError` as std errors. Runs only
//! with the feature: `cargo test -p sockcore --features std --test std`.
//! Nothing here changes process-wide state, so the modules share one test
//! binary (std_sigpipe.rs, which does, is alone).

#[path = "../support/mod.rs"]
mod support;

mod conversions;
mod errors;
mod io;
