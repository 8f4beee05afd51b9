//! What a search asks for: text, filters, sort and page, already validated.
//!
//! The server decodes client parameters into these types; the index executes
//! them. Keeping them here lets both sides agree without knowing each other.

use serde::Serialize;

use crate::document::{DocKind, Document};
use crate::host::Host;
use crate::time::Timestamp;
use crate::{Channel, Event, Group, Playlist, Video};

/// Most results one page may hold.
pub const MAX_COUNT: usize = 100;
/// Default page size (the Framasoft index's default).
pub const DEFAULT_COUNT: usize = 20;
/// The index serves results up to this rank: deep pages cost memory and
/// nobody reads them. A page past it is still answered, with the exact
/// total and no results ([`Page::served`]).
pub const MAX_WINDOW: usize = 10_000;
/// Longest search text accepted, in characters (Sepia Search's own limit).
pub const MAX_SEARCH_CHARS: usize = 1_024;
/// Language code meaning "no language" in `languageOneOf`.
pub const UNKNOWN_LANGUAGE: &str = "_unknown";

/// A column one kind's results can be ordered by: each kind has its own
/// enum, so a sort another kind offers cannot be asked of it.
pub trait SortColumn: Copy + Eq + Default + std::fmt::Debug + Send + Sync + 'static {
    /// The API's names for the columns (`sort=name`, `sort=-name`).
    const NAMES: &'static [(&'static str, Self)];

    /// Whether this is relevance (best first, whatever the direction).
    fn is_match(self) -> bool;
}

/// A sort: a column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sort<C> {
    /// The column.
    pub field: C,
    /// Largest first.
    pub descending: bool,
}

impl<C: SortColumn> Default for Sort<C> {
    fn default() -> Self {
        Sort {
            field: C::default(),
            descending: true,
        }
    }
}

impl<C: SortColumn> Sort<C> {
    /// Relevance order without search text: every score is equal, so the
    /// kind's browse order applies.
    pub fn is_browse(&self, search: Option<&str>) -> bool {
        self.field.is_match() && search.is_none_or(|s| s.trim().is_empty())
    }
}

/// Video sorts (PeerTube's `sort` of `/api/v1/search/videos`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum VideoSort {
    /// Relevance.
    #[default]
    Match,
    /// Title.
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
    /// Recent and popular ("hot", sent by PeerTube ≥ 7 and Grayjay):
    /// newest first, as sepiola keeps no history of interactions.
    Hot,
    /// PeerTube's "trending" (views of the last days): most viewed first,
    /// as sepiola only knows each video's total views.
    Trending,
    /// PeerTube's "best" (hot plus the user's history): as `Hot`, since
    /// sepiola knows nobody's history.
    Best,
}

impl SortColumn for VideoSort {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("match", VideoSort::Match),
        ("name", VideoSort::Name),
        ("duration", VideoSort::Duration),
        ("createdAt", VideoSort::CreatedAt),
        ("publishedAt", VideoSort::PublishedAt),
        ("originallyPublishedAt", VideoSort::OriginallyPublishedAt),
        ("views", VideoSort::Views),
        ("likes", VideoSort::Likes),
        ("hot", VideoSort::Hot),
        ("trending", VideoSort::Trending),
        ("best", VideoSort::Best),
    ];
    fn is_match(self) -> bool {
        self == VideoSort::Match
    }
}

/// Channel and playlist sorts (the same three columns in PeerTube's API).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum ActorSort {
    /// Relevance.
    #[default]
    Match,
    /// Display name.
    DisplayName,
    /// Creation date.
    CreatedAt,
}

impl SortColumn for ActorSort {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("match", ActorSort::Match),
        ("displayName", ActorSort::DisplayName),
        ("createdAt", ActorSort::CreatedAt),
    ];
    fn is_match(self) -> bool {
        self == ActorSort::Match
    }
}

/// Mobilizon event sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum EventSort {
    /// Relevance (upcoming first without text).
    #[default]
    Match,
    /// Start time.
    StartTime,
    /// Creation date.
    CreatedAt,
    /// Participants.
    ParticipantCount,
}

