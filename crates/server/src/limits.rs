//! Limits on what clients may ask of the server, so that one client (or a
//! crowd of idle ones) cannot starve the others: header and body read
//! timeouts, a cap on open connections and on requests in flight (503 with
//! `Retry-After` beyond it) and a per-client rate limit on the expensive
//! routes (429 with `Retry-After`). Nothing about a client is written
//! anywhere: the rate limiter keeps addresses in memory only, briefly.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use tokio::sync::Semaphore;

use crate::{ApiError, AppState};

/// The `[limits]` section: how much any client may ask.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LimitSettings {
    /// Time allowed to send a request's headers, in ms (slow-loris clients
    /// are cut off after it); also how long an idle connection stays open
    /// waiting for its first request.
    pub header_read_timeout_ms: u64,
    /// Time allowed to send a request's body, in ms.
    pub body_read_timeout_ms: u64,
    /// Open connections at most; further ones are closed at once.
    pub max_connections: usize,
    /// Requests handled at once at most; further ones get 503 with `Retry-After`.
    pub max_in_flight: usize,
    /// Requests per minute one client address may make to the search API,
    /// the search page and the image proxy; 0 turns the limit off (do so
    /// behind a reverse proxy, where every client has the proxy's address).
    pub rate_limit_per_minute: u32,
    /// Requests one client may make at once above the steady rate.
    pub rate_limit_burst: u32,
}

impl Default for LimitSettings {
    fn default() -> Self {
        LimitSettings {
            header_read_timeout_ms: 10_000,
            body_read_timeout_ms: 10_000,
            max_connections: 4096,
            max_in_flight: 256,
            rate_limit_per_minute: 1200,
            rate_limit_burst: 200,
        }
    }
}

impl LimitSettings {
    /// The header read timeout (at least 1 ms: hyper refuses zero).
    pub fn header_read_timeout(&self) -> Duration {
        Duration::from_millis(self.header_read_timeout_ms.max(1))
    }

    /// The body read timeout.
    pub fn body_read_timeout(&self) -> Duration {
        Duration::from_millis(self.body_read_timeout_ms.max(1))
    }
}

/// The peer address of a request's connection, set by [`crate::serve`].
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

/// Requests in flight, shared by every connection.
#[derive(Debug)]
pub(crate) struct InFlight(Arc<Semaphore>);

impl InFlight {
    pub(crate) fn new(max: usize) -> Self {
        InFlight(Arc::new(Semaphore::new(max.max(1))))
    }
}

/// Answers 503 with `Retry-After` when `max_in_flight` requests are already
/// being handled, instead of queueing them until they time out.
pub(crate) async fn in_flight(
    State(state): State<Arc<AppState>>,
    req: Request,
    next: Next,
) -> Response {
    match state.in_flight.0.clone().try_acquire_owned() {
        Ok(permit) => {
            let response = next.run(req).await;
            drop(permit);
            response
        }
        Err(_) => {
            state.metrics.refuse(crate::metrics::Refusal::Busy);
            ApiError::Busy {
                retry_after_secs: 1,
            }
            .into_response()
        }
    }
}

/// A token bucket per client address.
#[derive(Debug)]
pub(crate) struct RateLimiter {
    /// Tokens per second.
    rate: f64,
    /// Bucket size.
    burst: f64,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

/// Buckets kept before the full ones are forgotten.
const MAX_BUCKETS: usize = 100_000;

impl RateLimiter {
    /// `None` when the limit is off.
    pub(crate) fn new(settings: &LimitSettings) -> Option<Self> {
        if settings.rate_limit_per_minute == 0 {
            return None;
        }
        Some(RateLimiter {
            rate: f64::from(settings.rate_limit_per_minute) / 60.0,
            burst: f64::from(settings.rate_limit_burst.max(1)),
            buckets: Mutex::new(HashMap::new()),
        })
    }

    /// Takes a token for `ip`, or says how many seconds until one is there.
    pub(crate) fn check(&self, ip: IpAddr, now: Instant) -> Result<(), u64> {
        let key = bucket_key(ip);
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() >= MAX_BUCKETS {
            let (rate, burst) = (self.rate, self.burst);
            buckets.retain(|_, (tokens, at)| {
                *tokens + now.saturating_duration_since(*at).as_secs_f64() * rate < burst
            });
            if buckets.len() >= MAX_BUCKETS {
                // Every one of them busy: forget them all rather than grow.
                buckets.clear();
            }
        }
        let (tokens, at) = buckets.entry(key).or_insert((self.burst, now));
        let refilled = (*tokens + now.saturating_duration_since(*at).as_secs_f64() * self.rate)
            .min(self.burst);
        *at = now;
        if refilled >= 1.0 {
            *tokens = refilled - 1.0;
            Ok(())
        } else {
            *tokens = refilled;
            Err(((1.0 - refilled) / self.rate).ceil().max(1.0) as u64)
        }
    }
}

/// One bucket per IPv4 address and per IPv6 /64 (what one subscriber gets).
fn bucket_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let mut s = v6.segments();
                s[4..].fill(0);
                IpAddr::V6(s.into())
            }
        },
    }
}

/// Whether a path is one of the expensive ones the rate limit covers.
fn rate_limited(path: &str) -> bool {
    path.starts_with("/api/v1/search/")
        || path == "/api/v1/videos"
        || path == "/search"
        || path == "/img"
}

/// Answers 429 with `Retry-After` to a client over its rate on the search
/// API, the search page and the image proxy.
pub(crate) async fn rate_limit(
    State(state): State<Arc<AppState>>,
    req: Request,
    next: Next,
) -> Response {
    if let (Some(limiter), Some(ClientIp(ip))) = (
        state.rate_limiter.as_ref(),
        req.extensions().get::<ClientIp>().copied(),
    ) && rate_limited(req.uri().path())
        && let Err(retry_after_secs) = limiter.check(ip, Instant::now())
    {
        state.metrics.refuse(crate::metrics::Refusal::RateLimited);
        return ApiError::TooManyRequests { retry_after_secs }.into_response();
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(per_minute: u32, burst: u32) -> RateLimiter {
        RateLimiter::new(&LimitSettings {
            rate_limit_per_minute: per_minute,
            rate_limit_burst: burst,
            ..LimitSettings::default()
        })
        .expect("limit on")
    }

    #[test]
    fn burst_then_refill() {
        let l = limiter(60, 3);
        let ip: IpAddr = "192.0.2.1".parse().expect("ip");
        let t = Instant::now();
        for _ in 0..3 {
            assert_eq!(l.check(ip, t), Ok(()));
        }
        assert_eq!(l.check(ip, t), Err(1));
        // another client is not affected
        assert_eq!(l.check("192.0.2.2".parse().expect("ip"), t), Ok(()));
        assert_eq!(l.check(ip, t + Duration::from_millis(1100)), Ok(()));
    }

    #[test]
    fn ipv6_shares_a_bucket_per_64() {
        let l = limiter(60, 1);
        let t = Instant::now();
        assert_eq!(l.check("2001:db8::1".parse().expect("ip"), t), Ok(()));
        assert!(l.check("2001:db8::2".parse().expect("ip"), t).is_err());
        assert_eq!(l.check("2001:db8:0:1::1".parse().expect("ip"), t), Ok(()));
    }

    #[test]
    fn zero_turns_it_off() {
        assert!(
            RateLimiter::new(&LimitSettings {
                rate_limit_per_minute: 0,
                ..LimitSettings::default()
            })
            .is_none()
        );
    }
}
