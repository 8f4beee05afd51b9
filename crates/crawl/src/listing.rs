//! The listing driver: one loop that reads a host's listing of one kind of
//! document and keeps the index in step with it. Videos, channels and
//! playlists plug into it (see [`crate::peertube`]); Mobilizon events and
//! groups can too.
//!
//! A kind plugs in through two traits:
//!
//! * [`PageSource`] — how page *n* is fetched (PeerTube: `GET ?start=&count=`;
//!   Mobilizon: a GraphQL `POST` with `page`/`limit`), answering the items
//!   and the total the host claims;
//! * [`ListedKind`] — how an item becomes a document, its key and change
//!   stamp, its uuid (first owner wins), and how changed documents are
//!   completed before they are written (video details).
//!
//! The driver ([`run`]) owns everything the kinds share: page caps
//! (`max_pages`, [`QUICK_MAX_PAGES`] for quick passes, the kind's per-host
//! document cap), the quick pass's early stop (a page holding nothing new
//! or changed), the "small host is listed completely" rule
//! (`quick_full_below`), the diff against the index inventory
//! (key → stamp), batch writes with their added/updated/refused counts and
//! uuid ownership checks, and, only when the listing reached its end,
//! deleting what the host no longer lists.

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::sync::Arc;

use serde_json::Value;
use url::Url;

use sepiola_index::IndexError;
use sepiola_model::instance::PassSummary;
use sepiola_model::{ChangeStamp, DocKey, DocKind, Document};

use crate::claims::uuid_taken;
use crate::error::{CrawlError, FetchError};
use crate::pass::{PassContext, PassKind};
use crate::reject::Reject;
use crate::settings::CrawlSettings;

/// Page size of every listing (PeerTube's maximum).
pub const PAGE: u64 = 100;
/// Most pages a quick pass reads on a large host.
pub const QUICK_MAX_PAGES: u64 = 10;

/// One host's side of a pass: where to ask, where to write, what to count.
/// The driver, the kinds and the pass orchestration all work through it so
/// that every request and every refusal lands in the same summary.
pub struct HostCx {
    /// The crawler's client, index, settings and uuid claims.
    pub ctx: PassContext,
    /// The host, `name[:port]`.
    pub host: String,
    /// `scheme://host/`, or None when the host does not make a URL.
    base: Option<Url>,
    /// Counts of the pass so far.
    pub summary: PassSummary,
}

impl HostCx {
    /// A fresh context for one pass over `host`.
    pub fn new(ctx: PassContext, host: &str) -> HostCx {
        let base = Url::parse(&format!("{}://{}/", ctx.settings.scheme, host)).ok();
        HostCx {
            ctx,
            host: host.to_string(),
            base,
            summary: PassSummary::default(),
        }
    }

    /// The URL of `path` on the host.
    pub fn url(&self, path: &str) -> Result<Url, CrawlError> {
        self.base
            .as_ref()
            .and_then(|b| b.join(path).ok())
            .ok_or_else(|| CrawlError::Fetch {
                what: path.to_string(),
                source: FetchError::Refused(format!("{} is not a valid host", self.host)),
            })
    }

    /// GETs JSON from the host, counting the request.
    pub async fn get(&mut self, url: Url) -> Result<Value, CrawlError> {
        self.summary.requests += 1;
        let what = url.path().to_string();
        self.ctx
            .fetcher
            .get_json(&url)
            .await
            .map_err(|source| CrawlError::Fetch { what, source })
    }

    /// Counts and logs a refused document (`what` names its kind).
    pub fn reject(&mut self, what: &str, r: &Reject) {
        self.summary.rejected += 1;
        tracing::debug!(host = %self.host, what, reason = %r, "document refused");
    }

    /// What the index holds for this host of `kind`: key → change stamp.
    pub async fn inventory(
        &self,
        kind: DocKind,
    ) -> Result<HashMap<DocKey, ChangeStamp>, CrawlError> {
        let index = self.ctx.index.clone();
        let host = self.host.clone();
        tokio::task::spawn_blocking(move || index.inventory(kind, &host))
            .await
            .map_err(|e| CrawlError::Task(e.to_string()))?
            .map_err(CrawlError::from)
    }

