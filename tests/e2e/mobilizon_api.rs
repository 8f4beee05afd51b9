//! End-to-end tests of the Mobilizon search API (contract B) against a real
//! `sepiola serve` over the committed fixture tests/fixtures/mobilizon.jsonl:
//! every filter and sort is compared with the fixture filtered here,
//! independently of the index.

use std::collections::BTreeSet;
use std::path::Path;

use crate::harness::{
    Server, assert_meaningful, mobilizon_fixture_path as fixture_path, shared_mobilizon, total,
};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value, json};

fn fixture(kind: &str) -> Vec<Value> {
    std::fs::read_to_string(fixture_path())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["kind"] == kind)
        .collect()
}

/// The server over the fixture every read-only test shares.
fn server() -> &'static Server {
    shared_mobilizon()
}

fn enc(s: &str) -> String {
    utf8_percent_encode(s, NON_ALPHANUMERIC).to_string()
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

fn point(d: &Value) -> Option<(f64, f64)> {
    let p = &d["location"]["location"];
    Some((p["lat"].as_f64()?, p["lon"].as_f64()?))
}

fn within(d: &Value, lat: f64, lon: f64, radius: f64) -> bool {
    point(d).is_some_and(|(a, b)| km(lat, lon, a, b) <= radius)
}

fn start(d: &Value) -> String {
    // The fixture writes every date as `YYYY-MM-DDTHH:MM:SSZ`: text order is time order.
    d["startTime"].as_str().unwrap().to_string()
}

fn ids(v: &Value, key: &str) -> Vec<String> {
    v["data"]
        .as_array()
        .unwrap_or_else(|| panic!("no data in {v}"))
        .iter()
        .map(|d| d[key].as_str().unwrap().to_string())
        .collect()
}

/// What a check's expected set is meant to be.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// Some of the fixture, not all: the filter filters.
    Some,
    /// All of it (no filter, ignored parameters).
    All,
    /// None of it.
    Nothing,
}

/// GETs `query` on `endpoint` and checks the answer holds exactly the
/// fixture documents `pred` accepts, with the exact total; the expected set
/// is neither empty nor the whole fixture.
async fn check(s: &Server, endpoint: &str, key: &str, query: &str, pred: impl Fn(&Value) -> bool) {
    check_as(s, endpoint, key, query, pred, Expect::Some).await;
}

/// The same, for parameters meant to keep every document.
async fn check_all(s: &Server, endpoint: &str, key: &str, query: &str) {
    check_as(s, endpoint, key, query, |_| true, Expect::All).await;
}

/// The same, for parameters meant to keep no document.
async fn check_none(s: &Server, endpoint: &str, key: &str, query: &str) {
    check_as(s, endpoint, key, query, |_| false, Expect::Nothing).await;
}

async fn check_as(
    s: &Server,
    endpoint: &str,
    key: &str,
    query: &str,
    pred: impl Fn(&Value) -> bool,
    expect: Expect,
) {
    let kind = if endpoint == "events" {
        "event"
    } else {
        "group"
    };
    let docs = fixture(kind);
    let id = |d: &Value| d[key].as_str().unwrap().to_string();
    let whole: BTreeSet<String> = docs.iter().map(id).collect();
    let expected: BTreeSet<String> = docs.iter().filter(|d| pred(d)).map(id).collect();
    match expect {
        Expect::Some => assert_meaningful(&expected, &whole, &format!("{endpoint}?{query}")),
        Expect::All => assert_eq!(expected, whole, "{endpoint}?{query}"),
        Expect::Nothing => assert!(expected.is_empty(), "{endpoint}?{query}"),
    }
    let (st, v) = s
        .get(&format!("/api/v1/search/{endpoint}?count=100&{query}"))
        .await;
    assert_eq!(st, 200, "{query}: {v}");
    let got: BTreeSet<String> = ids(&v, key).into_iter().collect();
    assert_eq!(got, expected, "{endpoint}?{query}");
    assert_eq!(total(&v), expected.len() as u64, "{query}: total");
}

