//! `fedsim-corpus`: writes a benchmark corpus as JSON Lines for
//! `sepiola index import`.

use std::io::{BufWriter, Write};

use clap::Parser;

use fedsim::corpus::{CorpusSize, write_corpus};

/// Writes generated videos, channels, playlists, Mobilizon events and groups as JSON Lines.
#[derive(Parser, Debug)]
#[command(name = "fedsim-corpus", version, about)]
struct Args {
    /// Seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Instances to spread the content over.
    #[arg(long, default_value_t = 1_100)]
    instances: usize,
    /// Videos.
    #[arg(long, default_value_t = 1_000_000)]
    videos: u64,
    /// Channels.
    #[arg(long, default_value_t = 100_000)]
    channels: u64,
    /// Playlists.
    #[arg(long, default_value_t = 50_000)]
    playlists: u64,
    /// Mobilizon instances to spread the events and groups over.
    #[arg(long, default_value_t = 300)]
    mobilizon_instances: usize,
    /// Mobilizon events.
    #[arg(long, default_value_t = 100_000)]
    events: u64,
    /// Mobilizon groups.
    #[arg(long, default_value_t = 20_000)]
    groups: u64,
    /// Word lists: `small` (2,500 words per language, the corpus of earlier benchmarks) or
    /// `realistic` (30,000 per language by real frequency, ten languages, names; issue 13).
    #[arg(long, value_enum, default_value_t = fedsim::vocabulary::Vocabulary::Small)]
    vocabulary: fedsim::vocabulary::Vocabulary,
    /// Output file (standard output when absent).
    #[arg(long, short)]
    output: Option<std::path::PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let a = Args::parse();
    fedsim::vocabulary::set(a.vocabulary);
    let mut out: Box<dyn Write> = match &a.output {
        Some(p) => Box::new(BufWriter::with_capacity(1 << 20, std::fs::File::create(p)?)),
        None => Box::new(BufWriter::with_capacity(1 << 20, std::io::stdout().lock())),
    };
    let counts = write_corpus(
        CorpusSize {
            seed: a.seed,
            instances: a.instances,
            videos: a.videos,
            channels: a.channels,
            playlists: a.playlists,
            mobilizon_instances: a.mobilizon_instances,
            events: a.events,
            groups: a.groups,
        },
        &mut out,
    )?;
    out.flush()?;
    eprintln!(
        "wrote {} videos, {} channels, {} playlists, {} events, {} groups",
        counts.videos, counts.channels, counts.playlists, counts.events, counts.groups
    );
    Ok(())
}
