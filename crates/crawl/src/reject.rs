//! Why a document an instance sent was not indexed: counted in the pass
//! summary and logged, never fatal to the pass.

use sepiola_model::ModelError;

/// Why a document was not indexed.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum Reject {
    /// Not public (privacy other than 1, or a non-regular playlist).
    #[error("not public")]
    NotPublic,
    /// Its account, channel or owner lives on another host.
    #[error("remote document ({0})")]
    Remote(String),
    /// Not an object, or a required field is missing or of the wrong type.
    #[error("malformed: {0}")]
    Malformed(&'static str),
    /// The model refused it.
    #[error("invalid: {0}")]
    Invalid(#[from] ModelError),
}
