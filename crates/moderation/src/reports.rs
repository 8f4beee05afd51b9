//! Reports from the public: what a visitor says about a host, account,
//! channel or document, kept for operators in an append-only log. A report
//! never acts by itself. It holds what the visitor typed and nothing about
//! them (no address, user agent or cookie; its date is cut to the minute).
//! A flood cannot fill memory or disk: past `max_pending` reports waiting
//! for review, new ones are dropped (the oldest unreviewed are kept) and
//! only counted. Reports whose contact an operator marked abusive are filed
//! as ignored.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use sepiola_model::Timestamp;

use crate::decision::clean_text;
use crate::error::ModerationError;
use crate::journal::Journal;
use crate::target::{Reason, Target};

/// Longest contact kept (an address, a handle).
pub const MAX_CONTACT_CHARS: usize = 200;

/// What a visitor sends.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportRequest {
    /// What it is about.
    pub target: Target,
    /// The category.
    pub reason: Reason,
    /// What the visitor says.
    #[serde(default)]
    pub text: String,
    /// How to reach them, if they want an answer.
    #[serde(default)]
    pub contact: Option<String>,
}

/// Where a report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportStatus {
    /// Waiting for an operator.
    Open,
    /// Filed without review: its contact was marked abusive.
    Ignored,
    /// An operator acted on it (a decision followed).
    Acted,
    /// Reviewed, nothing to do.
    Dismissed,
    /// Made in bad faith: later reports with its contact are ignored.
    Abusive,
}

impl ReportStatus {
    /// Whether it still waits (and counts against the cap).
    pub fn pending(self) -> bool {
        matches!(self, ReportStatus::Open | ReportStatus::Ignored)
    }
}

/// What an operator concludes of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Acted on.
    Acted,
    /// Nothing to do.
    Dismissed,
    /// Bad faith: ignore its contact from now on.
    Abusive,
}

impl Outcome {
    /// `acted`, `dismissed` or `abusive`.
    pub fn parse(s: &str) -> Option<Outcome> {
        match s.trim().to_ascii_lowercase().as_str() {
            "acted" => Some(Outcome::Acted),
            "dismissed" => Some(Outcome::Dismissed),
            "abusive" => Some(Outcome::Abusive),
            _ => None,
        }
    }
}

/// A stored report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Its number, from 1.
    pub id: u64,
    /// When it arrived, to the minute.
    pub date: Timestamp,
    /// What it is about.
    pub target: Target,
    /// The category.
    pub reason: Reason,
    /// What the visitor said.
    pub text: String,
    /// Their contact, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Where it stands.
    pub status: ReportStatus,
}

/// An operator's review of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    /// The report.
    pub report: u64,
    /// The conclusion.
    pub outcome: Outcome,
    /// When.
    pub date: Timestamp,
    /// Who.
    pub operator: String,
    /// The decision taken on it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<u64>,
}

/// One line of the report log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Entry {
    /// A report arrived.
    Report(Report),
    /// An operator reviewed one.
    Review(Review),
}

/// What became of a report sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filed {
    /// Stored as report `id` with this status (open or ignored).
    Stored(u64, ReportStatus),
    /// Over the cap: counted, not stored.
    Dropped,
}

/// Report counts, as the transparency page publishes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportCounts {
    /// Every report received (stored or dropped).
    pub received: u64,
    /// Those an operator acted on.
    pub acted_on: u64,
    /// Those waiting for review.
    pub pending: u64,
    /// Those filed as ignored (abusive contact).
    pub ignored: u64,
    /// Those dropped because too many were waiting.
    pub dropped: u64,
}

struct Inner {
    journal: Journal<Entry>,
    reports: Vec<Report>,
    abusive: HashSet<String>,
}

impl Inner {
    fn apply(&mut self, e: Entry) {
        match e {
            Entry::Report(r) => self.reports.push(r),
            Entry::Review(v) => {
                if let Some(r) = self.reports.iter_mut().find(|r| r.id == v.report) {
                    r.status = match v.outcome {
                        Outcome::Acted => ReportStatus::Acted,
                        Outcome::Dismissed => ReportStatus::Dismissed,
                        Outcome::Abusive => ReportStatus::Abusive,
                    };
                    if v.outcome == Outcome::Abusive
                        && let Some(c) = &r.contact
                    {
                        self.abusive.insert(contact_key(c));
                    }
                }
            }
        }
    }

