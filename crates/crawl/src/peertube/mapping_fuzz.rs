//! Fuzzed instance answers: arbitrary JSON, arbitrary bytes parsed as JSON,
//! and valid answers with arbitrary values put anywhere, fed to every
//! mapping from PeerTube JSON to a document. Never a panic, and every
//! document produced passes its own `normalize` again unchanged.

use proptest::prelude::*;
use serde_json::{Value, json};

use super::mapping::{channel, list_page, playlist, video};
use crate::fuzz::{arb_json, edits, idempotent, mutated};

const HOST: &str = "127.0.0.1:4001";

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
