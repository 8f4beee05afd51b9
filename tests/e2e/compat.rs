//! Every client, unchanged: the requests real clients sent to sepiola
//! (tests/fixtures/observed, copied from shared/reference/observed)
//! replayed against a server over the committed fixture, each answered 200
//! with the fields its client reads; deep pages and unknown parameters of
//! any JSON type answered, never refused.

use std::path::Path;

use serde_json::{Value, json};

use crate::harness::{Server, client, fixture, shared, total};

const VIDEOS: &str = "/api/v1/search/videos";

/// One captured request.
struct Captured {
    method: String,
    path: String,
    body: Option<String>,
    content_type: Option<String>,
}

fn observed(file: &str) -> Vec<Captured> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/observed")
        .join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let lines: Vec<Captured> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            Captured {
                method: v["method"].as_str().unwrap().to_string(),
                path: v["path"].as_str().unwrap().to_string(),
                body: v["body"].as_str().map(str::to_string),
                content_type: v["headers"]["content-type"].as_str().map(str::to_string),
            }
        })
        .collect();
    assert!(lines.len() > 10, "{file}: only {} requests", lines.len());
    lines
}

/// The captures came from a crawl of another federation: a path naming a
/// video, channel or playlist of it is pointed at one of the fixture's.
fn on_fixture(path: &str) -> String {
    let first = |kind: &str, field: &str| fixture(kind)[0][field].as_str().unwrap().to_string();
    let (route, rest) = path.split_once('?').unwrap_or((path, ""));
    let parts: Vec<&str> = route.trim_start_matches('/').split('/').collect();
    let replaced: Option<(usize, String)> = match parts.as_slice() {
        ["api", "v1", "videos", _, ..] => Some((3, first("video", "uuid"))),
        ["api", "v1", "video-channels", _, ..] => Some((3, first("channel", "name"))),
        ["api", "v1", "video-playlists", _, ..] => Some((3, first("playlist", "uuid"))),
        _ => None,
    };
    let Some((i, id)) = replaced else {
        return path.to_string();
    };
    let mut parts: Vec<String> = parts.iter().map(|s| s.to_string()).collect();
    parts[i] = id;
    let route = format!("/{}", parts.join("/"));
    if rest.is_empty() {
        route
    } else {
        format!("{route}?{rest}")
    }
}

async fn send(s: &Server, c: &Captured) -> (u16, Value) {
    let path = on_fixture(&c.path);
    let req = match c.method.as_str() {
        "POST" => client()
            .post(s.url(&path))
            .header(
                "content-type",
                c.content_type.as_deref().unwrap_or("application/json"),
            )
            .body(c.body.clone().unwrap_or_default()),
        _ => client().get(s.url(&path)),
    };
    let r = req.send().await.unwrap();
    let st = r.status().as_u16();
    let v = serde_json::from_slice(&r.bytes().await.unwrap()).unwrap_or(Value::Null);
    (st, v)
}

fn is_date(v: &Value) -> bool {
    v.as_str()
        .is_some_and(|s| chrono::DateTime::parse_from_rfc3339(s).is_ok())
}

/// What PeerTube's client, SearXNG, Grayjay and NewPipe read of a video
/// (contract, sections A.9 and E).
pub fn check_video(v: &Value, how: &str) {
    for f in ["uuid", "shortUUID", "name", "url", "embedUrl", "embedPath"] {
        assert!(v[f].is_string(), "{how}: video without {f}: {v}");
    }
    for f in ["thumbnailPath", "previewPath"] {
        assert!(
            v[f].as_str().is_some_and(|p| p.starts_with('/')),
            "{how}: {f} not relative: {v}"
        );
    }
    assert!(v["url"].as_str().unwrap().starts_with("https://"), "{how}");
    let (embed_url, embed_path) = (
        v["embedUrl"].as_str().unwrap(),
        v["embedPath"].as_str().unwrap(),
    );
    assert!(
        embed_url.starts_with("https://") && embed_url.ends_with(embed_path),
        "{how}: NewPipe takes the origin as embedUrl minus embedPath: {v}"
    );
    for f in ["createdAt", "publishedAt"] {
        assert!(is_date(&v[f]), "{how}: {f} not RFC 3339: {v}");
    }
    for f in ["duration", "views", "likes"] {
        assert!(v[f].is_u64(), "{how}: {f} not a count: {v}");
    }
    for f in ["isLive", "nsfw"] {
        assert!(v[f].is_boolean(), "{how}: {f} not a boolean: {v}");
    }
    for f in ["category", "licence", "language", "privacy"] {
        assert!(v[f].is_object(), "{how}: {f} not an object: {v}");
    }
    for a in ["account", "channel"] {
        for f in ["name", "displayName", "host", "url"] {
            assert!(v[a][f].is_string(), "{how}: {a}.{f} missing: {v}");
        }
        assert!(v[a]["avatars"].is_array(), "{how}: {a}.avatars: {v}");
    }
    assert!(v["tags"].is_array(), "{how}: tags: {v}");
}

