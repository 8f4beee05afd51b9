//! What one simulated Mobilizon instance hosts: people, groups and events,
//! generated deterministically from the seed, the instance's position and
//! the federation's start time (events are past, ongoing or upcoming
//! relative to it). Rendering lives beside it: Mobilizon's GraphQL objects
//! ([`event_object`], [`group_object`]) and the truth a crawler should
//! index ([`event_truth`], [`group_truth`]).

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::content::{
    TextGen, heavy_tail, instance_rng, pick_language, pick_main_language, random_uuid,
};
use crate::mobilizon::places::{self, City};
use crate::render::date;
use crate::words::Lang;

/// Mobilizon's event categories (its `EventCategory` enum), every one used.
pub const CATEGORIES: [&str; 30] = [
    "ARTS",
    "BOOK_CLUBS",
    "BUSINESS",
    "CAUSES",
    "COMEDY",
    "CRAFTS",
    "FOOD_DRINK",
    "HEALTH",
    "MUSIC",
    "AUTO_BOAT_AIR",
    "COMMUNITY",
    "FAMILY_EDUCATION",
    "FASHION_BEAUTY",
    "FILM_MEDIA",
    "GAMES",
    "LANGUAGE_CULTURE",
    "LEARNING",
    "LGBTQ",
    "MOVEMENTS_POLITICS",
    "NETWORKING",
    "PARTY",
    "PERFORMING_VISUAL_ARTS",
    "PETS",
    "PHOTOGRAPHY",
    "OUTDOORS_ADVENTURE",
    "SPIRITUALITY_RELIGION_BELIEFS",
    "SCIENCE_TECH",
    "SPORTS",
    "THEATRE",
    "MEETING",
];

/// Mobilizon's event statuses.
pub const STATUSES: [&str; 3] = ["CONFIRMED", "TENTATIVE", "CANCELLED"];

/// Who may see an event or group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Listed and searchable.
    Public,
    /// Reachable by its link only (`event(uuid)`), never in a search.
    Unlisted,
    /// Members only.
    Private,
}

impl Visibility {
    /// Mobilizon's enum value.
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "PUBLIC",
            Visibility::Unlisted => "UNLISTED",
            Visibility::Private => "PRIVATE",
        }
    }
}

/// A postal address with a map point (Mobilizon's `Address`).
#[derive(Debug, Clone, PartialEq)]
pub struct Address {
    /// Id on the instance.
    pub id: u64,
    /// The place's name (Mobilizon calls it `description`).
    pub name: String,
    /// Street and number.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub locality: String,
    /// Country name.
    pub country: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// IANA time zone of the place.
    pub time_zone: String,
}

/// A person who organises events.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Id on the instance.
    pub id: u64,
    /// Username.
    pub username: String,
    /// Display name.
    pub name: String,
    /// Avatar file under `/media/`, if any.
    pub avatar: Option<String>,
}

/// A group.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Id on the instance.
    pub id: u64,
    /// Username (`@name`).
    pub username: String,
    /// Display name.
    pub name: String,
    /// Summary paragraphs (rendered as HTML).
    pub summary: Vec<String>,
    /// Members.
    pub members: u64,
    /// Where it is.
    pub address: Option<Address>,
    /// Avatar file under `/media/`, if any.
    pub avatar: Option<String>,
    /// Who may see it.
    pub visibility: Visibility,
    /// Creation.
    pub inserted_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

