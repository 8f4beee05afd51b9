//! What `GET /api/v1/instances` answers: each crawled host with its health
//! and last passes, so anyone can see what the index covers and how fresh it is.

use serde::{Deserialize, Serialize};

use crate::time::Timestamp;

/// How a host is doing, in one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum HostHealth {
    /// On the list, never crawled yet.
    #[default]
    Pending,
    /// The last attempt succeeded.
    Ok,
    /// The last attempt failed; the crawler backs off.
    Failing,
}

/// Which software a host runs, so a pass speaks its API and the purge of
/// a host that left its list touches only its kinds of documents.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Software {
    /// A PeerTube instance (REST API; videos, channels, playlists).
    #[default]
    PeerTube,
    /// A Mobilizon instance (GraphQL API; events, groups).
    Mobilizon,
}

impl Software {
    /// The document kinds its instances serve.
    pub fn kinds(self) -> &'static [crate::DocKind] {
        match self {
            Software::PeerTube => &crate::DocKind::PEERTUBE,
            Software::Mobilizon => &crate::DocKind::MOBILIZON,
        }
    }

    /// Its name, as nodeinfo spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Software::PeerTube => "peertube",
            Software::Mobilizon => "mobilizon",
        }
    }
}

/// The outcome of one pass over one host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct PassSummary {
    /// When the pass started.
    pub started_at: Option<Timestamp>,
    /// When it ended.
    pub finished_at: Option<Timestamp>,
    /// Whether it completed (a failed pass deletes nothing).
    pub ok: bool,
    /// Documents added to the index.
    pub added: u64,
    /// Documents replaced because they changed.
    pub updated: u64,
    /// Documents deleted because the host no longer serves them.
    pub deleted: u64,
    /// Documents refused (invalid, remote, not public, uuid owned elsewhere).
    pub rejected: u64,
    /// Documents the host listed, all kinds together.
    pub seen: u64,
    /// HTTP requests sent to the host.
    pub requests: u64,
    /// Why it failed, when it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// One host on the instance list, as the crawler sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct InstanceStatus {
    /// `name[:port]`.
    pub host: String,
    /// What it runs (from the list it is on).
    pub software: Software,
    /// In one word.
    pub health: HostHealth,
    /// The instance's name from its `/api/v1/config`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Version it reports (PeerTube's or Mobilizon's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_version: Option<String>,
    /// Last time a pass succeeded.
    pub last_success: Option<Timestamp>,
    /// Last error, with its time.
    pub last_error: Option<String>,
    /// When the last error happened.
    pub last_error_at: Option<Timestamp>,
    /// Failures in a row (0 when healthy).
    pub consecutive_failures: u32,
    /// Earliest time of the next attempt.
    pub next_attempt: Option<Timestamp>,
    /// The last full pass (every document, deletions included).
    pub last_full_pass: Option<PassSummary>,
    /// The last quick pass (newest videos).
    pub last_quick_pass: Option<PassSummary>,
    /// Documents of this host in the index now.
    pub documents: u64,
}

/// The `GET /api/v1/instances` envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct InstancesResponse {
    /// Number of hosts.
    pub total: u64,
    /// The hosts, sorted by host.
    pub data: Vec<InstanceStatus>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_round_trips_in_camel_case() {
        let s = InstanceStatus {
            host: "tube.example".into(),
            health: HostHealth::Ok,
            consecutive_failures: 0,
            last_full_pass: Some(PassSummary {
                ok: true,
                added: 3,
                ..Default::default()
            }),
            ..Default::default()
        };
        let j = serde_json::to_value(&s).unwrap();
        assert_eq!(j["health"], "ok");
        assert_eq!(j["lastFullPass"]["added"], 3);
        assert_eq!(j["consecutiveFailures"], 0);
        assert_eq!(j["software"], "peertube");
        let old: InstanceStatus = serde_json::from_value(serde_json::json!({"host": "x"})).unwrap();
        assert_eq!(
            old.software,
            Software::PeerTube,
            "states written before it are PeerTube's"
        );
        let back: InstanceStatus = serde_json::from_value(j).unwrap();
        assert_eq!(back, s);
    }
}
