//! One tantivy index (one kind of document) with its writer and reader.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use tantivy::directory::MmapDirectory;
use tantivy::directory::error::{LockError, OpenDirectoryError};
use tantivy::index::SegmentId;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption, Schema};
use tantivy::{
    Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, TantivyError, Term,
};

use sepiola_model::DocKey;

use crate::analysis::Analysis;
use crate::browse::BrowseOrders;
use crate::error::IndexError;

/// How much memory and how many threads a writer may use.
#[derive(Debug, Clone, Copy)]
pub struct WriterBudget {
    /// Indexing threads.
    pub threads: usize,
    /// Memory shared by those threads, in bytes (at least 15 MB per thread).
    pub memory_bytes: usize,
}

/// A tantivy index for one kind, its single writer and a reader that is
/// reloaded after each commit.
///
/// A write that fails (a full disk, most often) leaves tantivy's writer
/// dead: it is dropped with what it had not committed, and the next write
/// opens a new one, so writing resumes by itself once space is freed. The
/// caller learns which directory failed ([`IndexError::DiskFull`],
/// [`IndexError::Write`]) and that the writes since the last commit are
/// gone (the crawler then records no pass, and repeats it).
pub struct KindIndex {
    index: Index,
    /// The writer: None when read-only; inside, None after a failure until
    /// the next write opens a new one.
    writer: Option<Mutex<Option<IndexWriter<TantivyDocument>>>>,
    budget: Option<WriterBudget>,
    dir: Option<PathBuf>,
    reader: IndexReader,
    dirty: AtomicBool,
    key: Field,
    host: Field,
    doc: Field,
    browse: BrowseOrders,
}

impl KindIndex {
    /// Opens (or creates) the index in `dir`, or in memory when `dir` is None.
    /// An index written with another schema (an older sepiola) is rebuilt
    /// empty: the crawler fills it again.
    pub fn open(
        dir: Option<&Path>,
        schema: Schema,
        analysis: &Analysis,
        budget: Option<WriterBudget>,
        key: Field,
        host: Field,
    ) -> Result<KindIndex, IndexError> {
        let doc = schema.get_field(crate::kinds::fields::DOC_FIELD)?;
        let index = match dir {
            None => Index::create_in_ram(schema),
            Some(dir) => open_dir(dir, schema)?,
        };
        analysis.register(&index);
        let writer = match budget {
            None => None,
            Some(budget) => Some(Mutex::new(Some(new_writer(&index, budget, dir)?))),
        };
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(KindIndex {
            index,
            writer,
            budget,
            dir: dir.map(Path::to_path_buf),
            reader,
            dirty: AtomicBool::new(false),
            key,
            host,
            doc,
            browse: BrowseOrders::default(),
        })
    }

    /// Runs `f` on the writer, opening a new one first if the last one
    /// failed. When `f` fails, the writer is dropped with its uncommitted
    /// writes, and the error says which directory could not be written.
    fn with_writer<R>(
        &self,
        f: impl FnOnce(&mut IndexWriter<TantivyDocument>) -> Result<R, TantivyError>,
    ) -> Result<R, IndexError> {
        let (Some(slot), Some(budget)) = (self.writer.as_ref(), self.budget) else {
            return Err(IndexError::ReadOnly);
        };
        // A panic while holding the lock leaves the writer usable: tantivy
        // keeps its own state consistent, so recover the guard.
        let mut slot = slot.lock().unwrap_or_else(|p| p.into_inner());
        let w = match slot.take() {
            Some(w) => slot.insert(w),
            None => {
                tracing::warn!(dir = ?self.dir, "opening a new index writer after a failed write");
                slot.insert(new_writer(&self.index, budget, self.dir.as_deref())?)
            }
        };
        match f(w) {
            Ok(r) => Ok(r),
            Err(e) => {
                // Dropping it waits for its threads and releases its lock.
                *slot = None;
                self.dirty.store(false, Ordering::Release);
                Err(write_error(self.dir.as_deref(), e))
            }
        }
    }

    /// Replaces the document with this key (or adds it).
    pub fn upsert(&self, key: &DocKey, doc: TantivyDocument) -> Result<(), IndexError> {
        let term = Term::from_field_text(self.key, key.as_str());
        self.with_writer(|w| {
            w.delete_term(term);
            w.add_document(doc)
        })?;
        self.dirty.store(true, Ordering::Release);
        Ok(())
    }

