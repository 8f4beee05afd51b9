//! The search page's URL: what the visitor asked for, as a plain GET form
//! that can be shared.
//!
//! The URL is decoded into typed values, each of which knows how it is
//! written back (`query_string`) and what it means to the API: the form
//! turns itself into the PeerTube API's own parameters and hands them to
//! the API's decoder, so the page and the API reach the index through one
//! path from parameters to queries.

use chrono::{DateTime, NaiveDate, Utc};
use sepiola_model::event::CATEGORIES;
use sepiola_model::host::normalize_host;
use sepiola_model::labels;
use sepiola_model::query::{
    ChannelQuery, EventQuery, GroupQuery, MAX_SEARCH_CHARS, MAX_WINDOW, PlaylistQuery, VideoQuery,
};
use sepiola_places::MAX_QUERY_CHARS;

use super::choices::{
    Attendance, Choice, DateWindow, DurationBucket, EventWhen, FromSepia, Live, Radius, Sensitive,
    SortOrder, StatusChoice, Tab, url_of,
};
use super::event_dates;
use super::place_box::{self, PlaceChoice};
use crate::decode;
use crate::location::Location;
use crate::params::{RawParams, Scalar};
use crate::problem::ApiError;

/// Results per page.
pub const PAGE_SIZE: usize = 10;
/// Last page reachable (the index serves 10,000 results deep).
pub const MAX_PAGE: usize = MAX_WINDOW / PAGE_SIZE;

/// The languages offered in the language filter (Sepia Search's list).
pub const FILTER_LANGUAGES: [&str; 20] = [
    "en", "fr", "ja", "eu", "ca", "cs", "eo", "el", "de", "it", "nl", "es", "oc", "gd", "zh", "pt",
    "sv", "pl", "fi", "ru",
];

/// Everything the search page's URL can say. Unknown or malformed values
/// fall back to their default: a shared link never breaks the page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchForm {
    search: String,
    tab: Option<Tab>,
    sort: SortOrder,
    sensitive: Sensitive,
    live: Option<Live>,
    date: Option<DateWindow>,
    duration: Option<DurationBucket>,
    category: Option<u32>,
    licence: Option<u32>,
    language: Option<&'static str>,
    host: Option<String>,
    /// Comma-separated tags, all required, as typed.
    tags_all: String,
    /// Comma-separated tags, one required, as typed.
    tags_one: String,
    /// Events and groups: the place box as typed.
    place: String,
    /// The GeoNames id a "did you mean" link picked.
    at: Option<u32>,
    /// The browser's position ("use my position"), in range.
    position: Option<(f64, f64)>,
    /// How far from the place.
    radius: Radius,
    /// When events start.
    when: Option<EventWhen>,
    /// First day of a date range.
    from: Option<NaiveDate>,
    /// Last day of a date range.
    to: Option<NaiveDate>,
    /// A Mobilizon category id.
    event_category: Option<&'static str>,
    /// An event status.
    status: Option<StatusChoice>,
    /// Online or in person.
    attend: Option<Attendance>,
    /// 1-based page.
    page: usize,
    /// Explicit page language.
    lang: Option<String>,
}

/// A coordinate written in the URL, if it is a finite number in `-max..=max`.
fn coordinate(v: &str, max: f64) -> Option<f64> {
    let x = v.parse::<f64>().ok()?;
    (x.is_finite() && x.abs() <= max).then_some(x)
}

/// A `YYYY-MM-DD` day (what `<input type="date">` sends).
fn day(v: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()
}

/// The first text value of a parameter, trimmed and cut to `max` characters.
fn first(p: &RawParams, name: &str, max: usize) -> String {
    p.values(name)
        .and_then(|(_, v)| {
            v.into_iter().find_map(|s| match s {
                Scalar::Text(t) => Some(t.trim().chars().take(max).collect::<String>()),
                _ => None,
            })
        })
        .unwrap_or_default()
}

