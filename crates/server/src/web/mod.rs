//! The web page: server-rendered HTML that works without JavaScript, in the
//! visitor's language, with no cookie and no request to any other origin.

mod form;
mod i18n;
mod image_proxy;
mod page;
mod text;
mod views;

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{Query, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use crate::AppState;
use crate::problem::ApiError;
use form::{MAX_PAGE, PAGE_SIZE, SearchForm, Tab};
use i18n::{Arg, Lang, browser_languages};
use page::PageCtx;
use text::Highlighter;
use views::{ActorCard, VideoCard};

pub use image_proxy::{ImageProxy, ProxyError};

/// The Content-Security-Policy of every page: nothing from other origins.
pub const CSP: &str = "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; \
     form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STYLE: &str = include_str!("../../static/style.css");
const FAVICON: &str = include_str!("../../static/favicon.svg");

/// Routes of the web page.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(home))
        .route("/search", get(search))
        .route("/instances", get(instances))
        .route("/opensearch.xml", get(opensearch))
        .route("/img", get(image))
        .route("/static/style.css", get(style))
        .route("/static/custom.css", get(custom_css))
        .route("/static/favicon.svg", get(favicon))
        .route("/static/logo", get(logo))
}

/// Whether a request's query carries `lang=`.
fn explicit_lang(query: &str) -> Option<String> {
    SearchForm::parse(query).lang
}

fn accept_language(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
}

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

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    page: PageCtx,
    intro: String,
    about: String,
}

async fn home(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let explicit = explicit_lang(q.as_deref().unwrap_or(""));
    let page = ctx(&state, &headers, "/", "", explicit.as_deref());
    let counts = state.index.doc_counts();
    let hosts = state.host_counts().map(|h| h.len()).unwrap_or(0);
    let l = &page.lang;
    let intro = l.ta(
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
    );
    let about = l.ta("home-about", &[("name", Arg::Text(page.site_name.clone()))]);
    html(StatusCode::OK, &HomePage { page, intro, about })
}

/// One tab of the results page.
struct TabLink {
    href: String,
    label: String,
    count: String,
    current: bool,
}

/// A `<select>` filter.
struct SelectField {
    name: &'static str,
    label: String,
    options: Vec<SelectOption>,
}

struct SelectOption {
    value: String,
    label: String,
    selected: bool,
}

/// A text filter.
struct TextField {
    name: &'static str,
    label: String,
    value: String,
    hint: String,
}

struct PageLink {
    n: usize,
    href: String,
    label: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    page: PageCtx,
    title: String,
    query: String,
    tab: &'static str,
    tabs: Vec<TabLink>,
    selects: Vec<SelectField>,
    texts: Vec<TextField>,
    active_filters: usize,
    active_label: String,
    reset_href: String,
    count_label: String,
    videos: Vec<VideoCard>,
    channels: Vec<ActorCard>,
    playlists: Vec<ActorCard>,
    pages: Vec<PageLink>,
    prev_href: Option<String>,
    next_href: Option<String>,
    page_of: String,
}

fn select(
    name: &'static str,
    label: String,
    current: &str,
    options: Vec<(String, String)>,
) -> SelectField {
    SelectField {
        name,
        label,
        options: options
            .into_iter()
            .map(|(value, label)| SelectOption {
                selected: value == current,
                value,
                label,
            })
            .collect(),
    }
}

