//! Hostile instance behaviours: what each kind does, at the TCP level (drips, silence, huge or
//! lying bodies), at the HTTP level (errors, broken JSON, redirects) or inside documents
//! (dangerous URLs, markup, absurd numbers).

use crate::error::FedsimError;
use crate::request_log::RequestLog;
use serde_json::Value;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// One way an instance misbehaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HostileKind {
    /// Sends headers at once, then the body one byte at a time, forever.
    SlowDrip,
    /// Accepts the connection, reads the request, never answers.
    Timeout,
    /// Answers 500/502/503 to everything.
    ServerError,
    /// Answers 200 `application/json` with bodies that are not valid JSON (or not the right shape).
    InvalidJson,
    /// A chunked body of hundreds of MB (no Content-Length).
    HugeChunked,
    /// An honest `Content-Length` of hundreds of MB, and that many bytes.
    HugeLength,
    /// `Content-Length: 1000`, then hundreds of MB anyway.
    LengthLie,
    /// 302 to the same path on the decoy instance (a host not on the list).
    RedirectDecoy,
    /// Redirects to private / link-local addresses (10.0.0.1, 169.254.169.254).
    RedirectPrivate,
    /// `javascript:` and foreign-host (decoy) URLs in `url`, `thumbnailPath`, `fileUrl`, ….
    BadUrls,
    /// Scripts, markup, RTL overrides, NUL bytes and 1 MB strings in every text field.
    Markup,
    /// Negative durations and views, 1e300, ids beyond i64, dates in year 99999 or unparsable.
    AbsurdNumbers,
    /// Its videos carry the uuids of a healthy instance's videos.
    UuidClash,
    /// `/api/v1/videos` never ends: every page full, the total growing with each page.
    Endless,
    /// Mobilizon only: every GraphQL query answers errors (HTTP 200), in
    /// Absinthe's shape and in broken ones.
    GraphqlErrors,
}

impl HostileKind {
    /// Every kind, in the order `--hostile N` assigns them.
    pub const ALL: [HostileKind; 14] = [
        HostileKind::SlowDrip,
        HostileKind::Timeout,
        HostileKind::ServerError,
        HostileKind::InvalidJson,
        HostileKind::HugeChunked,
        HostileKind::HugeLength,
        HostileKind::LengthLie,
        HostileKind::RedirectDecoy,
        HostileKind::RedirectPrivate,
        HostileKind::BadUrls,
        HostileKind::Markup,
        HostileKind::AbsurdNumbers,
        HostileKind::UuidClash,
        HostileKind::Endless,
    ];

    /// Every kind a Mobilizon instance can be given, in the order
    /// `--mobilizon-hostile N` assigns them (`uuid-clash` reuses the event
    /// uuids of the first healthy Mobilizon instance).
    pub const MOBILIZON_ALL: [HostileKind; 15] = [
        HostileKind::GraphqlErrors,
        HostileKind::Markup,
        HostileKind::BadUrls,
        HostileKind::AbsurdNumbers,
        HostileKind::Endless,
        HostileKind::RedirectDecoy,
        HostileKind::RedirectPrivate,
        HostileKind::ServerError,
        HostileKind::InvalidJson,
        HostileKind::HugeChunked,
        HostileKind::HugeLength,
        HostileKind::LengthLie,
        HostileKind::SlowDrip,
        HostileKind::Timeout,
        HostileKind::UuidClash,
    ];

