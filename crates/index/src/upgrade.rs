//! Upgrading without an empty search engine: the new release builds its
//! index beside the one the running (older) release serves, and switches
//! to it on its next start.
//!
//! `sepiola index upgrade` reads every kind's stored documents from
//! `<data>/index` — read-only, so the old server goes on serving and
//! crawling — and writes them under the current schema into
//! `<data>/index.next`, holding a lock there while it works. When every
//! kind is done it writes `READY`. The next open of the index (the new
//! release's `serve`) finds a ready `index.next` and swaps it in by two
//! renames (`index` → `index.old`, `index.next` → `index`) before opening;
//! a crash between them is finished on the open after. An `index.next`
//! without `READY` whose lock nobody holds is an interrupted build: it is
//! removed. What the old server wrote after the upgrade read it is found
//! again by the crawler's next passes.

use std::path::{Path, PathBuf};

use crate::error::IndexError;
use crate::migrate::{io, sibling};

/// Set when every kind of `index.next` is built.
pub const READY: &str = "READY";
/// Held (flock) by the process building `index.next`.
const LOCK: &str = "BUILDING.lock";

/// `<data>/index.next` for `<data>/index`.
pub fn next_of(dir: &Path) -> PathBuf {
    sibling(dir, ".next")
}

/// The lock of a build in progress: held for the life of the value.
pub struct BuildLock {
    _file: std::fs::File,
}

/// Starts a build in `next`: emptied, created, locked. Refused with
/// [`IndexError::Locked`] when another build holds it.
pub fn start_build(next: &Path) -> Result<BuildLock, IndexError> {
    if next.exists() {
        // Another build still at it?
        let held = try_lock(&next.join(LOCK))?;
        if held.is_none() {
            return Err(IndexError::Locked(next.to_path_buf()));
        }
        drop(held);
        std::fs::remove_dir_all(next).map_err(io(next))?;
    }
    std::fs::create_dir_all(next).map_err(io(next))?;
    try_lock(&next.join(LOCK))?
        .map(|f| BuildLock { _file: f })
        .ok_or_else(|| IndexError::Locked(next.to_path_buf()))
}

/// Marks a build complete (fsynced: a crash after this leaves a ready
/// index, never a half-written marker taken for one).
pub fn mark_ready(next: &Path) -> Result<(), IndexError> {
    let path = next.join(READY);
    let f = std::fs::File::create(&path).map_err(io(&path))?;
    f.sync_all().map_err(io(&path))?;
    std::fs::File::open(next)
        .and_then(|d| d.sync_all())
        .map_err(io(next))
}

/// The file locked, or None when another process holds it.
fn try_lock(path: &Path) -> Result<Option<std::fs::File>, IndexError> {
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(io(path))?;
    match rustix::fs::flock(&f, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Ok(Some(f)),
        Err(e) if e == rustix::io::Errno::WOULDBLOCK => Ok(None),
        Err(e) => Err(IndexError::Directory {
            path: path.to_path_buf(),
            source: e.into(),
        }),
    }
}

/// Before the index in `dir` is opened: switches to a ready `index.next`,
/// finishes a switch a crash interrupted, or removes an interrupted build.
/// Answers whether a switch happened.
pub fn switch_if_ready(dir: &Path) -> Result<bool, IndexError> {
    let next = next_of(dir);
    let old = sibling(dir, ".old");
    let ready = next.join(READY).exists();
    // A switch interrupted between its two renames.
    if old.exists() && !dir.exists() {
        if ready {
            std::fs::rename(&next, dir).map_err(io(dir))?;
            let _ = std::fs::remove_file(dir.join(READY));
            let _ = std::fs::remove_file(dir.join(LOCK));
        } else {
            std::fs::rename(&old, dir).map_err(io(dir))?;
        }
    }
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(io(&old))?;
    }
    if !next.exists() {
        return Ok(false);
    }
    if !ready {
        // Still being built by a running `index upgrade`: leave it.
        if try_lock(&next.join(LOCK))?.is_none() {
            return Ok(false);
        }
        tracing::warn!(dir = %next.display(), "removing an upgrade that was interrupted before it was ready");
        std::fs::remove_dir_all(&next).map_err(io(&next))?;
        return Ok(false);
    }
    tracing::warn!(from = %next.display(), to = %dir.display(), "switching to the index an upgrade built");
    if dir.exists() {
        std::fs::rename(dir, &old).map_err(io(dir))?;
    }
    std::fs::rename(&next, dir).map_err(io(dir))?;
    let _ = std::fs::remove_file(dir.join(READY));
    let _ = std::fs::remove_file(dir.join(LOCK));
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(io(&old))?;
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ready_build_is_switched_in_and_an_unready_one_removed() {
        let t = tempfile::tempdir().unwrap();
        let dir = t.path().join("index");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("x"), "old").unwrap();
        let next = next_of(&dir);
        let lock = start_build(&next).unwrap();
        std::fs::write(next.join("x"), "new").unwrap();
        // While the build holds its lock, an open leaves it alone.
        assert!(!switch_if_ready(&dir).unwrap());
        assert!(next.exists());
        // A second build is refused.
        assert!(matches!(start_build(&next), Err(IndexError::Locked(_))));
        mark_ready(&next).unwrap();
        drop(lock);
        assert!(switch_if_ready(&dir).unwrap());
        assert_eq!(std::fs::read_to_string(dir.join("x")).unwrap(), "new");
        assert!(!next.exists() && !dir.join(READY).exists());
        // An interrupted build (no READY, no lock held) is removed.
        let lock = start_build(&next).unwrap();
        drop(lock);
        assert!(!switch_if_ready(&dir).unwrap());
        assert!(!next.exists());
        assert_eq!(std::fs::read_to_string(dir.join("x")).unwrap(), "new");
    }

    #[test]
    fn a_switch_cut_between_its_renames_is_finished() {
        let t = tempfile::tempdir().unwrap();
        let dir = t.path().join("index");
        let next = next_of(&dir);
        std::fs::create_dir_all(&next).unwrap();
        std::fs::write(next.join("x"), "new").unwrap();
        mark_ready(&next).unwrap();
        // `index` already moved aside, `index.next` not yet in place.
        let old = sibling(&dir, ".old");
        std::fs::create_dir_all(&old).unwrap();
        std::fs::write(old.join("x"), "old").unwrap();
        switch_if_ready(&dir).unwrap();
        assert_eq!(std::fs::read_to_string(dir.join("x")).unwrap(), "new");
        assert!(!old.exists() && !next.exists());
        // Cut before `index.next` was ready: the old index goes back.
        std::fs::rename(&dir, &old).unwrap();
        std::fs::create_dir_all(&next).unwrap();
        switch_if_ready(&dir).unwrap();
        assert_eq!(std::fs::read_to_string(dir.join("x")).unwrap(), "new");
        assert!(!old.exists() && !next.exists());
    }
}
