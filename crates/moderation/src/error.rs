//! What can go wrong reading or writing the moderation logs, or in what an
//! operator or a visitor asks.

use std::path::PathBuf;

/// Errors of the moderation logs and of the requests made of them.
#[derive(Debug, thiserror::Error)]
pub enum ModerationError {
    /// The log file could not be opened, read, locked, written or synced.
    #[error("moderation log {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A record could not be encoded (should not happen).
    #[error("encoding a moderation record: {0}")]
    Encode(#[from] serde_json::Error),
    /// A target, reason or date that does not parse.
    #[error("{0}")]
    Invalid(String),
    /// The target is already blocked by this decision.
    #[error("already blocked by decision {0}")]
    AlreadyBlocked(u64),
    /// No decision or report with that id, or nothing to lift.
    #[error("{0}")]
    NotFound(String),
}

impl ModerationError {
    /// An I/O error on `path`.
    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        ModerationError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
