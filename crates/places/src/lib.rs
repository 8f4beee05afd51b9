//! The embedded gazetteer: every city and town of 15,000 people or more
//! that GeoNames knows (see `data/README.md` for the source and licence),
//! so a visitor can type "Lyon" or "Zürich" and sepiola never asks a
//! geocoding or map service.
//!
//! [`Gazetteer::global`] parses the committed file once, on first use;
//! [`Gazetteer::search`] finds places by the start of any of their names
//! (accents, case and punctuation ignored, biggest first) and
//! [`Gazetteer::nearest`] names the place closest to a point.

mod error;
mod fold;
mod gazetteer;
mod place;

pub use error::PlaceError;
pub use fold::fold;
pub use gazetteer::{Gazetteer, MAX_COUNT, MAX_QUERY_CHARS};
pub use place::Place;

/// The gazetteer as committed: one tab-separated line a place, biggest
/// first (columns in `data/build.py`), and `#` comment lines.
pub const CITIES_TSV: &str = include_str!("../data/cities.tsv");
