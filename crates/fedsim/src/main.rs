//! The `fedsim` binary: starts a simulated PeerTube federation on loopback, prints one JSON line
//! describing it, and serves until killed.

use anyhow::Context;
use clap::Parser;
use fedsim::{HostileKind, SimConfig, VersionMix};
use std::io::Write;
use std::net::IpAddr;
use std::time::Duration;

/// A simulated PeerTube and Mobilizon federation on loopback for tests, benchmarks and demos.
#[derive(Parser, Debug)]
#[command(name = "fedsim", version, about)]
struct Cli {
    /// Number of PeerTube instances on the list.
    #[arg(long, default_value_t = 10)]
    peertube_instances: usize,
    /// Seed: equal seeds give equal content.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Average local videos per instance (heavy-tailed sizes; instance i's size does not depend
    /// on the instance count).
    #[arg(long, default_value_t = 50.0)]
    videos_per_instance: f64,
    /// Exactly this many local videos in total, spread over the instances (overrides the average).
    #[arg(long)]
    total_videos: Option<u64>,
    /// Make the first N instances hostile, kinds assigned in rotation (from --hostile-kinds, or all).
    #[arg(long)]
    hostile: Option<usize>,
    /// Comma-separated hostile kinds, assigned in order to the first instances (see README).
    #[arg(long, value_delimiter = ',')]
    hostile_kinds: Vec<String>,
    /// Do not list remote (federated) videos and channels on any instance.
    #[arg(long)]
    no_remote: bool,
    /// Word lists of the generated text: `small` (default) or `realistic` (see
    /// `fedsim::vocabulary`).
    #[arg(long, value_enum, default_value_t = fedsim::vocabulary::Vocabulary::Small)]
    vocabulary: fedsim::vocabulary::Vocabulary,
    /// Address to listen on (keep it on loopback).
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Fixed ports: directory on P, decoy on P+1, instance i on P+2+i, Mobilizon instance j after them (default: OS-assigned).
    #[arg(long)]
    base_port: Option<u16>,
    /// Size in MiB of the bodies of huge-chunked, huge-length and length-lie.
    #[arg(long, default_value_t = 512)]
    huge_body_mib: u64,
    /// Milliseconds between two bytes of slow-drip.
    #[arg(long, default_value_t = 500)]
    drip_interval_ms: u64,
    /// Maximum number of requests kept in the request log.
    #[arg(long, default_value_t = 1_000_000)]
    log_capacity: usize,
    /// Videos of the decoy instance.
    #[arg(long, default_value_t = 20)]
    decoy_videos: usize,
    /// Generate all content before printing the first line (default: each instance on first use).
    #[arg(long)]
    eager: bool,
    /// Number of Mobilizon instances (each on its own port, on the Mobilizon list).
    #[arg(long, default_value_t = 0)]
    mobilizon_instances: usize,
    /// Average events per Mobilizon instance (heavy-tailed sizes).
    #[arg(long, default_value_t = 40.0)]
    mobilizon_events_per_instance: f64,
    /// Exactly this many events over all Mobilizon instances (overrides the average).
    #[arg(long)]
    mobilizon_total_events: Option<u64>,
    /// Groups per Mobilizon instance.
    #[arg(long, default_value_t = 5)]
    mobilizon_groups_per_instance: usize,
    /// Comma-separated hostile kinds for the first Mobilizon instances (see README).
    #[arg(long, value_delimiter = ',')]
    mobilizon_hostile_kinds: Vec<String>,
    /// PeerTube release the instances imitate: `mixed` (about half 6.3, half 8.2, from the seed and index), `6.3` or `8.2`.
    #[arg(long, default_value = "mixed")]
    peertube_version: String,
}

fn hostile_kinds(cli: &Cli) -> anyhow::Result<Vec<HostileKind>> {
    let named = cli
        .hostile_kinds
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| HostileKind::parse(s))
        .collect::<Result<Vec<_>, _>>()?;
    let pool: Vec<HostileKind> = if named.is_empty() {
        HostileKind::ALL.to_vec()
    } else {
        named.clone()
    };
    let n = match cli.hostile {
        Some(n) => n,
        None => named.len(),
    };
    anyhow::ensure!(
        n <= cli.peertube_instances,
        "--hostile {n} is more than --peertube-instances {}",
        cli.peertube_instances
    );
    Ok((0..n).map(|i| pool[i % pool.len()]).collect())
}

fn mobilizon_hostile(cli: &Cli) -> anyhow::Result<Vec<HostileKind>> {
    let kinds = cli
        .mobilizon_hostile_kinds
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| HostileKind::parse(s))
        .collect::<Result<Vec<_>, _>>()?;
    anyhow::ensure!(
        kinds.len() <= cli.mobilizon_instances,
        "--mobilizon-hostile-kinds names more kinds than --mobilizon-instances {}",
        cli.mobilizon_instances
    );
    Ok(kinds)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    fedsim::vocabulary::set(cli.vocabulary);
    let config = SimConfig {
        seed: cli.seed,
        instances: cli.peertube_instances,
        videos_per_instance: cli.videos_per_instance,
        total_videos: cli.total_videos,
        hostile: hostile_kinds(&cli)?,
        remote_videos: !cli.no_remote,
        bind: cli.bind,
        base_port: cli.base_port,
        log_capacity: cli.log_capacity,
        huge_body_bytes: cli.huge_body_mib.saturating_mul(1024 * 1024),
        drip_interval: Duration::from_millis(cli.drip_interval_ms),
        decoy_videos: cli.decoy_videos,
        eager: cli.eager,
        mobilizon_instances: cli.mobilizon_instances,
        mobilizon_events_per_instance: cli.mobilizon_events_per_instance,
        mobilizon_total_events: cli.mobilizon_total_events,
        mobilizon_groups_per_instance: cli.mobilizon_groups_per_instance,
        mobilizon_hostile: mobilizon_hostile(&cli)?,
        versions: VersionMix::parse(&cli.peertube_version).with_context(|| {
            format!(
                "--peertube-version {}: expected mixed, 6.3 or 8.2",
                cli.peertube_version
            )
        })?,
    };
    let running = fedsim::start(config)
        .await
        .context("starting the federation")?;
    let line = serde_json::to_string(&running.info).context("encoding the startup line")?;
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{line}").context("writing the startup line")?;
        out.flush().context("flushing stdout")?;
    }
    wait_for_signal().await;
    Ok(())
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
