//! The parsed gazetteer and its two lookups: by the start of a name
//! (a sorted array of folded names and a binary search) and by a point
//! (the closest place, over unit vectors).

use std::sync::LazyLock;

use crate::error::PlaceError;
use crate::fold::{fold, fold_keep_accents};
use crate::place::{Place, haversine_km};

/// Most places one search returns.
pub const MAX_COUNT: usize = 50;

/// Longest search accepted, in characters (no name in the file is longer
/// than 60; a longer query can only miss).
pub const MAX_QUERY_CHARS: usize = 100;

/// Every place of `cities.tsv`, parsed once, with its lookup tables.
#[derive(Debug)]
pub struct Gazetteer {
    /// Biggest first (the file's order), so a smaller index is a bigger place.
    places: Vec<Place>,
    /// Every folded name with the index of its place, sorted by name
    /// (one entry per distinct folded name of a place).
    keys: Vec<(Box<str>, u32)>,
    /// The names that carry accents, folded with their accents kept
    /// (decomposed), sorted: "genè" finds Genève here first.
    accent_keys: Vec<(Box<str>, u32)>,
    /// `(GeoNames id, index)` sorted by id, for links that name a place.
    by_id: Vec<(u32, u32)>,
    /// Each place's point as a unit vector, for the nearest-place scan.
    unit: Vec<[f64; 3]>,
    /// Data lines that could not be read.
    skipped: usize,
}

/// The process-wide gazetteer built from [`crate::CITIES_TSV`].
static GLOBAL: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::parse(crate::CITIES_TSV));