impl SortColumn for EventSort {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("match", EventSort::Match),
        ("startTime", EventSort::StartTime),
        ("createdAt", EventSort::CreatedAt),
        ("participantCount", EventSort::ParticipantCount),
    ];
    fn is_match(self) -> bool {
        self == EventSort::Match
    }
}

/// Mobilizon group sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum GroupSort {
    /// Relevance (biggest first without text).
    #[default]
    Match,
    /// Members.
    MemberCount,
    /// Creation date.
    CreatedAt,
}

impl SortColumn for GroupSort {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("match", GroupSort::Match),
        ("memberCount", GroupSort::MemberCount),
        ("createdAt", GroupSort::CreatedAt),
    ];
    fn is_match(self) -> bool {
        self == GroupSort::Match
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

impl Page {
    /// The part of this page the index serves: the page cut at
    /// [`MAX_WINDOW`], or no results at all when it starts past it (the
    /// search then only counts its matches, so the cost stays bounded
    /// however deep the page).
    pub fn served(self) -> Page {
        if self.start >= MAX_WINDOW || self.count == 0 {
            Page { start: 0, count: 0 }
        } else {
            Page {
                start: self.start,
                count: self.count.min(MAX_WINDOW - self.start),
            }
        }
    }
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
    pub hosts: Vec<Host>,
    /// Account handles (`name@host`) whose documents are left out.
    pub accounts: Vec<String>,
    /// Channel or Mobilizon group handles (`name@host`): the channel or group
    /// itself and every document that embeds it are left out (moderation).
    pub channels: Vec<String>,
    /// Single documents left out (moderation): kind and key (`host id`).
    pub documents: Vec<(crate::DocKind, crate::DocKey)>,
}

impl Blocks {
    /// Adds every exclusion of `other` (the operator's, on top of a client's).
    pub fn extend_from(&mut self, other: &Blocks) {
        self.hosts.extend(other.hosts.iter().cloned());
        self.accounts.extend(other.accounts.iter().cloned());
        self.channels.extend(other.channels.iter().cloned());
        self.documents.extend(other.documents.iter().cloned());
    }

    /// Whether nothing is excluded.
    pub fn is_empty(&self) -> bool {
        self.hosts.is_empty()
            && self.accounts.is_empty()
            && self.channels.is_empty()
            && self.documents.is_empty()
    }
}

/// PeerTube's `VideoState.PUBLISHED`
/// (`packages/models/src/videos/video-state.enum.ts`).
pub const STATE_PUBLISHED: u32 = 1;
/// The highest video state PeerTube defines (`TO_EDIT_AS_NEW_VIDEO`).
pub const MAX_STATE: u32 = 13;

/// The video states a search asks for (`stateOneOf`), empty when it does
/// not ask. The index holds what an anonymous PeerTube listing shows:
/// published videos (and lives that are on or waiting with no schedule),
/// all counted as [`STATE_PUBLISHED`]. So a list holding 1 changes
/// nothing, and a list without 1 matches nothing: sepiola has no video
/// waiting for transcoding, import or a scheduled live.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct States(pub Vec<u32>);

impl States {
    /// Whether published videos (everything the index holds) are asked for.
    pub fn accepts_published(&self) -> bool {
        self.0.is_empty() || self.0.contains(&STATE_PUBLISHED)
    }
}

/// A video search.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct VideoQuery {
    /// Search text; `None` browses everything that passes the filters.
    pub search: Option<String>,
    /// `Some(true)` only sensitive, `Some(false)` only not sensitive.
    pub nsfw: Option<bool>,
    /// `nsfwFlagsIncluded`: with `nsfw=false`, sensitive videos with any of
    /// these flags are kept too (0: none). See [`crate::nsfw::passes`].
    pub nsfw_flags_included: u32,
    /// `nsfwFlagsExcluded`: videos with any of these flags are left out,
    /// unless `nsfw=false` (0: none). See [`crate::nsfw::passes`].
    pub nsfw_flags_excluded: u32,
    /// `stateOneOf`: the PeerTube video states asked for.
    pub states: States,
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
    pub host: Option<Host>,
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
    pub sort: Sort<VideoSort>,
    /// Slice.
    pub page: Page,
}

