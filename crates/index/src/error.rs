//! Errors of the index.

/// What can go wrong while opening, writing or reading the index.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IndexError {
    /// tantivy failed (I/O, corruption, lock held by another process…).
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The data directory could not be used.
    #[error("cannot use index directory {path}: {source}")]
    Directory {
        /// The directory.
        path: std::path::PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The disk holding the index is full.
    #[error(
        "no space left on the disk holding the index in {path} ({free_bytes} bytes free): free some, and writing resumes (what was not committed is written again by the next crawl pass or import)"
    )]
    DiskFull {
        /// The directory that could not be written.
        path: std::path::PathBuf,
        /// Bytes free there when the write failed.
        free_bytes: u64,
    },
    /// A write to the index failed for another reason.
    #[error("cannot write the index in {path}: {source}")]
    Write {
        /// The directory that could not be written.
        path: std::path::PathBuf,
        /// What tantivy said.
        source: tantivy::TantivyError,
    },
    /// The index directory is locked by another writer (another sepiola).
    #[error("the index in {0} is in use by another sepiola process")]
    Locked(std::path::PathBuf),
    /// The index on disk was written with another schema (another sepiola
    /// version); opened for writing it is rebuilt from its stored documents.
    #[error(
        "the index in {path} was written by another version of sepiola ({detail}); start `sepiola serve` or `index import` once to rebuild it"
    )]
    SchemaChanged {
        /// The kind's index directory.
        path: std::path::PathBuf,
        /// What differs.
        detail: String,
    },
    /// The index was written by a newer sepiola: refused, never rewritten.
    #[error(
        "the index in {path} was written by a newer sepiola (index format {found}; this release reads up to {supported}): run the newer release, or import an export into an empty data directory"
    )]
    NewerFormat {
        /// The index directory.
        path: std::path::PathBuf,
        /// The format it was written in.
        found: u32,
        /// The newest format this release reads.
        supported: u32,
    },
    /// The index was opened read-only and cannot be written.
    #[error("the index is open read-only")]
    ReadOnly,
    /// A stored document could not be read back.
    #[error("stored document is unreadable: {0}")]
    Corrupt(String),
    /// An export could not be written out.
    #[error("cannot write the export: {0}")]
    Export(#[source] std::io::Error),
    /// A document could not be encoded for storage.
    #[error("cannot encode document: {0}")]
    Encode(#[from] serde_json::Error),
}
