//! `GET /metrics`: what an operator's monitoring reads, in the Prometheus
//! text format. Requests and their latency per route (the route pattern,
//! never the query string), the crawl as the crawler reports it, documents
//! per kind and per host, the index's size and the image proxy's cache.
//! Nothing about who asked or what was searched is in it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use sepiola_model::DocKind;
use sepiola_model::instance::HostHealth;

use crate::AppState;
use crate::problem::ApiError;

/// A route and the class of its answer (`2xx`, `4xx`…).
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteStatus {
    route: String,
    status: String,
}

/// A route.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabel {
    route: String,
}

/// Why a request was refused before any route saw it.
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq)]
pub enum Refusal {
    /// 503: `max_in_flight` requests were being handled already.
    Busy,
    /// 429: the client was over its rate.
    RateLimited,
    /// 408: the request took longer than the per-request time limit.
    Timeout,
}

impl Refusal {
    fn label(self) -> &'static str {
        match self {
            Refusal::Busy => "busy",
            Refusal::RateLimited => "rate_limited",
            Refusal::Timeout => "timeout",
        }
    }
}

/// A refusal's reason.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ReasonLabel {
    reason: String,
}

/// The request counters, kept for the life of the process.
pub struct Metrics {
    requests: Family<RouteStatus, Counter>,
    latency: Family<RouteLabel, Histogram>,
    refused: Family<ReasonLabel, Counter>,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            requests: Family::default(),
            refused: Family::default(),
            latency: Family::new_with_constructor(|| {
                // 0.25 ms to about 8 s.
                Histogram::new(exponential_buckets(0.000_25, 2.0, 16))
            }),
        }
    }
}

impl Metrics {
    /// Counts a request the limits refused (they run before routing, so
    /// the per-route counters never see it).
    pub fn refuse(&self, why: Refusal) {
        self.refused
            .get_or_create(&ReasonLabel {
                reason: why.label().to_string(),
            })
            .inc();
    }

    fn observe(&self, route: &str, status: u16, seconds: f64) {
        let class = format!("{}xx", status / 100);
        self.requests
            .get_or_create(&RouteStatus {
                route: route.to_string(),
                status: class,
            })
            .inc();
        self.latency
            .get_or_create(&RouteLabel {
                route: route.to_string(),
            })
            .observe(seconds);
    }
}

/// The middleware that counts every request by its route pattern.
pub async fn track(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    // The pattern (`/api/v1/search/videos`), never the path a visitor sent:
    // unmatched paths all count as one.
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "unmatched".into());
    let started = Instant::now();
    let response = next.run(req).await;
    state.metrics.observe(
        &route,
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    response
}

/// Counts the answers of the per-request time limit (408); it sits just
/// outside that limit, where nothing else answers 408.
pub async fn timeouts(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let response = next.run(req).await;
    if response.status() == axum::http::StatusCode::REQUEST_TIMEOUT {
        state.metrics.refuse(Refusal::Timeout);
    }
    response
}

/// `GET /metrics`.
pub async fn handler(State(state): State<Arc<AppState>>) -> Result<Response, ApiError> {
    let s = state.clone();
    let text = tokio::task::spawn_blocking(move || render(&s))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))??;
    Ok((
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        text,
    )
        .into_response())
}

/// Labels of one host.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct HostLabel {
    host: String,
}

/// Labels of one kind.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabel {
    kind: String,
}

/// Labels of one host's last pass.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PassLabel {
    host: String,
    pass: String,
}

fn render(state: &AppState) -> Result<String, ApiError> {
    let mut r = Registry::with_prefix("sepiola");
    r.register(
        "http_requests",
        "Requests answered, by route pattern and status class",
        state.metrics.requests.clone(),
    );
    r.register(
        "http_refused_requests",
        "Requests refused before routing: busy (503, max_in_flight), rate_limited (429), timeout (408)",
        state.metrics.refused.clone(),
    );
    r.register(
        "http_request_duration_seconds",
        "Time to answer, by route pattern",
        state.metrics.latency.clone(),
    );

    let docs = Family::<KindLabel, Gauge>::default();
    let counts = state.index.doc_counts();
    for k in DocKind::ALL {
        docs.get_or_create(&KindLabel {
            kind: k.as_str().into(),
        })
        .set(gauge(counts.get(k)));
    }
    r.register("documents", "Documents in the index, by kind", docs);

    let per_host = Family::<HostLabel, Gauge>::default();
    for (host, n) in state.host_counts()?.iter() {
        per_host
            .get_or_create(&HostLabel { host: host.clone() })
            .set(gauge(*n));
    }
    r.register(
        "host_documents",
        "Documents in the index, by instance",
        per_host,
    );

    if let Some(dir) = &state.index_dir {
        let size: Gauge = Gauge::default();
        size.set(gauge(dir_size(dir)));
        r.register("index_size_bytes", "Size of the index on disk", size);
    }

    if let Some(report) = state.instance_report() {
        let up = Family::<HostLabel, Gauge>::default();
        let failures = Family::<HostLabel, Gauge>::default();
        let last = Family::<PassLabel, Gauge>::default();
        let errors = Family::<PassLabel, Gauge>::default();
        for s in report.instances() {
            let h = HostLabel {
                host: s.host.clone(),
            };
            up.get_or_create(&h)
                .set(i64::from(s.health == HostHealth::Ok));
            failures
                .get_or_create(&h)
                .set(i64::from(s.consecutive_failures));
            for (pass, p) in [("full", &s.last_full_pass), ("quick", &s.last_quick_pass)] {
                let Some(p) = p else { continue };
                let l = PassLabel {
                    host: s.host.clone(),
                    pass: pass.into(),
                };
                if let Some(t) = p.finished_at {
                    last.get_or_create(&l).set(t.millis() / 1000);
                }
                errors.get_or_create(&l).set(i64::from(!p.ok));
            }
        }
        r.register(
            "crawl_host_up",
            "1 when the instance's last pass succeeded",
            up,
        );
        r.register(
            "crawl_host_consecutive_failures",
            "Failed passes in a row, by instance",
            failures,
        );
        r.register(
            "crawl_last_pass_timestamp_seconds",
            "When the last pass of each kind ended, by instance",
            last,
        );
        r.register(
            "crawl_last_pass_failed",
            "1 when the last pass of that kind failed, by instance",
            errors,
        );
    }

    if let Some(proxy) = &state.images {
        let (used, limit) = proxy.cache_usage();
        let (u, l): (Gauge, Gauge) = (Gauge::default(), Gauge::default());
        u.set(gauge(used));
        l.set(gauge(limit));
        r.register("image_cache_bytes", "Bytes in the image cache", u);
        r.register(
            "image_cache_limit_bytes",
            "Most bytes the image cache keeps",
            l,
        );
        let st = proxy.stats();
        for (name, help, v) in [
            (
                "image_cache_hits",
                "Images served from the cache",
                &st.cache_hits,
            ),
            (
                "image_fetches",
                "Images fetched from their instance",
                &st.fetched,
            ),
            (
                "image_failures",
                "Image requests refused or failed",
                &st.failed,
            ),
        ] {
            let c: Counter = Counter::default();
            c.inc_by(v.load(Ordering::Relaxed));
            r.register(name, help, c);
        }
    }

    let mut out = String::new();
    encode(&mut out, &r).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(out)
}

fn gauge(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Bytes of every file under `dir`.
fn dir_size(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack: Vec<PathBuf> = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            match e.metadata() {
                Ok(m) if m.is_dir() => stack.push(e.path()),
                Ok(m) => total += m.len(),
                Err(_) => {}
            }
        }
    }
    total
}