    /// The CLI / JSON name.
    pub fn name(self) -> &'static str {
        match self {
            HostileKind::SlowDrip => "slow-drip",
            HostileKind::Timeout => "timeout",
            HostileKind::ServerError => "server-error",
            HostileKind::InvalidJson => "invalid-json",
            HostileKind::HugeChunked => "huge-chunked",
            HostileKind::HugeLength => "huge-length",
            HostileKind::LengthLie => "length-lie",
            HostileKind::RedirectDecoy => "redirect-decoy",
            HostileKind::RedirectPrivate => "redirect-private",
            HostileKind::BadUrls => "bad-urls",
            HostileKind::Markup => "markup",
            HostileKind::AbsurdNumbers => "absurd-numbers",
            HostileKind::UuidClash => "uuid-clash",
            HostileKind::Endless => "endless",
            HostileKind::GraphqlErrors => "graphql-errors",
        }
    }

    /// Parses a CLI name.
    pub fn parse(name: &str) -> Result<HostileKind, FedsimError> {
        HostileKind::MOBILIZON_ALL
            .into_iter()
            .find(|k| k.name() == name.trim())
            .ok_or_else(|| {
                let known: Vec<&str> = HostileKind::MOBILIZON_ALL
                    .iter()
                    .map(|k| k.name())
                    .collect();
                FedsimError::UnknownHostileKind(name.to_string(), known.join(","))
            })
    }

    /// Whether this kind is served from raw TCP instead of HTTP routes.
    pub fn is_raw(self) -> bool {
        matches!(
            self,
            HostileKind::SlowDrip
                | HostileKind::Timeout
                | HostileKind::HugeChunked
                | HostileKind::HugeLength
                | HostileKind::LengthLie
        )
    }

    /// Whether this kind answers every path with the same misbehaviour (no PeerTube routes).
    pub fn is_blanket(self) -> bool {
        matches!(
            self,
            HostileKind::ServerError
                | HostileKind::InvalidJson
                | HostileKind::RedirectDecoy
                | HostileKind::RedirectPrivate
                | HostileKind::GraphqlErrors
        )
    }
}

/// Settings of the raw-TCP kinds.
#[derive(Debug, Clone)]
pub struct RawSettings {
    /// Size of huge bodies.
    pub huge_body_bytes: u64,
    /// Pause between two dripped bytes.
    pub drip_interval: Duration,
}

/// Reads the request head (up to 16 KiB) and returns (method, path, user-agent).
async fn read_head(stream: &mut TcpStream) -> Option<(String, String, Option<String>)> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    let read = async {
        loop {
            let n = stream.read(&mut chunk).await.ok()?;
            if n == 0 {
                return None;
            }
            buf.extend_from_slice(&chunk[..n]);
            if buf.windows(4).any(|w| w == b"\r\n\r\n") || buf.len() > 16 * 1024 {
                return Some(());
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(30), read)
        .await
        .ok()??;
    let text = String::from_utf8_lossy(&buf);
    let mut lines = text.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let method = first.next()?.to_string();
    let path = first.next().unwrap_or("/").to_string();
    let ua = lines.take_while(|l| !l.is_empty()).find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case("user-agent")
            .then(|| v.trim().to_string())
    });
    Some((method, path, ua))
}

const HUGE_PREFIX: &[u8] = b"{\"total\":1,\"data\":[{\"id\":1,\"name\":\"";
const HUGE_SUFFIX: &[u8] = b"\"}]}";

/// Writes `len` bytes of one JSON document whose single string is enormous.
async fn write_huge(stream: &mut TcpStream, len: u64, chunked: bool) -> std::io::Result<()> {
    let filler = vec![b'a'; 64 * 1024];
    let mut remaining = len.saturating_sub((HUGE_PREFIX.len() + HUGE_SUFFIX.len()) as u64);
    let frame = |part: Vec<u8>| -> Vec<u8> {
        if chunked {
            let mut out = format!("{:x}\r\n", part.len()).into_bytes();
            out.extend_from_slice(&part);
            out.extend_from_slice(b"\r\n");
            out
        } else {
            part
        }
    };
    stream.write_all(&frame(HUGE_PREFIX.to_vec())).await?;
    let framed_full = frame(filler.clone());
    while remaining > 0 {
        if remaining >= filler.len() as u64 {
            stream.write_all(&framed_full).await?;
            remaining -= filler.len() as u64;
        } else {
            stream
                .write_all(&frame(vec![b'a'; remaining as usize]))
                .await?;
            remaining = 0;
        }
    }
    stream.write_all(&frame(HUGE_SUFFIX.to_vec())).await?;
    if chunked {
        stream.write_all(b"0\r\n\r\n").await?;
    }
    stream.flush().await
}

