//! End-to-end tests of the PeerTube-compatible search API (contract A.3–A.7
//! and G) against a real `sepiola serve` over an imported index.

use std::collections::BTreeSet;

use crate::harness::{Server, assert_meaningful, fixture, names, shared, total};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value, json};

/// One parameter: name, values, and whether it is a list parameter.
type Param<'a> = (&'a str, &'a [&'a str]);

/// Percent-encodes a query-string value.
pub(crate) fn enc(s: &str) -> String {
    utf8_percent_encode(s, NON_ALPHANUMERIC).to_string()
}

fn query_string(params: &[Param], brackets: bool, list_params: &[&str]) -> String {
    let mut parts = vec!["count=100".to_string()];
    for (k, vs) in params {
        for v in *vs {
            let key = if brackets && list_params.contains(k) {
                format!("{k}[]")
            } else {
                k.to_string()
            };
            parts.push(format!("{}={}", enc(&key), enc(v)));
        }
    }
    parts.join("&")
}

fn json_body(params: &[Param], list_params: &[&str]) -> Value {
    let mut o = serde_json::Map::new();
    o.insert("count".into(), json!(100));
    for (k, vs) in params {
        let v = if list_params.contains(k) {
            json!(vs)
        } else {
            let s = vs[0];
            // Scalars as their native JSON type where one exists.
            match s.parse::<i64>() {
                Ok(n) if !k.contains("Date") => json!(n),
                _ => match s {
                    "true" => json!(true),
                    "false" => json!(false),
                    _ => json!(s),
                },
            }
        };
        o.insert((*k).into(), v);
    }
    Value::Object(o)
}

const LIST_PARAMS: &[&str] = &[
    "categoryOneOf",
    "licenceOneOf",
    "languageOneOf",
    "tagsOneOf",
    "tagsAllOf",
    "uuids",
    "handles",
    "boostLanguages",
    "blockedAccounts",
    "blockedHosts",
];

fn ids(v: &Value, key: &str) -> BTreeSet<String> {
    v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d[key].as_str().unwrap().to_string())
        .collect()
}

/// How a check's parameters travel. Each endpoint's filter checks use one
/// way (the decoder test, crates/server/tests/decode_encodings.rs, holds
/// every encoding of every parameter);
/// `each_http_encoding_gives_the_same_answer` sends a few in all four.
#[derive(Debug, Clone, Copy)]
enum Way {
    GetRepeated,
    GetBrackets,
    PostJson,
    PostForm,
}

const ALL_WAYS: [Way; 4] = [
    Way::GetRepeated,
    Way::GetBrackets,
    Way::PostJson,
    Way::PostForm,
];

/// The one way each endpoint's filter checks are sent.
fn way_of(endpoint: &str) -> Way {
    match endpoint {
        "videos" => Way::GetRepeated,
        "video-channels" => Way::PostForm,
        _ => Way::GetBrackets,
    }
}

async fn send(s: &Server, endpoint: &str, params: &[Param<'_>], way: Way) -> (u16, Value) {
    let path = format!("/api/v1/search/{endpoint}");
    match way {
        Way::GetRepeated => {
            s.get(&format!(
                "{path}?{}",
                query_string(params, false, LIST_PARAMS)
            ))
            .await
        }
        Way::GetBrackets => {
            s.get(&format!(
                "{path}?{}",
                query_string(params, true, LIST_PARAMS)
            ))
            .await
        }
        Way::PostJson => s.post_json(&path, &json_body(params, LIST_PARAMS)).await,
        Way::PostForm => {
            let (st, v, _) = s
                .post_raw(
                    &path,
                    "application/x-www-form-urlencoded",
                    query_string(params, false, LIST_PARAMS).into_bytes(),
                )
                .await;
            (st, v)
        }
    }
}

/// What a check's expected set is meant to be.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// Some of the fixture, not all: the filter filters.
    Some,
    /// All of it (no filter, `nsfw=both`, ignored parameters).
    All,
    /// None of it.
    Nothing,
}

