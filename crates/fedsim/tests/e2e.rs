//! End to end: spawns the real `fedsim` binary and talks to it over loopback like a crawler would.

// Test helpers outside #[test] functions are not covered by clippy.toml's allow-in-tests.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The spawned binary, killed on drop.
struct Fedsim {
    child: Child,
    info: Value,
}

impl Drop for Fedsim {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn spawn(args: &[&str]) -> Fedsim {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fedsim"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn fedsim");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("first line");
    let info: Value = serde_json::from_str(&line).expect("first line is JSON");
    Fedsim { child, info }
}

fn client(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(timeout)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("fedsim-e2e/1.0")
        .build()
        .expect("client")
}

async fn get_json(c: &reqwest::Client, url: &str) -> Value {
    let r = c
        .get(url)
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {url}: {e}"));
    assert!(r.status().is_success(), "GET {url}: {}", r.status());
    r.json().await.unwrap_or_else(|e| panic!("GET {url}: {e}"))
}

fn instance_by_kind<'a>(info: &'a Value, kind: &str) -> &'a Value {
    info["instances"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["hostile"] == json!(kind))
        .unwrap_or_else(|| panic!("no {kind} instance"))
}

const KINDS: &str = "slow-drip,timeout,server-error,invalid-json,huge-chunked,huge-length,length-lie,redirect-decoy,redirect-private,bad-urls,markup,absurd-numbers,uuid-clash,endless";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn federation_end_to_end() {
    let sim = spawn(&[
        "--peertube-instances",
        "20",
        "--seed",
        "11",
        "--videos-per-instance",
        "40",
        "--hostile-kinds",
        KINDS,
        "--huge-body-mib",
        "64",
        "--drip-interval-ms",
        "200",
    ]);
    let info = &sim.info;
    let c = client(Duration::from_secs(10));
    let instances = info["instances"].as_array().unwrap();
    assert_eq!(instances.len(), 20);
    let decoy = info["decoy"].as_str().unwrap();
    assert!(instances.iter().all(|i| i["host"] != json!(decoy)));
    assert_eq!(
        instances.iter().filter(|i| i["hostile"].is_null()).count(),
        6
    );

    // The instance list, with paging.
    let list_url = info["peertube_list"].as_str().unwrap();
    let list = get_json(&c, list_url).await;
    assert_eq!(list["total"], json!(20));
    let hosts: Vec<&str> = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["host"].as_str().unwrap())
        .collect();
    assert_eq!(hosts.len(), 20);
    assert!(hosts.iter().all(|h| h.starts_with("127.0.0.1:")));
    assert!(!hosts.contains(&decoy));
    let tail = get_json(&c, &format!("{list_url}?start=18&count=5")).await;
    assert_eq!(tail["data"].as_array().unwrap().len(), 2);

    // A healthy instance: page its local videos.
    let healthy = instances
        .iter()
        .find(|i| i["hostile"].is_null() && i["local_videos"].as_u64().unwrap() >= 10)
        .unwrap();
    let host = healthy["host"].as_str().unwrap();
    let base = healthy["base_url"].as_str().unwrap();
    let expected = healthy["local_videos"].as_u64().unwrap() as usize;
    let config = get_json(&c, &format!("{base}/api/v1/config")).await;
    assert_eq!(config["serverVersion"], json!("6.3.0"));
    assert!(config["instance"]["name"].is_string());
    let mut seen = Vec::new();
    let mut start = 0;
    loop {
        let page = get_json(&c, &format!("{base}/api/v1/videos?start={start}&count=7&sort=-publishedAt&isLocal=true&nsfw=both&skipCount=true")).await;
        let data = page["data"].as_array().unwrap();
        for v in data {
            assert!(v.get("tags").is_none(), "list items have no tags");
            assert!(v["truncatedDescription"].is_string());
            assert_eq!(v["isLocal"], json!(true));
            assert_eq!(v["account"]["host"], json!(host));
            assert!(v["url"].as_str().unwrap().starts_with(base));
            assert!(
                v["thumbnailPath"]
                    .as_str()
                    .unwrap()
                    .starts_with("/lazy-static/thumbnails/")
            );
            assert!(v["publishedAt"].as_str().unwrap().ends_with('Z'));
            assert!(v["category"].is_object() && v["privacy"]["label"] == json!("Public"));
            seen.push(v.clone());
        }
        if data.len() < 7 {
            break;
        }
        start += 7;
    }
    assert_eq!(seen.len(), expected);
    let mut uuids: Vec<&str> = seen.iter().map(|v| v["uuid"].as_str().unwrap()).collect();
    let dates: Vec<&str> = seen
        .iter()
        .map(|v| v["publishedAt"].as_str().unwrap())
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "sorted by -publishedAt"
    );
    uuids.sort_unstable();
    uuids.dedup();
    assert_eq!(uuids.len(), expected);

    // The truth listing agrees.
    let truth = get_json(
        &c,
        &format!(
            "{}/instances/{host}/videos",
            info["control"].as_str().unwrap()
        ),
    )
    .await;
    let truth_local = truth["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["isLocal"] == json!(true))
        .count();
    assert_eq!(truth_local, expected);

    // Details: tags and full description; by uuid, shortUUID and id.
    let first = &seen[0];
    for key in ["uuid", "shortUUID", "id"] {
        let id = match &first[key] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let d = get_json(&c, &format!("{base}/api/v1/videos/{id}")).await;
        assert_eq!(d["uuid"], first["uuid"]);
        assert!(d["tags"].is_array());
        assert!(d["description"].is_string());
        assert!(d["channel"]["ownerAccount"].is_object());
    }
    let missing = c
        .get(format!(
            "{base}/api/v1/videos/00000000-0000-4000-8000-000000000000"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);

    // Validation like PeerTube 6.
    let r = c
        .get(format!("{base}/api/v1/videos?count=101"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = c
        .get(format!("{base}/api/v1/videos?filter=local"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);

    // Images are real.
    let thumb = c
        .get(format!(
            "{base}{}",
            first["thumbnailPath"].as_str().unwrap()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(thumb.headers()["content-type"], "image/jpeg");
    assert_eq!(&thumb.bytes().await.unwrap()[..2], &[0xFF, 0xD8]);
    let avatar_url = first["account"]["avatars"][0]["fileUrl"].as_str().unwrap();
    let avatar = c.get(avatar_url).send().await.unwrap();
    assert_eq!(avatar.headers()["content-type"], "image/png");
    assert_eq!(&avatar.bytes().await.unwrap()[..4], b"\x89PNG");

    // Channels, playlists, accounts.
    let ch_name = first["channel"]["name"].as_str().unwrap();
    let ch = get_json(&c, &format!("{base}/api/v1/video-channels/{ch_name}")).await;
    assert!(ch["followersCount"].is_number() && ch["ownerAccount"]["name"].is_string());
    let ch_videos = get_json(
        &c,
        &format!("{base}/api/v1/video-channels/{ch_name}/videos?start=0&count=0"),
    )
    .await;
    assert!(ch_videos["total"].as_u64().unwrap() >= 1);
    get_json(
        &c,
        &format!("{base}/api/v1/video-channels/{ch_name}/video-playlists?start=0&count=10"),
    )
    .await;
    let channels = get_json(
        &c,
        &format!("{base}/api/v1/video-channels?start=0&count=100"),
    )
    .await;
    assert!(channels["total"].as_u64().unwrap() >= 1);
    get_json(
        &c,
        &format!("{base}/api/v1/video-playlists?start=0&count=10&playlistType=1"),
    )
    .await;
    let acc = get_json(
        &c,
        &format!(
            "{base}/api/v1/accounts/{}",
            first["account"]["name"].as_str().unwrap()
        ),
    )
    .await;
    assert_eq!(acc["host"], json!(host));
    get_json(&c, &format!("{base}/.well-known/nodeinfo")).await;

    // Some instance lists remote videos when isLocal is not given.
    let mut remote_found = false;
    for i in instances.iter().filter(|i| i["hostile"].is_null()) {
        let b = i["base_url"].as_str().unwrap();
        let all = get_json(
            &c,
            &format!("{b}/api/v1/videos?count=100&nsfw=both&sort=-publishedAt"),
        )
        .await;
        remote_found |= all["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["isLocal"] == json!(false) && v["account"]["host"] != i["host"]);
    }
    assert!(remote_found, "some healthy instance shows remote videos");

    // Control: add, edit, delete a video.
    let ctl = info["control"].as_str().unwrap();
    let added: Value = c
        .post(format!("{ctl}/instances/{host}/videos"))
        .json(&json!({"name": "Zebra lanterns e2e", "tags": ["zebra", "lantern"], "channel": ch_name}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let uuid = added["uuid"].as_str().unwrap().to_string();
    let d = get_json(&c, &format!("{base}/api/v1/videos/{uuid}")).await;
    assert_eq!(d["name"], json!("Zebra lanterns e2e"));
    assert_eq!(d["tags"], json!(["zebra", "lantern"]));
    let newest = get_json(
        &c,
        &format!("{base}/api/v1/videos?count=1&sort=-publishedAt&isLocal=true&nsfw=both"),
    )
    .await;
    assert_eq!(newest["data"][0]["uuid"], json!(uuid));
    let r = c
        .patch(format!("{ctl}/instances/{host}/videos/{uuid}"))
        .json(&json!({"name": "Zebra lanterns renamed", "tags": ["renamed"]}))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let d2 = get_json(&c, &format!("{base}/api/v1/videos/{uuid}")).await;
    assert_eq!(d2["name"], json!("Zebra lanterns renamed"));
    assert_eq!(d2["tags"], json!(["renamed"]));
    assert!(d2["updatedAt"].as_str().unwrap() > d["updatedAt"].as_str().unwrap());
    let r = c
        .delete(format!("{ctl}/instances/{host}/videos/{uuid}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let r = c
        .get(format!("{base}/api/v1/videos/{uuid}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);

    // Control: add a channel, put a video in it, edit it, delete it (and its videos).
    let r = c
        .post(format!("{ctl}/instances/{host}/channels"))
        .json(&json!({"name": "e2e_channel", "displayName": "E2E channel"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let in_channel: Value = c
        .post(format!("{ctl}/instances/{host}/videos"))
        .json(&json!({"channel": "e2e_channel"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let ch_list = get_json(
        &c,
        &format!("{base}/api/v1/video-channels/e2e_channel/videos?nsfw=both"),
    )
    .await;
    assert_eq!(ch_list["data"][0]["uuid"], in_channel["uuid"]);
    let r = c
        .patch(format!("{ctl}/instances/{host}/channels/e2e_channel"))
        .json(&json!({"displayName": "Renamed channel"}))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let ch = get_json(&c, &format!("{base}/api/v1/video-channels/e2e_channel")).await;
    assert_eq!(ch["displayName"], json!("Renamed channel"));
    let r = c
        .delete(format!("{ctl}/instances/{host}/channels/e2e_channel"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let r = c
        .get(format!("{base}/api/v1/video-channels/e2e_channel"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let r = c
        .get(format!(
            "{base}/api/v1/videos/{}",
            in_channel["uuid"].as_str().unwrap()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);

    // Down and up.
    c.post(format!("{ctl}/instances/{host}/down"))
        .send()
        .await
        .unwrap();
    let down = client(Duration::from_secs(2))
        .get(format!("{base}/api/v1/config"))
        .send()
        .await;
    assert!(down.is_err(), "a down instance is unreachable");
    c.post(format!("{ctl}/instances/{host}/up"))
        .send()
        .await
        .unwrap();
    let mut up = false;
    for _ in 0..20 {
        if c.get(format!("{base}/api/v1/config")).send().await.is_ok() {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(up, "the instance comes back up");

    hostile_kinds_misbehave(info).await;

    // The request log saw our requests (with our user agent) and nothing reached the decoy.
    let log = get_json(&c, &format!("{ctl}/requests?host={host}")).await;
    let entries = log["data"].as_array().unwrap();
    assert!(entries.iter().any(|e| {
        e["path"]
            .as_str()
            .unwrap()
            .starts_with("/api/v1/videos?start=0&count=7")
            && e["user_agent"] == json!("fedsim-e2e/1.0")
            && e["method"] == json!("GET")
    }));
    let decoy_log = get_json(&c, &format!("{ctl}/requests?host={decoy}")).await;
    assert_eq!(decoy_log["total"], json!(0));
    let timeout_host = instance_by_kind(info, "timeout")["host"].as_str().unwrap();
    let raw_log = get_json(&c, &format!("{ctl}/requests?host={timeout_host}")).await;
    assert!(
        raw_log["total"].as_u64().unwrap() >= 1,
        "raw hostile listeners log too"
    );
    let r = c.delete(format!("{ctl}/requests")).send().await.unwrap();
    assert_eq!(r.status(), 204);
    let after = get_json(&c, &format!("{ctl}/requests?host={host}")).await;
    assert_eq!(after["total"], json!(0));
}

async fn hostile_kinds_misbehave(info: &Value) {
    let quick = client(Duration::from_millis(1500));
    let base = |k: &str| {
        instance_by_kind(info, k)["base_url"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let videos = |k: &str| format!("{}/api/v1/videos?start=0&count=10&isLocal=true", base(k));

    let e = quick.get(videos("timeout")).send().await.unwrap_err();
    assert!(e.is_timeout(), "{e}");

    let r = quick.get(videos("slow-drip")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let e = r.bytes().await.unwrap_err();
    assert!(e.is_timeout(), "{e}");

    let r = quick.get(videos("server-error")).send().await.unwrap();
    assert!(r.status().is_server_error());

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Page {
        total: u64,
        data: Vec<Value>,
    }
    for _ in 0..8 {
        let body = quick
            .get(videos("invalid-json"))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        assert!(serde_json::from_slice::<Page>(&body).is_err());
    }

    let r = quick.get(videos("redirect-decoy")).send().await.unwrap();
    assert!(r.status().is_redirection());
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .contains(info["decoy"].as_str().unwrap())
    );
    for _ in 0..3 {
        let r = quick.get(videos("redirect-private")).send().await.unwrap();
        assert!(r.status().is_redirection());
        let loc = r.headers()["location"].to_str().unwrap().to_string();
        assert!(
            loc.starts_with("http://10.") || loc.starts_with("http://169.254."),
            "{loc}"
        );
    }

    let slow = client(Duration::from_secs(20));
    let mut r = slow.get(videos("huge-chunked")).send().await.unwrap();
    assert_eq!(r.content_length(), None);
    let mut got = 0usize;
    while let Some(chunk) = r.chunk().await.unwrap() {
        got += chunk.len();
        if got > 8 << 20 {
            break;
        }
    }
    assert!(got > 8 << 20, "huge-chunked streams more than 8 MiB");
    drop(r);
    let r = slow.get(videos("huge-length")).send().await.unwrap();
    assert_eq!(r.content_length(), Some(64 << 20));
    drop(r);
    let r = slow.get(videos("length-lie")).send().await.unwrap();
    assert_eq!(r.content_length(), Some(1000));
    drop(r);

    let c = client(Duration::from_secs(10));
    let decoy = info["decoy"].as_str().unwrap();
    let bad = get_json(&c, &videos("bad-urls")).await;
    let text = bad.to_string();
    assert!(text.contains("javascript:") && text.contains(decoy));

    let markup = get_json(&c, &videos("markup")).await;
    let first = &markup["data"][0];
    assert!(first["description"].as_str().unwrap().len() >= 1 << 20);
    assert!(markup.to_string().contains("<script>") || markup.to_string().contains("onerror"));

    let absurd = get_json(&c, &videos("absurd-numbers")).await;
    let v = &absurd["data"][0];
    assert_eq!(v["id"], json!(u64::MAX));
    assert!(v["duration"].as_f64().unwrap() < 0.0 || v["duration"].as_f64().unwrap() > 1e200);

    let clash = get_json(&c, &videos("uuid-clash")).await;
    let healthy = info["instances"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["hostile"].is_null())
        .unwrap();
    let truth = get_json(
        &c,
        &format!(
            "{}/instances/{}/videos",
            info["control"].as_str().unwrap(),
            healthy["host"].as_str().unwrap()
        ),
    )
    .await;
    let owned: Vec<&Value> = truth["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| &v["uuid"])
        .collect();
    assert!(
        clash["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| owned.contains(&&v["uuid"]))
    );

    let endless = get_json(
        &c,
        &format!(
            "{}/api/v1/videos?start=5000&count=100&isLocal=true",
            base("endless")
        ),
    )
    .await;
    assert_eq!(endless["data"].as_array().unwrap().len(), 100);
    assert!(endless["total"].as_u64().unwrap() > 5100);
}

/// Instance i's content depends on the seed and i only, not on the instance count or hostility.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn content_is_deterministic_and_independent_of_instance_count() {
    let c = client(Duration::from_secs(10));
    let local_truth = |info: Value, index: usize| {
        let c = c.clone();
        async move {
            let host = info["instances"][index]["host"]
                .as_str()
                .unwrap()
                .to_string();
            let truth = get_json(
                &c,
                &format!(
                    "{}/instances/{host}/videos",
                    info["control"].as_str().unwrap()
                ),
            )
            .await;
            truth["data"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|v| v["isLocal"] == json!(true))
                .map(|v| {
                    (
                        v["uuid"].clone(),
                        v["name"].clone(),
                        v["tags"].clone(),
                        v["publishedAt"].clone(),
                    )
                })
                .collect::<Vec<_>>()
        }
    };
    let a = spawn(&[
        "--peertube-instances",
        "3",
        "--seed",
        "5",
        "--videos-per-instance",
        "30",
    ]);
    let b = spawn(&[
        "--peertube-instances",
        "8",
        "--seed",
        "5",
        "--videos-per-instance",
        "30",
        "--hostile",
        "1",
    ]);
    let other = spawn(&[
        "--peertube-instances",
        "3",
        "--seed",
        "6",
        "--videos-per-instance",
        "30",
    ]);
    let ta = local_truth(a.info.clone(), 2).await;
    let tb = local_truth(b.info.clone(), 2).await;
    let tc = local_truth(other.info.clone(), 2).await;
    assert!(!ta.is_empty());
    assert_eq!(ta, tb);
    assert_ne!(ta, tc);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_instance_serves_the_shapes_of_its_release() {
    let sim = spawn(&[
        "--peertube-instances",
        "8",
        "--seed",
        "5",
        "--videos-per-instance",
        "30",
    ]);
    let c = client(Duration::from_secs(10));
    let mut seen = std::collections::BTreeSet::new();
    for inst in sim.info["instances"].as_array().unwrap() {
        let base = inst["base_url"].as_str().unwrap();
        let host = inst["host"].as_str().unwrap();
        let version = inst["version"].as_str().unwrap().to_string();
        let config = get_json(&c, &format!("{base}/api/v1/config")).await;
        assert_eq!(config["serverVersion"], json!(version));
        let videos = get_json(&c, &format!("{base}/api/v1/videos?count=100&nsfw=both")).await;
        let channels = get_json(&c, &format!("{base}/api/v1/video-channels?count=100")).await;
        let playlists = get_json(
            &c,
            &format!("{base}/api/v1/video-playlists?count=100&playlistType=1"),
        )
        .await;
        let new = version == "8.2.0";
        for v in videos["data"].as_array().unwrap() {
            assert_eq!(v["thumbnailPath"].is_string(), !new, "{v}");
            assert_eq!(v["nsfwFlags"].is_number(), new, "{v}");
            if new {
                for t in v["thumbnails"].as_array().unwrap() {
                    assert!(t["width"].as_u64().unwrap() > 0);
                    let u = t["fileUrl"].as_str().unwrap();
                    assert!(u.starts_with(&format!("http://{host}/")), "{u}");
                    let r = c.get(u).send().await.unwrap();
                    assert_eq!(r.status().as_u16(), 200, "{u}");
                }
                if v["language"]["id"].is_string() {
                    assert!(v["language"]["label"].as_str().unwrap().contains('('));
                }
                if v["nsfwFlags"] != json!(0) {
                    assert_eq!(v["nsfw"], json!(true));
                    assert!(v["nsfwSummary"].is_string());
                }
            } else {
                assert!(v.get("thumbnails").is_none());
            }
        }
        for ch in channels["data"].as_array().unwrap() {
            assert_eq!(ch["videosCount"].is_number(), new, "{ch}");
        }
        for p in playlists["data"].as_array().unwrap() {
            assert_eq!(p["thumbnails"].is_array(), new, "{p}");
        }
        seen.insert(version);
    }
    assert_eq!(seen.len(), 2, "both releases among 8 instances: {seen:?}");
    // The knob: every instance on one release.
    let only = spawn(&["--peertube-instances", "3", "--peertube-version", "8.2"]);
    for inst in only.info["instances"].as_array().unwrap() {
        assert_eq!(inst["version"], json!("8.2.0"));
    }
}

/// Avatar changes keep every `updatedAt` and give new paths (the old files
/// 404, as on PeerTube); account renames bump the account's `updatedAt`
/// only. Both show in every embedded copy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn avatar_changes_and_account_renames() {
    let sim = spawn(&["--peertube-instances", "1", "--seed", "5", "--no-remote"]);
    let info = &sim.info;
    let c = client(Duration::from_secs(10));
    let base = info["instances"][0]["base_url"].as_str().unwrap();
    let host = info["instances"][0]["host"].as_str().unwrap();
    let ctl = info["control"].as_str().unwrap();
    let video = &get_json(&c, &format!("{base}/api/v1/videos?count=1&nsfw=both")).await["data"][0];
    let ch_name = video["channel"]["name"].as_str().unwrap().to_string();
    let acc_name = video["account"]["name"].as_str().unwrap().to_string();
    let before = get_json(&c, &format!("{base}/api/v1/video-channels/{ch_name}")).await;
    let old_path = before["avatars"][0]["path"].as_str().unwrap().to_string();
    let fetch = |path: String| {
        let c = c.clone();
        async move {
            c.get(format!("{base}{path}"))
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(fetch(old_path.clone()).await, 200);

    let r = c
        .post(format!("{ctl}/instances/{host}/channels/{ch_name}/avatar"))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let after = get_json(&c, &format!("{base}/api/v1/video-channels/{ch_name}")).await;
    assert_eq!(after["updatedAt"], before["updatedAt"]);
    let new_path = after["avatars"][0]["path"].as_str().unwrap().to_string();
    assert_ne!(new_path, old_path);
    assert_eq!(fetch(old_path).await, 404);
    assert_eq!(fetch(new_path.clone()).await, 200);
    let v2 = get_json(
        &c,
        &format!("{base}/api/v1/videos/{}", video["uuid"].as_str().unwrap()),
    )
    .await;
    assert_eq!(v2["channel"]["avatars"][0]["path"], json!(new_path));
    assert_eq!(v2["updatedAt"], video["updatedAt"]);
    // Deterministic: a second change gives the next version.
    c.post(format!("{ctl}/instances/{host}/channels/{ch_name}/avatar"))
        .send()
        .await
        .unwrap();
    let again = get_json(&c, &format!("{base}/api/v1/video-channels/{ch_name}")).await;
    assert!(
        again["avatars"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("-v2.png")
    );

    // Accounts: a new avatar, then a new display name.
    let acc = get_json(&c, &format!("{base}/api/v1/accounts/{acc_name}")).await;
    let r = c
        .post(format!("{ctl}/instances/{host}/accounts/{acc_name}/avatar"))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let acc2 = get_json(&c, &format!("{base}/api/v1/accounts/{acc_name}")).await;
    assert_eq!(acc2["updatedAt"], acc["updatedAt"]);
    assert_ne!(acc2["avatars"][0]["path"], acc["avatars"][0]["path"]);
    let r = c
        .patch(format!("{ctl}/instances/{host}/accounts/{acc_name}"))
        .json(&json!({"displayName": "Renamed account"}))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let acc3 = get_json(&c, &format!("{base}/api/v1/accounts/{acc_name}")).await;
    assert_eq!(acc3["displayName"], json!("Renamed account"));
    assert!(acc3["updatedAt"].as_str().unwrap() > acc["updatedAt"].as_str().unwrap());
    let ch3 = get_json(&c, &format!("{base}/api/v1/video-channels/{ch_name}")).await;
    assert_eq!(ch3["ownerAccount"]["displayName"], json!("Renamed account"));
    assert_eq!(ch3["updatedAt"], before["updatedAt"]);
    let list = get_json(&c, &format!("{base}/api/v1/videos?count=100&nsfw=both")).await;
    for v in list["data"].as_array().unwrap() {
        if v["account"]["name"] == json!(acc_name) {
            assert_eq!(v["account"]["displayName"], json!("Renamed account"));
            assert_eq!(v["account"]["avatars"], acc2["avatars"]);
        }
    }
    let r = c
        .patch(format!("{ctl}/instances/{host}/accounts/nobody_here"))
        .json(&json!({"displayName": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
}
