//! `sepiola`: a search engine for the PeerTube federation, in one binary.

mod config;
mod crawl_cmd;
mod demo;
mod index_cmd;
mod moderate_cmd;
mod serve;
mod web_setup;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::{CliOverrides, Config, CrawlOverrides};

/// mimalloc instead of the system allocator: indexing and queries allocate
/// many small, short-lived buffers, and glibc's malloc was a tenth of the
/// import's profile (docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A search engine for the PeerTube federation.
#[derive(Parser, Debug)]
#[command(name = "sepiola", version, about)]
struct Cli {
    /// TOML configuration file.
    #[arg(long, global = true, env = "SEPIOLA_CONFIG")]
    config: Option<PathBuf>,
    /// Directory holding the index and the crawl state [default: ./data].
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the search API and web pages.
    Serve {
        /// Address to listen on [default: 127.0.0.1:8080].
        #[arg(long)]
        listen: Option<std::net::SocketAddr>,
        #[command(flatten)]
        crawl: CrawlArgs,
    },
    /// Crawl the instances on the list (forever, or one full pass with --once).
    Crawl {
        /// Run one full pass over every host, print a summary and exit.
        #[arg(long)]
        once: bool,
        #[command(flatten)]
        crawl: CrawlArgs,
    },
    /// Start a simulated federation on loopback, crawl it and serve it (offline, in one command).
    Demo {
        /// Address to listen on [default: 127.0.0.1:8080].
        #[arg(long)]
        listen: Option<std::net::SocketAddr>,
        /// Simulated PeerTube instances.
        #[arg(long, default_value_t = 12)]
        instances: usize,
        /// Average videos per simulated instance.
        #[arg(long, default_value_t = 40.0)]
        videos_per_instance: f64,
        /// Simulated Mobilizon instances (events and groups).
        #[arg(long, default_value_t = 4)]
        mobilizon_instances: usize,
        /// Seed of the simulated content.
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
    /// Import or export the index as JSON Lines.
    Index {
        #[command(subcommand)]
        command: IndexCommand,
    },
    /// Moderation: block and unblock (instance, account, channel or group,
    /// one document), list and export the decision log, review reports.
    Moderate {
        #[command(subcommand)]
        command: moderate_cmd::ModerateCommand,
    },
}

/// Crawl options shared by `serve` and `crawl`.
#[derive(clap::Args, Debug, Clone, Default)]
struct CrawlArgs {
    /// Instance list: a joinpeertube-style hosts URL or a local file of hosts.
    #[arg(long, value_name = "URL_OR_PATH")]
    peertube_list: Option<String>,
    /// Mobilizon instance list: an instances.joinmobilizon.org-style URL or a local file of hosts.
    #[arg(long, value_name = "URL_OR_PATH")]
    mobilizon_list: Option<String>,
    /// Allow crawling private and loopback addresses (tests, fedsim).
    #[arg(long)]
    allow_private_addresses: bool,
}

impl CrawlArgs {
    fn overrides(&self) -> CrawlOverrides {
        CrawlOverrides {
            peertube_list: self.peertube_list.clone(),
            mobilizon_list: self.mobilizon_list.clone(),
            allow_private_addresses: self.allow_private_addresses.then_some(true),
        }
    }
}

#[derive(Subcommand, Debug)]
enum IndexCommand {
    /// Add the documents of a JSON Lines file (`-` for standard input).
    Import {
        /// The file.
        file: PathBuf,
        /// Merge each kind into at most this many segments at the end: 1
        /// answers fastest; more finish the import sooner on several cores.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=64))]
        segments: u16,
    },
    /// Write every document as JSON Lines to standard output (or a file).
    Export {
        /// Write here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Rebuild the index from the documents it stores, as an upgrade does
    /// (not while `serve` or a crawl runs on the same data directory).
    Rebuild,
    /// Build this release's index beside the one an older sepiola is
    /// serving (which goes on serving); restart with this release to switch.
    Upgrade,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        // Colours only on a terminal: a journal or a log file gets plain text.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("SEPIOLA_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sepiola: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let (listen, crawl) = match &cli.command {
        Command::Serve { listen, crawl } => (*listen, crawl.overrides()),
        Command::Crawl { crawl, .. } => (None, crawl.overrides()),
        Command::Demo { listen, .. } => (*listen, CrawlOverrides::default()),
        Command::Index { .. } | Command::Moderate { .. } => (None, CrawlOverrides::default()),
    };
    let overrides = CliOverrides {
        listen,
        data_dir: cli.data_dir.clone(),
        crawl,
    };
    let config = Config::load(cli.config.as_deref(), &overrides)?;
    match cli.command {
        Command::Serve { .. } => serve::run(config),
        Command::Crawl { once, .. } => crawl_cmd::run(config, once),
        Command::Demo {
            instances,
            videos_per_instance,
            mobilizon_instances,
            seed,
            ..
        } => demo::run(
            config,
            demo::DemoArgs {
                instances,
                videos_per_instance,
                mobilizon_instances,
                seed,
            },
            cli.data_dir.is_some(),
        ),
        Command::Index {
            command: IndexCommand::Import { file, segments },
        } => index_cmd::import(&config, &file, usize::from(segments)),
        Command::Index {
            command: IndexCommand::Export { output },
        } => index_cmd::export(&config, output.as_deref()),
        Command::Index {
            command: IndexCommand::Rebuild,
        } => index_cmd::rebuild(&config),
        Command::Index {
            command: IndexCommand::Upgrade,
        } => index_cmd::upgrade(&config),
        Command::Moderate { command } => moderate_cmd::run(&config, command),
    }
}
