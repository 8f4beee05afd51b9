//! Running a search over any kind: the text clauses, the kind's filters,
//! the language boost and the exclusions, then the order the kind asks for,
//! with the score and the key hash as tie-breakers.

use std::ops::Bound;

use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue, SortByString};
use tantivy::collector::{Count, SortKeyComputer, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery};
use tantivy::schema::Field;
use tantivy::{DocAddress, Order as Direction, Searcher, TantivyDocument, Term};

use sepiola_model::query::{Blocks, Hits, Page, Scored, SearchQuery};
use sepiola_model::{DocKey, DocKind, Timestamp};

use crate::analysis::Analysis;
use crate::browse::Numeric;
use crate::error::IndexError;
use crate::filters::{self, Clauses};
use crate::kind_index::KindIndex;
use crate::kinds::fields::Common;
use crate::kinds::{Column, Kind, Order};
use crate::part::{AnyPart, Part};
use crate::prefix::words_with_prefix;
use crate::stored::FromStored;
use crate::text_query::{self, Lookups, TextSpec};
use crate::tiers::Tiers;

impl<K: Kind> Part<K> {
    /// Runs a search of this kind, answering with `T` built from each
    /// result's stored JSON.
    pub fn search<T: FromStored>(
        &self,
        analysis: &Analysis,
        q: &K::Query,
    ) -> Result<Hits<T>, IndexError> {
        let (ki, common, kind) = (self.index(), self.common(), self.kind());
        let mut c = Clauses::default();
        let spec = TextSpec {
            fields: kind.text_fields(),
            name_exact: common.name_exact,
            uuid: kind.uuid(),
            own_handle: kind.own_handle(),
            stemmed_in: kind.stemmed_in(),
            actors: common.actors,
        };
        let order = kind.order(common, q);
        // Sorted by anything but relevance, a match only through channel or
        // account names has no tier to sink to: it is left out.
        let own_text_only = !matches!(order, Order::Score);
        let tiers = add_text(&mut c, analysis, ki, q.text(), &spec, own_text_only);
        kind.filters(common, q, &mut c);
        if let Some(language) = kind.language()
            && !q.boost_languages().is_empty()
        {
            c.should(Box::new(ConstScoreQuery::new(
                filters::any_text(language, q.boost_languages()),
                tiers.language(),
            )));
        }
        add_blocks(
            &mut c,
            q.blocks(),
            common,
            kind.account_handle(),
            <K::Doc as sepiola_model::Document>::KIND,
        );
        let scores = Scores::of(q.text(), q.boost_languages());
        let query = c.build();
        // Past the window only the count is computed: deep pages cost no more.
        let page = q.page().served();
        match order {
            Order::UpcomingFirst { start, now } => {
                upcoming_first(ki, &*query, start, now, page, scores)
            }
            order => run(ki, &*query, order, page, scores),
        }
    }
}

/// Adds the text clauses; answers the tiers they score with (without text,
/// those of a one-word query: only the language boost then scores).
fn add_text(
    c: &mut Clauses,
    a: &Analysis,
    ki: &KindIndex,
    search: Option<&str>,
    spec: &TextSpec,
    own_text_only: bool,
) -> Tiers {
    // Keep trailing white space: it says the last word is complete.
    match search.filter(|s| !s.trim().is_empty()) {
        Some(s) => {
            let searcher = ki.searcher();
            let doc_freq = |t: &Term| searcher.doc_freq(t).unwrap_or(0);
            let prefixed = |f: Field, p: &str| words_with_prefix(&searcher, f, p);
            let lookups = Lookups {
                doc_freq: &doc_freq,
                prefixed: &prefixed,
            };
            let built = text_query::build(a, s.trim_start(), spec, &lookups, own_text_only);
            c.must_scored(built.query);
            built.tiers
        }
        None => {
            c.must_scored(Box::new(ConstScoreQuery::new(Box::new(AllQuery), 0.0)));
            Tiers::for_words(1)
        }
    }
}

/// The exclusions: hosts, accounts, channels (the channel or group itself
/// and whatever embeds it) and single documents of this kind.
fn add_blocks(c: &mut Clauses, blocks: &Blocks, common: &Common, handle: Field, kind: DocKind) {
    if !blocks.hosts.is_empty() {
        c.must_not(filters::any_text(common.host, &blocks.hosts));
    }
    if !blocks.accounts.is_empty() {
        c.must_not(filters::any_text(handle, &blocks.accounts));
    }
    if !blocks.channels.is_empty() {
        let embedding: Vec<String> = blocks
            .channels
            .iter()
            .map(|h| crate::embedded::channel_term(h))
            .collect();
        c.must_not(filters::any_text(common.actors, &embedding));
        if matches!(kind, DocKind::Channel | DocKind::Group) {
            // The channel or group itself: its key is `host name`.
            let own: Vec<String> = blocks
                .channels
                .iter()
                .filter_map(|h| h.rsplit_once('@'))
                .map(|(name, host)| DocKey::new(host, name).as_str().to_string())
                .collect();
            c.must_not(filters::any_text(common.key, &own));
        }
    }
    let keys: Vec<&str> = blocks
        .documents
        .iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, key)| key.as_str())
        .collect();
    if !keys.is_empty() {
        c.must_not(filters::any_text(common.key, &keys));
    }
}

/// Whether the query's scores vary (text, language boost) or are all zero
/// (browsing), in which case a column order can be read from a cache.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scores {
    /// Scores rank the results.
    Relevance,
    /// Every match scores 0.
    AllZero,
}

