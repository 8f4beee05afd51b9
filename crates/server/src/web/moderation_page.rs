//! The transparency pages: `/moderation` (every decision, active and
//! lifted, with its level, target, reason, public text and date; blocks per
//! reason per month; reports received and acted on), `/policy` (the
//! operator's indexing policy, Markdown from the configuration, rendered
//! without any HTML of its own), and `/report`, the plain form behind the
//! "Report" link of every result (works without JavaScript).

use std::sync::Arc;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use sepiola_moderation::{Action, Filed, Reason, ReportRequest, Target};

use super::i18n::{Arg, Lang};
use super::page::PageCtx;
use super::{ctx, explicit_lang, html};
use crate::AppState;
use crate::limits::ClientIp;

/// A form's (or query string's) fields, the first value of each.
type Fields0 = std::collections::HashMap<String, String>;

fn form_fields(raw: &[u8]) -> Fields0 {
    let mut out = Fields0::new();
    for (k, v) in url::form_urlencoded::parse(raw).take(32) {
        out.entry(k.into_owned()).or_insert_with(|| v.into_owned());
    }
    out
}

/// A row of the decision table.
struct DecisionRow {
    id: u64,
    date: String,
    action: String,
    level: String,
    target: String,
    reason: String,
    text: String,
    status: String,
    active: bool,
}

/// A row of the per-month table.
struct MonthRow {
    month: String,
    counts: Vec<String>,
}

#[derive(Template)]
#[template(path = "moderation.html")]
struct ModerationPage {
    page: PageCtx,
    rows: Vec<DecisionRow>,
    reasons: Vec<String>,
    months: Vec<MonthRow>,
    received: String,
    acted: String,
    pending: String,
    dropped: String,
}

#[derive(Template)]
#[template(path = "policy.html")]
struct PolicyPage {
    page: PageCtx,
    body: String,
    has_policy: bool,
}

/// One choice of the report form's reason list.
struct ReasonChoice {
    value: &'static str,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    page: PageCtx,
    level: String,
    what: String,
    what_label: String,
    reasons: Vec<ReasonChoice>,
    text: String,
    contact: String,
    error: Option<String>,
    done: Option<String>,
}

/// `GET /moderation`.
pub(super) async fn moderation(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let explicit = explicit_lang(q.as_deref().unwrap_or(""));
    let page = ctx(&state, &headers, "/moderation", "", explicit.as_deref());
    let l = &page.lang;
    let (rows, months, counts) = match state.moderation() {
        Some(m) => (
            m.decisions.public(),
            m.decisions.reasons_per_month(),
            m.reports.counts(),
        ),
        None => Default::default(),
    };
    let rows = rows
        .into_iter()
        .map(|d| DecisionRow {
            id: d.id,
            date: l.date(&d.date),
            action: l.t(match d.action {
                Action::Block => "moderation-action-block",
                Action::Lift => "moderation-action-lift",
            }),
            level: level_label(l, &d.target),
            target: d.target.to_string(),
            reason: reason_label(l, d.reason),
            text: d.text,
            status: match (d.action, d.active, d.lifted_by, d.lifts) {
                (Action::Lift, _, _, Some(of)) => {
                    l.ta("moderation-lifts", &[("id", Arg::Num(of as i64))])
                }
                (_, true, _, _) => match d.expires {
                    Some(e) => l.ta("moderation-until", &[("date", Arg::Text(l.date(&e)))]),
                    None => l.t("moderation-active"),
                },
                (_, false, Some(by), _) => {
                    l.ta("moderation-lifted-by", &[("id", Arg::Num(by as i64))])
                }
                _ => l.t("moderation-expired"),
            },
            active: d.active,
        })
        .collect();
    let months = months
        .into_iter()
        .rev()
        .map(|(month, by)| MonthRow {
            month,
            counts: Reason::ALL
                .iter()
                .map(|r| l.number(by.get(r).copied().unwrap_or(0)))
                .collect(),
        })
        .collect();
    let body = ModerationPage {
        reasons: Reason::ALL.iter().map(|r| reason_label(l, *r)).collect(),
        rows,
        months,
        received: l.number(counts.received),
        acted: l.number(counts.acted_on),
        pending: l.number(counts.pending),
        dropped: l.number(counts.dropped),
        page,
    };
    html(StatusCode::OK, &body)
}

/// `GET /policy`.
pub(super) async fn policy(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let explicit = explicit_lang(q.as_deref().unwrap_or(""));
    let page = ctx(&state, &headers, "/policy", "", explicit.as_deref());
    let text = state
        .moderation()
        .and_then(|m| m.policy(page.lang.code()).map(str::to_string));
    let body = PolicyPage {
        has_policy: text.is_some(),
        body: text.as_deref().map(policy_html).unwrap_or_default(),
        page,
    };
    html(StatusCode::OK, &body)
}

