//! The PeerTube-compatible search API (contract A) and the Mobilizon
//! search API (contract B).

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, Method, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use sepiola_index::{AnswerJson, SearchIndex};
use sepiola_model::query::{
    Blocks, ChannelQuery, EventQuery, GroupQuery, Hits, PlaylistQuery, VideoQuery,
};

use crate::AppState;
use crate::decode;
use crate::decode_mobilizon;
use crate::params::{Location, RawParams};
use crate::problem::ApiError;

/// Reads the query string and, for POST, the body (JSON or form), merged
/// with the body winning.
pub fn read_params(
    method: &Method,
    query: Option<&str>,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<RawParams, ApiError> {
    let q = RawParams::from_urlencoded(query.unwrap_or("").as_bytes(), Location::Query)?;
    if *method != Method::POST || body.iter().all(u8::is_ascii_whitespace) {
        return Ok(q);
    }
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let is_json = ctype.starts_with("application/json")
        || (ctype.starts_with("application/")
            && ctype.split(';').next().unwrap_or("").ends_with("+json"));
    let is_form = ctype.starts_with("application/x-www-form-urlencoded");
    let b = if is_json {
        RawParams::from_json(body)?
    } else if is_form {
        RawParams::from_urlencoded(body, Location::Body)?
    } else if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        RawParams::from_json(body)?
    } else {
        RawParams::from_urlencoded(body, Location::Body)?
    };
    Ok(q.merge(b))
}

/// One kind of search, as the endpoints share their steps: decode the
/// parameters, add the operator's deny list, run, send the stored answers
/// with their scores.
trait Endpoint: Sized {
    /// Decodes the request's parameters.
    fn decode(p: &RawParams) -> Result<Self, ApiError>;
    /// The exclusions to extend with the operator's.
    fn blocks(&mut self) -> &mut Blocks;
    /// Runs the search.
    fn run(&self, index: &SearchIndex) -> Result<Hits<AnswerJson>, ApiError>;
}

impl Endpoint for VideoQuery {
    fn decode(p: &RawParams) -> Result<Self, ApiError> {
        decode::video_query(p)
    }
    fn blocks(&mut self) -> &mut Blocks {
        &mut self.blocks
    }
    fn run(&self, index: &SearchIndex) -> Result<Hits<AnswerJson>, ApiError> {
        Ok(index.search_videos_as(self)?)
    }
}

impl Endpoint for ChannelQuery {
    fn decode(p: &RawParams) -> Result<Self, ApiError> {
        decode::channel_query(p)
    }
    fn blocks(&mut self) -> &mut Blocks {
        &mut self.blocks
    }
    fn run(&self, index: &SearchIndex) -> Result<Hits<AnswerJson>, ApiError> {
        Ok(index.search_channels_as(self)?)
    }
}

impl Endpoint for PlaylistQuery {
    fn decode(p: &RawParams) -> Result<Self, ApiError> {
        decode::playlist_query(p)
    }
    fn blocks(&mut self) -> &mut Blocks {
        &mut self.blocks
    }
    fn run(&self, index: &SearchIndex) -> Result<Hits<AnswerJson>, ApiError> {
        Ok(index.search_playlists_as(self)?)
    }
}

impl Endpoint for EventQuery {
    fn decode(p: &RawParams) -> Result<Self, ApiError> {
        decode_mobilizon::event_query(p)
    }
    fn blocks(&mut self) -> &mut Blocks {
        &mut self.blocks
    }
    fn run(&self, index: &SearchIndex) -> Result<Hits<AnswerJson>, ApiError> {
        Ok(index.search_events_as(self)?)
    }
}

impl Endpoint for GroupQuery {
    fn decode(p: &RawParams) -> Result<Self, ApiError> {
        decode_mobilizon::group_query(p)
    }
    fn blocks(&mut self) -> &mut Blocks {
        &mut self.blocks
    }
    fn run(&self, index: &SearchIndex) -> Result<Hits<AnswerJson>, ApiError> {
        Ok(index.search_groups_as(self)?)
    }
}

fn answer<E: Endpoint>(
    state: &AppState,
    method: &Method,
    query: Option<&str>,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Response, ApiError> {
    let p = read_params(method, query, headers, body)?;
    let mut q = E::decode(&p)?;
    q.blocks().hosts.extend(state.denied_hosts());
    let hits = q.run(&state.index)?;
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        hits_json(&hits),
    )
        .into_response())
}

/// `{"total":…,"data":[{"score":…,<stored answer fields>},…]}`: the stored
/// answers are sent as they are, with the score spliced in first.
fn hits_json(hits: &Hits<AnswerJson>) -> Vec<u8> {
    let size: usize = hits.data.iter().map(|h| h.item.0.len() + 24).sum();
    let mut out = Vec::with_capacity(size + 32);
    out.extend_from_slice(b"{\"total\":");
    out.extend_from_slice(hits.total.to_string().as_bytes());
    out.extend_from_slice(b",\"data\":[");
    for (i, h) in hits.data.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"score\":");
        // As serde_json writes an f32 (shortest form; null if not finite).
        let score = serde_json::to_string(&h.score).unwrap_or_else(|_| "null".into());
        out.extend_from_slice(score.as_bytes());
        match h.item.0.strip_prefix('{').map(str::trim_start) {
            Some(rest) if rest.starts_with('}') => out.extend_from_slice(rest.as_bytes()),
            Some(rest) => {
                out.push(b',');
                out.extend_from_slice(rest.as_bytes());
            }
            None => out.push(b'}'),
        }
    }
    out.extend_from_slice(b"]}");
    out
}

/// `GET|POST /api/v1/search/videos`.
pub async fn search_videos(
    State(state): State<Arc<AppState>>,
    method: Method,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    answer::<VideoQuery>(&state, &method, query.as_deref(), &headers, &body)
}

/// `GET|POST /api/v1/search/video-channels`.
pub async fn search_channels(
    State(state): State<Arc<AppState>>,
    method: Method,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    answer::<ChannelQuery>(&state, &method, query.as_deref(), &headers, &body)
}

/// `GET|POST /api/v1/search/video-playlists`.
pub async fn search_playlists(
    State(state): State<Arc<AppState>>,
    method: Method,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    answer::<PlaylistQuery>(&state, &method, query.as_deref(), &headers, &body)
}

/// `GET|POST /api/v1/search/events` (Mobilizon, contract B.2).
pub async fn search_events(
    State(state): State<Arc<AppState>>,
    method: Method,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    answer::<EventQuery>(&state, &method, query.as_deref(), &headers, &body)
}

/// `GET|POST /api/v1/search/groups` (Mobilizon, contract B.3).
pub async fn search_groups(
    State(state): State<Arc<AppState>>,
    method: Method,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    answer::<GroupQuery>(&state, &method, query.as_deref(), &headers, &body)
}

/// `GET /api/v1/config`: what Sepia Search's front end reads (contract A.14).
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
    }))
    .into_response())
}

/// `/api/v1/ping`: `pong` once the index is open.
pub async fn ping() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "pong",
    )
}

/// Any other `/api/v1/…` route.
pub async fn api_not_found() -> ApiError {
    ApiError::NotFound("no such API route".into())
}

/// A known route called with a method it does not take.
pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
