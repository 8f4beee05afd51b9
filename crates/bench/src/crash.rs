//! `bench crash`: kills sepiola with SIGKILL at random moments of the work
//! that writes the index, and checks after every kill that nothing
//! acknowledged was lost (issue 15, point 1). Four phases share the kills:
//!
//! * **import** — `sepiola index import` of a generated corpus, killed
//!   part-way, again and again over the same data directory. After each
//!   kill the index opens (`index export` succeeds), holds nothing that is
//!   not in the corpus, and still holds every document an earlier kill
//!   found committed; a last, complete import holds the whole corpus.
//! * **crawl** — `sepiola serve` crawling a simulated federation (fedsim,
//!   in this process), killed part-way and started again. After each kill
//!   the index opens, the crawl state file reads, and every host the state
//!   records as fully passed has all of fedsim's videos in the index; after
//!   the last restart every host is passed and complete.
//! * **rebuild** — `sepiola index rebuild` of a complete index, killed
//!   part-way. After each kill the index opens and holds the whole corpus
//!   (the old index or the new one, never less); a last rebuild completes.
//! * **moderation writes** — `sepiola moderate block`, killed part-way.
//!   After each kill the decision log reads and holds every decision a
//!   command acknowledged; a last decision is taken.
//!
//! "Documents lost" counts every document a check found missing; it must
//! be 0. Kills that came after the process had already finished are counted
//! apart (they test nothing).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::Value;

/// Options of `bench crash`.
#[derive(clap::Args, Debug, Clone)]
pub struct CrashArgs {
    /// Kills in all, shared by the three phases.
    #[arg(long, default_value_t = 100)]
    pub kills: usize,
    /// Small mode for the test suite: 8 kills, a small corpus and federation.
    #[arg(long)]
    pub small: bool,
    /// Seed of the kill moments.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Working directory (emptied first).
    #[arg(long, default_value = "/tmp/sepiola-crash")]
    pub work: PathBuf,
    /// Directory holding the `sepiola` and `fedsim-corpus` binaries
    /// (default: next to this one).
    #[arg(long)]
    pub bin_dir: Option<PathBuf>,
    /// Markdown file to append the results to.
    #[arg(long)]
    pub write: Option<PathBuf>,
}

/// What one phase found.
#[derive(Debug, Default)]
struct Phase {
    name: &'static str,
    /// Kills of a process still at work.
    kills: usize,
    /// Kills that came after the process had finished.
    late: usize,
    /// Times the index opened after a kill.
    opened: usize,
    /// Documents a check found missing.
    lost: usize,
    /// Documents the checks looked for, over all checks (so a run whose
    /// checks had nothing to look for shows it).
    checked: usize,
    wall: Duration,
}

impl Phase {
    fn named(name: &'static str) -> Phase {
        Phase {
            name,
            ..Default::default()
        }
    }
}

/// Runs one phase and records its wall time.
fn timed(run: impl FnOnce() -> anyhow::Result<Phase>) -> anyhow::Result<Phase> {
    let started = Instant::now();
    let mut phase = run()?;
    phase.wall = started.elapsed();
    Ok(phase)
}

/// The binaries run, and where exports are written.
struct Bins {
    sepiola: PathBuf,
    corpus: PathBuf,
    scratch: PathBuf,
}

/// Runs `bench crash`.
pub fn run(args: &CrashArgs) -> anyhow::Result<()> {
    let dir = match &args.bin_dir {
        Some(d) => d.clone(),
        None => std::env::current_exe()?
            .parent()
            .context("no directory for the bench binary")?
            .to_path_buf(),
    };
    let bins = Bins {
        sepiola: dir.join("sepiola"),
        corpus: dir.join("fedsim-corpus"),
        scratch: args.work.join("export.jsonl"),
    };
    for b in [&bins.sepiola, &bins.corpus] {
        if !b.exists() {
            bail!("{} is missing: build it first", b.display());
        }
    }
    let kills = if args.small { 8 } else { args.kills.max(4) };
    let videos: u64 = if args.small { 1_500 } else { 8_000 };
    if args.work.exists() {
        std::fs::remove_dir_all(&args.work)
            .with_context(|| format!("emptying {}", args.work.display()))?;
    }
    std::fs::create_dir_all(&args.work)?;
    let mut rng = ChaCha8Rng::seed_from_u64(args.seed);
    let corpus = args.work.join("corpus.jsonl");
    write_corpus(&bins, &corpus, videos)?;
    let want = keys_of_file(&corpus)?;
    eprintln!("corpus: {} documents", want.len());

    let per = kills / 4;
    let phases = vec![
        timed(|| import_phase(&bins, &args.work, &corpus, &want, per, &mut rng))?,
        timed(|| crawl_phase(&bins, &args.work, kills - 3 * per, args.small, &mut rng))?,
        timed(|| rebuild_phase(&bins, &args.work, &corpus, &want, per, &mut rng))?,
        timed(|| moderation_phase(&bins, &args.work, per, &mut rng))?,
    ];
    let text = report(&phases, want.len(), args);
    print!("{text}");
    if let Some(path) = &args.write {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .with_context(|| format!("opening {}", path.display()))?;
        f.write_all(text.as_bytes())?;
    }
    let lost: usize = phases.iter().map(|p| p.lost).sum();
    let missed: usize = phases.iter().map(|p| p.kills + p.late - p.opened).sum();
    if lost > 0 || missed > 0 {
        bail!("{lost} documents lost, {missed} times the index did not open");
    }
    Ok(())
}

