//! What the index holds, read without a search: a host's inventory (the
//! crawler diffs it), documents per host and per kind, and which host owns
//! a uuid.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde::ser::SerializeMap;
use tantivy::query::{AllQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

use sepiola_model::ids::normalize_uuid;
use sepiola_model::{DocKey, DocKind};

use crate::collectors::{HostCounts, Inventory};
use crate::error::IndexError;
use crate::execute::stored_text;
use crate::search_index::SearchIndex;

/// Number of live documents of each kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocCounts(BTreeMap<DocKind, u64>);

impl DocCounts {
    /// Live documents of one kind.
    pub fn get(&self, kind: DocKind) -> u64 {
        self.0.get(&kind).copied().unwrap_or(0)
    }
}

/// As `/api/v1/config` has always said it: `{"videos": n, "channels": n, …}`.
impl Serialize for DocCounts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(DocKind::ALL.len()))?;
        for k in DocKind::ALL {
            m.serialize_entry(k.plural(), &self.get(k))?;
        }
        m.end()
    }
}

impl SearchIndex {
    /// Every document of `host` of this kind: key → last update (ms).
    /// The crawler diffs it against what the host serves now.
    pub fn inventory(&self, kind: DocKind, host: &str) -> Result<HashMap<DocKey, i64>, IndexError> {
        let part = self.part(kind);
        let q = TermQuery::new(
            Term::from_field_text(part.common().host, host),
            IndexRecordOption::Basic,
        );
        Ok(part.index().searcher().search(&q, &Inventory)?)
    }

    /// Live documents per host, all kinds together.
    pub fn host_counts(&self) -> Result<BTreeMap<String, u64>, IndexError> {
        self.host_counts_of(&DocKind::ALL)
    }

    /// Live documents per host, these kinds together.
    pub fn host_counts_of(&self, kinds: &[DocKind]) -> Result<BTreeMap<String, u64>, IndexError> {
        let mut out = BTreeMap::new();
        for &k in kinds {
            for (h, n) in self
                .part(k)
                .index()
                .searcher()
                .search(&AllQuery, &HostCounts)?
            {
                *out.entry(h).or_default() += n;
            }
        }
        Ok(out)
    }

    /// Live documents of each kind.
    pub fn doc_counts(&self) -> DocCounts {
        DocCounts(
            DocKind::ALL
                .into_iter()
                .map(|k| (k, self.part(k).index().searcher().num_docs()))
                .collect(),
        )
    }

    /// The host that holds a document of this kind with this uuid, if any
    /// (the first host that brought a uuid owns it: a hostile instance
    /// cannot shadow another's content). `None` for kinds without uuid.
    pub fn uuid_owner(&self, kind: DocKind, uuid: &str) -> Result<Option<String>, IndexError> {
        let part = self.part(kind);
        let (Some(field), Some(uuid)) = (part.uuid_field(), normalize_uuid(uuid)) else {
            return Ok(None);
        };
        let searcher = part.index().searcher();
        let q = TermQuery::new(
            Term::from_field_text(field, &uuid),
            IndexRecordOption::Basic,
        );
        let top = searcher.search(
            &q,
            &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
        )?;
        let Some((_, addr)) = top.into_iter().next() else {
            return Ok(None);
        };
        // The key and host are columns, not stored: read the stored answer.
        #[derive(serde::Deserialize)]
        struct HostOnly {
            host: String,
        }
        let d: TantivyDocument = searcher.doc(addr)?;
        let body = stored_text(&d, part.index().doc_field())?;
        let h: HostOnly =
            serde_json::from_str(body).map_err(|e| IndexError::Corrupt(e.to_string()))?;
        Ok(Some(h.host))
    }
}
