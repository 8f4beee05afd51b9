//! Rendering of content as PeerTube JSON objects (videos, channels, accounts, playlists), in
//! the shapes of the instance's release ([`crate::version`]).

use crate::content::{self, Account, Channel, InstanceContent, Origin, Playlist, Video};
use crate::short_uuid;
use crate::sim::{Instance, Sim};
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};

/// PeerTube's date format: RFC 3339 with milliseconds and `Z`.
pub fn date(d: &DateTime<Utc>) -> String {
    d.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Everything needed to render objects of one instance.
pub struct Renderer<'a> {
    /// The federation (to resolve remote hosts).
    pub sim: &'a Sim,
    /// The instance being rendered.
    pub inst: &'a Instance,
    /// Its content.
    pub content: &'a InstanceContent,
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(3)).collect();
    out.push_str("...");
    out
}

impl<'a> Renderer<'a> {
    fn host(&self, origin: Origin) -> &'a str {
        self.sim.origin_host(self.inst, origin)
    }

    fn avatars(
        &self,
        kind: &str,
        id: u64,
        (variant, version): (usize, u32),
        origin: Origin,
        created: &DateTime<Utc>,
    ) -> Value {
        let host = self.host(origin);
        // 6.3 lists avatars smallest first, 8.2 largest first: the legacy
        // `avatar` (PeerTube's first) differs, a client must not care.
        let sizes: [u32; 2] = if self.inst.version.rich_labels() {
            [120, 48]
        } else {
            [48, 120]
        };
        let images: Vec<Value> = sizes
            .iter()
            .map(|w| {
                let path = format!(
                    "/lazy-static/avatars/{}",
                    avatar_file(kind, id, variant, version, *w)
                );
                json!({
                    "width": w,
                    "height": w,
                    "path": path,
                    "fileUrl": format!("http://{host}{path}"),
                    "createdAt": date(created),
                    "updatedAt": date(created),
                })
            })
            .collect();
        Value::Array(images)
    }

    fn account(&self, idx: usize) -> Option<&'a Account> {
        self.content.accounts.get(idx)
    }

    fn channel(&self, idx: usize) -> Option<&'a Channel> {
        self.content.channels.get(idx).and_then(|c| c.as_ref())
    }

    /// AccountSummary.
    pub fn account_summary(&self, idx: usize) -> Value {
        let Some(a) = self.account(idx) else {
            return Value::Null;
        };
        let host = self.host(a.origin);
        json!({
            "id": a.id,
            "name": a.name,
            "displayName": a.display_name,
            "url": format!("http://{host}/accounts/{}", a.name),
            "host": host,
            "avatars": self.avatars(
                "account",
                a.id,
                (a.avatar, a.avatar_version),
                a.origin,
                &a.created_at
            ),
        })
    }

    /// Full Account (`/api/v1/accounts/{name}`, channel `ownerAccount`).
    pub fn account_full(&self, idx: usize) -> Value {
        let Some(a) = self.account(idx) else {
            return Value::Null;
        };
        let mut v = self.account_summary(idx);
        if let Value::Object(m) = &mut v {
            m.insert("description".into(), json!(a.description));
            m.insert("followersCount".into(), json!(a.followers));
            m.insert("followingCount".into(), json!(0));
            m.insert("createdAt".into(), json!(date(&a.created_at)));
            m.insert("updatedAt".into(), json!(date(&a.updated_at)));
            m.insert("banners".into(), json!([]));
            m.insert("avatar".into(), legacy_avatar(m.get("avatars")));
        }
        v
    }

    /// VideoChannelSummary.
    pub fn channel_summary(&self, idx: usize) -> Value {
        let Some(c) = self.channel(idx) else {
            return Value::Null;
        };
        let host = self.host(c.origin);
        json!({
            "id": c.id,
            "name": c.name,
            "displayName": c.display_name,
            "url": format!("http://{host}/video-channels/{}", c.name),
            "host": host,
            "avatars": self.avatars(
                "channel",
                c.id,
                (c.avatar, c.avatar_version),
                c.origin,
                &c.created_at
            ),
        })
    }

    /// Full VideoChannel.
    pub fn channel_full(&self, idx: usize) -> Value {
        let Some(c) = self.channel(idx) else {
            return Value::Null;
        };
        let mut v = self.channel_summary(idx);
        if let Value::Object(m) = &mut v {
            m.insert("description".into(), json!(c.description));
            m.insert("support".into(), json!(c.support));
            m.insert("followersCount".into(), json!(c.followers));
            m.insert("followingCount".into(), json!(0));
            m.insert("createdAt".into(), json!(date(&c.created_at)));
            m.insert("updatedAt".into(), json!(date(&c.updated_at)));
            m.insert("isLocal".into(), json!(c.origin.is_local()));
            m.insert("banners".into(), json!([]));
            m.insert("avatar".into(), legacy_avatar(m.get("avatars")));
            m.insert("hostRedundancyAllowed".into(), json!(c.id % 2 == 0));
            if self.inst.version.rich_labels() {
                m.insert("videosCount".into(), json!(self.videos_count(idx)));
            }
            m.insert("ownerAccount".into(), self.account_full(c.account));
        }
        v
    }

    /// Videos of channel `idx` this instance lists (PeerTube counts the
    /// channel's videos it knows).
    fn videos_count(&self, idx: usize) -> usize {
        self.content
            .videos
            .iter()
            .filter(|v| v.channel == idx)
            .count()
    }

    /// The `thumbnails` array of PeerTube 8.1+: two sizes of one image.
    fn thumbnails(&self, host: &str, stem: &str) -> Value {
        json!([
            {"width": 560, "height": 315, "aspectRatio": "16:9",
             "fileUrl": format!("http://{host}/lazy-static/thumbnails/{stem}-560.jpg")},
            {"width": 1280, "height": 720, "aspectRatio": "16:9",
             "fileUrl": format!("http://{host}/lazy-static/thumbnails/{stem}-1280.jpg")},
        ])
    }

    fn video_common(&self, v: &Video) -> serde_json::Map<String, Value> {
        let host = self.host(v.origin);
        let short = short_uuid::encode(&v.uuid);
        let account = self
            .channel(v.channel)
            .map(|c| c.account)
            .unwrap_or(usize::MAX);
        let version = self.inst.version;
        let language = match v.language {
            Some(l) if version.rich_labels() => {
                json!({"id": l.code(), "label": l.label_with_region()})
            }
            Some(l) => json!({"id": l.code(), "label": l.label()}),
            None => json!({"id": null, "label": "Unknown"}),
        };
        let obj = json!({
            "id": v.id,
            "uuid": v.uuid.to_string(),
            "shortUUID": short,
            "isLive": v.is_live,
            "createdAt": date(&v.created_at),
            "publishedAt": date(&v.published_at),
            "updatedAt": date(&v.updated_at),
            "originallyPublishedAt": v.originally_published_at.as_ref().map(date),
            "category": {"id": v.category, "label": content::category_label(v.category)},
            "licence": {"id": v.licence, "label": content::licence_label(v.licence)},
            "language": language,
            "privacy": {"id": 1, "label": "Public"},
            "truncatedDescription": truncate(&v.description, 250),
            "description": truncate(&v.description, 250),
            "duration": v.duration,
            "aspectRatio": v.aspect_ratio,
            "isLocal": v.origin.is_local(),
            "name": v.name,
            "thumbnailPath": format!("/lazy-static/thumbnails/{}.jpg", v.uuid),
            "previewPath": format!("/lazy-static/previews/{}.jpg", v.uuid),
            "embedPath": format!("/videos/embed/{}", v.uuid),
            "views": v.views,
            "viewers": v.viewers,
            "likes": v.likes,
            "dislikes": v.dislikes,
            "nsfw": v.nsfw,
            "state": {"id": 1, "label": "Published"},
            "waitTranscoding": false,
            "account": self.account_summary(account),
            "channel": self.channel_summary(v.channel),
            "url": format!("http://{host}/videos/watch/{}", v.uuid),
        });
        let mut m = match obj {
            Value::Object(m) => m,
            _ => serde_json::Map::new(),
        };
        if version.nsfw_flags() {
            m.insert("nsfwFlags".into(), json!(v.nsfw_flags));
            m.insert("nsfwSummary".into(), json!(nsfw_summary(v.nsfw_flags)));
            m.insert("downloads".into(), json!(v.views / 20));
        }
        if version.thumbnails_array() {
            m.remove("thumbnailPath");
            m.remove("previewPath");
            m.insert(
                "thumbnails".into(),
                self.thumbnails(host, &v.uuid.to_string()),
            );
        }
        m
    }

    /// A video as it appears in lists (no tags, truncated description).
    pub fn video_item(&self, v: &Video) -> Value {
        Value::Object(self.video_common(v))
    }

    /// A video's details (tags, full description, full channel and account).
    pub fn video_details(&self, v: &Video) -> Value {
        let mut m = self.video_common(v);
        let account = self
            .channel(v.channel)
            .map(|c| c.account)
            .unwrap_or(usize::MAX);
        m.insert("description".into(), json!(v.description));
        m.insert(
            "descriptionPath".into(),
            json!(format!("/api/v1/videos/{}/description", v.uuid)),
        );
        m.insert(
            "support".into(),
            json!(self.channel(v.channel).map(|c| c.support.clone())),
        );
        m.insert("tags".into(), json!(v.tags));
        m.insert("channel".into(), self.channel_full(v.channel));
        m.insert("account".into(), self.account_full(account));
        m.insert("commentsEnabled".into(), json!(true));
        m.insert(
            "commentsPolicy".into(),
            json!({"id": 1, "label": "Enabled"}),
        );
        m.insert("downloadEnabled".into(), json!(true));
        m.insert("files".into(), json!([]));
        m.insert("streamingPlaylists".into(), json!([]));
        m.insert("trackerUrls".into(), json!([]));
        Value::Object(m)
    }

    /// A playlist.
    pub fn playlist(&self, p: &Playlist) -> Value {
        let host = self.host(p.origin);
        let short = short_uuid::encode(&p.uuid);
        let account = self
            .channel(p.channel)
            .map(|c| c.account)
            .unwrap_or(usize::MAX);
        let privacy = if p.privacy == 2 { "Unlisted" } else { "Public" };
        let kind = if p.kind == 2 {
            "Watch later"
        } else {
            "Regular"
        };
        let mut out = json!({
            "id": p.id,
            "uuid": p.uuid.to_string(),
            "shortUUID": short,
            "isLocal": p.origin.is_local(),
            "url": format!("http://{host}/videos/watch/playlist/{}", p.uuid),
            "displayName": p.display_name,
            "description": p.description,
            "privacy": {"id": p.privacy, "label": privacy},
            "videosLength": p.videos_length,
            "type": {"id": p.kind, "label": kind},
            "thumbnailPath": format!("/lazy-static/thumbnails/playlist-{}.jpg", p.uuid),
            "embedPath": format!("/video-playlists/embed/{}", p.uuid),
            "createdAt": date(&p.created_at),
            "updatedAt": date(&p.updated_at),
            "ownerAccount": self.account_summary(account),
            "videoChannel": self.channel_summary(p.channel),
            "videoChannelPosition": 1,
        });
        if self.inst.version.thumbnails_array()
            && let Value::Object(m) = &mut out
        {
            m.remove("thumbnailPath");
            m.insert(
                "thumbnails".into(),
                self.thumbnails(host, &format!("playlist-{}", p.uuid)),
            );
        }
        out
    }
}

