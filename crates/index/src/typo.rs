//! Typo matching kept to the query word's script.
//!
//! A typo query walks the term dictionary with a Levenshtein automaton. One
//! edit at the start lets the automaton enter every first character the
//! dictionary holds, and Chinese and Japanese text (indexed as characters
//! and bigrams, see `cjk`) puts thousands of distinct first characters
//! there: every typo query of a Latin or Cyrillic word walked them all,
//! though no word of another script is a typo of it. [`TypoQuery`] stops the
//! walk at the first byte of a CJK or other wide character when the query
//! word has none, and matches the same terms as tantivy's `FuzzyTermQuery`
//! otherwise, but for the first letter: a typo there counts as two, as in
//! Meilisearch, so a word allowed one typo needs its first letter as typed
//! and a word allowed two may change its first letter and nothing else.
//! The automaton of a word is built once and shared by the fields it is
//! matched in ([`TypoQuery::in_field`]).

use std::fmt;
use std::sync::{Arc, OnceLock};

use tantivy::query::{AutomatonWeight, DfaWrapper, EnableScoring, FuzzyTermQuery, Query, Weight};
use tantivy::schema::Field;
use tantivy::{TantivyError, Term};
use tantivy_fst::Automaton;

/// UTF-8 lead bytes of characters from U+3000 on (CJK, kana, Hangul and
/// everything past the Basic Multilingual Plane's middle): E3–EF and F0–F4.
fn is_wide_lead(byte: u8) -> bool {
    (0xE3..=0xF4).contains(&byte)
}

/// Whether a word holds a character whose UTF-8 form starts with a wide lead byte.
fn has_wide(word: &str) -> bool {
    word.bytes().any(is_wide_lead)
}

/// A state no transition leaves and nothing matches from (no real DFA state is this big).
const DEAD: u32 = u32::MAX;
/// [`Walk::at`] once a term's first letter differs from the word's.
const MISMATCH: u8 = u8::MAX;

/// The Levenshtein automaton of a word, refusing terms with wide
/// characters when the word has none, and counting a typo in the first
/// letter as two (as Meilisearch does: people rarely mistype the first
/// letter, and a first letter that must match keeps the walk to one
/// branch of the dictionary instead of all of them).
struct SameScript {
    /// Within the word's distance, the first letter as typed.
    dfa: DfaWrapper,
    /// Within one edit, the first letter anything: for words allowed two
    /// typos, a first-letter typo uses both.
    one: Option<DfaWrapper>,
    /// The UTF-8 bytes of the first letter that `dfa` needs (empty: no rule).
    first: Vec<u8>,
    block_wide: bool,
}

/// Where a walk is in both automata and in the first letter.
#[derive(Clone)]
struct Walk {
    main: u32,
    one: u32,
    /// Bytes of the first letter matched so far, or [`MISMATCH`].
    at: u8,
}

impl SameScript {
    fn first_done(&self, at: u8) -> bool {
        at != MISMATCH && usize::from(at) >= self.first.len()
    }
}

impl Automaton for SameScript {
    type State = Walk;

    fn start(&self) -> Walk {
        Walk {
            main: self.dfa.start(),
            one: self.one.as_ref().map_or(DEAD, |d| d.start()),
            at: 0,
        }
    }

    fn is_match(&self, s: &Walk) -> bool {
        (s.main != DEAD && self.first_done(s.at) && self.dfa.is_match(&s.main))
            || (s.one != DEAD && self.one.as_ref().is_some_and(|d| d.is_match(&s.one)))
    }

    fn can_match(&self, s: &Walk) -> bool {
        (s.main != DEAD && self.dfa.can_match(&s.main))
            || (s.one != DEAD && self.one.as_ref().is_some_and(|d| d.can_match(&s.one)))
    }

