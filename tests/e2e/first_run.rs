//! A useful first command (issue 17, point 1): `sepiola serve` with no
//! instance list crawls the default list — here a loopback stand-in for
//! joinpeertube's, the only URL the test overrides (plus the plain-HTTP and
//! loopback settings every fedsim test needs) — and its home page says how
//! far the first pass is.

use std::time::{Duration, Instant};

use crate::harness::Server;
use crate::harness::fedsim::{Fed, api_all};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_without_a_list_crawls_the_default_list_and_says_how_far_it_is() {
    let _heavy = crate::harness::heavy().await;
    // One instance that never answers keeps the first pass running for a
    // few seconds, so the page can be seen while it runs.
    let fed = Fed::start(4, &["timeout"], 6.0, 21).await;
    let dir = tempfile::tempdir().unwrap();
    // No peertube_list and no hosts: the default list applies.
    let toml = "[crawl]\nscheme = \"http\"\nallow_private_addresses = true\nper_host_delay_ms = 0\n\
                timeout_secs = 3\nconnect_timeout_secs = 2\nmax_retries = 0\n";
    let list = fed.list_url();
    let server = Server::start_with_env(dir, toml, &[("SEPIOLA_CRAWL__DEFAULT_LIST", &list)]);
    let base = server.base.clone();
    let healthy = fed.healthy();
    let started = Instant::now();
    let mut saw_progress = false;
    loop {
        let home = reqwest::get(format!("{base}/?lang=en"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        if home.contains("Indexing ") && home.contains(" of 4 instances") {
            saw_progress = true;
        }
        let mut crawled = 0;
        for h in &healthy {
            if !api_all(&base, "videos", h).await.is_empty() {
                crawled += 1;
            }
        }
        if crawled == healthy.len() && saw_progress {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(40),
            "default list not crawled in time ({crawled}/{} hosts, progress seen: {saw_progress})",
            healthy.len()
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    for h in &healthy {
        assert!(
            fed.requests_to(h).await > 0,
            "{h} on the default list was never contacted"
        );
    }
}
