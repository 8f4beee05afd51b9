//! Mobilizon events and groups: their schemas, how a document fills them,
//! and their searches (contract B). Text ranking, filters and tie-breaks
//! are the ones videos use; what is new is geography ([`crate::geo`]) and
//! the default order of events without text (upcoming first).

use std::ops::Bound;

use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery};
use tantivy::schema::{Field, STRING, Schema};
use tantivy::{TantivyDocument, Term};

use sepiola_model::query::{EventQuery, GroupQuery, Hits, Page, SortField, UNKNOWN_LANGUAGE};
use sepiola_model::{Event, Group, Timestamp};

use crate::analysis::Analysis;
use crate::error::IndexError;
use crate::filters::{self, Clauses};
use crate::geo::{self, GeoQuery};
use crate::schema::{
    Common, TextField, add_body, add_common, add_text, common, num_fast, text_field, weights,
};
use crate::search::{Scores, SearchIndex, SortKey, add_blocks, sort_is_browse};
use crate::stored::FromStored;
use crate::text_query::{TextSpec, ranking};

/// Fields every point-bearing kind has.
#[derive(Debug, Clone, Copy)]
pub struct GeoFields {
    /// Grid cells of the point, one per level (see [`crate::geo`]).
    pub cell: Field,
    /// Latitude (fast).
    pub lat: Field,
    /// Longitude (fast).
    pub lon: Field,
}

impl GeoFields {
    fn build(b: &mut tantivy::schema::SchemaBuilder) -> GeoFields {
        GeoFields {
            cell: b.add_text_field("cell", STRING),
            lat: b.add_f64_field("lat", num_fast()),
            lon: b.add_f64_field("lon", num_fast()),
        }
    }

    fn add(&self, d: &mut TantivyDocument, place: Option<&sepiola_model::place::Place>) {
        if let Some(p) = place.and_then(|p| p.point()) {
            for c in geo::cell_terms(p.lat, p.lon) {
                d.add_text(self.cell, c);
            }
            // 180° and -180° are one meridian; store one of them.
            let lon = if p.lon >= 180.0 { -180.0 } else { p.lon };
            d.add_f64(self.lat, p.lat);
            d.add_f64(self.lon, lon);
        }
    }
}

/// Fields of the event index.
#[derive(Debug, Clone, Copy)]
pub struct EventFields {
    /// Shared fields.
    pub common: Common,
    /// Title, tags, organiser and place names, description, by weight.
    pub text: [TextField; 4],
    /// UUID.
    pub uuid: Field,
    /// Organiser handle `name@host`.
    pub creator_handle: Field,
    /// Language code or `_unknown`.
    pub language: Field,
    /// Upper-case category id.
    pub category: Field,
    /// Upper-case status.
    pub status: Field,
    /// Start (ms).
    pub start_time: Field,
    /// Participants.
    pub participant_count: Field,
    /// Map point.
    pub geo: GeoFields,
}

/// Fields of the group index.
#[derive(Debug, Clone, Copy)]
pub struct GroupFields {
    /// Shared fields.
    pub common: Common,
    /// Display name and name, place names, description.
    pub text: [TextField; 3],
    /// Handle `name@host`.
    pub handle: Field,
    /// Language code or `_unknown`.
    pub language: Field,
    /// Members.
    pub member_count: Field,
    /// Map point.
    pub geo: GeoFields,
}

impl EventFields {
    /// Builds the event schema.
    pub fn build() -> (Schema, EventFields) {
        let mut b = Schema::builder();
        let common = common(&mut b);
        let text = [
            text_field(&mut b, "title", weights::TITLE, true),
            text_field(&mut b, "tags", weights::TAGS, true),
            text_field(&mut b, "names", weights::NAMES, true),
            text_field(&mut b, "description", weights::DESCRIPTION, false),
        ];
        let f = EventFields {
            common,
            text,
            uuid: b.add_text_field("uuid", STRING),
            creator_handle: b.add_text_field("creator_handle", STRING),
            language: b.add_text_field("language", STRING),
            category: b.add_text_field("category", STRING),
            status: b.add_text_field("status", STRING),
            start_time: b.add_i64_field("start_time", num_fast()),
            participant_count: b.add_u64_field("participant_count", num_fast()),
            geo: GeoFields::build(&mut b),
        };
        (b.build(), f)
    }

