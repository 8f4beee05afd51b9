//! Issue 3, points 2 and 3: while `sepiola serve` crawls in the background
//! with a short quick interval, videos added, edited and deleted in fedsim
//! show up, change and disappear in the API within the interval; a host
//! written into the deny file disappears from results without a recrawl
//! (and is no longer contacted); a host removed from the instance list (a
//! local hosts file here) is purged at the next pass.

use std::time::Duration;

use crate::harness::fedsim::{Fed, api_all, client};
use crate::harness::{Server, eventually};
use serde_json::{Value, json};

async fn by_uuid(base: &str, uuid: &str) -> Vec<Value> {
    let v: Value = client()
        .get(format!(
            "{base}/api/v1/search/videos?uuids={uuid}&nsfw=both"
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["data"].as_array().cloned().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_keeps_fresh_and_obeys_the_lists() {
    // A heavy test: one at a time (see harness::heavy).
    let _heavy = crate::harness::heavy().await;
    let fed = Fed::start(4, &[], 8.0, 11).await;
    let hosts = fed.healthy();
    let (a, b, c) = (hosts[0].clone(), hosts[1].clone(), hosts[2].clone());
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("hosts.txt");
    let deny = dir.path().join("deny.txt");
    std::fs::write(&list, format!("# test list\n{}\n", hosts.join("\n"))).unwrap();
    std::fs::write(&deny, "# nobody denied yet\n").unwrap();
    let quick = Duration::from_secs(2);
    let toml = format!(
        "[crawl]\npeertube_list = \"{}\"\nscheme = \"http\"\nallow_private_addresses = true\n\
         per_host_delay_ms = 0\ntimeout_secs = 3\nquick_interval_secs = {}\nfull_interval_secs = 3600\n\
         [moderation]\ndeny_file = \"{}\"\n",
        list.display(),
        quick.as_secs(),
        deny.display()
    );
    let server = Server::start_logging(dir, &toml);
    let base = server.base.clone();

    // The first full passes.
    for h in &hosts {
        let want = fed.local_videos(h).await.len();
        assert!(
            want > 0,
            "fedsim has no videos on {h}: the check proves nothing"
        );
        eventually(
            &format!("first crawl of {h}"),
            Duration::from_secs(40),
            || {
                let (base, h) = (base.clone(), h.clone());
                async move { api_all(&base, "videos", &h).await.len() == want }
            },
        )
        .await;
    }
    // /metrics reports each crawled host as up, with its documents.
    let metrics = reqwest::get(format!("{base}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for h in &hosts {
        assert!(
            metrics
                .lines()
                .any(|l| l.starts_with("sepiola_crawl_host_up{")
                    && l.contains(h.as_str())
                    && l.ends_with(" 1")),
            "{h} not up in:\n{metrics}"
        );
    }
    // Every background pass logs one summary line (issue 17, point 3).
    eventually(
        "a summary line per host pass",
        Duration::from_secs(10),
        || {
            let log = server.log();
            let hosts = hosts.clone();
            async move {
                hosts.iter().all(|h| {
                    log.lines().any(|l| {
                        l.contains("host pass done")
                            && l.contains(h.as_str())
                            && l.contains("pass=\"full\"")
                            && l.contains("added=")
                    })
                })
            }
        },
    )
    .await;

    // Freshness: add, edit, delete on instance a.
    let (s, added) = fed
        .send(
            "POST",
            &format!("/instances/{a}/videos"),
            json!({"name": "Freshly uploaded zeppelin", "tags": ["fresh"]}),
        )
        .await;
    assert_eq!(s, 201, "{added}");
    let new_uuid = added["uuid"].as_str().unwrap().to_string();
    let existing = fed.local_videos(&a).await;
    let edited = existing[0]["uuid"].as_str().unwrap().to_string();
    let deleted = existing[1]["uuid"].as_str().unwrap().to_string();
    let (s, _) = fed
        .send(
            "PATCH",
            &format!("/instances/{a}/videos/{edited}"),
            json!({"name": "Renamed by its uploader"}),
        )
        .await;
    assert_eq!(s, 200);
    let (s, _) = fed
        .send(
            "DELETE",
            &format!("/instances/{a}/videos/{deleted}"),
            json!({}),
        )
        .await;
    assert_eq!(s, 204);
    // Within the quick interval, plus one scheduler tick and a commit.
    let deadline = quick + Duration::from_secs(6);
    let took = eventually("new video findable", deadline, || {
        let (base, u) = (base.clone(), new_uuid.clone());
        async move {
            by_uuid(&base, &u).await.first().is_some_and(|v| {
                v["name"] == json!("Freshly uploaded zeppelin") && v["tags"] == json!(["fresh"])
            })
        }
    })
    .await;
    eprintln!("new video findable after {took:?}");
    eventually("edit visible", deadline, || {
        let (base, u) = (base.clone(), edited.clone());
        async move {
            by_uuid(&base, &u)
                .await
                .first()
                .is_some_and(|v| v["name"] == json!("Renamed by its uploader"))
        }
    })
    .await;
    eventually("deleted video gone", deadline, || {
        let (base, u) = (base.clone(), deleted.clone());
        async move { by_uuid(&base, &u).await.is_empty() }
    })
    .await;
    let (_, found) = server
        .get("/api/v1/search/videos?search=zeppelin&nsfw=both")
        .await;
    assert!(found["total"].as_u64().unwrap() >= 1, "{found}");

    // Deny file: b disappears from results at once (query time), and the
    // crawler stops contacting it.
    assert!(!api_all(&base, "videos", &b).await.is_empty());
    std::fs::write(
        server.dir.path().join("deny.txt"),
        format!("{b} spam # reported\n"),
    )
    .unwrap();
    let took = eventually("denied host hidden", Duration::from_secs(8), || {
        let (base, b) = (base.clone(), b.clone());
        async move { api_all(&base, "videos", &b).await.is_empty() }
    })
    .await;
    eprintln!("denied host hidden after {took:?}");
    tokio::time::sleep(quick * 2).await;
    let before = fed.requests_to(&b).await;
    tokio::time::sleep(quick * 2).await;
    assert_eq!(
        fed.requests_to(&b).await,
        before,
        "a denied host is still crawled"
    );

    // The list loses c: purged at the next pass, and gone from /api/v1/instances.
    assert!(!api_all(&base, "videos", &c).await.is_empty());
    let kept: Vec<&String> = hosts.iter().filter(|h| **h != c).collect();
    let kept: Vec<&str> = kept.iter().map(|s| s.as_str()).collect();
    std::fs::write(server.dir.path().join("hosts.txt"), kept.join("\n")).unwrap();
    eventually(
        "removed host purged",
        quick * 2 + Duration::from_secs(6),
        || {
            let (base, c) = (base.clone(), c.clone());
            async move {
                api_all(&base, "videos", &c).await.is_empty()
                    && api_all(&base, "video-channels", &c).await.is_empty()
                    && api_all(&base, "video-playlists", &c).await.is_empty()
            }
        },
    )
    .await;
    let (_, inst) = server.get("/api/v1/instances").await;
    let listed: Vec<&str> = inst["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["host"].as_str().unwrap())
        .collect();
    assert!(!listed.contains(&c.as_str()), "{inst}");
    assert!(
        !listed.contains(&b.as_str()),
        "denied hosts are not on the list: {inst}"
    );
    assert!(listed.contains(&a.as_str()));
    let a_status = inst["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["host"] == json!(a))
        .unwrap();
    assert!(a_status["lastQuickPass"]["ok"] == json!(true), "{a_status}");
}
