//! The search endpoints, one generic handler for every kind: decode the
//! parameters, add the operator's deny list, run, send the stored answers
//! with their scores spliced in.

use std::sync::Arc;

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};

use sepiola_index::{AnswerJson, Searchable};
use sepiola_model::query::Hits;

use crate::AppState;
use crate::decode::FromParams;
use crate::extract::Params;
use crate::problem::ApiError;

/// `GET|POST` of one kind's search route.
pub fn route<Q>() -> MethodRouter<Arc<AppState>>
where
    Q: FromParams + Searchable + 'static,
{
    get(search::<Q>)
        .post(search::<Q>)
        .fallback(super::method_not_allowed)
}

/// `GET` of a PeerTube list route that is one kind's search without text
/// (`/api/v1/videos`): the same decoder, index and answer as the search.
pub fn list_route<Q>() -> MethodRouter<Arc<AppState>>
where
    Q: FromParams + Searchable + 'static,
{
    get(search::<Q>).fallback(super::method_not_allowed)
}

/// Runs one kind's search as its endpoint answers it.
async fn search<Q>(
    State(state): State<Arc<AppState>>,
    Params(p): Params,
) -> Result<Response, ApiError>
where
    Q: FromParams + Searchable,
{
    let mut q = Q::from_params(&p)?;
    state.apply_blocks(&mut q);
    let hits = state.index.search_answers(&q)?;
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
