//! `bench soak` (issue 15, point 4): a long mixed load on a big index while
//! a crawl runs. The corpus is imported, then `sepiola serve` (both cores)
//! serves it while crawling a simulated federation (fedsim, in this
//! process) on a short quick interval; 16 clients send the API queries of
//! the mix (every kind), results pages and proxied images (thumbnails of
//! the crawled instances) for the whole duration. Every window of
//! `--window` seconds records requests, errors, p50/p99 and the server's
//! RSS, so a leak or a slow drift shows as a trend, not a single number.
//!
//! The list the crawler reads holds the corpus's hosts too (they do not
//! resolve: the crawler keeps failing on them, as on a real list with dead
//! hosts) so that their documents are not purged as "left the list".

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::Value;

use crate::process;
use crate::queries;

/// Options of `bench soak`.
#[derive(clap::Args, Debug, Clone)]
pub struct SoakArgs {
    /// The corpus to import (JSON Lines, e.g. the one `bench run` wrote).
    #[arg(long)]
    pub corpus: PathBuf,
    /// Minutes of load.
    #[arg(long, default_value_t = 10)]
    pub minutes: u64,
    /// Seconds per reported window.
    #[arg(long, default_value_t = 30)]
    pub window: u64,
    /// Load clients.
    #[arg(long, default_value_t = 16)]
    pub clients: usize,
    /// Simulated instances crawled during the load.
    #[arg(long, default_value_t = 40)]
    pub instances: usize,
    /// Working directory.
    #[arg(long, default_value = "/tmp/sepiola-soak")]
    pub work: PathBuf,
    /// The query mix.
    #[arg(long, default_value = "bench/queries.txt")]
    pub queries: PathBuf,
    /// Directory holding the `sepiola` binary (default: next to this one).
    #[arg(long)]
    pub bin_dir: Option<PathBuf>,
    /// Markdown file to append the results to.
    #[arg(long)]
    pub write: Option<PathBuf>,
}

/// One window of the load.
#[derive(Debug, Default, Clone)]
struct Window {
    /// Latencies, microseconds.
    micros: Vec<u64>,
    errors: usize,
    rss_kib: u64,
    /// Documents in the index at the window's end.
    documents: u64,
}

fn corpus_hosts(corpus: &Path) -> anyhow::Result<BTreeSet<String>> {
    use std::io::BufRead;
    let f = std::io::BufReader::new(std::fs::File::open(corpus)?);
    let mut hosts = BTreeSet::new();
    for line in f.lines() {
        let line = line?;
        // Cheap: the host is the only `"host":"…"` at the top level in
        // practice, and a wrong guess only adds a dead host to the list.
        if let Some(rest) = line.split("\"host\":").nth(1)
            && let Some(h) = rest
                .trim_start()
                .strip_prefix('"')
                .and_then(|r| r.split('"').next())
        {
            hosts.insert(h.to_string());
        }
    }
    Ok(hosts)
}

