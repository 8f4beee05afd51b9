//! A benchmark corpus: the same generated content as the simulated
//! instances, written as the JSON Lines `sepiola index import` reads (one
//! API object per line with its `kind` and `host`). Deterministic from the
//! seed; instance sizes follow the same long-tailed law as the simulation.
//! Mobilizon events and groups follow the PeerTube documents
//! ([`crate::mobilizon_corpus`]), so a corpus without them is a prefix of
//! one with them.

use std::io::Write;

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::content::{self, GenParams, InstanceContent, Origin};
use crate::render::date;
use crate::short_uuid;

/// How big a corpus to write.
#[derive(Debug, Clone, Copy)]
pub struct CorpusSize {
    /// Seed.
    pub seed: u64,
    /// Instances the videos are spread over.
    pub instances: usize,
    /// Videos in total.
    pub videos: u64,
    /// Channels in total (at most the number the instances have).
    pub channels: u64,
    /// Playlists in total (at most the number the instances have).
    pub playlists: u64,
    /// Mobilizon instances the events and groups are spread over.
    pub mobilizon_instances: usize,
    /// Mobilizon events in total.
    pub events: u64,
    /// Mobilizon groups in total.
    pub groups: u64,
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CorpusCounts {
    /// Video lines.
    pub videos: u64,
    /// Channel lines.
    pub channels: u64,
    /// Playlist lines.
    pub playlists: u64,
    /// Event lines.
    pub events: u64,
    /// Group lines.
    pub groups: u64,
}

/// The synthetic host name of instance `i` of a corpus.
pub fn corpus_host(i: usize) -> String {
    format!("tube{i:04}.peertube.example")
}

/// Writes the corpus as JSON Lines.
pub fn write_corpus(size: CorpusSize, out: &mut dyn Write) -> std::io::Result<CorpusCounts> {
    let sizes = content::instance_sizes(size.seed, size.instances, 0.0, Some(size.videos));
    let mut counts = CorpusCounts::default();
    let mut videos_done: u64 = 0;
    for (i, n) in sizes.iter().enumerate() {
        let c = content::generate(GenParams {
            seed: size.seed,
            index: i as u64,
            videos: *n,
            with_remote: false,
        });
        let host = corpus_host(i);
        let w = Writer { c: &c, host: &host };
        for v in c.videos.iter().filter(|v| v.origin == Origin::Local) {
            line(out, &w.video(v))?;
            counts.videos += 1;
        }
        videos_done += *n as u64;
        // Channels and playlists in proportion to the videos written so far.
        let share = |total: u64| total * videos_done / size.videos.max(1);
        for (idx, ch) in c.channels.iter().enumerate() {
            let Some(ch) = ch else { continue };
            if ch.origin != Origin::Local || counts.channels >= share(size.channels) {
                continue;
            }
            line(out, &w.channel(idx))?;
            counts.channels += 1;
        }
        for p in c
            .playlists
            .iter()
            .filter(|p| p.origin == Origin::Local && p.privacy == 1)
        {
            if counts.playlists >= share(size.playlists) {
                break;
            }
            line(out, &w.playlist(p))?;
            counts.playlists += 1;
        }
    }
    let m = crate::mobilizon_corpus::write_mobilizon(
        size.seed,
        size.mobilizon_instances,
        size.events,
        size.groups,
        out,
    )?;
    counts.events = m.events;
    counts.groups = m.groups;
    Ok(counts)
}

fn line(out: &mut dyn Write, v: &Value) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, v)?;
    out.write_all(b"\n")
}

struct Writer<'a> {
    c: &'a InstanceContent,
    host: &'a str,
}

