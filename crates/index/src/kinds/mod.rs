//! The kinds of document the index holds, one file each: its tantivy
//! schema, how a document fills it, its filters and its orders. Everything
//! else (text matching, execution, writes, export) is written once over
//! [`Kind`].
//!
//! Adding a kind: a file here implementing [`Kind`] (and
//! [`crate::Searchable`] for its query), one more [`crate::part::Part`] in
//! [`crate::SearchIndex`]; see docs/architecture.md.

pub mod channel;
pub mod event;
pub mod fields;
pub mod geo_fields;
pub mod group;
pub mod playlist;
pub mod video;

use sepiola_model::Timestamp;
use sepiola_model::query::SearchQuery;
use sepiola_model::{ActorSummary, Document};
use tantivy::TantivyDocument;
use tantivy::schema::{Field, SchemaBuilder};

use crate::analysis::Analysis;
use crate::embedded::{ActorRole, actor_terms};
use crate::filters::Clauses;
use crate::tiers::StemmedIn;
use fields::{Common, TextField};

/// One kind of document as the index sees it.
pub trait Kind: Sized + Send + Sync + 'static {
    /// The document.
    type Doc: Document;
    /// Its search.
    type Query: SearchQuery<Doc = Self::Doc>;

    /// Whether its writer gets the big budget (videos) or a small one.
    const LARGE: bool = false;

    /// Adds the kind's text fields, then its own fields, after the common ones.
    fn build(b: &mut SchemaBuilder) -> Self;

    /// Its weighted text fields, in the order [`Kind::texts`] fills them.
    fn text_fields(&self) -> &[TextField];

    /// The texts of a document, one per text field.
    fn texts(doc: &Self::Doc) -> Vec<String>;

    /// Fills the kind's own fields.
    fn fill(&self, doc: &Self::Doc, d: &mut TantivyDocument);

    /// The uuid field, when the kind has one (text search and `uuids`).
    fn uuid(&self) -> Option<Field> {
        None
    }

    /// The field holding the document's own handle `name@host`, when a
    /// pasted channel link names the document itself (channels).
    fn own_handle(&self) -> Option<Field> {
        None
    }

    /// The language field, when the kind has one (`boostLanguages`).
    fn language(&self) -> Option<Field> {
        None
    }

    /// How its documents were stemmed, for the stem tiers: by the language
    /// field when the kind has one, else as English (what
    /// [`crate::analysis::Analysis::stemmed_text`] does without a language).
    fn stemmed_in(&self) -> StemmedIn {
        match self.language() {
            Some(f) => StemmedIn::LanguageField(f),
            None => StemmedIn::English,
        }
    }

    /// The field holding the handle `blockedAccounts` speaks of.
    fn account_handle(&self) -> Field;

    /// The actors a document embeds (`channel`, `account`, `ownerAccount`,
    /// `videoChannel`): indexed as embedded-actor terms, so that a changed
    /// channel or account finds the documents holding an older copy.
    fn embedded(_doc: &Self::Doc) -> Vec<(ActorRole, &ActorSummary)> {
        Vec::new()
    }

    /// The same actors, to be replaced ([`crate::SearchIndex::rewrite_actors`]).
    fn embedded_mut(_doc: &mut Self::Doc) -> Vec<(ActorRole, &mut ActorSummary)> {
        Vec::new()
    }

    /// Adds the query's filters.
    fn filters(&self, common: &Common, q: &Self::Query, c: &mut Clauses);

    /// The order the query asks for.
    fn order(&self, common: &Common, q: &Self::Query) -> Order;

    /// Everything a document puts in the index.
    fn document(
        &self,
        common: &Common,
        doc: &Self::Doc,
        a: &Analysis,
    ) -> Result<TantivyDocument, serde_json::Error> {
        let mut d = TantivyDocument::new();
        let lang = doc.language();
        for (tf, text) in self.text_fields().iter().zip(Self::texts(doc)) {
            tf.add(&mut d, a, lang, text.trim());
        }
        common.fill(&mut d, doc, a)?;
        for (role, actor) in Self::embedded(doc) {
            for term in actor_terms(role, actor) {
                d.add_text(common.actors, term);
            }
        }
        self.fill(doc, &mut d);
        Ok(d)
    }
}

/// A column results can be ordered by, as a field of the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// An `i64` fast field (dates).
    I64(Field),
    /// A `u64` fast field (counts, durations).
    U64(Field),
    /// A text fast field (names).
    Str(Field),
}

/// How results are ordered, before the score and key-hash tie-breakers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Order {
    /// Best first.
    Score,
    /// By a column.
    By {
        /// The column.
        column: Column,
        /// Largest first.
        descending: bool,
    },
    /// Events from `now` on by start ascending, then earlier ones by start
    /// descending, paged as one list.
    UpcomingFirst {
        /// The start time column.
        start: Field,
        /// The split.
        now: Timestamp,
    },
}

impl Order {
    /// By `column`, largest first when `descending`.
    pub fn by(column: Column, descending: bool) -> Order {
        Order::By { column, descending }
    }
}