fn write_corpus(bins: &Bins, corpus: &Path, videos: u64) -> anyhow::Result<()> {
    let status = Command::new(&bins.corpus)
        .args([
            "--videos",
            &videos.to_string(),
            "--channels",
            &(videos / 10).to_string(),
            "--playlists",
            &(videos / 20).to_string(),
            "--instances",
            "20",
            "--events",
            &(videos / 10).to_string(),
            "--groups",
            &(videos / 50).to_string(),
            "--mobilizon-instances",
            "5",
            "--output",
        ])
        .arg(corpus)
        .stdout(Stdio::null())
        .status()?;
    if !status.success() {
        bail!("fedsim-corpus failed");
    }
    Ok(())
}

/// A document's identity in an export or a corpus line: its kind, host
/// and the first of uuid / name / id it has (what the index keys on).
fn key_of(v: &Value) -> Option<String> {
    let kind = v["kind"].as_str()?;
    let host = v["host"].as_str()?;
    let id = ["uuid", "name", "id"].iter().find_map(|k| match &v[*k] {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })?;
    Some(format!("{kind} {host} {id}"))
}

fn keys_of_file(path: &Path) -> anyhow::Result<BTreeSet<String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| key_of(&v))
        .collect())
}

fn sepiola(bins: &Bins, data: &Path) -> Command {
    let mut c = Command::new(&bins.sepiola);
    c.arg("--data-dir")
        .arg(data)
        .env("SEPIOLA_LOG", "error")
        .env("SEPIOLA_CRAWL__DEFAULT_LIST", "")
        .env_remove("SEPIOLA_CONFIG")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// Opens the index read-only and lists what it holds; None when it does
/// not open.
fn export(bins: &Bins, data: &Path) -> anyhow::Result<Option<Vec<Value>>> {
    let out = &bins.scratch;
    let status = sepiola(bins, data)
        .args(["index", "export", "-o"])
        .arg(out)
        .status()?;
    if !status.success() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(out)?;
    Ok(Some(
        text.lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .collect(),
    ))
}

/// Waits `after`, then SIGKILLs `child`. True when it was still running.
fn kill_after(mut child: Child, after: Duration) -> anyhow::Result<bool> {
    let until = Instant::now() + after;
    while Instant::now() < until {
        if child.try_wait()?.is_some() {
            return Ok(false);
        }
        std::thread::sleep(Duration::from_millis(5).min(until - Instant::now()));
    }
    let running = child.try_wait()?.is_none();
    child.kill()?; // SIGKILL
    child.wait()?;
    Ok(running)
}

/// A sepiola command line, e.g. `index import FILE`.
type Args = Vec<std::ffi::OsString>;

fn args(words: &[&str], file: Option<&Path>) -> Args {
    let mut a: Args = words.iter().map(Into::into).collect();
    a.extend(file.map(|f| f.as_os_str().to_os_string()));
    a
}

/// Runs `args` over `data` to its end; answers how long it took.
fn run_to_end(bins: &Bins, data: &Path, args: &Args) -> anyhow::Result<Duration> {
    let started = Instant::now();
    let status = sepiola(bins, data).args(args).status()?;
    if !status.success() {
        bail!("sepiola {args:?} failed");
    }
    Ok(started.elapsed())
}

/// Starts `args` over `data`, SIGKILLs it after a random part (`range`) of
/// `full`, counts the kill, and opens the index: the keys it holds, or
/// None (counted as not opened) when it does not open.
fn kill_then_open(
    bins: &Bins,
    data: &Path,
    args: &Args,
    full: Duration,
    range: std::ops::Range<f64>,
    rng: &mut ChaCha8Rng,
    phase: &mut Phase,
) -> anyhow::Result<Option<BTreeSet<String>>> {
    let child = sepiola(bins, data).args(args).spawn()?;
    if kill_after(child, full.mul_f64(rng.random_range(range)))? {
        phase.kills += 1;
    } else {
        phase.late += 1;
    }
    let Some(docs) = export(bins, data)? else {
        eprintln!("{}: the index did not open after a kill", phase.name);
        return Ok(None);
    };
    phase.opened += 1;
    Ok(Some(docs.iter().filter_map(key_of).collect()))
}

/// Runs `args` to its end, then counts what of `want` the index lacks.
fn complete(
    bins: &Bins,
    data: &Path,
    args: &Args,
    want: &BTreeSet<String>,
    phase: &mut Phase,
) -> anyhow::Result<()> {
    run_to_end(bins, data, args)?;
    let held: BTreeSet<String> = export(bins, data)?
        .with_context(|| format!("{}: the index did not open after the last run", phase.name))?
        .iter()
        .filter_map(key_of)
        .collect();
    phase.lost += want.difference(&held).count();
    phase.checked += want.len();
    Ok(())
}

fn import_phase(
    bins: &Bins,
    work: &Path,
    corpus: &Path,
    want: &BTreeSet<String>,
    kills: usize,
    rng: &mut ChaCha8Rng,
) -> anyhow::Result<Phase> {
    let mut phase = Phase::named("index import");
    let data = work.join("import");
    let import = args(&["index", "import"], Some(corpus));
    let full = run_to_end(bins, &data, &import)?;
    std::fs::remove_dir_all(&data)?;
    let mut committed: BTreeSet<String> = BTreeSet::new();
    for k in 0..kills {
        // Every fourth kill starts from an empty data directory, the others
        // import again over what the last one left.
        if k % 4 == 0 && data.exists() {
            std::fs::remove_dir_all(&data)?;
            committed.clear();
        }
        let range = 0.02..0.98;
        let Some(held) = kill_then_open(bins, &data, &import, full, range, rng, &mut phase)? else {
            continue;
        };
        let phantom = held.difference(want).count();
        let lost = committed.difference(&held).count();
        if phantom > 0 || lost > 0 {
            eprintln!(
                "import kill {k}: {lost} committed documents lost, {phantom} not in the corpus"
            );
        }
        phase.lost += lost + phantom;
        phase.checked += committed.len() + held.len();
        committed = held;
    }
    complete(bins, &data, &import, want, &mut phase)?;
    Ok(phase)
}

fn rebuild_phase(
    bins: &Bins,
    work: &Path,
    corpus: &Path,
    want: &BTreeSet<String>,
    kills: usize,
    rng: &mut ChaCha8Rng,
) -> anyhow::Result<Phase> {
    let mut phase = Phase::named("index rebuild");
    let data = work.join("rebuild");
    run_to_end(bins, &data, &args(&["index", "import"], Some(corpus)))?;
    let rebuild = args(&["index", "rebuild"], None);
    let full = run_to_end(bins, &data, &rebuild)?;
    for k in 0..kills {
        // A rebuild's length varies more than an import's: aim inside it.
        let range = 0.02..0.85;
        let Some(held) = kill_then_open(bins, &data, &rebuild, full, range, rng, &mut phase)?
        else {
            continue;
        };
        let lost = want.difference(&held).count();
        if lost > 0 {
            eprintln!("rebuild kill {k}: {lost} documents lost");
        }
        phase.lost += lost;
        phase.checked += want.len();
    }
    complete(bins, &data, &rebuild, want, &mut phase)?;
    Ok(phase)
}

/// Moderation writes: `sepiola moderate block` killed part-way, over and
/// over on one data directory. A decision the command acknowledged
/// ("decision N: …" on its output) must be in the log afterwards, and the
/// log must still read and take new decisions.
fn moderation_phase(
    bins: &Bins,
    work: &Path,
    kills: usize,
    rng: &mut ChaCha8Rng,
) -> anyhow::Result<Phase> {
    let mut phase = Phase::named("moderation writes");
    let data = work.join("moderation");
    let block = |i: usize| {
        args(
            &[
                "moderate",
                "block",
                "video",
                &format!("crash.example/doc-{i}"),
                "--reason",
                "spam",
            ],
            None,
        )
    };
    let mut one = Duration::ZERO;
    for i in 0..3 {
        one += run_to_end(bins, &data, &block(1_000_000 + i))?;
    }
    let one = one / 3;
    let mut acknowledged: BTreeSet<String> = BTreeSet::new();
    for k in 0..kills {
        let mut child = sepiola(bins, &data)
            .args(block(k))
            .stdout(Stdio::piped())
            .spawn()?;
        let out = child.stdout.take();
        if kill_after(child, one.mul_f64(rng.random_range(0.05..1.1)))? {
            phase.kills += 1;
        } else {
            phase.late += 1;
        }
        let mut said = String::new();
        if let Some(mut o) = out {
            use std::io::Read;
            let _ = o.read_to_string(&mut said);
        }
        if said.contains("decision ") {
            acknowledged.insert(format!("doc-{k}"));
        }
        let Some(logged) = decisions(bins, &data)? else {
            eprintln!("moderation kill {k}: the decision log did not read");
            continue;
        };
        phase.opened += 1;
        let lost = acknowledged.difference(&logged).count();
        if lost > 0 {
            eprintln!("moderation kill {k}: {lost} acknowledged decisions missing");
        }
        phase.lost += lost;
        phase.checked += acknowledged.len();
    }
    // The log still takes a decision, and holds every acknowledged one.
    run_to_end(bins, &data, &block(2_000_000))?;
    acknowledged.insert("doc-2000000".to_string());
    let logged = decisions(bins, &data)?.context("the decision log did not read at the end")?;
    phase.lost += acknowledged.difference(&logged).count();
    phase.checked += acknowledged.len();
    Ok(phase)
}

/// The ids of the documents the decision log blocks; None when it does
/// not read.
fn decisions(bins: &Bins, data: &Path) -> anyhow::Result<Option<BTreeSet<String>>> {
    let out = sepiola(bins, data)
        .args(["moderate", "list", "--all", "--json"])
        .stdout(Stdio::piped())
        .output()?;
    if !out.status.success() {
        return Ok(None);
    }
    Ok(Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .filter_map(|d| d["target"]["id"].as_str().map(str::to_string))
            .collect(),
    ))
}