    fn pending(&self) -> usize {
        self.reports.iter().filter(|r| r.status.pending()).count()
    }
}

/// How contacts compare (case and surrounding space do not count).
fn contact_key(c: &str) -> String {
    c.trim().to_lowercase()
}

/// The report log of a data directory.
pub struct ReportBook {
    inner: Mutex<Inner>,
    max_pending: usize,
    dropped: AtomicU64,
    dropped_path: PathBuf,
    operator: String,
}

impl ReportBook {
    /// Opens the log at `path` (the dropped counter beside it), keeping at
    /// most `max_pending` reports waiting for review.
    pub fn open(
        path: &Path,
        max_pending: usize,
        operator: &str,
    ) -> Result<ReportBook, ModerationError> {
        let (journal, entries) = Journal::open(path)?;
        let mut inner = Inner {
            journal,
            reports: Vec::new(),
            abusive: HashSet::new(),
        };
        for e in entries {
            inner.apply(e);
        }
        let dropped_path = path.with_extension("dropped");
        let dropped = std::fs::read_to_string(&dropped_path)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        Ok(ReportBook {
            inner: Mutex::new(inner),
            max_pending,
            dropped: AtomicU64::new(dropped),
            dropped_path,
            operator: operator.to_string(),
        })
    }

    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Files a visitor's report: stored (open, or ignored when its contact
    /// was marked abusive) unless too many wait, then dropped and counted.
    pub fn file(&self, req: ReportRequest) -> Result<Filed, ModerationError> {
        let target = req.target.normalized()?;
        let contact = req
            .contact
            .as_deref()
            .map(|c| {
                clean_text(c)
                    .chars()
                    .take(MAX_CONTACT_CHARS)
                    .collect::<String>()
            })
            .filter(|c| !c.is_empty());
        let now = Timestamp::now().millis();
        let minute =
            Timestamp::from_millis(now - now.rem_euclid(60_000)).unwrap_or_else(Timestamp::now);
        let mut inner = self.inner();
        let Inner {
            journal,
            reports,
            abusive,
        } = &mut *inner;
        let pending = reports.iter().filter(|r| r.status.pending()).count();
        let (new, filed) = journal.append_with(|new| {
            let waiting = pending
                + new
                    .iter()
                    .filter(|e| matches!(e, Entry::Report(r) if r.status.pending()))
                    .count();
            if waiting >= self.max_pending {
                return Ok((None, Filed::Dropped));
            }
            let last = reports
                .iter()
                .map(|r| r.id)
                .chain(new.iter().filter_map(|e| match e {
                    Entry::Report(r) => Some(r.id),
                    Entry::Review(_) => None,
                }))
                .max()
                .unwrap_or(0);
            let status = match &contact {
                Some(c) if abusive.contains(&contact_key(c)) => ReportStatus::Ignored,
                _ => ReportStatus::Open,
            };
            let report = Report {
                id: last + 1,
                date: minute,
                target: target.clone(),
                reason: req.reason,
                text: clean_text(&req.text),
                contact: contact.clone(),
                status,
            };
            Ok((Some(Entry::Report(report)), Filed::Stored(last + 1, status)))
        })?;
        for e in new {
            inner.apply(e);
        }
        match filed {
            Filed::Stored(id, status) => {
                inner.reports.push(Report {
                    id,
                    date: minute,
                    target,
                    reason: req.reason,
                    text: clean_text(&req.text),
                    contact,
                    status,
                });
            }
            Filed::Dropped => {
                drop(inner);
                self.count_drop();
            }
        }
        Ok(filed)
    }

    fn count_drop(&self) {
        let n = self.dropped.fetch_add(1, Ordering::AcqRel) + 1;
        // One small file rewritten in place (not appended): a flood of
        // drops costs no disk space.
        let tmp = self.dropped_path.with_extension("dropped.tmp");
        let written = std::fs::write(&tmp, format!("{n}\n"))
            .and_then(|()| std::fs::rename(&tmp, &self.dropped_path));
        if let Err(e) = written {
            tracing::warn!(error = %e, "saving the dropped-report count failed");
        }
    }

