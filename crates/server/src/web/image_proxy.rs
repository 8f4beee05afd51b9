//! The image proxy: thumbnails and avatars reach the visitor through
//! sepiola, so the page makes no request to any other origin. It is not an
//! open proxy: it fetches only from indexed hosts, only images (checked by
//! their first bytes, SVG refused), with size and time caps, never follows a
//! redirect, refuses private addresses, and keeps an on-disk cache of
//! bounded size.

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use bytes::Bytes;
use sepiola_model::net::ip_allowed;
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

use crate::settings::ImageProxySettings;

/// Why an image was not served.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProxyError {
    /// The `src` is not an absolute http(s) URL without credentials.
    #[error("not an image URL sepiola can fetch")]
    BadUrl,
    /// The host is not one sepiola indexes.
    #[error("that host is not indexed")]
    NotIndexed,
    /// The host resolves to a private or loopback address.
    #[error("that host resolves to a private address")]
    PrivateAddress,
    /// The origin answered something else than 200 (redirects included).
    #[error("the origin answered HTTP {0}")]
    Upstream(u16),
    /// The image is larger than allowed.
    #[error("the image is too large")]
    TooLarge,
    /// The body is not a JPEG, PNG, GIF, WebP or AVIF image.
    #[error("the origin did not send an image")]
    NotImage,
    /// The origin could not be reached in time.
    #[error("the origin could not be reached: {0}")]
    Fetch(String),
}

/// An image ready to send.
#[derive(Debug, Clone)]
pub struct Image {
    /// Bytes as fetched.
    pub bytes: Bytes,
    /// Content type, from the sniffed format.
    pub content_type: &'static str,
}

/// The proxy: its HTTP client, limits and cache.
pub struct ImageProxy {
    client: reqwest::Client,
    settings: ImageProxySettings,
    cache_dir: PathBuf,
    cache_bytes: AtomicU64,
    fetches: Semaphore,
    stats: ProxyStats,
}

/// What the proxy did since it started, for `/metrics`.
#[derive(Debug, Default)]
pub struct ProxyStats {
    /// Images served from the cache.
    pub cache_hits: AtomicU64,
    /// Images fetched from their instance.
    pub fetched: AtomicU64,
    /// Requests refused or failed (not indexed, private, too large, upstream…).
    pub failed: AtomicU64,
}

/// Looks a name up: the system resolver, or a stand-in in tests.
type Lookup = Arc<
    dyn Fn(
            String,
        )
            -> std::pin::Pin<Box<dyn Future<Output = std::io::Result<Vec<SocketAddr>>> + Send>>
        + Send
        + Sync,
>;

/// The system resolver.
fn system_lookup() -> Lookup {
    Arc::new(|host: String| {
        Box::pin(async move { Ok(tokio::net::lookup_host((host.as_str(), 0)).await?.collect()) })
    })
}

/// Refuses names that resolve to private, loopback or otherwise non-public
/// addresses, so a hostile instance cannot point the proxy at the inside.
///
/// Safe against DNS rebinding because the check and the connection use the
/// same answer: reqwest's connector resolves a name once per connection,
/// through this resolver only, and connects to exactly the addresses it
/// returns (the proxy uses no HTTP proxy, which would resolve on its own).
/// A name that answers public first and loopback later is refused the
/// second time, before any connection (see the `rebinding` test).
struct GuardedResolver {
    allow_private: bool,
    lookup: Lookup,
}

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let allow = self.allow_private;
        let lookup = (self.lookup)(name.as_str().to_string());
        Box::pin(async move {
            let addrs: Vec<SocketAddr> = lookup.await?;
            if addrs.is_empty() || addrs.iter().any(|a| !ip_allowed(a.ip(), allow)) {
                return Err(Box::new(ProxyError::PrivateAddress) as Box<_>);
            }
            Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// The image format from its first bytes.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xD8, 0xFF, ..] => Some("image/jpeg"),
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Some("image/png"),
        [b'G', b'I', b'F', b'8', ..] => Some("image/gif"),
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => Some("image/webp"),
        [
            _,
            _,
            _,
            _,
            b'f',
            b't',
            b'y',
            b'p',
            b'a',
            b'v',
            b'i',
            b'f',
            ..,
        ] => Some("image/avif"),
        _ => None,
    }
}

/// `host[:port]` of an absolute http(s) URL without credentials.
pub fn authority(src: &str) -> Result<(url::Url, String), ProxyError> {
    let u = url::Url::parse(src).map_err(|_| ProxyError::BadUrl)?;
    if !matches!(u.scheme(), "http" | "https")
        || !u.username().is_empty()
        || u.password().is_some()
        || src.len() > 2_048
    {
        return Err(ProxyError::BadUrl);
    }
    let host = u.host_str().ok_or(ProxyError::BadUrl)?.to_ascii_lowercase();
    let auth = match u.port() {
        Some(p) => format!("{host}:{p}"),
        None => host,
    };
    Ok((u, auth))
}

