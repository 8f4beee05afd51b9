//! PeerTube: its wire shapes ([`mapping`]), the page source of its REST
//! listings ([`RestPages`]) and one [`crate::listing::ListedKind`] per
//! listed kind: [`videos`], [`channels`], [`playlists`].

pub mod channels;
pub mod mapping;
#[cfg(test)]
mod mapping_fuzz;
pub mod playlists;
pub mod videos;

pub use mapping::{MAX_PAGE_ITEMS, Reject, channel, list_page, playlist, video};

use crate::error::{CrawlError, FetchError};
use crate::listing::{HostCx, ListPage, PageRequest, PageSource};

/// A PeerTube REST listing: `GET <path>?start=…&count=…&<params>`,
/// answering `{total, data: [...]}`.
#[derive(Debug, Clone, Copy)]
pub struct RestPages {
    path: &'static str,
    params: &'static [(&'static str, &'static str)],
}

impl RestPages {
    /// The listing at `path`, with fixed query parameters after `start`
    /// and `count`.
    pub const fn new(path: &'static str, params: &'static [(&'static str, &'static str)]) -> Self {
        RestPages { path, params }
    }
}

impl PageSource for RestPages {
    async fn fetch(&mut self, cx: &mut HostCx, page: PageRequest) -> Result<ListPage, CrawlError> {
        let mut url = cx.url(self.path)?;
        url.query_pairs_mut()
            .append_pair("start", &page.start.to_string())
            .append_pair("count", &page.size.to_string())
            .extend_pairs(self.params);
        let what = url.path().to_string();
        let body = cx.get(url).await?;
        list_page(body).map_err(|e| CrawlError::Fetch {
            what,
            source: FetchError::Json(e.to_string()),
        })
    }
}