    async fn delete(&mut self, kind: DocKind, keys: Vec<DocKey>) -> Result<(), CrawlError> {
        if keys.is_empty() {
            return Ok(());
        }
        let n = keys.len() as u64;
        let index = self.ctx.index.clone();
        tokio::task::spawn_blocking(move || {
            for k in keys {
                index.delete(kind, &k)?;
            }
            Ok::<_, IndexError>(())
        })
        .await
        .map_err(|e| CrawlError::Task(e.to_string()))??;
        self.summary.deleted += n;
        Ok(())
    }
}

/// Which page the driver wants: both numbering schemes, so a source can
/// speak offsets (PeerTube's `start`/`count`) or page numbers (Mobilizon's
/// `page`/`limit`, 1-based there: `number + 1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    /// 0-based page number.
    pub number: u64,
    /// Offset of the page's first item.
    pub start: u64,
    /// Items asked for ([`PAGE`]).
    pub size: u64,
}

/// One page of a listing, whatever the wire shape.
#[derive(Debug, Clone, Default)]
pub struct ListPage {
    /// The number of items the host says the whole listing holds, when it
    /// is a sensible number.
    pub total: Option<u64>,
    /// The page's items, still raw.
    pub items: Vec<Value>,
}

/// Where the pages of one listing come from. The driver only says which
/// page it wants; URL, method and body shape are the source's business.
pub trait PageSource: Send {
    /// Fetches one page (counting its requests in `cx.summary`).
    fn fetch(
        &mut self,
        cx: &mut HostCx,
        page: PageRequest,
    ) -> impl Future<Output = Result<ListPage, CrawlError>> + Send;
}

/// What became of a changed document once its kind completed it
/// ([`ListedKind::enrich`]).
#[derive(Debug)]
pub enum Enriched<D> {
    /// Ready to be written.
    Ready(D),
    /// Not there any more (deleted since it was listed, or its complete
    /// form is refused): forgotten as seen, so a complete listing deletes
    /// the indexed copy. The refusal, if any, is counted.
    Gone {
        /// The document's key.
        key: DocKey,
        /// Why it was refused, when it was.
        refused: Option<Reject>,
    },
    /// Not written this time, but still listed: the indexed copy stays.
    Refused(Reject),
}

/// A kind of document that a host lists page by page. Implementations are
/// small: the shared work is the driver's.
pub trait ListedKind: Send + 'static {
    /// The model document (its key, stamp, uuid and record come from
    /// [`Document`]).
    type Doc: Document + Into<sepiola_model::Record>;
    /// Its name in logs.
    const NAME: &'static str;

    /// Most documents listed per host (beyond it the listing is capped and
    /// deletes nothing). Only `max_pages` caps by default.
    fn max_docs(_settings: &CrawlSettings) -> u64 {
        u64::MAX
    }

    /// An item of a page of `host` as a document; `Ok(None)` skips it
    /// quietly (remote content some listings include), `Err` refuses it.
    fn parse(&self, item: &Value, host: &str) -> Result<Option<Self::Doc>, Reject>;

    /// Completes the changed documents of one page before they are
    /// written (PeerTube videos fetch their details). As listed by default.
    fn enrich(
        &mut self,
        _cx: &mut HostCx,
        changed: Vec<Self::Doc>,
    ) -> impl Future<Output = Result<Vec<Enriched<Self::Doc>>, CrawlError>> + Send {
        async move { Ok(changed.into_iter().map(Enriched::Ready).collect()) }
    }

    /// Sees each document about to be written that the index lacks (videos
    /// note their channels).
    fn noticed_new(&mut self, _doc: &Self::Doc) {}

    /// Sees every document the listing holds, changed or not (channels
    /// note their actors, whose embedded copies are then refreshed).
    fn listed(&mut self, _doc: &Self::Doc) {}
}

/// How a listing ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listed {
    /// Whether every document of the host was listed (and what is gone
    /// was deleted).
    pub complete: bool,
    /// Pages read.
    pub pages: u64,
}

