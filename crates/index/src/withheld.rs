//! Moderation at write time: the documents the crawler must not write
//! (a blocked host's, account's, channel's or group's, or one blocked
//! document), so that a decision keeps them out of later crawls as well as
//! out of results. The same [`Blocks`] the queries carry decide, read
//! through each kind's [`Kind`] (host, account handle, embedded channel,
//! key). Imports are not filtered: an operator imports what they choose.

use std::sync::Arc;

use sepiola_model::query::Blocks;
use sepiola_model::{DocKind, Document, Record};

use crate::embedded::ActorRole;
use crate::kinds::Kind;
use crate::kinds::channel::ChannelKind;
use crate::kinds::event::EventKind;
use crate::kinds::group::GroupKind;
use crate::kinds::playlist::PlaylistKind;
use crate::kinds::video::VideoKind;
use crate::search_index::SearchIndex;

impl SearchIndex {
    /// Replaces what [`SearchIndex::upsert`] refuses to write (the
    /// operator's decisions in force).
    pub fn set_withheld(&self, blocks: Arc<Blocks>) {
        if let Ok(mut w) = self.withheld.write() {
            *w = blocks;
        }
    }

    /// Whether moderation withholds this document.
    pub fn withholds(&self, record: &Record) -> bool {
        let Ok(blocks) = self.withheld.read().map(|b| b.clone()) else {
            return false;
        };
        if blocks.is_empty() {
            return false;
        }
        match record {
            Record::Video(d) => withheld::<VideoKind>(d, &blocks),
            Record::Channel(d) => withheld::<ChannelKind>(d, &blocks),
            Record::Playlist(d) => withheld::<PlaylistKind>(d, &blocks),
            Record::Event(d) => withheld::<EventKind>(d, &blocks),
            Record::Group(d) => withheld::<GroupKind>(d, &blocks),
        }
    }
}

fn withheld<K: Kind>(doc: &K::Doc, b: &Blocks) -> bool {
    let kind = <K::Doc as Document>::KIND;
    let key = doc.key();
    let host = doc.host();
    if b.hosts.iter().any(|h| h.as_str() == host) {
        return true;
    }
    if let Some(a) = doc.account_handle()
        && b.accounts.contains(&a)
    {
        return true;
    }
    let in_channel = K::embedded(doc)
        .into_iter()
        .any(|(role, actor)| role == ActorRole::Channel && b.channels.contains(&actor.handle()));
    let is_channel = matches!(kind, DocKind::Channel | DocKind::Group)
        && b.channels.contains(&format!("{}@{}", key.id(), key.host()));
    in_channel || is_channel || b.documents.iter().any(|(k, d)| *k == kind && *d == key)
}
