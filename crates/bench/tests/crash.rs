//! The small mode of `bench crash` (issue 15, point 1) in the test suite:
//! sepiola is killed with SIGKILL twice in each of import, crawl under
//! serve, rebuild and moderation writes, and the command fails if the index did not open or
//! a committed document went missing. The full run (100 kills) is in
//! docs/reliability.md.

use std::process::Command;

#[test]
fn kills_during_import_crawl_and_rebuild_lose_nothing() {
    let bench = std::path::Path::new(env!("CARGO_BIN_EXE_bench"));
    let bins = bench.parent().unwrap();
    for b in ["sepiola", "fedsim-corpus"] {
        assert!(
            bins.join(b).exists(),
            "{b} is not built next to bench: run the workspace's tests (bash tests/run.sh)"
        );
    }
    let work = tempfile::tempdir().unwrap();
    let out = Command::new(bench)
        .args(["crash", "--small", "--work"])
        .arg(work.path().join("w"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("kills at work survived; 0 documents lost"),
        "{stdout}\n{stderr}"
    );
    // Every phase's checks looked at documents.
    for phase in [
        "index import",
        "crawl under serve",
        "index rebuild",
        "moderation writes",
    ] {
        let row = stdout
            .lines()
            .find(|l| l.starts_with(&format!("| {phase} |")))
            .unwrap_or_else(|| panic!("no {phase} row: {stdout}"));
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let checked: usize = cells[5].parse().unwrap();
        assert!(checked > 0, "{phase} checked nothing: {row}");
    }
}
