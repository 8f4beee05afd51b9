//! The results page: one tab of results, the counts of the other tabs,
//! the filters and the pagination.
//!
//! The queries come from [`SearchForm`], which builds them through the
//! API's decoder; [`run`] is the one place this page calls the index.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use sepiola_index::{IndexError, SearchIndex};
use sepiola_model::labels;
use sepiola_model::query::{Blocks, ChannelQuery, Hits, PlaylistQuery, VideoQuery};
use sepiola_model::{Channel, Playlist, Video};

use super::choices::{Choice, DateWindow, DurationBucket, Live, Sensitive, SortOrder, Tab};
use super::error_page::error_page;
use super::form::{FILTER_LANGUAGES, MAX_PAGE, PAGE_SIZE, SearchForm};
use super::i18n::{Arg, Lang, browser_languages};
use super::page::PageCtx;
use super::text::Highlighter;
use super::views::{self, ActorCard, VideoCard};
use super::{accept_language, ctx, html};
use crate::AppState;
use crate::problem::ApiError;

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

/// One `<option>` of a filter.
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

/// A link to one page of results.
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
    /// The sort, above the results, applied on change.
    sort: SelectField,
    /// The rest of the URL, kept by the sort's form.
    sort_hidden: Vec<(&'static str, String)>,
    /// The sort, kept by the filters' form.
    sort_hidden_value: String,
    active_filters: usize,
    active_label: String,
    reset_href: String,
    count_label: String,
    /// Past the last page: what to say and the last page's link.
    past_end: Option<(String, String)>,
    /// Nothing shown but sensitive results match: how many, and the link
    /// that shows them.
    sensitive_hidden: Option<(String, String)>,
    videos: Vec<VideoCard>,
    channels: Vec<ActorCard>,
    playlists: Vec<ActorCard>,
    pages: Vec<PageLink>,
    prev_href: Option<String>,
    next_href: Option<String>,
    page_of: String,
}

/// The three searches a results page runs (one lists, two only count).
struct Queries {
    videos: VideoQuery,
    channels: ChannelQuery,
    playlists: PlaylistQuery,
}

/// What they found.
struct Found {
    videos: Hits<Video>,
    channels: Hits<Channel>,
    playlists: Hits<Playlist>,
    /// Sensitive videos that would match when none is shown.
    sensitive_hidden: u64,
}

impl Found {
    /// Every match of a tab, not only this page.
    fn total(&self, tab: Tab) -> u64 {
        match tab {
            Tab::Videos => self.videos.total,
            Tab::Channels => self.channels.total,
            Tab::Playlists => self.playlists.total,
        }
    }
}

/// `GET /search`.
pub(super) async fn search(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let form = SearchForm::parse(&q.unwrap_or_default());
    let base_query = form.query_string(form.tab(), form.page(), None);
    let page = ctx(&state, &headers, "/search", &base_query, form.lang());
    let boost = browser_languages(accept_language(&headers).unwrap_or(""));
    match find(&state, &form, &boost).await {
        Ok(found) => html(StatusCode::OK, &render(&state, &form, page, &found)),
        Err(detail) => error_page(
            &state,
            &headers,
            form.lang(),
            StatusCode::INTERNAL_SERVER_ERROR,
            detail,
        ),
    }
}

/// `GET /{locale}/search`: Sepia Search's localized address, sent to the
/// same search here in that language (`/fr/search?…` or `/fr-FR/search?…`).
pub(super) async fn localized(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(locale): Path<String>,
    RawQuery(q): RawQuery,
) -> Response {
    let code = locale.split(['-', '_']).next().unwrap_or("");
    let Some(lang) = Lang::from_code(code) else {
        return super::error_page::error_page(
            &state,
            &headers,
            None,
            StatusCode::NOT_FOUND,
            String::new(),
        );
    };
    let form = SearchForm::parse(&q.unwrap_or_default());
    let to = format!(
        "/search?{}",
        form.query_string(form.tab(), form.page(), Some(lang.code()))
    );
    Redirect::permanent(&to).into_response()
}

