//! The index format's version, written beside the kinds' indexes
//! (`<data>/index/FORMAT`). An index of an older format is rebuilt from its
//! stored documents (`migrate`); one written by a newer sepiola is refused
//! with a clear error instead, so a downgrade never silently rewrites it
//! under a schema that knows less.

use std::path::Path;

use crate::error::IndexError;

/// This release's index format. Bump it with every schema change.
pub const FORMAT: u32 = 3;

const FILE: &str = "FORMAT";

/// Refuses an index written by a newer release; otherwise records this
/// release's format (after the kinds were opened, and rebuilt if needed).
pub fn check(dir: &Path) -> Result<(), IndexError> {
    let path = dir.join(FILE);
    let found = match std::fs::read_to_string(&path) {
        Ok(s) => s.trim().parse::<u32>().ok(),
        Err(_) => None,
    };
    match found {
        Some(n) if n > FORMAT => Err(IndexError::NewerFormat {
            path: dir.to_path_buf(),
            found: n,
            supported: FORMAT,
        }),
        _ => Ok(()),
    }
}

/// Writes this release's format (once the index opened under it).
pub fn record(dir: &Path) -> Result<(), IndexError> {
    let path = dir.join(FILE);
    if std::fs::read_to_string(&path).is_ok_and(|s| s.trim() == FORMAT.to_string()) {
        return Ok(());
    }
    std::fs::create_dir_all(dir)
        .and_then(|_| std::fs::write(&path, format!("{FORMAT}\n")))
        .map_err(|source| IndexError::Directory {
            path: path.clone(),
            source,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SearchIndex;

    #[test]
    fn a_newer_index_is_refused_and_an_older_or_unmarked_one_opens() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("index");
        // Unmarked (earlier releases wrote no FORMAT): opens and gets marked.
        SearchIndex::open(&dir, 64_000_000).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.join(FILE)).unwrap().trim(),
            FORMAT.to_string()
        );
        std::fs::write(dir.join(FILE), format!("{}\n", FORMAT + 1)).unwrap();
        match SearchIndex::open(&dir, 64_000_000) {
            Err(IndexError::NewerFormat { found, .. }) => assert_eq!(found, FORMAT + 1),
            Err(e) => panic!("unexpected error {e}"),
            Ok(_) => panic!("a newer index was opened"),
        }
        // Read-only opens refuse it too.
        assert!(SearchIndex::open_read_only(&dir).is_err());
        assert_eq!(
            std::fs::read_to_string(dir.join(FILE)).unwrap().trim(),
            (FORMAT + 1).to_string(),
            "the newer index was touched"
        );
    }

    #[test]
    fn a_corrupt_index_is_an_error_not_a_wipe() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("index");
        SearchIndex::open(&dir, 64_000_000).unwrap();
        let meta = dir.join("video").join("meta.json");
        std::fs::write(&meta, "{ not json").unwrap();
        assert!(SearchIndex::open(&dir, 64_000_000).is_err());
        assert_eq!(std::fs::read_to_string(&meta).unwrap(), "{ not json");
    }
}
