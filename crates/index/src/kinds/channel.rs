//! Video channels: schema, document, filters (PeerTube's
//! `/api/v1/search/video-channels`) and orders.

use sepiola_model::query::{ActorSort, ChannelQuery, SearchQuery};
use sepiola_model::{ActorSummary, Channel};
use tantivy::TantivyDocument;
use tantivy::schema::{Field, STRING, SchemaBuilder};

use crate::embedded::ActorRole;
use crate::filters::{self, Clauses};
use crate::kinds::fields::{Common, Role, TextField};
use crate::kinds::{Column, Kind, Order};

/// Fields of the channel index.
#[derive(Debug, Clone, Copy)]
pub struct ChannelKind {
    /// Display name and name, owner names, description.
    text: [TextField; 3],
    /// Channel handle `name@host`.
    handle: Field,
    /// Owner account handle.
    owner_handle: Field,
}

impl Kind for ChannelKind {
    type Doc = Channel;
    type Query = ChannelQuery;

    fn build(b: &mut SchemaBuilder) -> ChannelKind {
        let text = [
            TextField::build(b, "title", Role::Title, true),
            TextField::build(b, "names", Role::Names, true),
            TextField::build(b, "description", Role::Description, false),
        ];
        ChannelKind {
            text,
            handle: b.add_text_field("handle", STRING),
            owner_handle: b.add_text_field("owner_handle", STRING),
        }
    }

    fn text_fields(&self) -> &[TextField] {
        &self.text
    }

    fn texts(c: &Channel) -> Vec<String> {
        vec![
            format!("{} {}", c.display_name, c.name),
            format!("{} {}", c.owner_account.display_name, c.owner_account.name),
            c.description.clone().unwrap_or_default(),
        ]
    }

    fn fill(&self, c: &Channel, d: &mut TantivyDocument) {
        d.add_text(self.handle, c.handle());
        d.add_text(self.owner_handle, c.owner_account.handle());
    }

    fn own_handle(&self) -> Option<Field> {
        Some(self.handle)
    }

    fn account_handle(&self) -> Field {
        self.owner_handle
    }

    fn embedded(c: &Channel) -> Vec<(ActorRole, &ActorSummary)> {
        vec![(ActorRole::Account, &c.owner_account)]
    }

    fn embedded_mut(c: &mut Channel) -> Vec<(ActorRole, &mut ActorSummary)> {
        vec![(ActorRole::Account, &mut c.owner_account)]
    }

    fn filters(&self, common: &Common, q: &ChannelQuery, c: &mut Clauses) {
        if let Some(h) = &q.host {
            c.must(filters::term(common.host, h));
        }
        if !q.handles.is_empty() {
            c.must(filters::any_text(self.handle, &q.handles));
        }
    }

    fn order(&self, common: &Common, q: &ChannelQuery) -> Order {
        actor_order(common, q.sort, q.text())
    }
}

/// Channels and playlists: newest first without text, else relevance,
/// display name or creation date.
pub(crate) fn actor_order(
    common: &Common,
    sort: sepiola_model::query::Sort<ActorSort>,
    text: Option<&str>,
) -> Order {
    if sort.is_browse(text) {
        return Order::by(Column::I64(common.created_at), true);
    }
    match sort.field {
        ActorSort::DisplayName => Order::by(Column::Str(common.name_sort), sort.descending),
        ActorSort::CreatedAt => Order::by(Column::I64(common.created_at), sort.descending),
        ActorSort::Match => Order::Score,
    }
}
