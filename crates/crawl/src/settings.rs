//! What an operator tunes: the `[crawl]` section of the configuration.

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The `[crawl]` configuration section (every key also works as a
/// `SEPIOLA_CRAWL__KEY` environment variable).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CrawlSettings {
    /// Instance list: a URL in the joinpeertube `/api/v1/instances/hosts`
    /// format, or a local file (one host per line, `#` comments, or that JSON).
    pub peertube_list: Option<String>,
    /// The list crawled when neither `peertube_list` nor `hosts` is set: the
    /// public, approved joinpeertube list Sepia Search uses, so a first
    /// `sepiola serve` is useful. Empty: crawl nothing unless told.
    pub default_list: String,
    /// Hosts crawled in addition to the list.
    pub hosts: Vec<String>,
    /// Mobilizon instance list: a URL in the instances.joinmobilizon.org
    /// `/api/v1/instances` format (`{total, data: [{host}]}`, paged with
    /// `start`/`count`), or a local file (one host per line, or that JSON).
    /// Unset: no Mobilizon instance is crawled (imported events stay).
    pub mobilizon_list: Option<String>,
    /// Mobilizon hosts crawled in addition to `mobilizon_list`.
    pub mobilizon_hosts: Vec<String>,
    /// Days a past event stays searchable after it ended (or started, when
    /// it has no end); then it is dropped from the index.
    pub past_events_days: u64,
    /// If not empty, only these hosts are crawled (intersection with the list).
    pub allow_hosts: Vec<String>,
    /// Hosts never crawled (their documents are purged).
    pub deny_hosts: Vec<String>,
    /// `https` (real instances) or `http` (fedsim and local tests only).
    pub scheme: String,
    /// Seconds between quick passes over a host (newest videos).
    pub quick_interval_secs: u64,
    /// Seconds between full passes over a host (everything, with deletions).
    pub full_interval_secs: u64,
    /// Pause between two requests to one host, in milliseconds.
    pub per_host_delay_ms: u64,
    /// Requests in flight over all hosts (and hosts crawled at once).
    pub concurrency: usize,
    /// Whole-request timeout in seconds (headers and body).
    pub timeout_secs: u64,
    /// Connect timeout in seconds.
    pub connect_timeout_secs: u64,
    /// Largest response body accepted, in bytes.
    pub max_body_bytes: u64,
    /// Most pages of one listing fetched in one pass (ends endless pagination).
    pub max_pages: u64,
    /// Most videos taken from one host.
    pub max_videos_per_host: u64,
    /// Hosts with at most this many videos get a complete video listing in
    /// quick passes too (catches edits and deletions within minutes).
    pub quick_full_below: u64,
    /// Most documents of one host whose embedded channel or account copy
    /// is rewritten per pass (the rest follow on the next passes).
    pub max_actor_rewrites: u64,
    /// Retries of a request answered 429 or 5xx.
    pub max_retries: u32,
    /// URL put in the User-Agent so instance admins can find us.
    pub user_agent_url: String,
    /// Allow private and loopback addresses (fedsim and tests only).
    pub allow_private_addresses: bool,
    /// Longest time one host pass may take, in seconds.
    pub host_pass_timeout_secs: u64,
}

impl Default for CrawlSettings {
    fn default() -> Self {
        CrawlSettings {
            peertube_list: None,
            default_list: JOINPEERTUBE_LIST.into(),
            hosts: Vec::new(),
            mobilizon_list: None,
            mobilizon_hosts: Vec::new(),
            past_events_days: 90,
            allow_hosts: Vec::new(),
            deny_hosts: Vec::new(),
            scheme: "https".into(),
            quick_interval_secs: 300,
            full_interval_secs: 86_400,
            per_host_delay_ms: 100,
            concurrency: 16,
            timeout_secs: 30,
            connect_timeout_secs: 10,
            max_body_bytes: 16 * 1024 * 1024,
            max_pages: 2_000,
            max_videos_per_host: 200_000,
            quick_full_below: 1_000,
            max_actor_rewrites: 20_000,
            max_retries: 2,
            user_agent_url: "https://github.com/sepiola/sepiola".into(),
            allow_private_addresses: false,
            host_pass_timeout_secs: 4 * 3600,
        }
    }
}

/// The public list of approved PeerTube instances (joinpeertube.org's).
pub const JOINPEERTUBE_LIST: &str = "https://instances.joinpeertube.org/api/v1/instances/hosts";

impl CrawlSettings {
    /// The instance list to read: `peertube_list`, else (with no `hosts`
    /// and no Mobilizon source either) `default_list`; `None` when there is none.
    pub fn list(&self) -> Option<&str> {
        fn set(s: &str) -> Option<&str> {
            Some(s.trim()).filter(|s| !s.is_empty())
        }
        match self.peertube_list.as_deref().and_then(set) {
            Some(l) => Some(l),
            // An operator who set up Mobilizon sources only did not ask for
            // the default PeerTube list.
            None if self.hosts.is_empty() && !self.has_mobilizon_sources() => {
                set(&self.default_list)
            }
            None => None,
        }
    }

    /// Whether the default list is what will be crawled.
    pub fn uses_default_list(&self) -> bool {
        self.peertube_list
            .as_deref()
            .is_none_or(|s| s.trim().is_empty())
            && self.hosts.is_empty()
            && !self.has_mobilizon_sources()
            && self.list().is_some()
    }

    /// The Mobilizon list to read, if one is set.
    pub fn mobilizon_list(&self) -> Option<&str> {
        self.mobilizon_list
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    /// Whether any Mobilizon instance is configured (only then are
    /// Mobilizon hosts that left the lists purged).
    pub fn has_mobilizon_sources(&self) -> bool {
        self.mobilizon_list().is_some() || !self.mobilizon_hosts.is_empty()
    }

    /// Whether anything is configured to crawl.
    pub fn has_sources(&self) -> bool {
        self.list().is_some() || !self.hosts.is_empty() || self.has_mobilizon_sources()
    }

    /// Checks values that would make the crawler misbehave.
    pub fn validate(&self) -> Result<(), crate::CrawlError> {
        let bad = |m: &str| Err(crate::CrawlError::Settings(m.to_string()));
        if !matches!(self.scheme.as_str(), "http" | "https") {
            return bad("scheme must be http or https");
        }
        if self.concurrency == 0 {
            return bad("concurrency must be at least 1");
        }
        if self.timeout_secs == 0 || self.connect_timeout_secs == 0 {
            return bad("timeouts must be at least 1 second");
        }
        if self.max_body_bytes < 1024 {
            return bad("max_body_bytes must be at least 1024");
        }
        if self.quick_interval_secs == 0 || self.full_interval_secs == 0 {
            return bad("intervals must be at least 1 second");
        }
        Ok(())
    }

    /// The User-Agent every request carries.
    pub fn user_agent(&self) -> String {
        format!(
            "sepiola/{} (+{})",
            env!("CARGO_PKG_VERSION"),
            self.user_agent_url.trim()
        )
    }

    /// Whole-request timeout.
    pub fn timeout(&self) -> Duration {
        Duration::from_secs(self.timeout_secs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_polite() {
        let s = CrawlSettings::default();
        s.validate().unwrap();
        assert!(s.user_agent().starts_with("sepiola/"));
        assert!(s.user_agent().contains("(+https://"));
        assert_eq!(s.full_interval_secs, 86_400);
        assert_eq!(s.quick_interval_secs, 300);
        assert!(!s.allow_private_addresses);
        let bad = CrawlSettings {
            scheme: "ftp".into(),
            ..Default::default()
        };
        assert!(bad.validate().is_err());
    }
}
