//! `bench`: measures sepiola on a generated corpus and appends a dated
//! section to docs/benchmarks.md. See bench/README.md for the method.

mod crash;
mod geo;
mod load;
mod machine;
mod process;
mod queries;
mod queries_realistic;
mod report;
mod soak;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::report::{Measure, Report};

/// Benchmarks of sepiola.
#[derive(Parser, Debug)]
#[command(name = "bench", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Writes the fixed query mix (committed as bench/queries.txt).
    Queries {
        /// Seed of the mix.
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// The mix of the realistic corpus (committed as bench/queries-realistic.txt).
        #[arg(long)]
        realistic: bool,
    },
    /// Runs the whole benchmark.
    Run(RunArgs),
    /// Kills sepiola at random moments of import, crawl and rebuild, and
    /// checks that nothing committed was lost (docs/reliability.md).
    Crash(crash::CrashArgs),
    /// A long mixed load (API, pages, proxied images) on a big index while
    /// a crawl runs: errors, p99 and RSS per window.
    Soak(soak::SoakArgs),
    /// Geographic event queries and place lookups on a running server
    /// (bench/geo.sh prepares one with 100,000 events).
    Geo {
        /// The server, e.g. `http://127.0.0.1:8080`.
        #[arg(long)]
        base: String,
        /// Runs (interleaved across classes).
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// Requests per class and run.
        #[arg(long, default_value_t = 300)]
        requests: usize,
        /// Seed of the requests.
        #[arg(long, default_value_t = 11)]
        seed: u64,
    },
    /// Times each query of the mix on a running server (median of
    /// `--repeat` tries, one client), slowest first: where the time goes.
    Each {
        /// The server, e.g. `http://127.0.0.1:8080`.
        #[arg(long)]
        base: String,
        /// Tries per query.
        #[arg(long, default_value_t = 5)]
        repeat: usize,
        /// The query mix.
        #[arg(long, default_value = "bench/queries.txt")]
        queries: PathBuf,
        /// The server's process id: also report the CPU time it spent per
        /// query (steadier than latency on a busy machine).
        #[arg(long)]
        pid: Option<u32>,
    },
    /// One load phase of `run` on a running server (clients cycling
    /// through the mix's API queries): to compare two binaries on one
    /// index without importing again.
    Load {
        /// The server, e.g. `http://127.0.0.1:8080`.
        #[arg(long)]
        base: String,
        /// Concurrent clients.
        #[arg(long, default_value_t = 16)]
        clients: usize,
        /// Seconds of load (after one warming pass over the mix).
        #[arg(long, default_value_t = 15)]
        seconds: u64,
        /// The query mix.
        #[arg(long, default_value = "bench/queries.txt")]
        queries: PathBuf,
        /// The server's process id: also report its CPU time per request.
        #[arg(long)]
        pid: Option<u32>,
    },
}

