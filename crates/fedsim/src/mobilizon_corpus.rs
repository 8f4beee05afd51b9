//! Mobilizon events and groups for the benchmark corpus: the same word
//! lists and long-tailed instance sizes as the PeerTube content, on hosts
//! `mobNNNN.mobilizon.example`. Each instance has a main language and a
//! home city among [`CITIES`]; about 80% of events have a place near a city
//! (jittered by a few km), the rest are online. Start times spread over
//! the year before and the year after [`content::reference_now`].

use std::collections::HashSet;
use std::io::Write;

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde_json::{Value, json};

use crate::content::{self, TextGen, date_between, heavy_tail, normal, random_uuid};
use crate::render::date;
use crate::words::Lang;

/// A real city: name, country, latitude, longitude and the language its
/// instances mostly write in.
#[derive(Debug, Clone, Copy)]
pub struct City {
    /// Name.
    pub name: &'static str,
    /// Country.
    pub country: &'static str,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Main language.
    pub lang: Lang,
}

const fn city(name: &'static str, country: &'static str, lat: f64, lon: f64, lang: Lang) -> City {
    City {
        name,
        country,
        lat,
        lon,
        lang,
    }
}

/// The cities events cluster around (public coordinates of city centres).
pub const CITIES: [City; 57] = [
    city("London", "United Kingdom", 51.5074, -0.1278, Lang::En),
    city("Manchester", "United Kingdom", 53.4808, -2.2426, Lang::En),
    city("Edinburgh", "United Kingdom", 55.9533, -3.1883, Lang::En),
    city("Dublin", "Ireland", 53.3498, -6.2603, Lang::En),
    city("New York", "United States", 40.7128, -74.0060, Lang::En),
    city(
        "San Francisco",
        "United States",
        37.7749,
        -122.4194,
        Lang::En,
    ),
    city("Seattle", "United States", 47.6062, -122.3321, Lang::En),
    city("Portland", "United States", 45.5152, -122.6784, Lang::En),
    city("Chicago", "United States", 41.8781, -87.6298, Lang::En),
    city("Toronto", "Canada", 43.6532, -79.3832, Lang::En),
    city("Sydney", "Australia", -33.8688, 151.2093, Lang::En),
    city("Melbourne", "Australia", -37.8136, 144.9631, Lang::En),
    city("Auckland", "New Zealand", -36.8485, 174.7633, Lang::En),
    city("Cape Town", "South Africa", -33.9249, 18.4241, Lang::En),
    city("Suva", "Fiji", -18.1416, 178.4419, Lang::En),
    city("Paris", "France", 48.8566, 2.3522, Lang::Fr),
    city("Lyon", "France", 45.7640, 4.8357, Lang::Fr),
    city("Marseille", "France", 43.2965, 5.3698, Lang::Fr),
    city("Toulouse", "France", 43.6047, 1.4442, Lang::Fr),
    city("Nantes", "France", 47.2184, -1.5536, Lang::Fr),
    city("Bordeaux", "France", 44.8378, -0.5792, Lang::Fr),
    city("Lille", "France", 50.6292, 3.0573, Lang::Fr),
    city("Strasbourg", "France", 48.5734, 7.7521, Lang::Fr),
    city("Montpellier", "France", 43.6108, 3.8767, Lang::Fr),
    city("Rennes", "France", 48.1173, -1.6778, Lang::Fr),
    city("Bruxelles", "Belgique", 50.8503, 4.3517, Lang::Fr),
    city("Genève", "Suisse", 46.2044, 6.1432, Lang::Fr),
    city("Montréal", "Canada", 45.5017, -73.5673, Lang::Fr),
    city("Dakar", "Sénégal", 14.7167, -17.4677, Lang::Fr),
    city("Berlin", "Deutschland", 52.5200, 13.4050, Lang::De),
    city("Hamburg", "Deutschland", 53.5511, 9.9937, Lang::De),
    city("München", "Deutschland", 48.1351, 11.5820, Lang::De),
    city("Köln", "Deutschland", 50.9375, 6.9603, Lang::De),
    city("Leipzig", "Deutschland", 51.3397, 12.3731, Lang::De),
    city(
        "Frankfurt am Main",
        "Deutschland",
        50.1109,
        8.6821,
        Lang::De,
    ),
    city("Wien", "Österreich", 48.2082, 16.3738, Lang::De),
    city("Zürich", "Schweiz", 47.3769, 8.5417, Lang::De),
    city("Madrid", "España", 40.4168, -3.7038, Lang::Es),
    city("Barcelona", "España", 41.3874, 2.1686, Lang::Es),
    city("Valencia", "España", 39.4699, -0.3763, Lang::Es),
    city("Ciudad de México", "México", 19.4326, -99.1332, Lang::Es),
    city("Buenos Aires", "Argentina", -34.6037, -58.3816, Lang::Es),
    city("Bogotá", "Colombia", 4.7110, -74.0721, Lang::Es),
    city("Roma", "Italia", 41.9028, 12.4964, Lang::It),
    city("Milano", "Italia", 45.4642, 9.1900, Lang::It),
    city("Bologna", "Italia", 44.4949, 11.3426, Lang::It),
    city("Torino", "Italia", 45.0703, 7.6869, Lang::It),
    city("Lisboa", "Portugal", 38.7223, -9.1393, Lang::Pt),
    city("Porto", "Portugal", 41.1579, -8.6291, Lang::Pt),
    city("São Paulo", "Brasil", -23.5505, -46.6333, Lang::Pt),
    city("Rio de Janeiro", "Brasil", -22.9068, -43.1729, Lang::Pt),
    city("Amsterdam", "Nederland", 52.3676, 4.9041, Lang::Nl),
    city("Rotterdam", "Nederland", 51.9244, 4.4777, Lang::Nl),
    city("Utrecht", "Nederland", 52.0907, 5.1214, Lang::Nl),
    city("Moskva", "Rossiya", 55.7558, 37.6173, Lang::Ru),
    city("Sankt-Peterburg", "Rossiya", 59.9311, 30.3609, Lang::Ru),
    city("Tokyo", "Japan", 35.6762, 139.6503, Lang::Ja),
];

