//! sepiola as a read-only PeerTube instance. NewPipe and Grayjay hard-code
//! sepiasearch.org for Sepia search, so a self-hosted sepiola reaches their
//! users only when it is added as a PeerTube *instance*: these are the
//! routes their instance mode calls beside search (`/api/v1/config`, the
//! video list, a video, its captions and chapters, a channel, a playlist).
//! Everything comes from the index; every video still links to its origin
//! and sepiola serves no video file.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use sepiola_index::Searchable;
use sepiola_model::query::{ChannelQuery, Page, PlaylistQuery, VideoQuery};

use crate::AppState;
use crate::decode::normalize_handle;
use crate::problem::ApiError;

/// The PeerTube API level sepiola speaks: the version whose search and
/// list parameters it follows (captured from PeerTube 6.3, see the README's
/// parameter table). Grayjay sends `best`, `-trending` and `-hot` only to
/// servers at 3.1 or later.
pub const PEERTUBE_API_VERSION: &str = "6.3.0";

/// `GET /api/v1/config`: what Sepia Search's front end reads (every field
/// it had), plus the fields of PeerTube's `ServerConfig` that apps read
/// when sepiola is added as an instance (`instance.name` for NewPipe,
/// `serverVersion` for Grayjay), saying what a read-only index is: no
/// signup, no upload, no live, remote URI search off, the index on.
pub async fn config(State(state): State<Arc<AppState>>) -> Result<Response, ApiError> {
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
        "serverVersion": PEERTUBE_API_VERSION,
        "serverCommit": null,
        "instance": {
            "name": s.name,
            "shortDescription": s.description,
            "isNSFW": false,
            "defaultNSFWPolicy": "do_not_list",
            "defaultClientRoute": "/videos/trending",
            "customizations": { "javascript": "", "css": "" },
        },
        "search": {
            "remoteUri": { "users": false, "anonymous": false },
            "searchIndex": {
                "enabled": true,
                "url": s.public_url,
                "disableLocalSearch": false,
                "isDefaultSearch": true,
            },
        },
        "signup": {
            "allowed": false,
            "allowedForCurrentIP": false,
            "requiresEmailVerification": false,
            "requiresApproval": false,
            "minimumAge": 16,
        },
        "user": { "videoQuota": 0, "videoQuotaDaily": 0 },
        "live": { "enabled": false, "allowReplay": false },
        "import": { "videos": { "http": { "enabled": false }, "torrent": { "enabled": false } } },
        "contactForm": { "enabled": false },
        "email": { "enabled": false },
        "federation": { "enabled": false },
        "tracker": { "enabled": false },
        "plugin": { "registered": [], "registeredExternalAuths": [], "registeredIdAndPassAuths": [] },
        "theme": { "registered": [], "default": "default" },
        "trending": {
            "videos": {
                "intervalDays": 7,
                "algorithms": {
                    "enabled": ["best", "hot", "most-viewed", "most-liked"],
                    "default": "most-viewed",
                },
            },
        },
        "homepage": { "enabled": false },
    }))
    .into_response())
}

/// The one document of a query, or 404 (the operator's deny list applies,
/// as it does to every search).
fn find_one<Q: Searchable>(state: &AppState, mut q: Q, what: &str) -> Result<Value, ApiError> {
    state.apply_blocks(&mut q);
    let hits = state.index.search_answers(&q)?;
    let first = hits
        .data
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::NotFound(format!("no such {what} in the index")))?;
    serde_json::from_str(&first.item.0)
        .map_err(|e| ApiError::Internal(format!("stored {what} is not JSON: {e}")))
}

/// A video or playlist id from a path: a UUID or short UUID (anything
/// else cannot be in the index).
fn id_from_path(id: &str, what: &str) -> Result<String, ApiError> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(id.to_string())
    } else {
        Err(ApiError::NotFound(format!("no such {what} in the index")))
    }
}

fn one_page() -> Page {
    Page { start: 0, count: 1 }
}

fn video(state: &AppState, id: &str) -> Result<Value, ApiError> {
    let q = VideoQuery {
        uuids: vec![id_from_path(id, "video")?],
        page: one_page(),
        ..VideoQuery::default()
    };
    find_one(state, q, "video")
}