fn filters(l: &Lang, f: &SearchForm) -> (Vec<SelectField>, Vec<TextField>) {
    let o = |v: &str, key: &str| (v.to_string(), l.t(key));
    let mut selects = vec![select(
        "sort",
        l.t("filter-sort"),
        &f.sort,
        if f.tab() == Tab::Videos {
            vec![
                o("", "sort-match"),
                o("recent", "sort-recent"),
                o("oldest", "sort-oldest"),
                o("views", "sort-views"),
            ]
        } else {
            vec![
                o("", "sort-match"),
                o("recent", "sort-recent"),
                o("oldest", "sort-oldest"),
            ]
        },
    )];
    let mut texts = vec![TextField {
        name: "host",
        label: l.t("filter-host"),
        value: f.host.clone(),
        hint: l.t("filter-host-hint"),
    }];
    if f.tab() != Tab::Videos {
        return (selects, texts);
    }
    selects.push(select(
        "sensitive",
        l.t("filter-sensitive"),
        &f.sensitive,
        vec![o("", "sensitive-hide"), o("show", "sensitive-show")],
    ));
    selects.push(select(
        "live",
        l.t("filter-live"),
        &f.live,
        vec![
            o("", "live-any"),
            o("live", "live-live"),
            o("vod", "live-vod"),
        ],
    ));
    selects.push(select(
        "date",
        l.t("filter-date"),
        &f.date,
        vec![
            o("", "date-any"),
            o("today", "date-today"),
            o("7", "date-7"),
            o("30", "date-30"),
            o("365", "date-365"),
        ],
    ));
    selects.push(select(
        "duration",
        l.t("filter-duration"),
        &f.duration,
        vec![
            o("", "duration-any"),
            o("short", "duration-short"),
            o("medium", "duration-medium"),
            o("long", "duration-long"),
        ],
    ));
    let any = (String::new(), l.t("filter-any"));
    let mut cats: Vec<(String, String)> = (1..=18)
        .map(|i| (i.to_string(), l.t(&format!("category-{i}"))))
        .collect();
    cats.sort_by(|a, b| a.1.cmp(&b.1));
    cats.insert(0, any.clone());
    selects.push(select(
        "category",
        l.t("filter-category"),
        &f.category,
        cats,
    ));
    let mut lics: Vec<(String, String)> = (1..=7)
        .map(|i| (i.to_string(), l.t(&format!("licence-{i}"))))
        .collect();
    lics.insert(0, any.clone());
    selects.push(select("licence", l.t("filter-licence"), &f.licence, lics));
    let mut langs: Vec<(String, String)> = form::FILTER_LANGUAGES
        .iter()
        .map(|c| (c.to_string(), l.t(&format!("lang-{c}"))))
        .collect();
    langs.sort_by(|a, b| a.1.cmp(&b.1));
    langs.insert(0, any);
    selects.push(select(
        "language",
        l.t("filter-language"),
        &f.language,
        langs,
    ));
    texts.push(TextField {
        name: "tagsAllOf",
        label: l.t("filter-tags-all"),
        value: f.tags_all.clone(),
        hint: l.t("filter-tags-hint"),
    });
    texts.push(TextField {
        name: "tagsOneOf",
        label: l.t("filter-tags-one"),
        value: f.tags_one.clone(),
        hint: l.t("filter-tags-hint"),
    });
    (selects, texts)
}

