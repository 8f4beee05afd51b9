//! The Mobilizon event object, as Mobilizon's global search reads it
//! (`lib/service/global_search/search_mobilizon.ex` in
//! <https://framagit.org/framasoft/mobilizon>), with what the index filters on.

use serde::{Deserialize, Serialize};

use crate::document::{DocKind, Document, document_fields};
use crate::error::ModelError;
use crate::host::normalize_host;
use crate::ids::{id_string, normalize_uuid};
use crate::labels::normalize_language_code;
use crate::limits::{MAX_DESCRIPTION_CHARS, MAX_NAME_CHARS};
use crate::origin::{Origin, origin_url};
use crate::place::Place;
use crate::text::{self, clean_opt, clean_tags};
use crate::time::Timestamp;

/// Mobilizon's category ids (its `EventCategory` enum). Anything else is `MEETING`,
/// as Mobilizon itself reads unknown values.
pub const CATEGORIES: [&str; 30] = [
    "ARTS",
    "BOOK_CLUBS",
    "BUSINESS",
    "CAUSES",
    "COMEDY",
    "CRAFTS",
    "FOOD_DRINK",
    "HEALTH",
    "MUSIC",
    "AUTO_BOAT_AIR",
    "COMMUNITY",
    "FAMILY_EDUCATION",
    "FASHION_BEAUTY",
    "FILM_MEDIA",
    "GAMES",
    "LANGUAGE_CULTURE",
    "LEARNING",
    "LGBTQ",
    "MOVEMENTS_POLITICS",
    "NETWORKING",
    "PARTY",
    "PERFORMING_VISUAL_ARTS",
    "PETS",
    "PHOTOGRAPHY",
    "OUTDOORS_ADVENTURE",
    "SPIRITUALITY_RELIGION_BELIEFS",
    "SCIENCE_TECH",
    "SPORTS",
    "THEATRE",
    "MEETING",
];

/// The category unknown values fall back to.
pub const DEFAULT_CATEGORY: &str = "MEETING";

/// An event's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventStatus {
    /// Not sure yet.
    #[serde(alias = "tentative")]
    Tentative,
    /// Will happen.
    #[default]
    #[serde(alias = "confirmed")]
    Confirmed,
    /// Will not happen.
    #[serde(alias = "cancelled")]
    Cancelled,
}

impl EventStatus {
    /// Every status.
    pub const ALL: [EventStatus; 3] = [
        EventStatus::Tentative,
        EventStatus::Confirmed,
        EventStatus::Cancelled,
    ];

    /// The upper-case name Mobilizon uses.
    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Tentative => "TENTATIVE",
            EventStatus::Confirmed => "CONFIRMED",
            EventStatus::Cancelled => "CANCELLED",
        }
    }

    /// Parses a status, in any case.
    pub fn parse(s: &str) -> Option<EventStatus> {
        let s = s.trim();
        EventStatus::ALL
            .into_iter()
            .find(|st| st.as_str().eq_ignore_ascii_case(s))
    }
}

/// The organiser of an event, as Mobilizon reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Creator {
    /// Id on the origin instance.
    #[serde(default, deserialize_with = "id_string")]
    pub id: String,
    /// Username.
    pub name: String,
    /// Display name.
    #[serde(default)]
    pub display_name: String,
    /// Absolute avatar URL on the event's host, or null.
    #[serde(default)]
    pub avatar: Option<String>,
}