/// Serves one connection of a raw-TCP hostile kind; returns when the peer goes away.
pub async fn serve_raw(
    mut stream: TcpStream,
    kind: HostileKind,
    host: &str,
    log: &RequestLog,
    settings: &RawSettings,
) {
    let Some((method, path, ua)) = read_head(&mut stream).await else {
        return;
    };
    log.record(host, "instance", &method, &path, ua.as_deref());
    let _ = match kind {
        HostileKind::Timeout => {
            // Hold the connection open, never answer.
            let mut sink = tokio::io::sink();
            tokio::io::copy(&mut stream, &mut sink).await.map(|_| ())
        }
        HostileKind::SlowDrip => slow_drip(&mut stream, settings.drip_interval).await,
        HostileKind::HugeChunked => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
            match stream.write_all(head.as_bytes()).await {
                Ok(()) => write_huge(&mut stream, settings.huge_body_bytes, true).await,
                Err(e) => Err(e),
            }
        }
        HostileKind::HugeLength => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                settings.huge_body_bytes
            );
            match stream.write_all(head.as_bytes()).await {
                Ok(()) => write_huge(&mut stream, settings.huge_body_bytes, false).await,
                Err(e) => Err(e),
            }
        }
        HostileKind::LengthLie => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n";
            match stream.write_all(head.as_bytes()).await {
                Ok(()) => write_huge(&mut stream, settings.huge_body_bytes, false).await,
                Err(e) => Err(e),
            }
        }
        _ => Ok(()),
    };
}

async fn slow_drip(stream: &mut TcpStream, interval: Duration) -> std::io::Result<()> {
    let head =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    stream.write_all(head.as_bytes()).await?;
    let body = b"{\"total\":1000000,\"data\":[";
    let item = b"{\"id\":1,\"name\":\"drip\"},";
    let mut i = 0usize;
    loop {
        let byte = if i < body.len() {
            body[i]
        } else {
            item[(i - body.len()) % item.len()]
        };
        i += 1;
        stream
            .write_all(format!("1\r\n{}\r\n", byte as char).as_bytes())
            .await?;
        stream.flush().await?;
        tokio::time::sleep(interval).await;
    }
}

/// Counter making blanket kinds rotate through their variants.
static ROTATION: AtomicU64 = AtomicU64::new(0);

fn next_rotation() -> u64 {
    ROTATION.fetch_add(1, Ordering::Relaxed)
}

