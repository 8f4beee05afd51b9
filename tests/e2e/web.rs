//! Browser tests: Playwright (npm `playwright-core`) drives Debian's
//! Chromium against a real `sepiola serve` over the committed fixture. The
//! scenarios live in tests/web/web.test.mjs; this test starts the server and
//! runs them with Node's test runner.

use std::path::Path;
use std::process::Command;

use crate::harness::Server;

#[test]
fn browser_scenarios_pass_in_chromium() {
    // A heavy test: one at a time (see harness::heavy).
    let _heavy = crate::harness::heavy_blocking();
    if crate::harness::browser_missing() {
        return;
    }
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/web");
    assert!(
        web.join("node_modules/playwright-core").exists(),
        "run `npm ci --prefix tests/web` first (bash tests/run.sh does)"
    );
    assert!(
        Path::new("/usr/bin/chromium").exists(),
        "install Debian's chromium first (bash tests/run.sh does)"
    );
    // Fixture hosts do not exist: fail image fetches fast.
    let server = Server::with_fixture_and_config("[images]\nfetch_timeout_ms = 300\n");
    let out = Command::new("node")
        .arg("--test")
        .arg("--test-reporter=spec")
        .arg("web.test.mjs")
        .current_dir(&web)
        .env("BASE_URL", &server.base)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}\n{stderr}");
    assert!(
        out.status.success(),
        "browser tests failed:\n{stdout}\n{stderr}"
    );
    let count = |label: &str| {
        stdout
            .lines()
            .find_map(|l| l.trim().strip_prefix(&format!("ℹ {label} ")))
            .and_then(|n| n.trim().parse::<u32>().ok())
    };
    assert_eq!(count("fail"), Some(0), "{stdout}");
    assert!(
        count("pass").unwrap_or(0) >= 9,
        "scenarios did not run: {stdout}"
    );
}
