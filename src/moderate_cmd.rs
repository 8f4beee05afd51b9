//! `sepiola moderate …`: operators' moderation from the shell, over the
//! same append-only logs `serve` reads (it picks up what is written here
//! within a second, without a restart), and the one function every command
//! opens those logs with.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;

use sepiola_model::Timestamp;
use sepiola_moderation::{Action, BlockRequest, Decision, LiftRequest, Outcome, Reason, Target};
use sepiola_server::Moderation;

use crate::config::Config;

/// What `sepiola moderate` can do.
#[derive(clap::Subcommand, Debug)]
pub enum ModerateCommand {
    /// Block a target: LEVEL is instance, account, channel (or Mobilizon
    /// group), video, playlist, event or group; TARGET is the host,
    /// name@host, or host/id for one document.
    Block {
        /// instance, account, channel, video, playlist, event, group.
        level: String,
        /// host, name@host, or host/id.
        target: String,
        /// illegal-content, hate, harassment, spam, impersonation, off-policy, other.
        #[arg(long)]
        reason: String,
        /// The public explanation.
        #[arg(long, default_value = "")]
        text: String,
        /// A note only operators see.
        #[arg(long)]
        note: Option<String>,
        /// When the block ends by itself (RFC 3339).
        #[arg(long)]
        expires: Option<String>,
    },
    /// Lift the block numbered ID (a decision of its own).
    Unblock {
        /// The block's number.
        id: u64,
        /// The public explanation.
        #[arg(long, default_value = "")]
        text: String,
        /// A note only operators see.
        #[arg(long)]
        note: Option<String>,
    },
    /// The blocks in force (`--all`: every decision), notes included.
    List {
        /// Every decision, lifted and lifts included.
        #[arg(long)]
        all: bool,
        /// One JSON object a line.
        #[arg(long)]
        json: bool,
    },
    /// The reports waiting for review (`--all`: every report).
    Reports {
        /// Reviewed ones too.
        #[arg(long)]
        all: bool,
        /// One JSON object a line.
        #[arg(long)]
        json: bool,
    },
    /// Record the review of report ID: acted, dismissed or abusive (later
    /// reports with the same contact are then filed as ignored).
    Resolve {
        /// The report's number.
        id: u64,
        /// acted, dismissed or abusive.
        #[arg(long)]
        outcome: String,
        /// The decision taken on it, if any.
        #[arg(long)]
        decision: Option<u64>,
    },
    /// Write the whole decision log as JSON Lines.
    Export {
        /// The file (standard output without it).
        #[arg(long, short)]
        output: Option<std::path::PathBuf>,
    },
}

/// Opens the data directory's moderation logs and makes them agree with
/// the configured deny lists (which appear in the log as decisions).
pub fn open(config: &Config) -> anyhow::Result<Arc<Moderation>> {
    let dir = sepiola_moderation::dir_in(&config.data_dir);
    let m = Moderation::open(&dir, config.moderation.server_settings())
        .with_context(|| format!("opening the moderation logs in {}", dir.display()))?;
    config
        .moderation
        .sync_into(&m.decisions)
        .context("recording the configured deny lists in the decision log")?;
    Ok(Arc::new(m))
}

/// Runs one `sepiola moderate` command.
pub fn run(config: &Config, command: ModerateCommand) -> anyhow::Result<ExitCode> {
    let m = open(config)?;
    let mut out = std::io::stdout().lock();
    match command {
        ModerateCommand::Block {
            level,
            target,
            reason,
            text,
            note,
            expires,
        } => {
            let target = Target::parse(&level, &target)?;
            let reason = Reason::parse(&reason).with_context(|| {
                format!(
                    "--reason must be one of {}",
                    Reason::ALL.map(|r| r.as_str()).join(", ")
                )
            })?;
            let expires = match expires {
                Some(e) => Some(
                    Timestamp::parse(&e).with_context(|| format!("--expires {e:?}: not a date"))?,
                ),
                None => None,
            };
            let d = m.decisions.block(BlockRequest {
                target,
                reason,
                text,
                note,
                expires,
            })?;
            writeln!(
                out,
                "decision {}: blocked {} ({})",
                d.id, d.target, d.reason
            )?;
        }
        ModerateCommand::Unblock { id, text, note } => {
            let d = m.decisions.lift(id, LiftRequest { text, note })?;
            writeln!(out, "decision {}: lifted block {id} on {}", d.id, d.target)?;
        }
        ModerateCommand::List { all, json } => {
            let list = if all {
                m.decisions.all()
            } else {
                m.decisions.in_force()
            };
            for d in list {
                if json {
                    writeln!(out, "{}", serde_json::to_string(&d)?)?;
                } else {
                    writeln!(out, "{}", decision_line(&d))?;
                }
            }
        }
        ModerateCommand::Reports { all, json } => {
            for r in m.reports.list(!all) {
                if json {
                    writeln!(out, "{}", serde_json::to_string(&r)?)?;
                } else {
                    writeln!(
                        out,
                        "{:>5}  {}  {:?}  {}  {}  {}{}",
                        r.id,
                        r.date.to_rfc3339(),
                        r.status,
                        r.reason,
                        r.target,
                        r.text.replace('\n', " "),
                        r.contact.map(|c| format!("  <{c}>")).unwrap_or_default()
                    )?;
                }
            }
            let c = m.reports.counts();
            eprintln!(
                "{} received, {} waiting, {} acted on, {} ignored, {} dropped",
                c.received, c.pending, c.acted_on, c.ignored, c.dropped
            );
        }
        ModerateCommand::Resolve {
            id,
            outcome,
            decision,
        } => {
            let outcome = Outcome::parse(&outcome)
                .context("--outcome must be acted, dismissed or abusive")?;
            let r = m.reports.review(id, outcome, decision)?;
            writeln!(out, "report {}: {:?}", r.id, r.status)?;
        }
        ModerateCommand::Export { output } => {
            let mut text = String::new();
            for d in m.decisions.all() {
                text.push_str(&serde_json::to_string(&d)?);
                text.push('\n');
            }
            match output {
                Some(path) => std::fs::write(&path, text)
                    .with_context(|| format!("writing {}", path.display()))?,
                None => out.write_all(text.as_bytes())?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One decision on one line, for people.
fn decision_line(d: &Decision) -> String {
    let what = match d.action {
        Action::Block => "block",
        Action::Lift => "lift ",
    };
    let mut line = format!(
        "{:>5}  {}  {what}  {:<8}  {}  {}  by {}",
        d.id,
        d.date.to_rfc3339(),
        d.target.level().as_str(),
        d.target,
        d.reason,
        d.operator
    );
    if let Some(e) = d.expires {
        line.push_str(&format!("  until {}", e.to_rfc3339()));
    }
    if let Some(l) = d.lifts {
        line.push_str(&format!("  (lifts {l})"));
    }
    if !d.text.is_empty() {
        line.push_str(&format!("  — {}", d.text.replace('\n', " ")));
    }
    if let Some(n) = &d.note {
        line.push_str(&format!("  [note: {}]", n.replace('\n', " ")));
    }
    line
}
