//! Fields of the kinds that have a place on the map (events, groups): grid
//! cells for the coarse filter, latitude and longitude for the exact check
//! ([`crate::geo`]).

use sepiola_model::place::Place;
use tantivy::TantivyDocument;
use tantivy::schema::{Field, STRING, SchemaBuilder};

use crate::geo;
use crate::kinds::fields::num_fast;

/// Fields every point-bearing kind has.
#[derive(Debug, Clone, Copy)]
pub struct GeoFields {
    /// Grid cells of the point, one per level (see [`crate::geo`]).
    pub cell: Field,
    /// Latitude (fast).
    pub lat: Field,
    /// Longitude (fast).
    pub lon: Field,
}

impl GeoFields {
    /// Adds the map fields to a schema.
    pub fn build(b: &mut SchemaBuilder) -> GeoFields {
        GeoFields {
            cell: b.add_text_field("cell", STRING),
            lat: b.add_f64_field("lat", num_fast()),
            lon: b.add_f64_field("lon", num_fast()),
        }
    }

    /// Indexes a place's point, if it has one.
    pub fn add(&self, d: &mut TantivyDocument, place: Option<&Place>) {
        if let Some(p) = place.and_then(|p| p.point()) {
            for c in geo::cell_terms(p.lat, p.lon) {
                d.add_text(self.cell, c);
            }
            // 180° and -180° are one meridian; store one of them.
            let lon = if p.lon >= 180.0 { -180.0 } else { p.lon };
            d.add_f64(self.lat, p.lat);
            d.add_f64(self.lon, lon);
        }
    }
}