/// The bodies `invalid-json` rotates through.
pub fn invalid_json_body(n: u64) -> Vec<u8> {
    match n % 8 {
        0 => br#"{"total":10,"data":[{"id":1,"uuid":"0b5c3d2e-"#.to_vec(),
        1 => br#"{"total":0,"data":[]} trailing garbage"#.to_vec(),
        2 => br#"{"total":"many","data":{"not":"an array"}}"#.to_vec(),
        3 => b"<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>".to_vec(),
        4 => br#"{"total":NaN,"data":[Infinity]}"#.to_vec(),
        5 => {
            let mut v = br#"{"total":1,"data":[{"name":""#.to_vec();
            v.extend_from_slice(&[0xff, 0xfe, 0xc3, 0x28]);
            v.extend_from_slice(br#""}]}"#);
            v
        }
        6 => {
            // Nesting deep enough to overflow naive recursive parsers.
            let mut v = b"{\"total\":1,\"data\":".to_vec();
            v.extend(std::iter::repeat_n(b'[', 100_000));
            v.extend(std::iter::repeat_n(b']', 100_000));
            v.push(b'}');
            v
        }
        _ => Vec::new(),
    }
}

/// Builds the answer of a blanket kind (any path).
pub fn blanket_response(
    kind: HostileKind,
    path_and_query: &str,
    decoy_host: &str,
) -> axum::response::Response {
    use axum::http::{StatusCode, header};
    use axum::response::IntoResponse;
    let n = next_rotation();
    match kind {
        HostileKind::ServerError => {
            let status = [
                StatusCode::INTERNAL_SERVER_ERROR,
                StatusCode::BAD_GATEWAY,
                StatusCode::SERVICE_UNAVAILABLE,
            ][(n % 3) as usize];
            (
                status,
                [(header::CONTENT_TYPE, "text/html")],
                "<html><body>Internal error</body></html>",
            )
                .into_response()
        }
        HostileKind::InvalidJson => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            invalid_json_body(n),
        )
            .into_response(),
        HostileKind::RedirectDecoy => (
            StatusCode::FOUND,
            [(
                header::LOCATION,
                format!("http://{decoy_host}{path_and_query}"),
            )],
        )
            .into_response(),
        HostileKind::RedirectPrivate => {
            let (status, location) = match n % 3 {
                0 => (
                    StatusCode::FOUND,
                    format!("http://10.0.0.1{path_and_query}"),
                ),
                1 => (
                    StatusCode::MOVED_PERMANENTLY,
                    "http://169.254.169.254/latest/meta-data/".to_string(),
                ),
                _ => (
                    StatusCode::TEMPORARY_REDIRECT,
                    format!("http://10.0.0.1:8080{path_and_query}"),
                ),
            };
            (status, [(header::LOCATION, location)]).into_response()
        }
        _ => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Active markup and control characters put in text fields.
pub(crate) const MARKUP_PAYLOADS: [&str; 7] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\u{202E}gpj.exe\u{202C}",
    "nul\u{0}byte",
    "\"><svg onload=alert(document.cookie)>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "<iframe src=\"//evil.invalid\"></iframe><style>body{display:none}</style>",
];

const TEXT_KEYS: [&str; 7] = [
    "name",
    "displayName",
    "description",
    "truncatedDescription",
    "support",
    "shortDescription",
    "label",
];

/// Rewrites a rendered document in place according to a content kind.
pub fn mutate(kind: HostileKind, doc: &mut Value, decoy_host: &str) {
    let mut state = MutState {
        n: 0,
        big_done: false,
        decoy: decoy_host,
    };
    match kind {
        HostileKind::BadUrls => walk(doc, None, &mut |k, v| bad_urls(k, v, &mut state)),
        HostileKind::Markup => walk(doc, None, &mut |k, v| markup(k, v, &mut state)),
        HostileKind::AbsurdNumbers => walk(doc, None, &mut |k, v| absurd(k, v, &mut state)),
        _ => {}
    }
}

struct MutState<'a> {
    n: u64,
    big_done: bool,
    decoy: &'a str,
}

/// Calls `f` on every scalar of `v` with the key it sits under.
pub(crate) fn walk(v: &mut Value, key: Option<&str>, f: &mut dyn FnMut(Option<&str>, &mut Value)) {
    match v {
        Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                if child.is_object() || child.is_array() {
                    walk(child, Some(k), f);
                } else {
                    f(Some(k), child);
                }
            }
        }
        Value::Array(items) => {
            for child in items.iter_mut() {
                if child.is_object() || child.is_array() {
                    walk(child, key, f);
                } else {
                    f(key, child);
                }
            }
        }
        _ => f(key, v),
    }
}

fn bad_urls(key: Option<&str>, v: &mut Value, s: &mut MutState<'_>) {
    let Some(key) = key else { return };
    if !v.is_string() {
        return;
    }
    s.n += 1;
    let decoy = s.decoy;
    let replacement = match key {
        "url" | "fileUrl" | "thumbnailUrl" | "previewUrl" | "embedUrl" => match s.n % 3 {
            0 => "javascript:alert(document.domain)".to_string(),
            1 => format!("http://{decoy}/videos/watch/stolen"),
            _ => "data:text/html,<script>alert(1)</script>".to_string(),
        },
        "thumbnailPath" | "previewPath" | "path" => match s.n % 3 {
            0 => format!("http://{decoy}/lazy-static/thumbnails/evil.jpg"),
            1 => format!("//{decoy}/lazy-static/avatars/evil.png"),
            _ => "javascript:alert(1)".to_string(),
        },
        "embedPath" => "javascript:alert(1)".to_string(),
        _ => return,
    };
    *v = Value::String(replacement);
}

