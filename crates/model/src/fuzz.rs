//! Fuzzed documents and text: every kind's `normalize` over documents with
//! arbitrary values put anywhere, the text cleaners and the origin checks
//! over arbitrary strings. Never a panic; a normalized document normalizes
//! again unchanged; cleaned text cleans again unchanged; whatever the origin
//! checks accept stays on the origin.

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use crate::document::Document;
use crate::origin::{Origin, origin_url};
use crate::text;
use crate::{Channel, Event, Group, Playlist, Video};

/// Strings a hostile instance would send.
fn hostile_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,40}",
        prop::sample::select(vec![
            "",
            " ",
            "#",
            "javascript:alert(1)",
            "https://tube.example:8443/lazy-static/a.jpg",
            "http://tube.example:8443/x",
            "https://evil.example/x",
            "//evil.example/x",
            "/\\evil.example/x",
            "/lazy-static/thumbnails/x.jpg",
            "/a b",
            "tube.example:8443",
            "Mobilizon.Example",
            "2024-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
            "<p>a<br>b</p><script>x</script>&amp;&#x1F600;&#0;&#xD800;&bogus;",
            "\u{202E}abc\u{0000}\u{0007}\u{2066}",
            "  a \n\t b  ",
            "9c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f",
            "fr-FR",
            "TENTATIVE",
        ])
        .prop_map(str::to_string),
        (1usize..3000).prop_map(|n| "é ".repeat(n)),
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

fn actor() -> Value {
    json!({"id": 1, "name": "alice", "displayName": "Alice", "host": "tube.example:8443",
           "url": "https://tube.example:8443/a/alice",
           "avatars": [{"width": 48, "path": "/lazy-static/avatars/a.png"}]})
}

fn video() -> Value {
    json!({
        "host": "tube.example:8443", "id": 7, "uuid": "9c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f",
        "shortUUID": "kkGMgK9ZtnKfYAgnEtQxbv", "name": "  Hello\u{202E} world  ",
        "description": "A *long* description", "duration": 42, "tags": ["#Rust", "rust", "peertube"],
        "category": {"id": 15, "label": "whatever"}, "licence": {"id": 2},
        "language": {"id": "fr-FR", "label": "Français"}, "privacy": {"id": 1, "label": "Public"},
        "createdAt": "2024-01-01T00:00:00Z", "publishedAt": "2024-01-02T00:00:00.000Z",
        "thumbnailPath": "/lazy-static/thumbnails/x.jpg", "previewPath": "/lazy-static/previews/x.jpg",
        "thumbnails": [{"width": 280, "height": 157, "fileUrl": "/lazy-static/thumbnails/y.jpg"}],
        "url": "https://tube.example:8443/w/kkGMgK9ZtnKfYAgnEtQxbv", "aspectRatio": 1.5,
        "nsfwSummary": " s ", "account": actor(), "channel": actor()
    })
}

fn channel() -> Value {
    json!({"id": 4, "name": "alice_channel", "host": "tube.example:8443", "displayName": " Alice's ",
           "url": "https://tube.example:8443/video-channels/alice_channel",
           "description": "d", "support": "s", "followersCount": 3, "videosCount": 2,
           "createdAt": "2023-01-01T00:00:00Z", "updatedAt": "2023-02-01T00:00:00Z",
           "avatars": [{"width": 48, "path": "/lazy-static/avatars/c.png"}],
           "banners": [{"width": 1920, "path": "/lazy-static/banners/c.png"}],
           "ownerAccount": actor()})
}

fn playlist() -> Value {
    json!({"host": "tube.example:8443", "id": 5, "uuid": "1c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f",
           "shortUUID": "abc", "displayName": "Mix", "description": "m",
           "privacy": {"id": 1}, "videosLength": 4, "type": {"id": 1},
           "thumbnailPath": "/lazy-static/thumbnails/p.jpg", "url": "https://tube.example:8443/w/p/abc",
           "createdAt": "2023-01-01T00:00:00Z", "ownerAccount": actor(), "videoChannel": actor(),
           "videoChannelPosition": 1})
}

