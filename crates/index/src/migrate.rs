//! Rebuilding a kind's index written by another version of sepiola: every
//! document it stores is read back whole (the stored answer with its full
//! description), normalised again and written into a fresh index of the
//! current schema, which then replaces the old one. Nothing is lost to an
//! upgrade and the crawler need not refill the index.
//!
//! Crash safety: the new index is built beside the old one
//! (`<kind>.rebuild`) and swapped in by two renames (`<kind>` →
//! `<kind>.old`, `<kind>.rebuild` → `<kind>`). [`recover`] finishes or undoes
//! an interrupted swap on the next open; an interrupted build is started over.

use std::path::{Path, PathBuf};

use tantivy::{Index, TantivyDocument};

use sepiola_model::Document;

use crate::analysis::Analysis;
use crate::error::IndexError;
use crate::export::whole_document;
use crate::kind_index::WriterBudget;
use crate::kinds::Kind;
use crate::kinds::fields::{DOC_FIELD, EARLIER_DOC_FIELDS};
use crate::part::{AnyPart, Part};

/// Documents between two progress lines.
const PROGRESS_EVERY: u64 = 10_000;

/// `<dir><suffix>` beside `dir` (`index` → `index.next`).
pub(crate) fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let mut name = dir.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    dir.with_file_name(name)
}

/// An I/O error on `path` as the index's error naming it.
pub(crate) fn io(path: &Path) -> impl Fn(std::io::Error) -> IndexError + '_ {
    move |source| IndexError::Directory {
        path: path.to_path_buf(),
        source,
    }
}

/// Finishes or undoes a swap a crash interrupted: with the old index set
/// aside and no index in place, the old one goes back (and is rebuilt
/// again); with both, the swap was done and the old one goes.
pub fn recover(dir: &Path) -> Result<(), IndexError> {
    let old = sibling(dir, ".old");
    if !old.exists() {
        return Ok(());
    }
    if dir.exists() {
        std::fs::remove_dir_all(&old).map_err(io(&old))
    } else {
        std::fs::rename(&old, dir).map_err(io(dir))
    }
}

/// Rebuilds the index in `dir` under the current schema of `K` from the
/// documents it stores. Returns how many were kept; documents that no
/// longer parse or pass `normalize` are counted in the log and dropped.
pub fn rebuild<K: Kind>(
    dir: &Path,
    analysis: &Analysis,
    budget: WriterBudget,
) -> Result<u64, IndexError> {
    let tmp = sibling(dir, ".rebuild");
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).map_err(io(&tmp))?;
    }
    let kept = build_from::<K>(dir, &tmp, analysis, budget)?;
    let aside = sibling(dir, ".old");
    std::fs::rename(dir, &aside).map_err(io(dir))?;
    std::fs::rename(&tmp, dir).map_err(io(dir))?;
    std::fs::remove_dir_all(&aside).map_err(io(&aside))?;
    Ok(kept)
}

