//! sepiola's embedded index: one tantivy index per kind of document
//! (videos, channels, playlists, events, groups) in the data directory.
//!
//! Documents are the API objects of [`sepiola_model`], stored whole and
//! indexed for the text search, filters and sorts the search API offers.
//! Writes are batched and become searchable at the next [`SearchIndex::commit`];
//! tantivy commits are atomic, so the index is safe to kill at any moment.

mod analysis;
mod browse;
mod collectors;
mod error;
mod filters;
pub mod geo;
mod kind_index;
mod mobilizon;
mod schema;
mod search;
mod stored;
mod text_query;
mod word_query;

pub use analysis::Analysis;
pub use error::IndexError;
pub use search::{Prepared, SearchIndex};
pub use stored::{AnswerJson, FromStored};
pub use text_query::ranking;