/// Reads `kind`'s listing from `source` for a pass of `pass` kind, writes
/// what is new or changed and, when the host was listed completely,
/// deletes what it no longer lists.
///
/// Full passes list everything up to the caps. Quick passes read the
/// newest pages until one holds nothing new or changed, at most
/// [`QUICK_MAX_PAGES`], unless the first page says the host has at most
/// `quick_full_below` documents: then it is listed completely.
pub async fn run<K: ListedKind, S: PageSource>(
    cx: &mut HostCx,
    kind: &mut K,
    source: &mut S,
    pass: PassKind,
) -> Result<Listed, CrawlError> {
    let inventory = Arc::new(cx.inventory(<K::Doc as Document>::KIND).await?);
    let settings = cx.ctx.settings.clone();
    let max_docs = K::max_docs(&settings);
    let mut seen: HashSet<DocKey> = HashSet::new();
    let mut start = 0u64;
    let mut pages = 0u64;
    let mut list_all = pass == PassKind::Full;
    let mut reached_end = false;
    loop {
        let max_pages = if list_all {
            settings.max_pages
        } else {
            settings.max_pages.min(QUICK_MAX_PAGES)
        };
        if pages >= max_pages || seen.len() as u64 >= max_docs {
            if list_all {
                tracing::warn!(host = %cx.host, kind = K::NAME, pages, documents = seen.len(), "listing capped");
            }
            break;
        }
        let request = PageRequest {
            number: pages,
            start,
            size: PAGE,
        };
        let page = source.fetch(cx, request).await?;
        pages += 1;
        if pages == 1
            && pass == PassKind::Quick
            && page.total.is_some_and(|t| t <= settings.quick_full_below)
        {
            list_all = true;
        }
        let n = page.items.len() as u64;
        let mut changed = Vec::new();
        for item in &page.items {
            match kind.parse(item, &cx.host) {
                Ok(Some(doc)) => {
                    let key = doc.key();
                    if !seen.insert(key.clone()) {
                        continue;
                    }
                    cx.summary.seen += 1;
                    kind.listed(&doc);
                    if inventory.get(&key) != Some(&doc.change_stamp()) {
                        changed.push(doc);
                    }
                }
                Ok(None) => {}
                Err(r) => cx.reject(K::NAME, &r),
            }
        }
        let any_changed = !changed.is_empty();
        let mut ready = Vec::with_capacity(changed.len());
        for e in kind.enrich(cx, changed).await? {
            match e {
                Enriched::Ready(doc) => {
                    if !inventory.contains_key(&doc.key()) {
                        kind.noticed_new(&doc);
                    }
                    ready.push(doc);
                }
                Enriched::Gone { key, refused } => {
                    seen.remove(&key);
                    if let Some(r) = refused {
                        cx.reject(K::NAME, &r);
                    }
                }
                Enriched::Refused(r) => cx.reject(K::NAME, &r),
            }
        }
        write::<K>(cx, ready, inventory.clone()).await?;
        if n < PAGE || page.total.is_some_and(|t| start + n >= t) {
            reached_end = true;
            break;
        }
        if !list_all && !any_changed {
            break;
        }
        start += n;
    }
    let complete = list_all && reached_end;
    if complete {
        let gone: Vec<DocKey> = inventory
            .keys()
            .filter(|k| !seen.contains(*k))
            .cloned()
            .collect();
        cx.delete(<K::Doc as Document>::KIND, gone).await?;
    }
    Ok(Listed { complete, pages })
}

