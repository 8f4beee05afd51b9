//! One pass over one host: which listings run, in which order, and what the
//! pass reports. The listing mechanics (paging, caps, diff, writes,
//! deletions, uuid ownership) are [`crate::listing`]'s; the PeerTube kinds
//! that plug into it are in [`crate::peertube`].
//!
//! A **full pass** reads `/api/v1/config` (instance name and version), then
//! lists every local public video, every regular playlist and every
//! channel of the host; each listing that completes deletes what the host
//! no longer serves.
//!
//! A **quick pass** lists the newest videos only (until a page holds
//! nothing new or changed, or completely on small hosts), then fetches the
//! channels of new videos that the index does not know yet.
//!
//! **Actors** (channels and accounts) are refreshed on every full pass and
//! on quick passes of small hosts (those whose videos were listed
//! completely): the channel listing is the source of both, since every
//! channel carries its owner account in full and every account with
//! content has a channel (PeerTube's `/api/v1/accounts` would cost more
//! requests and list remote accounts too). A channel's change stamp
//! includes a hash of what clients see (avatars, names, description), as
//! PeerTube keeps `updatedAt` when an avatar changes. Then every document
//! embedding an older copy of a listed channel or account is rewritten
//! from its stored JSON (no request per video), at most
//! `max_actor_rewrites` per pass; the next pass finds the rest.

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use sepiola_model::instance::{PassSummary, Software};
use sepiola_model::{DocKey, DocKind, Timestamp};

use sepiola_index::ActorUpdates;

use crate::error::{CrawlError, FetchError};
use crate::listing::{self, HostCx};
use crate::mobilizon;
pub use crate::pass::{PassContext, PassKind};
use crate::peertube::{self, channels::Channels, playlists::Playlists, videos::Videos};

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

/// Runs one pass over `host`, which runs `software`; never panics, never
/// returns early without a summary.
pub async fn run(ctx: &PassContext, host: &str, software: Software, kind: PassKind) -> PassOutcome {
    let started = Timestamp::now();
    let mut pass = HostPass {
        cx: HostCx::new(ctx.clone(), host),
        software,
        name: None,
        server_version: None,
    };
    let budget = Duration::from_secs(ctx.settings.host_pass_timeout_secs.max(1));
    let result = match tokio::time::timeout(budget, pass.run(kind)).await {
        Ok(r) => r,
        Err(_) => Err(CrawlError::PassTimeout(budget)),
    };
    let mut out = PassOutcome {
        summary: pass.cx.summary,
        name: pass.name,
        server_version: pass.server_version,
        retry_after: None,
    };
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
            out.summary.ok = false;
            out.summary.error = Some(msg);
        }
    }
    out
}

struct HostPass {
    cx: HostCx,
    software: Software,
    name: Option<String>,
    server_version: Option<String>,
}

impl HostPass {
    async fn run(&mut self, kind: PassKind) -> Result<(), CrawlError> {
        match self.software {
            Software::PeerTube => self.run_peertube(kind).await,
            Software::Mobilizon => self.run_mobilizon(kind).await,
        }
    }

    /// A Mobilizon pass. Full: `config` (name, version, and a check it
    /// answers GraphQL), every event from `past_events_days` ago on, every
    /// group, each listing deleting what the host no longer serves. Quick:
    /// the newest events (an instance of at most `quick_full_below` events
    /// is listed completely, so edits, moves, cancellations, deletions and
    /// expiries show within a quick interval), and its groups when the
    /// events were listed completely.
    async fn run_mobilizon(&mut self, kind: PassKind) -> Result<(), CrawlError> {
        if kind == PassKind::Full {
            let data = mobilizon::post(&mut self.cx, mobilizon::CONFIG_QUERY, Value::Null).await?;
            let cfg = data.get("config").cloned().unwrap_or(Value::Null);
            let text = |k: &str| {
                cfg.get(k)
                    .and_then(Value::as_str)
                    .map(|s| sepiola_model::text::clean_line(s, 120))
                    .filter(|s| !s.is_empty())
            };
            self.name = text("name");
            self.server_version = text("version");
        }
        let days = i64::try_from(self.cx.ctx.settings.past_events_days).unwrap_or(i64::MAX / 2);
        let now = Timestamp::now();
        let keep_after =
            Timestamp::from_millis(now.millis().saturating_sub(days.saturating_mul(86_400_000)))
                .unwrap_or(now);
        let mut events = mobilizon::Events { keep_after };
        let mut pages = mobilizon::GraphQlPages::events(keep_after);
        let listed = listing::run(&mut self.cx, &mut events, &mut pages, kind).await?;
        if kind == PassKind::Full || listed.complete {
            let mut pages = mobilizon::GraphQlPages::groups();
            listing::run(&mut self.cx, &mut mobilizon::Groups, &mut pages, kind).await?;
        }
        Ok(())
    }

