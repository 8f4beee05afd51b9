//! Issue "Every client, unchanged, and every answer current": actor changes
//! reach the index. PeerTube keeps a channel's and an account's `updatedAt`
//! when its avatar changes, and never bumps the videos, playlists and
//! channels that embed them. After an avatar change (fedsim keeps every
//! `updatedAt`, and the old files 404) and after renames, every channel,
//! video and playlist answer carries the new avatar paths and names within
//! one full pass, and within one quick pass for a small host; nothing else
//! changes (same documents, same counts, same fields).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crate::harness::Server;
use crate::harness::fedsim::{Fed, api_all, client};
use serde_json::{Value, json};

/// Polls `check` until it answers `Ok` or `within` has passed.
async fn eventually<F, Fut>(what: &str, within: Duration, mut check: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<(), String>>,
{
    let start = Instant::now();
    loop {
        match check().await {
            Ok(()) => return start.elapsed(),
            Err(e) => assert!(
                start.elapsed() < within,
                "{what}: not within {within:?}: {e}"
            ),
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// An actor as clients see it: display name and avatar paths.
type Face = (Value, Vec<Value>);

fn face(a: &Value) -> Face {
    let paths = a["avatars"]
        .as_array()
        .map(|v| v.iter().map(|i| i["path"].clone()).collect())
        .unwrap_or_default();
    (a["displayName"].clone(), paths)
}

/// fedsim's truth for a host: channels and accounts by name.
async fn truth(fed: &Fed, host: &str) -> (BTreeMap<String, Face>, BTreeMap<String, Face>) {
    let (mut channels, mut accounts) = (BTreeMap::new(), BTreeMap::new());
    for c in fed.local_channels(host).await {
        channels.insert(c["name"].as_str().unwrap().to_string(), face(&c));
        let o = &c["ownerAccount"];
        accounts.insert(o["name"].as_str().unwrap().to_string(), face(o));
    }
    (channels, accounts)
}

/// Every answer of the host: videos, channels, playlists.
async fn answers(base: &str, host: &str) -> [Vec<Value>; 3] {
    [
        api_all(base, "videos", host).await,
        api_all(base, "video-channels", host).await,
        api_all(base, "video-playlists", host).await,
    ]
}

/// Whether every embedded actor of every answer shows what fedsim shows;
/// counts how many embedded copies were checked.
async fn current(fed: &Fed, base: &str, host: &str) -> Result<usize, String> {
    let (channels, accounts) = truth(fed, host).await;
    let [videos, chans, playlists] = answers(base, host).await;
    let mut checked = 0;
    let mut check = |what: &str, doc: &Value, field: &str, truth: &BTreeMap<String, Face>| {
        let a = &doc[field];
        if !a.is_object() {
            return Ok(());
        }
        let name = a["name"].as_str().unwrap_or_default();
        let want = truth
            .get(name)
            .ok_or(format!("{what}: unknown {field} {name}"))?;
        if &face(a) != want {
            return Err(format!(
                "{what} {}: {field} {name} is {:?}, fedsim says {want:?}",
                doc["url"],
                face(a)
            ));
        }
        checked += 1;
        Ok(())
    };
    for v in &videos {
        check("video", v, "channel", &channels)?;
        check("video", v, "account", &accounts)?;
    }
    for c in &chans {
        let name = c["name"].as_str().unwrap_or_default();
        if Some(&face(c)) != channels.get(name) {
            return Err(format!(
                "channel {name} is {:?}, fedsim says {:?}",
                face(c),
                channels.get(name)
            ));
        }
        check("channel", c, "ownerAccount", &accounts)?;
    }
    for p in &playlists {
        check("playlist", p, "ownerAccount", &accounts)?;
        check("playlist", p, "videoChannel", &channels)?;
    }
    Ok(checked)
}

/// The answers without their embedded actors, by url: what must not change.
async fn the_rest(base: &str, host: &str) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for docs in answers(base, host).await {
        for mut d in docs {
            let Some(o) = d.as_object_mut() else { continue };
            for k in [
                "channel",
                "account",
                "ownerAccount",
                "videoChannel",
                "avatars",
                "avatar",
                "displayName",
            ] {
                o.remove(k);
            }
            out.insert(d["url"].as_str().unwrap_or_default().to_string(), d);
        }
    }
    out
}

async fn instance_status(base: &str, host: &str) -> Value {
    let v: Value = client()
        .get(format!("{base}/api/v1/instances"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["host"] == json!(host))
        .cloned()
        .unwrap_or(Value::Null)
}

/// The biggest healthy host, a channel of it with videos and that
/// channel's owner account.
async fn pick(fed: &Fed) -> (String, String, String) {
    let mut best = (0, String::new());
    for h in fed.healthy() {
        let n = fed.local_videos(&h).await.len();
        if n > best.0 {
            best = (n, h);
        }
    }
    let host = best.1;
    let videos = fed.local_videos(&host).await;
    let v = &videos[0];
    let channel = v["channel"]["name"].as_str().unwrap().to_string();
    let account = v["account"]["name"].as_str().unwrap().to_string();
    (host, channel, account)
}

/// Both kinds of change, each checked against fedsim's truth within
/// `within`: avatars (every `updatedAt` kept), then renames.
async fn change_and_check(fed: &Fed, base: &str, within: Duration) -> (String, Value) {
    let (host, channel, account) = pick(fed).await;
    // The first crawl: everything current, and the check checks something.
    eventually("first crawl", Duration::from_secs(40), || async {
        let n = current(fed, base, &host).await?;
        let want = fed.local_videos(&host).await.len();
        let got = api_all(base, "videos", &host).await.len();
        (n > 0 && got == want)
            .then_some(())
            .ok_or(format!("{got} of {want} videos, {n} copies"))
    })
    .await;
    let status = instance_status(base, &host).await;
    let before = the_rest(base, &host).await;
    let old_channel = answers(base, &host).await[1]
        .iter()
        .find(|c| c["name"] == json!(channel))
        .cloned()
        .unwrap();
    let old_path = old_channel["avatars"][0]["path"]
        .as_str()
        .unwrap()
        .to_string();

    // Avatars: PeerTube keeps every `updatedAt`.
    let (s, _) = fed
        .send(
            "POST",
            &format!("/instances/{host}/channels/{channel}/avatar"),
            json!({}),
        )
        .await;
    assert_eq!(s, 200);
    let (s, _) = fed
        .send(
            "POST",
            &format!("/instances/{host}/accounts/{account}/avatar"),
            json!({}),
        )
        .await;
    assert_eq!(s, 200);
    let took = eventually("new avatars everywhere", within, || async {
        current(fed, base, &host).await.map(|_| ())
    })
    .await;
    eprintln!("new avatars everywhere after {took:?}");
    for docs in answers(base, &host).await {
        for d in docs {
            let text = d.to_string();
            assert!(
                !text.contains(&format!("{old_path}\"")),
                "{old_path} (404 now) still answered in {text}"
            );
        }
    }

    assert_eq!(
        the_rest(base, &host).await,
        before,
        "something else changed"
    );

    // Renames: the channel's `updatedAt` moves, its videos' do not; the
    // account's moves, its channels' and videos' do not.
    let (s, _) = fed
        .send(
            "PATCH",
            &format!("/instances/{host}/channels/{channel}"),
            json!({"displayName": "Quokka Lighthouse"}),
        )
        .await;
    assert_eq!(s, 200);
    let (s, _) = fed
        .send(
            "PATCH",
            &format!("/instances/{host}/accounts/{account}"),
            json!({"displayName": "Narwhal Orchestra"}),
        )
        .await;
    assert_eq!(s, 200);
    let took = eventually("new names everywhere", within, || async {
        current(fed, base, &host).await.map(|_| ())
    })
    .await;
    eprintln!("new names everywhere after {took:?}");
    let mut after = the_rest(base, &host).await;
    // The renamed channel's own answer moved its `updatedAt` (and only that).
    for (url, d) in after.iter_mut() {
        if d["name"] == json!(channel) && d["uuid"].is_null() {
            d["updatedAt"] = before[url]["updatedAt"].clone();
        }
    }
    assert_eq!(after, before, "something else changed");
    // Names are searched: the new ones find the videos embedding them.
    for (q, field, name) in [
        ("quokka lighthouse", "channel", &channel),
        ("narwhal orchestra", "account", &account),
    ] {
        let want = api_all(base, "videos", &host)
            .await
            .iter()
            .filter(|v| v[field]["name"] == json!(name))
            .count();
        let v: Value = client()
            .get(format!(
                "{base}/api/v1/search/videos?search={q}&nsfw=both&count=100"
            ))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let found = v["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v[field]["name"] == json!(name))
            .count();
        assert!(
            want > 0 && found == want,
            "{q}: {found} of {want} videos found"
        );
    }
    (host, status)
}

fn toml(fed: &Fed, quick: u64, full: u64) -> String {
    format!(
        "[crawl]\npeertube_list = \"{}\"\nscheme = \"http\"\nallow_private_addresses = true\n\
         per_host_delay_ms = 0\ntimeout_secs = 3\nquick_interval_secs = {quick}\nfull_interval_secs = {full}\n",
        fed.list_url()
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn actor_changes_reach_every_answer_within_one_full_pass() {
    let _heavy = crate::harness::heavy().await;
    let fed = Fed::start(2, &[], 12.0, 21).await;
    // Every pass is a full one: full passes every 2 s, quick ones never.
    let server = Server::start(tempfile::tempdir().unwrap(), &toml(&fed, 3600, 2));
    let (host, _) = change_and_check(&fed, &server.base, Duration::from_secs(20)).await;
    let status = instance_status(&server.base, &host).await;
    assert!(
        status["lastQuickPass"].is_null(),
        "a quick pass ran: {status}"
    );
    assert_eq!(status["lastFullPass"]["ok"], json!(true), "{status}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn actor_changes_reach_every_answer_within_one_quick_pass_on_a_small_host() {
    let _heavy = crate::harness::heavy().await;
    let fed = Fed::start(2, &[], 12.0, 22).await;
    // One full pass at start, then quick passes every 2 s (the hosts are
    // far below `quick_full_below`).
    let quick = Duration::from_secs(2);
    let server = Server::start(
        tempfile::tempdir().unwrap(),
        &toml(&fed, quick.as_secs(), 3600),
    );
    let (host, before) = change_and_check(&fed, &server.base, quick + Duration::from_secs(8)).await;
    let status = instance_status(&server.base, &host).await;
    assert_eq!(
        status["lastFullPass"], before["lastFullPass"],
        "a full pass ran: the quick passes were not tested"
    );
    assert_eq!(status["lastQuickPass"]["ok"], json!(true), "{status}");
}
