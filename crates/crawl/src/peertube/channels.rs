//! PeerTube channels as a listed kind: `/api/v1/video-channels`, remote
//! channels (which the listing includes) skipped quietly, no uuid.

use serde_json::Value;

use sepiola_model::Channel;
use sepiola_model::host::normalize_host;

use super::{Reject, RestPages, mapping};
use crate::listing::ListedKind;

/// Every channel of the host.
/// `withStats=true` asks for `videosCount`, which PeerTube (≥ 4) computes
/// only when channel statistics are asked for; instances that do not know
/// the parameter ignore it.
pub const PAGES: RestPages = RestPages::new("/api/v1/video-channels", &[("withStats", "true")]);

/// The channel plug-in of the listing driver.
#[derive(Debug, Default)]
pub struct Channels;

impl ListedKind for Channels {
    type Doc = Channel;
    const NAME: &'static str = "channel";

    fn parse(item: &Value, host: &str) -> Result<Option<Channel>, Reject> {
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
}
