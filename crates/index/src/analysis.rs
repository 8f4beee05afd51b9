//! Text analysis: how titles, tags, names and descriptions become terms.
//!
//! Two views of every text are indexed:
//! - *folded*: split on non-alphanumerics, lower-cased, accents removed.
//!   Exact matches, phrases, typos and prefixes use it. Chinese and
//!   Japanese runs are indexed as their characters and overlapping
//!   bigrams ([`crate::cjk`]), so a word inside a title is found.
//! - *stemmed*: the same words reduced to their stem with the snowball
//!   stemmer of the document's language (English when the language is
//!   unknown or has no stemmer), then folded. A query word is stemmed with
//!   every stemmer and any of its stems may match, so the query's language
//!   need not be known.

use crate::cjk::{CjkTokenizer, Mode};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer, TokenStream, WhitespaceTokenizer,
};

/// Name under which the folded analyzer is registered.
pub const FOLDED: &str = "sepiola_folded";
/// Name under which the analyzer of pre-stemmed text is registered.
pub const STEMMED: &str = "sepiola_stemmed";
/// Tokens longer than this are dropped (they are noise or attacks).
const MAX_TOKEN_BYTES: usize = 60;

const STEMMERS: [(&str, Language); 19] = [
    ("ar", Language::Arabic),
    ("da", Language::Danish),
    ("nl", Language::Dutch),
    ("en", Language::English),
    ("fi", Language::Finnish),
    ("fr", Language::French),
    ("de", Language::German),
    ("el", Language::Greek),
    ("hu", Language::Hungarian),
    ("it", Language::Italian),
    ("no", Language::Norwegian),
    ("nb", Language::Norwegian),
    ("pt", Language::Portuguese),
    ("ro", Language::Romanian),
    ("ru", Language::Russian),
    ("es", Language::Spanish),
    ("sv", Language::Swedish),
    ("ta", Language::Tamil),
    ("tr", Language::Turkish),
];

/// The analyzers, built once and cloned per use (tantivy analyzers need
/// `&mut` to run).
#[derive(Clone)]
pub struct Analysis {
    folded: TextAnalyzer,
    folded_query: TextAnalyzer,
    lower: TextAnalyzer,
    stemmed_field: TextAnalyzer,
    stemmers: Vec<(&'static str, TextAnalyzer)>,
}

impl Default for Analysis {
    fn default() -> Self {
        Self::new()
    }
}

impl Analysis {
    /// Builds every analyzer.
    pub fn new() -> Analysis {
        // Chinese and Japanese runs become bigrams first (see `cjk`), so
        // the length limit never drops a whole sentence of them.
        let folded_with = |mode| {
            TextAnalyzer::builder(CjkTokenizer(mode))
                .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build()
        };
        let folded = folded_with(Mode::Index);
        let folded_query = folded_with(Mode::Query);
        let lower = TextAnalyzer::builder(CjkTokenizer(Mode::Query))
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser)
            .build();
        let stemmed_field = TextAnalyzer::builder(WhitespaceTokenizer::default())
            .filter(AsciiFoldingFilter)
            .build();
        let stemmers = STEMMERS
            .iter()
            .map(|(code, lang)| {
                let a = TextAnalyzer::builder(SimpleTokenizer::default())
                    .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
                    .filter(LowerCaser)
                    .filter(Stemmer::new(*lang))
                    .build();
                (*code, a)
            })
            .collect();
        Analysis {
            folded,
            folded_query,
            lower,
            stemmed_field,
            stemmers,
        }
    }

    /// Registers the analyzers a schema refers to by name.
    pub fn register(&self, index: &tantivy::Index) {
        index.tokenizers().register(FOLDED, self.folded.clone());
        index
            .tokenizers()
            .register(STEMMED, self.stemmed_field.clone());
    }

