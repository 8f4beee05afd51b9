//! Encodings at the decoder level: every way a client may send a parameter
//! (repeated keys, `key[]`, `key%5B%5D`, `key[0]`, a form body, a JSON
//! array, a scalar for an array, numbers and booleans as strings or as JSON
//! values) decodes to the same query, for every array and scalar parameter
//! of every endpoint, and that query is the one the parameter means.
//!
//! This is the encoding matrix the end-to-end API tests used to send over
//! HTTP for every filter; tests/e2e/api.rs now sends each endpoint's filters
//! one way, and a few filter sets all four HTTP ways. What the filters do
//! is tested at the index level (crates/index/tests/filters.rs).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Debug;

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use sepiola_model::query::{ActorSort, EventSort, GroupSort, VideoSort};
use sepiola_model::query::{
    BBox, Blocks, ChannelQuery, Circle, DEFAULT_DISTANCE_KM, EventQuery, GroupQuery, Page,
    PlaylistQuery, Sort, VideoQuery,
};
use sepiola_model::{Host, Timestamp};
use sepiola_server::{
    ApiError, Location, RawParams, channel_query, event_query, group_query, playlist_query,
    video_query,
};
use serde_json::{Value, json};

/// How a parameter's values are typed in JSON.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Ty {
    /// A list of strings.
    List,
    /// A list of numbers.
    NumList,
    /// One string.
    Text,
    /// One number.
    Num,
    /// One boolean.
    Bool,
}

impl Ty {
    fn is_list(self) -> bool {
        matches!(self, Ty::List | Ty::NumList)
    }

    /// The value as the JSON type a client would use for it.
    fn native(self, v: &str) -> Value {
        match self {
            Ty::NumList | Ty::Num => json!(v.parse::<u64>().unwrap()),
            Ty::Bool => json!(v.parse::<bool>().unwrap()),
            Ty::List | Ty::Text => json!(v),
        }
    }
}

/// One parameter with its values, other parameters sent along with it
/// (as text), and the query it must decode to, as a change of the default.
struct Case<Q> {
    key: &'static str,
    ty: Ty,
    values: Vec<&'static str>,
    with: Vec<(&'static str, &'static str)>,
    expect: Box<dyn Fn(&mut Q)>,
}

