//! Videos: schema, document, filters (PeerTube's `/api/v1/search/videos`)
//! and orders.

use sepiola_model::query::{SearchQuery, UNKNOWN_LANGUAGE, VideoQuery, VideoSort};
use sepiola_model::{ActorSummary, Video};
use tantivy::TantivyDocument;
use tantivy::schema::{Field, INDEXED, STRING, SchemaBuilder};

use crate::embedded::ActorRole;
use crate::filters::{self, Clauses};
use crate::kinds::fields::{Common, Role, TextField, num_fast};
use crate::kinds::{Column, Kind, Order};

/// Fields of the video index.
#[derive(Debug, Clone, Copy)]
pub struct VideoKind {
    /// Title, tags, channel and account names, description, by weight.
    text: [TextField; 4],
    /// UUID (a shortUUID asked for is turned into it).
    uuid: Field,
    /// Account host.
    account_host: Field,
    /// Account handle `name@host`.
    account_handle: Field,
    /// Lower-cased tags.
    tag: Field,
    /// Language code or `_unknown`.
    language: Field,
    /// Category id (0 = none).
    category: Field,
    /// Licence id (0 = none).
    licence: Field,
    /// Sensitive.
    nsfw: Field,
    /// One term per NSFW flag set (`1 << bit`), none without flags.
    nsfw_flag: Field,
    /// Live.
    is_live: Field,
    /// Publication date (ms).
    published_at: Field,
    /// Original publication date (ms), absent when null.
    originally_published_at: Field,
    /// Duration (s).
    duration: Field,
    /// Views.
    views: Field,
    /// Likes.
    likes: Field,
}

impl Kind for VideoKind {
    type Doc = Video;
    type Query = VideoQuery;
    const LARGE: bool = true;

    fn build(b: &mut SchemaBuilder) -> VideoKind {
        let text = [
            TextField::build(b, "title", Role::Title, true),
            TextField::build(b, "tags", Role::Tags, true),
            TextField::build(b, "names", Role::Names, true),
            TextField::build(b, "description", Role::Description, false),
        ];
        VideoKind {
            text,
            uuid: b.add_text_field("uuid", STRING),
            account_host: b.add_text_field("account_host", STRING),
            account_handle: b.add_text_field("account_handle", STRING),
            tag: b.add_text_field("tag", STRING),
            language: b.add_text_field("language", STRING),
            category: b.add_u64_field("category", INDEXED),
            licence: b.add_u64_field("licence", INDEXED),
            nsfw: b.add_bool_field("nsfw", INDEXED),
            nsfw_flag: b.add_u64_field("nsfw_flag", INDEXED),
            is_live: b.add_bool_field("is_live", INDEXED),
            // Range filters read the column: no term per value.
            published_at: b.add_i64_field("published_at", num_fast()),
            originally_published_at: b.add_i64_field("originally_published_at", num_fast()),
            duration: b.add_u64_field("duration", num_fast()),
            views: b.add_u64_field("views", num_fast()),
            likes: b.add_u64_field("likes", num_fast()),
        }
    }

    fn text_fields(&self) -> &[TextField] {
        &self.text
    }

    fn texts(v: &Video) -> Vec<String> {
        vec![
            v.name.clone(),
            v.tags.join(" \n "),
            format!(
                "{} {} {} {}",
                v.channel.display_name, v.channel.name, v.account.display_name, v.account.name
            ),
            v.description.clone().unwrap_or_default(),
        ]
    }

    fn fill(&self, v: &Video, d: &mut TantivyDocument) {
        d.add_text(self.uuid, &v.uuid);
        d.add_text(self.account_host, &v.account.host);
        d.add_text(self.account_handle, v.account.handle());
        for t in &v.tags {
            d.add_text(self.tag, t.to_lowercase());
        }
        let lang = v.language.id.as_deref();
        d.add_text(self.language, lang.unwrap_or(UNKNOWN_LANGUAGE));
        d.add_u64(self.category, u64::from(v.category.id.unwrap_or(0)));
        d.add_u64(self.licence, u64::from(v.licence.id.unwrap_or(0)));
        d.add_bool(self.nsfw, v.nsfw);
        for bit in filters::bits(v.nsfw_flags) {
            d.add_u64(self.nsfw_flag, bit);
        }
        d.add_bool(self.is_live, v.is_live);
        d.add_i64(self.published_at, v.published_at.millis());
        if let Some(o) = v.originally_published_at {
            d.add_i64(self.originally_published_at, o.millis());
        }
        d.add_u64(self.duration, v.duration);
        d.add_u64(self.views, v.views);
        d.add_u64(self.likes, v.likes);
    }

    fn uuid(&self) -> Option<Field> {
        Some(self.uuid)
    }

    fn language(&self) -> Option<Field> {
        Some(self.language)
    }

