//! Browser tests against a sepiola fed by crawling fedsim (real images
//! through the proxy, real origin links). With `SCREENSHOTS_DIR=<dir>`
//! set, also writes the README's screenshots from the same server.

use std::path::Path;
use std::process::Command;

use crate::harness::Server;
use crate::harness::fedsim::{Fed, crawl_once, crawl_toml};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_sees_crawled_content_with_proxied_images() {
    // A heavy test: one at a time (see harness::heavy).
    let _heavy = crate::harness::heavy().await;
    if crate::harness::browser_missing() {
        return;
    }
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/web");
    assert!(
        web.join("node_modules/playwright-core").exists(),
        "run `npm ci --prefix tests/web` first (bash tests/run.sh does)"
    );
    let fed = Fed::start(6, &[], 15.0, 11).await;
    let dir = tempfile::tempdir().unwrap();
    let toml = format!(
        "{}\n[images]\nallow_private_addresses = true\n",
        crawl_toml(&fed.list_url(), "")
    );
    let (out, _) = crawl_once(dir.path(), "sepiola.toml", &toml).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Serve the crawled index, with the crawler (and its saved state) behind it.
    let server = tokio::task::spawn_blocking(move || Server::start(dir, &toml))
        .await
        .unwrap();
    let hosts: Vec<String> = fed.healthy();
    let base = server.base.clone();
    let web2 = web.clone();
    let hosts_env = hosts.join(",");
    let out = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .args(["--test", "--test-reporter=spec", "fedsim.test.mjs"])
            .current_dir(&web2)
            .env("BASE_URL", &base)
            .env("HOSTS", &hosts_env)
            .output()
            .expect("run node")
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    println!("{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "browser tests failed:\n{stdout}");
    assert!(stdout.contains("ℹ fail 0"), "{stdout}");
    if let Ok(shots) = std::env::var("SCREENSHOTS_DIR") {
        let base = server.base.clone();
        let out = tokio::task::spawn_blocking(move || {
            Command::new("node")
                .arg("screenshots.mjs")
                .current_dir(&web)
                .env("BASE_URL", &base)
                .env("OUT", &shots)
                .output()
                .expect("run node")
        })
        .await
        .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    drop(server);
}