    fn accept(&self, s: &Walk, byte: u8) -> Walk {
        if self.block_wide && is_wide_lead(byte) {
            return Walk {
                main: DEAD,
                one: DEAD,
                at: MISMATCH,
            };
        }
        let at = match self.first.get(usize::from(s.at)) {
            _ if s.at == MISMATCH => MISMATCH,
            Some(b) if *b == byte => s.at + 1,
            Some(_) => MISMATCH,
            None => s.at,
        };
        let main = if s.main == DEAD || at == MISMATCH {
            DEAD
        } else {
            self.dfa.accept(&s.main, byte)
        };
        // Once the first letter is as typed, the main automaton covers
        // everything the one-edit one could still match.
        let one = match &self.one {
            Some(d) if s.one != DEAD && !self.first_done(at) => d.accept(&s.one, byte),
            _ => DEAD,
        };
        Walk { main, one, at }
    }
}

/// Whether `term` is within `distance` typos of `word` as [`TypoQuery`]
/// counts them (a transposition one edit, a first-letter typo two): what a
/// snippet marks must be what the search matched.
pub(crate) fn within_typos(word: &str, term: &str, distance: u8) -> bool {
    let edits = strsim::osa_distance(word, term);
    if word.chars().next() == term.chars().next() {
        edits <= usize::from(distance)
    } else {
        distance >= 2 && edits <= 1
    }
}

/// The documents holding a term within `distance` edits of the word (or,
/// with `prefix`, a term starting within `distance` edits of it), a
/// transposition counting as one edit; matched, not scored.
#[derive(Clone)]
pub struct TypoQuery {
    term: Term,
    distance: u8,
    prefix: bool,
    /// The automaton, built by the first weight of any field and shared.
    automaton: Arc<OnceLock<Arc<SameScript>>>,
}

impl fmt::Debug for TypoQuery {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("TypoQuery")
            .field("term", &self.term)
            .field("distance", &self.distance)
            .field("prefix", &self.prefix)
            .finish()
    }
}

impl TypoQuery {
    /// Words within `distance` edits of `term`'s text.
    pub fn new(term: Term, distance: u8) -> TypoQuery {
        TypoQuery {
            term,
            distance,
            prefix: false,
            automaton: Arc::default(),
        }
    }

    /// Words starting with `term`'s text (no edits: `distance` 0).
    pub fn new_prefix(term: Term) -> TypoQuery {
        TypoQuery {
            prefix: true,
            ..TypoQuery::new(term, 0)
        }
    }

    /// The same word matched in another field, sharing its automaton
    /// (building a Levenshtein DFA costs more than walking a small dictionary).
    pub fn in_field(&self, field: Field) -> TypoQuery {
        let value = self.term.value();
        let text = value.as_str().unwrap_or_default();
        TypoQuery {
            term: Term::from_field_text(field, text),
            ..self.clone()
        }
    }

    fn automaton(&self) -> tantivy::Result<Arc<SameScript>> {
        if let Some(a) = self.automaton.get() {
            return Ok(Arc::clone(a));
        }
        let fuzzy = if self.prefix {
            FuzzyTermQuery::new_prefix(self.term.clone(), self.distance, true)
        } else {
            FuzzyTermQuery::new(self.term.clone(), self.distance, true)
        };
        let value = self.term.value();
        let text = value
            .as_str()
            .ok_or_else(|| TantivyError::InvalidArgument("a typo query needs text".into()))?;
        let typos = !self.prefix && self.distance > 0;
        let first = match text.chars().next() {
            Some(c) if typos => c.to_string().into_bytes(),
            _ => Vec::new(),
        };
        let one = if typos && self.distance >= 2 {
            Some(FuzzyTermQuery::new(self.term.clone(), 1, true).automaton()?)
        } else {
            None
        };
        let built = Arc::new(SameScript {
            dfa: fuzzy.automaton()?,
            one,
            first,
            block_wide: !has_wide(text),
        });
        Ok(Arc::clone(self.automaton.get_or_init(|| built)))
    }
}

