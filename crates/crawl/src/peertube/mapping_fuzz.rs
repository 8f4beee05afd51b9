//! Fuzzed instance answers: arbitrary JSON, arbitrary bytes parsed as JSON,
//! and valid answers with arbitrary values put anywhere, fed to every
//! mapping from PeerTube JSON to a document. Never a panic, and every
//! document produced passes its own `normalize` again unchanged.

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use sepiola_model::Document;

use super::mapping::{channel, list_page, playlist, video};

const HOST: &str = "127.0.0.1:4001";

/// Strings a hostile instance would send: anything, plus the shapes that
/// reach the interesting branches (URLs on and off the host, paths, dates,
/// markup, bidi and control characters, long runs).
fn hostile_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,40}",
        prop::sample::select(vec![
            "",
            " ",
            "javascript:alert(1)",
            "data:image/png;base64,AAAA",
            "http://127.0.0.1:4001/videos/watch/x",
            "https://127.0.0.1:4001/lazy-static/a.jpg",
            "http://127.0.0.1:4002/elsewhere",
            "//evil.example/x",
            "/lazy-static/thumbnails/x.jpg",
            "/../../etc/passwd",
            "/a?b#c",
            "127.0.0.1:4001",
            "evil.example",
            "2024-01-01T00:00:00.000Z",
            "9999-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z",
            "<script>alert(1)</script>&amp;&#x1F600;&#0;",
            "\u{202E}abc\u{0000}\u{0007}",
            "  a \n\t b  ",
            "9c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f",
            "kkGMgK9ZtnKfYAgnEtQxbv",
            "fr",
            "zz-ZZ-x",
        ])
        .prop_map(str::to_string),
        (1usize..3000).prop_map(|n| "é".repeat(n)),
    ]
}

/// Any JSON value, a few levels deep.
fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        hostile_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((hostile_string(), inner), 0..5)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn actor(host: &str) -> Value {
    json!({"id": 3, "name": "alice", "displayName": "Alice", "host": host,
           "url": format!("http://{host}/a/alice"),
           "avatars": [{"width": 48, "path": "/lazy-static/avatars/a.png",
                        "fileUrl": format!("http://{host}/lazy-static/avatars/a.png")}]})
}

fn video_json() -> Value {
    json!({
        "id": 12, "uuid": "9c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f", "shortUUID": "kkGMgK9ZtnKfYAgnEtQxbv",
        "name": "Hello", "truncatedDescription": "short", "description": "short",
        "duration": 61, "views": 5, "likes": 1, "dislikes": 0, "isLive": false, "nsfw": false, "isLocal": true,
        "createdAt": "2024-01-01T00:00:00.000Z", "publishedAt": "2024-01-02T00:00:00.000Z",
        "updatedAt": "2024-01-03T00:00:00.000Z", "originallyPublishedAt": null,
        "category": {"id": 15, "label": "Science & Technology"}, "licence": {"id": 1, "label": "Attribution"},
        "language": {"id": "fr", "label": "French"}, "privacy": {"id": 1, "label": "Public"},
        "thumbnailPath": "/lazy-static/thumbnails/x.jpg", "previewPath": "/lazy-static/previews/x.jpg",
        "thumbnails": [{"type": 1, "width": 280, "height": 157, "fileUrl": format!("http://{HOST}/lazy-static/thumbnails/x.jpg")}],
        "embedPath": "/videos/embed/9c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f",
        "url": format!("http://{HOST}/videos/watch/9c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f"),
        "tags": ["a", "b"], "aspectRatio": 1.78,
        "account": actor(HOST), "channel": actor(HOST)
    })
}

fn channel_json() -> Value {
    json!({"id": 4, "name": "alice_channel", "host": HOST, "displayName": "Alice's",
           "url": format!("http://{HOST}/video-channels/alice_channel"),
           "description": "d", "support": "s", "followersCount": 3, "followingCount": 0,
           "videosCount": 2, "hostRedundancyAllowed": true,
           "createdAt": "2023-01-01T00:00:00.000Z", "updatedAt": "2023-02-01T00:00:00.000Z",
           "avatars": [{"width": 48, "path": "/lazy-static/avatars/c.png"}],
           "banners": [{"width": 1920, "path": "/lazy-static/banners/c.png"}],
           "ownerAccount": actor(HOST)})
}

