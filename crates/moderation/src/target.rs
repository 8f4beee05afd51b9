//! What a decision or a report is about (a host, an account, a channel or
//! Mobilizon group, or one document) and the fixed list of reasons.

use std::fmt;

use serde::{Deserialize, Serialize};

use sepiola_model::host::normalize_host;
use sepiola_model::{DocKey, DocKind};

use crate::error::ModerationError;

/// Longest account or channel name accepted in a target.
const MAX_NAME: usize = 120;
/// Longest document id (uuid or name) accepted in a target.
const MAX_ID: usize = 200;

/// The four levels a decision applies at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// A whole instance: not crawled, nothing of it listed.
    Instance,
    /// An account and everything it owns.
    Account,
    /// A channel (or a Mobilizon group) and everything in it.
    Channel,
    /// One video, playlist, event or group.
    Document,
}

impl Level {
    /// All levels, broadest first.
    pub const ALL: [Level; 4] = [
        Level::Instance,
        Level::Account,
        Level::Channel,
        Level::Document,
    ];

    /// The name used in the API, the CLI and the message keys.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Instance => "instance",
            Level::Account => "account",
            Level::Channel => "channel",
            Level::Document => "document",
        }
    }
}

/// What a decision or report is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "level", rename_all = "lowercase")]
pub enum Target {
    /// A host.
    Instance {
        /// The host (`name[:port]`, lower case).
        host: String,
    },
    /// An account, `name@host`.
    Account {
        /// The handle.
        handle: String,
    },
    /// A channel or Mobilizon group, `name@host`.
    Channel {
        /// The handle.
        handle: String,
    },
    /// One document of a kind.
    Document {
        /// Video, playlist, event, group (or channel).
        kind: DocKind,
        /// Its host.
        host: String,
        /// Its id there (uuid, or name for channels and groups).
        id: String,
    },
}

impl Target {
    /// Parses a target as the CLI and the forms give it: `level` is
    /// `instance`, `account`, `channel` or a document kind (`video`,
    /// `playlist`, `event`, `group`), `what` the host, the handle
    /// (`name@host`) or, for a document, `host/id`.
    pub fn parse(level: &str, what: &str) -> Result<Target, ModerationError> {
        let what = what.trim();
        let bad = |why: &str| ModerationError::Invalid(format!("target {what:?}: {why}"));
        let target = match level.trim().to_ascii_lowercase().as_str() {
            "instance" | "host" => Target::Instance {
                host: what.to_string(),
            },
            "account" => Target::Account {
                handle: what.to_string(),
            },
            "channel" => Target::Channel {
                handle: what.to_string(),
            },
            kind => {
                let kind = DocKind::parse(kind).ok_or_else(|| {
                    ModerationError::Invalid(format!(
                        "level {level:?}: must be instance, account, channel, video, \
                         playlist, event or group"
                    ))
                })?;
                let (host, id) = what.split_once('/').ok_or_else(|| bad("must be host/id"))?;
                Target::Document {
                    kind,
                    host: host.to_string(),
                    id: id.to_string(),
                }
            }
        };
        target.normalized()
    }

    /// The same target with its host lower-cased and every part checked
    /// (anything from outside goes through here).
    pub fn normalized(self) -> Result<Target, ModerationError> {
        let bad = |why: String| ModerationError::Invalid(why);
        Ok(match self {
            Target::Instance { host } => Target::Instance {
                host: normalize_host(&host)
                    .ok_or_else(|| bad(format!("{host:?} is not a host")))?,
            },
            Target::Account { handle } => Target::Account {
                handle: normalize_handle(&handle)
                    .ok_or_else(|| bad(format!("{handle:?} is not name@host")))?,
            },
            Target::Channel { handle } => Target::Channel {
                handle: normalize_handle(&handle)
                    .ok_or_else(|| bad(format!("{handle:?} is not name@host")))?,
            },
            Target::Document { kind, host, id } => {
                let host =
                    normalize_host(&host).ok_or_else(|| bad(format!("{host:?} is not a host")))?;
                let id = id.trim().to_string();
                if id.is_empty()
                    || id.len() > MAX_ID
                    || id.chars().any(|c| c.is_whitespace() || c.is_control())
                {
                    return Err(bad(format!("{id:?} is not a document id")));
                }
                Target::Document { kind, host, id }
            }
        })
    }

