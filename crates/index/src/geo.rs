//! Geography on an index that has none: every point is indexed as one
//! grid-cell term per level (plus `lat`/`lon` fast fields). A radius or a
//! viewport is first turned into the cells that cover it (the finest level
//! where they are few), which finds the candidates through the term index;
//! then each candidate's exact position is checked on the fast fields
//! (haversine for a radius). The cover is a superset by construction, so
//! the exact check alone decides, and totals are exact.

use std::f64::consts::PI;

use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, TermSetQuery, Weight};
use tantivy::schema::Field;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

use sepiola_model::query::{BBox, Circle, GeoFilter};

/// Mean Earth radius (IUGG), km.
pub const EARTH_RADIUS_KM: f64 = 6_371.008_8;

/// Cell sizes in degrees, finest first. A document gets one cell per level.
pub const LEVELS: [f64; 4] = [0.25, 1.0, 5.0, 30.0];

/// The term every document with a point has: the cover of "anywhere".
pub const ANY_CELL: &str = "any";

/// A query looks up at most this many cells; past that, the next level.
const MAX_CELLS: usize = 64;

/// Degrees added around a cover, against rounding at cell edges.
const MARGIN_DEG: f64 = 1e-6;

/// Great-circle distance between two points given in degrees, in km.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

fn grid(size: f64) -> (i64, i64) {
    ((180.0 / size).ceil() as i64, (360.0 / size).ceil() as i64)
}

fn row(size: f64, lat: f64) -> i64 {
    let (rows, _) = grid(size);
    (((lat + 90.0) / size).floor() as i64).clamp(0, rows - 1)
}

fn col(size: f64, lon: f64) -> i64 {
    let (_, cols) = grid(size);
    (((lon + 180.0) / size).floor() as i64).rem_euclid(cols)
}

fn cell_name(level: usize, row: i64, col: i64) -> String {
    format!("{level}:{row}:{col}")
}

/// The cell terms of a point (one per level, and [`ANY_CELL`]).
pub fn cell_terms(lat: f64, lon: f64) -> Vec<String> {
    let mut out: Vec<String> = LEVELS
        .iter()
        .enumerate()
        .map(|(l, &size)| cell_name(l, row(size, lat), col(size, lon)))
        .collect();
    out.push(ANY_CELL.to_string());
    out
}

/// The cells a query looks up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cover {
    /// Too large for cells: every document with a point is a candidate.
    All,
    /// These cell terms.
    Cells(Vec<String>),
}

impl Cover {
    fn len(&self) -> usize {
        match self {
            Cover::All => usize::MAX,
            Cover::Cells(c) => c.len(),
        }
    }
}

/// A latitude band and longitude ranges (each within -180..=180), or every
/// longitude when `lons` is `None`.
fn cover_area(lat_min: f64, lat_max: f64, lons: Option<&[(f64, f64)]>) -> Cover {
    let lat_min = (lat_min - MARGIN_DEG).max(-90.0);
    let lat_max = (lat_max + MARGIN_DEG).min(90.0);
    for (level, &size) in LEVELS.iter().enumerate() {
        let (_, cols) = grid(size);
        let mut col_set: Vec<i64> = Vec::new();
        match lons {
            None => col_set.extend(0..cols),
            Some(ranges) => {
                for &(lo, hi) in ranges {
                    let lo = (lo - MARGIN_DEG).max(-180.0);
                    let hi = (hi + MARGIN_DEG).min(180.0);
                    let (a, b) = (
                        ((lo + 180.0) / size).floor() as i64,
                        ((hi + 180.0) / size).floor() as i64,
                    );
                    col_set.extend(a.max(0)..=b.min(cols - 1));
                    if hi >= 180.0 {
                        // 180° is stored as -180°, in column 0.
                        col_set.push(0);
                    }
                }
            }
        }
        col_set.sort_unstable();
        col_set.dedup();
        let rows = row(size, lat_min)..=row(size, lat_max);
        let n = (rows.end() - rows.start() + 1) as usize * col_set.len();
        if n > MAX_CELLS {
            continue;
        }
        let mut cells = Vec::with_capacity(n);
        for r in rows {
            for &c in &col_set {
                cells.push(cell_name(level, r, c));
            }
        }
        return Cover::Cells(cells);
    }
    Cover::All
}

/// Splits a longitude interval that may run past ±180 into ranges within
/// -180..=180; `None` when it spans every longitude.
fn lon_ranges(lo: f64, hi: f64) -> Option<Vec<(f64, f64)>> {
    if hi - lo >= 360.0 {
        return None;
    }
    Some(if lo < -180.0 {
        vec![(lo + 360.0, 180.0), (-180.0, hi)]
    } else if hi > 180.0 {
        vec![(lo, 180.0), (-180.0, hi - 360.0)]
    } else {
        vec![(lo, hi)]
    })
}