/// An event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Id on the instance.
    pub id: u64,
    /// UUID.
    pub uuid: Uuid,
    /// Title.
    pub title: String,
    /// Description paragraphs (rendered as HTML, the last with a bold word).
    pub description: Vec<String>,
    /// Start.
    pub begins_on: DateTime<Utc>,
    /// End.
    pub ends_on: Option<DateTime<Utc>>,
    /// One of [`STATUSES`].
    pub status: &'static str,
    /// One of [`CATEGORIES`].
    pub category: &'static str,
    /// Language code, if set.
    pub language: Option<&'static str>,
    /// Held online.
    pub online: bool,
    /// Where, for events in person.
    pub address: Option<Address>,
    /// The event's time zone (its place's, or the instance's for online events).
    pub time_zone: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Banner file under `/media/`, if any.
    pub picture: Option<String>,
    /// Index of the organiser in [`MobContent::people`].
    pub organizer: usize,
    /// Index of the group it belongs to, if any.
    pub group: Option<usize>,
    /// Participants.
    pub participants: u64,
    /// Who may see it.
    pub visibility: Visibility,
    /// A draft is never shown.
    pub draft: bool,
    /// Creation.
    pub inserted_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl Event {
    /// Whether a search of the instance shows it.
    pub fn is_listed(&self) -> bool {
        self.visibility == Visibility::Public && !self.draft
    }
}

/// Everything one instance hosts.
#[derive(Debug, Clone)]
pub struct MobContent {
    /// Instance name.
    pub name: String,
    /// Short description.
    pub description: String,
    /// Main language.
    pub lang: Lang,
    /// Home city.
    pub city: City,
    /// Organisers.
    pub people: Vec<Person>,
    /// Groups.
    pub groups: Vec<Group>,
    /// Events.
    pub events: Vec<Event>,
    /// Next free id (events, groups, people and addresses share it).
    pub next_id: u64,
    /// Usernames in use.
    pub handles: HashSet<String>,
    /// The time "now" was when the content was made.
    pub now: DateTime<Utc>,
}

/// How to generate one instance's content.
#[derive(Debug, Clone, Copy)]
pub struct MobParams {
    /// Federation seed.
    pub seed: u64,
    /// Position among the Mobilizon instances.
    pub index: u64,
    /// Events (listed ones and a few hidden ones).
    pub events: usize,
    /// Groups.
    pub groups: usize,
    /// Reference "now".
    pub now: DateTime<Utc>,
}

const STREETS: [&str; 9] = [
    "High Street",
    "Rue de la République",
    "Hauptstraße",
    "Calle Mayor",
    "Via Roma",
    "Rua Augusta",
    "Kerkstraat",
    "Lenina ulitsa",
    "Chuo-dori",
];

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn round_minutes(t: DateTime<Utc>, minutes: i64) -> DateTime<Utc> {
    let ms = t.timestamp_millis();
    let q = minutes * 60 * 1000;
    DateTime::from_timestamp_millis(ms - ms.rem_euclid(q)).unwrap_or(t)
}

impl MobContent {
    /// A fresh id.
    pub fn take_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// A new address near `city` (a few km from its centre).
    pub fn address_near(&mut self, rng: &mut ChaCha8Rng, city: &City) -> Address {
        let id = self.take_id();
        let lang = self.lang;
        let name = TextGen::new(rng).title(lang);
        let km_lat = 1.0 / 111.0;
        let km_lon = km_lat / city.lat.to_radians().cos().abs().max(0.05);
        let (dlat, dlon): (f64, f64) = (rng.random_range(-8.0..8.0), rng.random_range(-8.0..8.0));
        let street = STREETS[rng.random_range(0..STREETS.len())];
        Address {
            id,
            name,
            street: format!("{} {street}", rng.random_range(1..200)),
            postal_code: format!("{:05}", rng.random_range(1000..99999)),
            locality: city.name.clone(),
            country: city.country.clone(),
            lat: ((city.lat + dlat * km_lat) * 1e6).round() / 1e6,
            lon: (((city.lon + dlon * km_lon + 540.0).rem_euclid(360.0) - 180.0) * 1e6).round()
                / 1e6,
            time_zone: city.time_zone.clone(),
        }
    }

    /// A city of the instance: its home city mostly, else one of the same
    /// country, sometimes anywhere.
    pub fn pick_city(&self, rng: &mut ChaCha8Rng) -> City {
        let all = places::cities();
        let x: f64 = rng.random();
        if x < 0.6 {
            return self.city.clone();
        }
        if x < 0.9 {
            let same: Vec<&City> = all
                .iter()
                .filter(|c| c.country_code == self.city.country_code)
                .collect();
            if let Some(c) = same.get(rng.random_range(0..same.len().max(1))) {
                return (*c).clone();
            }
        }
        all[rng.random_range(0..all.len())].clone()
    }

