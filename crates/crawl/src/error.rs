//! Errors of the crawler: one request ([`FetchError`]) and everything else
//! ([`CrawlError`]).

use std::time::Duration;

/// Why one HTTP request gave no usable answer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// The URL or an address it resolves to is not allowed (scheme,
    /// credentials, private or loopback address).
    #[error("refused: {0}")]
    Refused(String),
    /// A redirect was refused (other host, other scheme, too many).
    #[error("redirect refused: {0}")]
    Redirect(String),
    /// The answer was larger than the body cap.
    #[error("body larger than {0} bytes")]
    TooLarge(u64),
    /// No complete answer in time.
    #[error("timed out")]
    Timeout,
    /// The connection failed.
    #[error("connection failed: {0}")]
    Connect(String),
    /// The server answered with an error status.
    #[error("HTTP status {0}")]
    Status(u16),
    /// The server asked us to slow down for longer than we wait inline.
    #[error("rate limited (429), retry after {0:?}")]
    RateLimited(Duration),
    /// The body is not the JSON we expect.
    #[error("invalid JSON: {0}")]
    Json(String),
    /// Anything else the HTTP stack reports.
    #[error("HTTP error: {0}")]
    Http(String),
    /// A GraphQL server answered errors (Mobilizon: HTTP 200 with
    /// `{"errors": [...]}`) or no data for the query.
    #[error("GraphQL error: {0}")]
    GraphQl(String),
}

impl FetchError {
    /// Whether the host is gone for this document only (404/410), as
    /// opposed to the host failing.
    pub fn is_not_found(&self) -> bool {
        matches!(self, FetchError::Status(404 | 410))
    }
}

/// What can stop a crawl or a host pass.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CrawlError {
    /// A request failed.
    #[error("{what}: {source}")]
    Fetch {
        /// What was being fetched.
        what: String,
        /// Why it failed.
        source: FetchError,
    },
    /// The instance list could not be read.
    #[error("instance list {location}: {reason}")]
    List {
        /// URL or path of the list.
        location: String,
        /// Why.
        reason: String,
    },
    /// The index refused a read or write.
    #[error("index: {0}")]
    Index(#[from] sepiola_index::IndexError),
    /// The crawl state file could not be read or written.
    #[error("crawl state {path}: {source}")]
    State {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A setting is invalid.
    #[error("invalid crawl setting: {0}")]
    Settings(String),
    /// The host took longer than its whole-pass budget.
    #[error("host pass took longer than {0:?}")]
    PassTimeout(Duration),
    /// A background task died.
    #[error("task failed: {0}")]
    Task(String),
}
