//! "Every client, unchanged": `sepiola crawl --once` over a federation
//! mixing PeerTube 6.3 and 8.2 instances (fedsim's `--peertube-version
//! mixed`), then every video and playlist answer carries both thumbnail
//! shapes (the 8.1+ `thumbnails` array, absolute on the origin, and the
//! legacy `thumbnailPath`/`thumbnailUrl`), NSFW flags are crawled and
//! `nsfwFlagsIncluded`/`nsfwFlagsExcluded` filter with PeerTube's bit
//! semantics, language labels and `videosCount` are the instance's, and the
//! legacy `avatar` is always the largest.

use std::collections::{BTreeMap, BTreeSet};

use crate::harness::fedsim::{Fed, api_all, client, crawl_once, crawl_toml};
use crate::harness::{Server, assert_meaningful};
use serde_json::{Value, json};

/// PeerTube's rule, written here again from its `VideosIdListQueryBuilder`
/// (`whereNSFW`, `whereSFW`, `whereNSFWFlagsExcluded`), independently of
/// sepiola's own.
fn peertube_lists(v: &Value, nsfw: Option<bool>, included: u64, excluded: u64) -> bool {
    let sensitive = v["nsfw"] == json!(true);
    let flags = v["nsfwFlags"].as_u64().unwrap_or(0);
    match nsfw {
        Some(true) => sensitive && (excluded == 0 || flags & excluded == 0),
        Some(false) => !sensitive || (included != 0 && flags & included != 0),
        None => excluded == 0 || flags & excluded == 0,
    }
}

/// Every video the API returns for a query, all hosts, by uuid.
async fn search_all(base: &str, query: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut start = 0;
    loop {
        let url = format!(
            "{base}/api/v1/search/videos?{query}&count=100&start={start}&sort=-publishedAt"
        );
        let v: Value = client()
            .get(&url)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let data = v["data"]
            .as_array()
            .cloned()
            .unwrap_or_else(|| panic!("{url}: {v}"));
        let n = data.len();
        out.extend(data.iter().map(|d| d["uuid"].as_str().unwrap().to_string()));
        start += n;
        if n < 100 || start as u64 >= v["total"].as_u64().unwrap_or(0) {
            break;
        }
    }
    out
}

fn origin_of(host: &str) -> String {
    format!("http://{host}/")
}

/// The array is there, sane and on the origin; the legacy fields too.
fn assert_thumbnails(doc: &Value, host: &str, what: &str) {
    let origin = origin_of(host);
    let thumbs = doc["thumbnails"]
        .as_array()
        .unwrap_or_else(|| panic!("{what}: no thumbnails array: {doc}"));
    assert!(!thumbs.is_empty(), "{what}: empty thumbnails");
    for t in thumbs {
        let u = t["fileUrl"].as_str().unwrap();
        assert!(u.starts_with(&origin), "{what}: {u} not on {host}");
        for k in ["width", "height"] {
            let n = t[k].as_u64().unwrap();
            assert!((1..=8192).contains(&n), "{what}: {k} {n}");
        }
    }
    let path = doc["thumbnailPath"]
        .as_str()
        .unwrap_or_else(|| panic!("{what}: no thumbnailPath"));
    assert!(
        path.starts_with('/') && !path.starts_with("//"),
        "{what}: {path}"
    );
    assert_eq!(
        doc["thumbnailUrl"],
        json!(format!("http://{host}{path}")),
        "{what}"
    );
}

