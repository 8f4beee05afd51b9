//! `sepiola serve`: open the index, serve HTTP, commit in the background.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;

use sepiola_index::SearchIndex;
use sepiola_server::Moderation;

use sepiola_crawl::Crawler;
use sepiola_model::instance::InstanceStatus;
use sepiola_server::instances::{CrawlControl, InstanceReport};

use crate::config::{Config, ModerationConfig};

/// How often the moderation logs and the deny file are checked for changes
/// made elsewhere (`sepiola moderate`, an edited deny file).
const MODERATION_CHECK: Duration = Duration::from_secs(1);

/// The crawler as the server's source of host statuses.
struct Report(Arc<Crawler>);

impl InstanceReport for Report {
    fn instances(&self) -> Vec<InstanceStatus> {
        self.0.statuses()
    }
}

impl CrawlControl for Report {
    fn request_full_pass(&self, host: Option<&str>) -> Vec<String> {
        self.0.request_full_pass(host)
    }
}

/// Keeps the moderation state current: reads what `sepiola moderate`
/// appended to the logs, re-syncs the deny file when its modification time
/// changes, and hands the crawler the blocked hosts whenever they change
/// (it stops crawling them and purges them), and the index what the
/// crawler must not write. Queries need nothing: they read the decision
/// log's blocks, rebuilt on each change.
async fn watch_moderation(
    config: ModerationConfig,
    moderation: Arc<Moderation>,
    index: Arc<SearchIndex>,
    crawler: Option<Arc<Crawler>>,
) {
    let mut last_mtime: Option<Option<std::time::SystemTime>> = None;
    let mut last_blocks: Option<Arc<sepiola_model::query::Blocks>> = None;
    loop {
        let m = moderation.clone();
        let cfg = config.clone();
        let check = tokio::task::spawn_blocking(move || {
            if let Err(e) = m.refresh() {
                tracing::warn!(error = %e, "reading the moderation logs failed");
            }
            cfg.deny_file
                .as_ref()
                .and_then(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
        })
        .await
        .ok()
        .flatten();
        if config.deny_file.is_some() && last_mtime != Some(check) {
            if last_mtime.is_some() {
                tracing::info!("deny file changed: reloading");
            }
            last_mtime = Some(check);
            let m = moderation.clone();
            let cfg = config.clone();
            let synced = tokio::task::spawn_blocking(move || cfg.sync_into(&m.decisions)).await;
            if let Ok(Err(e)) = synced {
                tracing::warn!(error = %e, "recording the deny file in the decision log failed");
            }
        }
        // Compared each time rather than on a change only: a block that
        // expires changes them too.
        let blocks = moderation.decisions.blocks();
        if !last_blocks
            .as_ref()
            .is_some_and(|b| Arc::ptr_eq(b, &blocks))
        {
            index.set_withheld(blocks.clone());
            last_blocks = Some(blocks);
            if let Some(c) = &crawler {
                c.set_denied(moderation.decisions.blocked_hosts());
            }
        }
        tokio::time::sleep(MODERATION_CHECK).await;
    }
}

/// Runs the server until SIGINT or SIGTERM.
pub fn run(config: Config) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(serve(config))
}

/// Serves (and crawls, when a list is configured) until SIGINT or SIGTERM.
pub async fn serve(config: Config) -> anyhow::Result<ExitCode> {
    let dir = config.data_dir.join("index");
    let index = Arc::new(
        SearchIndex::open(&dir, config.index.writer_memory_mb * 1_000_000)
            .with_context(|| format!("opening the index in {}", dir.display()))?,
    );
    let moderation = crate::moderate_cmd::open(&config)?;
    let state = Arc::new(crate::web_setup::app_state(
        &config,
        index.clone(),
        moderation.clone(),
    )?);
    if config.crawl.uses_default_list() {
        tracing::info!(
            list = config.crawl.list().unwrap_or_default(),
            "no instance list configured: crawling the public list of approved PeerTube instances \
             (set crawl.peertube_list to choose another, or crawl.default_list = \"\" to crawl nothing)"
        );
    }
    let crawler = if config.crawl.has_sources() {
        let crawler = Crawler::new(config.crawl.clone(), index.clone(), &config.data_dir)
            .context("starting the crawler")?;
        crawler.set_denied(moderation.decisions.blocked_hosts());
        index.set_withheld(moderation.decisions.blocks());
        state.set_instance_report(Arc::new(Report(crawler.clone())));
        state.set_crawl_control(Arc::new(Report(crawler.clone())));
        Some(crawler)
    } else {
        None
    };
    let watcher = tokio::spawn(watch_moderation(
        config.moderation.clone(),
        moderation,
        index.clone(),
        crawler.clone(),
    ));
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("listening on {}", config.listen))?;
    let addr = listener.local_addr()?;
    // Tests and scripts read the bound address from this first line.
    println!("listening on http://{addr}");
    tracing::info!(%addr, "sepiola is ready");

    let committer = {
        let index = index.clone();
        let every = Duration::from_millis(config.index.commit_interval_ms.max(50));
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                let index = index.clone();
                match tokio::task::spawn_blocking(move || index.commit()).await {
                    Ok(Err(e)) => tracing::error!(error = %e, "commit failed"),
                    Err(e) => tracing::error!(error = %e, "commit task failed"),
                    Ok(Ok(_)) => {}
                }
            }
        })
    };
    let crawl_task = crawler.clone().map(|c| tokio::spawn(c.run_forever()));
    sepiola_server::serve(listener, state, shutdown_signal())
        .await
        .context("serving HTTP")?;
    committer.abort();
    watcher.abort();
    if let Some(t) = crawl_task {
        t.abort();
    }
    if let Some(c) = &crawler
        && let Err(e) = c.persist().await
    {
        tracing::error!(error = %e, "saving the crawl state failed");
    }
    tokio::task::spawn_blocking(move || index.commit())
        .await
        .context("final commit")??;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

/// Resolves on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
