//! The origin rule every document obeys: each URL and path it carries must
//! be on the host it was crawled from, so a hostile instance can neither
//! point visitors elsewhere nor impersonate another instance.

use crate::error::ModelError;
use crate::limits::MAX_URL_CHARS;

/// The scheme and authority every URL of a document must share: the
/// document's own host. Relative paths are joined to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    base: String,
    authority: String,
}

impl Origin {
    /// The origin of `host`, taking the scheme from `hint` when `hint` is an
    /// absolute http(s) URL on that same host (fedsim serves plain http),
    /// else https.
    pub fn for_host(host: &str, hint: &str) -> Origin {
        let scheme = match url::Url::parse(hint) {
            Ok(u) if u.scheme() == "http" && authority_of(&u).as_deref() == Some(host) => "http",
            _ => "https",
        };
        Origin {
            base: format!("{scheme}://{host}"),
            authority: host.to_string(),
        }
    }

    /// `scheme://host[:port]`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Joins a path (starting with `/`) to the origin.
    pub fn join(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Checks that an absolute URL is http(s) and on this origin's host.
    pub fn check_url(&self, field: &'static str, u: &str) -> Result<(), ModelError> {
        let bad = |reason: &str| ModelError::Invalid {
            field,
            reason: reason.to_string(),
        };
        if u.len() > MAX_URL_CHARS {
            return Err(bad("URL too long"));
        }
        // Fast path: the origin itself followed by a plain path cannot lead
        // anywhere else (no parse needed; most URLs take this path).
        if let Some(rest) = u.strip_prefix(self.base.as_str())
            && (rest.is_empty() || (rest.starts_with('/') && plain_path(rest)))
        {
            return Ok(());
        }
        let parsed = url::Url::parse(u).map_err(|_| bad("not an absolute URL"))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(bad("not an http(s) URL"));
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(bad("URL carries credentials"));
        }
        if authority_of(&parsed).as_deref() != Some(self.authority.as_str()) {
            return Err(bad("URL points to another host"));
        }
        Ok(())
    }

    /// Checks that a path is a plain absolute path on this origin.
    pub fn check_path(&self, field: &'static str, p: &str) -> Result<(), ModelError> {
        // A plain absolute path joined to the origin stays on the origin.
        if p.starts_with('/') && p.len() <= MAX_URL_CHARS && plain_path(p) {
            return Ok(());
        }
        Err(ModelError::Invalid {
            field,
            reason: "not a path on the origin".into(),
        })
    }

    /// The path (and query) of a URL that must be on this origin; a path is
    /// returned as it is.
    pub fn path_of(&self, field: &'static str, u: &str) -> Result<String, ModelError> {
        if u.starts_with('/') && !u.starts_with("//") {
            return Ok(u.to_string());
        }
        self.check_url(field, u)?;
        let parsed = url::Url::parse(u).map_err(|_| ModelError::Invalid {
            field,
            reason: "not an absolute URL".into(),
        })?;
        let mut p = parsed.path().to_string();
        if let Some(q) = parsed.query() {
            p.push('?');
            p.push_str(q);
        }
        Ok(p)
    }
}

/// A path that cannot change the authority it is joined to: not
/// protocol-relative, no backslash, no white space or control characters.
fn plain_path(p: &str) -> bool {
    !p.starts_with("//")
        && !p
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
}

fn authority_of(u: &url::Url) -> Option<String> {
    let host = u.host_str()?.to_ascii_lowercase();
    Some(match u.port() {
        Some(p) => format!("{host}:{p}"),
        None => host,
    })
}

/// An image or link URL of a document: absolute on the document's own host
/// (a path is joined to it); empty is `None`, anything else is refused.
pub fn origin_url(
    origin: &Origin,
    field: &'static str,
    u: Option<&str>,
) -> Result<Option<String>, ModelError> {
    match u.map(str::trim).filter(|u| !u.is_empty()) {
        None => Ok(None),
        Some(u) => {
            let path = origin.path_of(field, u)?;
            origin.check_path(field, &path)?;
            // In the form a URL parser writes it (non-ASCII percent-encoded),
            // so that the result given again gives itself: a path and the
            // URL of that path must end up the same.
            let canonical = origin.path_of(field, &origin.join(&path))?;
            origin.check_path(field, &canonical)?;
            Ok(Some(origin.join(&canonical)))
        }
    }
}

/// Fills an image's absolute URL from its path (or its path from a URL on
/// the origin); refuses either when it leaves the origin.
pub(crate) fn fill_image(
    origin: &Origin,
    field: &'static str,
    path: &mut Option<String>,
    url: &mut Option<String>,
) -> Result<(), ModelError> {
    if path.as_deref().is_none_or(str::is_empty) {
        *path = match url.as_deref() {
            Some(u) if !u.is_empty() => Some(origin.path_of(field, u)?),
            _ => None,
        };
    }
    if let Some(p) = path.as_deref() {
        origin.check_path(field, p)?;
        *url = Some(origin.join(p));
    } else {
        *url = None;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_must_be_on_the_origin() {
        let o = Origin::for_host("mobilizon.example", "");
        assert_eq!(
            origin_url(&o, "banner", Some("/media/a.jpg")).unwrap(),
            Some("https://mobilizon.example/media/a.jpg".into())
        );
        assert_eq!(origin_url(&o, "banner", Some(" ")).unwrap(), None);
        assert!(origin_url(&o, "banner", Some("https://evil.example/a.jpg")).is_err());
        assert!(origin_url(&o, "banner", Some("javascript:alert(1)")).is_err());
        assert!(origin_url(&o, "banner", Some("//evil.example/a.jpg")).is_err());
    }
}