fn markup(key: Option<&str>, v: &mut Value, s: &mut MutState<'_>) {
    let Some(key) = key else { return };
    let Value::String(text) = v else { return };
    if !(TEXT_KEYS.contains(&key) || key == "tags") {
        return;
    }
    s.n += 1;
    if !s.big_done && key == "description" {
        s.big_done = true;
        let mut big = String::with_capacity(1 << 20);
        while big.len() < (1 << 20) {
            big.push_str("<b>A</b>\u{202E}");
        }
        *text = big;
        return;
    }
    let payload = MARKUP_PAYLOADS[(s.n as usize) % MARKUP_PAYLOADS.len()];
    // Every field gets active markup; the rotating payload adds RTL overrides, NULs, etc.
    *text = format!("{text} {payload} <img src=x onerror=alert({})>", s.n);
}

fn absurd(key: Option<&str>, v: &mut Value, s: &mut MutState<'_>) {
    let Some(key) = key else { return };
    s.n += 1;
    let n = s.n;
    match key {
        "duration" => {
            *v = if n.is_multiple_of(2) {
                Value::from(-3600)
            } else {
                Value::from(1e300)
            }
        }
        "views" | "followersCount" | "videosLength" => {
            *v = if n.is_multiple_of(2) {
                Value::from(-1)
            } else {
                Value::from(1e300)
            }
        }
        "likes" | "dislikes" | "viewers" => *v = Value::from(i64::MIN),
        "id" if v.is_number() => *v = Value::from(u64::MAX),
        "aspectRatio" => *v = Value::from(-0.0),
        "createdAt" | "publishedAt" | "updatedAt" | "originallyPublishedAt" => {
            let s = match n % 3 {
                0 => "+99999-12-31T23:59:59.999Z",
                1 => "not a date",
                _ => "2024-13-45T99:99:99Z",
            };
            *v = Value::from(s);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_round_trip() {
        for k in HostileKind::ALL {
            assert_eq!(HostileKind::parse(k.name()).unwrap(), k);
        }
        assert!(HostileKind::parse("nice").is_err());
    }

    #[test]
    fn mutations_reach_nested_fields() {
        let doc = json!({"total": 1, "data": [{"id": 3, "name": "t", "description": "d", "duration": 10,
            "url": "http://127.0.0.1:1/videos/watch/x", "tags": ["a"], "publishedAt": "2024-01-01T00:00:00.000Z",
            "account": {"avatars": [{"fileUrl": "http://127.0.0.1:1/a.png", "path": "/a.png"}]}}]});
        let mut m = doc.clone();
        mutate(HostileKind::Markup, &mut m, "127.0.0.1:9");
        assert!(m["data"][0]["name"].as_str().unwrap().contains('<'));
        assert!(m["data"][0]["description"].as_str().unwrap().len() >= 1 << 20);
        assert!(m["data"][0]["tags"][0].as_str().unwrap().len() > 1);
        let mut a = doc.clone();
        mutate(HostileKind::AbsurdNumbers, &mut a, "127.0.0.1:9");
        assert_eq!(a["data"][0]["id"], json!(u64::MAX));
        assert_ne!(a["data"][0]["duration"], json!(10));
        let mut b = doc;
        mutate(HostileKind::BadUrls, &mut b, "127.0.0.1:9");
        assert!(
            !b["data"][0]["url"]
                .as_str()
                .unwrap()
                .starts_with("http://127.0.0.1:1/")
        );
        assert!(
            !b["data"][0]["account"]["avatars"][0]["path"]
                .as_str()
                .unwrap()
                .starts_with("/a")
        );
    }
}