#[tokio::test]
async fn every_event_filter_matches_the_fixture() {
    let s = server();
    let cat = |c: &'static str| move |d: &Value| d["category"] == c;
    check_all(s, "events", "uuid", "").await;
    check(s, "events", "uuid", "categoryOneOf[]=MUSIC", cat("MUSIC")).await;
    check(
        s,
        "events",
        "uuid",
        "categoryOneOf%5B%5D=MUSIC&categoryOneOf%5B%5D=SPORTS",
        |d| d["category"] == "MUSIC" || d["category"] == "SPORTS",
    )
    .await;
    // Repeated keys and a scalar work as well as brackets; lower case is read as upper.
    check(
        s,
        "events",
        "uuid",
        "categoryOneOf=music&categoryOneOf=SPORTS",
        |d| d["category"] == "MUSIC" || d["category"] == "SPORTS",
    )
    .await;
    // An unknown category was indexed as MEETING.
    check(s, "events", "uuid", "categoryOneOf[]=MEETING", |d| {
        d["category"] == "KNITTING"
    })
    .await;
    check_none(s, "events", "uuid", "categoryOneOf[]=KNITTING").await;
    check(s, "events", "uuid", "languageOneOf[]=de", |d| {
        d["language"] == "de"
    })
    .await;
    check(
        s,
        "events",
        "uuid",
        "languageOneOf[]=en&languageOneOf[]=_unknown",
        |d| d["language"] == "en" || d["language"].is_null(),
    )
    .await;
    check(s, "events", "uuid", "statusOneOf[]=CANCELLED", |d| {
        d["status"] == "CANCELLED"
    })
    .await;
    check(
        s,
        "events",
        "uuid",
        "statusOneOf[]=TENTATIVE&statusOneOf[]=confirmed",
        |d| d["status"] != "CANCELLED",
    )
    .await;
    check(
        s,
        "events",
        "uuid",
        "startDateMin=2099-01-01T00:00:00Z",
        |d| start(d).as_str() >= "2099-01-01T00:00:00Z",
    )
    .await;
    check(
        s,
        "events",
        "uuid",
        "startDateMax=2023-07-15T18:00:00Z",
        |d| start(d).as_str() <= "2023-07-15T18:00:00Z",
    )
    .await;
    check(
        s,
        "events",
        "uuid",
        &format!(
            "startDateMin={}&startDateMax={}",
            enc("2099-06-01T10:00:00+00:00"),
            enc("2099-06-01T19:00:00.000000")
        ),
        |d| {
            let t = start(d);
            ("2099-06-01T10:00:00Z"..="2099-06-01T19:00:00Z").contains(&t.as_str())
        },
    )
    .await;
    check(
        s,
        "events",
        "uuid",
        "categoryOneOf[]=MUSIC&statusOneOf[]=CONFIRMED&languageOneOf[]=en",
        |d| d["category"] == "MUSIC" && d["status"] == "CONFIRMED" && d["language"] == "en",
    )
    .await;
    // Mobilizon's `type` and sepiola's `isOnline` pick online or in-person events.
    let online = |d: &Value| d["isOnline"] == true;
    check(s, "events", "uuid", "type=ONLINE", online).await;
    check(s, "events", "uuid", "isOnline=true", online).await;
    check(s, "events", "uuid", "type=IN_PERSON", |d| !online(d)).await;
    check(s, "events", "uuid", "isOnline=false", |d| !online(d)).await;
    // Unknown parameters are ignored, as Mobilizon's `zoom` would be.
    check_all(s, "events", "uuid", "zoom=5&longEvents=false").await;
}