/// The cells covering every point within the circle.
pub fn cover_circle(c: &Circle) -> Cover {
    let ang = c.radius_km.max(0.0) / EARTH_RADIUS_KM;
    if !ang.is_finite() || ang >= PI {
        return Cover::All;
    }
    let deg = ang.to_degrees();
    let (lat_min, lat_max) = (c.lat - deg, c.lat + deg);
    if lat_min <= -90.0 || lat_max >= 90.0 {
        // The cap holds a pole: every longitude.
        return cover_area(lat_min, lat_max, None);
    }
    // Widest longitude of a spherical cap that holds no pole.
    let s = ang.sin() / c.lat.to_radians().cos();
    if s.is_nan() || s >= 1.0 {
        return cover_area(lat_min, lat_max, None);
    }
    let dlon = s.asin().to_degrees();
    match lon_ranges(c.lon - dlon, c.lon + dlon) {
        None => cover_area(lat_min, lat_max, None),
        Some(r) => cover_area(lat_min, lat_max, Some(&r)),
    }
}

/// The cells covering the viewport.
pub fn cover_bbox(b: &BBox) -> Cover {
    if b.all_longitudes {
        return cover_area(b.south, b.north, None);
    }
    let ranges = if b.west <= b.east {
        vec![(b.west, b.east)]
    } else {
        vec![(b.west, 180.0), (-180.0, b.east)]
    };
    cover_area(b.south, b.north, Some(&ranges))
}

/// Whether a point is inside the circle.
pub fn in_circle(c: &Circle, lat: f64, lon: f64) -> bool {
    haversine_km(c.lat, c.lon, lat, lon) <= c.radius_km
}

/// Whether a point is inside the viewport (edges included).
pub fn in_bbox(b: &BBox, lat: f64, lon: f64) -> bool {
    if lat < b.south || lat > b.north {
        return false;
    }
    b.all_longitudes
        || if b.west <= b.east {
            (b.west..=b.east).contains(&lon)
        } else {
            lon >= b.west || lon <= b.east
        }
}

fn matches(f: &GeoFilter, lat: f64, lon: f64) -> bool {
    f.near.as_ref().is_none_or(|c| in_circle(c, lat, lon))
        && f.bbox.as_ref().is_none_or(|b| in_bbox(b, lat, lon))
}

/// Documents whose point satisfies the filter: candidates from the cell
/// terms, then the exact check on the `lat`/`lon` fast fields.
#[derive(Debug, Clone)]
pub struct GeoQuery {
    cells: Vec<Term>,
    filter: GeoFilter,
}

impl GeoQuery {
    /// The query for `filter` over the cell field `cell`.
    pub fn new(filter: GeoFilter, cell: Field) -> GeoQuery {
        let near = filter.near.as_ref().map(cover_circle);
        let bbox = filter.bbox.as_ref().map(cover_bbox);
        let cover = match (near, bbox) {
            (Some(a), Some(b)) => {
                if a.len() <= b.len() {
                    a
                } else {
                    b
                }
            }
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => Cover::All,
        };
        let names = match cover {
            Cover::All => vec![ANY_CELL.to_string()],
            Cover::Cells(c) => c,
        };
        GeoQuery {
            cells: names
                .iter()
                .map(|n| Term::from_field_text(cell, n))
                .collect(),
            filter,
        }
    }
}

impl Query for GeoQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let inner = TermSetQuery::new(self.cells.clone()).weight(enable_scoring)?;
        Ok(Box::new(GeoWeight {
            inner,
            filter: self.filter,
        }))
    }
}

struct GeoWeight {
    inner: Box<dyn Weight>,
    filter: GeoFilter,
}

impl Weight for GeoWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let inner = self.inner.scorer(reader, boost)?;
        let mut s = GeoScorer {
            inner,
            lat: reader.fast_fields().f64("lat")?,
            lon: reader.fast_fields().f64("lon")?,
            filter: self.filter,
        };
        s.settle();
        Ok(Box::new(s))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut s = self.scorer(reader, 1.0)?;
        if s.seek(doc) == doc {
            Ok(Explanation::new("geo filter", s.score()))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match the geo filter"
            )))
        }
    }
}

struct GeoScorer {
    inner: Box<dyn Scorer>,
    lat: Column<f64>,
    lon: Column<f64>,
    filter: GeoFilter,
}

impl GeoScorer {
    /// Moves to the first candidate at or after the current one that passes
    /// the exact check.
    fn settle(&mut self) -> DocId {
        let mut d = self.inner.doc();
        while d != TERMINATED {
            if let (Some(lat), Some(lon)) = (self.lat.first(d), self.lon.first(d))
                && matches(&self.filter, lat, lon)
            {
                return d;
            }
            d = self.inner.advance();
        }
        TERMINATED
    }
}

impl DocSet for GeoScorer {
    fn advance(&mut self) -> DocId {
        self.inner.advance();
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.inner.seek(target);
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }
}

