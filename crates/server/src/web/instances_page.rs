//! The instances page: every host indexed or listed, its health, last
//! crawl and document count.

use std::sync::Arc;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use sepiola_model::instance::{HostHealth, InstanceStatus, Software};

use super::i18n::{Arg, Lang};
use super::page::PageCtx;
use super::{ctx, explicit_lang, html};
use crate::AppState;

/// A row of the instances page.
struct InstanceRow {
    host: String,
    url: String,
    name: String,
    software: &'static str,
    health: String,
    health_class: &'static str,
    last_crawl: String,
    documents: String,
    /// "Listed", or "Blocked" with the decision's reason and public text.
    listing: String,
    /// The blocking decision's anchor on `/moderation`, when blocked.
    decision: Option<u64>,
}

#[derive(Template)]
#[template(path = "instances.html")]
struct InstancesPage {
    page: PageCtx,
    intro: String,
    rows: Vec<InstanceRow>,
}

/// `GET /instances`.
pub(super) async fn instances(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let explicit = explicit_lang(q.as_deref().unwrap_or(""));
    let page = ctx(&state, &headers, "/instances", "", explicit.as_deref());
    let rows = rows(&state, &page.lang);
    let intro = page.lang.ta(
        "instances-intro",
        &[
            ("name", Arg::Text(page.site_name.clone())),
            ("count", Arg::Num(rows.len() as i64)),
        ],
    );
    html(StatusCode::OK, &InstancesPage { page, intro, rows })
}

/// One row per host, indexed or on the crawler's list, sorted by host.
fn rows(state: &AppState, l: &Lang) -> Vec<InstanceRow> {
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
    let blocked = state
        .moderation()
        .map(|m| m.decisions.in_force())
        .unwrap_or_default();
    // A blocked host is neither crawled nor indexed: list it anyway, with why.
    for d in &blocked {
        if let sepiola_moderation::Target::Instance { host } = &d.target
            && !hosts.contains(host)
        {
            hosts.push(host.clone());
        }
    }
    hosts.sort();
    hosts
        .into_iter()
        .map(|host| {
            let status = statuses.iter().find(|s| s.host == host);
            let block = blocked.iter().find(
                |d| matches!(&d.target, sepiola_moderation::Target::Instance { host: h } if *h == host),
            );
            let (health, health_class) = health(l, status, block.is_some());
            let listing = match block {
                Some(d) => {
                    let reason = l.t(&format!("reason-{}", d.reason.as_str()));
                    let mut s = l.ta("instances-blocked", &[("reason", Arg::Text(reason))]);
                    if !d.text.is_empty() {
                        s = format!("{s} — {}", d.text);
                    }
                    s
                }
                None => l.t("instances-listed"),
            };
            InstanceRow {
                listing,
                decision: block.map(|d| d.id),
                url: format!("https://{host}/"),
                name: status.and_then(|s| s.name.clone()).unwrap_or_default(),
                software: match status.map(|s| s.software) {
                    Some(Software::PeerTube) => "PeerTube",
                    Some(Software::Mobilizon) => "Mobilizon",
                    None => "",
                },
                health,
                health_class,
                last_crawl: status
                    .and_then(|s| s.last_success.as_ref())
                    .map(|t| l.date(t))
                    .unwrap_or_else(|| l.t("instances-never")),
                documents: l.number(counts.get(&host).copied().unwrap_or(0)),
                host,
            }
        })
        .collect()
}

/// A host's health label and CSS class.
fn health(l: &Lang, status: Option<&InstanceStatus>, denied: bool) -> (String, &'static str) {
    if denied {
        return (l.t("health-denied"), "failing");
    }
    match status.map(|s| s.health) {
        Some(HostHealth::Ok) => (l.t("health-ok"), "ok"),
        Some(HostHealth::Failing) => (l.t("health-failing"), "failing"),
        Some(HostHealth::Pending) => (l.t("health-unknown"), "unknown"),
        // Indexed (imported, or crawled before) but not on today's list.
        None => ("—".to_string(), "unknown"),
    }
}