fn check_actor(v: &Value, how: &str) {
    for f in ["name", "displayName", "url", "host"] {
        assert!(v[f].is_string(), "{how}: channel without {f}: {v}");
    }
    assert!(v["avatars"].is_array(), "{how}: avatars: {v}");
}

fn check_playlist(v: &Value, how: &str) {
    for f in ["uuid", "displayName", "url"] {
        assert!(v[f].is_string(), "{how}: playlist without {f}: {v}");
    }
}

fn check_page(v: &Value, how: &str, each: fn(&Value, &str)) {
    assert!(v["total"].is_u64(), "{how}: no total: {v}");
    let data = v["data"]
        .as_array()
        .unwrap_or_else(|| panic!("{how}: no data: {v}"));
    assert!(data.len() as u64 <= total(v), "{how}");
    for d in data {
        each(d, how);
    }
}

/// Checks one answer by the route it came from; returns whether it held data.
fn check_answer(path: &str, v: &Value) -> bool {
    let route = path.split('?').next().unwrap_or(path);
    let parts: Vec<&str> = route.trim_start_matches('/').split('/').collect();
    match parts.as_slice() {
        ["api", "v1", "search", "videos"] | ["api", "v1", "videos"] => {
            check_page(v, path, check_video)
        }
        ["api", "v1", "search", "video-channels"] => check_page(v, path, check_actor),
        ["api", "v1", "search", "video-playlists"] => check_page(v, path, check_playlist),
        ["api", "v1", "config"] => {
            assert!(v["serverVersion"].is_string(), "{path}: {v}");
            assert!(v["instance"]["name"].is_string(), "{path}: {v}");
        }
        ["api", "v1", "videos", _] => check_video(v, path),
        ["api", "v1", "videos", _, "captions"] => check_page(v, path, |_, _| {}),
        ["api", "v1", "videos", _, "chapters"] => assert!(v["chapters"].is_array(), "{path}"),
        ["api", "v1", "video-channels", _] => check_actor(v, path),
        ["api", "v1", "video-playlists", _] => check_playlist(v, path),
        ["api", "v1", "video-playlists", _, "videos"] => check_page(v, path, |_, _| {}),
        other => panic!("{path}: no check for the route {other:?}"),
    }
    v["data"].as_array().is_some_and(|d| !d.is_empty())
}

async fn replay(file: &str) {
    let s = shared();
    let mut with_data = 0;
    let captured = observed(file);
    for c in &captured {
        let (st, v) = send(s, c).await;
        let how = format!(
            "{file}: {} {} {}",
            c.method,
            c.path,
            c.body.as_deref().unwrap_or("")
        );
        assert_eq!(st, 200, "{how}: {v}");
        if check_answer(&on_fixture(&c.path), &v) {
            with_data += 1;
        }
    }
    // the checks looked at results, not only at empty pages
    assert!(with_data > 0, "{file}: every answer was empty");
}

#[tokio::test]
async fn peertube_global_search_requests_replayed() {
    replay("peertube-6.3-global-search.jsonl").await;
}

#[tokio::test]
async fn grayjay_plugin_requests_replayed() {
    replay("grayjay-plugin-v27.jsonl").await;
}

#[tokio::test]
async fn searxng_requests_replayed() {
    replay("searxng-engines.jsonl").await;
}

