//! Which stemmer each document of a segment was stemmed with, read once
//! from the kind's language field and kept: the ranking tells a stem of the
//! document's own language from another language's (docs/ranking.md), and
//! asking the language postings for every stem matched would walk them
//! again for every query word and field.
//!
//! A segment never changes, so its column is computed once per process
//! (one byte per document) and shared; the cache forgets everything when it
//! holds too many segments (merged segments are gone for good).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use tantivy::index::SegmentId;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocSet, SegmentReader, TERMINATED, Term};

/// Columns kept before the cache is emptied.
const MAX_SEGMENTS: usize = 512;

/// Per document, the index in `codes` of the language it was stemmed in.
pub(crate) type Column = Arc<Vec<u8>>;

type Cache = Mutex<HashMap<(SegmentId, Field), Column>>;

static CACHE: LazyLock<Cache> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// The column of `reader` for the language `field`: each document's
/// language as an index into `codes` (the stemmer codes), or `english`'s
/// index when its language has no stemmer (it was stemmed as English).
pub(crate) fn column(
    reader: &SegmentReader,
    field: Field,
    codes: &[&str],
    english: u8,
) -> tantivy::Result<Column> {
    let key = (reader.segment_id(), field);
    if let Some(c) = lock().get(&key) {
        return Ok(c.clone());
    }
    let mut col = vec![english; reader.max_doc() as usize];
    let inverted = reader.inverted_index(field)?;
    for (i, code) in codes.iter().enumerate() {
        let Ok(index) = u8::try_from(i) else { break };
        let term = Term::from_field_text(field, code);
        if let Some(mut postings) = inverted.read_postings(&term, IndexRecordOption::Basic)? {
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if let Some(slot) = col.get_mut(doc as usize) {
                    *slot = index;
                }
                doc = postings.advance();
            }
        }
    }
    let col = Arc::new(col);
    let mut cache = lock();
    if cache.len() >= MAX_SEGMENTS {
        cache.clear();
    }
    cache.insert(key, col.clone());
    Ok(col)
}

fn lock() -> std::sync::MutexGuard<'static, HashMap<(SegmentId, Field), Column>> {
    // A panic elsewhere cannot leave a column half-written: they are
    // inserted whole.
    CACHE.lock().unwrap_or_else(|e| e.into_inner())
}

/// The bit of each code in `langs`, as a mask over indices into `codes`.
pub(crate) fn mask(codes: &[&str], langs: &[&str]) -> u32 {
    codes
        .iter()
        .enumerate()
        .filter(|(i, c)| *i < 32 && langs.contains(c))
        .fold(0, |m, (i, _)| m | (1 << i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_document_gets_its_stemmer_and_unknown_ones_english() {
        let (searcher, f) =
            crate::test_index::words_index("language", ["fr", "_unknown", "en", "ja", "de"]);
        let codes = ["de", "en", "fr"];
        let col = column(searcher.segment_reader(0), f, &codes, 1).expect("column");
        assert_eq!(*col, vec![2, 1, 1, 1, 0]);
        assert_eq!(mask(&codes, &["fr", "en"]), 0b110);
        // the second ask is served from the cache (same column)
        let again = column(searcher.segment_reader(0), f, &codes, 1).expect("column");
        assert!(Arc::ptr_eq(&col, &again));
    }
}