fn event() -> Value {
    json!({
        "host": "Mobilizon.Example", "id": 42, "uuid": "0B0E2C4A-1D2E-4F5A-8B9C-0D1E2F3A4B5C",
        "name": "  Jazz\u{202E} night ", "description": "<p>Bring your <b>instrument</b> &amp; friends</p>",
        "startTime": "2025-07-01T19:00:00+02:00", "endTime": "2025-07-01T16:00:00Z",
        "url": "https://mobilizon.example/events/0b0e2c4a-1d2e-4f5a-8b9c-0d1e2f3a4b5c",
        "banner": "/media/banner.jpg", "category": "music", "status": "TENTATIVE", "language": "fr-FR",
        "creator": {"id": "7", "name": "alice", "displayName": "", "avatar": null},
        "location": {"id": "3", "name": "Le Sunset", "address": {"addressLocality": "Paris", "addressCountry": "France"},
                     "location": {"lat": 48.86, "lon": 2.35}},
        "participantCount": 12, "tags": ["#jazz", "Jazz", "live"], "createdAt": "2025-05-01T10:00:00Z"
    })
}

fn group() -> Value {
    json!({
        "host": "mobilizon.example", "id": 5, "name": "climbers",
        "displayName": " Lyon   climbers ", "avatar": "https://mobilizon.example/media/a.png",
        "description": "<p>We climb.</p>", "memberCount": 30, "language": "FR",
        "location": {"address": {"addressLocality": "Lyon"}, "location": {"lat": 45.76, "lon": 4.84}}
    })
}

/// Every node of `v`, as a path of keys and indices.
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

/// `base` with each picked node replaced.
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

