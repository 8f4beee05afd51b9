//! Writing the index: documents in (built off-lock, then written in order),
//! deletions by key or host, commits, and the bulk import's merge.

use sepiola_model::{DocKey, DocKind, Record};
use tantivy::TantivyDocument;

use crate::error::IndexError;
use crate::search_index::{Indexed, SearchIndex};

/// A document ready to be written: see [`SearchIndex::prepare`].
pub struct Prepared {
    kind: DocKind,
    key: DocKey,
    doc: TantivyDocument,
}

impl SearchIndex {
    /// Adds or replaces a normalised document, unless moderation withholds
    /// it ([`SearchIndex::set_withheld`]: then nothing is written and this
    /// returns `Ok(false)`). Searchable after the next commit.
    pub fn upsert(&self, record: &Record) -> Result<bool, IndexError> {
        if self.withholds(record) {
            return Ok(false);
        }
        self.write(self.prepare(record)?)?;
        Ok(true)
    }

    /// The first half of [`SearchIndex::upsert`]: builds the document
    /// (text analysis included). Needs no lock, so bulk imports run it on
    /// several threads and [`SearchIndex::write`] the results in order.
    pub fn prepare(&self, record: &Record) -> Result<Prepared, IndexError> {
        let doc = match record {
            Record::Video(d) => d.prepare_in(self)?,
            Record::Channel(d) => d.prepare_in(self)?,
            Record::Playlist(d) => d.prepare_in(self)?,
            Record::Event(d) => d.prepare_in(self)?,
            Record::Group(d) => d.prepare_in(self)?,
        };
        Ok(Prepared {
            kind: record.kind(),
            key: record.key(),
            doc,
        })
    }

    /// The second half of [`SearchIndex::upsert`]: adds or replaces the
    /// prepared document.
    pub fn write(&self, p: Prepared) -> Result<(), IndexError> {
        self.part(p.kind).index().upsert(&p.key, p.doc)
    }

    /// Deletes one document by key.
    pub fn delete(&self, kind: DocKind, key: &DocKey) -> Result<(), IndexError> {
        self.part(kind).index().delete_key(key)
    }

    /// Deletes every document of a host, of every kind.
    pub fn delete_host(&self, host: &str) -> Result<(), IndexError> {
        self.delete_host_of(host, &DocKind::ALL)
    }

    /// Deletes the documents of a host of these kinds only (the PeerTube
    /// instance list governs the PeerTube kinds, not Mobilizon's).
    pub fn delete_host_of(&self, host: &str, kinds: &[DocKind]) -> Result<(), IndexError> {
        for &k in kinds {
            self.part(k).index().delete_host(host)?;
        }
        Ok(())
    }

    /// Commits what was written and makes it searchable. Cheap when nothing
    /// changed. Returns whether anything was committed.
    pub fn commit(&self) -> Result<bool, IndexError> {
        let mut any = false;
        for k in DocKind::ALL {
            any |= self.part(k).index().commit()?;
        }
        Ok(any)
    }

    /// Prepares a bulk import: no background merges until [`SearchIndex::merge_all`].
    pub fn pause_merges(&self) -> Result<(), IndexError> {
        for k in DocKind::ALL {
            self.part(k).index().pause_merges()?;
        }
        Ok(())
    }

    /// Commits and merges each kind's segments into at most `parts`
    /// segments, every kind at once (the merges share the cores). Slow
    /// (rewrites the index) but makes every query walk few term dictionaries.
    pub fn merge_all(&self, parts: usize) -> Result<(), IndexError> {
        let mut pending = Vec::new();
        for k in DocKind::ALL {
            pending.extend(self.part(k).index().start_merge(parts)?);
        }
        for m in pending {
            m.wait()?;
        }
        for k in DocKind::ALL {
            self.part(k).index().finish_merge()?;
        }
        Ok(())
    }
}
