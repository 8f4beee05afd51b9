//! Why a document is refused.

/// A document that cannot be indexed, and why.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum ModelError {
    /// A required field is empty or missing.
    #[error("field `{0}` is missing or empty")]
    Missing(&'static str),
    /// A field holds a value that is not allowed.
    #[error("field `{field}` is invalid: {reason}")]
    Invalid {
        /// The field's name as the API spells it.
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// The line is not a JSON object of a known kind.
    #[error("not a sepiola record: {0}")]
    Json(String),
}
