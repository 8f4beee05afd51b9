//! The image proxy, over loopback: it serves images of indexed hosts and
//! refuses hosts that are not indexed, what is not an image, oversized
//! images, redirects elsewhere and private addresses when not allowed.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::harness::Server;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\x04\0\x09\xfb\x03\xfd\xe3U\xf2\x9c\0\0\0\0IEND\xaeB`\x82";

/// A tiny origin: answers by path, counts the requests it receives.
async fn origin(redirect_to: Option<String>) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let host = listener.local_addr().unwrap().to_string();
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            counter.fetch_add(1, Ordering::SeqCst);
            let redirect_to = redirect_to.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 4096];
                let n = sock.read(&mut buf).await.unwrap_or(0);
                let req = String::from_utf8_lossy(&buf[..n]).to_string();
                let path = req.split_whitespace().nth(1).unwrap_or("/").to_string();
                let (head, body): (String, Vec<u8>) = match path.as_str() {
                    "/ok.png" => ("200 OK\r\nContent-Type: image/png".into(), PNG.to_vec()),
                    "/lying.png" => (
                        "200 OK\r\nContent-Type: image/png".into(),
                        b"<script>alert(1)</script>".to_vec(),
                    ),
                    "/page.html" => (
                        "200 OK\r\nContent-Type: text/html".into(),
                        b"<html></html>".to_vec(),
                    ),
                    "/logo.svg" => (
                        "200 OK\r\nContent-Type: image/svg+xml".into(),
                        b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
                    ),
                    "/big.jpg" => {
                        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0];
                        b.resize(3 * 1024 * 1024, 0);
                        ("200 OK\r\nContent-Type: image/jpeg".into(), b)
                    }
                    // Distinct 200 KB images, to fill the cache.
                    p if p.starts_with("/many/") => {
                        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0];
                        b.extend_from_slice(p.as_bytes());
                        b.resize(200 * 1024, 0);
                        ("200 OK\r\nContent-Type: image/jpeg".into(), b)
                    }
                    "/redirect.png" => (
                        format!("302 Found\r\nLocation: {}", redirect_to.unwrap_or_default()),
                        Vec::new(),
                    ),
                    _ => (
                        "404 Not Found\r\nContent-Type: text/plain".into(),
                        b"no".to_vec(),
                    ),
                };
                let resp = format!(
                    "HTTP/1.1 {head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = sock.write_all(resp.as_bytes()).await;
                let _ = sock.write_all(&body).await;
            });
        }
    });
    (host, hits)
}

/// A video record whose host is `host` (so that host counts as indexed).
fn record(host: &str) -> String {
    std::fs::read_to_string(crate::harness::fixture_path())
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .replace("tube.example.org", host)
        .replace("https://", "http://")
}

fn serve_with(hosts: &[&str], toml: &str) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("docs.jsonl");
    let lines: Vec<String> = hosts.iter().map(|h| record(h)).collect();
    std::fs::write(&file, lines.join("\n")).unwrap();
    let data = dir.path().join("data");
    crate::harness::import(&data, &file);
    Server::start(dir, toml)
}

async fn fetch(s: &Server, src: &str) -> (u16, String, usize) {
    let url = format!(
        "{}/img?src={}",
        s.base,
        percent_encoding::utf8_percent_encode(src, percent_encoding::NON_ALPHANUMERIC)
    );
    let r = crate::harness::client().get(url).send().await.unwrap();
    let status = r.status().as_u16();
    let ct = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let len = r.bytes().await.unwrap().len();
    (status, ct, len)
}

