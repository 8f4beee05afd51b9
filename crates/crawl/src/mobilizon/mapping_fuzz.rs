//! Fuzzed Mobilizon answers (issue 15, point 5): arbitrary JSON, arbitrary
//! bytes parsed as JSON, and valid `searchEvents` / `searchGroups`
//! elements with arbitrary values put anywhere, fed to the event and group
//! mappings. Never a panic; every document produced passes its own
//! `normalize` again unchanged, keeps only URLs of its own host, and holds
//! no markup in its description (Mobilizon's HTML is text by then).

use proptest::prelude::*;
use serde_json::{Value, json};

use sepiola_model::{Event, Group, Timestamp};

use super::mapping::{event, group};
use crate::fuzz::{arb_json, edits, idempotent, mutated};

const HOST: &str = "127.0.0.1:4001";

fn event_json() -> Value {
    json!({"id": "12", "uuid": "0b0e2c4a-1d2e-4f5a-8b9c-0d1e2f3a4b5c",
           "url": format!("http://{HOST}/events/0b0e2c4a-1d2e-4f5a-8b9c-0d1e2f3a4b5c"),
           "title": "Jazz night", "description": "<p>Bring &lt;tools&gt; &amp; food</p><script>x()</script>",
           "beginsOn": "2030-07-01T19:00:00Z", "endsOn": "2030-07-01T23:00:00Z",
           "status": "CONFIRMED", "visibility": "PUBLIC", "draft": false, "category": "MUSIC", "language": "fr",
           "picture": {"url": format!("http://{HOST}/media/b.jpg")},
           "tags": [{"title": "jazz"}, {"title": "#live"}],
           "options": {"isOnline": false, "timezone": "Europe/Paris"},
           "participantStats": {"participant": 12},
           "organizerActor": {"id": "7", "preferredUsername": "alice", "name": "Alice", "domain": null,
                              "avatar": {"url": format!("http://{HOST}/media/a.png")}},
           "physicalAddress": {"id": "3", "description": "Le Sunset", "street": "60 rue des Lombards",
                               "locality": "Paris", "postalCode": "75001", "region": null, "country": "France",
                               "geom": "2.3488;48.8534", "timezone": "Europe/Paris"},
           "insertedAt": "2030-05-01T10:00:00Z", "updatedAt": "2030-05-02T10:00:00Z"})
}

fn group_json() -> Value {
    json!({"id": "4", "preferredUsername": "jazz_lovers", "name": "Jazz lovers", "domain": null,
           "url": format!("http://{HOST}/@jazz_lovers"), "summary": "<p>We <em>play</em></p>",
           "visibility": "PUBLIC", "avatar": {"url": format!("http://{HOST}/media/g.png")},
           "members": {"total": 40},
           "physicalAddress": {"id": "5", "locality": "Lyon", "country": "France", "geom": "4.8357;45.764"},
           "insertedAt": "2030-01-01T10:00:00Z", "updatedAt": "2030-01-02T10:00:00Z"})
}

fn long_ago() -> Timestamp {
    Timestamp::parse("2000-01-01T00:00:00Z").unwrap_or_else(Timestamp::now)
}

/// A URL a document keeps is on its own host (or there is none).
fn own_host(url: Option<&str>) -> Result<(), TestCaseError> {
    if let Some(u) = url.filter(|u| !u.is_empty()) {
        let parsed = url::Url::parse(u);
        prop_assert!(parsed.is_ok(), "not a URL: {u}");
        if let Ok(p) = parsed {
            let authority = match p.port() {
                Some(port) => format!("{}:{port}", p.host_str().unwrap_or_default()),
                None => p.host_str().unwrap_or_default().to_string(),
            };
            prop_assert_eq!(authority, HOST, "a foreign URL kept: {}", u);
            prop_assert!(matches!(p.scheme(), "http" | "https"), "{}", u);
        }
    }
    Ok(())
}

fn check_event(e: &Event) -> Result<(), TestCaseError> {
    idempotent(e)?;
    own_host(Some(&e.url))?;
    own_host(e.banner.as_deref())?;
    own_host(e.creator.as_ref().and_then(|c| c.avatar.as_deref()))?;
    if let Some(d) = &e.description {
        prop_assert!(!d.contains("<script"), "markup in a description: {d:?}");
    }
    Ok(())
}

fn check_group(g: &Group) -> Result<(), TestCaseError> {
    idempotent(g)?;
    own_host(Some(&g.url))?;
    own_host(g.avatar.as_deref())?;
    Ok(())
}

/// Feeds one value to both mappings.
fn map_all(v: &Value) -> Result<(), TestCaseError> {
    if let Ok(Some(e)) = event(v, HOST, long_ago()) {
        check_event(&e)?;
    }
    if let Ok(Some(g)) = group(v, HOST) {
        check_group(&g)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics(v in arb_json()) {
        map_all(&v)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(v) = serde_json::from_slice::<Value>(&bytes) {
            map_all(&v)?;
        }
    }

    #[test]
    fn mutated_events_map_to_normalized_documents(e in edits()) {
        map_all(&mutated(event_json(), &e))?;
    }

    #[test]
    fn mutated_groups_map_to_normalized_documents(e in edits()) {
        map_all(&mutated(group_json(), &e))?;
    }
}

#[test]
fn the_samples_map() {
    // The mutations start from answers that map, so they reach deep.
    let e = event(&event_json(), HOST, long_ago());
    assert!(matches!(e, Ok(Some(_))), "{e:?}");
    let g = group(&group_json(), HOST);
    assert!(matches!(g, Ok(Some(_))), "{g:?}");
}
