//! The video object (contract A.9) and the origin rules every document obeys.

use serde::{Deserialize, Serialize};

use crate::actor::{ActorSummary, normalize_host};
use crate::error::ModelError;
use crate::labels::{self, Label, NumericLabel};
use crate::text;
use crate::time::Timestamp;

/// Longest title kept (PeerTube allows 120; some instances allow more).
pub const MAX_NAME_CHARS: usize = 300;
/// Longest description kept for search; the API answers with 250 characters.
pub const MAX_DESCRIPTION_CHARS: usize = 10_000;
/// Description length in API answers, as the Framasoft index does by default.
pub const API_DESCRIPTION_CHARS: usize = 250;
/// Most tags kept per video, and the longest tag.
pub const MAX_TAGS: usize = 16;
/// Longest tag kept.
pub const MAX_TAG_CHARS: usize = 64;
/// Longest URL or path kept.
pub const MAX_URL_CHARS: usize = 2_048;

/// A PeerTube video as the search API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Video {
    /// Host of the instance the video was crawled from (with port if any).
    pub host: String,
    /// Id on the origin instance (not unique across the index).
    #[serde(default)]
    pub id: i64,
    /// UUID v4 on the origin instance.
    pub uuid: String,
    /// Base58 form of the uuid, used in short links.
    #[serde(rename = "shortUUID", default)]
    pub short_uuid: String,
    /// Title.
    pub name: String,
    /// Description (Markdown, as written on the instance).
    #[serde(default)]
    pub description: Option<String>,
    /// The first 250 characters of the description.
    #[serde(default)]
    pub truncated_description: Option<String>,
    /// Duration in seconds.
    #[serde(default)]
    pub duration: u64,
    /// Tags (only known after the detail fetch).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Category `{id, label}`.
    #[serde(default)]
    pub category: NumericLabel,
    /// Licence `{id, label}`.
    #[serde(default)]
    pub licence: NumericLabel,
    /// Language `{id, label}`.
    #[serde(default)]
    pub language: Label,
    /// Privacy `{id, label}`: always Public in the index.
    #[serde(default)]
    pub privacy: NumericLabel,
    /// Creation date on the instance.
    pub created_at: Timestamp,
    /// Last update on the instance.
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
    /// Publication date.
    pub published_at: Timestamp,
    /// Original publication date given by the uploader, if any.
    #[serde(default)]
    pub originally_published_at: Option<Timestamp>,
    /// Thumbnail path, relative to the origin.
    #[serde(default)]
    pub thumbnail_path: Option<String>,
    /// Preview image path, relative to the origin.
    #[serde(default)]
    pub preview_path: Option<String>,
    /// Embed player path, relative to the origin.
    #[serde(default)]
    pub embed_path: String,
    /// Absolute thumbnail URL.
    #[serde(default)]
    pub thumbnail_url: Option<String>,
    /// Absolute preview URL.
    #[serde(default)]
    pub preview_url: Option<String>,
    /// Absolute embed URL, ending with `embedPath` (NewPipe needs that).
    #[serde(default)]
    pub embed_url: String,
    /// Absolute watch URL on the origin.
    #[serde(default)]
    pub url: String,
    /// Whether the video is local to the asking instance: always false here.
    #[serde(default)]
    pub is_local: bool,
    /// Views.
    #[serde(default)]
    pub views: u64,
    /// Current viewers (lives).
    #[serde(default)]
    pub viewers: u64,
    /// Likes.
    #[serde(default)]
    pub likes: u64,
    /// Dislikes.
    #[serde(default)]
    pub dislikes: u64,
    /// Comments, when the instance says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comments: Option<u64>,
    /// Whether it is a live stream.
    #[serde(default)]
    pub is_live: bool,
    /// Whether it is marked sensitive.
    #[serde(default)]
    pub nsfw: bool,
    /// Width / height, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aspect_ratio: Option<f32>,
    /// The account that owns the video.
    pub account: ActorSummary,
    /// The channel the video is published in.
    pub channel: ActorSummary,
}

