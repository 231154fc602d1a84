//! `recv_msg` into one data buffer: the call most message tests make.

use std::mem::MaybeUninit;

use sockcore::{IoSliceMut, MsgFlags, RecvMsg, Socket};

/// Receives one message into `data`, with `control` for its control data.
pub fn recv_one<'c>(
    socket: &Socket,
    data: &mut [u8],
    control: &'c mut [MaybeUninit<u8>],
    flags: MsgFlags,
) -> RecvMsg<'c> {
    socket
        .recv_msg(&mut [IoSliceMut::new(data)], control, flags)
        .expect("recvmsg")
}
