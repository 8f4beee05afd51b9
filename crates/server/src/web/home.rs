//! The home page: the search box and what the index holds.

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
#[template(path = "home.html")]
struct HomePage {
    page: PageCtx,
    intro: String,
    progress: Option<String>,
    about: String,
}

/// `GET /`.
pub(super) async fn home(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let explicit = explicit_lang(q.as_deref().unwrap_or(""));
    let page = ctx(&state, &headers, "/", "", explicit.as_deref());
    let intro = intro(&state, &page);
    let l = &page.lang;
    let about = l.ta("home-about", &[("name", Arg::Text(page.site_name.clone()))]);
    let progress = progress(&state, &page);
    html(
        StatusCode::OK,
        &HomePage {
            page,
            intro,
            progress,
            about,
        },
    )
}

/// While the first pass over the list runs: "Indexing 140 of 1,100
/// instances…" (hosts tried at least once, of those listed).
fn progress(state: &AppState, page: &PageCtx) -> Option<String> {
    let statuses = state.instance_report()?.instances();
    let l = &page.lang;
    if statuses.is_empty() {
        return Some(l.t("home-fetching-list"));
    }
    let total = statuses.len();
    let done = statuses
        .iter()
        .filter(|s| s.last_success.is_some() || s.last_error_at.is_some())
        .count();
    (done < total).then(|| {
        l.ta(
            "home-indexing",
            &[
                ("done", Arg::Text(l.number(done as u64))),
                ("total", Arg::Text(l.number(total as u64))),
            ],
        )
    })
}

/// "N videos, N channels and N playlists from N instances".
fn intro(state: &AppState, page: &PageCtx) -> String {
    let counts = state.index.doc_counts();
    let hosts = state.host_counts().map(|h| h.len()).unwrap_or(0);
    let l = &page.lang;
    l.ta(
        "home-intro",
        &[
            (
                "videos",
                Arg::Text(l.number(counts.get(sepiola_model::DocKind::Video))),
            ),
            (
                "channels",
                Arg::Text(l.number(counts.get(sepiola_model::DocKind::Channel))),
            ),
            (
                "playlists",
                Arg::Text(l.number(counts.get(sepiola_model::DocKind::Playlist))),
            ),
            ("hosts", Arg::Num(hosts as i64)),
            ("name", Arg::Text(page.site_name.clone())),
        ],
    )
}
