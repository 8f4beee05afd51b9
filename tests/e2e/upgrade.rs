//! Upgrades keep the index (issue 17, point 5): an index written by the
//! previous release (a committed fixture, `tests/fixtures/index-0.1-2026-11-29`,
//! from `index import` of the two committed fixtures) is rebuilt from its
//! own stored documents under the current schema when `serve` opens it, and
//! serves the same documents, with no crawl.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::harness::{Server, import, sepiola};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Every exported line of a data directory, as JSON values.
fn exported(data: &Path) -> BTreeSet<String> {
    let (code, out, err) = sepiola(&["--data-dir", data.to_str().unwrap(), "index", "export"]);
    assert_eq!(code, 0, "{err}");
    out.lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v.to_string()
        })
        .collect()
}

/// The old fixture's 30 videos and its events, answered.
async fn serves_the_fixtures_documents(server: &Server) {
    let (code, v) = server.get("/api/v1/search/videos?count=100").await;
    assert_eq!(code, 200);
    assert_eq!(v["total"], 30, "{}", v["total"]);
    let (_, e) = server.get("/api/v1/search/events?count=100").await;
    assert!(e["total"].as_u64().unwrap() > 0, "{}", e["total"]);
}

#[tokio::test]
async fn an_index_of_the_previous_release_is_rebuilt_and_serves_the_same_documents() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    // What the current release indexes from the same sources.
    let fresh = tempfile::tempdir().unwrap();
    let fresh_data = fresh.path().join("data");
    // The old index holds the fixture as it was then: the videos added
    // since (ids 31 on, issue 14's ranking cases) are left out.
    let then = fresh.path().join("relevance-0.1.jsonl");
    let lines: Vec<String> = std::fs::read_to_string(root.join("relevance.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            !(v["kind"] == "video" && v["id"].as_u64().unwrap() > 30)
        })
        .map(str::to_string)
        .collect();
    std::fs::write(&then, lines.join("\n")).unwrap();
    import(&fresh_data, &then);
    // The previous release knew nothing of these event fields: its
    // documents come back with their defaults.
    let older = fresh.path().join("mobilizon-0.1.jsonl");
    let lines: Vec<String> = std::fs::read_to_string(root.join("mobilizon.jsonl"))
        .unwrap()
        .lines()
        .map(|l| {
            let mut v: Value = serde_json::from_str(l).unwrap();
            let o = v.as_object_mut().unwrap();
            o.remove("isOnline");
            o.remove("timeZone");
            v.to_string()
        })
        .collect();
    std::fs::write(&older, lines.join("\n")).unwrap();
    import(&fresh_data, &older);
    let expected = exported(&fresh_data);
    assert!(expected.len() > 40, "{}", expected.len());

    // The old index, opened by this release's server.
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root.join("index-0.1-2026-11-29"), &dir.path().join("data"));
    let server = Server::start_logging(dir, "");
    serves_the_fixtures_documents(&server).await;
    let log = server.log();
    assert!(
        log.contains("rebuilding it from its stored documents") && log.contains("video"),
        "the video index was not rebuilt (did the schema not change?):\n{log}"
    );
    assert!(!log.contains("dropped=1"), "{log}");
    let data = server.dir.path().join("data");
    let got = exported(&data);
    assert_eq!(
        got.len(),
        expected.len(),
        "documents lost or gained in the rebuild"
    );
    assert_eq!(got, expected, "the rebuilt documents differ");
}

/// Every file under `dir` with its bytes (to see that nothing changed).
fn snapshot(dir: &Path) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().to_string();
        if e.file_type().unwrap().is_dir() {
            out.extend(snapshot(&e.path()));
        } else if !(name.starts_with(".tantivy-") && name.ends_with(".lock")) {
            // (A reader creates tantivy's empty lock files: not content.)
            out.insert(e.path(), std::fs::read(e.path()).unwrap());
        }
    }
    out
}

#[tokio::test]
async fn index_upgrade_builds_beside_the_old_index_and_the_next_start_switches_to_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&root.join("index-0.1-2026-11-29"), &data);
    let before = snapshot(&data.join("index"));
    // Built beside: the old index (which an older release may be serving)
    // is not touched.
    let (code, out, err) = sepiola(&["--data-dir", data.to_str().unwrap(), "index", "upgrade"]);
    assert_eq!(code, 0, "{out} {err}");
    assert!(out.contains("built the upgraded index"), "{out}");
    assert!(data.join("index.next/READY").exists());
    assert_eq!(
        snapshot(&data.join("index")),
        before,
        "the old index changed"
    );
    // The next start switches in one step instead of rebuilding.
    let server = Server::start_logging(dir, "");
    serves_the_fixtures_documents(&server).await;
    let log = server.log();
    assert!(
        log.contains("switching to the index an upgrade built"),
        "{log}"
    );
    assert!(
        !log.contains("rebuilding it from its stored documents"),
        "the server rebuilt at start after all:\n{log}"
    );
    let data = server.dir.path().join("data");
    assert!(!data.join("index.next").exists() && !data.join("index.old").exists());
}

#[tokio::test]
async fn index_upgrade_runs_while_a_server_serves_the_index() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    import(&data, &root.join("relevance.jsonl"));
    let expected = exported(&data);
    let server = Server::start(dir, "");
    // The server holds the index's writer; the upgrade only reads.
    let (code, out, err) = sepiola(&["--data-dir", data.to_str().unwrap(), "index", "upgrade"]);
    assert_eq!(code, 0, "{out} {err}");
    let (code, v) = server.get("/api/v1/search/videos?count=100").await;
    assert_eq!(code, 200, "the server stopped answering during the upgrade");
    let videos = expected
        .iter()
        .filter(|d| d.contains("\"kind\":\"video\""))
        .count();
    assert!(videos > 10, "{videos}");
    assert_eq!(
        v["total"].as_u64().unwrap() as usize,
        videos,
        "{}",
        v["total"]
    );
    // Restarted over the same data: it switches to what the upgrade built.
    let dir = server.stop_keeping_dir();
    let server = Server::start_logging(dir, "");
    let (code, _) = server.get("/api/v1/ping").await;
    assert_eq!(code, 200);
    assert!(
        server
            .log()
            .contains("switching to the index an upgrade built"),
        "{}",
        server.log()
    );
    // (Exported while it serves: the export only reads.)
    let data = server.dir.path().join("data");
    let got = exported(&data);
    assert_eq!(got.len(), expected.len());
    assert!(got == expected, "the switched index holds other documents");
}
