//! One pass over one host: what to fetch, in which order, what to write and
//! what to delete.
//!
//! A **full pass** reads `/api/v1/config`, every local public video
//! (`isLocal=true&nsfw=both`, pages of 100 sorted by `-publishedAt`), every
//! channel and every regular playlist of the host, fetches video details
//! only for new or changed videos (their `updatedAt` differs from the
//! index's inventory: details carry tags and the full description), and
//! finally deletes what the host no longer serves. A listing that did not
//! complete (error, page or video cap) deletes nothing.
//!
//! A **quick pass** reads the newest videos until a page holds only known,
//! unchanged ones; hosts with at most `quick_full_below` videos are listed
//! completely instead, which also catches edits and deletions. Channels of
//! new videos that the index does not know yet are fetched too.
//!
//! A uuid is owned by the first host that brought it: a new video or
//! playlist whose uuid the index (or this run) already holds for another
//! host is refused, so a hostile instance cannot shadow another's content.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;
use url::Url;

use sepiola_index::SearchIndex;
use sepiola_model::instance::PassSummary;
use sepiola_model::{DocKey, DocKind, Document, Playlist, Record, Timestamp, Video};

use crate::client::Fetcher;
use crate::error::{CrawlError, FetchError};
use crate::peertube::{self, Reject};
use crate::settings::CrawlSettings;

/// Page size of every listing (PeerTube's maximum).
pub const PAGE: u64 = 100;
/// Most pages a quick pass reads on a large host.
pub const QUICK_MAX_PAGES: u64 = 10;

/// Which pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PassKind {
    /// Everything, with deletions.
    Full,
    /// The newest videos.
    Quick,
}

/// Which host owns which uuid during this run (the committed index answers
/// for earlier runs).
#[derive(Debug, Default)]
pub struct UuidClaims(Mutex<HashMap<String, String>>);

impl UuidClaims {
    /// Claims `uuid` for `host`; false if another host claimed it first.
    pub fn claim(&self, uuid: &str, host: &str) -> bool {
        let mut m = self.0.lock().unwrap_or_else(|p| p.into_inner());
        match m.get(uuid) {
            Some(owner) => owner == host,
            None => {
                m.insert(uuid.to_string(), host.to_string());
                true
            }
        }
    }

    /// Forgets every claim of a host (it left the list).
    pub fn release_host(&self, host: &str) {
        let mut m = self.0.lock().unwrap_or_else(|p| p.into_inner());
        m.retain(|_, h| h != host);
    }
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

/// What a pass found out.
#[derive(Debug, Clone, Default)]
pub struct PassOutcome {
    /// Counts, timing and error.
    pub summary: PassSummary,
    /// Instance name from its config.
    pub name: Option<String>,
    /// PeerTube version from its config.
    pub server_version: Option<String>,
    /// How long the host asked us to wait (429), if it did.
    pub retry_after: Option<Duration>,
}

/// Runs one pass over `host`; never panics, never returns early without a summary.
pub async fn run(ctx: &PassContext, host: &str, kind: PassKind) -> PassOutcome {
    let started = Timestamp::now();
    let mut pass = HostPass {
        ctx: ctx.clone(),
        host: host.to_string(),
        base: Url::parse(&format!("{}://{}/", ctx.settings.scheme, host)).ok(),
        out: PassOutcome::default(),
    };
    let budget = Duration::from_secs(ctx.settings.host_pass_timeout_secs.max(1));
    let result = match tokio::time::timeout(budget, pass.run(kind)).await {
        Ok(r) => r,
        Err(_) => Err(CrawlError::PassTimeout(budget)),
    };
    let mut out = pass.out;
    out.summary.started_at = Some(started);
    out.summary.finished_at = Some(Timestamp::now());
    match result {
        Ok(()) => out.summary.ok = true,
        Err(e) => {
            if let CrawlError::Fetch {
                source: FetchError::RateLimited(d),
                ..
            } = &e
            {
                out.retry_after = Some(*d);
            }
            let msg: String = e.to_string().chars().take(500).collect();
            tracing::info!(host, error = %msg, "host pass failed");
            out.summary.ok = false;
            out.summary.error = Some(msg);
        }
    }
    out
}

struct HostPass {
    ctx: PassContext,
    host: String,
    base: Option<Url>,
    out: PassOutcome,
}

/// Whether a listing reached its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listing {
    Complete,
    Partial,
}

