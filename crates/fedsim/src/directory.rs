//! The directory listener: the joinpeertube-style instance list (`/api/v1/instances/hosts`,
//! `/api/v1/instances`) plus the control API.

// Handlers bail out early with a ready-made `Response`; boxing it would buy nothing here.
#![allow(clippy::result_large_err)]

use crate::request_log::{LogTarget, log_requests};
use crate::sim::Sim;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Arc;

/// Where the Mobilizon instance list is served (its own path: the
/// PeerTube list already answers `/api/v1/instances`).
pub const MOBILIZON_LIST_PATH: &str = "/mobilizon/api/v1/instances";

/// Builds the directory router (lists + control), logging every request.
pub fn router(sim: Arc<Sim>, target: LogTarget) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/api/v1/instances/hosts", get(hosts))
        .route("/api/v1/instances", get(full_list))
        .route(MOBILIZON_LIST_PATH, get(mobilizon_list))
        .with_state(sim.clone())
        .merge(crate::control::router(sim.clone()))
        .merge(crate::mobilizon::control::router(sim))
        .layer(axum::middleware::from_fn_with_state(target, log_requests))
}

async fn index(State(sim): State<Arc<Sim>>) -> Response {
    axum::Json(crate::sim::startup_info(&sim)).into_response()
}

/// Start and count of a list request (`count` defaults to 5000, no upper bound).
fn window(q: &HashMap<String, String>) -> Result<(usize, usize), Response> {
    let get = |k: &str, d: usize| -> Result<usize, Response> {
        match q.get(k) {
            None => Ok(d),
            Some(v) => v.parse().map_err(|_| {
                (
                    StatusCode::BAD_REQUEST,
                    axum::Json(json!({"error": format!("invalid {k}")})),
                )
                    .into_response()
            }),
        }
    };
    Ok((get("start", 0)?, get("count", 5000)?))
}

async fn hosts(State(sim): State<Arc<Sim>>, Query(q): Query<HashMap<String, String>>) -> Response {
    let (start, count) = match window(&q) {
        Ok(w) => w,
        Err(e) => return e,
    };
    let data: Vec<Value> = sim
        .instances
        .iter()
        .skip(start)
        .take(count)
        .map(|i| json!({"host": i.host}))
        .collect();
    axum::Json(json!({"total": sim.instances.len(), "data": data})).into_response()
}

/// The Mobilizon list, shaped like instances.joinmobilizon.org's
/// `/api/v1/instances?start=&count=`.
async fn mobilizon_list(
    State(sim): State<Arc<Sim>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let (start, count) = match window(&q) {
        Ok(w) => w,
        Err(e) => return e,
    };
    let data: Vec<Value> = sim
        .mobilizon
        .iter()
        .skip(start)
        .take(count)
        .map(|i| {
            let c = i.read();
            json!({
                "id": i.index + 1,
                "host": i.host,
                "name": c.name,
                "shortDescription": c.description,
                "version": crate::mobilizon::api::VERSION,
                "signupAllowed": false,
                "languages": [c.lang.code()],
                "totalUsers": c.people.len(),
                "totalLocalEvents": c.events.iter().filter(|e| e.is_listed()).count(),
                "totalLocalGroups": c.groups.len(),
                "health": 100,
                "country": c.city.country_code,
                "createdAt": crate::render::date(&(i.now() - chrono::Duration::days(400))),
            })
        })
        .collect();
    axum::Json(json!({"total": sim.mobilizon.len(), "data": data})).into_response()
}

async fn full_list(
    State(sim): State<Arc<Sim>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let (start, count) = match window(&q) {
        Ok(w) => w,
        Err(e) => return e,
    };
    let data: Vec<Value> = sim
        .instances
        .iter()
        .skip(start)
        .take(count)
        .map(|i| {
            let c = i.read();
            let local = c.videos.iter().filter(|v| v.origin.is_local()).count();
            json!({
                "id": i.index + 1,
                "host": i.host,
                "name": c.name,
                "shortDescription": c.short_description,
                "version": i.version.server_version(),
                "signupAllowed": false,
                "totalUsers": c.accounts.iter().filter(|a| a.origin.is_local()).count(),
                "totalVideos": c.videos.len(),
                "totalLocalVideos": local,
                "languages": c.languages,
                "isNSFW": c.is_nsfw,
                "health": 100,
                "country": null,
            })
        })
        .collect();
    axum::Json(json!({"total": sim.instances.len(), "data": data})).into_response()
}
