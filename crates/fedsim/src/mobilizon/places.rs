//! Real places for Mobilizon events and groups: the cities of sepiola's
//! committed gazetteer (`crates/places/data/cities.tsv`, GeoNames, CC BY 4.0),
//! read from the file itself so fedsim depends on no sepiola crate.

use std::sync::OnceLock;

/// The gazetteer file, embedded.
const CITIES_TSV: &str = include_str!("../../../places/data/cities.tsv");

/// Cities kept, biggest first (enough for variety in many countries, few
/// enough to parse at once).
const KEPT: usize = 2_000;

/// A city of the gazetteer.
#[derive(Debug, Clone)]
pub struct City {
    /// English name.
    pub name: String,
    /// ISO country code.
    pub country_code: String,
    /// Country name.
    pub country: String,
    /// Region (admin 1) code.
    pub region: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Inhabitants.
    pub population: u64,
    /// IANA time zone.
    pub time_zone: String,
}

fn parse_line(line: &str) -> Option<City> {
    if line.starts_with('#') {
        return None;
    }
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() < 9 {
        return None;
    }
    Some(City {
        name: f[1].to_string(),
        country_code: f[2].to_string(),
        country: f[3].to_string(),
        region: f[4].to_string(),
        lat: f[5].parse().ok()?,
        lon: f[6].parse().ok()?,
        population: f[7].parse().ok()?,
        time_zone: f[8].to_string(),
    })
}

/// The biggest cities of the gazetteer (parsed once).
pub fn cities() -> &'static [City] {
    static CITIES: OnceLock<Vec<City>> = OnceLock::new();
    CITIES.get_or_init(|| {
        let mut all: Vec<City> = CITIES_TSV.lines().filter_map(parse_line).collect();
        all.sort_by(|a, b| b.population.cmp(&a.population).then(a.name.cmp(&b.name)));
        all.truncate(KEPT);
        all
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gazetteer_reads() {
        let c = cities();
        assert_eq!(c.len(), KEPT);
        assert!(
            c.iter()
                .any(|c| c.name == "Paris" && c.time_zone == "Europe/Paris")
        );
        assert!(c.iter().all(|c| (-90.0..=90.0).contains(&c.lat)));
        let countries: std::collections::HashSet<&str> =
            c.iter().map(|c| c.country_code.as_str()).collect();
        assert!(countries.len() > 50, "{}", countries.len());
    }
}
