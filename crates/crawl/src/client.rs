//! The guarded, polite HTTP client every crawler request goes through.
//!
//! Guarded: only http(s), addresses checked by [`crate::addr_guard`] (URL
//! literals here, DNS answers in the resolver), redirects only on the same
//! host and at most [`MAX_REDIRECTS`], no proxies from the environment,
//! bodies capped while streaming, connect/read/total timeouts.
//!
//! Polite: at most [`PER_HOST_IN_FLIGHT`] requests in flight per host, a
//! pause between two requests to one host, a global limit, a User-Agent
//! with a URL, and back-off with retries on 429 (honouring `Retry-After`)
//! and 5xx.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::redirect;
use serde_json::Value;
use tokio::sync::Semaphore;
use tokio::time::Instant;
use url::Url;

use crate::addr_guard::{self, GuardedResolver};
use crate::error::{CrawlError, FetchError};
use crate::settings::CrawlSettings;

/// Most redirects followed for one request (all on the same host).
pub const MAX_REDIRECTS: usize = 3;
/// Most requests in flight to one host.
pub const PER_HOST_IN_FLIGHT: usize = 2;
/// Longest `Retry-After` waited for inline; longer ones fail the request
/// and the scheduler postpones the host instead.
pub const MAX_INLINE_RETRY_AFTER: Duration = Duration::from_secs(30);

/// Whether a redirect from `previous` (the chain so far, first is the
/// original URL) to `next` may be followed: same host and port, http(s)
/// only, no credentials, at most [`MAX_REDIRECTS`].
pub fn redirect_allowed(previous: &[Url], next: &Url) -> Result<(), String> {
    if previous.len() > MAX_REDIRECTS {
        return Err(format!("more than {MAX_REDIRECTS} redirects"));
    }
    let Some(first) = previous.first() else {
        return Err("redirect without an origin".into());
    };
    if !matches!(next.scheme(), "http" | "https") {
        return Err(format!("redirect to scheme {}", next.scheme()));
    }
    if !next.username().is_empty() || next.password().is_some() {
        return Err("redirect carries credentials".into());
    }
    let same_host = first.host_str().map(str::to_ascii_lowercase)
        == next.host_str().map(str::to_ascii_lowercase);
    // The same port, or the default ports of an http → https upgrade.
    let same_port = first.port_or_known_default() == next.port_or_known_default()
        || (first.port().is_none() && next.port().is_none());
    if !(same_host && same_port) {
        return Err(format!(
            "redirect to another host ({})",
            next.host_str().unwrap_or("none")
        ));
    }
    Ok(())
}

/// The pause before retry number `attempt` (0-based) after a 5xx or a 429
/// without `Retry-After`: 500 ms, 1 s, 2 s, … capped at 30 s.
pub fn backoff_delay(attempt: u32) -> Duration {
    let ms = 500u64.saturating_mul(1u64 << attempt.min(16));
    Duration::from_millis(ms.min(30_000))
}

/// Parses `Retry-After`: delay seconds or an HTTP date.
pub fn parse_retry_after(value: &str, now: chrono::DateTime<chrono::Utc>) -> Option<Duration> {
    let v = value.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs.min(7 * 86_400)));
    }
    let when = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let delta = when.with_timezone(&chrono::Utc) - now;
    Some(delta.to_std().unwrap_or(Duration::ZERO))
}

/// Per-host politeness: in-flight limit and the earliest start of the next request.
struct HostGate {
    in_flight: Semaphore,
    next_start: Mutex<Instant>,
}

/// The crawler's HTTP client. Cheap to share behind an `Arc`.
pub struct Fetcher {
    client: reqwest::Client,
    global: Semaphore,
    hosts: Mutex<HashMap<String, Arc<HostGate>>>,
    delay: Duration,
    max_body: u64,
    max_retries: u32,
    allow_private: bool,
    requests: AtomicU64,
}

