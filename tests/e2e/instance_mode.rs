//! sepiola added to NewPipe or Grayjay as a PeerTube *instance*: the
//! requests their public source makes (NewPipeExtractor's
//! `PeertubeInstance.fetchInstanceMetaData` and kiosks, Grayjay's
//! `PeerTubeScript.js` `enable`/`getHome`/search with the date filter),
//! with the fields they read; `publishedAfter`/`publishedBefore`; the
//! sorts of PeerTube's lists.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::compat::check_video;
use crate::harness::{assert_meaningful, fixture, shared, total};

fn uuids(v: &Value) -> BTreeSet<String> {
    v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["uuid"].as_str().unwrap().to_string())
        .collect()
}

fn published(v: &Value) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(v["publishedAt"].as_str().unwrap()).unwrap()
}

#[tokio::test]
async fn newpipe_adds_sepiola_as_an_instance_and_opens_its_kiosks() {
    let s = shared();
    // fetchInstanceMetaData: GET /api/v1/config, reads `instance.name`
    let (st, c) = s.get("/api/v1/config").await;
    assert_eq!(st, 200);
    assert_eq!(c["instance"]["name"], "sepiola", "{c}");
    assert!(c["instance"]["shortDescription"].is_string(), "{c}");
    // what Sepia's front end read before is all still there
    for f in [
        "searchInstanceName",
        "searchInstanceDescription",
        "indexedHostsCount",
        "indexedDocuments",
    ] {
        assert!(!c[f].is_null(), "{f}: {c}");
    }
    assert_eq!(c["signup"]["allowed"], false);
    assert_eq!(c["search"]["remoteUri"]["anonymous"], false);
    assert_eq!(c["search"]["searchIndex"]["enabled"], true);
    // kiosks (PeertubeTrendingLinkHandlerFactory), paged 12 at a time
    let whole = fixture("video").len() as u64;
    for q in [
        "sort=-trending",
        "sort=-likes",
        "sort=-publishedAt",
        "sort=-publishedAt&isLocal=true",
    ] {
        let (st, v) = s.get(&format!("/api/v1/videos?{q}&start=0&count=12")).await;
        assert_eq!(st, 200, "{q}: {v}");
        assert_eq!(total(&v), whole, "{q}: every indexed video is listed");
        assert_eq!(v["data"].as_array().unwrap().len(), 12, "{q}");
        for d in v["data"].as_array().unwrap() {
            check_video(d, q);
        }
    }
    // a stream opened from a kiosk: GET /api/v1/videos/{uuid} on the instance
    let uuid = fixture("video")[0]["uuid"].as_str().unwrap().to_string();
    let (st, v) = s.get(&format!("/api/v1/videos/{uuid}")).await;
    assert_eq!(st, 200, "{v}");
    check_video(&v, "details");
    assert!(
        v["files"].as_array().unwrap().is_empty(),
        "sepiola serves no file"
    );
    assert!(
        v["url"].as_str().unwrap().starts_with("https://"),
        "links to its origin"
    );
    let (st, _) = s
        .get("/api/v1/videos/00000000-0000-4000-8000-000000000000")
        .await;
    assert_eq!(st, 404);
}

