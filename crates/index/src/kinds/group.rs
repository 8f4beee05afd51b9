//! Mobilizon groups: schema, document, filters (Mobilizon's
//! `searchGroups`, served as `/api/v1/search/groups`) and orders, biggest
//! first when browsing.

use sepiola_model::Group;
use sepiola_model::query::{GroupQuery, GroupSort, SearchQuery, UNKNOWN_LANGUAGE};
use tantivy::TantivyDocument;
use tantivy::schema::{Field, STRING, SchemaBuilder};

use crate::filters::{self, Clauses};
use crate::geo::GeoQuery;
use crate::kinds::fields::{Common, Role, TextField, num_fast};
use crate::kinds::geo_fields::GeoFields;
use crate::kinds::{Column, Kind, Order};

/// Fields of the group index.
#[derive(Debug, Clone, Copy)]
pub struct GroupKind {
    /// Display name and name, place names, description.
    text: [TextField; 3],
    /// Handle `name@host`.
    handle: Field,
    /// Language code or `_unknown`.
    language: Field,
    /// Members.
    member_count: Field,
    /// Map point.
    geo: GeoFields,
}

impl Kind for GroupKind {
    type Doc = Group;
    type Query = GroupQuery;

    fn build(b: &mut SchemaBuilder) -> GroupKind {
        let text = [
            TextField::build(b, "title", Role::Title, true),
            TextField::build(b, "names", Role::NamesAndPlace, true),
            TextField::build(b, "description", Role::Description, false),
        ];
        GroupKind {
            text,
            handle: b.add_text_field("handle", STRING),
            language: b.add_text_field("language", STRING),
            member_count: b.add_u64_field("member_count", num_fast()),
            geo: GeoFields::build(b),
        }
    }

    fn text_fields(&self) -> &[TextField] {
        &self.text
    }

    fn texts(g: &Group) -> Vec<String> {
        vec![
            format!("{} {}", g.display_name, g.name),
            g.location.as_ref().map(|p| p.words()).unwrap_or_default(),
            g.description.clone().unwrap_or_default(),
        ]
    }

    fn fill(&self, g: &Group, d: &mut TantivyDocument) {
        d.add_text(self.handle, g.handle());
        let lang = g.language.as_deref();
        d.add_text(self.language, lang.unwrap_or(UNKNOWN_LANGUAGE));
        d.add_u64(self.member_count, g.member_count);
        self.geo.add(d, g.location.as_ref());
    }

    fn language(&self) -> Option<Field> {
        Some(self.language)
    }

    fn account_handle(&self) -> Field {
        self.handle
    }

    fn filters(&self, _common: &Common, q: &GroupQuery, c: &mut Clauses) {
        if !q.languages.is_empty() {
            c.must(filters::any_text(self.language, &q.languages));
        }
        if !q.geo.is_empty() {
            c.must(Box::new(GeoQuery::new(q.geo, self.geo.cell)));
        }
    }

    fn order(&self, common: &Common, q: &GroupQuery) -> Order {
        let sort = q.sort;
        if sort.is_browse(q.text()) {
            return Order::by(Column::U64(self.member_count), true);
        }
        match sort.field {
            GroupSort::MemberCount => Order::by(Column::U64(self.member_count), sort.descending),
            GroupSort::CreatedAt => Order::by(Column::I64(common.created_at), sort.descending),
            GroupSort::Match => Order::Score,
        }
    }
}
