//! The fields every kind's schema starts with ([`Common`]), searchable text
//! fields ([`TextField`]) and how a document fills them whatever its kind.

use sepiola_model::Document;
use sepiola_model::limits::API_DESCRIPTION_CHARS;
use sepiola_model::text::truncate;
use tantivy::TantivyDocument;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, NumericOptions, STORED, STRING, SchemaBuilder,
    TextFieldIndexing, TextOptions,
};

use crate::analysis::{Analysis, FOLDED, STEMMED};

/// Fields every kind has: identity, origin, storage, sort keys.
#[derive(Debug, Clone, Copy)]
pub struct Common {
    /// `host id` (uuid, or name for channels and groups): the upsert key, also fast.
    pub key: Field,
    /// Stable hash of the key, the last tie-breaker of every sort.
    pub key_hash: Field,
    /// Host the document was crawled from.
    pub host: Field,
    /// The API object as the API answers it (description cut to
    /// [`API_DESCRIPTION_CHARS`]), JSON text, ready to send.
    pub doc: Field,
    /// The whole description, stored only when the answer's was cut (for
    /// export).
    pub full_description: Field,
    /// Folded title or display name, for alphabetical sorts.
    pub name_sort: Field,
    /// Hash of the folded whole title ([`key_hash`]), for the exact-title bonus.
    pub name_exact: Field,
    /// Creation date (ms).
    pub created_at: Field,
    /// Last update (ms), half of the crawler's change stamp.
    pub updated_at: Field,
    /// [`sepiola_model::Document::content_hash`], the other half: what
    /// clients see that `updatedAt` may not cover (channel avatars).
    pub content_hash: Field,
    /// Embedded-actor terms ([`crate::embedded`]): `<role> <handle>` and
    /// `<role> <handle> <summary hash>` per actor the document embeds.
    pub actors: Field,
}

/// The name of the stored answer field. It carries the answer format's
/// version: a change to what answers hold (fields added to the stored JSON,
/// like PeerTube 8.1's `thumbnails`) bumps it, so an index of older answers
/// no longer matches the schema and is rebuilt from its stored documents
/// (normalised again, so they gain the new fields; see `migrate`) instead of
/// serving the old shape until each document happens to change.
pub(crate) const DOC_FIELD: &str = "doc_v2";

/// What earlier releases named the stored answer: a rebuild reads them.
pub(crate) const EARLIER_DOC_FIELDS: [&str; 1] = ["doc"];

impl Common {
    /// Adds the common fields to a schema (first, in every kind).
    pub fn build(b: &mut SchemaBuilder) -> Common {
        Common {
            key: b.add_text_field("key", STRING | FAST),
            key_hash: b.add_u64_field("key_hash", num_fast()),
            host: b.add_text_field("host", STRING | FAST),
            doc: b.add_text_field(DOC_FIELD, STORED),
            full_description: b.add_text_field("full_description", STORED),
            // A sort column only: not in the term dictionary (one long, mostly
            // unique term per document made merges slower for nothing).
            name_sort: b.add_text_field("name_sort", FAST),
            // The hash of the folded name: a whole-title match needs no more,
            // and a long, mostly unique string per document costs merges.
            name_exact: b.add_u64_field("name_exact", INDEXED),
            created_at: b.add_i64_field("created_at", num_fast()),
            updated_at: b.add_i64_field("updated_at", num_fast()),
            content_hash: b.add_u64_field("content_hash", num_fast()),
            actors: b.add_text_field("actors", STRING),
        }
    }

    /// Fills the common fields and the stored answer of a normalised document.
    pub fn fill<D: Document>(
        &self,
        d: &mut TantivyDocument,
        doc: &D,
        a: &Analysis,
    ) -> Result<(), serde_json::Error> {
        let key = doc.key();
        d.add_text(self.key, key.as_str());
        d.add_u64(self.key_hash, key_hash(key.as_str()));
        d.add_text(self.host, doc.host());
        let folded = a.folded_line(doc.title());
        d.add_text(self.name_sort, folded.chars().take(64).collect::<String>());
        d.add_u64(self.name_exact, key_hash(&folded));
        d.add_i64(self.created_at, doc.created_at().millis());
        d.add_i64(self.updated_at, doc.updated_at().millis());
        d.add_u64(self.content_hash, doc.content_hash());
        self.add_body(d, doc)
    }