/// Writes documents of `K` (known ones, per `inventory`, count as updated,
/// the others as added), refusing a new one whose uuid another host owns.
pub async fn write<K: ListedKind>(
    cx: &mut HostCx,
    docs: Vec<K::Doc>,
    inventory: Arc<HashMap<DocKey, ChangeStamp>>,
) -> Result<(), CrawlError> {
    if docs.is_empty() {
        return Ok(());
    }
    let index = cx.ctx.index.clone();
    let claims = cx.ctx.claims.clone();
    let host = cx.host.clone();
    let (added, updated, refused) = tokio::task::spawn_blocking(move || {
        let (mut added, mut updated, mut refused) = (0u64, 0u64, 0u64);
        for doc in docs {
            let known = inventory.contains_key(&doc.key());
            if !known
                && let Some(uuid) = doc.uuid()
                && uuid_taken(&index, &claims, <K::Doc as Document>::KIND, uuid, &host)?
            {
                tracing::info!(
                    host,
                    kind = K::NAME,
                    uuid,
                    "uuid already owned by another host: refused"
                );
                refused += 1;
                continue;
            }
            if !index.upsert(&doc.into())? {
                // Withheld by a moderation decision: not written.
                refused += 1;
                continue;
            }
            if known {
                updated += 1;
            } else {
                added += 1;
            }
        }
        Ok::<_, IndexError>((added, updated, refused))
    })
    .await
    .map_err(|e| CrawlError::Task(e.to_string()))??;
    cx.summary.added += added;
    cx.summary.updated += updated;
    cx.summary.rejected += refused;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Fetcher;
    use crate::peertube::channels::Channels;
    use sepiola_index::SearchIndex;
    use serde_json::json;

    const HOST: &str = "127.0.0.1:4001";

    fn channel(i: usize, updated: &str) -> Value {
        json!({"id": i, "name": format!("ch{i:03}"), "host": HOST, "displayName": format!("Channel {i}"),
               "url": format!("http://{HOST}/video-channels/ch{i:03}"),
               "createdAt": "2023-01-01T00:00:00.000Z", "updatedAt": updated,
               "avatars": [], "banners": [],
               "ownerAccount": {"id": 3, "name": "alice", "displayName": "Alice", "host": HOST,
                                "url": format!("http://{HOST}/a/alice")}})
    }

    fn channels(n: usize) -> Vec<Value> {
        (0..n)
            .map(|i| channel(i, "2023-02-01T00:00:00.000Z"))
            .collect()
    }

    /// A listing held in memory; page `fail_at` answers an error.
    struct Memory {
        items: Vec<Value>,
        fail_at: Option<u64>,
    }

    impl Memory {
        fn new(items: Vec<Value>) -> Memory {
            Memory {
                items,
                fail_at: None,
            }
        }
    }

    impl PageSource for Memory {
        async fn fetch(
            &mut self,
            _cx: &mut HostCx,
            page: PageRequest,
        ) -> Result<ListPage, CrawlError> {
            if self.fail_at == Some(page.number) {
                return Err(CrawlError::Fetch {
                    what: "page".into(),
                    source: FetchError::Status(500),
                });
            }
            let items = self
                .items
                .iter()
                .skip(page.start as usize)
                .take(page.size as usize)
                .cloned()
                .collect();
            Ok(ListPage {
                total: Some(self.items.len() as u64),
                items,
            })
        }
    }

    fn host_cx(index: &Arc<SearchIndex>, settings: CrawlSettings) -> HostCx {
        let settings = Arc::new(settings);
        let ctx = PassContext {
            fetcher: Arc::new(Fetcher::new(&settings).unwrap()),
            index: index.clone(),
            settings,
            claims: Arc::default(),
        };
        HostCx::new(ctx, HOST)
    }

    async fn list(
        index: &Arc<SearchIndex>,
        settings: CrawlSettings,
        source: &mut Memory,
        pass: PassKind,
    ) -> (Result<Listed, CrawlError>, PassSummary) {
        let mut cx = host_cx(index, settings);
        let r = run(&mut cx, &mut Channels::default(), source, pass).await;
        index.commit().unwrap();
        (r, cx.summary)
    }

    fn large_host() -> CrawlSettings {
        CrawlSettings {
            quick_full_below: 10,
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn quick_pass_stops_at_the_first_page_with_nothing_new_or_changed() {
        let index = Arc::new(SearchIndex::in_memory().unwrap());
        let mut all = Memory::new(channels(250));
        let (r, s) = list(&index, large_host(), &mut all, PassKind::Full).await;
        assert_eq!(
            r.unwrap(),
            Listed {
                complete: true,
                pages: 3
            }
        );
        assert_eq!((s.seen, s.added), (250, 250));

        let (r, s) = list(&index, large_host(), &mut all, PassKind::Quick).await;
        assert_eq!(
            r.unwrap(),
            Listed {
                complete: false,
                pages: 1
            }
        );
        assert_eq!((s.seen, s.added, s.updated, s.deleted), (100, 0, 0, 0));

        // A change on the first page makes it read the second one.
        all.items[5] = channel(5, "2024-01-01T00:00:00.000Z");
        let (r, s) = list(&index, large_host(), &mut all, PassKind::Quick).await;
        assert_eq!(
            r.unwrap(),
            Listed {
                complete: false,
                pages: 2
            }
        );
        assert_eq!((s.updated, s.deleted), (1, 0));

        // A small host is listed completely, and what is gone is deleted.
        all.items.truncate(240);
        let (r, s) = list(&index, CrawlSettings::default(), &mut all, PassKind::Quick).await;
        assert_eq!(
            r.unwrap(),
            Listed {
                complete: true,
                pages: 3
            }
        );
        assert_eq!((s.updated, s.deleted), (0, 10));
        assert_eq!(index.inventory(DocKind::Channel, HOST).unwrap().len(), 240);
    }

    #[tokio::test]
    async fn a_new_avatar_with_the_same_updated_at_is_a_change() {
        let index = Arc::new(SearchIndex::in_memory().unwrap());
        let mut all = Memory::new(channels(3));
        let (_, s) = list(&index, large_host(), &mut all, PassKind::Full).await;
        assert_eq!(s.added, 3);
        let (_, s) = list(&index, large_host(), &mut all, PassKind::Full).await;
        assert_eq!(s.updated, 0);
        // PeerTube keeps `updatedAt` when an avatar changes.
        all.items[1]["avatars"] =
            json!([{"width": 48, "height": 48, "path": "/lazy-static/avatars/new.png"}]);
        let (_, s) = list(&index, large_host(), &mut all, PassKind::Full).await;
        assert_eq!(s.updated, 1);
        // So does a new owner avatar; follower counts alone are no change.
        all.items[2]["ownerAccount"]["avatars"] =
            json!([{"width": 48, "path": "/lazy-static/avatars/o.png"}]);
        all.items[0]["followersCount"] = json!(12);
        let (_, s) = list(&index, large_host(), &mut all, PassKind::Full).await;
        assert_eq!(s.updated, 1);
    }

    #[tokio::test]
    async fn a_partial_listing_deletes_nothing() {
        let index = Arc::new(SearchIndex::in_memory().unwrap());
        let (r, _) = list(
            &index,
            large_host(),
            &mut Memory::new(channels(250)),
            PassKind::Full,
        )
        .await;
        assert!(r.unwrap().complete);

        // A page fails: the pass fails and nothing is deleted.
        let mut failing = Memory::new(channels(120));
        failing.fail_at = Some(1);
        let (r, s) = list(&index, large_host(), &mut failing, PassKind::Full).await;
        assert!(r.is_err());
        assert_eq!(s.deleted, 0);

        // The page cap ends the listing early: nothing is deleted either.
        let capped = CrawlSettings {
            max_pages: 1,
            ..large_host()
        };
        let (r, s) = list(
            &index,
            capped,
            &mut Memory::new(channels(120)),
            PassKind::Full,
        )
        .await;
        assert_eq!(
            r.unwrap(),
            Listed {
                complete: false,
                pages: 1
            }
        );
        assert_eq!(s.deleted, 0);
        assert_eq!(index.inventory(DocKind::Channel, HOST).unwrap().len(), 250);

        // Listed completely: the 130 the host no longer lists are deleted.
        let (r, s) = list(
            &index,
            large_host(),
            &mut Memory::new(channels(120)),
            PassKind::Full,
        )
        .await;
        assert!(r.unwrap().complete);
        assert_eq!(s.deleted, 130);
        assert_eq!(index.inventory(DocKind::Channel, HOST).unwrap().len(), 120);
    }
}
