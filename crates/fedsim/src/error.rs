//! The library's error type.

use std::net::SocketAddr;

/// Why fedsim could not start or serve.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FedsimError {
    /// A listener could not be bound.
    #[error("cannot bind {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// The OS error.
        source: std::io::Error,
    },
    /// Another I/O failure.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// An unknown hostile kind name.
    #[error("unknown hostile kind {0:?} (known: {1})")]
    UnknownHostileKind(String, String),
    /// Options that contradict each other.
    #[error("invalid options: {0}")]
    InvalidOptions(String),
}
