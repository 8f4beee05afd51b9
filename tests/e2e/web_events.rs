//! Browser tests of the Events and Groups tabs: Chromium (through
//! tests/web/events.test.mjs) against a real `sepiola serve` over Mobilizon
//! events written here around real places, with dates relative to now so
//! that "today" and "this weekend" have events, and banners served by a
//! small loopback image server through sepiola's image proxy. The node
//! script computes its truth from the same file (its own distance, its
//! own time zones through Intl), never from sepiola.
//!
//! `SCREENSHOTS=1 cargo test --test e2e web_events` also writes the event
//! screenshots of docs/screenshots.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

use crate::harness::Server;

/// Places the events happen in: (name in cities.tsv, country, id).
const CITIES: [(&str, &str, u64); 9] = [
    ("Lyon", "France", 2996944),
    ("Villeurbanne", "France", 2968254),
    ("Grenoble", "France", 3014728),
    ("Paris", "France", 2988507),
    ("Zürich", "Switzerland", 2657896),
    ("Geneva", "Switzerland", 2660646),
    ("Montréal", "Canada", 6077243),
    ("London", "United Kingdom", 2643743),
    ("London", "Canada", 6058560),
];

const ACTIVITIES: [(&str, &str); 10] = [
    ("Jazz night", "MUSIC"),
    ("Repair café", "COMMUNITY"),
    ("Board games evening", "GAMES"),
    ("Open-air yoga", "SPORTS"),
    ("Urban sketching walk", "ARTS"),
    ("Choir rehearsal", "MUSIC"),
    ("Potluck picnic", "FOOD_DRINK"),
    ("Bike repair workshop", "COMMUNITY"),
    ("Free software install party", "SCIENCE_TECH"),
    ("Theatre improv jam", "THEATRE"),
];

/// The (lat, lon) of a GeoNames id, read from the committed gazetteer.
fn point_of(id: u64) -> (f64, f64) {
    let tsv = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/places/data/cities.tsv"),
    )
    .unwrap();
    let line = tsv
        .lines()
        .find(|l| l.split('\t').next() == Some(&id.to_string()))
        .unwrap_or_else(|| panic!("{id} is not in cities.tsv"));
    let c: Vec<&str> = line.split('\t').collect();
    (c[5].parse().unwrap(), c[6].parse().unwrap())
}

/// Serves the fedsim images for any path, forever, on a loopback port.
fn image_server() -> u16 {
    let img = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/fedsim/data/img");
    let thumbs: Vec<Vec<u8>> = (0..4)
        .map(|i| std::fs::read(img.join(format!("thumb{i}.jpg"))).unwrap())
        .collect();
    let avatars: Vec<Vec<u8>> = (0..4)
        .map(|i| std::fs::read(img.join(format!("avatar{i}.png"))).unwrap())
        .collect();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 2048];
            let n = s.read(&mut buf).unwrap_or(0);
            let req = String::from_utf8_lossy(&buf[..n]);
            let path = req.split_whitespace().nth(1).unwrap_or("/").to_string();
            let n: usize = path
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            let (ctype, body) = if path.contains("avatar") {
                ("image/png", &avatars[n % 4])
            } else {
                ("image/jpeg", &thumbs[n % 4])
            };
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: {ctype}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(head.as_bytes());
            let _ = s.write_all(body);
        }
    });
    port
}

