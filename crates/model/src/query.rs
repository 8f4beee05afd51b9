//! What a search asks for: text, filters, sort and page, already validated.
//!
//! The server decodes client parameters into these types; the index executes
//! them. Keeping them here lets both sides agree without knowing each other.

use serde::Serialize;

use crate::time::Timestamp;

/// Most results one page may hold.
pub const MAX_COUNT: usize = 100;
/// Default page size (the Framasoft index's default).
pub const DEFAULT_COUNT: usize = 20;
/// `start + count` may not go past this: deep pages cost memory and nobody reads them.
pub const MAX_WINDOW: usize = 10_000;
/// Longest search text accepted, in characters (Sepia Search's own limit).
pub const MAX_SEARCH_CHARS: usize = 1_024;
/// Language code meaning "no language" in `languageOneOf`.
pub const UNKNOWN_LANGUAGE: &str = "_unknown";

/// A column results can be ordered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SortField {
    /// Relevance.
    Match,
    /// Title (videos) or display name (channels, playlists).
    Name,
    /// Duration.
    Duration,
    /// Creation date.
    CreatedAt,
    /// Publication date.
    PublishedAt,
    /// Original publication date.
    OriginallyPublishedAt,
    /// Views.
    Views,
    /// Likes.
    Likes,
    /// Recent and popular ("hot", sent by PeerTube ≥ 7).
    Hot,
    /// Start of an event.
    StartTime,
    /// Participants of an event.
    ParticipantCount,
    /// Members of a group.
    MemberCount,
}

/// A sort: a column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sort {
    /// The column.
    pub field: SortField,
    /// Largest first.
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            field: SortField::Match,
            descending: true,
        }
    }
}

/// Which slice of the results to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Page {
    /// Offset of the first result.
    pub start: usize,
    /// Number of results.
    pub count: usize,
}

impl Default for Page {
    fn default() -> Self {
        Page {
            start: 0,
            count: DEFAULT_COUNT,
        }
    }
}

/// An inclusive range of dates; either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct DateRange {
    /// On or after.
    pub from: Option<Timestamp>,
    /// On or before.
    pub to: Option<Timestamp>,
}

impl DateRange {
    /// Whether neither end is set.
    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// Exclusions every kind of search shares: the asking instance's mutes and
/// the operator's deny list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Blocks {
    /// Hosts whose documents are left out.
    pub hosts: Vec<String>,
    /// Account handles (`name@host`) whose documents are left out.
    pub accounts: Vec<String>,
}

/// A video search.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct VideoQuery {
    /// Search text; `None` browses everything that passes the filters.
    pub search: Option<String>,
    /// `Some(true)` only sensitive, `Some(false)` only not sensitive.
    pub nsfw: Option<bool>,
    /// Live or not.
    pub is_live: Option<bool>,
    /// Category ids, any of.
    pub categories: Vec<u32>,
    /// Licence ids, any of.
    pub licences: Vec<u32>,
    /// Language codes, any of (`_unknown` for none).
    pub languages: Vec<String>,
    /// Tags, any of.
    pub tags_one_of: Vec<String>,
    /// Tags, all of.
    pub tags_all_of: Vec<String>,
    /// Only videos whose account is on this host.
    pub host: Option<String>,
    /// Publication date window.
    pub published: DateRange,
    /// Original publication date window.
    pub originally_published: DateRange,
    /// Shortest duration in seconds.
    pub duration_min: Option<u64>,
    /// Longest duration in seconds.
    pub duration_max: Option<u64>,
    /// UUIDs or short UUIDs, any of.
    pub uuids: Vec<String>,
    /// Languages whose videos rank higher.
    pub boost_languages: Vec<String>,
    /// Exclusions.
    pub blocks: Blocks,
    /// Order.
    pub sort: Sort,
    /// Slice.
    pub page: Page,
}

