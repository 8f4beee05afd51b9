//! [`SearchIndex`]: the kinds' indexes under one data directory, opened and
//! closed together, and the one generic search over any kind
//! ([`SearchIndex::search`]). Writes, counts and export live in their own
//! files.

use std::path::Path;

use sepiola_model::query::{
    ChannelQuery, EventQuery, GroupQuery, Hits, PlaylistQuery, SearchQuery, VideoQuery,
};
use sepiola_model::{Channel, DocKind, Event, Group, Playlist, Video};

use crate::analysis::Analysis;
use crate::error::IndexError;
use crate::kind_index::WriterBudget;
use crate::kinds::Kind;
use crate::kinds::channel::ChannelKind;
use crate::kinds::event::EventKind;
use crate::kinds::group::GroupKind;
use crate::kinds::playlist::PlaylistKind;
use crate::kinds::video::VideoKind;
use crate::part::{AnyPart, Part};
use crate::stored::{AnswerJson, FromStored};

/// The whole index: videos, channels, playlists, events and groups, each
/// in its own tantivy index under `<data>/index/<kind>`.
pub struct SearchIndex {
    analysis: Analysis,
    videos: Part<VideoKind>,
    channels: Part<ChannelKind>,
    playlists: Part<PlaylistKind>,
    events: Part<EventKind>,
    groups: Part<GroupKind>,
    /// What the crawler must not write (moderation), see [`crate::withheld`].
    pub(crate) withheld: std::sync::RwLock<std::sync::Arc<sepiola_model::query::Blocks>>,
}

impl SearchIndex {
    /// Opens or creates the index under `dir` for reading and writing (one
    /// writer per data directory: a second one gets [`IndexError::Locked`]).
    pub fn open(dir: &Path, memory_bytes: usize) -> Result<SearchIndex, IndexError> {
        Self::open_at(Some(dir), Some(memory_bytes))
    }

    /// Opens the index under `dir` for reading only (export while serving).
    pub fn open_read_only(dir: &Path) -> Result<SearchIndex, IndexError> {
        Self::open_at(Some(dir), None)
    }

    /// An index in memory, for tests.
    pub fn in_memory() -> Result<SearchIndex, IndexError> {
        Self::open_at(None, Some(64_000_000))
    }

    fn open_at(dir: Option<&Path>, memory_bytes: Option<usize>) -> Result<SearchIndex, IndexError> {
        if let (Some(d), Some(_)) = (dir, memory_bytes) {
            crate::upgrade::switch_if_ready(d)?;
        }
        if let Some(d) = dir {
            crate::format::check(d)?;
        }
        let index = Self::open_parts(dir, memory_bytes)?;
        if let (Some(d), Some(_)) = (dir, memory_bytes) {
            crate::format::record(d)?;
        }
        Ok(index)
    }

    fn open_parts(
        dir: Option<&Path>,
        memory_bytes: Option<usize>,
    ) -> Result<SearchIndex, IndexError> {
        let analysis = Analysis::new();
        fn part<K: Kind>(
            dir: Option<&Path>,
            kind: DocKind,
            analysis: &Analysis,
            memory_bytes: Option<usize>,
        ) -> Result<Part<K>, IndexError> {
            let budget = memory_bytes.map(budget_of::<K>);
            let sub = dir.map(|d| d.join(kind.as_str()));
            Part::open(sub.as_deref(), analysis, budget)
        }
        Ok(SearchIndex {
            videos: part(dir, DocKind::Video, &analysis, memory_bytes)?,
            channels: part(dir, DocKind::Channel, &analysis, memory_bytes)?,
            playlists: part(dir, DocKind::Playlist, &analysis, memory_bytes)?,
            events: part(dir, DocKind::Event, &analysis, memory_bytes)?,
            groups: part(dir, DocKind::Group, &analysis, memory_bytes)?,
            analysis,
            withheld: Default::default(),
        })
    }