#[tokio::test]
async fn geo_radius_keeps_points_just_inside_and_drops_points_just_outside() {
    let s = server();
    let (lat, lon) = (48.8566, 2.3522);
    // The fixture has events 9.9 km and 10.1 km north of this point.
    let inside: Vec<Value> = fixture("event")
        .into_iter()
        .filter(|d| point(d).is_some_and(|(a, b)| (9.8..10.0).contains(&km(lat, lon, a, b))))
        .collect();
    let outside: Vec<Value> = fixture("event")
        .into_iter()
        .filter(|d| point(d).is_some_and(|(a, b)| (10.0..10.2).contains(&km(lat, lon, a, b))))
        .collect();
    assert_eq!((inside.len(), outside.len()), (1, 1), "fixture changed?");
    let (st, v) = s
        .get("/api/v1/search/events?latlon=48.8566%3A2.3522&distance=10_km&count=100")
        .await;
    assert_eq!(st, 200, "{v}");
    let got = ids(&v, "uuid");
    assert!(got.contains(&inside[0]["uuid"].as_str().unwrap().to_string()));
    assert!(!got.contains(&outside[0]["uuid"].as_str().unwrap().to_string()));
    for (q, radius) in [
        ("latlon=48.8566:2.3522&distance=10_km", 10.0),
        ("latlon=48.8566:2.3522&distance=10.2_km", 10.2),
        ("latlon=48.8566:2.3522&distance=500.0_km", 500.0),
        ("latlon=45.764:4.8357&distance=25_km", 25.0),
        ("latlon=52.52:13.405&distance=5_km", 5.0),
        ("latlon=52.52:13.405&distance=4_km", 4.0),
        ("latlon=48.8566:2.3522", 50.0),
        ("latlon=0:0&distance=20000_km", 20_000.0),
        ("latlon=48.8566:2.3522&distance=0_km", 0.0),
    ] {
        let (a, b) = {
            let ll = q.split('&').next().unwrap().trim_start_matches("latlon=");
            let (a, b) = ll.split_once(':').unwrap();
            (a.parse::<f64>().unwrap(), b.parse::<f64>().unwrap())
        };
        check(s, "events", "uuid", q, |d| within(d, a, b, radius)).await;
    }
    // Across the antimeridian: Suva and Taveuni are about 200 km apart on
    // either side of it.
    check(
        s,
        "events",
        "uuid",
        "latlon=-17.5:179.5&distance=250_km",
        |d| within(d, -17.5, 179.5, 250.0),
    )
    .await;
    let (_, v) = s
        .get("/api/v1/search/events?latlon=-17.5:179.5&distance=250_km")
        .await;
    assert_eq!(total(&v), 2, "{v}");
}

#[tokio::test]
async fn bbox_is_a_viewport_even_across_the_antimeridian() {
    let s = server();
    let inside = |d: &Value, n: f64, w: f64, so: f64, e: f64| {
        point(d).is_some_and(|(lat, lon)| {
            lat <= n
                && lat >= so
                && if w <= e {
                    lon >= w && lon <= e
                } else {
                    lon >= w || lon <= e
                }
        })
    };
    for (q, n, w, so, e) in [
        ("bbox=49.5,%202.0:48.0,%203.0", 49.5, 2.0, 48.0, 3.0),
        ("bbox=49.5,2.0:48.0,3.0", 49.5, 2.0, 48.0, 3.0),
        ("bbox=53,%20-80:40,%2015", 53.0, -80.0, 40.0, 15.0),
        ("bbox=-10,%20170:-25,%20-170", -10.0, 170.0, -25.0, -170.0),
        ("bbox=-10,%20170:-25,%20190", -10.0, 170.0, -25.0, -170.0),
        ("bbox=52.6,13.0:52.4,13.45", 52.6, 13.0, 52.4, 13.45),
    ] {
        check(s, "events", "uuid", q, |d| inside(d, n, w, so, e)).await;
    }
    // bbox and latlon together: both apply.
    check(
        s,
        "events",
        "uuid",
        "bbox=49.5,2.0:48.0,3.0&latlon=48.8566:2.3522&distance=5_km",
        |d| inside(d, 49.5, 2.0, 48.0, 3.0) && within(d, 48.8566, 2.3522, 5.0),
    )
    .await;
    // A world-wide viewport: every located event.
    check(s, "events", "uuid", "bbox=90,-540:-90,540", |d| {
        point(d).is_some()
    })
    .await;
    check(s, "groups", "name", "bbox=-10,170:-25,-170", |d| {
        inside(d, -10.0, 170.0, -25.0, -170.0)
    })
    .await;
}

