//! Per-host health: what a success or a failure changes, and how long a
//! failing host is left alone.

use std::time::Duration;

use sepiola_model::Timestamp;
use sepiola_model::instance::{HostHealth, InstanceStatus, PassSummary};

use crate::host_pass::PassKind;

/// First pause after a failed pass; doubles with every failure in a row.
pub const FIRST_HOST_BACKOFF: Duration = Duration::from_secs(60);
/// Longest pause of a failing host.
pub const MAX_HOST_BACKOFF: Duration = Duration::from_secs(6 * 3600);

/// How long to leave a host alone after `failures` failed passes in a row
/// (at least `at_least`, e.g. a `Retry-After`).
pub fn host_backoff(failures: u32, at_least: Duration) -> Duration {
    let exp = failures.saturating_sub(1).min(20);
    let d = FIRST_HOST_BACKOFF.saturating_mul(1u32 << exp);
    d.min(MAX_HOST_BACKOFF).max(at_least)
}

fn add(t: Timestamp, d: Duration) -> Timestamp {
    let d = chrono::Duration::from_std(d).unwrap_or(chrono::Duration::zero());
    Timestamp(t.0 + d)
}

/// Records a finished pass on the host's status.
pub fn record_pass(
    status: &mut InstanceStatus,
    kind: PassKind,
    summary: PassSummary,
    retry_after: Option<Duration>,
) {
    let now = summary.finished_at.unwrap_or_else(Timestamp::now);
    if summary.ok {
        status.health = HostHealth::Ok;
        status.last_success = Some(now);
        status.consecutive_failures = 0;
        status.next_attempt = None;
    } else {
        status.health = HostHealth::Failing;
        status.last_error = summary.error.clone();
        status.last_error_at = Some(now);
        status.consecutive_failures = status.consecutive_failures.saturating_add(1);
        let wait = host_backoff(
            status.consecutive_failures,
            retry_after.unwrap_or(Duration::ZERO),
        );
        status.next_attempt = Some(add(now, wait));
    }
    match kind {
        PassKind::Full => status.last_full_pass = Some(summary),
        PassKind::Quick => status.last_quick_pass = Some(summary),
    }
}

/// Which pass, if any, a host needs at `now`.
pub fn due(
    status: &InstanceStatus,
    now: Timestamp,
    quick: Duration,
    full: Duration,
) -> Option<PassKind> {
    if status.next_attempt.is_some_and(|t| t > now) {
        return None;
    }
    let older = |t: Option<Timestamp>, d: Duration| match t {
        None => true,
        Some(t) => add(t, d) <= now,
    };
    let last_full_ok = status
        .last_full_pass
        .as_ref()
        .filter(|p| p.ok)
        .and_then(|p| p.started_at);
    if older(last_full_ok, full) {
        return Some(PassKind::Full);
    }
    let last_any = [
        last_full_ok,
        status.last_quick_pass.as_ref().and_then(|p| p.started_at),
    ]
    .into_iter()
    .flatten()
    .max();
    older(last_any, quick).then_some(PassKind::Quick)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(host_backoff(1, Duration::ZERO), Duration::from_secs(60));
        assert_eq!(host_backoff(2, Duration::ZERO), Duration::from_secs(120));
        assert_eq!(host_backoff(30, Duration::ZERO), MAX_HOST_BACKOFF);
        assert_eq!(
            host_backoff(1, Duration::from_secs(600)),
            Duration::from_secs(600)
        );
    }

    #[test]
    fn failures_postpone_and_success_resets() {
        let mut s = InstanceStatus::default();
        let t0 = at("2025-01-01T00:00:00Z");
        assert_eq!(
            due(
                &s,
                t0,
                Duration::from_secs(300),
                Duration::from_secs(86_400)
            ),
            Some(PassKind::Full)
        );
        let fail = PassSummary {
            started_at: Some(t0),
            finished_at: Some(t0),
            ok: false,
            error: Some("timed out".into()),
            ..Default::default()
        };
        record_pass(&mut s, PassKind::Full, fail.clone(), None);
        record_pass(&mut s, PassKind::Full, fail, None);
        assert_eq!(s.consecutive_failures, 2);
        assert_eq!(s.health, HostHealth::Failing);
        assert_eq!(s.next_attempt, Some(at("2025-01-01T00:02:00Z")));
        assert_eq!(
            due(
                &s,
                at("2025-01-01T00:01:00Z"),
                Duration::from_secs(300),
                Duration::from_secs(86_400)
            ),
            None
        );
        let ok = PassSummary {
            started_at: Some(t0),
            finished_at: Some(t0),
            ok: true,
            ..Default::default()
        };
        record_pass(&mut s, PassKind::Full, ok, None);
        assert_eq!(s.consecutive_failures, 0);
        assert_eq!(s.health, HostHealth::Ok);
        assert!(s.last_error.is_some(), "the last error stays visible");
        let q = Duration::from_secs(300);
        let f = Duration::from_secs(86_400);
        assert_eq!(due(&s, at("2025-01-01T00:04:00Z"), q, f), None);
        assert_eq!(
            due(&s, at("2025-01-01T00:05:00Z"), q, f),
            Some(PassKind::Quick)
        );
        assert_eq!(
            due(&s, at("2025-01-02T00:00:00Z"), q, f),
            Some(PassKind::Full)
        );
    }
}
