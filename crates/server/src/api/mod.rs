//! The JSON API: PeerTube-compatible search (videos, channels, playlists),
//! Mobilizon-compatible search (events, groups), and the small routes
//! clients read beside them (config, instances, ping).

mod search;

use std::sync::Arc;

use axum::http::{Method, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::{Json, Router};
use serde_json::json;
use tower_http::cors::{Any, CorsLayer};

use sepiola_model::query::{ChannelQuery, EventQuery, GroupQuery, PlaylistQuery, VideoQuery};

use crate::AppState;
use crate::instances;
use crate::problem::ApiError;

/// Every `/api/v1/` route, with open CORS (reads only).
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
        .route("/api/v1/config", get(config))
        .route("/api/v1/instances", get(instances::list))
        .route("/api/v1/ping", any(ping))
        .route("/api/v1/{*rest}", any(api_not_found))
        .layer(cors)
}

/// `GET /api/v1/config`: what Sepia Search's front end reads.
async fn config(
    axum::extract::State(state): axum::extract::State<Arc<AppState>>,
) -> Result<Response, ApiError> {
    let s = &state.instance;
    let hosts = state.host_counts()?;
    let counts = state.index.doc_counts();
    Ok(Json(json!({
        "searchInstanceName": s.name,
        "searchInstanceNameImage": state.logo.as_ref().map(|_| "/static/logo"),
        "searchInstanceSearchImage": null,
        "searchInstanceDescription": s.description,
        "legalNoticesUrl": s.legal_notices_url,
        "indexedHostsCount": hosts.len(),
        "indexedInstancesUrl": s.indexed_instances_url,
        "indexedDocuments": counts,
        "software": { "name": "sepiola", "version": env!("CARGO_PKG_VERSION") },
    }))
    .into_response())
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
