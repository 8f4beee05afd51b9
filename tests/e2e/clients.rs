//! One test per known client of the search API, asserting that every result
//! carries the fields that client reads, well-formed (contract A.9–A.12, E).

use crate::harness::{Server, shared};
use serde::Deserialize;
use serde_json::Value;

async fn all(s: &Server, endpoint: &str, extra: &str) -> Value {
    let count = if extra.contains("count=") {
        ""
    } else {
        "count=100"
    };
    let (st, v) = s
        .get(&format!("/api/v1/search/{endpoint}?{count}{extra}"))
        .await;
    assert_eq!(st, 200, "{endpoint}: {v}");
    assert!(
        v["data"].as_array().unwrap().len() >= 3,
        "{endpoint}: too few"
    );
    assert!(
        v.get("error").is_none(),
        "NewPipe treats `error` as failure"
    );
    v
}

fn items(v: &Value) -> &Vec<Value> {
    v["data"].as_array().unwrap()
}

fn absolute(v: &Value) -> &str {
    let s = v.as_str().unwrap_or_else(|| panic!("not a string: {v}"));
    assert!(
        s.starts_with("https://") || s.starts_with("http://"),
        "not absolute: {s}"
    );
    url::Url::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
    s
}

fn relative(v: &Value) -> &str {
    let s = v.as_str().unwrap_or_else(|| panic!("not a string: {v}"));
    assert!(
        s.starts_with('/') && !s.starts_with("//"),
        "not relative: {s}"
    );
    s
}

fn origin_of(u: &str) -> String {
    let u = url::Url::parse(u).unwrap();
    let mut o = format!("{}://{}", u.scheme(), u.host_str().unwrap());
    if let Some(p) = u.port() {
        o.push_str(&format!(":{p}"));
    }
    o
}

fn label_object(v: &Value, what: &str) {
    assert!(v.is_object(), "{what} must be an object: {v}");
    assert!(v["label"].is_string(), "{what}.label must be a string: {v}");
    assert!(v.get("id").is_some(), "{what}.id must be present: {v}");
}

fn actor_summary(a: &Value, what: &str) {
    for k in ["name", "host", "displayName"] {
        assert!(
            a[k].as_str().is_some_and(|s| !s.is_empty()),
            "{what}.{k}: {a}"
        );
    }
    assert!(a["id"].is_i64(), "{what}.id: {a}");
    absolute(&a["url"]);
    let avatars = a["avatars"]
        .as_array()
        .unwrap_or_else(|| panic!("{what}.avatars: {a}"));
    for img in avatars {
        absolute(&img["fileUrl"]);
        absolute(&img["url"]);
        relative(&img["path"]);
        assert_eq!(
            origin_of(img["fileUrl"].as_str().unwrap()),
            origin_of(a["url"].as_str().unwrap())
        );
    }
}

/// PeerTube's Angular client gets the index's answer unchanged through its
/// instance: dates, label objects, account/channel, absolute thumbnail,
/// embed and watch URLs, avatars with absolute `fileUrl`.
#[tokio::test]
async fn peertube_web_client() {
    let s = shared();
    let v = all(s, "videos", "").await;
    for d in items(&v) {
        for k in ["createdAt", "publishedAt"] {
            chrono::DateTime::parse_from_rfc3339(d[k].as_str().unwrap()).unwrap();
        }
        for k in ["category", "licence", "language", "privacy"] {
            label_object(&d[k], k);
        }
        actor_summary(&d["account"], "account");
        actor_summary(&d["channel"], "channel");
        absolute(&d["thumbnailUrl"]);
        absolute(&d["embedUrl"]);
        absolute(&d["url"]);
        assert_eq!(d["isLocal"], false);
        assert!(d["score"].is_number());
    }
    let v = all(s, "video-channels", "").await;
    for c in items(&v) {
        assert!(c["name"].is_string() && c["host"].is_string());
        assert!(c["avatars"].is_array());
        actor_summary(&c["ownerAccount"], "ownerAccount");
        assert!(c["score"].is_number());
    }
    let v = all(s, "video-playlists", "").await;
    for p in items(&v) {
        assert!(p["uuid"].is_string() && p["displayName"].is_string());
        label_object(&p["privacy"], "privacy");
        assert_eq!(p["privacy"]["id"], 1);
        assert_eq!(p["type"]["id"], 1);
        absolute(&p["url"]);
        absolute(&p["thumbnailUrl"]);
        absolute(&p["embedUrl"]);
        actor_summary(&p["ownerAccount"], "ownerAccount");
        assert!(p["score"].is_number());
    }
}

/// NewPipe derives the origin as `embedUrl` minus `embedPath`, then joins
/// relative thumbnail and avatar paths to it; channels are recognised by
/// `followersCount`.
#[tokio::test]
async fn newpipe() {
    let s = shared();
    let v = all(s, "videos", "&start=0&count=12").await;
    assert!(v["total"].is_u64());
    for d in items(&v) {
        let embed_url = absolute(&d["embedUrl"]);
        let embed_path = relative(&d["embedPath"]);
        let base = embed_url
            .strip_suffix(embed_path)
            .unwrap_or_else(|| panic!("{embed_url} does not end with {embed_path}"));
        assert_eq!(base, origin_of(d["url"].as_str().unwrap()));
        assert_eq!(base, format!("https://{}", d["host"].as_str().unwrap()));
        let thumb = format!("{base}{}", relative(&d["thumbnailPath"]));
        assert_eq!(thumb, d["thumbnailUrl"].as_str().unwrap());
        for k in ["uuid", "name", "publishedAt"] {
            assert!(d[k].is_string(), "{k}");
        }
        assert!(d["views"].is_u64() && d["duration"].is_u64() && d["isLive"].is_boolean());
        let acc = &d["account"];
        for k in ["name", "host", "displayName"] {
            assert!(acc[k].is_string());
        }
        for a in acc["avatars"].as_array().unwrap() {
            url::Url::parse(&format!("{base}{}", relative(&a["path"]))).unwrap();
        }
    }
    let v = all(s, "video-channels", "").await;
    for c in items(&v) {
        assert!(
            c["followersCount"].is_u64(),
            "channel without followersCount"
        );
    }
}

