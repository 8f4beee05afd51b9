//! From search text to a scoring query. The rules are a public promise,
//! written down in docs/ranking.md; the constants below are those rules.

use std::sync::Arc;

use tantivy::Term;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, EmptyQuery, Occur, PhraseQuery,
    Query, RegexQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

use crate::analysis::Analysis;
use crate::embedded::ActorRole;
use crate::kinds::fields::TextField;
use crate::offset_query::OffsetQuery;
use crate::pasted_link::{ActorLink, ActorLinkKind, actor_link, regex_literal};
use crate::stem_languages;
use crate::tiers::{Form, StemmedIn, Tiers};
use crate::typo::TypoQuery;
use crate::words_query::{LanguageBonus, Matcher, Way, WordsQuery};

/// The constants of query reading; the score tiers are in `tiers.rs`
/// (docs/ranking.md).
pub mod ranking {
    /// BM25 of a stem counts this much of the field's weight.
    pub const STEM_FACTOR: f32 = 0.8;
    /// Weight of the query words found as a phrase in the title.
    pub const TITLE_PHRASE: f32 = 10.0;
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
    /// How the kind's documents were stemmed (for the stem tiers).
    pub stemmed_in: StemmedIn,
    /// The embedded-actor terms ([`crate::embedded`]): a pasted channel or
    /// account link, or a query naming a channel or an account by its
    /// handle, finds their documents there.
    pub actors: Field,
}

/// What the query builder asks of the index.
pub struct Lookups<'a> {
    /// How many documents hold a term.
    pub doc_freq: &'a dyn Fn(&Term) -> u64,
    /// The terms of a field starting with a prefix, when there are few.
    pub prefixed: &'a dyn Fn(Field, &str) -> Option<Vec<String>>,
}

/// A built text query and the tiers it scores with.
pub struct Built {
    /// The scoring query.
    pub query: Box<dyn Query>,
    /// The tier sizes for this query (the language boost is one of them).
    pub tiers: Tiers,
}

/// One query word as the search reads it.
pub(crate) struct Word {
    /// Folded (case and accents removed).
    pub folded: String,
    /// Its stems by every stemmer, with the languages giving each.
    pub stems: Vec<(String, Vec<&'static str>)>,
    /// Also matched as the start of a longer word (the last word).
    pub prefix: bool,
    /// Also matched with typos (when rare enough, see [`typo_distance`]).
    pub typos: bool,
}

/// The free words of a query, in order, at most [`ranking::MAX_WORDS`],
/// each once; the last one a prefix when the query ends in it and it is
/// long enough. Typos are allowed until the index says the word is common.
pub(crate) fn read_words(a: &Analysis, free: &str, ends_in_word: bool) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    for lower in a.lower_words(free).into_iter().take(ranking::MAX_WORDS) {
        for folded in a.folded_terms(&lower) {
            if words.iter().any(|w| w.folded == folded) {
                continue;
            }
            words.push(Word {
                stems: a.query_stems_by_language(&lower),
                typos: true,
                folded,
                prefix: false,
            });
        }
    }
    if ends_in_word && let Some(last) = words.last_mut() {
        last.prefix = last.folded.chars().count() >= ranking::PREFIX_MIN_CHARS;
    }
    words
}

/// Whether the query ends inside a word (no space after it): the last word
/// may be incomplete.
pub(crate) fn ends_in_word(search: &str) -> bool {
    search.chars().last().is_some_and(|c| c.is_alphanumeric())
}

/// How many typos a word of `chars` letters tolerates (none below
/// [`ranking::TYPO1_MIN_CHARS`]).
pub(crate) fn typo_distance(chars: usize) -> Option<u8> {
    if chars >= ranking::TYPO2_MIN_CHARS {
        Some(2)
    } else if chars >= ranking::TYPO1_MIN_CHARS {
        Some(1)
    } else {
        None
    }
}

/// One way a word can be found: a matcher over one field, the form it finds.
struct Found {
    matcher: Matcher,
    form: Form,
    field: TextField,
    /// For a stem: the language field and the stemmers (bits over the
    /// stemmer codes) for which it is the document's own stem, raising it
    /// from [`Form::OtherStem`] to [`Form::OwnStem`].
    own_if: Option<(Field, u32)>,
}

