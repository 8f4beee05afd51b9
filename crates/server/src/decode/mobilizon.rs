//! From raw parameters to validated Mobilizon searches (the README's API table):
//! the Mobilizon formats of `latlon`, `distance` and `bbox`, upper-case
//! category and status ids, ISO 8601 dates.

use sepiola_model::Timestamp;
use sepiola_model::event::EventStatus;
use sepiola_model::query::{
    BBox, Circle, DEFAULT_DISTANCE_KM, DateRange, EventQuery, GeoFilter, GroupQuery,
    MAX_DISTANCE_KM,
};

use crate::decode::{Decoder, FromParams};
use crate::params::RawParams;
use crate::problem::ApiError;

/// A finite number, with nothing else around it but white space.
fn number(s: &str) -> Option<f64> {
    let s = s.trim();
    // `parse` also reads "inf", "NaN" and "1e999": none is a coordinate.
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || "+-.eE".contains(c)) {
        return None;
    }
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// `lat:lon`, each in range.
fn parse_latlon(s: &str) -> Option<(f64, f64)> {
    let (lat, lon) = s.split_once(':')?;
    let (lat, lon) = (number(lat)?, number(lon)?);
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
}

/// `10_km`, `50.0_km`, `10km` or `10` (km); capped at [`MAX_DISTANCE_KM`].
fn parse_distance(s: &str) -> Option<f64> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    let n = lower
        .strip_suffix("_km")
        .or_else(|| lower.strip_suffix("km"))
        .unwrap_or(&lower);
    number(n)
        .filter(|d| *d >= 0.0)
        .map(|d| d.min(MAX_DISTANCE_KM))
}

/// Wraps a longitude into -180..=180 (values already there are kept as sent).
fn wrap_lon(lon: f64) -> f64 {
    if (-180.0..=180.0).contains(&lon) {
        lon
    } else {
        (lon + 180.0).rem_euclid(360.0) - 180.0
    }
}

/// `<NW lat>, <NW lon>:<SE lat>, <SE lon>` (spaces optional). A map that
/// shows the world more than once sends longitudes past ±180: they are
/// wrapped, and a box wider than the world spans every longitude.
fn parse_bbox(s: &str) -> Option<BBox> {
    let (nw, se) = s.split_once(':')?;
    let (n, w) = nw.split_once(',')?;
    let (so, e) = se.split_once(',')?;
    let (mut north, west, mut south, east) = (number(n)?, number(w)?, number(so)?, number(e)?);
    let lat_ok = |l: f64| (-90.0..=90.0).contains(&l);
    let lon_ok = |l: f64| (-540.0..=540.0).contains(&l);
    if !(lat_ok(north) && lat_ok(south) && lon_ok(west) && lon_ok(east)) {
        return None;
    }
    if north < south {
        std::mem::swap(&mut north, &mut south);
    }
    let all_longitudes = east - west >= 360.0;
    Some(BBox {
        north,
        west: wrap_lon(west),
        south,
        east: wrap_lon(east),
        all_longitudes,
    })
}

impl Decoder<'_> {
    /// `latlon` with `distance` (ignored without `latlon`), and `bbox`.
    fn geo(&self) -> Result<GeoFilter, ApiError> {
        let distance = match self.text("distance", 64)? {
            None => None,
            Some(s) => Some(parse_distance(&s).ok_or_else(|| {
                ApiError::invalid(
                    "distance",
                    self.location("distance"),
                    format!("must be a distance like `10_km` (0 to {MAX_DISTANCE_KM} km)"),
                )
            })?),
        };
        let near = match self.text("latlon", 64)? {
            None => None,
            Some(s) => {
                let (lat, lon) = parse_latlon(&s).ok_or_else(|| {
                    ApiError::invalid(
                        "latlon",
                        self.location("latlon"),
                        "must be `lat:lon` with -90 ≤ lat ≤ 90 and -180 ≤ lon ≤ 180",
                    )
                })?;
                Some(Circle {
                    lat,
                    lon,
                    radius_km: distance.unwrap_or(DEFAULT_DISTANCE_KM),
                })
            }
        };
        let bbox = match self.text("bbox", 200)? {
            None => None,
            Some(s) => Some(parse_bbox(&s).ok_or_else(|| {
                ApiError::invalid(
                    "bbox",
                    self.location("bbox"),
                    "must be `<NW lat>, <NW lon>:<SE lat>, <SE lon>`",
                )
            })?),
        };
        Ok(GeoFilter { near, bbox })
    }

    /// An ISO 8601 date-time; without an offset it is taken as UTC.
    fn iso_date(&self, name: &str) -> Result<Option<Timestamp>, ApiError> {
        let Some(s) = self.text(name, 64)? else {
            return Ok(None);
        };
        let parsed = Timestamp::parse(&s).or_else(|| {
            chrono::NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M:%S%.f")
                .ok()
                .map(|t| Timestamp(t.and_utc()))
        });
        parsed
            .map(Some)
            .ok_or_else(|| ApiError::invalid(name, self.location(name), "must be an ISO 8601 date"))
    }

    /// Upper-case ids (`MUSIC`, `FOOD_DRINK`): letters, digits and `_`.
    fn ids(&self, name: &str) -> Result<Vec<String>, ApiError> {
        self.list(name)?
            .into_iter()
            .map(|v| {
                if v.len() <= 64 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    Ok(v.to_ascii_uppercase())
                } else {
                    Err(ApiError::invalid(
                        name,
                        self.location(name),
                        "must hold upper-case ids like MUSIC",
                    ))
                }
            })
            .collect()
    }
}

