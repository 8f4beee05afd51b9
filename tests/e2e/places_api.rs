//! `GET /api/v1/places` against a real `sepiola serve`: answers compared
//! with the committed gazetteer file read here, independently of the
//! places crate (its own lower-casing, its own distance).

use crate::harness::shared;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::Value;

/// One row of crates/places/data/cities.tsv, read by the test itself.
struct Row {
    id: u64,
    names: Vec<String>,
    lat: f64,
    lon: f64,
}

fn rows() -> Vec<Row> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/places/data/cities.tsv");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let mut names = vec![c[1].to_lowercase()];
            names.extend(c[9].split('|').map(str::to_lowercase));
            Row {
                id: c[0].parse().unwrap(),
                names,
                lat: c[5].parse().unwrap(),
                lon: c[6].parse().unwrap(),
            }
        })
        .collect()
}

fn enc(s: &str) -> String {
    utf8_percent_encode(s, NON_ALPHANUMERIC).to_string()
}

async fn places(query: &str) -> (u16, Value) {
    shared().get(&format!("/api/v1/places?{query}")).await
}

fn ids(v: &Value) -> Vec<u64> {
    v["data"]
        .as_array()
        .unwrap_or_else(|| panic!("no data in {v}"))
        .iter()
        .map(|p| p["id"].as_u64().unwrap())
        .collect()
}

#[tokio::test]
async fn places_by_prefix_are_the_biggest_whose_name_starts_so() {
    let rows = rows();
    // Plain lower-case prefixes with no accent in play: the truth is the
    // file's first rows (it is biggest first) with a name starting so.
    for q in ["lyo", "san f", "pari", "londres", "моск", "zür"] {
        let (s, v) = places(&format!("search={}&count=8", enc(q))).await;
        assert_eq!(s, 200, "{q}: {v}");
        let want: Vec<u64> = rows
            .iter()
            .filter(|r| r.names.iter().any(|n| n.starts_with(q)))
            .take(8)
            .map(|r| r.id)
            .collect();
        assert!(!want.is_empty(), "{q} finds nothing in the file");
        assert_eq!(ids(&v), want, "{q}: {v}");
        assert_eq!(v["total"].as_u64(), Some(want.len() as u64));
    }
    // Case and accents are ignored: "ZUR" and "zür" find Zürich first.
    let (_, upper) = places("search=ZUR&count=1").await;
    assert_eq!(upper["data"][0]["name"], "Zürich");
    let (_, v) = places("search=Lyon&count=1").await;
    let lyon = &v["data"][0];
    assert_eq!(lyon["name"], "Lyon");
    assert_eq!(lyon["countryCode"], "FR");
    assert_eq!(lyon["country"], "France");
    assert_eq!(lyon["timeZone"], "Europe/Paris");
    assert!(lyon["population"].as_u64().unwrap() > 400_000);
    assert!((lyon["lat"].as_f64().unwrap() - 45.75).abs() < 0.1);
    assert!(lyon["region"].is_string());
}

#[tokio::test]
async fn the_nearest_place_to_a_point_is_the_closest_in_the_file() {
    let rows = rows();
    let km = |lat1: f64, lon1: f64, lat2: f64, lon2: f64| {
        let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
        let a = ((p2 - p1) / 2.0).sin().powi(2)
            + p1.cos() * p2.cos() * ((lon2 - lon1).to_radians() / 2.0).sin().powi(2);
        2.0 * 6_371.0 * a.sqrt().asin()
    };
    for (lat, lon) in [(45.76, 4.83), (47.37, 8.54), (-33.9, 151.2), (64.1, -21.9)] {
        let (s, v) = places(&format!("lat={lat}&lon={lon}")).await;
        assert_eq!(s, 200, "{v}");
        let want = rows
            .iter()
            .min_by(|a, b| km(lat, lon, a.lat, a.lon).total_cmp(&km(lat, lon, b.lat, b.lon)))
            .unwrap();
        assert_eq!(ids(&v), [want.id], "{lat},{lon}: {v}");
    }
}

#[tokio::test]
async fn bad_place_requests_are_400_problems() {
    let long = "a".repeat(101);
    for q in [
        String::new(),
        "search=".into(),
        "search=%20-%27".into(),
        format!("search={long}"),
        "search=lyon&count=51".into(),
        "search=lyon&count=-1".into(),
        "search=lyon&count=many".into(),
        "search=lyon&search=paris".into(),
        "search=lyon&lat=1&lon=2".into(),
        "lat=1".into(),
        "lon=1".into(),
        "lat=91&lon=0".into(),
        "lat=nan&lon=0".into(),
        "lat=1e999&lon=0".into(),
    ] {
        let (s, v) = places(&q).await;
        assert_eq!(s, 400, "{q}: {v}");
        assert_eq!(v["status"], 400, "{q}: {v}");
        assert!(
            v["detail"].as_str().is_some_and(|d| !d.is_empty()),
            "{q}: {v}"
        );
    }
    let r = crate::harness::client()
        .post(shared().url("/api/v1/places?search=lyon"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 405);
    // Capped, not refused, at the maximum.
    let (s, v) = places("search=s&count=50").await;
    assert_eq!((s, ids(&v).len()), (200, 50));
}
