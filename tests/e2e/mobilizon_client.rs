//! The contract with a real Mobilizon instance's global search: the
//! requests its `SearchMobilizon` provider sends (read from Mobilizon's
//! source, `lib/service/global_search/search_mobilizon.ex`), built here the
//! way it builds them, and every answer read the way its `build_event` /
//! `build_group` read them, failing wherever Mobilizon would crash or lose
//! a field.
//!
//! How Mobilizon builds a request, restated (not copied):
//! * the GraphQL arguments of `searchEvents` / `searchGroups` are mapped to
//!   `search` (the term), `startDateMin` / `startDateMax`
//!   (`DateTime.to_iso8601`, microseconds kept), `categoryOneOf`,
//!   `languageOneOf`, `statusOneOf` (upper-cased atoms), `distance`
//!   (`"#{radius}_km"`: the GraphQL radius is a float, so `50.0_km`, sent
//!   even without a location), `count` (the limit), `start`
//!   (`(page - 1) * limit`), `latlon` (`"#{lat}:#{lon}"` from the decoded
//!   geohash, full float precision), `bbox` (as the map sent it),
//!   `sortBy` (the sort, under that name) and `boostLanguages`;
//! * nil and empty values are dropped, and the rest encoded by
//!   `Plug.Conn.Query.encode`: lists as `key[]=v` with the brackets left
//!   as they are, values form-encoded (`+` for a space, `%3A` for `:`);
//! * only a 200 with `{total, data}` is used; anything else is "no
//!   results".

use chrono::{DateTime, TimeZone, Utc};
use serde_json::Value;

use crate::harness::{Server, shared_mobilizon};

/// The GraphQL arguments a Mobilizon search carries that reach the index.
#[derive(Debug, Clone)]
struct SearchArgs {
    term: &'static str,
    begins_on: Option<DateTime<Utc>>,
    ends_on: Option<DateTime<Utc>>,
    category_one_of: Vec<&'static str>,
    language_one_of: Vec<&'static str>,
    status_one_of: Vec<&'static str>,
    /// The GraphQL `radius` (a float, 50.0 unless the visitor chose).
    radius: Option<f64>,
    /// A geohash, as Mobilizon's front end sends the location.
    location: Option<&'static str>,
    bbox: Option<&'static str>,
    sort_by: Option<&'static str>,
    boost_languages: Vec<&'static str>,
    page: u64,
    limit: u64,
}

impl Default for SearchArgs {
    fn default() -> Self {
        SearchArgs {
            term: "",
            begins_on: None,
            ends_on: None,
            category_one_of: Vec::new(),
            language_one_of: Vec::new(),
            status_one_of: Vec::new(),
            radius: Some(50.0),
            location: None,
            bbox: None,
            sort_by: None,
            boost_languages: Vec::new(),
            page: 1,
            // Mobilizon's search page asks for 16.
            limit: 16,
        }
    }
}

/// A value of a keyword list before encoding.
enum Val {
    One(String),
    Many(Vec<String>),
}

