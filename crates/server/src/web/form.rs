//! The search page's URL: what the visitor asked for, as a plain GET form
//! that can be shared, and how it maps to index queries (contract D.2).

use chrono::{Duration, Utc};
use sepiola_model::Host;
use sepiola_model::Timestamp;
use sepiola_model::host::normalize_host;
use sepiola_model::labels::normalize_language_code;
use sepiola_model::query::{
    ActorSort, ChannelQuery, DateRange, MAX_SEARCH_CHARS, MAX_WINDOW, Page, PlaylistQuery, Sort,
    VideoQuery, VideoSort,
};

use crate::params::{Location, RawParams, Scalar};

/// Results per page.
pub const PAGE_SIZE: usize = 10;
/// Last page reachable (the index serves 10,000 results deep).
pub const MAX_PAGE: usize = MAX_WINDOW / PAGE_SIZE;

/// The languages offered in the language filter (Sepia Search's list).
pub const FILTER_LANGUAGES: [&str; 20] = [
    "en", "fr", "ja", "eu", "ca", "cs", "eo", "el", "de", "it", "nl", "es", "oc", "gd", "zh", "pt",
    "sv", "pl", "fi", "ru",
];

/// Which kind of result the page lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Videos.
    Videos,
    /// Channels.
    Channels,
    /// Playlists.
    Playlists,
}

impl Tab {
    /// The value in the URL.
    pub fn as_str(self) -> &'static str {
        match self {
            Tab::Videos => "videos",
            Tab::Channels => "channels",
            Tab::Playlists => "playlists",
        }
    }
}

/// Everything the search page's URL can say. Unknown or malformed values
/// fall back to their default: a shared link never breaks the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchForm {
    /// Search text.
    pub search: String,
    /// `videos`, `channels` or `playlists`.
    pub tab: Option<Tab>,
    /// `match`, `recent`, `oldest`, `views`.
    pub sort: String,
    /// `show` to include sensitive content.
    pub sensitive: String,
    /// `live`, `vod` or empty.
    pub live: String,
    /// `today`, `7`, `30`, `365` or empty.
    pub date: String,
    /// `short`, `medium`, `long` or empty.
    pub duration: String,
    /// Category id or empty.
    pub category: String,
    /// Licence id or empty.
    pub licence: String,
    /// Language code or empty.
    pub language: String,
    /// Instance host or empty.
    pub host: String,
    /// Comma-separated tags, all required.
    pub tags_all: String,
    /// Comma-separated tags, one required.
    pub tags_one: String,
    /// 1-based page.
    pub page: usize,
    /// Explicit page language.
    pub lang: Option<String>,
}

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

fn one_of(value: String, allowed: &[&str]) -> String {
    if allowed.contains(&value.as_str()) {
        value
    } else {
        String::new()
    }
}

impl SearchForm {
    /// Reads the form from a query string; never fails.
    pub fn parse(query: &str) -> SearchForm {
        let p = RawParams::from_urlencoded(query.as_bytes(), Location::Query).unwrap_or_default();
        let tab = match first(&p, "type", 16).as_str() {
            "channels" => Some(Tab::Channels),
            "playlists" => Some(Tab::Playlists),
            "videos" => Some(Tab::Videos),
            _ => None,
        };
        let numeric = |s: String, max: u32| match s.parse::<u32>() {
            Ok(n) if (1..=max).contains(&n) => n.to_string(),
            _ => String::new(),
        };
        SearchForm {
            search: first(&p, "search", MAX_SEARCH_CHARS),
            tab,
            sort: one_of(first(&p, "sort", 16), &["recent", "oldest", "views"]),
            sensitive: one_of(first(&p, "sensitive", 8), &["show"]),
            live: one_of(first(&p, "live", 8), &["live", "vod"]),
            date: one_of(first(&p, "date", 8), &["today", "7", "30", "365"]),
            duration: one_of(first(&p, "duration", 8), &["short", "medium", "long"]),
            category: numeric(first(&p, "category", 4), 18),
            licence: numeric(first(&p, "licence", 4), 7),
            language: one_of(first(&p, "language", 8), &FILTER_LANGUAGES),
            host: normalize_host(&first(&p, "host", 260)).unwrap_or_default(),
            tags_all: first(&p, "tagsAllOf", 300),
            tags_one: first(&p, "tagsOneOf", 300),
            page: first(&p, "page", 8)
                .parse::<usize>()
                .unwrap_or(1)
                .clamp(1, MAX_PAGE),
            lang: Some(first(&p, "lang", 8)).filter(|l| !l.is_empty()),
        }
    }

    /// The tab shown.
    pub fn tab(&self) -> Tab {
        self.tab.unwrap_or(Tab::Videos)
    }

    /// Number of filters that differ from the defaults (sort excluded).
    pub fn active_filters(&self) -> usize {
        [
            &self.sensitive,
            &self.live,
            &self.date,
            &self.duration,
            &self.category,
            &self.licence,
            &self.language,
            &self.host,
            &self.tags_all,
            &self.tags_one,
        ]
        .iter()
        .filter(|v| !v.is_empty())
        .count()
    }

