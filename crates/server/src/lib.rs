//! The HTTP face of sepiola: the PeerTube-compatible search API, the
//! Mobilizon search API and the web pages. Built on axum; knows the index through its public API only.

mod api;
mod decode;
mod extract;
pub mod instances;
pub mod limits;
mod location;
mod metrics;
pub mod moderation;
mod params;
mod problem;
mod settings;
pub mod web;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, RwLock};

use sepiola_model::query::{Blocks, SearchQuery};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use sepiola_index::SearchIndex;

pub use decode::{
    FromParams, channel_query, event_query, group_query, playlist_query, video_query,
};
pub use extract::{Params, read_params};
pub use limits::LimitSettings;
pub use location::Location;
pub use moderation::Moderation;
pub use params::RawParams;
pub use problem::ApiError;
pub use settings::{AdminSettings, ImageProxySettings, InstanceSettings, ModerationSettings};

/// Largest request body accepted (the Framasoft index accepts 5 MB too).
pub const MAX_BODY_BYTES: usize = 5 * 1024 * 1024;
/// How long a request may take before it is answered 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// Per-host document counts and when they were computed.
type CachedCounts = (Instant, Arc<BTreeMap<String, u64>>);

/// Everything handlers share.
pub struct AppState {
    /// The index.
    pub index: Arc<SearchIndex>,
    /// Branding and public facts.
    pub instance: InstanceSettings,
    /// The moderation logs (decisions applied to every query, reports),
    /// when the server has a data directory.
    moderation: Option<Arc<Moderation>>,
    /// Per-host counts are a full scan: cache them briefly.
    host_counts: Mutex<Option<CachedCounts>>,
    /// Fetches thumbnails and avatars for the web page, when enabled.
    pub images: Option<web::ImageProxy>,
    /// The operator's logo: content type and bytes.
    pub logo: Option<(&'static str, bytes::Bytes)>,
    /// The crawler's view of each listed host, when a crawler runs.
    instance_report: RwLock<Option<Arc<dyn instances::InstanceReport>>>,
    /// What can run a pass now, when a crawler runs.
    crawl_control: RwLock<Option<Arc<dyn instances::CrawlControl>>>,
    /// The admin API's bearer token; the admin API is off without one.
    admin_token: Option<String>,
    /// Request counters for `/metrics`.
    metrics: metrics::Metrics,
    /// Where the index lives, to report its size on `/metrics`.
    index_dir: Option<std::path::PathBuf>,
    /// What any client may ask (timeouts, caps, rate).
    pub limits: LimitSettings,
    /// Requests being handled now.
    in_flight: limits::InFlight,
    /// Per-client request rate, when limited.
    rate_limiter: Option<limits::RateLimiter>,
}

impl AppState {
    /// Builds the shared state.
    pub fn new(index: Arc<SearchIndex>, instance: InstanceSettings) -> Self {
        AppState {
            index,
            instance,
            moderation: None,
            host_counts: Mutex::new(None),
            instance_report: RwLock::new(None),
            images: None,
            logo: None,
            crawl_control: RwLock::new(None),
            admin_token: None,
            metrics: metrics::Metrics::default(),
            index_dir: None,
            in_flight: limits::InFlight::new(LimitSettings::default().max_in_flight),
            rate_limiter: limits::RateLimiter::new(&LimitSettings::default()),
            limits: LimitSettings::default(),
        }
    }

    /// Turns the admin API on with this bearer token (an empty one keeps it off).
    pub fn with_admin_token(mut self, token: Option<String>) -> Self {
        self.admin_token = token.filter(|t| !t.is_empty());
        self
    }

    /// The admin API's token, when it is on.
    pub fn admin_token(&self) -> Option<&str> {
        self.admin_token.as_deref()
    }

    /// Lets the admin API run passes through the crawler.
    pub fn set_crawl_control(&self, control: Arc<dyn instances::CrawlControl>) {
        if let Ok(mut c) = self.crawl_control.write() {
            *c = Some(control);
        }
    }

    /// What can run a pass now, if a crawler runs.
    pub fn crawl_control(&self) -> Option<Arc<dyn instances::CrawlControl>> {
        self.crawl_control.read().ok().and_then(|c| c.clone())
    }

    /// Sets what any client may ask (timeouts, caps, rate).
    pub fn with_limits(mut self, limits: LimitSettings) -> Self {
        self.in_flight = limits::InFlight::new(limits.max_in_flight);
        self.rate_limiter = limits::RateLimiter::new(&limits);
        self.limits = limits;
        self
    }

    /// Says where the index lives (its size is reported on `/metrics`).
    pub fn with_index_dir(mut self, dir: std::path::PathBuf) -> Self {
        self.index_dir = Some(dir);
        self
    }

