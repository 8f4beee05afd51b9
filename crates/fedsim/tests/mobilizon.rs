//! The Mobilizon instances of the real `fedsim` binary, over loopback:
//! GraphQL with Mobilizon's argument defaults and limits, Absinthe-shaped
//! errors, the instance list, nodeinfo, media and the control API.

// Test helpers outside #[test] functions are not covered by clippy.toml's allow-in-tests.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

struct Fedsim {
    child: Child,
    info: Value,
}

impl Drop for Fedsim {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn spawn(args: &[&str]) -> Fedsim {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fedsim"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn fedsim");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    Fedsim {
        child,
        info: serde_json::from_str(&line).unwrap(),
    }
}

async fn gql(base: &str, query: &str, variables: Value) -> (u16, Value) {
    let r = reqwest::Client::new()
        .post(format!("{base}/api"))
        .json(&json!({"query": query, "variables": variables}))
        .send()
        .await
        .unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap())
}

#[tokio::test]
async fn mobilizon_instances_answer_graphql_as_mobilizon_does() {
    let f = spawn(&[
        "--peertube-instances",
        "0",
        "--mobilizon-instances",
        "2",
        "--mobilizon-events-per-instance",
        "80",
        "--mobilizon-hostile-kinds",
        "",
        "--seed",
        "4",
    ]);
    let m = &f.info["mobilizon"][0];
    let base = m["base_url"].as_str().unwrap().to_string();
    let host = m["host"].as_str().unwrap().to_string();
    let control = f.info["control"].as_str().unwrap().to_string();

    // Defaults: page 1, limit 10, beginsOn now.
    let (s, v) = gql(
        &base,
        "{ searchEvents(searchTarget: SELF) { total elements { uuid beginsOn endsOn } } }",
        Value::Null,
    )
    .await;
    assert_eq!(s, 200);
    let els = v["data"]["searchEvents"]["elements"].as_array().unwrap();
    assert_eq!(els.len(), 10, "{v}");
    let now = chrono::Utc::now().to_rfc3339();
    for e in els {
        let end = e["endsOn"]
            .as_str()
            .unwrap_or(e["beginsOn"].as_str().unwrap());
        assert!(
            end > now.as_str() || e["beginsOn"].as_str().unwrap() > now.as_str(),
            "{e}"
        );
    }
    let upcoming = v["data"]["searchEvents"]["total"].as_u64().unwrap();
    // An early beginsOn lists past events too.
    let (_, all) = gql(
        &base,
        "query($b: DateTime, $p: Int, $l: Int) { searchEvents(searchTarget: SELF, beginsOn: $b, page: $p, limit: $l) { total elements { uuid } } }",
        json!({"b": "2000-01-01T00:00:00Z", "p": 1, "l": 1000}),
    )
    .await;
    let total = all["data"]["searchEvents"]["total"].as_u64().unwrap();
    assert!(total > upcoming, "{total} vs {upcoming}");
    let truth: Value = reqwest::get(format!("{control}/mobilizon/{host}/events"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        truth["total"].as_u64().unwrap(),
        total,
        "the truth is what a search lists"
    );
    assert_eq!(
        all["data"]["searchEvents"]["elements"]
            .as_array()
            .unwrap()
            .len() as u64,
        total,
        "no cap on limit"
    );
    // Pages do not overlap and cover everything.
    let mut seen = std::collections::BTreeSet::new();
    for page in 1..=(total / 25 + 1) {
        let (_, p) = gql(
            &base,
            "query($p: Int) { searchEvents(searchTarget: SELF, sortBy: CREATED_AT_DESC, beginsOn: \"2000-01-01T00:00:00Z\", page: $p, limit: 25) { elements { uuid } } }",
            json!({"p": page}),
        )
        .await;
        for e in p["data"]["searchEvents"]["elements"].as_array().unwrap() {
            assert!(seen.insert(e["uuid"].as_str().unwrap().to_string()));
        }
    }
    assert_eq!(seen.len() as u64, total);

    // Errors: Absinthe's shape, HTTP 200.
    for (q, needle) in [
        ("{ searchEvents(bogus: 1) { total } }", "Unknown argument"),
        ("{ searchEvents { total nope } }", "Cannot query field"),
        ("{ nothing }", "Cannot query field"),
        ("{ searchEvents(page: \"one\") { total } }", "invalid value"),
        ("mutation { createEvent { id } }", "not supported"),
        (
            "{ searchEvents { elements { picture } } }",
            "selection of subfields",
        ),
    ] {
        let (s, v) = gql(&base, q, Value::Null).await;
        assert_eq!(s, 200, "{q}");
        assert!(v.get("data").is_none(), "{q}: {v}");
        let m = v["errors"][0]["message"].as_str().unwrap();
        assert!(m.contains(needle), "{q}: {m}");
    }
    let (_, v) = gql(
        &base,
        "{ event(uuid: \"00000000-0000-4000-8000-000000000000\") { uuid } }",
        Value::Null,
    )
    .await;
    assert_eq!(v["data"]["event"], Value::Null);
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("not found")
    );
    let (_, v) = gql(&base, "{ searchEvents(page: 0) { total } }", Value::Null).await;
    assert_eq!(v["data"]["searchEvents"], Value::Null, "{v}");

    // One event by uuid, with its place and time zone; media are real images.
    let uuid = truth["data"][0]["uuid"].as_str().unwrap();
    let (_, v) = gql(
        &base,
        "query($u: UUID!) { event(uuid: $u) { uuid title options { timezone } picture { url } physicalAddress { geom } } config { name version } }",
        json!({"u": uuid}),
    )
    .await;
    assert_eq!(v["data"]["event"]["uuid"], json!(uuid), "{v}");
    assert_eq!(v["data"]["config"]["version"], "5.1.2");
    if let Some(u) = v["data"]["event"]["picture"]["url"].as_str() {
        let r = reqwest::get(u).await.unwrap();
        assert_eq!(r.headers()["content-type"], "image/jpeg");
        assert_eq!(&r.bytes().await.unwrap()[..2], &[0xff, 0xd8]);
    }
    let ni: Value = reqwest::get(format!("{base}/.well-known/nodeinfo/2.1"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(ni["software"]["name"], "mobilizon");

    // The list, like instances.joinmobilizon.org's.
    let list: Value = reqwest::get(format!(
        "{}?start=1&count=5",
        f.info["mobilizon_list"].as_str().unwrap()
    ))
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    assert_eq!(list["total"], 2);
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
    assert!(list["data"][0]["totalLocalEvents"].as_u64().is_some());

    // Control: cancel shows in the next search.
    let c = reqwest::Client::new();
    let r = c
        .post(format!("{control}/mobilizon/{host}/events/{uuid}/cancel"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let (_, v) = gql(
        &base,
        "query($u: UUID!) { event(uuid: $u) { status } }",
        json!({"u": uuid}),
    )
    .await;
    assert_eq!(v["data"]["event"]["status"], "CANCELLED");
}
