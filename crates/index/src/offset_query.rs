//! [`OffsetQuery`]: a query's own score plus a constant.
//!
//! A ranking tier is a constant added to the BM25 of the form that reached
//! it (see [`crate::tiers`]). Tantivy's stock queries multiply a score
//! ([`tantivy::query::BoostQuery`]) or replace it
//! ([`tantivy::query::ConstScoreQuery`]); this one adds, walking the inner
//! postings once. Quoted phrases use it; the free words are scored by
//! [`crate::words_query::WordsQuery`], which adds its tiers itself.

use std::fmt;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

/// Matches what `inner` matches, scoring `inner`'s score + `offset`.
pub struct OffsetQuery {
    inner: Box<dyn Query>,
    offset: Score,
}

impl OffsetQuery {
    /// `inner`, its score raised by `offset`.
    pub fn new(inner: Box<dyn Query>, offset: Score) -> OffsetQuery {
        OffsetQuery { inner, offset }
    }
}

impl Clone for OffsetQuery {
    fn clone(&self) -> Self {
        OffsetQuery {
            inner: self.inner.box_clone(),
            offset: self.offset,
        }
    }
}

impl fmt::Debug for OffsetQuery {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("OffsetQuery")
            .field("inner", &self.inner)
            .field("offset", &self.offset)
            .finish()
    }
}

impl Query for OffsetQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(OffsetWeight {
            inner: self.inner.weight(enable_scoring)?,
            offset: self.offset,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct OffsetWeight {
    inner: Box<dyn Weight>,
    offset: Score,
}

impl Weight for OffsetWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(OffsetScorer {
            inner: self.inner.scorer(reader, boost)?,
            offset: self.offset * boost,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inner = self.inner.explain(reader, doc)?;
        let mut s = self.scorer(reader, 1.0)?;
        s.seek(doc);
        let mut e = Explanation::new("offset", s.score());
        e.add_detail(inner);
        Ok(e)
    }
}

struct OffsetScorer {
    inner: Box<dyn Scorer>,
    offset: Score,
}

impl DocSet for OffsetScorer {
    fn advance(&mut self) -> DocId {
        self.inner.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.inner.seek(target)
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }

    fn cost(&self) -> u64 {
        self.inner.cost()
    }
}

impl Scorer for OffsetScorer {
    fn score(&mut self) -> Score {
        self.inner.score() + self.offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{ConstScoreQuery, TermQuery};
    use tantivy::schema::IndexRecordOption;

    #[test]
    fn adds_the_offset_to_the_inner_score_of_matching_documents_only() {
        let (searcher, f) = crate::test_index::words_index("w", ["cat", "dog", "cat"]);
        let cat = TermQuery::new(Term::from_field_text(f, "cat"), IndexRecordOption::Basic);
        let q = OffsetQuery::new(Box::new(ConstScoreQuery::new(Box::new(cat), 1.5)), 100.0);
        let top = searcher
            .search(&q, &TopDocs::with_limit(10).order_by_score())
            .expect("search");
        let mut got: Vec<(u32, Score)> = top.iter().map(|(s, a)| (a.doc_id, *s)).collect();
        got.sort_by_key(|(d, _)| *d);
        assert_eq!(got, vec![(0, 101.5), (2, 101.5)]);
    }
}