impl Video {
    /// Cleans every field, checks every URL belongs to the video's own host
    /// and fills the derived fields (absolute URLs, labels). A document that
    /// fails is not indexed.
    pub fn normalize(&mut self) -> Result<(), ModelError> {
        self.host = normalize_host(&self.host).ok_or(ModelError::Missing("host"))?;
        normalize_ids(&mut self.uuid, &mut self.short_uuid)?;
        self.name = text::clean_line(&self.name, MAX_NAME_CHARS);
        if self.name.is_empty() {
            return Err(ModelError::Missing("name"));
        }
        self.description = self
            .description
            .as_deref()
            .map(|d| text::clean(d, MAX_DESCRIPTION_CHARS))
            .filter(|d| !d.is_empty());
        self.truncated_description = self
            .description
            .as_deref()
            .map(|d| text::truncate(d, API_DESCRIPTION_CHARS));
        self.tags = clean_tags(&self.tags);
        self.category = labels::category(self.category.id);
        self.licence = labels::licence(self.licence.id);
        let lang = self
            .language
            .id
            .as_deref()
            .and_then(labels::normalize_language_code);
        self.language = labels::language(lang.as_deref());
        self.privacy = labels::privacy(self.privacy.id.unwrap_or(1));
        self.is_local = false;

        let origin = Origin::for_host(&self.host, &self.url);
        if self.url.is_empty() {
            self.url = origin.join(&format!("/videos/watch/{}", self.uuid));
        } else {
            origin.check_url("url", &self.url)?;
        }
        if self.embed_path.is_empty() {
            self.embed_path = if self.embed_url.is_empty() {
                format!("/videos/embed/{}", self.uuid)
            } else {
                origin.path_of("embedUrl", &self.embed_url)?
            };
        }
        origin.check_path("embedPath", &self.embed_path)?;
        self.embed_url = origin.join(&self.embed_path);
        fill_image(
            &origin,
            "thumbnailPath",
            &mut self.thumbnail_path,
            &mut self.thumbnail_url,
        )?;
        fill_image(
            &origin,
            "previewPath",
            &mut self.preview_path,
            &mut self.preview_url,
        )?;
        if let Some(r) = self.aspect_ratio
            && !(r.is_finite() && r > 0.0 && r < 100.0)
        {
            self.aspect_ratio = None;
        }
        self.account.normalize("account")?;
        self.channel.normalize("channel")?;
        Ok(())
    }

    /// The key that identifies this document in the index: host and uuid.
    pub fn key(&self) -> String {
        format!("{} {}", self.host, self.uuid)
    }
}

fn fill_image(
    origin: &Origin,
    field: &'static str,
    path: &mut Option<String>,
    url: &mut Option<String>,
) -> Result<(), ModelError> {
    if path.as_deref().is_none_or(str::is_empty) {
        *path = match url.as_deref() {
            Some(u) if !u.is_empty() => Some(origin.path_of(field, u)?),
            _ => None,
        };
    }
    if let Some(p) = path.as_deref() {
        origin.check_path(field, p)?;
        *url = Some(origin.join(p));
    } else {
        *url = None;
    }
    Ok(())
}

/// Checks a document's UUID and cleans its short UUID (base58).
pub(crate) fn normalize_ids(uuid: &mut String, short: &mut String) -> Result<(), ModelError> {
    *uuid = normalize_uuid(uuid).ok_or(ModelError::Invalid {
        field: "uuid",
        reason: "not a uuid".into(),
    })?;
    *short = text::clean_line(short, 64);
    if !short.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(ModelError::Invalid {
            field: "shortUUID",
            reason: "not base58".into(),
        });
    }
    Ok(())
}

/// Cleans, de-duplicates and caps tags, dropping a leading `#`.
pub fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        let t = text::clean_line(t.trim_start_matches('#'), MAX_TAG_CHARS);
        if !t.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&t)) {
            out.push(t);
        }
        if out.len() == MAX_TAGS {
            break;
        }
    }
    out
}