    fn person(&mut self, rng: &mut ChaCha8Rng) -> usize {
        if !self.people.is_empty() && rng.random_bool(0.8) {
            let i = (rng.random::<f64>().powi(2) * self.people.len() as f64) as usize;
            return i.min(self.people.len() - 1);
        }
        let id = self.take_id();
        let username = TextGen::new(rng).handle(&mut self.handles);
        let name = capitalize(&username.replace('_', " "));
        let avatar = rng
            .random_bool(0.6)
            .then(|| format!("avatar-{username}-{}.png", rng.random_range(0..4)));
        self.people.push(Person {
            id,
            username,
            name,
            avatar,
        });
        self.people.len() - 1
    }

    fn paragraphs(rng: &mut ChaCha8Rng, lang: Lang) -> Vec<String> {
        let n = rng.random_range(1..=2);
        let sep = if lang.spaced() { " " } else { "" };
        (0..n)
            .map(|_| {
                let k = rng.random_range(1..=3);
                let s: Vec<String> = (0..k).map(|_| TextGen::new(rng).sentence(lang)).collect();
                s.join(sep)
            })
            .collect()
    }

    /// A new group (not yet added).
    pub fn make_group(&mut self, rng: &mut ChaCha8Rng) -> Group {
        let id = self.take_id();
        let lang = self.lang;
        let username = TextGen::new(rng).handle(&mut self.handles);
        let name = TextGen::new(rng).title(lang);
        let summary = Self::paragraphs(rng, lang);
        let address = if rng.random_bool(0.7) {
            let city = self.pick_city(rng);
            Some(self.address_near(rng, &city))
        } else {
            None
        };
        let inserted_at = self.now - Duration::days(rng.random_range(30..1500));
        let updated_at = inserted_at + Duration::days(rng.random_range(0..30));
        Group {
            id,
            avatar: rng
                .random_bool(0.8)
                .then(|| format!("group-{username}-{}.png", rng.random_range(0..4))),
            username,
            name,
            summary,
            members: 1 + heavy_tail(rng, 2.0, 1.2),
            address,
            visibility: if rng.random_bool(0.9) {
                Visibility::Public
            } else {
                Visibility::Private
            },
            inserted_at,
            updated_at: updated_at.min(self.now),
        }
    }