    /// The URL query string of this form, with `page` and `type` replaced
    /// (`page` 1 and empty values left out, to keep shared links short).
    pub fn query_string(&self, tab: Tab, page: usize, lang: Option<&str>) -> String {
        let mut pairs: Vec<(&str, String)> = vec![("search", self.search.clone())];
        if tab != Tab::Videos {
            pairs.push(("type", tab.as_str().to_string()));
        }
        for (k, v) in [
            ("sort", &self.sort),
            ("sensitive", &self.sensitive),
            ("live", &self.live),
            ("date", &self.date),
            ("duration", &self.duration),
            ("category", &self.category),
            ("licence", &self.licence),
            ("language", &self.language),
            ("host", &self.host),
            ("tagsAllOf", &self.tags_all),
            ("tagsOneOf", &self.tags_one),
        ] {
            if !v.is_empty() {
                pairs.push((k, v.clone()));
            }
        }
        if page > 1 {
            pairs.push(("page", page.to_string()));
        }
        if let Some(l) = lang {
            pairs.push(("lang", l.to_string()));
        }
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    fn page(&self) -> Page {
        Page {
            start: (self.page - 1) * PAGE_SIZE,
            count: PAGE_SIZE,
        }
    }

    fn search(&self) -> Option<String> {
        Some(self.search.clone()).filter(|s| !s.trim().is_empty())
    }

    /// The video query this form asks for; `boost` holds the browser's languages.
    pub fn video_query(&self, boost: Vec<String>) -> VideoQuery {
        let today = Utc::now().date_naive();
        let days = match self.date.as_str() {
            "today" => Some(0),
            "7" => Some(7),
            "30" => Some(30),
            "365" => Some(365),
            _ => None,
        };
        let from = days
            .and_then(|d| today.checked_sub_signed(Duration::days(d)))
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| Timestamp(d.and_utc()));
        let (duration_min, duration_max) = match self.duration.as_str() {
            "short" => (None, Some(240)),
            "medium" => (Some(240), Some(600)),
            "long" => (Some(600), None),
            _ => (None, None),
        };
        VideoQuery {
            search: self.search(),
            nsfw: (self.sensitive != "show").then_some(false),
            is_live: match self.live.as_str() {
                "live" => Some(true),
                "vod" => Some(false),
                _ => None,
            },
            categories: self.category.parse().into_iter().collect(),
            licences: self.licence.parse().into_iter().collect(),
            languages: normalize_language_code(&self.language)
                .into_iter()
                .collect(),
            tags_one_of: split_tags(&self.tags_one),
            tags_all_of: split_tags(&self.tags_all),
            host: Host::parse(&self.host),
            published: DateRange { from, to: None },
            duration_min,
            duration_max,
            boost_languages: boost,
            sort: match self.sort.as_str() {
                "recent" => sort(VideoSort::PublishedAt, true),
                "oldest" => sort(VideoSort::PublishedAt, false),
                "views" => sort(VideoSort::Views, true),
                _ => Sort::default(),
            },
            page: self.page(),
            ..Default::default()
        }
    }

    fn actor_sort(&self) -> Sort<ActorSort> {
        match self.sort.as_str() {
            "recent" => sort(ActorSort::CreatedAt, true),
            "oldest" => sort(ActorSort::CreatedAt, false),
            _ => Sort::default(),
        }
    }

    /// The channel query (only text, instance and sort apply to channels).
    pub fn channel_query(&self) -> ChannelQuery {
        ChannelQuery {
            search: self.search(),
            host: Host::parse(&self.host),
            sort: self.actor_sort(),
            page: self.page(),
            ..Default::default()
        }
    }

    /// The playlist query (only text, instance and sort apply to playlists).
    pub fn playlist_query(&self) -> PlaylistQuery {
        PlaylistQuery {
            search: self.search(),
            host: Host::parse(&self.host),
            sort: self.actor_sort(),
            page: self.page(),
            ..Default::default()
        }
    }
}

fn sort<C>(field: C, descending: bool) -> Sort<C> {
    Sort { field, descending }
}

fn split_tags(s: &str) -> Vec<String> {
    s.split(',')
        .map(|t| t.trim().trim_start_matches('#').to_string())
        .filter(|t| !t.is_empty())
        .take(10)
        .collect()
}

/// Percent-encodes a query-string value.
pub fn encode(v: &str) -> String {
    percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_leniently_and_round_trips() {
        let f = SearchForm::parse(
            "search=caf%C3%A9+noir&type=channels&sort=recent&sensitive=show&live=vod&date=30\
             &duration=long&category=15&licence=99&language=fr&host=Tube.Example&tagsAllOf=a,+b\
             &page=3&lang=fr&junk=1",
        );
        assert_eq!(f.search, "café noir");
        assert_eq!(f.tab(), Tab::Channels);
        assert_eq!(f.licence, "", "out-of-range licence is dropped");
        assert_eq!(f.host, "tube.example");
        assert_eq!(f.active_filters(), 8);
        let again = SearchForm::parse(&f.query_string(Tab::Channels, 3, Some("fr")));
        assert_eq!(again, f);
        let bad = SearchForm::parse("page=-4&category=abc&date=%FF");
        assert_eq!(
            (bad.page, bad.category.as_str(), bad.date.as_str()),
            (1, "", "")
        );
        assert_eq!(SearchForm::parse("page=999999").page, MAX_PAGE);
    }

    #[test]
    fn maps_to_the_api_semantics_of_sepia_search() {
        let f = SearchForm::parse("search=x&duration=medium&live=live&sort=oldest&page=2");
        let q = f.video_query(vec!["fr".into()]);
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
        let q = SearchForm::parse("sensitive=show&date=7").video_query(vec![]);
        assert_eq!(q.nsfw, None);
        assert!(q.published.from.is_some());
    }
}
