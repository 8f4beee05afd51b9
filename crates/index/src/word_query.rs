//! [`WordQuery`]: one query word's tiers in a single pass over its postings.
//!
//! A word matches exactly (its folded form or one of its stems) or loosely
//! (a typo or a prefix). The ranking promises a constant for "the word is
//! there in some form", another for "it is there exactly", plus BM25 of the
//! exact forms (see [`crate::text_query::ranking`]). Written with stock
//! queries, that walks the exact postings up to three times (once per
//! tier); this query walks each posting list once and adds the constants.

use std::fmt;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

/// Scores `exact_bonus + BM25` for documents matching `exact`, and
/// `loose_bonus` for documents matching only `loose`.
pub struct WordQuery {
    exact: Box<dyn Query>,
    loose: Option<Box<dyn Query>>,
    exact_bonus: Score,
    loose_bonus: Score,
}

impl WordQuery {
    /// A word with its exact forms (scored) and, if any, its loose forms
    /// (typos, prefix; matched but not scored).
    pub fn new(
        exact: Box<dyn Query>,
        loose: Option<Box<dyn Query>>,
        exact_bonus: Score,
        loose_bonus: Score,
    ) -> WordQuery {
        WordQuery {
            exact,
            loose,
            exact_bonus,
            loose_bonus,
        }
    }
}

impl Clone for WordQuery {
    fn clone(&self) -> Self {
        WordQuery {
            exact: self.exact.box_clone(),
            loose: self.loose.as_ref().map(|l| l.box_clone()),
            exact_bonus: self.exact_bonus,
            loose_bonus: self.loose_bonus,
        }
    }
}

impl fmt::Debug for WordQuery {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("WordQuery")
            .field("exact", &self.exact)
            .field("loose", &self.loose)
            .field("exact_bonus", &self.exact_bonus)
            .field("loose_bonus", &self.loose_bonus)
            .finish()
    }
}

impl Query for WordQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let exact = self.exact.weight(enable_scoring)?;
        let loose = match &self.loose {
            Some(l) => Some(l.weight(enable_scoring)?),
            None => None,
        };
        Ok(Box::new(WordWeight {
            exact,
            loose,
            exact_bonus: self.exact_bonus,
            loose_bonus: self.loose_bonus,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.exact.query_terms(visitor);
        if let Some(l) = &self.loose {
            l.query_terms(visitor);
        }
    }
}

struct WordWeight {
    exact: Box<dyn Weight>,
    loose: Option<Box<dyn Weight>>,
    exact_bonus: Score,
    loose_bonus: Score,
}

impl Weight for WordWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let exact = self.exact.scorer(reader, boost)?;
        let loose = match &self.loose {
            Some(l) => Some(l.scorer(reader, boost)?),
            None => None,
        };
        Ok(Box::new(WordScorer::new(
            exact,
            loose,
            self.exact_bonus * boost,
            self.loose_bonus * boost,
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut s = self.scorer(reader, 1.0)?;
        if s.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new("word (exact or loose)", s.score()))
    }
}

/// The union of the exact and loose docsets, scored by tier.
struct WordScorer {
    exact: Box<dyn Scorer>,
    loose: Option<Box<dyn Scorer>>,
    exact_bonus: Score,
    loose_bonus: Score,
    doc: DocId,
}

impl WordScorer {
    fn new(
        exact: Box<dyn Scorer>,
        loose: Option<Box<dyn Scorer>>,
        exact_bonus: Score,
        loose_bonus: Score,
    ) -> WordScorer {
        let mut s = WordScorer {
            exact,
            loose,
            exact_bonus,
            loose_bonus,
            doc: 0,
        };
        s.doc = s.current();
        s
    }

    fn current(&self) -> DocId {
        let e = self.exact.doc();
        match &self.loose {
            Some(l) => e.min(l.doc()),
            None => e,
        }
    }
}

impl DocSet for WordScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        if self.exact.doc() == self.doc {
            self.exact.advance();
        }
        if let Some(l) = &mut self.loose
            && l.doc() == self.doc
        {
            l.advance();
        }
        self.doc = self.current();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        if self.exact.doc() < target {
            self.exact.seek(target);
        }
        if let Some(l) = &mut self.loose
            && l.doc() < target
        {
            l.seek(target);
        }
        self.doc = self.current();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        let e = self.exact.size_hint();
        match &self.loose {
            Some(l) => e.max(l.size_hint()),
            None => e,
        }
    }

    fn cost(&self) -> u64 {
        self.exact.cost() + self.loose.as_ref().map_or(0, |l| l.cost())
    }
}

