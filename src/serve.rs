//! `sepiola serve`: open the index, serve HTTP, commit in the background.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;

use sepiola_index::SearchIndex;
use sepiola_server::AppState;

use sepiola_crawl::Crawler;
use sepiola_model::instance::InstanceStatus;
use sepiola_server::instances::{CrawlControl, InstanceReport};

use crate::config::{Config, ModerationConfig};

/// How often the deny file's modification time is checked.
const DENY_FILE_CHECK: Duration = Duration::from_secs(2);

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

/// Re-reads the deny file whenever its modification time changes and
/// applies it at once: to queries (the host disappears from results without
/// a recrawl) and to the crawler (which stops crawling it and purges it).
async fn watch_deny_file(
    moderation: ModerationConfig,
    state: Arc<AppState>,
    crawler: Option<Arc<Crawler>>,
) {
    let Some(path) = moderation.deny_file.clone() else {
        return;
    };
    let mut last: Option<Option<std::time::SystemTime>> = None;
    loop {
        let mtime = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        if last != Some(mtime) {
            if last.is_some() {
                tracing::info!(path = %path.display(), "deny file changed: reloading");
            }
            last = Some(mtime);
            let denied = moderation.denied_hosts();
            state.set_denied_hosts(denied.clone());
            if let Some(c) = &crawler {
                c.set_denied(denied);
            }
        }
        tokio::time::sleep(DENY_FILE_CHECK).await;
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
    let denied = config.moderation.denied_hosts();
    let state = Arc::new(crate::web_setup::app_state(
        &config,
        index.clone(),
        denied.clone(),
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
        crawler.set_denied(denied);
        state.set_instance_report(Arc::new(Report(crawler.clone())));
        state.set_crawl_control(Arc::new(Report(crawler.clone())));
        Some(crawler)
    } else {
        None
    };
    let moderation = tokio::spawn(watch_deny_file(
        config.moderation.clone(),
        state.clone(),
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
    moderation.abort();
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
