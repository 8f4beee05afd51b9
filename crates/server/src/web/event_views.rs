//! Event and group cards: an event's date and time in its own time zone
//! with the offset, its place, organiser and banner; a group's place and
//! members.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sepiola_index::Analysis;
use sepiola_model::place::Place as Location;
use sepiola_model::{Event, EventStatus, Group};

use super::event_dates::{offset_label, zone};
use super::i18n::{Arg, Lang};
use super::place_box::zone_near;
use super::text::{Highlighter, Segment};
use super::views::{count, host_of, proxied, report_href, snippet};

/// An event result.
pub struct EventCard {
    /// URL on the origin.
    pub url: String,
    /// Title.
    pub title: String,
    /// Banner through the image proxy.
    pub banner: Option<String>,
    /// The start (and end) in the event's time zone, with the offset.
    pub when: String,
    /// The same start as a machine-readable date-time (`<time datetime>`).
    pub start_iso: String,
    /// Where, or "Online".
    pub place: String,
    /// "By …".
    pub organiser: Option<String>,
    /// The category's name.
    pub category: String,
    /// "Cancelled" or "Tentative", when not confirmed.
    pub status: Option<(String, bool)>,
    /// "12 participants".
    pub participants: String,
    /// Description with the query's words marked.
    pub snippet: Vec<Segment>,
    /// "Open on host".
    pub origin_label: String,
    /// The report form for this event.
    pub report_href: String,
}

/// A group result.
pub struct GroupCard {
    /// URL on the origin.
    pub url: String,
    /// Display name.
    pub title: String,
    /// Avatar through the image proxy.
    pub avatar: Option<String>,
    /// `name@host`.
    pub handle: String,
    /// "12 members".
    pub members: String,
    /// Where, if known.
    pub place: Option<String>,
    /// Description with the query's words marked.
    pub snippet: Vec<Segment>,
    /// "Open on host".
    pub origin_label: String,
    /// The report form for this group.
    pub report_href: String,
}

/// The zone an event's times are shown in: its own (`timeZone`), else
/// its nearest gazetteer place's when it has a point; `None` means UTC.
fn event_zone(e: &Event) -> Option<Tz> {
    if let Some(tz) = e.time_zone.as_deref().and_then(zone) {
        return Some(tz);
    }
    let p = e.location.as_ref()?.point()?;
    zone_near(p.lat, p.lon)
}

/// "Sat. June 6, 2099, 19:00 – 23:00 (UTC+02:00)": the start and end in
/// `tz`, the end's day only when it differs.
fn when(l: &Lang, start: DateTime<Utc>, end: Option<DateTime<Utc>>, tz: Tz) -> String {
    let s = start.with_timezone(&tz);
    let mut text = l.ta(
        "event-when",
        &[
            ("date", Arg::Text(l.weekday_and_day(s.date_naive()))),
            ("time", Arg::Text(s.format("%H:%M").to_string())),
        ],
    );
    if let Some(e) = end.filter(|e| *e > start).map(|e| e.with_timezone(&tz)) {
        text.push_str(" – ");
        if e.date_naive() != s.date_naive() {
            text.push_str(&l.ta(
                "event-when",
                &[
                    ("date", Arg::Text(l.weekday_and_day(e.date_naive()))),
                    ("time", Arg::Text(e.format("%H:%M").to_string())),
                ],
            ));
        } else {
            text.push_str(&e.format("%H:%M").to_string());
        }
    }
    format!("{text} ({})", offset_label(tz, start))
}

/// "Le Sunset, Paris, France": the place's name and address lines, each once.
pub fn place_line(p: &Location) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    let a = p.address.as_ref();
    let lines = [
        p.name.as_deref(),
        a.and_then(|a| a.street_address.as_deref()),
        a.and_then(|a| a.address_locality.as_deref()),
        a.and_then(|a| a.address_country.as_deref()),
    ];
    for line in lines.into_iter().flatten() {
        let line = line.trim();
        if !line.is_empty() && !parts.iter().any(|p| p.eq_ignore_ascii_case(line)) {
            parts.push(line);
        }
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Builds an event card.
pub fn event(l: &Lang, a: &Analysis, h: &Highlighter, e: &Event) -> EventCard {
    let tz = event_zone(e).unwrap_or(chrono_tz::UTC);
    let start = e.start_time.0;
    let status = match e.status {
        EventStatus::Cancelled => Some((l.t("status-cancelled"), true)),
        EventStatus::Tentative => Some((l.t("status-tentative"), false)),
        EventStatus::Confirmed => None,
    };
    EventCard {
        report_href: report_href(e),
        url: e.url.clone(),
        title: e.name.clone(),
        banner: proxied(e.banner.as_deref()),
        when: when(l, start, e.end_time.map(|t| t.0), tz),
        start_iso: start.with_timezone(&tz).to_rfc3339(),
        place: match (e.is_online, e.location.as_ref().and_then(place_line)) {
            (true, Some(p)) => format!("{} · {p}", l.t("event-online")),
            (false, Some(p)) => p,
            (_, None) => l.t("event-online"),
        },
        organiser: e.creator.as_ref().map(|c| {
            let name = if c.display_name.trim().is_empty() {
                c.name.clone()
            } else {
                c.display_name.clone()
            };
            l.ta("event-by", &[("name", Arg::Text(name))])
        }),
        category: l.t(&format!(
            "event-category-{}",
            e.category.to_ascii_lowercase()
        )),
        status,
        participants: count(l, "participants", e.participant_count),
        snippet: snippet(
            a,
            h,
            e.description.as_deref(),
            sepiola_model::Document::language(e),
        ),
        origin_label: l.ta("open-on", &[("host", Arg::Text(host_of(&e.url)))]),
    }
}

/// Builds a group card.
pub fn group(l: &Lang, a: &Analysis, h: &Highlighter, g: &Group) -> GroupCard {
    GroupCard {
        report_href: report_href(g),
        url: g.url.clone(),
        title: if g.display_name.trim().is_empty() {
            g.name.clone()
        } else {
            g.display_name.clone()
        },
        avatar: proxied(g.avatar.as_deref()),
        handle: g.handle(),
        members: count(l, "members", g.member_count),
        place: g.location.as_ref().and_then(place_line),
        snippet: snippet(a, h, g.description.as_deref(), g.language.as_deref()),
        origin_label: l.ta("open-on", &[("host", Arg::Text(host_of(&g.url)))]),
    }
}
