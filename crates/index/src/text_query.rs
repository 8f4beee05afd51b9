//! From search text to a scoring query. The rules are a public promise,
//! written down in docs/ranking.md; the constants below are those rules.

use tantivy::Term;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query, RegexQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

use crate::analysis::Analysis;
use crate::embedded::ActorRole;
use crate::kinds::fields::TextField;
use crate::pasted_link::{ActorLink, ActorLinkKind, actor_link, regex_literal};
use crate::typo::TypoQuery;
use crate::word_query::WordQuery;

/// The ranking constants. A result's score is the sum of:
pub mod ranking {
    /// …this for every query word it contains in any form (exact, stem, typo
    /// or prefix): all words present always ranks above some words present;
    pub const WORD: f32 = 100_000.0;
    /// …this when the whole title equals the query (folded);
    pub const EXACT_TITLE: f32 = 20_000.0;
    /// …this when the result is in one of the `boostLanguages`;
    pub const LANGUAGE: f32 = 10_000.0;
    /// …this for every word it contains exactly or as a stem (not only as a
    /// typo or prefix);
    pub const EXACT_WORD: f32 = 5_000.0;
    /// …BM25 of the exact and stemmed words, weighted by field (title 5,
    /// tags 3, names 2, description 1; stems count 0.8 of that), plus the
    /// words as a phrase in the title (weight 10).
    pub const STEM_FACTOR: f32 = 0.8;
    /// Weight of the query words found as a phrase in the title.
    pub const TITLE_PHRASE: f32 = 10.0;
    /// A UUID or short UUID equal to the query puts its document first.
    pub const ID: f32 = 1_000_000.0;
    /// At most this many words of a query are used.
    pub const MAX_WORDS: usize = 16;
    /// Words of at least this many letters tolerate one typo…
    pub const TYPO1_MIN_CHARS: usize = 5;
    /// …and of at least this many, two.
    pub const TYPO2_MIN_CHARS: usize = 9;
    /// The last word matches as a prefix when it has at least this many letters.
    pub const PREFIX_MIN_CHARS: usize = 3;
    /// The last word's prefix matching lists the index's words that start
    /// with it when there are at most this many (per field and segment).
    pub const PREFIX_MAX_TERMS: usize = 64;
    /// A word found exactly in at least this many documents is taken as
    /// spelled right: typo matching is for rare and misspelled words (and
    /// walking the term dictionary for typos of common words is what costs
    /// most on a large index).
    pub const TYPO_MAX_EXACT_DOCS: u64 = 500;
}

/// The fields a kind's text search uses.
pub struct TextSpec<'a> {
    /// Weighted text fields.
    pub fields: &'a [TextField],
    /// Hash of the folded whole title.
    pub name_exact: Field,
    /// UUID field, if the kind has one (shortUUIDs are looked up there too).
    pub uuid: Option<Field>,
    /// The document's own handle `name@host`, when a pasted channel link
    /// names the document itself (channels).
    pub own_handle: Option<Field>,
    /// The embedded-actor terms ([`crate::embedded`]): a pasted channel or
    /// account link finds the documents that embed that actor.
    pub actors: Field,
}

struct Word {
    folded: String,
    stems: Vec<String>,
    prefix: bool,
    typos: bool,
}

