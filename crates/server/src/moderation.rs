//! The server's side of moderation: the decision log and the report book
//! of the data directory, the short in-memory rate limit on reports, and
//! the operator's policy text. Decisions reach every query through
//! [`crate::AppState::apply_blocks`], the one place they are applied.

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use sepiola_moderation::{DecisionLog, ModerationError, ReportBook};

use crate::settings::ModerationSettings;

/// How long a client's report count lasts.
const REPORT_WINDOW: Duration = Duration::from_secs(60);
/// Most client addresses the rate limit remembers at once; past it (after
/// forgetting expired ones) new clients are refused until room frees.
const MAX_TRACKED_CLIENTS: usize = 4_096;

/// The moderation logs and settings a server works with.
pub struct Moderation {
    /// Every decision, and what is in force.
    pub decisions: DecisionLog,
    /// The public's reports.
    pub reports: ReportBook,
    /// The operator's settings (policy text, caps).
    pub settings: ModerationSettings,
    rate: ReportRate,
}

impl Moderation {
    /// Opens the logs in `dir` (`<data dir>/moderation`).
    pub fn open(dir: &Path, settings: ModerationSettings) -> Result<Moderation, ModerationError> {
        let decisions = DecisionLog::open(
            &dir.join(sepiola_moderation::DECISIONS_FILE),
            &settings.operator,
        )?;
        let reports = ReportBook::open(
            &dir.join(sepiola_moderation::REPORTS_FILE),
            settings.max_pending_reports,
            &settings.operator,
        )?;
        Ok(Moderation {
            decisions,
            reports,
            rate: ReportRate::new(settings.reports_per_minute),
            settings,
        })
    }

    /// Whether a client may send one more report now (counted if so).
    pub fn report_allowed(&self, client: Option<IpAddr>) -> bool {
        self.rate.allow(client, Instant::now())
    }

    /// Reads what `sepiola moderate` appended to either log.
    pub fn refresh(&self) -> Result<bool, ModerationError> {
        let d = self.decisions.refresh()?;
        let r = self.reports.refresh()?;
        Ok(d || r)
    }

    /// The policy text in `lang`, or in English, or the first one given.
    pub fn policy(&self, lang: &str) -> Option<&str> {
        let p = &self.settings.policy;
        p.get(lang)
            .or_else(|| p.get("en"))
            .or_else(|| p.values().next())
            .map(String::as_str)
    }
}

/// Reports per client address in the last minute, in memory only: the
/// address is never written anywhere, and is forgotten a minute later.
struct ReportRate {
    per_window: u32,
    clients: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl ReportRate {
    fn new(per_window: u32) -> ReportRate {
        ReportRate {
            per_window,
            clients: Mutex::new(HashMap::new()),
        }
    }

    fn allow(&self, client: Option<IpAddr>, now: Instant) -> bool {
        if self.per_window == 0 {
            return false;
        }
        // Without an address (in-process tests) one shared bucket.
        let key = client.unwrap_or(IpAddr::from([0, 0, 0, 0]));
        let mut clients = self.clients.lock().unwrap_or_else(|p| p.into_inner());
        if clients.len() >= MAX_TRACKED_CLIENTS && !clients.contains_key(&key) {
            clients.retain(|_, (start, _)| now.duration_since(*start) < REPORT_WINDOW);
            if clients.len() >= MAX_TRACKED_CLIENTS {
                return false;
            }
        }
        let entry = clients.entry(key).or_insert((now, 0));
        if now.duration_since(entry.0) >= REPORT_WINDOW {
            *entry = (now, 0);
        }
        if entry.1 >= self.per_window {
            return false;
        }
        entry.1 += 1;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_per_client_and_window() {
        let r = ReportRate::new(2);
        let t = Instant::now();
        let a = Some(IpAddr::from([10, 0, 0, 1]));
        let b = Some(IpAddr::from([10, 0, 0, 2]));
        assert!(r.allow(a, t) && r.allow(a, t));
        assert!(!r.allow(a, t));
        assert!(r.allow(b, t));
        assert!(r.allow(a, t + REPORT_WINDOW));
    }

    #[test]
    fn rate_memory_is_bounded() {
        let r = ReportRate::new(1);
        let t = Instant::now();
        for i in 0..MAX_TRACKED_CLIENTS as u32 {
            assert!(r.allow(Some(IpAddr::from(i.to_be_bytes())), t));
        }
        assert!(!r.allow(Some(IpAddr::from([255, 0, 0, 1])), t));
        let later = t + REPORT_WINDOW;
        assert!(r.allow(Some(IpAddr::from([255, 0, 0, 1])), later));
        assert!(r.clients.lock().map(|c| c.len()).unwrap_or(0) <= MAX_TRACKED_CLIENTS);
    }
}
