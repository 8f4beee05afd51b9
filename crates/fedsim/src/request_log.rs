//! An in-memory, bounded log of every request every listener received, so tests can assert what
//! a crawler fetched (and that it never contacted the decoy).

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use serde::Serialize;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// One logged request.
#[derive(Debug, Clone, Serialize)]
pub struct LoggedRequest {
    /// Increasing sequence number (never reused, survives clearing).
    pub seq: u64,
    /// When it arrived (RFC 3339).
    pub time: String,
    /// The listener's host (`127.0.0.1:PORT`).
    pub host: String,
    /// What the listener is: `instance`, `directory` or `decoy`.
    pub role: &'static str,
    /// HTTP method.
    pub method: String,
    /// Path and query as sent.
    pub path: String,
    /// The `User-Agent` header, if any.
    pub user_agent: Option<String>,
}

struct Inner {
    entries: VecDeque<LoggedRequest>,
    next_seq: u64,
}

/// The ring buffer of logged requests (oldest dropped past the capacity).
#[derive(Clone)]
pub struct RequestLog {
    inner: Arc<Mutex<Inner>>,
    capacity: usize,
}

impl RequestLog {
    /// An empty log holding at most `capacity` entries.
    pub fn new(capacity: usize) -> RequestLog {
        RequestLog {
            inner: Arc::new(Mutex::new(Inner {
                entries: VecDeque::new(),
                next_seq: 1,
            })),
            capacity: capacity.max(1),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Appends one request.
    pub fn record(
        &self,
        host: &str,
        role: &'static str,
        method: &str,
        path: &str,
        user_agent: Option<&str>,
    ) {
        let time = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let mut inner = self.lock();
        let seq = inner.next_seq;
        inner.next_seq += 1;
        if inner.entries.len() >= self.capacity {
            inner.entries.pop_front();
        }
        inner.entries.push_back(LoggedRequest {
            seq,
            time,
            host: host.to_string(),
            role,
            method: method.to_string(),
            path: path.to_string(),
            user_agent: user_agent.map(str::to_string),
        });
    }

    /// Entries matching the filters, oldest first.
    pub fn snapshot(&self, host: Option<&str>, since: Option<u64>) -> Vec<LoggedRequest> {
        self.lock()
            .entries
            .iter()
            .filter(|e| host.is_none_or(|h| e.host == h))
            .filter(|e| since.is_none_or(|s| e.seq > s))
            .cloned()
            .collect()
    }

    /// Forgets every entry.
    pub fn clear(&self) {
        self.lock().entries.clear();
    }
}

/// What the logging middleware needs to know about its listener.
#[derive(Clone)]
pub struct LogTarget {
    /// The log.
    pub log: RequestLog,
    /// The listener's host.
    pub host: Arc<str>,
    /// The listener's role.
    pub role: &'static str,
}

/// Axum middleware recording each request before it is handled.
pub async fn log_requests(State(target): State<LogTarget>, req: Request, next: Next) -> Response {
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| req.uri().path().to_string());
    let ua = req
        .headers()
        .get(axum::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    target
        .log
        .record(&target.host, target.role, req.method().as_str(), &path, ua);
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ring_drops_oldest_and_filters() {
        let log = RequestLog::new(3);
        for i in 0..5 {
            let host = if i % 2 == 0 { "a" } else { "b" };
            log.record(host, "instance", "GET", &format!("/{i}"), None);
        }
        let all = log.snapshot(None, None);
        assert_eq!(all.len(), 3);
        assert_eq!(all[0].path, "/2");
        assert_eq!(log.snapshot(Some("a"), None).len(), 2);
        assert_eq!(log.snapshot(None, Some(4)).len(), 1);
        log.clear();
        assert!(log.snapshot(None, None).is_empty());
        log.record("a", "instance", "GET", "/x", Some("ua"));
        assert_eq!(log.snapshot(None, None)[0].seq, 6);
    }
}
