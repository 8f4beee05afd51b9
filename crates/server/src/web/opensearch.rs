//! `/opensearch.xml`: lets browsers add the site as a search engine.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::problem::ApiError;

#[derive(Template)]
#[template(path = "opensearch.xml")]
struct OpenSearch {
    short_name: String,
    description: String,
    base: String,
}

/// `GET /opensearch.xml`.
pub(super) async fn opensearch(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let t = OpenSearch {
        short_name: state.instance.name.chars().take(16).collect(),
        description: state.instance.description.clone(),
        base: base_url(&state, &headers).trim_end_matches('/').to_string(),
    };
    match t.render() {
        Ok(body) => (
            [(
                header::CONTENT_TYPE,
                "application/opensearchdescription+xml; charset=utf-8",
            )],
            body,
        )
            .into_response(),
        Err(e) => ApiError::Internal(e.to_string()).into_response(),
    }
}

/// The configured public URL, or else `http://` and the request's valid `Host`.
fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    state
        .instance
        .public_url
        .clone()
        .or_else(|| {
            headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .filter(|h| sepiola_model::host::normalize_host(h).is_some())
                .map(|h| format!("http://{h}"))
        })
        .unwrap_or_default()
}
