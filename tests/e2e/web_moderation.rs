//! Issue 12, point 4: the moderation and policy pages in Chromium (English
//! and French, light and dark, axe clean, 360 px), the report form from a
//! result without JavaScript; the scenarios are tests/web/moderation.test.mjs.
//! With `SHOTS_DIR` set, they also write the screenshots (docs/screenshots
//! was made with `SHOTS_DIR=$PWD/docs/screenshots`).

use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

use crate::harness::{Server, client};

const TOKEN: &str = "web-moderation-token";

const POLICY_EN: &str = "## What this index lists\\n\\nPublic videos of the instances on \
[the approved list](https://joinpeertube.org/). Content that breaks the law is removed with its \
instance; **spam** and *impersonation* are removed at the finest level that stops them.\\n\\n\
<script>alert(1)</script> [bad link](javascript:alert(1)) ![x](https://evil.example/p.png)\\n";
const POLICY_FR: &str = "## Ce que cet index référence\\n\\nLes vidéos publiques des instances de \
[la liste approuvée](https://joinpeertube.org/). Un contenu illégal est retiré avec son \
instance ; le **spam** et l’*usurpation d’identité* sont retirés au niveau le plus fin qui suffit.\\n";

async fn admin(base: &str, path: &str, body: Value) -> Value {
    let r = client()
        .post(format!("{base}{path}"))
        .bearer_auth(TOKEN)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{path}: {}", r.status());
    r.json().await.unwrap()
}

#[test]
fn moderation_pages_pass_in_chromium() {
    let _heavy = crate::harness::heavy_blocking();
    if crate::harness::browser_missing() {
        return;
    }
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/web");
    assert!(
        web.join("node_modules/playwright-core").exists(),
        "run `npm ci --prefix tests/web` first"
    );
    let server = Server::with_fixture_and_config(&format!(
        "[images]\nfetch_timeout_ms = 300\n[admin]\ntoken = \"{TOKEN}\"\n[moderation]\n\
         operator = \"Camille (operator)\"\nreports_per_minute = 50\n\
         policy = {{ en = \"{POLICY_EN}\", fr = \"{POLICY_FR}\" }}\n"
    ));
    let base = server.base.clone();
    let rt = tokio::runtime::Runtime::new().unwrap();
    // Decisions to show: a host, an account, a lifted one.
    let jazz: Value = rt.block_on(async {
        client()
            .get(format!("{base}/api/v1/search/videos?search=jazz"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    });
    let first = &jazz["data"][0];
    assert!(first.is_object(), "no jazz video in the fixture");
    let other_host = jazz["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["account"]["host"].as_str().unwrap())
        .find(|h| *h != first["account"]["host"].as_str().unwrap())
        .map(str::to_string);
    rt.block_on(async {
        admin(
            &base,
            "/api/v1/admin/decisions",
            json!({"level": "instance", "target": "spam-farm.example",
            "reason": "spam", "text": "Thousands of copies of the same advertisement."}),
        )
        .await;
        if let Some(h) = &other_host {
            let d = admin(
                &base,
                "/api/v1/admin/decisions",
                json!({"level": "instance", "target": h,
                "reason": "off-policy", "text": "Asked to be left out."}),
            )
            .await;
            admin(
                &base,
                &format!("/api/v1/admin/decisions/{}/lift", d["id"]),
                json!({"text": "Asked to be listed again."}),
            )
            .await;
        }
        admin(
            &base,
            "/api/v1/admin/decisions",
            json!({"level": "account", "target": "troll@tube.example",
            "reason": "harassment", "text": "Videos targeting a named person.", "note": "ticket 42",
            "expires": "2099-01-01T00:00:00Z"}),
        )
        .await;
    });
    let mut cmd = Command::new("node");
    cmd.arg("--test")
        .arg("--test-reporter=spec")
        .arg("moderation.test.mjs")
        .current_dir(&web)
        .env("BASE_URL", &base);
    if let Ok(dir) = std::env::var("SHOTS_DIR") {
        cmd.env("SHOTS_DIR", dir);
    }
    let out = cmd.output().expect("run node");
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
    assert_eq!(count("pass"), Some(7), "scenarios did not run: {stdout}");
    // The two reports the browser sent are stored, about the first result,
    // with what was typed and nothing else.
    let reports: Value = rt.block_on(async {
        client()
            .get(format!("{base}/api/v1/admin/reports"))
            .bearer_auth(TOKEN)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    });
    let reports = reports["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 2, "{reports:?}");
    let target = &reports[0]["target"];
    assert_eq!(target["level"], "document");
    assert_eq!(target["kind"], "video");
    // The reported video is the result the browser clicked: the text it
    // typed names that result's title.
    let uuid = target["id"].as_str().unwrap();
    let video: Value = rt.block_on(async {
        client()
            .get(format!(
                "{base}/api/v1/search/videos?uuids={uuid}&nsfw=both"
            ))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    });
    let name = video["data"][0]["name"].as_str().unwrap();
    assert_eq!(reports[0]["text"], format!("browser report about {name}"));
    assert_eq!(reports[0]["reason"], "spam");
    assert_eq!(reports[0]["contact"], "reporter@example.org");
    assert_eq!(reports[1]["reason"], "hate");
    assert!(
        reports[1].get("contact").is_none(),
        "an empty contact is no contact"
    );
}
