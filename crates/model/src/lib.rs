//! Domain types of sepiola and their wire formats.
//!
//! The objects here are the ones the PeerTube-compatible search API returns
//! (PeerTube's models, <https://docs.joinpeertube.org/api-rest-reference.html>)
//! and the Mobilizon events and groups its global search reads. Every kind
//! implements [`Document`]; every search implements [`query::SearchQuery`].
//! The index stores them as they are, the import/export
//! format is a JSON line per object, and the crawler builds them from what
//! instances serve. Nothing here knows about HTTP servers or tantivy.

pub mod actor;
pub mod channel;
pub mod document;
pub mod error;
pub mod event;
pub mod group;
pub mod host;
pub mod ids;
pub mod instance;
pub mod labels;
pub mod limits;
pub mod net;
pub mod nsfw;
pub mod origin;
pub mod place;
pub mod playlist;
pub mod query;
pub mod record;
pub mod short_uuid;
pub mod stamp;
pub mod text;
pub mod thumbnail;
pub mod time;
pub mod video;

#[cfg(test)]
mod fuzz;

pub use actor::{ActorImage, ActorSummary, OwnerAccount};
pub use channel::Channel;
pub use document::{DocKey, DocKind, Document};
pub use error::ModelError;
pub use event::{Event, EventStatus};
pub use group::Group;
pub use host::Host;
pub use labels::{Label, NumericLabel};
pub use playlist::Playlist;
pub use record::Record;
pub use stamp::ChangeStamp;
pub use thumbnail::Thumbnail;
pub use time::Timestamp;
pub use video::Video;