async fn search(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let raw = q.unwrap_or_default();
    let form = SearchForm::parse(&raw);
    let tab = form.tab();
    let explicit = form.lang.clone();
    let base_query = form.query_string(tab, form.page, None);
    let page = ctx(
        &state,
        &headers,
        "/search",
        &base_query,
        explicit.as_deref(),
    );
    let lang_param = page.explicit_lang;
    let l = page.lang.clone();

    let boost = browser_languages(accept_language(&headers).unwrap_or(""));
    let denied = state.denied_hosts();
    let mut vq = form.video_query(boost);
    let mut cq = form.channel_query();
    let mut pq = form.playlist_query();
    vq.blocks.hosts = denied.clone();
    cq.blocks.hosts = denied.clone();
    pq.blocks.hosts = denied;
    // Only the shown tab fetches documents; the others only count.
    if tab != Tab::Videos {
        vq.page.count = 0;
        vq.page.start = 0;
    }
    if tab != Tab::Channels {
        cq.page.count = 0;
        cq.page.start = 0;
    }
    if tab != Tab::Playlists {
        pq.page.count = 0;
        pq.page.start = 0;
    }
    let index = state.index.clone();
    let found = tokio::task::spawn_blocking(move || {
        Ok::<_, sepiola_index::IndexError>((
            index.search(&vq)?,
            index.search(&cq)?,
            index.search(&pq)?,
        ))
    })
    .await;
    let (vh, ch, ph) = match found {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => {
            return error_page(
                &state,
                &headers,
                explicit.as_deref(),
                StatusCode::INTERNAL_SERVER_ERROR,
                e.to_string(),
            );
        }
        Err(e) => {
            return error_page(
                &state,
                &headers,
                explicit.as_deref(),
                StatusCode::INTERNAL_SERVER_ERROR,
                e.to_string(),
            );
        }
    };
    let analysis = state.analysis();
    let hl = Highlighter::new(analysis, &form.search);
    let total = match tab {
        Tab::Videos => vh.total,
        Tab::Channels => ch.total,
        Tab::Playlists => ph.total,
    };
    let videos: Vec<VideoCard> = vh
        .data
        .iter()
        .map(|h| views::video(&l, analysis, &hl, &h.item))
        .collect();
    let channels: Vec<ActorCard> = ch
        .data
        .iter()
        .map(|h| views::channel(&l, analysis, &hl, &h.item))
        .collect();
    let playlists: Vec<ActorCard> = ph
        .data
        .iter()
        .map(|h| views::playlist(&l, analysis, &hl, &h.item))
        .collect();

    let tabs = [
        (Tab::Videos, "tab-videos", vh.total),
        (Tab::Channels, "tab-channels", ch.total),
        (Tab::Playlists, "tab-playlists", ph.total),
    ]
    .into_iter()
    .map(|(t, key, n)| TabLink {
        href: format!("/search?{}", form.query_string(t, 1, lang_param)),
        label: l.t(key),
        count: l.number(n),
        current: t == tab,
    })
    .collect();
    let last_page = (total as usize).div_ceil(PAGE_SIZE).clamp(1, MAX_PAGE);
    let current = form.page.min(last_page);
    let window_start = current.saturating_sub(3).max(1);
    let window_end = (window_start + 6).min(last_page);
    let pages: Vec<PageLink> = (window_start..=window_end)
        .map(|n| PageLink {
            n,
            href: format!("/search?{}", form.query_string(tab, n, lang_param)),
            label: l.ta("page-n", &[("n", Arg::Num(n as i64))]),
            current: n == current,
        })
        .collect();
    let title = if form.search.trim().is_empty() {
        l.t("results-heading-browse")
    } else {
        l.ta(
            "results-heading",
            &[("query", Arg::Text(form.search.clone()))],
        )
    };
    let (selects, texts) = filters(&l, &form);
    let active = form.active_filters();
    let reset = SearchForm {
        search: form.search.clone(),
        tab: form.tab,
        page: 1,
        ..Default::default()
    };
    let result = SearchPage {
        title,
        query: form.search.clone(),
        tab: tab.as_str(),
        tabs,
        selects,
        texts,
        active_filters: active,
        active_label: l.ta("filters-active", &[("count", Arg::Num(active as i64))]),
        reset_href: format!("/search?{}", reset.query_string(tab, 1, lang_param)),
        count_label: l
            .ta(
                "results-count",
                &[("count", Arg::Num(total.min(i64::MAX as u64) as i64))],
            )
            .replace(&total.to_string(), &l.number(total)),
        videos,
        channels,
        playlists,
        prev_href: (current > 1).then(|| {
            format!(
                "/search?{}",
                form.query_string(tab, current - 1, lang_param)
            )
        }),
        next_href: (current < last_page).then(|| {
            format!(
                "/search?{}",
                form.query_string(tab, current + 1, lang_param)
            )
        }),
        page_of: l.ta(
            "page-of",
            &[
                ("page", Arg::Num(current as i64)),
                ("pages", Arg::Num(last_page as i64)),
            ],
        ),
        pages,
        page,
    };
    html(StatusCode::OK, &result)
}

/// A row of the instances page.
struct InstanceRow {
    host: String,
    url: String,
    name: String,
    health: String,
    health_class: &'static str,
    last_crawl: String,
    documents: String,
}

