//! Hostile input against the real server: every malformed request gets a
//! 4xx (400 problem+json naming the parameter where there is one), never a
//! 500, never a hang.

use crate::harness::{Server, shared};
use serde_json::{Value, json};

const VIDEOS: &str = "/api/v1/search/videos";

async fn expect_problem(
    s: &Server,
    how: &str,
    status: u16,
    v: &Value,
    ctype: &str,
    param: Option<&str>,
) {
    let shown: String = v.to_string().chars().take(300).collect();
    assert_eq!(status, 400, "{how}: {shown}");
    assert_eq!(ctype, "application/problem+json", "{how}");
    assert_eq!(v["status"], 400, "{how}: {shown}");
    assert!(v["detail"].is_string(), "{how}: {shown}");
    if let Some(p) = param {
        assert!(
            v["invalid-params"][p].is_object(),
            "{how}: should name {p}: {shown}"
        );
    }
    // the server is still fine
    let (st, _) = s.get("/api/v1/ping").await;
    assert_eq!(st, 200);
}

async fn get_raw(s: &Server, path_and_query: &str) -> (u16, Value, String) {
    let r = crate::harness::client()
        .get(s.url(path_and_query))
        .send()
        .await
        .unwrap();
    let st = r.status().as_u16();
    let ct = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let v = serde_json::from_slice(&r.bytes().await.unwrap()).unwrap_or(Value::Null);
    (st, v, ct)
}

#[tokio::test]
async fn wrong_types_and_bad_values_are_400_naming_the_parameter() {
    let s = shared();
    let cases: Vec<(Value, &str)> = vec![
        (json!({"count": "abc"}), "count"),
        (json!({"count": true}), "count"),
        (json!({"count": -5}), "count"),
        (json!({"count": 101}), "count"),
        (json!({"count": 1e20}), "count"),
        (json!({"count": 2.5}), "count"),
        (json!({"start": -1}), "start"),
        (json!({"start": 1e30}), "start"),
        // a known parameter with an object or nested array is named; an
        // unknown one is ignored (tests/e2e/compat.rs)
        (json!({"search": {"nested": 1}}), "search"),
        (json!({"categoryOneOf": [[15]]}), "categoryOneOf"),
        (json!({"categoryOneOf": ["music"]}), "categoryOneOf"),
        (json!({"categoryOneOf": [-1]}), "categoryOneOf"),
        (json!({"licenceOneOf": [1e40]}), "licenceOneOf"),
        (json!({"isLive": {"a": 1}}), "isLive"),
        (json!({"nsfw": "sometimes"}), "nsfw"),
        (json!({"nsfw": 5}), "nsfw"),
        (json!({"sort": "random"}), "sort"),
        (json!({"sort": "--match"}), "sort"),
        (json!({"sort": ["-views", 1]}), "sort"),
        (json!({"startDate": "yesterday"}), "startDate"),
        (json!({"endDate": 12345}), "endDate"),
        (
            json!({"originallyPublishedStartDate": "2024-13-45"}),
            "originallyPublishedStartDate",
        ),
        (json!({"durationMin": "ten"}), "durationMin"),
        (json!({"durationMax": -3}), "durationMax"),
        (json!({"durationMax": 1e300}), "durationMax"),
        (json!({"host": "not a host/../"}), "host"),
        (json!({"search": "x".repeat(1_000_000)}), "search"),
        (json!({"tagsOneOf": ["y".repeat(1_000_000)]}), "tagsOneOf"),
        (
            json!({"blockedHosts": ["z".repeat(1_000_000)]}),
            "blockedHosts",
        ),
        (json!({"uuids": vec!["a"; 1_001]}), "uuids"),
    ];
    for (body, param) in cases {
        let how = format!(
            "POST {}",
            &body.to_string()[..body.to_string().len().min(80)]
        );
        let (st, v, ct) = s
            .post_raw(VIDEOS, "application/json", body.to_string().into_bytes())
            .await;
        expect_problem(s, &how, st, &v, &ct, Some(param)).await;
    }
    for (q, param) in [
        ("count=-1", "count"),
        ("count=1e3", "count"),
        ("start=18446744073709551616", "start"),
        ("sort=nope", "sort"),
        ("isLive=definitely-not-a-bool", "isLive"),
        ("categoryOneOf[]=1&categoryOneOf[]=x", "categoryOneOf"),
    ] {
        let (st, v, ct) = get_raw(s, &format!("{VIDEOS}?{q}")).await;
        expect_problem(s, q, st, &v, &ct, Some(param)).await;
    }
    // channel and playlist endpoints validate too
    for ep in ["video-channels", "video-playlists"] {
        let (st, v, ct) = get_raw(s, &format!("/api/v1/search/{ep}?sort=-views")).await;
        expect_problem(s, ep, st, &v, &ct, Some("sort")).await;
        let (st, v, ct) = get_raw(s, &format!("/api/v1/search/{ep}?count=1000")).await;
        expect_problem(s, ep, st, &v, &ct, Some("count")).await;
    }
}

