//! The decision log: every decision since the beginning, read from and
//! appended to [`Journal`], and what is in force now: the exclusions every
//! query carries ([`Blocks`], built once per change), the hosts the crawler
//! must not crawl, and the public view of the log.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use serde::Serialize;

use sepiola_model::query::Blocks;
use sepiola_model::{Host, Timestamp};

use crate::decision::{Action, BlockRequest, Decision, LiftRequest, Source, clean_text};
use crate::error::ModerationError;
use crate::journal::Journal;
use crate::target::{Reason, Target};

/// The decision log of a data directory, shared by the server's handlers.
pub struct DecisionLog {
    inner: Mutex<Inner>,
    /// Bumped on every change (ours or another process's).
    generation: AtomicU64,
    /// The exclusions in force, the generation they were built at and
    /// the first expiry after which they must be rebuilt.
    cached: RwLock<Option<CachedBlocks>>,
    /// Who the decisions taken here are signed by.
    operator: String,
}

struct CachedBlocks {
    generation: u64,
    until: Option<Timestamp>,
    blocks: Arc<Blocks>,
}

struct Inner {
    journal: Journal<Decision>,
    all: Vec<Decision>,
}

impl Inner {
    fn lifted(&self) -> HashSet<u64> {
        lifted(&self.all)
    }
}

fn lifted(all: &[Decision]) -> HashSet<u64> {
    all.iter().filter_map(|d| d.lifts).collect()
}

fn next_id(all: &[Decision]) -> u64 {
    all.iter().map(|d| d.id).max().unwrap_or(0) + 1
}

/// A decision as `/moderation` and `GET /api/v1/moderation` publish it:
/// everything but the private note.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicDecision {
    /// Its number.
    pub id: u64,
    /// Block or lift.
    pub action: Action,
    /// The level (also inside `target`, repeated for readers that only count).
    pub level: crate::target::Level,
    /// What it is about (`level` and `host`, `handle`, or `kind` + `host` + `id`).
    pub target: Target,
    /// The category.
    pub reason: Reason,
    /// The public text.
    pub text: String,
    /// When.
    pub date: Timestamp,
    /// Who.
    pub operator: String,
    /// When a block ends by itself.
    pub expires: Option<Timestamp>,
    /// For a lift, the block it ended.
    pub lifts: Option<u64>,
    /// For a block, the decision that lifted it.
    pub lifted_by: Option<u64>,
    /// Whether a block is in force now (false for lifts).
    pub active: bool,
    /// Operator, config or deny file.
    pub source: Source,
}