    /// A new event (not yet added); `k` is its position, so the first 30
    /// cover every category.
    pub fn make_event(&mut self, rng: &mut ChaCha8Rng, k: usize) -> Event {
        let id = self.take_id();
        let now = self.now;
        let (text_lang, declared) = pick_language(rng, self.lang);
        let uuid = random_uuid(rng);
        let title = TextGen::new(rng).title(text_lang);
        let description = if rng.random_bool(0.92) {
            Self::paragraphs(rng, text_lang)
        } else {
            Vec::new()
        };
        let tags = TextGen::new(rng).tags(text_lang);
        // Past (some beyond any retention), ongoing, upcoming; some last days.
        let x: f64 = rng.random();
        let (begins_on, ends_on) = if x < 0.25 {
            let b = now - Duration::minutes(rng.random_range(60 * 24..60 * 24 * 300));
            (b, Some(b + Duration::minutes(30 * rng.random_range(2..8))))
        } else if x < 0.35 {
            let b = now - Duration::minutes(rng.random_range(30..60 * 24 * 3));
            (
                b,
                Some(now + Duration::minutes(rng.random_range(60..60 * 24 * 4))),
            )
        } else {
            let b = now + Duration::minutes(rng.random_range(60..60 * 24 * 365));
            let e = match rng.random_range(0..10) {
                0..=5 => Some(b + Duration::minutes(30 * rng.random_range(2..10))),
                6 | 7 => Some(b + Duration::days(rng.random_range(1..6))),
                _ => None,
            };
            (b, e)
        };
        let begins_on = round_minutes(begins_on, 15);
        let ends_on = ends_on.map(|e| round_minutes(e, 15).max(begins_on));
        let category = if k < CATEGORIES.len() {
            CATEGORIES[k]
        } else {
            CATEGORIES[rng.random_range(0..CATEGORIES.len())]
        };
        let status = match rng.random_range(0..100) {
            0..=79 => STATUSES[0],
            80..=91 => STATUSES[1],
            _ => STATUSES[2],
        };
        let online = k % 7 == 3 || rng.random_bool(0.1);
        let address = if online {
            None
        } else {
            let city = self.pick_city(rng);
            Some(self.address_near(rng, &city))
        };
        let time_zone = address
            .as_ref()
            .map(|a| a.time_zone.clone())
            .unwrap_or_else(|| self.city.time_zone.clone());
        let organizer = self.person(rng);
        let group = (!self.groups.is_empty() && rng.random_bool(0.3))
            .then(|| rng.random_range(0..self.groups.len()));
        let inserted_at = (begins_on - Duration::days(rng.random_range(1..120))).min(now);
        let updated_at = (inserted_at + Duration::hours(rng.random_range(0..48))).min(now);
        let (visibility, draft) = match rng.random_range(0..100) {
            0..=1 => (Visibility::Unlisted, false),
            2 => (Visibility::Private, false),
            3 => (Visibility::Public, true),
            _ => (Visibility::Public, false),
        };
        Event {
            id,
            uuid,
            title,
            description,
            begins_on,
            ends_on,
            status,
            category,
            language: declared.map(Lang::code),
            online,
            address,
            time_zone,
            tags,
            picture: rng.random_bool(0.7).then(|| format!("banner-{uuid}.jpg")),
            organizer,
            group,
            participants: heavy_tail(rng, 2.0, 1.3),
            visibility,
            draft,
            inserted_at,
            updated_at,
        }
    }
}

/// The content of instance `p.index`.
pub fn generate(p: MobParams) -> MobContent {
    let mut rng = instance_rng(p.seed ^ 0x4D0B_11E0, p.index);
    let all = places::cities();
    // Home cities among the 400 biggest, so instances cluster like real ones.
    let city = all[rng.random_range(0..all.len().min(400))].clone();
    let lang = pick_main_language(&mut rng);
    let name = format!("Mobilizon {}", city.name);
    let mut c = MobContent {
        description: format!("Events and groups around {}, {}", city.name, city.country),
        name,
        lang,
        city,
        people: Vec::new(),
        groups: Vec::new(),
        events: Vec::new(),
        next_id: 1,
        handles: HashSet::new(),
        now: p.now,
    };
    for _ in 0..p.groups {
        let g = c.make_group(&mut rng);
        c.groups.push(g);
    }
    for k in 0..p.events {
        let e = c.make_event(&mut rng, k);
        c.events.push(e);
    }
    c
}

/// Escapes text for HTML.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Paragraphs as Mobilizon's HTML: `<p>` each, the last word of the last
/// one in bold.
pub fn paragraphs_html(paras: &[String]) -> String {
    let n = paras.len();
    paras
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if i + 1 == n
                && let Some((head, last)) = p.rsplit_once(' ')
            {
                format!("<p>{} <b>{}</b></p>", escape(head), escape(last))
            } else {
                format!("<p>{}</p>", escape(p))
            }
        })
        .collect()
}

/// The paragraphs as the plain text a crawler should keep: one blank line
/// between paragraphs.
pub fn paragraphs_text(paras: &[String]) -> Option<String> {
    let t = paras.join("\n\n");
    (!t.trim().is_empty()).then_some(t)
}

fn media(base: &str, file: &Option<String>) -> Value {
    match file {
        Some(f) => json!({"url": format!("{base}/media/{f}")}),
        None => Value::Null,
    }
}