#[tokio::test]
async fn long_strings_in_urls_and_bodies() {
    let s = shared();
    // a 60 kB search in the URL reaches the validator
    let (st, v, ct) = get_raw(s, &format!("{VIDEOS}?search={}", "a".repeat(60_000))).await;
    expect_problem(s, "60 kB GET", st, &v, &ct, Some("search")).await;
    // a 1 MB URL is refused by the HTTP layer itself (414/431), never a 5xx;
    // HTTP clients refuse to send one, so write it on a raw socket
    let st = raw_get_status(s, &format!("{VIDEOS}?search={}", "a".repeat(1_000_000))).await;
    assert!((400..500).contains(&st), "1 MB GET answered {st}");
    // 1 MB in a form body
    let (st, v, ct) = s
        .post_raw(
            VIDEOS,
            "application/x-www-form-urlencoded",
            format!("search={}", "b".repeat(1_000_000)).into_bytes(),
        )
        .await;
    expect_problem(s, "1 MB form", st, &v, &ct, Some("search")).await;
    // more than the body limit: 413, not 5xx
    let (st, _, _) = s
        .post_raw(VIDEOS, "application/json", vec![b' '; 6 * 1024 * 1024])
        .await;
    assert_eq!(st, 413);
}

async fn raw_get_status(s: &Server, path: &str) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = s.base.trim_start_matches("http://").to_string();
    let mut sock = tokio::net::TcpStream::connect(addr).await.unwrap();
    let req = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    // the server may answer and close before reading everything
    let _ = sock.write_all(req.as_bytes()).await;
    let mut buf = vec![0u8; 64];
    let n = sock.read(&mut buf).await.unwrap_or(0);
    let head = String::from_utf8_lossy(&buf[..n]).to_string();
    head.split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no status line: {head:?}"))
}

#[tokio::test]
async fn broken_json_and_deep_nesting() {
    let s = shared();
    let deep_arrays = "[".repeat(100_000);
    let deep_objects = "{\"a\":".repeat(50_000) + "1" + &"}".repeat(50_000);
    let nested_param = format!("{{\"search\":{}1{}}}", "[".repeat(200), "]".repeat(200));
    for body in [
        "{",
        "[1,2,3]",
        "\"just a string\"",
        "nul",
        "{\"search\": \"unterminated}",
        "{\"a\":1}garbage",
        deep_arrays.as_str(),
        deep_objects.as_str(),
        nested_param.as_str(),
    ] {
        let (st, v, ct) = s
            .post_raw(VIDEOS, "application/json", body.as_bytes().to_vec())
            .await;
        expect_problem(s, &body[..body.len().min(40)], st, &v, &ct, None).await;
    }
}