    /// Rebuilds every kind's index under `dir` from the documents it
    /// stores, as an upgrade does (`sepiola index rebuild`): for an
    /// operator who wants the index written afresh, or to check that every
    /// stored document still passes. Crash-safe like the upgrade (a kill
    /// leaves the old index or the new one). Refused with
    /// [`IndexError::Locked`] while another process writes the index.
    /// Answers how many documents each kind kept.
    pub fn rebuild(dir: &Path, memory_bytes: usize) -> Result<Vec<(DocKind, u64)>, IndexError> {
        crate::format::check(dir)?;
        each_kind(&mut InPlace {
            dir,
            analysis: Analysis::new(),
            memory_bytes,
        })
    }

    /// Builds this release's index beside the one in `dir`, which is only
    /// read, so an older sepiola may go on serving and crawling it
    /// (`sepiola index upgrade`); the next writable open switches to it
    /// (see the `upgrade` module). Answers how many documents each kind kept.
    pub fn prepare_upgrade(
        dir: &Path,
        memory_bytes: usize,
    ) -> Result<Vec<(DocKind, u64)>, IndexError> {
        crate::format::check(dir)?;
        let next = crate::upgrade::next_of(dir);
        let lock = crate::upgrade::start_build(&next)?;
        let kept = each_kind(&mut Beside {
            dir,
            next: &next,
            analysis: Analysis::new(),
            memory_bytes,
        })?;
        crate::format::record(&next)?;
        crate::upgrade::mark_ready(&next)?;
        drop(lock);
        Ok(kept)
    }

    /// The text analysis the index uses (also for marking words in snippets).
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// The part of one kind, whatever it is.
    pub(crate) fn part(&self, kind: DocKind) -> &dyn AnyPart {
        match kind {
            DocKind::Video => &self.videos,
            DocKind::Channel => &self.channels,
            DocKind::Playlist => &self.playlists,
            DocKind::Event => &self.events,
            DocKind::Group => &self.groups,
        }
    }

    /// Runs a search of any kind, answering with its documents.
    pub fn search<Q: Searchable>(&self, q: &Q) -> Result<Hits<Q::Doc>, IndexError>
    where
        Q::Doc: FromStored,
    {
        q.run_in(self)
    }

    /// Runs a search of any kind, answering with each result's JSON as the
    /// API sends it (no parsing).
    pub fn search_answers<Q: Searchable>(&self, q: &Q) -> Result<Hits<AnswerJson>, IndexError> {
        q.run_in(self)
    }
}

/// Work done on each kind's index in turn (a rebuild, an upgrade), so the
/// list of kinds for whole-index maintenance is written once.
trait EachKind {
    /// The work on kind `K`; answers how many documents it kept.
    fn on<K: Kind>(&mut self) -> Result<u64, IndexError>;
}

/// Runs `work` on every kind, answering what each kept.
fn each_kind(work: &mut impl EachKind) -> Result<Vec<(DocKind, u64)>, IndexError> {
    fn one<K: Kind>(work: &mut impl EachKind) -> Result<(DocKind, u64), IndexError> {
        Ok((<K::Doc as sepiola_model::Document>::KIND, work.on::<K>()?))
    }
    Ok(vec![
        one::<VideoKind>(work)?,
        one::<ChannelKind>(work)?,
        one::<PlaylistKind>(work)?,
        one::<EventKind>(work)?,
        one::<GroupKind>(work)?,
    ])
}

/// The directory of kind `K`'s index under `dir`.
fn kind_dir<K: Kind>(dir: &Path) -> std::path::PathBuf {
    dir.join(<K::Doc as sepiola_model::Document>::KIND.as_str())
}

/// `sepiola index rebuild`: each kind rebuilt where it is.
struct InPlace<'a> {
    dir: &'a Path,
    analysis: Analysis,
    memory_bytes: usize,
}

