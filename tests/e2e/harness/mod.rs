//! Shared fixture for end-to-end tests: a real `sepiola serve` on loopback
//! over an index built with `sepiola index import`; one such server per
//! committed fixture shared by the read-only tests; the guard that keeps
//! heavy tests from running at the same time; checks shared by the modules.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use serde_json::Value;

pub mod fedsim;
pub mod tmpfs;

/// The committed multilingual fixture.
pub fn fixture_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/relevance.jsonl")
}

/// The committed Mobilizon fixture.
pub fn mobilizon_fixture_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mobilizon.jsonl")
}

/// The one server over tests/fixtures/relevance.jsonl (default config)
/// that every read-only test shares; started by the first test asking.
pub fn shared() -> &'static Server {
    static SHARED: LazyLock<Server> = LazyLock::new(|| Server::shared_over(&fixture_path()));
    &SHARED
}

/// The one server over tests/fixtures/mobilizon.jsonl (default config)
/// that every read-only Mobilizon test shares.
pub fn shared_mobilizon() -> &'static Server {
    static SHARED: LazyLock<Server> =
        LazyLock::new(|| Server::shared_over(&mobilizon_fixture_path()));
    &SHARED
}

/// At most one heavy test (a crawl over fedsim, a Chromium run) at a time:
/// the tests run in parallel threads of one binary on machines with as few
/// as two cores, where two of them at once make timing assertions flaky.
/// A tokio mutex, so async tests may hold it across `.await`; it is never
/// poisoned by a test that panics while holding it.
static HEAVY: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Waits for the heavy-test guard (async tests).
pub async fn heavy() -> tokio::sync::MutexGuard<'static, ()> {
    HEAVY.lock().await
}

/// Waits for the heavy-test guard (plain `#[test]`s, outside any runtime).
pub fn heavy_blocking() -> tokio::sync::MutexGuard<'static, ()> {
    HEAVY.blocking_lock()
}

/// A "the filter returns exactly these" check proves something only if the
/// expected set is neither empty nor everything: says so, or fails.
pub fn assert_meaningful<T: Ord + Debug>(expected: &BTreeSet<T>, whole: &BTreeSet<T>, what: &str) {
    assert!(
        !expected.is_empty(),
        "{what}: the expected set is empty, the check proves nothing"
    );
    assert!(
        expected != whole,
        "{what}: the expected set is the whole fixture ({} documents), the check proves nothing",
        whole.len()
    );
    assert!(
        expected.is_subset(whole),
        "{what}: the expected set is not taken from the fixture"
    );
}

/// The setting every test's sepiola runs with: no default instance list, so
/// nothing but loopback is ever contacted (a test that wants the default
/// list's behaviour points it at a loopback stand-in).
pub const NO_DEFAULT_LIST: (&str, &str) = ("SEPIOLA_CRAWL__DEFAULT_LIST", "");
/// The rate limit every test's sepiola runs with unless the test sets its
/// own: none (all test clients share one address).
pub const NO_RATE_LIMIT: (&str, &str) = ("SEPIOLA_LIMITS__RATE_LIMIT_PER_MINUTE", "0");