    /// Records an operator's review of report `id` (with the decision
    /// taken on it, if any). Marking it abusive makes later reports with
    /// the same contact be filed as ignored.
    pub fn review(
        &self,
        id: u64,
        outcome: Outcome,
        decision: Option<u64>,
    ) -> Result<Report, ModerationError> {
        let mut inner = self.inner();
        let Inner {
            journal, reports, ..
        } = &mut *inner;
        let review = Review {
            report: id,
            outcome,
            date: Timestamp::now(),
            operator: self.operator.clone(),
            decision,
        };
        let (new, ()) = journal.append_with(|new| {
            let known = reports.iter().any(|r| r.id == id)
                || new
                    .iter()
                    .any(|e| matches!(e, Entry::Report(r) if r.id == id));
            if !known {
                return Err(ModerationError::NotFound(format!(
                    "no report numbered {id}"
                )));
            }
            Ok((Some(Entry::Review(review.clone())), ()))
        })?;
        for e in new {
            inner.apply(e);
        }
        inner.apply(Entry::Review(review));
        inner
            .reports
            .iter()
            .find(|r| r.id == id)
            .cloned()
            .ok_or_else(|| ModerationError::NotFound(format!("no report numbered {id}")))
    }

    /// Reads what other processes appended.
    pub fn refresh(&self) -> Result<bool, ModerationError> {
        let mut inner = self.inner();
        if !inner.journal.changed() {
            return Ok(false);
        }
        let new = inner.journal.read_new()?;
        let any = !new.is_empty();
        for e in new {
            inner.apply(e);
        }
        Ok(any)
    }

    /// The reports, oldest first: all of them, or those waiting only.
    pub fn list(&self, pending_only: bool) -> Vec<Report> {
        self.inner()
            .reports
            .iter()
            .filter(|r| !pending_only || r.status.pending())
            .cloned()
            .collect()
    }

    /// The counts the transparency page shows.
    pub fn counts(&self) -> ReportCounts {
        let inner = self.inner();
        let dropped = self.dropped.load(Ordering::Acquire);
        let of = |s: ReportStatus| inner.reports.iter().filter(|r| r.status == s).count() as u64;
        ReportCounts {
            received: inner.reports.len() as u64 + dropped,
            acted_on: of(ReportStatus::Acted),
            pending: inner.pending() as u64,
            ignored: of(ReportStatus::Ignored),
            dropped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(contact: Option<&str>) -> Result<ReportRequest, ModerationError> {
        Ok(ReportRequest {
            target: Target::parse("video", "x.org/u1")?,
            reason: Reason::Hate,
            text: "  look\u{7}  ".into(),
            contact: contact.map(str::to_string),
        })
    }

    #[test]
    fn cap_keeps_the_oldest_and_counts_drops() -> Result<(), ModerationError> {
        let dir = tempfile::tempdir().map_err(|e| ModerationError::io(Path::new("tmp"), e))?;
        let path = dir.path().join("reports.jsonl");
        let book = ReportBook::open(&path, 3, "op")?;
        for _ in 0..5 {
            book.file(req(None)?)?;
        }
        let kept: Vec<u64> = book.list(true).iter().map(|r| r.id).collect();
        assert_eq!(kept, vec![1, 2, 3]);
        assert_eq!(book.list(false)[0].text, "look");
        let c = book.counts();
        assert_eq!((c.received, c.pending, c.dropped), (5, 3, 2));
        // Reviewing frees room.
        book.review(1, Outcome::Acted, Some(7))?;
        assert_eq!(book.file(req(None)?)?, Filed::Stored(4, ReportStatus::Open));
        let again = ReportBook::open(&path, 3, "op")?;
        assert_eq!(again.counts().acted_on, 1);
        assert_eq!(again.list(false).len(), 4);
        assert_eq!(again.counts().dropped, 2);
        Ok(())
    }

    #[test]
    fn abusive_contact_is_ignored_afterwards() -> Result<(), ModerationError> {
        let dir = tempfile::tempdir().map_err(|e| ModerationError::io(Path::new("tmp"), e))?;
        let book = ReportBook::open(&dir.path().join("r.jsonl"), 100, "op")?;
        book.file(req(Some("Troll@example.org"))?)?;
        book.review(1, Outcome::Abusive, None)?;
        assert_eq!(
            book.file(req(Some(" troll@EXAMPLE.org "))?)?,
            Filed::Stored(2, ReportStatus::Ignored)
        );
        assert_eq!(
            book.file(req(Some("someone@else.org"))?)?,
            Filed::Stored(3, ReportStatus::Open)
        );
        assert!(book.review(99, Outcome::Acted, None).is_err());
        Ok(())
    }
}
