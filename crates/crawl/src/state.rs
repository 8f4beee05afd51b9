//! The crawl state file (`<data>/crawl-state.json`): per-host health and
//! last passes, and the last instance list. Written atomically (temporary
//! file, fsync, rename, fsync of the directory) so a kill -9 leaves either
//! the old or the new file, never a torn one. It is written after the index
//! commit that holds the passes it records, so it never claims more than
//! the index has.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use sepiola_model::Timestamp;
use sepiola_model::instance::InstanceStatus;

use crate::error::CrawlError;

/// Version of the file format.
pub const STATE_VERSION: u32 = 1;
/// File name inside the data directory.
pub const STATE_FILE: &str = "crawl-state.json";

/// Everything the crawler remembers between runs.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CrawlState {
    /// Format version.
    pub version: u32,
    /// The hosts of the last instance list that could be read.
    pub list: Vec<String>,
    /// When that list was read.
    pub list_loaded_at: Option<Timestamp>,
    /// Health and passes per host.
    pub hosts: BTreeMap<String, InstanceStatus>,
}

impl CrawlState {
    /// The state file of a data directory.
    pub fn path_in(data_dir: &Path) -> PathBuf {
        data_dir.join(STATE_FILE)
    }

    /// Loads the state; a missing file is an empty state, and so is an
    /// unreadable one (moved aside to `*.corrupt` and logged): the crawl
    /// state is only a cache of what the next passes find out again.
    pub fn load(path: &Path) -> Result<CrawlState, CrawlError> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(CrawlState {
                    version: STATE_VERSION,
                    ..Default::default()
                });
            }
            Err(source) => {
                return Err(CrawlError::State {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        match serde_json::from_slice::<CrawlState>(&bytes) {
            Ok(s) => Ok(s),
            Err(e) => {
                tracing::warn!(path = %path.display(), error = %e, "crawl state unreadable, starting afresh");
                let _ = std::fs::rename(path, path.with_extension("json.corrupt"));
                Ok(CrawlState {
                    version: STATE_VERSION,
                    ..Default::default()
                })
            }
        }
    }

    /// Writes the state atomically.
    pub fn save(&self, path: &Path) -> Result<(), CrawlError> {
        let io = |source| CrawlError::State {
            path: path.to_path_buf(),
            source,
        };
        let bytes = serde_json::to_vec_pretty(self).map_err(|e| io(std::io::Error::other(e)))?;
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(io)?;
        let tmp = path.with_extension("json.tmp");
        {
            let mut f = std::fs::File::create(&tmp).map_err(io)?;
            f.write_all(&bytes).map_err(io)?;
            f.sync_all().map_err(io)?;
        }
        std::fs::rename(&tmp, path).map_err(io)?;
        // Make the rename itself durable.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sepiola_model::instance::{HostHealth, PassSummary};

    #[test]
    fn round_trip_and_missing_and_corrupt() {
        let dir = tempfile::tempdir().unwrap();
        let path = CrawlState::path_in(dir.path());
        let empty = CrawlState::load(&path).unwrap();
        assert!(empty.hosts.is_empty());
        let mut s = CrawlState {
            version: STATE_VERSION,
            list: vec!["a.example".into()],
            list_loaded_at: Timestamp::parse("2025-01-01T00:00:00Z"),
            ..Default::default()
        };
        s.hosts.insert(
            "a.example".into(),
            InstanceStatus {
                host: "a.example".into(),
                health: HostHealth::Ok,
                last_full_pass: Some(PassSummary {
                    ok: true,
                    added: 4,
                    ..Default::default()
                }),
                ..Default::default()
            },
        );
        s.save(&path).unwrap();
        assert!(!path.with_extension("json.tmp").exists());
        assert_eq!(CrawlState::load(&path).unwrap(), s);
        std::fs::write(&path, b"{\"hosts\": [tor").unwrap();
        assert!(CrawlState::load(&path).unwrap().hosts.is_empty());
        assert!(path.with_extension("json.corrupt").exists());
    }
}
