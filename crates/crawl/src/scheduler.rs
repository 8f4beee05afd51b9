//! What runs when: the instance list is re-read every quick interval (hosts
//! that left it, or were denied, are purged from the index), each host gets
//! a full pass when its last successful one is older than the full interval
//! and a quick pass every quick interval, failing hosts are left alone for
//! their back-off, and every host runs in its own task so one bad instance
//! never stalls the others. The state file is written after the index
//! commit that holds what it records.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;

use sepiola_index::SearchIndex;
use sepiola_model::instance::{HostHealth, InstanceStatus, Software};
use sepiola_model::{DocKind, Timestamp};

use crate::claims::UuidClaims;
use crate::client::Fetcher;
use crate::error::CrawlError;
use crate::health;
use crate::host_pass::{self, PassOutcome};
use crate::pass::{PassContext, PassKind};
use crate::settings::CrawlSettings;
use crate::source;
use crate::state::{CrawlState, STATE_VERSION};

/// Told about a crawl's progress (the CLI draws a progress bar with it).
pub trait Progress: Send + Sync {
    /// A cycle over `hosts` hosts starts.
    fn start(&self, hosts: u64);
    /// One host is done.
    fn host_done(&self, host: &str, outcome: &PassOutcome);
}

/// What `crawl --once` reports.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CycleSummary {
    /// Hosts whose pass succeeded.
    pub hosts_ok: u64,
    /// Hosts whose pass failed.
    pub hosts_failed: u64,
    /// Hosts purged because they left the list.
    pub hosts_purged: u64,
    /// Documents added.
    pub added: u64,
    /// Documents updated.
    pub updated: u64,
    /// Documents deleted.
    pub deleted: u64,
    /// Documents refused.
    pub rejected: u64,
    /// Requests sent (retries included).
    pub requests: u64,
    /// Wall time.
    pub elapsed: Duration,
    /// The failed hosts with their error.
    pub failures: Vec<(String, String)>,
}

/// The crawler: owns the crawl state and drives host passes.
pub struct Crawler {
    ctx: PassContext,
    state: Mutex<CrawlState>,
    state_path: PathBuf,
    denied: RwLock<Vec<String>>,
    running: Mutex<HashSet<String>>,
    hosts_sem: Arc<Semaphore>,
    dirty: AtomicBool,
    list_stale: AtomicBool,
    persist_lock: tokio::sync::Mutex<()>,
    /// Hosts an operator asked a full pass of, now (run before their schedule).
    full_now: Mutex<HashSet<String>>,
}

impl Crawler {
    /// Builds a crawler writing to `index`, with its state in `data_dir`.
    pub fn new(
        settings: CrawlSettings,
        index: Arc<SearchIndex>,
        data_dir: &Path,
    ) -> Result<Arc<Crawler>, CrawlError> {
        let fetcher = Arc::new(Fetcher::new(&settings)?);
        let state_path = CrawlState::path_in(data_dir);
        let mut state = CrawlState::load(&state_path)?;
        state.version = STATE_VERSION;
        let concurrency = settings.concurrency;
        Ok(Arc::new(Crawler {
            ctx: PassContext {
                fetcher,
                index,
                settings: Arc::new(settings),
                claims: Arc::new(UuidClaims::default()),
            },
            state: Mutex::new(state),
            state_path,
            denied: RwLock::new(Vec::new()),
            running: Mutex::new(HashSet::new()),
            hosts_sem: Arc::new(Semaphore::new(concurrency)),
            dirty: AtomicBool::new(false),
            list_stale: AtomicBool::new(true),
            persist_lock: tokio::sync::Mutex::new(()),
            full_now: Mutex::new(HashSet::new()),
        }))
    }

    fn state(&self) -> std::sync::MutexGuard<'_, CrawlState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Asks for a full pass of `host` (every listed host with `None`) as soon
    /// as it is not running, whatever its schedule: an operator's one-off
    /// pass on a running server. Returns the hosts it applies to (listed ones
    /// only).
    pub fn request_full_pass(&self, host: Option<&str>) -> Vec<String> {
        let hosts: Vec<String> = {
            let st = self.state();
            st.list
                .iter()
                .filter(|h| host.is_none_or(|x| x == h.as_str()))
                .cloned()
                .collect()
        };
        self.full_now
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend(hosts.iter().cloned());
        hosts
    }