impl ImageProxy {
    /// Builds the proxy with its cache in `cache_dir` (created if needed).
    pub fn new(settings: ImageProxySettings, cache_dir: &Path) -> std::io::Result<ImageProxy> {
        Self::with_lookup(settings, cache_dir, system_lookup())
    }

    /// Same, resolving names with `lookup`.
    fn with_lookup(
        settings: ImageProxySettings,
        cache_dir: &Path,
        lookup: Lookup,
    ) -> std::io::Result<ImageProxy> {
        std::fs::create_dir_all(cache_dir)?;
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .connect_timeout(Duration::from_millis(settings.fetch_timeout_ms))
            .timeout(Duration::from_millis(settings.fetch_timeout_ms))
            .user_agent(concat!(
                "sepiola/",
                env!("CARGO_PKG_VERSION"),
                " image proxy"
            ))
            .dns_resolver(Arc::new(GuardedResolver {
                allow_private: settings.allow_private_addresses,
                lookup,
            }))
            .build()
            .map_err(std::io::Error::other)?;
        let used = dir_size(cache_dir);
        Ok(ImageProxy {
            client,
            settings,
            cache_dir: cache_dir.to_path_buf(),
            cache_bytes: AtomicU64::new(used),
            stats: ProxyStats::default(),
            fetches: Semaphore::new(16),
        })
    }

