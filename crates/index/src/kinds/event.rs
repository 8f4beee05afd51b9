//! Mobilizon events: schema, document, filters (Mobilizon's
//! `searchEvents`, served as `/api/v1/search/events`) and orders, with
//! upcoming events first when browsing (see docs/ranking.md).

use sepiola_model::query::{EventQuery, EventSort, SearchQuery, UNKNOWN_LANGUAGE};
use sepiola_model::{Event, Timestamp};
use tantivy::TantivyDocument;
use tantivy::schema::{Field, INDEXED, STRING, SchemaBuilder};

use crate::filters::{self, Clauses};
use crate::geo::GeoQuery;
use crate::kinds::fields::{Common, Role, TextField, num_fast};
use crate::kinds::geo_fields::GeoFields;
use crate::kinds::{Column, Kind, Order};
use crate::tiers::StemmedIn;

/// Fields of the event index.
#[derive(Debug, Clone, Copy)]
pub struct EventKind {
    /// Title, tags, organiser and place names, description, by weight.
    text: [TextField; 4],
    /// UUID.
    uuid: Field,
    /// Organiser handle `name@host`.
    creator_handle: Field,
    /// Language code or `_unknown`.
    language: Field,
    /// Upper-case category id.
    category: Field,
    /// Upper-case status.
    status: Field,
    /// Start (ms).
    start_time: Field,
    /// Participants.
    participant_count: Field,
    /// Held online.
    is_online: Field,
    /// Map point.
    geo: GeoFields,
}

impl Kind for EventKind {
    type Doc = Event;
    type Query = EventQuery;

    fn build(b: &mut SchemaBuilder) -> EventKind {
        let text = [
            TextField::build(b, "title", Role::Title, true),
            TextField::build(b, "tags", Role::Tags, true),
            TextField::build(b, "names", Role::NamesAndPlace, true),
            TextField::build(b, "description", Role::Description, false),
        ];
        EventKind {
            text,
            uuid: b.add_text_field("uuid", STRING),
            creator_handle: b.add_text_field("creator_handle", STRING),
            language: b.add_text_field("language", STRING),
            category: b.add_text_field("category", STRING),
            status: b.add_text_field("status", STRING),
            start_time: b.add_i64_field("start_time", num_fast()),
            participant_count: b.add_u64_field("participant_count", num_fast()),
            is_online: b.add_bool_field("is_online", INDEXED),
            geo: GeoFields::build(b),
        }
    }

    fn text_fields(&self) -> &[TextField] {
        &self.text
    }

    fn texts(e: &Event) -> Vec<String> {
        let mut names = String::new();
        if let Some(c) = &e.creator {
            names = format!("{} {}", c.display_name, c.name);
        }
        if let Some(p) = &e.location {
            names.push(' ');
            names.push_str(&p.words());
        }
        vec![
            e.name.clone(),
            e.tags.join(" \n "),
            names,
            e.description.clone().unwrap_or_default(),
        ]
    }

    fn fill(&self, e: &Event, d: &mut TantivyDocument) {
        d.add_text(self.uuid, &e.uuid);
        if let Some(h) = e.creator_handle() {
            d.add_text(self.creator_handle, h);
        }
        let lang = e.language.as_deref();
        d.add_text(self.language, lang.unwrap_or(UNKNOWN_LANGUAGE));
        d.add_text(self.category, &e.category);
        d.add_text(self.status, e.status.as_str());
        d.add_i64(self.start_time, e.start_time.millis());
        d.add_u64(self.participant_count, e.participant_count);
        d.add_bool(self.is_online, e.is_online);
        self.geo.add(d, e.location.as_ref());
    }

    fn uuid(&self) -> Option<Field> {
        Some(self.uuid)
    }

    fn language(&self) -> Option<Field> {
        Some(self.language)
    }

    fn stemmed_in(&self) -> StemmedIn {
        // Events are stemmed by their language, which has no field here.
        StemmedIn::Unrecorded
    }

    fn account_handle(&self) -> Field {
        self.creator_handle
    }

    fn filters(&self, _common: &Common, q: &EventQuery, c: &mut Clauses) {
        if !q.start.is_open() {
            c.must(filters::dates(self.start_time, &q.start));
        }
        if !q.categories.is_empty() {
            c.must(filters::any_text(self.category, &q.categories));
        }
        if !q.languages.is_empty() {
            c.must(filters::any_text(self.language, &q.languages));
        }
        if !q.statuses.is_empty() {
            c.must(filters::any_text(self.status, &q.statuses));
        }
        if let Some(online) = q.online {
            c.must(filters::boolean(self.is_online, online));
        }
        if !q.geo.is_empty() {
            c.must(Box::new(GeoQuery::new(q.geo, self.geo.cell)));
        }
    }

    fn order(&self, common: &Common, q: &EventQuery) -> Order {
        let sort = q.sort;
        if sort.is_browse(q.text()) {
            return Order::UpcomingFirst {
                start: self.start_time,
                now: q.now.unwrap_or_else(Timestamp::now),
            };
        }
        let by = |c| Order::by(c, sort.descending);
        match sort.field {
            EventSort::StartTime => by(Column::I64(self.start_time)),
            EventSort::CreatedAt => by(Column::I64(common.created_at)),
            EventSort::ParticipantCount => by(Column::U64(self.participant_count)),
            EventSort::Match => Order::Score,
        }
    }
}
