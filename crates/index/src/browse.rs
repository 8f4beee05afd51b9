//! Browsing without search text: every score is equal, so the results come
//! in a fixed order of one numeric fast field, then the key hash (missing
//! values last, in both directions). Asked of tantivy, that order is
//! rebuilt for every query by reading the field of every match (most of the
//! cost of browsing a million videos). [`BrowseOrders`] keeps it per
//! segment, computed on first use, and a query only marks its matches and
//! walks the order until its page is full.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::query::{EnableScoring, Query};
use tantivy::schema::Field;
use tantivy::{DocAddress, DocId, Searcher, SegmentReader};

use sepiola_model::query::Page;

use crate::error::IndexError;

/// The type of a numeric fast field to browse by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Numeric {
    /// `i64` (dates).
    I64,
    /// `u64` (counts, durations).
    U64,
}

type OrderKey = (SegmentId, Field, bool);

/// Orders of segments by one field, cached while their segments live.
#[derive(Default)]
pub struct BrowseOrders {
    cache: Mutex<HashMap<OrderKey, Arc<Vec<DocId>>>>,
}

/// A document's place in a browse order: the field as an order-preserving
/// `u64` (None last), then the key hash.
#[derive(Clone, Copy)]
struct SortValue {
    value: Option<u64>,
    key_hash: u64,
}

impl SortValue {
    /// The document's place in the order, as a tuple that sorts fast (a
    /// million documents per order): missing values last in both
    /// directions, then the value (inverted when descending), then the key
    /// hash.
    fn sort_key(&self, descending: bool) -> (bool, u64, u64) {
        match self.value {
            Some(v) => (false, if descending { !v } else { v }, self.key_hash),
            None => (true, 0, self.key_hash),
        }
    }
}

/// Reads a segment's sort values.
struct Columns {
    value: Box<dyn Fn(DocId) -> Option<u64>>,
    key_hash: tantivy::columnar::Column<u64>,
}

impl Columns {
    fn open(seg: &SegmentReader, field: &str, numeric: Numeric) -> Result<Columns, IndexError> {
        let ff = seg.fast_fields();
        let value: Box<dyn Fn(DocId) -> Option<u64>> = match numeric {
            Numeric::I64 => {
                let c = ff.i64(field)?;
                // Flipping the sign bit keeps the order of i64 in u64.
                Box::new(move |d| c.first(d).map(|v| (v as u64) ^ (1 << 63)))
            }
            Numeric::U64 => {
                let c = ff.u64(field)?;
                Box::new(move |d| c.first(d))
            }
        };
        Ok(Columns {
            value,
            key_hash: ff.u64("key_hash")?,
        })
    }

    fn get(&self, doc: DocId) -> SortValue {
        SortValue {
            value: (self.value)(doc),
            key_hash: self.key_hash.first(doc).unwrap_or(0),
        }
    }
}

impl BrowseOrders {
    /// The page of documents matching `query`, ordered by `field` then key
    /// hash, and the exact number of matches.
    pub fn top(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        field: Field,
        numeric: Numeric,
        descending: bool,
        page: Page,
    ) -> Result<(Vec<DocAddress>, usize), IndexError> {
        let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
        let wanted = page.start.saturating_add(page.count);
        let mut total = 0usize;
        let mut candidates: Vec<(SortValue, DocAddress)> = Vec::new();
        self.forget_dead_segments(searcher);
        for (ord, seg) in searcher.segment_readers().iter().enumerate() {
            let max = seg.max_doc() as usize;
            let mut matches = vec![0u64; max.div_ceil(64)];
            let alive = seg.alive_bitset();
            weight.for_each_no_score(seg, &mut |docs: &[DocId]| {
                for &d in docs {
                    if alive.is_none_or(|a| a.is_alive(d)) {
                        matches[d as usize / 64] |= 1 << (d % 64);
                        total += 1;
                    }
                }
            })?;
            if wanted == 0 {
                continue;
            }
            let order = self.order(seg, field, numeric, descending)?;
            let columns = Columns::open(seg, seg.schema().get_field_name(field), numeric)?;
            let segment_ord = u32::try_from(ord).unwrap_or(u32::MAX);
            candidates.extend(
                order
                    .iter()
                    .filter(|&&d| matches[d as usize / 64] & (1 << (d % 64)) != 0)
                    .take(wanted)
                    .map(|&d| (columns.get(d), DocAddress::new(segment_ord, d))),
            );
        }
        if searcher.segment_readers().len() > 1 {
            candidates.sort_by_key(|(v, a)| (v.sort_key(descending), a.segment_ord, a.doc_id));
        }
        let top = candidates
            .into_iter()
            .skip(page.start)
            .take(page.count)
            .map(|(_, a)| a)
            .collect();
        Ok((top, total))
    }

    /// The order of every document of `seg` (deleted ones too; matches
    /// exclude them), computed once per segment.
    fn order(
        &self,
        seg: &SegmentReader,
        field: Field,
        numeric: Numeric,
        descending: bool,
    ) -> Result<Arc<Vec<DocId>>, IndexError> {
        let key = (seg.segment_id(), field, descending);
        if let Some(o) = self.lock().get(&key) {
            return Ok(o.clone());
        }
        let columns = Columns::open(seg, seg.schema().get_field_name(field), numeric)?;
        let mut all: Vec<((bool, u64, u64), DocId)> = (0..seg.max_doc())
            .map(|d| (columns.get(d).sort_key(descending), d))
            .collect();
        all.sort_unstable();
        let order = Arc::new(all.into_iter().map(|(_, d)| d).collect::<Vec<_>>());
        self.lock().insert(key, order.clone());
        Ok(order)
    }

    /// Drops the orders of segments the searcher no longer has (merged or
    /// deleted away), so the cache holds only what is live.
    fn forget_dead_segments(&self, searcher: &Searcher) {
        let live: Vec<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(|s| s.segment_id())
            .collect();
        self.lock().retain(|(id, _, _), _| live.contains(id));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<OrderKey, Arc<Vec<DocId>>>> {
        // A panic while holding the lock cannot leave the map inconsistent
        // (inserts and removals are single calls), so poisoning is ignored.
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_values_sort_last_both_ways_and_the_key_hash_breaks_ties() {
        let ascending = [
            Some(0),
            Some(1),
            Some(7),
            Some(u64::MAX - 1),
            Some(u64::MAX),
            None,
        ];
        let descending = [
            Some(u64::MAX),
            Some(u64::MAX - 1),
            Some(7),
            Some(1),
            Some(0),
            None,
        ];
        let expected = |values: &[Option<u64>]| -> Vec<(Option<u64>, u64)> {
            values
                .iter()
                .flat_map(|v| [0, 3, u64::MAX].map(|h| (*v, h)))
                .collect()
        };
        for (desc, order) in [(false, &ascending), (true, &descending)] {
            // the expected order, reversed, then sorted
            let mut all: Vec<SortValue> = expected(order)
                .into_iter()
                .rev()
                .map(|(value, key_hash)| SortValue { value, key_hash })
                .collect();
            all.sort_by_key(|v| v.sort_key(desc));
            let got: Vec<(Option<u64>, u64)> = all.iter().map(|v| (v.value, v.key_hash)).collect();
            assert_eq!(got, expected(order), "descending {desc}");
        }
    }
}