/// Lower-cases a UUID and checks its form (hex digits and dashes).
/// Any placement of the dashes is accepted; the result is always the
/// canonical `8-4-4-4-12` form, so a uuid written without dashes finds the
/// same document.
pub fn normalize_uuid(s: &str) -> Option<String> {
    let s = s.trim().to_ascii_lowercase();
    let ok = (32..=36).contains(&s.len())
        && s.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
        && s.chars().filter(|c| c.is_ascii_hexdigit()).count() == 32;
    if !ok {
        return None;
    }
    let h: String = s.chars().filter(char::is_ascii_hexdigit).collect();
    Some(format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    ))
}

/// The scheme and authority every URL of a document must share: the
/// document's own host. Relative paths are joined to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    base: String,
    authority: String,
}

impl Origin {
    /// The origin of `host`, taking the scheme from `hint` when `hint` is an
    /// absolute http(s) URL on that same host (fedsim serves plain http),
    /// else https.
    pub fn for_host(host: &str, hint: &str) -> Origin {
        let scheme = match url::Url::parse(hint) {
            Ok(u) if u.scheme() == "http" && authority_of(&u).as_deref() == Some(host) => "http",
            _ => "https",
        };
        Origin {
            base: format!("{scheme}://{host}"),
            authority: host.to_string(),
        }
    }

    /// `scheme://host[:port]`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Joins a path (starting with `/`) to the origin.
    pub fn join(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Checks that an absolute URL is http(s) and on this origin's host.
    pub fn check_url(&self, field: &'static str, u: &str) -> Result<(), ModelError> {
        let bad = |reason: &str| ModelError::Invalid {
            field,
            reason: reason.to_string(),
        };
        if u.len() > MAX_URL_CHARS {
            return Err(bad("URL too long"));
        }
        // Fast path: the origin itself followed by a plain path cannot lead
        // anywhere else (no parse needed; most URLs take this path).
        if let Some(rest) = u.strip_prefix(self.base.as_str())
            && (rest.is_empty() || (rest.starts_with('/') && plain_path(rest)))
        {
            return Ok(());
        }
        let parsed = url::Url::parse(u).map_err(|_| bad("not an absolute URL"))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(bad("not an http(s) URL"));
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(bad("URL carries credentials"));
        }
        if authority_of(&parsed).as_deref() != Some(self.authority.as_str()) {
            return Err(bad("URL points to another host"));
        }
        Ok(())
    }

    /// Checks that a path is a plain absolute path on this origin.
    pub fn check_path(&self, field: &'static str, p: &str) -> Result<(), ModelError> {
        // A plain absolute path joined to the origin stays on the origin.
        if p.starts_with('/') && p.len() <= MAX_URL_CHARS && plain_path(p) {
            return Ok(());
        }
        Err(ModelError::Invalid {
            field,
            reason: "not a path on the origin".into(),
        })
    }

    /// The path (and query) of a URL that must be on this origin; a path is
    /// returned as it is.
    pub fn path_of(&self, field: &'static str, u: &str) -> Result<String, ModelError> {
        if u.starts_with('/') && !u.starts_with("//") {
            return Ok(u.to_string());
        }
        self.check_url(field, u)?;
        let parsed = url::Url::parse(u).map_err(|_| ModelError::Invalid {
            field,
            reason: "not an absolute URL".into(),
        })?;
        let mut p = parsed.path().to_string();
        if let Some(q) = parsed.query() {
            p.push('?');
            p.push_str(q);
        }
        Ok(p)
    }
}

/// A path that cannot change the authority it is joined to: not
/// protocol-relative, no backslash, no white space or control characters.
fn plain_path(p: &str) -> bool {
    !p.starts_with("//")
        && !p
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
}

