//! `sepiola serve`: open the index, serve HTTP, commit in the background.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;

use sepiola_index::SearchIndex;
use sepiola_server::AppState;

use crate::config::Config;

/// Runs the server until SIGINT or SIGTERM.
pub fn run(config: Config) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(serve(config))
}

async fn serve(config: Config) -> anyhow::Result<ExitCode> {
    let dir = config.data_dir.join("index");
    let index = Arc::new(
        SearchIndex::open(&dir, config.index.writer_memory_mb * 1_000_000)
            .with_context(|| format!("opening the index in {}", dir.display()))?,
    );
    let denied = config
        .moderation
        .deny_hosts
        .iter()
        .filter_map(|h| sepiola_model::actor::normalize_host(h))
        .collect();
    let state = Arc::new(AppState::new(
        index.clone(),
        config.instance.clone(),
        denied,
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
    sepiola_server::serve(listener, state, shutdown_signal())
        .await
        .context("serving HTTP")?;
    committer.abort();
    tokio::task::spawn_blocking(move || index.commit())
        .await
        .context("final commit")??;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

async fn shutdown_signal() {
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
