//! The actors documents embed, and their rewrite.
//!
//! Videos embed their `channel` and `account`, playlists their
//! `ownerAccount` and `videoChannel`, channels their `ownerAccount`. When a
//! channel or an account changes on its instance (a new avatar, a new
//! display name), PeerTube does not bump the `updatedAt` of the documents
//! that embed it, so nothing in their listings says they are stale. The
//! index therefore keeps, per embedded actor, two terms in the common
//! `actors` field:
//!
//! * `<role> <name@host>` — the documents embedding that actor;
//! * `<role> <name@host> <hash>` — those embedding this exact copy, where
//!   the hash is [`ActorSummary::summary_hash`] (names, URL, avatars).
//!
//! "Embeds the actor but not this copy" is then one boolean query per actor,
//! and [`SearchIndex::rewrite_actors`] replaces the stale copies from the
//! documents' stored JSON, without asking the instance for each document.
//! Since the query finds stale copies whatever the pass that changed the
//! actor, a rewrite cut short by its limit resumes on the next call.

use std::collections::{BTreeSet, HashMap};

use sepiola_model::{ActorSummary, DocKind, Document};
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, TantivyDocument, Term};

use crate::analysis::Analysis;
use crate::error::IndexError;
use crate::export::export_body;
use crate::kinds::Kind;
use crate::part::{AnyPart, Part};
use crate::search_index::SearchIndex;

/// Which embedded actor: a channel (`channel`, `videoChannel`) or an
/// account (`account`, `ownerAccount`). Channel and account handles may be
/// equal (`alice@host` can name both), so terms carry the role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorRole {
    /// A video channel.
    Channel,
    /// An account.
    Account,
}

impl ActorRole {
    fn prefix(self) -> &'static str {
        match self {
            ActorRole::Channel => "channel",
            ActorRole::Account => "account",
        }
    }
}

/// The terms a document gets for one embedded actor.
pub(crate) fn actor_terms(role: ActorRole, actor: &ActorSummary) -> [String; 2] {
    let by_handle = handle_term(role, &actor.handle());
    let exact = format!("{by_handle} {:016x}", actor.summary_hash());
    [by_handle, exact]
}

/// The term of every document embedding the channel `handle`.
pub(crate) fn channel_term(handle: &str) -> String {
    handle_term(ActorRole::Channel, handle)
}

/// The term `<role> <handle>` of every document embedding that actor.
pub(crate) fn handle_term(role: ActorRole, handle: &str) -> String {
    format!("{} {handle}", role.prefix())
}

/// The current copies of changed (or possibly changed) actors, by role and
/// handle: what [`SearchIndex::rewrite_actors`] puts in the documents that
/// embed an older copy.
#[derive(Debug, Clone, Default)]
pub struct ActorUpdates {
    actors: HashMap<(ActorRole, String), ActorSummary>,
}

impl ActorUpdates {
    /// No actors.
    pub fn new() -> ActorUpdates {
        ActorUpdates::default()
    }

    /// Adds (or replaces) the current copy of an actor. For accounts, the
    /// extras of channel owners (description, counts, dates) are kept and
    /// go only where the document already had them (`ownerAccount` of
    /// channels); summaries stay summaries.
    pub fn insert(&mut self, role: ActorRole, actor: ActorSummary) {
        self.actors.insert((role, actor.handle()), actor);
    }

    /// Number of actors.
    pub fn len(&self) -> usize {
        self.actors.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    fn get(&self, role: ActorRole, handle: &str) -> Option<&ActorSummary> {
        self.actors.get(&(role, handle.to_string()))
    }
}

/// What a rewrite did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rewrite {
    /// Documents found holding a stale copy of one of the actors.
    pub stale: u64,
    /// Documents rewritten (at most the limit; the rest wait for the next
    /// rewrite, which finds them again).
    pub rewritten: u64,
}

impl Rewrite {
    /// Whether every stale document was rewritten.
    pub fn complete(&self) -> bool {
        self.rewritten >= self.stale
    }
}

/// The kinds that embed actors, in the order a rewrite visits them.
const EMBEDDING: [DocKind; 3] = [DocKind::Video, DocKind::Playlist, DocKind::Channel];