/// The policy's Markdown as HTML, with nothing of its own: raw HTML is
/// shown as text, images become their alt text, and only `http(s):`,
/// `mailto:` and relative links are kept (others are shown as text).
pub fn policy_html(md: &str) -> String {
    let mut in_bad_link = Vec::new();
    let mut in_image = 0usize;
    let events = Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
        .filter_map(|ev| match ev {
            Event::Html(t) | Event::InlineHtml(t) => Some(Event::Text(t)),
            Event::Start(Tag::Image { .. }) => {
                in_image += 1;
                None
            }
            Event::End(TagEnd::Image) => {
                in_image = in_image.saturating_sub(1);
                None
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let ok = safe_link(&dest_url);
                in_bad_link.push(!ok);
                ok.then_some(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            }
            Event::End(TagEnd::Link) => match in_bad_link.pop() {
                Some(true) => None,
                _ => Some(Event::End(TagEnd::Link)),
            },
            Event::Text(t) if in_image > 0 => Some(Event::Text(t)),
            other if in_image > 0 => match other {
                Event::Code(t) => Some(Event::Text(t)),
                _ => None,
            },
            other => Some(other),
        });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

/// Whether a policy link may stay a link.
fn safe_link(dest: &CowStr<'_>) -> bool {
    let d = dest.trim().to_ascii_lowercase();
    match d.split_once(':') {
        // A colon before any slash, `?` or `#` is a scheme.
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

fn level_label(l: &Lang, t: &Target) -> String {
    match t {
        Target::Document { kind, .. } => l.t(&format!("kind-{kind}")),
        t => l.t(&format!("level-{}", t.level().as_str())),
    }
}

fn reason_label(l: &Lang, r: Reason) -> String {
    l.t(&format!("reason-{}", r.as_str()))
}

/// `GET /report?kind=…&host=…&id=…` (or `level=instance|account|channel&target=…`).
pub(super) async fn report_form(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let query = q.unwrap_or_default();
    let p = form_fields(query.as_bytes());
    let explicit = explicit_lang(&query);
    let page = ctx(&state, &headers, "/report", "", explicit.as_deref());
    let (level, what) = form_target(&p);
    let (status, body) = match Target::parse(&level, &what) {
        Ok(t) => (StatusCode::OK, report_page(page, &t, &Fields::default())),
        Err(_) => {
            let error = page.t("report-bad-target");
            let mut body = report_page(
                page,
                &Target::Instance { host: "-".into() },
                &Fields::default(),
            );
            body.error = Some(error);
            (StatusCode::BAD_REQUEST, body)
        }
    };
    html(status, &body)
}

/// What the visitor typed, shown again when the form comes back.
#[derive(Default)]
struct Fields {
    reason: String,
    text: String,
    contact: String,
}

/// The form's target: `level` + `target`, or a document's `kind` + `host` + `id`.
fn form_target(p: &Fields0) -> (String, String) {
    let one = |k: &str| p.get(k).cloned().unwrap_or_default();
    if p.contains_key("kind") {
        (one("kind"), format!("{}/{}", one("host"), one("id")))
    } else {
        (one("level"), one("target"))
    }
}

fn report_page(page: PageCtx, t: &Target, f: &Fields) -> ReportPage {
    let (level, what) = match t {
        Target::Document { kind, host, id } => (kind.to_string(), format!("{host}/{id}")),
        Target::Instance { host } => ("instance".to_string(), host.clone()),
        Target::Account { handle } => ("account".to_string(), handle.clone()),
        Target::Channel { handle } => ("channel".to_string(), handle.clone()),
    };
    let l = &page.lang;
    ReportPage {
        what_label: format!(
            "{} {}",
            level_label(l, t),
            t.to_string().trim_start_matches(&format!("{level} "))
        ),
        reasons: Reason::ALL
            .iter()
            .map(|r| ReasonChoice {
                value: r.as_str(),
                label: reason_label(l, *r),
                selected: f.reason == r.as_str(),
            })
            .collect(),
        level,
        what,
        text: f.text.clone(),
        contact: f.contact.clone(),
        error: None,
        done: None,
        page,
    }
}

/// `POST /report` (a form): files the report, or shows the form again
/// with what is wrong.
pub(super) async fn report_submit(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    client: Option<axum::Extension<ClientIp>>,
    RawQuery(q): RawQuery,
    body: axum::body::Bytes,
) -> Response {
    let explicit = explicit_lang(q.as_deref().unwrap_or(""));
    let page = ctx(&state, &headers, "/report", "", explicit.as_deref());
    let p = form_fields(&body);
    let one = |k: &str| p.get(k).cloned().unwrap_or_default();
    let fields = Fields {
        reason: one("reason"),
        text: one("text"),
        contact: one("contact"),
    };
    let target = Target::parse(&one("level"), &one("target"));
    let reason = Reason::parse(&fields.reason);
    let (target, reason) = match (target, reason) {
        (Ok(t), Some(r)) => (t, r),
        (t, _) => {
            let t = t.unwrap_or(Target::Instance { host: "-".into() });
            let error = page.t("report-bad-form");
            let mut body = report_page(page, &t, &fields);
            body.error = Some(error);
            return html(StatusCode::BAD_REQUEST, &body);
        }
    };
    let req = ReportRequest {
        target: target.clone(),
        reason,
        text: fields.text.clone(),
        contact: Some(fields.contact.clone()),
    };
    let outcome = super::super::api::file_report(&state, client.map(|c| c.0.0), req).await;
    let (status, key) = match outcome {
        Ok(Filed::Stored(..)) | Ok(Filed::Dropped) => (StatusCode::OK, None),
        Err(status) => (
            status,
            Some(if status == StatusCode::TOO_MANY_REQUESTS {
                "report-too-many"
            } else {
                "report-failed"
            }),
        ),
    };
    let mut body = report_page(page, &target, &Fields::default());
    match key {
        None => body.done = Some(body.page.t("report-thanks")),
        Some(k) => {
            body.error = Some(body.page.t(k));
            body.text = fields.text;
            body.contact = fields.contact;
        }
    }
    html(status, &body)
}
