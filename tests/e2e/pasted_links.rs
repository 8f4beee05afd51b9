//! Links pasted into the search box (issue 14): a PeerTube watch, channel,
//! account or playlist URL of an indexed instance finds that document first,
//! in the API and on the page's tabs, checked against the committed fixture.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::harness::{fixture, shared};

/// `name@host` of an actor in a record's JSON.
fn handle(actor: &Value) -> String {
    format!(
        "{}@{}",
        actor["name"].as_str().unwrap_or_default(),
        actor["host"].as_str().unwrap_or_default()
    )
}

/// The handles of the channels the API finds for `search`, in rank order.
async fn api_channels(search: &str) -> Vec<String> {
    let q = crate::api::enc(search);
    let (s, v) = shared()
        .get(&format!("/api/v1/search/video-channels?search={q}"))
        .await;
    assert_eq!(s, 200, "{search}: {v}");
    v["data"].as_array().unwrap().iter().map(handle).collect()
}

/// One field of each result of an API search, in rank order.
async fn api_field(endpoint: &str, search: &str, field: &str) -> Vec<String> {
    let q = crate::api::enc(search);
    let (s, v) = shared()
        .get(&format!("/api/v1/search/{endpoint}?search={q}&count=50"))
        .await;
    assert_eq!(s, 200, "{search}: {v}");
    v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d[field].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn pasted_channel_account_and_playlist_urls_find_their_documents() {
    let channels = fixture("channel");
    let histoire = channels.iter().find(|c| c["name"] == "histoire").unwrap();
    let host = histoire["host"].as_str().unwrap();
    let own = handle(histoire);
    for search in [
        format!("https://{host}/c/histoire"),
        format!("https://{host}/c/histoire/videos"),
        format!("{host}/video-channels/histoire"),
        "/c/histoire".to_string(),
    ] {
        assert_eq!(api_channels(&search).await, vec![own.clone()], "{search}");
    }
    // another host: nothing, and not the link's words either
    assert!(
        api_channels("https://tube.example.org/c/histoire")
            .await
            .is_empty()
    );
    assert!(
        api_channels("https://unknown.example/c/histoire")
            .await
            .is_empty()
    );

    // an account link: that account's channels, from the fixture's owners
    let owner = handle(&histoire["ownerAccount"]);
    let want: BTreeSet<String> = channels
        .iter()
        .filter(|c| handle(&c["ownerAccount"]) == owner)
        .map(handle)
        .collect();
    let whole: BTreeSet<String> = channels.iter().map(handle).collect();
    crate::harness::assert_meaningful(&want, &whole, "the account's channels");
    let name = histoire["ownerAccount"]["name"].as_str().unwrap();
    let got: BTreeSet<String> = api_channels(&format!("https://{host}/a/{name}"))
        .await
        .into_iter()
        .collect();
    assert_eq!(got, want);

    // a playlist link, both forms
    let playlist = fixture("playlist")
        .into_iter()
        .find(|p| p["displayName"] == "Best of jazz")
        .unwrap();
    let uuid = playlist["uuid"].as_str().unwrap();
    let short = playlist["shortUUID"].as_str().unwrap();
    for search in [
        format!("https://{host}/w/p/{short}"),
        format!("https://{host}/videos/watch/playlist/{uuid}"),
    ] {
        assert_eq!(
            api_field("video-playlists", &search, "uuid").await,
            vec![uuid.to_string()],
            "{search}"
        );
    }

    // on the videos tab a channel link lists that channel's videos
    let want: BTreeSet<String> = fixture("video")
        .iter()
        .filter(|v| handle(&v["channel"]) == own && v["nsfw"] != true)
        .map(|v| v["uuid"].as_str().unwrap().to_string())
        .collect();
    let whole: BTreeSet<String> = fixture("video")
        .iter()
        .map(|v| v["uuid"].as_str().unwrap().to_string())
        .collect();
    crate::harness::assert_meaningful(&want, &whole, "the channel's videos");
    let got: BTreeSet<String> = api_field("videos", &format!("https://{host}/c/histoire"), "uuid")
        .await
        .into_iter()
        .collect();
    assert_eq!(got, want);
}

#[tokio::test]
async fn the_page_finds_a_pasted_channel_url_on_the_channels_tab() {
    let s = shared();
    let page = |search: &str, tab: &str| {
        let path = format!("/search?search={}&type={tab}", crate::api::enc(search));
        async move { s.text(&path).await }
    };
    let body = page("https://video.example.fr/c/histoire", "channels").await;
    let cards = body.matches(r#"<li class="card actor">"#).count();
    assert_eq!(cards, 1, "{body}");
    assert!(body.contains("Histoire des sciences"), "{body}");
    let body = page(
        "https://video.example.fr/w/p/uB2qPjR2sNXvNrzKgcbAfa",
        "playlists",
    )
    .await;
    assert!(body.contains("Best of jazz"), "{body}");
    assert_eq!(body.matches(r#"<li class="card">"#).count(), 1, "{body}");
}
