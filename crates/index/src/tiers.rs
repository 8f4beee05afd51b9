//! The ranking tiers of a text search (docs/ranking.md, "The order").
//!
//! A result's score is a sum of tiers, each larger than the most that all
//! tiers below it can add up to for the query's number of words, so the
//! tiers decide in order and BM25 only breaks ties within the last one. The
//! sizes grow with the number of words (a 16-word query needs larger steps
//! than a one-word query), which keeps the scores of short queries small
//! enough for `f32` to still tell BM25 values apart.
//!
//! Per query word, the best *form* it is found in, then the best *field*
//! of that form, gives the word's level (`4 × form + field tier`, 0 to 15):
//!
//! | form | | field tier | |
//! |---|---|---|---|
//! | as typed (folded) | 3 | title | 3 |
//! | stem by the document's language | 2 | tags | 2 |
//! | stem only another language gives | 1 | description | 1 |
//! | typo or prefix | 0 | channel, account names; places | 0 |

use tantivy::schema::Field;

/// How a word was found in a document, best last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Form {
    /// A typo or a prefix of a longer word.
    Loose = 0,
    /// A stem that only the stemmer of a language other than the
    /// document's produces from the query word.
    OtherStem = 1,
    /// The stem the document's language gives the query word.
    OwnStem = 2,
    /// The word as typed (case and accents folded).
    Exact = 3,
}

/// How a kind's documents were stemmed: what "the document's language"
/// is when ranking a stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StemmedIn {
    /// By the language in this field (its code, or `_unknown`; a language
    /// without a stemmer was stemmed as English).
    LanguageField(Field),
    /// Always as English (kinds without a language: channels, playlists).
    English,
    /// By a language the index does not keep a field for (events): every
    /// stem counts as the document's own.
    Unrecorded,
}

/// Bound on BM25 (plus the title phrase) per query word: the room the
/// language boost and the levels keep above it.
const BM25_PER_WORD: f32 = 500.0;

/// The sizes of the tiers for a query of `words` words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tiers {
    words: f32,
}

impl Tiers {
    /// Tiers for `words` query words (free words and quoted phrases; at
    /// least one is assumed, at most 64 counted).
    pub fn for_words(words: usize) -> Tiers {
        Tiers {
            words: words.clamp(1, 64) as f32,
        }
    }

    /// `boostLanguages`: above every BM25 sum.
    pub fn language(&self) -> f32 {
        BM25_PER_WORD * (self.words + 1.0)
    }

    /// One level step: above the language boost plus BM25.
    fn unit(&self) -> f32 {
        2.0 * self.language()
    }

    /// Highest sum of the words' levels.
    fn levels_max(&self) -> f32 {
        15.0 * self.words * self.unit()
    }

    /// A word's level for its best form and the tier of the field it was
    /// found in that form.
    pub fn level(&self, form: Form, field_tier: u32) -> f32 {
        (4 * form as u32 + field_tier.min(3)) as f32 * self.unit()
    }

    /// The whole title equals the query: above every sum of levels.
    pub fn exact_title(&self) -> f32 {
        self.levels_max() + self.unit()
    }

    /// Each query word found, in any form: above the exact title and
    /// every level together, so more words found always ranks first.
    pub fn word(&self) -> f32 {
        self.exact_title() + self.levels_max() + self.unit()
    }

    /// The document matches through its own text (not only through
    /// channel or account names), counted once: above all words together.
    pub fn own_text(&self) -> f32 {
        (self.words + 1.0) * self.word()
    }

    /// An identifier in the query names the document: above everything.
    pub fn id(&self) -> f32 {
        3.0 * self.own_text()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tier_outweighs_everything_below_it() {
        for n in [1, 2, 5, 16] {
            let t = Tiers::for_words(n);
            let w = n as f32;
            let bm25 = BM25_PER_WORD * w;
            let best_level = t.level(Form::Exact, 3);
            assert!(t.level(Form::Loose, 1) > t.language() + bm25);
            assert!(t.level(Form::Exact, 0) > t.level(Form::OwnStem, 3) + t.language() + bm25);
            assert!(t.level(Form::OwnStem, 0) > t.level(Form::OtherStem, 3));
            assert!(t.exact_title() > w * best_level + t.language() + bm25);
            let below_word = t.exact_title() + w * best_level + t.language() + bm25;
            assert!(t.word() > below_word, "{n}");
            assert!(t.own_text() > w * t.word() + below_word, "{n}");
            // a word's score stays under the own-text bonus (WordsQuery
            // reads it so)
            assert!(t.word() + best_level + bm25 < t.own_text());
            assert!(t.id() > t.own_text() + w * t.word() + below_word);
        }
    }
}