    /// The level it is at.
    pub fn level(&self) -> Level {
        match self {
            Target::Instance { .. } => Level::Instance,
            Target::Account { .. } => Level::Account,
            Target::Channel { .. } => Level::Channel,
            Target::Document { .. } => Level::Document,
        }
    }

    /// The host it belongs to.
    pub fn host(&self) -> &str {
        match self {
            Target::Instance { host } | Target::Document { host, .. } => host,
            Target::Account { handle } | Target::Channel { handle } => {
                handle.rsplit_once('@').map_or("", |(_, h)| h)
            }
        }
    }

    /// The document's kind and key, for a document target.
    pub fn document_key(&self) -> Option<(DocKind, DocKey)> {
        match self {
            Target::Document { kind, host, id } => Some((*kind, DocKey::new(host, id))),
            _ => None,
        }
    }
}

impl fmt::Display for Target {
    /// `host`, `name@host`, or `kind host/id`: how pages and the CLI show it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Instance { host } => f.write_str(host),
            Target::Account { handle } | Target::Channel { handle } => f.write_str(handle),
            Target::Document { kind, host, id } => write!(f, "{kind} {host}/{id}"),
        }
    }
}

/// `name@host` with the host normalised, or `None`.
pub fn normalize_handle(h: &str) -> Option<String> {
    let h = h.trim().trim_start_matches('@');
    let (name, host) = h.rsplit_once('@')?;
    if name.is_empty()
        || name.len() > MAX_NAME
        || name
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '/')
    {
        return None;
    }
    Some(format!("{name}@{}", normalize_host(host)?))
}

/// The fixed list of reasons a decision (and a report) gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// Content that breaks the law.
    IllegalContent,
    /// Hate speech.
    Hate,
    /// Harassment.
    Harassment,
    /// Spam, scams.
    Spam,
    /// Pretending to be someone else.
    Impersonation,
    /// Against this index's own policy.
    OffPolicy,
    /// Anything else (the text says what).
    Other,
}

impl Reason {
    /// Every reason, in the order pages list them.
    pub const ALL: [Reason; 7] = [
        Reason::IllegalContent,
        Reason::Hate,
        Reason::Harassment,
        Reason::Spam,
        Reason::Impersonation,
        Reason::OffPolicy,
        Reason::Other,
    ];

    /// The name in the API and the CLI (`illegal-content`…).
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::IllegalContent => "illegal-content",
            Reason::Hate => "hate",
            Reason::Harassment => "harassment",
            Reason::Spam => "spam",
            Reason::Impersonation => "impersonation",
            Reason::OffPolicy => "off-policy",
            Reason::Other => "other",
        }
    }

    /// The reason named `s`, if any.
    pub fn parse(s: &str) -> Option<Reason> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        Reason::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_parse_and_normalise() {
        assert_eq!(
            Target::parse("instance", " Bad.Example ").ok(),
            Some(Target::Instance {
                host: "bad.example".into()
            })
        );
        assert_eq!(
            Target::parse("account", "@bob@X.org").ok(),
            Some(Target::Account {
                handle: "bob@x.org".into()
            })
        );
        let doc = Target::parse("video", "x.org/0a1b").ok();
        assert_eq!(
            doc.as_ref().and_then(|t| t.document_key()),
            Some((DocKind::Video, DocKey::new("x.org", "0a1b")))
        );
        assert!(Target::parse("video", "x.org").is_err());
        assert!(Target::parse("planet", "x.org").is_err());
        assert!(Target::parse("instance", "not a host").is_err());
        assert!(Target::parse("channel", "nohost").is_err());
        assert!(Target::parse("event", "x.org/a b").is_err());
    }

    #[test]
    fn reasons_round_trip() {
        for r in Reason::ALL {
            assert_eq!(Reason::parse(r.as_str()), Some(r));
        }
        assert_eq!(Reason::parse("OFF_POLICY"), Some(Reason::OffPolicy));
        assert_eq!(Reason::parse("boring"), None);
    }
}