#[tokio::test]
async fn invalid_utf8_everywhere() {
    let s = shared();
    let (st, v, ct) = get_raw(s, &format!("{VIDEOS}?search=%FF%FEabc")).await;
    expect_problem(s, "GET value", st, &v, &ct, Some("search")).await;
    let (st, v, ct) = get_raw(s, &format!("{VIDEOS}?%C3%28=1")).await;
    expect_problem(s, "GET key", st, &v, &ct, None).await;
    let (st, v, ct) = s
        .post_raw(
            VIDEOS,
            "application/json",
            b"{\"search\":\"\xff\xfe\"}".to_vec(),
        )
        .await;
    expect_problem(s, "JSON body", st, &v, &ct, None).await;
    let (st, v, ct) = s
        .post_raw(
            VIDEOS,
            "application/x-www-form-urlencoded",
            b"search=%80%80".to_vec(),
        )
        .await;
    expect_problem(s, "form body", st, &v, &ct, Some("search")).await;
}

#[tokio::test]
async fn too_many_parameters_or_values() {
    let s = shared();
    let many_keys: Vec<String> = (0..150).map(|i| format!("k{i}=1")).collect();
    let (st, v, ct) = get_raw(s, &format!("{VIDEOS}?{}", many_keys.join("&"))).await;
    expect_problem(s, "150 keys", st, &v, &ct, None).await;
    let many_values: Vec<&str> = vec!["tagsOneOf=a"; 1_500];
    let (st, v, ct) = get_raw(s, &format!("{VIDEOS}?{}", many_values.join("&"))).await;
    expect_problem(s, "1500 values", st, &v, &ct, Some("tagsOneOf")).await;
}

/// Random requests over the wire, deterministic from a seed: whatever they
/// hold, the answer is 200 or a 4xx, never a 5xx.
#[tokio::test]
async fn random_requests_never_get_a_5xx() {
    let s = shared();
    let keys = [
        "search",
        "start",
        "count",
        "sort",
        "nsfw",
        "isLive",
        "categoryOneOf[]",
        "licenceOneOf",
        "languageOneOf",
        "tagsOneOf",
        "tagsAllOf",
        "host",
        "startDate",
        "endDate",
        "originallyPublishedStartDate",
        "durationMin",
        "durationMax",
        "uuids",
        "handles",
        "boostLanguages[]",
        "blockedHosts",
        "blockedAccounts",
        "searchTarget",
        "x",
    ];
    let alphabet: Vec<&str> = vec![
        "a",
        "-",
        "1",
        "0",
        "9",
        "%",
        "%FF",
        "%00",
        "é",
        "\"",
        "'",
        "<",
        "[",
        "]",
        "{",
        "&",
        "=",
        "true",
        "both",
        "-match",
        "2024-01-01",
        "@",
        ".",
        " ",
        "%20",
        "\u{202e}",
        "99999999999",
    ];
    let mut state: u64 = 0x5EED;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for i in 0..300 {
        let mut q = String::new();
        for _ in 0..(1 + next(6)) {
            q.push_str(keys[next(keys.len())]);
            q.push('=');
            for _ in 0..next(8) {
                q.push_str(alphabet[next(alphabet.len())]);
            }
            q.push('&');
        }
        let ep = ["videos", "video-channels", "video-playlists"][i % 3];
        let url = format!("/api/v1/search/{ep}?{q}");
        let r = crate::harness::client().get(s.url(&url)).send().await;
        let Ok(r) = r else { continue }; // the client may refuse to build an odd URL
        let st = r.status().as_u16();
        assert!(st == 200 || (400..500).contains(&st), "{url} -> {st}");
        let json = serde_json::to_string(&q).unwrap();
        let (st, _) = s
            .post_json(
                &format!("/api/v1/search/{ep}"),
                &json!({ "search": json, "count": next(200), "start": next(20_000) }),
            )
            .await;
        assert!(st == 200 || st == 400, "POST {q} -> {st}");
    }
}