/// Writes into `target` (a fresh index of the current schema of `K`)
/// every document the index in `source` stores, whatever schema wrote it.
/// `source` is only read: a process serving it may go on (readers need no
/// lock). Returns how many were kept.
pub fn build_from<K: Kind>(
    source: &Path,
    target: &Path,
    analysis: &Analysis,
    budget: WriterBudget,
) -> Result<u64, IndexError> {
    let dir = source;
    let old = Index::open_in_dir(dir)?;
    let schema = old.schema();
    let doc_field = std::iter::once(DOC_FIELD)
        .chain(EARLIER_DOC_FIELDS)
        .find_map(|n| schema.get_field(n).ok())
        .ok_or_else(|| IndexError::Corrupt(format!("{}: no stored documents", dir.display())))?;
    let full_field = schema.get_field("full_description").ok();
    let searcher = old.reader()?.searcher();
    let total = searcher.num_docs();
    tracing::warn!(dir = %dir.display(), documents = total, "index of another schema, or a rebuild asked for: rebuilding it from its stored documents");
    let fresh = Part::<K>::open(Some(target), analysis, Some(budget))?;
    let (mut kept, mut dropped) = (0u64, 0u64);
    for seg in searcher.segment_readers() {
        let store = seg
            .get_store_reader(16)
            .map_err(|e| IndexError::Corrupt(e.to_string()))?;
        for d in store.iter::<TantivyDocument>(seg.alive_bitset()) {
            let json = whole_document(&d?, doc_field, full_field)?;
            let parsed = serde_json::from_str::<K::Doc>(&json)
                .map_err(|e| e.to_string())
                .and_then(|mut doc| doc.normalize().map(|_| doc).map_err(|e| e.to_string()));
            match parsed {
                Ok(doc) => {
                    let t = fresh.document(&doc, analysis)?;
                    fresh.index().upsert(&doc.key(), t)?;
                    kept += 1;
                    if kept % PROGRESS_EVERY == 0 {
                        tracing::info!(dir = %dir.display(), kept, total, "rebuilding the index");
                    }
                }
                Err(error) => {
                    dropped += 1;
                    tracing::debug!(%error, "a stored document no longer passes: dropped");
                }
            }
        }
    }
    fresh.index().commit()?;
    tracing::warn!(dir = %dir.display(), kept, dropped, "index rebuilt under the current schema");
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::video::VideoKind;
    use sepiola_model::query::VideoQuery;
    use tantivy::schema::{STORED, STRING, Schema};

    const VIDEO: &str = r#"{"host": "tube.example", "uuid": "3f1af22b-8a22-5bf0-98d3-d234176a75ad",
        "name": "Big Buck Bunny", "description": "DESC", "createdAt": "2021-01-10T08:00:00.000Z",
        "publishedAt": "2021-01-10T08:00:00.000Z",
        "account": {"name": "alice", "host": "tube.example"},
        "channel": {"name": "alice_channel", "host": "tube.example"}}"#;

    /// An index of an older layout: other fields, the same stored answer.
    fn old_index(dir: &Path, description: &str) {
        std::fs::create_dir_all(dir).unwrap();
        let mut b = Schema::builder();
        let key = b.add_text_field("key", STRING);
        let doc = b.add_text_field("doc", STORED);
        let full = b.add_text_field("full_description", STORED);
        let index = Index::create_in_dir(dir, b.build()).unwrap();
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let mut d = TantivyDocument::new();
        d.add_text(key, "tube.example 3f1af22b-8a22-5bf0-98d3-d234176a75ad");
        let cut: String = description.chars().take(10).collect();
        d.add_text(doc, VIDEO.replace("DESC", &cut));
        d.add_text(full, description);
        w.add_document(d).unwrap();
        let mut bad = TantivyDocument::new();
        bad.add_text(doc, r#"{"host": "tube.example", "name": "no uuid"}"#);
        w.add_document(bad).unwrap();
        w.commit().unwrap();
    }

    #[test]
    fn an_index_of_another_schema_is_rebuilt_from_its_documents() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("video");
        let long = "a long description that the answer had cut ".repeat(3);
        old_index(&dir, &long);
        let a = Analysis::new();
        let budget = WriterBudget {
            threads: 1,
            memory_bytes: 20_000_000,
        };
        let part = Part::<VideoKind>::open(Some(&dir), &a, Some(budget)).unwrap();
        let hits = part
            .search::<sepiola_model::Video>(&a, &VideoQuery::default())
            .unwrap();
        assert_eq!(
            hits.total, 1,
            "the valid document is kept, the broken one dropped"
        );
        let v = &hits.data[0].item;
        assert_eq!(v.name, "Big Buck Bunny");
        // Searchable by words of the whole description, not only the cut one.
        let q = VideoQuery {
            search: Some("answer".into()),
            ..Default::default()
        };
        assert_eq!(
            part.search::<sepiola_model::Video>(&a, &q).unwrap().total,
            1
        );
        assert!(!sibling(&dir, ".old").exists() && !sibling(&dir, ".rebuild").exists());
        drop(part);
        // Opening again finds the current schema: nothing to rebuild.
        let again = Part::<VideoKind>::open(Some(&dir), &a, Some(budget)).unwrap();
        assert_eq!(again.index().searcher().num_docs(), 1);
    }

    #[test]
    fn read_only_opens_refuse_instead_of_rebuilding() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("video");
        old_index(&dir, "short");
        let r = Part::<VideoKind>::open(Some(&dir), &Analysis::new(), None);
        assert!(matches!(r, Err(IndexError::SchemaChanged { .. })));
    }

    #[test]
    fn an_interrupted_swap_is_finished_or_undone() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("video");
        let old = sibling(&dir, ".old");
        // Crash after the first rename: the old index comes back.
        std::fs::create_dir_all(&old).unwrap();
        std::fs::write(old.join("x"), "old").unwrap();
        recover(&dir).unwrap();
        assert_eq!(std::fs::read_to_string(dir.join("x")).unwrap(), "old");
        // Crash after the second: the old one goes.
        std::fs::create_dir_all(&old).unwrap();
        recover(&dir).unwrap();
        assert!(!old.exists() && dir.join("x").exists());
    }
}
