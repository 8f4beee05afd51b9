//! Filter clauses: exact terms, sets and ranges that do not change scores.

use std::ops::Bound;

use tantivy::Term;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

use sepiola_model::ids::normalize_uuid;
use sepiola_model::query::DateRange;
use sepiola_model::short_uuid;

/// Collects MUST and MUST NOT clauses around a scoring query.
#[derive(Default)]
pub struct Clauses {
    clauses: Vec<(Occur, Box<dyn Query>)>,
}

impl Clauses {
    /// Adds a required clause that does not add to the score.
    pub fn must(&mut self, q: Box<dyn Query>) {
        self.clauses
            .push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
    }

    /// Adds a required clause that scores.
    pub fn must_scored(&mut self, q: Box<dyn Query>) {
        self.clauses.push((Occur::Must, q));
    }

    /// Adds an optional clause that only adds to the score.
    pub fn should(&mut self, q: Box<dyn Query>) {
        self.clauses.push((Occur::Should, q));
    }

    /// Adds an exclusion.
    pub fn must_not(&mut self, q: Box<dyn Query>) {
        self.clauses.push((Occur::MustNot, q));
    }

    /// The combined query.
    pub fn build(self) -> Box<dyn Query> {
        Box::new(BooleanQuery::new(self.clauses))
    }
}

/// One exact text term.
pub fn term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// Any of these text terms.
pub fn any_text<S: AsRef<str>>(field: Field, values: &[S]) -> Box<dyn Query> {
    any_term(
        values
            .iter()
            .map(|v| Term::from_field_text(field, v.as_ref()))
            .collect(),
    )
}

/// Any of these numbers.
pub fn any_u64(field: Field, values: impl IntoIterator<Item = u64>) -> Box<dyn Query> {
    any_term(
        values
            .into_iter()
            .map(|v| Term::from_field_u64(field, v))
            .collect(),
    )
}

/// Up to this many terms are matched as a union of their postings; more
/// as a `TermSetQuery`.
const UNION_MAX_TERMS: usize = 16;

/// Any of these terms, scoring 1 as `TermSetQuery` does. A `TermSetQuery`
/// builds a term automaton and a bitset over every document on each search
/// (4 % of the server's instructions on the query mix, most of it for the
/// one or two flags or languages of a filter); a union of a few postings
/// lists costs only the documents it is asked about.
fn any_term(terms: Vec<Term>) -> Box<dyn Query> {
    if terms.is_empty() || terms.len() > UNION_MAX_TERMS {
        return Box::new(TermSetQuery::new(terms));
    }
    let union: Vec<(Occur, Box<dyn Query>)> = terms
        .into_iter()
        .map(|t| -> (Occur, Box<dyn Query>) {
            (
                Occur::Should,
                Box::new(TermQuery::new(t, IndexRecordOption::Basic)),
            )
        })
        .collect();
    Box::new(ConstScoreQuery::new(
        Box::new(BooleanQuery::new(union)),
        1.0,
    ))
}

/// A boolean value.
pub fn boolean(field: Field, value: bool) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_bool(field, value),
        IndexRecordOption::Basic,
    ))
}

/// At least one of these clauses (an OR inside the filters' AND).
pub fn either(clauses: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        clauses.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

/// Each set bit of `flags` as its own value (`1 << b`): the terms a
/// bit-flag field is indexed with, so that "any of these flags" is a set
/// of terms.
pub fn bits(flags: u32) -> impl Iterator<Item = u64> {
    (0..32)
        .map(|b| 1u64 << b)
        .filter(move |bit| u64::from(flags) & bit != 0)
}

/// Dates (ms) within an inclusive range.
pub fn dates(field: Field, range: &DateRange) -> Box<dyn Query> {
    let bound = |t: Option<sepiola_model::Timestamp>| match t {
        Some(t) => Bound::Included(Term::from_field_i64(field, t.millis())),
        None => Bound::Unbounded,
    };
    Box::new(RangeQuery::new(bound(range.from), bound(range.to)))
}

/// Numbers within an inclusive range.
pub fn u64_range(field: Field, min: Option<u64>, max: Option<u64>) -> Box<dyn Query> {
    let bound = |v: Option<u64>| match v {
        Some(v) => Bound::Included(Term::from_field_u64(field, v)),
        None => Bound::Unbounded,
    };
    Box::new(RangeQuery::new(bound(min), bound(max)))
}

/// Any of these uuids or short UUIDs (anything else cannot match).
pub fn uuids(uuid: Field, ids: &[String]) -> Box<dyn Query> {
    let uuids: Vec<String> = ids
        .iter()
        .filter_map(|s| normalize_uuid(s).or_else(|| short_uuid::to_uuid(s.trim())))
        .collect();
    any_text(uuid, &uuids)
}
