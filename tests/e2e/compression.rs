//! Compression over loopback: pages and API answers are gzipped or
//! brotli-compressed when the client accepts it, decode to the plain body,
//! and stay plain when it does not.

use std::io::Read;

use crate::harness::{client, shared};

/// The body and `Content-Encoding` of `GET path` with `Accept-Encoding`.
async fn get(path: &str, accept: Option<&str>) -> (Option<String>, Vec<u8>) {
    let mut req = client().get(shared().url(path));
    if let Some(a) = accept {
        req = req.header("accept-encoding", a);
    }
    let r = req.send().await.unwrap();
    assert_eq!(r.status(), 200, "{path}");
    let enc = r
        .headers()
        .get("content-encoding")
        .map(|v| v.to_str().unwrap().to_string());
    (enc, r.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn pages_and_api_answers_are_compressed_when_accepted() {
    for path in [
        "/search?search=jazz",
        "/api/v1/search/videos?search=jazz",
        "/static/style.css",
    ] {
        let (plain_enc, plain) = get(path, None).await;
        assert_eq!(plain_enc, None, "{path}: compressed without being asked");
        let (enc, gz) = get(path, Some("gzip")).await;
        assert_eq!(enc.as_deref(), Some("gzip"), "{path}");
        let mut decoded = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut decoded)
            .unwrap();
        assert_eq!(
            decoded, plain,
            "{path}: gzip does not decode to the plain body"
        );
        assert!(gz.len() < plain.len(), "{path}: gzip is not smaller");
        let (enc, br) = get(path, Some("br")).await;
        assert_eq!(enc.as_deref(), Some("br"), "{path}");
        assert!(br.len() < plain.len(), "{path}: brotli is not smaller");
    }
}
