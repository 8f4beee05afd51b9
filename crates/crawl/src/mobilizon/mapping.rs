//! Mobilizon's GraphQL objects (`Event`, `Group`, `Address`, `Person`) →
//! validated model documents. Everything is hostile: missing or mistyped
//! fields refuse the document, counts are clamped, descriptions are HTML
//! reduced to text here, once, URLs must be on the instance's own host
//! (checked by the model's `normalize`), and only the instance's own
//! public content is kept.

use serde_json::Value;

use sepiola_model::event::{Creator, EventStatus};
use sepiola_model::place::{Address, GeoPoint, Place};
use sepiola_model::{Document, Event, Group, Timestamp, text};

use crate::peertube::mapping::count;
use crate::reject::Reject;

fn str_at<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(Value::as_str)
}

fn string_at(v: &Value, k: &str) -> Option<String> {
    str_at(v, k).map(str::to_string)
}

/// An id: Mobilizon sends strings; numbers are read too.
fn id_at(v: &Value) -> String {
    match v.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn media_url(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(|m| string_at(m, "url"))
}

fn date_at(v: &Value, k: &str) -> Option<Timestamp> {
    str_at(v, k).and_then(Timestamp::parse)
}

/// HTML (Mobilizon's descriptions and summaries) as plain text.
fn html_text(v: &Value, k: &str) -> Option<String> {
    str_at(v, k).map(text::html_to_text)
}

/// Mobilizon's `point` scalar: `"lon;lat"`.
fn geom(s: &str) -> Option<GeoPoint> {
    let (lon, lat) = s.split_once(';')?;
    let (lon, lat) = (
        lon.trim().parse::<f64>().ok()?,
        lat.trim().parse::<f64>().ok()?,
    );
    GeoPoint::checked(lat, lon)
}

/// A `physicalAddress` as a place (`None` for null or nothing usable).
fn place(v: &Value) -> Option<Place> {
    if !v.is_object() {
        return None;
    }
    let address = Address {
        address_country: string_at(v, "country"),
        address_locality: string_at(v, "locality"),
        address_region: string_at(v, "region"),
        postal_code: string_at(v, "postalCode"),
        street_address: string_at(v, "street"),
    };
    Place {
        id: id_at(v),
        name: string_at(v, "description"),
        address: Some(address),
        location: str_at(v, "geom").and_then(geom),
    }
    .normalized()
}

/// Whether an actor lives on another instance (Mobilizon's `domain` is
/// null for local actors).
fn is_remote(actor: &Value) -> bool {
    str_at(actor, "domain").is_some_and(|d| !d.trim().is_empty())
}

/// Whether the object is public and published (fields absent: yes).
fn is_listed(v: &Value) -> bool {
    let public = str_at(v, "visibility").is_none_or(|x| x == "PUBLIC");
    let draft = v.get("draft").and_then(Value::as_bool).unwrap_or(false);
    public && !draft
}

/// An element of `searchEvents` on `host`. `Ok(None)`: not to be kept
/// (not public, or ended before `keep_after`).
pub fn event(v: &Value, host: &str, keep_after: Timestamp) -> Result<Option<Event>, Reject> {
    if !v.is_object() {
        return Err(Reject::Malformed("event is not an object"));
    }
    if !is_listed(v) {
        return Ok(None);
    }
    let uuid = string_at(v, "uuid").ok_or(Reject::Malformed("event without uuid"))?;
    let name = string_at(v, "title").ok_or(Reject::Malformed("event without title"))?;
    let start_time =
        date_at(v, "beginsOn").ok_or(Reject::Malformed("event without a valid beginsOn"))?;
    let end_time = match v.get("endsOn") {
        None | Some(Value::Null) => None,
        Some(_) => Some(date_at(v, "endsOn").ok_or(Reject::Malformed("endsOn is not a date"))?),
    };
    if end_time.unwrap_or(start_time) < keep_after && start_time < keep_after {
        return Ok(None);
    }
    let status = match str_at(v, "status") {
        None => EventStatus::Confirmed,
        Some(s) => EventStatus::parse(s).ok_or(Reject::Malformed("unknown event status"))?,
    };
    let creator = match v.get("organizerActor") {
        Some(a) if a.is_object() => {
            if is_remote(a) {
                return Err(Reject::Remote("organiser on another instance".into()));
            }
            Some(Creator {
                id: id_at(a),
                name: string_at(a, "preferredUsername").unwrap_or_default(),
                display_name: string_at(a, "name").unwrap_or_default(),
                avatar: media_url(a, "avatar"),
            })
        }
        _ => None,
    };
    let options = v.get("options").cloned().unwrap_or(Value::Null);
    let address = v.get("physicalAddress").cloned().unwrap_or(Value::Null);
    let time_zone = string_at(&options, "timezone").or_else(|| string_at(&address, "timezone"));
    let tags = v
        .get("tags")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|t| string_at(t, "title")).collect())
        .unwrap_or_default();
    let language = string_at(v, "language").filter(|l| l != "und");
    let mut e = Event {
        host: host.to_string(),
        id: id_at(v),
        uuid,
        name,
        description: html_text(v, "description"),
        start_time,
        end_time,
        url: string_at(v, "url").unwrap_or_default(),
        banner: media_url(v, "picture"),
        category: string_at(v, "category").unwrap_or_default(),
        status,
        language,
        creator,
        location: place(&address),
        is_online: options
            .get("isOnline")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        time_zone,
        participant_count: v
            .get("participantStats")
            .map(|p| count(p, "participant"))
            .unwrap_or(0),
        tags,
        created_at: date_at(v, "insertedAt"),
        updated_at: date_at(v, "updatedAt"),
    };
    e.normalize()?;
    Ok(Some(e))
}