impl Scorer for GeoScorer {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The point `km` away from (lat, lon) along `bearing` (degrees).
    fn destination(lat: f64, lon: f64, bearing: f64, km: f64) -> (f64, f64) {
        let d = km / EARTH_RADIUS_KM;
        let (p1, l1, b) = (lat.to_radians(), lon.to_radians(), bearing.to_radians());
        let p2 = (p1.sin() * d.cos() + p1.cos() * d.sin() * b.cos()).asin();
        let l2 = l1 + (b.sin() * d.sin() * p1.cos()).atan2(d.cos() - p1.sin() * p2.sin());
        let lon2 = (l2.to_degrees() + 540.0).rem_euclid(360.0) - 180.0;
        (p2.to_degrees(), lon2)
    }

    fn covered(cover: &Cover, lat: f64, lon: f64) -> bool {
        match cover {
            Cover::All => true,
            Cover::Cells(cells) => cell_terms(lat, lon).iter().any(|t| cells.contains(t)),
        }
    }

    #[test]
    fn haversine_matches_known_distances() {
        // Paris – London ≈ 344 km; a degree of latitude ≈ 111.2 km.
        let d = haversine_km(48.8566, 2.3522, 51.5074, -0.1278);
        assert!((d - 343.5).abs() < 1.5, "{d}");
        assert!((haversine_km(0.0, 0.0, 1.0, 0.0) - 111.19).abs() < 0.01);
        assert!((haversine_km(0.0, 179.5, 0.0, -179.5) - 111.19).abs() < 0.01);
        assert_eq!(haversine_km(10.0, 10.0, 10.0, 10.0), 0.0);
    }

    #[test]
    fn small_radius_uses_few_fine_cells() {
        let c = Circle {
            lat: 48.85,
            lon: 2.35,
            radius_km: 10.0,
        };
        match cover_circle(&c) {
            Cover::Cells(cells) => {
                assert!(cells.len() <= 9, "{cells:?}");
                assert!(cells.iter().all(|c| c.starts_with("0:")));
            }
            Cover::All => panic!("a 10 km circle covers the world?"),
        }
        let huge = Circle {
            radius_km: 20_000.0,
            ..c
        };
        assert_eq!(cover_circle(&huge), Cover::All);
    }

    #[test]
    fn covers_handle_the_antimeridian_and_poles() {
        let c = Circle {
            lat: -17.7,
            lon: 179.9,
            radius_km: 50.0,
        };
        let cover = cover_circle(&c);
        let (lat, lon) = destination(-17.7, 179.9, 90.0, 40.0);
        assert!(lon < 0.0, "crossed: {lon}");
        assert!(covered(&cover, lat, lon));
        assert!(covered(&cover, -17.7, 180.0));
        assert!(covered(&cover, -17.7, -180.0));
        let pole = Circle {
            lat: 89.9,
            lon: 0.0,
            radius_km: 100.0,
        };
        let cover = cover_circle(&pole);
        assert!(covered(&cover, 89.5, 179.0));
        assert!(covered(&cover, 90.0, -45.0));
        let b = BBox {
            north: 10.0,
            west: 170.0,
            south: -10.0,
            east: -170.0,
            all_longitudes: false,
        };
        let cover = cover_bbox(&b);
        assert!(covered(&cover, 0.0, 175.0) && in_bbox(&b, 0.0, 175.0));
        assert!(covered(&cover, 0.0, -175.0) && in_bbox(&b, 0.0, -175.0));
        assert!(!in_bbox(&b, 0.0, 0.0));
        assert!(covered(&cover, 0.0, 180.0) && in_bbox(&b, 0.0, 180.0));
    }

    proptest! {
        #[test]
        fn circle_cover_never_misses_a_point_inside(
            lat in -90.0f64..=90.0,
            lon in -180.0f64..=180.0,
            radius in 0.0f64..3_000.0,
            bearing in 0.0f64..360.0,
            frac in 0.0f64..=1.0,
        ) {
            let c = Circle { lat, lon, radius_km: radius };
            let (plat, plon) = destination(lat, lon, bearing, radius * frac);
            prop_assume!(in_circle(&c, plat, plon));
            prop_assert!(covered(&cover_circle(&c), plat, plon),
                "({plat}, {plon}) within {radius} km of ({lat}, {lon}) not covered");
        }

        #[test]
        fn bbox_cover_never_misses_a_point_inside(
            south in -90.0f64..=90.0,
            height in 0.0f64..60.0,
            west in -180.0f64..=180.0,
            width in 0.0f64..120.0,
            fy in 0.0f64..=1.0,
            fx in 0.0f64..=1.0,
        ) {
            let north = (south + height).min(90.0);
            let east = (west + width + 180.0).rem_euclid(360.0) - 180.0;
            let b = BBox { north, west, south, east, all_longitudes: false };
            let lat = south + (north - south) * fy;
            let lon = (west + width * fx + 180.0).rem_euclid(360.0) - 180.0;
            prop_assume!(in_bbox(&b, lat, lon));
            prop_assert!(covered(&cover_bbox(&b), lat, lon));
        }
    }
}
