//! `sepiola`: a search engine for the PeerTube federation, in one binary.

mod config;
mod index_cmd;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::{CliOverrides, Config};

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
    },
    /// Import or export the index as JSON Lines.
    Index {
        #[command(subcommand)]
        command: IndexCommand,
    },
}

#[derive(Subcommand, Debug)]
enum IndexCommand {
    /// Add the documents of a JSON Lines file (`-` for standard input).
    Import {
        /// The file.
        file: PathBuf,
    },
    /// Write every document as JSON Lines to standard output (or a file).
    Export {
        /// Write here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
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
    let listen = match &cli.command {
        Command::Serve { listen } => *listen,
        Command::Index { .. } => None,
    };
    let overrides = CliOverrides {
        listen,
        data_dir: cli.data_dir.clone(),
    };
    let config = Config::load(cli.config.as_deref(), &overrides)?;
    match cli.command {
        Command::Serve { .. } => serve::run(config),
        Command::Index {
            command: IndexCommand::Import { file },
        } => index_cmd::import(&config, &file),
        Command::Index {
            command: IndexCommand::Export { output },
        } => index_cmd::export(&config, output.as_deref()),
    }
}
