//! Collectors that read fast fields of every match: the crawler's inventory
//! of a host and the per-host document counts.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use sepiola_model::{ChangeStamp, DocKey};

/// Collects `key → change stamp` (`updated_at`, `content_hash`) for every match.
pub struct Inventory;

/// Per-segment part of [`Inventory`].
pub struct InventorySegment {
    keys: Option<StrColumn>,
    updated: Column<i64>,
    content: Column<u64>,
    out: HashMap<DocKey, ChangeStamp>,
    buf: String,
}

impl Collector for Inventory {
    type Fruit = HashMap<DocKey, ChangeStamp>;
    type Child = InventorySegment;

    fn for_segment(
        &self,
        _ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<InventorySegment> {
        Ok(InventorySegment {
            keys: segment.fast_fields().str("key")?,
            updated: segment.fast_fields().i64("updated_at")?,
            content: segment.fast_fields().u64("content_hash")?,
            out: HashMap::new(),
            buf: String::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<HashMap<DocKey, ChangeStamp>>,
    ) -> tantivy::Result<HashMap<DocKey, ChangeStamp>> {
        let mut all = HashMap::new();
        for f in fruits {
            all.extend(f);
        }
        Ok(all)
    }
}

impl SegmentCollector for InventorySegment {
    type Fruit = HashMap<DocKey, ChangeStamp>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let Some(keys) = &self.keys else { return };
        if let Some(ord) = keys.term_ords(doc).next() {
            self.buf.clear();
            if keys.ord_to_str(ord, &mut self.buf).unwrap_or(false) {
                let stamp = ChangeStamp {
                    updated_at: self.updated.first(doc).unwrap_or(0),
                    content: self.content.first(doc).unwrap_or(0),
                };
                if let Some(key) = DocKey::from_stored(&self.buf) {
                    self.out.insert(key, stamp);
                }
            }
        }
    }

    fn harvest(self) -> HashMap<DocKey, ChangeStamp> {
        self.out
    }
}

/// Counts live documents per host.
pub struct HostCounts;

/// Per-segment part of [`HostCounts`].
pub struct HostCountsSegment {
    keys: Option<StrColumn>,
    by_ord: HashMap<u64, u64>,
}

impl Collector for HostCounts {
    type Fruit = HashMap<String, u64>;
    type Child = HostCountsSegment;

    fn for_segment(
        &self,
        _ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<HostCountsSegment> {
        Ok(HostCountsSegment {
            keys: segment.fast_fields().str("host")?,
            by_ord: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<HashMap<String, u64>>,
    ) -> tantivy::Result<HashMap<String, u64>> {
        let mut all: HashMap<String, u64> = HashMap::new();
        for f in fruits {
            for (h, n) in f {
                *all.entry(h).or_default() += n;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for HostCountsSegment {
    type Fruit = HashMap<String, u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(keys) = &self.keys
            && let Some(ord) = keys.term_ords(doc).next()
        {
            *self.by_ord.entry(ord).or_default() += 1;
        }
    }

    fn harvest(self) -> HashMap<String, u64> {
        let mut out: HashMap<String, u64> = HashMap::new();
        let Some(keys) = self.keys else { return out };
        let mut buf = String::new();
        for (ord, n) in self.by_ord {
            buf.clear();
            if keys.ord_to_str(ord, &mut buf).unwrap_or(false) {
                *out.entry(buf.clone()).or_default() += n;
            }
        }
        out
    }
}