/// Builds the queries and runs them off the async threads.
async fn find(state: &AppState, form: &SearchForm, boost: &[String]) -> Result<Found, String> {
    let blocks = state.operator_blocks();
    let q = queries(form, boost, &blocks).map_err(|e| e.to_string())?;
    // Counted through the same decoder, with sensitive content shown.
    let shown = form.with_sensitive_shown();
    let mut with_sensitive = shown.video_query(boost).map_err(|e| e.to_string())?;
    with_sensitive.blocks.extend_from(&blocks);
    let check = form.tab() == Tab::Videos && form.hides_sensitive();
    let index = state.index.clone();
    let found = tokio::task::spawn_blocking(move || {
        let mut found = run(&index, &q)?;
        if check && found.videos.total == 0 {
            found.sensitive_hidden = index.search(&with_sensitive)?.total;
        }
        Ok::<_, IndexError>(found)
    });
    match found.await {
        Ok(Ok(found)) => Ok(found),
        Ok(Err(e)) => Err(e.to_string()),
        Err(e) => Err(e.to_string()),
    }
}

/// The form's queries (decoded as the API decodes its parameters), with
/// the operator's decisions added as the API adds them.
fn queries(form: &SearchForm, boost: &[String], blocks: &Blocks) -> Result<Queries, ApiError> {
    let mut q = Queries {
        videos: form.video_query(boost)?,
        channels: form.channel_query()?,
        playlists: form.playlist_query()?,
    };
    q.videos.blocks.extend_from(blocks);
    q.channels.blocks.extend_from(blocks);
    q.playlists.blocks.extend_from(blocks);
    Ok(q)
}

/// The one place the page calls the index.
fn run(index: &SearchIndex, q: &Queries) -> Result<Found, IndexError> {
    Ok(Found {
        videos: index.search(&q.videos)?,
        channels: index.search(&q.channels)?,
        playlists: index.search(&q.playlists)?,
        sensitive_hidden: 0,
    })
}

/// The page for what was found.
fn render(state: &AppState, form: &SearchForm, mut page: PageCtx, found: &Found) -> SearchPage {
    let l = page.lang.clone();
    let lang = page.explicit_lang;
    let tab = form.tab();
    let href = |t: Tab, n: usize| format!("/search?{}", form.query_string(t, n, lang));
    let reset_href = format!(
        "/search?{}",
        form.without_filters().query_string(tab, 1, lang)
    );
    // The header's search keeps the tab, filters and sort (not the text,
    // the page or the language, which its form holds itself).
    page.kept = form
        .pairs(tab, 1, None)
        .into_iter()
        .filter(|(k, _)| *k != "search")
        .collect();
    if page.kept.iter().any(|(k, _)| *k != "type") {
        page.kept_clear = Some(reset_href.clone());
    }
    let total = found.total(tab);
    let last_page = (total as usize).div_ceil(PAGE_SIZE).clamp(1, MAX_PAGE);
    let current = form.page().min(last_page);
    let (selects, texts) = filters(&l, form);
    let active = form.active_filters();
    let (videos, channels, playlists) = cards(state, &l, form, found);
    SearchPage {
        title: title(&l, form),
        query: form.search_text().to_string(),
        tab: tab.url_value(),
        tabs: tab_links(&l, form, found, &href),
        selects,
        texts,
        sort: sort_select(&l, form),
        sort_hidden_value: form.filter_value("sort"),
        sort_hidden: form
            .pairs(tab, 1, lang)
            .into_iter()
            .filter(|(k, _)| *k != "sort")
            .collect(),
        active_filters: active,
        active_label: l.ta("filters-active", &[("count", Arg::Num(active as i64))]),
        reset_href,
        count_label: if total == 0 {
            l.t("results-empty-title")
        } else {
            count_label(&l, total)
        },
        past_end: (total > 0 && form.page() > last_page).then(|| {
            let text = l.ta(
                "results-past-end",
                &[
                    ("page", Arg::Num(form.page() as i64)),
                    ("last", Arg::Num(last_page as i64)),
                ],
            );
            (text, href(tab, last_page))
        }),
        sensitive_hidden: (found.sensitive_hidden > 0).then(|| {
            let n = found.sensitive_hidden;
            let text = l.ta(
                "results-sensitive-hidden",
                &[("count", Arg::Num(n.min(i64::MAX as u64) as i64))],
            );
            let shown = form.with_sensitive_shown();
            (
                text,
                format!("/search?{}", shown.query_string(tab, 1, lang)),
            )
        }),
        videos,
        channels,
        playlists,
        pages: page_links(&l, current, last_page, |n| href(tab, n)),
        prev_href: (current > 1).then(|| href(tab, current - 1)),
        next_href: (current < last_page).then(|| href(tab, current + 1)),
        page_of: l.ta(
            "page-of",
            &[
                ("page", Arg::Num(current as i64)),
                ("pages", Arg::Num(last_page as i64)),
            ],
        ),
        page,
    }
}