#[derive(Template)]
#[template(path = "instances.html")]
struct InstancesPage {
    page: PageCtx,
    intro: String,
    rows: Vec<InstanceRow>,
}

async fn instances(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let explicit = explicit_lang(q.as_deref().unwrap_or(""));
    let page = ctx(&state, &headers, "/instances", "", explicit.as_deref());
    let l = page.lang.clone();
    let counts = state.host_counts().unwrap_or_default();
    let statuses = state
        .instance_report()
        .map(|r| r.instances())
        .unwrap_or_default();
    let mut hosts: Vec<String> = counts.keys().cloned().collect();
    for s in &statuses {
        if !hosts.contains(&s.host) {
            hosts.push(s.host.clone());
        }
    }
    hosts.sort();
    let denied = state.denied_hosts();
    let rows = hosts
        .into_iter()
        .map(|host| {
            let status = statuses.iter().find(|s| s.host == host);
            let (health, class) = if denied.iter().any(|d| *d == host.as_str()) {
                (l.t("health-denied"), "failing")
            } else {
                match status.map(|s| s.health) {
                    Some(sepiola_model::instance::HostHealth::Ok) => (l.t("health-ok"), "ok"),
                    Some(sepiola_model::instance::HostHealth::Failing) => {
                        (l.t("health-failing"), "failing")
                    }
                    Some(sepiola_model::instance::HostHealth::Pending) => {
                        (l.t("health-unknown"), "unknown")
                    }
                    // Indexed (imported, or crawled before) but not on today's list.
                    None => ("—".to_string(), "unknown"),
                }
            };
            InstanceRow {
                url: format!("https://{host}/"),
                name: status.and_then(|s| s.name.clone()).unwrap_or_default(),
                health,
                health_class: class,
                last_crawl: status
                    .and_then(|s| s.last_success.as_ref())
                    .map(|t| l.date(t))
                    .unwrap_or_else(|| l.t("instances-never")),
                documents: l.number(counts.get(&host).copied().unwrap_or(0)),
                host,
            }
        })
        .collect::<Vec<_>>();
    let intro = l.ta(
        "instances-intro",
        &[
            ("name", Arg::Text(page.site_name.clone())),
            ("count", Arg::Num(rows.len() as i64)),
        ],
    );
    html(StatusCode::OK, &InstancesPage { page, intro, rows })
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: PageCtx,
    message: String,
}

fn error_page(
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
    html(status, &ErrorPage { page, message })
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

#[derive(Template)]
#[template(path = "opensearch.xml")]
struct OpenSearch {
    short_name: String,
    description: String,
    base: String,
}

async fn opensearch(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let base = state
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
        .unwrap_or_default();
    let t = OpenSearch {
        short_name: state.instance.name.chars().take(16).collect(),
        description: state.instance.description.clone(),
        base: base.trim_end_matches('/').to_string(),
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

#[derive(Deserialize)]
struct ImageQuery {
    src: String,
}

async fn image(
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
        Ok(img) => {
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
        Err(e) => {
            let status = match e {
                ProxyError::BadUrl => StatusCode::BAD_REQUEST,
                ProxyError::NotIndexed | ProxyError::PrivateAddress => StatusCode::FORBIDDEN,
                ProxyError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
                ProxyError::NotImage => StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ProxyError::Upstream(_) | ProxyError::Fetch(_) => StatusCode::BAD_GATEWAY,
            };
            (status, [(header::CACHE_CONTROL, "no-store")], e.to_string()).into_response()
        }
    }
}

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

async fn style() -> Response {
    asset("text/css; charset=utf-8", STYLE)
}

async fn favicon() -> Response {
    asset("image/svg+xml", FAVICON)
}

async fn custom_css(State(state): State<Arc<AppState>>) -> Response {
    match &state.instance.custom_css {
        Some(css) => asset("text/css; charset=utf-8", css.clone()),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn logo(State(state): State<Arc<AppState>>) -> Response {
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