impl Query for TypoQuery {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(AutomatonWeight::<SameScript>::new(
            self.term.field(),
            self.automaton()?,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::Count;
    use tantivy::schema::{STRING, Schema};
    use tantivy::{Index, TantivyDocument};

    /// A typo query of `word` in field "w" and its copy for field "v".
    fn b_field_query(index: &Index, word: &str) -> (TypoQuery, TypoQuery) {
        let schema = index.schema();
        let w = schema.get_field("w").expect("w");
        let v = schema.get_field("v").expect("v");
        let q = TypoQuery::new(Term::from_field_text(w, word), 1);
        let other = q.in_field(v);
        (q, other)
    }

    #[test]
    fn typos_match_as_fuzzy_queries_do_but_never_across_scripts() {
        let mut b = Schema::builder();
        let f = b.add_text_field("w", STRING);
        let v = b.add_text_field("v", STRING);
        let index = Index::create_in_ram(b.build());
        let mut w = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        for word in [
            "garden", "gardens", "gadren", "jardin", "g日rden", "日本", "本日", "日米",
        ] {
            let mut d = TantivyDocument::new();
            d.add_text(f, word);
            w.add_document(d).expect("add");
        }
        let mut d = TantivyDocument::new();
        d.add_text(v, "gardem");
        w.add_document(d).expect("add");
        w.commit().expect("commit");
        let s = index.reader().expect("reader").searcher();
        let count = |q: &dyn Query| s.search(q, &Count).expect("search");
        let t = |x: &str| Term::from_field_text(f, x);
        // garden, gardens, gadren (transposition); not jardin (2 edits), not g日rden.
        assert_eq!(count(&TypoQuery::new(t("garden"), 1)), 3);
        assert_eq!(count(&FuzzyTermQuery::new(t("garden"), 1, true)), 4);
        // A CJK word keeps its typos within CJK (本日 changes the first letter).
        assert_eq!(count(&TypoQuery::new(t("日本"), 1)), 2);
        assert_eq!(count(&TypoQuery::new_prefix(t("gard"))), 2);
        // A copy for another field shares the automaton and matches in its field.
        let g = b_field_query(&index, "garden");
        assert_eq!(count(&g.0), 3);
        assert_eq!(count(&g.1), 1);
        assert!(Arc::ptr_eq(&g.0.automaton, &g.1.automaton));
    }

    #[test]
    fn a_typo_in_the_first_letter_counts_as_two() {
        let words = [
            "tutorial",     // 0: the word
            "rutorial",     // 1: first letter changed
            "utorial",      // 2: first letter dropped
            "ttutorial",    // 3: first letter doubled
            "utTorial",     // 4: first two swapped (as typed below)
            "tutorail",     // 5: one swap inside
            "documentary",  // 6: the long word
            "focumentary",  // 7: first letter changed, rest as typed
            "focumentry",   // 8: first letter changed and one more edit
            "docmuentray",  // 9: two edits inside
            "ocumentary",   // 10: first letter dropped
            "édocumentary", // 11: a two-byte letter inserted first
        ];
        let (s, f) = crate::test_index::words_index("w", words);
        let matched = |word: &str, distance: u8| -> Vec<u32> {
            let q = TypoQuery::new(Term::from_field_text(f, word), distance);
            let mut v: Vec<u32> = s
                .search(&q, &tantivy::collector::DocSetCollector)
                .expect("search")
                .into_iter()
                .map(|a| a.doc_id)
                .collect();
            v.sort_unstable();
            v
        };
        // one typo: the first letter as typed
        assert_eq!(matched("tutorial", 1), vec![0, 3, 5]);
        // two typos: a first-letter typo uses both
        assert_eq!(matched("documentary", 2), vec![6, 7, 9, 10, 11]);
        // (ocumentary drops the first letter: one edit, counted two)
        assert_eq!(matched("focumentary", 2), vec![6, 7, 8, 10]);
    }
}