impl Scorer for WordScorer {
    fn score(&mut self) -> Score {
        if self.exact.doc() == self.doc {
            self.exact_bonus + self.exact.score()
        } else {
            self.loose_bonus
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{ConstScoreQuery, TermQuery};
    use tantivy::schema::{IndexRecordOption, STRING, Schema};
    use tantivy::{Index, TantivyDocument};

    fn index(docs: &[&str]) -> (Index, tantivy::schema::Field) {
        let mut b = Schema::builder();
        let f = b.add_text_field("w", STRING);
        let index = Index::create_in_ram(b.build());
        let mut w = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        for d in docs {
            let mut doc = TantivyDocument::new();
            for word in d.split_whitespace() {
                doc.add_text(f, word);
            }
            w.add_document(doc).expect("add");
        }
        w.commit().expect("commit");
        (index, f)
    }

    fn term(f: tantivy::schema::Field, w: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(f, w),
            IndexRecordOption::Basic,
        ))
    }

    #[test]
    fn exact_scores_bonus_plus_inner_and_loose_scores_its_bonus() {
        let (index, f) = index(&["cat", "dog", "cats", "bird", "cat cats"]);
        let searcher = index.reader().expect("reader").searcher();
        let q = WordQuery::new(
            Box::new(ConstScoreQuery::new(term(f, "cat"), 1.0)),
            Some(term(f, "cats")),
            100.0,
            10.0,
        );
        let top = searcher
            .search(&q, &TopDocs::with_limit(10).order_by_score())
            .expect("search");
        let mut got: Vec<(u32, Score)> = top.iter().map(|(s, a)| (a.doc_id, *s)).collect();
        got.sort_by_key(|(d, _)| *d);
        assert_eq!(got, vec![(0, 101.0), (2, 10.0), (4, 101.0)]);
        assert_eq!(
            searcher
                .search(&q, &tantivy::collector::Count)
                .expect("count"),
            3
        );
    }

    #[test]
    fn without_loose_forms_only_exact_matches() {
        let (index, f) = index(&["cat", "dog", "cats"]);
        let searcher = index.reader().expect("reader").searcher();
        let q = WordQuery::new(
            Box::new(ConstScoreQuery::new(term(f, "dog"), 2.0)),
            None,
            5.0,
            1.0,
        );
        let top = searcher
            .search(&q, &TopDocs::with_limit(10).order_by_score())
            .expect("search");
        let got: Vec<(u32, Score)> = top.iter().map(|(s, a)| (a.doc_id, *s)).collect();
        assert_eq!(got, vec![(1, 7.0)]);
    }

    #[test]
    fn seeking_past_both_sides_terminates() {
        let (index, f) = index(&["a", "b", "a b", "c"]);
        let searcher = index.reader().expect("reader").searcher();
        let q = WordQuery::new(term(f, "a"), Some(term(f, "b")), 1.0, 1.0);
        let w = q
            .weight(EnableScoring::enabled_from_searcher(&searcher))
            .expect("weight");
        let mut s = w.scorer(searcher.segment_reader(0), 1.0).expect("scorer");
        assert_eq!(s.doc(), 0);
        assert_eq!(s.seek(2), 2);
        assert_eq!(s.advance(), TERMINATED);
        assert_eq!(s.seek(TERMINATED), TERMINATED);
    }
}
