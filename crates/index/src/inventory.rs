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
use sepiola_model::{ChangeStamp, DocKey, DocKind};

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
    /// Every document of `host` of this kind: key → change stamp (last
    /// update and content hash). The crawler diffs it against what the
    /// host serves now.
    pub fn inventory(
        &self,
        kind: DocKind,
        host: &str,
    ) -> Result<HashMap<DocKey, ChangeStamp>, IndexError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use sepiola_model::Record;

    fn video_json(host: &str, uuid: &str) -> String {
        format!(
            r#"{{"kind": "video", "host": "{host}", "id": 1, "uuid": "{uuid}", "name": "A video",
            "privacy": {{"id": 1}}, "createdAt": "2021-01-10T08:00:00.000Z",
            "publishedAt": "2021-01-10T08:00:00.000Z", "embedPath": "/videos/embed/{uuid}",
            "url": "https://{host}/videos/watch/{uuid}",
            "account": {{"id": 1, "name": "alice", "displayName": "Alice", "url": "https://{host}/a/alice", "host": "{host}"}},
            "channel": {{"id": 2, "name": "alice_channel", "displayName": "Alice's", "url": "https://{host}/c/alice_channel", "host": "{host}"}}}}"#
        )
    }

    fn playlist_json(host: &str, uuid: &str) -> String {
        format!(
            r#"{{"kind": "playlist", "host": "{host}", "id": 1, "uuid": "{uuid}", "displayName": "A playlist",
            "privacy": {{"id": 1}}, "videosLength": 1, "type": {{"id": 1}},
            "url": "https://{host}/videos/watch/playlist/{uuid}", "createdAt": "2023-01-01T00:00:00.000Z",
            "ownerAccount": {{"id": 1, "name": "bob", "displayName": "Bob", "url": "https://{host}/a/bob", "host": "{host}"}}}}"#
        )
    }

    #[test]
    fn uuid_owner_names_the_host_holding_the_uuid_per_kind() {
        const U1: &str = "3f1af22b-8a22-5bf0-98d3-d234176a75ad";
        const U2: &str = "e7a3cb5c-836d-5286-8e6b-ea873e5033dd";
        let idx = SearchIndex::in_memory().expect("index");
        for line in [video_json("a.example", U1), playlist_json("b.example", U2)] {
            let mut r = Record::from_json(&line).expect("record");
            r.normalize().expect("normalize");
            idx.upsert(&r).expect("upsert");
        }
        assert_eq!(idx.uuid_owner(DocKind::Video, U1).expect("lookup"), None);
        idx.commit().expect("commit");
        let owner = |k, u: &str| idx.uuid_owner(k, u).expect("lookup");
        assert_eq!(owner(DocKind::Video, U1).as_deref(), Some("a.example"));
        assert_eq!(owner(DocKind::Playlist, U2).as_deref(), Some("b.example"));
        // Kinds are separate, unknown uuids have no owner, channels no uuid.
        assert_eq!(owner(DocKind::Playlist, U1), None);
        assert_eq!(owner(DocKind::Video, U2), None);
        assert_eq!(owner(DocKind::Channel, U1), None);
        assert_eq!(owner(DocKind::Group, U1), None);
        // A uuid written without dashes is the same uuid.
        assert_eq!(
            owner(DocKind::Video, &U1.replace('-', "")).as_deref(),
            Some("a.example")
        );
    }
}