#[tokio::test]
async fn serves_images_of_indexed_hosts_and_refuses_the_rest() {
    let (elsewhere, elsewhere_hits) = origin(None).await;
    let (host, hits) = origin(Some(format!("http://{elsewhere}/ok.png"))).await;
    let s = serve_with(
        &[&host],
        "[images]\nallow_private_addresses = true\nmax_image_bytes = 1048576\n",
    );
    // an image of an indexed host: served, and cached (no second fetch)
    let (st, ct, len) = fetch(&s, &format!("http://{host}/ok.png")).await;
    assert_eq!((st, ct.as_str(), len), (200, "image/png", PNG.len()));
    let before = hits.load(Ordering::SeqCst);
    let (st, _, _) = fetch(&s, &format!("http://{host}/ok.png")).await;
    assert_eq!(st, 200);
    assert_eq!(
        hits.load(Ordering::SeqCst),
        before,
        "second request hit the origin"
    );
    // a host that is not indexed: refused without contacting it
    let (st, _, _) = fetch(&s, &format!("http://{elsewhere}/ok.png")).await;
    assert_eq!(st, 403);
    // not images
    assert_eq!(fetch(&s, &format!("http://{host}/page.html")).await.0, 415);
    assert_eq!(fetch(&s, &format!("http://{host}/lying.png")).await.0, 415);
    assert_eq!(fetch(&s, &format!("http://{host}/logo.svg")).await.0, 415);
    // too large
    assert_eq!(fetch(&s, &format!("http://{host}/big.jpg")).await.0, 413);
    // a redirect to another host is not followed
    assert_eq!(
        fetch(&s, &format!("http://{host}/redirect.png")).await.0,
        502
    );
    assert_eq!(
        elsewhere_hits.load(Ordering::SeqCst),
        0,
        "the proxy reached another host"
    );
    // not URLs it fetches
    for bad in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://x/a.png",
        "not a url",
    ] {
        let (st, _, _) = fetch(&s, bad).await;
        assert!(st == 400 || st == 403, "{bad}: {st}");
    }
    let r = crate::harness::client()
        .get(format!("{}/img", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    // an <img> (Sec-Fetch-Dest: image) gets the placeholder, cached briefly
    let r = crate::harness::client()
        .get(format!("{}/img?src=http://{host}/page.html", s.base))
        .header("sec-fetch-dest", "image")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let h = r.headers();
    assert_eq!(h["content-type"], "image/svg+xml");
    assert_eq!(h["cache-control"], "public, max-age=60");
    assert!(h.contains_key("x-image-error"));
    assert!(r.text().await.unwrap().starts_with("<svg"));
}

#[tokio::test]
async fn private_addresses_are_refused_unless_allowed() {
    let (host, hits) = origin(None).await;
    let s = serve_with(&[&host], "");
    let (st, _, _) = fetch(&s, &format!("http://{host}/ok.png")).await;
    assert_eq!(st, 403);
    // a name that resolves to loopback is refused too
    let port = host.rsplit(':').next().unwrap();
    let s2 = serve_with(&[&format!("localhost:{port}")], "");
    let (st, _, _) = fetch(&s2, &format!("http://localhost:{port}/ok.png")).await;
    assert_eq!(st, 403);
    assert_eq!(hits.load(Ordering::SeqCst), 0);
}

/// Issue 15, point 2: the image cache on a small file system, at its cap.
/// The cache (2 MiB) sits on a 3 MiB tmpfs and is sent 40 distinct 200 KB
/// images (8 MB): every one is served, the cache never holds more than
/// its cap plus the image being stored, and the disk never fills.
#[tokio::test]
async fn the_image_cache_stays_under_its_cap_and_never_fills_the_disk() {
    let (host, hits) = origin(None).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("docs.jsonl");
    std::fs::write(&file, record(&host)).unwrap();
    let data = dir.path().join("data");
    crate::harness::import(&data, &file);
    let images = data.join("images");
    let Some(_fs) = crate::harness::tmpfs::Tmpfs::mount(&images, "3m") else {
        return;
    };
    let s = Server::start(
        dir,
        "[images]\nallow_private_addresses = true\ncache_mb = 2\n",
    );
    let cap = 2 * 1024 * 1024u64;
    let used = |p: &std::path::Path| -> u64 {
        fn walk(p: &std::path::Path) -> u64 {
            std::fs::read_dir(p)
                .map(|rd| {
                    rd.flatten()
                        .map(|e| match e.metadata() {
                            Ok(m) if m.is_dir() => walk(&e.path()),
                            Ok(m) => m.len(),
                            Err(_) => 0,
                        })
                        .sum()
                })
                .unwrap_or(0)
        }
        walk(p)
    };
    let mut most = 0;
    for i in 0..40 {
        let (st, ct, len) = fetch(&s, &format!("http://{host}/many/{i}.jpg")).await;
        assert_eq!(
            (st, ct.as_str(), len),
            (200, "image/jpeg", 200 * 1024),
            "image {i}"
        );
        most = most.max(used(&images));
        assert!(
            most <= cap + 200 * 1024,
            "the cache holds {most} bytes, over its cap {cap}"
        );
    }
    assert!(
        most > cap / 2,
        "the cache never filled: the check proves nothing ({most})"
    );
    // The newest image is still cached: no new request to the origin.
    let before = hits.load(Ordering::SeqCst);
    let (st, _, _) = fetch(&s, &format!("http://{host}/many/39.jpg")).await;
    assert_eq!(st, 200);
    assert_eq!(
        hits.load(Ordering::SeqCst),
        before,
        "the newest image was evicted"
    );
}