/// Grayjay derives the origin from `url` and joins `thumbnailPath` and the
/// last avatar's `path` to it; reads channel name/displayName/url, counts,
/// flags and `total`.
#[tokio::test]
async fn grayjay() {
    let s = shared();
    for sort in ["match", "-createdAt", "createdAt", "-views", "-likes"] {
        let v = all(
            s,
            "videos",
            &format!("&sort={sort}&count=20&nsfw=both&resultType=videos"),
        )
        .await;
        assert!(v["total"].as_u64().unwrap() >= 20, "{sort}");
        for d in items(&v) {
            let origin = origin_of(absolute(&d["url"]));
            let thumb = format!("{origin}{}", relative(&d["thumbnailPath"]));
            assert_eq!(thumb, d["thumbnailUrl"].as_str().unwrap());
            let ch = &d["channel"];
            assert!(ch["name"].is_string() && ch["displayName"].is_string());
            absolute(&ch["url"]);
            if let Some(last) = ch["avatars"].as_array().unwrap().last() {
                url::Url::parse(&format!("{origin}{}", relative(&last["path"]))).unwrap();
            }
            // legacy single avatar too
            assert!(ch["avatar"].is_object() || ch["avatars"].as_array().unwrap().is_empty());
            assert!(d["publishedAt"].is_string() && d["duration"].is_u64());
            assert!(d["views"].is_u64() && d["viewers"].is_u64());
            assert!(d["isLive"].is_boolean() && d["nsfw"].is_boolean());
        }
    }
    let v = all(s, "video-channels", "&sort=-createdAt").await;
    for c in items(&v) {
        absolute(&c["url"]);
        assert!(c["followersCount"].is_u64());
    }
    let v = all(s, "video-playlists", "").await;
    for p in items(&v) {
        absolute(&p["url"]);
        assert!(p["videosLength"].is_u64());
        relative(&p["thumbnailPath"]);
    }
}

/// SearXNG's sepiasearch engine: bracket arrays, `-match`, reads url, name,
/// description, account/channel names, tags, duration, views, publishedAt,
/// embedUrl and thumbnailUrl.
#[tokio::test]
async fn searxng() {
    let s = shared();
    let (st, v) = s
        .get("/api/v1/search/videos?search=jazz&start=0&count=10&sort=-match&nsfw=false&languageOneOf[]=en&boostLanguages[]=en&startDate=2020-01-01")
        .await;
    assert_eq!(st, 200);
    assert_eq!(v["total"], 1);
    let v = all(s, "videos", "&sort=-match&nsfw=both").await;
    for d in items(&v) {
        absolute(&d["url"]);
        assert!(d["name"].is_string());
        assert!(d["description"].is_string() || d["description"].is_null());
        assert!(d["account"]["displayName"].is_string());
        for k in ["displayName", "name", "host"] {
            assert!(d["channel"][k].is_string());
        }
        assert!(d["tags"].is_array());
        assert!(d["duration"].is_u64() && d["views"].is_u64());
        assert!(d["publishedAt"].is_string());
        absolute(&d["embedUrl"]);
        absolute(&d["thumbnailUrl"]);
        absolute(&d["previewUrl"]);
    }
}

/// peertube-viewer-rs parses with strict serde types: every one of these
/// fields must be present with the right type.
#[derive(Deserialize)]
#[allow(dead_code)]
#[serde(rename_all = "camelCase")]
struct StrictVideo {
    uuid: String,
    created_at: chrono::DateTime<chrono::FixedOffset>,
    published_at: chrono::DateTime<chrono::FixedOffset>,
    duration: u64,
    name: String,
    views: u64,
    likes: u64,
    dislikes: u64,
    nsfw: bool,
    account: StrictActor,
    channel: StrictActor,
    category: StrictLabel<Option<i64>>,
    licence: StrictLabel<Option<i64>>,
    privacy: StrictLabel<i64>,
    language: StrictLabel<Option<String>>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
#[serde(rename_all = "camelCase")]
struct StrictActor {
    id: i64,
    name: String,
    display_name: String,
    host: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct StrictLabel<T> {
    id: T,
    label: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
#[serde(rename_all = "camelCase")]
struct StrictChannel {
    id: i64,
    name: String,
    display_name: String,
    host: String,
    url: String,
    followers_count: u64,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Page<T> {
    total: u64,
    data: Vec<T>,
}

#[tokio::test]
async fn peertube_viewer() {
    let s = shared();
    for nsfw in ["both", "false"] {
        let r = crate::harness::client()
            .get(s.url(&format!(
                "/api/v1/search/videos?search=&count=100&start=0&nsfw={nsfw}"
            )))
            .send()
            .await
            .unwrap();
        let page: Page<StrictVideo> = r.json().await.unwrap();
        assert!(page.total >= 29);
        assert_eq!(page.data.len() as u64, page.total);
    }
    let r = crate::harness::client()
        .get(s.url("/api/v1/search/video-channels?search=histoire&count=10&start=0"))
        .send()
        .await
        .unwrap();
    let page: Page<StrictChannel> = r.json().await.unwrap();
    assert!(!page.data.is_empty());
}