/// Reads `v` as a `D`; when it normalizes, it normalizes again unchanged.
fn normalizes_idempotently<D: Document + PartialEq + std::fmt::Debug>(
    v: Value,
) -> Result<(), TestCaseError> {
    let Ok(mut doc) = serde_json::from_value::<D>(v) else {
        return Ok(());
    };
    if doc.normalize().is_err() {
        return Ok(());
    }
    let mut again = doc.clone();
    prop_assert!(
        again.normalize().is_ok(),
        "a normalized document fails normalize: {doc:?}"
    );
    prop_assert_eq!(&again, &doc);
    // And through its wire format (what the index stores and reads back).
    let json = serde_json::to_value(&doc).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut read: D =
        serde_json::from_value(json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(read.normalize().is_ok());
    prop_assert_eq!(&read, &doc);
    Ok(())
}

fn edits() -> impl Strategy<Value = Vec<(prop::sample::Index, Value)>> {
    prop::collection::vec((any::<prop::sample::Index>(), arb_json()), 1..5)
}

fn no_forbidden(s: &str) -> bool {
    !s.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn videos_normalize_idempotently(e in edits()) {
        normalizes_idempotently::<Video>(mutated(video(), &e))?;
    }

    #[test]
    fn channels_normalize_idempotently(e in edits()) {
        normalizes_idempotently::<Channel>(mutated(channel(), &e))?;
    }

    #[test]
    fn playlists_normalize_idempotently(e in edits()) {
        normalizes_idempotently::<Playlist>(mutated(playlist(), &e))?;
    }

    #[test]
    fn events_normalize_idempotently(e in edits()) {
        normalizes_idempotently::<Event>(mutated(event(), &e))?;
    }

    #[test]
    fn groups_normalize_idempotently(e in edits()) {
        normalizes_idempotently::<Group>(mutated(group(), &e))?;
    }

    #[test]
    fn arbitrary_json_never_panics_any_kind(v in arb_json()) {
        normalizes_idempotently::<Video>(v.clone())?;
        normalizes_idempotently::<Channel>(v.clone())?;
        normalizes_idempotently::<Playlist>(v.clone())?;
        normalizes_idempotently::<Event>(v.clone())?;
        normalizes_idempotently::<Group>(v)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic_any_kind(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(v) = serde_json::from_slice::<Value>(&bytes) {
            normalizes_idempotently::<Video>(v.clone())?;
            normalizes_idempotently::<Event>(v.clone())?;
            normalizes_idempotently::<Group>(v)?;
        }
    }

    #[test]
    fn cleaners_are_bounded_and_idempotent(s in hostile_string(), max in 0usize..200) {
        let c = text::clean(&s, max);
        prop_assert!(c.chars().count() <= max);
        prop_assert!(no_forbidden(&c));
        prop_assert_eq!(text::clean(&c, max), c.clone());

        let l = text::clean_line(&s, max);
        prop_assert!(l.chars().count() <= max);
        prop_assert!(no_forbidden(&l));
        prop_assert!(!l.contains(['\n', '\t']));
        prop_assert_eq!(text::clean_line(&l, max), l.clone());

        let t = text::truncate(&s, max.max(1));
        prop_assert!(t.chars().count() <= max.max(1));

        // HTML descriptions are decoded, then cleaned like any text.
        let h = text::clean(&text::html_to_text(&s), max);
        prop_assert!(h.chars().count() <= max);
        prop_assert!(no_forbidden(&h));
    }

    #[test]
    fn tags_clean_idempotently(tags in prop::collection::vec(hostile_string(), 0..80)) {
        let once = text::clean_tags(&tags);
        prop_assert!(once.len() <= crate::limits::MAX_TAGS);
        prop_assert_eq!(text::clean_tags(&once), once.clone());
    }

    #[test]
    fn origin_checks_keep_urls_on_the_origin(
        host in prop::sample::select(vec!["tube.example:8443", "tube.example", "127.0.0.1:4001", "[::1]:9000"]),
        hint in hostile_string(),
        u in hostile_string(),
    ) {
        let origin = Origin::for_host(host, &hint);
        let _ = origin.check_url("u", &u);
        let _ = origin.check_path("u", &u);
        if let Ok(p) = origin.path_of("u", &u)
            && origin.check_path("u", &p).is_ok()
        {
            let joined = origin.join(&p);
            prop_assert!(origin.check_url("u", &joined).is_ok(), "{joined}");
            let parsed = url::Url::parse(&joined);
            prop_assert!(parsed.is_ok(), "{joined}");
        }
        if let Ok(Some(abs)) = origin_url(&origin, "u", Some(&u)) {
            prop_assert!(abs.starts_with(origin.base()), "{abs}");
            prop_assert!(origin.check_url("u", &abs).is_ok(), "{abs}");
            // Once on the origin, it stays the same.
            prop_assert_eq!(origin_url(&origin, "u", Some(&abs)).ok().flatten(), Some(abs.clone()));
        }
    }
}

/// An Event's or Group's description is plain text in the model (the
/// crawler reduces Mobilizon's HTML to text once, where it reads it), so
/// text that was escaped markup in the original HTML (`&amp;lt;b&amp;gt;`,
/// which reads `&lt;b&gt;`) survives any number of `normalize` passes.
#[test]
fn escaped_markup_in_a_description_survives_a_second_normalize() {
    let html = "<p>write &amp;lt;b&amp;gt; for bold</p>";
    let text = text::html_to_text(html).trim().to_string();
    assert_eq!(text, "write &lt;b&gt; for bold");
    let mut g: Group = serde_json::from_value(group()).expect("reads");
    g.description = Some(text.clone());
    g.normalize().expect("normalizes");
    assert_eq!(g.description.as_deref(), Some(text.as_str()));
    let once = g.clone();
    g.normalize().expect("normalizes again");
    assert_eq!(g, once);
    let mut e: Event = serde_json::from_value(event()).expect("reads");
    e.description = Some(text.clone());
    e.normalize().expect("normalizes");
    let once = e.clone();
    e.normalize().expect("normalizes again");
    assert_eq!(e, once);
    assert_eq!(e.description.as_deref(), Some(text.as_str()));
}

#[test]
fn the_samples_normalize() {
    // The mutations start from documents that normalize, so they reach deep.
    fn ok<D: Document>(v: Value) {
        let mut d: D = serde_json::from_value(v).expect("reads");
        d.normalize().expect("normalizes");
    }
    ok::<Video>(video());
    ok::<Channel>(channel());
    ok::<Playlist>(playlist());
    ok::<Event>(event());
    ok::<Group>(group());
}