/// Options of a run.
#[derive(clap::Args, Debug, Clone)]
pub struct RunArgs {
    /// Small mode for CI: 5,000 videos, one run, short load phases.
    #[arg(long)]
    small: bool,
    /// Videos in the corpus.
    #[arg(long, default_value_t = 1_000_000)]
    videos: u64,
    /// Repetitions of each measurement (the median is reported).
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Seconds of each load phase.
    #[arg(long, default_value_t = 20)]
    seconds: u64,
    /// The corpus's word lists: `small` or `realistic` (`fedsim-corpus --vocabulary`);
    /// use `--queries bench/queries-realistic.txt` with the realistic one.
    #[arg(long, default_value = "small")]
    vocabulary: String,
    /// Working directory for the corpus and the index.
    #[arg(long, default_value = "/tmp/sepiola-bench")]
    work: PathBuf,
    /// The query mix.
    #[arg(long, default_value = "bench/queries.txt")]
    queries: PathBuf,
    /// Markdown file to append the results to (nothing is written when absent).
    #[arg(long)]
    write: Option<PathBuf>,
    /// Directory holding the `sepiola` and `fedsim-corpus` binaries
    /// (default: next to this one).
    #[arg(long)]
    bin_dir: Option<PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Queries { seed, realistic } => {
            if realistic {
                print!("{}", queries_realistic::mix(seed));
            } else {
                print!("{}", queries::mix(seed));
            }
            Ok(())
        }
        Command::Geo {
            base,
            runs,
            requests,
            seed,
        } => {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            print!("{}", rt.block_on(geo::run(&base, runs, requests, seed))?);
            Ok(())
        }
        Command::Each {
            base,
            repeat,
            queries,
            pid,
        } => {
            let mix = queries::load(&queries)?;
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            let cpu_before = pid.and_then(process::cpu_ticks);
            let (times, kind_cpu) = if mix.kinds.iter().any(|k| !k.is_empty()) {
                per_kind(&rt, &base, &mix, repeat, pid)?
            } else {
                (
                    rt.block_on(load::per_query(&base, &mix.api, repeat))?,
                    Vec::new(),
                )
            };
            if let (Some(before), Some(after)) = (cpu_before, pid.and_then(process::cpu_ticks)) {
                let requests = (mix.api.len() * repeat.max(1)) as f64;
                println!(
                    "# server CPU: {:.0} us per request ({} requests)",
                    (after - before) as f64 * process::tick_micros() / requests,
                    requests
                );
            }
            let mut sorted: Vec<u64> = times.iter().map(|(t, _)| *t).collect();
            sorted.sort_unstable();
            let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize];
            if !sorted.is_empty() {
                println!(
                    "# {} queries: p50 {} us, p90 {} us, p99 {} us, mean {} us",
                    sorted.len(),
                    at(0.5),
                    at(0.9),
                    at(0.99),
                    sorted.iter().sum::<u64>() / sorted.len() as u64
                );
            }
            print_kinds(&mix, &times, &kind_cpu);
            for (t, q) in times {
                println!("{t:>8} {q}");
            }
            Ok(())
        }
        Command::Load {
            base,
            clients,
            seconds,
            queries,
            pid,
        } => {
            let mix = queries::load(&queries)?;
            let rt = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()?;
            rt.block_on(load::warm_up(&base, &mix))?;
            let cpu_before = pid.and_then(process::cpu_ticks);
            let phase = rt.block_on(load::run(
                &base,
                &mix.api,
                clients,
                std::time::Duration::from_secs(seconds),
            ))?;
            let cpu = match (cpu_before, pid.and_then(process::cpu_ticks)) {
                (Some(b), Some(a)) if !phase.micros.is_empty() => format!(
                    ", server CPU {:.0} us per request",
                    (a - b) as f64 * process::tick_micros() / phase.micros.len() as f64
                ),
                _ => String::new(),
            };
            println!(
                "{clients} clients, {seconds} s: {:.0} requests/s, p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, {} errors{cpu}",
                phase.throughput(),
                phase.quantile_ms(0.5),
                phase.quantile_ms(0.95),
                phase.quantile_ms(0.99),
                phase.errors
            );
            Ok(())
        }
        Command::Crash(args) => crash::run(&args),
        Command::Soak(args) => soak::run(&args),
        Command::Run(mut args) => {
            if args.small {
                args.videos = args.videos.min(5_000);
                args.runs = 1;
                args.seconds = args.seconds.min(2);
            }
            run(&args)
        }
    }
}

fn bin_dir(args: &RunArgs) -> anyhow::Result<PathBuf> {
    match &args.bin_dir {
        Some(d) => Ok(d.clone()),
        None => Ok(std::env::current_exe()?
            .parent()
            .context("no directory for the bench binary")?
            .to_path_buf()),
    }
}

