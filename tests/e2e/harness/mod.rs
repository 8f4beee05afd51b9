//! Shared fixture for end-to-end tests: a real `sepiola serve` on loopback
//! over an index built with `sepiola index import`.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::Value;

pub mod fedsim;

/// The committed multilingual fixture.
pub fn fixture_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/relevance.jsonl")
}

/// Runs the sepiola binary with arguments, returning (status, stdout, stderr).
pub fn sepiola(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sepiola"))
        .args(args)
        .env_remove("SEPIOLA_CONFIG")
        .output()
        .expect("run sepiola");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A running server; killed on drop.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Its data directory (kept alive as long as the server).
    pub dir: tempfile::TempDir,
}

impl Server {
    /// Imports the fixture into a fresh data directory and serves it.
    pub fn with_fixture() -> Server {
        Self::with_fixture_and_config("")
    }

    /// Same, with extra TOML configuration.
    pub fn with_fixture_and_config(toml: &str) -> Server {
        Self::with_file_and_config(&fixture_path(), toml)
    }

    /// Imports a JSON Lines file into a fresh data directory and serves it
    /// with extra TOML configuration.
    pub fn with_file_and_config(file: &Path, toml: &str) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let (code, out, err) = sepiola(&[
            "--data-dir",
            data.to_str().unwrap(),
            "index",
            "import",
            file.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "import failed: {out} {err}");
        Self::start(dir, toml)
    }

    /// Serves the data directory `dir/data` with extra TOML configuration.
    pub fn start(dir: tempfile::TempDir, toml: &str) -> Server {
        let data = dir.path().join("data");
        let config = dir.path().join("sepiola.toml");
        std::fs::write(&config, toml).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_sepiola"))
            .args([
                "--config",
                config.to_str().unwrap(),
                "--data-dir",
                data.to_str().unwrap(),
                "serve",
                "--listen",
                "127.0.0.1:0",
            ])
            .env("SEPIOLA_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn sepiola serve");
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        let base = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        Server { child, base, dir }
    }

    /// Absolute URL of a path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// GET a path, returning status and JSON (or Null).
    pub async fn get(&self, path: &str) -> (u16, Value) {
        let r = client().get(self.url(path)).send().await.unwrap();
        decode(r).await
    }

    /// POST a JSON body.
    pub async fn post_json(&self, path: &str, body: &Value) -> (u16, Value) {
        let r = client()
            .post(self.url(path))
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .unwrap();
        decode(r).await
    }

    /// POST raw bytes with a content type.
    pub async fn post_raw(&self, path: &str, ctype: &str, body: Vec<u8>) -> (u16, Value, String) {
        let r = client()
            .post(self.url(path))
            .header("content-type", ctype)
            .body(body)
            .send()
            .await
            .unwrap();
        let ct = r
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let (s, v) = decode(r).await;
        (s, v, ct)
    }

    /// GET videos and return the titles.
    pub async fn video_names(&self, query: &str) -> Vec<String> {
        let (s, v) = self.get(&format!("/api/v1/search/videos?{query}")).await;
        assert_eq!(s, 200, "{query}: {v}");
        names(&v)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A client with a timeout, so a hung server fails the test.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(20))
        .build()
        .unwrap()
}

async fn decode(r: reqwest::Response) -> (u16, Value) {
    let s = r.status().as_u16();
    let bytes = r.bytes().await.unwrap();
    (s, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

/// `data[].displayName` (channels, playlists) or `name` (videos) of a response.
pub fn names(v: &Value) -> Vec<String> {
    v["data"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| {
                    d["displayName"]
                        .as_str()
                        .or(d["name"].as_str())
                        .unwrap_or_default()
                        .to_string()
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The fixture's records of one kind, as JSON.
pub fn fixture(kind: &str) -> Vec<Value> {
    std::fs::read_to_string(fixture_path())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["kind"] == kind)
        .collect()
}

/// `total` of a response.
pub fn total(v: &Value) -> u64 {
    v["total"].as_u64().unwrap()
}
