//! `/img?src=…`: thumbnails and avatars of indexed hosts, fetched by
//! sepiola so that the visitor's browser never asks another origin.
//!
//! When an image cannot be served, a browser loading it as an image
//! (`Sec-Fetch-Dest: image`, which every current browser sends for `<img>`)
//! gets `200` and a same-origin placeholder, cached a minute, instead of a
//! broken-image icon; the reason is in the `X-Image-Error` header. Other
//! clients (scripts, curl, API-like use) keep the error status and a text
//! body saying why.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::image_proxy::{Image, ProxyError};
use crate::AppState;

/// `/img`'s one parameter: the image's URL on an indexed host.
#[derive(Deserialize)]
pub(super) struct ImageQuery {
    src: String,
}

/// The placeholder shown in place of an image that cannot be served.
const PLACEHOLDER: &str = include_str!("../../static/no-image.svg");

/// `GET /img?src=…`.
pub(super) async fn image(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    query: Result<Query<ImageQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let as_image = wants_image(&headers);
    let Ok(Query(q)) = query else {
        return failure(as_image, StatusCode::BAD_REQUEST, "missing src".into());
    };
    let Some(proxy) = state.images.as_ref() else {
        return failure(
            as_image,
            StatusCode::NOT_FOUND,
            "image proxy disabled".into(),
        );
    };
    let counts = match state.host_counts() {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    match proxy.get(&q.src, |h| counts.contains_key(h)).await {
        Ok(img) => image_response(img),
        Err(e) => failure(as_image, error_status(&e), e.to_string()),
    }
}

/// Whether the browser loads this URL as an image (an `<img>`), not as a
/// document or from a script.
fn wants_image(headers: &HeaderMap) -> bool {
    headers
        .get("sec-fetch-dest")
        .is_some_and(|v| v.as_bytes() == b"image")
}

/// An image that cannot be served: the placeholder for an `<img>`, cached
/// a minute (the failure may be brief), else the status and the reason.
fn failure(as_image: bool, status: StatusCode, reason: String) -> Response {
    if !as_image {
        return (status, [(header::CACHE_CONTROL, "no-store")], reason).into_response();
    }
    let mut r = (StatusCode::OK, PLACEHOLDER).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/svg+xml"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=60"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'"),
    );
    if let Ok(v) = HeaderValue::from_str(&reason) {
        h.insert(header::HeaderName::from_static("x-image-error"), v);
    }
    r
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