/// The heading: the query, or "browse" without one.
fn title(l: &Lang, form: &SearchForm) -> String {
    let search = form.search_text();
    if search.trim().is_empty() {
        l.t("results-heading-browse")
    } else {
        l.ta(
            "results-heading",
            &[("query", Arg::Text(search.to_string()))],
        )
    }
}

/// "N results", with the number in the page's digits.
fn count_label(l: &Lang, total: u64) -> String {
    l.ta(
        "results-count",
        &[("count", Arg::Num(total.min(i64::MAX as u64) as i64))],
    )
    .replace(&total.to_string(), &l.number(total))
}

/// The result cards, query words marked.
fn cards(
    state: &AppState,
    l: &Lang,
    form: &SearchForm,
    found: &Found,
) -> (Vec<VideoCard>, Vec<ActorCard>, Vec<ActorCard>) {
    let a = state.analysis();
    let hl = Highlighter::new(a, form.search_text());
    let videos = found.videos.data.iter();
    let channels = found.channels.data.iter();
    let playlists = found.playlists.data.iter();
    (
        videos.map(|h| views::video(l, a, &hl, &h.item)).collect(),
        channels
            .map(|h| views::channel(l, a, &hl, &h.item))
            .collect(),
        playlists
            .map(|h| views::playlist(l, a, &hl, &h.item))
            .collect(),
    )
}

/// The three tabs, each with its count.
fn tab_links(
    l: &Lang,
    form: &SearchForm,
    found: &Found,
    href: &impl Fn(Tab, usize) -> String,
) -> Vec<TabLink> {
    Tab::ALL
        .iter()
        .map(|&t| TabLink {
            href: href(t, 1),
            label: l.t(t.message_key()),
            count: l.number(found.total(t)),
            current: t == form.tab(),
        })
        .collect()
}

/// Links to up to seven pages around the current one.
fn page_links(
    l: &Lang,
    current: usize,
    last_page: usize,
    href: impl Fn(usize) -> String,
) -> Vec<PageLink> {
    let first = current.saturating_sub(3).max(1);
    let last = (first + 6).min(last_page);
    (first..=last)
        .map(|n| PageLink {
            n,
            href: href(n),
            label: l.ta("page-n", &[("n", Arg::Num(n as i64))]),
            current: n == current,
        })
        .collect()
}

/// The sort orders the shown tab offers.
fn sort_select(l: &Lang, f: &SearchForm) -> SelectField {
    let mut sort = choices(l, None, SortOrder::offered(f.tab()));
    if f.search_text().is_empty() {
        // Without text the default order is newest first: say so, once.
        sort.retain(|(v, _)| v != SortOrder::Recent.url_value());
        sort[0].1 = l.t("sort-newest");
    }
    select(l, f, "sort", "filter-sort", sort)
}

/// The filters of the shown tab: instance for every tab, the rest for
/// videos only.
fn filters(l: &Lang, f: &SearchForm) -> (Vec<SelectField>, Vec<TextField>) {
    let mut selects = Vec::new();
    let mut texts = vec![text(l, f, "host", "filter-host", "filter-host-hint")];
    if f.tab() != Tab::Videos {
        return (selects, texts);
    }
    selects.extend([
        select(
            l,
            f,
            "sensitive",
            "filter-sensitive",
            choices(l, None, Sensitive::ALL),
        ),
        select(
            l,
            f,
            "live",
            "filter-live",
            choices(l, Some("live-any"), Live::ALL),
        ),
        select(
            l,
            f,
            "date",
            "filter-date",
            choices(l, Some("date-any"), DateWindow::ALL),
        ),
        select(
            l,
            f,
            "duration",
            "filter-duration",
            choices(l, Some("duration-any"), DurationBucket::ALL),
        ),
        select(l, f, "category", "filter-category", category_options(l)),
        select(l, f, "licence", "filter-licence", licence_options(l)),
        select(l, f, "language", "filter-language", language_options(l)),
    ]);
    texts.extend([
        text(l, f, "tagsAllOf", "filter-tags-all", "filter-tags-hint"),
        text(l, f, "tagsOneOf", "filter-tags-one", "filter-tags-hint"),
    ]);
    (selects, texts)
}

