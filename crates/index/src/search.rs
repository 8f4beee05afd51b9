//! [`SearchIndex`]: the kind indexes, writing and searching. Events and
//! groups have their own module ([`crate::mobilizon`]).

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;

use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue, SortByString};
use tantivy::collector::{Count, SortKeyComputer, TopDocs};
use tantivy::query::{AllQuery, ConstScoreQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use sepiola_model::query::{
    Blocks, ChannelQuery, Hits, Page, PlaylistQuery, Scored, Sort, SortField, VideoQuery,
};
use sepiola_model::short_uuid;
use sepiola_model::video::normalize_uuid;
use sepiola_model::{Channel, DocKind, Playlist, Record, Video};

use crate::analysis::Analysis;
use crate::browse::Numeric;
use crate::collectors::{HostCounts, Inventory};
use crate::error::IndexError;
use crate::filters::{self, Clauses};
use crate::kind_index::{KindIndex, WriterBudget};
use crate::mobilizon::{EventFields, GroupFields};
use crate::schema::{ChannelFields, Common, PlaylistFields, VideoFields};
use crate::stored::FromStored;
use crate::text_query::{self, TextSpec, ranking};

/// The whole index: videos, channels, playlists, events and groups, each
/// in its own tantivy index under `<data>/index/<kind>`.
pub struct SearchIndex {
    pub(crate) analysis: Analysis,
    videos: KindIndex,
    channels: KindIndex,
    playlists: KindIndex,
    pub(crate) events: KindIndex,
    pub(crate) groups: KindIndex,
    vf: VideoFields,
    cf: ChannelFields,
    pf: PlaylistFields,
    pub(crate) ef: EventFields,
    pub(crate) gf: GroupFields,
}

/// A document ready to be written: see [`SearchIndex::prepare`].
pub struct Prepared {
    kind: DocKind,
    key: String,
    doc: TantivyDocument,
}

/// Number of live documents of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct DocCounts {
    /// Videos.
    pub videos: u64,
    /// Channels.
    pub channels: u64,
    /// Playlists.
    pub playlists: u64,
    /// Mobilizon events.
    pub events: u64,
    /// Mobilizon groups.
    pub groups: u64,
}

impl SearchIndex {
    /// Opens or creates the index under `dir` for reading and writing (one
    /// writer per data directory: a second one gets [`IndexError::Locked`]).
    pub fn open(dir: &Path, memory_bytes: usize) -> Result<SearchIndex, IndexError> {
        Self::open_at(Some(dir), Some(memory_bytes))
    }

    /// Opens the index under `dir` for reading only (export while serving).
    pub fn open_read_only(dir: &Path) -> Result<SearchIndex, IndexError> {
        Self::open_at(Some(dir), None)
    }

    /// An index in memory, for tests.
    pub fn in_memory() -> Result<SearchIndex, IndexError> {
        Self::open_at(None, Some(64_000_000))
    }

    fn open_at(dir: Option<&Path>, memory_bytes: Option<usize>) -> Result<SearchIndex, IndexError> {
        let analysis = Analysis::new();
        let sub = |k: DocKind| dir.map(|d| d.join(k.as_str()));
        let (vs, vf) = VideoFields::build();
        let (cs, cf) = ChannelFields::build();
        let (ps, pf) = PlaylistFields::build();
        let (es, ef) = EventFields::build();
        let (gs, gf) = GroupFields::build();
        let video_budget = memory_bytes.map(|m| WriterBudget {
            threads: 2,
            memory_bytes: m.max(64_000_000),
        });
        let small = memory_bytes.map(|m| WriterBudget {
            threads: 1,
            memory_bytes: (m / 4).max(20_000_000),
        });
        let videos = KindIndex::open(
            sub(DocKind::Video).as_deref(),
            vs,
            &analysis,
            video_budget,
            vf.common.key,
            vf.common.host,
        )?;
        let channels = KindIndex::open(
            sub(DocKind::Channel).as_deref(),
            cs,
            &analysis,
            small,
            cf.common.key,
            cf.common.host,
        )?;
        let playlists = KindIndex::open(
            sub(DocKind::Playlist).as_deref(),
            ps,
            &analysis,
            small,
            pf.common.key,
            pf.common.host,
        )?;
        let events = KindIndex::open(
            sub(DocKind::Event).as_deref(),
            es,
            &analysis,
            small,
            ef.common.key,
            ef.common.host,
        )?;
        let groups = KindIndex::open(
            sub(DocKind::Group).as_deref(),
            gs,
            &analysis,
            small,
            gf.common.key,
            gf.common.host,
        )?;
        Ok(SearchIndex {
            analysis,
            videos,
            channels,
            playlists,
            events,
            groups,
            vf,
            cf,
            pf,
            ef,
            gf,
        })
    }

