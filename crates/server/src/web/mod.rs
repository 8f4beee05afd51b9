//! The web page: server-rendered HTML that works without JavaScript, in the
//! visitor's language, with no cookie and no request to any other origin.
//!
//! One file per page (`home`, `search_page`, `instances_page`,
//! `error_page`, `opensearch`) or route group (`image_route`, `assets`);
//! `form` reads the search page's URL into the typed values of `choices`
//! and turns them into the API's parameters, so the page queries the index
//! through the API's decoder.
//! This file holds what every page shares: routes, headers, language.

mod assets;
mod chips;
mod choices;
mod error_page;
mod event_dates;
mod event_views;
mod form;
mod home;
mod i18n;
mod image_proxy;
mod image_route;
mod instances_page;
mod moderation_page;
mod opensearch;
mod page;
mod place_box;
mod search_page;
mod text;
mod views;

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use crate::AppState;
use crate::problem::ApiError;
use form::SearchForm;
use page::PageCtx;

pub use error_page::not_found;
pub use image_proxy::{ImageProxy, ProxyError};

/// The Content-Security-Policy of every page: nothing from other origins.
pub const CSP: &str = "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; \
     form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Routes of the web page.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(home::home))
        .route("/search", get(search_page::search))
        .route("/{locale}/search", get(search_page::localized))
        .route("/instances", get(instances_page::instances))
        .route("/moderation", get(moderation_page::moderation))
        .route("/policy", get(moderation_page::policy))
        .route(
            "/report",
            get(moderation_page::report_form).post(moderation_page::report_submit),
        )
        .route("/opensearch.xml", get(opensearch::opensearch))
        .route("/img", get(image_route::image))
        .route("/static/style.css", get(assets::style))
        .route("/static/custom.css", get(assets::custom_css))
        .route("/static/page.js", get(assets::script))
        .route("/static/favicon.svg", get(assets::favicon))
        .route("/static/logo", get(assets::logo))
}

/// The language a request's query asks for with `lang=`, if any.
fn explicit_lang(query: &str) -> Option<String> {
    SearchForm::parse(query).lang().map(str::to_string)
}

/// The request's `Accept-Language`, if readable.
fn accept_language(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
}

/// The shared part of a page at `path`, whose other query parameters are
/// `query_without_lang`.
fn ctx(
    state: &AppState,
    headers: &HeaderMap,
    path: &str,
    query_without_lang: &str,
    explicit: Option<&str>,
) -> PageCtx {
    PageCtx::new(
        &state.instance,
        explicit,
        accept_language(headers),
        path,
        query_without_lang,
        state.logo.is_some(),
    )
}

/// Renders a template as an HTML response with the privacy headers.
fn html(status: StatusCode, t: &impl Template) -> Response {
    match t.render() {
        Ok(body) => {
            let mut r = (status, Html(body)).into_response();
            page_headers(r.headers_mut());
            r
        }
        Err(e) => ApiError::Internal(format!("template: {e}")).into_response(),
    }
}

/// The privacy headers of every page.
fn page_headers(h: &mut HeaderMap) {
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(
        header::HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("interest-cohort=(), browsing-topics=()"),
    );
}
