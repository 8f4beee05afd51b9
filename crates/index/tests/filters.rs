//! Filter semantics at the index level: every filter of every kind, run on
//! `SearchIndex::in_memory()` over the committed fixtures
//! (tests/fixtures/relevance.jsonl, tests/fixtures/mobilizon.jsonl), gives
//! exactly the documents the fixture filtered here, in plain Rust over the
//! JSON, says it should; and each expected set is neither empty nor the
//! whole fixture, so that every check proves something. (How clients encode
//! the filters is tested at the decoder level, in
//! crates/server/tests/decode_encodings.rs; the end-to-end tests in
//! tests/e2e send them over HTTP.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use sepiola_index::SearchIndex;
use sepiola_model::query::{
    BBox, Blocks, ChannelQuery, Circle, DateRange, EventQuery, GeoFilter, GroupQuery, Page,
    PlaylistQuery, VideoQuery,
};
use sepiola_model::{DocKey, DocKind, Host, Record, Timestamp};
use serde_json::Value;

// The index calls, one per kind: if the index API changes (to one
// `index.search(&q)`, say), only these five change.

/// Ids (uuids) of every video found, and the total.
fn videos(idx: &SearchIndex, q: VideoQuery) -> (BTreeSet<String>, u64) {
    let h = idx.search(&VideoQuery { page: ALL, ..q }).unwrap();
    (h.data.into_iter().map(|d| d.item.uuid).collect(), h.total)
}

/// Names of every channel found, and the total.
fn channels(idx: &SearchIndex, q: ChannelQuery) -> (BTreeSet<String>, u64) {
    let h = idx.search(&ChannelQuery { page: ALL, ..q }).unwrap();
    (h.data.into_iter().map(|d| d.item.name).collect(), h.total)
}

/// Uuids of every playlist found, and the total.
fn playlists(idx: &SearchIndex, q: PlaylistQuery) -> (BTreeSet<String>, u64) {
    let h = idx.search(&PlaylistQuery { page: ALL, ..q }).unwrap();
    (h.data.into_iter().map(|d| d.item.uuid).collect(), h.total)
}

/// Uuids of every event found, and the total.
fn events(idx: &SearchIndex, q: EventQuery) -> (BTreeSet<String>, u64) {
    let h = idx.search(&EventQuery { page: ALL, ..q }).unwrap();
    (h.data.into_iter().map(|d| d.item.uuid).collect(), h.total)
}

/// Names of every group found, and the total.
fn groups(idx: &SearchIndex, q: GroupQuery) -> (BTreeSet<String>, u64) {
    let h = idx.search(&GroupQuery { page: ALL, ..q }).unwrap();
    (h.data.into_iter().map(|d| d.item.name).collect(), h.total)
}

/// One page holds every document of either fixture.
const ALL: Page = Page {
    start: 0,
    count: 100,
};

fn fixture_path(name: &str) -> String {
    format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The fixture, indexed as `sepiola index import` would.
fn index(name: &str) -> SearchIndex {
    let text = std::fs::read_to_string(fixture_path(name)).unwrap();
    let idx = SearchIndex::in_memory().unwrap();
    for line in text.lines() {
        let mut r = Record::from_json(line).unwrap();
        r.normalize().unwrap();
        idx.upsert(&r).unwrap();
    }
    idx.commit().unwrap();
    idx
}

/// The fixture's documents of one kind, as JSON.
fn docs(name: &str, kind: &str) -> Vec<Value> {
    std::fs::read_to_string(fixture_path(name))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["kind"] == kind)
        .collect()
}

/// The documents of a kind the predicate accepts, by `key`.
struct Truth {
    docs: Vec<Value>,
    key: &'static str,
}

impl Truth {
    fn new(fixture: &str, kind: &str, key: &'static str) -> Truth {
        Truth {
            docs: docs(fixture, kind),
            key,
        }
    }

    fn ids(&self, pred: impl Fn(&Value) -> bool) -> BTreeSet<String> {
        self.docs
            .iter()
            .filter(|d| pred(d))
            .map(|d| d[self.key].as_str().unwrap().to_string())
            .collect()
    }