fn run(args: &RunArgs) -> anyhow::Result<()> {
    let bins = bin_dir(args)?;
    let sepiola = bins.join("sepiola");
    let corpus_bin = bins.join("fedsim-corpus");
    for b in [&sepiola, &corpus_bin] {
        if !b.exists() {
            bail!(
                "{} is missing: build it first (bench/run.sh does)",
                b.display()
            );
        }
    }
    std::fs::create_dir_all(&args.work)?;
    let channels = args.videos / 10;
    let playlists = args.videos / 20;
    // The 100,000 events and 20,000 groups at 1M videos, in proportion below.
    let events = args.videos / 10;
    let groups = args.videos / 50;
    let corpus = args.work.join(if args.vocabulary == "small" {
        format!("corpus-{}-e{events}.jsonl", args.videos)
    } else {
        format!("corpus-{}-{}-e{events}.jsonl", args.vocabulary, args.videos)
    });
    if !corpus.exists() {
        eprintln!("writing the corpus to {}", corpus.display());
        let status = std::process::Command::new(&corpus_bin)
            .args([
                "--vocabulary",
                &args.vocabulary,
                "--videos",
                &args.videos.to_string(),
                "--channels",
                &channels.to_string(),
                "--playlists",
                &playlists.to_string(),
                "--instances",
                &(args.videos / 900).clamp(20, 1_100).to_string(),
                "--events",
                &events.to_string(),
                "--groups",
                &groups.to_string(),
                "--mobilizon-instances",
                &(events / 300).clamp(5, 300).to_string(),
                "--output",
            ])
            .arg(&corpus)
            .status()?;
        if !status.success() {
            bail!("fedsim-corpus failed");
        }
    }
    let docs = count_lines(&corpus)?;
    let mix = queries::load(&args.queries)?;
    let mut report = Report::new(args, docs);

    // Import, from scratch each time.
    let data = args.work.join("data");
    let imports = timed_imports(&sepiola, &data, &corpus, args.runs, "import")?;
    report.import(&imports, dir_size(&data.join("index")));

    // The goal speaks of videos per second: the videos alone, imported the same way.
    let videos_only = args
        .work
        .join(format!("videos-{}-{}.jsonl", args.vocabulary, args.videos));
    if !videos_only.exists() {
        keep_lines(&corpus, &videos_only, "\"kind\":\"video\"")?;
    }
    let video_data = args.work.join("data-videos");
    let video_imports = timed_imports(
        &sepiola,
        &video_data,
        &videos_only,
        args.runs,
        "videos-only import",
    )?;
    let _ = std::fs::remove_dir_all(&video_data);
    report.videos_import(&video_imports, count_lines(&videos_only)?);

    // Serve: time to first answer, then load at 1 and 16 clients.
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let mut starts = Vec::new();
    let mut c1 = Vec::new();
    let mut c16 = Vec::new();
    let mut c16_both = Vec::new();
    let mut mobilizon = Vec::new();
    let mut pages = Vec::new();
    let mut rss = Vec::new();
    let mut page_weight = load::PageWeight::default();
    let mobilizon_mix: Vec<String> = mix
        .api
        .iter()
        .filter(|q| q.contains("/search/events") || q.contains("/search/groups"))
        .cloned()
        .collect();
    let phase = Duration::from_secs(args.seconds);
    for i in 0..args.runs {
        eprintln!("serve run {}/{}", i + 1, args.runs);
        let started = Instant::now();
        let mut server = process::Server::start(&sepiola, &data, true)?;
        let first = rt.block_on(load::first_answer(
            &server.base,
            started,
            Duration::from_secs(60),
        ))?;
        starts.push(first);
        rt.block_on(load::warm_up(&server.base, &mix))?;
        c1.push(rt.block_on(load::run(&server.base, &mix.api, 1, phase))?);
        c16.push(rt.block_on(load::run(&server.base, &mix.api, 16, phase))?);
        if !mobilizon_mix.is_empty() {
            mobilizon.push(rt.block_on(load::run(&server.base, &mobilizon_mix, 1, phase))?);
        }
        pages.push(rt.block_on(load::run(&server.base, &mix.pages, 1, phase))?);
        page_weight = rt.block_on(load::page_weight(&server.base, &mix.pages))?;
        rss.push(server.peak_rss_kib());
        server.stop();
        // The same load with the server free to use both cores (the load
        // generator still runs on the second one).
        let mut server = process::Server::start(&sepiola, &data, false)?;
        rt.block_on(load::warm_up(&server.base, &mix))?;
        c16_both.push(rt.block_on(load::run(&server.base, &mix.api, 16, phase))?);
        server.stop();
    }
    let mut phases = vec![
        ("API, 1 client", c1),
        ("API, 16 clients", c16),
        (
            "API, 16 clients, server on both cores (load generator on one of them)",
            c16_both,
        ),
    ];
    if !mobilizon.is_empty() {
        phases.push(("events and groups only (API), 1 client", mobilizon));
    }
    phases.push(("results page (HTML), 1 client", pages));
    report.serving(&starts, &phases, &rss, page_weight);
    let text = report.markdown(&Measure::commands(args));
    println!("{text}");
    if let Some(path) = &args.write {
        let mut existing = std::fs::read_to_string(path).unwrap_or_default();
        existing.push_str(&text);
        std::fs::write(path, existing)?;
        eprintln!("appended to {}", path.display());
    }
    Ok(())
}