/// A channel search.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ChannelQuery {
    /// Search text.
    pub search: Option<String>,
    /// Only channels on this host.
    pub host: Option<Host>,
    /// Channel handles (`name@host`), any of.
    pub handles: Vec<String>,
    /// Exclusions (accounts are owner accounts).
    pub blocks: Blocks,
    /// Order.
    pub sort: Sort<ActorSort>,
    /// Slice.
    pub page: Page,
}

/// A playlist search.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PlaylistQuery {
    /// Search text.
    pub search: Option<String>,
    /// Only playlists whose owner account is on this host.
    pub host: Option<Host>,
    /// UUIDs or short UUIDs, any of.
    pub uuids: Vec<String>,
    /// Exclusions (accounts are owner accounts).
    pub blocks: Blocks,
    /// Order.
    pub sort: Sort<ActorSort>,
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

/// A Mobilizon event search (`/api/v1/search/events`, see the README).
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
    /// Online events only (`true`), in-person only (`false`), or both
    /// (`isOnline`, or Mobilizon's `type=ONLINE|IN_PERSON`).
    pub online: Option<bool>,
    /// Where.
    pub geo: GeoFilter,
    /// Languages whose events rank higher.
    pub boost_languages: Vec<String>,
    /// Exclusions (accounts are organisers).
    pub blocks: Blocks,
    /// Order.
    pub sort: Sort<EventSort>,
    /// Slice.
    pub page: Page,
    /// "Now" for the default order without text (upcoming events first).
    pub now: Option<Timestamp>,
}

/// A Mobilizon group search (`/api/v1/search/groups`, see the README).
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
    pub sort: Sort<GroupSort>,
    /// Slice.
    pub page: Page,
}

/// What every kind of search shares, whatever its filters: the text, the
/// page, the exclusions, the language boost and its kind's own sort.
pub trait SearchQuery: Send + Sync {
    /// The documents it finds.
    type Doc: Document;
    /// Its kind's sort columns.
    type Sort: SortColumn;

    /// The kind it searches.
    const KIND: DocKind = <Self::Doc as Document>::KIND;

    /// Search text; `None` browses everything that passes the filters.
    fn text(&self) -> Option<&str>;
    /// Which slice of the results.
    fn page(&self) -> Page;
    /// Exclusions.
    fn blocks(&self) -> &Blocks;
    /// Exclusions, to add the operator's.
    fn blocks_mut(&mut self) -> &mut Blocks;
    /// Languages whose documents rank higher.
    fn boost_languages(&self) -> &[String];
    /// The order.
    fn sort(&self) -> Sort<Self::Sort>;
}

macro_rules! search_query {
    ($query:ty, $doc:ty, $sort:ty, boost: $boost:ident) => {
        impl SearchQuery for $query {
            type Doc = $doc;
            type Sort = $sort;
            fn text(&self) -> Option<&str> {
                self.search.as_deref()
            }
            fn page(&self) -> Page {
                self.page
            }
            fn blocks(&self) -> &Blocks {
                &self.blocks
            }
            fn blocks_mut(&mut self) -> &mut Blocks {
                &mut self.blocks
            }
            fn boost_languages(&self) -> &[String] {
                search_query!(@boost self, $boost)
            }
            fn sort(&self) -> Sort<$sort> {
                self.sort
            }
        }
    };
    (@boost $self:ident, yes) => { &$self.boost_languages };
    (@boost $self:ident, no) => { &[] };
}

search_query!(VideoQuery, Video, VideoSort, boost: yes);
search_query!(ChannelQuery, Channel, ActorSort, boost: no);
search_query!(PlaylistQuery, Playlist, ActorSort, boost: no);
search_query!(EventQuery, Event, EventSort, boost: yes);
search_query!(GroupQuery, Group, GroupSort, boost: yes);

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