impl Gazetteer {
    /// The embedded gazetteer, parsed on first use (a fraction of a
    /// second; call it at start-up to pay that before the first visitor).
    pub fn global() -> &'static Gazetteer {
        &GLOBAL
    }

    /// Parses a `cities.tsv`-shaped text. Lines that cannot be read are
    /// skipped and counted ([`Gazetteer::skipped`]), never fatal; places
    /// are kept in the file's order, which must be biggest first.
    pub fn parse(tsv: &str) -> Gazetteer {
        let mut places = Vec::new();
        let mut skipped = 0;
        for line in tsv.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            match Place::parse(line) {
                Ok(p) => places.push(p),
                Err(_) => skipped += 1,
            }
        }
        // Kept stable if a hand-edited file is out of order.
        places.sort_by_key(|p| std::cmp::Reverse(p.population));
        let mut keys = Vec::new();
        let mut accent_keys = Vec::new();
        let mut mine: Vec<String> = Vec::new();
        let mut accented: Vec<String> = Vec::new();
        for (i, p) in places.iter().enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            mine.clear();
            accented.clear();
            for name in p.names() {
                let k = fold(name);
                if k.is_empty() {
                    continue;
                }
                let a = fold_keep_accents(name);
                if a != k {
                    accented.push(a);
                }
                mine.push(k);
            }
            for list in [&mut mine, &mut accented] {
                list.sort_unstable();
                list.dedup();
            }
            keys.extend(mine.drain(..).map(|k| (k.into_boxed_str(), i)));
            accent_keys.extend(accented.drain(..).map(|k| (k.into_boxed_str(), i)));
        }
        keys.sort_unstable();
        accent_keys.sort_unstable();
        let mut by_id: Vec<(u32, u32)> =
            places.iter().zip(0u32..).map(|(p, i)| (p.id, i)).collect();
        by_id.sort_unstable();
        let unit = places.iter().map(|p| unit_vector(p.lat, p.lon)).collect();
        Gazetteer {
            places,
            keys,
            accent_keys,
            by_id,
            unit,
            skipped,
        }
    }

    /// How many places it holds.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether it holds no place at all.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// How many data lines were skipped as unreadable.
    pub fn skipped(&self) -> usize {
        self.skipped
    }

    /// How many names (own and alternate, folded, distinct per place) it
    /// searches.
    pub fn names(&self) -> usize {
        self.keys.len()
    }

    /// The place with this GeoNames id.
    pub fn get(&self, id: u32) -> Option<&Place> {
        let at = self.by_id.binary_search_by_key(&id, |&(id, _)| id).ok()?;
        self.place(self.by_id[at].1)
    }

    fn place(&self, i: u32) -> Option<&Place> {
        self.places.get(usize::try_from(i).ok()?)
    }

    /// The keys that start with the folded query, as a slice of `keys`.
    fn prefix_range(&self, key: &str) -> &[(Box<str>, u32)] {
        prefix_of(&self.keys, key)
    }

    /// Places one of whose names starts with `query` (accents, case and
    /// punctuation ignored: "zur" finds Zürich, "gene" Genève, "Londres"
    /// London, "Моск" Moscow), biggest first, at most `count` (capped at
    /// [`MAX_COUNT`]). When the query carries accents ("genè", "Zür"),
    /// places whose name has those very accents come first ("genè" is
    /// Genève before General Santos, "gene" is General Santos first).
    pub fn search(&self, query: &str, count: usize) -> Result<Vec<&Place>, PlaceError> {
        let key = checked_key(query)?;
        let count = count.min(MAX_COUNT);
        let found = self.candidates(self.prefix_range(&key));
        let accented = fold_keep_accents(query);
        let order = if accented == key {
            found
        } else {
            // The places spelt with these accents first, then the others.
            let mut first = self.candidates(prefix_of(&self.accent_keys, &accented));
            first.truncate(count);
            let rest: Vec<u32> = found
                .into_iter()
                .filter(|i| !first.contains(i))
                .take(count - first.len())
                .collect();
            first.extend(rest);
            first
        };
        Ok(order
            .into_iter()
            .take(count)
            .filter_map(|i| self.place(i))
            .collect())
    }

    /// The distinct places of a key range, biggest first.
    fn candidates(&self, range: &[(Box<str>, u32)]) -> Vec<u32> {
        let mut found: Vec<u32> = range.iter().map(|&(_, i)| i).collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The place a submitted place box means: the biggest place one of
    /// whose names is exactly `query` (folded), else the biggest whose
    /// name starts with it; then up to `others` more, in the same order
    /// (exact matches first), for "did you mean".
    pub fn resolve(&self, query: &str, others: usize) -> Result<Vec<&Place>, PlaceError> {
        let key = checked_key(query)?;
        let range = self.prefix_range(&key);
        let mut exact: Vec<u32> = range
            .iter()
            .filter(|(k, _)| **k == *key)
            .map(|&(_, i)| i)
            .collect();
        exact.sort_unstable();
        exact.dedup();
        let prefix = self.candidates(range);
        let want = others.saturating_add(1).min(MAX_COUNT + 1);
        let mut out: Vec<u32> = exact.iter().copied().take(want).collect();
        for i in prefix {
            if out.len() >= want {
                break;
            }
            if exact.binary_search(&i).is_err() {
                out.push(i);
            }
        }
        Ok(out.into_iter().filter_map(|i| self.place(i)).collect())
    }

    /// The place closest to a point (great circle), or an error if the
    /// point is not a finite latitude/longitude in range. `None` only
    /// when the gazetteer is empty.
    pub fn nearest(&self, lat: f64, lon: f64) -> Result<Option<&Place>, PlaceError> {
        if !(lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0) {
            return Err(PlaceError::BadPoint { lat, lon });
        }
        let v = unit_vector(lat, lon);
        // The largest dot product is the smallest angle.
        let best = self
            .unit
            .iter()
            .enumerate()
            .map(|(i, u)| (i, u[0] * v[0] + u[1] * v[1] + u[2] * v[2]))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        Ok(best.and_then(|(i, _)| self.places.get(i)))
    }

    /// The distance from a place to a point, in kilometres (haversine).
    pub fn distance_km(place: &Place, lat: f64, lon: f64) -> f64 {
        haversine_km(place.lat, place.lon, lat, lon)
    }
}

/// The entries of a sorted key array that start with `key`.
fn prefix_of<'a>(keys: &'a [(Box<str>, u32)], key: &str) -> &'a [(Box<str>, u32)] {
    let lo = keys.partition_point(|(k, _)| &**k < key);
    let rest = &keys[lo..];
    let len = rest.partition_point(|(k, _)| k.starts_with(key));
    &rest[..len]
}

/// The folded query, or why it is refused.
fn checked_key(query: &str) -> Result<String, PlaceError> {
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(PlaceError::QueryTooLong {
            max: MAX_QUERY_CHARS,
        });
    }
    let key = fold(query);
    if key.is_empty() {
        return Err(PlaceError::EmptyQuery);
    }
    Ok(key)
}