    /// Checks `found` is exactly what `pred` accepts, with its total, and
    /// that this is neither nothing nor everything.
    fn check(&self, what: &str, found: (BTreeSet<String>, u64), pred: impl Fn(&Value) -> bool) {
        let expected = self.ids(pred);
        let whole = self.ids(|_| true);
        assert!(!expected.is_empty(), "{what}: expects nothing");
        assert_ne!(expected, whole, "{what}: expects the whole fixture");
        assert_eq!(found.0, expected, "{what}");
        assert_eq!(found.1, expected.len() as u64, "{what}: total");
    }

    /// Checks `found` is every document (a query without filters).
    fn check_all(&self, what: &str, found: (BTreeSet<String>, u64)) {
        let whole = self.ids(|_| true);
        assert!(!whole.is_empty());
        assert_eq!(found.0, whole, "{what}");
        assert_eq!(found.1, whole.len() as u64, "{what}: total");
    }
}

fn ts(s: &str) -> Option<Timestamp> {
    Some(Timestamp::parse(s).unwrap())
}

fn strings(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|s| s.to_string()).collect()
}

fn has_tag(d: &Value, t: &str) -> bool {
    d["tags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x.as_str().unwrap().eq_ignore_ascii_case(t))
}

#[test]
fn every_video_filter() {
    let idx = index("relevance.jsonl");
    let t = Truth::new("relevance.jsonl", "video", "uuid");
    let v = |q: VideoQuery| videos(&idx, q);
    t.check_all("no filter", v(VideoQuery::default()));
    t.check(
        "nsfw",
        v(VideoQuery {
            nsfw: Some(true),
            ..Default::default()
        }),
        |d| d["nsfw"] == true,
    );
    t.check(
        "not nsfw",
        v(VideoQuery {
            nsfw: Some(false),
            ..Default::default()
        }),
        |d| d["nsfw"] == false,
    );
    t.check(
        "live",
        v(VideoQuery {
            is_live: Some(true),
            ..Default::default()
        }),
        |d| d["isLive"] == true,
    );
    t.check(
        "not live",
        v(VideoQuery {
            is_live: Some(false),
            ..Default::default()
        }),
        |d| d["isLive"] == false,
    );
    t.check(
        "one category",
        v(VideoQuery {
            categories: vec![15],
            ..Default::default()
        }),
        |d| d["category"]["id"] == 15,
    );
    t.check(
        "two categories",
        v(VideoQuery {
            categories: vec![15, 1],
            ..Default::default()
        }),
        |d| d["category"]["id"] == 15 || d["category"]["id"] == 1,
    );
    t.check(
        "licence",
        v(VideoQuery {
            licences: vec![2],
            ..Default::default()
        }),
        |d| d["licence"]["id"] == 2,
    );
    t.check(
        "languages",
        v(VideoQuery {
            languages: strings(&["fr", "de"]),
            ..Default::default()
        }),
        |d| d["language"]["id"] == "fr" || d["language"]["id"] == "de",
    );
    t.check(
        "unknown language",
        v(VideoQuery {
            languages: strings(&["_unknown"]),
            ..Default::default()
        }),
        |d| d["language"]["id"].is_null(),
    );
    t.check(
        "a language or none",
        v(VideoQuery {
            languages: strings(&["en", "_unknown"]),
            ..Default::default()
        }),
        |d| d["language"]["id"] == "en" || d["language"]["id"].is_null(),
    );
    t.check(
        "tags, one of (any case)",
        v(VideoQuery {
            tags_one_of: strings(&["rust", "Cooking"]),
            ..Default::default()
        }),
        |d| has_tag(d, "rust") || has_tag(d, "cooking"),
    );
    t.check(
        "tags, all of",
        v(VideoQuery {
            tags_all_of: strings(&["framasoft", "peertube"]),
            ..Default::default()
        }),
        |d| has_tag(d, "framasoft") && has_tag(d, "peertube"),
    );
    t.check(
        "tags, all of, again",
        v(VideoQuery {
            tags_all_of: strings(&["rust", "live"]),
            ..Default::default()
        }),
        |d| has_tag(d, "rust") && has_tag(d, "live"),
    );
    t.check(
        "host",
        v(VideoQuery {
            host: Host::parse("video.example.fr"),
            ..Default::default()
        }),
        |d| d["account"]["host"] == "video.example.fr",
    );
    t.check(
        "host with a port",
        v(VideoQuery {
            host: Host::parse("peertube.example.de:8443"),
            ..Default::default()
        }),
        |d| d["account"]["host"] == "peertube.example.de:8443",
    );
    let (none, total) = v(VideoQuery {
        host: Host::parse("example.com"),
        ..Default::default()
    });
    assert!(none.is_empty() && total == 0, "a host not indexed");
    t.check(
        "published window",
        v(VideoQuery {
            published: DateRange {
                from: ts("2024-01-01T00:00:00Z"),
                to: ts("2024-06-30"),
            },
            ..Default::default()
        }),
        |d| {
            let p = d["publishedAt"].as_str().unwrap();
            ("2024-01-01".."2024-06-30T00:00:00.001Z").contains(&p)
        },
    );
    t.check(
        "published since",
        v(VideoQuery {
            published: DateRange {
                from: ts("2024-05-01"),
                to: None,
            },
            ..Default::default()
        }),
        |d| d["publishedAt"].as_str().unwrap() >= "2024-05-01",
    );
    t.check(
        "published until",
        v(VideoQuery {
            published: DateRange {
                from: None,
                to: ts("2023-12-31T23:59:59Z"),
            },
            ..Default::default()
        }),
        |d| d["publishedAt"].as_str().unwrap() < "2024-01-01",
    );
    t.check(
        "originally published window",
        v(VideoQuery {
            originally_published: DateRange {
                from: ts("2000-01-01"),
                to: ts("2020-01-01"),
            },
            ..Default::default()
        }),
        |d| {
            d["originallyPublishedAt"]
                .as_str()
                .is_some_and(|p| ("2000-01-01".."2020-01-01T00:00:00.001Z").contains(&p))
        },
    );
    t.check(
        "originally published since (videos without it are out)",
        v(VideoQuery {
            originally_published: DateRange {
                from: ts("1900-01-01"),
                to: None,
            },
            ..Default::default()
        }),
        |d| d["originallyPublishedAt"].is_string(),
    );
    t.check(
        "duration min",
        v(VideoQuery {
            duration_min: Some(600),
            ..Default::default()
        }),
        |d| d["duration"].as_u64().unwrap() >= 600,
    );
    t.check(
        "duration max",
        v(VideoQuery {
            duration_max: Some(300),
            ..Default::default()
        }),
        |d| d["duration"].as_u64().unwrap() <= 300,
    );
    t.check(
        "duration window",
        v(VideoQuery {
            duration_min: Some(60),
            duration_max: Some(600),
            ..Default::default()
        }),
        |d| (60..=600).contains(&d["duration"].as_u64().unwrap()),
    );
    let (u1, s2) = (
        t.docs[0]["uuid"].as_str().unwrap().to_string(),
        t.docs[1]["shortUUID"].as_str().unwrap().to_string(),
    );
    t.check(
        "uuid and short uuid",
        v(VideoQuery {
            uuids: vec![u1.clone(), s2.clone()],
            ..Default::default()
        }),
        |d| d["uuid"] == u1.as_str() || d["shortUUID"] == s2.as_str(),
    );
    t.check(
        "blocked host",
        v(VideoQuery {
            blocks: Blocks {
                hosts: hosts(&["video.example.fr"]),
                accounts: vec![],
                ..Blocks::default()
            },
            ..Default::default()
        }),
        |d| d["host"] != "video.example.fr",
    );
    t.check(
        "blocked accounts",
        v(VideoQuery {
            blocks: Blocks {
                hosts: vec![],
                accounts: strings(&["claire@video.example.fr", "bernd@peertube.example.de:8443"]),
                ..Blocks::default()
            },
            ..Default::default()
        }),
        |d| d["account"]["name"] != "claire" && d["account"]["name"] != "bernd",
    );
    t.check(
        "an account blocked on another host is not blocked",
        v(VideoQuery {
            blocks: Blocks {
                hosts: vec![],
                accounts: strings(&["claire@video.example.fr", "alice@elsewhere.example"]),
                ..Blocks::default()
            },
            ..Default::default()
        }),
        |d| d["account"]["name"] != "claire",
    );
    // Moderation: a channel (its videos) and single documents, by kind and key.
    let first = &t.docs[0];
    let channel = format!(
        "{}@{}",
        first["channel"]["name"].as_str().unwrap(),
        first["channel"]["host"].as_str().unwrap()
    );
    t.check(
        "blocked channel",
        v(VideoQuery {
            blocks: Blocks {
                channels: vec![channel.clone()],
                ..Blocks::default()
            },
            ..Default::default()
        }),
        |d| {
            format!(
                "{}@{}",
                d["channel"]["name"].as_str().unwrap(),
                d["channel"]["host"].as_str().unwrap()
            ) != channel
        },
    );
    let (one, two) = (&t.docs[1], &t.docs[2]);
    let key = |d: &Value| DocKey::new(d["host"].as_str().unwrap(), d["uuid"].as_str().unwrap());
    t.check(
        "blocked documents (a channel's key with the same id blocks no video)",
        v(VideoQuery {
            blocks: Blocks {
                documents: vec![
                    (DocKind::Video, key(one)),
                    (DocKind::Video, key(two)),
                    (DocKind::Channel, key(&t.docs[3])),
                ],
                ..Blocks::default()
            },
            ..Default::default()
        }),
        |d| d["uuid"] != one["uuid"] && d["uuid"] != two["uuid"],
    );
    // boostLanguages reorders, never filters
    t.check_all(
        "boost",
        v(VideoQuery {
            boost_languages: strings(&["fr"]),
            ..Default::default()
        }),
    );
    // PeerTube's own live test: category + licence + tagsAllOf + date window
    t.check(
        "filters together",
        v(VideoQuery {
            categories: vec![15],
            licences: vec![2],
            tags_all_of: strings(&["framasoft", "peertube"]),
            published: DateRange {
                from: ts("2020-01-01"),
                to: ts("2020-12-31"),
            },
            ..Default::default()
        }),
        |d| d["name"] == "Framasoft and PeerTube",
    );
    // Text and filters together.
    t.check(
        "text and a language",
        v(VideoQuery {
            search: Some("rust".into()),
            languages: strings(&["en"]),
            ..Default::default()
        }),
        |d| {
            d["language"]["id"] == "en"
                && (has_tag(d, "rust") || d["name"].as_str().unwrap().contains("Rust"))
        },
    );
}

#[test]
fn every_channel_filter() {
    let idx = index("relevance.jsonl");
    let t = Truth::new("relevance.jsonl", "channel", "name");
    let c = |q: ChannelQuery| channels(&idx, q);
    t.check_all("no filter", c(ChannelQuery::default()));
    t.check(
        "host",
        c(ChannelQuery {
            host: Host::parse("video.example.fr"),
            ..Default::default()
        }),
        |d| d["host"] == "video.example.fr",
    );
    t.check(
        "handles",
        c(ChannelQuery {
            handles: strings(&["histoire@video.example.fr", "nobody@nowhere.example"]),
            ..Default::default()
        }),
        |d| d["name"] == "histoire",
    );
    t.check(
        "blocked owner account",
        c(ChannelQuery {
            blocks: Blocks {
                hosts: vec![],
                accounts: strings(&["alice@tube.example.org"]),
                ..Blocks::default()
            },
            ..Default::default()
        }),
        |d| d["ownerAccount"]["name"] != "alice",
    );
    t.check(
        "blocked host",
        c(ChannelQuery {
            blocks: Blocks {
                hosts: hosts(&["tube.example.org"]),
                accounts: vec![],
                ..Blocks::default()
            },
            ..Default::default()
        }),
        |d| d["host"] != "tube.example.org",
    );
    t.check(
        "handle text",
        c(ChannelQuery {
            search: Some("musique".into()),
            ..Default::default()
        }),
        |d| d["name"] == "musique",
    );
}

#[test]
fn every_playlist_filter() {
    let idx = index("relevance.jsonl");
    let t = Truth::new("relevance.jsonl", "playlist", "uuid");
    let p = |q: PlaylistQuery| playlists(&idx, q);
    t.check_all("no filter", p(PlaylistQuery::default()));
    let u = t.docs[1]["uuid"].as_str().unwrap().to_string();
    let su = t.docs[2]["shortUUID"].as_str().unwrap().to_string();
    t.check(
        "uuid and short uuid",
        p(PlaylistQuery {
            uuids: vec![u.clone(), su.clone()],
            ..Default::default()
        }),
        |d| d["uuid"] == u.as_str() || d["shortUUID"] == su.as_str(),
    );
    t.check(
        "host",
        p(PlaylistQuery {
            host: Host::parse("video.example.fr"),
            ..Default::default()
        }),
        |d| d["ownerAccount"]["host"] == "video.example.fr",
    );
    t.check(
        "blocked owner account",
        p(PlaylistQuery {
            blocks: Blocks {
                hosts: vec![],
                accounts: strings(&["claire@video.example.fr"]),
                ..Blocks::default()
            },
            ..Default::default()
        }),
        |d| d["ownerAccount"]["name"] != "claire",
    );
    t.check(
        "blocked host",
        p(PlaylistQuery {
            blocks: Blocks {
                hosts: hosts(&["video.example.fr"]),
                accounts: vec![],
                ..Blocks::default()
            },
            ..Default::default()
        }),
        |d| d["host"] != "video.example.fr",
    );
    t.check(
        "text",
        p(PlaylistQuery {
            search: Some("rust".into()),
            ..Default::default()
        }),
        |d| d["displayName"] == "Rust learning path",
    );
}

/// Great-circle distance in km, written here again so the test does not
/// trust the index's own.
fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let r = 6_371.008_8;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let a = ((p2 - p1) / 2.0).sin().powi(2)
        + p1.cos() * p2.cos() * ((lon2 - lon1).to_radians() / 2.0).sin().powi(2);
    2.0 * r * a.sqrt().asin()
}