    fn kind(&self, kind: DocKind) -> &KindIndex {
        match kind {
            DocKind::Video => &self.videos,
            DocKind::Channel => &self.channels,
            DocKind::Playlist => &self.playlists,
            DocKind::Event => &self.events,
            DocKind::Group => &self.groups,
        }
    }

    /// Adds or replaces a normalised document. Searchable after the next commit.
    pub fn upsert(&self, record: &Record) -> Result<(), IndexError> {
        self.write(self.prepare(record)?)
    }

    /// The first half of [`SearchIndex::upsert`]: builds the document
    /// (text analysis included). Needs no lock, so bulk imports run it on
    /// several threads and [`SearchIndex::write`] the results in order.
    pub fn prepare(&self, record: &Record) -> Result<Prepared, IndexError> {
        let a = &self.analysis;
        let (kind, key, doc) = match record {
            Record::Video(v) => (DocKind::Video, v.key(), self.vf.document(v, a)?),
            Record::Channel(c) => (DocKind::Channel, c.key(), self.cf.document(c, a)?),
            Record::Playlist(p) => (DocKind::Playlist, p.key(), self.pf.document(p, a)?),
            Record::Event(e) => (DocKind::Event, e.key(), self.ef.document(e, a)?),
            Record::Group(g) => (DocKind::Group, g.key(), self.gf.document(g, a)?),
        };
        Ok(Prepared { kind, key, doc })
    }

    /// The second half of [`SearchIndex::upsert`]: adds or replaces the
    /// prepared document.
    pub fn write(&self, p: Prepared) -> Result<(), IndexError> {
        self.kind(p.kind).upsert(&p.key, p.doc)
    }

    /// Deletes one document by key (`host uuid`, or `host name` for channels
    /// and groups).
    pub fn delete(&self, kind: DocKind, key: &str) -> Result<(), IndexError> {
        self.kind(kind).delete_key(key)
    }

    /// Deletes every document of a host, of every kind.
    pub fn delete_host(&self, host: &str) -> Result<(), IndexError> {
        self.delete_host_of(host, &DocKind::ALL)
    }

    /// Deletes the documents of a host of these kinds only (the PeerTube
    /// instance list governs the PeerTube kinds, not Mobilizon's).
    pub fn delete_host_of(&self, host: &str, kinds: &[DocKind]) -> Result<(), IndexError> {
        for &k in kinds {
            self.kind(k).delete_host(host)?;
        }
        Ok(())
    }

    /// Commits what was written and makes it searchable. Cheap when nothing
    /// changed. Returns whether anything was committed.
    pub fn commit(&self) -> Result<bool, IndexError> {
        let mut any = false;
        for k in DocKind::ALL {
            any |= self.kind(k).commit()?;
        }
        Ok(any)
    }

    /// Prepares a bulk import: no background merges until [`SearchIndex::merge_all`].
    pub fn pause_merges(&self) -> Result<(), IndexError> {
        for k in DocKind::ALL {
            self.kind(k).pause_merges()?;
        }
        Ok(())
    }