/// A channel search.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ChannelQuery {
    /// Search text.
    pub search: Option<String>,
    /// Only channels on this host.
    pub host: Option<String>,
    /// Channel handles (`name@host`), any of.
    pub handles: Vec<String>,
    /// Exclusions (accounts are owner accounts).
    pub blocks: Blocks,
    /// Order.
    pub sort: Sort,
    /// Slice.
    pub page: Page,
}

/// A playlist search.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PlaylistQuery {
    /// Search text.
    pub search: Option<String>,
    /// Only playlists whose owner account is on this host.
    pub host: Option<String>,
    /// UUIDs or short UUIDs, any of.
    pub uuids: Vec<String>,
    /// Exclusions (accounts are owner accounts).
    pub blocks: Blocks,
    /// Order.
    pub sort: Sort,
    /// Slice.
    pub page: Page,
}

/// Longest radius of a `distance`, in km: half the Earth's circumference,
/// beyond which every point is inside.
pub const MAX_DISTANCE_KM: f64 = 20_000.0;
/// Radius used when `latlon` comes without `distance` (the default of
/// Mobilizon's GraphQL `radius`).
pub const DEFAULT_DISTANCE_KM: f64 = 50.0;

/// A circle on the map: centre and radius.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Circle {
    /// Latitude of the centre, degrees.
    pub lat: f64,
    /// Longitude of the centre, degrees.
    pub lon: f64,
    /// Radius in km (0 to [`MAX_DISTANCE_KM`]).
    pub radius_km: f64,
}

/// A map viewport. `west > east` means it crosses the antimeridian.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BBox {
    /// Northern edge (latitude, degrees).
    pub north: f64,
    /// Western edge (longitude, -180 to 180).
    pub west: f64,
    /// Southern edge.
    pub south: f64,
    /// Eastern edge (longitude, -180 to 180).
    pub east: f64,
    /// Whether the box spans every longitude.
    pub all_longitudes: bool,
}

/// Where results must be (both, when both are given).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct GeoFilter {
    /// Within this distance of a point.
    pub near: Option<Circle>,
    /// Inside this viewport.
    pub bbox: Option<BBox>,
}

impl GeoFilter {
    /// Whether no geographic condition is set.
    pub fn is_empty(&self) -> bool {
        self.near.is_none() && self.bbox.is_none()
    }
}

/// A Mobilizon event search (contract B.2).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EventQuery {
    /// Search text; `None` browses everything that passes the filters.
    pub search: Option<String>,
    /// Start time window (`startDateMin`, `startDateMax`).
    pub start: DateRange,
    /// Category ids (upper-case), any of.
    pub categories: Vec<String>,
    /// Language codes, any of (`_unknown` for none).
    pub languages: Vec<String>,
    /// Statuses (upper-case), any of.
    pub statuses: Vec<String>,
    /// Where.
    pub geo: GeoFilter,
    /// Languages whose events rank higher.
    pub boost_languages: Vec<String>,
    /// Exclusions (accounts are organisers).
    pub blocks: Blocks,
    /// Order.
    pub sort: Sort,
    /// Slice.
    pub page: Page,
    /// "Now" for the default order without text (upcoming events first).
    pub now: Option<Timestamp>,
}

/// A Mobilizon group search (contract B.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GroupQuery {
    /// Search text.
    pub search: Option<String>,
    /// Language codes, any of (`_unknown` for none).
    pub languages: Vec<String>,
    /// Where.
    pub geo: GeoFilter,
    /// Languages whose groups rank higher.
    pub boost_languages: Vec<String>,
    /// Exclusions (accounts are the groups themselves).
    pub blocks: Blocks,
    /// Order.
    pub sort: Sort,
    /// Slice.
    pub page: Page,
}

/// A page of results with the exact number of matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hits<T> {
    /// Every match, not only this page.
    pub total: u64,
    /// This page.
    pub data: Vec<Scored<T>>,
}

/// A result with its relevance score, serialised as the object plus `score`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scored<T> {
    /// Relevance (0 when browsing without text).
    pub score: f32,
    /// The document.
    #[serde(flatten)]
    pub item: T,
}