/// `isOnline=true|false` and Mobilizon's own `type=ONLINE|IN_PERSON` (its
/// `EventType`); both may be sent, and must then agree.
fn online(d: &Decoder<'_>) -> Result<Option<bool>, ApiError> {
    let flag = d.boolean("isOnline")?;
    let by_type = match d.text("type", 32)? {
        None => None,
        Some(t) if t.eq_ignore_ascii_case("ONLINE") => Some(true),
        Some(t) if t.eq_ignore_ascii_case("IN_PERSON") => Some(false),
        Some(_) => {
            return Err(ApiError::invalid(
                "type",
                d.location("type"),
                "must be ONLINE or IN_PERSON",
            ));
        }
    };
    match (flag, by_type) {
        (Some(a), Some(b)) if a != b => Err(ApiError::invalid(
            "type",
            d.location("type"),
            "contradicts isOnline",
        )),
        (a, b) => Ok(a.or(b)),
    }
}

/// Decodes an event search.
pub fn event_query(p: &RawParams) -> Result<EventQuery, ApiError> {
    let d = Decoder::new(p);
    let statuses = d
        .list("statusOneOf")?
        .iter()
        .map(|s| {
            EventStatus::parse(s)
                .map(|st| st.as_str().to_string())
                .ok_or_else(|| {
                    ApiError::invalid(
                        "statusOneOf",
                        d.location("statusOneOf"),
                        "must hold TENTATIVE, CONFIRMED or CANCELLED",
                    )
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(EventQuery {
        search: d.search()?,
        start: DateRange {
            from: d.iso_date("startDateMin")?,
            to: d.iso_date("startDateMax")?,
        },
        categories: d.ids("categoryOneOf")?,
        languages: d.languages("languageOneOf")?,
        statuses,
        online: online(&d)?,
        geo: d.geo()?,
        boost_languages: d.languages("boostLanguages")?,
        blocks: d.blocks()?,
        sort: d.sort()?,
        page: d.page()?,
        now: None,
    })
}

/// Decodes a group search.
pub fn group_query(p: &RawParams) -> Result<GroupQuery, ApiError> {
    let d = Decoder::new(p);
    Ok(GroupQuery {
        search: d.search()?,
        languages: d.languages("languageOneOf")?,
        geo: d.geo()?,
        boost_languages: d.languages("boostLanguages")?,
        blocks: d.blocks()?,
        sort: d.sort()?,
        page: d.page()?,
    })
}

impl FromParams for EventQuery {
    fn from_params(p: &RawParams) -> Result<Self, ApiError> {
        event_query(p)
    }
}

impl FromParams for GroupQuery {
    fn from_params(p: &RawParams) -> Result<Self, ApiError> {
        group_query(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::location::Location;
    use proptest::prelude::*;
    use sepiola_model::query::EventSort;

    fn ev(s: &str) -> Result<EventQuery, ApiError> {
        event_query(&RawParams::from_urlencoded(s.as_bytes(), Location::Query)?)
    }

    fn param_of(e: ApiError) -> String {
        match e {
            ApiError::BadRequest {
                param: Some((p, _)),
                ..
            } => p,
            other => panic!("not a parameter error: {other:?}"),
        }
    }

    #[test]
    fn decodes_mobilizon_parameters() {
        let q = ev("search=jazz&startDateMin=2025-01-01T00:00:00Z&startDateMax=2025-02-01T00:00:00.000000\
                    &categoryOneOf[]=music&categoryOneOf[]=ARTS&languageOneOf[]=fr-FR&statusOneOf[]=confirmed\
                    &latlon=48.85:2.35&distance=25.5_km&bbox=49.0,%202.0:48.5,%202.8\
                    &sort=-startTime&boostLanguages[]=fr&start=16&count=16")
        .unwrap();
        assert_eq!(q.search.as_deref(), Some("jazz"));
        assert!(q.start.from.is_some() && q.start.to.is_some());
        assert_eq!(q.categories, vec!["MUSIC", "ARTS"]);
        assert_eq!(q.languages, vec!["fr"]);
        assert_eq!(q.statuses, vec!["CONFIRMED"]);
        let c = q.geo.near.unwrap();
        assert_eq!((c.lat, c.lon, c.radius_km), (48.85, 2.35, 25.5));
        let b = q.geo.bbox.unwrap();
        assert_eq!((b.north, b.west, b.south, b.east), (49.0, 2.0, 48.5, 2.8));
        assert_eq!(q.sort.field, EventSort::StartTime);
        assert!(q.sort.descending);
        assert_eq!((q.page.start, q.page.count), (16, 16));
    }

    #[test]
    fn distance_without_latlon_is_ignored_and_latlon_alone_has_a_default() {
        let q = ev("distance=50.0_km").unwrap();
        assert!(q.geo.is_empty());
        let q = ev("latlon=1:2").unwrap();
        assert_eq!(q.geo.near.unwrap().radius_km, DEFAULT_DISTANCE_KM);
        let q = ev("latlon=1:2&distance=99999_km").unwrap();
        assert_eq!(q.geo.near.unwrap().radius_km, MAX_DISTANCE_KM);
        assert_eq!(
            ev("latlon=1:2&distance=10")
                .unwrap()
                .geo
                .near
                .unwrap()
                .radius_km,
            10.0
        );
    }

    #[test]
    fn online_comes_from_is_online_or_mobilizon_type() {
        assert_eq!(ev("").unwrap().online, None);
        assert_eq!(ev("isOnline=true").unwrap().online, Some(true));
        assert_eq!(ev("isOnline=false").unwrap().online, Some(false));
        assert_eq!(ev("type=ONLINE").unwrap().online, Some(true));
        assert_eq!(ev("type=in_person").unwrap().online, Some(false));
        assert_eq!(ev("type=ONLINE&isOnline=true").unwrap().online, Some(true));
        assert_eq!(param_of(ev("type=HYBRID").unwrap_err()), "type");
        assert_eq!(
            param_of(ev("type=ONLINE&isOnline=false").unwrap_err()),
            "type"
        );
        assert_eq!(
            param_of(ev("isOnline=certainly-not").unwrap_err()),
            "isOnline"
        );
    }

    #[test]
    fn bboxes_wrap_and_cross_the_antimeridian() {
        let b = parse_bbox("10,170:-10,190").unwrap();
        assert_eq!((b.west, b.east), (170.0, -170.0));
        assert!(!b.all_longitudes);
        assert!(parse_bbox("80,-400:-80,400").unwrap().all_longitudes);
        let b = parse_bbox("-10,0:10,5").unwrap();
        assert_eq!((b.north, b.south), (10.0, -10.0));
    }

    #[test]
    fn hostile_values_name_their_parameter() {
        for (bad, param) in [
            ("latlon=abc", "latlon"),
            ("latlon=91:0", "latlon"),
            ("latlon=1:2:3", "latlon"),
            ("latlon=NaN:1", "latlon"),
            ("latlon=inf:1", "latlon"),
            ("latlon=1:2&distance=abc", "distance"),
            ("distance=-5_km", "distance"),
            ("distance=1e999_km", "distance"),
            ("bbox=garbage", "bbox"),
            ("bbox=1,2:3", "bbox"),
            ("bbox=100,0:0,1", "bbox"),
            ("startDateMin=tomorrow", "startDateMin"),
            ("startDateMax=2025-13-45", "startDateMax"),
            ("statusOneOf[]=MAYBE", "statusOneOf"),
            ("categoryOneOf[]=%3Cscript%3E", "categoryOneOf"),
            ("count=1000000", "count"),
            ("sort=-memberCount", "sort"),
        ] {
            let e = ev(bad).err().unwrap_or_else(|| panic!("{bad} accepted"));
            assert_eq!(param_of(e), param, "{bad}");
        }
        let g = |s: &str| {
            group_query(&RawParams::from_urlencoded(s.as_bytes(), Location::Query).unwrap())
        };
        assert!(g("sort=-memberCount").is_ok());
        assert!(g("sort=-startTime").is_err());
        assert!(g("bbox=x").is_err());
    }

    proptest! {
        #[test]
        fn decoding_never_panics(
            keys in proptest::collection::vec(prop_oneof![
                Just("latlon"), Just("distance"), Just("bbox"), Just("startDateMin"),
                Just("statusOneOf[]"), Just("categoryOneOf[]"), Just("sort"), Just("count")
            ], 0..6),
            values in proptest::collection::vec(".{0,40}", 6),
        ) {
            let s: Vec<String> = keys.iter().zip(values.iter())
                .map(|(k, v)| format!("{k}={}", percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC)))
                .collect();
            let p = RawParams::from_urlencoded(s.join("&").as_bytes(), Location::Query).unwrap();
            let _ = event_query(&p);
            let _ = group_query(&p);
        }
    }
}