/// Builds the scoring query for `search`. Text with nothing searchable in
/// it (only punctuation, say) matches nothing. With `own_text_only` (sorts
/// other than relevance), documents that match only through channel or
/// account names are left out, unless the query names that channel or
/// account by its handle (docs/ranking.md).
pub fn build(
    a: &Analysis,
    search: &str,
    spec: &TextSpec,
    lookups: &Lookups,
    own_text_only: bool,
) -> Built {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();

    let links = read_links(search, spec);
    let has_id = !links.named.is_empty();
    let search = links.words.as_str();
    let (free, phrases) = split_phrases(search);

    let mut words = read_words(a, &free, ends_in_word(search));
    for w in &mut words {
        let exact: u64 = spec
            .fields
            .iter()
            .filter(|f| f.loose)
            .map(|f| (lookups.doc_freq)(&Term::from_field_text(f.folded, &w.folded)))
            .sum();
        w.typos = exact < ranking::TYPO_MAX_EXACT_DOCS;
    }
    let phrase_terms: Vec<Vec<String>> = phrases
        .iter()
        .map(|p| a.folded_terms(p))
        .filter(|t| !t.is_empty())
        .collect();
    let tiers = Tiers::for_words(words.len() + phrase_terms.len());
    for named in &links.named {
        clauses.push((Occur::Should, konst(named.box_clone(), tiers.id())));
    }
    let codes: Arc<[&'static str]> = a.stemmer_codes().collect();
    let found: Vec<Vec<Found>> = words
        .iter()
        .map(|w| word_forms(w, spec, &codes, lookups))
        .collect();
    if own_text_only && !found.is_empty() && spec.fields.iter().any(|f| !f.role.own()) {
        clauses.push((
            Occur::Must,
            konst(
                own_text_or_named(&found, spec, search, lookups, &links.named),
                0.0,
            ),
        ));
    }
    let scored: Vec<Vec<Way>> = found
        .into_iter()
        .map(|forms| word_ways(forms, &tiers, &codes))
        .collect();
    // The bonuses ride in the same scorer: the words as a phrase in the
    // title, the whole title equal to the query.
    let mut bonuses: Vec<Way> = Vec::new();
    if words.len() >= 2 {
        let terms: Vec<Term> = words
            .iter()
            .map(|w| Term::from_field_text(spec.fields[0].folded, &w.folded))
            .collect();
        bonuses.push(Way {
            matcher: Matcher::Scored(Box::new(BoostQuery::new(
                Box::new(PhraseQuery::new(terms)),
                ranking::TITLE_PHRASE,
            ))),
            offset: 0.0,
            language: None,
        });
    }
    let whole = a.folded_line(&search.replace('"', " "));
    if !whole.is_empty() {
        bonuses.push(Way {
            matcher: Matcher::Unscored(Box::new(TermQuery::new(
                Term::from_field_u64(spec.name_exact, crate::kinds::fields::key_hash(&whole)),
                IndexRecordOption::Basic,
            ))),
            offset: tiers.exact_title(),
            language: None,
        });
    }
    let scoring = WordsQuery::new(scored, bonuses, tiers.own_text());
    if !scoring.is_empty() {
        clauses.push((Occur::Should, Box::new(scoring)));
    }
    let has_phrase = !phrase_terms.is_empty();
    for terms in &phrase_terms {
        clauses.push((Occur::Must, phrase_query(terms, spec, &tiers)));
    }
    let query: Box<dyn Query> = if words.is_empty() && !has_id && !has_phrase {
        Box::new(EmptyQuery)
    } else {
        Box::new(BooleanQuery::new(clauses))
    };
    Built { query, tiers }
}

/// What a search's ids and pasted links stand for.
struct Links {
    /// The documents the ids and actor links name (unscored: the caller
    /// gives them the identifier tier).
    named: Vec<Box<dyn Query>>,
    /// The search without the links, to be read as words.
    words: String,
}

/// Identifiers, looked up exactly: a uuid or shortUUID, alone or as a
/// segment of a pasted watch URL (`/w/<shortUUID>`, `/videos/watch/<uuid>`,
/// `/w/p/…`), and the channel or account a pasted `/c/…` or `/a/…` link
/// names. A URL that names one is not read as words too, whatever the kind
/// (its host and path would match junk); a bare id is also a word.
fn read_links(search: &str, spec: &TextSpec) -> Links {
    let tokens: Vec<(&str, Token)> = tokens(search).collect();
    let mut named: Vec<Box<dyn Query>> = Vec::new();
    for (_, token) in &tokens {
        match token {
            Token::Actor(link) => named.extend(actor_query(link, spec)),
            Token::Ids { ids, .. } => {
                if let Some(f) = spec.uuid {
                    named.extend(ids.iter().map(|uuid| term(f, uuid)));
                }
            }
            Token::Words => {}
        }
    }
    Links {
        named,
        words: words_of(search, &tokens),
    }
}

/// What one whitespace-separated token of a search names.
enum Token {
    /// A pasted channel or account link.
    Actor(ActorLink),
    /// Identifiers: a uuid or shortUUID, alone (`in_url` false: also words)
    /// or in a pasted link's path.
    Ids { ids: Vec<String>, in_url: bool },
    /// Only words.
    Words,
}

/// The search's first [`ranking::MAX_WORDS`] tokens, each as typed and
/// read.
fn tokens(search: &str) -> impl Iterator<Item = (&str, Token)> {
    search
        .split_whitespace()
        .take(ranking::MAX_WORDS)
        .map(|raw| {
            let token = raw.trim_matches('"');
            if let Some(link) = actor_link(token) {
                return (raw, Token::Actor(link));
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
            if ids.is_empty() {
                (raw, Token::Words)
            } else {
                let in_url = token.contains('/');
                (raw, Token::Ids { ids, in_url })
            }
        })
}

/// The search without its pasted links, to be read as words (their host
/// and path would match junk); the search itself when it has none, so a
/// trailing space still says the last word is complete. The results page
/// marks the words of this text too.
pub(crate) fn words_without_links(search: &str) -> String {
    words_of(search, &tokens(search).collect::<Vec<_>>())
}

/// [`words_without_links`] of `search`, read as `tokens`.
fn words_of(search: &str, tokens: &[(&str, Token)]) -> String {
    let rest: Vec<&str> = tokens
        .iter()
        .filter(|(_, t)| match t {
            Token::Actor(_) => false,
            Token::Ids { in_url, .. } => !in_url,
            Token::Words => true,
        })
        .map(|(raw, _)| *raw)
        .collect();
    if rest.len() == search.split_whitespace().count() {
        search.to_string()
    } else {
        rest.join(" ")
    }
}

/// Splits `"quoted phrases"` from the free words.
pub(crate) fn split_phrases(search: &str) -> (String, Vec<String>) {
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

/// A word's way through a term, scored by BM25 times `weight`.
fn term_matcher(field: Field, value: &str, weight: f32) -> Matcher {
    Matcher::Term {
        term: Term::from_field_text(field, value),
        weight,
    }
}

/// Every way `w` can be found, field by field: as typed, by each of its
/// stems (told apart by the document's language), as a typo or a prefix.
fn word_forms(w: &Word, spec: &TextSpec, codes: &[&'static str], lookups: &Lookups) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let len = w.folded.chars().count();
    // One automaton per word, shared by the loose fields (built on first use).
    let loose_field = spec.fields.iter().find(|f| f.loose).map(|f| f.folded);
    let typo = loose_field
        .filter(|_| w.typos)
        .zip(typo_distance(len))
        .map(|(f, d)| TypoQuery::new(Term::from_field_text(f, &w.folded), d));
    let prefix = loose_field
        .filter(|_| w.prefix)
        .map(|f| TypoQuery::new_prefix(Term::from_field_text(f, &w.folded)));
    for f in spec.fields {
        let mut found = |matcher: Matcher, form: Form, own_if: Option<(Field, u32)>| {
            out.push(Found {
                matcher,
                form,
                field: *f,
                own_if,
            })
        };
        found(
            term_matcher(f.folded, &w.folded, f.weight),
            Form::Exact,
            None,
        );
        let stem_weight = f.weight * ranking::STEM_FACTOR;
        for (stem, langs) in &w.stems {
            let plain = term_matcher(f.stemmed, stem, stem_weight);
            match own_language(spec.stemmed_in, langs, codes) {
                OwnLanguage::Always => found(plain, Form::OwnStem, None),
                OwnLanguage::Never => found(plain, Form::OtherStem, None),
                OwnLanguage::When(field, mask) => {
                    found(plain, Form::OtherStem, Some((field, mask)))
                }
            }
        }
        if !f.loose {
            continue;
        }
        let mut loose: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(typo) = &typo {
            loose.push((Occur::Should, Box::new(typo.in_field(f.folded))));
        }
        if let Some(prefix) = &prefix {
            // The words of the index that start with it, when there are few
            // (their postings are cheaper than an automaton's bitset over
            // every document); else the automaton.
            match (lookups.prefixed)(f.folded, &w.folded) {
                Some(words) => loose.extend(
                    words
                        .iter()
                        .filter(|x| **x != w.folded)
                        .map(|x| (Occur::Should, term(f.folded, x))),
                ),
                None => loose.push((Occur::Should, Box::new(prefix.in_field(f.folded)))),
            }
        }
        match loose.len() {
            0 => {}
            1 => {
                if let Some((_, q)) = loose.pop() {
                    found(Matcher::Unscored(q), Form::Loose, None);
                }
            }
            _ => found(
                Matcher::Unscored(Box::new(BooleanQuery::new(loose))),
                Form::Loose,
                None,
            ),
        }
    }
    out
}

/// When a stem counts as one of the document's own language.
enum OwnLanguage {
    Always,
    Never,
    /// When the document was stemmed in one of these languages (bits over
    /// the stemmer codes) of this language field.
    When(Field, u32),
}

/// A stem produced by the stemmers of `langs` is the document's own when
/// the document was stemmed in one of them. Documents in a language
/// without a stemmer were stemmed as English.
fn own_language(stemmed_in: StemmedIn, langs: &[&str], codes: &[&'static str]) -> OwnLanguage {
    match stemmed_in {
        StemmedIn::Unrecorded => OwnLanguage::Always,
        StemmedIn::English if langs.contains(&"en") => OwnLanguage::Always,
        StemmedIn::English => OwnLanguage::Never,
        StemmedIn::LanguageField(_) if codes.iter().all(|c| langs.contains(c)) => {
            OwnLanguage::Always
        }
        StemmedIn::LanguageField(field) => {
            OwnLanguage::When(field, stem_languages::mask(codes, langs))
        }
    }
}

/// One word's ways, each with its tiers: its form and field (the level),
/// whether that is the document's own text, and for a stem the bonus when
/// it is the document's own language's. [`WordsQuery`] adds the BM25 of
/// the match and keeps the word's best way.
fn word_ways(forms: Vec<Found>, tiers: &Tiers, codes: &Arc<[&'static str]>) -> Vec<Way> {
    let english = codes.iter().position(|c| *c == "en").unwrap_or(0);
    forms
        .into_iter()
        .map(|f| {
            let own = if f.field.role.own() {
                tiers.own_text()
            } else {
                0.0
            };
            let tier = f.field.role.tier();
            Way {
                matcher: f.matcher,
                offset: own + tiers.word() + tiers.level(f.form, tier),
                language: f.own_if.map(|(field, mask)| LanguageBonus {
                    field,
                    codes: codes.clone(),
                    english: u8::try_from(english).unwrap_or(0),
                    mask,
                    extra: tiers.level(Form::OwnStem, tier) - tiers.level(f.form, tier),
                }),
            }
        })
        .collect()
}

/// The documents where some word is found in their own text, that embed
/// the channel or account the query names by its handle, or that an
/// identifier or a pasted link in the query names.
fn own_text_or_named(
    found: &[Vec<Found>],
    spec: &TextSpec,
    search: &str,
    lookups: &Lookups,
    named: &[Box<dyn Query>],
) -> Box<dyn Query> {
    let mut any: Vec<(Occur, Box<dyn Query>)> = found
        .iter()
        .flatten()
        .filter(|f| f.field.role.own())
        .map(|f| (Occur::Should, f.matcher.query()))
        .collect();
    for handle in named_handles(search, spec.actors, lookups) {
        any.push((Occur::Should, term(spec.actors, &handle)));
    }
    any.extend(named.iter().map(|q| (Occur::Should, q.box_clone())));
    Box::new(BooleanQuery::new(any))
}

/// The embedded-actor terms of the channels and accounts whose handle the
/// whole query is: `garden_channel`, `garden_channel@host`, or its words
/// joined by `_` (`Garden Channel` → `garden_channel`). At most
/// [`ranking::PREFIX_MAX_TERMS`] hosts are looked up per name.
fn named_handles(search: &str, actors: Field, lookups: &Lookups) -> Vec<String> {
    let typed = search.trim().trim_matches('"').trim();
    let joined = typed.split_whitespace().collect::<Vec<_>>().join("_");
    let mut candidates: Vec<String> = vec![joined.clone(), joined.to_lowercase()];
    candidates.dedup();
    let mut out: Vec<String> = Vec::new();
    for c in candidates {
        if c.is_empty() || c.len() > 200 || !c.chars().all(handle_char) {
            continue;
        }
        for role in ["channel", "account"] {
            if c.contains('@') {
                out.push(format!("{role} {c}"));
            } else if let Some(terms) = (lookups.prefixed)(actors, &format!("{role} {c}@")) {
                out.extend(terms);
            }
        }
    }
    out
}

/// Characters of a PeerTube handle (`name@host:port`).
fn handle_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '@' | ':')
}

fn phrase_query(terms: &[String], spec: &TextSpec, tiers: &Tiers) -> Box<dyn Query> {
    // A quoted single word: exact only, no typo or prefix. Several: those
    // words next to each other, in one field. The best field decides.
    let per_field: Vec<Box<dyn Query>> = spec
        .fields
        .iter()
        .map(|f| {
            let inner: Box<dyn Query> = match terms {
                [one] => scored_term(f.folded, one, f.weight),
                many => {
                    let terms: Vec<Term> = many
                        .iter()
                        .map(|t| Term::from_field_text(f.folded, t))
                        .collect();
                    Box::new(BoostQuery::new(Box::new(PhraseQuery::new(terms)), f.weight))
                }
            };
            let offset = tiers.word() + tiers.level(Form::Exact, f.role.tier());
            Box::new(OffsetQuery::new(inner, offset)) as Box<dyn Query>
        })
        .collect();
    Box::new(DisjunctionMaxQuery::new(per_field))
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