/// The events and groups, as JSON Lines, on host `127.0.0.1:port`.
fn corpus(port: u16) -> Vec<Value> {
    let host = format!("127.0.0.1:{port}");
    let base = format!("http://{host}");
    let now = chrono::Utc::now().timestamp();
    let hour0 = now - now % 3600;
    let mut out = Vec::new();
    for k in 0..130i64 {
        let (city, country, id) = CITIES[(k as usize * 7) % CITIES.len()];
        let (activity, category) = ACTIVITIES[k as usize % ACTIVITIES.len()];
        let (lat, lon) = point_of(id);
        // Up to ~3 km from the city's point, deterministic.
        let jitter = |salt: i64| (((k * 37 + salt) % 41) as f64 - 20.0) / 1000.0;
        let start = hour0 + (k - 12) * 5 * 3600;
        let iso = |t: i64| {
            chrono::DateTime::from_timestamp(t, 0)
                .unwrap()
                .format("%Y-%m-%dT%H:%M:%SZ")
                .to_string()
        };
        let online = k % 13 == 5;
        let status = [
            "CONFIRMED",
            "CONFIRMED",
            "CONFIRMED",
            "TENTATIVE",
            "CANCELLED",
        ][(k as usize / 7) % 5];
        let uuid = format!("00000000-0000-4000-8000-{:012}", 1000 + k);
        let organiser = ["Alice", "Bastien", "Chloé", "Dmitri", "Eun-ji"][k as usize % 5];
        let venue = ["Salle des fêtes", "Community hall", "Le Local", "City park"][k as usize % 4];
        out.push(json!({
            "kind": "event", "host": host, "id": (1000 + k).to_string(), "uuid": uuid,
            "name": format!("{activity} in {city}"),
            "description": format!("<p>{activity}, everyone welcome. Bring a friend!</p>"),
            "startTime": iso(start), "endTime": iso(start + 3 * 3600),
            "url": format!("{base}/events/{uuid}"),
            "banner": format!("{base}/media/banner-{k}.jpg"),
            "category": category, "status": status, "language": if k % 3 == 0 { "en" } else { "fr" },
            "creator": {"id": (k % 5).to_string(), "name": format!("org{}", k % 5),
                        "displayName": organiser,
                        "avatar": format!("{base}/media/avatar-{}.png", k % 5)},
            "location": if online { Value::Null } else { json!({
                "id": k.to_string(), "name": venue,
                "address": {"addressCountry": country, "addressLocality": city, "addressRegion": null,
                            "postalCode": null, "streetAddress": null},
                "location": {"lat": lat + jitter(1), "lon": lon + jitter(2)}})
            },
            "isOnline": online,
            "timeZone": if online { Value::from(["Asia/Tokyo", "America/Toronto"][k as usize % 2]) } else { Value::Null },
            "participantCount": (k * 7) % 90, "tags": [category.to_lowercase()],
            "createdAt": iso(hour0 - 86_400 * 30 + k * 60),
        }));
    }
    for (g, (city, country, id)) in CITIES.iter().enumerate() {
        let (lat, lon) = point_of(*id);
        out.push(json!({
            "kind": "group", "host": host, "id": (500 + g).to_string(),
            "name": format!("group{g}"), "displayName": format!("{city} neighbours"),
            "avatar": format!("{base}/media/avatar-g{g}.png"),
            "description": format!("<p>People of {city} who meet every month.</p>"),
            "url": format!("{base}/@group{g}"), "memberCount": 10 + g * 23,
            "location": {"id": format!("g{g}"), "name": null,
                "address": {"addressCountry": country, "addressLocality": city, "addressRegion": null,
                            "postalCode": null, "streetAddress": null},
                "location": {"lat": lat, "lon": lon}},
            "language": "fr", "createdAt": "2024-01-01T00:00:00Z",
        }));
    }
    out
}

#[test]
fn events_and_groups_tabs_pass_in_chromium() {
    let _heavy = crate::harness::heavy_blocking();
    if crate::harness::browser_missing() {
        return;
    }
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/web");
    let port = image_server();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("events.jsonl");
    let lines: Vec<String> = corpus(port).iter().map(Value::to_string).collect();
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let server = Server::with_file_and_config(
        &file,
        "[images]\nallow_private_addresses = true\nfetch_timeout_ms = 2000\n",
    );
    let run = |script: &str| {
        let out = Command::new("node")
            .arg("--test")
            .arg("--test-reporter=spec")
            .arg(script)
            .current_dir(&web)
            .env("BASE_URL", &server.base)
            .env("FIXTURE", &file)
            .env(
                "TSV",
                Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/places/data/cities.tsv"),
            )
            .output()
            .expect("run node");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        println!("{stdout}\n{stderr}");
        (out.status.success(), stdout, stderr)
    };
    let (ok, stdout, stderr) = run("events.test.mjs");
    assert!(ok, "browser tests failed:\n{stdout}\n{stderr}");
    let count = |label: &str| {
        stdout
            .lines()
            .find_map(|l| l.trim().strip_prefix(&format!("ℹ {label} ")))
            .and_then(|n| n.trim().parse::<u32>().ok())
    };
    assert_eq!(count("fail"), Some(0), "{stdout}");
    assert!(
        count("pass").unwrap_or(0) >= 10,
        "scenarios did not run: {stdout}"
    );
    if std::env::var_os("SCREENSHOTS").is_some() {
        let (ok, stdout, stderr) = run("event_screenshots.mjs");
        assert!(ok, "screenshots failed:\n{stdout}\n{stderr}");
    }
}
