//! The seed's server/client flow over loopback in Rust, printing each step.
//!
//! `cargo run -p sockcore --example flow [ADDRESS]` (default `127.0.0.1:0`).
//! A server thread creates a socket, binds, listens, accepts and echoes; the
//! client creates a socket, connects, writes and reads the echo back.

use std::thread;

use sockcore::{Domain, Errno, Shutdown, SockFlags, Socket, SocketAddr, Type};

fn server(listener: Socket) -> Result<(), Errno> {
    println!("server: accept (waiting for a client)");
    let (conn, peer) = listener.accept(SockFlags::empty())?;
    println!("server: accepted {peer} on fd {}", conn.as_raw_fd());
    let mut buf = [0u8; 4096];
    loop {
        let n = conn.read(&mut buf)?;
        if n == 0 {
            println!("server: client closed; closing the connection");
            return conn.close();
        }
        println!("server: read {n} bytes, echoing them");
        conn.write_all(&buf[..n])?;
    }
}

fn main() -> Result<(), Errno> {
    let text = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:0".into());
    let addr = SocketAddr::parse(&text)?;

    println!("server: socket({:?}, SOCK_STREAM)", Domain::for_addr(&addr));
    let listener = Socket::new(Domain::for_addr(&addr), Type::STREAM, SockFlags::empty())?;
    println!("server: bind {addr}");
    listener.bind(&addr)?;
    println!("server: listen");
    listener.listen(16)?;
    let bound = listener.local_addr()?;
    println!("server: listening on {bound}");
    let server = thread::spawn(move || server(listener));

    println!(
        "client: socket({:?}, SOCK_STREAM)",
        Domain::for_addr(&bound)
    );
    let client = Socket::new(Domain::for_addr(&bound), Type::STREAM, SockFlags::empty())?;
    println!("client: connect {bound}");
    client.connect(&bound)?;
    let message = b"hello from the sockcore client";
    println!("client: write {} bytes", message.len());
    client.write_all(message)?;
    let mut echo = [0u8; 64];
    let n = client.read_exact(&mut echo[..message.len()])?;
    println!(
        "client: read {n} bytes: {:?}",
        String::from_utf8_lossy(&echo[..n])
    );
    assert_eq!(&echo[..n], message, "the echo differs from what was sent");
    println!("client: shutdown(SHUT_WR) and close");
    client.shutdown(Shutdown::Write)?;
    client.close()?;
    server.join().expect("server thread panicked")?;
    println!("flow: done");
    Ok(())
}