impl Fetcher {
    /// Builds the client from the settings.
    pub fn new(settings: &CrawlSettings) -> Result<Fetcher, CrawlError> {
        settings.validate()?;
        let policy = redirect::Policy::custom(|attempt| {
            match redirect_allowed(attempt.previous(), attempt.url()) {
                Ok(()) => attempt.follow(),
                Err(why) => attempt.error(FetchError::Redirect(why)),
            }
        });
        let client = reqwest::Client::builder()
            .user_agent(settings.user_agent())
            .redirect(policy)
            .dns_resolver(Arc::new(GuardedResolver {
                allow_private: settings.allow_private_addresses,
            }))
            // Proxies from the environment could carry requests elsewhere.
            .no_proxy()
            .connect_timeout(Duration::from_secs(settings.connect_timeout_secs))
            .read_timeout(settings.timeout())
            .timeout(settings.timeout())
            .pool_max_idle_per_host(PER_HOST_IN_FLIGHT)
            .build()
            .map_err(|e| CrawlError::Settings(format!("HTTP client: {e}")))?;
        Ok(Fetcher {
            client,
            global: Semaphore::new(settings.concurrency),
            hosts: Mutex::new(HashMap::new()),
            delay: Duration::from_millis(settings.per_host_delay_ms),
            max_body: settings.max_body_bytes,
            max_retries: settings.max_retries,
            allow_private: settings.allow_private_addresses,
            requests: AtomicU64::new(0),
        })
    }

    /// Requests sent so far (retries included).
    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    fn gate(&self, host: &str) -> Arc<HostGate> {
        let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
        hosts
            .entry(host.to_string())
            .or_insert_with(|| {
                Arc::new(HostGate {
                    in_flight: Semaphore::new(PER_HOST_IN_FLIGHT),
                    next_start: Mutex::new(Instant::now()),
                })
            })
            .clone()
    }

    /// GETs a URL and parses its JSON body, retrying on 429 and 5xx.
    pub async fn get_json(&self, url: &Url) -> Result<Value, FetchError> {
        let bytes = self.get_bytes(url).await?;
        serde_json::from_slice(&bytes).map_err(|e| FetchError::Json(e.to_string()))
    }

    /// GETs a URL and returns its body, retrying on 429 and 5xx.
    pub async fn get_bytes(&self, url: &Url) -> Result<Vec<u8>, FetchError> {
        self.fetch(url, None).await
    }

    /// POSTs a JSON body (a GraphQL query) and parses the JSON answer,
    /// with the same guards, politeness and retries as [`Fetcher::get_json`].
    pub async fn post_json(&self, url: &Url, body: &Value) -> Result<Value, FetchError> {
        let body = serde_json::to_vec(body).map_err(|e| FetchError::Json(e.to_string()))?;
        let bytes = self.fetch(url, Some(&body)).await?;
        serde_json::from_slice(&bytes).map_err(|e| FetchError::Json(e.to_string()))
    }

    async fn fetch(&self, url: &Url, body: Option<&[u8]>) -> Result<Vec<u8>, FetchError> {
        addr_guard::check_url(url, self.allow_private)?;
        let host_key = match (url.host_str(), url.port()) {
            (Some(h), Some(p)) => format!("{h}:{p}"),
            (Some(h), None) => h.to_string(),
            (None, _) => return Err(FetchError::Refused("URL has no host".into())),
        };
        let gate = self.gate(&host_key);
        let mut attempt = 0;
        loop {
            let result = self.once(url, body, &gate).await;
            let wait = match &result {
                Err(FetchError::Status(s)) if *s >= 500 => Some(backoff_delay(attempt)),
                Err(FetchError::RateLimited(d)) if *d <= MAX_INLINE_RETRY_AFTER => {
                    Some((*d).max(backoff_delay(attempt)))
                }
                _ => None,
            };
            match wait {
                Some(w) if attempt < self.max_retries => {
                    tracing::debug!(%url, attempt, ?w, "retrying after back-off");
                    tokio::time::sleep(w).await;
                    attempt += 1;
                }
                _ => return result,
            }
        }
    }

