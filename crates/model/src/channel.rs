//! The video channel object, shaped as PeerTube's `VideoChannel`
//! (<https://docs.joinpeertube.org/api-rest-reference.html>).

use serde::{Deserialize, Serialize};

use crate::actor::{ActorImage, ActorSummary, OwnerAccount};
use crate::document::{DocKind, Document, document_fields};
use crate::error::ModelError;
use crate::host::normalize_host;
use crate::limits::MAX_DESCRIPTION_CHARS;
use crate::origin::Origin;
use crate::text;
use crate::time::Timestamp;

/// A PeerTube video channel as the search API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Channel {
    /// Id on the origin instance.
    #[serde(default)]
    pub id: i64,
    /// Preferred username of the channel.
    pub name: String,
    /// Host of the channel's instance.
    pub host: String,
    /// Absolute URL of the channel on its instance.
    #[serde(default)]
    pub url: String,
    /// Display name.
    #[serde(default)]
    pub display_name: String,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Support text.
    #[serde(default)]
    pub support: Option<String>,
    /// Followers (NewPipe recognises channels by this field).
    #[serde(default)]
    pub followers_count: u64,
    /// Followings.
    #[serde(default)]
    pub following_count: u64,
    /// Number of videos, as the instance counts them (PeerTube sends it
    /// when asked for channel statistics), when known.
    #[serde(default)]
    pub videos_count: Option<u64>,
    /// Whether the channel's instance allows others to mirror (make
    /// redundant copies of) its videos, as PeerTube's `Actor` says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_redundancy_allowed: Option<bool>,
    /// Creation date.
    pub created_at: Timestamp,
    /// Last update.
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
    /// Always false here.
    #[serde(default)]
    pub is_local: bool,
    /// Avatars, in the order the instance sent them.
    #[serde(default)]
    pub avatars: Vec<ActorImage>,
    /// Legacy single avatar: the largest of `avatars` ([`crate::actor::largest`]).
    #[serde(default)]
    pub avatar: Option<ActorImage>,
    /// Banners.
    #[serde(default)]
    pub banners: Vec<ActorImage>,
    /// The account that owns the channel.
    pub owner_account: OwnerAccount,
}

impl Document for Channel {
    const KIND: DocKind = DocKind::Channel;

    /// Cleans, checks origins and fills derived fields, reusing the actor rules.
    fn normalize(&mut self) -> Result<(), ModelError> {
        // Reuse the actor rules for name, host, url and avatars.
        let mut me = ActorSummary {
            id: self.id,
            name: std::mem::take(&mut self.name),
            display_name: std::mem::take(&mut self.display_name),
            url: std::mem::take(&mut self.url),
            host: std::mem::take(&mut self.host),
            avatars: std::mem::take(&mut self.avatars),
            avatar: self.avatar.take(),
            ..Default::default()
        };
        if me.url.is_empty()
            && let Some(h) = normalize_host(&me.host)
        {
            me.url = Origin::for_host(&h, "").join(&format!("/video-channels/{}", me.name));
        }
        me.normalize("channel")?;
        self.name = me.name;
        self.display_name = me.display_name;
        self.url = me.url;
        self.host = me.host;
        self.avatars = me.avatars;
        self.avatar = me.avatar;
        let origin = Origin::for_host(&self.host, &self.url);
        self.banners.truncate(4);
        for b in &mut self.banners {
            b.normalize(&origin, "banners")?;
        }
        self.description = text::clean_opt_text(self.description.as_deref(), MAX_DESCRIPTION_CHARS);
        self.support = text::clean_opt_text(self.support.as_deref(), 1_000);
        self.is_local = false;
        self.owner_account.normalize("ownerAccount")?;
        Ok(())
    }

    document_fields!(id: name, title: display_name);

    fn created_at(&self) -> Timestamp {
        self.created_at
    }

    fn updated_at(&self) -> Timestamp {
        self.updated_at.unwrap_or(self.created_at)
    }

    fn account_handle(&self) -> Option<String> {
        Some(self.owner_account.handle())
    }

    /// Everything the channel's answer shows except its counts (which move
    /// all the time and are refreshed whenever the channel is written):
    /// names, description, support, avatars, banners, URL and its owner.
    fn content_hash(&self) -> u64 {
        let mut seen = self.clone();
        seen.followers_count = 0;
        seen.following_count = 0;
        seen.videos_count = None;
        seen.updated_at = None;
        seen.owner_account.followers_count = None;
        seen.owner_account.following_count = None;
        crate::stamp::json_hash(&seen)
    }
}

impl Channel {
    /// The channel as videos and playlists embed it (`channel`,
    /// `videoChannel`): id, names, URL, host and avatars.
    pub fn summary(&self) -> ActorSummary {
        ActorSummary {
            id: self.id,
            name: self.name.clone(),
            display_name: self.display_name.clone(),
            url: self.url.clone(),
            host: self.host.clone(),
            avatars: self.avatars.clone(),
            avatar: self.avatar.clone(),
            ..Default::default()
        }
    }

    /// `name@host`, the handle the `handles` filter matches.
    pub fn handle(&self) -> String {
        format!("{}@{}", self.name, self.host)
    }
}