fn within(d: &Value, lat: f64, lon: f64, radius: f64) -> bool {
    let p = &d["location"]["location"];
    match (p["lat"].as_f64(), p["lon"].as_f64()) {
        (Some(a), Some(b)) => km(lat, lon, a, b) <= radius,
        _ => false,
    }
}

fn near(lat: f64, lon: f64, radius_km: f64) -> GeoFilter {
    GeoFilter {
        near: Some(Circle {
            lat,
            lon,
            radius_km,
        }),
        bbox: None,
    }
}

#[test]
fn every_event_filter() {
    let idx = index("mobilizon.jsonl");
    let t = Truth::new("mobilizon.jsonl", "event", "uuid");
    let e = |q: EventQuery| events(&idx, q);
    let start = |d: &Value| d["startTime"].as_str().unwrap().to_string();
    t.check_all("no filter", e(EventQuery::default()));
    t.check(
        "one category",
        e(EventQuery {
            categories: strings(&["MUSIC"]),
            ..Default::default()
        }),
        |d| d["category"] == "MUSIC",
    );
    t.check(
        "two categories",
        e(EventQuery {
            categories: strings(&["MUSIC", "SPORTS"]),
            ..Default::default()
        }),
        |d| d["category"] == "MUSIC" || d["category"] == "SPORTS",
    );
    // An unknown category was indexed as MEETING.
    t.check(
        "unknown category",
        e(EventQuery {
            categories: strings(&["MEETING"]),
            ..Default::default()
        }),
        |d| d["category"] == "KNITTING",
    );
    t.check(
        "one status",
        e(EventQuery {
            statuses: strings(&["CANCELLED"]),
            ..Default::default()
        }),
        |d| d["status"] == "CANCELLED",
    );
    t.check(
        "two statuses",
        e(EventQuery {
            statuses: strings(&["TENTATIVE", "CONFIRMED"]),
            ..Default::default()
        }),
        |d| d["status"] != "CANCELLED",
    );
    t.check(
        "online only",
        e(EventQuery {
            online: Some(true),
            ..Default::default()
        }),
        |d| d["isOnline"] == true,
    );
    t.check(
        "in person only",
        e(EventQuery {
            online: Some(false),
            ..Default::default()
        }),
        |d| d["isOnline"] != true,
    );
    t.check(
        "language",
        e(EventQuery {
            languages: strings(&["de"]),
            ..Default::default()
        }),
        |d| d["language"] == "de",
    );
    t.check(
        "a language or none",
        e(EventQuery {
            languages: strings(&["en", "_unknown"]),
            ..Default::default()
        }),
        |d| d["language"] == "en" || d["language"].is_null(),
    );
    t.check(
        "starts after",
        e(EventQuery {
            start: DateRange {
                from: ts("2099-01-01T00:00:00Z"),
                to: None,
            },
            ..Default::default()
        }),
        |d| start(d).as_str() >= "2099-01-01T00:00:00Z",
    );
    t.check(
        "starts before",
        e(EventQuery {
            start: DateRange {
                from: None,
                to: ts("2023-07-15T18:00:00Z"),
            },
            ..Default::default()
        }),
        |d| start(d).as_str() <= "2023-07-15T18:00:00Z",
    );
    t.check(
        "start window, both ends inclusive",
        e(EventQuery {
            start: DateRange {
                from: ts("2099-06-01T10:00:00Z"),
                to: ts("2099-06-01T19:00:00Z"),
            },
            ..Default::default()
        }),
        |d| ("2099-06-01T10:00:00Z"..="2099-06-01T19:00:00Z").contains(&start(d).as_str()),
    );
    t.check(
        "near a point",
        e(EventQuery {
            geo: near(48.8566, 2.3522, 10.0),
            ..Default::default()
        }),
        |d| within(d, 48.8566, 2.3522, 10.0),
    );
    t.check(
        "near a point across the antimeridian",
        e(EventQuery {
            geo: near(-17.5, 179.5, 250.0),
            ..Default::default()
        }),
        |d| within(d, -17.5, 179.5, 250.0),
    );
    t.check(
        "in a viewport",
        e(EventQuery {
            geo: GeoFilter {
                near: None,
                bbox: Some(BBox {
                    north: 49.5,
                    west: 2.0,
                    south: 48.0,
                    east: 3.0,
                    all_longitudes: false,
                }),
            },
            ..Default::default()
        }),
        |d| {
            let p = &d["location"]["location"];
            p["lat"]
                .as_f64()
                .zip(p["lon"].as_f64())
                .is_some_and(|(lat, lon)| {
                    (48.0..=49.5).contains(&lat) && (2.0..=3.0).contains(&lon)
                })
        },
    );
    t.check(
        "blocked host",
        e(EventQuery {
            blocks: Blocks {
                hosts: hosts(&["mob-a.example"]),
                accounts: vec![],
                ..Blocks::default()
            },
            ..Default::default()
        }),
        |d| d["host"] != "mob-a.example",
    );
    t.check(
        "blocked organiser",
        e(EventQuery {
            blocks: Blocks {
                hosts: vec![],
                accounts: strings(&["carol@mob-b.example"]),
                ..Blocks::default()
            },
            ..Default::default()
        }),
        |d| d["creator"]["name"] != "carol",
    );
    t.check(
        "filters together",
        e(EventQuery {
            categories: strings(&["MUSIC"]),
            statuses: strings(&["CONFIRMED"]),
            languages: strings(&["en"]),
            ..Default::default()
        }),
        |d| d["category"] == "MUSIC" && d["status"] == "CONFIRMED" && d["language"] == "en",
    );
}

