//! One place of the gazetteer and the line of `cities.tsv` it comes from.

/// A city or town: what the place box shows and what a search near it
/// needs (its point, and its time zone for "today" and "this weekend").
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id, stable across builds: links name a place by it.
    pub id: u32,
    /// The name GeoNames gives it (in its own language, Latin script).
    pub name: String,
    /// ISO 3166-1 alpha-2 code (`FR`).
    pub country_code: String,
    /// The country's English name.
    pub country: String,
    /// First-level region code inside the country (GeoNames' admin1).
    pub region: String,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// People living there.
    pub population: u64,
    /// IANA time zone (`Europe/Paris`); may be empty.
    pub time_zone: String,
    /// The other names people type (Londres, Genf, Москва …).
    pub alternate_names: Vec<String>,
}

/// Why one line of `cities.tsv` was skipped (counted, never fatal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BadLine {
    /// Fewer than the ten columns.
    Columns,
    /// The id or population is not a number.
    Number,
    /// The point is not a finite latitude/longitude in range.
    Point,
    /// The name is empty.
    Name,
}

impl Place {
    /// Reads one data line (not a comment): ten tab-separated columns.
    pub(crate) fn parse(line: &str) -> Result<Place, BadLine> {
        let mut cols = line.split('\t');
        let mut next = || cols.next().ok_or(BadLine::Columns);
        let id = next()?.trim().parse().map_err(|_| BadLine::Number)?;
        let name = next()?.trim().to_owned();
        let country_code = next()?.trim().to_owned();
        let country = next()?.trim().to_owned();
        let region = next()?.trim().to_owned();
        let lat: f64 = next()?.trim().parse().map_err(|_| BadLine::Point)?;
        let lon: f64 = next()?.trim().parse().map_err(|_| BadLine::Point)?;
        let population = next()?.trim().parse().map_err(|_| BadLine::Number)?;
        let time_zone = next()?.trim().to_owned();
        let alternate_names = next()?
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect();
        if !(lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0) {
            return Err(BadLine::Point);
        }
        if name.is_empty() {
            return Err(BadLine::Name);
        }
        Ok(Place {
            id,
            name,
            country_code,
            country,
            region,
            lat,
            lon,
            population,
            time_zone,
            alternate_names,
        })
    }

    /// Every name of the place: its own first, then the alternate ones.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.alternate_names.iter().map(String::as_str))
    }

    /// Great-circle distance to a point, in kilometres (haversine, mean
    /// Earth radius).
    pub fn distance_km(&self, lat: f64, lon: f64) -> f64 {
        haversine_km(self.lat, self.lon, lat, lon)
    }
}

/// Mean Earth radius in kilometres, as the index's geo filters use.
pub(crate) const EARTH_RADIUS_KM: f64 = 6371.0;

/// Great-circle distance between two points in degrees, in kilometres.
pub(crate) fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().clamp(0.0, 1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_reads_and_bad_lines_say_why() {
        let p = Place::parse(
            "2660646\tGenève\tCH\tSwitzerland\t25\t46.20222\t6.14569\t183981\tEurope/Zurich\tGeneva|Genf||Ginevra",
        );
        let p = p.unwrap();
        assert_eq!(
            (p.id, p.name.as_str(), p.country_code.as_str()),
            (2660646, "Genève", "CH")
        );
        assert_eq!(p.alternate_names, ["Geneva", "Genf", "Ginevra"]);
        assert_eq!(p.names().count(), 4);
        assert_eq!(Place::parse("1\tX\tFR"), Err(BadLine::Columns));
        assert_eq!(
            Place::parse("x\tX\tFR\tF\t1\t1\t1\t1\tE\t"),
            Err(BadLine::Number)
        );
        assert_eq!(
            Place::parse("1\tX\tFR\tF\t1\t91\t1\t1\tE\t"),
            Err(BadLine::Point)
        );
        assert_eq!(
            Place::parse("1\tX\tFR\tF\t1\tNaN\t1\t1\tE\t"),
            Err(BadLine::Point)
        );
        assert_eq!(
            Place::parse("1\t \tFR\tF\t1\t1\t1\t1\tE\t"),
            Err(BadLine::Name)
        );
    }

    #[test]
    fn haversine_matches_a_known_distance() {
        // Paris – Lyon is about 392 km as the crow flies.
        let d = haversine_km(48.85341, 2.3488, 45.74846, 4.84671);
        assert!((d - 392.0).abs() < 3.0, "{d}");
        assert!(haversine_km(1.0, 2.0, 1.0, 2.0).abs() < 1e-9);
    }
}