    async fn run_peertube(&mut self, kind: PassKind) -> Result<(), CrawlError> {
        if kind == PassKind::Full {
            self.config().await?;
        }
        let mut videos = Videos::default();
        let mut pages = peertube::videos::PAGES;
        let listed = listing::run(&mut self.cx, &mut videos, &mut pages, kind).await?;
        match kind {
            // Channels last: the actors they bring are then at least as
            // new as what the other listings wrote, which the rewrite may
            // touch (older copies would undo fresher ones).
            PassKind::Full => {
                let mut pages = peertube::playlists::PAGES;
                listing::run(&mut self.cx, &mut Playlists, &mut pages, kind).await?;
                let actors = self.channels(kind).await?;
                self.refresh_actors(actors).await?;
            }
            // A small host: its channels are listed too (usually one page),
            // so new avatars and names show within a quick interval.
            PassKind::Quick if listed.complete => {
                let actors = self.channels(kind).await?;
                self.refresh_actors(actors).await?;
            }
            PassKind::Quick => self.missing_channels(videos.into_new_channels()).await?,
        }
        Ok(())
    }

    /// Lists the host's channels; answers the channels and owner accounts
    /// it listed.
    async fn channels(&mut self, kind: PassKind) -> Result<ActorUpdates, CrawlError> {
        let mut channels = Channels::default();
        let mut pages = peertube::channels::PAGES;
        listing::run(&mut self.cx, &mut channels, &mut pages, kind).await?;
        Ok(channels.into_actors())
    }

    /// Rewrites the documents of the host that embed an older copy of one
    /// of `actors`, at most `max_actor_rewrites`. When there are any, the
    /// pass's writes are committed first: the rewrite reads the last
    /// commit, and must not put back what this pass replaced.
    async fn refresh_actors(&mut self, actors: ActorUpdates) -> Result<(), CrawlError> {
        if actors.is_empty() {
            return Ok(());
        }
        let index = self.cx.ctx.index.clone();
        let limit = self.cx.ctx.settings.max_actor_rewrites;
        let r = tokio::task::spawn_blocking(move || {
            // Usually nothing is stale: then there is nothing to commit for.
            // (What this pass wrote came from fresh listings: not stale.)
            if index.stale_actor_copies(&actors)? == 0 {
                return Ok(sepiola_index::Rewrite::default());
            }
            index.commit()?;
            index.rewrite_actors(&actors, limit)
        })
        .await
        .map_err(|e| CrawlError::Task(e.to_string()))??;
        self.cx.summary.updated += r.rewritten;
        if !r.complete() {
            tracing::warn!(
                host = %self.cx.host,
                stale = r.stale,
                rewritten = r.rewritten,
                "actor rewrite capped (max_actor_rewrites): the rest follow on the next passes"
            );
        } else if r.rewritten > 0 {
            tracing::info!(host = %self.cx.host, rewritten = r.rewritten, "embedded channels and accounts refreshed");
        }
        Ok(())
    }

    /// `/api/v1/config`: the instance's name and version (and a check that
    /// it answers like a PeerTube instance at all).
    async fn config(&mut self) -> Result<(), CrawlError> {
        let url = self.cx.url("/api/v1/config")?;
        let cfg = self.cx.get(url).await?;
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
        self.name = text(cfg.get("instance").and_then(|i| i.get("name")));
        self.server_version = text(cfg.get("serverVersion"));
        Ok(())
    }

    /// Quick passes: fetch the channels of new videos the index lacks.
    async fn missing_channels(&mut self, names: Vec<String>) -> Result<(), CrawlError> {
        if names.is_empty() {
            return Ok(());
        }
        let cx = &mut self.cx;
        let inventory = Arc::new(cx.inventory(DocKind::Channel).await?);
        let mut batch = Vec::new();
        for name in names.into_iter().take(100) {
            if inventory.contains_key(&DocKey::new(&cx.host, &name)) {
                continue;
            }
            let mut url = cx.url("/api/v1/video-channels/")?;
            if let Ok(mut segs) = url.path_segments_mut() {
                segs.pop_if_empty().push(&name);
            }
            match cx.get(url).await {
                Ok(body) => match peertube::channel(&body, &cx.host) {
                    Ok(c) => batch.push(c),
                    Err(r) => cx.reject("channel", &r),
                },
                Err(CrawlError::Fetch { source, .. }) if source.is_not_found() => {}
                Err(e) => return Err(e),
            }
        }
        listing::write::<Channels>(cx, batch, inventory).await
    }
}