fn authority_of(u: &url::Url) -> Option<String> {
    let host = u.host_str()?.to_ascii_lowercase();
    Some(match u.port() {
        Some(p) => format!("{host}:{p}"),
        None => host,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn sample() -> Video {
        serde_json::from_value(serde_json::json!({
            "host": "tube.example:8443",
            "id": 7,
            "uuid": "9c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f",
            "shortUUID": "kkGMgK9ZtnKfYAgnEtQxbv",
            "name": "  Hello\u{202E} world  ",
            "description": "A *long* description",
            "duration": 42,
            "tags": ["#Rust", "rust", "peertube"],
            "category": {"id": 15, "label": "whatever"},
            "licence": {"id": 2},
            "language": {"id": "fr-FR", "label": "Français"},
            "privacy": {"id": 1, "label": "Public"},
            "createdAt": "2024-01-01T00:00:00Z",
            "publishedAt": "2024-01-02T00:00:00.000Z",
            "thumbnailPath": "/lazy-static/thumbnails/x.jpg",
            "url": "https://tube.example:8443/w/kkGMgK9ZtnKfYAgnEtQxbv",
            "account": {"id": 1, "name": "alice", "host": "tube.example:8443", "avatars": []},
            "channel": {"id": 2, "name": "alice_channel", "displayName": "Alice's", "host": "tube.example:8443"}
        }))
        .unwrap()
    }

    #[test]
    fn normalize_fills_absolute_urls_on_the_origin_with_port() {
        let mut v = sample();
        v.normalize().unwrap();
        assert_eq!(v.name, "Hello world");
        assert_eq!(v.tags, vec!["Rust", "peertube"]);
        assert_eq!(
            v.embed_path,
            "/videos/embed/9c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f"
        );
        assert_eq!(
            v.embed_url,
            format!("https://tube.example:8443{}", v.embed_path)
        );
        assert!(v.embed_url.ends_with(&v.embed_path));
        assert_eq!(
            v.thumbnail_url.as_deref(),
            Some("https://tube.example:8443/lazy-static/thumbnails/x.jpg")
        );
        assert_eq!(v.category.label, "Science & Technology");
        assert_eq!(v.language.id.as_deref(), Some("fr"));
        assert_eq!(v.language.label, "French");
        assert_eq!(v.privacy.label, "Public");
        assert!(!v.is_local);
    }

    #[test]
    fn foreign_or_script_urls_drop_the_document() {
        for bad in [
            "javascript:alert(1)",
            "https://evil.example/videos/watch/x",
            "https://user:pw@tube.example:8443/x",
        ] {
            let mut v = sample();
            v.url = bad.into();
            assert!(v.normalize().is_err(), "{bad} accepted");
        }
        for tricky in [
            "https://tube.example:8443@evil.example/x",
            "https://tube.example:84431/x",
            "https://tube.example:8443.evil.example/x",
        ] {
            let mut v = sample();
            v.url = tricky.into();
            assert!(v.normalize().is_err(), "{tricky} accepted");
        }
        let mut v = sample();
        v.thumbnail_path = Some("//evil.example/x.jpg".into());
        assert!(v.normalize().is_err());
        let mut v = sample();
        v.thumbnail_path = Some("/\\evil.example/x.jpg".into());
        assert!(v.normalize().is_err());
    }

    #[test]
    fn plain_http_origins_keep_their_scheme() {
        let mut v = sample();
        v.host = "127.0.0.1:9000".into();
        v.url = "http://127.0.0.1:9000/videos/watch/abc".into();
        v.account.host = v.host.clone();
        v.channel.host = v.host.clone();
        v.normalize().unwrap();
        assert!(
            v.thumbnail_url
                .unwrap()
                .starts_with("http://127.0.0.1:9000/")
        );
    }

    #[test]
    fn uuids_are_checked() {
        assert!(normalize_uuid("9C9DE5E8-0A1B-4A7E-8B0F-1A2B3C4D5E6F").is_some());
        assert!(normalize_uuid("not-a-uuid").is_none());
        let canonical = Some("9c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f".to_string());
        assert_eq!(
            normalize_uuid("9C9DE5E80A1B4A7E8B0F1A2B3C4D5E6F"),
            canonical
        );
        assert_eq!(
            normalize_uuid(" 9c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f "),
            canonical
        );
        assert!(normalize_uuid("<script>").is_none());
    }
}
