//! A TCP listener that can be switched "down" (port closed: connections refused) and back "up"
//! (rebound on the same address), so tests can simulate an unreachable instance.

use std::io;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// A listener bound to a fixed address that follows an up/down switch.
pub struct SimListener {
    inner: Option<TcpListener>,
    addr: SocketAddr,
    down: watch::Receiver<bool>,
}

impl SimListener {
    /// Wraps an already bound listener; `down` says when to close the port.
    pub fn new(inner: TcpListener, down: watch::Receiver<bool>) -> io::Result<SimListener> {
        let addr = inner.local_addr()?;
        Ok(SimListener {
            inner: Some(inner),
            addr,
            down,
        })
    }

    /// Waits for the next connection while the instance is up.
    pub async fn next(&mut self) -> (TcpStream, SocketAddr) {
        loop {
            if *self.down.borrow_and_update() {
                self.inner = None;
                if self.down.wait_for(|d| !*d).await.is_err() {
                    // The switch is gone (shutting down): stay down.
                    std::future::pending::<()>().await;
                }
                continue;
            }
            if self.inner.is_none() {
                match TcpListener::bind(self.addr).await {
                    Ok(l) => self.inner = Some(l),
                    Err(e) => {
                        tracing::warn!(addr = %self.addr, error = %e, "cannot rebind; retrying");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    }
                }
            }
            let Some(listener) = &self.inner else {
                continue;
            };
            tokio::select! {
                r = listener.accept() => match r {
                    Ok((stream, peer)) => {
                        let _ = stream.set_nodelay(true);
                        return (stream, peer);
                    }
                    Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
                },
                changed = self.down.changed() => {
                    if changed.is_err() {
                        std::future::pending::<()>().await;
                    }
                }
            }
        }
    }
}

impl axum::serve::Listener for SimListener {
    type Io = TcpStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        self.next().await
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        Ok(self.addr)
    }
}