/// An element of `searchGroups` on `host`. `Ok(None)`: not public.
pub fn group(v: &Value, host: &str) -> Result<Option<Group>, Reject> {
    if !v.is_object() {
        return Err(Reject::Malformed("group is not an object"));
    }
    if !is_listed(v) {
        return Ok(None);
    }
    if is_remote(v) {
        return Err(Reject::Remote("group on another instance".into()));
    }
    let name =
        string_at(v, "preferredUsername").ok_or(Reject::Malformed("group without username"))?;
    let mut g = Group {
        host: host.to_string(),
        id: id_at(v),
        name,
        display_name: string_at(v, "name").unwrap_or_default(),
        avatar: media_url(v, "avatar"),
        description: html_text(v, "summary"),
        url: string_at(v, "url").unwrap_or_default(),
        member_count: v.get("members").map(|m| count(m, "total")).unwrap_or(0),
        location: v.get("physicalAddress").and_then(place),
        language: None,
        created_at: date_at(v, "insertedAt"),
        updated_at: date_at(v, "updatedAt"),
    };
    g.normalize()?;
    Ok(Some(g))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const HOST: &str = "mob.example:8443";

    fn ev() -> Value {
        json!({"id": "12", "uuid": "0b0e2c4a-1d2e-4f5a-8b9c-0d1e2f3a4b5c",
               "url": "https://mob.example:8443/events/0b0e2c4a-1d2e-4f5a-8b9c-0d1e2f3a4b5c",
               "title": "Jazz night", "description": "<p>Bring &lt;tools&gt; &amp; food</p><p>See <b>you</b></p>",
               "beginsOn": "2030-07-01T19:00:00Z", "endsOn": "2030-07-01T23:00:00Z",
               "status": "TENTATIVE", "visibility": "PUBLIC", "draft": false, "category": "MUSIC", "language": "fr",
               "picture": {"url": "https://mob.example:8443/media/b.jpg"},
               "tags": [{"title": "jazz"}, {"title": "live"}],
               "options": {"isOnline": false, "timezone": "Europe/Paris"},
               "participantStats": {"participant": 12},
               "organizerActor": {"id": "7", "preferredUsername": "alice", "name": "Alice", "domain": null,
                                  "avatar": {"url": "https://mob.example:8443/media/a.png"}},
               "physicalAddress": {"id": "3", "description": "Le Sunset", "street": "60 rue des Lombards",
                                   "locality": "Paris", "postalCode": "75001", "region": null, "country": "France",
                                   "geom": "2.3488;48.8534", "timezone": "Europe/Paris"},
               "insertedAt": "2030-05-01T10:00:00Z", "updatedAt": "2030-05-02T10:00:00Z"})
    }

    fn long_ago() -> Timestamp {
        Timestamp::parse("2000-01-01T00:00:00Z").unwrap()
    }

    #[test]
    fn an_event_maps_field_by_field() {
        let e = event(&ev(), HOST, long_ago()).unwrap().unwrap();
        assert_eq!(e.name, "Jazz night");
        assert_eq!(
            e.description.as_deref(),
            Some("Bring <tools> & food\n\nSee you")
        );
        assert_eq!(e.status, EventStatus::Tentative);
        assert_eq!(e.tags, vec!["jazz", "live"]);
        assert_eq!(e.time_zone.as_deref(), Some("Europe/Paris"));
        assert!(!e.is_online);
        assert_eq!(e.participant_count, 12);
        let p = e.location.as_ref().unwrap();
        assert_eq!(
            p.point(),
            Some(GeoPoint {
                lat: 48.8534,
                lon: 2.3488
            })
        );
        assert_eq!(p.name.as_deref(), Some("Le Sunset"));
        assert_eq!(e.creator.as_ref().unwrap().display_name, "Alice");
        assert_eq!(
            e.banner.as_deref(),
            Some("https://mob.example:8443/media/b.jpg")
        );
    }

    #[test]
    fn hidden_old_remote_and_foreign_events_are_not_kept() {
        let mut v = ev();
        v["visibility"] = json!("UNLISTED");
        assert_eq!(event(&v, HOST, long_ago()).unwrap(), None);
        let mut v = ev();
        v["draft"] = json!(true);
        assert_eq!(event(&v, HOST, long_ago()).unwrap(), None);
        let after = Timestamp::parse("2031-01-01T00:00:00Z").unwrap();
        assert_eq!(
            event(&ev(), HOST, after).unwrap(),
            None,
            "ended before the cut-off"
        );
        let mut v = ev();
        v["organizerActor"]["domain"] = json!("other.example");
        assert!(matches!(
            event(&v, HOST, long_ago()),
            Err(Reject::Remote(_))
        ));
        for key in ["url", "picture"] {
            let mut v = ev();
            if key == "url" {
                v["url"] = json!("https://evil.example/events/x");
            } else {
                v["picture"] = json!({"url": "javascript:alert(1)"});
            }
            assert!(event(&v, HOST, long_ago()).is_err(), "{key}");
        }
        let mut v = ev();
        v["physicalAddress"]["geom"] = json!("999;999");
        v["participantStats"]["participant"] = json!(1e300);
        let e = event(&v, HOST, long_ago()).unwrap().unwrap();
        assert_eq!(e.location.unwrap().point(), None);
        assert_eq!(e.participant_count, 0);
        for bad in [json!(null), json!("x"), json!({"uuid": "u"})] {
            assert!(event(&bad, HOST, long_ago()).is_err());
        }
        let mut v = ev();
        v["beginsOn"] = json!("+99999-12-31T23:59:59Z");
        assert!(event(&v, HOST, long_ago()).is_err());
    }

    #[test]
    fn a_group_maps() {
        let v = json!({"id": "5", "preferredUsername": "climbers", "name": "Lyon climbers", "domain": null,
                       "summary": "<p>We climb.</p>", "url": "https://mob.example:8443/@climbers",
                       "avatar": null, "members": {"total": 30}, "visibility": "PUBLIC",
                       "physicalAddress": {"locality": "Lyon", "geom": "4.83;45.76"},
                       "insertedAt": "2024-01-01T00:00:00Z", "updatedAt": "2024-01-02T00:00:00Z"});
        let g = group(&v, HOST).unwrap().unwrap();
        assert_eq!(g.description.as_deref(), Some("We climb."));
        assert_eq!(g.member_count, 30);
        assert_eq!(g.location.unwrap().point().unwrap().lat, 45.76);
        let mut r = v.clone();
        r["domain"] = json!("elsewhere.example");
        assert!(group(&r, HOST).is_err());
        let mut p = v;
        p["visibility"] = json!("PRIVATE");
        assert_eq!(group(&p, HOST).unwrap(), None);
    }
}
