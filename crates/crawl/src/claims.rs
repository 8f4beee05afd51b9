//! Who owns a uuid: the first host that brought it. A hostile instance
//! cannot shadow another's video or playlist by reusing its uuid. This run's
//! claims are kept here; the committed index answers for earlier runs.

use std::collections::HashMap;
use std::sync::Mutex;

use sepiola_index::{IndexError, SearchIndex};
use sepiola_model::DocKind;

/// Which host owns which uuid (per kind) during this run; the committed
/// index answers for earlier runs ([`SearchIndex::uuid_owner`]).
#[derive(Debug, Default)]
pub struct UuidClaims(Mutex<HashMap<(DocKind, String), String>>);

impl UuidClaims {
    /// Claims `uuid` of `kind` for `host`; false if another host claimed it first.
    pub fn claim(&self, kind: DocKind, uuid: &str, host: &str) -> bool {
        let mut m = self.0.lock().unwrap_or_else(|p| p.into_inner());
        match m.get(&(kind, uuid.to_string())) {
            Some(owner) => owner == host,
            None => {
                m.insert((kind, uuid.to_string()), host.to_string());
                true
            }
        }
    }

    /// Forgets every claim of a host (it left the list).
    pub fn release_host(&self, host: &str) {
        let mut m = self.0.lock().unwrap_or_else(|p| p.into_inner());
        m.retain(|_, h| h != host);
    }
}

/// Whether another host owns this uuid of `kind`: this run's claims first,
/// then the index.
pub fn uuid_taken(
    index: &SearchIndex,
    claims: &UuidClaims,
    kind: DocKind,
    uuid: &str,
    host: &str,
) -> Result<bool, IndexError> {
    if !claims.claim(kind, uuid, host) {
        return Ok(true);
    }
    Ok(index
        .uuid_owner(kind, uuid)?
        .is_some_and(|owner| owner != host))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_claim_wins() {
        let c = UuidClaims::default();
        assert!(c.claim(DocKind::Video, "u1", "a.example"));
        assert!(c.claim(DocKind::Video, "u1", "a.example"));
        assert!(!c.claim(DocKind::Video, "u1", "b.example"));
        // Kinds are separate.
        assert!(c.claim(DocKind::Playlist, "u1", "b.example"));
        c.release_host("a.example");
        assert!(c.claim(DocKind::Video, "u1", "b.example"));
    }
}