/// A Mobilizon event as the search API returns it, plus the fields the
/// index filters on (host, language, status, dates, description).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// Host of the instance the event was crawled from.
    pub host: String,
    /// Id on the origin instance.
    #[serde(default, deserialize_with = "id_string")]
    pub id: String,
    /// UUID on the origin instance.
    pub uuid: String,
    /// Title.
    pub name: String,
    /// Description as plain text (Mobilizon's HTML is reduced to text).
    #[serde(default)]
    pub description: Option<String>,
    /// Start.
    pub start_time: Timestamp,
    /// End, if given and not before the start.
    #[serde(default)]
    pub end_time: Option<Timestamp>,
    /// Absolute URL of the event on its instance.
    #[serde(default)]
    pub url: String,
    /// Absolute banner URL, or null.
    #[serde(default)]
    pub banner: Option<String>,
    /// Upper-case category id.
    #[serde(default)]
    pub category: String,
    /// Status.
    #[serde(default)]
    pub status: EventStatus,
    /// Language code, if known.
    #[serde(default)]
    pub language: Option<String>,
    /// The organiser.
    #[serde(default)]
    pub creator: Option<Creator>,
    /// Where it happens; null for online events.
    #[serde(default)]
    pub location: Option<Place>,
    /// Held online (Mobilizon's `options.isOnline`, its `type: ONLINE`).
    #[serde(default)]
    pub is_online: bool,
    /// The IANA time zone the event is set in (`Europe/Paris`), so its
    /// times can be shown as its organisers see them; dropped when it is
    /// not a plausible zone name.
    #[serde(default)]
    pub time_zone: Option<String>,
    /// Participants.
    #[serde(default)]
    pub participant_count: u64,
    /// Tags, without a leading `#`.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Creation date on the instance.
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    /// Last update on the instance.
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
}

/// Normalises a category id: upper-case; unknown values become `MEETING`.
pub fn normalize_category(c: &str) -> &'static str {
    let c = c.trim();
    CATEGORIES
        .into_iter()
        .find(|k| k.eq_ignore_ascii_case(c))
        .unwrap_or(DEFAULT_CATEGORY)
}

/// Cleans a plain-text description, `None` when empty. Descriptions are
/// plain text in the model: the HTML an instance sends is reduced to
/// text once, where it is read ([`text::html_to_text`] in the crawler and
/// the importer of Mobilizon JSON), so normalising twice changes nothing.
pub(crate) fn clean_description(d: Option<&str>) -> Option<String> {
    d.map(|d| text::clean(d, MAX_DESCRIPTION_CHARS))
        .filter(|d| !d.is_empty())
}

/// Longest time zone name kept (the longest IANA names are about 30).
pub const MAX_TIME_ZONE_CHARS: usize = 64;

/// A plausible IANA time zone name (`Europe/Paris`, `America/Argentina/Buenos_Aires`,
/// `Etc/GMT+5`, `UTC`): ASCII letters, digits, `/`, `_`, `-` and `+`, at
/// most [`MAX_TIME_ZONE_CHARS`], starting with a letter.
pub fn normalize_time_zone(tz: &str) -> Option<String> {
    let tz = tz.trim();
    let ok = !tz.is_empty()
        && tz.len() <= MAX_TIME_ZONE_CHARS
        && tz.starts_with(|c: char| c.is_ascii_alphabetic())
        && tz
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '+'))
        && !tz.contains("//")
        && !tz.ends_with('/');
    ok.then(|| tz.to_string())
}

impl Document for Event {
    const KIND: DocKind = DocKind::Event;