/// Every text value of a parameter (`name` or `name[]`), trimmed.
fn all(p: &RawParams, name: &str) -> Vec<String> {
    let bracketed = format!("{name}[]");
    [name, bracketed.as_str()]
        .into_iter()
        .filter_map(|n| p.values(n))
        .flat_map(|(_, v)| v.into_iter())
        .filter_map(|s| match s {
            Scalar::Text(t) => Some(t.trim().chars().take(16).collect::<String>()),
            _ => None,
        })
        .collect()
}

/// Our choice for parameter `ours`, else for Sepia Search's `sepia`.
fn either<C: Choice + FromSepia>(p: &RawParams, ours: &str, sepia: &str) -> Option<C> {
    let v = first(p, ours, 16);
    let mine = (!v.is_empty()).then(|| C::from_url(&v)).flatten();
    mine.or_else(|| C::from_sepia(&first(p, sepia, 16)))
}

/// `v` as an id, if it is one of `known`.
fn known_id(v: &str, mut known: impl Iterator<Item = u32>) -> Option<u32> {
    let n = v.parse::<u32>().ok()?;
    known.any(|k| k == n).then_some(n)
}

impl SearchForm {
    /// Reads the form from a query string; never fails.
    pub fn parse(query: &str) -> SearchForm {
        let p = RawParams::from_urlencoded(query.as_bytes(), Location::Query).unwrap_or_default();
        let text = |name: &str, max: usize| first(&p, name, max);
        // Ours first, then Sepia Search's names for the same thing.
        let language = Some(text("language", 8))
            .into_iter()
            .chain(all(&p, "languageOneOf"))
            .find_map(|v| FILTER_LANGUAGES.into_iter().find(|l| *l == v));
        let category = Some(text("category", 4))
            .into_iter()
            .chain(all(&p, "categoryOneOf"))
            .find_map(|v| known_id(&v, labels::category_ids()));
        SearchForm {
            search: text("search", MAX_SEARCH_CHARS),
            tab: Tab::from_url(&text("type", 16)),
            // `sort` is both ours and Sepia's name: either spelling.
            sort: SortOrder::from_url(&text("sort", 16))
                .or_else(|| SortOrder::from_sepia(&text("sort", 16)))
                .unwrap_or_default(),
            sensitive: either(&p, "sensitive", "nsfw").unwrap_or_default(),
            live: Live::from_url(&text("live", 8)),
            date: either(&p, "date", "publishedDateRange"),
            duration: either(&p, "duration", "durationRange"),
            category,
            licence: known_id(&text("licence", 4), labels::licence_ids()),
            language,
            host: normalize_host(&text("host", 260)),
            tags_all: text("tagsAllOf", 300),
            tags_one: text("tagsOneOf", 300),
            place: text("place", MAX_QUERY_CHARS),
            at: text("at", 10).parse().ok(),
            position: coordinate(&text("lat", 24), 90.0).zip(coordinate(&text("lon", 24), 180.0)),
            radius: Radius::from_url(&text("radius", 8)).unwrap_or_default(),
            when: EventWhen::from_url(&text("when", 16)),
            from: day(&text("from", 10)),
            to: day(&text("to", 10)),
            event_category: {
                let c = text("eventCategory", 40);
                CATEGORIES.into_iter().find(|k| *k == c)
            },
            status: StatusChoice::from_url(&text("status", 16)),
            attend: Attendance::from_url(&text("attend", 16)),
            page: text("page", 8)
                .parse::<usize>()
                .unwrap_or(1)
                .clamp(1, MAX_PAGE),
            lang: Some(text("lang", 8)).filter(|l| !l.is_empty()),
        }
    }

    /// The search text (trimmed; empty when browsing).
    pub fn search_text(&self) -> &str {
        &self.search
    }

    /// The tab shown.
    pub fn tab(&self) -> Tab {
        self.tab.unwrap_or(Tab::Videos)
    }

    /// The 1-based page asked for.
    pub fn page(&self) -> usize {
        self.page
    }

