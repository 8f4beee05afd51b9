//! Where a Mobilizon event or group is: an address and a map point
//! (Mobilizon's `location` object), and the few Mobilizon helpers
//! events and groups share (ids that are strings or numbers, HTML text).

use serde::{Deserialize, Deserializer, Serialize};

use crate::ids::id_string;
use crate::text;
use crate::text::clean_opt;

/// Longest place name or address line kept.
pub const MAX_PLACE_CHARS: usize = 200;

/// A point on the map, in degrees (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    /// Latitude, -90 to 90.
    pub lat: f64,
    /// Longitude, -180 to 180.
    pub lon: f64,
}

impl GeoPoint {
    /// The point if both coordinates are finite and in range.
    pub fn checked(lat: f64, lon: f64) -> Option<GeoPoint> {
        let ok = lat.is_finite()
            && lon.is_finite()
            && (-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lon);
        ok.then_some(GeoPoint { lat, lon })
    }
}

/// A postal address; every line is optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// Country.
    #[serde(default)]
    pub address_country: Option<String>,
    /// City or town.
    #[serde(default)]
    pub address_locality: Option<String>,
    /// Region or state.
    #[serde(default)]
    pub address_region: Option<String>,
    /// Postal code.
    #[serde(default)]
    pub postal_code: Option<String>,
    /// Street and number.
    #[serde(default)]
    pub street_address: Option<String>,
}

impl Address {
    fn normalize(&mut self) {
        for line in [
            &mut self.address_country,
            &mut self.address_locality,
            &mut self.address_region,
            &mut self.postal_code,
            &mut self.street_address,
        ] {
            *line = clean_opt(line.as_deref(), MAX_PLACE_CHARS);
        }
    }

    fn is_empty(&self) -> bool {
        self.address_country.is_none()
            && self.address_locality.is_none()
            && self.address_region.is_none()
            && self.postal_code.is_none()
            && self.street_address.is_none()
    }
}

/// The `location` of an event or group: a named place, its address and its
/// map point. Any part may be missing; a point out of range is dropped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Place {
    /// Id of the address on the origin instance.
    #[serde(default, deserialize_with = "id_string")]
    pub id: String,
    /// Name of the place ("Town hall").
    #[serde(default)]
    pub name: Option<String>,
    /// Postal address.
    #[serde(default)]
    pub address: Option<Address>,
    /// Map point.
    #[serde(default, deserialize_with = "lenient_point")]
    pub location: Option<GeoPoint>,
}

impl Place {
    /// Cleans the text and drops a point out of range. Returns `None` when
    /// nothing is left (no name, no address, no point).
    pub fn normalized(mut self) -> Option<Place> {
        self.id = text::clean_line(&self.id, 64);
        self.name = clean_opt(self.name.as_deref(), MAX_PLACE_CHARS);
        if let Some(a) = &mut self.address {
            a.normalize();
        }
        if self.address.as_ref().is_some_and(Address::is_empty) {
            self.address = None;
        }
        self.location = self.location.and_then(|p| GeoPoint::checked(p.lat, p.lon));
        let empty = self.name.is_none() && self.address.is_none() && self.location.is_none();
        (!empty).then_some(self)
    }

    /// The map point, if any.
    pub fn point(&self) -> Option<GeoPoint> {
        self.location
    }

    /// Name, locality, region and country as one line, for the text index.
    pub fn words(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(n) = &self.name {
            parts.push(n);
        }
        if let Some(a) = &self.address {
            for l in [&a.address_locality, &a.address_region, &a.address_country]
                .into_iter()
                .flatten()
            {
                parts.push(l);
            }
        }
        parts.join(" ")
    }
}

/// A point whose coordinates are not numbers is no point (the document
/// stays): `{"lat": "abc"}` or `{"lat": null}` become `None`.
fn lenient_point<'de, D: Deserializer<'de>>(d: D) -> Result<Option<GeoPoint>, D::Error> {
    let v = Option::<serde_json::Value>::deserialize(d)?;
    let Some(v) = v else { return Ok(None) };
    let num = |k: &str| -> Option<f64> {
        match v.get(k)? {
            serde_json::Value::Number(n) => n.as_f64(),
            serde_json::Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    };
    Ok(match (num("lat"), num("lon")) {
        (Some(lat), Some(lon)) => Some(GeoPoint { lat, lon }),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_out_of_range_are_dropped_not_the_place() {
        let p: Place = serde_json::from_value(serde_json::json!({
            "id": 12, "name": " Town  hall ", "address": {"addressLocality": "Lyon"},
            "location": {"lat": 95.0, "lon": 4.8}
        }))
        .unwrap();
        let p = p.normalized().unwrap();
        assert_eq!(p.id, "12");
        assert_eq!(p.name.as_deref(), Some("Town hall"));
        assert_eq!(p.location, None);
        assert_eq!(p.words(), "Town hall Lyon");
        let p: Place =
            serde_json::from_value(serde_json::json!({"location": {"lat": "x", "lon": 1}}))
                .unwrap();
        assert_eq!(p.normalized(), None);
        assert!(GeoPoint::checked(f64::NAN, 0.0).is_none());
        assert!(GeoPoint::checked(0.0, 180.5).is_none());
        assert!(GeoPoint::checked(-90.0, -180.0).is_some());
    }
}
