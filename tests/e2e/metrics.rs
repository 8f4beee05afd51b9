//! `GET /metrics` (issue 17, point 4): Prometheus text that a Prometheus
//! parser reads, counting requests per route pattern and documents per
//! kind, with no query text and no client address in it after a burst of
//! searches.

use prometheus_parse::{Scrape, Value as Sample};

use crate::harness::Server;

/// The value of one sample, by name and labels.
pub fn value(scrape: &Scrape, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    scrape
        .samples
        .iter()
        .find(|s| {
            s.metric == name
                && labels
                    .iter()
                    .all(|(k, v)| s.labels.get(k).is_some_and(|x| x == *v))
        })
        .map(|s| match s.value {
            Sample::Counter(v) | Sample::Gauge(v) | Sample::Untyped(v) => v,
            Sample::Histogram(ref b) => b.last().map_or(0.0, |x| x.count),
            Sample::Summary(_) => f64::NAN,
        })
}

/// `/metrics` of a server, parsed.
pub async fn scrape(server: &Server) -> Scrape {
    let text = reqwest::get(server.url("/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    Scrape::parse(text.lines().map(|l| Ok(l.to_string()))).expect("Prometheus text format")
}

#[tokio::test]
async fn metrics_count_requests_and_documents_but_not_who_or_what() {
    let server = Server::with_fixture();
    let secret = "zebracornflakes";
    for i in 0..25 {
        let (code, _) = server
            .get(&format!("/api/v1/search/videos?search={secret}{i}"))
            .await;
        assert_eq!(code, 200);
    }
    let (code, _) = server
        .post_json(
            "/api/v1/search/video-channels",
            &serde_json::json!({"search": secret}),
        )
        .await;
    assert_eq!(code, 200);
    let (code, _) = server.get("/api/v1/search/videos?count=abc").await;
    assert_eq!(code, 400);
    let page = reqwest::get(server.url(&format!("/search?search={secret}")))
        .await
        .unwrap();
    assert_eq!(page.status(), 200);

    let r = reqwest::get(server.url("/metrics")).await.unwrap();
    assert_eq!(r.status(), 200);
    let text = r.text().await.unwrap();
    assert!(!text.contains(secret), "a query text leaked:\n{text}");
    assert!(
        !text.contains("127.0.0.1"),
        "a client address leaked:\n{text}"
    );
    assert!(!text.to_lowercase().contains("user-agent"), "{text}");

    let lines = text.lines().map(|l| Ok(l.to_string()));
    let scrape = Scrape::parse(lines).expect("Prometheus text format");
    let videos = [("route", "/api/v1/search/videos"), ("status", "2xx")];
    assert_eq!(
        value(&scrape, "sepiola_http_requests_total", &videos),
        Some(25.0)
    );
    let bad = [("route", "/api/v1/search/videos"), ("status", "4xx")];
    assert_eq!(
        value(&scrape, "sepiola_http_requests_total", &bad),
        Some(1.0)
    );
    let channels = [
        ("route", "/api/v1/search/video-channels"),
        ("status", "2xx"),
    ];
    assert_eq!(
        value(&scrape, "sepiola_http_requests_total", &channels),
        Some(1.0)
    );
    let page = [("route", "/search"), ("status", "2xx")];
    assert_eq!(
        value(&scrape, "sepiola_http_requests_total", &page),
        Some(1.0)
    );
    assert!(
        scrape.samples.iter().any(|s| s
            .metric
            .starts_with("sepiola_http_request_duration_seconds")),
        "{text}"
    );
    // The committed fixture: 45 videos, 5 channels, 3 playlists.
    assert_eq!(
        value(&scrape, "sepiola_documents", &[("kind", "video")]),
        Some(45.0)
    );
    assert_eq!(
        value(&scrape, "sepiola_documents", &[("kind", "channel")]),
        Some(5.0)
    );
    assert!(
        value(
            &scrape,
            "sepiola_host_documents",
            &[("host", "video.example.fr")]
        )
        .is_some_and(|n| n > 0.0),
        "{text}"
    );
    assert!(
        value(&scrape, "sepiola_index_size_bytes", &[]).is_some_and(|n| n > 0.0),
        "{text}"
    );
}
