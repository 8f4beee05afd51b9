//! [`WordsQuery`]: every query word's forms and fields scored in one pass.
//!
//! A query word is found in several ways: as typed, by a stem, as a typo
//! or a prefix, in each text field. Each way scores its BM25 plus a tier
//! constant ([`crate::tiers`]); a word counts its best way, and a document
//! sums its words with the own-text bonus counted once (docs/ranking.md,
//! "The order"). Built from tantivy's stock queries that was three layers
//! of unions per matching document (a scorer per way adding its constant,
//! a maximum per word, a sum over the words), each a virtual call per
//! posting: at a million videos those layers were a third of the work of a
//! query. This scorer reads every way's postings straight into one window
//! of documents, keeping per document and word the best score so far, the
//! way tantivy's buffered union does for a single layer.

use std::fmt;
use std::sync::Arc;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25Weight, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

use crate::stem_languages::{self, Column};

/// Documents per window: the documents whose best scores are kept at once.
const WINDOW: u32 = 4096;
/// 64-bit words of the window's bitset.
const WINDOW_BUCKETS: usize = (WINDOW / 64) as usize;

/// What one way of finding a word matches.
pub enum Matcher {
    /// A term, scored by BM25 times `weight`.
    Term {
        /// The term (field and text).
        term: Term,
        /// The field's BM25 weight (times the stem factor for stems).
        weight: Score,
    },
    /// Any query, matched only (typos and prefixes score no BM25).
    Unscored(Box<dyn Query>),
    /// Any query, its own score added (the words as a phrase in the title).
    Scored(Box<dyn Query>),
}

impl Matcher {
    /// The documents this matcher matches, as a stand-alone query.
    pub fn query(&self) -> Box<dyn Query> {
        match self {
            Matcher::Term { term, .. } => Box::new(tantivy::query::TermQuery::new(
                term.clone(),
                IndexRecordOption::Basic,
            )),
            Matcher::Unscored(q) | Matcher::Scored(q) => q.box_clone(),
        }
    }
}

impl Clone for Matcher {
    fn clone(&self) -> Self {
        match self {
            Matcher::Term { term, weight } => Matcher::Term {
                term: term.clone(),
                weight: *weight,
            },
            Matcher::Unscored(q) => Matcher::Unscored(q.box_clone()),
            Matcher::Scored(q) => Matcher::Scored(q.box_clone()),
        }
    }
}

impl fmt::Debug for Matcher {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Matcher::Term { term, weight } => f
                .debug_struct("Term")
                .field("term", term)
                .field("weight", weight)
                .finish(),
            Matcher::Unscored(q) => f.debug_tuple("Unscored").field(q).finish(),
            Matcher::Scored(q) => f.debug_tuple("Scored").field(q).finish(),
        }
    }
}

/// An extra offset for documents stemmed in one of some languages: a stem
/// that is the document's own ranks above another language's.
#[derive(Debug, Clone)]
pub struct LanguageBonus {
    /// The kind's language field.
    pub field: Field,
    /// The stemmer codes, in the order the mask's bits refer to.
    pub codes: Arc<[&'static str]>,
    /// Index of `en` in `codes` (languages without a stemmer are English).
    pub english: u8,
    /// The languages (bits over `codes`) that earn the bonus.
    pub mask: u32,
    /// The bonus.
    pub extra: Score,
}

/// One way a word is found, and the constant it adds to its BM25.
#[derive(Debug, Clone)]
pub struct Way {
    /// What it matches.
    pub matcher: Matcher,
    /// The tiers it reaches (own text, word, level).
    pub offset: Score,
    /// The bonus for documents in its languages (stems).
    pub language: Option<LanguageBonus>,
}

/// Matches the documents any word or bonus is found in; scores, per
/// document, the sum over its words of each word's best way (its offset
/// plus BM25), with `own` (the own-text tier, which every way through the
/// document's own text carries) counted at most once, then each bonus
/// found (the whole title equal to the query, the words as a phrase).
#[derive(Debug, Clone)]
pub struct WordsQuery {
    /// The words' ways, then each bonus as a list of one way.
    slots: Vec<Vec<Way>>,
    words: usize,
    own: Score,
}

impl WordsQuery {
    /// The query of `words`, each a list of ways (a way scoring at least
    /// `own` is a match in the document's own text), and `bonuses`, each
    /// adding its score (below `own`) when found.
    pub fn new(words: Vec<Vec<Way>>, bonuses: Vec<Way>, own: Score) -> WordsQuery {
        let count = words.len();
        let mut slots = words;
        slots.extend(bonuses.into_iter().map(|b| vec![b]));
        WordsQuery {
            slots,
            words: count,
            own,
        }
    }