#[tokio::test]
async fn grayjay_instance_mode_home_and_sorts() {
    let s = shared();
    // enable(): reads serverVersion, must be >= 3.1.0 for best/-trending/-hot
    let (_, c) = s.get("/api/v1/config").await;
    let version = c["serverVersion"].as_str().unwrap();
    let major: u32 = version.split('.').next().unwrap().parse().unwrap();
    assert!(major >= 4, "{version}");
    // getHome(): every sort it offers, with its category and language filters
    let whole = fixture("video").len() as u64;
    for sort in [
        "best",
        "-publishedAt",
        "publishedAt",
        "-views",
        "-likes",
        "-trending",
        "-hot",
    ] {
        let (st, v) = s
            .get(&format!(
                "/api/v1/videos?sort={sort}&start=0&count=20&nsfw=false"
            ))
            .await;
        assert_eq!(st, 200, "{sort}: {v}");
        assert!(total(&v) > 0 && total(&v) <= whole, "{sort}");
        let (st, v) = s
            .get(&format!(
                "/api/v1/videos?sort={sort}&categoryOneOf=2&languageOneOf=en&start=0&count=20"
            ))
            .await;
        assert_eq!(st, 200, "{sort}: {v}");
        // the same sorts on the search route
        let (st, v) = s
            .get(&format!("/api/v1/search/videos?search=the&sort={sort}"))
            .await;
        assert_eq!(st, 200, "{sort}: {v}");
    }
    // -trending: most viewed first; best and -hot: newest first (docs/ranking.md)
    let (_, v) = s.get("/api/v1/videos?sort=-trending&count=100").await;
    let views: Vec<u64> = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["views"].as_u64().unwrap())
        .collect();
    assert!(views.windows(2).all(|w| w[0] >= w[1]), "{views:?}");
    assert!(views.first() > views.last(), "the fixture's views differ");
    for sort in ["best", "-hot", "hot", "trending"] {
        let (_, v) = s
            .get(&format!("/api/v1/videos?sort={sort}&count=100"))
            .await;
        let d = v["data"].as_array().unwrap();
        if sort == "trending" {
            let w: Vec<u64> = d.iter().map(|d| d["views"].as_u64().unwrap()).collect();
            assert_eq!(
                w, views,
                "trending is most viewed first whatever the direction"
            );
        } else {
            assert!(
                d.windows(2).all(|w| published(&w[0]) >= published(&w[1])),
                "{sort}"
            );
        }
    }
    // the video list takes the search's filters: nsfw=false leaves the sensitive out
    let sensitive = fixture("video")
        .iter()
        .filter(|v| v["nsfw"] == true)
        .count() as u64;
    let (_, v) = s.get("/api/v1/videos?nsfw=false&count=0").await;
    assert_eq!(total(&v), whole - sensitive);
    // a channel and a playlist opened from results
    let ch = &fixture("channel")[0];
    let name = ch["name"].as_str().unwrap();
    let host = ch["host"].as_str().unwrap();
    for handle in [name.to_string(), format!("{name}@{host}")] {
        let (st, v) = s.get(&format!("/api/v1/video-channels/{handle}")).await;
        assert_eq!(st, 200, "{handle}: {v}");
        assert_eq!(v["name"], name);
        assert_eq!(v["host"], host);
    }
    let (st, _) = s.get("/api/v1/video-channels/nobody_here").await;
    assert_eq!(st, 404);
    let pl = fixture("playlist")[0]["uuid"].as_str().unwrap().to_string();
    let (st, v) = s.get(&format!("/api/v1/video-playlists/{pl}")).await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["uuid"], pl.as_str());
    let (st, v) = s
        .get(&format!(
            "/api/v1/video-playlists/{pl}/videos?start=0&count=20"
        ))
        .await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(total(&v), 0);
}

#[tokio::test]
async fn published_after_and_before_filter_by_publication_date() {
    let s = shared();
    let videos = fixture("video");
    let whole: BTreeSet<String> = videos
        .iter()
        .map(|v| v["uuid"].as_str().unwrap().to_string())
        .collect();
    let when = |v: &Value| published(v);
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    let expect = |keep: &dyn Fn(&Value) -> bool| -> BTreeSet<String> {
        videos
            .iter()
            .filter(|v| keep(v))
            .map(|v| v["uuid"].as_str().unwrap().to_string())
            .collect()
    };
    let after = "2024-05-01T00:00:00.000Z";
    let before = "2024-03-01T10:00:00.000Z";
    let cases: Vec<(String, BTreeSet<String>)> = vec![
        (
            format!("publishedAfter={after}"),
            expect(&|v| when(v) >= at(after)),
        ),
        (
            format!("publishedBefore={before}"),
            expect(&|v| when(v) <= at(before)),
        ),
        // with startDate/endDate: the intersection
        (
            format!(
                "publishedAfter=2020-01-01T00:00:00Z&endDate={after}&publishedBefore=2024-04-30"
            ),
            expect(&|v| {
                when(v) >= at("2020-01-01T00:00:00Z") && when(v) <= at("2024-04-30T00:00:00Z")
            }),
        ),
        (
            format!("startDate=2024-09-01&publishedAfter={after}"),
            expect(&|v| when(v) >= at("2024-09-01T00:00:00Z")),
        ),
    ];
    for (q, expected) in cases {
        assert_meaningful(&expected, &whole, &q);
        for path in ["/api/v1/search/videos", "/api/v1/videos"] {
            let (st, v) = s.get(&format!("{path}?{q}&count=100")).await;
            assert_eq!(st, 200, "{q}: {v}");
            assert_eq!(uuids(&v), expected, "{path}?{q}");
            assert_eq!(total(&v), expected.len() as u64, "{path}?{q}");
        }
    }
}

#[tokio::test]
async fn watch_links_built_on_sepiola_lead_to_the_origin() {
    let s = shared();
    let no_redirect = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(20))
        .build()
        .unwrap();
    let v = &fixture("video")[0];
    let p = &fixture("playlist")[0];
    for (path, origin) in [
        (
            format!("/videos/watch/{}", v["uuid"].as_str().unwrap()),
            &v["url"],
        ),
        (
            format!("/w/{}", v["shortUUID"].as_str().unwrap()),
            &v["url"],
        ),
        (
            format!("/videos/watch/playlist/{}", p["uuid"].as_str().unwrap()),
            &p["url"],
        ),
        (format!("/w/p/{}", p["uuid"].as_str().unwrap()), &p["url"]),
    ] {
        let r = no_redirect.get(s.url(&path)).send().await.unwrap();
        assert_eq!(r.status().as_u16(), 302, "{path}");
        assert_eq!(
            r.headers()["location"].to_str().unwrap(),
            origin.as_str().unwrap(),
            "{path}"
        );
    }
    let r = no_redirect
        .get(s.url("/w/nothing-here"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);
}
