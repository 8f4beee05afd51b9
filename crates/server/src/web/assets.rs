//! The stylesheet, favicon, the operator's custom CSS and logo.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::AppState;

const STYLE: &str = include_str!("../../static/style.css");
const FAVICON: &str = include_str!("../../static/favicon.svg");
const SCRIPT: &str = include_str!("../../static/page.js");

/// A static file, cached a day (the stylesheet's URL carries a version).
fn asset(content_type: &'static str, body: impl IntoResponse) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        body,
    )
        .into_response()
}

/// `GET /static/style.css`.
pub(super) async fn style() -> Response {
    asset("text/css; charset=utf-8", STYLE)
}

/// `GET /static/page.js`: the optional script (sort on change, short URLs).
pub(super) async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT)
}

/// `GET /static/favicon.svg`.
pub(super) async fn favicon() -> Response {
    asset("image/svg+xml", FAVICON)
}

/// `GET /static/custom.css`: the operator's CSS, if configured.
pub(super) async fn custom_css(State(state): State<Arc<AppState>>) -> Response {
    match &state.instance.custom_css {
        Some(css) => asset("text/css; charset=utf-8", css.clone()),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `GET /static/logo`: the operator's logo, if configured.
pub(super) async fn logo(State(state): State<Arc<AppState>>) -> Response {
    match &state.logo {
        Some((ct, bytes)) => {
            let mut r = asset(ct, bytes.clone());
            r.headers_mut().insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'"),
            );
            r
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
