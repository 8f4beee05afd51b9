//! One line of the import/export format: a document with its kind.

use serde::{Deserialize, Serialize};

use crate::channel::Channel;
use crate::document::{DocKey, DocKind, Document};
use crate::error::ModelError;
use crate::event::Event;
use crate::group::Group;
use crate::playlist::Playlist;
use crate::video::Video;

/// Runs `$body` with `$d` bound to the boxed document, whatever its kind.
macro_rules! on_document {
    ($record:expr, $d:ident => $body:expr) => {
        match $record {
            Record::Video($d) => $body,
            Record::Channel($d) => $body,
            Record::Playlist($d) => $body,
            Record::Event($d) => $body,
            Record::Group($d) => $body,
        }
    };
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
        on_document!(self, d => d.normalize())
    }

    /// The record's kind.
    pub fn kind(&self) -> DocKind {
        fn kind_of<D: Document>(_: &D) -> DocKind {
            D::KIND
        }
        on_document!(self, d => kind_of(&**d))
    }

    /// The document's key in the index.
    pub fn key(&self) -> DocKey {
        on_document!(self, d => d.key())
    }

    /// The host the document comes from.
    pub fn host(&self) -> &str {
        on_document!(self, d => d.host())
    }
}

macro_rules! record_from {
    ($($variant:ident),*) => {$(
        impl From<$variant> for Record {
            fn from(d: $variant) -> Record {
                Record::$variant(Box::new(d))
            }
        }
    )*};
}

record_from!(Video, Channel, Playlist, Event, Group);

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