    /// Stores the answer JSON of `doc`, its description cut for the API; the
    /// whole description goes to its own stored field when it was cut.
    fn add_body<D: Document>(
        &self,
        d: &mut TantivyDocument,
        doc: &D,
    ) -> Result<(), serde_json::Error> {
        match doc.description() {
            Some(full) if full.chars().count() > API_DESCRIPTION_CHARS => {
                let mut answer = doc.clone();
                answer.set_description(Some(truncate(full, API_DESCRIPTION_CHARS)));
                d.add_text(self.full_description, full);
                d.add_text(self.doc, serde_json::to_string(&answer)?);
            }
            _ => d.add_text(self.doc, serde_json::to_string(doc)?),
        }
        Ok(())
    }
}

/// What a text field holds, which decides its place in the ranking
/// (docs/ranking.md): its tier within a word, whether it is the document's
/// own text, its BM25 weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Title or display name (and a channel's or group's handle name).
    Title,
    /// Tags.
    Tags,
    /// The description.
    Description,
    /// Names of the channel, account or owner the document belongs to: not
    /// the document's own text.
    Names,
    /// Organiser names and the place of an event, or a group's place: the
    /// place is the document's own (an event in Paris is about Paris), and
    /// the two share one field, so the whole field counts as own text.
    NamesAndPlace,
}

impl Role {
    /// Rank within a word's form (title 3, tags 2, description 1, names and
    /// places 0): see [`crate::tiers`].
    pub fn tier(self) -> u32 {
        match self {
            Role::Title => 3,
            Role::Tags => 2,
            Role::Description => 1,
            Role::Names | Role::NamesAndPlace => 0,
        }
    }

    /// Whether a match here is a match by the document's own text.
    pub fn own(self) -> bool {
        !matches!(self, Role::Names)
    }

    /// BM25 weight ([`weights`]).
    pub fn weight(self) -> f32 {
        match self {
            Role::Title => weights::TITLE,
            Role::Tags => weights::TAGS,
            Role::Description => weights::DESCRIPTION,
            Role::Names | Role::NamesAndPlace => weights::NAMES,
        }
    }
}

/// A searchable text field: its folded and stemmed views and its role.
#[derive(Debug, Clone, Copy)]
pub struct TextField {
    /// Folded view (positions kept, for phrases).
    pub folded: Field,
    /// Stemmed view.
    pub stemmed: Field,
    /// Relative weight in BM25.
    pub weight: f32,
    /// Whether typo and prefix matching apply (not to long descriptions).
    pub loose: bool,
    /// What the field holds (tier, own text).
    pub role: Role,
}

impl TextField {
    /// Adds a text field's two views to a schema.
    pub fn build(b: &mut SchemaBuilder, name: &str, role: Role, loose: bool) -> TextField {
        TextField {
            folded: b.add_text_field(name, text_opts(FOLDED, true)),
            stemmed: b.add_text_field(&format!("{name}_stem"), text_opts(STEMMED, false)),
            weight: role.weight(),
            loose,
            role,
        }
    }

    /// Indexes `text` in both views (stemmed in the document's language).
    pub fn add(&self, d: &mut TantivyDocument, a: &Analysis, lang: Option<&str>, text: &str) {
        if text.is_empty() {
            return;
        }
        d.add_text(self.folded, text);
        d.add_text(self.stemmed, a.stemmed_text(lang, text));
    }
}

/// Relevance weights of the text fields: title most, then tags, then
/// channel and account names, then the description (see docs/ranking.md).
pub mod weights {
    /// Title or display name.
    pub const TITLE: f32 = 5.0;
    /// Tags.
    pub const TAGS: f32 = 3.0;
    /// Channel and account names.
    pub const NAMES: f32 = 2.0;
    /// Description.
    pub const DESCRIPTION: f32 = 1.0;
}

fn text_opts(analyzer: &str, positions: bool) -> TextOptions {
    let record = if positions {
        IndexRecordOption::WithFreqsAndPositions
    } else {
        IndexRecordOption::WithFreqs
    };
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(record),
    )
}

/// Options of a numeric column (fast field, no terms).
pub fn num_fast() -> NumericOptions {
    NumericOptions::default().set_fast()
}

/// FNV-1a of the key: stable across runs and versions, unlike std's hasher,
/// so ties break the same way for everyone.
pub fn key_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
