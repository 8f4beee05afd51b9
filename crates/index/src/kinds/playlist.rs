//! Video playlists: schema, document, filters (PeerTube's
//! `/api/v1/search/video-playlists`) and orders.

use sepiola_model::query::{PlaylistQuery, SearchQuery};
use sepiola_model::{ActorSummary, Playlist};
use tantivy::TantivyDocument;
use tantivy::schema::{Field, STRING, SchemaBuilder};

use crate::embedded::ActorRole;
use crate::filters::{self, Clauses};
use crate::kinds::channel::actor_order;
use crate::kinds::fields::{Common, Role, TextField};
use crate::kinds::{Kind, Order};

/// Fields of the playlist index.
#[derive(Debug, Clone, Copy)]
pub struct PlaylistKind {
    /// Display name, owner and channel names, description.
    text: [TextField; 3],
    /// UUID (a shortUUID asked for is turned into it).
    uuid: Field,
    /// Owner account host.
    owner_host: Field,
    /// Owner account handle.
    owner_handle: Field,
}

impl Kind for PlaylistKind {
    type Doc = Playlist;
    type Query = PlaylistQuery;

    fn build(b: &mut SchemaBuilder) -> PlaylistKind {
        let text = [
            TextField::build(b, "title", Role::Title, true),
            TextField::build(b, "names", Role::Names, true),
            TextField::build(b, "description", Role::Description, false),
        ];
        PlaylistKind {
            text,
            uuid: b.add_text_field("uuid", STRING),
            owner_host: b.add_text_field("owner_host", STRING),
            owner_handle: b.add_text_field("owner_handle", STRING),
        }
    }

    fn text_fields(&self) -> &[TextField] {
        &self.text
    }

    fn texts(p: &Playlist) -> Vec<String> {
        let mut names = format!("{} {}", p.owner_account.display_name, p.owner_account.name);
        if let Some(c) = &p.video_channel {
            names.push_str(&format!(" {} {}", c.display_name, c.name));
        }
        vec![
            p.display_name.clone(),
            names,
            p.description.clone().unwrap_or_default(),
        ]
    }

    fn fill(&self, p: &Playlist, d: &mut TantivyDocument) {
        d.add_text(self.uuid, &p.uuid);
        d.add_text(self.owner_host, &p.owner_account.host);
        d.add_text(self.owner_handle, p.owner_account.handle());
    }

    fn uuid(&self) -> Option<Field> {
        Some(self.uuid)
    }

    fn account_handle(&self) -> Field {
        self.owner_handle
    }

    fn embedded(p: &Playlist) -> Vec<(ActorRole, &ActorSummary)> {
        let mut out = vec![(ActorRole::Account, &p.owner_account)];
        if let Some(c) = &p.video_channel {
            out.push((ActorRole::Channel, c));
        }
        out
    }

    fn embedded_mut(p: &mut Playlist) -> Vec<(ActorRole, &mut ActorSummary)> {
        let mut out = vec![(ActorRole::Account, &mut p.owner_account)];
        if let Some(c) = &mut p.video_channel {
            out.push((ActorRole::Channel, c));
        }
        out
    }

    fn filters(&self, _common: &Common, q: &PlaylistQuery, c: &mut Clauses) {
        if let Some(h) = &q.host {
            c.must(filters::term(self.owner_host, h));
        }
        if !q.uuids.is_empty() {
            c.must(filters::uuids(self.uuid, &q.uuids));
        }
    }

    fn order(&self, common: &Common, q: &PlaylistQuery) -> Order {
        actor_order(common, q.sort, q.text())
    }
}
