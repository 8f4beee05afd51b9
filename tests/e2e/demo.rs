//! `sepiola demo` (issue 17, point 1): one command, no network, a simulated
//! federation crawled and served, search results within 30 s of start, and
//! every page says it is a demo.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// Asks `url` until it answers results, at most `within` seconds after `started`.
async fn first_results(url: &str, started: Instant, within: u64) -> Value {
    let client = reqwest::Client::new();
    loop {
        let v: Value = client.get(url).send().await.unwrap().json().await.unwrap();
        if v["total"].as_u64().unwrap_or(0) > 0 {
            return v;
        }
        assert!(
            started.elapsed() < Duration::from_secs(within),
            "no result from {url} within {within} s: {v}"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_serves_search_results_within_30_seconds_offline() {
    let _heavy = crate::harness::heavy().await;
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sepiola"))
        .arg("--data-dir")
        .arg(dir.path())
        .args([
            "demo",
            "--listen",
            "127.0.0.1:0",
            "--instances",
            "6",
            "--videos-per-instance",
            "20",
        ])
        .env_remove("SEPIOLA_CONFIG")
        .env("SEPIOLA_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap()
        .to_string();
    let client = reqwest::Client::new();
    let found = first_results(&format!("{base}/api/v1/search/videos?count=5"), started, 30).await;
    // Mobilizon instances too: events come in as well.
    let events = first_results(&format!("{base}/api/v1/search/events?count=5"), started, 45).await;
    assert!(
        events["data"][0]["url"]
            .as_str()
            .unwrap()
            .starts_with("http://127.0.0.1:"),
        "{events}"
    );
    let first = &found["data"][0];
    // Simulated instances live on loopback; the result links to its origin.
    assert!(
        first["url"]
            .as_str()
            .unwrap()
            .starts_with("http://127.0.0.1:"),
        "{first}"
    );
    let page = client
        .get(format!("{base}/search?search="))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("class=\"banner\""), "no demo banner");
    assert!(page.contains("This is a demo"), "no demo banner");
    let _ = child.kill();
    let _ = child.wait();
}