    /// The tantivy document for a (normalised) event.
    pub fn document(&self, e: &Event, a: &Analysis) -> Result<TantivyDocument, serde_json::Error> {
        let mut d = TantivyDocument::new();
        let lang = e.language.as_deref();
        let mut names = String::new();
        if let Some(c) = &e.creator {
            names = format!("{} {}", c.display_name, c.name);
        }
        if let Some(p) = &e.location {
            names.push(' ');
            names.push_str(&p.words());
        }
        let tags = e.tags.join(" \n ");
        let description = e.description.as_deref().unwrap_or("");
        let texts = [e.name.as_str(), tags.as_str(), names.trim(), description];
        for (tf, t) in self.text.iter().zip(texts) {
            add_text(&mut d, tf, a, lang, t);
        }
        // Without a creation date, an event sorts as created when it was
        // last updated, else at its start.
        let created = e.created_at.or(e.updated_at).unwrap_or(e.start_time);
        add_common(
            &mut d,
            &self.common,
            a,
            &e.key(),
            &e.host,
            &e.name,
            created.millis(),
            e.updated_at.unwrap_or(created).millis(),
        );
        add_body(
            &mut d,
            &self.common,
            e,
            e.description.as_deref(),
            |e, cut| e.description = Some(cut),
        )?;
        d.add_text(self.uuid, &e.uuid);
        if let Some(h) = e.creator_handle() {
            d.add_text(self.creator_handle, h);
        }
        d.add_text(self.language, lang.unwrap_or(UNKNOWN_LANGUAGE));
        d.add_text(self.category, &e.category);
        d.add_text(self.status, e.status.as_str());
        d.add_i64(self.start_time, e.start_time.millis());
        d.add_u64(self.participant_count, e.participant_count);
        self.geo.add(&mut d, e.location.as_ref());
        Ok(d)
    }
}

impl GroupFields {
    /// Builds the group schema.
    pub fn build() -> (Schema, GroupFields) {
        let mut b = Schema::builder();
        let common = common(&mut b);
        let text = [
            text_field(&mut b, "title", weights::TITLE, true),
            text_field(&mut b, "names", weights::NAMES, true),
            text_field(&mut b, "description", weights::DESCRIPTION, false),
        ];
        let f = GroupFields {
            common,
            text,
            handle: b.add_text_field("handle", STRING),
            language: b.add_text_field("language", STRING),
            member_count: b.add_u64_field("member_count", num_fast()),
            geo: GeoFields::build(&mut b),
        };
        (b.build(), f)
    }

    /// The tantivy document for a (normalised) group.
    pub fn document(&self, g: &Group, a: &Analysis) -> Result<TantivyDocument, serde_json::Error> {
        let mut d = TantivyDocument::new();
        let lang = g.language.as_deref();
        let title = format!("{} {}", g.display_name, g.name);
        let places = g.location.as_ref().map(|p| p.words()).unwrap_or_default();
        let description = g.description.as_deref().unwrap_or("");
        for (tf, t) in self
            .text
            .iter()
            .zip([title.as_str(), places.as_str(), description])
        {
            add_text(&mut d, tf, a, lang, t);
        }
        let created = g
            .created_at
            .or(g.updated_at)
            .unwrap_or(Timestamp(chrono::DateTime::<chrono::Utc>::UNIX_EPOCH));
        add_common(
            &mut d,
            &self.common,
            a,
            &g.key(),
            &g.host,
            &g.display_name,
            created.millis(),
            g.updated_at.unwrap_or(created).millis(),
        );
        add_body(
            &mut d,
            &self.common,
            g,
            g.description.as_deref(),
            |g, cut| g.description = Some(cut),
        )?;
        d.add_text(self.handle, g.handle());
        d.add_text(self.language, lang.unwrap_or(UNKNOWN_LANGUAGE));
        d.add_u64(self.member_count, g.member_count);
        self.geo.add(&mut d, g.location.as_ref());
        Ok(d)
    }
}

impl SearchIndex {
    /// Runs an event search (contract B.2). Without text and with the
    /// default sort, upcoming events come first (soonest first), then past
    /// ones (most recent first); see docs/ranking.md.
    pub fn search_events(&self, q: &EventQuery) -> Result<Hits<Event>, IndexError> {
        self.search_events_as(q)
    }