    /// Commits and merges each kind's segments into at most `parts`
    /// segments, every kind at once (the merges share the cores). Slow
    /// (rewrites the index) but makes every query walk few term dictionaries.
    pub fn merge_all(&self, parts: usize) -> Result<(), IndexError> {
        let mut pending = Vec::new();
        for k in DocKind::ALL {
            pending.extend(self.kind(k).start_merge(parts)?);
        }
        for m in pending {
            m.wait()?;
        }
        for k in DocKind::ALL {
            self.kind(k).finish_merge()?;
        }
        Ok(())
    }

    /// Every document of `host` of this kind: key → last update (ms).
    /// The crawler diffs it against what the host serves now.
    pub fn inventory(&self, kind: DocKind, host: &str) -> Result<HashMap<String, i64>, IndexError> {
        let host_field = self.common(kind).host;
        let q = TermQuery::new(
            Term::from_field_text(host_field, host),
            IndexRecordOption::Basic,
        );
        Ok(self.kind(kind).searcher().search(&q, &Inventory)?)
    }

    /// Live documents per host, all kinds together.
    pub fn host_counts(&self) -> Result<BTreeMap<String, u64>, IndexError> {
        self.host_counts_of(&DocKind::ALL)
    }

    /// Live documents per host, these kinds together.
    pub fn host_counts_of(&self, kinds: &[DocKind]) -> Result<BTreeMap<String, u64>, IndexError> {
        let mut out = BTreeMap::new();
        for &k in kinds {
            for (h, n) in self.kind(k).searcher().search(&AllQuery, &HostCounts)? {
                *out.entry(h).or_default() += n;
            }
        }
        Ok(out)
    }

    /// Live documents of each kind.
    pub fn doc_counts(&self) -> DocCounts {
        DocCounts {
            videos: self.videos.searcher().num_docs(),
            channels: self.channels.searcher().num_docs(),
            playlists: self.playlists.searcher().num_docs(),
            events: self.events.searcher().num_docs(),
            groups: self.groups.searcher().num_docs(),
        }
    }

