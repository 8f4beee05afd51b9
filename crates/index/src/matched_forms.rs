//! [`MatchedForms`]: which words of a document's text a query matched, in
//! every form the search matches (docs/ranking.md, "How a query is read"),
//! so a results page can mark them: the word as typed (folded), any of
//! its stems, a typo of it, the start of a longer word for the last one.
//!
//! It reads the query as [`crate::text_query`] does (the same words, the
//! same typo and prefix lengths) and stems the document's word as the
//! index stemmed it (by the document's language), so what is marked is
//! what matched. One difference: typos are marked whatever the word's
//! frequency (the search stops looking for typos of words found exactly
//! in 500 documents or more; the page does not know that count).

use crate::analysis::Analysis;
use crate::cjk::is_cjk;
use crate::text_query::{
    Word, ends_in_word, read_words, split_phrases, typo_distance, words_without_links,
};

/// The query's words, ready to be compared with a document's words.
#[derive(Debug, Clone, Default)]
pub struct MatchedForms {
    words: Vec<FormsOf>,
}

#[derive(Debug, Clone)]
struct FormsOf {
    folded: String,
    stems: Vec<String>,
    prefix: bool,
    typos: Option<u8>,
}

impl From<Word> for FormsOf {
    fn from(w: Word) -> FormsOf {
        FormsOf {
            typos: typo_distance(w.folded.chars().count()).filter(|_| w.typos),
            stems: w.stems.into_iter().map(|(s, _)| s).collect(),
            folded: w.folded,
            prefix: w.prefix,
        }
    }
}

impl MatchedForms {
    /// Reads `query`: free words in every form, quoted words as typed only,
    /// pasted links not at all (the search does not read them as words).
    pub fn new(a: &Analysis, query: &str) -> MatchedForms {
        let query = words_without_links(query);
        let (free, phrases) = split_phrases(&query);
        let mut words: Vec<FormsOf> = read_words(a, &free, ends_in_word(&query))
            .into_iter()
            .map(FormsOf::from)
            .collect();
        for p in phrases {
            for folded in a.folded_terms(&p) {
                if !words.iter().any(|w| w.folded == folded) {
                    words.push(FormsOf {
                        folded,
                        stems: Vec::new(),
                        prefix: false,
                        typos: None,
                    });
                }
            }
        }
        MatchedForms { words }
    }

    /// Whether the query has nothing to match.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether `word`, one word of a document in `language` (its code;
    /// `None` when unknown), matches one of the query's words in some form.
    pub fn matches(&self, a: &Analysis, word: &str, language: Option<&str>) -> bool {
        let folded = a.folded_terms(word);
        if folded
            .iter()
            .any(|f| self.words.iter().any(|w| w.matches_folded(f)))
        {
            return true;
        }
        let stemmed = a.stemmed_text(language, &word.to_lowercase());
        a.folded_terms(&stemmed)
            .iter()
            .any(|s| self.words.iter().any(|w| w.stems.contains(s)))
    }
}

impl FormsOf {
    fn matches_folded(&self, f: &str) -> bool {
        f == self.folded
            || (self.prefix && f.starts_with(&self.folded))
            || self.typos.is_some_and(|d| {
                // the same script only, as the search (see `typo`)
                f.chars().any(is_cjk) == self.folded.chars().any(is_cjk)
                    && crate::typo::within_typos(&self.folded, f, d)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(query: &str, text: &str, language: Option<&str>) -> Vec<String> {
        let a = Analysis::new();
        let forms = MatchedForms::new(&a, query);
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && forms.matches(&a, w, language))
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn every_form_the_search_matches_is_found() {
        // as typed, case and accents folded
        assert_eq!(
            marked("ecole ", "L'École, une école", Some("fr")),
            ["École", "école"]
        );
        // a stem by the document's language (French sécurités → sécur, a stem of sécurité)
        assert_eq!(
            marked("sécurité ", "Les sécurités et la sûreté", Some("fr")),
            ["sécurités"]
        );
        // a stem only another language's stemmer gives the query (English security → secur)
        assert_eq!(
            marked("sécurité ", "Network security", Some("en")),
            ["security"]
        );
        // a typo (5 to 8 letters: one edit, a transposition counts one)
        assert_eq!(
            marked("tutorail ", "A tutorial and a tutor", Some("en")),
            ["tutorial"]
        );
        // a typo in the first letter counts as two, as in the search
        assert!(marked("rutorial ", "A tutorial", Some("en")).is_empty());
        assert_eq!(
            marked("jubernetes ", "Kubernetes, qubernetis", None),
            ["Kubernetes"]
        );
        // the last word as a prefix, not when the query ends with a space
        assert_eq!(
            marked("kubern", "Kubernetes in production", None),
            ["Kubernetes"]
        );
        assert!(marked("kubern ", "Kubernetes in production", None).is_empty());
        // quoted: as typed only
        assert_eq!(marked("\"cats\"", "cats and a cat", Some("en")), ["cats"]);
        assert_eq!(
            marked("cats ", "cats and a cat", Some("en")),
            ["cats", "cat"]
        );
    }

    #[test]
    fn a_pasted_link_marks_nothing_but_the_words_beside_it() {
        let text = "A tube example about gardens";
        assert!(marked("https://tube.example/c/garden_channel", text, Some("en")).is_empty());
        assert!(
            marked(
                "https://tube.example/w/kkGMgK9ZtnKfYAgnEtQxbv ",
                text,
                Some("en")
            )
            .is_empty()
        );
        assert_eq!(
            marked("https://tube.example/a/marie gardens ", text, Some("en")),
            ["gardens"]
        );
    }

    #[test]
    fn short_words_need_to_be_exact_and_other_words_stay_unmarked() {
        assert!(marked("rsut ", "Rust tutorial", Some("en")).is_empty());
        assert!(marked("garden ", "A walk in the park", Some("en")).is_empty());
        assert!(MatchedForms::new(&Analysis::new(), "  !? ").is_empty());
    }
}