fn address_object(a: &Option<Address>) -> Value {
    match a {
        None => Value::Null,
        Some(a) => json!({
            "__typename": "Address",
            "id": a.id.to_string(),
            "description": a.name,
            "street": a.street,
            "postalCode": a.postal_code,
            "locality": a.locality,
            "region": Value::Null,
            "country": a.country,
            // Mobilizon's `point` scalar: "lon;lat".
            "geom": format!("{};{}", a.lon, a.lat),
            "timezone": a.time_zone,
            "type": "venue",
            "url": Value::Null,
            "originId": Value::Null,
        }),
    }
}

fn address_truth(a: &Option<Address>) -> Value {
    match a {
        None => Value::Null,
        Some(a) => json!({
            "id": a.id.to_string(),
            "name": a.name,
            "address": {
                "addressCountry": a.country,
                "addressLocality": a.locality,
                "addressRegion": Value::Null,
                "postalCode": a.postal_code,
                "streetAddress": a.street,
            },
            "location": {"lat": a.lat, "lon": a.lon},
        }),
    }
}

fn person_object(base: &str, p: &Person) -> Value {
    json!({
        "__typename": "Person",
        "id": p.id.to_string(),
        "preferredUsername": p.username,
        "name": p.name,
        "domain": Value::Null,
        "url": format!("{base}/@{}", p.username),
        "avatar": media(base, &p.avatar),
        "type": "PERSON",
    })
}

/// A group as Mobilizon's GraphQL `Group` object (every field fedsim knows).
pub fn group_object(base: &str, g: &Group) -> Value {
    json!({
        "__typename": "Group",
        "id": g.id.to_string(),
        "preferredUsername": g.username,
        "name": g.name,
        "domain": Value::Null,
        "summary": paragraphs_html(&g.summary),
        "url": format!("{base}/@{}", g.username),
        "avatar": media(base, &g.avatar),
        "banner": Value::Null,
        "physicalAddress": address_object(&g.address),
        "members": {"__typename": "PaginatedMemberList", "total": g.members},
        "visibility": g.visibility.as_str(),
        "openness": "OPEN",
        "type": "GROUP",
        "insertedAt": date(&g.inserted_at),
        "updatedAt": date(&g.updated_at),
    })
}

/// An event as Mobilizon's GraphQL `Event` object (every field fedsim knows).
pub fn event_object(base: &str, c: &MobContent, e: &Event) -> Value {
    let organizer = c
        .people
        .get(e.organizer)
        .map(|p| person_object(base, p))
        .unwrap_or(Value::Null);
    let attributed = e
        .group
        .and_then(|g| c.groups.get(g))
        .map(|g| group_object(base, g))
        .unwrap_or(Value::Null);
    json!({
        "__typename": "Event",
        "id": e.id.to_string(),
        "uuid": e.uuid.to_string(),
        "url": format!("{base}/events/{}", e.uuid),
        "title": e.title,
        "description": paragraphs_html(&e.description),
        "beginsOn": date(&e.begins_on),
        "endsOn": e.ends_on.as_ref().map(date),
        "status": e.status,
        "visibility": e.visibility.as_str(),
        "draft": e.draft,
        "category": e.category,
        "language": e.language.unwrap_or("und"),
        "picture": media(base, &e.picture),
        "tags": e.tags.iter().map(|t| json!({"__typename": "Tag", "title": t, "slug": t.to_lowercase()})).collect::<Vec<_>>(),
        "options": {"__typename": "EventOptions", "isOnline": e.online, "timezone": e.time_zone,
                    "showStartTime": true, "showEndTime": e.ends_on.is_some()},
        "participantStats": {"__typename": "ParticipantStats", "participant": e.participants},
        "organizerActor": organizer,
        "attributedTo": attributed,
        "physicalAddress": address_object(&e.address),
        "onlineAddress": e.online.then(|| format!("{base}/visio/{}", e.uuid)),
        "local": true,
        "insertedAt": date(&e.inserted_at),
        "updatedAt": date(&e.updated_at),
        "publishAt": date(&e.inserted_at),
    })
}

