//! The crawler of sepiola: it reads an approved list of PeerTube instances,
//! fetches their public API politely and defensively, turns what they send
//! into validated [`sepiola_model`] documents and keeps the index in step
//! with what each instance serves.
//!
//! Layout: [`settings`] (what an operator tunes), [`source`] (instance lists),
//! [`addr_guard`] (which addresses may be contacted), [`client`] (the guarded,
//! polite HTTP client), [`listing`] (the one listing driver: paging, caps,
//! diff against the index, writes, deletions), [`peertube`] (PeerTube wire
//! shapes → model, and its videos, channels and playlists as listed kinds),
//! [`mobilizon`] (Mobilizon's GraphQL listings of events and groups),
//! [`pass`] (what a pass works with), [`host_pass`] (one pass over one
//! host), [`claims`] (uuid owners), [`reject`] (why a document is refused), [`health`] (per-host health and
//! back-off), [`state`] (the crawl state file) and [`scheduler`] (what runs
//! when).

pub mod addr_guard;
pub mod claims;
pub mod client;
pub mod error;
#[cfg(test)]
mod fuzz;
pub mod health;
pub mod host_pass;
pub mod listing;
pub mod mobilizon;
pub mod pass;
pub mod peertube;
pub mod reject;
pub mod scheduler;
pub mod settings;
pub mod source;
pub mod state;

pub use error::{CrawlError, FetchError};
pub use pass::PassKind;
pub use scheduler::{Crawler, CycleSummary, Progress};
pub use settings::CrawlSettings;
