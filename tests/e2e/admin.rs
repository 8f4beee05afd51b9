//! The admin API (issue 17: a one-off full pass on a running server): off
//! without a token, 401 without the right one (and nothing happens), and with
//! it a full pass of every listed host, or of one, runs at once whatever the
//! schedule.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::Value;

use crate::harness::fedsim::{Fed, crawl_toml};
use crate::harness::{Server, eventually};

/// host → when its last full pass started.
async fn full_passes(base: &str) -> BTreeMap<String, String> {
    let v: Value = reqwest::get(format!("{base}/api/v1/instances"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| {
            let t = s["lastFullPass"]["startedAt"].as_str()?;
            Some((s["host"].as_str()?.to_string(), t.to_string()))
        })
        .collect()
}

async fn ask(base: &str, token: Option<&str>, body: &str) -> (u16, Value) {
    let mut r = reqwest::Client::new()
        .post(format!("{base}/api/v1/admin/crawl"))
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    let r = r.send().await.unwrap();
    let code = r.status().as_u16();
    (code, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_pass_can_be_asked_of_a_running_server_with_the_admin_token() {
    let _heavy = crate::harness::heavy().await;
    let fed = Fed::start(3, &[], 5.0, 31).await;
    let dir = tempfile::tempdir().unwrap();
    let toml = format!(
        "{}quick_interval_secs = 3600\nfull_interval_secs = 86400\n[admin]\ntoken = \"s3cret-token\"\n",
        crawl_toml(&fed.list_url(), "")
    );
    let server = Server::start(dir, &toml);
    let base = server.base.clone();
    let hosts = fed.healthy();
    eventually("first full passes", Duration::from_secs(30), || {
        let base = base.clone();
        let n = hosts.len();
        async move { full_passes(&base).await.len() == n }
    })
    .await;
    let first = full_passes(&base).await;

    // Without the token, or with another, nothing happens.
    for token in [None, Some("wrong"), Some("s3cret-tok"), Some("")] {
        let (code, _) = ask(&base, token, "{}").await;
        assert_eq!(code, 401, "{token:?}");
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        full_passes(&base).await,
        first,
        "a refused request ran a pass"
    );

    // One host.
    let one = hosts[0].clone();
    let (code, v) = ask(
        &base,
        Some("s3cret-token"),
        &format!("{{\"host\":\"{one}\"}}"),
    )
    .await;
    assert_eq!(code, 202, "{v}");
    assert_eq!(v["fullPass"], serde_json::json!([one]));
    eventually(
        "the asked host's full pass",
        Duration::from_secs(30),
        || {
            let (base, first, one) = (base.clone(), first.clone(), one.clone());
            async move { full_passes(&base).await.get(&one) != first.get(&one) }
        },
    )
    .await;
    let after_one = full_passes(&base).await;
    for h in &hosts[1..] {
        assert_eq!(after_one.get(h), first.get(h), "{h} passed unasked");
    }
    let (code, _) = ask(
        &base,
        Some("s3cret-token"),
        "{\"host\":\"nowhere.example\"}",
    )
    .await;
    assert_eq!(code, 404);

    // Every host.
    let (code, v) = ask(&base, Some("s3cret-token"), "{}").await;
    assert_eq!(code, 202, "{v}");
    assert_eq!(v["fullPass"].as_array().unwrap().len(), hosts.len());
    eventually("every host's full pass", Duration::from_secs(30), || {
        let (base, after_one) = (base.clone(), after_one.clone());
        async move {
            let now = full_passes(&base).await;
            now.iter().all(|(h, t)| after_one.get(h) != Some(t))
        }
    })
    .await;
}

#[tokio::test]
async fn the_admin_api_is_off_without_a_token() {
    let server = Server::with_fixture();
    let (code, _) = ask(&server.base, Some("anything"), "{}").await;
    assert_eq!(code, 404);
}