impl HostPass {
    fn url(&self, path: &str) -> Result<Url, CrawlError> {
        self.base
            .as_ref()
            .and_then(|b| b.join(path).ok())
            .ok_or_else(|| CrawlError::Fetch {
                what: path.to_string(),
                source: FetchError::Refused(format!("{} is not a valid host", self.host)),
            })
    }

    async fn get(&mut self, url: Url) -> Result<Value, CrawlError> {
        self.out.summary.requests += 1;
        let what = url.path().to_string();
        self.ctx
            .fetcher
            .get_json(&url)
            .await
            .map_err(|source| CrawlError::Fetch { what, source })
    }

    async fn get_page(&mut self, url: Url) -> Result<peertube::ListPage, CrawlError> {
        let what = url.path().to_string();
        let body = self.get(url).await?;
        peertube::list_page(body).map_err(|e| CrawlError::Fetch {
            what,
            source: FetchError::Json(e.to_string()),
        })
    }

    async fn run(&mut self, kind: PassKind) -> Result<(), CrawlError> {
        if kind == PassKind::Full {
            let url = self.url("/api/v1/config")?;
            let cfg = self.get(url).await?;
            if !cfg.is_object() {
                return Err(CrawlError::Fetch {
                    what: "/api/v1/config".into(),
                    source: FetchError::Json("not an object".into()),
                });
            }
            let text = |v: Option<&Value>| {
                v.and_then(Value::as_str)
                    .map(|s| sepiola_model::text::clean_line(s, 120))
                    .filter(|s| !s.is_empty())
            };
            self.out.name = text(cfg.get("instance").and_then(|i| i.get("name")));
            self.out.server_version = text(cfg.get("serverVersion"));
        }
        let new_channels = self.videos(kind).await?;
        match kind {
            PassKind::Full => {
                self.channels().await?;
                self.playlists().await?;
            }
            PassKind::Quick => self.missing_channels(new_channels).await?,
        }
        Ok(())
    }

    async fn inventory(&self, kind: DocKind) -> Result<HashMap<DocKey, i64>, CrawlError> {
        let index = self.ctx.index.clone();
        let host = self.host.clone();
        tokio::task::spawn_blocking(move || index.inventory(kind, &host))
            .await
            .map_err(|e| CrawlError::Task(e.to_string()))?
            .map_err(CrawlError::from)
    }

