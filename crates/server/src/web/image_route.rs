//! `/img?src=…`: thumbnails and avatars of indexed hosts, fetched by
//! sepiola so that the visitor's browser never asks another origin.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::image_proxy::{Image, ProxyError};
use crate::AppState;

/// `/img`'s one parameter: the image's URL on an indexed host.
#[derive(Deserialize)]
pub(super) struct ImageQuery {
    src: String,
}

/// `GET /img?src=…`.
pub(super) async fn image(
    State(state): State<Arc<AppState>>,
    query: Result<Query<ImageQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return (StatusCode::BAD_REQUEST, "missing src").into_response();
    };
    let Some(proxy) = state.images.as_ref() else {
        return (StatusCode::NOT_FOUND, "image proxy disabled").into_response();
    };
    let counts = match state.host_counts() {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    match proxy.get(&q.src, |h| counts.contains_key(h)).await {
        Ok(img) => image_response(img),
        Err(e) => {
            let status = error_status(&e);
            (status, [(header::CACHE_CONTROL, "no-store")], e.to_string()).into_response()
        }
    }
}

/// An image, cached a day by the browser and inert if opened directly.
fn image_response(img: Image) -> Response {
    let mut r = (StatusCode::OK, img.bytes).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(img.content_type),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'"),
    );
    r
}

/// The status that tells why an image is not served.
fn error_status(e: &ProxyError) -> StatusCode {
    match e {
        ProxyError::BadUrl => StatusCode::BAD_REQUEST,
        ProxyError::NotIndexed | ProxyError::PrivateAddress => StatusCode::FORBIDDEN,
        ProxyError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        ProxyError::NotImage => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ProxyError::Upstream(_) | ProxyError::Fetch(_) => StatusCode::BAD_GATEWAY,
    }
}
