//! One moderation decision as the log records it: a block, or the lifting
//! of one (itself a decision, with its own date, author and text).

use serde::{Deserialize, Serialize};

use sepiola_model::Timestamp;

use crate::target::{Reason, Target};

/// Longest public text or private note kept.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// Block, or lift a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Hide the target and keep it out of crawls.
    Block,
    /// End an earlier block (`lifts` names it).
    Lift,
}

/// Where a decision came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// An operator, through `sepiola moderate` or the admin API.
    #[default]
    Operator,
    /// `moderation.deny_hosts` in the configuration.
    Config,
    /// The deny file (`moderation.deny_file`).
    DenyFile,
}

/// One line of the decision log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    /// Its number in the log, from 1.
    pub id: u64,
    /// Block or lift.
    pub action: Action,
    /// What it is about (for a lift: what the lifted block was about).
    pub target: Target,
    /// The reason category (for a lift: the lifted block's).
    pub reason: Reason,
    /// The public text (may be empty).
    #[serde(default)]
    pub text: String,
    /// A note only operators see.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When it was taken.
    pub date: Timestamp,
    /// Who took it (`moderation.operator`, or the source for config entries).
    pub operator: String,
    /// When a block ends by itself, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<Timestamp>,
    /// For a lift, the block it ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifts: Option<u64>,
    /// Operator, config or deny file.
    #[serde(default)]
    pub source: Source,
}

impl Decision {
    /// Whether this is a block in force at `now`, given the ids lifted.
    pub fn in_force(&self, now: Timestamp, lifted: &std::collections::HashSet<u64>) -> bool {
        self.action == Action::Block
            && !lifted.contains(&self.id)
            && self.expires.is_none_or(|e| e > now)
    }
}

/// What an operator asks to block.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BlockRequest {
    /// What to block.
    pub target: Target,
    /// Why (the category).
    pub reason: Reason,
    /// The public text.
    #[serde(default)]
    pub text: String,
    /// A private note.
    #[serde(default)]
    pub note: Option<String>,
    /// When the block ends by itself.
    #[serde(default)]
    pub expires: Option<Timestamp>,
}

/// What an operator asks to lift.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LiftRequest {
    /// The public text saying why.
    #[serde(default)]
    pub text: String,
    /// A private note.
    #[serde(default)]
    pub note: Option<String>,
}

/// `s` cut to [`MAX_TEXT_CHARS`], without control characters but new lines.
pub fn clean_text(s: &str) -> String {
    s.trim()
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .take(MAX_TEXT_CHARS)
        .collect()
}