/// The crawl phase's federation: fedsim in this process, with its truth.
struct Federation {
    rt: tokio::runtime::Runtime,
    _running: fedsim::Running,
    list: String,
    /// Local public videos per healthy host.
    truth: BTreeMap<String, usize>,
}

fn federation(small: bool) -> anyhow::Result<Federation> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let config = fedsim::SimConfig {
        seed: 11,
        instances: if small { 4 } else { 12 },
        videos_per_instance: if small { 40.0 } else { 120.0 },
        ..Default::default()
    };
    let running = rt.block_on(fedsim::start(config))?;
    let info = serde_json::to_value(&running.info)?;
    let list = info["peertube_list"]
        .as_str()
        .context("fedsim gave no peertube_list")?
        .to_string();
    let control = info["control"]
        .as_str()
        .context("fedsim gave no control URL")?
        .to_string();
    let mut truth = BTreeMap::new();
    for i in info["instances"].as_array().into_iter().flatten() {
        if !i["hostile"].is_null() {
            continue;
        }
        let host = i["host"].as_str().context("an instance without a host")?;
        let url = format!("{control}/instances/{host}/videos");
        let v: Value = rt.block_on(async { reqwest::get(&url).await?.json().await })?;
        let n = v["data"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|v| v["isLocal"] == Value::Bool(true) && v["privacy"]["id"] == 1)
            .count();
        truth.insert(host.to_string(), n);
    }
    Ok(Federation {
        rt,
        _running: running,
        list,
        truth,
    })
}

