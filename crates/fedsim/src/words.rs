//! Embedded word-frequency lists (from wordfreq, CC-BY-SA 4.0) and a Zipf-like sampler over them,
//! so generated titles, descriptions and tags look like each language's real text.

use rand::Rng;
use std::sync::OnceLock;

/// A language fedsim writes content in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// French.
    Fr,
    /// German.
    De,
    /// Spanish.
    Es,
    /// Italian.
    It,
    /// Portuguese.
    Pt,
    /// Dutch.
    Nl,
    /// Russian.
    Ru,
    /// Japanese (written without spaces between words).
    Ja,
    /// Chinese (written without spaces; only in the realistic vocabulary, see
    /// [`crate::vocabulary`]).
    Zh,
}

impl Lang {
    /// Every language, in a fixed order (the order generation draws from).
    pub const ALL: [Lang; 9] = [
        Lang::En,
        Lang::Fr,
        Lang::De,
        Lang::Es,
        Lang::It,
        Lang::Pt,
        Lang::Nl,
        Lang::Ru,
        Lang::Ja,
    ];

    /// The PeerTube language id (ISO 639-1 code).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Es => "es",
            Lang::It => "it",
            Lang::Pt => "pt",
            Lang::Nl => "nl",
            Lang::Ru => "ru",
            Lang::Ja => "ja",
            Lang::Zh => "zh",
        }
    }

    /// The label PeerTube gives the language in API objects.
    pub fn label(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "French",
            Lang::De => "German",
            Lang::Es => "Spanish",
            Lang::It => "Italian",
            Lang::Pt => "Portuguese",
            Lang::Nl => "Dutch",
            Lang::Ru => "Russian",
            Lang::Ja => "Japanese",
            Lang::Zh => "Chinese",
        }
    }

    /// The label with a region, as the simulation's 8.2 instances send it.
    pub fn label_with_region(self) -> &'static str {
        match self {
            Lang::En => "English (United States)",
            Lang::Fr => "French (France)",
            Lang::De => "German (Germany)",
            Lang::Es => "Spanish (Spain)",
            Lang::It => "Italian (Italy)",
            Lang::Pt => "Portuguese (Brazil)",
            Lang::Nl => "Dutch (Netherlands)",
            Lang::Ru => "Russian (Russia)",
            Lang::Ja => "Japanese (Japan)",
            Lang::Zh => "Chinese (China)",
        }
    }

    /// Parses an ISO 639-1 code into a language fedsim knows.
    pub fn from_code(code: &str) -> Option<Lang> {
        crate::vocabulary::LANGS
            .into_iter()
            .find(|l| l.code() == code)
    }

    /// Whether words are separated by spaces in this language.
    pub fn spaced(self) -> bool {
        !matches!(self, Lang::Ja | Lang::Zh)
    }

    fn raw(self) -> &'static str {
        match self {
            Lang::En => include_str!("../data/words/en.txt"),
            Lang::Fr => include_str!("../data/words/fr.txt"),
            Lang::De => include_str!("../data/words/de.txt"),
            Lang::Es => include_str!("../data/words/es.txt"),
            Lang::It => include_str!("../data/words/it.txt"),
            Lang::Pt => include_str!("../data/words/pt.txt"),
            Lang::Nl => include_str!("../data/words/nl.txt"),
            Lang::Ru => include_str!("../data/words/ru.txt"),
            // Chinese has no small list (the small corpus never writes it).
            Lang::Ja | Lang::Zh => include_str!("../data/words/ja.txt"),
        }
    }

    /// The parsed word list of this language, built once.
    pub fn words(self) -> &'static WordList {
        if self == Lang::Zh || crate::vocabulary::realistic() {
            return crate::vocabulary::words(self);
        }
        static LISTS: OnceLock<Vec<WordList>> = OnceLock::new();
        let lists = LISTS.get_or_init(|| {
            Lang::ALL
                .iter()
                .map(|l| WordList::new(l.raw(), *l))
                .collect()
        });
        // ALL and the vector share their order, so the index always exists.
        let idx = Lang::ALL.iter().position(|l| *l == self).unwrap_or(0);
        &lists[idx]
    }
}

/// Words of one language, most frequent first, with cumulative Zipf weights for sampling.
#[derive(Debug)]
pub struct WordList {
    words: Vec<&'static str>,
    cumulative: Vec<f64>,
    /// Index of the first word considered a content word (not a stop-word) for tags.
    tag_start: usize,
    min_tag_chars: usize,
}

impl WordList {
    fn new(raw: &'static str, lang: Lang) -> WordList {
        let words: Vec<&'static str> = raw
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect();
        // Zipf with exponent 1: weight of rank r is 1/(r+1).
        let weights: Vec<f64> = (0..words.len()).map(|r| 1.0 / (r as f64 + 1.0)).collect();
        WordList::weighted(words, &weights, lang)
    }

    /// A list sampled by the given weights (one per word, most frequent first).
    pub(crate) fn weighted(words: Vec<&'static str>, weights: &[f64], lang: Lang) -> WordList {
        let mut cumulative = Vec::with_capacity(words.len());
        let mut acc = 0.0;
        for w in weights.iter().take(words.len()) {
            acc += w;
            cumulative.push(acc);
        }
        let (tag_start, min_tag_chars) = if lang.spaced() { (150, 4) } else { (60, 2) };
        WordList {
            words,
            cumulative,
            tag_start,
            min_tag_chars,
        }
    }

    /// Number of words in the list.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The word of a rank (0 = most frequent), if the list is that long.
    pub fn word(&self, rank: usize) -> Option<&'static str> {
        self.words.get(rank).copied()
    }

    /// Whether the list is empty (never, for the embedded lists).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Samples one word's rank with probability proportional to 1/rank.
    fn sample_rank<R: Rng>(&self, rng: &mut R) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let x = rng.random::<f64>() * total;
        self.cumulative
            .partition_point(|c| *c < x)
            .min(self.words.len().saturating_sub(1))
    }

    /// Samples one word with probability proportional to 1/rank.
    pub fn sample<R: Rng>(&self, rng: &mut R) -> &'static str {
        let idx = self.sample_rank(rng);
        self.words.get(idx).copied().unwrap_or("video")
    }

    /// Samples a content word: skips the most frequent words (stop-words) and very short ones.
    pub fn sample_content<R: Rng>(&self, rng: &mut R) -> &'static str {
        for _ in 0..32 {
            let rank = self.sample_rank(rng);
            let w = self.words.get(rank).copied().unwrap_or("video");
            if rank >= self.tag_start && w.chars().count() >= self.min_tag_chars {
                return w;
            }
        }
        let start = self.tag_start.min(self.words.len().saturating_sub(1));
        let idx = rng.random_range(start..self.words.len().max(start + 1));
        self.words.get(idx).copied().unwrap_or("video")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn every_language_has_words() {
        for l in Lang::ALL {
            assert!(l.words().len() >= 500, "{l:?}");
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
    }

    #[test]
    fn sampling_prefers_frequent_words() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let list = Lang::En.words();
        let n = 20_000;
        let the = (0..n).filter(|_| list.sample(&mut rng) == "the").count();
        // 1/H(2500) ≈ 12%.
        assert!(the > n / 20 && the < n / 5, "{the}");
    }

    #[test]
    fn content_words_skip_stop_words() {
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        for _ in 0..1000 {
            let w = Lang::Fr.words().sample_content(&mut rng);
            assert!(!["de", "la", "le", "et", "les"].contains(&w));
            assert!(w.chars().count() >= 4);
        }
    }
}
