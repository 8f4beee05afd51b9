//! What every pass over a host shares: which pass it is, and the crawler's
//! parts it works with (client, index, settings, uuid claims).

use std::sync::Arc;

use sepiola_index::SearchIndex;

use crate::claims::UuidClaims;
use crate::client::Fetcher;
use crate::settings::CrawlSettings;

/// Which pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PassKind {
    /// Everything, with deletions.
    Full,
    /// The newest videos.
    Quick,
}

/// What a pass needs from the crawler.
#[derive(Clone)]
pub struct PassContext {
    /// The HTTP client.
    pub fetcher: Arc<Fetcher>,
    /// The index.
    pub index: Arc<SearchIndex>,
    /// The settings.
    pub settings: Arc<CrawlSettings>,
    /// uuid owners of this run.
    pub claims: Arc<UuidClaims>,
}