/// A `<select>` named as the URL parameter, the form's value selected.
fn select(
    l: &Lang,
    f: &SearchForm,
    name: &'static str,
    label_key: &str,
    options: Vec<(String, String)>,
) -> SelectField {
    let current = f.filter_value(name);
    SelectField {
        name,
        label: l.t(label_key),
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

/// A text field named as the URL parameter, holding the form's value.
fn text(l: &Lang, f: &SearchForm, name: &'static str, label: &str, hint: &str) -> TextField {
    TextField {
        name,
        label: l.t(label),
        value: f.filter_value(name),
        hint: l.t(hint),
    }
}

/// `(value, label)` of each choice, after an "any" option when `any` names one.
fn choices<C: Choice>(l: &Lang, any: Option<&str>, all: &[C]) -> Vec<(String, String)> {
    let any = any.map(|key| (String::new(), l.t(key)));
    let each = all
        .iter()
        .map(|c| (c.url_value().to_string(), l.t(c.message_key())));
    any.into_iter().chain(each).collect()
}

/// PeerTube's categories, by label.
fn category_options(l: &Lang) -> Vec<(String, String)> {
    let ids = labels::category_ids().map(|i| (i.to_string(), l.t(&format!("category-{i}"))));
    with_any(l, sorted_by_label(ids.collect()))
}

/// PeerTube's licences, in their order.
fn licence_options(l: &Lang) -> Vec<(String, String)> {
    let ids = labels::licence_ids().map(|i| (i.to_string(), l.t(&format!("licence-{i}"))));
    with_any(l, ids.collect())
}

/// The filter's languages, by name.
fn language_options(l: &Lang) -> Vec<(String, String)> {
    let codes = FILTER_LANGUAGES
        .iter()
        .map(|c| (c.to_string(), l.t(&format!("lang-{c}"))));
    with_any(l, sorted_by_label(codes.collect()))
}

fn sorted_by_label(mut options: Vec<(String, String)>) -> Vec<(String, String)> {
    options.sort_by(|a, b| a.1.cmp(&b.1));
    options
}

fn with_any(l: &Lang, mut options: Vec<(String, String)>) -> Vec<(String, String)> {
    options.insert(0, (String::new(), l.t("filter-any")));
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(f: &SelectField) -> Vec<&str> {
        f.options.iter().map(|o| o.value.as_str()).collect()
    }

    #[test]
    fn filter_options_come_from_the_label_tables_and_the_choices() {
        let l = Lang::english();
        let form = SearchForm::parse("search=a&category=15&sort=views");
        let (selects, texts) = filters(&l, &form);
        let field = |name: &str| selects.iter().find(|s| s.name == name).unwrap();
        let categories = field("category");
        assert_eq!(categories.options.len(), labels::category_ids().count() + 1);
        assert_eq!(values(categories)[0], "");
        let selected: Vec<&str> = categories
            .options
            .iter()
            .filter(|o| o.selected)
            .map(|o| o.value.as_str())
            .collect();
        assert_eq!(selected, ["15"]);
        assert_eq!(
            values(field("licence")),
            ["", "1", "2", "3", "4", "5", "6", "7"]
        );
        assert_eq!(
            values(&sort_select(&l, &form)),
            ["", "recent", "oldest", "views"]
        );
        assert_eq!(values(field("date")), ["", "today", "7", "30", "365"]);
        assert_eq!(texts.len(), 3);
        let channels = SearchForm::parse("search=a&type=channels");
        let (selects, texts) = filters(&l, &channels);
        assert!(selects.is_empty());
        assert_eq!(
            values(&sort_select(&l, &channels)),
            ["", "recent", "oldest"]
        );
        // browsing without text: the default is newest first, named so
        let sort = sort_select(&l, &SearchForm::parse(""));
        assert_eq!(values(&sort), ["", "oldest", "views"]);
        assert_eq!(sort.options[0].label, "Newest first");
        assert_eq!(texts.len(), 1);
    }
}