#[tokio::test]
async fn deep_pages_answer_the_exact_total_and_no_error() {
    let s = shared();
    let (_, all) = s.get(&format!("{VIDEOS}?count=0")).await;
    let whole = total(&all);
    assert_eq!(whole, fixture("video").len() as u64);
    for q in [
        "start=9990&count=20",
        "start=50000",
        "start=50000&count=100",
        "start=18446744073709551615",
        "start=29&count=100",
    ] {
        let (st, v) = s.get(&format!("{VIDEOS}?{q}")).await;
        assert_eq!(st, 200, "{q}: {v}");
        assert_eq!(total(&v), whole, "{q}");
        let start: u64 = q
            .split('&')
            .find_map(|kv| kv.strip_prefix("start="))
            .and_then(|n| n.parse().ok())
            .unwrap();
        let expected = whole.saturating_sub(start).min(100);
        assert_eq!(v["data"].as_array().unwrap().len() as u64, expected, "{q}");
    }
    // the same through a PeerTube instance's POST, the line it turned into a 500
    let (st, v) = s
        .post_json(
            VIDEOS,
            &json!({"start": 9990, "count": 20, "search": "the", "sort": "-match"}),
        )
        .await;
    assert_eq!(st, 200, "{v}");
    assert!(v["data"].as_array().unwrap().is_empty());
    // channels, playlists and the video list too
    for ep in [
        "/api/v1/search/video-channels",
        "/api/v1/search/video-playlists",
        "/api/v1/videos",
    ] {
        let (_, first) = s.get(&format!("{ep}?count=0")).await;
        let (st, v) = s.get(&format!("{ep}?start=50000&count=20")).await;
        assert_eq!(st, 200, "{ep}: {v}");
        assert_eq!(total(&v), total(&first), "{ep}");
        assert!(total(&v) > 0, "{ep}: the fixture has some");
    }
    // count > 100 stays refused, as PeerTube's own validator refuses it
    let (st, v) = s.get(&format!("{VIDEOS}?count=101")).await;
    assert_eq!(st, 400, "{v}");
}

#[tokio::test]
async fn unknown_parameters_of_every_json_type_are_ignored() {
    let s = shared();
    let (_, base) = s.get(&format!("{VIDEOS}?search=the&count=100")).await;
    let names = crate::harness::names(&base);
    assert!(total(&base) > 0);
    // GET: brackets of every kind
    for q in [
        "x[a]=1",
        "x[a][b]=1&y[]=1&y[]=2",
        "filter[]=local&skipCount=true&z",
    ] {
        let (st, v) = s.get(&format!("{VIDEOS}?search=the&count=100&{q}")).await;
        assert_eq!(st, 200, "{q}: {v}");
        assert_eq!(crate::harness::names(&v), names, "{q}");
    }
    // JSON: objects, nested arrays, arrays of objects, null
    for extra in [
        json!({"x": {"a": 1}}),
        json!({"y": [[1, 2], [3]]}),
        json!({"z": [{"a": 1}, null, 3]}),
        json!({"w": null}),
        json!({"include": {"deep": {"deeper": [1, {"x": null}]}}, "resultType": ["videos"]}),
    ] {
        let mut body = json!({"search": "the", "count": 100});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        let (st, v) = s.post_json(VIDEOS, &body).await;
        assert_eq!(st, 200, "{body}: {v}");
        assert_eq!(crate::harness::names(&v), names, "{body}");
    }
    // form bodies
    for form in [
        "search=the&count=100&x[a]=1",
        "search=the&count=100&x[a][b]=&y[]=1",
    ] {
        let (st, v, _) = s
            .post_raw(
                VIDEOS,
                "application/x-www-form-urlencoded",
                form.as_bytes().to_vec(),
            )
            .await;
        assert_eq!(st, 200, "{form}: {v}");
        assert_eq!(crate::harness::names(&v), names, "{form}");
    }
    // a known parameter with an object is still a 400 naming it
    let (st, v) = s.post_json(VIDEOS, &json!({"search": {"a": 1}})).await;
    assert_eq!(st, 400, "{v}");
    assert!(v["invalid-params"]["search"].is_object(), "{v}");
}