/// Mobilizon's category ids, the common ones first (drawn more often).
const CATEGORIES: [&str; 30] = [
    "MEETING",
    "COMMUNITY",
    "MUSIC",
    "ARTS",
    "LEARNING",
    "MOVEMENTS_POLITICS",
    "SPORTS",
    "FOOD_DRINK",
    "OUTDOORS_ADVENTURE",
    "THEATRE",
    "SCIENCE_TECH",
    "GAMES",
    "FILM_MEDIA",
    "CAUSES",
    "FAMILY_EDUCATION",
    "LANGUAGE_CULTURE",
    "PARTY",
    "PERFORMING_VISUAL_ARTS",
    "BOOK_CLUBS",
    "CRAFTS",
    "HEALTH",
    "NETWORKING",
    "PHOTOGRAPHY",
    "LGBTQ",
    "SPIRITUALITY_RELIGION_BELIEFS",
    "COMEDY",
    "BUSINESS",
    "PETS",
    "FASHION_BEAUTY",
    "AUTO_BOAT_AIR",
];

/// The synthetic host name of Mobilizon instance `i` of a corpus.
pub fn mobilizon_host(i: usize) -> String {
    format!("mob{i:04}.mobilizon.example")
}

/// Salt separating the Mobilizon generators from the PeerTube ones.
const SALT: u64 = 0x4D4F_4249_4C49_5A4E;

/// Events and groups written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MobilizonCounts {
    /// Event lines.
    pub events: u64,
    /// Group lines.
    pub groups: u64,
}

/// Writes `events` events and `groups` groups spread over `instances`
/// Mobilizon instances, deterministic from `seed`.
pub fn write_mobilizon(
    seed: u64,
    instances: usize,
    events: u64,
    groups: u64,
    out: &mut dyn Write,
) -> std::io::Result<MobilizonCounts> {
    let mut counts = MobilizonCounts::default();
    if instances == 0 {
        return Ok(counts);
    }
    let event_sizes = content::instance_sizes(seed ^ SALT, instances, 0.0, Some(events));
    let group_sizes = content::instance_sizes(seed ^ SALT, instances, 0.0, Some(groups));
    for (i, (&ne, &ng)) in event_sizes.iter().zip(&group_sizes).enumerate() {
        let mut rng = content::instance_rng(seed ^ SALT, i as u64);
        let mut inst = Instance::new(&mut rng, i);
        for n in 0..ng {
            line(out, &inst.group(&mut rng, n as u64 + 1))?;
            counts.groups += 1;
        }
        for n in 0..ne {
            line(out, &inst.event(&mut rng, n as u64 + 1))?;
            counts.events += 1;
        }
    }
    Ok(counts)
}