    /// The page language the URL asks for, if any.
    pub fn lang(&self) -> Option<&str> {
        self.lang.as_deref()
    }

    /// Each filter's URL name and value (empty when unset), in URL order.
    fn filter_values(&self) -> Vec<(&'static str, String)> {
        let (lat, lon) = self
            .position
            .map(|(a, b)| (format!("{a:.5}"), format!("{b:.5}")))
            .unwrap_or_default();
        vec![
            ("sort", self.sort.url_value().to_string()),
            ("sensitive", self.sensitive.url_value().to_string()),
            ("live", url_of(self.live).to_string()),
            ("date", url_of(self.date).to_string()),
            ("duration", url_of(self.duration).to_string()),
            (
                "category",
                self.category.map(|c| c.to_string()).unwrap_or_default(),
            ),
            (
                "licence",
                self.licence.map(|c| c.to_string()).unwrap_or_default(),
            ),
            ("language", self.language.unwrap_or_default().to_string()),
            ("host", self.host.clone().unwrap_or_default()),
            ("tagsAllOf", self.tags_all.clone()),
            ("tagsOneOf", self.tags_one.clone()),
            ("place", self.place.clone()),
            ("at", self.at.map(|a| a.to_string()).unwrap_or_default()),
            ("lat", lat),
            ("lon", lon),
            ("radius", self.radius.url_value().to_string()),
            ("when", url_of(self.when).to_string()),
            ("from", day_value(self.from)),
            ("to", day_value(self.to)),
            (
                "eventCategory",
                self.event_category.unwrap_or_default().to_string(),
            ),
            ("status", url_of(self.status).to_string()),
            ("attend", url_of(self.attend).to_string()),
        ]
    }

    /// The URL value of the filter named `name` (empty when unset), for
    /// the filter fields to show what is selected.
    pub fn filter_value(&self, name: &str) -> String {
        self.filter_values()
            .into_iter()
            .find_map(|(k, v)| (k == name).then_some(v))
            .unwrap_or_default()
    }

    /// Number of filters that differ from the defaults (sort excluded; a
    /// place's id and a position's longitude go with the place and the
    /// latitude).
    pub fn active_filters(&self) -> usize {
        self.filter_values()
            .iter()
            .filter(|(k, v)| !matches!(*k, "sort" | "at" | "lon") && !v.is_empty())
            .count()
    }

    /// The place box as typed.
    pub fn place_text(&self) -> &str {
        &self.place
    }

    /// The GeoNames id a link picked, if any.
    pub fn place_id(&self) -> Option<u32> {
        self.at
    }

    /// The radius around the place, in kilometres.
    pub fn radius_km(&self) -> u32 {
        self.radius.km()
    }

    /// What the place box (and a position) resolve to, by the gazetteer.
    pub fn place_choice(&self) -> PlaceChoice {
        place_box::resolve(&self.place, self.at, self.position)
    }

    /// The date choice in effect: dates typed without choosing "a range"
    /// still mean one.
    pub fn event_when(&self) -> Option<EventWhen> {
        self.when
            .or_else(|| (self.from.is_some() || self.to.is_some()).then_some(EventWhen::Range))
    }

    /// The same form with another place picked from the gazetteer (the
    /// "did you mean" links), on page 1.
    pub fn with_place(&self, name: &str, id: u32) -> SearchForm {
        SearchForm {
            place: name.to_string(),
            at: Some(id),
            position: None,
            page: 1,
            ..self.clone()
        }
    }

    /// Whether sensitive content is hidden (the default).
    pub fn hides_sensitive(&self) -> bool {
        self.sensitive == Sensitive::Hide
    }

    /// The same search, filters and tab with sensitive content shown, on
    /// page 1: the link offered when only sensitive results match.
    pub fn with_sensitive_shown(&self) -> SearchForm {
        SearchForm {
            sensitive: Sensitive::Show,
            page: 1,
            ..self.clone()
        }
    }

