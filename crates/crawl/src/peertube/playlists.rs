//! PeerTube playlists as a listed kind: public regular playlists
//! (`/api/v1/video-playlists?playlistType=1`), remote ones skipped quietly,
//! uuids owned by the first host that brought them.

use serde_json::Value;

use sepiola_model::Playlist;

use super::{Reject, RestPages, mapping};
use crate::listing::ListedKind;

/// Every regular playlist of the host.
pub const PAGES: RestPages = RestPages::new("/api/v1/video-playlists", &[("playlistType", "1")]);

/// The playlist plug-in of the listing driver.
#[derive(Debug, Default)]
pub struct Playlists;

impl ListedKind for Playlists {
    type Doc = Playlist;
    const NAME: &'static str = "playlist";

    fn parse(&self, item: &Value, host: &str) -> Result<Option<Playlist>, Reject> {
        match mapping::playlist(item, host) {
            Ok(p) => Ok(Some(p)),
            Err(Reject::Remote(_)) => Ok(None),
            Err(r) => Err(r),
        }
    }
}
