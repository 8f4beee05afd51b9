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
use sepiola_model::event::CATEGORIES;
use sepiola_model::labels;
use sepiola_model::query::{
    Blocks, ChannelQuery, EventQuery, GroupQuery, Hits, PlaylistQuery, VideoQuery,
};
use sepiola_model::{Channel, Event, Group, Playlist, Video};

use super::chips::{self, Active, Chips};
use super::choices::{
    Attendance, Choice, DateWindow, DurationBucket, EventWhen, Live, Radius, Sensitive, SortOrder,
    StatusChoice, Tab,
};
use super::error_page::error_page;
use super::event_views::{self, EventCard, GroupCard};
use super::form::{FILTER_LANGUAGES, MAX_PAGE, PAGE_SIZE, SearchForm};
use super::i18n::{Arg, Lang, browser_languages};
use super::page::PageCtx;
use super::place_box::{self, PlaceChoice};
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
    /// The input's type (`text`, `date`).
    kind: &'static str,
}

/// The events' and groups' place box and what it resolved to.
struct PlaceBox {
    /// As typed.
    value: String,
    /// The GeoNames id kept when a link picked the place.
    at: Option<u32>,
    /// The position kept, when "use my position" gave one.
    position: Option<(String, String)>,
    /// "Near Lyon, France, within 50 km", or why nothing was picked.
    note: Option<String>,
    /// The other places the name may mean: label and link.
    others: Vec<(String, String)>,
    /// The time zone the dates are computed in, said in words.
    zone_note: Option<String>,
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
    events: Vec<EventCard>,
    groups: Vec<GroupCard>,
    /// The place box, on the events and groups tabs.
    place_box: Option<PlaceBox>,
    /// Whether the filters start open.
    filters_open: bool,
    /// The filters in effect, as chips above the results.
    chips: Chips,
    pages: Vec<PageLink>,
    prev_href: Option<String>,
    next_href: Option<String>,
    page_of: String,
}

/// The searches a results page runs (one lists, the others only count).
struct Queries {
    videos: VideoQuery,
    channels: ChannelQuery,
    playlists: PlaylistQuery,
    events: EventQuery,
    groups: GroupQuery,
}