    fn cache_path(&self, src: &str) -> PathBuf {
        let hex: String = Sha256::digest(src.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        self.cache_dir.join(&hex[..2]).join(&hex[2..])
    }

    /// Bytes the cache holds now, and the most it may hold.
    pub fn cache_usage(&self) -> (u64, u64) {
        (
            self.cache_bytes.load(Ordering::Acquire),
            self.settings.cache_mb * 1024 * 1024,
        )
    }

    /// Counts since start.
    pub fn stats(&self) -> &ProxyStats {
        &self.stats
    }

    /// Serves `src` from the cache or fetches it. `indexed` says whether a
    /// host (`name[:port]`) is indexed.
    pub async fn get(
        &self,
        src: &str,
        indexed: impl Fn(&str) -> bool,
    ) -> Result<Image, ProxyError> {
        let r = self.get_uncounted(src, indexed).await;
        if r.is_err() {
            self.stats.failed.fetch_add(1, Ordering::Relaxed);
        }
        r
    }

    async fn get_uncounted(
        &self,
        src: &str,
        indexed: impl Fn(&str) -> bool,
    ) -> Result<Image, ProxyError> {
        let (url, auth) = authority(src)?;
        if !indexed(&auth) {
            return Err(ProxyError::NotIndexed);
        }
        // Literal addresses skip the resolver: check them here.
        let literal = match url.host() {
            Some(url::Host::Ipv4(a)) => Some(IpAddr::V4(a)),
            Some(url::Host::Ipv6(a)) => Some(IpAddr::V6(a)),
            _ => None,
        };
        if literal.is_some_and(|ip| !ip_allowed(ip, self.settings.allow_private_addresses)) {
            return Err(ProxyError::PrivateAddress);
        }
        let path = self.cache_path(src);
        if let Ok(bytes) = tokio::fs::read(&path).await
            && let Some(ct) = sniff(&bytes)
        {
            self.stats.cache_hits.fetch_add(1, Ordering::Relaxed);
            return Ok(Image {
                bytes: Bytes::from(bytes),
                content_type: ct,
            });
        }
        let _permit = self
            .fetches
            .acquire()
            .await
            .map_err(|e| ProxyError::Fetch(e.to_string()))?;
        let image = self.fetch(url).await?;
        self.store(&path, &image.bytes).await;
        Ok(image)
    }

    async fn fetch(&self, url: url::Url) -> Result<Image, ProxyError> {
        let max = self.settings.max_image_bytes;
        let mut resp = self
            .client
            .get(url)
            .header(
                reqwest::header::ACCEPT,
                "image/avif,image/webp,image/png,image/jpeg,image/gif",
            )
            .send()
            .await
            .map_err(|e| {
                if is_private_error(&e) {
                    ProxyError::PrivateAddress
                } else {
                    ProxyError::Fetch(e.without_url().to_string())
                }
            })?;
        if resp.status() != reqwest::StatusCode::OK {
            return Err(ProxyError::Upstream(resp.status().as_u16()));
        }
        let declared = resp
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        if !declared.starts_with("image/") || declared.contains("svg") {
            return Err(ProxyError::NotImage);
        }
        if resp.content_length().is_some_and(|n| n > max) {
            return Err(ProxyError::TooLarge);
        }
        let mut body: Vec<u8> = Vec::new();
        while let Some(chunk) = resp
            .chunk()
            .await
            .map_err(|e| ProxyError::Fetch(e.without_url().to_string()))?
        {
            if body.len() as u64 + chunk.len() as u64 > max {
                return Err(ProxyError::TooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        let content_type = sniff(&body).ok_or(ProxyError::NotImage)?;
        self.stats.fetched.fetch_add(1, Ordering::Relaxed);
        Ok(Image {
            bytes: Bytes::from(body),
            content_type,
        })
    }

    async fn store(&self, path: &Path, bytes: &[u8]) {
        let Some(dir) = path.parent() else { return };
        let tmp = path.with_extension("tmp");
        let written = async {
            tokio::fs::create_dir_all(dir).await?;
            tokio::fs::write(&tmp, bytes).await?;
            tokio::fs::rename(&tmp, path).await
        }
        .await;
        if written.is_err() {
            let _ = tokio::fs::remove_file(&tmp).await;
            return;
        }
        let limit = self.settings.cache_mb * 1024 * 1024;
        let used = self
            .cache_bytes
            .fetch_add(bytes.len() as u64, Ordering::AcqRel)
            + bytes.len() as u64;
        if used > limit {
            let dir = self.cache_dir.clone();
            let target = limit / 10 * 9;
            if let Ok(now) = tokio::task::spawn_blocking(move || evict(&dir, target)).await {
                self.cache_bytes.store(now, Ordering::Release);
            }
        }
    }
}

fn is_private_error(e: &reqwest::Error) -> bool {
    let mut source: Option<&dyn std::error::Error> = Some(e);
    while let Some(s) = source {
        if s.downcast_ref::<ProxyError>().is_some() {
            return true;
        }
        source = s.source();
    }
    false
}

fn cache_files(dir: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
    let mut out = Vec::new();
    let Ok(shards) = std::fs::read_dir(dir) else {
        return out;
    };
    for shard in shards.flatten() {
        let Ok(files) = std::fs::read_dir(shard.path()) else {
            continue;
        };
        for f in files.flatten() {
            if let Ok(m) = f.metadata()
                && m.is_file()
            {
                let t = m.modified().unwrap_or(std::time::UNIX_EPOCH);
                out.push((f.path(), m.len(), t));
            }
        }
    }
    out
}

fn dir_size(dir: &Path) -> u64 {
    cache_files(dir).iter().map(|(_, n, _)| n).sum()
}

/// Deletes the oldest cached images until the cache holds at most `target`
/// bytes; returns the size left.
fn evict(dir: &Path, target: u64) -> u64 {
    let mut files = cache_files(dir);
    files.sort_by_key(|(_, _, t)| *t);
    let mut total: u64 = files.iter().map(|(_, n, _)| n).sum();
    for (p, n, _) in files {
        if total <= target {
            break;
        }
        if std::fs::remove_file(&p).is_ok() {
            total -= n;
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.0.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "::1",
            "fc00::1",
            "::ffff:10.0.0.1",
            "100.64.0.1",
            "0.0.0.0",
        ] {
            assert!(!ip_allowed(ip.parse().unwrap(), false), "{ip}");
        }
        for ip in ["93.184.216.34", "2a01:4f8::1"] {
            assert!(ip_allowed(ip.parse().unwrap(), false), "{ip}");
        }
    }

    #[test]
    fn images_are_recognised_by_their_bytes() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Some("image/png"));
        assert_eq!(sniff(b"<svg xmlns="), None);
        assert_eq!(sniff(b"<html>"), None);
    }

    #[test]
    fn only_plain_http_urls_are_fetched() {
        assert_eq!(
            authority("https://Tube.Example:8443/a.jpg").unwrap().1,
            "tube.example:8443"
        );
        assert!(authority("javascript:alert(1)").is_err());
        assert!(authority("https://user:pw@tube.example/a.jpg").is_err());
        assert!(authority("file:///etc/passwd").is_err());
    }

    /// A loopback origin that counts connections and answers every request
    /// with a tiny PNG.
    async fn counting_origin() -> (u16, Arc<AtomicU64>) {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let count = Arc::new(AtomicU64::new(0));
        let seen = count.clone();
        tokio::spawn(async move {
            while let Ok((mut c, _)) = listener.accept().await {
                seen.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(async move {
                    let mut buf = [0u8; 4096];
                    let _ = c.read(&mut buf).await;
                    let body = b"\x89PNG\r\n\x1a\nrest";
                    let head = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: image/png\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = c.write_all(head.as_bytes()).await;
                    let _ = c.write_all(body).await;
                });
            }
        });
        (port, count)
    }

    /// A lookup that answers each call with the next address of `answers`
    /// (the last one once they run out), counting calls.
    fn scripted(answers: Vec<IpAddr>, calls: Arc<AtomicU64>) -> Lookup {
        Arc::new(move |_host: String| {
            let i = calls.fetch_add(1, Ordering::SeqCst) as usize;
            let ip = answers[i.min(answers.len() - 1)];
            Box::pin(async move { Ok(vec![SocketAddr::new(ip, 0)]) })
        })
    }

    fn settings(allow_private: bool) -> ImageProxySettings {
        ImageProxySettings {
            fetch_timeout_ms: 500,
            allow_private_addresses: allow_private,
            ..ImageProxySettings::default()
        }
    }

    #[tokio::test]
    async fn the_connection_goes_to_the_address_the_resolver_returned() {
        // A name no real resolver knows reaches the loopback origin: reqwest
        // connects to what the guarded resolver returned, looked up once.
        let (port, conns) = counting_origin().await;
        let calls = Arc::new(AtomicU64::new(0));
        let dir = tempfile::tempdir().unwrap();
        let proxy = ImageProxy::with_lookup(
            settings(true),
            dir.path(),
            scripted(vec!["127.0.0.1".parse().unwrap()], calls.clone()),
        )
        .unwrap();
        let img = proxy
            .get(&format!("http://rebind.invalid:{port}/a.png"), |_| true)
            .await
            .unwrap();
        assert_eq!(img.content_type, "image/png");
        assert_eq!(conns.load(Ordering::SeqCst), 1);
        assert_eq!(calls.load(Ordering::SeqCst), 1, "one lookup per connection");
    }

    #[tokio::test]
    async fn rebinding_to_loopback_is_refused_before_connecting() {
        // First answer public (1.2.3.4: the attempt fails or times out
        // after 500 ms, the origin is not there), then loopback where the
        // origin listens: the proxy never connects to the origin.
        let (port, conns) = counting_origin().await;
        let calls = Arc::new(AtomicU64::new(0));
        let dir = tempfile::tempdir().unwrap();
        let proxy = ImageProxy::with_lookup(
            settings(false),
            dir.path(),
            scripted(
                vec!["1.2.3.4".parse().unwrap(), "127.0.0.1".parse().unwrap()],
                calls.clone(),
            ),
        )
        .unwrap();
        let first = proxy
            .get(&format!("http://rebind.invalid:{port}/a.png"), |_| true)
            .await;
        assert!(matches!(first, Err(ProxyError::Fetch(_))), "{first:?}");
        let second = proxy
            .get(&format!("http://rebind.invalid:{port}/b.png"), |_| true)
            .await;
        assert!(
            matches!(second, Err(ProxyError::PrivateAddress)),
            "{second:?}"
        );
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        assert_eq!(conns.load(Ordering::SeqCst), 0, "connected to loopback");
    }

    proptest::proptest! {
        /// Sniffing never panics, and recognises only what starts with a
        /// known signature (never SVG or HTML).
        #[test]
        fn sniffing_arbitrary_bytes(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64)) {
            if let Some(ct) = sniff(&bytes) {
                proptest::prop_assert!(ct.starts_with("image/") && !ct.contains("svg"));
                proptest::prop_assert!(bytes.len() >= 3);
                proptest::prop_assert!(bytes[0] != b'<');
            }
        }

        /// Only absolute http(s) URLs without credentials pass, whatever the input.
        #[test]
        fn authority_of_arbitrary_text(s in "\\PC{0,80}") {
            if let Ok((u, auth)) = authority(&s) {
                proptest::prop_assert!(matches!(u.scheme(), "http" | "https"));
                proptest::prop_assert!(u.username().is_empty() && u.password().is_none());
                proptest::prop_assert!(!auth.is_empty());
            }
        }
    }

    #[test]
    fn eviction_removes_the_oldest_first() {
        let dir = tempfile::tempdir().unwrap();
        for (i, name) in ["aa/old", "bb/mid", "cc/new"].iter().enumerate() {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, vec![0u8; 100]).unwrap();
            let t = std::time::UNIX_EPOCH + Duration::from_secs(1_000 + i as u64);
            std::fs::File::options()
                .write(true)
                .open(&p)
                .unwrap()
                .set_modified(t)
                .unwrap();
        }
        assert_eq!(dir_size(dir.path()), 300);
        assert_eq!(evict(dir.path(), 150), 100);
        assert!(dir.path().join("cc/new").exists());
        assert!(!dir.path().join("aa/old").exists());
    }
}
