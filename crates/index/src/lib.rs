//! sepiola's embedded index: one tantivy index per kind of document
//! (videos, channels, playlists, events, groups) in the data directory.
//!
//! Documents are the API objects of [`sepiola_model`], stored whole and
//! indexed for the text search, filters and sorts the search API offers.
//! Each kind is one file under `kinds/` (the `Kind` trait); everything else
//! is written once for every kind: text matching (`text_query`,
//! `tiers`, `words_query`, `offset_query`), running a search (`execute`), writes (`writes`), what the
//! index holds (`inventory`), export (`export`), the actors documents embed
//! and their rewrite (`embedded`).
//! Writes are batched and become searchable at the next [`SearchIndex::commit`];
//! tantivy commits are atomic, so the index is safe to kill at any moment.

mod analysis;
mod browse;
mod cjk;
mod collectors;
mod embedded;
mod error;
mod execute;
mod export;
mod filters;
mod format;
pub mod geo;
mod inventory;
mod kind_index;
mod kinds;
mod matched_forms;
mod migrate;
mod offset_query;
mod part;
mod pasted_link;
mod prefix;
mod search_index;
mod stem_languages;
mod stored;
#[cfg(test)]
mod test_index;
mod text_query;
mod tiers;
mod typo;
mod upgrade;
mod withheld;
mod words_query;
mod writes;

pub use analysis::Analysis;
pub use embedded::{ActorRole, ActorUpdates, Rewrite};
pub use error::IndexError;
pub use inventory::DocCounts;
pub use matched_forms::MatchedForms;
pub use search_index::{SearchIndex, Searchable};
pub use stored::{AnswerJson, FromStored};
pub use text_query::ranking;
pub use writes::Prepared;