/// The legacy `avatar` of every actor in a document is its largest avatar.
fn assert_largest_avatar(doc: &Value, what: &str) {
    for k in ["account", "channel", "ownerAccount", "videoChannel"] {
        let a = &doc[k];
        let Some(avatars) = a["avatars"].as_array().filter(|x| !x.is_empty()) else {
            continue;
        };
        let max = avatars
            .iter()
            .map(|i| i["width"].as_u64().unwrap())
            .max()
            .unwrap();
        assert_eq!(a["avatar"]["width"], json!(max), "{what} {k}: {a}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crawl_serves_both_releases_shapes_and_peertubes_nsfw_flags() {
    let _heavy = crate::harness::heavy().await;
    let fed = Fed::start(6, &[], 20.0, 11).await;
    let hosts = fed.healthy();
    let (old, new): (Vec<String>, Vec<String>) = hosts
        .iter()
        .cloned()
        .partition(|h| fed.version(h) == "6.3.0");
    assert!(
        !old.is_empty() && !new.is_empty(),
        "seed 11 must mix releases: {:?}",
        fed.info
    );

    // Sensitive videos with every combination of flags, on a new and an
    // old instance (the old one does not send flags: they are 0 there).
    for host in [&new[0], &old[0]] {
        for (nsfw, flags) in [(true, 1), (true, 2), (true, 3), (true, 0), (false, 1)] {
            let (s, _) = fed
                .send(
                    "POST",
                    &format!("/instances/{host}/videos"),
                    json!({"nsfw": nsfw, "nsfwFlags": flags}),
                )
                .await;
            assert_eq!(s, 201);
        }
    }

    let dir = tempfile::tempdir().unwrap();
    let toml = crawl_toml(&fed.list_url(), "");
    let (out, _) = crawl_once(dir.path(), "c.toml", &toml).await;
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let server = Server::start(dir, &toml);

    let mut truth_all: Vec<Value> = Vec::new();
    let mut playlists_seen = 0;
    for host in &hosts {
        let is_new = fed.version(host) == "8.2.0";
        let truth = fed.local_videos(host).await;
        let got = api_all(&server.base, "videos", host).await;
        assert!(!truth.is_empty(), "{host}: no videos");
        assert_eq!(got.len(), truth.len(), "{host}: video count");
        let by_uuid: BTreeMap<&str, &Value> = got
            .iter()
            .map(|v| (v["uuid"].as_str().unwrap(), v))
            .collect();
        for t in &truth {
            let uuid = t["uuid"].as_str().unwrap();
            let g = by_uuid[uuid];
            let what = format!("{host} ({}) video {uuid}", fed.version(host));
            assert_thumbnails(g, host, &what);
            assert!(
                g["previewUrl"]
                    .as_str()
                    .unwrap()
                    .starts_with(&origin_of(host)),
                "{what}"
            );
            if is_new {
                // The instance's own array, every size of it.
                let urls = |v: &Value| -> BTreeSet<String> {
                    v["thumbnails"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|t| t["fileUrl"].as_str().unwrap().to_string())
                        .collect()
                };
                assert_eq!(urls(g), urls(t), "{what}");
                assert!(
                    t.get("thumbnailPath").is_none(),
                    "fedsim 8.2 sends no legacy path"
                );
            } else {
                let want = [&t["thumbnailPath"], &t["previewPath"]]
                    .iter()
                    .map(|p| format!("http://{host}{}", p.as_str().unwrap()))
                    .collect::<Vec<_>>();
                let have: Vec<String> = g["thumbnails"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t["fileUrl"].as_str().unwrap().to_string())
                    .collect();
                assert_eq!(have, want, "{what}: built from the legacy paths");
                assert_eq!(g["thumbnailPath"], t["thumbnailPath"], "{what}");
            }
            assert_eq!(g["nsfw"], t["nsfw"], "{what}");
            assert_eq!(
                g["nsfwFlags"],
                json!(t["nsfwFlags"].as_u64().unwrap_or(0)),
                "{what}"
            );
            assert_eq!(
                g["nsfwSummary"],
                t.get("nsfwSummary").cloned().unwrap_or(Value::Null),
                "{what}"
            );
            assert_eq!(g["language"], t["language"], "{what}: language as sent");
            assert_eq!(g.get("downloads"), t.get("downloads"), "{what}: downloads");
            assert_largest_avatar(g, &what);
        }
        truth_all.extend(truth);

        let truth: BTreeMap<String, Value> = fed
            .local_channels(host)
            .await
            .into_iter()
            .map(|c| (c["name"].as_str().unwrap().to_string(), c))
            .collect();
        let got = api_all(&server.base, "video-channels", host).await;
        assert_eq!(got.len(), truth.len(), "{host}: channels");
        for c in &got {
            let t = &truth[c["name"].as_str().unwrap()];
            let what = format!("{host} channel {}", t["name"]);
            assert_eq!(
                c["videosCount"],
                t.get("videosCount").cloned().unwrap_or(Value::Null),
                "{what}"
            );
            if is_new {
                assert!(c["videosCount"].is_u64(), "{what}: 8.2 sends videosCount");
            }
            assert_eq!(
                c["hostRedundancyAllowed"], t["hostRedundancyAllowed"],
                "{what}"
            );
            let avatars = c["avatars"].as_array().unwrap();
            let max = avatars.iter().map(|i| i["width"].as_u64().unwrap()).max();
            assert_eq!(c["avatar"]["width"], json!(max), "{what}");
            assert_largest_avatar(c, &what);
        }

        let truth: BTreeMap<String, Value> = fed
            .local_playlists(host)
            .await
            .into_iter()
            .map(|p| (p["uuid"].as_str().unwrap().to_string(), p))
            .collect();
        let got = api_all(&server.base, "video-playlists", host).await;
        assert_eq!(got.len(), truth.len(), "{host}: playlists");
        playlists_seen += got.len();
        for p in &got {
            let t = &truth[p["uuid"].as_str().unwrap()];
            let what = format!("{host} playlist {}", t["uuid"]);
            assert_thumbnails(p, host, &what);
            if is_new {
                assert_eq!(p["thumbnails"].as_array().unwrap().len(), 2, "{what}");
            } else {
                assert_eq!(p["thumbnailPath"], t["thumbnailPath"], "{what}");
            }
            assert_eq!(
                p["videoChannelPosition"], t["videoChannelPosition"],
                "{what}"
            );
            assert_largest_avatar(p, &what);
        }
    }
    assert!(playlists_seen > 0, "no playlists at all");

    // The flags filter exactly as PeerTube's rule says, over the truth.
    let whole: BTreeSet<String> = truth_all
        .iter()
        .map(|v| v["uuid"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(search_all(&server.base, "nsfw=both").await, whole);
    for (nsfw, included, excluded) in [
        (None, 0, 1),
        (None, 0, 2),
        (None, 0, 3),
        (Some(true), 0, 1),
        (Some(true), 0, 2),
        (Some(false), 1, 0),
        (Some(false), 2, 0),
        (Some(false), 3, 2),
        (None, 1, 0),
    ] {
        let nsfw_param = match nsfw {
            None => "both",
            Some(true) => "true",
            Some(false) => "false",
        };
        let query =
            format!("nsfw={nsfw_param}&nsfwFlagsIncluded={included}&nsfwFlagsExcluded={excluded}");
        let expected: BTreeSet<String> = truth_all
            .iter()
            .filter(|v| peertube_lists(v, nsfw, included, excluded))
            .map(|v| v["uuid"].as_str().unwrap().to_string())
            .collect();
        if (nsfw, included) != (None, 1) {
            assert_meaningful(&expected, &whole, &query);
        }
        let found = search_all(&server.base, &query).await;
        let missing: Vec<_> = expected.difference(&found).collect();
        let extra: Vec<_> = found.difference(&expected).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{query}: missing {missing:?}, extra {extra:?}"
        );
    }

    // stateOneOf and includeScheduledLive: the index holds published videos.
    assert_eq!(
        search_all(&server.base, "nsfw=both&stateOneOf=1").await,
        whole
    );
    assert_eq!(
        search_all(&server.base, "nsfw=both&includeScheduledLive=true").await,
        whole
    );
    assert!(
        search_all(&server.base, "nsfw=both&stateOneOf=4")
            .await
            .is_empty()
    );
    let (s, _) = server
        .get("/api/v1/search/videos?nsfwFlagsExcluded=violent")
        .await;
    assert_eq!(s, 400, "flags are integers");
}
