//! The video object, shaped as PeerTube's `Video` model
//! (<https://docs.joinpeertube.org/api-rest-reference.html#tag/Video>).

use serde::{Deserialize, Serialize};

use crate::actor::ActorSummary;
use crate::document::{DocKind, Document, document_fields};
use crate::error::ModelError;
use crate::host::normalize_host;
use crate::ids::normalize_ids;
use crate::labels::{self, Label, NumericLabel};
use crate::limits::{API_DESCRIPTION_CHARS, MAX_DESCRIPTION_CHARS, MAX_NAME_CHARS};
use crate::origin::{Origin, fill_image};
use crate::text::{self, clean_tags};
use crate::thumbnail::{
    LEGACY_PREVIEW_SIZE, LEGACY_THUMBNAIL_SIZE, Legacy, Thumbnail, normalize_thumbnails,
};
use crate::time::Timestamp;

/// Longest NSFW summary kept (PeerTube caps it at 250).
pub const MAX_NSFW_SUMMARY_CHARS: usize = 1_000;

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
    /// Why it is sensitive: PeerTube 7+'s bit flags ([`crate::nsfw`]), 0
    /// when the instance sends none (PeerTube ≤ 6).
    #[serde(default)]
    pub nsfw_flags: u32,
    /// The uploader's note on what is sensitive (PeerTube 7+).
    #[serde(default)]
    pub nsfw_summary: Option<String>,
    /// Every size of the thumbnail (PeerTube 8.1+ reads only this), each
    /// absolute on the origin, smallest first.
    #[serde(default)]
    pub thumbnails: Vec<Thumbnail>,
    /// Downloads, when the instance counts them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downloads: Option<u64>,
    /// Width / height, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aspect_ratio: Option<f32>,
    /// The account that owns the video.
    pub account: ActorSummary,
    /// The channel the video is published in.
    pub channel: ActorSummary,
}

impl Document for Video {
    const KIND: DocKind = DocKind::Video;

    /// Cleans every field, checks every URL belongs to the video's own host
    /// and fills the derived fields (absolute URLs, labels).
    fn normalize(&mut self) -> Result<(), ModelError> {
        self.host = normalize_host(&self.host).ok_or(ModelError::Missing("host"))?;
        normalize_ids(&mut self.uuid, &mut self.short_uuid)?;
        self.name = text::required_line(&self.name, MAX_NAME_CHARS, "name")?;
        self.description = text::clean_opt_text(self.description.as_deref(), MAX_DESCRIPTION_CHARS);
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
        self.language = labels::language_as_sent(lang.as_deref(), &self.language.label);
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
        normalize_thumbnails(
            &origin,
            &mut self.thumbnails,
            &mut [
                Legacy {
                    field: "thumbnailPath",
                    path: &mut self.thumbnail_path,
                    url: &mut self.thumbnail_url,
                    size: LEGACY_THUMBNAIL_SIZE,
                    largest: false,
                },
                Legacy {
                    field: "previewPath",
                    path: &mut self.preview_path,
                    url: &mut self.preview_url,
                    size: LEGACY_PREVIEW_SIZE,
                    largest: true,
                },
            ],
        )?;
        self.nsfw_flags &= crate::nsfw::KNOWN;
        self.nsfw_summary = self
            .nsfw_summary
            .as_deref()
            .map(|d| text::clean(d, MAX_NSFW_SUMMARY_CHARS))
            .filter(|d| !d.is_empty());
        if let Some(r) = self.aspect_ratio
            && !(r.is_finite() && r > 0.0 && r < 100.0)
        {
            self.aspect_ratio = None;
        }
        self.account.normalize("account")?;
        self.channel.normalize("channel")?;
        Ok(())
    }

    document_fields!(id: uuid, title: name);

    fn created_at(&self) -> Timestamp {
        self.created_at
    }

    fn updated_at(&self) -> Timestamp {
        self.updated_at.unwrap_or(self.published_at)
    }

    fn language(&self) -> Option<&str> {
        self.language.id.as_deref()
    }

    fn uuid(&self) -> Option<&str> {
        Some(&self.uuid)
    }

    fn account_handle(&self) -> Option<String> {
        Some(self.account.handle())
    }
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
        assert_eq!(v.language.label, "Français", "the instance's label is kept");
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
}