/// `sepiola --data-dir DATA index import FILE`, which must succeed.
pub fn import(data: &Path, file: &Path) {
    let (code, out, err) = sepiola(&[
        "--data-dir",
        data.to_str().unwrap(),
        "index",
        "import",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "import of {} failed: {out} {err}", file.display());
}

/// Runs the sepiola binary with arguments, returning (status, stdout, stderr).
pub fn sepiola(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sepiola"))
        .args(args)
        .env_remove("SEPIOLA_CONFIG")
        .env(NO_DEFAULT_LIST.0, NO_DEFAULT_LIST.1)
        .output()
        .expect("run sepiola");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A running server; killed on drop (the shared ones, in statics that are
/// never dropped, when the test binary exits: see [`Server::shared_over`]).
pub struct Server {
    /// `sepiola serve`, or for a shared server the `sh` that watches our
    /// end of its stdin (held here) and kills the server when it closes.
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
        import(&data, file);
        Self::start(dir, toml)
    }

    /// Imports a JSON Lines file and serves it with the default config, for
    /// as long as the test binary runs. A static is never dropped, so the
    /// server cannot be killed on drop: it runs under
    /// `sh -c '"$0" "$@" & p=$!; …; read _; kill $p; …'` whose stdin is a pipe
    /// from us. When this process exits, however it exits, the pipe closes,
    /// `read` returns at end of file, the shell kills the server and removes
    /// the data directory.
    fn shared_over(file: &Path) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        import(&data, file);
        let mut sh = Command::new("sh");
        sh.arg("-c")
            // The shell lets go of the stdout pipe at once (`exec`), so that
            // if sepiola dies before its first line we read end of file
            // rather than wait forever. (Not a `SEPIOLA_` variable: sepiola
            // reads those as configuration.)
            .arg(
                r#""$0" "$@" & p=$!; exec >/dev/null; read _; kill $p; wait $p; rm -rf "$E2E_SHARED_DIR""#,
            )
            .arg(env!("CARGO_BIN_EXE_sepiola"))
            .env("E2E_SHARED_DIR", dir.path())
            .stdin(Stdio::piped());
        Self::spawn(sh, dir, "", false)
    }

    /// Serves the data directory `dir/data` with extra TOML configuration.
    pub fn start(dir: tempfile::TempDir, toml: &str) -> Server {
        Self::spawn(
            Command::new(env!("CARGO_BIN_EXE_sepiola")),
            dir,
            toml,
            false,
        )
    }

    /// Same, with extra environment variables, which win over the harness's
    /// own (a test that stands in for the default list sets it).
    pub fn start_with_env(dir: tempfile::TempDir, toml: &str, env: &[(&str, &str)]) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sepiola"));
        cmd.envs(env.iter().copied());
        Self::spawn(cmd, dir, toml, false)
    }

    /// Same, with the server's log at `info` written to `dir/serve.log`
    /// (read it with [`Server::log`]).
    pub fn start_logging(dir: tempfile::TempDir, toml: &str) -> Server {
        Self::spawn(Command::new(env!("CARGO_BIN_EXE_sepiola")), dir, toml, true)
    }

    /// What the server logged so far (servers started with [`Server::start_logging`]).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("serve.log")).unwrap_or_default()
    }

    /// Runs `cmd` (sepiola, or a wrapper that takes sepiola's arguments)
    /// with `serve` over `dir/data` and waits for the listening line.
    fn spawn(mut cmd: Command, dir: tempfile::TempDir, toml: &str, logging: bool) -> Server {
        // No test contacts the public instance list: without a list of its
        // own, a test server crawls nothing (unless the test stands in for
        // the default list itself, see `start_with_env`).
        if !cmd.get_envs().any(|(k, _)| k == NO_DEFAULT_LIST.0) {
            cmd.env(NO_DEFAULT_LIST.0, NO_DEFAULT_LIST.1);
        }
        // Every test client shares 127.0.0.1: the per-client rate limit is
        // off unless a test turns it on itself (`start_with_env`).
        if !cmd.get_envs().any(|(k, _)| k == NO_RATE_LIMIT.0) {
            cmd.env(NO_RATE_LIMIT.0, NO_RATE_LIMIT.1);
        }
        let (level, stderr) = if logging {
            let f = std::fs::File::create(dir.path().join("serve.log")).unwrap();
            ("info", Stdio::from(f))
        } else {
            ("warn", Stdio::inherit())
        };
        let data = dir.path().join("data");
        let config = dir.path().join("sepiola.toml");
        std::fs::write(&config, toml).unwrap();
        let mut child = cmd
            .args([
                "--config",
                config.to_str().unwrap(),
                "--data-dir",
                data.to_str().unwrap(),
                "serve",
                "--listen",
                "127.0.0.1:0",
            ])
            .env("SEPIOLA_LOG", level)
            .stdout(Stdio::piped())
            .stderr(stderr)
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

    /// GET a path, returning the body as text (a page, whatever its status).
    pub async fn text(&self, path: &str) -> String {
        let r = client().get(self.url(path)).send().await.unwrap();
        r.text().await.unwrap()
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

impl Server {
    /// Stops the server and hands back its data directory (for a restart
    /// over the same data: `Server::start(dir, …)`).
    pub fn stop_keeping_dir(mut self) -> tempfile::TempDir {
        let _ = self.child.kill();
        let _ = self.child.wait();
        std::mem::replace(&mut self.dir, tempfile::tempdir().unwrap())
    }

    /// The server's process id (to read its memory in /proc).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `kill -9`, then `serve` again over the same data directory with
    /// `toml` (logging or not as `logging` says).
    pub fn kill9_and_restart(mut self, toml: &str, logging: bool) -> Server {
        self.child.kill().unwrap(); // SIGKILL
        self.child.wait().unwrap();
        let dir = std::mem::replace(&mut self.dir, tempfile::tempdir().unwrap());
        Self::spawn(
            Command::new(env!("CARGO_BIN_EXE_sepiola")),
            dir,
            toml,
            logging,
        )
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

/// Whether `tests/run.sh` found no way to install what the browser tests
/// need (it says what in one line, and exports `E2E_BROWSER_MISSING`): the
/// browser tests then say so and stop. Without that variable (CI, or a
/// plain `cargo test` after `npm ci`) they run, and fail when a part is missing.
pub fn browser_missing() -> bool {
    match std::env::var("E2E_BROWSER_MISSING") {
        Ok(what) if !what.is_empty() => {
            eprintln!("browser test not run: missing {what} (see tests/run.sh)");
            true
        }
        _ => false,
    }
}

/// Polls `check` until it holds or `within` has passed; returns how long it took.
pub async fn eventually<F, Fut>(what: &str, within: Duration, mut check: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    loop {
        if check().await {
            return start.elapsed();
        }
        assert!(start.elapsed() < within, "{what}: not within {within:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