impl SearchIndex {
    /// Replaces, in every video, playlist and channel, the embedded copy of
    /// each actor of `updates` that differs from it (by
    /// [`ActorSummary::summary_hash`]), rewriting at most `limit` documents.
    /// Documents are rebuilt from their stored JSON (whole description
    /// included) and re-indexed, text fields too, since actor names are
    /// searched. Reads the last commit: commit the pass's other writes
    /// first, or a rewrite could put back what they replaced. Searchable
    /// after the next commit.
    pub fn rewrite_actors(
        &self,
        updates: &ActorUpdates,
        limit: u64,
    ) -> Result<Rewrite, IndexError> {
        let mut total = Rewrite::default();
        if updates.is_empty() {
            return Ok(total);
        }
        for kind in EMBEDDING {
            let left = limit.saturating_sub(total.rewritten);
            let r = self
                .part(kind)
                .rewrite_actors(self.analysis(), updates, left)?;
            total.stale += r.stale;
            total.rewritten += r.rewritten;
        }
        Ok(total)
    }

    /// The number of documents (videos, playlists, channels) holding a
    /// copy of an actor of `updates` that differs from it.
    pub fn stale_actor_copies(&self, updates: &ActorUpdates) -> Result<u64, IndexError> {
        let mut n = 0;
        for kind in EMBEDDING {
            n += self
                .part(kind)
                .rewrite_actors(self.analysis(), updates, 0)?
                .stale;
        }
        Ok(n)
    }
}

/// The documents of a part holding a stale copy of an actor of `updates`.
fn stale_docs(
    part: &dyn AnyPart,
    updates: &ActorUpdates,
) -> Result<BTreeSet<DocAddress>, IndexError> {
    let field = part.common().actors;
    let searcher = part.index().searcher();
    let mut out = BTreeSet::new();
    for ((role, handle), actor) in &updates.actors {
        let [by_handle, exact] = actor_terms(*role, actor);
        debug_assert_eq!(by_handle, handle_term(*role, handle));
        let term = |t: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, t),
                IndexRecordOption::Basic,
            ))
        };
        let q = BooleanQuery::new(vec![
            (Occur::Must, term(&by_handle)),
            (Occur::MustNot, term(&exact)),
        ]);
        out.extend(searcher.search(&q, &DocSetCollector)?);
    }
    Ok(out)
}

/// Puts `new` in place of `old`, keeping the shape `old` had: a summary
/// stays a summary; an owner account with extras gets the new extras (or
/// keeps its own when `new` has none).
fn replace(old: &mut ActorSummary, new: &ActorSummary) {
    let had_extras = old.description.is_some()
        || old.followers_count.is_some()
        || old.following_count.is_some()
        || old.created_at.is_some()
        || old.updated_at.is_some();
    let mut next = new.summary();
    if had_extras {
        next.description = new.description.clone().or(old.description.take());
        next.followers_count = new.followers_count.or(old.followers_count);
        next.following_count = new.following_count.or(old.following_count);
        next.created_at = new.created_at.or(old.created_at);
        next.updated_at = new.updated_at.or(old.updated_at);
    }
    *old = next;
}

/// One part's side of [`SearchIndex::rewrite_actors`] (reached through
/// [`AnyPart`], whatever the kind).
pub(crate) fn rewrite_in<K: Kind>(
    part: &Part<K>,
    analysis: &Analysis,
    updates: &ActorUpdates,
    limit: u64,
) -> Result<Rewrite, IndexError> {
    let stale = stale_docs(part, updates)?;
    let mut out = Rewrite {
        stale: stale.len() as u64,
        rewritten: 0,
    };
    let searcher = part.index().searcher();
    for addr in stale {
        if out.rewritten >= limit {
            break;
        }
        let stored: TantivyDocument = searcher.doc(addr)?;
        let body = export_body(&stored, part.common())?;
        let mut doc: K::Doc =
            serde_json::from_str(&body).map_err(|e| IndexError::Corrupt(e.to_string()))?;
        for (role, actor) in K::embedded_mut(&mut doc) {
            if let Some(new) = updates.get(role, &actor.handle()) {
                replace(actor, new);
            }
        }
        let key = doc.key();
        part.index().upsert(&key, part.document(&doc, analysis)?)?;
        out.rewritten += 1;
    }
    Ok(out)
}
