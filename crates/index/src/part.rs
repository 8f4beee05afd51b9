//! One kind's part of the index: its tantivy index ([`KindIndex`]), the
//! common fields and the kind's own fields, opened from the kind's schema.

use std::path::Path;

use tantivy::TantivyDocument;
use tantivy::schema::{Field, Schema};

use crate::analysis::Analysis;
use crate::embedded::{ActorUpdates, Rewrite, rewrite_in};
use crate::error::IndexError;
use crate::kind_index::{KindIndex, WriterBudget};
use crate::kinds::Kind;
use crate::kinds::fields::Common;
use crate::migrate;

/// The index of one kind and the fields its schema holds.
pub struct Part<K: Kind> {
    index: KindIndex,
    common: Common,
    kind: K,
}

impl<K: Kind> Part<K> {
    /// Opens (or creates) the kind's index in `dir`, in memory without one.
    pub fn open(
        dir: Option<&Path>,
        analysis: &Analysis,
        budget: Option<WriterBudget>,
    ) -> Result<Part<K>, IndexError> {
        let mut b = Schema::builder();
        let common = Common::build(&mut b);
        let kind = K::build(&mut b);
        let schema = b.build();
        if let Some(d) = dir {
            migrate::recover(d)?;
        }
        let open = |schema| KindIndex::open(dir, schema, analysis, budget, common.key, common.host);
        let index = match (open(schema.clone()), dir, budget) {
            // Written by another version: rebuild it from what it stores
            // (only with a writer: a read-only open says so instead).
            (Err(IndexError::SchemaChanged { .. }), Some(d), Some(budget)) => {
                migrate::rebuild::<K>(d, analysis, budget)?;
                open(schema)?
            }
            (r, _, _) => r?,
        };
        Ok(Part {
            index,
            common,
            kind,
        })
    }

    /// The kind's own fields.
    pub fn kind(&self) -> &K {
        &self.kind
    }

    /// The tantivy document of a normalised document.
    pub fn document(&self, doc: &K::Doc, a: &Analysis) -> Result<TantivyDocument, IndexError> {
        Ok(self.kind.document(&self.common, doc, a)?)
    }
}

/// What writes, counts, export and moderation need of a part, whatever its
/// kind (so they can pick one by [`sepiola_model::DocKind`]).
pub trait AnyPart: Send + Sync {
    /// The tantivy index.
    fn index(&self) -> &KindIndex;
    /// The common fields.
    fn common(&self) -> &Common;
    /// The uuid field, for kinds that have one.
    fn uuid_field(&self) -> Option<Field>;
    /// Rewrites stale embedded actors (see [`crate::embedded`]); `limit`
    /// 0 only counts them.
    fn rewrite_actors(
        &self,
        analysis: &Analysis,
        updates: &ActorUpdates,
        limit: u64,
    ) -> Result<Rewrite, IndexError>;
}

impl<K: Kind> AnyPart for Part<K> {
    fn index(&self) -> &KindIndex {
        &self.index
    }
    fn common(&self) -> &Common {
        &self.common
    }
    fn uuid_field(&self) -> Option<Field> {
        self.kind.uuid()
    }
    fn rewrite_actors(
        &self,
        analysis: &Analysis,
        updates: &ActorUpdates,
        limit: u64,
    ) -> Result<Rewrite, IndexError> {
        rewrite_in(self, analysis, updates, limit)
    }
}