    /// The folded terms of a text, in order, as a query (and the exact-title
    /// key) reads it: Chinese and Japanese runs as their bigrams.
    pub fn folded_terms(&self, text: &str) -> Vec<String> {
        run(&mut self.folded_query.clone(), text)
    }

    /// Lower-cased words (accents kept), the input stemmers want.
    pub fn lower_words(&self, text: &str) -> Vec<String> {
        run(&mut self.lower.clone(), text)
    }

    /// A text as the stemmed field indexes it: stemmed words separated by
    /// spaces (the field's analyzer folds them).
    pub fn stemmed_text(&self, language: Option<&str>, text: &str) -> String {
        let code = language
            .filter(|l| self.stemmers.iter().any(|(c, _)| c == l))
            .unwrap_or("en");
        let mut out = String::with_capacity(text.len());
        if let Some((_, a)) = self.stemmers.iter().find(|(c, _)| *c == code) {
            let mut a = a.clone();
            let mut stream = a.token_stream(text);
            while stream.advance() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&stream.token().text);
            }
        }
        out
    }

    /// Every stem of one lower-cased query word across the stemmers, folded
    /// and de-duplicated.
    pub fn query_stems(&self, word: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (_, a) in &self.stemmers {
            for stem in run(&mut a.clone(), word) {
                for folded in run(&mut self.stemmed_field.clone(), &stem) {
                    if !out.contains(&folded) {
                        out.push(folded);
                    }
                }
            }
        }
        out
    }

    /// Every stem of one lower-cased query word, folded, with the language
    /// codes whose stemmer produces it (the ranking tells a stem of the
    /// document's own language from one only another language produces).
    pub fn query_stems_by_language(&self, word: &str) -> Vec<(String, Vec<&'static str>)> {
        let mut out: Vec<(String, Vec<&'static str>)> = Vec::new();
        for (code, a) in &self.stemmers {
            for stem in run(&mut a.clone(), word) {
                for folded in run(&mut self.stemmed_field.clone(), &stem) {
                    match out.iter_mut().find(|(s, _)| *s == folded) {
                        Some((_, codes)) => codes.push(code),
                        None => out.push((folded, vec![code])),
                    }
                }
            }
        }
        out
    }

    /// The language codes that have a stemmer (documents in any other
    /// language are stemmed as English, [`Analysis::stemmed_text`]).
    pub fn stemmer_codes(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.stemmers.iter().map(|(c, _)| *c)
    }

    /// Folds a whole text into one normalised string (for exact-title matches).
    pub fn folded_line(&self, text: &str) -> String {
        self.folded_terms(text).join(" ")
    }
}

fn run(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        let a = Analysis::new();
        assert_eq!(
            a.folded_terms("Élève À l'ÉCOLE"),
            vec!["eleve", "a", "l", "ecole"]
        );
    }

    #[test]
    fn stems_by_document_language_and_query_gets_every_stem() {
        let a = Analysis::new();
        assert_eq!(a.stemmed_text(Some("en"), "running cats"), "run cat");
        assert_eq!(a.stemmed_text(Some("fr"), "chevaux"), "cheval");
        // unknown languages are stemmed as English
        assert_eq!(a.stemmed_text(None, "videos"), "video");
        let stems = a.query_stems("chevaux");
        assert!(stems.contains(&"cheval".to_string()), "{stems:?}");
        let stems = a.query_stems("éléphants");
        assert!(stems.contains(&"elephant".to_string()), "{stems:?}");
        // by language: the French stem of « sécurité » is not the English one
        let by = a.query_stems_by_language("sécurité");
        let langs = |stem: &str| {
            by.iter()
                .find(|(s, _)| s == stem)
                .map(|(_, l)| l.clone())
                .unwrap_or_default()
        };
        assert!(langs("secur").contains(&"fr"), "{by:?}");
        assert!(!langs("secur").contains(&"en"), "{by:?}");
        assert_eq!(
            by.iter().map(|(_, l)| l.len()).sum::<usize>(),
            a.stemmer_codes().count()
        );
    }
}