/// Builds the scoring query for `search`. Text with nothing searchable in
/// it (only punctuation, say) matches nothing.
pub fn build(
    a: &Analysis,
    search: &str,
    spec: &TextSpec,
    doc_freq: &dyn Fn(&Term) -> u64,
    prefixed: &dyn Fn(Field, &str) -> Option<Vec<String>>,
) -> Box<dyn Query> {
    let links = read_links(search, spec);
    let has_id = links.found;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = links.clauses;
    let search = links.words.as_str();
    let (free, phrases) = split_phrases(search);

    let ends_in_word = search.chars().last().is_some_and(|c| c.is_alphanumeric());
    let mut words: Vec<Word> = Vec::new();
    for lower in a.lower_words(&free).into_iter().take(ranking::MAX_WORDS) {
        for folded in a.folded_terms(&lower) {
            if words.iter().any(|w| w.folded == folded) {
                continue;
            }
            let exact: u64 = spec
                .fields
                .iter()
                .filter(|f| f.loose)
                .map(|f| doc_freq(&Term::from_field_text(f.folded, &folded)))
                .sum();
            words.push(Word {
                stems: a.query_stems(&lower),
                typos: exact < ranking::TYPO_MAX_EXACT_DOCS,
                folded,
                prefix: false,
            });
        }
    }
    if ends_in_word && let Some(last) = words.last_mut() {
        last.prefix = last.folded.chars().count() >= ranking::PREFIX_MIN_CHARS;
    }
    for w in &words {
        clauses.push((Occur::Should, word_query(w, spec, prefixed)));
    }
    if words.len() >= 2 {
        let terms: Vec<Term> = words
            .iter()
            .map(|w| Term::from_field_text(spec.fields[0].folded, &w.folded))
            .collect();
        clauses.push((
            Occur::Should,
            Box::new(BoostQuery::new(
                Box::new(PhraseQuery::new(terms)),
                ranking::TITLE_PHRASE,
            )),
        ));
    }
    let whole = a.folded_line(&search.replace('"', " "));
    if !whole.is_empty() {
        clauses.push((
            Occur::Should,
            konst(
                Box::new(TermQuery::new(
                    Term::from_field_u64(spec.name_exact, crate::kinds::fields::key_hash(&whole)),
                    IndexRecordOption::Basic,
                )),
                ranking::EXACT_TITLE,
            ),
        ));
    }
    let mut has_phrase = false;
    for p in phrases {
        let terms = a.folded_terms(&p);
        if let Some(q) = phrase_query(&terms, spec) {
            clauses.push((Occur::Must, q));
            has_phrase = true;
        }
    }
    if words.is_empty() && !has_id && !has_phrase {
        return Box::new(EmptyQuery);
    }
    Box::new(BooleanQuery::new(clauses))
}

/// What a search's ids and pasted links stand for.
struct Links {
    /// The exact clauses (ID score) of the ids and actors named.
    clauses: Vec<(Occur, Box<dyn Query>)>,
    /// Whether any was looked up on this kind.
    found: bool,
    /// The search without the links, to be read as words.
    words: String,
}

/// Identifiers, looked up exactly: a uuid or shortUUID, alone or as a
/// segment of a pasted watch URL (`/w/<shortUUID>`, `/videos/watch/<uuid>`,
/// `/w/p/…`), and the channel or account a pasted `/c/…` or `/a/…` link
/// names. A URL that names one is not read as words too, whatever the kind
/// (its host and path would match junk); a bare id is also a word.
fn read_links(search: &str, spec: &TextSpec) -> Links {
    let mut links = Links {
        clauses: Vec::new(),
        found: false,
        words: String::new(),
    };
    let mut rest: Vec<&str> = Vec::new();
    for raw in search.split_whitespace().take(ranking::MAX_WORDS) {
        let token = raw.trim_matches('"');
        if let Some(link) = actor_link(token) {
            if let Some(q) = actor_query(&link, spec) {
                links.clauses.push((Occur::Should, konst(q, ranking::ID)));
                links.found = true;
            }
            continue;
        }
        let ids: Vec<String> = id_candidates(token)
            .filter_map(|c| {
                sepiola_model::ids::normalize_uuid(c).or_else(|| {
                    looks_like_short_uuid(c)
                        .then(|| sepiola_model::short_uuid::to_uuid(c))
                        .flatten()
                })
            })
            .collect();
        if !ids.is_empty()
            && let Some(f) = spec.uuid
        {
            for uuid in &ids {
                links
                    .clauses
                    .push((Occur::Should, konst(term(f, uuid), ranking::ID)));
            }
            links.found = true;
        }
        if ids.is_empty() || !token.contains('/') {
            rest.push(raw);
        }
    }
    links.words = if rest.len() == search.split_whitespace().count() {
        search.to_string()
    } else {
        rest.join(" ")
    };
    links
}