    /// Enables the web page's image proxy.
    pub fn with_image_proxy(mut self, proxy: web::ImageProxy) -> Self {
        self.images = Some(proxy);
        self
    }

    /// Sets the logo shown instead of the name (`image/svg+xml`, `image/png`…).
    pub fn with_logo(mut self, content_type: &'static str, bytes: bytes::Bytes) -> Self {
        self.logo = Some((content_type, bytes));
        self
    }

    /// The text analysis the index uses (for marking query words in snippets).
    pub fn analysis(&self) -> &sepiola_index::Analysis {
        self.index.analysis()
    }

    /// Lets `GET /api/v1/instances` report the crawler's host statuses.
    pub fn set_instance_report(&self, report: Arc<dyn instances::InstanceReport>) {
        if let Ok(mut r) = self.instance_report.write() {
            *r = Some(report);
        }
    }

    /// The crawler's host statuses, if a crawler runs.
    pub fn instance_report(&self) -> Option<Arc<dyn instances::InstanceReport>> {
        self.instance_report.read().ok().and_then(|r| r.clone())
    }

    /// Applies the operator's decisions to a query: the one place every
    /// search, listing, lookup and page gets them (built once per change
    /// of the decision log, see [`sepiola_moderation::DecisionLog::blocks`]).
    pub fn apply_blocks<Q: SearchQuery>(&self, q: &mut Q) {
        if let Some(m) = &self.moderation {
            q.blocks_mut().extend_from(&m.decisions.blocks());
        }
    }

    /// The exclusions in force now (none without moderation logs).
    pub fn operator_blocks(&self) -> Arc<Blocks> {
        self.moderation
            .as_ref()
            .map(|m| m.decisions.blocks())
            .unwrap_or_default()
    }

    /// Attaches the moderation logs.
    pub fn with_moderation(mut self, moderation: Arc<Moderation>) -> Self {
        self.moderation = Some(moderation);
        self
    }

    /// The moderation logs, when attached.
    pub fn moderation(&self) -> Option<&Arc<Moderation>> {
        self.moderation.as_ref()
    }

    /// Live documents per indexed host, cached for a few seconds.
    pub fn host_counts(&self) -> Result<Arc<BTreeMap<String, u64>>, ApiError> {
        let mut cache = self.host_counts.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((at, counts)) = cache.as_ref()
            && at.elapsed() < Duration::from_secs(5)
        {
            return Ok(counts.clone());
        }
        let counts = Arc::new(self.index.host_counts()?);
        *cache = Some((Instant::now(), counts.clone()));
        Ok(counts)
    }
}

/// The whole HTTP application.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .merge(api::router())
        .merge(web::routes())
        .route("/metrics", get(metrics::handler))
        // Per route (the pattern is known only once routed).
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .fallback(web::not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        // gzip or brotli when the client accepts it; the default predicate
        // leaves images (already compressed) and tiny bodies alone.
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            metrics::timeouts,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            limits::rate_limit,
        ))
        // Outside the time limit, so a request that times out frees its place.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            limits::in_flight,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(CatchPanicLayer::custom(|_| {
            axum::response::IntoResponse::into_response(ApiError::Internal(
                "a request handler panicked".into(),
            ))
        }))
        .with_state(state)
}

/// Serves the application on a bound listener until `shutdown` resolves,
/// with the state's [`LimitSettings`]: connections over `max_connections`
/// are closed at once, headers and bodies must arrive within their
/// timeouts, and each request knows its peer's address (for the rate limit
/// only; it is never logged).
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;

    let limits = state.limits.clone();
    // Parse the gazetteer now, off the request path, not on the first
    // visitor's place search.
    tokio::task::spawn_blocking(|| sepiola_places::Gazetteer::global().len());
    let app = router(state);
    let connections = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout())
        .keep_alive(true);
    let body_timeout = limits.body_read_timeout();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors, or a connection reset before
                    // it was accepted: pause instead of spinning.
                    tracing::debug!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(permit) = connections.clone().try_acquire_owned() else {
            // Over the cap: closed at once, before a byte is read.
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let ip = limits::ClientIp(peer.ip());
        let svc = tower::ServiceBuilder::new()
            .map_request(move |mut req: axum::http::Request<hyper::body::Incoming>| {
                req.extensions_mut().insert(ip);
                req
            })
            .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(
                body_timeout,
            ))
            .service(app.clone());
        let conn = http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(svc));
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            let _ = conn.await;
            drop(permit);
        });
    }
    drop(listener);
    // Requests being answered get a little time to finish.
    let _ = tokio::time::timeout(Duration::from_secs(10), graceful.shutdown()).await;
    Ok(())
}