    /// Writes every document as a JSON line (the import format). Returns
    /// the number of lines.
    pub fn export(&self, out: &mut dyn Write) -> Result<u64, IndexError> {
        let mut n = 0;
        for k in DocKind::ALL {
            let searcher = self.kind(k).searcher();
            let common = self.common(k);
            for seg in searcher.segment_readers() {
                let store = seg
                    .get_store_reader(16)
                    .map_err(|e| IndexError::Corrupt(e.to_string()))?;
                for d in store.iter::<TantivyDocument>(seg.alive_bitset()) {
                    let d = d?;
                    let body = export_body(&d, common)?;
                    out.write_all(br#"{"kind":""#)
                        .and_then(|_| out.write_all(k.as_str().as_bytes()))
                        .and_then(|_| out.write_all(b"\","))
                        .and_then(|_| out.write_all(body.get(1..).unwrap_or_default().as_bytes()))
                        .and_then(|_| out.write_all(b"\n"))
                        .map_err(|e| IndexError::Corrupt(e.to_string()))?;
                    n += 1;
                }
            }
        }
        Ok(n)
    }

    fn common(&self, kind: DocKind) -> &Common {
        match kind {
            DocKind::Video => &self.vf.common,
            DocKind::Channel => &self.cf.common,
            DocKind::Playlist => &self.pf.common,
            DocKind::Event => &self.ef.common,
            DocKind::Group => &self.gf.common,
        }
    }

    /// Runs a video search.
    pub fn search_videos(&self, q: &VideoQuery) -> Result<Hits<Video>, IndexError> {
        self.search_videos_as(q)
    }

    /// Runs a video search, answering with `T` built from each
    /// result's stored JSON ([`crate::AnswerJson`] for the API).
    pub fn search_videos_as<T: FromStored>(&self, q: &VideoQuery) -> Result<Hits<T>, IndexError> {
        let f = &self.vf;
        let mut c = Clauses::default();
        self.add_text(
            &mut c,
            &self.videos,
            q.search.as_deref(),
            &TextSpec {
                fields: &f.text,
                name_exact: f.common.name_exact,
                uuid: Some(f.uuid),
            },
        );
        if let Some(b) = q.nsfw {
            c.must(filters::boolean(f.nsfw, b));
        }
        if let Some(b) = q.is_live {
            c.must(filters::boolean(f.is_live, b));
        }
        if !q.categories.is_empty() {
            c.must(filters::any_u64(
                f.category,
                q.categories.iter().map(|&i| u64::from(i)),
            ));
        }
        if !q.licences.is_empty() {
            c.must(filters::any_u64(
                f.licence,
                q.licences.iter().map(|&i| u64::from(i)),
            ));
        }
        if !q.languages.is_empty() {
            c.must(filters::any_text(f.language, &q.languages));
        }
        if !q.tags_one_of.is_empty() {
            let tags: Vec<String> = q.tags_one_of.iter().map(|t| t.to_lowercase()).collect();
            c.must(filters::any_text(f.tag, &tags));
        }
        for t in &q.tags_all_of {
            c.must(filters::term(f.tag, &t.to_lowercase()));
        }
        if let Some(h) = &q.host {
            c.must(filters::term(f.account_host, h));
        }
        if !q.published.is_open() {
            c.must(filters::dates(f.published_at, &q.published));
        }
        if !q.originally_published.is_open() {
            c.must(filters::dates(
                f.originally_published_at,
                &q.originally_published,
            ));
        }
        if q.duration_min.is_some() || q.duration_max.is_some() {
            c.must(filters::u64_range(
                f.duration,
                q.duration_min,
                q.duration_max,
            ));
        }
        if !q.uuids.is_empty() {
            c.must(uuid_filter(&q.uuids, f.uuid));
        }
        if !q.boost_languages.is_empty() {
            c.should(Box::new(ConstScoreQuery::new(
                filters::any_text(f.language, &q.boost_languages),
                ranking::LANGUAGE,
            )));
        }
        add_blocks(&mut c, &q.blocks, f.common.host, f.account_handle);
        let sort = match q.sort.field {
            SortField::Match => SortKey::Score,
            SortField::Name => SortKey::Str("name_sort"),
            SortField::Duration => SortKey::U64("duration"),
            SortField::CreatedAt => SortKey::I64("created_at"),
            SortField::PublishedAt | SortField::Hot => SortKey::I64("published_at"),
            SortField::OriginallyPublishedAt => SortKey::I64("originally_published_at"),
            SortField::Views => SortKey::U64("views"),
            SortField::Likes => SortKey::U64("likes"),
            // Not offered for videos (the decoder refuses them).
            SortField::StartTime | SortField::ParticipantCount | SortField::MemberCount => {
                SortKey::Score
            }
        };
        let descending = q.sort.descending || q.sort.field == SortField::Hot;
        // Browsing without text or language boost: every score is equal, so
        // "best match" means newest first, read from one column.
        let (sort, descending) =
            if sort_is_browse(q.search.as_deref(), q.sort.field) && q.boost_languages.is_empty() {
                (SortKey::I64("published_at"), true)
            } else {
                (sort, descending)
            };
        self.run(
            &self.videos,
            &*c.build(),
            sort,
            descending,
            q.page,
            Scores::of(q.search.as_deref(), &q.boost_languages),
        )
    }

    /// Runs a channel search.
    pub fn search_channels(&self, q: &ChannelQuery) -> Result<Hits<Channel>, IndexError> {
        self.search_channels_as(q)
    }

    /// Runs a channel search, answering with `T` built from each
    /// result's stored JSON ([`crate::AnswerJson`] for the API).
    pub fn search_channels_as<T: FromStored>(
        &self,
        q: &ChannelQuery,
    ) -> Result<Hits<T>, IndexError> {
        let f = &self.cf;
        let mut c = Clauses::default();
        self.add_text(
            &mut c,
            &self.channels,
            q.search.as_deref(),
            &TextSpec {
                fields: &f.text,
                name_exact: f.common.name_exact,
                uuid: None,
            },
        );
        if let Some(h) = &q.host {
            c.must(filters::term(f.common.host, h));
        }
        if !q.handles.is_empty() {
            c.must(filters::any_text(f.handle, &q.handles));
        }
        add_blocks(&mut c, &q.blocks, f.common.host, f.owner_handle);
        let (sort, descending) = if sort_is_browse(q.search.as_deref(), q.sort.field) {
            (SortKey::I64("created_at"), true)
        } else {
            actor_sort(q.sort)
        };
        self.run(
            &self.channels,
            &*c.build(),
            sort,
            descending,
            q.page,
            Scores::of::<&str>(q.search.as_deref(), &[]),
        )
    }

    /// Runs a playlist search.
    pub fn search_playlists(&self, q: &PlaylistQuery) -> Result<Hits<Playlist>, IndexError> {
        self.search_playlists_as(q)
    }

    /// Runs a playlist search, answering with `T` built from each
    /// result's stored JSON ([`crate::AnswerJson`] for the API).
    pub fn search_playlists_as<T: FromStored>(
        &self,
        q: &PlaylistQuery,
    ) -> Result<Hits<T>, IndexError> {
        let f = &self.pf;
        let mut c = Clauses::default();
        self.add_text(
            &mut c,
            &self.playlists,
            q.search.as_deref(),
            &TextSpec {
                fields: &f.text,
                name_exact: f.common.name_exact,
                uuid: Some(f.uuid),
            },
        );
        if let Some(h) = &q.host {
            c.must(filters::term(f.owner_host, h));
        }
        if !q.uuids.is_empty() {
            c.must(uuid_filter(&q.uuids, f.uuid));
        }
        add_blocks(&mut c, &q.blocks, f.common.host, f.owner_handle);
        let (sort, descending) = if sort_is_browse(q.search.as_deref(), q.sort.field) {
            (SortKey::I64("created_at"), true)
        } else {
            actor_sort(q.sort)
        };
        self.run(
            &self.playlists,
            &*c.build(),
            sort,
            descending,
            q.page,
            Scores::of::<&str>(q.search.as_deref(), &[]),
        )
    }

    pub(crate) fn add_text(
        &self,
        c: &mut Clauses,
        ki: &KindIndex,
        search: Option<&str>,
        spec: &TextSpec,
    ) {
        // Keep trailing white space: it says the last word is complete.
        match search.filter(|s| !s.trim().is_empty()) {
            Some(s) => {
                let searcher = ki.searcher();
                let doc_freq = |t: &Term| searcher.doc_freq(t).unwrap_or(0);
                let prefixed = |f: Field, p: &str| words_with_prefix(&searcher, f, p);
                c.must_scored(text_query::build(
                    &self.analysis,
                    s.trim_start(),
                    spec,
                    &doc_freq,
                    &prefixed,
                ))
            }
            None => c.must_scored(Box::new(ConstScoreQuery::new(Box::new(AllQuery), 0.0))),
        }
    }

    pub(crate) fn run<T: FromStored>(
        &self,
        ki: &KindIndex,
        query: &dyn Query,
        sort: SortKey,
        descending: bool,
        page: Page,
        scores: Scores,
    ) -> Result<Hits<T>, IndexError> {
        let searcher = ki.searcher();
        let order = if descending { Order::Desc } else { Order::Asc };
        let browse = |field, numeric| -> Result<_, IndexError> {
            let (top, total) = ki
                .browse
                .top(&searcher, query, field, numeric, descending, page)?;
            Ok((top.into_iter().map(|a| (0.0, a)).collect(), total))
        };
        let (top, total): (Vec<(f32, DocAddress)>, usize) = match sort {
            SortKey::I64(f) if scores == Scores::AllZero => browse(f, Numeric::I64)?,
            SortKey::U64(f) if scores == Scores::AllZero => browse(f, Numeric::U64)?,
            SortKey::Score => top_by(&searcher, query, (SortBySimilarityScore, Order::Desc), page)?,
            SortKey::I64(f) => top_by(
                &searcher,
                query,
                (SortByStaticFastValue::<i64>::for_field(f), order),
                page,
            )?,
            SortKey::U64(f) => top_by(
                &searcher,
                query,
                (SortByStaticFastValue::<u64>::for_field(f), order),
                page,
            )?,
            SortKey::Str(f) => top_by(&searcher, query, (SortByString::for_field(f), order), page)?,
        };
        let mut data = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let d: TantivyDocument = searcher.doc(addr)?;
            let item = T::from_stored(stored_text(&d, ki.doc)?.to_string())?;
            data.push(Scored { score, item });
        }
        Ok(Hits {
            total: total as u64,
            data,
        })
    }
}

