//! Channel and account links pasted into the search box: PeerTube's
//! `/c/<channel>`, `/video-channels/<channel>`, `/a/<account>` and
//! `/accounts/<account>` pages, with or without the scheme and host, read
//! into the actor they name. The text query then looks the actor up by its
//! handle `name@host` instead of reading the link as words (see
//! docs/ranking.md). Watch and playlist links carry an id, read by
//! [`crate::text_query`] itself.

use sepiola_model::host::normalize_host;

/// Longest actor name read from a link (PeerTube allows 50).
const MAX_NAME_CHARS: usize = 64;

/// Which kind of actor page a link opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ActorLinkKind {
    /// A video channel (`/c/…`, `/video-channels/…`).
    Channel,
    /// An account (`/a/…`, `/accounts/…`).
    Account,
}

/// An actor named by a pasted link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ActorLink {
    /// Channel or account.
    pub kind: ActorLinkKind,
    /// Its name (`preferredUsername`).
    pub name: String,
    /// The host the actor lives on, when the link says (`name@host` in the
    /// path wins over the link's own host: a remote channel seen on
    /// another instance).
    pub host: Option<String>,
}

impl ActorLink {
    /// The handle `name@host`, when the host is known.
    pub fn handle(&self) -> Option<String> {
        self.host.as_ref().map(|h| format!("{}@{h}", self.name))
    }
}

/// The actor a token names, if it is a link to a channel or account page.
/// Anything else (a word, a watch link, a malformed name or host) is None.
pub(crate) fn actor_link(token: &str) -> Option<ActorLink> {
    if !token.contains('/') {
        return None;
    }
    let (scheme, rest) = match token.split_once("://") {
        Some((s, rest)) => (Some(s), rest),
        None => (None, token),
    };
    if scheme.is_some_and(|s| !matches!(s.to_ascii_lowercase().as_str(), "http" | "https")) {
        return None;
    }
    let path = rest.split(['?', '#']).next().unwrap_or("");
    let mut segments = path.split('/').peekable();
    // `host/c/x` and `https://host/c/x` carry a host; `/c/x` and `c/x` not.
    let link_host = if scheme.is_some() || !path.starts_with('/') {
        match segments.peek() {
            Some(first) if scheme.is_some() || looks_like_host(first) => {
                let h = normalize_host(first)?;
                segments.next();
                Some(h)
            }
            _ => None,
        }
    } else {
        None
    };
    let segments: Vec<&str> = segments.filter(|s| !s.is_empty()).collect();
    let (kind, raw) = match segments.as_slice() {
        ["c" | "video-channels", name, ..] => (ActorLinkKind::Channel, *name),
        ["a" | "accounts", name, ..] => (ActorLinkKind::Account, *name),
        _ => return None,
    };
    let raw = raw.replace("%40", "@");
    let raw = raw.trim_start_matches('@');
    let (name, host) = match raw.split_once('@') {
        Some((name, host)) => (name, Some(normalize_host(host)?)),
        None => (raw, link_host),
    };
    valid_name(name).then(|| ActorLink {
        kind,
        name: name.to_string(),
        host,
    })
}

/// A first path segment that reads as a host: a dot or a port in it, or
/// `localhost`.
fn looks_like_host(s: &str) -> bool {
    s.contains('.') || s.contains(':') || s.eq_ignore_ascii_case("localhost")
}

/// PeerTube's actor names: letters, digits, `_`, `.`, `-`, `:`.
fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | ':'))
}

/// A regex matching exactly `literal` (every character that is not a
/// letter, digit or `_` escaped).
pub(crate) fn regex_literal(literal: &str) -> String {
    let mut out = String::with_capacity(literal.len() * 2);
    for c in literal.chars() {
        if !(c.is_ascii_alphanumeric() || c == '_') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(kind: ActorLinkKind, name: &str, host: Option<&str>) -> Option<ActorLink> {
        Some(ActorLink {
            kind,
            name: name.into(),
            host: host.map(str::to_string),
        })
    }

    #[test]
    fn every_form_of_channel_and_account_link_is_read() {
        use ActorLinkKind::{Account, Channel};
        let host = Some("tube.example.org");
        for (token, want) in [
            (
                "https://tube.example.org/c/jazz",
                link(Channel, "jazz", host),
            ),
            (
                "https://Tube.Example.org/c/jazz/videos?s=1",
                link(Channel, "jazz", host),
            ),
            (
                "tube.example.org/c/jazz/videos",
                link(Channel, "jazz", host),
            ),
            (
                "http://tube.example.org/video-channels/jazz",
                link(Channel, "jazz", host),
            ),
            ("/c/jazz", link(Channel, "jazz", None)),
            ("c/jazz", link(Channel, "jazz", None)),
            (
                "/video-channels/jazz/playlists",
                link(Channel, "jazz", None),
            ),
            (
                "https://tube.example.org/a/alice/video-channels",
                link(Account, "alice", host),
            ),
            ("/accounts/alice", link(Account, "alice", None)),
            (
                "https://tube.example.org/c/ops@peertube.example.de:8443",
                link(Channel, "ops", Some("peertube.example.de:8443")),
            ),
            (
                "https://tube.example.org/a/bob%40other.example",
                link(Account, "bob", Some("other.example")),
            ),
            (
                "localhost:9000/c/x",
                link(Channel, "x", Some("localhost:9000")),
            ),
        ] {
            assert_eq!(actor_link(token), want, "{token}");
        }
    }

    #[test]
    fn other_text_is_not_an_actor_link() {
        for token in [
            "jazz",
            "c/",
            "https://tube.example.org/w/kAA7MHEBBTSictzwv3Jghr",
            "https://tube.example.org/videos/watch/playlist/x",
            "https://tube.example.org/",
            "https://tube.example.org/c/<script>",
            "https://tube.example.org/c/a b",
            "ftp://tube.example.org/c/jazz",
            "https://bad host/c/jazz",
            "https://tube.example.org/c/x@bad:0",
            "notahost/c/jazz",
        ] {
            assert_eq!(actor_link(token), None, "{token}");
        }
        let long = format!("/c/{}", "a".repeat(MAX_NAME_CHARS + 1));
        assert_eq!(actor_link(&long), None);
    }

    #[test]
    fn regex_literals_escape_punctuation() {
        assert_eq!(regex_literal("a.b-c_d"), r"a\.b\-c_d");
    }
}