    /// Whether it has neither words nor bonuses (it matches nothing).
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
}

impl Query for WordsQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        // Typos, prefixes and the exact title only match: their weights
        // need no statistics (as under a constant score).
        let unscored = match enable_scoring.searcher() {
            Some(searcher) => EnableScoring::disabled_from_searcher(searcher),
            None => EnableScoring::disabled_from_schema(enable_scoring.schema()),
        };
        let mut ways = Vec::new();
        for (word, list) in self.slots.iter().enumerate() {
            for way in list {
                let matcher = match &way.matcher {
                    Matcher::Term { term, weight } => {
                        let bm25 = match enable_scoring {
                            EnableScoring::Enabled {
                                statistics_provider,
                                ..
                            } => Some((
                                Bm25Weight::for_terms(
                                    statistics_provider,
                                    std::slice::from_ref(term),
                                )?,
                                *weight,
                            )),
                            EnableScoring::Disabled { .. } => None,
                        };
                        WeightOf::Term {
                            term: term.clone(),
                            bm25,
                        }
                    }
                    Matcher::Unscored(q) => WeightOf::Other {
                        weight: q.weight(unscored)?,
                        scored: false,
                    },
                    Matcher::Scored(q) => WeightOf::Other {
                        weight: q.weight(enable_scoring)?,
                        scored: true,
                    },
                };
                ways.push(WayWeight {
                    word,
                    matcher,
                    offset: way.offset,
                    language: way.language.clone(),
                });
            }
        }
        Ok(Box::new(WordsWeight {
            ways,
            slots: self.slots.len(),
            words: self.words,
            own: self.own,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for way in self.slots.iter().flatten() {
            match &way.matcher {
                Matcher::Term { term, .. } => visitor(term, false),
                Matcher::Unscored(q) | Matcher::Scored(q) => q.query_terms(visitor),
            }
        }
    }
}

enum WeightOf {
    /// BM25 of the term and the way's weight (none when scoring is off).
    Term {
        term: Term,
        bm25: Option<(Bm25Weight, Score)>,
    },
    /// Another query's weight; `scored` when its score counts.
    Other {
        weight: Box<dyn Weight>,
        scored: bool,
    },
}

struct WayWeight {
    word: usize,
    matcher: WeightOf,
    offset: Score,
    language: Option<LanguageBonus>,
}

struct WordsWeight {
    ways: Vec<WayWeight>,
    slots: usize,
    words: usize,
    own: Score,
}

impl Weight for WordsWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let tier = |way: &WayWeight| -> tantivy::Result<Tier> {
            let bonus = match &way.language {
                Some(l) => Some(Bonus {
                    column: stem_languages::column(reader, l.field, &l.codes, l.english)?,
                    mask: l.mask,
                    extra: l.extra * boost,
                }),
                None => None,
            };
            Ok(Tier {
                slot: way.word,
                offset: way.offset * boost,
                bonus,
            })
        };
        let mut terms = Vec::new();
        let mut others = Vec::new();
        for way in &self.ways {
            match &way.matcher {
                WeightOf::Term { term, bm25 } => {
                    let field = term.field();
                    let option = if bm25.is_some() {
                        IndexRecordOption::WithFreqs
                    } else {
                        IndexRecordOption::Basic
                    };
                    let Some(postings) =
                        reader.inverted_index(field)?.read_postings(term, option)?
                    else {
                        continue;
                    };
                    let scoring = match bm25 {
                        Some((w, weight)) => Some((
                            w.boost_by(boost * weight),
                            reader
                                .fieldnorms_readers()
                                .get_field(field)?
                                .unwrap_or_else(|| FieldNormReader::constant(reader.max_doc(), 1)),
                        )),
                        None => None,
                    };
                    terms.push(TermWay {
                        postings,
                        scoring,
                        tier: tier(way)?,
                    });
                }
                WeightOf::Other { weight, scored } => others.push(OtherWay {
                    scorer: weight.scorer(reader, boost)?,
                    scored: *scored,
                    tier: tier(way)?,
                }),
            }
        }
        Ok(Box::new(WordsScorer::new(
            terms,
            others,
            Slots {
                all: self.slots,
                words: self.words,
                own: self.own * boost,
            },
            reader.max_doc(),
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut s = self.scorer(reader, 1.0)?;
        if s.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new(
            "words (best way per word, own text once)",
            s.score(),
        ))
    }
}

/// Where a way's score goes and the constant it adds.
struct Tier {
    slot: usize,
    offset: Score,
    bonus: Option<Bonus>,
}

struct Bonus {
    column: Column,
    mask: u32,
    extra: Score,
}

impl Tier {
    /// The way's score for `doc`, given its BM25.
    #[inline]
    fn score(&self, doc: DocId, bm25: Score) -> Score {
        let base = bm25 + self.offset;
        match &self.bonus {
            Some(b) => {
                let lang = b.column.get(doc as usize).copied().unwrap_or(u8::MAX);
                if lang < 32 && b.mask & (1 << lang) != 0 {
                    base + b.extra
                } else {
                    base
                }
            }
            None => base,
        }
    }
}

/// A term's postings, read without a scorer in between.
struct TermWay {
    postings: SegmentPostings,
    /// BM25 and the field's norms (none when scoring is off).
    scoring: Option<(Bm25Weight, FieldNormReader)>,
    tier: Tier,
}

/// Any other matcher: typos and prefixes score their tier alone, a
/// phrase its own score too.
struct OtherWay {
    scorer: Box<dyn Scorer>,
    scored: bool,
    tier: Tier,
}

/// The window: which documents from `start` on matched, and per document
/// and word the best score found so far (0 for none: every way's offset
/// is positive).
/// The slots kept per document: the words, then the bonuses.
struct Slots {
    /// Words and bonuses.
    all: usize,
    /// Words (the first `words` slots).
    words: usize,
    /// The own-text tier, counted once over the words.
    own: Score,
}

struct WordsScorer {
    terms: Vec<TermWay>,
    others: Vec<OtherWay>,
    slots: Slots,
    start: DocId,
    bits: Box<[u64; WINDOW_BUCKETS]>,
    best: Vec<Score>,
    bucket: usize,
    doc: DocId,
    score: Score,
}

impl WordsScorer {
    fn new(
        terms: Vec<TermWay>,
        others: Vec<OtherWay>,
        slots: Slots,
        max_doc: DocId,
    ) -> WordsScorer {
        // A window never holds more documents than the segment.
        let documents = WINDOW.min(max_doc) as usize;
        let mut s = WordsScorer {
            terms,
            others,
            best: vec![0.0; documents * slots.all],
            slots,
            start: 0,
            bits: Box::new([0; WINDOW_BUCKETS]),
            bucket: WINDOW_BUCKETS,
            doc: 0,
            score: 0.0,
        };
        s.terms.retain(|t| t.postings.doc() != TERMINATED);
        s.others.retain(|o| o.scorer.doc() != TERMINATED);
        s.advance();
        s
    }

    /// The smallest current document of the ways.
    fn next_doc(&self) -> Option<DocId> {
        let t = self.terms.iter().map(|t| t.postings.doc());
        let o = self.others.iter().map(|o| o.scorer.doc());
        t.chain(o).min()
    }

    /// Reads every way's documents below `start + WINDOW` into the window.
    fn refill(&mut self) -> bool {
        let Some(start) = self.next_doc() else {
            return false;
        };
        self.start = start;
        self.bucket = 0;
        let end = start.saturating_add(WINDOW);
        let stride = self.slots.all;
        let (bits, best) = (&mut *self.bits, &mut self.best);
        let mut note = |doc: DocId, slot: usize, score: Score| {
            let d = (doc - start) as usize;
            bits[d / 64] |= 1 << (d % 64);
            let slot = &mut best[d * stride + slot];
            if score > *slot {
                *slot = score;
            }
        };
        for t in &mut self.terms {
            let mut doc = t.postings.doc();
            while doc < end {
                let bm25 = match &t.scoring {
                    Some((w, norms)) => w.score(norms.fieldnorm_id(doc), t.postings.term_freq()),
                    None => 0.0,
                };
                note(doc, t.tier.slot, t.tier.score(doc, bm25));
                doc = t.postings.advance();
            }
        }
        for o in &mut self.others {
            let mut doc = o.scorer.doc();
            while doc < end {
                let own = if o.scored { o.scorer.score() } else { 0.0 };
                note(doc, o.tier.slot, o.tier.score(doc, own));
                doc = o.scorer.advance();
            }
        }
        self.terms.retain(|t| t.postings.doc() != TERMINATED);
        self.others.retain(|o| o.scorer.doc() != TERMINATED);
        true
    }

    /// The next matched document of the window, scored, its slots cleared.
    fn pop(&mut self) -> bool {
        while self.bucket < WINDOW_BUCKETS {
            let bits = self.bits[self.bucket];
            if bits == 0 {
                self.bucket += 1;
                continue;
            }
            let bit = bits.trailing_zeros();
            self.bits[self.bucket] = bits & (bits - 1);
            let d = self.bucket * 64 + bit as usize;
            self.doc = self.start + d as DocId;
            self.score = self.take(d);
            return true;
        }
        false
    }

    /// The score of window document `d`: each word's best, the own-text
    /// tier once (summed in f64: the tiers are far apart), then the bonuses
    /// found (in f32, as a union of the three added them); clears its slots.
    fn take(&mut self, d: usize) -> Score {
        let Slots { all, words, own } = self.slots;
        let slots = &mut self.best[d * all..(d + 1) * all];
        let own = f64::from(own);
        let mut sum = 0.0_f64;
        let mut any_own = false;
        for slot in &mut slots[..words] {
            let s = f64::from(*slot);
            *slot = 0.0;
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
        let mut score = sum as Score;
        for slot in &mut slots[words..] {
            score += *slot;
            *slot = 0.0;
        }
        score
    }

    /// Forgets the window's remaining documents (only their slots hold
    /// scores: popping a document clears its slots).
    fn clear(&mut self) {
        let words = self.slots.all;
        for bucket in self.bucket..WINDOW_BUCKETS {
            let mut rest = self.bits[bucket];
            while rest != 0 {
                let d = bucket * 64 + rest.trailing_zeros() as usize;
                self.best[d * words..(d + 1) * words].fill(0.0);
                rest &= rest - 1;
            }
            self.bits[bucket] = 0;
        }
        self.bucket = WINDOW_BUCKETS;
    }
}

impl DocSet for WordsScorer {
    fn advance(&mut self) -> DocId {
        loop {
            if self.pop() {
                return self.doc;
            }
            if !self.refill() {
                self.doc = TERMINATED;
                return TERMINATED;
            }
        }
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        if target < self.start.saturating_add(WINDOW) {
            // Inside the window: drop the documents below the target.
            let end = (target - self.start) as usize;
            while self.bucket < WINDOW_BUCKETS && self.bucket * 64 < end {
                let bits = self.bits[self.bucket];
                let below = if end >= (self.bucket + 1) * 64 {
                    bits
                } else {
                    bits & ((1u64 << (end % 64)) - 1)
                };
                let mut rest = below;
                while rest != 0 {
                    let d = self.bucket * 64 + rest.trailing_zeros() as usize;
                    self.best[d * self.slots.all..(d + 1) * self.slots.all].fill(0.0);
                    rest &= rest - 1;
                }
                self.bits[self.bucket] = bits & !below;
                if self.bits[self.bucket] == 0 {
                    self.bucket += 1;
                } else {
                    break;
                }
            }
            return self.advance();
        }
        self.clear();
        for t in &mut self.terms {
            if t.postings.doc() < target {
                t.postings.seek(target);
            }
        }
        for o in &mut self.others {
            if o.scorer.doc() < target {
                o.scorer.seek(target);
            }
        }
        self.terms.retain(|t| t.postings.doc() != TERMINATED);
        self.others.retain(|o| o.scorer.doc() != TERMINATED);
        self.advance()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        let t = self.terms.iter().map(|t| t.postings.size_hint());
        let o = self.others.iter().map(|o| o.scorer.size_hint());
        t.chain(o).max().unwrap_or(0)
    }

    fn cost(&self) -> u64 {
        let t = self.terms.iter().map(|t| t.postings.cost());
        let o = self.others.iter().map(|o| o.scorer.cost());
        t.chain(o).sum()
    }
}

impl Scorer for WordsScorer {
    fn score(&mut self) -> Score {
        self.score
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{Index, TantivyDocument};

    fn konst_way(field: Field, word: &str, offset: Score) -> Way {
        Way {
            matcher: Matcher::Unscored(Box::new(TermQuery::new(
                Term::from_field_text(field, word),
                IndexRecordOption::Basic,
            ))),
            offset,
            language: None,
        }
    }

    #[test]
    fn the_own_text_bonus_counts_once_and_each_word_counts_its_best_way() {
        // own-text forms are upper case, name-only forms lower case
        let (searcher, f) =
            crate::test_index::words_index("w", ["A B", "a b", "A", "a B", "c", "A a"]);
        let word = |own: &str, names: &str| {
            vec![konst_way(f, own, 1000.0 + 10.0), konst_way(f, names, 10.0)]
        };
        let q = WordsQuery::new(vec![word("A", "a"), word("B", "b")], Vec::new(), 1000.0);
        let top = searcher
            .search(&q, &TopDocs::with_limit(10).order_by_score())
            .expect("search");
        let mut got: Vec<(u32, Score)> = top.iter().map(|(s, a)| (a.doc_id, *s)).collect();
        got.sort_by_key(|(d, _)| *d);
        assert_eq!(
            got,
            vec![
                (0, 1020.0),
                (1, 20.0),
                (2, 1010.0),
                (3, 1020.0),
                (5, 1010.0)
            ],
            "own text once per document, every word's best way added once"
        );
        assert_eq!(searcher.search(&q, &Count).expect("count"), 5);
    }

    /// The same scores as tantivy's stock queries (a boosted term query per
    /// way, the maximum per word, the sum), over many windows, with seeks.
    #[test]
    fn scores_as_the_stock_queries_do_across_windows_and_seeks() {
        let mut b = Schema::builder();
        let title = b.add_text_field("title", TEXT);
        let body = b.add_text_field("body", TEXT);
        let index = Index::create_in_ram(b.build());
        let mut w = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        let vocab = ["cat", "dog", "bird", "fish"];
        for i in 0..20_000u32 {
            let mut doc = TantivyDocument::new();
            let pick = |k: u32| vocab[((i.wrapping_mul(2_654_435_761) >> k) % 4) as usize];
            doc.add_text(title, format!("{} {}", pick(3), pick(7)));
            if i % 3 == 0 {
                doc.add_text(body, format!("{} {} {}", pick(11), pick(13), pick(17)));
            }
            w.add_document(doc).expect("add");
        }
        w.commit().expect("commit");
        let searcher = index.reader().expect("reader").searcher();
        let ways = |word: &str| -> Vec<Way> {
            vec![
                Way {
                    matcher: Matcher::Term {
                        term: Term::from_field_text(title, word),
                        weight: 5.0,
                    },
                    offset: 3000.0,
                    language: None,
                },
                Way {
                    matcher: Matcher::Term {
                        term: Term::from_field_text(body, word),
                        weight: 1.0,
                    },
                    offset: 1000.0,
                    language: None,
                },
            ]
        };
        let stock = |word: &str| -> Box<dyn Query> {
            let per: Vec<Box<dyn Query>> = [(title, 5.0, 3000.0), (body, 1.0, 1000.0)]
                .into_iter()
                .map(|(f, weight, offset)| {
                    Box::new(crate::offset_query::OffsetQuery::new(
                        Box::new(tantivy::query::BoostQuery::new(
                            Box::new(TermQuery::new(
                                Term::from_field_text(f, word),
                                IndexRecordOption::WithFreqs,
                            )),
                            weight,
                        )),
                        offset,
                    )) as Box<dyn Query>
                })
                .collect();
            Box::new(tantivy::query::DisjunctionMaxQuery::new(per))
        };
        // the bonuses: the two words as a title phrase, a constant for a term
        let phrase = || -> Box<dyn Query> {
            Box::new(tantivy::query::BoostQuery::new(
                Box::new(tantivy::query::PhraseQuery::new(vec![
                    Term::from_field_text(title, "cat"),
                    Term::from_field_text(title, "fish"),
                ])),
                10.0,
            ))
        };
        let dog = || -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(title, "dog"),
                IndexRecordOption::Basic,
            ))
        };
        let bonuses = vec![
            Way {
                matcher: Matcher::Scored(phrase()),
                offset: 0.0,
                language: None,
            },
            Way {
                matcher: Matcher::Unscored(dog()),
                offset: 500.0,
                language: None,
            },
        ];
        let ours = WordsQuery::new(vec![ways("cat"), ways("fish")], bonuses, 1_000_000.0);
        let words = BooleanQuery::new(vec![
            (Occur::Should, stock("cat")),
            (Occur::Should, stock("fish")),
        ]);
        let theirs = BooleanQuery::new(vec![
            (Occur::Should, Box::new(words) as Box<dyn Query>),
            (Occur::Should, phrase()),
            (
                Occur::Should,
                Box::new(tantivy::query::ConstScoreQuery::new(dog(), 500.0)),
            ),
        ]);
        let all = |q: &dyn Query| -> Vec<(u32, Score)> {
            let mut v: Vec<(u32, Score)> = searcher
                .search(q, &TopDocs::with_limit(30_000).order_by_score())
                .expect("search")
                .into_iter()
                .map(|(s, a)| (a.doc_id, s))
                .collect();
            v.sort_by_key(|(d, _)| *d);
            v
        };
        let (a, b) = (all(&ours), all(&theirs));
        assert!(a.len() > 10_000, "{}", a.len());
        assert_eq!(a, b);
        // seeks inside and past the window land on the same documents
        let reader = searcher.segment_reader(0);
        let weight = ours
            .weight(EnableScoring::enabled_from_searcher(&searcher))
            .expect("weight");
        let mut s = weight.scorer(reader, 1.0).expect("scorer");
        for target in [5, 6, 700, 4100, 4101, 9000, 19_999] {
            let doc = s.seek(target);
            let want = a.iter().find(|(d, _)| *d >= target);
            assert_eq!(want.map(|(d, _)| *d), Some(doc), "seek {target}");
            assert_eq!(want.map(|(_, s)| *s), Some(s.score()));
        }
        assert_eq!(s.seek(30_000), TERMINATED);
    }
}
