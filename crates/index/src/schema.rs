//! The tantivy schemas, one per kind, and how a document fills them.

use serde::Serialize;

use sepiola_model::query::UNKNOWN_LANGUAGE;
use sepiola_model::text::truncate;
use sepiola_model::video::API_DESCRIPTION_CHARS;
use sepiola_model::{Channel, Playlist, Video};
use tantivy::TantivyDocument;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, NumericOptions, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};

use crate::analysis::{Analysis, FOLDED, STEMMED};

/// Fields every kind has: identity, origin, storage, sort keys.
#[derive(Debug, Clone, Copy)]
pub struct Common {
    /// `host uuid` (or `host name` for channels): the upsert key, also fast.
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
    /// Last update (ms), the crawler's change detector.
    pub updated_at: Field,
}

/// A searchable text field: its folded and stemmed views and its weight.
#[derive(Debug, Clone, Copy)]
pub struct TextField {
    /// Folded view (positions kept, for phrases).
    pub folded: Field,
    /// Stemmed view.
    pub stemmed: Field,
    /// Relative weight in relevance.
    pub weight: f32,
    /// Whether typo and prefix matching apply (not to long descriptions).
    pub loose: bool,
}

/// Fields of the video index.
#[derive(Debug, Clone, Copy)]
pub struct VideoFields {
    /// Shared fields.
    pub common: Common,
    /// Title, tags, channel and account names, description, by weight.
    pub text: [TextField; 4],
    /// UUID (a shortUUID asked for is turned into it).
    pub uuid: Field,
    /// Account host.
    pub account_host: Field,
    /// Account handle `name@host`.
    pub account_handle: Field,
    /// Lower-cased tags.
    pub tag: Field,
    /// Language code or `_unknown`.
    pub language: Field,
    /// Category id (0 = none).
    pub category: Field,
    /// Licence id (0 = none).
    pub licence: Field,
    /// Sensitive.
    pub nsfw: Field,
    /// Live.
    pub is_live: Field,
    /// Publication date (ms).
    pub published_at: Field,
    /// Original publication date (ms), absent when null.
    pub originally_published_at: Field,
    /// Duration (s).
    pub duration: Field,
    /// Views.
    pub views: Field,
    /// Likes.
    pub likes: Field,
}

/// Fields of the channel index.
#[derive(Debug, Clone, Copy)]
pub struct ChannelFields {
    /// Shared fields.
    pub common: Common,
    /// Display name and name, owner names, description.
    pub text: [TextField; 3],
    /// Channel handle `name@host`.
    pub handle: Field,
    /// Owner account handle.
    pub owner_handle: Field,
}

/// Fields of the playlist index.
#[derive(Debug, Clone, Copy)]
pub struct PlaylistFields {
    /// Shared fields.
    pub common: Common,
    /// Display name, owner and channel names, description.
    pub text: [TextField; 3],
    /// UUID (a shortUUID asked for is turned into it).
    pub uuid: Field,
    /// Owner account host.
    pub owner_host: Field,
    /// Owner account handle.
    pub owner_handle: Field,
}

