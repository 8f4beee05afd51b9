//! Result cards: what a page shows of each document, formatted in the
//! page's language.

use sepiola_index::Analysis;
use sepiola_model::{Channel, Playlist, Video};

use crate::web::form::encode;
use crate::web::i18n::{Arg, Lang};
use crate::web::text::{Highlighter, Segment, duration, markdown_to_text};

/// Characters of description shown.
const SNIPPET_CHARS: usize = 220;

/// A video result.
pub struct VideoCard {
    /// The report form for this result (`/report?…`).
    pub report_href: String,
    /// Watch URL on the origin.
    pub url: String,
    /// Title.
    pub title: String,
    /// Thumbnail through the image proxy.
    pub thumb: Option<String>,
    /// `1:02:03`.
    pub duration: String,
    /// Live stream.
    pub live: bool,
    /// Sensitive.
    pub nsfw: bool,
    /// "Channel by account".
    pub channel_line: String,
    /// Publication date.
    pub date: String,
    /// "1,234 views".
    pub views: String,
    /// Language name.
    pub language: String,
    /// Description with the query's words marked.
    pub snippet: Vec<Segment>,
    /// "Watch on host".
    pub origin_label: String,
}

/// A channel or playlist result.
pub struct ActorCard {
    /// The report form for this result (`/report?…`).
    pub report_href: String,
    /// URL on the origin.
    pub url: String,
    /// Display name.
    pub title: String,
    /// Avatar or thumbnail through the image proxy.
    pub thumb: Option<String>,
    /// Handle, or owner.
    pub subtitle: String,
    /// Followers or video count, and date.
    pub info: String,
    /// Description with the query's words marked.
    pub snippet: Vec<Segment>,
    /// "Open on host".
    pub origin_label: String,
}

/// The proxied form of an image URL.
pub fn proxied(url: Option<&str>) -> Option<String> {
    url.filter(|u| !u.is_empty())
        .map(|u| format!("/img?src={}", encode(u)))
}

/// The report form's link for one document: `/report?kind=…&host=…&id=…`.
pub fn report_href<D: sepiola_model::Document>(d: &D) -> String {
    let key = d.key();
    format!(
        "/report?kind={}&host={}&id={}",
        D::KIND,
        encode(key.host()),
        encode(key.id())
    )
}

pub(super) fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| {
            let h = u.host_str()?.to_string();
            Some(match u.port() {
                Some(p) => format!("{h}:{p}"),
                None => h,
            })
        })
        .unwrap_or_default()
}

/// The description of a card, as plain text cut to length, with the
/// query's matched words marked (stemmed as the index stemmed the document,
/// by its `language`).
pub(super) fn snippet(
    a: &Analysis,
    h: &Highlighter,
    text: Option<&str>,
    language: Option<&str>,
) -> Vec<Segment> {
    match text {
        Some(t) if !t.trim().is_empty() => {
            h.segments(a, &markdown_to_text(t, SNIPPET_CHARS), language)
        }
        _ => Vec::new(),
    }
}

/// Builds a video card.
pub fn video(l: &Lang, a: &Analysis, h: &Highlighter, v: &Video) -> VideoCard {
    let language = match &v.language.id {
        Some(code) => {
            let key = format!("lang-{code}");
            let t = l.t(&key);
            if t == key || t.is_empty() {
                v.language.label.clone()
            } else {
                t
            }
        }
        None => l.t("language-unknown"),
    };
    VideoCard {
        report_href: report_href(v),
        url: v.url.clone(),
        title: v.name.clone(),
        thumb: proxied(v.thumbnail_url.as_deref()),
        duration: duration(v.duration),
        live: v.is_live,
        nsfw: v.nsfw,
        channel_line: l.ta(
            "by-channel",
            &[
                ("channel", Arg::Text(v.channel.display_name.clone())),
                ("account", Arg::Text(v.account.display_name.clone())),
            ],
        ),
        date: l.ta(
            "published-on",
            &[("date", Arg::Text(l.date(&v.published_at)))],
        ),
        views: count(l, "views", v.views),
        language,
        snippet: snippet(a, h, v.description.as_deref(), v.language.id.as_deref()),
        origin_label: l.ta("watch-on", &[("host", Arg::Text(host_of(&v.url)))]),
    }
}

/// A counted message ("1,234 views"): Fluent picks the plural form from the
/// number, we format its digits for the language.
pub(super) fn count(l: &Lang, key: &str, n: u64) -> String {
    let text = l.ta(key, &[("count", Arg::Num(n.min(i64::MAX as u64) as i64))]);
    text.replace(&n.to_string(), &l.number(n))
}

/// Builds a channel card.
pub fn channel(l: &Lang, a: &Analysis, h: &Highlighter, c: &Channel) -> ActorCard {
    ActorCard {
        report_href: report_href(c),
        url: c.url.clone(),
        title: c.display_name.clone(),
        thumb: proxied(c.avatars.last().and_then(|i| i.file_url.as_deref())),
        subtitle: format!("{}@{}", c.name, c.host),
        info: format!(
            "{} · {}",
            count(l, "followers", c.followers_count),
            l.ta("created-on", &[("date", Arg::Text(l.date(&c.created_at)))])
        ),
        snippet: snippet(a, h, c.description.as_deref(), None),
        origin_label: l.ta("open-on", &[("host", Arg::Text(host_of(&c.url)))]),
    }
}

/// Builds a playlist card.
pub fn playlist(l: &Lang, a: &Analysis, h: &Highlighter, p: &Playlist) -> ActorCard {
    let owner = match &p.video_channel {
        Some(c) => l.ta(
            "by-channel",
            &[
                ("channel", Arg::Text(c.display_name.clone())),
                ("account", Arg::Text(p.owner_account.display_name.clone())),
            ],
        ),
        None => p.owner_account.display_name.clone(),
    };
    ActorCard {
        report_href: report_href(p),
        url: p.url.clone(),
        title: p.display_name.clone(),
        thumb: proxied(p.thumbnail_url.as_deref()),
        subtitle: owner,
        info: count(l, "videos-count", p.videos_length),
        snippet: snippet(a, h, p.description.as_deref(), None),
        origin_label: l.ta("open-on", &[("host", Arg::Text(host_of(&p.url)))]),
    }
}
