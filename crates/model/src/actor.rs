//! Accounts, channels as summaries, and their images, shaped as PeerTube's
//! `Account` and `ActorImage` (<https://docs.joinpeertube.org/api-rest-reference.html>).

use serde::{Deserialize, Serialize};

use crate::error::ModelError;
use crate::host::normalize_host;
use crate::limits::MAX_ACTOR_NAME_CHARS;
use crate::origin::Origin;
use crate::text;
use crate::time::Timestamp;

/// An avatar or banner. `path` stays relative to the origin (NewPipe and
/// Grayjay join it to the origin themselves); `fileUrl` and `url` are absolute
/// (PeerTube's client would otherwise prefix its own host).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ActorImage {
    /// Width in pixels, when known.
    #[serde(default)]
    pub width: Option<u32>,
    /// Height in pixels, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Path relative to the origin host.
    #[serde(default)]
    pub path: String,
    /// Absolute URL of the image file.
    #[serde(default)]
    pub file_url: Option<String>,
    /// Absolute URL of the image (same as `fileUrl`, for older clients).
    #[serde(default)]
    pub url: Option<String>,
    /// When the image was set.
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    /// When the image was last changed.
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
}

impl ActorImage {
    /// Checks the path and URLs against the origin and fills the absolute URLs.
    pub fn normalize(&mut self, origin: &Origin, field: &'static str) -> Result<(), ModelError> {
        if self.path.is_empty()
            && let Some(u) = self.file_url.clone().or_else(|| self.url.clone())
        {
            self.path = origin.path_of(field, &u)?;
        }
        origin.check_path(field, &self.path)?;
        let abs = origin.join(&self.path);
        self.file_url = Some(abs.clone());
        self.url = Some(abs);
        Ok(())
    }
}

/// An account or channel as it appears inside another object (`account`,
/// `channel`, `ownerAccount`, `videoChannel`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ActorSummary {
    /// Id on the origin instance.
    #[serde(default)]
    pub id: i64,
    /// Preferred username (the part before `@`).
    pub name: String,
    /// Display name.
    #[serde(default)]
    pub display_name: String,
    /// Absolute URL of the actor's page on its instance.
    #[serde(default)]
    pub url: String,
    /// Host of the actor (with port when not the default).
    pub host: String,
    /// Avatars, in the order the instance sent them.
    #[serde(default)]
    pub avatars: Vec<ActorImage>,
    /// Legacy single avatar (pre-PeerTube 4.2 shape), Grayjay still reads it.
    #[serde(default)]
    pub avatar: Option<ActorImage>,
    /// Description (owner accounts of channels only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Followers (owner accounts of channels only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followers_count: Option<u64>,
    /// Followings (owner accounts of channels only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub following_count: Option<u64>,
    /// Creation date (owner accounts of channels only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// Last update (owner accounts of channels only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

/// The image the legacy single `avatar` field shows: the largest (by
/// width, then height; the last of equals). PeerTube's own legacy field is
/// its first stored avatar (`ActorModel.toFormattedSummaryJSON`,
/// `this.Avatars[0]`), whose size depends on storage order; the largest is
/// the rule PeerTube applies wherever it picks one avatar on purpose
/// (`getMaxQualityImage`, by height), and one rule for every actor.
pub fn largest(images: &[ActorImage]) -> Option<&ActorImage> {
    images
        .iter()
        .max_by_key(|i| (i.width.unwrap_or(0), i.height.unwrap_or(0)))
}

/// The owner of a channel or playlist: a summary with its optional extras.
pub type OwnerAccount = ActorSummary;

/// Longest accepted actor name, display name (kept here for callers).
pub const MAX_NAME_CHARS: usize = MAX_ACTOR_NAME_CHARS;

impl ActorSummary {
    /// `name@host`, the handle `blockedAccounts` and `handles` speak of.
    pub fn handle(&self) -> String {
        format!("{}@{}", self.name, self.host)
    }

