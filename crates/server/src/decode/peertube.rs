//! The PeerTube kinds' searches from request parameters: PeerTube's
//! `/api/v1/search/videos`, `/video-channels` and `/video-playlists`
//! (<https://docs.joinpeertube.org/api-rest-reference.html#tag/Search>).

use sepiola_model::Timestamp;
use sepiola_model::query::{ChannelQuery, DateRange, MAX_STATE, PlaylistQuery, States, VideoQuery};

use crate::decode::{Decoder, FromParams, normalize_handle};
use crate::params::RawParams;
use crate::problem::ApiError;

/// Decodes a video search.
pub fn video_query(p: &RawParams) -> Result<VideoQuery, ApiError> {
    let d = Decoder::new(p);
    let nsfw = match d.text("nsfw", 16)?.as_deref().map(str::to_ascii_lowercase) {
        None => None,
        Some(s) if s == "both" => None,
        Some(s) if s == "true" || s == "1" => Some(true),
        Some(s) if s == "false" || s == "0" => Some(false),
        Some(_) => {
            return Err(ApiError::invalid(
                "nsfw",
                d.location("nsfw"),
                "must be true, false or both",
            ));
        }
    };
    // `includeScheduledLive` asks PeerTube to list lives scheduled for
    // later; the crawler lists what an anonymous listing shows, which has
    // none, so the index holds none: the value is checked, then changes
    // nothing (see docs/ranking.md).
    let _ = d.boolean("includeScheduledLive")?;
    let q = VideoQuery {
        search: d.search()?,
        nsfw,
        nsfw_flags_included: nsfw_flags(&d, "nsfwFlagsIncluded")?,
        nsfw_flags_excluded: nsfw_flags(&d, "nsfwFlagsExcluded")?,
        states: States(d.uint_list("stateOneOf", u64::from(MAX_STATE))?),
        is_live: d.boolean("isLive")?,
        categories: d.uint_list("categoryOneOf", 10_000)?,
        licences: d.uint_list("licenceOneOf", 10_000)?,
        languages: d.languages("languageOneOf")?,
        tags_one_of: d.list("tagsOneOf")?,
        tags_all_of: d.list("tagsAllOf")?,
        host: d.host()?,
        published: published(&d)?,
        originally_published: DateRange {
            from: d.date("originallyPublishedStartDate")?,
            to: d.date("originallyPublishedEndDate")?,
        },
        duration_min: d.uint("durationMin", u64::from(u32::MAX))?,
        duration_max: d.uint("durationMax", u64::from(u32::MAX))?,
        uuids: d.uuids()?,
        boost_languages: d.languages("boostLanguages")?,
        blocks: d.blocks()?,
        sort: d.sort()?,
        page: d.page()?,
    };
    Ok(q)
}

/// The publication window: PeerTube's `startDate`/`endDate`, intersected
/// with `publishedAfter`/`publishedBefore` (the names Grayjay's date filter
/// sends; both ends inclusive, as PeerTube's are).
fn published(d: &Decoder) -> Result<DateRange, ApiError> {
    let later = |a: Option<Timestamp>, b: Option<Timestamp>| a.max(b);
    let earlier = |a: Option<Timestamp>, b: Option<Timestamp>| match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    Ok(DateRange {
        from: later(d.date("startDate")?, d.date("publishedAfter")?),
        to: earlier(d.date("endDate")?, d.date("publishedBefore")?),
    })
}

/// An NSFW flags parameter: an integer of PeerTube's flag bits (any
/// 32-bit value is accepted; bits PeerTube does not define match nothing).
fn nsfw_flags(d: &Decoder<'_>, name: &str) -> Result<u32, ApiError> {
    let v = d.uint(name, u64::from(u32::MAX))?.unwrap_or(0);
    Ok(u32::try_from(v).unwrap_or(0))
}

/// Decodes a channel search.
pub fn channel_query(p: &RawParams) -> Result<ChannelQuery, ApiError> {
    let d = Decoder::new(p);
    Ok(ChannelQuery {
        search: d.search()?.map(|s| s.trim_start_matches('@').to_string()),
        host: d.host()?,
        handles: d
            .list("handles")?
            .iter()
            .filter_map(|h| normalize_handle(h))
            .collect(),
        blocks: d.blocks()?,
        sort: d.sort()?,
        page: d.page()?,
    })
}