/// Imports `file` `runs` times, each from an empty `data` directory, on
/// every core, measuring each run.
fn timed_imports(
    sepiola: &Path,
    data: &Path,
    file: &Path,
    runs: usize,
    what: &str,
) -> anyhow::Result<Vec<process::Cost>> {
    let mut costs = Vec::new();
    for i in 0..runs {
        let _ = std::fs::remove_dir_all(data);
        eprintln!("{what} run {}/{runs}", i + 1);
        let m = process::measure(
            process::on_all_cores(sepiola)
                .arg("--data-dir")
                .arg(data)
                .args(["index", "import"])
                .arg(file),
        )?;
        if !m.success {
            bail!("{what} failed");
        }
        costs.push(m);
    }
    Ok(costs)
}

/// Copies the lines of `from` holding `needle` to `to`.
fn keep_lines(from: &Path, to: &Path, needle: &str) -> anyhow::Result<()> {
    use std::io::{BufRead, Write};
    let input = std::io::BufReader::new(std::fs::File::open(from)?);
    let mut out = std::io::BufWriter::new(std::fs::File::create(to)?);
    for line in input.split(b'\n') {
        let line = line?;
        if line.windows(needle.len()).any(|w| w == needle.as_bytes()) {
            out.write_all(&line)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}

fn count_lines(p: &Path) -> anyhow::Result<u64> {
    use std::io::BufRead;
    let f = std::io::BufReader::new(std::fs::File::open(p)?);
    Ok(f.split(b'\n').count() as u64)
}

fn dir_size(p: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(p) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

/// The per-kind table of `bench each` (median and mean of each kind's
/// per-query medians, in µs), when the mix names its kinds.
fn print_kinds(mix: &queries::Mix, times: &[(u64, String)], cpu: &[(String, f64)]) {
    let kind_of: std::collections::HashMap<&str, &str> = mix
        .api
        .iter()
        .zip(&mix.kinds)
        .map(|(q, k)| (q.as_str(), k.as_str()))
        .collect();
    let mut by_kind: Vec<(&str, Vec<u64>)> = Vec::new();
    for (t, q) in times {
        let k = kind_of.get(q.as_str()).copied().unwrap_or("");
        if k.is_empty() {
            continue;
        }
        match by_kind.iter_mut().find(|(x, _)| *x == k) {
            Some((_, v)) => v.push(*t),
            None => by_kind.push((k, vec![*t])),
        }
    }
    if by_kind.is_empty() {
        return;
    }
    for (_, v) in &mut by_kind {
        v.sort_unstable();
    }
    by_kind.sort_by_key(|(_, v)| std::cmp::Reverse(v[v.len() / 2]));
    println!("# by kind: median us, mean us, server CPU us per request, queries");
    for (k, v) in by_kind {
        let c = cpu
            .iter()
            .find(|(x, _)| x == k)
            .map(|(_, c)| format!("{c:.0}"))
            .unwrap_or_else(|| "-".into());
        println!(
            "# kind {:>8} {:>8} {:>8} {:>4}  {k}",
            v[v.len() / 2],
            v.iter().sum::<u64>() / v.len() as u64,
            c,
            v.len()
        );
    }
}

/// Times a mix kind by kind, also measuring the server's CPU time per
/// request of each kind (with `pid`); returns every query's time, slowest
/// first, and each kind's CPU µs per request.
type KindTimes = (Vec<(u64, String)>, Vec<(String, f64)>);
fn per_kind(
    rt: &tokio::runtime::Runtime,
    base: &str,
    mix: &queries::Mix,
    repeat: usize,
    pid: Option<u32>,
) -> anyhow::Result<KindTimes> {
    let mut order: Vec<&str> = Vec::new();
    for k in &mix.kinds {
        if !order.contains(&k.as_str()) {
            order.push(k);
        }
    }
    let mut all = Vec::new();
    let mut cpu = Vec::new();
    for k in order {
        let lines: Vec<String> = mix
            .api
            .iter()
            .zip(&mix.kinds)
            .filter(|(_, x)| x.as_str() == k)
            .map(|(q, _)| q.clone())
            .collect();
        let before = pid.and_then(process::cpu_ticks);
        all.extend(rt.block_on(load::per_query(base, &lines, repeat))?);
        if let (Some(b), Some(a)) = (before, pid.and_then(process::cpu_ticks)) {
            let requests = (lines.len() * repeat.max(1)) as f64;
            cpu.push((
                k.to_string(),
                (a - b) as f64 * process::tick_micros() / requests,
            ));
        }
    }
    all.sort_unstable_by(|a, b| b.cmp(a));
    Ok((all, cpu))
}