/// Hosts the crawl state records as fully passed.
fn passed_hosts(data: &Path) -> anyhow::Result<BTreeSet<String>> {
    let path = data.join("crawl-state.json");
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeSet::new()),
        Err(e) => return Err(e.into()),
    };
    let st: Value = serde_json::from_slice(&bytes)
        .with_context(|| format!("{} does not read after a kill", path.display()))?;
    Ok(st["hosts"]
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(_, s)| s["lastFullPass"]["ok"] == Value::Bool(true))
        .map(|(h, _)| h.clone())
        .collect())
}

/// Videos the index holds per host (after a kill, read-only).
fn videos_per_host(docs: &[Value]) -> BTreeMap<String, usize> {
    let mut per = BTreeMap::new();
    for d in docs.iter().filter(|d| d["kind"] == "video") {
        if let Some(h) = d["host"].as_str() {
            *per.entry(h.to_string()).or_default() += 1;
        }
    }
    per
}

/// Documents missing from the hosts the state says were passed, and how
/// many were looked for.
fn crawl_losses(fed: &Federation, data: &Path, docs: &[Value]) -> anyhow::Result<(usize, usize)> {
    let held = videos_per_host(docs);
    let (mut lost, mut checked) = (0, 0);
    for h in passed_hosts(data)? {
        let want = fed.truth.get(&h).copied().unwrap_or(0);
        let got = held.get(&h).copied().unwrap_or(0);
        checked += want;
        if got < want {
            eprintln!("{h}: the state says passed, the index has {got} of {want} videos");
            lost += want - got;
        }
    }
    Ok((lost, checked))
}

