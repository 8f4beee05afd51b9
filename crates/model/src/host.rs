//! Hosts: an instance's `name[:port]`, lower-cased and checked, the one
//! form every document, query, deny list and crawl state compares.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// A checked, lower-cased host (`name[:port]`): safe to compare and to join
/// into URLs. Built only by [`Host::parse`], so holding one means it passed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Host(String);

impl Host {
    /// Normalises and checks a host; `None` when it is not one.
    pub fn parse(s: &str) -> Option<Host> {
        normalize_host(s).map(Host)
    }

    /// The host as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Host {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Host {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Host {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Host {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl<'de> Deserialize<'de> for Host {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Host, D::Error> {
        let s = String::deserialize(d)?;
        Host::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a host: {s:?}")))
    }
}

/// Lower-cases a host (`name[:port]`) and checks it only holds host
/// characters, so it can be compared and joined into URLs safely.
pub fn normalize_host(host: &str) -> Option<String> {
    let h = host.trim().trim_end_matches('.').to_ascii_lowercase();
    if h.is_empty() || h.len() > 260 {
        return None;
    }
    let (name, port) = match h.rsplit_once(':') {
        Some((n, p)) if !n.contains(':') => (n, Some(p)),
        _ => (h.as_str(), None),
    };
    if let Some(p) = port
        && p.parse::<u16>().map(|p| p == 0).unwrap_or(true)
    {
        return None;
    }
    let ok_name = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        && !name.starts_with('.')
        && !name.starts_with('-');
    ok_name.then_some(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_normalised_or_refused() {
        assert_eq!(
            normalize_host("Video.Example.ORG.").as_deref(),
            Some("video.example.org")
        );
        assert_eq!(
            normalize_host("127.0.0.1:8080").as_deref(),
            Some("127.0.0.1:8080")
        );
        assert_eq!(normalize_host("a b"), None);
        assert_eq!(normalize_host("x.org:0"), None);
        assert_eq!(normalize_host("x.org:99999"), None);
        assert_eq!(normalize_host("x.org/path"), None);
        assert_eq!(normalize_host("javascript:alert(1)"), None);
    }

    #[test]
    fn a_host_compares_as_text_and_refuses_garbage_when_read() {
        let h = Host::parse("Tube.Example:8443").unwrap();
        assert_eq!(h, "tube.example:8443");
        assert_eq!(h.to_string(), "tube.example:8443");
        let back: Host = serde_json::from_str("\"TUBE.example:8443\"").unwrap();
        assert_eq!(back, h);
        assert!(serde_json::from_str::<Host>("\"a b\"").is_err());
    }
}
