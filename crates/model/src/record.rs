//! One line of the import/export format: a document with its kind.

use serde::{Deserialize, Serialize};

use crate::channel::Channel;
use crate::error::ModelError;
use crate::event::Event;
use crate::group::Group;
use crate::playlist::Playlist;
use crate::video::Video;

/// The kinds of documents the index holds: PeerTube's videos, channels and
/// playlists, and Mobilizon's events and groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// A JSON line of `sepiola index import` / `export`: the object the API
/// returns, with its `host` and a `kind` tag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Record {
    /// A video.
    Video(Box<Video>),
    /// A channel.
    Channel(Box<Channel>),
    /// A playlist.
    Playlist(Box<Playlist>),
    /// A Mobilizon event.
    Event(Box<Event>),
    /// A Mobilizon group.
    Group(Box<Group>),
}

impl Record {
    /// Parses one JSON line.
    pub fn from_json(line: &str) -> Result<Record, ModelError> {
        // Read the tag first, then the object straight into its type: serde's
        // internally tagged enums buffer the whole object, which costs more
        // than a second scan (this is the import's hot path).
        #[derive(Deserialize)]
        struct Tag {
            kind: DocKind,
        }
        let err = |e: serde_json::Error| ModelError::Json(e.to_string());
        let tag: Tag = serde_json::from_str(line).map_err(err)?;
        Ok(match tag.kind {
            DocKind::Video => Record::Video(serde_json::from_str(line).map_err(err)?),
            DocKind::Channel => Record::Channel(serde_json::from_str(line).map_err(err)?),
            DocKind::Playlist => Record::Playlist(serde_json::from_str(line).map_err(err)?),
            DocKind::Event => Record::Event(serde_json::from_str(line).map_err(err)?),
            DocKind::Group => Record::Group(serde_json::from_str(line).map_err(err)?),
        })
    }

    /// Normalises the document inside.
    pub fn normalize(&mut self) -> Result<(), ModelError> {
        match self {
            Record::Video(v) => v.normalize(),
            Record::Channel(c) => c.normalize(),
            Record::Playlist(p) => p.normalize(),
            Record::Event(e) => e.normalize(),
            Record::Group(g) => g.normalize(),
        }
    }

    /// The record's kind.
    pub fn kind(&self) -> DocKind {
        match self {
            Record::Video(_) => DocKind::Video,
            Record::Channel(_) => DocKind::Channel,
            Record::Playlist(_) => DocKind::Playlist,
            Record::Event(_) => DocKind::Event,
            Record::Group(_) => DocKind::Group,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_with_their_kind() {
        let v = crate::video::tests::sample();
        let line = serde_json::to_string(&Record::Video(Box::new(v.clone()))).unwrap();
        assert!(line.starts_with(r#"{"kind":"video","host":"tube.example:8443""#));
        match Record::from_json(&line).unwrap() {
            Record::Video(back) => assert_eq!(*back, v),
            other => panic!("wrong kind {:?}", other.kind()),
        }
        assert!(Record::from_json(r#"{"kind":"event"}"#).is_err());
        assert!(Record::from_json(r#"{"kind":"concert"}"#).is_err());
        let e = crate::event::tests::sample();
        let line = serde_json::to_string(&Record::Event(Box::new(e.clone()))).unwrap();
        assert!(line.starts_with(r#"{"kind":"event","host":"#));
        match Record::from_json(&line).unwrap() {
            Record::Event(back) => assert_eq!(*back, e),
            other => panic!("wrong kind {:?}", other.kind()),
        }
        assert!(Record::from_json("[1,2]").is_err());
    }
}