    /// Runs an event search, answering with `T` built from each result's
    /// stored JSON ([`crate::AnswerJson`] for the API).
    pub fn search_events_as<T: FromStored>(&self, q: &EventQuery) -> Result<Hits<T>, IndexError> {
        let f = &self.ef;
        let mut c = Clauses::default();
        self.add_text(
            &mut c,
            &self.events,
            q.search.as_deref(),
            &TextSpec {
                fields: &f.text,
                name_exact: f.common.name_exact,
                uuid: Some(f.uuid),
            },
        );
        if !q.start.is_open() {
            c.must(filters::dates(f.start_time, &q.start));
        }
        if !q.categories.is_empty() {
            c.must(filters::any_text(f.category, &q.categories));
        }
        if !q.languages.is_empty() {
            c.must(filters::any_text(f.language, &q.languages));
        }
        if !q.statuses.is_empty() {
            c.must(filters::any_text(f.status, &q.statuses));
        }
        if !q.geo.is_empty() {
            c.must(Box::new(GeoQuery::new(q.geo, f.geo.cell)));
        }
        if !q.boost_languages.is_empty() {
            c.should(Box::new(ConstScoreQuery::new(
                filters::any_text(f.language, &q.boost_languages),
                ranking::LANGUAGE,
            )));
        }
        add_blocks(&mut c, &q.blocks, f.common.host, f.creator_handle);
        let query = c.build();
        if sort_is_browse(q.search.as_deref(), q.sort.field) {
            let now = q.now.unwrap_or_else(Timestamp::now);
            return self.upcoming_first(
                &*query,
                now,
                q.page,
                Scores::of(q.search.as_deref(), &q.boost_languages),
            );
        }
        let sort = match q.sort.field {
            SortField::StartTime => SortKey::I64("start_time"),
            SortField::CreatedAt => SortKey::I64("created_at"),
            SortField::ParticipantCount => SortKey::U64("participant_count"),
            _ => SortKey::Score,
        };
        let descending = q.sort.descending || matches!(sort, SortKey::Score);
        self.run(
            &self.events,
            &*query,
            sort,
            descending,
            q.page,
            Scores::of(q.search.as_deref(), &q.boost_languages),
        )
    }

    /// Events starting at or after `now` by start ascending, then the
    /// others by start descending, paged across both as one list.
    fn upcoming_first<T: FromStored>(
        &self,
        query: &dyn Query,
        now: Timestamp,
        page: Page,
        scores: Scores,
    ) -> Result<Hits<T>, IndexError> {
        let f = &self.ef;
        let split = |from: Bound<Term>, to: Bound<Term>| -> Box<dyn Query> {
            Box::new(BooleanQuery::new(vec![
                (Occur::Must, query.box_clone()),
                (
                    Occur::Must,
                    Box::new(ConstScoreQuery::new(
                        Box::new(RangeQuery::new(from, to)),
                        0.0,
                    )),
                ),
            ]))
        };
        let now_term = Term::from_field_i64(f.start_time, now.millis());
        let upcoming = split(Bound::Included(now_term.clone()), Bound::Unbounded);
        let past = split(Bound::Unbounded, Bound::Excluded(now_term));
        let first = self.run::<T>(
            &self.events,
            &*upcoming,
            SortKey::I64("start_time"),
            false,
            page,
            scores,
        )?;
        let upcoming_total = usize::try_from(first.total).unwrap_or(usize::MAX);
        let rest = Page {
            start: page.start.saturating_sub(upcoming_total),
            count: page.count - first.data.len().min(page.count),
        };
        let second = self.run::<T>(
            &self.events,
            &*past,
            SortKey::I64("start_time"),
            true,
            rest,
            scores,
        )?;
        let mut data = first.data;
        data.extend(second.data);
        Ok(Hits {
            total: first.total + second.total,
            data,
        })
    }

    /// Runs a group search (contract B.3). Without text and with the
    /// default sort, the biggest groups come first.
    pub fn search_groups(&self, q: &GroupQuery) -> Result<Hits<Group>, IndexError> {
        self.search_groups_as(q)
    }

    /// Runs a group search, answering with `T` built from each result's
    /// stored JSON ([`crate::AnswerJson`] for the API).
    pub fn search_groups_as<T: FromStored>(&self, q: &GroupQuery) -> Result<Hits<T>, IndexError> {
        let f = &self.gf;
        let mut c = Clauses::default();
        self.add_text(
            &mut c,
            &self.groups,
            q.search.as_deref(),
            &TextSpec {
                fields: &f.text,
                name_exact: f.common.name_exact,
                uuid: None,
            },
        );
        if !q.languages.is_empty() {
            c.must(filters::any_text(f.language, &q.languages));
        }
        if !q.geo.is_empty() {
            c.must(Box::new(GeoQuery::new(q.geo, f.geo.cell)));
        }
        if !q.boost_languages.is_empty() {
            c.should(Box::new(ConstScoreQuery::new(
                filters::any_text(f.language, &q.boost_languages),
                ranking::LANGUAGE,
            )));
        }
        add_blocks(&mut c, &q.blocks, f.common.host, f.handle);
        let (sort, descending) = if sort_is_browse(q.search.as_deref(), q.sort.field) {
            (SortKey::U64("member_count"), true)
        } else {
            match q.sort.field {
                SortField::MemberCount => (SortKey::U64("member_count"), q.sort.descending),
                SortField::CreatedAt => (SortKey::I64("created_at"), q.sort.descending),
                _ => (SortKey::Score, true),
            }
        };
        self.run(
            &self.groups,
            &*c.build(),
            sort,
            descending,
            q.page,
            Scores::of(q.search.as_deref(), &q.boost_languages),
        )
    }
}
