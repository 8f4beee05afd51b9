//! A simulated federation in the test process (the `fedsim` library), and
//! helpers to run `sepiola crawl` against it and read fedsim's truth.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use fedsim::hostile::HostileKind;
use fedsim::{Running, SimConfig};
use serde_json::{Value, json};

/// A running federation; stops with the test's runtime.
pub struct Fed {
    /// fedsim itself.
    pub running: Running,
    /// The startup object as JSON (`peertube_list`, `control`, `instances`, `decoy`…).
    pub info: Value,
}

impl Fed {
    /// Starts `instances` instances (the first ones hostile, in the order
    /// given) with about `videos` local videos each.
    pub async fn start(instances: usize, hostile: &[&str], videos: f64, seed: u64) -> Fed {
        let config = SimConfig {
            seed,
            instances,
            videos_per_instance: videos,
            hostile: hostile
                .iter()
                .map(|h| HostileKind::parse(h).unwrap())
                .collect(),
            huge_body_bytes: 64 * 1024 * 1024,
            drip_interval: Duration::from_millis(300),
            ..Default::default()
        };
        let running = fedsim::start(config).await.unwrap();
        let info = serde_json::to_value(&running.info).unwrap();
        Fed { running, info }
    }

    /// Starts a federation of `instances` Mobilizon instances only (the
    /// first ones hostile, in the order given) with about `events` events
    /// each.
    pub async fn start_mobilizon(
        instances: usize,
        hostile: &[&str],
        events: f64,
        seed: u64,
    ) -> Fed {
        let config = SimConfig {
            seed,
            instances: 0,
            mobilizon_instances: instances,
            mobilizon_events_per_instance: events,
            mobilizon_groups_per_instance: 6,
            mobilizon_hostile: hostile
                .iter()
                .map(|h| HostileKind::parse(h).unwrap())
                .collect(),
            huge_body_bytes: 64 * 1024 * 1024,
            drip_interval: Duration::from_millis(300),
            ..Default::default()
        };
        let running = fedsim::start(config).await.unwrap();
        let info = serde_json::to_value(&running.info).unwrap();
        Fed { running, info }
    }

    /// URL of the instances.joinmobilizon.org-style list.
    pub fn mobilizon_list_url(&self) -> String {
        self.info["mobilizon_list"].as_str().unwrap().to_string()
    }

    /// `(host, hostile kind or None)` of every Mobilizon instance.
    pub fn mobilizon_hosts(&self) -> Vec<(String, Option<String>)> {
        self.info["mobilizon"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["host"].as_str().unwrap().to_string(),
                    i["hostile"].as_str().map(str::to_string),
                )
            })
            .collect()
    }

    /// Hosts of the healthy Mobilizon instances.
    pub fn healthy_mobilizon(&self) -> Vec<String> {
        self.mobilizon_hosts()
            .into_iter()
            .filter(|(_, k)| k.is_none())
            .map(|(h, _)| h)
            .collect()
    }

    /// The truth: every listed event of a Mobilizon host, as sepiola should index it.
    pub async fn mobilizon_events(&self, host: &str) -> Vec<Value> {
        self.get(&format!("/mobilizon/{host}/events")).await["data"]
            .as_array()
            .cloned()
            .unwrap()
    }

    /// The truth: every public group of a Mobilizon host.
    pub async fn mobilizon_groups(&self, host: &str) -> Vec<Value> {
        self.get(&format!("/mobilizon/{host}/groups")).await["data"]
            .as_array()
            .cloned()
            .unwrap()
    }

    /// URL of the joinpeertube-style list.
    pub fn list_url(&self) -> String {
        self.info["peertube_list"].as_str().unwrap().to_string()
    }

    /// `(host, hostile kind or None)` of every instance.
    pub fn hosts(&self) -> Vec<(String, Option<String>)> {
        self.info["instances"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["host"].as_str().unwrap().to_string(),
                    i["hostile"].as_str().map(str::to_string),
                )
            })
            .collect()
    }

    /// The PeerTube release a host imitates (`"6.3.0"`, `"8.2.0"`).
    pub fn version(&self, host: &str) -> String {
        self.info["instances"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["host"] == json!(host))
            .and_then(|i| i["version"].as_str())
            .unwrap()
            .to_string()
    }

    /// Hosts of the healthy instances.
    pub fn healthy(&self) -> Vec<String> {
        self.hosts()
            .into_iter()
            .filter(|(_, k)| k.is_none())
            .map(|(h, _)| h)
            .collect()
    }

    /// Host of the instance with this hostile kind.
    pub fn hostile(&self, kind: &str) -> String {
        self.hosts()
            .into_iter()
            .find(|(_, k)| k.as_deref() == Some(kind))
            .map(|(h, _)| h)
            .unwrap()
    }

    /// The decoy's host (on no list).
    pub fn decoy(&self) -> String {
        self.info["decoy"].as_str().unwrap().to_string()
    }

    fn control(&self, path: &str) -> String {
        format!("{}{}", self.info["control"].as_str().unwrap(), path)
    }

    /// GET on the control API.
    pub async fn get(&self, path: &str) -> Value {
        let r = client().get(self.control(path)).send().await.unwrap();
        assert!(r.status().is_success(), "{path}: {}", r.status());
        r.json().await.unwrap()
    }

    /// POST/PATCH/DELETE on the control API, returning status and body.
    pub async fn send(&self, method: &str, path: &str, body: Value) -> (u16, Value) {
        let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let r = client()
            .request(m, self.control(path))
            .json(&body)
            .send()
            .await
            .unwrap();
        let s = r.status().as_u16();
        (s, r.json().await.unwrap_or(Value::Null))
    }

    /// The truth: every local public video of a host, as details.
    pub async fn local_videos(&self, host: &str) -> Vec<Value> {
        self.get(&format!("/instances/{host}/videos")).await["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v["isLocal"] == json!(true) && v["privacy"]["id"] == json!(1))
            .cloned()
            .collect()
    }

    /// The truth: local channels of a host.
    pub async fn local_channels(&self, host: &str) -> Vec<Value> {
        let v = self.get(&format!("/instances/{host}/channels")).await;
        let all = v["data"]
            .as_array()
            .cloned()
            .or(v.as_array().cloned())
            .unwrap();
        all.into_iter()
            .filter(|c| c["host"] == json!(host))
            .collect()
    }

    /// The truth: local, public, regular playlists of a host.
    pub async fn local_playlists(&self, host: &str) -> Vec<Value> {
        let v = self.get(&format!("/instances/{host}/playlists")).await;
        let all = v["data"]
            .as_array()
            .cloned()
            .or(v.as_array().cloned())
            .unwrap();
        all.into_iter()
            .filter(|p| {
                p["isLocal"] == json!(true)
                    && p["privacy"]["id"] == json!(1)
                    && p["type"]["id"] == json!(1)
                    && p["ownerAccount"]["host"] == json!(host)
            })
            .collect()
    }

    /// Requests fedsim received for a host (by `host` filter of the log).
    pub async fn requests_to(&self, host: &str) -> u64 {
        self.get(&format!("/requests?host={host}")).await["total"]
            .as_u64()
            .unwrap()
    }

    /// Every request fedsim logged.
    pub async fn all_requests(&self) -> Vec<Value> {
        self.get("/requests").await["data"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }
}

/// A plain client for the tests' own requests.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

/// The `[crawl]` section every crawl test uses: fedsim is plain http on
/// loopback, timeouts are short, endless listings end after a few pages.
pub fn crawl_toml(list: &str, extra: &str) -> String {
    format!(
        "[crawl]\npeertube_list = \"{list}\"\nscheme = \"http\"\nallow_private_addresses = true\n\
         per_host_delay_ms = 0\ntimeout_secs = 3\nconnect_timeout_secs = 2\nmax_pages = 5\n\
         concurrency = 8\nmax_body_bytes = 4194304\n{extra}"
    )
}

/// Runs the sepiola binary off the async runtime (fedsim keeps serving).
pub async fn sepiola_async(args: Vec<String>) -> Output {
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_sepiola"))
            .args(&args)
            .env_remove("SEPIOLA_CONFIG")
            .env(super::NO_DEFAULT_LIST.0, super::NO_DEFAULT_LIST.1)
            .env("SEPIOLA_LOG", "warn")
            .output()
            .unwrap()
    })
    .await
    .unwrap()
}

