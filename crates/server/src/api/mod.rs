//! The JSON API: PeerTube-compatible search (videos, channels, playlists),
//! Mobilizon-compatible search (events, groups), the read-only PeerTube
//! instance routes apps call when sepiola is added as an instance
//! (`instance`), and the small routes clients read beside them (config,
//! instances, ping).

mod admin;
mod instance;
mod moderation;
mod places;
mod search;

pub(crate) use moderation::file_report;

use std::sync::Arc;

use axum::Router;
use axum::http::{Method, header};
use axum::response::IntoResponse;
use axum::routing::{any, get, post};
use tower_http::cors::{Any, CorsLayer};

use sepiola_model::query::{ChannelQuery, EventQuery, GroupQuery, PlaylistQuery, VideoQuery};

use crate::AppState;
use crate::instances;
use crate::problem::ApiError;

/// Every `/api/v1/` route, and the watch links of sepiola as an instance
/// (redirects to the origin), with open CORS (reads only).
pub fn router() -> Router<Arc<AppState>> {
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers(Any);
    Router::new()
        .route("/api/v1/search/videos", search::route::<VideoQuery>())
        .route(
            "/api/v1/search/video-channels",
            search::route::<ChannelQuery>(),
        )
        .route(
            "/api/v1/search/video-playlists",
            search::route::<PlaylistQuery>(),
        )
        .route("/api/v1/search/events", search::route::<EventQuery>())
        .route("/api/v1/search/groups", search::route::<GroupQuery>())
        // sepiola as a read-only PeerTube instance (see `instance`): the
        // video list is the video search without text, one code path.
        .route("/api/v1/videos", search::list_route::<VideoQuery>())
        .route("/api/v1/videos/{id}", get(instance::video_details))
        .route(
            "/api/v1/videos/{id}/captions",
            get(instance::video_captions),
        )
        .route(
            "/api/v1/videos/{id}/chapters",
            get(instance::video_chapters),
        )
        .route("/api/v1/video-channels/{handle}", get(instance::channel))
        .route(
            "/api/v1/video-playlists/{id}",
            get(instance::playlist_details),
        )
        .route(
            "/api/v1/video-playlists/{id}/videos",
            get(instance::playlist_videos),
        )
        .route("/api/v1/config", get(instance::config))
        .route("/videos/watch/{id}", get(instance::watch_video))
        .route("/w/{id}", get(instance::watch_video))
        .route("/videos/watch/playlist/{id}", get(instance::watch_playlist))
        .route("/w/p/{id}", get(instance::watch_playlist))
        .route("/api/v1/instances", get(instances::list))
        .route(
            "/api/v1/places",
            get(places::places).fallback(method_not_allowed),
        )
        .route("/api/v1/ping", any(ping))
        .route("/api/v1/admin/crawl", post(admin::crawl))
        .route(
            "/api/v1/admin/decisions",
            get(admin::decisions).post(admin::block),
        )
        .route("/api/v1/admin/decisions/export", get(admin::export))
        .route("/api/v1/admin/decisions/{id}/lift", post(admin::lift))
        .route("/api/v1/admin/reports", get(admin::reports))
        .route("/api/v1/admin/reports/{id}/resolve", post(admin::resolve))
        .route("/api/v1/moderation", get(moderation::public_log))
        .route("/api/v1/reports", post(moderation::report))
        .route("/api/v1/{*rest}", any(api_not_found))
        .layer(cors)
}

/// `/api/v1/ping`: `pong` once the index is open.
async fn ping() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "pong",
    )
}

/// Any other `/api/v1/…` route.
async fn api_not_found() -> ApiError {
    ApiError::NotFound("no such API route".into())
}

/// A known route called with a method it does not take.
async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