    /// Deletes the document with this key, if any.
    pub fn delete_key(&self, key: &DocKey) -> Result<(), IndexError> {
        let term = Term::from_field_text(self.key, key.as_str());
        self.with_writer(|w| Ok(w.delete_term(term)))?;
        self.dirty.store(true, Ordering::Release);
        Ok(())
    }

    /// Deletes every document of a host.
    pub fn delete_host(&self, host: &str) -> Result<(), IndexError> {
        let q = TermQuery::new(
            Term::from_field_text(self.host, host),
            IndexRecordOption::Basic,
        );
        self.with_writer(|w| w.delete_query(Box::new(q)))?;
        self.dirty.store(true, Ordering::Release);
        Ok(())
    }

    /// Commits pending writes, if any, and makes them searchable.
    /// Returns whether there was something to commit.
    pub fn commit(&self) -> Result<bool, IndexError> {
        if !self.dirty.swap(false, Ordering::AcqRel) {
            return Ok(false);
        }
        self.with_writer(|w| w.commit())?;
        self.reader.reload()?;
        Ok(true)
    }

    /// Stops background merges until [`KindIndex::start_merge`]: a bulk
    /// import then writes each document once instead of merging repeatedly.
    pub fn pause_merges(&self) -> Result<(), IndexError> {
        self.with_writer(|w| {
            w.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
            Ok(())
        })
    }

    /// Commits, then starts merging the segments into at most `parts`
    /// segments of about equal size (fewer term dictionaries to walk per
    /// query). The merges run on tantivy's merge threads, side by side;
    /// wait for them, then call [`KindIndex::finish_merge`].
    pub fn start_merge(&self, parts: usize) -> Result<Vec<PendingMerge>, IndexError> {
        self.dirty.store(true, Ordering::Release);
        self.commit()?;
        let metas = self.index.searchable_segment_metas()?;
        let sizes: Vec<(SegmentId, u64)> = metas
            .iter()
            .map(|m| (m.id(), u64::from(m.num_docs())))
            .collect();
        self.with_writer(|w| {
            Ok(balanced_groups(sizes, parts)
                .into_iter()
                .filter(|g| g.len() > 1)
                .map(|g| PendingMerge(w.merge(g.as_slice())))
                .collect())
        })
    }

    /// Restores the default merge policy after a bulk import's merges and
    /// makes their result searchable.
    pub fn finish_merge(&self) -> Result<(), IndexError> {
        self.with_writer(|w| {
            w.set_merge_policy(Box::new(tantivy::indexer::LogMergePolicy::default()));
            Ok(())
        })?;
        self.reader.reload()?;
        Ok(())
    }

    /// A searcher over the last commit.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// The field holding each document's stored answer JSON.
    pub fn doc_field(&self) -> Field {
        self.doc
    }

    /// Cached browse orders of this index's segments.
    pub fn browse(&self) -> &BrowseOrders {
        &self.browse
    }
}

/// A merge running in the background: see [`KindIndex::start_merge`].
pub struct PendingMerge(tantivy::FutureResult<Option<tantivy::SegmentMeta>>);

impl PendingMerge {
    /// Blocks until the merge is done.
    pub fn wait(self) -> Result<(), IndexError> {
        self.0.wait()?;
        Ok(())
    }
}

/// A writer with this budget (the index's lock: [`IndexError::Locked`] when
/// another process holds it).
fn new_writer(
    index: &Index,
    budget: WriterBudget,
    dir: Option<&Path>,
) -> Result<IndexWriter<TantivyDocument>, IndexError> {
    let threads = budget.threads.max(1);
    let memory = budget.memory_bytes.max(threads * 16_000_000);
    index
        .writer_with_num_threads(threads, memory)
        .map_err(|e| match e {
            TantivyError::LockFailure(LockError::LockBusy, _) => {
                IndexError::Locked(dir.map(Path::to_path_buf).unwrap_or_default())
            }
            other => write_error(dir, other),
        })
}