    /// Cleans every field, checks every URL belongs to the event's own host
    /// and fills the defaults (url, category); a map point out of range is
    /// dropped, not the event.
    fn normalize(&mut self) -> Result<(), ModelError> {
        self.host = normalize_host(&self.host).ok_or(ModelError::Missing("host"))?;
        self.uuid = normalize_uuid(&self.uuid).ok_or(ModelError::Invalid {
            field: "uuid",
            reason: "not a uuid".into(),
        })?;
        self.id = text::clean_line(&self.id, 64);
        self.name = text::required_line(&self.name, MAX_NAME_CHARS, "name")?;
        self.description = clean_description(self.description.as_deref());
        if self.end_time.is_some_and(|e| e < self.start_time) {
            self.end_time = None;
        }
        self.category = normalize_category(&self.category).to_string();
        self.language = self.language.as_deref().and_then(normalize_language_code);
        self.tags = clean_tags(&self.tags);
        let origin = Origin::for_host(&self.host, &self.url);
        self.url = match origin_url(&origin, "url", Some(&self.url))? {
            Some(u) => u,
            None => origin.join(&format!("/events/{}", self.uuid)),
        };
        self.banner = origin_url(&origin, "banner", self.banner.as_deref())?;
        if let Some(mut c) = self.creator.take() {
            c.name = text::clean_line(&c.name, 120);
            if !c.name.is_empty() && !c.name.contains('@') {
                c.id = text::clean_line(&c.id, 64);
                c.display_name = clean_opt(Some(&c.display_name), 120).unwrap_or(c.name.clone());
                c.avatar = origin_url(&origin, "creator", c.avatar.as_deref())?;
                self.creator = Some(c);
            }
        }
        self.location = self.location.take().and_then(Place::normalized);
        self.time_zone = self.time_zone.as_deref().and_then(normalize_time_zone);
        Ok(())
    }

    document_fields!(id: uuid, title: name);

    fn created_at(&self) -> Timestamp {
        // Without a creation date, an event sorts as created when it was
        // last updated, else at its start.
        self.created_at
            .or(self.updated_at)
            .unwrap_or(self.start_time)
    }

    fn updated_at(&self) -> Timestamp {
        self.updated_at.unwrap_or_else(|| self.created_at())
    }

    fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    fn uuid(&self) -> Option<&str> {
        Some(&self.uuid)
    }

    fn account_handle(&self) -> Option<String> {
        self.creator_handle()
    }
}

impl Event {
    /// `name@host` of the organiser, which `blockedAccounts` speaks of.
    pub fn creator_handle(&self) -> Option<String> {
        self.creator
            .as_ref()
            .map(|c| format!("{}@{}", c.name, self.host))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn sample() -> Event {
        serde_json::from_value(serde_json::json!({
            "host": "Mobilizon.Example",
            "id": 42,
            "uuid": "0B0E2C4A-1D2E-4F5A-8B9C-0D1E2F3A4B5C",
            "name": "  Jazz\u{202E} night ",
            "description": " Bring your\u{0} instrument & friends ",
            "startTime": "2025-07-01T19:00:00+02:00",
            "endTime": "2025-07-01T16:00:00Z",
            "url": "https://mobilizon.example/events/0b0e2c4a-1d2e-4f5a-8b9c-0d1e2f3a4b5c",
            "banner": "/media/banner.jpg",
            "category": "music",
            "status": "TENTATIVE",
            "language": "fr-FR",
            "creator": {"id": "7", "name": "alice", "displayName": "", "avatar": null},
            "location": {"id": "3", "name": "Le Sunset", "address": {"addressLocality": "Paris", "addressCountry": "France"},
                         "location": {"lat": 48.86, "lon": 2.35}},
            "participantCount": 12,
            "tags": ["#jazz", "Jazz", "live"],
            "createdAt": "2025-05-01T10:00:00Z"
        }))
        .unwrap()
    }

    #[test]
    fn normalize_cleans_and_fills() {
        let mut e = sample();
        e.normalize().unwrap();
        assert_eq!(e.host, "mobilizon.example");
        assert_eq!(e.uuid, "0b0e2c4a-1d2e-4f5a-8b9c-0d1e2f3a4b5c");
        assert_eq!(e.id, "42");
        assert_eq!(e.name, "Jazz night");
        assert_eq!(
            e.description.as_deref(),
            Some("Bring your instrument & friends")
        );
        assert_eq!(e.end_time, None, "an end before the start is dropped");
        assert_eq!(e.category, "MUSIC");
        assert_eq!(e.status, EventStatus::Tentative);
        assert_eq!(e.language.as_deref(), Some("fr"));
        assert_eq!(e.tags, vec!["jazz", "live"]);
        assert_eq!(
            e.banner.as_deref(),
            Some("https://mobilizon.example/media/banner.jpg")
        );
        let c = e.creator.as_ref().unwrap();
        assert_eq!(c.display_name, "alice");
        assert_eq!(
            e.creator_handle().as_deref(),
            Some("alice@mobilizon.example")
        );
        assert_eq!(e.location.as_ref().unwrap().point().unwrap().lat, 48.86);
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["startTime"], "2025-07-01T17:00:00.000Z");
        assert_eq!(json["status"], "TENTATIVE");
        assert!(json["tags"].is_array());
    }