impl EachKind for InPlace<'_> {
    fn on<K: Kind>(&mut self) -> Result<u64, IndexError> {
        let sub = kind_dir::<K>(self.dir);
        crate::migrate::recover(&sub)?;
        if !sub.join("meta.json").exists() {
            return Ok(0);
        }
        // Hold the index's writer lock while it is rebuilt: a running
        // server (or a second rebuild) keeps it, and is not disturbed.
        let held = tantivy::Index::open_in_dir(&sub)?
            .writer_with_num_threads::<tantivy::TantivyDocument>(1, 15_000_000)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => IndexError::Locked(sub.clone()),
                other => IndexError::Tantivy(other),
            })?;
        let budget = budget_of::<K>(self.memory_bytes);
        let kept = crate::migrate::rebuild::<K>(&sub, &self.analysis, budget);
        drop(held);
        kept
    }
}

/// `sepiola index upgrade`: each kind written afresh into `next`.
struct Beside<'a> {
    dir: &'a Path,
    next: &'a Path,
    analysis: Analysis,
    memory_bytes: usize,
}

impl EachKind for Beside<'_> {
    fn on<K: Kind>(&mut self) -> Result<u64, IndexError> {
        let source = kind_dir::<K>(self.dir);
        let target = kind_dir::<K>(self.next);
        let budget = budget_of::<K>(self.memory_bytes);
        if !source.join("meta.json").exists() {
            // An empty kind: an empty index of the current schema.
            Part::<K>::open(Some(&target), &self.analysis, Some(budget))?;
            return Ok(0);
        }
        crate::migrate::build_from::<K>(&source, &target, &self.analysis, budget)
    }
}

/// The writer of one kind: videos are most of the index and get two
/// threads and the whole budget; the other kinds a quarter each on one.
fn budget_of<K: Kind>(memory_bytes: usize) -> WriterBudget {
    if K::LARGE {
        WriterBudget {
            threads: 2,
            memory_bytes: memory_bytes.max(64_000_000),
        }
    } else {
        WriterBudget {
            threads: 1,
            memory_bytes: (memory_bytes / 4).max(20_000_000),
        }
    }
}

mod sealed {
    /// Only the index's own query types are [`super::Searchable`].
    pub trait Sealed {}
}

/// A query the index can run: the five kinds' queries. Sealed: a new kind
/// is added in this crate (see docs/architecture.md).
pub trait Searchable: SearchQuery + sealed::Sealed {
    /// Runs the query in its kind's part of `index`.
    #[doc(hidden)]
    fn run_in<T: FromStored>(&self, index: &SearchIndex) -> Result<Hits<T>, IndexError>;
}

macro_rules! searchable {
    ($query:ty, $part:ident) => {
        impl sealed::Sealed for $query {}
        impl Searchable for $query {
            fn run_in<T: FromStored>(&self, index: &SearchIndex) -> Result<Hits<T>, IndexError> {
                index.$part.search(&index.analysis, self)
            }
        }
    };
}

searchable!(VideoQuery, videos);
searchable!(ChannelQuery, channels);
searchable!(PlaylistQuery, playlists);
searchable!(EventQuery, events);
searchable!(GroupQuery, groups);

/// A document the index can take: [`SearchIndex::prepare`] builds its
/// tantivy document in its kind's part.
pub(crate) trait Indexed {
    /// The tantivy document of this (normalised) document.
    fn prepare_in(&self, index: &SearchIndex) -> Result<tantivy::TantivyDocument, IndexError>;
}

macro_rules! indexed {
    ($doc:ty, $part:ident) => {
        impl Indexed for $doc {
            fn prepare_in(
                &self,
                index: &SearchIndex,
            ) -> Result<tantivy::TantivyDocument, IndexError> {
                index.$part.document(self, &index.analysis)
            }
        }
    };
}

indexed!(Video, videos);
indexed!(Channel, channels);
indexed!(Playlist, playlists);
indexed!(Event, events);
indexed!(Group, groups);