fn serve(bins: &Bins, data: &Path, config: &Path) -> anyhow::Result<Child> {
    Ok(sepiola(bins, data)
        .arg("--config")
        .arg(config)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("SEPIOLA_LIMITS__RATE_LIMIT_PER_MINUTE", "0")
        .spawn()?)
}

fn crawl_phase(
    bins: &Bins,
    work: &Path,
    kills: usize,
    small: bool,
    rng: &mut ChaCha8Rng,
) -> anyhow::Result<Phase> {
    let mut phase = Phase::named("crawl under serve");
    let fed = federation(small)?;
    let data = work.join("crawl");
    let config = work.join("crawl.toml");
    std::fs::write(
        &config,
        format!(
            "[crawl]\npeertube_list = \"{}\"\nscheme = \"http\"\nallow_private_addresses = true\n\
             per_host_delay_ms = 15\nconcurrency = 2\ntimeout_secs = 5\nquick_interval_secs = 2\n",
            fed.list
        ),
    )?;
    // Kill moments spread over the first seconds of a run: list read,
    // first hosts written, state saved, later hosts.
    let horizon = if small { 3.0 } else { 8.0 };
    for k in 0..kills {
        let child = serve(bins, &data, &config)?;
        let at = Duration::from_secs_f64(rng.random_range(0.2..horizon));
        if kill_after(child, at)? {
            phase.kills += 1;
        } else {
            phase.late += 1;
        }
        let Some(docs) = export(bins, &data)? else {
            eprintln!("crawl kill {k}: the index did not open");
            continue;
        };
        phase.opened += 1;
        let (lost, checked) = crawl_losses(&fed, &data, &docs)?;
        phase.lost += lost;
        phase.checked += checked;
    }
    // The last start: every host is passed, and complete.
    let child = serve(bins, &data, &config)?;
    let deadline = Instant::now() + Duration::from_secs(if small { 120 } else { 300 });
    let all: BTreeSet<String> = fed.truth.keys().cloned().collect();
    while passed_hosts(&data)? != all {
        if Instant::now() > deadline {
            bail!("the crawl did not pass every host after the last restart");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    kill_after(child, Duration::ZERO)?;
    let docs = export(bins, &data)?.context("the index did not open after the crawl")?;
    let (lost, checked) = crawl_losses(&fed, &data, &docs)?;
    phase.lost += lost;
    phase.checked += checked;
    let held = videos_per_host(&docs);
    let strangers = held.keys().filter(|h| !fed.truth.contains_key(*h)).count();
    if strangers > 0 {
        bail!("the index holds videos of {strangers} hosts that are not on the list");
    }
    drop(fed.rt);
    Ok(phase)
}

fn report(phases: &[Phase], corpus: usize, args: &CrashArgs) -> String {
    let mut s = format!(
        "\n## Crash safety, {} (`bench crash{}`, seed {})\n\n\
         Machine: {}. Corpus: {corpus} documents (videos, channels, playlists, events, groups).\n\n\
         | phase | kills at work | kills after the end | index opened | documents checked | documents lost | wall |\n\
         |---|---:|---:|---:|---:|---:|---:|\n",
        chrono::Utc::now().format("%Y-%m-%d"),
        if args.small { " --small" } else { "" },
        args.seed,
        crate::machine::describe(),
    );
    for p in phases {
        s.push_str(&format!(
            "| {} | {} | {} | {} of {} | {} | {} | {:.0} s |\n",
            p.name,
            p.kills,
            p.late,
            p.opened,
            p.kills + p.late,
            p.checked,
            p.lost,
            p.wall.as_secs_f64()
        ));
    }
    let kills: usize = phases.iter().map(|p| p.kills).sum();
    let lost: usize = phases.iter().map(|p| p.lost).sum();
    s.push_str(&format!(
        "\n{kills} kills at work survived; {lost} documents lost.\n"
    ));
    s
}