pub(crate) fn text_opts(analyzer: &str, positions: bool) -> TextOptions {
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

pub(crate) fn num_fast() -> NumericOptions {
    NumericOptions::default().set_fast()
}

pub(crate) fn common(b: &mut tantivy::schema::SchemaBuilder) -> Common {
    Common {
        key: b.add_text_field("key", STRING | FAST),
        key_hash: b.add_u64_field("key_hash", num_fast()),
        host: b.add_text_field("host", STRING | FAST),
        doc: b.add_text_field("doc", STORED),
        full_description: b.add_text_field("full_description", STORED),
        // A sort column only: not in the term dictionary (one long, mostly
        // unique term per document made merges slower for nothing).
        name_sort: b.add_text_field("name_sort", FAST),
        // The hash of the folded name: a whole-title match needs no more,
        // and a long, mostly unique string per document costs merges.
        name_exact: b.add_u64_field("name_exact", INDEXED),
        created_at: b.add_i64_field("created_at", num_fast()),
        updated_at: b.add_i64_field("updated_at", num_fast()),
    }
}

pub(crate) fn text_field(
    b: &mut tantivy::schema::SchemaBuilder,
    name: &str,
    weight: f32,
    loose: bool,
) -> TextField {
    TextField {
        folded: b.add_text_field(name, text_opts(FOLDED, true)),
        stemmed: b.add_text_field(&format!("{name}_stem"), text_opts(STEMMED, false)),
        weight,
        loose,
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

impl VideoFields {
    /// Builds the video schema.
    pub fn build() -> (Schema, VideoFields) {
        let mut b = Schema::builder();
        let common = common(&mut b);
        let text = [
            text_field(&mut b, "title", weights::TITLE, true),
            text_field(&mut b, "tags", weights::TAGS, true),
            text_field(&mut b, "names", weights::NAMES, true),
            text_field(&mut b, "description", weights::DESCRIPTION, false),
        ];
        let f = VideoFields {
            common,
            text,
            uuid: b.add_text_field("uuid", STRING),
            account_host: b.add_text_field("account_host", STRING),
            account_handle: b.add_text_field("account_handle", STRING),
            tag: b.add_text_field("tag", STRING),
            language: b.add_text_field("language", STRING),
            category: b.add_u64_field("category", INDEXED),
            licence: b.add_u64_field("licence", INDEXED),
            nsfw: b.add_bool_field("nsfw", INDEXED),
            is_live: b.add_bool_field("is_live", INDEXED),
            // Range filters read the column: no term per value.
            published_at: b.add_i64_field("published_at", num_fast()),
            originally_published_at: b.add_i64_field("originally_published_at", num_fast()),
            duration: b.add_u64_field("duration", num_fast()),
            views: b.add_u64_field("views", num_fast()),
            likes: b.add_u64_field("likes", num_fast()),
        };
        (b.build(), f)
    }

    /// The tantivy document for a (normalised) video.
    pub fn document(&self, v: &Video, a: &Analysis) -> Result<TantivyDocument, serde_json::Error> {
        let mut d = TantivyDocument::new();
        let lang = v.language.id.as_deref();
        let names = format!(
            "{} {} {} {}",
            v.channel.display_name, v.channel.name, v.account.display_name, v.account.name
        );
        let tags = v.tags.join(" \n ");
        let description = v.description.as_deref().unwrap_or("");
        let texts = [v.name.as_str(), tags.as_str(), names.as_str(), description];
        for (tf, t) in self.text.iter().zip(texts) {
            add_text(&mut d, tf, a, lang, t);
        }
        add_common(
            &mut d,
            &self.common,
            a,
            &v.key(),
            &v.host,
            &v.name,
            v.created_at.millis(),
            v.updated_at.unwrap_or(v.published_at).millis(),
        );
        add_body(
            &mut d,
            &self.common,
            v,
            v.description.as_deref(),
            |v, cut| v.description = Some(cut),
        )?;
        d.add_text(self.uuid, &v.uuid);
        d.add_text(self.account_host, &v.account.host);
        d.add_text(self.account_handle, v.account.handle());
        for t in &v.tags {
            d.add_text(self.tag, t.to_lowercase());
        }
        d.add_text(self.language, lang.unwrap_or(UNKNOWN_LANGUAGE));
        d.add_u64(self.category, u64::from(v.category.id.unwrap_or(0)));
        d.add_u64(self.licence, u64::from(v.licence.id.unwrap_or(0)));
        d.add_bool(self.nsfw, v.nsfw);
        d.add_bool(self.is_live, v.is_live);
        d.add_i64(self.published_at, v.published_at.millis());
        if let Some(o) = v.originally_published_at {
            d.add_i64(self.originally_published_at, o.millis());
        }
        d.add_u64(self.duration, v.duration);
        d.add_u64(self.views, v.views);
        d.add_u64(self.likes, v.likes);
        Ok(d)
    }
}

impl ChannelFields {
    /// Builds the channel schema.
    pub fn build() -> (Schema, ChannelFields) {
        let mut b = Schema::builder();
        let common = common(&mut b);
        let text = [
            text_field(&mut b, "title", weights::TITLE, true),
            text_field(&mut b, "names", weights::NAMES, true),
            text_field(&mut b, "description", weights::DESCRIPTION, false),
        ];
        let f = ChannelFields {
            common,
            text,
            handle: b.add_text_field("handle", STRING),
            owner_handle: b.add_text_field("owner_handle", STRING),
        };
        (b.build(), f)
    }

    /// The tantivy document for a (normalised) channel.
    pub fn document(
        &self,
        c: &Channel,
        a: &Analysis,
    ) -> Result<TantivyDocument, serde_json::Error> {
        let mut d = TantivyDocument::new();
        let title = format!("{} {}", c.display_name, c.name);
        let names = format!("{} {}", c.owner_account.display_name, c.owner_account.name);
        let description = c.description.as_deref().unwrap_or("");
        for (tf, t) in self
            .text
            .iter()
            .zip([title.as_str(), names.as_str(), description])
        {
            add_text(&mut d, tf, a, None, t);
        }
        add_common(
            &mut d,
            &self.common,
            a,
            &c.key(),
            &c.host,
            &c.display_name,
            c.created_at.millis(),
            c.updated_at.unwrap_or(c.created_at).millis(),
        );
        add_body(
            &mut d,
            &self.common,
            c,
            c.description.as_deref(),
            |c, cut| c.description = Some(cut),
        )?;
        d.add_text(self.handle, c.handle());
        d.add_text(self.owner_handle, c.owner_account.handle());
        Ok(d)
    }
}

impl PlaylistFields {
    /// Builds the playlist schema.
    pub fn build() -> (Schema, PlaylistFields) {
        let mut b = Schema::builder();
        let common = common(&mut b);
        let text = [
            text_field(&mut b, "title", weights::TITLE, true),
            text_field(&mut b, "names", weights::NAMES, true),
            text_field(&mut b, "description", weights::DESCRIPTION, false),
        ];
        let f = PlaylistFields {
            common,
            text,
            uuid: b.add_text_field("uuid", STRING),
            owner_host: b.add_text_field("owner_host", STRING),
            owner_handle: b.add_text_field("owner_handle", STRING),
        };
        (b.build(), f)
    }

    /// The tantivy document for a (normalised) playlist.
    pub fn document(
        &self,
        p: &Playlist,
        a: &Analysis,
    ) -> Result<TantivyDocument, serde_json::Error> {
        let mut d = TantivyDocument::new();
        let mut names = format!("{} {}", p.owner_account.display_name, p.owner_account.name);
        if let Some(c) = &p.video_channel {
            names.push_str(&format!(" {} {}", c.display_name, c.name));
        }
        let description = p.description.as_deref().unwrap_or("");
        for (tf, t) in self
            .text
            .iter()
            .zip([p.display_name.as_str(), names.as_str(), description])
        {
            add_text(&mut d, tf, a, None, t);
        }
        add_common(
            &mut d,
            &self.common,
            a,
            &p.key(),
            &p.host,
            &p.display_name,
            p.created_at.millis(),
            p.updated_at.unwrap_or(p.created_at).millis(),
        );
        add_body(
            &mut d,
            &self.common,
            p,
            p.description.as_deref(),
            |p, cut| p.description = Some(cut),
        )?;
        d.add_text(self.uuid, &p.uuid);
        d.add_text(self.owner_host, &p.owner_account.host);
        d.add_text(self.owner_handle, p.owner_account.handle());
        Ok(d)
    }
}

/// Stores the answer JSON of `item`, its description cut for the API; the
/// whole description goes to its own stored field when it was cut.
pub(crate) fn add_body<T: Serialize + Clone>(
    d: &mut TantivyDocument,
    c: &Common,
    item: &T,
    description: Option<&str>,
    set_description: fn(&mut T, String),
) -> Result<(), serde_json::Error> {
    match description {
        Some(full) if full.chars().count() > API_DESCRIPTION_CHARS => {
            let mut answer = item.clone();
            set_description(&mut answer, truncate(full, API_DESCRIPTION_CHARS));
            d.add_text(c.full_description, full);
            d.add_text(c.doc, serde_json::to_string(&answer)?);
        }
        _ => d.add_text(c.doc, serde_json::to_string(item)?),
    }
    Ok(())
}

pub(crate) fn add_text(
    d: &mut TantivyDocument,
    tf: &TextField,
    a: &Analysis,
    lang: Option<&str>,
    t: &str,
) {
    if t.is_empty() {
        return;
    }
    d.add_text(tf.folded, t);
    d.add_text(tf.stemmed, a.stemmed_text(lang, t));
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn add_common(
    d: &mut TantivyDocument,
    c: &Common,
    a: &Analysis,
    key: &str,
    host: &str,
    name: &str,
    created_ms: i64,
    updated_ms: i64,
) {
    d.add_text(c.key, key);
    d.add_u64(c.key_hash, key_hash(key));
    d.add_text(c.host, host);
    let folded = a.folded_line(name);
    d.add_text(c.name_sort, folded.chars().take(64).collect::<String>());
    d.add_u64(c.name_exact, key_hash(&folded));
    d.add_i64(c.created_at, created_ms);
    d.add_i64(c.updated_at, updated_ms);
}

/// FNV-1a of the key: stable across runs and versions, unlike std's hasher,
/// so ties break the same way for everyone.
pub fn key_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