/// An event as sepiola should index it (its API shape), for tests.
pub fn event_truth(host: &str, base: &str, c: &MobContent, e: &Event) -> Value {
    let creator = c.people.get(e.organizer).map(|p| {
        json!({
            "id": p.id.to_string(),
            "name": p.username,
            "displayName": p.name,
            "avatar": p.avatar.as_ref().map(|f| format!("{base}/media/{f}")),
        })
    });
    json!({
        "host": host,
        "id": e.id.to_string(),
        "uuid": e.uuid.to_string(),
        "name": e.title,
        "description": paragraphs_text(&e.description),
        "startTime": date(&e.begins_on),
        "endTime": e.ends_on.as_ref().map(date),
        "url": format!("{base}/events/{}", e.uuid),
        "banner": e.picture.as_ref().map(|f| format!("{base}/media/{f}")),
        "category": e.category,
        "status": e.status,
        "language": e.language,
        "isOnline": e.online,
        "timeZone": e.time_zone,
        "creator": creator,
        "location": address_truth(&e.address),
        "participantCount": e.participants,
        "tags": e.tags,
        "createdAt": date(&e.inserted_at),
        "updatedAt": date(&e.updated_at),
    })
}

/// A group as sepiola should index it (its API shape), for tests.
pub fn group_truth(host: &str, base: &str, g: &Group) -> Value {
    json!({
        "host": host,
        "id": g.id.to_string(),
        "name": g.username,
        "displayName": g.name,
        "avatar": g.avatar.as_ref().map(|f| format!("{base}/media/{f}")),
        "description": paragraphs_text(&g.summary),
        "url": format!("{base}/@{}", g.username),
        "memberCount": g.members,
        "location": address_truth(&g.address),
        "createdAt": date(&g.inserted_at),
        "updatedAt": date(&g.updated_at),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(events: usize) -> MobParams {
        MobParams {
            seed: 3,
            index: 1,
            events,
            groups: 10,
            now: DateTime::from_timestamp(1_780_000_000, 0).unwrap(),
        }
    }

    #[test]
    fn content_is_deterministic_and_varied() {
        let a = generate(params(300));
        let b = generate(params(300));
        assert_eq!(a.events, b.events);
        assert_eq!(a.groups, b.groups);
        let cats: HashSet<&str> = a.events.iter().map(|e| e.category).collect();
        assert_eq!(cats.len(), CATEGORIES.len());
        let statuses: HashSet<&str> = a.events.iter().map(|e| e.status).collect();
        assert_eq!(statuses.len(), 3);
        let now = a.now;
        assert!(a.events.iter().any(|e| e.online && e.address.is_none()));
        assert!(a.events.iter().any(|e| e.ends_on.is_some_and(|x| x < now)));
        assert!(
            a.events
                .iter()
                .any(|e| e.begins_on < now && e.ends_on.is_some_and(|x| x > now))
        );
        assert!(a.events.iter().any(|e| e.begins_on > now));
        assert!(a.events.iter().any(|e| {
            e.ends_on
                .is_some_and(|x| x - e.begins_on >= Duration::days(1))
        }));
        assert!(a.events.iter().any(|e| !e.is_listed()));
        let langs: HashSet<Option<&str>> = a.events.iter().map(|e| e.language).collect();
        assert!(langs.len() >= 3, "{langs:?}");
    }

    #[test]
    fn html_and_text_agree() {
        let p = vec![
            "Bring <tools> & food.".to_string(),
            "See you there".to_string(),
        ];
        assert_eq!(
            paragraphs_html(&p),
            "<p>Bring &lt;tools&gt; &amp; food.</p><p>See you <b>there</b></p>"
        );
        assert_eq!(
            paragraphs_text(&p).as_deref(),
            Some("Bring <tools> & food.\n\nSee you there")
        );
        assert_eq!(paragraphs_text(&[]), None);
    }
}