/// The words of `field` starting with `prefix` in every segment, or None
/// when a segment has more than [`ranking::PREFIX_MAX_TERMS`] of them (or
/// its dictionary cannot be read: the caller then uses an automaton).
fn words_with_prefix(searcher: &Searcher, field: Field, prefix: &str) -> Option<Vec<String>> {
    let mut upper = prefix.to_string();
    upper.push(char::MAX);
    let mut out: Vec<String> = Vec::new();
    for seg in searcher.segment_readers() {
        let inverted = seg.inverted_index(field).ok()?;
        let mut stream = inverted
            .terms()
            .range()
            .ge(prefix.as_bytes())
            .lt(upper.as_bytes())
            .into_stream()
            .ok()?;
        let mut n = 0;
        while stream.advance() {
            n += 1;
            if n > ranking::PREFIX_MAX_TERMS {
                return None;
            }
            let word = std::str::from_utf8(stream.key()).ok()?;
            if !out.iter().any(|w| w == word) {
                out.push(word.to_string());
            }
        }
    }
    Some(out)
}

/// Whether the query's scores vary (text, language boost) or are all zero
/// (browsing), in which case a field order can be read from a cache.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scores {
    /// Scores rank the results.
    Relevance,
    /// Every match scores 0.
    AllZero,
}

