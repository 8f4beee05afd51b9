//! `sepiola crawl [--once]`: crawl without serving. `--once` runs one full
//! pass over every host, prints a summary and the hosts that failed, and
//! exits 0 when every host passed, 2 when some failed, 1 when all failed (a
//! script or a timer unit can tell); a progress bar is drawn on a terminal.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use sepiola_crawl::host_pass::PassOutcome;
use sepiola_crawl::{Crawler, Progress};
use sepiola_index::SearchIndex;

use crate::config::Config;

/// Runs the crawl command.
pub fn run(config: Config, once: bool) -> anyhow::Result<ExitCode> {
    if !config.crawl.has_sources() {
        anyhow::bail!(
            "nothing to crawl: set crawl.peertube_list, crawl.hosts, crawl.mobilizon_list or crawl.mobilizon_hosts, or pass --peertube-list or --mobilizon-list"
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(crawl(config, once))
}

async fn crawl(config: Config, once: bool) -> anyhow::Result<ExitCode> {
    let dir = config.data_dir.join("index");
    let index = Arc::new(
        SearchIndex::open(&dir, config.index.writer_memory_mb * 1_000_000)
            .with_context(|| format!("opening the index in {}", dir.display()))?,
    );
    let moderation = crate::moderate_cmd::open(&config)?;
    index.set_withheld(moderation.decisions.blocks());
    let crawler = Crawler::new(config.crawl.clone(), index, &config.data_dir)?;
    crawler.set_denied(moderation.decisions.blocked_hosts());
    if !once {
        tokio::select! {
            _ = crawler.clone().run_forever() => {},
            _ = crate::serve::shutdown_signal() => {},
        }
        crawler.persist().await?;
        return Ok(ExitCode::SUCCESS);
    }
    let progress: Option<Arc<dyn Progress>> = if std::io::stderr().is_terminal() {
        Some(Arc::new(Bar(ProgressBar::new(0))))
    } else {
        None
    };
    let summary = crawler.run_once(progress.clone()).await?;
    drop(progress);
    println!(
        "crawl done in {:.1}s: {} hosts ok, {} failed, {} purged; documents: {} added, {} updated, {} deleted, {} refused; {} requests ({:.0}/s)",
        summary.elapsed.as_secs_f64(),
        summary.hosts_ok,
        summary.hosts_failed,
        summary.hosts_purged,
        summary.added,
        summary.updated,
        summary.deleted,
        summary.rejected,
        summary.requests,
        summary.requests as f64 / summary.elapsed.as_secs_f64().max(0.001),
    );
    for (host, error) in &summary.failures {
        println!("  failed: {host}: {error}");
    }
    Ok(exit_code(summary.hosts_ok, summary.hosts_failed))
}

/// 0 when every host passed, 2 when some failed, 1 when all did.
fn exit_code(ok: u64, failed: u64) -> ExitCode {
    match (ok, failed) {
        (_, 0) => ExitCode::SUCCESS,
        (0, _) => ExitCode::FAILURE,
        _ => ExitCode::from(2),
    }
}

/// A progress bar on standard error.
struct Bar(ProgressBar);

impl Progress for Bar {
    fn start(&self, hosts: u64) {
        self.0.set_length(hosts);
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} hosts {msg}",
        ) {
            self.0.set_style(style);
        }
    }

    fn host_done(&self, host: &str, outcome: &PassOutcome) {
        self.0.inc(1);
        let mark = if outcome.summary.ok { "ok" } else { "failed" };
        self.0.set_message(format!("{host} {mark}"));
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}
