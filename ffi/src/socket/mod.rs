//! Sockets as plain `int` descriptors: their lifecycle, moving bytes, whole
//! transfers, sendfile (with the `server` feature), the server/client flow
//! in one call each, and the calls with a time-out.

// The header lists the groups in this order (one per blank-line-separated
// declaration, so that rustfmt keeps it).
pub mod lifecycle;

pub mod io;

pub mod transfer;

#[cfg(feature = "server")]
pub mod sendfile;

pub mod flow;

pub mod timeout;