/// Runs `bench soak`.
pub fn run(args: &SoakArgs) -> anyhow::Result<()> {
    let bins = match &args.bin_dir {
        Some(d) => d.clone(),
        None => std::env::current_exe()?
            .parent()
            .context("no directory for the bench binary")?
            .to_path_buf(),
    };
    let sepiola = bins.join("sepiola");
    if !sepiola.exists() {
        bail!("{} is missing: build it first", sepiola.display());
    }
    std::fs::create_dir_all(&args.work)?;
    let data = args.work.join("data");
    let _ = std::fs::remove_dir_all(&data);
    eprintln!("importing {}", args.corpus.display());
    let import = process::measure(
        process::on_all_cores(&sepiola)
            .arg("--data-dir")
            .arg(&data)
            .args(["index", "import"])
            .arg(&args.corpus),
    )?;
    if !import.success {
        bail!("import failed");
    }
    let docs = import
        .stdout
        .split_whitespace()
        .nth(1)
        .unwrap_or("?")
        .to_string();
    let mix = queries::load(&args.queries)?;

    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let fed = rt.block_on(fedsim::start(fedsim::SimConfig {
        seed: 3,
        instances: args.instances,
        videos_per_instance: 150.0,
        ..Default::default()
    }))?;
    let info = serde_json::to_value(&fed.info)?;
    let mut hosts = corpus_hosts(&args.corpus)?;
    for i in info["instances"].as_array().into_iter().flatten() {
        if let Some(h) = i["host"].as_str() {
            hosts.insert(h.to_string());
        }
    }
    let list = args.work.join("hosts.txt");
    std::fs::write(&list, hosts.iter().cloned().collect::<Vec<_>>().join("\n"))?;
    let config = args.work.join("soak.toml");
    std::fs::write(
        &config,
        format!(
            "[crawl]\npeertube_list = \"{}\"\nscheme = \"http\"\nallow_private_addresses = true\n\
             quick_interval_secs = 20\nconcurrency = 4\ntimeout_secs = 3\nconnect_timeout_secs = 1\n\
             [images]\nallow_private_addresses = true\n",
            list.display()
        ),
    )?;
    let mut server = process::Server::start_with(&sepiola, &data, &config)?;
    let base = server.base.clone();
    let pid = server.pid();

    // Proxied images: thumbnails of the crawled instances, once they are in.
    let fed_hosts: Vec<String> = info["instances"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["host"].as_str().map(str::to_string))
        .collect();
    let images = rt.block_on(thumbnails(&base, &fed_hosts, Duration::from_secs(120)))?;
    eprintln!("{} proxied images in the load", images.len());
    let mut load: Vec<String> = mix.api.clone();
    load.extend(mix.pages.iter().cloned());
    load.extend(images.iter().map(|src| {
        format!(
            "/img?src={}",
            percent_encoding::utf8_percent_encode(src, percent_encoding::NON_ALPHANUMERIC)
        )
    }));

    eprintln!("soak: {} clients for {} min", args.clients, args.minutes);
    let windows = rt.block_on(soak(&base, Arc::new(load), args, pid))?;
    server.stop();
    drop(fed);
    let text = report(args, &docs, images.len(), &windows);
    print!("{text}");
    if let Some(path) = &args.write {
        let mut existing = std::fs::read_to_string(path).unwrap_or_default();
        existing.push_str(&text);
        std::fs::write(path, existing)?;
    }
    let errors: usize = windows.iter().map(|w| w.errors).sum();
    if errors > 0 {
        bail!("{errors} requests failed during the soak");
    }
    Ok(())
}

