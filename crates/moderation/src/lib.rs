//! Moderation in the open: the decisions operators take (at four levels:
//! instance, account, channel or Mobilizon group, one document), kept in an
//! append-only, synced log that `serve` and `sepiola moderate` share, and
//! turned once per change into the exclusions every query carries
//! ([`DecisionLog::blocks`]) and the hosts the crawler skips; and the
//! reports visitors send ([`ReportBook`]), which never act by themselves.

pub mod decision;
pub mod decisions;
pub mod error;
pub mod journal;
pub mod reports;
pub mod target;

pub use decision::{Action, BlockRequest, Decision, LiftRequest, Source};
pub use decisions::{DecisionLog, PublicDecision};
pub use error::ModerationError;
pub use reports::{Filed, Outcome, Report, ReportBook, ReportCounts, ReportRequest, ReportStatus};
pub use target::{Level, Reason, Target};

/// The decision log's file name in `<data dir>/moderation/`.
pub const DECISIONS_FILE: &str = "decisions.jsonl";
/// The report log's file name in `<data dir>/moderation/`.
pub const REPORTS_FILE: &str = "reports.jsonl";

/// Where a data directory keeps its moderation logs.
pub fn dir_in(data_dir: &std::path::Path) -> std::path::PathBuf {
    data_dir.join("moderation")
}
