//! `sepiola index import` and `export`.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;

use sepiola_index::SearchIndex;
use sepiola_model::Record;

use crate::config::Config;

/// Lines longer than this are refused without parsing.
const MAX_LINE_BYTES: usize = 4 * 1024 * 1024;
/// Commit this often so a long import can be interrupted without losing all.
const COMMIT_EVERY: u64 = 200_000;

fn open_index(config: &Config) -> anyhow::Result<SearchIndex> {
    let dir = config.data_dir.join("index");
    SearchIndex::open(&dir, config.index.writer_memory_mb * 1_000_000)
        .with_context(|| format!("opening the index in {}", dir.display()))
}

/// Imports a JSON Lines file; invalid lines are reported and skipped, and
/// make the exit status 1.
pub fn import(config: &Config, file: &Path) -> anyhow::Result<ExitCode> {
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
    let mut buf = Vec::new();
    let mut input = input;
    let mut line_no = 0u64;
    loop {
        buf.clear();
        let n = read_line_capped(&mut input, &mut buf)?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let text = match std::str::from_utf8(&buf) {
            Ok(t) if buf.len() <= MAX_LINE_BYTES => t.trim(),
            Ok(_) => {
                bad += 1;
                eprintln!("line {line_no}: longer than {MAX_LINE_BYTES} bytes");
                continue;
            }
            Err(_) => {
                bad += 1;
                eprintln!("line {line_no}: not UTF-8");
                continue;
            }
        };
        if text.is_empty() {
            continue;
        }
        let parsed = Record::from_json(text).and_then(|mut r| r.normalize().map(|_| r));
        match parsed {
            Ok(r) => {
                index.upsert(&r)?;
                ok += 1;
                if ok % COMMIT_EVERY == 0 {
                    index.commit()?;
                }
            }
            Err(e) => {
                bad += 1;
                if bad <= 100 {
                    eprintln!("line {line_no}: {e}");
                }
            }
        }
    }
    index.merge_all()?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "imported {ok} documents in {secs:.1} s ({:.0}/s), {bad} invalid lines skipped",
        ok as f64 / secs.max(1e-9)
    );
    Ok(if bad == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
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