/// Decodes a playlist search.
pub fn playlist_query(p: &RawParams) -> Result<PlaylistQuery, ApiError> {
    let d = Decoder::new(p);
    Ok(PlaylistQuery {
        search: d.search()?,
        host: d.host()?,
        uuids: d.uuids()?,
        blocks: d.blocks()?,
        sort: d.sort()?,
        page: d.page()?,
    })
}

impl FromParams for VideoQuery {
    fn from_params(p: &RawParams) -> Result<Self, ApiError> {
        video_query(p)
    }
}

impl FromParams for ChannelQuery {
    fn from_params(p: &RawParams) -> Result<Self, ApiError> {
        channel_query(p)
    }
}

impl FromParams for PlaylistQuery {
    fn from_params(p: &RawParams) -> Result<Self, ApiError> {
        playlist_query(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::location::Location;
    use proptest::prelude::*;
    use sepiola_model::query::{MAX_SEARCH_CHARS, Page, Sort, VideoSort};

    fn q(s: &str) -> Result<VideoQuery, ApiError> {
        video_query(&RawParams::from_urlencoded(s.as_bytes(), Location::Query)?)
    }

    #[test]
    fn decodes_every_video_parameter() {
        let v = q(
            "search=cats&nsfw=false&isLive=true&categoryOneOf=15&categoryOneOf=2\
                   &licenceOneOf[]=1&languageOneOf=fr-FR&languageOneOf=_unknown&tagsOneOf=a\
                   &tagsAllOf=b&host=Tube.Example&startDate=2024-01-01&endDate=2024-12-31T00:00:00Z\
                   &durationMin=10&durationMax=600&uuids=abc&boostLanguages=en\
                   &blockedHosts=x.org&blockedAccounts=@bob@y.org&sort=-views&start=10&count=5",
        )
        .unwrap();
        assert_eq!(v.search.as_deref(), Some("cats"));
        assert_eq!(v.nsfw, Some(false));
        assert_eq!(v.is_live, Some(true));
        assert_eq!(v.categories, vec![15, 2]);
        assert_eq!(v.licences, vec![1]);
        assert_eq!(v.languages, vec!["fr", "_unknown"]);
        assert_eq!(v.host.as_deref(), Some("tube.example"));
        assert!(v.published.from.is_some() && v.published.to.is_some());
        assert_eq!((v.duration_min, v.duration_max), (Some(10), Some(600)));
        assert_eq!(v.blocks.accounts, vec!["bob@y.org"]);
        assert_eq!(
            v.sort,
            Sort {
                field: VideoSort::Views,
                descending: true
            }
        );
        assert_eq!(
            v.page,
            Page {
                start: 10,
                count: 5
            }
        );
    }

    #[test]
    fn decodes_nsfw_flags_and_states() {
        let v = q(
            "nsfw=false&nsfwFlagsIncluded=2&nsfwFlagsExcluded=1&stateOneOf=1&stateOneOf=4\
                   &includeScheduledLive=true",
        )
        .unwrap();
        assert_eq!(
            (v.nsfw, v.nsfw_flags_included, v.nsfw_flags_excluded),
            (Some(false), 2, 1)
        );
        assert_eq!(v.states.0, vec![1, 4]);
        let v = q("search=x").unwrap();
        assert_eq!((v.nsfw_flags_included, v.nsfw_flags_excluded), (0, 0));
        assert!(v.states.accepts_published());
        for bad in [
            "nsfwFlagsExcluded=violent",
            "nsfwFlagsExcluded=-1",
            "nsfwFlagsIncluded=99999999999",
            "stateOneOf=14",
            "stateOneOf=published",
            "includeScheduledLive=sometimes-maybe",
        ] {
            assert!(q(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn refuses_what_cannot_be_meant() {
        for bad in [
            "count=101",
            "count=-1",
            "start=-5",
            "count=abc",
            "sort=random",
            "sort=displayName",
            "nsfw=maybe",
            "startDate=yesterday",
            "categoryOneOf=music",
            "durationMin=99999999999999999999",
            "host=not%20a%20host",
        ] {
            assert!(q(bad).is_err(), "{bad} accepted");
        }
        let long = format!("search={}", "a".repeat(MAX_SEARCH_CHARS + 1));
        assert!(q(&long).is_err());
    }

    #[test]
    fn deep_pages_are_decoded_not_refused() {
        assert_eq!(
            q("start=9990&count=20").unwrap().page,
            Page {
                start: 9990,
                count: 20
            }
        );
        assert_eq!(q("start=50000").unwrap().page.start, 50_000);
        assert_eq!(q("start=50000").unwrap().page.served().count, 0);
        assert_eq!(q("start=9990&count=20").unwrap().page.served().count, 10);
    }

    #[test]
    fn published_after_and_before_intersect_start_and_end_date() {
        let t = |s: &str| Timestamp::parse(s);
        let v = q("publishedAfter=2024-03-01T00:00:00.000Z&startDate=2024-01-01").unwrap();
        assert_eq!(v.published.from, t("2024-03-01T00:00:00Z"));
        let v = q("publishedBefore=2024-03-01&endDate=2024-05-01").unwrap();
        assert_eq!(v.published.to, t("2024-03-01"));
        let v = q("publishedAfter=2024-03-01&publishedBefore=2024-04-01").unwrap();
        assert_eq!(
            (v.published.from, v.published.to),
            (t("2024-03-01"), t("2024-04-01"))
        );
        assert!(q("publishedAfter=soon").is_err());
    }

    #[test]
    fn sepiola_sorts_of_peertube_lists_are_accepted() {
        for (s, f) in [
            ("-trending", VideoSort::Trending),
            ("trending", VideoSort::Trending),
            ("-hot", VideoSort::Hot),
            ("hot", VideoSort::Hot),
            ("best", VideoSort::Best),
            ("-best", VideoSort::Best),
        ] {
            assert_eq!(q(&format!("sort={s}")).unwrap().sort.field, f, "{s}");
        }
    }

    #[test]
    fn unknown_structured_parameters_are_ignored_known_ones_refused() {
        let j = |b: &str| video_query(&RawParams::from_json(b.as_bytes()).unwrap());
        assert!(j(r#"{"x":{"a":1},"y":[[1]],"z":null,"search":"a"}"#).is_ok());
        for bad in [
            r#"{"search":{"a":1}}"#,
            r#"{"categoryOneOf":[[15]]}"#,
            r#"{"isLive":{"a":1}}"#,
            r#"{"count":{"a":1}}"#,
        ] {
            assert!(j(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn match_and_minus_match_are_best_first() {
        assert_eq!(q("sort=match").unwrap().sort, Sort::default());
        assert_eq!(q("sort=-match").unwrap().sort, Sort::default());
        assert_eq!(
            q("").unwrap().page,
            Page {
                start: 0,
                count: 20
            }
        );
    }

    proptest! {
        #[test]
        fn decoding_never_panics_on_any_query_string(s in ".{0,300}") {
            if let Ok(p) = RawParams::from_urlencoded(s.as_bytes(), Location::Query) {
                let _ = video_query(&p);
                let _ = channel_query(&p);
                let _ = playlist_query(&p);
            }
        }

        #[test]
        fn decoding_never_panics_on_any_bytes(b in proptest::collection::vec(any::<u8>(), 0..300)) {
            if let Ok(p) = RawParams::from_urlencoded(&b, Location::Query) {
                let _ = video_query(&p);
            }
            if let Ok(p) = RawParams::from_json(&b) {
                let _ = video_query(&p);
                let _ = channel_query(&p);
            }
        }

        #[test]
        fn decoding_never_panics_on_structured_params(
            keys in proptest::collection::vec(prop_oneof![
                Just("start"), Just("count"), Just("sort"), Just("nsfw"), Just("isLive"),
                Just("categoryOneOf"), Just("startDate"), Just("durationMin"), Just("host"),
                Just("blockedAccounts"), Just("uuids"), Just("languageOneOf"), Just("search")
            ], 0..8),
            values in proptest::collection::vec(".{0,40}", 8),
        ) {
            let s: Vec<String> = keys.iter().zip(values.iter())
                .map(|(k, v)| format!("{k}={}", percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC)))
                .collect();
            let p = RawParams::from_urlencoded(s.join("&").as_bytes(), Location::Query).unwrap();
            let _ = video_query(&p);
            let _ = channel_query(&p);
            let _ = playlist_query(&p);
        }
    }
}
