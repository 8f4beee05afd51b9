//! What a search result is built from: the answer JSON stored with each
//! document, handed out as it is (the API) or parsed (the web page).

use sepiola_model::Document;

use crate::error::IndexError;

/// A result type a search can produce from a document's stored JSON.
pub trait FromStored: Sized {
    /// Builds the result from the stored answer JSON.
    fn from_stored(json: String) -> Result<Self, IndexError>;
}

/// A result's JSON exactly as the API answers it, without its score: the
/// API sends it on without parsing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerJson(pub String);

impl FromStored for AnswerJson {
    fn from_stored(json: String) -> Result<Self, IndexError> {
        Ok(AnswerJson(json))
    }
}

/// Every kind of document parses from its stored JSON (the web page).
impl<D: Document> FromStored for D {
    fn from_stored(json: String) -> Result<Self, IndexError> {
        serde_json::from_str(&json).map_err(|e| IndexError::Corrupt(e.to_string()))
    }
}