fn line(out: &mut dyn Write, v: &Value) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, v)?;
    out.write_all(b"\n")
}

struct Instance {
    host: String,
    lang: Lang,
    home: City,
    handles: HashSet<String>,
    organisers: Vec<(String, String)>,
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl Instance {
    fn new(rng: &mut ChaCha8Rng, i: usize) -> Instance {
        let lang = content::pick_main_language(rng);
        let local: Vec<City> = CITIES.iter().copied().filter(|c| c.lang == lang).collect();
        let home = if local.is_empty() {
            CITIES[rng.random_range(0..CITIES.len())]
        } else {
            local[rng.random_range(0..local.len())]
        };
        Instance {
            host: mobilizon_host(i),
            lang,
            home,
            handles: HashSet::new(),
            organisers: Vec::new(),
        }
    }

    fn base(&self) -> String {
        format!("https://{}", self.host)
    }

    /// A city: mostly the home city, sometimes another of the language,
    /// rarely anywhere.
    fn city(&self, rng: &mut ChaCha8Rng) -> City {
        let x: f64 = rng.random();
        if x < 0.7 {
            return self.home;
        }
        let same: Vec<City> = CITIES
            .iter()
            .copied()
            .filter(|c| c.lang == self.lang)
            .collect();
        if x < 0.95 && !same.is_empty() {
            same[rng.random_range(0..same.len())]
        } else {
            CITIES[rng.random_range(0..CITIES.len())]
        }
    }

    /// A place near a city: a few km of jitter, a name and an address.
    fn place(&self, rng: &mut ChaCha8Rng, id: u64) -> Value {
        let c = self.city(rng);
        let km_lat = normal(rng) * 3.0;
        let km_lon = normal(rng) * 3.0;
        let lat = (c.lat + km_lat / 111.2).clamp(-90.0, 90.0);
        let lon = c.lon + km_lon / (111.2 * c.lat.to_radians().cos().max(0.01));
        let lon = (lon + 180.0).rem_euclid(360.0) - 180.0;
        let mut t = TextGen::new(rng);
        let name = t.title(self.lang);
        let street = capitalize(self.lang.words().sample_content(rng));
        json!({
            "id": id.to_string(),
            "name": name.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
            "address": {
                "addressCountry": c.country, "addressLocality": c.name, "addressRegion": null,
                "postalCode": format!("{:05}", rng.random_range(1_000..99_999)),
                "streetAddress": format!("{} {street}", rng.random_range(1..200)),
            },
            "location": {"lat": (lat * 1e6).round() / 1e6, "lon": (lon * 1e6).round() / 1e6},
        })
    }

    fn organiser(&mut self, rng: &mut ChaCha8Rng) -> (String, String) {
        // A small pool per instance: a few people organise most events.
        if !self.organisers.is_empty() && rng.random_bool(0.85) {
            let i = (rng.random::<f64>().powi(2) * self.organisers.len() as f64) as usize;
            return self.organisers[i.min(self.organisers.len() - 1)].clone();
        }
        let name = TextGen::new(rng).handle(&mut self.handles);
        let display = capitalize(&name.replace('_', " "));
        self.organisers.push((name.clone(), display.clone()));
        (name, display)
    }

    fn event(&mut self, rng: &mut ChaCha8Rng, id: u64) -> Value {
        let now = content::reference_now();
        let (text_lang, declared) = content::pick_language(rng, self.lang);
        let uuid = random_uuid(rng).to_string();
        let (name, description, mut tags) = {
            let mut t = TextGen::new(rng);
            (
                t.title(text_lang),
                t.description(text_lang),
                t.tags(text_lang),
            )
        };
        if let Some(t) = tags.first_mut()
            && rng.random_bool(0.2)
        {
            *t = format!("#{t}");
        }
        let start = round_15(date_between(
            rng,
            now - Duration::days(365),
            now + Duration::days(365),
        ));
        let end = match rng.random_range(0..20) {
            0..=13 => Some(start + Duration::minutes(30 * rng.random_range(2..12))),
            14 => Some(start + Duration::days(rng.random_range(1..4))),
            _ => None,
        };
        let created = (start - Duration::days(rng.random_range(1..120))).min(now);
        let category = if rng.random_bool(0.6) {
            CATEGORIES[rng.random_range(0..8)]
        } else {
            CATEGORIES[rng.random_range(0..CATEGORIES.len())]
        };
        let status = match rng.random_range(0..100) {
            0..=87 => "CONFIRMED",
            88..=95 => "TENTATIVE",
            _ => "CANCELLED",
        };
        let location = if rng.random_bool(0.8) {
            self.place(rng, id)
        } else {
            Value::Null
        };
        let (creator, display) = self.organiser(rng);
        let base = self.base();
        let banner = rng
            .random_bool(0.7)
            .then(|| format!("{base}/media/{uuid}.jpg"));
        json!({
            "kind": "event", "host": self.host, "id": id.to_string(), "uuid": uuid,
            "name": name, "description": description,
            "isOnline": location.is_null(),
            "startTime": date(&start), "endTime": end.as_ref().map(date),
            "url": format!("{base}/events/{uuid}"), "banner": banner,
            "category": category, "status": status, "language": declared.map(Lang::code),
            "creator": {"id": format!("{}", 1000 + self.organisers.len()), "name": creator,
                        "displayName": display,
                        "avatar": rng.random_bool(0.6).then(|| format!("{base}/media/avatar-{creator}.png"))},
            "location": location,
            "participantCount": heavy_tail(rng, 2.0, 1.2),
            "tags": tags,
            "createdAt": date(&created),
            "updatedAt": date(&(created + Duration::hours(rng.random_range(0..48)))),
        })
    }

    fn group(&mut self, rng: &mut ChaCha8Rng, id: u64) -> Value {
        let now = content::reference_now();
        let (text_lang, declared) = content::pick_language(rng, self.lang);
        let name = TextGen::new(rng).handle(&mut self.handles);
        let (display, description) = {
            let mut t = TextGen::new(rng);
            (t.title(text_lang), t.description(text_lang))
        };
        let created = date_between(rng, now - Duration::days(4 * 365), now);
        let location = if rng.random_bool(0.7) {
            self.place(rng, 1_000_000 + id)
        } else {
            Value::Null
        };
        let base = self.base();
        json!({
            "kind": "group", "host": self.host, "id": id.to_string(), "name": name,
            "displayName": display,
            "avatar": rng.random_bool(0.8).then(|| format!("{base}/media/group-{name}.png")),
            "description": description, "url": format!("{base}/@{name}"),
            "memberCount": heavy_tail(rng, 2.5, 1.3), "location": location,
            "language": declared.map(Lang::code),
            "createdAt": date(&created), "updatedAt": date(&created),
        })
    }
}

fn round_15(t: DateTime<Utc>) -> DateTime<Utc> {
    let ms = t.timestamp_millis();
    let q = 15 * 60 * 1000;
    DateTime::from_timestamp_millis(ms - ms.rem_euclid(q)).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_and_groups_are_deterministic_realistic_and_sized() {
        let mut a = Vec::new();
        let counts = write_mobilizon(7, 15, 800, 120, &mut a).unwrap();
        let mut b = Vec::new();
        write_mobilizon(7, 15, 800, 120, &mut b).unwrap();
        assert_eq!(a, b);
        assert_eq!(
            counts,
            MobilizonCounts {
                events: 800,
                groups: 120
            }
        );
        let lines: Vec<Value> = a
            .split(|&c| c == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect();
        let events: Vec<&Value> = lines.iter().filter(|l| l["kind"] == "event").collect();
        let located = events.iter().filter(|e| !e["location"].is_null()).count();
        assert!((560..=720).contains(&located), "{located} of 800 located");
        let confirmed = events.iter().filter(|e| e["status"] == "CONFIRMED").count();
        assert!(confirmed > 600, "{confirmed}");
        let now = date(&content::reference_now());
        let future = events
            .iter()
            .filter(|e| e["startTime"].as_str().unwrap() > now.as_str())
            .count();
        assert!((300..=500).contains(&future), "{future}");
        // Every located event is within a few tens of km of a city.
        for e in events.iter().filter(|e| !e["location"].is_null()) {
            let p = &e["location"]["location"];
            let (lat, lon) = (p["lat"].as_f64().unwrap(), p["lon"].as_f64().unwrap());
            let near = CITIES.iter().any(|c| {
                (c.lat - lat).abs() < 0.5
                    && ((c.lon - lon + 540.0).rem_euclid(360.0) - 180.0).abs() < 1.0
            });
            assert!(near, "{lat},{lon}");
            assert!(e["url"].as_str().unwrap().starts_with("https://mob"));
        }
        // Every line is a valid sepiola record.
        assert!(
            lines
                .iter()
                .all(|l| l["host"].as_str().unwrap().ends_with(".mobilizon.example"))
        );
    }
}