fn case<Q>(
    key: &'static str,
    ty: Ty,
    values: &[&'static str],
    expect: impl Fn(&mut Q) + 'static,
) -> Case<Q> {
    Case {
        key,
        ty,
        values: values.to_vec(),
        with: Vec::new(),
        expect: Box::new(expect),
    }
}

fn enc(s: &str) -> String {
    utf8_percent_encode(s, NON_ALPHANUMERIC).to_string()
}

/// `k=v` pairs joined with `&`, keys already as they should appear.
fn urlencoded(pairs: &[(String, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Every encoding of the case, as (name, raw parameters).
fn encodings<Q>(c: &Case<Q>) -> Vec<(String, RawParams)> {
    let k = c.key;
    let vs = &c.values;
    let with: Vec<(String, &str)> = c.with.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    let query = |keys: &dyn Fn(usize) -> String| {
        let mut pairs = with.clone();
        pairs.extend(vs.iter().enumerate().map(|(i, v)| (keys(i), *v)));
        urlencoded(&pairs)
    };
    let mut out: Vec<(String, String, Location)> = vec![
        (
            "query, repeated keys".into(),
            query(&|_| k.to_string()),
            Location::Query,
        ),
        (
            "form body, repeated keys".into(),
            query(&|_| k.to_string()),
            Location::Body,
        ),
    ];
    if c.ty.is_list() {
        out.push((
            "query, key[]".into(),
            query(&|_| format!("{k}[]")),
            Location::Query,
        ));
        out.push((
            "query, key%5B%5D".into(),
            query(&|_| format!("{k}%5B%5D")),
            Location::Query,
        ));
        out.push((
            "query, key[i]".into(),
            query(&|i| format!("{k}[{i}]")),
            Location::Query,
        ));
        out.push((
            "query, key and key[] mixed".into(),
            query(&|i| {
                if i % 2 == 0 {
                    k.to_string()
                } else {
                    format!("{k}[]")
                }
            }),
            Location::Query,
        ));
        out.push((
            "form body, key[]".into(),
            query(&|_| format!("{k}[]")),
            Location::Body,
        ));
    }
    let mut raw: Vec<(String, RawParams)> = out
        .into_iter()
        .map(|(name, q, loc)| {
            let p = RawParams::from_urlencoded(q.as_bytes(), loc)
                .unwrap_or_else(|e| panic!("{name} {q}: {e:?}"));
            (format!("{name}: {q}"), p)
        })
        .collect();
    // JSON bodies
    let mut bodies: Vec<(&str, Value)> = Vec::new();
    let strings = json!(vs);
    let natives = Value::Array(vs.iter().map(|v| c.ty.native(v)).collect());
    if c.ty.is_list() {
        bodies.push(("JSON array of strings", json!({ k: strings })));
        bodies.push(("JSON array, native values", json!({ k: natives })));
        bodies.push((
            "JSON array under key[]",
            json!({ format!("{k}[]"): natives }),
        ));
    }
    if vs.len() == 1 {
        // A scalar, for a scalar or (as clients do) for an array.
        bodies.push(("JSON string", json!({ k: vs[0] })));
        bodies.push(("JSON native scalar", json!({ k: c.ty.native(vs[0]) })));
    }
    for (name, mut body) in bodies {
        for (wk, wv) in &c.with {
            body[*wk] = json!(wv);
        }
        let text = body.to_string();
        let p = RawParams::from_json(text.as_bytes())
            .unwrap_or_else(|e| panic!("{name} {text}: {e:?}"));
        raw.push((format!("{name}: {text}"), p));
    }
    // The query string and a JSON body together: the body's value wins.
    let decoy = if c.ty.is_list() || c.ty == Ty::Text {
        urlencoded(&[(k.to_string(), "decoy")])
    } else {
        urlencoded(&[(k.to_string(), "7")])
    };
    let body = {
        let mut b = json!({ k: if c.ty.is_list() { natives.clone() } else { c.ty.native(vs[0]) } });
        for (wk, wv) in &c.with {
            b[*wk] = json!(wv);
        }
        b.to_string()
    };
    let merged = RawParams::from_urlencoded(decoy.as_bytes(), Location::Query)
        .unwrap()
        .merge(RawParams::from_json(body.as_bytes()).unwrap());
    raw.push((format!("query {decoy} under body {body}"), merged));
    raw
}

/// Every encoding of every case decodes to the query the case expects,
/// which is not the default one (the parameter was read).
fn check_all<Q: Default + PartialEq + Debug>(
    decode: fn(&RawParams) -> Result<Q, ApiError>,
    cases: &[Case<Q>],
) {
    for c in cases {
        let mut expected = Q::default();
        (c.expect)(&mut expected);
        let mut baseline = Q::default();
        if !c.with.is_empty() {
            // What the companions alone decode to.
            let q = urlencoded(
                &c.with
                    .iter()
                    .map(|(k, v)| (k.to_string(), *v))
                    .collect::<Vec<_>>(),
            );
            baseline = decode(&RawParams::from_urlencoded(q.as_bytes(), Location::Query).unwrap())
                .unwrap();
        }
        assert_ne!(
            expected, baseline,
            "{} {:?}: the case expects nothing of the parameter",
            c.key, c.values
        );
        let encs = encodings(c);
        assert!(encs.len() >= 4, "{}", c.key);
        for (how, raw) in encs {
            let got = decode(&raw).unwrap_or_else(|e| panic!("{} via {how}: {e:?}", c.key));
            assert_eq!(got, expected, "{} via {how}", c.key);
        }
    }
}

fn ts(s: &str) -> Option<Timestamp> {
    Some(Timestamp::parse(s).unwrap())
}

fn strings(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|s| s.to_string()).collect()
}

fn sort<C>(field: C, descending: bool) -> Sort<C> {
    Sort { field, descending }
}

const UUID: &str = "5109c30f-cc0f-58fd-b0c7-e32679d6c830";
const SHORT_UUID: &str = "b1pjVLmrNRwqCRuE3gk5wL";

#[test]
fn every_video_parameter_in_every_encoding() {
    let cases: Vec<Case<VideoQuery>> = vec![
        case(
            "search",
            Ty::Text,
            &["solar panel"],
            |q: &mut VideoQuery| q.search = Some("solar panel".into()),
        ),
        case("nsfw", Ty::Bool, &["true"], |q: &mut VideoQuery| {
            q.nsfw = Some(true)
        }),
        case("nsfw", Ty::Bool, &["false"], |q: &mut VideoQuery| {
            q.nsfw = Some(false)
        }),
        case("isLive", Ty::Bool, &["true"], |q: &mut VideoQuery| {
            q.is_live = Some(true)
        }),
        case("isLive", Ty::Bool, &["false"], |q: &mut VideoQuery| {
            q.is_live = Some(false)
        }),
        case(
            "categoryOneOf",
            Ty::NumList,
            &["15", "1"],
            |q: &mut VideoQuery| q.categories = vec![15, 1],
        ),
        case(
            "categoryOneOf",
            Ty::NumList,
            &["15"],
            |q: &mut VideoQuery| q.categories = vec![15],
        ),
        case(
            "licenceOneOf",
            Ty::NumList,
            &["2", "1"],
            |q: &mut VideoQuery| q.licences = vec![2, 1],
        ),
        case("licenceOneOf", Ty::NumList, &["2"], |q: &mut VideoQuery| {
            q.licences = vec![2]
        }),
        case(
            "languageOneOf",
            Ty::List,
            &["fr", "de"],
            |q: &mut VideoQuery| q.languages = strings(&["fr", "de"]),
        ),
        case(
            "languageOneOf",
            Ty::List,
            &["_unknown"],
            |q: &mut VideoQuery| q.languages = strings(&["_unknown"]),
        ),
        case(
            "tagsOneOf",
            Ty::List,
            &["rust", "Cooking"],
            |q: &mut VideoQuery| q.tags_one_of = strings(&["rust", "Cooking"]),
        ),
        case("tagsOneOf", Ty::List, &["rust"], |q: &mut VideoQuery| {
            q.tags_one_of = strings(&["rust"])
        }),
        case(
            "tagsAllOf",
            Ty::List,
            &["framasoft", "peertube"],
            |q: &mut VideoQuery| q.tags_all_of = strings(&["framasoft", "peertube"]),
        ),
        case("tagsAllOf", Ty::List, &["live"], |q: &mut VideoQuery| {
            q.tags_all_of = strings(&["live"])
        }),
        case(
            "host",
            Ty::Text,
            &["video.example.fr"],
            |q: &mut VideoQuery| q.host = Host::parse("video.example.fr"),
        ),
        case(
            "startDate",
            Ty::Text,
            &["2024-01-01T00:00:00Z"],
            |q: &mut VideoQuery| q.published.from = ts("2024-01-01T00:00:00Z"),
        ),
        case(
            "endDate",
            Ty::Text,
            &["2024-06-30"],
            |q: &mut VideoQuery| q.published.to = ts("2024-06-30"),
        ),
        case(
            "publishedAfter",
            Ty::Text,
            &["2026-11-24T09:41:54.996Z"],
            |q: &mut VideoQuery| q.published.from = ts("2026-11-24T09:41:54.996Z"),
        ),
        case(
            "publishedBefore",
            Ty::Text,
            &["2024-06-30"],
            |q: &mut VideoQuery| q.published.to = ts("2024-06-30"),
        ),
        case(
            "originallyPublishedStartDate",
            Ty::Text,
            &["2000-01-01"],
            |q: &mut VideoQuery| q.originally_published.from = ts("2000-01-01"),
        ),
        case(
            "originallyPublishedEndDate",
            Ty::Text,
            &["2020-01-01T12:00:00+02:00"],
            |q: &mut VideoQuery| q.originally_published.to = ts("2020-01-01T10:00:00Z"),
        ),
        case("durationMin", Ty::Num, &["600"], |q: &mut VideoQuery| {
            q.duration_min = Some(600)
        }),
        case("durationMax", Ty::Num, &["60"], |q: &mut VideoQuery| {
            q.duration_max = Some(60)
        }),
        case(
            "uuids",
            Ty::List,
            &[UUID, SHORT_UUID],
            |q: &mut VideoQuery| q.uuids = strings(&[UUID, SHORT_UUID]),
        ),
        case("uuids", Ty::List, &[UUID], |q: &mut VideoQuery| {
            q.uuids = strings(&[UUID])
        }),
        case(
            "boostLanguages",
            Ty::List,
            &["fr", "en"],
            |q: &mut VideoQuery| q.boost_languages = strings(&["fr", "en"]),
        ),
        case("boostLanguages", Ty::List, &["fr"], |q: &mut VideoQuery| {
            q.boost_languages = strings(&["fr"])
        }),
        case(
            "blockedHosts",
            Ty::List,
            &["video.example.fr", "tube.example.org"],
            |q: &mut VideoQuery| q.blocks.hosts = hosts(&["video.example.fr", "tube.example.org"]),
        ),
        case(
            "blockedHosts",
            Ty::List,
            &["video.example.fr"],
            |q: &mut VideoQuery| q.blocks.hosts = hosts(&["video.example.fr"]),
        ),
        case(
            "blockedAccounts",
            Ty::List,
            &["claire@video.example.fr", "bernd@peertube.example.de:8443"],
            |q: &mut VideoQuery| {
                q.blocks.accounts =
                    strings(&["claire@video.example.fr", "bernd@peertube.example.de:8443"])
            },
        ),
        case(
            "blockedAccounts",
            Ty::List,
            &["claire@video.example.fr"],
            |q: &mut VideoQuery| q.blocks.accounts = strings(&["claire@video.example.fr"]),
        ),
        case("sort", Ty::Text, &["-views"], |q: &mut VideoQuery| {
            q.sort = sort(VideoSort::Views, true)
        }),
        case("sort", Ty::Text, &["publishedAt"], |q: &mut VideoQuery| {
            q.sort = sort(VideoSort::PublishedAt, false)
        }),
        case("sort", Ty::Text, &["-trending"], |q: &mut VideoQuery| {
            q.sort = sort(VideoSort::Trending, true)
        }),
        case("sort", Ty::Text, &["best"], |q: &mut VideoQuery| {
            q.sort = sort(VideoSort::Best, false)
        }),
        case("start", Ty::Num, &["10"], |q: &mut VideoQuery| {
            q.page = Page {
                start: 10,
                count: 20,
            }
        }),
        // past the index's window: decoded, answered with the total
        case("start", Ty::Num, &["50000"], |q: &mut VideoQuery| {
            q.page = Page {
                start: 50_000,
                count: 20,
            }
        }),
        case("count", Ty::Num, &["5"], |q: &mut VideoQuery| {
            q.page = Page { start: 0, count: 5 }
        }),
    ];
    check_all(video_query, &cases);
}

/// Blocks, page and search cases every PeerTube endpoint shares.
fn shared_cases<Q: 'static>(
    blocks: fn(&mut Q) -> &mut Blocks,
    page: fn(&mut Q) -> &mut Page,
    search: fn(&mut Q) -> &mut Option<String>,
) -> Vec<Case<Q>> {
    vec![
        case("search", Ty::Text, &["jazz"], move |q| {
            *search(q) = Some("jazz".into())
        }),
        case(
            "blockedHosts",
            Ty::List,
            &["video.example.fr", "tube.example.org"],
            move |q| blocks(q).hosts = hosts(&["video.example.fr", "tube.example.org"]),
        ),
        case("blockedHosts", Ty::List, &["tube.example.org"], move |q| {
            blocks(q).hosts = hosts(&["tube.example.org"])
        }),
        case(
            "blockedAccounts",
            Ty::List,
            &["alice@tube.example.org", "claire@video.example.fr"],
            move |q| {
                blocks(q).accounts = strings(&["alice@tube.example.org", "claire@video.example.fr"])
            },
        ),
        case(
            "blockedAccounts",
            Ty::List,
            &["alice@tube.example.org"],
            move |q| blocks(q).accounts = strings(&["alice@tube.example.org"]),
        ),
        case("start", Ty::Num, &["3"], move |q| {
            *page(q) = Page {
                start: 3,
                count: 20,
            }
        }),
        case("count", Ty::Num, &["100"], move |q| {
            *page(q) = Page {
                start: 0,
                count: 100,
            }
        }),
    ]
}

#[test]
fn every_channel_parameter_in_every_encoding() {
    let mut cases: Vec<Case<ChannelQuery>> =
        shared_cases(|q| &mut q.blocks, |q| &mut q.page, |q| &mut q.search);
    let more: Vec<Case<ChannelQuery>> = vec![
        case(
            "host",
            Ty::Text,
            &["video.example.fr"],
            |q: &mut ChannelQuery| q.host = Host::parse("video.example.fr"),
        ),
        case(
            "handles",
            Ty::List,
            &["histoire@video.example.fr", "musique@video.example.fr"],
            |q: &mut ChannelQuery| {
                q.handles = strings(&["histoire@video.example.fr", "musique@video.example.fr"])
            },
        ),
        case(
            "handles",
            Ty::List,
            &["histoire@video.example.fr"],
            |q: &mut ChannelQuery| q.handles = strings(&["histoire@video.example.fr"]),
        ),
        case("sort", Ty::Text, &["-createdAt"], |q: &mut ChannelQuery| {
            q.sort = sort(ActorSort::CreatedAt, true)
        }),
        case(
            "sort",
            Ty::Text,
            &["displayName"],
            |q: &mut ChannelQuery| q.sort = sort(ActorSort::DisplayName, false),
        ),
    ];
    cases.extend(more);
    check_all(channel_query, &cases);
}

#[test]
fn every_playlist_parameter_in_every_encoding() {
    let mut cases: Vec<Case<PlaylistQuery>> =
        shared_cases(|q| &mut q.blocks, |q| &mut q.page, |q| &mut q.search);
    let more: Vec<Case<PlaylistQuery>> = vec![
        case(
            "host",
            Ty::Text,
            &["video.example.fr"],
            |q: &mut PlaylistQuery| q.host = Host::parse("video.example.fr"),
        ),
        case(
            "uuids",
            Ty::List,
            &[UUID, SHORT_UUID],
            |q: &mut PlaylistQuery| q.uuids = strings(&[UUID, SHORT_UUID]),
        ),
        case("uuids", Ty::List, &[SHORT_UUID], |q: &mut PlaylistQuery| {
            q.uuids = strings(&[SHORT_UUID])
        }),
        case(
            "sort",
            Ty::Text,
            &["-displayName"],
            |q: &mut PlaylistQuery| q.sort = sort(ActorSort::DisplayName, true),
        ),
    ];
    cases.extend(more);
    check_all(playlist_query, &cases);
}

/// Geo and language cases events and groups share.
fn mobilizon_cases<Q: 'static>(
    geo: fn(&mut Q) -> &mut sepiola_model::query::GeoFilter,
    languages: fn(&mut Q) -> &mut Vec<String>,
    boost: fn(&mut Q) -> &mut Vec<String>,
    blocks: fn(&mut Q) -> &mut Blocks,
) -> Vec<Case<Q>> {
    let mut distance = case("distance", Ty::Text, &["10_km"], move |q| {
        geo(q).near = Some(Circle {
            lat: 48.8566,
            lon: 2.3522,
            radius_km: 10.0,
        })
    });
    distance.with = vec![("latlon", "48.8566:2.3522")];
    vec![
        case("languageOneOf", Ty::List, &["en", "_unknown"], move |q| {
            *languages(q) = strings(&["en", "_unknown"])
        }),
        case("languageOneOf", Ty::List, &["de"], move |q| {
            *languages(q) = strings(&["de"])
        }),
        case("boostLanguages", Ty::List, &["fr", "en"], move |q| {
            *boost(q) = strings(&["fr", "en"])
        }),
        case("boostLanguages", Ty::List, &["fr"], move |q| {
            *boost(q) = strings(&["fr"])
        }),
        case("latlon", Ty::Text, &["48.8566:2.3522"], move |q| {
            geo(q).near = Some(Circle {
                lat: 48.8566,
                lon: 2.3522,
                radius_km: DEFAULT_DISTANCE_KM,
            })
        }),
        distance,
        case("bbox", Ty::Text, &["49.5, 2.0:48.0, 3.0"], move |q| {
            geo(q).bbox = Some(BBox {
                north: 49.5,
                west: 2.0,
                south: 48.0,
                east: 3.0,
                all_longitudes: false,
            })
        }),
        case(
            "blockedHosts",
            Ty::List,
            &["mob-a.example", "mob-d.example:8443"],
            move |q| blocks(q).hosts = hosts(&["mob-a.example", "mob-d.example:8443"]),
        ),
        case("blockedHosts", Ty::List, &["mob-a.example"], move |q| {
            blocks(q).hosts = hosts(&["mob-a.example"])
        }),
        case(
            "blockedAccounts",
            Ty::List,
            &["carol@mob-b.example"],
            move |q| blocks(q).accounts = strings(&["carol@mob-b.example"]),
        ),
    ]
}

#[test]
fn every_event_parameter_in_every_encoding() {
    let mut cases: Vec<Case<EventQuery>> = mobilizon_cases(
        |q| &mut q.geo,
        |q| &mut q.languages,
        |q| &mut q.boost_languages,
        |q| &mut q.blocks,
    );
    let more: Vec<Case<EventQuery>> = vec![
        case("search", Ty::Text, &["jazz"], |q: &mut EventQuery| {
            q.search = Some("jazz".into())
        }),
        case(
            "categoryOneOf",
            Ty::List,
            &["MUSIC", "sports"],
            |q: &mut EventQuery| q.categories = strings(&["MUSIC", "SPORTS"]),
        ),
        case(
            "categoryOneOf",
            Ty::List,
            &["MUSIC"],
            |q: &mut EventQuery| q.categories = strings(&["MUSIC"]),
        ),
        case(
            "statusOneOf",
            Ty::List,
            &["TENTATIVE", "confirmed"],
            |q: &mut EventQuery| q.statuses = strings(&["TENTATIVE", "CONFIRMED"]),
        ),
        case(
            "statusOneOf",
            Ty::List,
            &["CANCELLED"],
            |q: &mut EventQuery| q.statuses = strings(&["CANCELLED"]),
        ),
        case(
            "startDateMin",
            Ty::Text,
            &["2099-06-01T10:00:00+00:00"],
            |q: &mut EventQuery| q.start.from = ts("2099-06-01T10:00:00Z"),
        ),
        case(
            "startDateMax",
            Ty::Text,
            &["2099-06-01T19:00:00.000000"],
            |q: &mut EventQuery| q.start.to = ts("2099-06-01T19:00:00Z"),
        ),
        case("sort", Ty::Text, &["-startTime"], |q: &mut EventQuery| {
            q.sort = sort(EventSort::StartTime, true)
        }),
        case(
            "sort",
            Ty::Text,
            &["participantCount"],
            |q: &mut EventQuery| q.sort = sort(EventSort::ParticipantCount, false),
        ),
        case("start", Ty::Num, &["4"], |q: &mut EventQuery| {
            q.page = Page {
                start: 4,
                count: 20,
            }
        }),
        case("count", Ty::Num, &["16"], |q: &mut EventQuery| {
            q.page = Page {
                start: 0,
                count: 16,
            }
        }),
    ];
    cases.extend(more);
    check_all(event_query, &cases);
}

#[test]
fn every_group_parameter_in_every_encoding() {
    let mut cases: Vec<Case<GroupQuery>> = mobilizon_cases(
        |q| &mut q.geo,
        |q| &mut q.languages,
        |q| &mut q.boost_languages,
        |q| &mut q.blocks,
    );
    let more: Vec<Case<GroupQuery>> = vec![
        case("search", Ty::Text, &["climbing"], |q: &mut GroupQuery| {
            q.search = Some("climbing".into())
        }),
        case("sort", Ty::Text, &["-memberCount"], |q: &mut GroupQuery| {
            q.sort = sort(GroupSort::MemberCount, true)
        }),
        case("sort", Ty::Text, &["createdAt"], |q: &mut GroupQuery| {
            q.sort = sort(GroupSort::CreatedAt, false)
        }),
        case("count", Ty::Num, &["16"], |q: &mut GroupQuery| {
            q.page = Page {
                start: 0,
                count: 16,
            }
        }),
    ];
    cases.extend(more);
    check_all(group_query, &cases);
}

/// The exact bodies and query strings real clients send decode to what
/// they mean: PeerTube 6.3's POST body (contract G) and Mobilizon's query
/// string, and the same parameters in the other encodings.
#[test]
fn real_clients_bodies_decode_like_their_other_encodings() {
    let body = br#"{"start":0,"count":15,"sort":"-match","search":"rust","searchTarget":"search-index","blockedHosts":["video.example.fr"],"blockedAccounts":[],"nsfw":"both","categoryOneOf":["15"],"languageOneOf":["en"],"tagsOneOf":["rust"]}"#;
    let from_body = video_query(&RawParams::from_json(body).unwrap()).unwrap();
    let from_query = video_query(
        &RawParams::from_urlencoded(
            b"start=0&count=15&sort=-match&search=rust&searchTarget=search-index\
              &blockedHosts[]=video.example.fr&nsfw=both&categoryOneOf=15\
              &languageOneOf[]=en&tagsOneOf=rust",
            Location::Query,
        )
        .unwrap(),
    )
    .unwrap();
    let expected = VideoQuery {
        search: Some("rust".into()),
        categories: vec![15],
        languages: strings(&["en"]),
        tags_one_of: strings(&["rust"]),
        blocks: Blocks {
            hosts: hosts(&["video.example.fr"]),
            ..Blocks::default()
        },
        page: Page {
            start: 0,
            count: 15,
        },
        ..Default::default()
    };
    assert_eq!(from_body, expected);
    assert_eq!(from_query, expected);
    let mobilizon = b"boostLanguages%5B%5D=fr&boostLanguages%5B%5D=en\
             &categoryOneOf%5B%5D=MUSIC&categoryOneOf%5B%5D=FAMILY_EDUCATION&count=16\
             &distance=500.0_km&languageOneOf%5B%5D=en&languageOneOf%5B%5D=fr\
             &latlon=48.8566%3A2.3522&search=jazz&sort=-match&start=0\
             &startDateMin=2025-01-01T00%3A00%3A00Z&statusOneOf%5B%5D=CONFIRMED";
    let from_query =
        event_query(&RawParams::from_urlencoded(mobilizon, Location::Query).unwrap()).unwrap();
    let from_json = event_query(
        &RawParams::from_json(
            json!({
                "boostLanguages": ["fr", "en"],
                "categoryOneOf": ["MUSIC", "FAMILY_EDUCATION"],
                "count": 16,
                "distance": "500.0_km",
                "languageOneOf": ["en", "fr"],
                "latlon": "48.8566:2.3522",
                "search": "jazz",
                "sort": "-match",
                "start": 0,
                "startDateMin": "2025-01-01T00:00:00Z",
                "statusOneOf": "CONFIRMED",
            })
            .to_string()
            .as_bytes(),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(from_query, from_json);
    assert_eq!(
        from_query.categories,
        strings(&["MUSIC", "FAMILY_EDUCATION"])
    );
    assert_eq!(
        from_query.geo.near,
        Some(Circle {
            lat: 48.8566,
            lon: 2.3522,
            radius_km: 500.0
        })
    );
    assert_eq!(from_query.statuses, strings(&["CONFIRMED"]));
    assert_eq!(
        from_query.page,
        Page {
            start: 0,
            count: 16
        }
    );
}

/// Checked hosts, as queries hold them.
fn hosts(xs: &[&str]) -> Vec<Host> {
    xs.iter().filter_map(|h| Host::parse(h)).collect()
}

/// Unknown parameters of every JSON type (objects, nested arrays, arrays of
/// objects, null) and every bracket form decode to the query without them,
/// for every kind; a known parameter holding an object is refused by name.
#[test]
fn unknown_parameters_of_any_type_change_nothing() {
    let plain = br#"{"search":"rust","count":5}"#;
    let noisy = br#"{"search":"rust","count":5,"x":{"a":{"b":[1]}},"y":[[1],[2,[3]]],"z":[{"a":1},null],"w":null,"resultType":["videos"]}"#;
    let json = |b: &[u8]| RawParams::from_json(b).unwrap();
    assert_eq!(
        video_query(&json(noisy)).unwrap(),
        video_query(&json(plain)).unwrap()
    );
    assert_eq!(
        channel_query(&json(noisy)).unwrap(),
        channel_query(&json(plain)).unwrap()
    );
    assert_eq!(
        playlist_query(&json(noisy)).unwrap(),
        playlist_query(&json(plain)).unwrap()
    );
    assert_eq!(
        event_query(&json(noisy)).unwrap().search,
        event_query(&json(plain)).unwrap().search
    );
    assert_eq!(
        group_query(&json(noisy)).unwrap(),
        group_query(&json(plain)).unwrap()
    );
    let q = |s: &str| {
        video_query(&RawParams::from_urlencoded(s.as_bytes(), Location::Query).unwrap()).unwrap()
    };
    assert_eq!(
        q("search=rust&count=5&x[a]=1&x[a][b]=2&y[]=&filter=local"),
        q("search=rust&count=5")
    );
    for known in ["search", "count", "categoryOneOf", "nsfw", "isLive", "sort"] {
        let body = json!({ known: {"a": 1} }).to_string();
        let err = video_query(&json(body.as_bytes())).unwrap_err();
        assert!(err.to_string().contains(known), "{known}: {err}");
    }
}