/// Sends the parameters the endpoint's way and checks the answer holds
/// exactly the fixture documents the predicate accepts, with an exact
/// total; the expected set is neither empty nor the whole fixture.
async fn check(
    s: &Server,
    endpoint: &str,
    kind: &str,
    id_key: &str,
    params: &[Param<'_>],
    pred: impl Fn(&Value) -> bool,
) {
    check_ways(
        s,
        endpoint,
        kind,
        id_key,
        params,
        pred,
        Expect::Some,
        &[way_of(endpoint)],
    )
    .await;
}

/// The same, for parameters meant to keep every document.
async fn check_all(s: &Server, endpoint: &str, kind: &str, id_key: &str, params: &[Param<'_>]) {
    let ways = [way_of(endpoint)];
    check_ways(
        s,
        endpoint,
        kind,
        id_key,
        params,
        |_| true,
        Expect::All,
        &ways,
    )
    .await;
}

/// The same, for parameters meant to keep no document.
async fn check_none(s: &Server, endpoint: &str, kind: &str, id_key: &str, params: &[Param<'_>]) {
    let ways = [way_of(endpoint)];
    check_ways(
        s,
        endpoint,
        kind,
        id_key,
        params,
        |_| false,
        Expect::Nothing,
        &ways,
    )
    .await;
}

#[allow(clippy::too_many_arguments)]
async fn check_ways(
    s: &Server,
    endpoint: &str,
    kind: &str,
    id_key: &str,
    params: &[Param<'_>],
    pred: impl Fn(&Value) -> bool,
    expect: Expect,
    ways: &[Way],
) {
    let docs = fixture(kind);
    let id = |d: &Value| d[id_key].as_str().unwrap().to_string();
    let whole: BTreeSet<String> = docs.iter().map(id).collect();
    let expected: BTreeSet<String> = docs.iter().filter(|d| pred(d)).map(id).collect();
    match expect {
        Expect::Some => assert_meaningful(&expected, &whole, &format!("{endpoint} {params:?}")),
        Expect::All => assert_eq!(expected, whole, "{endpoint} {params:?}"),
        Expect::Nothing => assert!(expected.is_empty(), "{endpoint} {params:?}"),
    }
    for &how in ways {
        let (status, v) = send(s, endpoint, params, how).await;
        assert_eq!(status, 200, "{how:?} {params:?}: {v}");
        assert_eq!(ids(&v, id_key), expected, "{how:?} {params:?}");
        assert_eq!(total(&v), expected.len() as u64, "{how:?} {params:?}");
    }
}

fn has_tag(d: &Value, t: &str) -> bool {
    d["tags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x.as_str().unwrap().eq_ignore_ascii_case(t))
}

#[tokio::test]
async fn ping_answers_pong() {
    let s = shared();
    let r = crate::harness::client()
        .get(s.url("/api/v1/ping"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.text().await.unwrap(), "pong");
}

#[tokio::test]
async fn every_video_filter() {
    let s = shared();
    let v = "videos";
    check_all(s, v, "video", "uuid", &[]).await;
    check(s, v, "video", "uuid", &[("nsfw", &["true"])], |d| {
        d["nsfw"] == true
    })
    .await;
    check(s, v, "video", "uuid", &[("nsfw", &["false"])], |d| {
        d["nsfw"] == false
    })
    .await;
    check_all(s, v, "video", "uuid", &[("nsfw", &["both"])]).await;
    check(s, v, "video", "uuid", &[("isLive", &["true"])], |d| {
        d["isLive"] == true
    })
    .await;
    check(s, v, "video", "uuid", &[("isLive", &["false"])], |d| {
        d["isLive"] == false
    })
    .await;
    check(s, v, "video", "uuid", &[("categoryOneOf", &["15"])], |d| {
        d["category"]["id"] == 15
    })
    .await;
    check(
        s,
        v,
        "video",
        "uuid",
        &[("categoryOneOf", &["15", "1"])],
        |d| d["category"]["id"] == 15 || d["category"]["id"] == 1,
    )
    .await;
    check(s, v, "video", "uuid", &[("licenceOneOf", &["2"])], |d| {
        d["licence"]["id"] == 2
    })
    .await;
    check(
        s,
        v,
        "video",
        "uuid",
        &[("languageOneOf", &["fr", "de"])],
        |d| d["language"]["id"] == "fr" || d["language"]["id"] == "de",
    )
    .await;
    check(
        s,
        v,
        "video",
        "uuid",
        &[("languageOneOf", &["_unknown"])],
        |d| d["language"]["id"].is_null(),
    )
    .await;
    check(
        s,
        v,
        "video",
        "uuid",
        &[("tagsOneOf", &["rust", "Cooking"])],
        |d| has_tag(d, "rust") || has_tag(d, "cooking"),
    )
    .await;
    check(
        s,
        v,
        "video",
        "uuid",
        &[("tagsAllOf", &["framasoft", "peertube"])],
        |d| has_tag(d, "framasoft") && has_tag(d, "peertube"),
    )
    .await;
    check(
        s,
        v,
        "video",
        "uuid",
        &[("tagsAllOf", &["rust", "live"])],
        |d| has_tag(d, "rust") && has_tag(d, "live"),
    )
    .await;
    check(
        s,
        v,
        "video",
        "uuid",
        &[("host", &["video.example.fr"])],
        |d| d["account"]["host"] == "video.example.fr",
    )
    .await;
    check_none(s, v, "video", "uuid", &[("host", &["example.com"])]).await;
    check(
        s,
        v,
        "video",
        "uuid",
        &[
            ("startDate", &["2024-01-01T00:00:00Z"]),
            ("endDate", &["2024-06-30"]),
        ],
        |d| {
            let p = d["publishedAt"].as_str().unwrap();
            ("2024-01-01".."2024-06-30T00:00:00.001Z").contains(&p)
        },
    )
    .await;
    check(
        s,
        v,
        "video",
        "uuid",
        &[
            ("originallyPublishedStartDate", &["2000-01-01"]),
            ("originallyPublishedEndDate", &["2020-01-01"]),
        ],
        |d| {
            d["originallyPublishedAt"]
                .as_str()
                .is_some_and(|p| ("2000-01-01".."2020-01-01T00:00:00.001Z").contains(&p))
        },
    )
    .await;
    check(s, v, "video", "uuid", &[("durationMin", &["600"])], |d| {
        d["duration"].as_u64().unwrap() >= 600
    })
    .await;
    check(
        s,
        v,
        "video",
        "uuid",
        &[("durationMin", &["60"]), ("durationMax", &["600"])],
        |d| (60..=600).contains(&d["duration"].as_u64().unwrap()),
    )
    .await;
    let all = fixture("video");
    let (u1, s2) = (
        all[0]["uuid"].as_str().unwrap(),
        all[1]["shortUUID"].as_str().unwrap(),
    );
    check(s, v, "video", "uuid", &[("uuids", &[u1, s2])], |d| {
        d["uuid"] == u1 || d["shortUUID"] == s2
    })
    .await;
    check(
        s,
        v,
        "video",
        "uuid",
        &[("blockedHosts", &["video.example.fr"])],
        |d| d["host"] != "video.example.fr",
    )
    .await;
    check(
        s,
        v,
        "video",
        "uuid",
        &[(
            "blockedAccounts",
            &["claire@video.example.fr", "bernd@peertube.example.de:8443"],
        )],
        |d| d["account"]["name"] != "claire" && d["account"]["name"] != "bernd",
    )
    .await;
    // text, combined with filters; unknown and ignored parameters change nothing
    check(
        s,
        v,
        "video",
        "uuid",
        &[
            ("search", &["rust"]),
            ("languageOneOf", &["en"]),
            ("searchTarget", &["search-index"]),
            ("resultType", &["videos"]),
            ("excludeAlreadyWatched", &["true"]),
            ("fromHost", &["tube.example.org"]),
        ],
        |d| {
            d["language"]["id"] == "en"
                && (has_tag(d, "rust") || d["name"].as_str().unwrap().contains("Rust"))
        },
    )
    .await;
    // boostLanguages reorders, never filters
    check_all(s, v, "video", "uuid", &[("boostLanguages", &["fr"])]).await;
    // PeerTube's own live test: category + licence + tagsAllOf + date window
    check(
        s,
        v,
        "video",
        "uuid",
        &[
            ("categoryOneOf", &["15"]),
            ("licenceOneOf", &["2"]),
            ("tagsAllOf", &["framasoft", "peertube"]),
            ("startDate", &["2020-01-01"]),
            ("endDate", &["2020-12-31"]),
        ],
        |d| d["name"] == "Framasoft and PeerTube",
    )
    .await;
}

#[tokio::test]
async fn channel_and_playlist_filters() {
    let s = shared();
    check_all(s, "video-channels", "channel", "name", &[]).await;
    check(
        s,
        "video-channels",
        "channel",
        "name",
        &[("host", &["video.example.fr"])],
        |d| d["host"] == "video.example.fr",
    )
    .await;
    check(
        s,
        "video-channels",
        "channel",
        "name",
        &[(
            "handles",
            &["histoire@video.example.fr", "nobody@nowhere.example"],
        )],
        |d| d["name"] == "histoire",
    )
    .await;
    check(
        s,
        "video-channels",
        "channel",
        "name",
        &[("blockedAccounts", &["alice@tube.example.org"])],
        |d| d["ownerAccount"]["name"] != "alice",
    )
    .await;
    check(
        s,
        "video-channels",
        "channel",
        "name",
        &[("blockedHosts", &["tube.example.org"])],
        |d| d["host"] != "tube.example.org",
    )
    .await;
    check(
        s,
        "video-channels",
        "channel",
        "name",
        &[("search", &["@musique"])],
        |d| d["name"] == "musique",
    )
    .await;
    let pls = fixture("playlist");
    let u = pls[1]["uuid"].as_str().unwrap();
    let su = pls[2]["shortUUID"].as_str().unwrap();
    check_all(s, "video-playlists", "playlist", "uuid", &[]).await;
    check(
        s,
        "video-playlists",
        "playlist",
        "uuid",
        &[("uuids", &[u, su])],
        |d| d["uuid"] == u || d["shortUUID"] == su,
    )
    .await;
    check(
        s,
        "video-playlists",
        "playlist",
        "uuid",
        &[("host", &["video.example.fr"])],
        |d| d["ownerAccount"]["host"] == "video.example.fr",
    )
    .await;
    check(
        s,
        "video-playlists",
        "playlist",
        "uuid",
        &[("blockedAccounts", &["claire@video.example.fr"])],
        |d| d["ownerAccount"]["name"] != "claire",
    )
    .await;
    check(
        s,
        "video-playlists",
        "playlist",
        "uuid",
        &[("blockedHosts", &["video.example.fr"])],
        |d| d["host"] != "video.example.fr",
    )
    .await;
    check(
        s,
        "video-playlists",
        "playlist",
        "uuid",
        &[("search", &["rust"])],
        |d| d["displayName"] == "Rust learning path",
    )
    .await;
}

/// The four HTTP ways (GET with repeated keys, GET with `key[]`, POST JSON,
/// POST form) reach the same decoder: a few filter sets sent all four ways
/// give the same, exact answers. Every encoding of every parameter is in
/// crates/server/tests/decode_encodings.rs.
#[tokio::test]
async fn each_http_encoding_gives_the_same_answer() {
    let s = shared();
    // PeerTube's own live test: category + licence + tagsAllOf + date window
    check_ways(
        s,
        "videos",
        "video",
        "uuid",
        &[
            ("categoryOneOf", &["15"]),
            ("licenceOneOf", &["2"]),
            ("tagsAllOf", &["framasoft", "peertube"]),
            ("startDate", &["2020-01-01"]),
            ("endDate", &["2020-12-31"]),
        ],
        |d| d["name"] == "Framasoft and PeerTube",
        Expect::Some,
        &ALL_WAYS,
    )
    .await;
    check_ways(
        s,
        "videos",
        "video",
        "uuid",
        &[
            ("nsfw", &["false"]),
            ("isLive", &["false"]),
            ("languageOneOf", &["fr", "de"]),
            ("durationMin", &["60"]),
        ],
        |d| {
            d["nsfw"] == false
                && d["isLive"] == false
                && (d["language"]["id"] == "fr" || d["language"]["id"] == "de")
                && d["duration"].as_u64().unwrap() >= 60
        },
        Expect::Some,
        &ALL_WAYS,
    )
    .await;
    check_ways(
        s,
        "video-channels",
        "channel",
        "name",
        &[
            (
                "handles",
                &["histoire@video.example.fr", "musique@video.example.fr"],
            ),
            ("blockedAccounts", &["alice@tube.example.org"]),
        ],
        |d| d["name"] == "histoire" || d["name"] == "musique",
        Expect::Some,
        &ALL_WAYS,
    )
    .await;
    let pls = fixture("playlist");
    let u = pls[1]["uuid"].as_str().unwrap();
    let su = pls[2]["shortUUID"].as_str().unwrap();
    check_ways(
        s,
        "video-playlists",
        "playlist",
        "uuid",
        &[("uuids", &[u, su]), ("blockedHosts", &["nowhere.example"])],
        |d| d["uuid"] == u || d["shortUUID"] == su,
        Expect::Some,
        &ALL_WAYS,
    )
    .await;
}

fn field_order<T: PartialOrd + std::fmt::Debug>(vals: &[T], descending: bool) -> bool {
    vals.windows(2).all(|w| {
        if descending {
            w[0] >= w[1]
        } else {
            w[0] <= w[1]
        }
    })
}

#[tokio::test]
async fn every_sort_orders_its_column_both_ways() {
    let s = shared();
    for (col, field) in [
        ("duration", "duration"),
        ("views", "views"),
        ("likes", "likes"),
    ] {
        for desc in [false, true] {
            let sort = if desc {
                format!("-{col}")
            } else {
                col.to_string()
            };
            let (st, v) = s
                .get(&format!("/api/v1/search/videos?count=100&sort={sort}"))
                .await;
            assert_eq!(st, 200);
            let vals: Vec<u64> = v["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d[field].as_u64().unwrap())
                .collect();
            assert_eq!(vals.len(), 45);
            assert!(field_order(&vals, desc), "{sort}: {vals:?}");
        }
    }
    for (col, field) in [
        ("createdAt", "createdAt"),
        ("publishedAt", "publishedAt"),
        ("name", "name"),
    ] {
        for desc in [false, true] {
            let sort = if desc {
                format!("-{col}")
            } else {
                col.to_string()
            };
            let (st, v) = s
                .get(&format!("/api/v1/search/videos?count=100&sort={sort}"))
                .await;
            assert_eq!(st, 200);
            let vals: Vec<String> = v["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d[field].as_str().unwrap().to_lowercase())
                .collect();
            assert!(field_order(&vals, desc), "{sort}: {vals:?}");
        }
    }
    for desc in [false, true] {
        let sort = if desc {
            "-originallyPublishedAt"
        } else {
            "originallyPublishedAt"
        };
        let (_, v) = s
            .get(&format!("/api/v1/search/videos?count=100&sort={sort}"))
            .await;
        let vals: Vec<String> = v["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|d| d["originallyPublishedAt"].as_str().map(str::to_string))
            .collect();
        assert_eq!(vals.len(), 2);
        assert!(field_order(&vals, desc), "{sort}: {vals:?}");
        // documents without the value come last, both ways
        let data = v["data"].as_array().unwrap();
        assert!(
            data[..2]
                .iter()
                .all(|d| d["originallyPublishedAt"].is_string())
        );
    }
    // match and -match: best first, scores never increase
    for sort in ["match", "-match"] {
        let (_, v) = s
            .get(&format!(
                "/api/v1/search/videos?search=solar%20panel&sort={sort}"
            ))
            .await;
        assert_eq!(names(&v)[0], "Installing a solar panel on the roof");
        let scores: Vec<f64> = v["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["score"].as_f64().unwrap())
            .collect();
        assert!(field_order(&scores, true), "{scores:?}");
    }
    // hot (PeerTube ≥ 7) is accepted
    let (st, _) = s.get("/api/v1/search/videos?sort=-hot").await;
    assert_eq!(st, 200);
    for ep in ["video-channels", "video-playlists"] {
        for (sort, field, desc) in [
            ("displayName", "displayName", false),
            ("-displayName", "displayName", true),
            ("createdAt", "createdAt", false),
            ("-createdAt", "createdAt", true),
        ] {
            let (st, v) = s.get(&format!("/api/v1/search/{ep}?sort={sort}")).await;
            assert_eq!(st, 200, "{ep} {sort}");
            let vals: Vec<String> = v["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d[field].as_str().unwrap().to_lowercase())
                .collect();
            assert!(vals.len() >= 3);
            assert!(field_order(&vals, desc), "{ep} {sort}: {vals:?}");
        }
        for sort in ["match", "-match"] {
            let (st, _) = s
                .get(&format!("/api/v1/search/{ep}?search=jazz&sort={sort}"))
                .await;
            assert_eq!(st, 200);
        }
        let (st, v) = s.get(&format!("/api/v1/search/{ep}?sort=-views")).await;
        assert_eq!(st, 400, "{ep}: {v}");
    }
}

#[tokio::test]
async fn pagination_is_consistent_with_exact_totals() {
    let s = shared();
    let (_, all) = s
        .get("/api/v1/search/videos?count=100&sort=-publishedAt")
        .await;
    let all = names(&all);
    assert_eq!(all.len(), 45);
    let mut paged = Vec::new();
    for start in (0..45).step_by(7) {
        let (st, v) = s
            .get(&format!(
                "/api/v1/search/videos?start={start}&count=7&sort=-publishedAt"
            ))
            .await;
        assert_eq!(st, 200);
        assert_eq!(total(&v), 45);
        paged.extend(names(&v));
    }
    assert_eq!(paged, all);
    // default page size is 20, count=0 still tells the total
    let (_, v) = s.get("/api/v1/search/videos").await;
    assert_eq!(v["data"].as_array().unwrap().len(), 20);
    let (_, v) = s.get("/api/v1/search/videos?count=0").await;
    assert_eq!((total(&v), v["data"].as_array().unwrap().len()), (45, 0));
    // PeerTube's live test: count=5 returns 5 with total > 5
    let (_, v) = s
        .get("/api/v1/search/videos?count=5&search=jazz%20rust%20solar")
        .await;
    assert_eq!(v["data"].as_array().unwrap().len(), 5);
    assert!(total(&v) > 5);
    // past the end: empty page, same total
    let (_, v) = s.get("/api/v1/search/videos?start=9000&count=100").await;
    assert_eq!((total(&v), v["data"].as_array().unwrap().len()), (45, 0));
}

#[tokio::test]
async fn the_post_bodies_a_real_peertube_6_3_sends() {
    let s = shared();
    // contract G, verbatim
    let (st, v) = s
        .post_json(
            "/api/v1/search/videos",
            &json!({"start":0,"count":15,"sort":"-match","search":"rust","searchTarget":"search-index","blockedHosts":[],"blockedAccounts":[],"nsfw":"false"}),
        )
        .await;
    assert_eq!(st, 200, "{v}");
    assert!(total(&v) >= 2);
    assert!(names(&v).iter().all(|n| !n.contains("Sensitive")));
    let (st, v) = s
        .post_json(
            "/api/v1/search/videos",
            &json!({"start":0,"count":15,"sort":"-match","search":"rust","searchTarget":"search-index","blockedHosts":["video.example.fr"],"blockedAccounts":[],"nsfw":"both","categoryOneOf":["15"],"languageOneOf":["en"],"tagsOneOf":["rust"]}),
        )
        .await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(
        names(&v),
        vec!["Rust tutorial for beginners", "Live coding session"]
    );
    for ep in ["video-channels", "video-playlists"] {
        let (st, v) = s
            .post_json(
                &format!("/api/v1/search/{ep}"),
                &json!({"searchTarget":"search-index","search":"jazz","start":0,"count":15,"sort":"-match","blockedHosts":[],"blockedAccounts":[]}),
            )
            .await;
        assert_eq!(st, 200, "{ep}: {v}");
        assert!(total(&v) >= 1, "{ep}: {v}");
    }
    // the same with PeerTube's headers
    let r = crate::harness::client()
        .post(s.url("/api/v1/search/videos"))
        .header("User-Agent", "PeerTube/6.3.0 (+http://localhost:9000)")
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .body(r#"{"start":0,"count":15,"sort":"-match","search":"jazz","searchTarget":"search-index","blockedHosts":[],"blockedAccounts":[],"nsfw":"false"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["content-type"].to_str().unwrap(),
        "application/json"
    );
}

#[tokio::test]
async fn config_cors_and_unknown_routes() {
    let s = Server::with_fixture_and_config("[instance]\nname = \"Test Search\"\n");
    let (st, v) = s.get("/api/v1/config").await;
    assert_eq!(st, 200);
    assert_eq!(v["searchInstanceName"], "Test Search");
    assert_eq!(v["indexedHostsCount"], 4);
    assert_eq!(v["indexedDocuments"]["videos"], 45);
    let r = crate::harness::client()
        .get(s.url("/api/v1/search/videos"))
        .header("Origin", "https://peertube.example")
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
    let r = crate::harness::client()
        .request(reqwest::Method::OPTIONS, s.url("/api/v1/search/videos"))
        .header("Origin", "https://peertube.example")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    assert!(r.headers().contains_key("access-control-allow-methods"));
    let (st, v) = s.get("/api/v1/nothing-here").await;
    assert_eq!((st, v["status"].as_u64()), (404, Some(404)));
    let r = crate::harness::client()
        .put(s.url("/api/v1/search/videos"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 405);
}

#[tokio::test]
async fn operator_deny_list_applies_at_query_time() {
    let s = Server::with_fixture_and_config("[moderation]\ndeny_hosts = [\"Video.Example.FR\"]\n");
    let (_, v) = s.get("/api/v1/search/videos?count=100").await;
    // 45 videos, 12 of them on video.example.fr
    assert_eq!(total(&v), 33);
    assert!(
        v["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["host"] != "video.example.fr")
    );
    let (_, v) = s.get("/api/v1/search/video-channels?search=musique").await;
    assert_eq!(total(&v), 0);
    let (_, v) = s.get("/api/v1/search/video-playlists").await;
    assert_eq!(total(&v), 2);
}

#[tokio::test]
async fn export_then_import_gives_the_same_answers() {
    let s = shared();
    let data = s.dir.path().join("data");
    // export works while the server holds the writer; the files written go
    // to a directory of this test's own (the server is shared)
    let mine = tempfile::tempdir().unwrap();
    {
        let dir = mine.path();
        let out = dir.join("export.jsonl");
        let (code, _, err) = crate::harness::sepiola(&[
            "--data-dir",
            data.to_str().unwrap(),
            "index",
            "export",
            "--output",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{err}");
        let text = std::fs::read_to_string(&out).unwrap();
        assert_eq!(text.lines().count(), 53);
        let data2 = dir.join("data2");
        crate::harness::import(&data2, &out);
        // export of the re-import is the same set of lines
        let (_, again, _) =
            crate::harness::sepiola(&["--data-dir", data2.to_str().unwrap(), "index", "export"]);
        let a: BTreeSet<&str> = text.lines().collect();
        let b: BTreeSet<&str> = again.lines().collect();
        assert_eq!(a, b);
    }
}

#[tokio::test]
async fn import_reports_invalid_lines_and_keeps_the_valid_ones() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mixed.jsonl");
    let good = std::fs::read_to_string(crate::harness::fixture_path()).unwrap();
    let first = good.lines().next().unwrap();
    let foreign = first.replace(
        "\"url\": \"https://tube.example.org/videos/watch/",
        "\"url\": \"https://evil.example/videos/watch/",
    );
    std::fs::write(
        &file,
        format!("{first}\nnot json\n{{\"kind\":\"video\"}}\n{foreign}\n\n"),
    )
    .unwrap();
    let data = dir.path().join("data");
    let (code, out, err) = crate::harness::sepiola(&[
        "--data-dir",
        data.to_str().unwrap(),
        "index",
        "import",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("imported 1 documents"), "{out}");
    assert!(out.contains("3 invalid lines"), "{out}");
    assert!(err.contains("line 2"), "{err}");
    assert!(err.contains("another host"), "{err}");
}

/// Issue 14, through the API PeerTube's global search calls: "garden"
/// sorted by date lists only the videos with the word in their own text
/// (the fixture filtered here is the truth), not every video of the channel
/// garden_channel, and the total says so; best first, the channel's videos
/// come after them; typing the channel's handle lists its videos by date.
#[tokio::test]
async fn date_sorted_search_leaves_out_videos_matching_only_by_channel_name() {
    let s = shared();
    let own_text = |v: &Value| {
        let mut texts = vec![v["name"].clone(), v["description"].clone()];
        texts.extend(v["tags"].as_array().unwrap().iter().cloned());
        texts.iter().filter_map(Value::as_str).any(|t| {
            t.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "garden")
        })
    };
    let mut expected: Vec<&Value> = Vec::new();
    let videos = fixture("video");
    expected.extend(videos.iter().filter(|v| own_text(v)));
    expected.sort_by_key(|v| std::cmp::Reverse(v["publishedAt"].as_str().unwrap().to_string()));
    let expected: Vec<String> = expected
        .iter()
        .map(|v| v["name"].as_str().unwrap().to_string())
        .collect();
    assert!(
        !expected.is_empty() && expected.len() < videos.len(),
        "{expected:?}"
    );
    let (st, v) = s
        .get("/api/v1/search/videos?search=garden&sort=-publishedAt&count=20")
        .await;
    assert_eq!(st, 200);
    assert_eq!(names(&v), expected);
    assert_eq!(total(&v), expected.len() as u64);

    let channel: Vec<String> = videos
        .iter()
        .filter(|v| v["channel"]["name"] == "garden_channel")
        .map(|v| v["name"].as_str().unwrap().to_string())
        .collect();
    let (_, v) = s.get("/api/v1/search/videos?search=garden&count=20").await;
    let best = names(&v);
    assert_eq!(best.len(), expected.len() + channel.len(), "{best:?}");
    assert!(
        best[expected.len()..].iter().all(|n| channel.contains(n)),
        "{best:?}"
    );

    let (_, v) = s
        .get("/api/v1/search/videos?search=garden_channel&sort=-publishedAt&count=20")
        .await;
    let named = names(&v);
    assert_eq!(named[..channel.len()], channel[..], "{named:?}");
}
