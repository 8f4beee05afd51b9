//! Issue 3, point 4: `kill -9` in the middle of `sepiola crawl --once`, then
//! a restart: the index opens, every host the crawl state said was done is
//! still fully in the index (nothing committed is lost), and the second run
//! completes the crawl.

use std::collections::BTreeMap;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::Server;
use crate::harness::fedsim::{Fed, crawl_once, crawl_toml, sepiola_async};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_during_crawl_loses_nothing_committed() {
    // A heavy test: one at a time (see harness::heavy).
    let _heavy = crate::harness::heavy().await;
    let fed = Fed::start(8, &[], 40.0, 23).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // Slow enough to be killed half-way, even on a loaded machine: two hosts at
    // a time, 60 ms between requests (about 3 s a host, 11 s in all).
    let toml = crawl_toml(&fed.list_url(), "per_host_delay_ms = 60\nconcurrency = 2\n")
        .replace("per_host_delay_ms = 0\n", "")
        .replace("concurrency = 8\n", "");
    let config = dir.path().join("kill.toml");
    std::fs::write(&config, &toml).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sepiola"))
        .args([
            "--config",
            config.to_str().unwrap(),
            "--data-dir",
            data.to_str().unwrap(),
            "crawl",
            "--once",
        ])
        .env("SEPIOLA_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the state file records a finished host (written after the
    // index commit that holds it), then kill -9.
    let state_path = data.join("crawl-state.json");
    let started = Instant::now();
    let done_hosts = loop {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no host finished"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "crawl finished before the kill: make it slower"
        );
        if let Ok(bytes) = std::fs::read(&state_path) {
            let st: Value = serde_json::from_slice(&bytes).unwrap();
            let done: Vec<String> = st["hosts"]
                .as_object()
                .unwrap()
                .iter()
                .filter(|(_, s)| s["lastFullPass"]["ok"] == Value::Bool(true))
                .map(|(h, _)| h.clone())
                .collect();
            if !done.is_empty() {
                break done;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(
        done_hosts.len() < 8,
        "everything was done already: {done_hosts:?}"
    );

    // The index opens and holds every video of the hosts recorded as done.
    let export = dir.path().join("export.jsonl");
    let out = sepiola_async(vec![
        "--data-dir".into(),
        data.to_str().unwrap().into(),
        "index".into(),
        "export".into(),
        "-o".into(),
        export.to_str().unwrap().into(),
    ])
    .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut per_host: BTreeMap<String, usize> = BTreeMap::new();
    for line in std::fs::read_to_string(&export).unwrap().lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        if v["kind"] == "video" {
            *per_host
                .entry(v["host"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    for h in &done_hosts {
        let want = fed.local_videos(h).await.len();
        assert!(
            want > 0,
            "fedsim has no videos on {h}: the check proves nothing"
        );
        assert_eq!(
            per_host.get(h).copied().unwrap_or(0),
            want,
            "{h} lost committed videos"
        );
    }

    // Restart: the crawl completes.
    let (out, _) = crawl_once(dir.path(), "kill.toml", &toml).await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("8 hosts ok, 0 failed"), "{stdout}");
    let server = Server::start(dir, "");
    for h in fed.healthy() {
        let want = fed.local_videos(&h).await.len();
        assert!(
            want > 0,
            "fedsim has no videos on {h}: the check proves nothing"
        );
        let got = crate::harness::fedsim::api_all(&server.base, "videos", &h)
            .await
            .len();
        assert_eq!(got, want, "{h} after restart");
    }
}