/// What they found.
struct Found {
    videos: Hits<Video>,
    channels: Hits<Channel>,
    playlists: Hits<Playlist>,
    events: Hits<Event>,
    groups: Hits<Group>,
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
            Tab::Events => self.events.total,
            Tab::Groups => self.groups.total,
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
    let place = form.place_choice();
    match find(&state, &form, &place, &boost).await {
        Ok(found) => html(StatusCode::OK, &render(&state, &form, &place, page, &found)),
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
async fn find(
    state: &AppState,
    form: &SearchForm,
    place: &PlaceChoice,
    boost: &[String],
) -> Result<Found, String> {
    let blocks = state.operator_blocks();
    let q = queries(form, place, boost, &blocks).map_err(|e| e.to_string())?;
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
fn queries(
    form: &SearchForm,
    place: &PlaceChoice,
    boost: &[String],
    blocks: &Blocks,
) -> Result<Queries, ApiError> {
    let mut q = Queries {
        videos: form.video_query(boost)?,
        channels: form.channel_query()?,
        playlists: form.playlist_query()?,
        events: form.event_query(place, boost, chrono::Utc::now())?,
        groups: form.group_query(place, boost)?,
    };
    q.videos.blocks.extend_from(blocks);
    q.channels.blocks.extend_from(blocks);
    q.playlists.blocks.extend_from(blocks);
    q.events.blocks.extend_from(blocks);
    q.groups.blocks.extend_from(blocks);
    Ok(q)
}

/// The one place the page calls the index.
fn run(index: &SearchIndex, q: &Queries) -> Result<Found, IndexError> {
    Ok(Found {
        videos: index.search(&q.videos)?,
        channels: index.search(&q.channels)?,
        playlists: index.search(&q.playlists)?,
        events: index.search(&q.events)?,
        groups: index.search(&q.groups)?,
        sensitive_hidden: 0,
    })
}

/// The page for what was found.
fn render(
    state: &AppState,
    form: &SearchForm,
    place: &PlaceChoice,
    mut page: PageCtx,
    found: &Found,
) -> SearchPage {
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
    let a = state.analysis();
    let hl = Highlighter::new(a, form.search_text());
    let events = found
        .events
        .data
        .iter()
        .map(|h| event_views::event(&l, a, &hl, &h.item))
        .collect();
    let groups = found
        .groups
        .data
        .iter()
        .map(|h| event_views::group(&l, a, &hl, &h.item))
        .collect();
    let place_box = tab
        .is_mobilizon()
        .then(|| place_box_view(&l, form, place, lang));
    let chips = chips::chips(
        &l,
        form,
        &in_effect(&l, form, place, &selects, &texts),
        lang,
    );
    SearchPage {
        title: title(&l, form, place),
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
        events,
        groups,
        place_box,
        filters_open: active > 0 || tab.is_mobilizon(),
        chips,
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

/// The place box as shown: what was typed, what it resolved to, the other
/// places it may mean as links, and the time zone dates are read in.
fn place_box_view(
    l: &Lang,
    form: &SearchForm,
    place: &PlaceChoice,
    lang: Option<&str>,
) -> PlaceBox {
    let km = i64::from(form.radius_km());
    let mut b = PlaceBox {
        value: form.place_text().to_string(),
        at: None,
        position: None,
        note: None,
        others: Vec::new(),
        zone_note: None,
    };
    match place {
        PlaceChoice::Anywhere => {}
        PlaceChoice::Unknown(name) => {
            b.note = Some(l.ta("place-unknown", &[("place", Arg::Text(name.clone()))]));
        }
        PlaceChoice::At(at) => {
            let label = place_box::label(at.place);
            b.note = Some(if at.from_position {
                b.position = Some((format!("{:.5}", at.lat), format!("{:.5}", at.lon)));
                l.ta(
                    "place-near-position",
                    &[("place", Arg::Text(label)), ("km", Arg::Num(km))],
                )
            } else {
                b.at = form.place_id().filter(|id| *id == at.place.id);
                l.ta(
                    "place-near",
                    &[("place", Arg::Text(label)), ("km", Arg::Num(km))],
                )
            });
            b.others = at
                .others
                .iter()
                .map(|p| {
                    let other = form.with_place(&p.name, p.id);
                    let href = format!("/search?{}", other.query_string(form.tab(), 1, lang));
                    (place_box::label_with_region(p), href)
                })
                .collect();
        }
    }
    if form.tab() == Tab::Events && form.event_when().is_some() {
        b.zone_note = Some(match place.located().and_then(|p| p.zone) {
            Some(z) => l.ta("dates-zone", &[("zone", Arg::Text(z.name().to_string()))]),
            None => l.t("dates-utc"),
        });
    }
    b
}

/// The filters in effect on the shown tab, read off its fields: the place
/// (as resolved), each select whose value is not the default, each text
/// field holding something.
fn in_effect(
    l: &Lang,
    form: &SearchForm,
    place: &PlaceChoice,
    selects: &[SelectField],
    texts: &[TextField],
) -> Vec<Active> {
    let mut out = Vec::new();
    if form.tab().is_mobilizon() {
        let value = match place {
            PlaceChoice::At(at) => Some(place_box::label(at.place)),
            PlaceChoice::Unknown(name) => Some(name.clone()),
            PlaceChoice::Anywhere => None,
        };
        out.extend(value.map(|value| Active {
            name: "place",
            filter: l.t("filter-place"),
            value,
        }));
    }
    for f in selects {
        let chosen = f.options.iter().find(|o| o.selected && !o.value.is_empty());
        out.extend(chosen.map(|o| Active {
            name: f.name,
            filter: f.label.clone(),
            value: o.label.clone(),
        }));
    }
    out.extend(
        texts
            .iter()
            .filter(|t| !t.value.is_empty())
            .map(|t| Active {
                name: t.name,
                filter: t.label.clone(),
                value: t.value.clone(),
            }),
    );
    out
}

/// The heading: the query, or "browse" without one.
fn title(l: &Lang, form: &SearchForm, place: &PlaceChoice) -> String {
    let search = form.search_text();
    let near = place
        .located()
        .filter(|_| form.tab().is_mobilizon())
        .map(|p| place_box::label(p.place));
    if let (true, Some(near)) = (search.trim().is_empty(), near) {
        let key = if form.tab() == Tab::Events {
            "results-heading-events-near"
        } else {
            "results-heading-groups-near"
        };
        l.ta(key, &[("place", Arg::Text(near))])
    } else if search.trim().is_empty() {
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
    let browsing = f.search_text().is_empty();
    match f.tab() {
        // Events are ordered by start time, said so; without text the
        // API's default is upcoming first.
        Tab::Events => {
            for (value, label) in &mut sort {
                if value == SortOrder::Recent.url_value() {
                    *label = l.t("sort-start-latest");
                } else if value == SortOrder::Oldest.url_value() {
                    *label = l.t("sort-start-earliest");
                }
            }
            if browsing {
                sort[0].1 = l.t("sort-upcoming");
            }
        }
        // Without text the API's default is biggest first.
        Tab::Groups if browsing => sort[0].1 = l.t("sort-biggest"),
        // Without text the default order is newest first: say so, once.
        Tab::Videos | Tab::Channels | Tab::Playlists if browsing => {
            sort.retain(|(v, _)| v != SortOrder::Recent.url_value());
            sort[0].1 = l.t("sort-newest");
        }
        _ => {}
    }
    select(l, f, "sort", "filter-sort", sort)
}

/// The filters of the shown tab: instance for every tab, the rest for
/// videos only.
fn filters(l: &Lang, f: &SearchForm) -> (Vec<SelectField>, Vec<TextField>) {
    let mut selects = Vec::new();
    match f.tab() {
        Tab::Events => return event_filters(l, f),
        Tab::Groups => {
            let radius = choices(l, None, Radius::ALL);
            return (
                vec![select(l, f, "radius", "filter-radius", radius)],
                Vec::new(),
            );
        }
        Tab::Videos | Tab::Channels | Tab::Playlists => {}
    }
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

/// The events' filters beside the place box: radius, date (and a range's
/// two days), category and status.
fn event_filters(l: &Lang, f: &SearchForm) -> (Vec<SelectField>, Vec<TextField>) {
    let selects = vec![
        select(
            l,
            f,
            "radius",
            "filter-radius",
            choices(l, None, Radius::ALL),
        ),
        select(
            l,
            f,
            "when",
            "filter-when",
            choices(l, Some("when-any"), EventWhen::ALL),
        ),
        select(
            l,
            f,
            "eventCategory",
            "filter-category",
            event_category_options(l),
        ),
        select(
            l,
            f,
            "attend",
            "filter-attend",
            choices(l, Some("attend-any"), Attendance::ALL),
        ),
        select(
            l,
            f,
            "status",
            "filter-status",
            choices(l, Some("status-any"), StatusChoice::ALL),
        ),
    ];
    let mut from = text(l, f, "from", "filter-from", "filter-range-hint");
    let mut to = text(l, f, "to", "filter-to", "filter-range-hint");
    from.kind = "date";
    to.kind = "date";
    (selects, vec![from, to])
}

/// Mobilizon's categories, by label.
fn event_category_options(l: &Lang) -> Vec<(String, String)> {
    let ids = CATEGORIES.iter().map(|c| {
        let key = format!("event-category-{}", c.to_ascii_lowercase());
        (c.to_string(), l.t(&key))
    });
    with_any(l, sorted_by_label(ids.collect()))
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
        kind: "text",
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