fn unit_vector(lat: f64, lon: f64) -> [f64; 3] {
    let (la, lo) = (lat.to_radians(), lon.to_radians());
    [la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::global()
    }

    fn first(q: &str) -> (String, String) {
        let found = g().search(q, 1).unwrap();
        let p = found.first().unwrap();
        (p.name.clone(), p.country_code.clone())
    }

    #[test]
    fn the_whole_file_reads() {
        assert_eq!(g().skipped(), 0);
        assert_eq!(g().len(), 34_006);
        assert!(g().names() > 200_000, "{}", g().names());
    }

    #[test]
    fn prefixes_find_places_across_accents_case_scripts_and_languages() {
        assert_eq!(first("lyon"), ("Lyon".into(), "FR".into()));
        assert_eq!(first("Zur"), ("Zürich".into(), "CH".into()));
        // GeoNames calls it Geneva; Genève is one of its other names.
        // With the accent, the places with that accent come first (Genoa
        // is also "Genès"); without it, bigger places come first.
        let gene: Vec<_> = g()
            .search("genè", 2)
            .unwrap()
            .iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(gene, [3176219, 2660646], "Genoa, Geneva");
        let gene = g().search("gene", 10).unwrap();
        assert!(gene.iter().any(|p| p.name == "Geneva"), "{gene:?}");
        assert_eq!(first("gene"), ("General Santos".into(), "PH".into()));
        assert_eq!(first("Genève"), ("Geneva".into(), "CH".into()));
        assert_eq!(first("Genf"), ("Geneva".into(), "CH".into()));
        assert_eq!(first("São P"), ("São Paulo".into(), "BR".into()));
        assert_eq!(first("sao p"), ("São Paulo".into(), "BR".into()));
        assert_eq!(first("Londres"), ("London".into(), "GB".into()));
        assert_eq!(first("Моск"), ("Moscow".into(), "RU".into()));
        assert_eq!(first("MÜNCHEN"), ("Munich".into(), "DE".into()));
        assert_eq!(
            first("saint etienne"),
            ("Saint-Étienne".into(), "FR".into())
        );
    }

    #[test]
    fn results_are_biggest_first_distinct_and_capped() {
        let found = g().search("san", 500).unwrap();
        assert_eq!(found.len(), MAX_COUNT);
        assert!(found.windows(2).all(|w| w[0].population >= w[1].population));
        let mut ids: Vec<u32> = found.iter().map(|p| p.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), found.len());
        // Every result really has a name starting with the query.
        assert!(
            found
                .iter()
                .all(|p| p.names().any(|n| fold(n).starts_with("san")))
        );
        assert!(g().search("xqzxqzxq", 10).unwrap().is_empty());
        assert_eq!(g().search("lyon", 0).unwrap().len(), 0);
    }

    #[test]
    fn bad_queries_are_typed_errors() {
        assert_eq!(g().search(" -' ", 5), Err(PlaceError::EmptyQuery));
        let long = "a".repeat(MAX_QUERY_CHARS + 1);
        assert_eq!(
            g().search(&long, 5),
            Err(PlaceError::QueryTooLong {
                max: MAX_QUERY_CHARS
            })
        );
    }

    #[test]
    fn resolve_prefers_an_exact_name_and_offers_the_others() {
        // London, Canada is smaller than London, England, and both are
        // exactly "London": England first, Ontario among the others.
        let r = g().resolve("london", 5).unwrap();
        assert_eq!(r[0].country_code, "GB");
        assert!(r.iter().any(|p| p.country_code == "CA"), "{r:?}");
        assert!(r.len() <= 6);
        // An exact name wins over a bigger place it is only the start of.
        let bern = g().resolve("Bern", 3).unwrap();
        assert_eq!(bern[0].name, "Bern");
    }

    #[test]
    fn nearest_names_the_closest_place() {
        // Place Bellecour, Lyon.
        let p = g().nearest(45.7578, 4.8320).unwrap().unwrap();
        assert!(p.name.starts_with("Lyon"), "{}", p.name);
        // Independent check: no place is closer than the one returned.
        let (lat, lon) = (47.37, 8.54);
        let best = g().nearest(lat, lon).unwrap().unwrap();
        let d = Gazetteer::distance_km(best, lat, lon);
        assert!(
            g().places
                .iter()
                .all(|p| p.distance_km(lat, lon) >= d - 1e-9)
        );
        assert!(matches!(
            g().nearest(f64::NAN, 0.0),
            Err(PlaceError::BadPoint { .. })
        ));
        assert!(g().nearest(0.0, 181.0).is_err());
    }

    #[test]
    fn a_bad_line_is_skipped_and_counted() {
        let tsv = "# comment\n\
                   1\tBig\tFR\tFrance\t1\t45\t4\t1000\tEurope/Paris\tGrand\n\
                   broken line\n\
                   2\tSmall\tFR\tFrance\t1\t46\t5\t10\tEurope/Paris\t\n";
        let g = Gazetteer::parse(tsv);
        assert_eq!((g.len(), g.skipped()), (2, 1));
        assert_eq!(g.search("gra", 5).unwrap()[0].name, "Big");
        assert_eq!(g.get(2).map(|p| p.name.as_str()), Some("Small"));
        assert!(g.get(3).is_none());
    }
}
