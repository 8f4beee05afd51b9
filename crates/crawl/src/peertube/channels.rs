//! PeerTube channels as a listed kind: `/api/v1/video-channels`, remote
//! channels (which the listing includes) skipped quietly, no uuid. Every
//! listed channel is also noted with its owner account: the listing is
//! where sepiola learns the current face of channels and accounts, whose
//! copies embedded in videos, playlists and other channels are then
//! refreshed ([`sepiola_index::SearchIndex::rewrite_actors`]).

use serde_json::Value;

use sepiola_index::{ActorRole, ActorUpdates};
use sepiola_model::Channel;
use sepiola_model::host::normalize_host;

use super::{Reject, RestPages, mapping};
use crate::listing::ListedKind;

/// Every channel of the host.
/// `withStats=true` asks for `videosCount`, which PeerTube (≥ 4) computes
/// only when channel statistics are asked for; instances that do not know
/// the parameter ignore it.
pub const PAGES: RestPages = RestPages::new("/api/v1/video-channels", &[("withStats", "true")]);

/// The channel plug-in of the listing driver; remembers the channels and
/// owner accounts it listed.
#[derive(Debug, Default)]
pub struct Channels {
    actors: ActorUpdates,
}

impl Channels {
    /// The listed channels and their owner accounts, as documents embed
    /// them.
    pub fn into_actors(self) -> ActorUpdates {
        self.actors
    }
}

impl ListedKind for Channels {
    type Doc = Channel;
    const NAME: &'static str = "channel";

    fn parse(&self, item: &Value, host: &str) -> Result<Option<Channel>, Reject> {
        // Remote channels are listed too: skip them quietly.
        if item
            .get("host")
            .and_then(Value::as_str)
            .and_then(normalize_host)
            .is_some_and(|h| h != host)
        {
            return Ok(None);
        }
        mapping::channel(item, host).map(Some)
    }

    fn listed(&mut self, c: &Channel) {
        self.actors.insert(ActorRole::Channel, c.summary());
        self.actors
            .insert(ActorRole::Account, c.owner_account.clone());
    }
}
