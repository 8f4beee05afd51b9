//! The error page, and the HTML 404 for any unknown page.

use std::sync::Arc;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::i18n::Arg;
use super::page::PageCtx;
use super::{ctx, explicit_lang, html};
use crate::AppState;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: PageCtx,
    message: String,
    /// A search box, on the 404: the visitor came for something.
    search_box: bool,
}

/// An error as a page in the visitor's language; `detail` is shown for a
/// bad request and only logged otherwise.
pub(super) fn error_page(
    state: &AppState,
    headers: &HeaderMap,
    explicit: Option<&str>,
    status: StatusCode,
    detail: String,
) -> Response {
    let page = ctx(state, headers, "/", "", explicit);
    let message = match status {
        StatusCode::NOT_FOUND => page.t("error-not-found"),
        StatusCode::BAD_REQUEST => page
            .lang
            .ta("error-bad-request", &[("detail", Arg::Text(detail))]),
        _ => {
            tracing::error!(%detail, "page failed");
            page.t("error-title")
        }
    };
    let search_box = status == StatusCode::NOT_FOUND;
    html(
        status,
        &ErrorPage {
            page,
            message,
            search_box,
        },
    )
}

/// The HTML 404 for any unknown page.
pub async fn not_found(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let explicit = explicit_lang(q.as_deref().unwrap_or(""));
    error_page(
        &state,
        &headers,
        explicit.as_deref(),
        StatusCode::NOT_FOUND,
        String::new(),
    )
}