    /// Lists videos, fetches details of new or changed ones, writes them and
    /// (full listings only) deletes the missing. Returns the channel names
    /// of the new videos.
    async fn videos(&mut self, kind: PassKind) -> Result<Vec<String>, CrawlError> {
        let inventory = Arc::new(self.inventory(DocKind::Video).await?);
        let settings = self.ctx.settings.clone();
        let mut seen: HashSet<DocKey> = HashSet::new();
        let mut new_channels: Vec<String> = Vec::new();
        let mut start = 0u64;
        let mut pages = 0u64;
        let mut list_all = kind == PassKind::Full;
        let mut listing = Listing::Partial;
        loop {
            let max_pages = if list_all {
                settings.max_pages
            } else {
                settings.max_pages.min(QUICK_MAX_PAGES)
            };
            if pages >= max_pages || seen.len() as u64 >= settings.max_videos_per_host {
                if list_all {
                    tracing::warn!(host = %self.host, pages, videos = seen.len(), "video listing capped");
                }
                break;
            }
            let mut url = self.url("/api/v1/videos")?;
            url.query_pairs_mut()
                .append_pair("start", &start.to_string())
                .append_pair("count", &PAGE.to_string())
                .append_pair("sort", "-publishedAt")
                .append_pair("isLocal", "true")
                .append_pair("nsfw", "both");
            let page = self.get_page(url).await?;
            pages += 1;
            if pages == 1
                && kind == PassKind::Quick
                && page.total.is_some_and(|t| t <= settings.quick_full_below)
            {
                list_all = true;
            }
            let n = page.data.len() as u64;
            let mut changed: Vec<Video> = Vec::new();
            for item in &page.data {
                match peertube::video(item, &self.host) {
                    Ok(v) => {
                        let key = v.key();
                        if !seen.insert(key.clone()) {
                            continue;
                        }
                        self.out.summary.seen += 1;
                        if inventory.get(&key) != Some(&peertube::video_stamp(&v)) {
                            changed.push(v);
                        }
                    }
                    Err(r) => self.reject("video", &r),
                }
            }
            let any_changed = !changed.is_empty();
            let detailed = self.details(changed, &mut seen).await?;
            for v in &detailed {
                if !inventory.contains_key(&v.key()) {
                    new_channels.push(v.channel.name.clone());
                }
            }
            self.write_videos(detailed, inventory.clone()).await?;
            if n < PAGE || page.total.is_some_and(|t| start + n >= t) {
                listing = Listing::Complete;
                break;
            }
            if !list_all && !any_changed {
                break;
            }
            start += n;
        }
        if list_all && listing == Listing::Complete {
            let gone: Vec<DocKey> = inventory
                .keys()
                .filter(|k| !seen.contains(*k))
                .cloned()
                .collect();
            self.delete(DocKind::Video, gone).await?;
        }
        new_channels.sort();
        new_channels.dedup();
        Ok(new_channels)
    }

    /// Fetches details (tags, full description) of changed videos, two at a
    /// time at most (the per-host limit of the client).
    async fn details(
        &mut self,
        changed: Vec<Video>,
        seen: &mut HashSet<DocKey>,
    ) -> Result<Vec<Video>, CrawlError> {
        let mut tasks = tokio::task::JoinSet::new();
        for (i, v) in changed.iter().enumerate() {
            let url = self.url(&format!("/api/v1/videos/{}", v.uuid))?;
            let fetcher = self.ctx.fetcher.clone();
            self.out.summary.requests += 1;
            tasks.spawn(async move { (i, fetcher.get_json(&url).await) });
        }
        let mut answers: Vec<Option<Result<Value, FetchError>>> =
            (0..changed.len()).map(|_| None).collect();
        while let Some(joined) = tasks.join_next().await {
            let (i, r) = joined.map_err(|e| CrawlError::Task(e.to_string()))?;
            if let Some(slot) = answers.get_mut(i) {
                *slot = Some(r);
            }
        }
        let mut out = Vec::with_capacity(changed.len());
        for (listed, answer) in changed.into_iter().zip(answers) {
            match answer {
                Some(Ok(body)) => match peertube::video(&body, &self.host) {
                    Ok(d) if d.uuid == listed.uuid => out.push(d),
                    Ok(_) => self.reject("video", &Reject::Malformed("detail of another video")),
                    Err(r) => {
                        seen.remove(&listed.key());
                        self.reject("video", &r);
                    }
                },
                Some(Err(e)) if e.is_not_found() => {
                    // Deleted between the listing and now.
                    seen.remove(&listed.key());
                }
                Some(Err(FetchError::Json(m))) => {
                    seen.remove(&listed.key());
                    self.reject("video", &Reject::Malformed("detail is not JSON"));
                    tracing::debug!(host = %self.host, error = %m, "video detail");
                }
                Some(Err(source)) => {
                    return Err(CrawlError::Fetch {
                        what: format!("/api/v1/videos/{}", listed.uuid),
                        source,
                    });
                }
                None => {}
            }
        }
        Ok(out)
    }

    fn reject(&mut self, what: &str, r: &Reject) {
        self.out.summary.rejected += 1;
        tracing::debug!(host = %self.host, what, reason = %r, "document refused");
    }

