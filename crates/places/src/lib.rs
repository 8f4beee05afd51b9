//! The embedded gazetteer: every city and town of 15,000 people or more
//! that GeoNames knows (see `data/README.md` for the source and licence),
//! so a visitor can type "Lyon" or "Zürich" and sepiola never asks a
//! geocoding or map service.

/// The gazetteer as committed: one tab-separated line a place, biggest
/// first (columns in `data/build.py`), and `#` comment lines.
pub const CITIES_TSV: &str = include_str!("../data/cities.tsv");
