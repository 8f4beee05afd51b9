//! [`OwnTextQuery`]: the query words together, with the "own text" tier
//! counted once per document.
//!
//! Each word's query scores a match in the document's own text (title,
//! tags, description) with [`crate::tiers::Tiers::own_text`] on top of its
//! other tiers, and a match only through channel or account names without
//! it. Summed by a plain boolean query, a document would get that bonus
//! once per word; the ranking promises it once ("matches through its own
//! text" ranks above "matches only through names", then the other tiers
//! decide). This union reads each word's score, takes the bonus out of
//! every word that carries it and puts it back once.

use std::fmt;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

/// Matches documents matching any of `words`; scores the sum of their
/// scores with the own-text bonus counted at most once.
pub struct OwnTextQuery {
    words: Vec<Box<dyn Query>>,
    own: Score,
}

impl OwnTextQuery {
    /// The union of `words`, each scoring at least `own` when it matched in
    /// the document's own text and less than `own` otherwise.
    pub fn new(words: Vec<Box<dyn Query>>, own: Score) -> OwnTextQuery {
        OwnTextQuery { words, own }
    }
}

impl Clone for OwnTextQuery {
    fn clone(&self) -> Self {
        OwnTextQuery {
            words: self.words.iter().map(|w| w.box_clone()).collect(),
            own: self.own,
        }
    }
}

impl fmt::Debug for OwnTextQuery {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("OwnTextQuery")
            .field("words", &self.words)
            .field("own", &self.own)
            .finish()
    }
}

impl Query for OwnTextQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let words = self
            .words
            .iter()
            .map(|w| w.weight(enable_scoring))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(OwnTextWeight {
            words,
            own: self.own,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for w in &self.words {
            w.query_terms(visitor);
        }
    }
}

struct OwnTextWeight {
    words: Vec<Box<dyn Weight>>,
    own: Score,
}

impl Weight for OwnTextWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let words = self
            .words
            .iter()
            .map(|w| w.scorer(reader, boost))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(OwnTextScorer::new(words, self.own * boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut s = self.scorer(reader, 1.0)?;
        if s.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new("words (own text once)", s.score()))
    }
}

/// The union of the words' scorers (a query has at most 16 words, so the
/// smallest current document is found by a scan).
struct OwnTextScorer {
    words: Vec<Box<dyn Scorer>>,
    own: Score,
    doc: DocId,
}

impl OwnTextScorer {
    fn new(words: Vec<Box<dyn Scorer>>, own: Score) -> OwnTextScorer {
        let mut s = OwnTextScorer {
            words,
            own,
            doc: TERMINATED,
        };
        s.doc = s.current();
        s
    }

    fn current(&self) -> DocId {
        self.words
            .iter()
            .map(|w| w.doc())
            .min()
            .unwrap_or(TERMINATED)
    }
}

impl DocSet for OwnTextScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        for w in &mut self.words {
            if w.doc() == self.doc {
                w.advance();
            }
        }
        self.doc = self.current();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for w in &mut self.words {
            if w.doc() < target {
                w.seek(target);
            }
        }
        self.doc = self.current();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.words.iter().map(|w| w.size_hint()).max().unwrap_or(0)
    }

    fn cost(&self) -> u64 {
        self.words.iter().map(|w| w.cost()).sum()
    }
}

impl Scorer for OwnTextScorer {
    fn score(&mut self) -> Score {
        let own = f64::from(self.own);
        let mut sum = 0.0_f64;
        let mut any_own = false;
        for w in &mut self.words {
            if w.doc() != self.doc {
                continue;
            }
            let s = f64::from(w.score());
            if s >= own {
                any_own = true;
                sum += s - own;
            } else {
                sum += s;
            }
        }
        if any_own {
            sum += own;
        }
        sum as Score
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{ConstScoreQuery, TermQuery};
    use tantivy::schema::{IndexRecordOption, STRING, Schema};
    use tantivy::{Index, TantivyDocument};

    #[test]
    fn the_own_text_bonus_counts_once_and_words_still_add_up() {
        let mut b = Schema::builder();
        let f = b.add_text_field("w", STRING);
        let index = Index::create_in_ram(b.build());
        let mut w = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        // own-text forms are upper case, name-only forms lower case
        for words in ["A B", "a b", "A", "a B", "c"] {
            let mut doc = TantivyDocument::new();
            for word in words.split_whitespace() {
                doc.add_text(f, word);
            }
            w.add_document(doc).expect("add");
        }
        w.commit().expect("commit");
        let searcher = index.reader().expect("reader").searcher();
        let konst = |word: &str, score: f32| -> Box<dyn Query> {
            Box::new(ConstScoreQuery::new(
                Box::new(TermQuery::new(
                    Term::from_field_text(f, word),
                    IndexRecordOption::Basic,
                )),
                score,
            ))
        };
        let word = |own: &str, names: &str| -> Box<dyn Query> {
            Box::new(tantivy::query::DisjunctionMaxQuery::new(vec![
                konst(own, 1000.0 + 10.0),
                konst(names, 10.0),
            ]))
        };
        let q = OwnTextQuery::new(vec![word("A", "a"), word("B", "b")], 1000.0);
        let top = searcher
            .search(&q, &TopDocs::with_limit(10).order_by_score())
            .expect("search");
        let mut got: Vec<(u32, Score)> = top.iter().map(|(s, a)| (a.doc_id, *s)).collect();
        got.sort_by_key(|(d, _)| *d);
        assert_eq!(
            got,
            vec![(0, 1020.0), (1, 20.0), (2, 1010.0), (3, 1020.0)],
            "own text once per document, every word's own score added"
        );
        assert_eq!(searcher.search(&q, &Count).expect("count"), 4);
    }
}