#[test]
fn every_group_filter() {
    let idx = index("mobilizon.jsonl");
    let t = Truth::new("mobilizon.jsonl", "group", "name");
    let g = |q: GroupQuery| groups(&idx, q);
    t.check_all("no filter", g(GroupQuery::default()));
    t.check(
        "language",
        g(GroupQuery {
            languages: strings(&["fr"]),
            ..Default::default()
        }),
        |d| d["language"] == "fr",
    );
    t.check(
        "near a point",
        g(GroupQuery {
            geo: near(48.8566, 2.3522, 500.0),
            ..Default::default()
        }),
        |d| within(d, 48.8566, 2.3522, 500.0),
    );
    t.check(
        "blocked host",
        g(GroupQuery {
            blocks: Blocks {
                hosts: hosts(&["mob-d.example:8443"]),
                accounts: vec![],
                ..Blocks::default()
            },
            ..Default::default()
        }),
        |d| d["host"] != "mob-d.example:8443",
    );
    t.check(
        "blocked group",
        g(GroupQuery {
            blocks: Blocks {
                hosts: vec![],
                accounts: strings(&["paris_jazz@mob-a.example"]),
                ..Blocks::default()
            },
            ..Default::default()
        }),
        |d| d["name"] != "paris_jazz",
    );
}

/// Checked hosts, as queries hold them.
fn hosts(xs: &[&str]) -> Vec<Host> {
    xs.iter().filter_map(|h| Host::parse(h)).collect()
}
