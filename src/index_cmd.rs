//! `sepiola index import` and `export`.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;

use sepiola_index::{Prepared, SearchIndex};
use sepiola_model::Record;

use crate::config::Config;

/// Lines longer than this are refused without parsing.
const MAX_LINE_BYTES: usize = 4 * 1024 * 1024;
/// Lines parsed together on every core.
const BATCH_LINES: usize = 4096;
/// Commit this often so a long import can be interrupted without losing all.
const COMMIT_EVERY: u64 = 200_000;

fn open_index(config: &Config) -> anyhow::Result<SearchIndex> {
    let dir = config.data_dir.join("index");
    SearchIndex::open(&dir, config.index.writer_memory_mb * 1_000_000)
        .with_context(|| format!("opening the index in {}", dir.display()))
}

/// Imports a JSON Lines file; invalid lines are reported and skipped, and
/// make the exit status 1. At the end each kind is merged into at most
/// `segments` segments.
pub fn import(config: &Config, file: &Path, segments: usize) -> anyhow::Result<ExitCode> {
    let index = open_index(config)?;
    index.pause_merges()?;
    let input: Box<dyn BufRead> = if file == Path::new("-") {
        Box::new(BufReader::new(std::io::stdin().lock()))
    } else {
        Box::new(BufReader::new(
            File::open(file).with_context(|| format!("opening {}", file.display()))?,
        ))
    };
    let started = Instant::now();
    let (mut ok, mut bad) = (0u64, 0u64);
    let mut input = input;
    let mut line_no = 0u64;
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut next_commit = COMMIT_EVERY;
    loop {
        // A batch of lines, then parsed, checked and analysed on every core,
        // then written in file order (a later line replaces an earlier one).
        let mut batch: Vec<(u64, Result<String, String>)> = Vec::with_capacity(BATCH_LINES);
        let mut buf = Vec::new();
        while batch.len() < BATCH_LINES {
            buf.clear();
            if read_line_capped(&mut input, &mut buf)? == 0 {
                break;
            }
            line_no += 1;
            let line = match std::str::from_utf8(&buf) {
                Ok(t) if buf.len() <= MAX_LINE_BYTES => Ok(t.trim().to_string()),
                Ok(_) => Err(format!("longer than {MAX_LINE_BYTES} bytes")),
                Err(_) => Err("not UTF-8".to_string()),
            };
            if line.as_ref().is_ok_and(|t| t.is_empty()) {
                continue;
            }
            batch.push((line_no, line));
        }
        if batch.is_empty() {
            break;
        }
        for (line_no, prepared) in prepare_batch(&index, batch, workers) {
            match prepared {
                Ok(p) => {
                    index.write(p)?;
                    ok += 1;
                }
                Err(e) => {
                    bad += 1;
                    if bad <= 100 {
                        eprintln!("line {line_no}: {e}");
                    }
                }
            }
        }
        if ok >= next_commit {
            index.commit()?;
            next_commit += COMMIT_EVERY;
        }
    }
    let indexed = started.elapsed().as_secs_f64();
    index.merge_all(segments)?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "imported {ok} documents in {secs:.1} s ({:.0}/s; {indexed:.1} s indexing, {:.1} s merging into {segments} segment{}), {bad} invalid lines skipped",
        ok as f64 / secs.max(1e-9),
        secs - indexed,
        if segments == 1 { "" } else { "s" }
    );
    Ok(if bad == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Parses, checks and analyses a batch of lines on `workers` threads,
/// keeping their order.
fn prepare_batch(
    index: &SearchIndex,
    batch: Vec<(u64, Result<String, String>)>,
    workers: usize,
) -> Vec<(u64, Result<Prepared, String>)> {
    let prepare = |line: Result<String, String>| -> Result<Prepared, String> {
        let text = line?;
        let mut r = Record::from_json(&text).map_err(|e| e.to_string())?;
        r.normalize().map_err(|e| e.to_string())?;
        index.prepare(&r).map_err(|e| e.to_string())
    };
    let chunk = batch.len().div_ceil(workers.max(1)).max(1);
    let mut chunks: Vec<Vec<(u64, Result<String, String>)>> = Vec::new();
    let mut rest = batch.into_iter().peekable();
    while rest.peek().is_some() {
        chunks.push(rest.by_ref().take(chunk).collect());
    }
    let run = |c: Vec<(u64, Result<String, String>)>| {
        c.into_iter()
            .map(|(n, l)| (n, prepare(l)))
            .collect::<Vec<_>>()
    };
    let mut first = chunks.into_iter();
    let mine = first.next().unwrap_or_default();
    std::thread::scope(|scope| {
        let others: Vec<_> = first.map(|c| scope.spawn(move || run(c))).collect();
        let mut out = run(mine);
        for h in others {
            match h.join() {
                Ok(part) => out.extend(part),
                // A panic in analysis is a bug; report its lines as invalid.
                Err(_) => out.push((0, Err("internal error while indexing".into()))),
            }
        }
        out
    })
}

/// Reads one line, keeping at most `MAX_LINE_BYTES + 1` bytes of it (the
/// rest is consumed and dropped) so a hostile file cannot exhaust memory.
fn read_line_capped(input: &mut impl BufRead, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut total = 0;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(total);
        }
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let room = (MAX_LINE_BYTES + 1).saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..take.min(room)]);
        input.consume(take);
        total += take;
        if done {
            return Ok(total);
        }
    }
}

/// Exports every document as JSON Lines.
pub fn export(config: &Config, output: Option<&Path>) -> anyhow::Result<ExitCode> {
    let dir = config.data_dir.join("index");
    let index = SearchIndex::open_read_only(&dir)
        .with_context(|| format!("opening the index in {}", dir.display()))?;
    let mut out: Box<dyn Write> = match output {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let n = index.export(&mut out)?;
    out.flush()?;
    eprintln!("exported {n} documents");
    Ok(ExitCode::SUCCESS)
}

/// Rebuilds the index from its stored documents and says what each kind kept.
pub fn rebuild(config: &Config) -> anyhow::Result<ExitCode> {
    let dir = config.data_dir.join("index");
    let started = Instant::now();
    let kept = SearchIndex::rebuild(&dir, config.index.writer_memory_mb * 1_000_000)
        .with_context(|| format!("rebuilding the index in {}", dir.display()))?;
    let parts: Vec<String> = kept
        .iter()
        .map(|(k, n)| format!("{n} {}", k.as_str()))
        .collect();
    println!(
        "rebuilt the index in {:.1} s: {}",
        started.elapsed().as_secs_f64(),
        parts.join(", ")
    );
    Ok(ExitCode::SUCCESS)
}

/// Builds this release's index beside the served one, for a switch on the
/// next start.
pub fn upgrade(config: &Config) -> anyhow::Result<ExitCode> {
    let dir = config.data_dir.join("index");
    let started = Instant::now();
    let kept = SearchIndex::prepare_upgrade(&dir, config.index.writer_memory_mb * 1_000_000)
        .with_context(|| format!("building the upgraded index beside {}", dir.display()))?;
    let parts: Vec<String> = kept
        .iter()
        .map(|(k, n)| format!("{n} {}", k.as_str()))
        .collect();
    println!(
        "built the upgraded index in {:.1} s: {}; restart `sepiola serve` with this release to switch to it",
        started.elapsed().as_secs_f64(),
        parts.join(", ")
    );
    Ok(ExitCode::SUCCESS)
}