/// `URI.encode_www_form`: unreserved characters kept, space as `+`, the
/// rest as upper-case `%XX` of the UTF-8 bytes.
fn www_form(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `Plug.Conn.Query.encode` of a flat keyword list.
fn plug_encode(pairs: &[(&str, Val)]) -> String {
    let mut parts = Vec::new();
    for (key, v) in pairs {
        match v {
            Val::One(s) => parts.push(format!("{}={}", www_form(key), www_form(s))),
            Val::Many(list) => {
                for s in list {
                    parts.push(format!("{}[]={}", www_form(key), www_form(s)));
                }
            }
        }
    }
    parts.join("&")
}

/// Elixir's `to_string` of a float: the shortest form that reads back,
/// always with a decimal point.
fn elixir_float(x: f64) -> String {
    let s = format!("{x}");
    if s.contains('.') || s.contains('e') {
        s
    } else {
        format!("{s}.0")
    }
}

/// `DateTime.to_iso8601` of a date-time with microsecond precision.
fn elixir_iso8601(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// `"#{lat}:#{lon}"` of a decoded geohash.
fn latlon(geohash: &str) -> String {
    let (c, _, _) = geohash::decode(geohash).expect("a valid geohash");
    format!("{}:{}", elixir_float(c.y), elixir_float(c.x))
}

fn sort_value(sort_by: Option<&str>) -> Option<&'static str> {
    match sort_by? {
        "MATCH_DESC" => Some("-match"),
        "START_TIME_DESC" => Some("-startTime"),
        "CREATED_AT_DESC" => Some("-createdAt"),
        "CREATED_AT_ASC" => Some("createdAt"),
        "PARTICIPANT_COUNT_DESC" => Some("-participantCount"),
        "MEMBER_COUNT_DESC" => Some("-memberCount"),
        // START_TIME_ASC, MEMBER_COUNT_ASC, LAST_EVENT_ACTIVITY: no mapping.
        _ => None,
    }
}

fn scalar(pairs: &mut Vec<(&'static str, Val)>, key: &'static str, v: Option<String>) {
    if let Some(v) = v.filter(|v| !v.is_empty()) {
        pairs.push((key, Val::One(v)));
    }
}

fn list(pairs: &mut Vec<(&'static str, Val)>, key: &'static str, v: &[&str]) {
    if !v.is_empty() {
        pairs.push((key, Val::Many(v.iter().map(|s| s.to_string()).collect())));
    }
}

/// The keys both searches send in the same order: `distance`, `count`,
/// `start`, `latlon`, `bbox`, `sortBy`.
fn place_page_and_sort(p: &mut Vec<(&'static str, Val)>, a: &SearchArgs) {
    let distance = a.radius.map(|r| format!("{}_km", elixir_float(r)));
    scalar(p, "distance", distance);
    scalar(p, "count", Some(a.limit.to_string()));
    scalar(p, "start", Some(((a.page - 1) * a.limit).to_string()));
    scalar(p, "latlon", a.location.map(latlon));
    scalar(p, "bbox", a.bbox.map(String::from));
    scalar(p, "sortBy", sort_value(a.sort_by).map(String::from));
}

/// The query string of `search_events`, keys in Mobilizon's order.
fn events_request(a: &SearchArgs) -> String {
    let mut p = Vec::new();
    scalar(&mut p, "search", Some(a.term.to_string()));
    scalar(&mut p, "startDateMin", a.begins_on.map(elixir_iso8601));
    scalar(&mut p, "startDateMax", a.ends_on.map(elixir_iso8601));
    list(&mut p, "categoryOneOf", &a.category_one_of);
    list(&mut p, "languageOneOf", &a.language_one_of);
    let statuses: Vec<String> = a.status_one_of.iter().map(|s| s.to_uppercase()).collect();
    let statuses: Vec<&str> = statuses.iter().map(String::as_str).collect();
    list(&mut p, "statusOneOf", &statuses);
    place_page_and_sort(&mut p, a);
    list(&mut p, "boostLanguages", &a.boost_languages);
    format!("/api/v1/search/events?{}", plug_encode(&p))
}

/// The query string of `search_groups`, keys in Mobilizon's order.
fn groups_request(a: &SearchArgs) -> String {
    let mut p = Vec::new();
    scalar(&mut p, "search", Some(a.term.to_string()));
    list(&mut p, "languageOneOf", &a.language_one_of);
    list(&mut p, "boostLanguages", &a.boost_languages);
    place_page_and_sort(&mut p, a);
    format!("/api/v1/search/groups?{}", plug_encode(&p))
}

/// What Mobilizon keeps of an event result.
#[derive(Debug)]
struct EventResult {
    title: String,
    begins_on: Option<DateTime<chrono::FixedOffset>>,
    participants: u64,
    point: Option<(f64, f64)>,
    category: String,
}

/// What Mobilizon keeps of a group result.
#[derive(Debug)]
struct GroupResult {
    preferred_username: String,
    members: u64,
    point: Option<(f64, f64)>,
}

/// Mobilizon's `DateTime.from_iso8601`: an offset is required.
fn parse_date(v: &Value, what: &str) -> Option<DateTime<chrono::FixedOffset>> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(
            DateTime::parse_from_rfc3339(s)
                .unwrap_or_else(|e| panic!("{what}: {s:?} is not ISO 8601 with an offset: {e}")),
        ),
        other => panic!("{what}: {other} is not a string"),
    }
}

fn optional_url(v: &Value, what: &str) {
    match v {
        Value::Null => {}
        Value::String(s) => {
            let u = url::Url::parse(s).unwrap_or_else(|e| panic!("{what}: {s:?}: {e}"));
            assert!(matches!(u.scheme(), "http" | "https"), "{what}: {s}");
        }
        other => panic!("{what}: {other} is neither a URL nor null"),
    }
}

fn optional_string(v: &Value, what: &str) {
    assert!(
        v.is_null() || v.is_string(),
        "{what}: {v} is neither a string nor null"
    );
}

/// The `location` reading both builders share: an address whose fields are
/// strings or null, and `location.location.{lat, lon}` numbers.
fn read_location(v: &Value, what: &str) -> Option<(f64, f64)> {
    if v.is_null() {
        return None;
    }
    assert!(v.is_object(), "{what}.location: {v}");
    optional_string(&v["id"], &format!("{what}.location.id"));
    optional_string(&v["name"], &format!("{what}.location.name"));
    let address = &v["address"];
    if !address.is_null() {
        for f in [
            "addressCountry",
            "addressLocality",
            "addressRegion",
            "postalCode",
            "streetAddress",
        ] {
            optional_string(&address[f], &format!("{what}.location.address.{f}"));
        }
    }
    let point = &v["location"];
    if point.is_null() {
        return None;
    }
    let lat = point["lat"]
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: lat {point}"));
    let lon = point["lon"]
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: lon {point}"));
    assert!(
        (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon),
        "{what}: {point}"
    );
    Some((lat, lon))
}

/// The envelope: only a 200 with an integer `total` and a `data` list.
fn page(status: u16, body: &Value, path: &str) -> Vec<Value> {
    assert_eq!(
        status, 200,
        "{path}: Mobilizon would show no results: {body}"
    );
    assert!(body["total"].is_u64(), "{path}: total {}", body["total"]);
    body["data"]
        .as_array()
        .unwrap_or_else(|| panic!("{path}: data is not a list: {body}"))
        .clone()
}

/// `build_event`, field by field.
fn build_event(d: &Value) -> EventResult {
    let what = format!("event {}", d["uuid"]);
    assert!(d["id"].is_string() || d["id"].is_u64(), "{what}: id");
    assert!(d["uuid"].is_string(), "{what}: uuid");
    let title = d["name"]
        .as_str()
        .unwrap_or_else(|| panic!("{what}: name"))
        .to_string();
    let begins_on = parse_date(&d["startTime"], &format!("{what}.startTime"));
    assert!(begins_on.is_some(), "{what}: an event without a start");
    parse_date(&d["endTime"], &format!("{what}.endTime"));
    let url = d["url"].as_str().unwrap_or_else(|| panic!("{what}: url"));
    url::Url::parse(url).unwrap_or_else(|e| panic!("{what}: url {url}: {e}"));
    optional_url(&d["banner"], &format!("{what}.banner"));
    // Categories.get_category: a string (unknown ones become MEETING).
    let category = d["category"]
        .as_str()
        .unwrap_or_else(|| panic!("{what}: category"));
    assert!(
        !category.is_empty() && category.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
        "{what}: category {category:?}"
    );
    // data["creator"][...]: a map or null, never another type.
    let creator = &d["creator"];
    assert!(
        creator.is_object() || creator.is_null(),
        "{what}: creator {creator}"
    );
    if creator.is_object() {
        optional_url(&creator["avatar"], &format!("{what}.creator.avatar"));
        optional_string(&creator["name"], &format!("{what}.creator.name"));
        optional_string(
            &creator["displayName"],
            &format!("{what}.creator.displayName"),
        );
    }
    let point = read_location(&d["location"], &what);
    let participants = d["participantCount"]
        .as_u64()
        .unwrap_or_else(|| panic!("{what}: participantCount"));
    // Enum.map(data["tags"], &String.trim_leading(&1, "#")): a list of strings.
    let tags = d["tags"]
        .as_array()
        .unwrap_or_else(|| panic!("{what}: tags must be a list"));
    assert!(tags.iter().all(Value::is_string), "{what}: tags {tags:?}");
    EventResult {
        title,
        begins_on,
        participants,
        point,
        category: category.to_string(),
    }
}

/// `build_group`, field by field.
fn build_group(d: &Value) -> GroupResult {
    let what = format!("group {}", d["name"]);
    assert!(d["id"].is_string() || d["id"].is_u64(), "{what}: id");
    let preferred_username = d["name"].as_str().unwrap_or_else(|| panic!("{what}: name"));
    optional_string(&d["displayName"], &format!("{what}.displayName"));
    let host = d["host"].as_str().unwrap_or_else(|| panic!("{what}: host"));
    assert!(
        !host.is_empty() && !host.contains('/'),
        "{what}: host {host}"
    );
    optional_url(&d["avatar"], &format!("{what}.avatar"));
    optional_string(&d["description"], &format!("{what}.description"));
    let url = d["url"].as_str().unwrap_or_else(|| panic!("{what}: url"));
    url::Url::parse(url).unwrap_or_else(|e| panic!("{what}: url {url}: {e}"));
    let members = d["memberCount"]
        .as_u64()
        .unwrap_or_else(|| panic!("{what}: memberCount"));
    GroupResult {
        preferred_username: preferred_username.to_string(),
        members,
        point: read_location(&d["location"], &what),
    }
}

/// Sends a request as Mobilizon does and reads the envelope its way.
async fn send(s: &Server, path: &str) -> (u64, Vec<Value>) {
    let (st, body) = s.get(path).await;
    let data = page(st, &body, path);
    (body["total"].as_u64().unwrap_or_default(), data)
}

async fn events(s: &Server, a: &SearchArgs) -> (u64, Vec<EventResult>) {
    let (total, data) = send(s, &events_request(a)).await;
    (total, data.iter().map(build_event).collect())
}

async fn groups(s: &Server, a: &SearchArgs) -> (u64, Vec<GroupResult>) {
    let (total, data) = send(s, &groups_request(a)).await;
    (total, data.iter().map(build_group).collect())
}

fn titles(r: &[EventResult]) -> Vec<&str> {
    r.iter().map(|e| e.title.as_str()).collect()
}

#[test]
fn requests_are_encoded_as_plug_encodes_them() {
    // The encoder itself, on what Mobilizon's own logs show.
    let a = SearchArgs {
        term: "jazz night",
        category_one_of: vec!["MUSIC", "ARTS"],
        status_one_of: vec!["confirmed"],
        location: Some("u09tvw"),
        begins_on: Some(Utc.with_ymd_and_hms(2026, 12, 1, 13, 0, 0).unwrap()),
        sort_by: Some("MATCH_DESC"),
        boost_languages: vec!["fr"],
        ..SearchArgs::default()
    };
    let q = events_request(&a);
    assert!(q.starts_with("/api/v1/search/events?search=jazz+night&startDateMin=2026-12-01T13%3A00%3A00.000000Z&categoryOneOf[]=MUSIC&categoryOneOf[]=ARTS&statusOneOf[]=CONFIRMED&distance=50.0_km&count=16&start=0&latlon=48.8"), "{q}");
    assert!(q.ends_with("&sortBy=-match&boostLanguages[]=fr"), "{q}");
    assert_eq!(elixir_float(10.0), "10.0");
    assert_eq!(elixir_float(2.5), "2.5");
}

#[tokio::test]
async fn a_mobilizon_instance_finds_events_by_words_and_parses_every_field() {
    let s = shared_mobilizon();
    let (total, r) = events(
        s,
        &SearchArgs {
            term: "jazz",
            sort_by: Some("MATCH_DESC"),
            boost_languages: vec!["fr", "en"],
            ..SearchArgs::default()
        },
    )
    .await;
    assert_eq!(total, 3);
    let mut got = titles(&r);
    got.sort_unstable();
    assert_eq!(
        got,
        [
            "Jazz night at the Sunset",
            "Jazz workshop for kids",
            "Montreal jazz jam"
        ]
    );
    // Every event of the index parses as Mobilizon reads it.
    let (total, r) = events(
        s,
        &SearchArgs {
            limit: 100,
            ..SearchArgs::default()
        },
    )
    .await;
    assert_eq!(total, 13);
    assert_eq!(r.len(), 13);
    assert!(
        r.iter().any(|e| e.point.is_none()),
        "the online event has no point"
    );
    assert!(r.iter().any(|e| e.category == "MUSIC"));
}

#[tokio::test]
async fn near_a_geohash_with_a_float_radius() {
    let s = shared_mobilizon();
    // u09tvw is central Paris; the search page's radius is a float.
    let (_, r) = events(
        s,
        &SearchArgs {
            location: Some("u09tvw"),
            radius: Some(5.0),
            limit: 100,
            ..SearchArgs::default()
        },
    )
    .await;
    let mut got = titles(&r);
    got.sort_unstable();
    assert_eq!(got, ["Jazz night at the Sunset", "Repair café"]);
    for e in &r {
        let (lat, lon) = e.point.expect("a located event");
        assert!(
            (lat - 48.86).abs() < 0.05 && (lon - 2.35).abs() < 0.05,
            "{e:?}"
        );
    }
    // Groups near Lyon (u05kq is its geohash), biggest first.
    let (_, g) = groups(
        s,
        &SearchArgs {
            location: Some("u05kq"),
            radius: Some(25.0),
            sort_by: Some("MEMBER_COUNT_DESC"),
            ..SearchArgs::default()
        },
    )
    .await;
    let names: Vec<&str> = g.iter().map(|g| g.preferred_username.as_str()).collect();
    assert_eq!(names, ["lyon_climbers"]);
    assert!(g[0].point.is_some());
}

#[tokio::test]
async fn categories_statuses_languages_and_dates_as_mobilizon_sends_them() {
    let s = shared_mobilizon();
    let (_, r) = events(
        s,
        &SearchArgs {
            category_one_of: vec!["MUSIC", "FAMILY_EDUCATION"],
            status_one_of: vec!["confirmed"],
            language_one_of: vec!["en", "fr"],
            begins_on: Some(Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap()),
            limit: 100,
            ..SearchArgs::default()
        },
    )
    .await;
    let mut got = titles(&r);
    got.sort_unstable();
    assert_eq!(got, ["Jazz night at the Sunset", "Jazz workshop for kids"]);
    // A window with both ends.
    let (_, r) = events(
        s,
        &SearchArgs {
            begins_on: Some(Utc.with_ymd_and_hms(2099, 1, 1, 0, 0, 0).unwrap()),
            ends_on: Some(Utc.with_ymd_and_hms(2099, 4, 1, 0, 0, 0).unwrap()),
            limit: 100,
            ..SearchArgs::default()
        },
    )
    .await;
    let mut got = titles(&r);
    got.sort_unstable();
    assert_eq!(got, ["Atelier vélo participatif", "Online Rust workshop"]);
}

#[tokio::test]
async fn every_sort_mobilizon_maps_is_applied() {
    let s = shared_mobilizon();
    let all = |sort_by| SearchArgs {
        sort_by: Some(sort_by),
        limit: 100,
        ..SearchArgs::default()
    };
    let (_, r) = events(s, &all("START_TIME_DESC")).await;
    let starts: Vec<_> = r.iter().map(|e| e.begins_on).collect();
    assert!(starts.windows(2).all(|w| w[0] >= w[1]), "{:?}", titles(&r));
    assert_eq!(r.len(), 13);
    let (_, r) = events(s, &all("PARTICIPANT_COUNT_DESC")).await;
    let counts: Vec<u64> = r.iter().map(|e| e.participants).collect();
    assert_eq!(counts[0], 500);
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let (_, r) = events(s, &all("CREATED_AT_ASC")).await;
    assert_eq!(r.first().map(|e| e.title.as_str()), Some("Repair café"));
    let (_, r) = events(s, &all("CREATED_AT_DESC")).await;
    assert_eq!(
        r.first().map(|e| e.title.as_str()),
        Some("Jazz workshop for kids")
    );
    // START_TIME_ASC has no mapping: sortBy is left out, still 200.
    let (total, _) = events(s, &all("START_TIME_ASC")).await;
    assert_eq!(total, 13);
    let (_, g) = groups(s, &all("MEMBER_COUNT_DESC")).await;
    let members: Vec<u64> = g.iter().map(|g| g.members).collect();
    assert_eq!(members, [300, 120, 80, 45, 12]);
}

#[tokio::test]
async fn pages_and_map_viewports_as_mobilizon_sends_them() {
    let s = shared_mobilizon();
    let by_start = |page| SearchArgs {
        sort_by: Some("START_TIME_DESC"),
        limit: 5,
        page,
        ..SearchArgs::default()
    };
    let mut seen = Vec::new();
    for p in 1..=3 {
        let (total, r) = events(s, &by_start(p)).await;
        assert_eq!(total, 13);
        seen.extend(r.into_iter().map(|e| e.title));
    }
    assert_eq!(seen.len(), 13);
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), 13, "pages overlap");
    // The map's viewport, spaces and all (form-encoded as `+`).
    let (_, r) = events(
        s,
        &SearchArgs {
            bbox: Some("49.5, 2.0:48.0, 3.0"),
            radius: None,
            limit: 100,
            ..SearchArgs::default()
        },
    )
    .await;
    assert_eq!(r.len(), 4, "{:?}", titles(&r));
    let (_, g) = groups(
        s,
        &SearchArgs {
            bbox: Some("53.0, 13.0:52.0, 14.0"),
            ..SearchArgs::default()
        },
    )
    .await;
    let names: Vec<&str> = g.iter().map(|g| g.preferred_username.as_str()).collect();
    assert_eq!(names, ["berlin_climate"]);
}

#[tokio::test]
async fn answers_are_json_that_mobilizons_http_client_decodes() {
    // Mobilizon's GenericJSONClient decodes the body only when it is
    // declared JSON; otherwise `body["data"]` is nothing.
    let s = shared_mobilizon();
    for path in [
        events_request(&SearchArgs::default()),
        groups_request(&SearchArgs::default()),
    ] {
        let r = reqwest::get(s.url(&path)).await.unwrap();
        assert_eq!(r.status(), 200, "{path}");
        let ct = r.headers()[reqwest::header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .to_string();
        assert!(ct.starts_with("application/json"), "{path}: {ct}");
    }
}