/// Space below which a failed write is put down to a full disk.
const NEARLY_FULL_BYTES: u64 = 4 << 20;

/// Bytes free to unprivileged writers on the file system holding `dir`.
pub fn free_bytes(dir: &Path) -> Option<u64> {
    let s = rustix::fs::statvfs(dir).ok()?;
    Some(s.f_bavail.saturating_mul(s.f_frsize))
}

/// The error of a failed write, naming the directory: [`IndexError::DiskFull`]
/// when the system said so or next to no space is left (tantivy reports a
/// writer thread's I/O error only as "killed").
fn write_error(dir: Option<&Path>, e: TantivyError) -> IndexError {
    let Some(dir) = dir else {
        return IndexError::Tantivy(e);
    };
    let no_space = match &e {
        TantivyError::IoError(io) => io.raw_os_error() == Some(28),
        _ => false,
    } || e.to_string().contains("No space left");
    let free = free_bytes(dir);
    if no_space || free.is_some_and(|f| f < NEARLY_FULL_BYTES) {
        IndexError::DiskFull {
            path: dir.to_path_buf(),
            free_bytes: free.unwrap_or(0),
        }
    } else {
        IndexError::Write {
            path: dir.to_path_buf(),
            source: e,
        }
    }
}

/// Splits segments into at most `parts` groups of about equal document
/// counts (largest first, each to the lightest group).
fn balanced_groups(mut sizes: Vec<(SegmentId, u64)>, parts: usize) -> Vec<Vec<SegmentId>> {
    let parts = parts.clamp(1, sizes.len().max(1));
    sizes.sort_by_key(|s| std::cmp::Reverse(s.1));
    let mut groups: Vec<(u64, Vec<SegmentId>)> = vec![(0, Vec::new()); parts];
    for (id, n) in sizes {
        if let Some(g) = groups.iter_mut().min_by_key(|g| g.0) {
            g.0 += n;
            g.1.push(id);
        }
    }
    groups
        .into_iter()
        .map(|g| g.1)
        .filter(|g| !g.is_empty())
        .collect()
}

fn open_dir(dir: &Path, schema: Schema) -> Result<Index, IndexError> {
    let io_err = |source: std::io::Error| IndexError::Directory {
        path: dir.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(io_err)?;
    let mmap = open_mmap(dir)?;
    match Index::open_or_create(mmap, schema.clone()) {
        Ok(index) => Ok(index),
        // Written by another sepiola: the caller rebuilds it from its own
        // stored documents (see `migrate`).
        Err(TantivyError::SchemaError(msg)) => Err(IndexError::SchemaChanged {
            path: dir.to_path_buf(),
            detail: msg,
        }),
        Err(e) => Err(e.into()),
    }
}

fn open_mmap(dir: &Path) -> Result<MmapDirectory, IndexError> {
    MmapDirectory::open(dir).map_err(|e| IndexError::Directory {
        path: dir.to_path_buf(),
        source: match e {
            OpenDirectoryError::IoError { io_error, .. } => {
                std::io::Error::new(io_error.kind(), io_error.to_string())
            }
            other => std::io::Error::other(other.to_string()),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balanced_groups_split_by_document_count() {
        let ids: Vec<SegmentId> = (0..5).map(|_| SegmentId::generate_random()).collect();
        let sizes = vec![
            (ids[0], 100),
            (ids[1], 60),
            (ids[2], 50),
            (ids[3], 30),
            (ids[4], 10),
        ];
        let groups = balanced_groups(sizes.clone(), 2);
        assert_eq!(groups.len(), 2);
        let total = |g: &Vec<SegmentId>| -> u64 {
            g.iter()
                .map(|id| sizes.iter().find(|s| s.0 == *id).map_or(0, |s| s.1))
                .sum()
        };
        let (a, b) = (total(&groups[0]), total(&groups[1]));
        assert_eq!(a + b, 250);
        assert!(a.abs_diff(b) <= 20, "{a} vs {b}");
        assert_eq!(balanced_groups(sizes.clone(), 1), vec![ids.clone()]);
        // More parts than segments: one segment per group, none empty.
        assert_eq!(balanced_groups(sizes, 9).len(), 5);
        assert!(balanced_groups(Vec::new(), 2).is_empty());
    }
}