    /// The summary alone, without the extras only owner accounts of
    /// channels carry (description, counts, dates): the shape videos and
    /// playlists embed, and what [`ActorSummary::summary_hash`] covers.
    pub fn summary(&self) -> ActorSummary {
        ActorSummary {
            description: None,
            followers_count: None,
            following_count: None,
            created_at: None,
            updated_at: None,
            ..self.clone()
        }
    }

    /// Stable hash of [`ActorSummary::summary`] (names, URL, avatar paths
    /// and sizes): two embedded copies of an actor with equal hashes show
    /// clients the same thing. The index keeps it per embedded actor so a
    /// stale copy is one term query away.
    pub fn summary_hash(&self) -> u64 {
        crate::stamp::json_hash(&self.summary())
    }

    /// Cleans the text, checks the URLs belong to the actor's own host and
    /// fills the derived fields (absolute image URLs, legacy `avatar`).
    pub fn normalize(&mut self, field: &'static str) -> Result<(), ModelError> {
        self.name = text::clean_line(&self.name, MAX_NAME_CHARS);
        if self.name.is_empty() || self.name.contains('@') {
            return Err(ModelError::Invalid {
                field,
                reason: "actor name is empty or contains @".into(),
            });
        }
        self.host = normalize_host(&self.host).ok_or(ModelError::Invalid {
            field,
            reason: "actor host is not a host name".into(),
        })?;
        self.display_name = text::clean_line(&self.display_name, MAX_NAME_CHARS);
        if self.display_name.is_empty() {
            self.display_name = self.name.clone();
        }
        if let Some(d) = &self.description {
            self.description = Some(text::clean(d, 2_000));
        }
        let origin = Origin::for_host(&self.host, &self.url);
        if self.url.is_empty() {
            self.url = origin.join(&format!("/a/{}", self.name));
        } else {
            origin.check_url(field, &self.url)?;
        }
        self.avatars.truncate(8);
        for a in &mut self.avatars {
            a.normalize(&origin, field)?;
        }
        if self.avatars.is_empty()
            && let Some(mut legacy) = self.avatar.take()
        {
            legacy.normalize(&origin, field)?;
            self.avatars.push(legacy);
        }
        self.avatar = largest(&self.avatars).cloned();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_fills_absolute_image_urls_and_keeps_paths_relative() {
        let mut a = ActorSummary {
            name: "alice".into(),
            host: "tube.example:8443".into(),
            url: "https://tube.example:8443/a/alice".into(),
            avatars: vec![ActorImage {
                path: "/lazy-static/avatars/a.png".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        a.normalize("account").unwrap();
        assert_eq!(a.display_name, "alice");
        assert_eq!(a.avatars[0].path, "/lazy-static/avatars/a.png");
        assert_eq!(
            a.avatars[0].file_url.as_deref(),
            Some("https://tube.example:8443/lazy-static/avatars/a.png")
        );
        assert_eq!(a.avatar, a.avatars.last().cloned());
        assert_eq!(a.handle(), "alice@tube.example:8443");
    }

    #[test]
    fn the_legacy_avatar_is_always_the_largest() {
        let img = |w: u32| ActorImage {
            width: Some(w),
            height: Some(w),
            path: format!("/lazy-static/avatars/a-{w}.png"),
            ..Default::default()
        };
        for order in [vec![48, 1500, 120], vec![1500, 48], vec![120, 48, 600]] {
            let max = *order.iter().max().unwrap();
            let mut a = ActorSummary {
                name: "alice".into(),
                host: "tube.example".into(),
                avatars: order.into_iter().map(img).collect(),
                ..Default::default()
            };
            a.normalize("account").unwrap();
            assert_eq!(a.avatar.unwrap().width, Some(max));
        }
    }

    #[test]
    fn foreign_urls_are_refused() {
        let mut a = ActorSummary {
            name: "alice".into(),
            host: "tube.example".into(),
            url: "https://evil.example/a/alice".into(),
            ..Default::default()
        };
        assert!(a.normalize("account").is_err());
        a.url = "javascript:alert(1)".into();
        assert!(a.normalize("account").is_err());
    }
}
