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

#[tokio::test]
async fn an_index_of_the_previous_release_is_rebuilt_and_serves_the_same_documents() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    // What the current release indexes from the same sources.
    let fresh = tempfile::tempdir().unwrap();
    let fresh_data = fresh.path().join("data");
    import(&fresh_data, &root.join("relevance.jsonl"));
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
    let (code, v) = server.get("/api/v1/search/videos?count=100").await;
    assert_eq!(code, 200);
    assert_eq!(v["total"], 30, "{v}");
    let (_, e) = server.get("/api/v1/search/events?count=100").await;
    assert!(e["total"].as_u64().unwrap() > 0, "{e}");
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