    #[test]
    fn unknown_categories_are_meetings_and_foreign_urls_refused() {
        let mut e = sample();
        e.category = "KNITTING".into();
        e.normalize().unwrap();
        assert_eq!(e.category, "MEETING");
        for bad in [
            "https://evil.example/x.jpg",
            "javascript:alert(1)",
            "//evil.example/x",
        ] {
            let mut e = sample();
            e.banner = Some(bad.into());
            assert!(e.normalize().is_err(), "{bad}");
            let mut e = sample();
            e.url = bad.into();
            assert!(e.normalize().is_err(), "{bad}");
        }
        let mut e = sample();
        e.creator.as_mut().unwrap().avatar = Some("https://evil.example/a.png".into());
        assert!(e.normalize().is_err());
        let mut e = sample();
        e.uuid = "nope".into();
        assert!(e.normalize().is_err());
    }

    #[test]
    fn missing_url_is_built_and_bad_points_dropped() {
        let mut e = sample();
        e.url.clear();
        e.location.as_mut().unwrap().location = Some(crate::place::GeoPoint {
            lat: 12.0,
            lon: 999.0,
        });
        e.normalize().unwrap();
        assert_eq!(
            e.url,
            "https://mobilizon.example/events/0b0e2c4a-1d2e-4f5a-8b9c-0d1e2f3a4b5c"
        );
        let place = e.location.unwrap();
        assert_eq!(place.location, None);
        assert_eq!(place.name.as_deref(), Some("Le Sunset"));
    }

    #[test]
    fn online_and_time_zone_are_read_kept_and_checked() {
        let mut e = sample();
        assert!(!e.is_online, "false by default");
        assert_eq!(e.time_zone, None);
        let mut json = serde_json::to_value(&e).unwrap();
        json["isOnline"] = true.into();
        json["timeZone"] = "America/Argentina/Buenos_Aires".into();
        e = serde_json::from_value(json).unwrap();
        e.normalize().unwrap();
        assert!(e.is_online);
        assert_eq!(
            e.time_zone.as_deref(),
            Some("America/Argentina/Buenos_Aires")
        );
        let out = serde_json::to_value(&e).unwrap();
        assert_eq!(out["isOnline"], true);
        assert_eq!(out["timeZone"], "America/Argentina/Buenos_Aires");
        for good in ["UTC", "Etc/GMT+5", "Europe/Paris", "America/Port-au-Prince"] {
            assert_eq!(normalize_time_zone(good).as_deref(), Some(good));
        }
        for bad in [
            "",
            "Europe/Paris<script>",
            "Europe Paris",
            "../etc/passwd",
            "/Europe",
            "Europe/",
            "Été/Paris",
            &"A".repeat(65),
        ] {
            assert_eq!(normalize_time_zone(bad), None, "{bad}");
            let mut e = sample();
            e.time_zone = Some(bad.to_string());
            e.normalize().unwrap();
            assert_eq!(e.time_zone, None, "{bad}");
        }
    }

    #[test]
    fn statuses_parse_in_any_case() {
        assert_eq!(
            EventStatus::parse("cancelled"),
            Some(EventStatus::Cancelled)
        );
        assert_eq!(EventStatus::parse("maybe"), None);
        let bad: Result<Event, _> = serde_json::from_value(serde_json::json!({
            "host": "m.example", "uuid": "x", "name": "x", "startTime": "2025-01-01", "status": "maybe"
        }));
        assert!(bad.is_err());
    }
}