/// `GET /api/v1/videos/{id}`: the indexed video, with empty `files` and
/// `streamingPlaylists` (sepiola serves no video file: players follow
/// `url`/`embedUrl` to the origin).
pub async fn video_details(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let mut v = video(&state, &id)?;
    if let Value::Object(o) = &mut v {
        o.entry("files").or_insert_with(|| json!([]));
        o.entry("streamingPlaylists").or_insert_with(|| json!([]));
        o.entry("trackerUrls").or_insert_with(|| json!([]));
    }
    Ok(Json(v).into_response())
}

/// `GET /api/v1/videos/{id}/captions`: none (captions stay on the origin).
pub async fn video_captions(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    video(&state, &id)?;
    Ok(Json(json!({ "total": 0, "data": [] })).into_response())
}

/// `GET /api/v1/videos/{id}/chapters`: none (not indexed).
pub async fn video_chapters(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    video(&state, &id)?;
    Ok(Json(json!({ "chapters": [] })).into_response())
}

/// `GET /api/v1/video-channels/{handle}`: the channel `name@host`, or the
/// channel of that exact name when the handle has no host (the first by
/// the channel search's order when several hosts have one).
pub async fn channel(
    State(state): State<Arc<AppState>>,
    Path(handle): Path<String>,
) -> Result<Response, ApiError> {
    let not_found = || ApiError::NotFound("no such channel in the index".into());
    let handle = handle.trim().trim_start_matches('@');
    if handle.contains('@') {
        let h = normalize_handle(handle).ok_or_else(not_found)?;
        let q = ChannelQuery {
            handles: vec![h],
            page: one_page(),
            ..ChannelQuery::default()
        };
        return Ok(Json(find_one(&state, q, "channel")?).into_response());
    }
    if handle.is_empty() || handle.len() > 120 {
        return Err(not_found());
    }
    let mut q = ChannelQuery {
        search: Some(handle.to_string()),
        page: Page {
            start: 0,
            count: sepiola_model::query::MAX_COUNT,
        },
        ..ChannelQuery::default()
    };
    state.apply_blocks(&mut q);
    let hits = state.index.search_answers(&q)?;
    for h in hits.data {
        let v: Value = serde_json::from_str(&h.item.0)
            .map_err(|e| ApiError::Internal(format!("stored channel is not JSON: {e}")))?;
        if v["name"].as_str() == Some(handle) {
            return Ok(Json(v).into_response());
        }
    }
    Err(not_found())
}

fn playlist(state: &AppState, id: &str) -> Result<Value, ApiError> {
    let q = PlaylistQuery {
        uuids: vec![id_from_path(id, "playlist")?],
        page: one_page(),
        ..PlaylistQuery::default()
    };
    find_one(state, q, "playlist")
}

/// `GET /api/v1/video-playlists/{id}`: the indexed playlist.
pub async fn playlist_details(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    Ok(Json(playlist(&state, &id)?).into_response())
}

/// `GET /api/v1/video-playlists/{id}/videos`: an empty page (sepiola
/// indexes playlists, not their elements; the playlist's `url` leads to
/// them on its origin).
pub async fn playlist_videos(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    playlist(&state, &id)?;
    Ok(Json(json!({ "total": 0, "data": [] })).into_response())
}

/// `GET /videos/watch/{id}` and `/w/{id}`: apps that treat sepiola as an
/// instance build watch links on it (NewPipe's share and "open in
/// browser"); they are sent on to the video on its origin.
pub async fn watch_video(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    origin_redirect(&video(&state, &id)?)
}

/// `GET /videos/watch/playlist/{id}` and `/w/p/{id}`: the playlist on its
/// origin.
pub async fn watch_playlist(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    origin_redirect(&playlist(&state, &id)?)
}

/// A 302 to a document's `url` (always on its own host: the crawler
/// checks it).
fn origin_redirect(doc: &Value) -> Result<Response, ApiError> {
    let url = doc["url"]
        .as_str()
        .ok_or_else(|| ApiError::Internal("stored document has no url".into()))?;
    Ok((
        axum::http::StatusCode::FOUND,
        [(axum::http::header::LOCATION, url.to_string())],
    )
        .into_response())
}