    fn account_handle(&self) -> Field {
        self.account_handle
    }

    fn embedded(v: &Video) -> Vec<(ActorRole, &ActorSummary)> {
        vec![
            (ActorRole::Channel, &v.channel),
            (ActorRole::Account, &v.account),
        ]
    }

    fn embedded_mut(v: &mut Video) -> Vec<(ActorRole, &mut ActorSummary)> {
        vec![
            (ActorRole::Channel, &mut v.channel),
            (ActorRole::Account, &mut v.account),
        ]
    }

    fn filters(&self, _common: &Common, q: &VideoQuery, c: &mut Clauses) {
        self.nsfw_filters(q, c);
        if !q.states.accepts_published() {
            c.must(Box::new(tantivy::query::EmptyQuery));
        }
        if let Some(b) = q.is_live {
            c.must(filters::boolean(self.is_live, b));
        }
        if !q.categories.is_empty() {
            c.must(filters::any_u64(
                self.category,
                q.categories.iter().map(|&i| u64::from(i)),
            ));
        }
        if !q.licences.is_empty() {
            c.must(filters::any_u64(
                self.licence,
                q.licences.iter().map(|&i| u64::from(i)),
            ));
        }
        if !q.languages.is_empty() {
            c.must(filters::any_text(self.language, &q.languages));
        }
        if !q.tags_one_of.is_empty() {
            let tags: Vec<String> = q.tags_one_of.iter().map(|t| t.to_lowercase()).collect();
            c.must(filters::any_text(self.tag, &tags));
        }
        for t in &q.tags_all_of {
            c.must(filters::term(self.tag, &t.to_lowercase()));
        }
        if let Some(h) = &q.host {
            c.must(filters::term(self.account_host, h));
        }
        if !q.published.is_open() {
            c.must(filters::dates(self.published_at, &q.published));
        }
        if !q.originally_published.is_open() {
            c.must(filters::dates(
                self.originally_published_at,
                &q.originally_published,
            ));
        }
        if q.duration_min.is_some() || q.duration_max.is_some() {
            c.must(filters::u64_range(
                self.duration,
                q.duration_min,
                q.duration_max,
            ));
        }
        if !q.uuids.is_empty() {
            c.must(filters::uuids(self.uuid, &q.uuids));
        }
    }

    fn order(&self, common: &Common, q: &VideoQuery) -> Order {
        let sort = q.sort;
        // Browsing without text or language boost: every score is equal, so
        // "best match" means newest first, read from one column.
        if sort.is_browse(q.text()) && q.boost_languages.is_empty() {
            return Order::by(Column::I64(self.published_at), true);
        }
        let by = |c| Order::by(c, sort.descending);
        match sort.field {
            VideoSort::Match => Order::Score,
            VideoSort::Name => by(Column::Str(common.name_sort)),
            VideoSort::Duration => by(Column::U64(self.duration)),
            VideoSort::CreatedAt => by(Column::I64(common.created_at)),
            VideoSort::PublishedAt => by(Column::I64(self.published_at)),
            // No interaction history: see docs/ranking.md. These three are
            // "most first" whatever the direction asked.
            VideoSort::Hot | VideoSort::Best => Order::by(Column::I64(self.published_at), true),
            VideoSort::Trending => Order::by(Column::U64(self.views), true),
            VideoSort::OriginallyPublishedAt => by(Column::I64(self.originally_published_at)),
            VideoSort::Views => by(Column::U64(self.views)),
            VideoSort::Likes => by(Column::U64(self.likes)),
        }
    }
}

impl VideoKind {
    /// `nsfw`, `nsfwFlagsIncluded` and `nsfwFlagsExcluded` with PeerTube's
    /// semantics (the reference is `sepiola_model::nsfw::passes`):
    /// `nsfw=true` keeps sensitive videos without an excluded flag,
    /// `nsfw=false` keeps the others plus those with an included flag, and
    /// without `nsfw` the excluded flags alone hide videos.
    fn nsfw_filters(&self, q: &VideoQuery, c: &mut Clauses) {
        let excluded = q.nsfw_flags_excluded & sepiola_model::nsfw::KNOWN;
        let included = q.nsfw_flags_included & sepiola_model::nsfw::KNOWN;
        let any_flag = |flags| filters::any_u64(self.nsfw_flag, filters::bits(flags));
        match q.nsfw {
            Some(true) => {
                c.must(filters::boolean(self.nsfw, true));
                if excluded != 0 {
                    c.must_not(any_flag(excluded));
                }
            }
            Some(false) if included != 0 => c.must(filters::either(vec![
                filters::boolean(self.nsfw, false),
                any_flag(included),
            ])),
            Some(false) => c.must(filters::boolean(self.nsfw, false)),
            None if excluded != 0 => c.must_not(any_flag(excluded)),
            None => {}
        }
    }
}