/// The `[crawl]` section of the Mobilizon crawl tests.
pub fn mobilizon_toml(list: &str, extra: &str) -> String {
    format!(
        "[crawl]\nmobilizon_list = \"{list}\"\nscheme = \"http\"\nallow_private_addresses = true\n\
         per_host_delay_ms = 0\ntimeout_secs = 3\nconnect_timeout_secs = 2\nmax_pages = 5\n\
         concurrency = 8\nmax_body_bytes = 4194304\n{extra}"
    )
}

/// Every item of a search endpoint (`/api/v1/search/events?...`), all pages.
pub async fn api_pages(base: &str, path_and_query: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut start = 0;
    let sep = if path_and_query.contains('?') {
        '&'
    } else {
        '?'
    };
    loop {
        let url = format!("{base}{path_and_query}{sep}count=100&start={start}");
        let r = client().get(&url).send().await.unwrap();
        assert!(r.status().is_success(), "{url}: {}", r.status());
        let v: Value = r.json().await.unwrap();
        let data = v["data"].as_array().cloned().unwrap_or_default();
        let n = data.len();
        out.extend(data);
        start += n;
        if n < 100 || start as u64 >= v["total"].as_u64().unwrap_or(0) {
            break;
        }
    }
    out
}

/// `sepiola --config <dir>/<name> --data-dir <dir>/data crawl --once`.
pub async fn crawl_once(dir: &Path, config_name: &str, toml: &str) -> (Output, Duration) {
    let config = dir.join(config_name);
    std::fs::write(&config, toml).unwrap();
    let started = std::time::Instant::now();
    let out = sepiola_async(vec![
        "--config".into(),
        config.to_str().unwrap().into(),
        "--data-dir".into(),
        dir.join("data").to_str().unwrap().into(),
        "crawl".into(),
        "--once".into(),
    ])
    .await;
    (out, started.elapsed())
}

/// Every document of a kind (`videos`, `video-channels`, `video-playlists`)
/// the API returns for a host.
pub async fn api_all(base: &str, kind: &str, host: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut start = 0;
    loop {
        let url = format!(
            "{base}/api/v1/search/{kind}?host={host}&nsfw=both&count=100&start={start}&sort=-publishedAt"
        );
        let url = if kind == "videos" {
            url
        } else {
            url.replace("sort=-publishedAt", "sort=-createdAt")
        };
        let v: Value = client()
            .get(&url)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let data = v["data"].as_array().cloned().unwrap_or_default();
        let n = data.len();
        out.extend(data);
        start += n;
        if n < 100 || start as u64 >= v["total"].as_u64().unwrap_or(0) {
            break;
        }
    }
    out
}
