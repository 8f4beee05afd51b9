//! `sepiola demo`: a simulated federation (fedsim: PeerTube instances and
//! Mobilizon instances) started in this process on loopback, crawled and served at once, offline, with a banner
//! on every page saying it is a demo. For anyone who wants to see sepiola
//! work in a minute without choosing an instance list.

use std::process::ExitCode;

use anyhow::Context;

use crate::config::Config;

/// What `sepiola demo` was asked for.
#[derive(Debug, Clone)]
pub struct DemoArgs {
    /// Simulated instances.
    pub instances: usize,
    /// Average videos per instance.
    pub videos_per_instance: f64,
    /// Simulated Mobilizon instances.
    pub mobilizon_instances: usize,
    /// Seed of the simulated content.
    pub seed: u64,
}

/// Starts the federation, then serves and crawls it until SIGINT or SIGTERM.
/// Without `--data-dir` the index lives in a temporary directory, removed
/// on exit.
pub fn run(mut config: Config, args: DemoArgs, data_dir_given: bool) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let _temp = if data_dir_given {
        None
    } else {
        let t = tempfile::tempdir().context("creating a temporary data directory")?;
        config.data_dir = t.path().to_path_buf();
        Some(t)
    };
    runtime.block_on(async move {
        let fed = fedsim::start(fedsim::SimConfig {
            seed: args.seed,
            instances: args.instances.max(1),
            videos_per_instance: args.videos_per_instance,
            mobilizon_instances: args.mobilizon_instances,
            ..Default::default()
        })
        .await
        .context("starting the simulated federation")?;
        tracing::info!(
            instances = fed.info.instances.len(),
            videos = fed.info.total_local_videos,
            list = %fed.info.peertube_list,
            mobilizon_instances = args.mobilizon_instances,
            "demo: simulated federation on loopback"
        );
        let mobilizon = (args.mobilizon_instances > 0).then_some(fed.info.mobilizon_list.as_str());
        demo_config(&mut config, &fed.info.peertube_list, mobilizon);
        crate::serve::serve(config).await
    })
}

/// The crawl and page settings of a demo: the simulated list only, plain
/// HTTP on loopback, no politeness delay, a banner.
fn demo_config(config: &mut Config, list: &str, mobilizon_list: Option<&str>) {
    config.crawl.peertube_list = Some(list.to_string());
    config.crawl.mobilizon_list = mobilizon_list.map(str::to_string);
    config.crawl.hosts.clear();
    config.crawl.scheme = "http".into();
    config.crawl.allow_private_addresses = true;
    config.crawl.per_host_delay_ms = 0;
    config.crawl.quick_interval_secs = config.crawl.quick_interval_secs.min(30);
    config.images.allow_private_addresses = true;
    config.index.commit_interval_ms = config.index.commit_interval_ms.min(500);
    config.instance.banner = Some(
        "This is a demo: every instance, video, channel, event and group here is simulated \
         on this computer, and nothing leaves it."
            .into(),
    );
}
