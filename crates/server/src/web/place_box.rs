//! The events' and groups' place box, resolved by the embedded gazetteer
//! on the server: "Lyon" is the biggest place of that name, "London,
//! Canada" the one in Canada, a link's `at=` a GeoNames id, and "use my
//! position" a point named by its nearest place. No other service is asked.

use chrono_tz::Tz;
use sepiola_places::{Gazetteer, Place, fold};

use super::event_dates::zone;

/// Other places offered when a name is ambiguous.
const OTHERS: usize = 4;

/// Where the visitor asked to search.
#[derive(Debug, Clone)]
pub struct Located {
    /// The point searched around.
    pub lat: f64,
    /// The point searched around.
    pub lon: f64,
    /// The place picked (for a position: the nearest one).
    pub place: &'static Place,
    /// Whether the point is the browser's position rather than a place.
    pub from_position: bool,
    /// Other places the typed name may have meant.
    pub others: Vec<&'static Place>,
    /// The picked place's time zone, if chrono-tz knows it.
    pub zone: Option<Tz>,
}

/// What the place box resolved to.
#[derive(Debug, Clone)]
pub enum PlaceChoice {
    /// Nothing typed, no position.
    Anywhere,
    /// A place or position.
    At(Box<Located>),
    /// A name the gazetteer does not know (searched everywhere instead).
    Unknown(String),
}

impl PlaceChoice {
    /// The located place, if any.
    pub fn located(&self) -> Option<&Located> {
        match self {
            PlaceChoice::At(l) => Some(l),
            _ => None,
        }
    }
}

/// Resolves the box: the typed text (`Name` or `Name, country or region`)
/// with an optional GeoNames id a "did you mean" link carries, else the
/// browser's position.
pub fn resolve(text: &str, at: Option<u32>, position: Option<(f64, f64)>) -> PlaceChoice {
    let g = Gazetteer::global();
    let text = text.trim();
    if text.is_empty() {
        return match position.and_then(|(lat, lon)| Some((lat, lon, g.nearest(lat, lon).ok()??))) {
            Some((lat, lon, place)) => located(lat, lon, place, true, Vec::new()),
            None => PlaceChoice::Anywhere,
        };
    }
    let (name, qualifier) = match text.split_once(',') {
        Some((n, q)) => (n, fold(q)),
        None => (text, String::new()),
    };
    let Ok(mut found) = g.resolve(name, 50) else {
        return PlaceChoice::Unknown(text.to_string());
    };
    if !qualifier.is_empty() {
        let (mut hits, rest): (Vec<&Place>, Vec<&Place>) =
            found.into_iter().partition(|p| qualifies(p, &qualifier));
        hits.extend(rest);
        found = hits;
    }
    // A link's id wins when it is one of the places the text can mean.
    if let Some(pos) = at.and_then(|id| found.iter().position(|p| p.id == id)) {
        let p = found.remove(pos);
        found.insert(0, p);
    }
    let key = fold(name);
    let exact = |p: &Place| p.names().any(|n| fold(n) == key);
    let mut it = found.into_iter();
    match it.next() {
        Some(place) => {
            // "Other places of that name": when the pick is that very
            // name, only the places that are too.
            let picked_exact = exact(place);
            let others = it
                .filter(|p| !picked_exact || exact(p))
                .take(OTHERS)
                .collect();
            located(place.lat, place.lon, place, false, others)
        }
        None => PlaceChoice::Unknown(text.to_string()),
    }
}

/// Whether a place's country (name or code) or region is the qualifier
/// typed after a comma.
fn qualifies(p: &Place, qualifier: &str) -> bool {
    fold(&p.country).starts_with(qualifier)
        || fold(&p.country_code) == qualifier
        || fold(&p.region) == qualifier
}

fn located(
    lat: f64,
    lon: f64,
    place: &'static Place,
    from_position: bool,
    others: Vec<&'static Place>,
) -> PlaceChoice {
    PlaceChoice::At(Box::new(Located {
        lat,
        lon,
        place,
        from_position,
        others,
        zone: zone(&place.time_zone),
    }))
}

/// "Lyon, France": how a place is named on the page and in the box.
pub fn label(p: &Place) -> String {
    if p.country.is_empty() {
        p.name.clone()
    } else {
        format!("{}, {}", p.name, p.country)
    }
}

/// "London, Ontario, Canada"-like: the label with the region code, to
/// tell places of one name apart ("London, 08, Canada").
pub fn label_with_region(p: &Place) -> String {
    match (p.region.is_empty(), p.country.is_empty()) {
        (false, false) => format!("{} ({}), {}", p.name, p.region, p.country),
        _ => label(p),
    }
}

/// The time zone of a point: its nearest place's.
pub fn zone_near(lat: f64, lon: f64) -> Option<Tz> {
    let place = Gazetteer::global().nearest(lat, lon).ok()??;
    zone(&place.time_zone)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(c: &PlaceChoice) -> &Located {
        c.located().unwrap()
    }

    #[test]
    fn a_name_is_its_biggest_place_and_the_others_are_offered() {
        let c = resolve("london", None, None);
        let l = at(&c);
        assert_eq!(
            (l.place.name.as_str(), l.place.country_code.as_str()),
            ("London", "GB")
        );
        assert!(l.others.iter().any(|p| p.country_code == "CA"));
        assert!(l.others.len() <= OTHERS);
        assert!(
            l.others
                .iter()
                .all(|p| p.names().any(|n| fold(n) == "london"))
        );
        assert_eq!(l.zone.map(|z| z.name()), Some("Europe/London"));
        // A qualifier picks among them, as does a link's id.
        let ca = resolve("London, Canada", None, None);
        assert_eq!(at(&ca).place.country_code, "CA");
        let id = at(&ca).place.id;
        assert_eq!(at(&resolve("London", Some(id), None)).place.id, id);
        // An id the text cannot mean is ignored.
        let lyon = resolve("Lyon", Some(id), None);
        assert_eq!(at(&lyon).place.name, "Lyon");
    }

    #[test]
    fn a_position_is_named_by_its_nearest_place() {
        let c = resolve("", None, Some((47.37, 8.54)));
        let l = at(&c);
        assert!(l.from_position);
        assert_eq!((l.lat, l.lon), (47.37, 8.54));
        assert_eq!(l.place.name, "Zürich");
        // Typed text wins over a position.
        assert_eq!(
            at(&resolve("Lyon", None, Some((47.37, 8.54)))).place.name,
            "Lyon"
        );
        assert!(matches!(resolve("", None, None), PlaceChoice::Anywhere));
        assert!(matches!(
            resolve("", None, Some((f64::NAN, 0.0))),
            PlaceChoice::Anywhere
        ));
        assert!(matches!(
            resolve("Qxqxqxq", None, None),
            PlaceChoice::Unknown(_)
        ));
        assert!(matches!(resolve(" ,", None, None), PlaceChoice::Unknown(_)));
        assert_eq!(
            label(at(&resolve("Lyon", None, None)).place),
            "Lyon, France"
        );
    }
}
