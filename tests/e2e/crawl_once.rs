//! Issue 3, points 1 and 5: `sepiola crawl --once` over a simulated
//! federation of 26 instances, 12 of them hostile, then the API returns
//! every video, channel and playlist of the healthy instances with the
//! fields fedsim says they have, nothing invalid from the hostile ones, no
//! request ever reaches the decoy, the hostile ones cost no more than the
//! timeouts, and a uuid another instance already owns is refused.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use crate::harness::Server;
use crate::harness::fedsim::{Fed, api_all, crawl_once, crawl_toml};
use serde_json::{Value, json};

const HOSTILE: &[&str] = &[
    "slow-drip",
    "timeout",
    "huge-chunked",
    "length-lie",
    "redirect-decoy",
    "redirect-private",
    "bad-urls",
    "markup",
    "absurd-numbers",
    "invalid-json",
    "endless",
    "uuid-clash",
];

fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// Every URL of a document is on its host; no control or bidi characters.
fn assert_clean(doc: &Value, host: &str) {
    let origin = format!("http://{host}/");
    for k in ["url", "embedUrl", "thumbnailUrl", "previewUrl"] {
        if let Some(u) = doc[k].as_str() {
            assert!(u.starts_with(&origin), "{k} {u} not on {host}");
        }
    }
    for actor in ["account", "channel", "ownerAccount", "videoChannel"] {
        let a = &doc[actor];
        if a.is_object() {
            assert_eq!(a["host"], json!(host), "{actor} of {doc}");
            assert!(a["url"].as_str().unwrap().starts_with(&origin));
            for av in a["avatars"].as_array().into_iter().flatten() {
                assert!(av["fileUrl"].as_str().unwrap().starts_with(&origin));
            }
        }
    }
    let mut all = Vec::new();
    strings(doc, &mut all);
    for s in all {
        assert!(
            !s.chars().any(|c| (c.is_control() && c != '\n' && c != '\t')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)),
            "control or bidi character in {s:?}"
        );
        assert!(
            !s.starts_with("javascript:") && !s.starts_with("data:"),
            "{s}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crawl_once_indexes_the_healthy_and_survives_the_hostile() {
    // A heavy test: one at a time (see harness::heavy).
    let _heavy = crate::harness::heavy().await;
    let fed = Fed::start(26, HOSTILE, 12.0, 7).await;
    let dir = tempfile::tempdir().unwrap();
    let clash = fed.hostile("uuid-clash");

    // Stage A: everything but the uuid-clash instance (denied in config).
    let toml = crawl_toml(&fed.list_url(), &format!("deny_hosts = [\"{clash}\"]\n"));
    let (out, took) = crawl_once(dir.path(), "a.toml", &toml).await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Some hosts failed (the hostile ones), some passed: exit status 2.
    assert_eq!(
        out.status.code(),
        Some(2),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("stage A ({took:?}):\n{stdout}");
    assert!(stdout.contains("crawl done"), "{stdout}");
    // Hostile hosts cost their timeouts (3 s, 2 retries of 5xx), run in
    // parallel with the rest: the whole crawl stays far below the sum.
    assert!(
        took < Duration::from_secs(60),
        "crawl took {took:?}: {stdout}"
    );
    for kind in [
        "slow-drip",
        "timeout",
        "huge-chunked",
        "redirect-decoy",
        "redirect-private",
    ] {
        let host = fed.hostile(kind);
        assert!(
            stdout.contains(&format!("failed: {host}")),
            "{kind} ({host}) did not fail: {stdout}"
        );
    }
    let private = fed.hostile("redirect-private");
    assert!(
        stdout
            .lines()
            .any(|l| l.contains(&private) && l.contains("redirect refused")),
        "{stdout}"
    );

    // Point 5: nothing ever reached the decoy (redirect-decoy and bad-urls
    // both point at it), and the denied host was never contacted.
    assert_eq!(fed.requests_to(&fed.decoy()).await, 0);
    assert_eq!(fed.requests_to(&clash).await, 0);
    let ua: BTreeSet<String> = fed
        .all_requests()
        .await
        .iter()
        .filter(|r| r["role"] == json!("instance"))
        .map(|r| r["user_agent"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(ua.len(), 1, "{ua:?}");
    assert!(ua.iter().next().unwrap().starts_with("sepiola/"), "{ua:?}");

    // Stage B: the uuid-clash instance joins; its videos reuse uuids the
    // first healthy instance already owns, and the first owner wins.
    let toml = crawl_toml(&fed.list_url(), "");
    let (out, _) = crawl_once(dir.path(), "b.toml", &toml).await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    eprintln!("stage B:\n{stdout}");
    assert!(!stdout.contains(&format!("failed: {clash}")), "{stdout}");
    assert!(fed.requests_to(&clash).await > 0);
    assert_eq!(fed.requests_to(&fed.decoy()).await, 0);

    // Serve what was crawled (with the same crawl config, so
    // /api/v1/instances reports the hosts).
    let server = Server::start(dir, &toml);
    let owner = fed.healthy()[0].clone();
    let owned = fed.local_videos(&owner).await;
    assert!(!owned.is_empty());
    for v in &owned {
        let uuid = v["uuid"].as_str().unwrap();
        let (s, hits) = server
            .get(&format!("/api/v1/search/videos?uuids={uuid}&nsfw=both"))
            .await;
        assert_eq!(s, 200);
        let hosts: Vec<&str> = hits["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["account"]["host"].as_str().unwrap())
            .collect();
        assert_eq!(
            hosts,
            vec![owner.as_str()],
            "uuid {uuid} duplicated or lost"
        );
    }
    let mut playlists_seen = 0;
    for host in fed.healthy() {
        let truth = fed.local_videos(&host).await;
        let got = api_all(&server.base, "videos", &host).await;
        let by_uuid: BTreeMap<String, &Value> = got
            .iter()
            .map(|v| (v["uuid"].as_str().unwrap().to_string(), v))
            .collect();
        // The per-host sets compared here prove something: each host has
        // videos, and is one host of several.
        assert!(!truth.is_empty(), "{host}: fedsim has no videos");
        assert!(fed.healthy().len() > 1);
        assert_eq!(got.len(), truth.len(), "{host}: video count");
        for t in &truth {
            let uuid = t["uuid"].as_str().unwrap();
            let g = by_uuid
                .get(uuid)
                .unwrap_or_else(|| panic!("{host}: {uuid} missing"));
            for k in [
                "name",
                "duration",
                "nsfw",
                "isLive",
                "publishedAt",
                "url",
                "embedPath",
                "shortUUID",
                "views",
                "likes",
            ] {
                assert_eq!(g[k], t[k], "{host} {uuid} {k}");
            }
            for k in ["category", "licence", "language"] {
                assert_eq!(g[k]["id"], t[k]["id"], "{host} {uuid} {k}");
            }
            assert_eq!(g["channel"]["name"], t["channel"]["name"]);
            assert_eq!(g["account"]["name"], t["account"]["name"]);
            let tags = |v: &Value| -> BTreeSet<String> {
                v["tags"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t.as_str().unwrap().to_lowercase())
                    .collect()
            };
            assert_eq!(
                tags(g),
                tags(t),
                "{host} {uuid} tags (details were fetched)"
            );
            let td = t["description"].as_str().unwrap_or_default();
            let gd = g["description"].as_str().unwrap_or_default();
            let n = gd.chars().count().min(200);
            assert_eq!(
                gd.chars().take(n).collect::<String>(),
                td.trim().chars().take(n).collect::<String>(),
                "{host} {uuid} description"
            );
            assert_clean(g, &host);
        }

        let truth: BTreeMap<String, Value> = fed
            .local_channels(&host)
            .await
            .into_iter()
            .map(|c| (c["name"].as_str().unwrap().to_string(), c))
            .collect();
        let got = api_all(&server.base, "video-channels", &host).await;
        let names: BTreeSet<String> = got
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_string())
            .collect();
        assert!(!truth.is_empty(), "{host}: fedsim has no channels");
        assert_eq!(names, truth.keys().cloned().collect(), "{host}: channels");
        for c in &got {
            let t = &truth[c["name"].as_str().unwrap()];
            assert_eq!(c["displayName"], t["displayName"]);
            assert_eq!(c["followersCount"], t["followersCount"]);
            assert_clean(c, &host);
        }

        let truth: BTreeMap<String, Value> = fed
            .local_playlists(&host)
            .await
            .into_iter()
            .map(|p| (p["uuid"].as_str().unwrap().to_string(), p))
            .collect();
        let got = api_all(&server.base, "video-playlists", &host).await;
        let uuids: BTreeSet<String> = got
            .iter()
            .map(|p| p["uuid"].as_str().unwrap().to_string())
            .collect();
        // Not every host has playlists: some have, checked after the loop.
        playlists_seen += truth.len();
        assert_eq!(uuids, truth.keys().cloned().collect(), "{host}: playlists");
        for p in &got {
            let t = &truth[p["uuid"].as_str().unwrap()];
            assert_eq!(p["displayName"], t["displayName"]);
            assert_eq!(p["videosLength"], t["videosLength"]);
            assert_clean(p, &host);
        }
    }

    assert!(playlists_seen > 0, "fedsim has no playlists at all");

    // Nothing invalid from the hostile ones: whatever they got in is clean.
    for (host, kind) in fed.hosts() {
        if kind.is_none() {
            continue;
        }
        for k in ["videos", "video-channels", "video-playlists"] {
            let docs = api_all(&server.base, k, &host).await;
            if matches!(
                kind.as_deref(),
                Some(
                    "slow-drip"
                        | "timeout"
                        | "huge-chunked"
                        | "redirect-decoy"
                        | "redirect-private"
                        | "invalid-json"
                        | "length-lie"
                )
            ) {
                assert!(docs.is_empty(), "{kind:?} {host} {k}: {}", docs.len());
            }
            for d in &docs {
                assert_clean(d, &host);
                if let Some(desc) = d["description"].as_str() {
                    assert!(desc.chars().count() <= 10_000);
                }
            }
        }
    }

    // /api/v1/instances: every host on the list with health and counts.
    let inst: Value = crate::harness::fedsim::client()
        .get(server.url("/api/v1/instances"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let by_host: BTreeMap<String, &Value> = inst["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["host"].as_str().unwrap().to_string(), i))
        .collect();
    assert_eq!(inst["total"], json!(26), "{inst}");
    for host in fed.healthy() {
        let i = by_host[&host];
        assert_eq!(i["health"], json!("ok"), "{i}");
        assert_eq!(i["serverVersion"], json!(fed.version(&host)));
        assert!(i["documents"].as_u64().unwrap() > 0, "{i}");
        assert_eq!(i["lastFullPass"]["ok"], json!(true));
        assert!(i["lastSuccess"].is_string());
    }
    let drip = by_host[&fed.hostile("slow-drip")];
    assert_eq!(drip["health"], json!("failing"));
    assert_eq!(drip["consecutiveFailures"], json!(2));
    assert!(
        drip["lastError"].as_str().unwrap().contains("timed out"),
        "{drip}"
    );
    assert!(drip["nextAttempt"].is_string());
}

/// `crawl --once` tells a script how the pass went: 0 when every host
/// passed, 1 when every host failed, 2 when some did (issue 17, point 3).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crawl_once_exit_status_says_whether_hosts_failed() {
    let _heavy = crate::harness::heavy().await;
    let fed = Fed::start(3, &[], 4.0, 5).await;
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = crawl_once(dir.path(), "ok.toml", &crawl_toml(&fed.list_url(), "")).await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("3 hosts ok, 0 failed"), "{stdout}");

    // Nothing listens on these ports: every host fails at once.
    let dead = dir.path().join("dead.txt");
    let closed: Vec<String> = (0..2)
        .map(|_| {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().to_string()
        })
        .collect();
    std::fs::write(&dead, closed.join("\n")).unwrap();
    let toml = crawl_toml(dead.to_str().unwrap(), "");
    let (out, _) = crawl_once(dir.path(), "dead.toml", &toml).await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    for h in &closed {
        assert!(stdout.contains(&format!("failed: {h}")), "{stdout}");
    }

    // One dead host among live ones: some failed.
    let mixed = dir.path().join("mixed.txt");
    let mut hosts = fed.healthy();
    hosts.push(closed[0].clone());
    std::fs::write(&mixed, hosts.join("\n")).unwrap();
    let toml = crawl_toml(mixed.to_str().unwrap(), "");
    let (out, _) = crawl_once(dir.path(), "mixed.toml", &toml).await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(
        stdout.contains(&format!("failed: {}", closed[0])),
        "{stdout}"
    );
}