fn playlist_json() -> Value {
    json!({"id": 5, "uuid": "1c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f", "shortUUID": "abc",
        "displayName": "Mix", "description": "m", "privacy": {"id": 1, "label": "Public"}, "videosLength": 4,
        "type": {"id": 1, "label": "Regular"}, "url": format!("http://{HOST}/w/p/abc"),
        "thumbnailPath": "/lazy-static/thumbnails/p.jpg",
        "createdAt": "2023-01-01T00:00:00.000Z", "updatedAt": "2023-01-02T00:00:00.000Z",
        "videoChannelPosition": 1,
        "ownerAccount": actor(HOST), "videoChannel": actor(HOST)})
}

/// Every place in `v` a value can be put: each existing node.
fn paths(v: &Value, here: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(here.clone());
    match v {
        Value::Object(o) => {
            for (k, child) in o {
                here.push(Value::String(k.clone()));
                paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                here.push(Value::from(i));
                paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn node_at<'a>(v: &'a mut Value, path: &[Value]) -> Option<&'a mut Value> {
    let mut cur = v;
    for seg in path {
        cur = match seg {
            Value::String(k) => cur.get_mut(k.as_str())?,
            Value::Number(n) => cur.get_mut(usize::try_from(n.as_u64()?).ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// `base` with each `(where, what)` applied: the node picked by `where` is
/// replaced by `what`.
fn mutated(base: Value, edits: &[(prop::sample::Index, Value)]) -> Value {
    let mut v = base;
    for (at, what) in edits {
        let mut all = Vec::new();
        paths(&v, &mut Vec::new(), &mut all);
        let path = at.get(&all).clone();
        if let Some(node) = node_at(&mut v, &path) {
            *node = what.clone();
        }
    }
    v
}

/// Whether a produced document passes `normalize` again unchanged.
fn idempotent<D: Document + PartialEq + std::fmt::Debug>(doc: &D) -> Result<(), TestCaseError> {
    let mut again = doc.clone();
    prop_assert!(
        again.normalize().is_ok(),
        "a produced document fails its own normalize: {doc:?}"
    );
    prop_assert_eq!(&again, doc);
    Ok(())
}

/// Feeds one value to every document mapping.
fn map_all(v: &Value) -> Result<(), TestCaseError> {
    if let Ok(d) = video(v, HOST) {
        idempotent(&d)?;
    }
    if let Ok(d) = channel(v, HOST) {
        idempotent(&d)?;
    }
    if let Ok(d) = playlist(v, HOST) {
        idempotent(&d)?;
    }
    Ok(())
}

fn edits() -> impl Strategy<Value = Vec<(prop::sample::Index, Value)>> {
    prop::collection::vec((any::<prop::sample::Index>(), arb_json()), 1..5)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics(v in arb_json()) {
        map_all(&v)?;
        if let Ok(page) = list_page(v) {
            for item in &page.items {
                map_all(item)?;
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(v) = serde_json::from_slice::<Value>(&bytes) {
            map_all(&v)?;
            let _ = list_page(v);
        }
    }

    #[test]
    fn mutated_videos_map_to_normalized_documents(e in edits()) {
        map_all(&mutated(video_json(), &e))?;
    }

    #[test]
    fn mutated_channels_map_to_normalized_documents(e in edits()) {
        map_all(&mutated(channel_json(), &e))?;
    }

    #[test]
    fn mutated_playlists_map_to_normalized_documents(e in edits()) {
        map_all(&mutated(playlist_json(), &e))?;
    }

    #[test]
    fn mutated_pages_never_panic(e in edits()) {
        let page = json!({"total": 3, "data": [video_json(), channel_json(), playlist_json()]});
        if let Ok(page) = list_page(mutated(page, &e)) {
            for item in &page.items {
                map_all(item)?;
            }
        }
    }
}

#[test]
fn the_samples_map() {
    // The mutations start from answers that map, so they reach deep.
    assert!(video(&video_json(), HOST).is_ok());
    assert!(channel(&channel_json(), HOST).is_ok());
    assert!(playlist(&playlist_json(), HOST).is_ok());
}