    /// Replaces the moderation deny list: those hosts are not crawled and
    /// are purged at the next list refresh (which this triggers).
    pub fn set_denied(&self, hosts: Vec<String>) {
        if let Ok(mut d) = self.denied.write()
            && *d != hosts
        {
            *d = hosts;
            self.list_stale.store(true, Ordering::Release);
        }
    }

    /// Requests sent so far.
    pub fn requests(&self) -> u64 {
        self.ctx.fetcher.requests()
    }

    /// Every host on the list with its health and passes, sorted by host
    /// (`documents` is left at 0: the server counts them in the index).
    pub fn statuses(&self) -> Vec<InstanceStatus> {
        let st = self.state();
        st.list
            .iter()
            .map(|h| {
                let mut s = st.hosts.get(h).cloned().unwrap_or_default();
                s.host = h.clone();
                s
            })
            .collect()
    }

    /// Re-reads the instance lists (PeerTube's and, when configured,
    /// Mobilizon's), purges hosts that left them and returns every host to
    /// crawl. A list that cannot be read keeps its previous hosts (nothing
    /// is purged on a failed read). A host on both lists is crawled as a
    /// PeerTube instance.
    pub async fn refresh_list(&self) -> Result<Vec<String>, CrawlError> {
        self.list_stale.store(false, Ordering::Release);
        let denied = self.denied.read().map(|d| d.clone()).unwrap_or_default();
        let settings = &self.ctx.settings;
        let previous = |sw: Software| -> Vec<String> {
            let st = self.state();
            st.list
                .iter()
                .filter(|h| st.hosts.get(*h).map(|s| s.software).unwrap_or_default() == sw)
                .cloned()
                .collect()
        };
        let loaded_before = {
            let st = self.state();
            !st.list.is_empty() || st.list_loaded_at.is_some()
        };
        let mut failure = None;
        let (mut pt_read, mut mob_read) = (true, true);
        let peertube = match source::load_hosts(settings, &self.ctx.fetcher, &denied).await {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!(error = %e, "PeerTube instance list unreadable; keeping the previous one");
                failure = Some(e);
                pt_read = false;
                previous(Software::PeerTube)
            }
        };
        let mobilizon = if settings.has_mobilizon_sources() {
            match source::load_mobilizon_hosts(settings, &self.ctx.fetcher, &denied).await {
                Ok(l) => l,
                Err(e) => {
                    tracing::warn!(error = %e, "Mobilizon instance list unreadable; keeping the previous one");
                    failure = Some(e);
                    mob_read = false;
                    previous(Software::Mobilizon)
                }
            }
        } else {
            Vec::new()
        };
        if let Some(e) = failure
            && !loaded_before
            && peertube.is_empty()
            && mobilizon.is_empty()
        {
            return Err(e);
        }
        let mut software: BTreeMap<String, Software> = BTreeMap::new();
        for h in mobilizon {
            software.insert(h, Software::Mobilizon);
        }
        for h in peertube {
            if software.insert(h.clone(), Software::PeerTube) == Some(Software::Mobilizon) {
                tracing::warn!(host = %h, "on both the PeerTube and the Mobilizon list: crawled as PeerTube");
            }
        }
        let list: Vec<String> = software.keys().cloned().collect();
        let index = self.ctx.index.clone();
        // Mobilizon documents are only purged when Mobilizon is crawled:
        // an index of imported events keeps them.
        let with_mobilizon = settings.has_mobilizon_sources() && mob_read;
        let (indexed_pt, indexed_mob) = tokio::task::spawn_blocking(move || {
            let pt = if pt_read {
                index.host_counts_of(&DocKind::PEERTUBE)?
            } else {
                BTreeMap::new()
            };
            let mob = if with_mobilizon {
                index.host_counts_of(&DocKind::MOBILIZON)?
            } else {
                BTreeMap::new()
            };
            Ok::<_, sepiola_index::IndexError>((pt, mob))
        })
        .await
        .map_err(|e| CrawlError::Task(e.to_string()))??;
        let gone: Vec<(String, Software)> = {
            let mut st = self.state();
            let mut gone: BTreeSet<(String, Software)> = BTreeSet::new();
            for (h, s) in &st.hosts {
                if software.get(h) != Some(&s.software) {
                    gone.insert((h.clone(), s.software));
                }
            }
            for (indexed, sw) in [
                (&indexed_pt, Software::PeerTube),
                (&indexed_mob, Software::Mobilizon),
            ] {
                for h in indexed.keys() {
                    if software.get(h) != Some(&sw) {
                        gone.insert((h.clone(), sw));
                    }
                }
            }
            for (h, sw) in &gone {
                if st.hosts.get(h).is_some_and(|s| s.software == *sw) {
                    st.hosts.remove(h);
                }
            }
            for (h, sw) in &software {
                st.hosts.entry(h.clone()).or_insert_with(|| InstanceStatus {
                    host: h.clone(),
                    software: *sw,
                    health: HostHealth::Pending,
                    ..Default::default()
                });
            }
            st.list = list.clone();
            st.list_loaded_at = Some(Timestamp::now());
            gone.into_iter().collect()
        };
        if !gone.is_empty() {
            self.purge(gone).await?;
        }
        self.dirty.store(true, Ordering::Release);
        Ok(list)
    }

    /// Deletes what hosts that left their list wrote (only the kinds of the
    /// software they were crawled as).
    async fn purge(&self, hosts: Vec<(String, Software)>) -> Result<(), CrawlError> {
        for (h, _) in &hosts {
            self.ctx.claims.release_host(h);
        }
        tracing::info!(hosts = ?hosts, "purging hosts that left the instance list");
        let index = self.ctx.index.clone();
        tokio::task::spawn_blocking(move || {
            for (h, sw) in hosts {
                index.delete_host_of(&h, sw.kinds())?;
            }
            // Committed at once, not at the next tick: a host unblocked in
            // the meantime would otherwise show its old copies, then lose
            // them until its next pass.
            index.commit()?;
            Ok::<_, sepiola_index::IndexError>(())
        })
        .await
        .map_err(|e| CrawlError::Task(e.to_string()))??;
        Ok(())
    }

    /// The software a listed host runs.
    fn software_of(&self, host: &str) -> Software {
        self.state()
            .hosts
            .get(host)
            .map(|s| s.software)
            .unwrap_or_default()
    }

    /// Records a pass; if the host left the list meanwhile, what it wrote is purged again.
    async fn record(
        &self,
        host: &str,
        software: Software,
        kind: PassKind,
        outcome: &PassOutcome,
    ) -> Result<(), CrawlError> {
        let on_list = {
            let mut st = self.state();
            match st.hosts.get_mut(host).filter(|s| s.software == software) {
                Some(s) => {
                    if outcome.name.is_some() {
                        s.name = outcome.name.clone();
                    }
                    if outcome.server_version.is_some() {
                        s.server_version = outcome.server_version.clone();
                    }
                    health::record_pass(s, kind, outcome.summary.clone(), outcome.retry_after);
                    true
                }
                None => false,
            }
        };
        self.dirty.store(true, Ordering::Release);
        if !on_list {
            self.purge(vec![(host.to_string(), software)]).await?;
        }
        Ok(())
    }

    /// Commits the index, then writes the state it now reflects.
    pub async fn persist(&self) -> Result<(), CrawlError> {
        let _one = self.persist_lock.lock().await;
        self.dirty.store(false, Ordering::Release);
        let snapshot = self.state().clone();
        let index = self.ctx.index.clone();
        let path = self.state_path.clone();
        tokio::task::spawn_blocking(move || {
            index.commit()?;
            snapshot.save(&path)
        })
        .await
        .map_err(|e| CrawlError::Task(e.to_string()))?
    }

    /// One full pass over every host on the list, whatever the schedule
    /// says (`sepiola crawl --once`). Fails only if no list can be read.
    pub async fn run_once(
        self: &Arc<Self>,
        progress: Option<Arc<dyn Progress>>,
    ) -> Result<CycleSummary, CrawlError> {
        let started = Instant::now();
        let requests_before = self.requests();
        let before: BTreeSet<String> = self.state().hosts.keys().cloned().collect();
        let list = self.refresh_list().await?;
        let mut summary = CycleSummary {
            hosts_purged: before.iter().filter(|h| !list.contains(h)).count() as u64,
            ..Default::default()
        };
        if let Some(p) = &progress {
            p.start(list.len() as u64);
        }
        let mut tasks = tokio::task::JoinSet::new();
        for host in list {
            let me = self.clone();
            let progress = progress.clone();
            tasks.spawn(async move {
                let outcome = me.host_task(&host, PassKind::Full).await;
                if let Some(p) = &progress {
                    p.host_done(&host, &outcome);
                }
                (host, outcome)
            });
        }
        let mut last_persist = Instant::now();
        while let Some(joined) = tasks.join_next().await {
            let (host, o) = joined.map_err(|e| CrawlError::Task(e.to_string()))?;
            let s = &o.summary;
            if s.ok {
                summary.hosts_ok += 1;
            } else {
                summary.hosts_failed += 1;
                summary
                    .failures
                    .push((host, s.error.clone().unwrap_or_default()));
            }
            summary.added += s.added;
            summary.updated += s.updated;
            summary.deleted += s.deleted;
            summary.rejected += s.rejected;
            // Commit now and then so a kill loses little.
            if last_persist.elapsed() >= Duration::from_secs(2) {
                self.persist().await?;
                last_persist = Instant::now();
            }
        }
        self.persist().await?;
        summary.failures.sort();
        summary.requests = self.requests() - requests_before;
        summary.elapsed = started.elapsed();
        Ok(summary)
    }

    async fn host_task(self: &Arc<Self>, host: &str, kind: PassKind) -> PassOutcome {
        let _permit = self.hosts_sem.clone().acquire_owned().await.ok();
        let software = self.software_of(host);
        let outcome = host_pass::run(&self.ctx, host, software, kind).await;
        log_pass(host, kind, &outcome);
        if let Err(e) = self.record(host, software, kind, &outcome).await {
            tracing::error!(host, error = %e, "recording a pass failed");
        }
        outcome
    }

    /// Crawls forever on the schedule (`sepiola serve`, `sepiola crawl`).
    pub async fn run_forever(self: Arc<Self>) {
        let settings = self.ctx.settings.clone();
        let quick = Duration::from_secs(settings.quick_interval_secs);
        let full = Duration::from_secs(settings.full_interval_secs);
        let tick = (quick / 4).clamp(Duration::from_millis(250), Duration::from_secs(5));
        let mut last_list: Option<Instant> = None;
        let mut last_persist = Instant::now();
        loop {
            if self.list_stale.load(Ordering::Acquire)
                || last_list.is_none_or(|t| t.elapsed() >= quick)
            {
                if let Err(e) = self.refresh_list().await {
                    tracing::warn!(
                        list = settings.list().unwrap_or("(none)"),
                        error = %e,
                        retry_secs = quick.as_secs(),
                        "cannot read the instance list (no network?): serving what the index holds and trying again"
                    );
                }
                last_list = Some(Instant::now());
            }
            let now = Timestamp::now();
            let due: Vec<(String, PassKind)> = {
                let st = self.state();
                let running = self.running.lock().unwrap_or_else(|p| p.into_inner());
                let mut asked = self.full_now.lock().unwrap_or_else(|p| p.into_inner());
                st.list
                    .iter()
                    .filter(|h| !running.contains(*h))
                    .filter_map(|h| {
                        if asked.remove(h) {
                            return Some((h.clone(), PassKind::Full));
                        }
                        let s = st.hosts.get(h)?;
                        health::due(s, now, quick, full).map(|k| (h.clone(), k))
                    })
                    .collect()
            };
            for (host, kind) in due {
                self.running
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .insert(host.clone());
                let me = self.clone();
                tokio::spawn(async move {
                    me.host_task(&host, kind).await;
                    me.running
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .remove(&host);
                });
            }
            if self.dirty.load(Ordering::Acquire)
                && last_persist.elapsed() >= Duration::from_secs(1)
            {
                if let Err(e) = self.persist().await {
                    tracing::error!(error = %e, "saving crawl state failed");
                }
                last_persist = Instant::now();
            }
            tokio::time::sleep(tick).await;
        }
    }
}
/// One line per pass over a host, success or failure: what an operator
/// reads to know the crawler is alive (no query or visitor data in it).
fn log_pass(host: &str, kind: PassKind, outcome: &PassOutcome) {
    let s = &outcome.summary;
    let ms = match (s.started_at, s.finished_at) {
        (Some(a), Some(b)) => (b.millis() - a.millis()).max(0),
        _ => 0,
    };
    let pass = match kind {
        PassKind::Full => "full",
        PassKind::Quick => "quick",
    };
    match &s.error {
        None => tracing::info!(
            host,
            pass,
            seen = s.seen,
            added = s.added,
            updated = s.updated,
            deleted = s.deleted,
            refused = s.rejected,
            requests = s.requests,
            ms,
            "host pass done"
        ),
        Some(error) => tracing::info!(
            host,
            pass,
            seen = s.seen,
            added = s.added,
            updated = s.updated,
            deleted = s.deleted,
            refused = s.rejected,
            requests = s.requests,
            ms,
            error = %error,
            "host pass failed"
        ),
    }
}