/// Splits `"quoted phrases"` from the free words.
fn split_phrases(search: &str) -> (String, Vec<String>) {
    let mut free = String::new();
    let mut phrases = Vec::new();
    for (i, part) in search.split('"').enumerate() {
        // Odd parts are inside quotes, unless the last quote is unclosed.
        let closed = search.matches('"').count() > i;
        if i % 2 == 1 && closed {
            if !part.trim().is_empty() {
                phrases.push(part.to_string());
            }
        } else {
            free.push_str(part);
            free.push(' ');
        }
    }
    (free.trim_end().to_string(), phrases)
}

/// The token itself, and when it is a URL or a path, its path segments
/// (last first): where a watch link carries the id.
fn id_candidates(token: &str) -> impl Iterator<Item = &str> {
    let path = token
        .split_once("://")
        .map_or(token, |(_, rest)| rest)
        .split(['?', '#'])
        .next()
        .unwrap_or("");
    let segments: Vec<&str> = if token.contains('/') {
        path.rsplit('/').filter(|s| !s.is_empty()).take(4).collect()
    } else {
        Vec::new()
    };
    std::iter::once(token).chain(segments)
}

/// The documents a pasted channel or account link stands for: the channel
/// itself (kinds with their own handle), else the documents embedding the
/// actor (a channel's videos and playlists, an account's videos, channels
/// and playlists). With a host in the link the handle must be that host's;
/// without, any host's actor of that name. None when the kind has neither.
fn actor_query(link: &ActorLink, spec: &TextSpec) -> Option<Box<dyn Query>> {
    let (field, prefix) = match (link.kind, spec.own_handle) {
        (ActorLinkKind::Channel, Some(own)) => (own, String::new()),
        (ActorLinkKind::Channel, None) => (spec.actors, embedded_prefix(ActorRole::Channel)),
        (ActorLinkKind::Account, _) => (spec.actors, embedded_prefix(ActorRole::Account)),
    };
    match link.handle() {
        Some(handle) => Some(term(field, &format!("{prefix}{handle}"))),
        None => {
            // `name@` then any host (no space: not a copy's hash term).
            let pattern = format!("{}@[^ ]+", regex_literal(&format!("{prefix}{}", link.name)));
            RegexQuery::from_pattern(&pattern, field)
                .ok()
                .map(|q| Box::new(q) as Box<dyn Query>)
        }
    }
}

/// The start of the embedded-actor term of `role` (`channel `, `account `).
fn embedded_prefix(role: ActorRole) -> String {
    crate::embedded::handle_term(role, "")
}

fn looks_like_short_uuid(s: &str) -> bool {
    (16..=30).contains(&s.len())
        && s.chars().all(|c| c.is_ascii_alphanumeric())
        && s.chars().any(|c| c.is_ascii_digit())
        && s.chars().any(|c| c.is_ascii_uppercase())
}

fn term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

fn konst(q: Box<dyn Query>, score: f32) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(q, score))
}

fn scored_term(field: Field, value: &str, weight: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::WithFreqs,
        )),
        weight,
    ))
}