impl Scores {
    /// Zero when there is no search text and no language boost.
    pub(crate) fn of<S: AsRef<str>>(search: Option<&str>, boost: &[S]) -> Scores {
        if search.is_none_or(|s| s.trim().is_empty()) && boost.is_empty() {
            Scores::AllZero
        } else {
            Scores::Relevance
        }
    }
}

/// What to order by, before the score and key-hash tie-breakers.
#[derive(Clone, Copy)]
pub(crate) enum SortKey {
    Score,
    I64(&'static str),
    U64(&'static str),
    Str(&'static str),
}

/// Relevance order without any search text.
pub(crate) fn sort_is_browse(search: Option<&str>, field: SortField) -> bool {
    field == SortField::Match && search.is_none_or(|s| s.trim().is_empty())
}

fn actor_sort(s: Sort) -> (SortKey, bool) {
    match s.field {
        SortField::Name => (SortKey::Str("name_sort"), s.descending),
        SortField::CreatedAt => (SortKey::I64("created_at"), s.descending),
        _ => (SortKey::Score, true),
    }
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
        (SortBySimilarityScore, Order),
        (SortByStaticFastValue<u64>, Order),
    ): SortKeyComputer<SortKey = (P::SortKey, f32, Option<u64>)>,
{
    if page.count == 0 {
        return Ok((Vec::new(), searcher.search(query, &Count)?));
    }
    let collector = TopDocs::with_limit(page.count)
        .and_offset(page.start)
        .order_by((
            primary,
            (SortBySimilarityScore, Order::Desc),
            (
                SortByStaticFastValue::<u64>::for_field("key_hash"),
                Order::Asc,
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

/// The stored JSON of a document with its whole description put back (the
/// answer JSON has it cut for the API).
fn export_body(d: &TantivyDocument, c: &Common) -> Result<String, IndexError> {
    use tantivy::schema::Value;
    let body = stored_text(d, c.doc)?;
    let Some(full) = d.get_first(c.full_description).and_then(|v| v.as_str()) else {
        return Ok(body.to_string());
    };
    let mut value: serde_json::Value =
        serde_json::from_str(body).map_err(|e| IndexError::Corrupt(e.to_string()))?;
    if let Some(obj) = value.as_object_mut() {
        obj.insert("description".into(), serde_json::Value::from(full));
    }
    serde_json::to_string(&value).map_err(|e| IndexError::Corrupt(e.to_string()))
}

fn stored_text(d: &TantivyDocument, field: Field) -> Result<&str, IndexError> {
    use tantivy::schema::Value;
    d.get_first(field)
        .and_then(|v| v.as_str())
        .ok_or_else(|| IndexError::Corrupt("document has no stored body".into()))
}

fn uuid_filter(ids: &[String], uuid: Field) -> Box<dyn Query> {
    let uuids: Vec<String> = ids
        .iter()
        .filter_map(|s| normalize_uuid(s).or_else(|| short_uuid::to_uuid(s.trim())))
        .collect();
    filters::any_text(uuid, &uuids)
}

pub(crate) fn add_blocks(c: &mut Clauses, blocks: &Blocks, host: Field, handle: Field) {
    if !blocks.hosts.is_empty() {
        c.must_not(filters::any_text(host, &blocks.hosts));
    }
    if !blocks.accounts.is_empty() {
        c.must_not(filters::any_text(handle, &blocks.accounts));
    }
}

impl SearchIndex {
    /// The host holding a document of `kind` with this uuid, if any. The
    /// crawler's "first owner wins" rule asks it before writing a new video
    /// or playlist, so a hostile instance cannot shadow another's content.
    /// One term lookup on the kind's `uuid` field (committed documents
    /// only); `None` for kinds without a uuid (channels, groups) or when no
    /// document has it.
    pub fn uuid_owner(&self, kind: DocKind, uuid: &str) -> Result<Option<String>, IndexError> {
        let field = match kind {
            DocKind::Video => self.vf.uuid,
            DocKind::Playlist => self.pf.uuid,
            DocKind::Event => self.ef.uuid,
            DocKind::Channel | DocKind::Group => return Ok(None),
        };
        let uuid = normalize_uuid(uuid).unwrap_or_else(|| uuid.trim().to_string());
        let q = TermQuery::new(
            Term::from_field_text(field, &uuid),
            IndexRecordOption::Basic,
        );
        let searcher = self.kind(kind).searcher();
        let top = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, addr)) = top.first() else {
            return Ok(None);
        };
        let hosts = searcher
            .segment_reader(addr.segment_ord)
            .fast_fields()
            .str("host")?
            .ok_or_else(|| IndexError::Corrupt("no host column".into()))?;
        let mut host = String::new();
        for ord in hosts.term_ords(addr.doc_id) {
            if hosts
                .ord_to_str(ord, &mut host)
                .map_err(|e| IndexError::Corrupt(e.to_string()))?
            {
                return Ok(Some(host));
            }
        }
        Err(IndexError::Corrupt("document has no host".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{STRING, Schema};
    use tantivy::{Index, TantivyDocument};

    #[test]
    fn words_with_prefix_lists_few_and_gives_up_on_many() {
        let mut b = Schema::builder();
        let f = b.add_text_field("w", STRING);
        let index = Index::create_in_ram(b.build());
        let mut w = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        let n = ranking::PREFIX_MAX_TERMS + 1;
        for i in 0..n {
            let mut d = TantivyDocument::new();
            d.add_text(f, format!("many{i:03}"));
            d.add_text(f, if i % 2 == 0 { "fewa" } else { "fewb" });
            w.add_document(d).expect("add");
        }
        w.commit().expect("commit");
        let searcher = index.reader().expect("reader").searcher();
        let mut few = words_with_prefix(&searcher, f, "few").expect("few");
        few.sort();
        assert_eq!(few, vec!["fewa", "fewb"]);
        assert_eq!(words_with_prefix(&searcher, f, "many"), None);
        assert_eq!(
            words_with_prefix(&searcher, f, "many00").map(|v| v.len()),
            Some(10)
        );
        assert_eq!(words_with_prefix(&searcher, f, "zzz"), Some(vec![]));
    }

    fn video_json(host: &str, uuid: &str) -> String {
        format!(
            r#"{{"kind": "video", "host": "{host}", "id": 1, "uuid": "{uuid}", "name": "A video",
            "privacy": {{"id": 1}}, "createdAt": "2021-01-10T08:00:00.000Z",
            "publishedAt": "2021-01-10T08:00:00.000Z", "embedPath": "/videos/embed/{uuid}",
            "url": "https://{host}/videos/watch/{uuid}",
            "account": {{"id": 1, "name": "alice", "displayName": "Alice", "url": "https://{host}/a/alice", "host": "{host}"}},
            "channel": {{"id": 2, "name": "alice_channel", "displayName": "Alice's", "url": "https://{host}/c/alice_channel", "host": "{host}"}}}}"#
        )
    }

    fn playlist_json(host: &str, uuid: &str) -> String {
        format!(
            r#"{{"kind": "playlist", "host": "{host}", "id": 1, "uuid": "{uuid}", "displayName": "A playlist",
            "privacy": {{"id": 1}}, "videosLength": 1, "type": {{"id": 1}},
            "url": "https://{host}/videos/watch/playlist/{uuid}", "createdAt": "2023-01-01T00:00:00.000Z",
            "ownerAccount": {{"id": 1, "name": "bob", "displayName": "Bob", "url": "https://{host}/a/bob", "host": "{host}"}}}}"#
        )
    }

    #[test]
    fn uuid_owner_names_the_host_holding_the_uuid_per_kind() {
        const U1: &str = "3f1af22b-8a22-5bf0-98d3-d234176a75ad";
        const U2: &str = "e7a3cb5c-836d-5286-8e6b-ea873e5033dd";
        let idx = SearchIndex::in_memory().expect("index");
        for line in [video_json("a.example", U1), playlist_json("b.example", U2)] {
            let mut r = Record::from_json(&line).expect("record");
            r.normalize().expect("normalize");
            idx.upsert(&r).expect("upsert");
        }
        assert_eq!(idx.uuid_owner(DocKind::Video, U1).expect("lookup"), None);
        idx.commit().expect("commit");
        let owner = |k, u: &str| idx.uuid_owner(k, u).expect("lookup");
        assert_eq!(owner(DocKind::Video, U1).as_deref(), Some("a.example"));
        assert_eq!(owner(DocKind::Playlist, U2).as_deref(), Some("b.example"));
        // Kinds are separate, unknown uuids have no owner, channels no uuid.
        assert_eq!(owner(DocKind::Playlist, U1), None);
        assert_eq!(owner(DocKind::Video, U2), None);
        assert_eq!(owner(DocKind::Channel, U1), None);
        assert_eq!(owner(DocKind::Group, U1), None);
        // A uuid written without dashes is the same uuid.
        assert_eq!(
            owner(DocKind::Video, &U1.replace('-', "")).as_deref(),
            Some("a.example")
        );
    }
}