impl DecisionLog {
    /// Opens the log at `path` (created empty), signing new decisions `operator`.
    pub fn open(path: &Path, operator: &str) -> Result<DecisionLog, ModerationError> {
        let (journal, all) = Journal::open(path)?;
        Ok(DecisionLog {
            inner: Mutex::new(Inner { journal, all }),
            generation: AtomicU64::new(1),
            cached: RwLock::new(None),
            operator: operator.to_string(),
        })
    }

    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A number that changes whenever the decisions do.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    fn bump(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    /// Appends a decision built from the log's current state (read under
    /// the file lock, so ids stay unique across processes).
    fn append(
        &self,
        make: impl FnOnce(&[Decision]) -> Result<Option<Decision>, ModerationError>,
    ) -> Result<Option<Decision>, ModerationError> {
        let mut inner = self.inner();
        let Inner { journal, all } = &mut *inner;
        let (new, made) = journal.append_with(|new| {
            let mut seen = all.clone();
            seen.extend_from_slice(new);
            let d = make(&seen)?;
            Ok((d.clone(), d))
        })?;
        let changed = !new.is_empty() || made.is_some();
        all.extend(new);
        all.extend(made.clone());
        drop(inner);
        if changed {
            self.bump();
        }
        Ok(made)
    }

    /// Blocks a target. Refused when it is already blocked.
    pub fn block(&self, req: BlockRequest) -> Result<Decision, ModerationError> {
        self.block_as(req, Source::Operator, &self.operator)
    }

    fn block_as(
        &self,
        req: BlockRequest,
        source: Source,
        operator: &str,
    ) -> Result<Decision, ModerationError> {
        let target = req.target.normalized()?;
        let now = Timestamp::now();
        if req.expires.is_some_and(|e| e <= now) {
            return Err(ModerationError::Invalid(
                "expires must be in the future".into(),
            ));
        }
        let made = self.append(|all| {
            let lifted = lifted(all);
            if let Some(d) = all
                .iter()
                .find(|d| d.target == target && d.source == source && d.in_force(now, &lifted))
            {
                return Err(ModerationError::AlreadyBlocked(d.id));
            }
            Ok(Some(Decision {
                id: next_id(all),
                action: Action::Block,
                target: target.clone(),
                reason: req.reason,
                text: clean_text(&req.text),
                note: req
                    .note
                    .as_deref()
                    .map(clean_text)
                    .filter(|n| !n.is_empty()),
                date: now,
                operator: operator.to_string(),
                expires: req.expires,
                lifts: None,
                source,
            }))
        })?;
        made.ok_or_else(|| ModerationError::NotFound("nothing was written".into()))
    }

    /// Lifts the block `id` (a decision of its own).
    pub fn lift(&self, id: u64, req: LiftRequest) -> Result<Decision, ModerationError> {
        self.lift_as(id, req, &self.operator)
    }

    fn lift_as(
        &self,
        id: u64,
        req: LiftRequest,
        operator: &str,
    ) -> Result<Decision, ModerationError> {
        let now = Timestamp::now();
        let made = self.append(|all| {
            let lifted = lifted(all);
            let block = all
                .iter()
                .find(|d| d.id == id && d.action == Action::Block)
                .ok_or_else(|| ModerationError::NotFound(format!("no block numbered {id}")))?;
            if !block.in_force(now, &lifted) {
                return Err(ModerationError::NotFound(format!(
                    "block {id} is no longer in force"
                )));
            }
            Ok(Some(Decision {
                id: next_id(all),
                action: Action::Lift,
                target: block.target.clone(),
                reason: block.reason,
                text: clean_text(&req.text),
                note: req
                    .note
                    .as_deref()
                    .map(clean_text)
                    .filter(|n| !n.is_empty()),
                date: now,
                operator: operator.to_string(),
                expires: None,
                lifts: Some(id),
                source: block.source,
            }))
        })?;
        made.ok_or_else(|| ModerationError::NotFound("nothing was written".into()))
    }

    /// Makes the log agree with a configured deny list (`deny_hosts` or the
    /// deny file, by `source`): a host on it without a block of that source
    /// gets one (category from the reason's first word when it names one,
    /// else `other`; the reason as public text), and a block of that source
    /// whose host left the list is lifted. Returns how many decisions it took.
    pub fn sync_config(
        &self,
        source: Source,
        entries: &[(String, String)],
    ) -> Result<usize, ModerationError> {
        let signer = match source {
            Source::Config => "configuration",
            Source::DenyFile => "deny file",
            Source::Operator => self.operator.as_str(),
        }
        .to_string();
        let wanted: HashMap<String, &str> = entries
            .iter()
            .filter_map(|(h, why)| {
                sepiola_model::host::normalize_host(h).map(|h| (h, why.as_str()))
            })
            .collect();
        let now = Timestamp::now();
        let (missing, gone) = {
            let inner = self.inner();
            let lifted = inner.lifted();
            let active: Vec<&Decision> = inner
                .all
                .iter()
                .filter(|d| d.source == source && d.in_force(now, &lifted))
                .collect();
            let mut missing: Vec<(String, String)> = wanted
                .iter()
                .filter(|(h, _)| {
                    !active
                        .iter()
                        .any(|d| matches!(&d.target, Target::Instance { host } if host == *h))
                })
                .map(|(h, why)| (h.clone(), why.to_string()))
                .collect();
            missing.sort();
            let gone: Vec<u64> = active
                .iter()
                .filter(|d| !wanted.contains_key(d.target.host()))
                .map(|d| d.id)
                .collect();
            (missing, gone)
        };
        let mut taken = 0;
        for (host, why) in missing {
            let reason = why
                .split_whitespace()
                .next()
                .and_then(Reason::parse)
                .unwrap_or(Reason::Other);
            let req = BlockRequest {
                target: Target::Instance { host },
                reason,
                text: why,
                note: None,
                expires: None,
            };
            match self.block_as(req, source, &signer) {
                Ok(_) => taken += 1,
                // Another process synced it first.
                Err(ModerationError::AlreadyBlocked(_)) => {}
                Err(e) => return Err(e),
            }
        }
        for id in gone {
            let req = LiftRequest {
                text: format!("removed from the {signer}"),
                note: None,
            };
            match self.lift_as(id, req, &signer) {
                Ok(_) => taken += 1,
                Err(ModerationError::NotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(taken)
    }

    /// Reads what other processes (`sepiola moderate`) appended; whether
    /// anything was.
    pub fn refresh(&self) -> Result<bool, ModerationError> {
        let mut inner = self.inner();
        if !inner.journal.changed() {
            return Ok(false);
        }
        let new = inner.journal.read_new()?;
        let any = !new.is_empty();
        inner.all.extend(new);
        drop(inner);
        if any {
            self.bump();
        }
        Ok(any)
    }

    /// Every decision, oldest first, private notes included (operators only).
    pub fn all(&self) -> Vec<Decision> {
        self.inner().all.clone()
    }

    /// The file the log lives in.
    pub fn path(&self) -> std::path::PathBuf {
        self.inner().journal.path().to_path_buf()
    }

    /// The blocks in force now.
    pub fn in_force(&self) -> Vec<Decision> {
        let inner = self.inner();
        let lifted = inner.lifted();
        let now = Timestamp::now();
        inner
            .all
            .iter()
            .filter(|d| d.in_force(now, &lifted))
            .cloned()
            .collect()
    }

    /// The block in force on `host` as a whole, if any.
    pub fn host_block(&self, host: &str) -> Option<Decision> {
        self.in_force()
            .into_iter()
            .find(|d| matches!(&d.target, Target::Instance { host: h } if h == host))
    }

    /// The hosts that must not be crawled, sorted.
    pub fn blocked_hosts(&self) -> Vec<String> {
        let mut hosts: Vec<String> = self
            .in_force()
            .into_iter()
            .filter_map(|d| match d.target {
                Target::Instance { host } => Some(host),
                _ => None,
            })
            .collect();
        hosts.sort();
        hosts.dedup();
        hosts
    }

    /// The exclusions every query carries, rebuilt only when a decision
    /// was taken or one expired.
    pub fn blocks(&self) -> Arc<Blocks> {
        let generation = self.generation();
        let now = Timestamp::now();
        if let Ok(c) = self.cached.read()
            && let Some(c) = c.as_ref()
            && c.generation == generation
            && c.until.is_none_or(|u| now < u)
        {
            return c.blocks.clone();
        }
        let active = self.in_force();
        let until = active.iter().filter_map(|d| d.expires).min();
        let blocks = Arc::new(blocks_of(&active));
        if let Ok(mut c) = self.cached.write() {
            *c = Some(CachedBlocks {
                generation,
                until,
                blocks: blocks.clone(),
            });
        }
        blocks
    }

    /// The log as published: every decision without its private note,
    /// newest first.
    pub fn public(&self) -> Vec<PublicDecision> {
        let inner = self.inner();
        let lifted_by: HashMap<u64, u64> = inner
            .all
            .iter()
            .filter_map(|d| d.lifts.map(|l| (l, d.id)))
            .collect();
        let lifted = inner.lifted();
        let now = Timestamp::now();
        let mut out: Vec<PublicDecision> = inner
            .all
            .iter()
            .map(|d| PublicDecision {
                id: d.id,
                action: d.action,
                level: d.target.level(),
                target: d.target.clone(),
                reason: d.reason,
                text: d.text.clone(),
                date: d.date,
                operator: d.operator.clone(),
                expires: d.expires,
                lifts: d.lifts,
                lifted_by: lifted_by.get(&d.id).copied(),
                active: d.in_force(now, &lifted),
                source: d.source,
            })
            .collect();
        out.reverse();
        out
    }

    /// Blocks taken per month (`YYYY-MM`) and reason.
    pub fn reasons_per_month(&self) -> BTreeMap<String, BTreeMap<Reason, u64>> {
        let mut out: BTreeMap<String, BTreeMap<Reason, u64>> = BTreeMap::new();
        for d in self
            .inner()
            .all
            .iter()
            .filter(|d| d.action == Action::Block)
        {
            let month = d.date.0.format("%Y-%m").to_string();
            *out.entry(month).or_default().entry(d.reason).or_default() += 1;
        }
        out
    }
}

/// The query exclusions of the blocks in force.
fn blocks_of(active: &[Decision]) -> Blocks {
    let mut b = Blocks::default();
    for d in active {
        match &d.target {
            Target::Instance { host } => b.hosts.extend(Host::parse(host)),
            Target::Account { handle } => b.accounts.push(handle.clone()),
            Target::Channel { handle } => b.channels.push(handle.clone()),
            t @ Target::Document { .. } => b.documents.extend(t.document_key()),
        }
    }
    b.hosts.sort();
    b.hosts.dedup();
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log() -> Result<(tempfile::TempDir, DecisionLog), ModerationError> {
        let dir = tempfile::tempdir().map_err(|e| ModerationError::io(Path::new("tmp"), e))?;
        let log = DecisionLog::open(&dir.path().join("decisions.jsonl"), "alice")?;
        Ok((dir, log))
    }

    fn req(level: &str, what: &str) -> Result<BlockRequest, ModerationError> {
        Ok(BlockRequest {
            target: Target::parse(level, what)?,
            reason: Reason::Spam,
            text: "scam links".into(),
            note: Some("seen by bob".into()),
            expires: None,
        })
    }

    #[test]
    fn block_lift_and_blocks() -> Result<(), ModerationError> {
        let (dir, log) = log()?;
        let a = log.block(req("instance", "Bad.example")?)?;
        let b = log.block(req("video", "x.org/u1")?)?;
        assert!(matches!(
            log.block(req("instance", "bad.example")?),
            Err(ModerationError::AlreadyBlocked(1))
        ));
        assert_eq!((a.id, b.id, a.operator.as_str()), (1, 2, "alice"));
        let blocks = log.blocks();
        assert_eq!(blocks.hosts.len(), 1);
        assert_eq!(blocks.documents.len(), 1);
        let lift = log.lift(1, LiftRequest::default())?;
        assert_eq!((lift.id, lift.lifts), (3, Some(1)));
        assert!(log.blocks().hosts.is_empty());
        assert!(log.lift(1, LiftRequest::default()).is_err());
        // Reopened (as after a restart): the same state; notes stay private.
        let again = DecisionLog::open(&dir.path().join("decisions.jsonl"), "carol")?;
        assert_eq!(again.all().len(), 3);
        assert_eq!(again.blocked_hosts(), Vec::<String>::new());
        let public = serde_json::to_string(&again.public())?;
        assert!(!public.contains("seen by bob"));
        assert!(public.contains("\"liftedBy\":3"));
        let months = again.reasons_per_month();
        assert_eq!(months.values().map(|m| m[&Reason::Spam]).sum::<u64>(), 2);
        Ok(())
    }

    #[test]
    fn two_processes_share_ids() -> Result<(), ModerationError> {
        let (dir, a) = log()?;
        let b = DecisionLog::open(&dir.path().join("decisions.jsonl"), "bob")?;
        a.block(req("account", "x@a.org")?)?;
        let d = b.block(req("account", "y@a.org")?)?;
        assert_eq!(d.id, 2);
        assert!(a.refresh()?);
        assert_eq!(a.blocks().accounts, vec!["x@a.org", "y@a.org"]);
        Ok(())
    }

    #[test]
    fn config_sync_blocks_and_lifts() -> Result<(), ModerationError> {
        let (_dir, log) = log()?;
        let list = vec![
            ("a.example".to_string(), "spam and scams".to_string()),
            ("b.example".to_string(), String::new()),
        ];
        assert_eq!(log.sync_config(Source::DenyFile, &list)?, 2);
        assert_eq!(log.sync_config(Source::DenyFile, &list)?, 0);
        let a = log.host_block("a.example");
        assert_eq!(
            a.map(|d| (d.reason, d.source)),
            Some((Reason::Spam, Source::DenyFile))
        );
        assert_eq!(log.sync_config(Source::DenyFile, &list[..1])?, 1);
        assert_eq!(log.blocked_hosts(), vec!["a.example"]);
        Ok(())
    }

    #[test]
    fn expired_blocks_are_not_in_force() -> Result<(), ModerationError> {
        let (_dir, log) = log()?;
        let mut r = req("channel", "c@a.org")?;
        r.expires = Timestamp::from_millis(Timestamp::now().millis() + 300);
        log.block(r)?;
        assert_eq!(log.blocks().channels.len(), 1);
        std::thread::sleep(std::time::Duration::from_millis(400));
        assert!(log.blocks().channels.is_empty());
        Ok(())
    }
}