impl Writer<'_> {
    fn base(&self) -> String {
        format!("https://{}", self.host)
    }

    fn avatars(&self, kind: &str, id: u64, variant: usize, created: &DateTime<Utc>) -> Value {
        let imgs: Vec<Value> = [48u32, 120]
            .iter()
            .map(|w| {
                let path = format!("/lazy-static/avatars/{kind}{id}-{variant}-{w}.png");
                json!({"width": w, "height": w, "path": path, "fileUrl": format!("{}{path}", self.base()),
                       "createdAt": date(created), "updatedAt": date(created)})
            })
            .collect();
        Value::Array(imgs)
    }

    fn account(&self, idx: usize) -> Value {
        let Some(a) = self.c.accounts.get(idx) else {
            return Value::Null;
        };
        json!({"id": a.id, "name": a.name, "displayName": a.display_name,
               "url": format!("{}/accounts/{}", self.base(), a.name), "host": self.host,
               "avatars": self.avatars("account", a.id, a.avatar, &a.created_at)})
    }

    fn channel_summary(&self, idx: usize) -> Value {
        let Some(Some(ch)) = self.c.channels.get(idx) else {
            return Value::Null;
        };
        json!({"id": ch.id, "name": ch.name, "displayName": ch.display_name,
               "url": format!("{}/video-channels/{}", self.base(), ch.name), "host": self.host,
               "avatars": self.avatars("channel", ch.id, ch.avatar, &ch.created_at)})
    }

    fn video(&self, v: &content::Video) -> Value {
        let owner = self
            .c
            .channels
            .get(v.channel)
            .and_then(|c| c.as_ref())
            .map(|c| c.account)
            .unwrap_or(0);
        let uuid = v.uuid.to_string();
        json!({
            "kind": "video", "host": self.host, "id": v.id, "uuid": uuid,
            "shortUUID": short_uuid::encode(&v.uuid), "name": v.name,
            "description": v.description, "duration": v.duration, "tags": v.tags,
            "category": {"id": v.category}, "licence": {"id": v.licence},
            "language": {"id": v.language.map(|l| l.code())}, "privacy": {"id": 1},
            "createdAt": date(&v.created_at), "updatedAt": date(&v.updated_at),
            "publishedAt": date(&v.published_at),
            "originallyPublishedAt": v.originally_published_at.as_ref().map(date),
            "thumbnailPath": format!("/lazy-static/thumbnails/{uuid}.jpg"),
            "previewPath": format!("/lazy-static/previews/{uuid}.jpg"),
            "embedPath": format!("/videos/embed/{uuid}"),
            "url": format!("{}/videos/watch/{uuid}", self.base()),
            "views": v.views, "viewers": v.viewers, "likes": v.likes, "dislikes": v.dislikes,
            "isLive": v.is_live, "nsfw": v.nsfw, "aspectRatio": v.aspect_ratio,
            "account": self.account(owner), "channel": self.channel_summary(v.channel),
        })
    }

    fn channel(&self, idx: usize) -> Value {
        let Some(Some(ch)) = self.c.channels.get(idx) else {
            return Value::Null;
        };
        let mut owner = self.account(ch.account);
        if let Some(a) = self.c.accounts.get(ch.account) {
            owner["description"] = json!(a.description);
            owner["followersCount"] = json!(a.followers);
        }
        json!({
            "kind": "channel", "id": ch.id, "name": ch.name, "host": self.host,
            "url": format!("{}/video-channels/{}", self.base(), ch.name),
            "displayName": ch.display_name, "description": ch.description, "support": ch.support,
            "followersCount": ch.followers, "followingCount": 0,
            "createdAt": date(&ch.created_at), "updatedAt": date(&ch.updated_at),
            "avatars": self.avatars("channel", ch.id, ch.avatar, &ch.created_at), "banners": [],
            "ownerAccount": owner,
        })
    }

    fn playlist(&self, p: &content::Playlist) -> Value {
        let owner = self
            .c
            .channels
            .get(p.channel)
            .and_then(|c| c.as_ref())
            .map(|c| c.account)
            .unwrap_or(0);
        let uuid = p.uuid.to_string();
        let short = short_uuid::encode(&p.uuid);
        json!({
            "kind": "playlist", "host": self.host, "id": p.id, "uuid": uuid, "shortUUID": short,
            "displayName": p.display_name, "description": p.description,
            "privacy": {"id": p.privacy}, "videosLength": p.videos_length, "type": {"id": p.kind},
            "thumbnailPath": format!("/lazy-static/thumbnails/playlist-{uuid}.jpg"),
            "embedPath": format!("/video-playlists/embed/{short}"),
            "url": format!("{}/w/p/{short}", self.base()),
            "createdAt": date(&p.created_at), "updatedAt": date(&p.updated_at),
            "ownerAccount": self.account(owner), "videoChannel": self.channel_summary(p.channel),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_is_deterministic_and_sized() {
        let size = CorpusSize {
            seed: 7,
            instances: 12,
            videos: 600,
            channels: 60,
            playlists: 20,
            mobilizon_instances: 4,
            events: 50,
            groups: 10,
        };
        let mut a = Vec::new();
        let counts = write_corpus(size, &mut a).unwrap();
        let mut b = Vec::new();
        write_corpus(size, &mut b).unwrap();
        assert_eq!(a, b);
        assert_eq!(counts.videos, 600);
        assert_eq!((counts.events, counts.groups), (50, 10));
        assert!(counts.channels <= 60 && counts.channels >= 50, "{counts:?}");
        assert!(
            counts.playlists <= 20 && counts.playlists >= 15,
            "{counts:?}"
        );
        let first: Value =
            serde_json::from_slice(a.split(|&c| c == b'\n').next().unwrap()).unwrap();
        assert_eq!(first["kind"], "video");
        assert!(first["tags"].is_array());
        assert!(first["url"].as_str().unwrap().starts_with("https://tube0"));
    }
}
