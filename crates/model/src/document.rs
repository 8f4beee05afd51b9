//! What every kind of document shares: its kind, its key in the index and
//! the fields the index and the crawler read the same way whatever the kind.
//! Adding a kind means one more [`DocKind`] and one more [`Document`] impl.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::ModelError;
use crate::stamp::ChangeStamp;
use crate::time::Timestamp;

/// The kinds of documents the index holds: PeerTube's videos, channels and
/// playlists, and Mobilizon's events and groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// A video.
    Video,
    /// A video channel.
    Channel,
    /// A video playlist.
    Playlist,
    /// A Mobilizon event.
    Event,
    /// A Mobilizon group.
    Group,
}

impl DocKind {
    /// All kinds, in the order the index keeps them.
    pub const ALL: [DocKind; 5] = [
        DocKind::Video,
        DocKind::Channel,
        DocKind::Playlist,
        DocKind::Event,
        DocKind::Group,
    ];

    /// The kinds crawled from PeerTube instances (the PeerTube instance list
    /// governs them: a host leaving it loses these, not its events).
    pub const PEERTUBE: [DocKind; 3] = [DocKind::Video, DocKind::Channel, DocKind::Playlist];

    /// The kinds of Mobilizon instances.
    pub const MOBILIZON: [DocKind; 2] = [DocKind::Event, DocKind::Group];

    /// The kind's plural, as `indexedDocuments` in `/api/v1/config` names it.
    pub fn plural(self) -> &'static str {
        match self {
            DocKind::Video => "videos",
            DocKind::Channel => "channels",
            DocKind::Playlist => "playlists",
            DocKind::Event => "events",
            DocKind::Group => "groups",
        }
    }

    /// The kind named `s` (`video`, `channel`…), if any.
    pub fn parse(s: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind's name in records and directory names.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Video => "video",
            DocKind::Channel => "channel",
            DocKind::Playlist => "playlist",
            DocKind::Event => "event",
            DocKind::Group => "group",
        }
    }
}

impl fmt::Display for DocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The key of a document in the index: its host and its id there (the
/// uuid, or the name for channels and groups), unique within a kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct DocKey(String);

impl DocKey {
    /// The key of the document `id` on `host`.
    pub fn new(host: &str, id: &str) -> DocKey {
        DocKey(format!("{host} {id}"))
    }

    /// A key as the index stores it (`host id`); `None` without both parts.
    pub fn from_stored(s: &str) -> Option<DocKey> {
        let (h, id) = s.split_once(' ')?;
        (!h.is_empty() && !id.is_empty()).then(|| DocKey(s.to_string()))
    }

    /// The stored form, `host id`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host part.
    pub fn host(&self) -> &str {
        self.0.split_once(' ').map_or("", |(h, _)| h)
    }

    /// The id part (uuid or name).
    pub fn id(&self) -> &str {
        self.0.split_once(' ').map_or("", |(_, id)| id)
    }
}

impl PartialEq<&str> for DocKey {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for DocKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The [`Document`] methods that read a field of the same name in every
/// kind: host, key (host and `id`), title, description.
macro_rules! document_fields {
    (id: $id:ident, title: $title:ident) => {
        fn host(&self) -> &str {
            &self.host
        }

        fn key(&self) -> $crate::document::DocKey {
            $crate::document::DocKey::new(&self.host, &self.$id)
        }

        fn title(&self) -> &str {
            &self.$title
        }

        fn description(&self) -> Option<&str> {
            self.description.as_deref()
        }

        fn set_description(&mut self, description: Option<String>) {
            self.description = description;
        }
    };
}
pub(crate) use document_fields;

/// A kind of document: what the index, the crawler and moderation read from
/// any of them. Each kind implements it beside its own fields.
/// Each kind also converts `Into<Record>` (in `record.rs`, which knows them all).
pub trait Document: Serialize + DeserializeOwned + Clone + Send + Sync + 'static {
    /// The kind.
    const KIND: DocKind;

    /// Cleans every field, checks every URL belongs to the document's own
    /// host and fills the derived fields. A document that fails is not indexed.
    fn normalize(&mut self) -> Result<(), ModelError>;

    /// The host it was crawled from.
    fn host(&self) -> &str;

    /// Its key in the index.
    fn key(&self) -> DocKey;

    /// Title or display name: the exact-title bonus and the name sort.
    fn title(&self) -> &str;

    /// The description, if any (searched, cut in answers).
    fn description(&self) -> Option<&str>;

    /// Replaces the description (the answer stores a cut one).
    fn set_description(&mut self, description: Option<String>);

    /// When it was created, for date sorts (kinds without one fall back).
    fn created_at(&self) -> Timestamp;

    /// When it last changed on its instance (half of the change stamp).
    fn updated_at(&self) -> Timestamp;

    /// A stable hash of what clients see of it that its `updatedAt` may
    /// not cover (a channel's avatars: PeerTube keeps `updatedAt` when they
    /// change); 0 for kinds whose `updatedAt` covers everything.
    fn content_hash(&self) -> u64 {
        0
    }

    /// What the crawler compares with the index inventory to decide
    /// whether the document changed: `updatedAt` and [`Document::content_hash`].
    fn change_stamp(&self) -> ChangeStamp {
        ChangeStamp {
            updated_at: self.updated_at().millis(),
            content: self.content_hash(),
        }
    }

    /// Its language code, if known (stemming, language filters and boosts).
    fn language(&self) -> Option<&str> {
        None
    }

    /// Its uuid, for kinds that have one (ownership across hosts).
    fn uuid(&self) -> Option<&str> {
        None
    }

    /// The handle (`name@host`) of the account it belongs to, which
    /// `blockedAccounts` and account-level moderation speak of.
    fn account_handle(&self) -> Option<String>;
}