    async fn write_videos(
        &mut self,
        videos: Vec<Video>,
        inventory: Arc<HashMap<DocKey, i64>>,
    ) -> Result<(), CrawlError> {
        if videos.is_empty() {
            return Ok(());
        }
        let index = self.ctx.index.clone();
        let claims = self.ctx.claims.clone();
        let host = self.host.clone();
        let (added, updated, rejected) = tokio::task::spawn_blocking(move || {
            let (mut added, mut updated, mut rejected) = (0u64, 0u64, 0u64);
            for v in videos {
                let known = inventory.contains_key(&v.key());
                if !known && video_uuid_taken(&index, &claims, &v.uuid, &host)? {
                    tracing::info!(host, uuid = %v.uuid, "uuid already owned by another host: refused");
                    rejected += 1;
                    continue;
                }
                index.upsert(&Record::Video(Box::new(v)))?;
                if known {
                    updated += 1;
                } else {
                    added += 1;
                }
            }
            Ok::<_, sepiola_index::IndexError>((added, updated, rejected))
        })
        .await
        .map_err(|e| CrawlError::Task(e.to_string()))??;
        self.out.summary.added += added;
        self.out.summary.updated += updated;
        self.out.summary.rejected += rejected;
        Ok(())
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
            Ok::<_, sepiola_index::IndexError>(())
        })
        .await
        .map_err(|e| CrawlError::Task(e.to_string()))??;
        self.out.summary.deleted += n;
        Ok(())
    }

    async fn write(&mut self, records: Vec<(Record, bool)>) -> Result<(), CrawlError> {
        if records.is_empty() {
            return Ok(());
        }
        let index = self.ctx.index.clone();
        let (added, updated) = tokio::task::spawn_blocking(move || {
            let (mut a, mut u) = (0u64, 0u64);
            for (r, known) in records {
                index.upsert(&r)?;
                if known {
                    u += 1;
                } else {
                    a += 1;
                }
            }
            Ok::<_, sepiola_index::IndexError>((a, u))
        })
        .await
        .map_err(|e| CrawlError::Task(e.to_string()))??;
        self.out.summary.added += added;
        self.out.summary.updated += updated;
        Ok(())
    }

    async fn channels(&mut self) -> Result<(), CrawlError> {
        let inventory = self.inventory(DocKind::Channel).await?;
        let mut seen: HashSet<DocKey> = HashSet::new();
        let mut start = 0u64;
        let mut listing = Listing::Partial;
        for _ in 0..self.ctx.settings.max_pages {
            let mut url = self.url("/api/v1/video-channels")?;
            url.query_pairs_mut()
                .append_pair("start", &start.to_string())
                .append_pair("count", &PAGE.to_string());
            let page = self.get_page(url).await?;
            let n = page.data.len() as u64;
            let mut batch = Vec::new();
            for item in &page.data {
                // Remote channels are listed too: skip them quietly.
                if item
                    .get("host")
                    .and_then(Value::as_str)
                    .and_then(sepiola_model::host::normalize_host)
                    .is_some_and(|h| h != self.host)
                {
                    continue;
                }
                match peertube::channel(item, &self.host) {
                    Ok(c) => {
                        let key = c.key();
                        if !seen.insert(key.clone()) {
                            continue;
                        }
                        self.out.summary.seen += 1;
                        let stamp = inventory.get(&key);
                        if stamp != Some(&peertube::channel_stamp(&c)) {
                            batch.push((Record::Channel(Box::new(c)), stamp.is_some()));
                        }
                    }
                    Err(r) => self.reject("channel", &r),
                }
            }
            self.write(batch).await?;
            start += n;
            if n < PAGE || page.total.is_some_and(|t| start >= t) {
                listing = Listing::Complete;
                break;
            }
        }
        if listing == Listing::Complete {
            let gone = inventory
                .keys()
                .filter(|k| !seen.contains(*k))
                .cloned()
                .collect();
            self.delete(DocKind::Channel, gone).await?;
        }
        Ok(())
    }

    /// Quick passes: fetch the channels of new videos the index lacks.
    async fn missing_channels(&mut self, names: Vec<String>) -> Result<(), CrawlError> {
        if names.is_empty() {
            return Ok(());
        }
        let inventory = self.inventory(DocKind::Channel).await?;
        let mut batch = Vec::new();
        for name in names.into_iter().take(100) {
            if inventory.contains_key(&DocKey::new(&self.host, &name)) {
                continue;
            }
            let mut url = self.url("/api/v1/video-channels/")?;
            if let Ok(mut segs) = url.path_segments_mut() {
                segs.pop_if_empty().push(&name);
            }
            match self.get(url).await {
                Ok(body) => match peertube::channel(&body, &self.host) {
                    Ok(c) => batch.push((Record::Channel(Box::new(c)), false)),
                    Err(r) => self.reject("channel", &r),
                },
                Err(CrawlError::Fetch { source, .. }) if source.is_not_found() => {}
                Err(e) => return Err(e),
            }
        }
        self.write(batch).await
    }

    async fn playlists(&mut self) -> Result<(), CrawlError> {
        let inventory = self.inventory(DocKind::Playlist).await?;
        let mut seen: HashSet<DocKey> = HashSet::new();
        let mut start = 0u64;
        let mut listing = Listing::Partial;
        for _ in 0..self.ctx.settings.max_pages {
            let mut url = self.url("/api/v1/video-playlists")?;
            url.query_pairs_mut()
                .append_pair("start", &start.to_string())
                .append_pair("count", &PAGE.to_string())
                .append_pair("playlistType", "1");
            let page = self.get_page(url).await?;
            let n = page.data.len() as u64;
            let mut fresh: Vec<Playlist> = Vec::new();
            for item in &page.data {
                match peertube::playlist(item, &self.host) {
                    Ok(p) => {
                        let key = p.key();
                        if !seen.insert(key.clone()) {
                            continue;
                        }
                        self.out.summary.seen += 1;
                        if inventory.get(&key) != Some(&peertube::playlist_stamp(&p)) {
                            fresh.push(p);
                        }
                    }
                    Err(Reject::Remote(_)) => {}
                    Err(r) => self.reject("playlist", &r),
                }
            }
            let mut batch = Vec::new();
            for p in fresh {
                let known = inventory.contains_key(&p.key());
                if !known && self.playlist_uuid_taken(&p.uuid).await? {
                    self.reject("playlist", &Reject::Malformed("uuid owned by another host"));
                    continue;
                }
                batch.push((Record::Playlist(Box::new(p)), known));
            }
            self.write(batch).await?;
            start += n;
            if n < PAGE || page.total.is_some_and(|t| start >= t) {
                listing = Listing::Complete;
                break;
            }
        }
        if listing == Listing::Complete {
            let gone = inventory
                .keys()
                .filter(|k| !seen.contains(*k))
                .cloned()
                .collect();
            self.delete(DocKind::Playlist, gone).await?;
        }
        Ok(())
    }

    async fn playlist_uuid_taken(&self, uuid: &str) -> Result<bool, CrawlError> {
        if !self
            .ctx
            .claims
            .claim(&format!("playlist {uuid}"), &self.host)
        {
            return Ok(true);
        }
        let index = self.ctx.index.clone();
        let (uuid, host) = (uuid.to_string(), self.host.clone());
        let owner = tokio::task::spawn_blocking(move || index.uuid_owner(DocKind::Playlist, &uuid))
            .await
            .map_err(|e| CrawlError::Task(e.to_string()))??;
        Ok(owner.is_some_and(|o| o != host))
    }
}

/// Whether another host already owns this video uuid (this run or the index).
fn video_uuid_taken(
    index: &SearchIndex,
    claims: &UuidClaims,
    uuid: &str,
    host: &str,
) -> Result<bool, sepiola_index::IndexError> {
    if !claims.claim(uuid, host) {
        return Ok(true);
    }
    Ok(index
        .uuid_owner(DocKind::Video, uuid)?
        .is_some_and(|o| o != host))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_claim_wins() {
        let c = UuidClaims::default();
        assert!(c.claim("u1", "a.example"));
        assert!(c.claim("u1", "a.example"));
        assert!(!c.claim("u1", "b.example"));
        c.release_host("a.example");
        assert!(c.claim("u1", "b.example"));
    }
}
