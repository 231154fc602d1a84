//! Typed control messages: `sc_cmsg_builder` and its `sc_cmsg_add_*`
//! calls write them for `sc_sendmsg`, and the `sc_cmsg_get_*` readers find
//! them in what `sc_recvmsg` received, so a C program never casts
//! `CMSG_DATA`. The header's `SC_CMSG_SPACE_*` macros size the buffers.

// The header lists the groups in this order.
pub mod values;

pub mod builder;

pub mod readers;