/// Thumbnail URLs of videos the server indexed from `hosts`.
async fn thumbnails(base: &str, hosts: &[String], within: Duration) -> anyhow::Result<Vec<String>> {
    let c = reqwest::Client::new();
    let started = Instant::now();
    let mut out = Vec::new();
    while out.len() < 50 && started.elapsed() < within {
        out.clear();
        for h in hosts.iter().take(10) {
            let url = format!("{base}/api/v1/search/videos?host={h}&count=10&sort=-publishedAt");
            let v: Value = c.get(&url).send().await?.json().await?;
            for d in v["data"].as_array().into_iter().flatten() {
                if let Some(t) = d["thumbnailPath"].as_str() {
                    out.push(format!("http://{h}{t}"));
                }
            }
        }
        if out.len() < 50 {
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    }
    Ok(out)
}

async fn soak(
    base: &str,
    load: Arc<Vec<String>>,
    args: &SoakArgs,
    pid: u32,
) -> anyhow::Result<Vec<Window>> {
    let c = crate::load::client()?;
    let started = Instant::now();
    let total = Duration::from_secs(args.minutes * 60);
    let window = Duration::from_secs(args.window.max(1));
    let n_windows = (total.as_secs() / window.as_secs()).max(1) as usize;
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..args.clients {
        let (c, load, next, base) = (c.clone(), load.clone(), next.clone(), base.to_string());
        tasks.push(tokio::spawn(async move {
            // (window, micros or None for an error)
            let mut seen: Vec<(usize, Option<u64>)> = Vec::new();
            while started.elapsed() < total {
                let q = &load[next.fetch_add(1, Ordering::Relaxed) % load.len()];
                let t = Instant::now();
                let ok = match c.get(format!("{base}{q}")).send().await {
                    Ok(r) if r.status().is_success() => r.bytes().await.is_ok(),
                    _ => false,
                };
                let w = (started.elapsed().as_secs() / window.as_secs()) as usize;
                seen.push((w, ok.then(|| t.elapsed().as_micros() as u64)));
            }
            seen
        }));
    }
    // RSS and the index's size at every window's end.
    let mut samples = Vec::new();
    for i in 1..=n_windows {
        let at = window * i as u32;
        if let Some(wait) = at.checked_sub(started.elapsed()) {
            tokio::time::sleep(wait).await;
        }
        let docs = documents(&c, base).await.unwrap_or(0);
        samples.push((process::vm_rss_kib(pid).unwrap_or(0), docs));
    }
    let mut windows = vec![Window::default(); n_windows];
    for t in tasks {
        for (w, r) in t.await? {
            let Some(win) = windows.get_mut(w.min(n_windows - 1)) else {
                continue;
            };
            match r {
                Some(m) => win.micros.push(m),
                None => win.errors += 1,
            }
        }
    }
    for (w, (rss, docs)) in windows.iter_mut().zip(samples) {
        w.micros.sort_unstable();
        w.rss_kib = rss;
        w.documents = docs;
    }
    Ok(windows)
}

/// Documents in the index, every kind, from `/metrics` (grows as the
/// crawl writes).
async fn documents(c: &reqwest::Client, base: &str) -> anyhow::Result<u64> {
    let text = c
        .get(format!("{base}/metrics"))
        .send()
        .await?
        .text()
        .await?;
    Ok(text
        .lines()
        .filter(|l| l.starts_with("sepiola_documents{"))
        .filter_map(|l| l.split_whitespace().last())
        .filter_map(|v| v.parse::<f64>().ok())
        .map(|v| v as u64)
        .sum())
}

fn report(args: &SoakArgs, docs: &str, images: usize, windows: &[Window]) -> String {
    let mut s = format!(
        "\n## Soak, {} (`bench soak --minutes {} --clients {}`)\n\n\
         Machine: {}. Index: {docs} documents from `{}`; {} simulated instances crawled\n\
         meanwhile (quick interval 20 s) beside the corpus's own hosts, which do not resolve;\n\
         the load: the API queries and results pages of `{}` and {images} proxied thumbnails,\n\
         round-robin over {} clients, server on both cores.\n\n\
         | window | requests | errors | p50 ms | p99 ms | RSS MiB | documents in the index |\n\
         |---:|---:|---:|---:|---:|---:|---:|\n",
        chrono::Utc::now().format("%Y-%m-%d"),
        args.minutes,
        args.clients,
        crate::machine::describe(),
        args.corpus.display(),
        args.instances,
        args.queries.display(),
        args.clients,
    );
    for (i, w) in windows.iter().enumerate() {
        s.push_str(&format!(
            "| {}–{} s | {} | {} | {:.1} | {:.1} | {} | {} |\n",
            i as u64 * args.window,
            (i as u64 + 1) * args.window,
            w.micros.len(),
            w.errors,
            crate::load::quantile_ms(&w.micros, 0.5),
            crate::load::quantile_ms(&w.micros, 0.99),
            w.rss_kib / 1024,
            w.documents
        ));
    }
    let errors: usize = windows.iter().map(|w| w.errors).sum();
    let requests: usize = windows.iter().map(|w| w.micros.len()).sum();
    let (first, last) = (
        windows.first().map_or(0, |w| w.rss_kib),
        windows.last().map_or(0, |w| w.rss_kib),
    );
    s.push_str(&format!(
        "\n{requests} requests answered, {errors} errors; RSS {} MiB in the first window, {} MiB in the last.\n",
        first / 1024,
        last / 1024
    ));
    s
}