    /// The order results are in: without search text "best match" has
    /// nothing to rank by, so the list is newest first.
    pub fn effective_sort(&self) -> SortOrder {
        // Without text, events are upcoming first and groups biggest
        // first: the API's own defaults.
        if self.tab().is_mobilizon() {
            return self.sort;
        }
        if self.search.trim().is_empty() && self.sort == SortOrder::Match {
            SortOrder::Recent
        } else {
            self.sort
        }
    }

    /// The same search and tab with every filter back to its default.
    pub fn without_filters(&self) -> SearchForm {
        SearchForm {
            search: self.search.clone(),
            tab: self.tab,
            page: 1,
            ..Default::default()
        }
    }

    /// The same form without the filter the URL names `name`, on page 1:
    /// a chip's link. A filter leaves with the parameters that only mean
    /// something beside it ([`companions`]); the rest is kept.
    pub fn without(&self, name: &str) -> SearchForm {
        let gone = companions(name);
        let kept: Vec<String> = self
            .pairs(self.tab(), 1, self.lang())
            .into_iter()
            .filter(|(k, _)| *k != name && !gone.contains(k))
            .map(|(k, v)| format!("{k}={}", encode(&v)))
            .collect();
        SearchForm::parse(&kept.join("&"))
    }

    /// The URL query string of this form, with `page` and `type` replaced
    /// (`page` 1 and empty values left out, to keep shared links short).
    pub fn query_string(&self, tab: Tab, page: usize, lang: Option<&str>) -> String {
        self.pairs(tab, page, lang)
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The URL's parameters, as [`SearchForm::query_string`] writes them:
    /// the hidden inputs of the forms that keep them.
    pub fn pairs(&self, tab: Tab, page: usize, lang: Option<&str>) -> Vec<(&'static str, String)> {
        let mut pairs: Vec<(&'static str, String)> = vec![("search", self.search.clone())];
        if tab != Tab::Videos {
            pairs.push(("type", tab.url_value().to_string()));
        }
        pairs.extend(
            self.filter_values()
                .into_iter()
                .filter(|(_, v)| !v.is_empty()),
        );
        if page > 1 {
            pairs.push(("page", page.to_string()));
        }
        if let Some(l) = lang {
            pairs.push(("lang", l.to_string()));
        }
        pairs
    }

    /// The video query this form asks for; `boost` holds the browser's languages.
    pub fn video_query(&self, boost: &[String]) -> Result<VideoQuery, ApiError> {
        decode::video_query(&RawParams::from_texts(self.video_params(boost))?)
    }

    /// The channel query (only text, instance and sort apply to channels).
    pub fn channel_query(&self) -> Result<ChannelQuery, ApiError> {
        decode::channel_query(&RawParams::from_texts(self.actor_params(Tab::Channels))?)
    }

    /// The playlist query (only text, instance and sort apply to playlists).
    pub fn playlist_query(&self) -> Result<PlaylistQuery, ApiError> {
        decode::playlist_query(&RawParams::from_texts(self.actor_params(Tab::Playlists))?)
    }

    /// The event query: the place, radius and date (in the place's time
    /// zone, else UTC) as of `now`, category and status.
    pub fn event_query(
        &self,
        place: &PlaceChoice,
        boost: &[String],
        now: DateTime<Utc>,
    ) -> Result<EventQuery, ApiError> {
        decode::event_query(&RawParams::from_texts(
            self.event_params(place, boost, now),
        )?)
    }

    /// The group query: text, place and radius.
    pub fn group_query(
        &self,
        place: &PlaceChoice,
        boost: &[String],
    ) -> Result<GroupQuery, ApiError> {
        let mut p = self.mobilizon_params(Tab::Groups, self.effective_sort().actor_sort(), place);
        p.extend(boost.iter().map(|l| ("boostLanguages", l.clone())));
        decode::group_query(&RawParams::from_texts(p)?)
    }

    /// The API parameters of the event search.
    fn event_params(
        &self,
        place: &PlaceChoice,
        boost: &[String],
        now: DateTime<Utc>,
    ) -> Vec<(&'static str, String)> {
        let mut p = self.mobilizon_params(Tab::Events, self.effective_sort().event_sort(), place);
        if let Some(when) = self.event_when() {
            let tz = place
                .located()
                .and_then(|l| l.zone)
                .unwrap_or(chrono_tz::UTC);
            let (from, to) = event_dates::window(when, (self.from, self.to), now, tz);
            let iso = |t: DateTime<Utc>| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
            p.extend(from.map(|t| ("startDateMin", iso(t))));
            p.extend(to.map(|t| ("startDateMax", iso(t))));
        }
        p.extend(
            self.event_category
                .map(|c| ("categoryOneOf", c.to_string())),
        );
        p.extend(self.status.map(|s| ("statusOneOf", s.api().to_string())));
        p.extend(self.attend.map(|a| ("isOnline", a.is_online().to_string())));
        p.extend(boost.iter().map(|l| ("boostLanguages", l.clone())));
        p
    }

    /// Text, place, radius, sort and page: what events and groups share.
    fn mobilizon_params(
        &self,
        kind: Tab,
        sort: Option<&str>,
        place: &PlaceChoice,
    ) -> Vec<(&'static str, String)> {
        let mut p = self.page_params(kind, sort);
        if let Some(l) = place.located() {
            p.push(("latlon", format!("{}:{}", l.lat, l.lon)));
            p.push(("distance", format!("{}_km", self.radius.km())));
        }
        p
    }

    /// The API parameters of the video search.
    fn video_params(&self, boost: &[String]) -> Vec<(&'static str, String)> {
        let mut p = self.common_params(Tab::Videos, self.effective_sort().video_sort());
        p.push(("nsfw", self.sensitive.nsfw().to_string()));
        p.extend(self.live.map(|l| ("isLive", l.is_live().to_string())));
        let today = Utc::now().date_naive();
        let from = self.date.and_then(|d| d.start(today));
        p.extend(from.map(|d| ("startDate", d.format("%Y-%m-%d").to_string())));
        let (min, max) = self.duration.map_or((None, None), DurationBucket::bounds);
        p.extend(min.map(|s| ("durationMin", s.to_string())));
        p.extend(max.map(|s| ("durationMax", s.to_string())));
        p.extend(self.category.map(|c| ("categoryOneOf", c.to_string())));
        p.extend(self.licence.map(|l| ("licenceOneOf", l.to_string())));
        p.extend(self.language.map(|l| ("languageOneOf", l.to_string())));
        p.extend(split_tags(&self.tags_all).map(|t| ("tagsAllOf", t)));
        p.extend(split_tags(&self.tags_one).map(|t| ("tagsOneOf", t)));
        p.extend(boost.iter().map(|l| ("boostLanguages", l.clone())));
        p
    }

    /// The API parameters of a channel or playlist search.
    fn actor_params(&self, kind: Tab) -> Vec<(&'static str, String)> {
        self.common_params(kind, self.effective_sort().actor_sort())
    }

    /// Text, instance, sort and page: what every kind of search takes.
    /// Only the shown tab fetches documents; the others only count.
    fn common_params(&self, kind: Tab, sort: Option<&str>) -> Vec<(&'static str, String)> {
        let mut p = self.page_params(kind, sort);
        p.extend(self.host.clone().map(|h| ("host", h)));
        p
    }

    /// Text, sort and page.
    fn page_params(&self, kind: Tab, sort: Option<&str>) -> Vec<(&'static str, String)> {
        let mut p = Vec::new();
        if !self.search.is_empty() {
            p.push(("search", self.search.clone()));
        }
        p.extend(sort.map(|s| ("sort", s.to_string())));
        if kind == self.tab() {
            p.push(("start", ((self.page - 1) * PAGE_SIZE).to_string()));
            p.push(("count", PAGE_SIZE.to_string()));
        } else {
            p.push(("count", "0".to_string()));
        }
        p
    }
}

/// The parameters that go with filter `name` and leave with it: the place's
/// picked id and position, a date choice's two days.
fn companions(name: &str) -> &'static [&'static str] {
    match name {
        "place" => &["at", "lat", "lon"],
        "when" => &["from", "to"],
        _ => &[],
    }
}

/// A day as the URL writes it (empty when unset).
fn day_value(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Comma-separated tags, `#` dropped, at most 10.
fn split_tags(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(',')
        .map(|t| t.trim().trim_start_matches('#').to_string())
        .filter(|t| !t.is_empty())
        .take(10)
}

/// Percent-encodes a query-string value.
pub fn encode(v: &str) -> String {
    percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sepiola_model::query::{ActorSort, Page, Sort, VideoSort};

    fn sort<C>(field: C, descending: bool) -> Sort<C> {
        Sort { field, descending }
    }

    #[test]
    fn parses_leniently_and_round_trips() {
        let f = SearchForm::parse(
            "search=caf%C3%A9+noir&type=channels&sort=recent&sensitive=show&live=vod&date=30\
             &duration=long&category=15&licence=99&language=fr&host=Tube.Example&tagsAllOf=a,+b\
             &page=3&lang=fr&junk=1",
        );
        assert_eq!(f.search, "café noir");
        assert_eq!(f.tab(), Tab::Channels);
        assert_eq!(f.licence, None, "out-of-range licence is dropped");
        assert_eq!(f.host.as_deref(), Some("tube.example"));
        assert_eq!(f.active_filters(), 8);
        let link = f.query_string(Tab::Channels, 3, Some("fr"));
        assert_eq!(
            link,
            "search=caf%C3%A9%20noir&type=channels&sort=recent&sensitive=show&live=vod&date=30\
             &duration=long&category=15&language=fr&host=tube%2Eexample&tagsAllOf=a%2C%20b\
             &page=3&lang=fr",
            "links keep their shape"
        );
        assert_eq!(SearchForm::parse(&link), f);
        let bad = SearchForm::parse("page=-4&category=abc&date=%FF");
        assert_eq!((bad.page, bad.category, bad.date), (1, None, None));
        assert_eq!(SearchForm::parse("page=999999").page, MAX_PAGE);
        assert_eq!(SearchForm::parse("sort=match").sort, SortOrder::Match);
        assert_eq!(SearchForm::parse("category=19").category, None);
    }

    #[test]
    fn maps_to_the_api_semantics_of_sepia_search() {
        let f = SearchForm::parse("search=x&duration=medium&live=live&sort=oldest&page=2");
        let q = f.video_query(&["fr".into()]).unwrap();
        assert_eq!((q.duration_min, q.duration_max), (Some(240), Some(600)));
        assert_eq!(q.is_live, Some(true));
        assert_eq!(q.nsfw, Some(false));
        assert_eq!(q.sort, sort(VideoSort::PublishedAt, false));
        assert_eq!(
            q.page,
            Page {
                start: 10,
                count: 10
            }
        );
        assert_eq!(q.boost_languages, vec!["fr"]);
        let q = SearchForm::parse("sensitive=show&date=7")
            .video_query(&[])
            .unwrap();
        assert_eq!(q.nsfw, None);
        assert!(q.published.from.is_some());
    }

    #[test]
    fn filters_reach_the_video_query() {
        let f = SearchForm::parse(
            "category=15&licence=2&language=fr&host=tube.example&tagsAllOf=%23a,+b,,\
             &tagsOneOf=c&sort=views&date=today",
        );
        let q = f.video_query(&[]).unwrap();
        assert_eq!((q.categories, q.licences), (vec![15], vec![2]));
        assert_eq!(q.languages, vec!["fr"]);
        assert_eq!(q.host.as_deref(), Some("tube.example"));
        assert_eq!(
            (q.tags_all_of, q.tags_one_of),
            (vec!["a".into(), "b".into()], vec!["c".into()])
        );
        assert_eq!(q.sort, sort(VideoSort::Views, true));
        let midnight = Utc::now().date_naive().and_hms_opt(0, 0, 0).unwrap();
        assert_eq!(q.published.from.map(|t| t.0.naive_utc()), Some(midnight));
    }

    #[test]
    fn only_the_shown_tab_fetches() {
        let f = SearchForm::parse("search=x&type=channels&sort=recent&page=2");
        let c = f.channel_query().unwrap();
        assert_eq!(
            c.page,
            Page {
                start: 10,
                count: 10
            }
        );
        assert_eq!(c.sort, sort(ActorSort::CreatedAt, true));
        let p = f.playlist_query().unwrap();
        assert_eq!(p.page, Page { start: 0, count: 0 });
        assert_eq!(f.video_query(&[]).unwrap().page.count, 0);
        let views = SearchForm::parse("sort=views&type=playlists").playlist_query();
        assert_eq!(views.unwrap().sort, Sort::default());
        // As in the API, a channel search drops a leading `@` (a handle).
        let at = SearchForm::parse("search=%40bob&type=channels").channel_query();
        assert_eq!(at.unwrap().search.as_deref(), Some("bob"));
    }

    #[test]
    fn the_events_form_reaches_the_event_query() {
        let f = SearchForm::parse(
            "type=events&place=Lyon&radius=25&when=today&eventCategory=MUSIC&status=cancelled\
             &sort=oldest&attend=inperson",
        );
        let place = f.place_choice();
        let now = chrono::DateTime::parse_from_rfc3339("2026-07-01T21:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let q = f.event_query(&place, &[], now).unwrap();
        let near = q.geo.near.unwrap();
        assert!((near.lat - 45.748).abs() < 0.01, "{near:?}");
        assert!((near.radius_km - 25.0).abs() < 1e-9);
        // 21:30 UTC is 23:30 in Lyon: still 1 July there.
        assert_eq!(
            q.start.from.map(|t| t.0.to_rfc3339()),
            Some("2026-06-30T22:00:00+00:00".into())
        );
        assert_eq!(
            q.start.to.map(|t| t.0.to_rfc3339()),
            Some("2026-07-01T21:59:59+00:00".into())
        );
        assert_eq!(
            (q.categories, q.statuses),
            (vec!["MUSIC".into()], vec!["CANCELLED".into()])
        );
        assert!(!q.sort.descending);
        assert_eq!(q.online, Some(false));
        // Unknown values fall back; dates alone mean a range, in UTC
        // without a place.
        let f =
            SearchForm::parse("type=events&eventCategory=NOPE&status=x&from=2099-03-01&radius=7");
        assert_eq!(
            (f.event_category, f.status, f.radius),
            (None, None, Radius::Km50)
        );
        let q = f.event_query(&f.place_choice(), &[], now).unwrap();
        assert!(q.geo.near.is_none());
        assert_eq!(
            q.start.from.map(|t| t.0.to_rfc3339()),
            Some("2099-03-01T00:00:00+00:00".into())
        );
        assert!(q.start.to.is_none());
        // The form round-trips through its links.
        let f =
            SearchForm::parse("type=events&place=London&at=6058560&lat=45.5&lon=4.25&when=week");
        assert_eq!(SearchForm::parse(&f.query_string(Tab::Events, 1, None)), f);
        let g = f.group_query(&f.place_choice(), &[]).unwrap();
        assert_eq!(
            g.geo.near.map(|n| n.lat.round()),
            Some(43.0),
            "London, Ontario"
        );
    }

    #[test]
    fn without_drops_one_filter_and_keeps_the_rest() {
        let f = SearchForm::parse(
            "search=jazz&sort=recent&language=fr&duration=long&date=30&page=3&lang=fr",
        );
        let g = f.without("duration");
        assert_eq!(
            g.query_string(g.tab(), g.page(), g.lang()),
            "search=jazz&sort=recent&date=30&language=fr&lang=fr"
        );
        let e = SearchForm::parse(
            "type=events&place=Lyon&at=2996944&lat=45.7&lon=4.8&when=range&from=2026-01-01\
             &to=2026-01-31&status=cancelled",
        );
        let without_place = e.without("place");
        assert_eq!(
            without_place.query_string(Tab::Events, 1, None),
            "search=&type=events&when=range&from=2026%2D01%2D01&to=2026%2D01%2D31&status=cancelled"
        );
        let without_when = e.without("when");
        assert_eq!(
            (without_when.when, without_when.from, without_when.to),
            (None, None, None)
        );
        assert_eq!(without_when.place, "Lyon");
        assert_eq!(e.without("from").to, e.to, "one day goes, the other stays");
    }

    #[test]
    fn sepia_search_sorts_map_onto_ours() {
        let sort = |v: &str| SearchForm::parse(&format!("search=a&sort={v}")).sort;
        assert_eq!(sort("-match"), SortOrder::Match);
        assert_eq!(sort("-publishedAt"), SortOrder::Recent);
        assert_eq!(sort("publishedAt"), SortOrder::Oldest);
        assert_eq!(sort("-views"), SortOrder::Views);
        assert_eq!(sort("recent"), SortOrder::Recent, "ours still read");
        assert_eq!(sort("-nonsense"), SortOrder::Match);
    }

    #[test]
    fn sepia_search_nsfw_maps_onto_sensitive() {
        let s = |q: &str| SearchForm::parse(q).sensitive;
        assert_eq!(s("nsfw=both"), Sensitive::Show);
        assert_eq!(s("nsfw=true"), Sensitive::Show);
        assert_eq!(s("nsfw=false"), Sensitive::Hide);
        assert_eq!(
            s("sensitive=show&nsfw=false"),
            Sensitive::Show,
            "ours first"
        );
    }

    #[test]
    fn sepia_search_duration_ranges_map_onto_buckets() {
        let d = |v: &str| SearchForm::parse(&format!("durationRange={v}")).duration;
        assert_eq!(d("short"), Some(DurationBucket::Short));
        assert_eq!(d("medium"), Some(DurationBucket::Medium));
        assert_eq!(d("long"), Some(DurationBucket::Long));
        assert_eq!(d("huge"), None);
    }

    #[test]
    fn sepia_search_date_ranges_map_onto_windows() {
        let d = |v: &str| SearchForm::parse(&format!("publishedDateRange={v}")).date;
        assert_eq!(d("today"), Some(DateWindow::Today));
        assert_eq!(d("last_7days"), Some(DateWindow::Days7));
        assert_eq!(d("last_30days"), Some(DateWindow::Days30));
        assert_eq!(d("last_365days"), Some(DateWindow::Days365));
        assert_eq!(d("any_time"), None);
    }

    #[test]
    fn sepia_search_languages_categories_and_page_map_onto_ours() {
        let f = SearchForm::parse("languageOneOf=xx&languageOneOf=fr&categoryOneOf=15&page=2");
        assert_eq!(f.language, Some("fr"));
        assert_eq!(f.category, Some(15));
        assert_eq!(f.page(), 2);
        let f = SearchForm::parse("languageOneOf[]=de&categoryOneOf[]=999");
        assert_eq!(f.language, Some("de"));
        assert_eq!(f.category, None, "unknown category dropped");
        // and links written back are ours
        let f = SearchForm::parse(
            "search=jazz&sort=-publishedAt&nsfw=both&durationRange=short\
             &publishedDateRange=last_30days&languageOneOf=fr&categoryOneOf=1",
        );
        assert_eq!(
            f.query_string(f.tab(), 1, None),
            "search=jazz&sort=recent&sensitive=show&date=30&duration=short&category=1&language=fr"
        );
    }
}