    async fn once(
        &self,
        url: &Url,
        body: Option<&[u8]>,
        gate: &HostGate,
    ) -> Result<Vec<u8>, FetchError> {
        let _host_permit = gate
            .in_flight
            .acquire()
            .await
            .map_err(|_| FetchError::Http("closed".into()))?;
        let start_at = {
            let mut next = gate.next_start.lock().unwrap_or_else(|p| p.into_inner());
            let now = Instant::now();
            let at = (*next).max(now);
            *next = at + self.delay;
            at
        };
        tokio::time::sleep_until(start_at).await;
        let _global_permit = self
            .global
            .acquire()
            .await
            .map_err(|_| FetchError::Http("closed".into()))?;
        self.requests.fetch_add(1, Ordering::Relaxed);
        let request = match body {
            None => self.client.get(url.clone()),
            Some(b) => self
                .client
                .post(url.clone())
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(b.to_vec()),
        };
        let mut resp = request
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .map_err(map_reqwest)?;
        let status = resp.status();
        if status.as_u16() == 429 {
            let after = resp
                .headers()
                .get(reqwest::header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| parse_retry_after(v, chrono::Utc::now()))
                .unwrap_or(Duration::from_secs(60));
            return Err(FetchError::RateLimited(after));
        }
        if !status.is_success() {
            return Err(FetchError::Status(status.as_u16()));
        }
        if resp.content_length().is_some_and(|len| len > self.max_body) {
            return Err(FetchError::TooLarge(self.max_body));
        }
        let cap = usize::try_from(self.max_body).unwrap_or(usize::MAX);
        let mut body = Vec::with_capacity(
            resp.content_length()
                .and_then(|l| usize::try_from(l).ok())
                .unwrap_or(16 * 1024)
                .min(cap),
        );
        while let Some(chunk) = resp.chunk().await.map_err(map_reqwest)? {
            if body.len() + chunk.len() > cap {
                return Err(FetchError::TooLarge(self.max_body));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}

fn map_reqwest(e: reqwest::Error) -> FetchError {
    // A refusal from our resolver or redirect policy is carried as the source.
    let mut src: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(&e);
    while let Some(s) = src {
        if let Some(f) = s.downcast_ref::<FetchError>() {
            return match f {
                FetchError::Refused(m) => FetchError::Refused(m.clone()),
                FetchError::Redirect(m) => FetchError::Redirect(m.clone()),
                other => FetchError::Http(other.to_string()),
            };
        }
        src = s.source();
    }
    if e.is_timeout() {
        FetchError::Timeout
    } else if e.is_redirect() {
        FetchError::Redirect(e.to_string())
    } else if e.is_connect() {
        FetchError::Connect(error_chain(&e))
    } else {
        FetchError::Http(error_chain(&e))
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(x) = src {
        s.push_str(": ");
        s.push_str(&x.to_string());
        src = x.source();
    }
    s.chars().take(300).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(v: &[&str]) -> Vec<Url> {
        v.iter().map(|s| Url::parse(s).unwrap()).collect()
    }

    #[test]
    fn redirects_stay_on_the_same_host() {
        let from = urls(&["http://127.0.0.1:4000/api/v1/videos"]);
        let ok = Url::parse("http://127.0.0.1:4000/api/v1/videos?x=1").unwrap();
        assert!(redirect_allowed(&from, &ok).is_ok());
        for bad in [
            "http://127.0.0.1:4001/api/v1/videos",
            "http://10.0.0.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1:8080/x",
            "javascript:alert(1)",
            "http://u:p@127.0.0.1:4000/",
        ] {
            let next = Url::parse(bad).unwrap();
            assert!(redirect_allowed(&from, &next).is_err(), "{bad}");
        }
        let upgrade = urls(&["http://tube.example/x"]);
        assert!(redirect_allowed(&upgrade, &Url::parse("https://tube.example/x").unwrap()).is_ok());
        assert!(
            redirect_allowed(&upgrade, &Url::parse("https://evil.example/x").unwrap()).is_err()
        );
    }

    #[test]
    fn redirect_chains_are_short() {
        let chain = urls(&[
            "https://t.example/1",
            "https://t.example/2",
            "https://t.example/3",
            "https://t.example/4",
        ]);
        assert!(redirect_allowed(&chain[..3], &chain[3]).is_ok());
        assert!(redirect_allowed(&chain, &chain[0]).is_err());
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff_delay(0), Duration::from_millis(500));
        assert_eq!(backoff_delay(1), Duration::from_secs(1));
        assert_eq!(backoff_delay(2), Duration::from_secs(2));
        assert_eq!(backoff_delay(40), Duration::from_secs(30));
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = chrono::DateTime::parse_from_rfc3339("2015-10-21T07:28:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(
            parse_retry_after("120", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }
}
