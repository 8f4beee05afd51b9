//! Change stamps: what the crawler compares to decide whether a document
//! changed on its instance. PeerTube does not bump a channel's or an
//! account's `updatedAt` when only its avatar changes, so the stamp pairs
//! `updatedAt` with a stable hash of what clients see of the document.

use serde::Serialize;

/// A document's change stamp: its `updatedAt` and a content hash (0 for
/// kinds whose `updatedAt` already says everything).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ChangeStamp {
    /// Last update on the instance (ms).
    pub updated_at: i64,
    /// Stable hash of what clients see that `updatedAt` may not cover.
    pub content: u64,
}

/// FNV-1a 64 of some bytes: stable across runs, builds and platforms
/// (unlike std's hasher), so hashes stored in the index stay comparable.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// [`fnv1a`] of a value's JSON form (field order is the struct's, so the
/// hash is stable). A value that cannot be serialised hashes as nothing.
pub fn json_hash<T: Serialize + ?Sized>(value: &T) -> u64 {
    fnv1a(&serde_json::to_vec(value).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_tell_values_apart() {
        // The FNV-1a test vector: the value stored in indexes must never move.
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(json_hash(&["x", "y"]), json_hash(&["x", "y"]));
        assert_ne!(json_hash(&["x", "y"]), json_hash(&["y", "x"]));
    }
}