impl Scores {
    /// Zero when there is no search text and no language boost.
    fn of<S: AsRef<str>>(search: Option<&str>, boost: &[S]) -> Scores {
        if search.is_none_or(|s| s.trim().is_empty()) && boost.is_empty() {
            Scores::AllZero
        } else {
            Scores::Relevance
        }
    }
}

fn run<T: FromStored>(
    ki: &KindIndex,
    query: &dyn Query,
    order: Order,
    page: Page,
    scores: Scores,
) -> Result<Hits<T>, IndexError> {
    let searcher = ki.searcher();
    let name = |f: Field| searcher.schema().get_field_name(f).to_string();
    let direction = |descending| {
        if descending {
            Direction::Desc
        } else {
            Direction::Asc
        }
    };
    let browse = |field, numeric, descending| -> Result<_, IndexError> {
        let (top, total) = ki
            .browse()
            .top(&searcher, query, field, numeric, descending, page)?;
        Ok((top.into_iter().map(|a| (0.0, a)).collect(), total))
    };
    let (top, total): (Vec<(f32, DocAddress)>, usize) = match order {
        Order::By {
            column: Column::I64(f),
            descending,
        } if scores == Scores::AllZero => browse(f, Numeric::I64, descending)?,
        Order::By {
            column: Column::U64(f),
            descending,
        } if scores == Scores::AllZero => browse(f, Numeric::U64, descending)?,
        Order::Score | Order::UpcomingFirst { .. } => top_by(
            &searcher,
            query,
            (SortBySimilarityScore, Direction::Desc),
            page,
        )?,
        Order::By { column, descending } => {
            let d = direction(descending);
            match column {
                Column::I64(f) => top_by(
                    &searcher,
                    query,
                    (SortByStaticFastValue::<i64>::for_field(name(f)), d),
                    page,
                )?,
                Column::U64(f) => top_by(
                    &searcher,
                    query,
                    (SortByStaticFastValue::<u64>::for_field(name(f)), d),
                    page,
                )?,
                Column::Str(f) => top_by(
                    &searcher,
                    query,
                    (SortByString::for_field(name(f)), d),
                    page,
                )?,
            }
        }
    };
    let mut data = Vec::with_capacity(top.len());
    for (score, addr) in top {
        let d: TantivyDocument = searcher.doc(addr)?;
        let item = T::from_stored(stored_text(&d, ki.doc_field())?.to_string())?;
        data.push(Scored { score, item });
    }
    Ok(Hits {
        total: total as u64,
        data,
    })
}

/// Events starting at or after `now` by start ascending, then the
/// others by start descending, paged across both as one list.
fn upcoming_first<T: FromStored>(
    ki: &KindIndex,
    query: &dyn Query,
    start: Field,
    now: Timestamp,
    page: Page,
    scores: Scores,
) -> Result<Hits<T>, IndexError> {
    let split = |from: Bound<Term>, to: Bound<Term>| -> Box<dyn Query> {
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, query.box_clone()),
            (
                Occur::Must,
                Box::new(ConstScoreQuery::new(
                    Box::new(RangeQuery::new(from, to)),
                    0.0,
                )),
            ),
        ]))
    };
    let now_term = Term::from_field_i64(start, now.millis());
    let upcoming = split(Bound::Included(now_term.clone()), Bound::Unbounded);
    let past = split(Bound::Unbounded, Bound::Excluded(now_term));
    let first = run::<T>(
        ki,
        &*upcoming,
        Order::by(Column::I64(start), false),
        page,
        scores,
    )?;
    let upcoming_total = usize::try_from(first.total).unwrap_or(usize::MAX);
    let rest = Page {
        start: page.start.saturating_sub(upcoming_total),
        count: page.count - first.data.len().min(page.count),
    };
    let second = run::<T>(
        ki,
        &*past,
        Order::by(Column::I64(start), true),
        rest,
        scores,
    )?;
    let mut data = first.data;
    data.extend(second.data);
    Ok(Hits {
        total: first.total + second.total,
        data,
    })
}

/// Top documents by `primary`, then score, then key hash (so ties break the
/// same way on every run), with the exact number of matches.
fn top_by<P>(
    searcher: &Searcher,
    query: &dyn Query,
    primary: P,
    page: Page,
) -> Result<(Vec<(f32, DocAddress)>, usize), IndexError>
where
    P: SortKeyComputer + Send + Sync + 'static,
    (
        P,
        (SortBySimilarityScore, Direction),
        (SortByStaticFastValue<u64>, Direction),
    ): SortKeyComputer<SortKey = (P::SortKey, f32, Option<u64>)>,
{
    if page.count == 0 {
        return Ok((Vec::new(), searcher.search(query, &Count)?));
    }
    let collector = TopDocs::with_limit(page.count)
        .and_offset(page.start)
        .order_by((
            primary,
            (SortBySimilarityScore, Direction::Desc),
            (
                SortByStaticFastValue::<u64>::for_field("key_hash"),
                Direction::Asc,
            ),
        ));
    let (top, total) = searcher.search(query, &(collector, Count))?;
    Ok((
        top.into_iter()
            .map(|((_, score, _), addr)| (score, addr))
            .collect(),
        total,
    ))
}

/// The stored answer JSON of a document.
pub(crate) fn stored_text(d: &TantivyDocument, field: Field) -> Result<&str, IndexError> {
    use tantivy::schema::Value;
    d.get_first(field)
        .and_then(|v| v.as_str())
        .ok_or_else(|| IndexError::Corrupt("document has no stored body".into()))
}
