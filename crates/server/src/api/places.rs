//! `GET /api/v1/places`: the place box's suggestions, from the embedded
//! gazetteer only (no geocoding or map service is ever asked).
//!
//! `?search=lyo&count=5` lists the places one of whose names starts with
//! the text (accents and case ignored), biggest first; `?lat=45.76&lon=4.83`
//! names the place closest to a point. The answer is
//! `{"total":n,"data":[{"id","name","country","countryCode","region","lat","lon","population","timeZone"}]}`.

use std::sync::Arc;

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use sepiola_places::{Gazetteer, MAX_COUNT, MAX_QUERY_CHARS, Place, PlaceError};

use crate::AppState;
use crate::decode::Decoder;
use crate::extract::Params;
use crate::location::Location;
use crate::problem::ApiError;

/// Places listed when `count` is absent.
const DEFAULT_COUNT: usize = 10;

/// One place as the API sends it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlaceJson<'a> {
    /// GeoNames id (stable; the web page's links name a place by it).
    pub id: u32,
    /// Its name.
    pub name: &'a str,
    /// The country's English name.
    pub country: &'a str,
    /// ISO 3166-1 alpha-2 code.
    pub country_code: &'a str,
    /// First-level region code inside the country.
    pub region: &'a str,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// People living there.
    pub population: u64,
    /// IANA time zone, `null` when GeoNames has none.
    pub time_zone: Option<&'a str>,
}

impl<'a> From<&'a Place> for PlaceJson<'a> {
    fn from(p: &'a Place) -> Self {
        PlaceJson {
            id: p.id,
            name: &p.name,
            country: &p.country,
            country_code: &p.country_code,
            region: &p.region,
            lat: p.lat,
            lon: p.lon,
            population: p.population,
            time_zone: Some(p.time_zone.as_str()).filter(|z| !z.is_empty()),
        }
    }
}

#[derive(Serialize)]
struct Answer<'a> {
    total: usize,
    data: Vec<PlaceJson<'a>>,
}

/// The route's handler.
pub async fn places(_: State<Arc<AppState>>, Params(p): Params) -> Result<Response, ApiError> {
    let d = Decoder::new(&p);
    let count = d
        .uint("count", MAX_COUNT as u64)?
        .map_or(DEFAULT_COUNT, |c| c as usize);
    let search = d.text("search", MAX_QUERY_CHARS)?;
    let lat = d.float("lat")?;
    let lon = d.float("lon")?;
    let g = Gazetteer::global();
    let found: Vec<&Place> = match (search, lat, lon) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
            return Err(ApiError::bad_request(
                "give either `search` or `lat` and `lon`, not both",
            ));
        }
        (Some(s), None, None) => g
            .search(&s, count)
            .map_err(|e| ApiError::invalid("search", d.location("search"), e))?,
        (None, Some(lat), Some(lon)) => g
            .nearest(lat, lon)
            .map_err(|e| match e {
                PlaceError::BadPoint { .. } => ApiError::invalid("lat", d.location("lat"), e),
                other => ApiError::bad_request(other.to_string()),
            })?
            .into_iter()
            .take(count)
            .collect(),
        (None, Some(_), None) => return Err(missing("lon", "lat")),
        (None, None, Some(_)) => return Err(missing("lat", "lon")),
        (None, None, None) => {
            return Err(ApiError::invalid(
                "search",
                Location::Query,
                "is required (or `lat` and `lon`)",
            ));
        }
    };
    let answer = Answer {
        total: found.len(),
        data: found.into_iter().map(PlaceJson::from).collect(),
    };
    let body = serde_json::to_vec(&answer).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

fn missing(name: &str, with: &str) -> ApiError {
    ApiError::invalid(name, Location::Query, format!("is required with `{with}`"))
}