fn word_query(
    w: &Word,
    spec: &TextSpec,
    prefixed: &dyn Fn(Field, &str) -> Option<Vec<String>>,
) -> Box<dyn Query> {
    let mut exact: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut loose: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let len = w.folded.chars().count();
    // One automaton per word, shared by the loose fields (built on first use).
    let loose_field = spec.fields.iter().find(|f| f.loose).map(|f| f.folded);
    let typo = loose_field
        .filter(|_| w.typos && len >= ranking::TYPO1_MIN_CHARS)
        .map(|f| {
            let d = if len >= ranking::TYPO2_MIN_CHARS {
                2
            } else {
                1
            };
            TypoQuery::new(Term::from_field_text(f, &w.folded), d)
        });
    let prefix = loose_field
        .filter(|_| w.prefix)
        .map(|f| TypoQuery::new_prefix(Term::from_field_text(f, &w.folded)));
    for f in spec.fields {
        exact.push((Occur::Should, scored_term(f.folded, &w.folded, f.weight)));
        for s in &w.stems {
            exact.push((
                Occur::Should,
                scored_term(f.stemmed, s, f.weight * ranking::STEM_FACTOR),
            ));
        }
        if !f.loose {
            continue;
        }
        if let Some(typo) = &typo {
            loose.push((Occur::Should, Box::new(typo.in_field(f.folded))));
        }
        if let Some(prefix) = &prefix {
            // The words of the index that start with it, when there are few
            // (their postings are cheaper than an automaton's bitset over
            // every document); else the automaton.
            match prefixed(f.folded, &w.folded) {
                Some(found) => loose.extend(
                    found
                        .iter()
                        .filter(|x| **x != w.folded)
                        .map(|x| (Occur::Should, term(f.folded, x))),
                ),
                None => loose.push((Occur::Should, Box::new(prefix.in_field(f.folded)))),
            }
        }
    }
    let exact: Box<dyn Query> = Box::new(BooleanQuery::new(exact));
    let loose: Option<Box<dyn Query>> = match loose.len() {
        0 => None,
        1 => loose.pop().map(|(_, q)| q),
        _ => Some(Box::new(BooleanQuery::new(loose))),
    };
    Box::new(WordQuery::new(
        exact,
        loose,
        ranking::WORD + ranking::EXACT_WORD,
        ranking::WORD,
    ))
}

fn phrase_query(terms: &[String], spec: &TextSpec) -> Option<Box<dyn Query>> {
    match terms {
        [] => None,
        [one] => {
            let w = Word {
                folded: one.clone(),
                stems: Vec::new(),
                prefix: false,
                typos: false,
            };
            // A quoted single word: exact only, no typo or prefix.
            let mut exact: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for f in spec.fields {
                exact.push((Occur::Should, scored_term(f.folded, &w.folded, f.weight)));
            }
            Some(Box::new(WordQuery::new(
                Box::new(BooleanQuery::new(exact)),
                None,
                ranking::WORD + ranking::EXACT_WORD,
                0.0,
            )))
        }
        many => {
            let mut per_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for f in spec.fields {
                let terms: Vec<Term> = many
                    .iter()
                    .map(|t| Term::from_field_text(f.folded, t))
                    .collect();
                per_field.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(PhraseQuery::new(terms)), f.weight)),
                ));
            }
            let bonus = (ranking::WORD + ranking::EXACT_WORD) * many.len() as f32;
            Some(Box::new(WordQuery::new(
                Box::new(BooleanQuery::new(per_field)),
                None,
                bonus,
                0.0,
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_split_from_free_words() {
        let (free, phrases) = split_phrases(r#"cats "big dog" birds"#);
        assert_eq!(phrases, vec!["big dog"]);
        assert_eq!(
            free.split_whitespace().collect::<Vec<_>>(),
            vec!["cats", "birds"]
        );
        // an unclosed quote is just text
        let (free, phrases) = split_phrases(r#"cats "big dog"#);
        assert!(phrases.is_empty());
        assert!(free.contains("big dog"));
    }

    #[test]
    fn short_uuids_are_recognised() {
        assert!(looks_like_short_uuid("kkGMgK9ZtnKfYAgnEtQxbv"));
        assert!(!looks_like_short_uuid("hello"));
        assert!(!looks_like_short_uuid("documentaries"));
    }
}
