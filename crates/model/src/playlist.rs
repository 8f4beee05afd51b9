//! The video playlist object, shaped as PeerTube's `VideoPlaylist`
//! (<https://docs.joinpeertube.org/api-rest-reference.html>).

use serde::{Deserialize, Serialize};

use crate::actor::{ActorSummary, OwnerAccount};
use crate::document::{DocKind, Document, document_fields};
use crate::error::ModelError;
use crate::host::normalize_host;
use crate::ids::normalize_ids;
use crate::labels::{self, NumericLabel};
use crate::limits::{MAX_DESCRIPTION_CHARS, MAX_NAME_CHARS};
use crate::origin::{Origin, fill_image};
use crate::text;
use crate::thumbnail::{LEGACY_THUMBNAIL_SIZE, Legacy, Thumbnail, normalize_thumbnails};
use crate::time::Timestamp;

/// A PeerTube video playlist as the search API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Playlist {
    /// Host of the instance the playlist was crawled from.
    pub host: String,
    /// Id on the origin instance.
    #[serde(default)]
    pub id: i64,
    /// UUID on the origin instance.
    pub uuid: String,
    /// Base58 form of the uuid.
    #[serde(rename = "shortUUID", default)]
    pub short_uuid: String,
    /// Title.
    pub display_name: String,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Privacy: always Public in the index.
    #[serde(default)]
    pub privacy: NumericLabel,
    /// Number of videos (Sepia's client and NewPipe recognise playlists by it).
    #[serde(default)]
    pub videos_length: u64,
    /// Type: always Regular in the index.
    #[serde(rename = "type", default)]
    pub kind: NumericLabel,
    /// Thumbnail path, relative to the origin.
    #[serde(default)]
    pub thumbnail_path: Option<String>,
    /// Absolute thumbnail URL.
    #[serde(default)]
    pub thumbnail_url: Option<String>,
    /// Every size of the thumbnail (PeerTube 8.1+ reads only this), each
    /// absolute on the origin, smallest first.
    #[serde(default)]
    pub thumbnails: Vec<Thumbnail>,
    /// Embed path, relative to the origin.
    #[serde(default)]
    pub embed_path: String,
    /// Absolute embed URL.
    #[serde(default)]
    pub embed_url: String,
    /// Absolute URL of the playlist on its instance.
    #[serde(default)]
    pub url: String,
    /// Creation date.
    pub created_at: Timestamp,
    /// Last update.
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
    /// Always false here.
    #[serde(default)]
    pub is_local: bool,
    /// The owner.
    pub owner_account: OwnerAccount,
    /// The channel the playlist belongs to, if any.
    #[serde(default)]
    pub video_channel: Option<ActorSummary>,
    /// The playlist's place among its channel's playlists (PeerTube 7+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video_channel_position: Option<u64>,
}

impl Document for Playlist {
    const KIND: DocKind = DocKind::Playlist;

    /// Cleans, checks origins and fills derived fields.
    fn normalize(&mut self) -> Result<(), ModelError> {
        self.host = normalize_host(&self.host).ok_or(ModelError::Missing("host"))?;
        normalize_ids(&mut self.uuid, &mut self.short_uuid)?;
        self.display_name = text::required_line(&self.display_name, MAX_NAME_CHARS, "displayName")?;
        self.description = text::clean_opt_text(self.description.as_deref(), MAX_DESCRIPTION_CHARS);
        self.privacy = labels::privacy(self.privacy.id.unwrap_or(1));
        self.kind = labels::playlist_type(self.kind.id.unwrap_or(1));
        self.is_local = false;
        let origin = Origin::for_host(&self.host, &self.url);
        if self.url.is_empty() {
            self.url = origin.join(&format!("/videos/watch/playlist/{}", self.uuid));
        } else {
            origin.check_url("url", &self.url)?;
        }
        if self.embed_path.is_empty() {
            let id = if self.short_uuid.is_empty() {
                &self.uuid
            } else {
                &self.short_uuid
            };
            self.embed_path = format!("/video-playlists/embed/{id}");
        }
        origin.check_path("embedPath", &self.embed_path)?;
        self.embed_url = origin.join(&self.embed_path);
        fill_image(
            &origin,
            "thumbnailPath",
            &mut self.thumbnail_path,
            &mut self.thumbnail_url,
        )?;
        normalize_thumbnails(
            &origin,
            &mut self.thumbnails,
            &mut [Legacy {
                field: "thumbnailPath",
                path: &mut self.thumbnail_path,
                url: &mut self.thumbnail_url,
                size: LEGACY_THUMBNAIL_SIZE,
                largest: false,
            }],
        )?;
        self.owner_account.normalize("ownerAccount")?;
        if let Some(c) = &mut self.video_channel {
            c.normalize("videoChannel")?;
        }
        Ok(())
    }

    document_fields!(id: uuid, title: display_name);

    fn created_at(&self) -> Timestamp {
        self.created_at
    }

    fn updated_at(&self) -> Timestamp {
        self.updated_at.unwrap_or(self.created_at)
    }

    fn uuid(&self) -> Option<&str> {
        Some(&self.uuid)
    }

    fn account_handle(&self) -> Option<String> {
        Some(self.owner_account.handle())
    }
}