/// What an uploader writes about flags, or null without flags.
fn nsfw_summary(flags: u8) -> Value {
    match flags {
        0 => Value::Null,
        1 => json!("Violence"),
        2 => json!("Explicit sex"),
        _ => json!("Violence and explicit sex"),
    }
}

/// The file name of an avatar: `<kind><id>-<variant>-<width>.png`, with
/// `-v<version>` before `.png` once the avatar was changed (so content
/// never changed keeps the names it always had).
pub fn avatar_file(kind: &str, id: u64, variant: usize, version: u32, width: u32) -> String {
    if version == 0 {
        format!("{kind}{id}-{variant}-{width}.png")
    } else {
        format!("{kind}{id}-{variant}-{width}-v{version}.png")
    }
}

/// PeerTube's deprecated single `avatar`: its first stored avatar.
fn legacy_avatar(avatars: Option<&Value>) -> Value {
    avatars
        .and_then(|a| a.as_array())
        .and_then(|a| a.first())
        .cloned()
        .unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_have_millis_and_z() {
        let d = content::reference_now();
        assert_eq!(date(&d), "2025-06-01T12:00:00.000Z");
    }

    #[test]
    fn truncation_is_bounded() {
        let long = "é".repeat(400);
        assert_eq!(truncate(&long, 250).chars().count(), 250);
        assert_eq!(truncate("short", 250), "short");
    }
}