#[tokio::test]
async fn distance_without_latlon_is_ignored() {
    let s = server();
    check_all(s, "events", "uuid", "distance=50.0_km").await;
    check_all(s, "groups", "name", "distance=10_km").await;
}

/// The order the fixture says: `key` of each document sorted by `cmp`.
fn sorted_by(
    kind: &str,
    key: &str,
    cmp: impl Fn(&Value, &Value) -> std::cmp::Ordering,
) -> Vec<String> {
    let mut docs = fixture(kind);
    docs.sort_by(|a, b| cmp(a, b));
    docs.iter()
        .map(|d| d[key].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn event_sorts_follow_the_fixture() {
    let s = server();
    let by = |f: &'static str| move |a: &Value, b: &Value| a[f].as_str().cmp(&b[f].as_str());
    let cases: Vec<(&str, Vec<String>)> = vec![
        (
            "sort=startTime",
            sorted_by("event", "uuid", by("startTime")),
        ),
        (
            "sort=-startTime",
            sorted_by("event", "uuid", |a, b| by("startTime")(b, a)),
        ),
        (
            "sort=createdAt",
            sorted_by("event", "uuid", by("createdAt")),
        ),
        (
            "sort=-createdAt",
            sorted_by("event", "uuid", |a, b| by("createdAt")(b, a)),
        ),
        (
            "sort=-participantCount",
            sorted_by("event", "uuid", |a, b| {
                b["participantCount"]
                    .as_u64()
                    .cmp(&a["participantCount"].as_u64())
            }),
        ),
    ];
    for (q, expected) in cases {
        let (st, v) = s.get(&format!("/api/v1/search/events?count=100&{q}")).await;
        assert_eq!(st, 200, "{q}: {v}");
        assert_eq!(ids(&v, "uuid"), expected, "{q}");
        // Pages of 4 put together are the same list.
        let mut paged = Vec::new();
        for start in (0..expected.len()).step_by(4) {
            let (_, v) = s
                .get(&format!("/api/v1/search/events?start={start}&count=4&{q}"))
                .await;
            assert_eq!(total(&v), expected.len() as u64);
            paged.extend(ids(&v, "uuid"));
        }
        assert_eq!(paged, expected, "{q} paged");
    }
}

#[tokio::test]
async fn without_text_upcoming_events_come_first_then_the_latest_past_ones() {
    let s = server();
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let events = fixture("event");
    let mut upcoming: Vec<&Value> = events.iter().filter(|d| start(d) >= now).collect();
    let mut past: Vec<&Value> = events.iter().filter(|d| start(d) < now).collect();
    upcoming.sort_by_key(|d| start(d));
    past.sort_by_key(|d| std::cmp::Reverse(start(d)));
    let expected: Vec<String> = upcoming
        .iter()
        .chain(past.iter())
        .map(|d| d["uuid"].as_str().unwrap().to_string())
        .collect();
    for q in ["", "sort=-match", "sort=match", "search=%20%20"] {
        let (st, v) = s.get(&format!("/api/v1/search/events?count=100&{q}")).await;
        assert_eq!(st, 200);
        assert_eq!(ids(&v, "uuid"), expected, "{q}");
    }
    // Pages across the boundary between upcoming and past events.
    for size in [1, 3, 5, 7] {
        let mut paged = Vec::new();
        for start in (0..expected.len() + size).step_by(size) {
            let (st, v) = s
                .get(&format!("/api/v1/search/events?start={start}&count={size}"))
                .await;
            assert_eq!(st, 200);
            assert_eq!(total(&v), expected.len() as u64);
            paged.extend(ids(&v, "uuid"));
        }
        assert_eq!(paged, expected, "pages of {size}");
    }
    // With filters, the same order among what passes them.
    let (_, v) = s
        .get("/api/v1/search/events?categoryOneOf[]=MUSIC&count=100")
        .await;
    let music: Vec<String> = expected
        .iter()
        .filter(|u| {
            events
                .iter()
                .any(|d| d["uuid"] == u.as_str() && d["category"] == "MUSIC")
        })
        .cloned()
        .collect();
    assert_eq!(ids(&v, "uuid"), music);
}

#[tokio::test]
async fn text_search_uses_the_video_ranking() {
    let s = server();
    let names = |v: &Value| ids(v, "name");
    // "jazz" in the title ranks above "jazz" only in tags or description.
    let (_, v) = s.get("/api/v1/search/events?search=jazz").await;
    let got = names(&v);
    assert_eq!(total(&v), 3, "{got:?}");
    assert!(
        got[..3].iter().all(|n| n.to_lowercase().contains("jazz")),
        "{got:?}"
    );
    // The exact title first.
    let (_, v) = s
        .get("/api/v1/search/events?search=jazz%20workshop%20for%20kids")
        .await;
    assert_eq!(names(&v)[0], "Jazz workshop for kids");
    // Accents and case folded, stems matched.
    for q in ["velo", "VÉLO", "ateliers"] {
        let (_, v) = s
            .get(&format!("/api/v1/search/events?search={}", enc(q)))
            .await;
        assert_eq!(
            names(&v).first().map(String::as_str),
            Some("Atelier vélo participatif"),
            "{q}"
        );
    }
    // HTML was reduced to text: the word inside <i> is found, the tag is not.
    let (_, v) = s.get("/api/v1/search/events?search=poesie").await;
    assert_eq!(names(&v), vec!["Lecture publique"]);
    let (_, v) = s.get("/api/v1/search/events?search=%3Ci%3E").await;
    assert_eq!(total(&v), 0);
    // Place names are searchable.
    let (_, v) = s.get("/api/v1/search/events?search=montreal").await;
    assert_eq!(names(&v), vec!["Montreal jazz jam"]);
    // Text and filters together, exact totals.
    let (_, v) = s
        .get("/api/v1/search/events?search=jazz&languageOneOf[]=en&statusOneOf[]=CONFIRMED")
        .await;
    let got: BTreeSet<String> = names(&v).into_iter().collect();
    assert_eq!(
        got,
        ["Jazz workshop for kids", "Montreal jazz jam"]
            .map(String::from)
            .into()
    );
    assert_eq!(total(&v), 2);
    // boostLanguages puts the French event first among equals.
    let (_, v) = s
        .get("/api/v1/search/events?search=jazz&boostLanguages[]=fr")
        .await;
    assert_eq!(names(&v)[0], "Jazz night at the Sunset");
    // Groups: display name, name and description.
    let (_, v) = s.get("/api/v1/search/groups?search=climbing").await;
    assert_eq!(ids(&v, "name"), vec!["lyon_climbers"]);
    let (_, v) = s.get("/api/v1/search/groups?search=rustaceans").await;
    assert_eq!(ids(&v, "name")[0], "rustaceans");
}

#[tokio::test]
async fn mobilizon_exact_query_strings_are_understood() {
    let s = server();
    // As Mobilizon's SearchMobilizon builds them with Plug.Conn.Query.encode.
    let q = "/api/v1/search/events?boostLanguages%5B%5D=fr&boostLanguages%5B%5D=en\
             &categoryOneOf%5B%5D=MUSIC&categoryOneOf%5B%5D=FAMILY_EDUCATION&count=16\
             &distance=500.0_km&languageOneOf%5B%5D=en&languageOneOf%5B%5D=fr\
             &latlon=48.8566%3A2.3522&search=jazz&sort=-match&start=0\
             &startDateMin=2025-01-01T00%3A00%3A00Z&statusOneOf%5B%5D=CONFIRMED";
    let (st, v) = s.get(q).await;
    assert_eq!(st, 200, "{v}");
    let got: BTreeSet<String> = ids(&v, "name").into_iter().collect();
    assert_eq!(
        got,
        ["Jazz night at the Sunset", "Jazz workshop for kids"]
            .map(String::from)
            .into()
    );
    assert_eq!(total(&v), 2);
    let q =
        "/api/v1/search/events?bbox=49.5%2C%202.0%3A48.0%2C%203.0&count=16&start=0&sort=startTime";
    let (st, v) = s.get(q).await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(total(&v), 4);
    let q = "/api/v1/search/groups?boostLanguages%5B%5D=fr&count=16&distance=10_km\
             &languageOneOf%5B%5D=fr&latlon=45.764%3A4.8357&sort=-memberCount&start=0";
    let (st, v) = s.get(q).await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(ids(&v, "name"), vec!["lyon_climbers"]);
    // POST with a JSON body works as on the PeerTube routes.
    let (st, v) = s
        .post_json(
            "/api/v1/search/events",
            &json!({"categoryOneOf": ["MUSIC"], "count": 100, "latlon": "52.52:13.405", "distance": "10_km"}),
        )
        .await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(ids(&v, "name"), vec!["Konzert im Park"]);
}

#[tokio::test]
async fn answers_have_the_shapes_mobilizon_parses() {
    let s = server();
    let (_, v) = s
        .get("/api/v1/search/events?search=jazz%20night%20at%20the%20sunset")
        .await;
    let e = &v["data"][0];
    for k in [
        "id",
        "uuid",
        "name",
        "startTime",
        "endTime",
        "url",
        "banner",
        "category",
        "creator",
        "location",
        "participantCount",
        "tags",
    ] {
        assert!(e.get(k).is_some(), "event lacks {k}: {e}");
    }
    assert_eq!(e["id"], "1");
    assert_eq!(e["category"], "MUSIC");
    assert_eq!(e["startTime"], "2099-06-01T19:00:00.000Z");
    assert!(
        e["url"]
            .as_str()
            .unwrap()
            .starts_with("https://mob-a.example/")
    );
    assert_eq!(
        e["creator"],
        json!({"id": "101", "name": "alice", "displayName": "Alice",
               "avatar": "https://mob-a.example/media/avatar-alice.png"})
    );
    assert_eq!(e["location"]["address"]["addressLocality"], "Paris");
    assert_eq!(e["location"]["location"]["lat"], 48.8566);
    assert!(e["tags"].is_array());
    // Tags never carry `#`, an event without tags has an empty array, an
    // online event a null location.
    let (_, v) = s.get("/api/v1/search/events?count=100").await;
    for d in v["data"].as_array().unwrap() {
        let tags = d["tags"].as_array().unwrap();
        assert!(tags.iter().all(|t| !t.as_str().unwrap().starts_with('#')));
    }
    let online = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "Online Rust workshop")
        .unwrap();
    assert!(online["location"].is_null());
    let (_, v) = s.get("/api/v1/search/groups?search=climbing").await;
    let g = &v["data"][0];
    for k in [
        "id",
        "name",
        "displayName",
        "host",
        "avatar",
        "description",
        "url",
        "memberCount",
        "location",
    ] {
        assert!(g.get(k).is_some(), "group lacks {k}: {g}");
    }
    assert_eq!(g["host"], "mob-b.example");
    assert_eq!(g["url"], "https://mob-b.example/@lyon_climbers");
}

#[tokio::test]
async fn group_filters_and_sorts_follow_the_fixture() {
    let s = server();
    check_all(s, "groups", "name", "").await;
    check(s, "groups", "name", "languageOneOf[]=fr", |d| {
        d["language"] == "fr"
    })
    .await;
    check(
        s,
        "groups",
        "name",
        "latlon=48.8566:2.3522&distance=500_km",
        |d| within(d, 48.8566, 2.3522, 500.0),
    )
    .await;
    let members = sorted_by("group", "name", |a, b| {
        b["memberCount"].as_u64().cmp(&a["memberCount"].as_u64())
    });
    for q in ["", "sort=-memberCount", "sort=-match"] {
        let (_, v) = s.get(&format!("/api/v1/search/groups?{q}")).await;
        assert_eq!(ids(&v, "name"), members, "{q}");
    }
    let (_, v) = s.get("/api/v1/search/groups?sort=memberCount").await;
    let mut asc = members.clone();
    asc.reverse();
    assert_eq!(ids(&v, "name"), asc);
    let created = sorted_by("group", "name", |a, b| {
        a["createdAt"].as_str().cmp(&b["createdAt"].as_str())
    });
    let (_, v) = s.get("/api/v1/search/groups?sort=createdAt").await;
    assert_eq!(ids(&v, "name"), created);
    let (_, v) = s
        .get("/api/v1/search/groups?sort=-createdAt&start=1&count=2")
        .await;
    let mut desc = created.clone();
    desc.reverse();
    assert_eq!(ids(&v, "name"), desc[1..3].to_vec());
    assert_eq!(total(&v), 5);
}

#[tokio::test]
async fn hostile_values_are_400_naming_the_parameter() {
    let s = server();
    for (endpoint, q, param) in [
        ("events", "latlon=abc", "latlon"),
        ("events", "latlon=48.8:2.3:1", "latlon"),
        ("events", "latlon=91:0", "latlon"),
        ("events", "latlon=1:2&distance=abc", "distance"),
        ("events", "latlon=1:2&distance=-3_km", "distance"),
        ("events", "distance=NaN_km", "distance"),
        ("events", "bbox=garbage", "bbox"),
        ("events", "bbox=1,2,3,4", "bbox"),
        ("events", "bbox=95,0:0,1", "bbox"),
        ("events", "startDateMin=yesterday", "startDateMin"),
        (
            "events",
            "startDateMax=2025-02-30T00:00:00Z",
            "startDateMax",
        ),
        ("events", "statusOneOf[]=POSTPONED", "statusOneOf"),
        ("events", "categoryOneOf[]=a%20b", "categoryOneOf"),
        ("events", "count=100000", "count"),
        ("events", "count=-1", "count"),
        ("events", "sort=-memberCount", "sort"),
        ("groups", "latlon=x:y", "latlon"),
        ("groups", "bbox=%00", "bbox"),
        ("groups", "sort=startTime", "sort"),
        ("groups", "count=101", "count"),
    ] {
        let r = crate::harness::client()
            .get(s.url(&format!("/api/v1/search/{endpoint}?{q}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 400, "{endpoint}?{q}");
        assert_eq!(
            r.headers()["content-type"].to_str().unwrap(),
            "application/problem+json"
        );
        let v: Value = r.json().await.unwrap();
        assert!(
            v["invalid-params"].get(param).is_some(),
            "{endpoint}?{q}: {v}"
        );
    }
    // Odd but harmless values are answered, never a 500.
    for q in [
        "search=%22",
        "search=%F0%9F%8E%B7",
        "latlon=-90:-180&distance=20000_km",
        "latlon=90:180&distance=0.000001_km",
        "bbox=0,0:0,0",
        "bbox=90,-180:-90,180",
        "categoryOneOf=",
        "startDateMin=2025-01-01",
        "count=0",
    ] {
        let (st, v) = s.get(&format!("/api/v1/search/events?{q}")).await;
        assert_eq!(st, 200, "{q}: {v}");
    }
}

#[tokio::test]
async fn operator_deny_list_and_blocked_hosts_apply_to_events_and_groups() {
    // A config of its own: its own server.
    let own = Server::with_file_and_config(
        &fixture_path(),
        "[moderation]\ndeny_hosts = [\"mob-d.example:8443\"]\n",
    );
    let s = &own;
    check(s, "events", "uuid", "", |d| {
        d["host"] != "mob-d.example:8443"
    })
    .await;
    check(s, "groups", "name", "", |d| {
        d["host"] != "mob-d.example:8443"
    })
    .await;
    check(s, "events", "uuid", "blockedHosts[]=mob-a.example", |d| {
        d["host"] != "mob-d.example:8443" && d["host"] != "mob-a.example"
    })
    .await;
    check(
        s,
        "events",
        "uuid",
        "blockedAccounts[]=carol@mob-b.example",
        |d| d["host"] != "mob-d.example:8443" && d["creator"]["name"] != "carol",
    )
    .await;
    check(
        s,
        "groups",
        "name",
        "blockedAccounts[]=paris_jazz@mob-a.example",
        |d| d["host"] != "mob-d.example:8443" && d["name"] != "paris_jazz",
    )
    .await;
}

#[tokio::test]
async fn import_export_round_trip_and_config_counts() {
    let s = server();
    let (st, v) = s.get("/api/v1/config").await;
    assert_eq!(st, 200);
    assert_eq!(v["indexedDocuments"]["events"], 13);
    assert_eq!(v["indexedDocuments"]["groups"], 5);
    assert_eq!(v["indexedDocuments"]["videos"], 0);
    let data = s.dir.path().join("data");
    // The server is shared: what this test writes goes to its own directory.
    let mine = tempfile::tempdir().unwrap();
    let out = mine.path().join("export.jsonl");
    let (code, _, err) = crate::harness::sepiola(&[
        "--data-dir",
        data.to_str().unwrap(),
        "index",
        "export",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let first = std::fs::read_to_string(&out).unwrap();
    let kinds: Vec<String> = first
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["kind"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(kinds.iter().filter(|k| *k == "event").count(), 13);
    assert_eq!(kinds.iter().filter(|k| *k == "group").count(), 5);
    // Import the export elsewhere and export again: the same documents.
    let again = tempfile::tempdir().unwrap();
    let data2 = again.path().join("data");
    crate::harness::import(&data2, &out);
    let out2 = again.path().join("export.jsonl");
    let (code, _, err) = crate::harness::sepiola(&[
        "--data-dir",
        data2.to_str().unwrap(),
        "index",
        "export",
        "-o",
        out2.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let sorted = |t: &str| {
        let mut l: Vec<String> = t.lines().map(String::from).collect();
        l.sort();
        l
    };
    assert_eq!(
        sorted(&first),
        sorted(&std::fs::read_to_string(&out2).unwrap())
    );
}

#[tokio::test]
async fn the_benchmark_mix_event_and_group_queries_are_valid() {
    let s = server();
    let mix =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/queries.txt"))
            .unwrap();
    let lines: Vec<&str> = mix
        .lines()
        .filter(|l| {
            l.starts_with("/api/v1/search/events") || l.starts_with("/api/v1/search/groups")
        })
        .collect();
    assert!(lines.len() > 80, "{}", lines.len());
    for l in lines {
        let (st, v) = s.get(l).await;
        assert_eq!(st, 200, "{l}: {v}");
    }
}

#[test]
fn corpus_events_and_groups_are_valid_records() {
    let mut out = Vec::new();
    let counts = fedsim::mobilizon_corpus::write_mobilizon(3, 10, 600, 100, &mut out).unwrap();
    assert_eq!((counts.events, counts.groups), (600, 100));
    let text = String::from_utf8(out).unwrap();
    let mut kinds = std::collections::BTreeMap::new();
    for line in text.lines() {
        let mut r =
            sepiola_model::Record::from_json(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        r.normalize().unwrap_or_else(|e| panic!("{e}: {line}"));
        *kinds.entry(r.kind().as_str()).or_insert(0) += 1;
        if let sepiola_model::Record::Event(e) = &r {
            assert!(e.description.as_deref().is_none_or(|d| !d.contains("<p>")));
        }
    }
    assert_eq!(kinds.get("event"), Some(&600));
    assert_eq!(kinds.get("group"), Some(&100));
}
